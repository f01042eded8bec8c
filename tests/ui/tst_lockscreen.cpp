// Locking the live view: Ctrl+L (and inactivity) replace every view of patient data by the lock
// screen while ingest and the store writer carry on; a wrong passphrase keeps it locked, the right
// one unlocks; lock and unlock are audited; the throwaway demo cache unlocks with "Unlock demo".

#include "crypto/kdfparams.h"
#include "crypto/securebytes.h"
#include "ingest/simulatorsource.h"
#include "ingest/storerecorder.h"
#include "live/livehub.h"
#include "livesimulation.h"
#include "lockscreen.h"
#include "mainwindow.h"
#include "patientdetailview.h"
#include "store/cache.h"
#include "store/storereader.h"
#include "store/storewriter.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace vigil;

namespace {

const QString kPassphrase = QStringLiteral("harbour violet kettle");

// Every piece of text a visible widget of the application shows.
QStringList visibleTexts()
{
    QStringList out;
    for (QWidget* top : QApplication::topLevelWidgets()) {
        if (!top->isVisible())
            continue;
        out << top->windowTitle();
        QList<QWidget*> widgets = top->findChildren<QWidget*>();
        widgets.prepend(top);
        for (QWidget* w : std::as_const(widgets)) {
            if (!w->isVisible())
                continue;
            if (auto* label = qobject_cast<QLabel*>(w))
                out << label->text();
            else if (auto* edit = qobject_cast<QLineEdit*>(w))
                out << edit->text();
            else if (auto* button = qobject_cast<QAbstractButton*>(w))
                out << button->text();
            else if (auto* view = qobject_cast<QAbstractItemView*>(w); view && view->model()) {
                const QAbstractItemModel* model = view->model();
                for (int r = 0; r < model->rowCount(); ++r) {
                    for (int c = 0; c < model->columnCount(); ++c)
                        out << model->index(r, c).data().toString();
                }
            }
            out << w->windowTitle() << w->toolTip() << w->accessibleName();
        }
    }
    return out;
}

} // namespace

