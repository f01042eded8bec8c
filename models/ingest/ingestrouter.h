#pragma once

#include "clinical/caseevent.h"
#include "codec/inboundbatch.h"
#include "core/timestamp.h"
#include "recentids.h"
#include "store/streamdescriptor.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <functional>
#include <map>
#include <mutex>
#include <vector>

namespace vigil::live {
class LiveHub;
class PatientFeed;
} // namespace vigil::live
namespace vigil::store {
class StoreWriter;
}

namespace vigil::ingest {

// The one place every inbound source (MQTT, MLLP, file import) hands its decoded messages to
// (ARCHITECTURE.md "Data flow"): it drops repeats, feeds the live view and the store writer, and
// quarantines what could not be used.
//
// - Idempotency: every item's sourceId (Observation.id[#k], MSH-10/OBX-4 …) is remembered
//   (RecentIds); a repeat is dropped and counted. Waveform rows are keyed by time in the store, so a
//   repeat that slips past the window still cannot double a sample.
// - Order: the store places chunks by device time whatever order they arrive in. The live view only
//   appends (a late chunk is stored but not drawn into a sweep that has moved on).
// - Calibration: a stream is stored with the calibration of its first segment (gain = 1 / factor,
//   baseline = −origin / factor), so FHIR data are kept exactly as sent; later segments with another
//   calibration are converted to it. The live view gets physical values (ECG in mV) resampled to the
//   tile's nominal rate.
// - Bad input: a rejected payload, or one with problems, goes to the quarantine with its reasons
//   and source, counted per source; its good parts are still used.
// - Clock skew: receive time minus the device time of the newest sample is tracked per source.
// - Imports (batch.imported, from ingest::FileImporter): new patients are registered as imported
//   (store::PatientOrigin::Import, exempt from retention) and get no live tile: an import must not
//   look live. FileImporter gives imported patients keys of their own ("import:…"), so they never
//   share a key with a live patient.
//
// Thread-safe: sources call process() from their own threads.
class IngestRouter final
{
public:
    struct Config
    {
        qsizetype dedupeCapacity = 200'000;
        std::function<core::Timestamp()> clock; // receive time; default core::nowUtc
    };

    struct SourceStats
    {
        quint64 messages = 0;
        quint64 rejected = 0; // payloads that could not be read at all
        quint64 withProblems = 0; // payloads with at least one unusable part
        quint64 problems = 0;
        quint64 duplicates = 0; // items dropped as repeats
        quint64 segments = 0;
        quint64 samples = 0;
        quint64 vitals = 0;
        quint64 statuses = 0;
        quint64 caseEvents = 0; // clinical case events decoded (repeats included)
        quint64 droppedSamples = 0; // the store writer could not take them (counted there too)
        core::Timestamp lastMessageUs = 0;
        core::Timestamp lastSkewUs = 0; // receive time − device time of the newest data
        core::Timestamp maxAbsSkewUs = 0;
        QString lastProblem;
    };

    IngestRouter(live::LiveHub* hub, store::StoreWriter* writer, Config config);
    IngestRouter(live::LiveHub* hub, store::StoreWriter* writer);
    ~IngestRouter();
    IngestRouter(const IngestRouter&) = delete;
    IngestRouter& operator=(const IngestRouter&) = delete;

    // `source` names the source for the statistics ("mqtt", "mllp", "file"); `detail` says where
    // exactly (topic, peer address, file name) for the quarantine. Returns the writer's last
    // sequence number queued for this message (0 if nothing was queued).
    quint64 process(
        const codec::InboundBatch& batch, const QString& source, const QString& detail, const QByteArray& payload);

    // A clinical case event from the site's events topic (another workstation's, or our own coming
    // back): decoded (codec::CaseEventFhir, strict), stored as received (StoreWriter::appendCaseEvent,
    // not local: no outbox row; a repeat of a stored event adds nothing) and handed to the case-event
    // observer. A payload that does not decode is quarantined with the reason and counted like any
    // bad message of `source`. The patient is registered in the store by key only; an event never
    // creates a live tile. Returns the writer's sequence number (0 when nothing was queued).
    quint64 processCaseEvent(const QByteArray& payload, const QString& source, const QString& detail);
    // Who gets decoded case events (the window, to merge them into the case it shows). Called on the
    // source's thread, never after setCaseEventObserver({}) has returned. Null: nobody.
    void setCaseEventObserver(std::function<void(const clinical::CaseEvent&)> observer);

    [[nodiscard]] std::map<QString, SourceStats> stats() const;
    [[nodiscard]] SourceStats total() const;

private:
    struct Stream
    {
        int handle = 0;
        store::StreamDescriptor descriptor;
    };
    struct Patient
    {
        int handle = 0; // store writer handle (0: no store)
        live::PatientFeed* feed = nullptr;
        int liveEcgCode = 0; // the ECG lead shown live (the first one seen)
        QHash<int, Stream> streams; // by MDC code
    };

    Patient* patientFor(
        const QString& key, SourceStats& stats, bool imported, const core::PatientIdentity* known = nullptr);
    quint64 routeWave(const codec::WaveSegment& wave, core::Timestamp receivedAt, SourceStats& stats, bool imported);
    void note(SourceStats& stats, const QString& problem);
    [[nodiscard]] core::Timestamp now() const;

    live::LiveHub* m_hub;
    store::StoreWriter* m_writer;
    Config m_config;
    mutable std::mutex m_mutex;
    RecentIds m_recent; // guarded
    QHash<QString, Patient> m_patients; // guarded
    std::map<QString, SourceStats> m_stats; // guarded
    std::vector<qint32> m_digital; // scratch, guarded
    std::vector<float> m_live; // scratch, guarded
    std::mutex m_observerMutex; // held while the observer runs, so clearing it waits for a call
    std::function<void(const clinical::CaseEvent&)> m_caseEventObserver; // guarded by m_observerMutex
};

} // namespace vigil::ingest
