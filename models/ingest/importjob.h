#pragma once

#include "fileimporter.h"

#include <QMutex>
#include <QObject>
#include <QStringList>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

class QThread;

namespace vigil::store {
class StoreWriter;
}

namespace vigil::ingest {

// Imports files into the cache on a thread of its own (File > Import in the app), so the GUI and the
// live feeds carry on: one FileImporter through an IngestRouter of its own (no live hub: imported
// patients are for review, never live) into the session's StoreWriter, which it shares with the
// live feeds. It paces itself to the writer (FileImporter::Config::maxQueuedSamples, a quarter of
// the writer's queue by default), so an import never makes the writer drop a live sample.
//
// Signals are emitted on the thread that owns the job (queued from the import thread). cancel()
// stops after the current batch (what was read is kept; the report says so). The destructor cancels
// and waits for the thread, so a job must go before the writer stops.
class ImportJob final : public QObject
{
    Q_OBJECT
public:
    // `writer` (not owned) must outlive the job; `config` says who imports (audit) and may set the
    // pacing; its `cancelled` is replaced by the job's own.
    ImportJob(store::StoreWriter& writer, FileImporter::Config config, QObject* parent = nullptr);
    ~ImportJob() override;

    // Starts importing `paths` in order; false if the job already ran.
    bool start(const QStringList& paths);
    void cancel();
    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] bool isCancelled() const { return m_cancel->load(); }
    // Blocks until the thread has finished (true) or `timeoutMs` passed; for tests and shutdown.
    bool wait(int timeoutMs);

    [[nodiscard]] QStringList paths() const { return m_paths; }
    // The report of file `index` once fileFinished(index) was emitted; nullopt before.
    [[nodiscard]] std::optional<FileImporter::Report> report(int index) const;
    [[nodiscard]] int finishedCount() const;

Q_SIGNALS:
    void fileStarted(int index);
    void fileFinished(int index);
    void finished();

private:
    void run();

    store::StoreWriter& m_writer;
    FileImporter::Config m_config;
    QStringList m_paths;
    std::shared_ptr<std::atomic<bool>> m_cancel = std::make_shared<std::atomic<bool>>(false);
    QThread* m_thread = nullptr;
    mutable QMutex m_mutex;
    std::vector<std::optional<FileImporter::Report>> m_reports; // guarded by m_mutex
};

} // namespace vigil::ingest
