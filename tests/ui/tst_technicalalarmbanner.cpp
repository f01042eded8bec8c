// The technical-alarm banner with several conditions at once (cache and live link): one line each,
// every line worded as a technical alarm and marked with a shape, hidden when none is raised.

#include "technicalalarmbanner.h"

#include <QLabel>
#include <QTest>

using namespace vigil;
using Condition = ui::TechnicalAlarmBanner::Condition;

class TestTechnicalAlarmBanner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsSeveralConditions()
    {
        ui::TechnicalAlarmBanner banner;
        banner.resize(800, 100);
        banner.show();
        banner.setCondition(Condition::Link, QString());
        QVERIFY(!banner.isVisible()); // nothing raised
        store::StoreWriter::Stats stats;
        stats.state = store::StoreWriter::State::DiskFull;
        const QString store = banner.showStats(stats);
        const QString link = ui::TechnicalAlarmBanner::describeLinkDown(QStringLiteral("10:42"));
        QCOMPARE(link, QStringLiteral("Technical alarm \u2014 Link down: no live data from the broker since 10:42"));
        banner.setCondition(Condition::Link, link);
        QVERIFY(banner.isVisible());
        QCOMPARE(banner.conditions(), (QStringList{store, link}));
        QCOMPARE(banner.text(), store + QLatin1Char('\n') + link);

        // Each visible line carries its words and a shape (not colour alone).
        int texts = 0;
        int shapes = 0;
        for (QLabel* label : banner.findChildren<QLabel*>()) {
            if (!label->isVisible())
                continue;
            if (label->objectName() == QLatin1String("technicalAlarmText")) {
                QVERIFY(label->text().startsWith(QStringLiteral("Technical alarm")));
                ++texts;
            } else if (!label->pixmap().isNull()) {
                ++shapes;
            }
        }
        QCOMPARE(texts, 2);
        QCOMPARE(shapes, 2);

        // Clearing one keeps the other; clearing both hides the banner.
        banner.setCondition(Condition::Link, QString());
        QCOMPARE(banner.conditions(), QStringList{store});
        QVERIFY(banner.isVisible());
        stats.state = store::StoreWriter::State::Running;
        QVERIFY(banner.showStats(stats).isEmpty());
        QVERIFY(!banner.isVisible());
        QVERIFY(banner.text().isEmpty());
    }
};

QTEST_MAIN(TestTechnicalAlarmBanner)
#include "tst_technicalalarmbanner.moc"
