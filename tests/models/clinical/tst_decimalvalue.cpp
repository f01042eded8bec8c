// DecimalValue: half-up rounding in decimal, as a person reads the number (CLINICAL.md NEWS2 rule 2).
#include "clinical/decimalvalue.h"

#include <QTest>

using vigil::clinical::DecimalValue;

class TestDecimalValue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundsDoublesAsWritten_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<int>("decimals");
        QTest::addColumn<qint64>("scaled");
        // Binary doubles just below the written tie: naive round(x * 10) gets these wrong.
        QTest::newRow("37.05") << 37.05 << 1 << qint64(371);
        QTest::newRow("38.05") << 38.05 << 1 << qint64(381);
        QTest::newRow("35.05") << 35.05 << 1 << qint64(351);
        QTest::newRow("1.005 to 2") << 1.005 << 2 << qint64(101);
        QTest::newRow("37.04") << 37.04 << 1 << qint64(370);
        QTest::newRow("37.0499") << 37.0499 << 1 << qint64(370);
        QTest::newRow("20.5") << 20.5 << 0 << qint64(21);
        QTest::newRow("20.49") << 20.49 << 0 << qint64(20);
        QTest::newRow("8.5") << 8.5 << 0 << qint64(9);
        QTest::newRow("90") << 90.0 << 0 << qint64(90);
        QTest::newRow("0.1+0.2") << (0.1 + 0.2) << 1 << qint64(3); // 0.30000000000000004
        QTest::newRow("-2.5") << -2.5 << 0 << qint64(-3); // half away from zero
        QTest::newRow("1e-7") << 1e-7 << 1 << qint64(0);
        QTest::newRow("123456.75") << 123456.75 << 1 << qint64(1234568);
    }
    void roundsDoublesAsWritten()
    {
        QFETCH(double, value);
        QFETCH(int, decimals);
        QFETCH(qint64, scaled);
        QCOMPARE(DecimalValue::roundScaled(value, decimals), std::optional<qint64>(scaled));
    }

    void refusesWhatIsNotANumber()
    {
        QVERIFY(!DecimalValue::roundScaled(std::numeric_limits<double>::quiet_NaN(), 0));
        QVERIFY(!DecimalValue::roundScaled(std::numeric_limits<double>::infinity(), 0));
        QVERIFY(!DecimalValue::roundScaled(1e13, 0));
        QVERIFY(!DecimalValue::roundScaled(1.0, 4));
        for (const char* text : {"", "-", ".", "1e1", "12a", "1.2.3", "0x10", " ", "--1", "1,5"})
            QVERIFY2(!DecimalValue::parseScaled(QString::fromLatin1(text), 1), text);
    }

    void parsesText()
    {
        QCOMPARE(DecimalValue::parseScaled(u"37.05", 1), std::optional<qint64>(371));
        QCOMPARE(DecimalValue::parseScaled(u" 37.049999 ", 1), std::optional<qint64>(370));
        QCOMPARE(DecimalValue::parseScaled(u"+20.5", 0), std::optional<qint64>(21));
        QCOMPARE(DecimalValue::parseScaled(u"-0.04", 1), std::optional<qint64>(0));
        QCOMPARE(DecimalValue::parseScaled(u"7.", 0), std::optional<qint64>(7));
        QCOMPARE(DecimalValue::parseScaled(u".5", 0), std::optional<qint64>(1));
        QCOMPARE(DecimalValue::parseScaled(u"36", 1), std::optional<qint64>(360));
    }

    void formats()
    {
        QCOMPARE(DecimalValue::format(371, 1), QStringLiteral("37.1"));
        QCOMPARE(DecimalValue::format(350, 1), QStringLiteral("35.0"));
        QCOMPARE(DecimalValue::format(-5, 1), QStringLiteral("-0.5"));
        QCOMPARE(DecimalValue::format(97, 0), QStringLiteral("97"));
        QCOMPARE(DecimalValue::format(1005, 2), QStringLiteral("10.05"));
    }
};

QTEST_GUILESS_MAIN(TestDecimalValue)
#include "tst_decimalvalue.moc"
