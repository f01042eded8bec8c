// File > Import in the live window (issue 4): real files from tests/models/codec/data imported in the
// background into a real encrypted cache while a simulated live feed records into the same writer;
// the dialog's rows say what happened in words; problems shown; the dialog hides while locked; the
// cache is let go only after a running import stopped; every file audited; no live sample dropped.
#include "importdialog.h"
#include "ingest/simulatorsource.h"
#include "ingest/storerecorder.h"
#include "live/livehub.h"
#include "livesimulation.h"
#include "lockscreen.h"
#include "mainwindow.h"
#include "store/cache.h"
#include "store/storereader.h"
#include "store/storewriter.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace vigil;
using ui::ImportDialog;

namespace {

QString dataPath(const QString& name)
{
    return QStringLiteral(VIGIL_SOURCE_DIR "/tests/models/codec/data/") + name;
}

QString cell(const QTableWidget* table, int row, int column)
{
    const QTableWidgetItem* item = table->item(row, column);
    return item ? item->text() : QString();
}

} // namespace

class TestImportDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<store::Cache> m_cache;
    std::unique_ptr<store::StoreWriter> m_writer;
    live::LiveHub m_hub;
    std::unique_ptr<test::LiveSimulation> m_live;

    std::unique_ptr<store::StoreReader> reader()
    {
        if (!m_writer->waitCommitted(m_writer->stats().submitted, 20000))
            qFatal("the writer did not commit");
        store::StoreError error;
        auto r = store::StoreReader::open(*m_cache, &error);
        if (!r)
            qFatal("cannot open a reader: %s", qPrintable(error.message));
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCOMPARE(QGuiApplication::platformName(), QStringLiteral("offscreen"));
        store::StoreError error;
        m_cache = store::Cache::createEphemeral(m_dir.filePath(QStringLiteral("ward.vigil")), &error);
        QVERIFY2(m_cache, qPrintable(error.message));
        // The app's writer settings: a short back-pressure wait, so a careless import would make the
        // live feed drop samples.
        m_writer = std::make_unique<store::StoreWriter>(*m_cache);
        QVERIFY(m_writer->start(&error));
        ingest::SimulatorSource::Config config;
        config.patients = 4;
        config.seed = 11;
        config.startTime = core::nowUtc() - 10 * core::kMicrosPerSecond;
        m_live = std::make_unique<test::LiveSimulation>(m_hub, *m_writer, config);
    }

    void cleanupTestCase()
    {
        m_live->stop();
        QVERIFY(m_writer->stop());
        QCOMPARE(m_writer->stats().droppedSamples, quint64(0));
    }

    void importFromTheFileMenu()
    {
        ui::MainWindow window(m_hub, ui::WaveformRenderer::Kind::Software);
        window.setCache(m_writer.get(), QString());
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // The action is in the File menu, with a shortcut.
        QAction* action = window.importAction();
        QVERIFY(action && action->isEnabled());
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_I));
        QVERIFY(window.menuBar()->actions().first()->menu()->actions().contains(action));

        const QString garbage = m_dir.filePath(QStringLiteral("broken.edf"));
        {
            QFile f(garbage);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(300, 'x'));
        }
        const QStringList files{dataPath(QStringLiteral("100.hea")),
            dataPath(QStringLiteral("edf/test_generator_2.edf")),
            dataPath(QStringLiteral("hl7v2/continua-wan/valid-oximeter-continua-wan.hl7v2")),
            dataPath(QStringLiteral("fhir/observation-example-sample-data.json")), garbage,
            dataPath(QStringLiteral("100.dat"))};
        const quint64 droppedBefore = m_writer->stats().droppedSamples;
        QVERIFY(window.importFiles(files));
        ImportDialog* dialog = window.importDialog();
        QVERIFY(dialog && dialog->isVisible());
        QVERIFY(window.findChild<QLabel*>(QStringLiteral("importStatus"))->isVisible());
        QVERIFY(!window.importFiles(files)); // one import at a time: only raises the dialog
        QVERIFY(dialog->waitForFinished(120'000));
        QVERIFY(!window.findChild<QLabel*>(QStringLiteral("importStatus"))->isVisible());

        const QTableWidget* table = dialog->table();
        QCOMPARE(table->rowCount(), 6);
        // Names only, never paths.
        QCOMPARE(cell(table, 0, ImportDialog::FileColumn), QStringLiteral("100.hea"));
        QVERIFY(!cell(table, 4, ImportDialog::FileColumn).contains(u'/'));
        QCOMPARE(cell(table, 0, ImportDialog::KindColumn), QStringLiteral("WFDB record"));
        QCOMPARE(cell(table, 0, ImportDialog::StatusColumn), QStringLiteral("Imported"));
        QCOMPARE(cell(table, 0, ImportDialog::PatientsColumn), QStringLiteral("1"));
        QCOMPARE(cell(table, 0, ImportDialog::SamplesColumn), QLocale().toString(1'300'000));
        QCOMPARE(cell(table, 0, ImportDialog::AnnotationsColumn), QLocale().toString(2274));
        QCOMPARE(cell(table, 1, ImportDialog::KindColumn), QStringLiteral("EDF / EDF+"));
        QCOMPARE(cell(table, 1, ImportDialog::StatusColumn), QStringLiteral("Imported"));
        QCOMPARE(cell(table, 2, ImportDialog::KindColumn), QStringLiteral("HL7 v2"));
        QCOMPARE(cell(table, 2, ImportDialog::VitalsColumn), QStringLiteral("1")); // SpO2
        QCOMPARE(cell(table, 3, ImportDialog::KindColumn), QStringLiteral("FHIR R4 JSON"));
        QCOMPARE(cell(table, 4, ImportDialog::StatusColumn), QStringLiteral("Not imported (see problems)"));
        QVERIFY(cell(table, 4, ImportDialog::ProblemsColumn).toInt() >= 1);
        QCOMPARE(cell(table, 5, ImportDialog::StatusColumn), QStringLiteral("Skipped (part of a record)"));
        QCOMPARE(dialog->summaryLabel()->text(),
            QStringLiteral("Done. 3 of 6 file(s) imported, 1 in part, 1 not imported, 1 skipped; 4 patient(s) for "
                           "review."));

        // The selected file's problems, in words, and where the rest went.
        const_cast<QTableWidget*>(table)->selectRow(4);
        const QString details = dialog->detailsView()->toPlainText();
        QVERIFY2(details.contains(QStringLiteral("Problem:")), qPrintable(details));
        QVERIFY(details.contains(QStringLiteral("quarantine")));
        QVERIFY(
            dialog->grab().toImage().save(QDir::current().absoluteFilePath(QStringLiteral("tst_importdialog.png"))));

        // Locking hides it (file names can name patients); unlocking brings it back.
        window.lockAction()->trigger();
        QVERIFY(window.isLocked());
        QVERIFY(!dialog->isVisible());
        QVERIFY(!action->isEnabled());
        QTest::mouseClick(window.lockScreen()->unlockButton(), Qt::LeftButton);
        QVERIFY(!window.isLocked());
        QVERIFY(dialog->isVisible());

        // In the cache: imported patients (for review, never live), every file audited.
        auto r = reader();
        int imported = 0;
        for (const auto& p : r->patients())
            imported += p.origin == store::PatientOrigin::Import ? 1 : 0;
        QCOMPARE(imported, 4); // 100, test_generator_2.edf, the oximeter's patient, the FHIR sample's
        QVERIFY(r->patientBySourceKey(QStringLiteral("import:100")));
        QCOMPARE(r->database().queryText("SELECT count(*) FROM audit_log WHERE action = 'import.file'"),
            QStringLiteral("6"));
        QCOMPARE(m_writer->stats().droppedSamples, droppedBefore); // the live feed lost nothing
        QCOMPARE(m_hub.patientCount(), 4); // imported patients are not live
    }

    void lettingGoOfTheCacheStopsARunningImport()
    {
        ui::MainWindow window(m_hub, ui::WaveformRenderer::Kind::Software);
        window.setCache(m_writer.get(), QString());
        window.show();
        const QString record = dataPath(QStringLiteral("100.hea"));
        QVERIFY(window.importFiles({record, record, record, record, record, record}));
        QPointer<ImportDialog> dialog = window.importDialog();
        QVERIFY(dialog && dialog->isRunning());
        QTest::qWait(20);
        window.setCache(nullptr, QString()); // cancels and waits: the writer may stop next
        QVERIFY(dialog.isNull());
        QVERIFY(!window.importDialog());
        QVERIFY(m_writer->waitCommitted(m_writer->stats().submitted, 20000));
    }

    void cancelKeepsWhatWasRead()
    {
        ui::MainWindow window(m_hub, ui::WaveformRenderer::Kind::Software);
        window.setCache(m_writer.get(), QString());
        window.show();
        const QString record = dataPath(QStringLiteral("100.hea"));
        QVERIFY(window.importFiles({record, record, record, record, record, record, record, record}));
        ImportDialog* dialog = window.importDialog();
        QVERIFY(dialog->cancelButton()->isEnabled());
        QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
        QVERIFY(!dialog->cancelButton()->isEnabled());
        QVERIFY(dialog->waitForFinished(60'000));
        QVERIFY(dialog->summaryLabel()->text().startsWith(QStringLiteral("Cancelled.")));
        // The file being read when Cancel came keeps what was read; the rest are not opened.
        const QString first = cell(dialog->table(), 0, ImportDialog::StatusColumn);
        QVERIFY2(first == QStringLiteral("Imported") || first.contains(QStringLiteral("cancelled")), qPrintable(first));
        QCOMPARE(cell(dialog->table(), 7, ImportDialog::StatusColumn), QStringLiteral("Not imported (cancelled)"));
        QCOMPARE(cell(dialog->table(), 7, ImportDialog::SamplesColumn), QStringLiteral("0"));
    }
};

QTEST_MAIN(TestImportDialog)
#include "tst_importdialog.moc"
