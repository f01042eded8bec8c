#include "tilelayout.h"

#include <QTest>

using vigil::ui::TileGeometry;
using vigil::ui::TileLayout;

class TestTileLayout : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void gridShape_data()
    {
        QTest::addColumn<QSize>("area");
        QTest::addColumn<int>("tiles");
        QTest::addColumn<int>("columns");
        QTest::newRow("one") << QSize(1920, 1080) << 1 << 1;
        QTest::newRow("four") << QSize(1920, 1080) << 4 << 2;
        QTest::newRow("sixteen") << QSize(1920, 1080) << 16 << 4;
        QTest::newRow("thirty-two") << QSize(1920, 1080) << 32 << 6;
        QTest::newRow("sixty-four") << QSize(1920, 1080) << 64 << 8;
    }
    void gridShape()
    {
        QFETCH(QSize, area);
        QFETCH(int, tiles);
        QFETCH(int, columns);
        QCOMPARE(TileLayout::gridColumns(area, tiles), columns);
    }

    void tilesTileTheAreaWithoutOverlap_data()
    {
        QTest::addColumn<int>("tiles");
        for (int n : {1, 2, 3, 4, 7, 16, 31, 64, 256})
            QTest::addRow("%d tiles", n) << n;
    }
    void tilesTileTheAreaWithoutOverlap()
    {
        QFETCH(int, tiles);
        const QSize area(1920, 1080);
        const std::vector<TileGeometry> g = TileLayout::compute(area, tiles);
        QCOMPARE(static_cast<int>(g.size()), tiles);
        for (std::size_t i = 0; i < g.size(); ++i) {
            QVERIFY(QRect(QPoint(0, 0), area).contains(g[i].frame));
            for (std::size_t j = i + 1; j < g.size(); ++j)
                QVERIFY2(!g[i].frame.intersects(g[j].frame),
                    qPrintable(QStringLiteral("tiles %1 and %2 overlap").arg(i).arg(j)));
            // Every part of the tile lies inside its frame, bands are stacked and do not overlap the numerics.
            for (std::size_t s = 0; s < 3; ++s) {
                QVERIFY(g[i].frame.contains(g[i].bands[s]));
                QVERIFY(g[i].bands[s].width() > 0);
                QVERIFY(g[i].bands[s].height() > 0);
                QVERIFY(!g[i].bands[s].intersects(g[i].numerics));
                QVERIFY(!g[i].bands[s].intersects(g[i].header));
                if (s > 0)
                    QCOMPARE(g[i].bands[s].top(), g[i].bands[s - 1].bottom() + 1);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestTileLayout)
#include "tst_tilelayout.moc"
