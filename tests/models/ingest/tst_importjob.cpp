// ImportJob (File > Import): files imported on a thread of the job's own into a real encrypted cache,
// reports and signals in order, cancellation, and pacing to a writer shared with live feeds.
// Data: tests/models/codec/data (see its ATTRIBUTION.md).
#include "ingest/importjob.h"
#include "store/cache.h"
#include "store/storereader.h"
#include "store/storewriter.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace vigil;
using ingest::FileImporter;
using ingest::ImportJob;
using store::StoreWriter;

namespace {

QString dataPath(const QString& name)
{
    return QStringLiteral(VIGIL_SOURCE_DIR "/tests/models/codec/data/") + name;
}

} // namespace

class TestImportJob : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<store::Cache> m_cache;

    std::unique_ptr<store::StoreReader> reader()
    {
        store::StoreError error;
        auto r = store::StoreReader::open(*m_cache, &error);
        if (!r)
            qFatal("cannot open a reader: %s", qPrintable(error.message));
        return r;
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        store::StoreError error;
        m_cache = store::Cache::createEphemeral(m_dir->filePath(QStringLiteral("job.vigil")), &error);
        QVERIFY2(m_cache, qPrintable(error.message));
    }

    void cleanup() { m_cache.reset(); }

    void importsInOrderOffTheCallingThread()
    {
        StoreWriter writer(*m_cache);
        QVERIFY(writer.start());
        const QString notThere = m_dir->filePath(QStringLiteral("missing.hea"));
        const QStringList paths{dataPath(QStringLiteral("scipy_ecg_208.hea")),
            dataPath(QStringLiteral("hl7v2/continua-wan/valid-oximeter-continua-wan.hl7v2")), notThere};
        {
            ImportJob job(writer, {});
            QSignalSpy started(&job, &ImportJob::fileStarted);
            QSignalSpy finishedFile(&job, &ImportJob::fileFinished);
            QSignalSpy finished(&job, &ImportJob::finished);
            QThread* importThread = nullptr;
            connect(
                &job, &ImportJob::fileStarted, &job, [&] { importThread = QThread::currentThread(); },
                Qt::DirectConnection);
            QVERIFY(job.start(paths));
            QVERIFY(!job.start(paths)); // one run per job
            QVERIFY(finished.wait(60'000));
            QVERIFY(!job.isRunning());
            QVERIFY(importThread && importThread != QThread::currentThread());
            QCOMPARE(started.size(), 3);
            QCOMPARE(finishedFile.size(), 3);
            for (int i = 0; i < 3; ++i) {
                QCOMPARE(started[i].at(0).toInt(), i);
                QCOMPARE(finishedFile[i].at(0).toInt(), i);
            }
            QCOMPARE(job.finishedCount(), 3);
            const auto wfdb = job.report(0);
            QVERIFY(wfdb);
            QCOMPARE(wfdb->status, FileImporter::Status::Imported);
            QCOMPARE(wfdb->samples, quint64(108'000));
            const auto hl7 = job.report(1);
            QVERIFY(hl7);
            QCOMPARE(hl7->vitals, quint64(1)); // SpO2
            QVERIFY(hl7->status != FileImporter::Status::Failed);
            const auto missing = job.report(2);
            QVERIFY(missing);
            QCOMPARE(missing->status, FileImporter::Status::Failed);
            QCOMPARE(missing->fileName, QStringLiteral("missing.hea")); // never the path
            QVERIFY(!job.report(3));
        }
        QVERIFY(writer.stop());
        auto r = reader();
        QVERIFY(r->patientBySourceKey(QStringLiteral("import:scipy_ecg_208")));
        int imported = 0;
        for (const auto& p : r->patients())
            imported += p.origin == store::PatientOrigin::Import ? 1 : 0;
        QCOMPARE(imported, 2);
    }

    void cancelSkipsTheRest()
    {
        StoreWriter writer(*m_cache);
        QVERIFY(writer.start());
        const QString record = dataPath(QStringLiteral("100.hea"));
        {
            ImportJob job(writer, {});
            // Cancel on the import thread as soon as the first file is done: the others are skipped.
            connect(
                &job, &ImportJob::fileFinished, &job,
                [&](int index) {
                    if (index == 0)
                        job.cancel();
                },
                Qt::DirectConnection);
            QSignalSpy finished(&job, &ImportJob::finished);
            QVERIFY(job.start({record, record, dataPath(QStringLiteral("scipy_ecg_208.hea"))}));
            QVERIFY(finished.wait(60'000));
            QVERIFY(job.isCancelled());
            QCOMPARE(job.report(0)->status, FileImporter::Status::Imported);
            QCOMPARE(job.report(0)->samples, quint64(1'300'000));
            for (int i : {1, 2}) {
                QCOMPARE(job.report(i)->status, FileImporter::Status::Skipped);
                QVERIFY(job.report(i)->cancelled);
                QCOMPARE(job.report(i)->samples, quint64(0));
            }
        }
        QVERIFY(writer.stop());
        QVERIFY(!reader()->patientBySourceKey(QStringLiteral("import:scipy_ecg_208")));
    }

    void destroyingARunningJobCancelsAndWaits()
    {
        StoreWriter writer(*m_cache);
        QVERIFY(writer.start());
        const QString record = dataPath(QStringLiteral("100.hea"));
        {
            ImportJob job(writer, {});
            QVERIFY(job.start({record, record, record, record}));
            QTest::qWait(50);
        } // must not crash, hang or leave the thread writing into a writer that stops next
        QVERIFY(writer.stop());
        QCOMPARE(writer.stats().droppedSamples, quint64(0));
    }

    void pacedToASharedWriter()
    {
        // A writer configured like a busy live session's: small queue, drops after 1 ms. The job's
        // default pacing (a quarter of the queue) keeps every sample of a long record.
        StoreWriter::Config config;
        config.queueCapacitySamples = 100'000;
        config.backpressureWaitMs = 1;
        config.commitIntervalMs = 50;
        StoreWriter writer(*m_cache, config);
        QVERIFY(writer.start());
        {
            ImportJob job(writer, {});
            QSignalSpy finished(&job, &ImportJob::finished);
            QVERIFY(job.start({dataPath(QStringLiteral("100.hea"))}));
            QVERIFY(finished.wait(120'000));
            QCOMPARE(job.report(0)->status, FileImporter::Status::Imported);
            QCOMPARE(job.report(0)->samples, quint64(1'300'000));
        }
        QVERIFY(writer.stop());
        QCOMPARE(writer.stats().droppedSamples, quint64(0));
        QCOMPARE(writer.stats().samplesCommitted, quint64(1'300'000));
    }
};

QTEST_GUILESS_MAIN(TestImportJob)
#include "tst_importjob.moc"
