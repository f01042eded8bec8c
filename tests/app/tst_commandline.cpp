// vigil's command line: values parsed right, bad arguments refused with a clear message and exit 2
// (checked on the real executable, which must fail before it needs a display).

#include "commandline.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using vigil::app::CommandLine;

class TestCommandLine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaults()
    {
        QString error;
        const auto cl = CommandLine::parse({QStringLiteral("vigil")}, &error);
        QVERIFY2(cl, qPrintable(error));
        // Without --demo: the stored data of the default cache, for review.
        QVERIFY(!cl->demo);
        QVERIFY(cl->cachePath.isEmpty());
        QCOMPARE(cl->lockAfterMinutes, 10);
        QCOMPARE(cl->patients, 16);
        QCOMPARE(cl->renderer, QStringLiteral("auto"));
        QVERIFY(!cl->scenario);
        QCOMPARE(cl->quitAfterMs, -1);
    }

    void parsesEveryOption()
    {
        QTemporaryDir dir;
        const QString shot = dir.filePath(QStringLiteral("shot.png"));
        QString error;
        const auto cl = CommandLine::parse(
            {QStringLiteral("vigil"), QStringLiteral("--demo"), QStringLiteral("--patients"), QStringLiteral("64"),
                QStringLiteral("--seed"), QStringLiteral("42"), QStringLiteral("--scenario"), QStringLiteral("sepsis"),
                QStringLiteral("--renderer=software"), QStringLiteral("--screenshot"), shot,
                QStringLiteral("--quit-after-ms"), QStringLiteral("1500"), QStringLiteral("--cache"),
                dir.filePath(QStringLiteral("ward.vigil")), QStringLiteral("--lock-after"), QStringLiteral("0")},
            &error);
        QVERIFY2(cl, qPrintable(error));
        QVERIFY(cl->demo);
        QCOMPARE(cl->cachePath, dir.filePath(QStringLiteral("ward.vigil")));
        QCOMPARE(cl->lockAfterMinutes, 0);
        QCOMPARE(cl->patients, 64);
        QCOMPARE(cl->seed, quint64{42});
        QVERIFY(cl->scenario == vigil::sim::Scenario::Sepsis);
        QCOMPARE(cl->renderer, QStringLiteral("software"));
        QCOMPARE(cl->screenshot, shot);
        QCOMPARE(cl->quitAfterMs, 1500);
    }

    void badArgumentsExitWithCode2_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("zero patients") << QStringList{QStringLiteral("--patients"), QStringLiteral("0")}
                                       << QStringLiteral("1 to 256");
        QTest::newRow("too many patients")
            << QStringList{QStringLiteral("--patients"), QStringLiteral("257")} << QStringLiteral("1 to 256");
        QTest::newRow("patients not a number")
            << QStringList{QStringLiteral("--patients=lots")} << QStringLiteral("1 to 256");
        QTest::newRow("unknown renderer") << QStringList{QStringLiteral("--renderer"), QStringLiteral("vulkan")}
                                          << QStringLiteral("Unknown renderer");
        QTest::newRow("unknown scenario") << QStringList{QStringLiteral("--scenario"), QStringLiteral("zombie")}
                                          << QStringLiteral("Unknown scenario");
        QTest::newRow("unwritable screenshot")
            << QStringList{QStringLiteral("--screenshot"), QStringLiteral("/nonexistent-dir/x.png")}
            << QStringLiteral("Cannot write the screenshot");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--frobnicate")} << QStringLiteral("frobnicate");
        QTest::newRow("cache in a missing folder")
            << QStringList{QStringLiteral("--cache"), QStringLiteral("/nonexistent-dir/cache.vigil")}
            << QStringLiteral("as the cache");
        QTest::newRow("cache is a folder")
            << QStringList{QStringLiteral("--cache"), QStringLiteral("/tmp")} << QStringLiteral("as the cache");
        QTest::newRow("cache without a path") << QStringList{QStringLiteral("--cache")} << QStringLiteral("cache");
        QTest::newRow("negative lock time")
            << QStringList{QStringLiteral("--lock-after"), QStringLiteral("-1")} << QStringLiteral("--lock-after");
        QTest::newRow("lock time not a number")
            << QStringList{QStringLiteral("--lock-after=ten")} << QStringLiteral("--lock-after");
        QTest::newRow("lock time too long")
            << QStringList{QStringLiteral("--lock-after"), QStringLiteral("100000")} << QStringLiteral("--lock-after");
        QTest::newRow("negative quit time")
            << QStringList{QStringLiteral("--quit-after-ms"), QStringLiteral("-5")} << QStringLiteral("quit-after-ms");
    }
    void badArgumentsExitWithCode2()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        QString error;
        QVERIFY(!CommandLine::parse(QStringList{QStringLiteral("vigil")} + arguments, &error));
        QVERIFY2(error.contains(message), qPrintable(error));

        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb")); // would fail if a window were opened
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(VIGIL_BIN), arguments);
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), CommandLine::kUsageError);
        const QString stderrText = QString::fromLocal8Bit(process.readAllStandardError());
        QVERIFY2(stderrText.contains(message), qPrintable(stderrText));
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
