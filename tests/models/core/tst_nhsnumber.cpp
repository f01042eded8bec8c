#include "core/nhsnumber.h"

#include <QTest>

using vigil::core::NhsNumber;

class TestNhsNumber : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isValid_data();
    void isValid();
    void checkDigit_data();
    void checkDigit();
    void format_data();
    void format();
    void normalized();
};

void TestNhsNumber::isValid_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<bool>("valid");
    QTest::newRow("valid") << QStringLiteral("9434765919") << true;
    QTest::newRow("valid, spaced 3-3-4") << QStringLiteral("943 476 5919") << true;
    QTest::newRow("valid, check 11 -> 0") << QStringLiteral("9990000050") << true;
    QTest::newRow("valid test range") << QStringLiteral("9990000018") << true;
    QTest::newRow("wrong check digit") << QStringLiteral("9434765918") << false;
    QTest::newRow("transposed digits") << QStringLiteral("9434765991") << false;
    QTest::newRow("check would be 10, last 0") << QStringLiteral("9990000000") << false;
    QTest::newRow("check would be 10, last 1") << QStringLiteral("9990000001") << false;
    QTest::newRow("too short") << QStringLiteral("943476591") << false;
    QTest::newRow("too long") << QStringLiteral("94347659190") << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("letters") << QStringLiteral("94347659A9") << false;
    QTest::newRow("hyphenated") << QStringLiteral("943-476-5919") << false;
    QTest::newRow("arabic-indic digits") << QStringLiteral(
        "\u0669\u0664\u0663\u0664\u0667\u0666\u0665\u0669\u0661\u0669")
                                         << false;
}

void TestNhsNumber::isValid()
{
    QFETCH(QString, number);
    QFETCH(bool, valid);
    QCOMPARE(NhsNumber::isValid(number), valid);
}

void TestNhsNumber::checkDigit_data()
{
    QTest::addColumn<QString>("firstNine");
    QTest::addColumn<int>("check"); // -1: no valid number
    QTest::newRow("943476591") << QStringLiteral("943476591") << 9;
    QTest::newRow("sum divisible by 11") << QStringLiteral("999000005") << 0;
    QTest::newRow("999000001") << QStringLiteral("999000001") << 8;
    QTest::newRow("remainder 1 gives 10") << QStringLiteral("999000000") << -1;
    QTest::newRow("too short") << QStringLiteral("99900000") << -1;
    QTest::newRow("not digits") << QStringLiteral("99900000x") << -1;
}

void TestNhsNumber::checkDigit()
{
    QFETCH(QString, firstNine);
    QFETCH(int, check);
    const std::optional<int> actual = NhsNumber::checkDigit(firstNine);
    QCOMPARE(actual.value_or(-1), check);
}

void TestNhsNumber::format_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("formatted");
    QTest::newRow("digits") << QStringLiteral("9434765919") << QStringLiteral("943 476 5919");
    QTest::newRow("already formatted") << QStringLiteral("943 476 5919") << QStringLiteral("943 476 5919");
    QTest::newRow("odd spacing") << QStringLiteral("94 34 76 59 19") << QStringLiteral("943 476 5919");
    QTest::newRow("not ten digits") << QStringLiteral("12345") << QStringLiteral("12345");
}

void TestNhsNumber::format()
{
    QFETCH(QString, input);
    QFETCH(QString, formatted);
    QCOMPARE(NhsNumber::format(input), formatted);
}

void TestNhsNumber::normalized()
{
    QCOMPARE(NhsNumber::normalized(u"943 476 5919"), QStringLiteral("9434765919"));
    QCOMPARE(NhsNumber::normalized(u""), QString());
}

QTEST_GUILESS_MAIN(TestNhsNumber)
#include "tst_nhsnumber.moc"
