// The cache's state as a technical alarm (the Store condition of TechnicalAlarmBanner): a banner
// while the writer is behind, out of space, failed or stopped, worded so it reads without colour;
// nothing while it runs normally.

#include "technicalalarmbanner.h"

#include <QTest>

using namespace vigil;
using State = store::StoreWriter::State;

class TestStoreAlarmBanner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void describesEachState_data()
    {
        QTest::addColumn<int>("state");
        QTest::addColumn<quint64>("dropped");
        QTest::addColumn<QString>("expected");
        QTest::newRow("running") << int(State::Running) << quint64(0) << QString();
        QTest::newRow("behind, dropping")
            << int(State::Behind) << quint64(1234) << QStringLiteral("Cache behind: 1,234 samples not saved");
        QTest::newRow("behind, queue filling")
            << int(State::Behind) << quint64(0) << QStringLiteral("Cache behind: saving is");
        QTest::newRow("disk full") << int(State::DiskFull) << quint64(0)
                                   << QStringLiteral(
                                          "Cache: disk full \u2014 data is not being saved (live view continues)");
        QTest::newRow("failed") << int(State::Failed) << quint64(0) << QStringLiteral("Cache failed");
        QTest::newRow("stopped") << int(State::Stopped) << quint64(0) << QStringLiteral("Cache stopped");
    }
    void describesEachState()
    {
        QFETCH(int, state);
        QFETCH(quint64, dropped);
        QFETCH(QString, expected);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        store::StoreWriter::Stats stats;
        stats.state = static_cast<State>(state);
        stats.droppedSamples = dropped;
        stats.oldestQueuedUs = 7 * core::kMicrosPerSecond;
        ui::TechnicalAlarmBanner banner;
        banner.show();
        const QString text = banner.showStats(stats);
        QCOMPARE(text, ui::TechnicalAlarmBanner::describe(stats));
        if (expected.isEmpty()) {
            QVERIFY(text.isEmpty());
            QVERIFY(!banner.isVisible());
        } else {
            QVERIFY2(text.contains(expected), qPrintable(text));
            // Readable without colour: it says it is a technical alarm.
            QVERIFY(text.startsWith(QStringLiteral("Technical alarm")));
            QVERIFY(banner.isVisible());
            QCOMPARE(banner.text(), text);
        }
    }

    void clearsWhenRunningAgain()
    {
        ui::TechnicalAlarmBanner banner;
        banner.show();
        store::StoreWriter::Stats stats;
        stats.state = State::DiskFull;
        banner.showStats(stats);
        QVERIFY(banner.isVisible());
        stats.state = State::Running;
        QVERIFY(banner.showStats(stats).isEmpty());
        QVERIFY(!banner.isVisible());
    }
};

QTEST_MAIN(TestStoreAlarmBanner)
#include "tst_storealarmbanner.moc"
