// The live view in a real window (Xvfb): both renderers draw 4 simulated patients; every trace band
// gets a trace, technical states replace traces explicitly, and GPU and software output agree.

#include "glwaveformview.h"
#include "ingest/simulatorsource.h"
#include "live/livehub.h"
#include "monitorpalette.h"
#include "softwarewaveformview.h"
#include "waveformscene.h"

#include <QDir>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>

using namespace vigil;
using core::StreamKind;

namespace {

constexpr core::Timestamp kStart = 1'780'000'000LL * core::kMicrosPerSecond;

int countColour(const QImage& image, const QRect& rect, QRgb colour)
{
    int n = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x) {
            if ((image.pixel(x, y) & 0xffffff) == (colour & 0xffffff))
                ++n;
        }
    }
    return n;
}

// Pixels close to a colour (text is antialiased, so few pixels hit it exactly).
int countNear(const QImage& image, const QRect& rect, QColor colour)
{
    int n = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x) {
            const QColor c = QColor::fromRgb(image.pixel(x, y));
            if (std::abs(c.red() - colour.red()) + std::abs(c.green() - colour.green())
                    + std::abs(c.blue() - colour.blue())
                < 90)
                ++n;
        }
    }
    return n;
}

// Columns of the band holding at least one trace-coloured pixel.
int columnsWithTrace(const QImage& image, const QRect& band, QRgb colour)
{
    int n = 0;
    for (int x = band.left(); x <= band.right(); ++x) {
        for (int y = band.top(); y <= band.bottom(); ++y) {
            if ((image.pixel(x, y) & 0xffffff) == (colour & 0xffffff)) {
                ++n;
                break;
            }
        }
    }
    return n;
}

struct Rig
{
    live::LiveHub hub;
    std::unique_ptr<ingest::SimulatorSource> source;
    core::Timestamp now = kStart;

    explicit Rig(std::optional<sim::Scenario> scenario, int patients = 4)
    {
        ingest::SimulatorSource::Config config;
        config.patients = patients;
        config.seed = 11;
        config.scenario = scenario;
        config.startTime = kStart;
        source = std::make_unique<ingest::SimulatorSource>(config, hub);
    }
    void runTo(core::Timestamp t)
    {
        now = t;
        source->pump(now);
    }
};

// A top-level window holding one renderer over its own scene.
struct View
{
    QWidget window;
    ui::WaveformScene scene;
    ui::WaveformRenderer* renderer = nullptr;

    View(Rig& rig, ui::WaveformRenderer::Kind kind)
        : scene(rig.hub)
    {
        scene.setClock([&rig] { return rig.now; });
        auto* layout = new QVBoxLayout(&window);
        layout->setContentsMargins(0, 0, 0, 0);
        if (kind == ui::WaveformRenderer::Kind::Gl)
            renderer = new ui::GlWaveformView(scene, &window);
        else
            renderer = new ui::SoftwareWaveformView(scene, &window);
        layout->addWidget(renderer->widget());
        window.setFixedSize(1200, 720);
        window.show();
    }
    QImage render()
    {
        scene.advance();
        renderer->frame(scene.refreshInfo());
        renderer->widget()->repaint();
        QCoreApplication::processEvents();
        return renderer->grabImage().convertToFormat(QImage::Format_RGB32);
    }
};

QString artefact(const QString& name)
{
    return QDir::current().absoluteFilePath(name);
}

} // namespace

