// The main window where OpenGL is unavailable (QT_QPA_PLATFORM=offscreen): the GPU request falls
// back to the software renderer visibly; the View menu switches renderer; Enter opens the detail
// view with its vitals trend.

#include "ingest/simulatorsource.h"
#include "live/livehub.h"
#include "live/wardmonitor.h"
#include "mainwindow.h"
#include "patientdetailview.h"
#include "vitalstrendchart.h"
#include "waveformscene.h"

#include <QAction>
#include <QDir>
#include <QLabel>
#include <QMenuBar>
#include <QTableView>
#include <QTest>

using namespace vigil;

class TestMainWindow : public QObject
{
    Q_OBJECT
private:
    live::LiveHub m_hub;
    std::unique_ptr<ingest::SimulatorSource> m_source;

private Q_SLOTS:
    void initTestCase()
    {
        ingest::SimulatorSource::Config config;
        config.patients = 6;
        config.seed = 3;
        config.startTime = core::nowUtc() - 120 * core::kMicrosPerSecond;
        m_source = std::make_unique<ingest::SimulatorSource>(config, m_hub);
        m_source->pump(core::nowUtc());
    }

    void gpuRequestFallsBackVisiblyWithoutOpenGL()
    {
        QCOMPARE(QGuiApplication::platformName(), QStringLiteral("offscreen"));
        ui::MainWindow window(m_hub, ui::WaveformRenderer::Kind::Gl);
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.renderer());
        QCOMPARE(window.renderer()->kind(), ui::WaveformRenderer::Kind::Software);
        QVERIFY(!window.fallbackReason().isEmpty());
        // The fallback is shown to the user: a visible banner and the status bar say so.
        bool bannerShown = false;
        for (QLabel* label : window.findChildren<QLabel*>()) {
            if (label->isVisible() && label->text().contains(QStringLiteral("GPU renderer is not available")))
                bannerShown = true;
        }
        QVERIFY(bannerShown);
        // Asking for the GPU renderer again from the View menu keeps the software one, still visibly.
        window.setRenderer(ui::WaveformRenderer::Kind::Gl);
        QCOMPARE(window.renderer()->kind(), ui::WaveformRenderer::Kind::Software);
        for (int i = 0; i < 5; ++i)
            window.renderFrame();
        const QImage shot = window.grab().toImage();
        QVERIFY(shot.save(QDir::current().absoluteFilePath(QStringLiteral("tst_mainwindow_fallback.png"))));
    }

    void automaticChoiceWithoutOpenGLIsSoftware()
    {
        ui::MainWindow window(m_hub, std::nullopt);
        QCOMPARE(window.renderer()->kind(), ui::WaveformRenderer::Kind::Software);
        QString why;
        QCOMPARE(ui::MainWindow::automaticRenderer(&why), ui::WaveformRenderer::Kind::Software);
        QVERIFY(why.contains(QStringLiteral("offscreen")));
    }

    void manyPatientsArePaged()
    {
        live::LiveHub hub;
        ingest::SimulatorSource::Config config;
        config.patients = 150;
        config.startTime = core::nowUtc();
        ingest::SimulatorSource source(config, hub);
        ui::MainWindow window(hub, ui::WaveformRenderer::Kind::Software);
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.pageCount(), 3);
        QCOMPARE(window.scene().tileCount(), 64);
        QCOMPARE(window.scene().tile(0).patient, 0);
        QTest::keyClick(window.renderer()->widget(), Qt::Key_PageDown);
        QCOMPARE(window.page(), 1);
        QCOMPARE(window.scene().tile(0).patient, 64);
        QTest::keyClick(window.renderer()->widget(), Qt::Key_PageDown);
        QCOMPARE(window.scene().tileCount(), 150 - 128);
        QCOMPARE(window.scene().tile(0).patient, 128);
        QTest::keyClick(window.renderer()->widget(), Qt::Key_PageDown); // last page: stays
        QCOMPARE(window.page(), 2);
        QTest::keyClick(window.renderer()->widget(), Qt::Key_PageUp);
        QCOMPARE(window.page(), 1);

        // The patient list and the tiles share one focus, across pages.
        auto* table = window.findChild<QTableView*>();
        QVERIFY(table);
        table->setCurrentIndex(table->model()->index(5, 0));
        QCOMPARE(window.page(), 0);
        QCOMPARE(window.scene().currentTile(), 5);
        table->setCurrentIndex(table->model()->index(130, 0));
        QCOMPARE(window.page(), 2);
        QCOMPARE(window.scene().currentTile(), 2);
        QTest::keyClick(window.renderer()->widget(), Qt::Key_Right);
        QCOMPARE(table->currentIndex().row(), 131);
    }

    void viewMenuHasBothRenderers()
    {
        ui::MainWindow window(m_hub, ui::WaveformRenderer::Kind::Software);
        QStringList texts;
        for (QAction* menu : window.menuBar()->actions()) {
            if (!menu->menu())
                continue;
            for (QAction* a : menu->menu()->actions())
                texts << a->text();
        }
        QVERIFY(texts.contains(QStringLiteral("GPU renderer")));
        QVERIFY(texts.contains(QStringLiteral("Software renderer")));
    }

    void enterOpensDetailWithTrend()
    {
        ui::MainWindow window(m_hub, ui::WaveformRenderer::Kind::Software);
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.renderFrame();
        QWidget* view = window.renderer()->widget();
        QTest::keyClick(view, Qt::Key_Right);
        QTest::keyClick(view, Qt::Key_Enter);
        QTRY_VERIFY(window.detailView() != nullptr);
        ui::PatientDetailView* detail = window.detailView();
        QCOMPARE(detail->patient(), 1);
        QVERIFY(detail->isVisible());
        // Larger traces: the detail tile is wider than any grid tile.
        QTRY_VERIFY(detail->scene().tileCount() == 1 && detail->scene().tile(0).geometry.bands[0].width() > 0);
        QVERIFY(detail->scene().tile(0).geometry.bands[0].width() > window.scene().tile(1).geometry.bands[0].width());
        // Two minutes of simulated history: the trend has heart-rate and SpO2 points.
        QVERIFY(detail->trendChart()->pointCount(core::VitalKind::HeartRate) > 5);
        QVERIFY(detail->trendChart()->pointCount(core::VitalKind::SpO2) > 5);
        QVERIFY(detail->trendChart()->pointCount(core::VitalKind::SystolicBp) >= 1);
        QTest::qWait(200);
        QVERIFY(detail->grab().toImage().save(
            QDir::current().absoluteFilePath(QStringLiteral("tst_mainwindow_detail.png"))));
        QTest::keyClick(detail, Qt::Key_Escape);
        QTRY_VERIFY(window.detailView() == nullptr);
    }

    // vigil --offline: the banner says it is a review, how old the newest data is, and that case
    // actions wait; the title says so too.
    void offlineReviewSaysHowOldTheDataIs()
    {
        ui::MainWindow window(m_hub, ui::WaveformRenderer::Kind::Software);
        window.setLiveSourceConnected(false);
        QCOMPARE(window.sourceBannerText(), QStringLiteral("No live source is connected; showing stored data."));
        window.setOfflineReview(core::nowUtc() - 3 * 3600 * core::kMicrosPerSecond);
        QVERIFY(window.isOfflineReview());
        QVERIFY(window.windowTitle().contains(QStringLiteral("offline review")));
        const QString text = window.sourceBannerText();
        QVERIFY2(text.startsWith(QStringLiteral("Offline review: no live data. The newest stored data is from ")),
            qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("(3 h ago)")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("when Vigil next runs with a broker")));
        QVERIFY(!window.ward().dataExpected());
        window.setOfflineReview(0);
        QVERIFY(window.sourceBannerText().startsWith(QStringLiteral("Offline review: no live data, and the cache")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
