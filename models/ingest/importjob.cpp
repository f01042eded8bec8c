#include "importjob.h"

#include "ingestrouter.h"
#include "store/storewriter.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QMutexLocker>
#include <QThread>

#include <algorithm>

namespace vigil::ingest {

ImportJob::ImportJob(store::StoreWriter& writer, FileImporter::Config config, QObject* parent)
    : QObject(parent)
    , m_writer(writer)
    , m_config(std::move(config))
{
    m_config.cancelled = [cancel = m_cancel] { return cancel->load(); };
}

ImportJob::~ImportJob()
{
    if (m_thread) {
        cancel();
        m_thread->wait();
        delete m_thread;
    }
}

bool ImportJob::start(const QStringList& paths)
{
    if (m_thread)
        return false;
    m_paths = paths;
    {
        QMutexLocker lock(&m_mutex);
        m_reports.assign(static_cast<std::size_t>(paths.size()), std::nullopt);
    }
    m_thread = QThread::create([this] { run(); });
    m_thread->setObjectName(QStringLiteral("import"));
    // finished() after the last fileFinished(): both are queued to this object's thread in order.
    connect(m_thread, &QThread::finished, this, &ImportJob::finished);
    m_thread->start(QThread::LowPriority);
    return true;
}

void ImportJob::cancel()
{
    m_cancel->store(true);
}

bool ImportJob::isRunning() const
{
    return m_thread && !m_thread->isFinished();
}

bool ImportJob::wait(int timeoutMs)
{
    return !m_thread || m_thread->wait(QDeadlineTimer(timeoutMs));
}

std::optional<FileImporter::Report> ImportJob::report(int index) const
{
    QMutexLocker lock(&m_mutex);
    if (index < 0 || static_cast<std::size_t>(index) >= m_reports.size())
        return std::nullopt;
    return m_reports[static_cast<std::size_t>(index)];
}

int ImportJob::finishedCount() const
{
    QMutexLocker lock(&m_mutex);
    return static_cast<int>(
        std::count_if(m_reports.begin(), m_reports.end(), [](const auto& r) { return r.has_value(); }));
}

void ImportJob::run()
{
    // Runs on m_thread; signals are queued to the job's thread (it lives elsewhere).
    FileImporter::Config config = m_config;
    if (config.maxQueuedSamples == 0)
        config.maxQueuedSamples = std::max<qsizetype>(1, m_writer.config().queueCapacitySamples / 4);
    IngestRouter router(nullptr, &m_writer);
    FileImporter importer(router, m_writer, config);
    for (int i = 0; i < m_paths.size(); ++i) {
        Q_EMIT fileStarted(i);
        FileImporter::Report report;
        if (m_cancel->load()) { // not opened at all
            report.fileName = QFileInfo(m_paths[i]).fileName();
            report.kind = FileImporter::detect(m_paths[i]);
            report.status = FileImporter::Status::Skipped;
            report.cancelled = true;
            report.warnings.append(tr("Not imported: the import was cancelled."));
        } else {
            report = importer.importFile(m_paths[i]);
        }
        {
            QMutexLocker lock(&m_mutex);
            m_reports[static_cast<std::size_t>(i)] = std::move(report);
        }
        Q_EMIT fileFinished(i);
    }
}

} // namespace vigil::ingest
