#include "codec/hl7datetime.h"

#include <QTest>
#include <QTimeZone>

using vigil::codec::Hl7DateTime;
using Precision = Hl7DateTime::Precision;

namespace {

// µs UTC of a calendar time, via QDateTime (the independent reference).
qint64 utcMicros(int y, int mo, int d, int h = 0, int mi = 0, int s = 0, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), QTimeZone::utc()).toMSecsSinceEpoch() * 1000;
}

} // namespace

class TestHl7DateTime : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
    void formatUtc();
};

void TestHl7DateTime::valid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("utc");
    QTest::addColumn<int>("precision");
    QTest::addColumn<int>("offsetMinutes");

    // PCD-01 OBX-14 with +0500: 09:57:25 local is 04:57:25 UTC.
    QTest::newRow("pcd01 +0500") << QStringLiteral("20090813095725+0500") << utcMicros(2009, 8, 13, 4, 57, 25)
                                 << int(Precision::Second) << 300;
    QTest::newRow("lab -0400") << QStringLiteral("20070701132554-0400") << utcMicros(2007, 7, 1, 17, 25, 54)
                               << int(Precision::Second) << -240;
    QTest::newRow("+0000") << QStringLiteral("20090715070707+0000") << utcMicros(2009, 7, 15, 7, 7, 7)
                           << int(Precision::Second) << 0;
    QTest::newRow("no offset is UTC") << QStringLiteral("20081211144500") << utcMicros(2008, 12, 11, 14, 45)
                                      << int(Precision::Second) << 0;
    QTest::newRow("offset crosses midnight")
        << QStringLiteral("200901010030+0100") << utcMicros(2008, 12, 31, 23, 30) << int(Precision::Minute) << 60;
    QTest::newRow("half-hour zone") << QStringLiteral("20240301120000+0530") << utcMicros(2024, 3, 1, 6, 30)
                                    << int(Precision::Second) << 330;
    QTest::newRow("milliseconds") << QStringLiteral("20150615145531.000") << utcMicros(2015, 6, 15, 14, 55, 31)
                                  << int(Precision::FractionOfSecond) << 0;
    QTest::newRow("ten-thousandths") << QStringLiteral("20150615145531.1234")
                                     << utcMicros(2015, 6, 15, 14, 55, 31) + 123400 << int(Precision::FractionOfSecond)
                                     << 0;
    QTest::newRow("tenths with offset") << QStringLiteral("20150615145531.5-0100")
                                        << utcMicros(2015, 6, 15, 15, 55, 31) + 500000
                                        << int(Precision::FractionOfSecond) << -60;
    QTest::newRow("hour") << QStringLiteral("2004080515") << utcMicros(2004, 8, 5, 15) << int(Precision::Hour) << 0;
    QTest::newRow("day (a birth date)") << QStringLiteral("19770404") << utcMicros(1977, 4, 4) << int(Precision::Day)
                                        << 0;
    QTest::newRow("month") << QStringLiteral("197704") << utcMicros(1977, 4, 1) << int(Precision::Month) << 0;
    QTest::newRow("year") << QStringLiteral("1977") << utcMicros(1977, 1, 1) << int(Precision::Year) << 0;
    QTest::newRow("before the epoch") << QStringLiteral("19290405") << utcMicros(1929, 4, 5) << int(Precision::Day)
                                      << 0;
    QTest::newRow("leap day") << QStringLiteral("20240229") << utcMicros(2024, 2, 29) << int(Precision::Day) << 0;
    QTest::newRow("surrounding spaces") << QStringLiteral(" 20240101 ") << utcMicros(2024, 1, 1) << int(Precision::Day)
                                        << 0;
}

void TestHl7DateTime::valid()
{
    QFETCH(QString, text);
    QFETCH(qint64, utc);
    QFETCH(int, precision);
    QFETCH(int, offsetMinutes);
    const std::optional<Hl7DateTime> dt = Hl7DateTime::parse(text);
    QVERIFY(dt);
    QCOMPARE(dt->utc, utc);
    QCOMPARE(int(dt->precision), precision);
    QCOMPARE(dt->offsetMinutes, offsetMinutes);
    QCOMPARE(dt->hasOffset, text.contains(u'+') || text.contains(u'-'));
}

void TestHl7DateTime::invalid_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("year only three digits") << QStringLiteral("977");
    QTest::newRow("year 0000") << QStringLiteral("00000101");
    QTest::newRow("odd digits") << QStringLiteral("2009081");
    QTest::newRow("month 13") << QStringLiteral("20091301");
    QTest::newRow("month 00") << QStringLiteral("20090001");
    QTest::newRow("30 February") << QStringLiteral("20090230");
    QTest::newRow("29 February, not a leap year") << QStringLiteral("20230229");
    QTest::newRow("day 52 (python-hl7 sample)") << QStringLiteral("196203520");
    QTest::newRow("hour 24") << QStringLiteral("2009010124");
    QTest::newRow("minute 60") << QStringLiteral("200901012360");
    QTest::newRow("second 60") << QStringLiteral("20090101235960");
    QTest::newRow("fraction without seconds") << QStringLiteral("200901012359.5");
    QTest::newRow("five fraction digits") << QStringLiteral("20090101235959.12345");
    QTest::newRow("empty fraction") << QStringLiteral("20090101235959.");
    QTest::newRow("short offset") << QStringLiteral("20090101+05");
    QTest::newRow("offset minutes 60") << QStringLiteral("20090101+0560");
    QTest::newRow("offset hours 24") << QStringLiteral("20090101+2400");
    QTest::newRow("two offsets") << QStringLiteral("20090101+0100+0100");
    QTest::newRow("letters") << QStringLiteral("2009O101");
    QTest::newRow("ISO 8601") << QStringLiteral("2009-01-01T10:00:00Z");
    QTest::newRow("HL7 null") << QStringLiteral("\"\"");
    QTest::newRow("non-ASCII digits") << QStringLiteral("\u0662\u0660\u0660\u0669");
}

void TestHl7DateTime::invalid()
{
    QFETCH(QString, text);
    QVERIFY(!Hl7DateTime::parse(text));
}

void TestHl7DateTime::formatUtc()
{
    const QDateTime t(QDate(2024, 3, 1), QTime(6, 30, 5), QTimeZone::utc());
    QCOMPARE(Hl7DateTime::formatUtc(t), QStringLiteral("20240301063005+0000"));
    // A time in another zone is written in UTC.
    const QDateTime east(QDate(2024, 3, 1), QTime(12, 0, 5), QTimeZone(5 * 3600 + 30 * 60));
    QCOMPARE(Hl7DateTime::formatUtc(east), QStringLiteral("20240301063005+0000"));
    // Round trip.
    QCOMPARE(Hl7DateTime::parse(Hl7DateTime::formatUtc(t))->utc, t.toMSecsSinceEpoch() * 1000);
}

QTEST_GUILESS_MAIN(TestHl7DateTime)
#include "tst_hl7datetime.moc"
