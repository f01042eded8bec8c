// `vigilctl news2` end to end: the worked cases of CLINICAL.md through the real binary and its JSON,
// an incomplete set with its range, and the refusals (out of range, not a number) with exit code 2.
#include "ctlrunner.h"

#include <QJsonObject>
#include <QTest>

using vigil::integration::CtlResult;
using vigil::integration::CtlRunner;

class TestNews2Ctl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void workedCases_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("total");
        QTest::addColumn<QString>("band");
        QTest::addColumn<bool>("red");
        const auto set = [](const char* rr, const char* spo2, const char* scale, const char* o2, const char* sbp,
                             const char* hr, const char* acvpu, const char* temp) {
            return QStringList{QStringLiteral("--rr"), QString::fromLatin1(rr), QStringLiteral("--spo2"),
                QString::fromLatin1(spo2), QStringLiteral("--scale"), QString::fromLatin1(scale),
                QStringLiteral("--o2"), QString::fromLatin1(o2), QStringLiteral("--sbp"), QString::fromLatin1(sbp),
                QStringLiteral("--hr"), QString::fromLatin1(hr), QStringLiteral("--acvpu"), QString::fromLatin1(acvpu),
                QStringLiteral("--temp"), QString::fromLatin1(temp)};
        };
        QTest::newRow("0") << set("16", "97", "1", "air", "120", "72", "A", "37.0") << 0 << "low" << false;
        QTest::newRow("3 single") << set("25", "97", "1", "air", "120", "72", "A", "37.0") << 3 << "low-medium" << true;
        QTest::newRow("5 scale 2") << set("18", "97", "2", "oxygen", "130", "80", "A", "37.0") << 5 << "medium" << true;
        QTest::newRow("2 scale 1") << set("18", "97", "1", "oxygen", "130", "80", "A", "37.0") << 2 << "low" << false;
        QTest::newRow("6") << set("21", "95", "1", "air", "105", "95", "A", "38.5") << 6 << "medium" << false;
        QTest::newRow("19") << set("26", "90", "1", "oxygen", "88", "135", "C", "39.5") << 19 << "high" << true;
        QTest::newRow("20") << set("8", "91", "1", "oxygen", "90", "131", "U", "35.0") << 20 << "high" << true;
        QTest::newRow("38.05 rounds up") << set("16", "97", "1", "air", "120", "72", "A", "38.05") << 1 << "low"
                                         << false;
    }
    void workedCases()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, total);
        QFETCH(QString, band);
        QFETCH(bool, red);
        const CtlResult r =
            CtlRunner::run(QStringList{QStringLiteral("news2")} + arguments + QStringList{QStringLiteral("--json")});
        QVERIFY2(r.exitedWith(0), r.describe().constData());
        const QJsonObject o = r.json();
        QCOMPARE(o.value(QStringLiteral("total")).toInt(-1), total);
        QCOMPARE(o.value(QStringLiteral("band")).toString(), band);
        QCOMPARE(o.value(QStringLiteral("red_score")).toBool(), red);
        QCOMPARE(o.value(QStringLiteral("complete")).toBool(), true);
        QCOMPARE(o.value(QStringLiteral("min_total")).toInt(-1), total);
        QCOMPARE(o.value(QStringLiteral("max_total")).toInt(-1), total);
        const QJsonObject components = o.value(QStringLiteral("components")).toObject();
        QCOMPARE(components.size(), 7);
        int sum = 0;
        for (const QString& key : components.keys())
            sum += components.value(key).toObject().value(QStringLiteral("score")).toInt(-100);
        QCOMPARE(sum, total);
        if (total == 0)
            QCOMPARE(o.value(QStringLiteral("response")).toString(), QStringLiteral("Routine monitoring."));
    }

    void leftOutIsUnmeasured()
    {
        const CtlResult r = CtlRunner::run(
            {QStringLiteral("news2"), QStringLiteral("--rr"), QStringLiteral("30"), QStringLiteral("--spo2"),
                QStringLiteral("97"), QStringLiteral("--scale"), QStringLiteral("2"), QStringLiteral("--json")});
        QVERIFY2(r.exitedWith(0), r.describe().constData());
        const QJsonObject o = r.json();
        QCOMPARE(o.value(QStringLiteral("complete")).toBool(), false);
        QVERIFY(o.value(QStringLiteral("total")).isNull());
        QVERIFY(o.value(QStringLiteral("band")).isNull());
        QCOMPARE(o.value(QStringLiteral("red_score")).toBool(), true); // RR 30 is a 3 whatever else
        // RR 3; SpO2 97 on Scale 2 with oxygen unknown: 0 (air) or 3 + 2 (oxygen); 4 more unmeasured.
        QCOMPARE(o.value(QStringLiteral("min_total")).toInt(), 3);
        QCOMPARE(o.value(QStringLiteral("max_total")).toInt(), 3 + 5 + 3 + 3 + 3 + 3);
        const QJsonObject temp =
            o.value(QStringLiteral("components")).toObject().value(QStringLiteral("temp")).toObject();
        QVERIFY(temp.value(QStringLiteral("value")).isNull());
        QVERIFY(temp.value(QStringLiteral("score")).isNull());
        QCOMPARE(temp.value(QStringLiteral("max")).toInt(), 3);
        // The text form says so too.
        const CtlResult text = CtlRunner::run({QStringLiteral("news2"), QStringLiteral("--rr"), QStringLiteral("16")});
        QVERIFY(text.exitedWith(0));
        QVERIFY(text.out.contains("Incomplete observation set: not a NEWS2"));
    }

    void refusals_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("fahrenheit") << QStringList{QStringLiteral("--temp"), QStringLiteral("98.6")}
                                    << QByteArray("outside the range");
        QTest::newRow("spo2 over 100") << QStringList{QStringLiteral("--spo2"), QStringLiteral("101")}
                                       << QByteArray("outside the range");
        QTest::newRow("rr 0") << QStringList{QStringLiteral("--rr"), QStringLiteral("0")}
                              << QByteArray("outside the range");
        QTest::newRow("not a number") << QStringList{QStringLiteral("--hr"), QStringLiteral("fast")}
                                      << QByteArray("not a decimal number");
        QTest::newRow("exponent") << QStringList{QStringLiteral("--hr"), QStringLiteral("1e2")}
                                  << QByteArray("not a decimal number");
        QTest::newRow("acvpu") << QStringList{QStringLiteral("--acvpu"), QStringLiteral("X")}
                               << QByteArray("A, C, V, P, U");
        QTest::newRow("scale") << QStringList{QStringLiteral("--scale"), QStringLiteral("3")} << QByteArray("1 or 2");
        QTest::newRow("o2") << QStringList{QStringLiteral("--o2"), QStringLiteral("nasal")}
                            << QByteArray("air or oxygen");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--bp"), QStringLiteral("120")}
                                        << QByteArray("Unknown option");
    }
    void refusals()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, message);
        const CtlResult r = CtlRunner::run(QStringList{QStringLiteral("news2")} + arguments);
        QVERIFY2(r.exitedWith(2), r.describe().constData());
        QVERIFY2(r.err.contains(message), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestNews2Ctl)
#include "tst_news2ctl.moc"
