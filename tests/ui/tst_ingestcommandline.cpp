// vigil's live-ingest options: --broker (failover list), --site, --mllp, TLS files, MQTT credentials
// and the client id; wrong combinations refused with a clear message (the executable exits with 2).
// Without them the app behaves as before (no live transport).

#include "commandline.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using vigil::app::CommandLine;

namespace {

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return {};
    return path;
}

} // namespace

class TestIngestCommandLine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void noTransportByDefault()
    {
        QString error;
        const auto cl = CommandLine::parse({QStringLiteral("vigil"), QStringLiteral("--demo")}, &error);
        QVERIFY2(cl, qPrintable(error));
        QVERIFY(!cl->hasLiveTransport());
        QVERIFY(cl->brokers.isEmpty());
        QCOMPARE(cl->mllpPort, -1);
        QCOMPARE(cl->site, QStringLiteral("demo"));
    }

    void parsesTransports()
    {
        QTemporaryDir dir;
        const QString ca = writeFile(dir, QStringLiteral("ca.pem"), "ca");
        const QString cert = writeFile(dir, QStringLiteral("client.pem"), "cert");
        const QString key = writeFile(dir, QStringLiteral("client.key"), "key");
        const QString password = writeFile(dir, QStringLiteral("password"), "s3cret-value\nsecond line\n");
        QString error;
        const auto cl = CommandLine::parse(
            {QStringLiteral("vigil"), QStringLiteral("--broker"),
                QStringLiteral("mqtts://hub-a:8883, mqtts://hub-b:8883"), QStringLiteral("--site"),
                QStringLiteral("north"), QStringLiteral("--mllp"), QStringLiteral("2575"), QStringLiteral("--ca"), ca,
                QStringLiteral("--cert"), cert, QStringLiteral("--key"), key, QStringLiteral("--mqtt-username"),
                QStringLiteral("ward7"), QStringLiteral("--mqtt-password-file"), password,
                QStringLiteral("--client-id"), QStringLiteral("vigil-ward7-desk2")},
            &error);
        QVERIFY2(cl, qPrintable(error));
        QVERIFY(cl->hasLiveTransport());
        QCOMPARE(
            cl->brokers, (QStringList{QStringLiteral("mqtts://hub-a:8883"), QStringLiteral("mqtts://hub-b:8883")}));
        QCOMPARE(cl->site, QStringLiteral("north"));
        QCOMPARE(cl->mllpPort, 2575);
        QCOMPARE(cl->caFile, ca);
        QCOMPARE(cl->certFile, cert);
        QCOMPARE(cl->keyFile, key);
        QCOMPARE(cl->mqttUsername, QStringLiteral("ward7"));
        QCOMPARE(cl->mqttPassword, QStringLiteral("s3cret-value"));
        QCOMPARE(cl->clientId, QStringLiteral("vigil-ward7-desk2"));
    }

    void mllpAlone()
    {
        QString error;
        const auto cl = CommandLine::parse({QStringLiteral("vigil"), QStringLiteral("--mllp=0")}, &error);
        QVERIFY2(cl, qPrintable(error));
        QVERIFY(cl->hasLiveTransport());
        QCOMPARE(cl->mllpPort, 0);
        QVERIFY(cl->brokers.isEmpty());
    }

    void clientIdIsStable()
    {
        QString error;
        const auto a = CommandLine::parse(
            {QStringLiteral("vigil"), QStringLiteral("--broker"), QStringLiteral("tcp://127.0.0.1:1883")}, &error);
        const auto b = CommandLine::parse(
            {QStringLiteral("vigil"), QStringLiteral("--broker"), QStringLiteral("tcp://127.0.0.1:1883")}, &error);
        QVERIFY2(a && b, qPrintable(error));
        QCOMPARE(a->clientId, CommandLine::defaultClientId());
        QCOMPARE(a->clientId, b->clientId);
        QVERIFY(a->clientId.startsWith(QStringLiteral("vigil-")));
        for (const QChar c : a->clientId)
            QVERIFY2(c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_') || c == QLatin1Char('.'),
                qPrintable(a->clientId));
    }

    void refusesBadTransports_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QString broker = QStringLiteral("--broker=tcp://127.0.0.1:1883");
        // Any readable file will do where the content does not matter: this test's own executable.
        const QString readable = QCoreApplication::applicationFilePath();
        QTest::newRow("empty broker list") << QStringList{QStringLiteral("--broker=,")} << QStringLiteral("--broker");
        QTest::newRow("not a URI") << QStringList{QStringLiteral("--broker=hub-a")}
                                   << QStringLiteral("not a broker address");
        QTest::newRow("http") << QStringList{QStringLiteral("--broker=http://hub-a:80")}
                              << QStringLiteral("not a broker address");
        QTest::newRow("mllp port") << QStringList{QStringLiteral("--mllp=70000")} << QStringLiteral("--mllp");
        QTest::newRow("mllp not a number") << QStringList{QStringLiteral("--mllp=hl7")} << QStringLiteral("--mllp");
        QTest::newRow("site without broker")
            << QStringList{QStringLiteral("--site=north")} << QStringLiteral("--broker");
        QTest::newRow("site with a slash")
            << QStringList{broker, QStringLiteral("--site=a/b")} << QStringLiteral("--site");
        QTest::newRow("missing CA file") << QStringList{QStringLiteral("--broker=ssl://hub:8883"),
            QStringLiteral("--ca=/nonexistent/ca.pem")}
                                         << QStringLiteral("cannot read");
        QTest::newRow("TLS files for a plain broker")
            << QStringList{broker, QStringLiteral("--ca=") + readable} << QStringLiteral("TLS");
        QTest::newRow("password without user")
            << QStringList{broker, QStringLiteral("--mqtt-password-file=") + readable}
            << QStringLiteral("--mqtt-username");
        QTest::newRow("client id without broker")
            << QStringList{QStringLiteral("--client-id=x")} << QStringLiteral("--broker");
    }
    void refusesBadTransports()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        QString error;
        const auto cl = CommandLine::parse(QStringList{QStringLiteral("vigil")} + arguments, &error);
        QVERIFY(!cl);
        QVERIFY2(error.contains(message), qPrintable(error));
    }

    void certNeedsKey()
    {
        QTemporaryDir dir;
        const QString cert = writeFile(dir, QStringLiteral("client.pem"), "cert");
        QString error;
        const auto cl = CommandLine::parse(
            {QStringLiteral("vigil"), QStringLiteral("--broker=mqtts://hub:8883"), QStringLiteral("--cert"), cert},
            &error);
        QVERIFY(!cl);
        QVERIFY2(error.contains(QStringLiteral("--key")), qPrintable(error));
    }

    // --offline (issue 6): review only, alone or with --cache; never with a live source.
    void offlineIsReviewOnly()
    {
        QString error;
        auto cl = CommandLine::parse({QStringLiteral("vigil"), QStringLiteral("--offline")}, &error);
        QVERIFY2(cl, qPrintable(error));
        QVERIFY(cl->offline);
        QVERIFY(!cl->demo && !cl->hasLiveTransport());
        QVERIFY(!CommandLine::parse({QStringLiteral("vigil")}, &error)->offline);
        for (const QString& other :
            {QStringLiteral("--demo"), QStringLiteral("--broker=tcp://hub:1883"), QStringLiteral("--mllp=2575")}) {
            error.clear();
            cl = CommandLine::parse({QStringLiteral("vigil"), QStringLiteral("--offline"), other}, &error);
            QVERIFY2(!cl, qPrintable(other));
            QVERIFY2(error.contains(QStringLiteral("--offline is review only")), qPrintable(error));
        }
        QVERIFY(CommandLine::helpText().contains(QStringLiteral("--offline")));
    }

    void helpListsTransportOptions()
    {
        const QString help = CommandLine::helpText();
        for (const char* option : {"--broker", "--site", "--mllp", "--ca", "--cert", "--key", "--mqtt-username",
                 "--mqtt-password-file", "--client-id"})
            QVERIFY2(help.contains(QLatin1String(option)), option);
    }
};

QTEST_GUILESS_MAIN(TestIngestCommandLine)
#include "tst_ingestcommandline.moc"
