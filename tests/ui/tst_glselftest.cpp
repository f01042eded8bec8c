// The GPU start-up self-test on a real X server (Xvfb, Mesa llvmpipe): it renders and reads back
// the known pattern, and it recognises CPU-emulated OpenGL so the automatic choice can avoid it.

#include "glselftest.h"
#include "ingest/simulatorsource.h"
#include "live/livehub.h"
#include "mainwindow.h"

#include <QTest>

using vigil::ui::GlSelfTest;

class TestGlSelfTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void passesOnMesa()
    {
        const GlSelfTest::Result r = GlSelfTest::run();
        QVERIFY2(r.ok, qPrintable(r.reason));
        QVERIFY(!r.renderer.isEmpty());
        QCOMPARE(r.softwareRasterizer, GlSelfTest::isSoftwareRasterizer(r.renderer));
    }

    void recognisesSoftwareRasterizers_data()
    {
        QTest::addColumn<QString>("renderer");
        QTest::addColumn<bool>("software");
        QTest::newRow("mesa llvmpipe") << QStringLiteral("llvmpipe (LLVM 15.0.6, 256 bits)") << true;
        QTest::newRow("mesa softpipe") << QStringLiteral("softpipe") << true;
        QTest::newRow("swiftshader") << QStringLiteral("Google SwiftShader") << true;
        QTest::newRow("windows basic") << QStringLiteral("Microsoft Basic Render Driver") << true;
        QTest::newRow("windows gdi") << QStringLiteral("GDI Generic") << true;
        QTest::newRow("intel") << QStringLiteral("Mesa Intel(R) UHD Graphics 620 (KBL GT2)") << false;
        QTest::newRow("nvidia") << QStringLiteral("NVIDIA GeForce RTX 3060/PCIe/SSE2") << false;
        QTest::newRow("apple") << QStringLiteral("Apple M1") << false;
    }
    void recognisesSoftwareRasterizers()
    {
        QFETCH(QString, renderer);
        QFETCH(bool, software);
        QCOMPARE(GlSelfTest::isSoftwareRasterizer(renderer), software);
    }

    void automaticChoiceAvoidsEmulatedGl()
    {
        vigil::live::LiveHub hub;
        vigil::ingest::SimulatorSource::Config config;
        config.patients = 2;
        config.startTime = vigil::core::nowUtc();
        vigil::ingest::SimulatorSource source(config, hub);
        const GlSelfTest::Result test = GlSelfTest::run();
        vigil::ui::MainWindow automatic(hub, std::nullopt);
        const auto expected = test.ok && !test.softwareRasterizer ? vigil::ui::WaveformRenderer::Kind::Gl
                                                                  : vigil::ui::WaveformRenderer::Kind::Software;
        QCOMPARE(automatic.renderer()->kind(), expected);
        // Asked for explicitly, the GPU renderer is used even when OpenGL is emulated.
        vigil::ui::MainWindow explicitGl(hub, vigil::ui::WaveformRenderer::Kind::Gl);
        QCOMPARE(explicitGl.renderer()->kind(), vigil::ui::WaveformRenderer::Kind::Gl);
        QVERIFY(explicitGl.fallbackReason().isEmpty());
    }
};

QTEST_MAIN(TestGlSelfTest)
#include "tst_glselftest.moc"
