#include "itemmodels/dataage.h"

#include <QTest>

using vigil::itemmodels::DataAge;

class TestDataAge : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void format_data();
    void format();
    void isStale_data();
    void isStale();
};

void TestDataAge::format_data()
{
    QTest::addColumn<double>("seconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("never") << -1.0 << QStringLiteral("never");
    QTest::newRow("any negative is never") << -0.001 << QStringLiteral("never");
    QTest::newRow("zero") << 0.0 << QStringLiteral("now");
    QTest::newRow("just under 2 s") << 1.99 << QStringLiteral("now");
    QTest::newRow("2 s") << 2.0 << QStringLiteral("2 s");
    QTest::newRow("8 s") << 8.0 << QStringLiteral("8 s");
    QTest::newRow("8.9 s truncates") << 8.9 << QStringLiteral("8 s");
    QTest::newRow("59.9 s") << 59.9 << QStringLiteral("59 s");
    QTest::newRow("1 min") << 60.0 << QStringLiteral("1 min");
    QTest::newRow("2 min") << 120.0 << QStringLiteral("2 min");
    QTest::newRow("2.9 min") << 179.0 << QStringLiteral("2 min");
    QTest::newRow("59 min") << 3599.0 << QStringLiteral("59 min");
    QTest::newRow("1 h") << 3600.0 << QStringLiteral("1 h");
    QTest::newRow("3 h") << 3.0 * 3600 << QStringLiteral("3 h");
    QTest::newRow("3 h 59 min") << 3.0 * 3600 + 59 * 60 << QStringLiteral("3 h");
    QTest::newRow("47 h") << 47.9 * 3600 << QStringLiteral("47 h");
    QTest::newRow("2 d") << 48.0 * 3600 << QStringLiteral("2 d");
    QTest::newRow("9 d") << 9.5 * 86400 << QStringLiteral("9 d");
}

void TestDataAge::format()
{
    QFETCH(double, seconds);
    QFETCH(QString, text);
    QCOMPARE(DataAge::format(seconds), text);
}

void TestDataAge::isStale_data()
{
    QTest::addColumn<double>("seconds");
    QTest::addColumn<bool>("stale");
    QTest::newRow("never") << -1.0 << true;
    QTest::newRow("now") << 0.0 << false;
    QTest::newRow("9.99 s") << 9.99 << false;
    QTest::newRow("10 s") << 10.0 << true;
    QTest::newRow("2 min") << 120.0 << true;
}

void TestDataAge::isStale()
{
    QFETCH(double, seconds);
    QFETCH(bool, stale);
    QCOMPARE(DataAge::isStale(seconds), stale);
    QCOMPARE(DataAge::kStaleSeconds, 10.0);
}

QTEST_GUILESS_MAIN(TestDataAge)
#include "tst_dataage.moc"