class TestLockScreen : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<store::Cache> m_cache;
    std::unique_ptr<store::StoreWriter> m_writer;
    live::LiveHub m_hub;
    std::unique_ptr<test::LiveSimulation> m_live;
    QStringList m_familyNames;

    bool anyNameVisible() const
    {
        const QStringList texts = visibleTexts();
        for (const QString& name : m_familyNames) {
            for (qsizetype i = 0; i < texts.size(); ++i) {
                if (texts.at(i).contains(name, Qt::CaseInsensitive)) {
                    // Which text, not what it says: test output carries no patient data.
                    qWarning("a patient name is visible in visible text #%lld", static_cast<long long>(i));
                    return true;
                }
            }
        }
        return false;
    }

    static void tryPassphrase(ui::LockScreen* screen, const QString& passphrase)
    {
        QSignalSpy finished(screen, &ui::LockScreen::attemptFinished);
        screen->passphraseField()->setFocus();
        QTest::keyClicks(screen->passphraseField(), passphrase);
        QTest::keyClick(screen->passphraseField(), Qt::Key_Return);
        QVERIFY(QTest::qWaitFor([&] { return finished.count() == 1; }, 10000));
    }

    QStringList auditedSessionActions()
    {
        if (!m_writer->waitCommitted(m_writer->stats().submitted, 10000))
            return {QStringLiteral("not committed")};
        store::StoreError error;
        auto reader = store::StoreReader::open(*m_cache, &error);
        if (!reader)
            return {error.message};
        return reader->database()
            .queryText("SELECT group_concat(action, ',') FROM (SELECT action FROM audit_log "
                       "WHERE action LIKE 'session.%' ORDER BY seq)")
            .split(QLatin1Char(','), Qt::SkipEmptyParts);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCOMPARE(QGuiApplication::platformName(), QStringLiteral("offscreen"));
        m_path = m_dir.filePath(QStringLiteral("cache.vigil"));
        store::StoreError error;
        m_cache =
            store::Cache::create(m_path, crypto::SecureBytes::fromUtf8(kPassphrase), crypto::KdfParams::fast(), &error);
        QVERIFY2(m_cache, qPrintable(error.message));
        m_writer = std::make_unique<store::StoreWriter>(*m_cache);
        QVERIFY(m_writer->start(&error));

        ingest::SimulatorSource::Config config;
        config.patients = 4;
        config.seed = 5;
        config.startTime = core::nowUtc() - 30 * core::kMicrosPerSecond;
        // The live source runs on its own thread, as in the app.
        m_live = std::make_unique<test::LiveSimulation>(m_hub, *m_writer, config);
        for (int i = 0; i < m_hub.patientCount(); ++i)
            m_familyNames << m_hub.feed(i).identity().familyName;
    }

    void cleanupTestCase()
    {
        m_live->stop();
        QVERIFY(m_writer->stop());
    }

    void ctrlLHidesEveryPatientAndIngestContinues()
    {
        ui::MainWindow window(m_hub, ui::WaveformRenderer::Kind::Software);
        window.setCache(m_writer.get(), store::Cache::keyFilePath(m_path));
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        for (int i = 0; i < 5; ++i)
            window.renderFrame();
        QTest::keyClick(&window, Qt::Key_P, Qt::ControlModifier); // the patient list
        QTRY_VERIFY(window.findChild<QDockWidget*>()->isVisible());
        window.openPatient(1);
        QTRY_VERIFY(window.detailView() && window.detailView()->isVisible());
        QVERIFY(anyNameVisible()); // the check can see names when they are there
        const QImage unlocked = window.grab().toImage();

        QSignalSpy lockedChanged(&window, &ui::MainWindow::lockedChanged);
        QTest::keyClick(window.renderer()->widget(), Qt::Key_L, Qt::ControlModifier);
        QTRY_VERIFY(window.isLocked());
        QCOMPARE(lockedChanged.count(), 1);
        QVERIFY(window.lockScreen()->isVisible());
        QVERIFY(!window.renderer()->widget()->isVisible());
        QVERIFY(!window.findChild<QDockWidget*>()->isVisible());
        QTRY_VERIFY(!window.detailView());
        for (const QString& name : std::as_const(m_familyNames))
            QVERIFY(!window.windowTitle().contains(name));
        QVERIFY(!anyNameVisible());
        // The shortcuts that would show patient data do nothing while locked.
        QTest::keyClick(window.lockScreen(), Qt::Key_P, Qt::ControlModifier);
        QTest::keyClick(window.lockScreen(), Qt::Key_PageDown);
        window.openPatient(0);
        QVERIFY(!window.findChild<QDockWidget*>()->isVisible());
        QVERIFY(!window.detailView());
        QVERIFY(!anyNameVisible());

        const QImage locked = window.grab().toImage();
        QVERIFY(locked != unlocked);
        const QString shot = QDir::current().absoluteFilePath(QStringLiteral("tst_lockscreen_locked.png"));
        QVERIFY(locked.save(shot));
        qInfo("lock screen: %s", qPrintable(shot));

        // Ingest and the store writer carry on behind the lock screen.
        const std::uint64_t ringBefore = m_hub.feed(0).ring(core::StreamKind::Ecg).written();
        const quint64 storedBefore = m_writer->stats().samplesCommitted;
        QTRY_VERIFY(m_hub.feed(0).ring(core::StreamKind::Ecg).written() > ringBefore + 500);
        QTRY_VERIFY_WITH_TIMEOUT(m_writer->stats().samplesCommitted > storedBefore, 10000);
        QVERIFY(window.isLocked());

        // A wrong passphrase keeps it locked, and says so.
        ui::LockScreen* screen = window.lockScreen();
        QVERIFY(screen->needsPassphrase());
        tryPassphrase(screen, QStringLiteral("wrong words entirely"));
        QVERIFY(window.isLocked());
        QVERIFY(screen->errorLabel()->isVisible());
        QVERIFY(screen->errorLabel()->text().startsWith(QStringLiteral("The passphrase is not correct")));
        QVERIFY(screen->passphraseField()->text().isEmpty());
        QVERIFY(!anyNameVisible());

        // The right one unlocks and brings back what was shown (the list; the detail view stays closed).
        tryPassphrase(screen, kPassphrase);
        QVERIFY(!window.isLocked());
        QCOMPARE(lockedChanged.count(), 2);
        QVERIFY(window.renderer()->widget()->isVisible());
        QVERIFY(window.findChild<QDockWidget*>()->isVisible());
        QVERIFY(!screen->isVisible());

        QCOMPARE(auditedSessionActions(),
            (QStringList{QStringLiteral("session.lock"), QStringLiteral("session.unlock.refused"),
                QStringLiteral("session.unlock")}));
    }

    void locksAfterInactivity()
    {
        ui::MainWindow window(m_hub, ui::WaveformRenderer::Kind::Software);
        window.setCache(m_writer.get(), store::Cache::keyFilePath(m_path));
        window.resize(1000, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.autoLockInterval(), ui::MainWindow::kDefaultAutoLockMs);

        // Input keeps it unlocked...
        window.setAutoLockInterval(400);
        for (int i = 0; i < 8; ++i) {
            QTest::qWait(100);
            QTest::keyClick(window.renderer()->widget(), Qt::Key_Shift);
        }
        QVERIFY(!window.isLocked());
        // ...and without input it locks by itself.
        QTRY_VERIFY_WITH_TIMEOUT(window.isLocked(), 3000);
        QVERIFY(!anyNameVisible());
        tryPassphrase(window.lockScreen(), kPassphrase);
        QVERIFY(!window.isLocked());

        // 0: never.
        window.setAutoLockInterval(0);
        QTest::qWait(600);
        QVERIFY(!window.isLocked());
    }

    void demoCacheUnlocksWithoutPassphrase()
    {
        ui::MainWindow window(m_hub, ui::WaveformRenderer::Kind::Software);
        window.setCache(m_writer.get(), QString());
        window.resize(1000, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.lockAction()->trigger();
        QVERIFY(window.isLocked());
        ui::LockScreen* screen = window.lockScreen();
        QVERIFY(!screen->needsPassphrase());
        QVERIFY(!screen->passphraseField()->isVisible());
        QCOMPARE(screen->unlockButton()->text(), QStringLiteral("&Unlock demo"));
        bool explained = false;
        for (const QString& text : visibleTexts())
            explained = explained || text.contains(QStringLiteral("no passphrase"));
        QVERIFY(explained);
        QVERIFY(!anyNameVisible());
        QVERIFY(
            window.grab().toImage().save(QDir::current().absoluteFilePath(QStringLiteral("tst_lockscreen_demo.png"))));
        QTest::mouseClick(screen->unlockButton(), Qt::LeftButton);
        QVERIFY(!window.isLocked());
    }
};

QTEST_MAIN(TestLockScreen)
#include "tst_lockscreen.moc"