class TestLiveView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void bothRenderersDrawEveryTraceBandAndAgree()
    {
        Rig rig(sim::Scenario::Stable);
        rig.runTo(kStart + 20 * core::kMicrosPerSecond);
        View gl(rig, ui::WaveformRenderer::Kind::Gl);
        View sw(rig, ui::WaveformRenderer::Kind::Software);
        QVERIFY(QTest::qWaitForWindowExposed(&gl.window));
        QVERIFY(QTest::qWaitForWindowExposed(&sw.window));
        auto* glView = static_cast<ui::GlWaveformView*>(gl.renderer);
        QSignalSpy failed(glView, &ui::GlWaveformView::renderFailed);

        // A few frames of live data, the same for both.
        QImage glImage;
        QImage swImage;
        for (int f = 0; f < 30; ++f) {
            rig.runTo(rig.now + core::kMicrosPerSecond / 60);
            glImage = gl.render();
            swImage = sw.render();
        }
        QCOMPARE(failed.count(), 0);
        QVERIFY2(!glView->rendererString().isEmpty(), "GL context was never initialised");
        QVERIFY(glImage.save(artefact(QStringLiteral("tst_liveview_gl.png"))));
        QVERIFY(swImage.save(artefact(QStringLiteral("tst_liveview_software.png"))));
        QCOMPARE(glImage.size(), swImage.size());
        QCOMPARE(gl.scene.tileCount(), 4);

        long long traceTotal = 0;
        long long mismatch = 0;
        for (int t = 0; t < gl.scene.tileCount(); ++t) {
            const ui::TileGeometry& g = gl.scene.tile(t).geometry;
            for (StreamKind kind : core::kAllStreams) {
                const QRect band = g.bands[static_cast<std::size_t>(core::streamIndex(kind))];
                const QRgb colour = ui::MonitorPalette::trace(kind).rgb();
                // Traces are drawn in every band: most columns carry trace pixels (the erase bar
                // and the part of the sweep not yet written are blank).
                const int glColumns = columnsWithTrace(glImage, band, colour);
                const int swColumns = columnsWithTrace(swImage, band, colour);
                const QString where = QStringLiteral("tile %1 %2").arg(t).arg(core::streamLabel(kind));
                QVERIFY2(glColumns > band.width() / 2,
                    qPrintable(where + QStringLiteral(": GL drew %1 of %2 columns").arg(glColumns).arg(band.width())));
                QVERIFY2(swColumns > band.width() / 2,
                    qPrintable(
                        where + QStringLiteral(": software drew %1 of %2 columns").arg(swColumns).arg(band.width())));
                for (int y = band.top(); y <= band.bottom(); ++y) {
                    for (int x = band.left(); x <= band.right(); ++x) {
                        const bool a = (glImage.pixel(x, y) & 0xffffff) == (colour & 0xffffff);
                        const bool b = (swImage.pixel(x, y) & 0xffffff) == (colour & 0xffffff);
                        traceTotal += a || b;
                        mismatch += a != b;
                    }
                }
            }
            // Text (name, numerics) is drawn by both: the header is not empty.
            QVERIFY(countColour(glImage, g.header, ui::MonitorPalette::background().rgb())
                < g.header.width() * g.header.height());
        }
        // Same scene, same geometry: the two renderers agree within 1 % of trace pixels.
        QVERIFY(traceTotal > 0);
        const double ratio = static_cast<double>(mismatch) / static_cast<double>(traceTotal);
        QVERIFY2(ratio <= 0.01,
            qPrintable(
                QStringLiteral("GL and software differ in %1 of %2 trace pixels").arg(mismatch).arg(traceTotal)));
    }

    void technicalStatesReplaceTraces_data()
    {
        QTest::addColumn<int>("renderer");
        QTest::newRow("gl") << static_cast<int>(ui::WaveformRenderer::Kind::Gl);
        QTest::newRow("software") << static_cast<int>(ui::WaveformRenderer::Kind::Software);
    }
    void technicalStatesReplaceTraces()
    {
        QFETCH(int, renderer);
        const auto kind = static_cast<ui::WaveformRenderer::Kind>(renderer);
        // Patient 0 loses its ECG lead at some point; patient 1's device goes offline.
        Rig lead(sim::Scenario::LeadOff, 1);
        Rig offline(sim::Scenario::DeviceOffline, 1);
        const auto runUntil = [](Rig& rig, auto condition) {
            for (int s = 1; s <= 600; ++s) {
                rig.runTo(kStart + s * core::kMicrosPerSecond);
                if (condition(rig.hub.feed(0).snapshot()))
                    return true;
            }
            return false;
        };
        QVERIFY(runUntil(lead, [](const live::FeedSnapshot& s) { return s.status.ecgLeadOff; }));
        lead.runTo(lead.now + 2 * core::kMicrosPerSecond);
        QVERIFY(lead.hub.feed(0).snapshot().status.ecgLeadOff);
        QVERIFY(
            runUntil(offline, [&offline](const live::FeedSnapshot& s) { return s.dataAgeSeconds(offline.now) > 30; }));

        for (Rig* rig : {&lead, &offline}) {
            View view(*rig, kind);
            QVERIFY(QTest::qWaitForWindowExposed(&view.window));
            QImage image;
            for (int f = 0; f < 10; ++f) {
                rig->runTo(rig->now + core::kMicrosPerSecond / 60);
                image = view.render();
            }
            const ui::TileGeometry& g = view.scene.tile(0).geometry;
            const QRect ecg = g.bands[0];
            // No silent flat line: the ECG band holds no trace, and the state is written there.
            QCOMPARE(columnsWithTrace(image, ecg, ui::MonitorPalette::trace(StreamKind::Ecg).rgb()), 0);
            QVERIFY(view.scene.suppressed(0, StreamKind::Ecg));
            // The state is written where the trace would be: the ECG band for LEAD OFF, across all
            // bands for NO DATA.
            const QRect stateArea = rig == &lead ? ecg : g.bands[0].united(g.bands[2]);
            QVERIFY2(countNear(image, stateArea, ui::MonitorPalette::technical()) > 20,
                "the technical state text is missing");
            if (rig == &lead) {
                QVERIFY(view.scene.tile(0).info.leadOff);
                // Pleth and respiration continue while only the ECG lead is off.
                QVERIFY(columnsWithTrace(image, g.bands[1], ui::MonitorPalette::trace(StreamKind::Pleth).rgb()) > 0);
            } else {
                QVERIFY(view.scene.tile(0).info.stale);
                QCOMPARE(columnsWithTrace(image, g.bands[1], ui::MonitorPalette::trace(StreamKind::Pleth).rgb()), 0);
            }
            image.save(artefact(QStringLiteral("tst_liveview_state_%1_%2.png")
                                    .arg(rig == &lead ? QStringLiteral("leadoff") : QStringLiteral("nodata"),
                                        ui::WaveformRenderer::kindName(kind))));
        }
    }

    void keyboardMovesFocusAndEnterActivates()
    {
        Rig rig(sim::Scenario::Stable);
        rig.runTo(kStart + 5 * core::kMicrosPerSecond);
        View view(rig, ui::WaveformRenderer::Kind::Gl);
        QVERIFY(QTest::qWaitForWindowExposed(&view.window));
        view.render();
        QSignalSpy activated(&view.scene, &ui::WaveformScene::tileActivated);
        QWidget* w = view.renderer->widget();
        QCOMPARE(view.scene.currentTile(), 0);
        QTest::keyClick(w, Qt::Key_Right);
        QCOMPARE(view.scene.currentTile(), 1);
        QTest::keyClick(w, Qt::Key_Down);
        QCOMPARE(view.scene.currentTile(), 3);
        QTest::keyClick(w, Qt::Key_Down); // no row below: stays
        QCOMPARE(view.scene.currentTile(), 3);
        QTest::keyClick(w, Qt::Key_Home);
        QCOMPARE(view.scene.currentTile(), 0);
        QTest::keyClick(w, Qt::Key_End);
        QTest::keyClick(w, Qt::Key_Return);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.constFirst().constFirst().toInt(), 3);
        // A click on a tile opens it too.
        QTest::mouseClick(w, Qt::LeftButton, {}, view.scene.tile(2).geometry.frame.center());
        QCOMPARE(activated.count(), 2);
        QCOMPARE(activated.last().constFirst().toInt(), 2);
    }
};

QTEST_MAIN(TestLiveView)
#include "tst_liveview.moc"
