#pragma once

#include "alarmrecord.h"
#include "annotation.h"
#include "caseeventrecord.h"
#include "core/devicestatus.h"
#include "core/patientidentity.h"
#include "core/vitalsigns.h"
#include "database.h"
#include "outboxrow.h"
#include "patientorigin.h"
#include "pyramidblock.h"
#include "storeerror.h"
#include "streamdescriptor.h"

#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace vigil::store {

class Cache;

// Read queries on a cache, on the reader's own connection (one StoreReader per thread). Readers see
// committed data only (WAL snapshot isolation); they never block the writer.
class StoreReader final
{
public:
    struct PatientRow
    {
        qint64 id = 0;
        core::PatientIdentity identity; // identity.id is the source's key
        core::Timestamp firstData = 0; // earliest/latest vital or waveform time (0: none)
        core::Timestamp lastData = 0;
        PatientOrigin origin = PatientOrigin::Live;
    };
    struct StreamRow
    {
        qint64 id = 0;
        qint64 patientId = 0;
        StreamDescriptor descriptor;
    };
    struct SampleRun
    {
        core::Timestamp firstSampleTime = 0;
        std::vector<qint32> samples; // digital; codec::WaveCodec::kInvalid = no sample
    };
    struct TimeRange
    {
        core::Timestamp first = 0;
        core::Timestamp last = 0;
    };
    struct Counts
    {
        qint64 patients = 0;
        qint64 streams = 0;
        qint64 chunks = 0;
        qint64 samples = 0;
        qint64 pyramidBlocks = 0;
        qint64 vitals = 0;
        qint64 statuses = 0;
        qint64 alarms = 0;
        qint64 events = 0;
        qint64 audit = 0;
        qint64 outboxPending = 0;
        qint64 quarantine = 0;
        qint64 annotations = 0;
        qint64 chunkBytes = 0;
    };
    using Column = PyramidBlock::Slot;

    explicit StoreReader(std::unique_ptr<Database> db);
    [[nodiscard]] static std::unique_ptr<StoreReader> open(const Cache& cache, StoreError* error);

    [[nodiscard]] Database& database() { return *m_db; }
    // The decrypted pages this reader keeps (SQLite's page cache; the default is 2 MiB). A review
    // window's reader keeps more: the rows of one stream are spread over pages shared with every
    // other stream written in the same second, so a zoom or pan would otherwise decrypt the same
    // pages again.
    bool setPageCacheMiB(int mebibytes, StoreError* error = nullptr);

    [[nodiscard]] std::vector<PatientRow> patients();
    [[nodiscard]] std::optional<PatientRow> patient(qint64 id);
    [[nodiscard]] std::optional<PatientRow> patientBySourceKey(const QString& key);
    [[nodiscard]] std::vector<StreamRow> streams(qint64 patientId);
    // Every stored run of samples with device time in [from, to), in time order; a run is a chunk
    // row cut to the interval. Fails (false + error) on a chunk that does not decode.
    bool samples(qint64 streamId, core::Timestamp from, core::Timestamp to, std::vector<SampleRun>& out,
        StoreError* error = nullptr);
    // Min/max per column for `columns` equal columns over [from, to), from the pyramid (level 2
    // when a column spans a minute or more, else level 1; columns narrower than a second are filled
    // from the second that holds them). An empty column has min > max.
    bool overview(qint64 streamId, core::Timestamp from, core::Timestamp to, int columns, std::vector<Column>& out,
        StoreError* error = nullptr);
    [[nodiscard]] std::vector<core::Measurement> vitals(
        qint64 patientId, core::VitalKind kind, core::Timestamp from, core::Timestamp to);
    [[nodiscard]] std::optional<core::DeviceStatus> latestStatus(qint64 patientId);
    // The patient's annotations (store::Annotation) with time in [from, to), in time order.
    [[nodiscard]] std::vector<Annotation> annotations(qint64 patientId, core::Timestamp from, core::Timestamp to);
    // The patient's clinical case events (all of them, or those with time in [from, to)), in (time,
    // row) order, i.e. as stored; clinical::CaseState orders them causally. Empty on a cache older
    // than schema v2.
    [[nodiscard]] std::vector<CaseEventRecord> caseEvents(qint64 patientId);
    [[nodiscard]] std::vector<CaseEventRecord> caseEvents(qint64 patientId, core::Timestamp from, core::Timestamp to);
    // Whether an event with this uuid is stored.
    [[nodiscard]] bool hasCaseEvent(const QString& uuid);

    // The alarm episodes of a patient (patientId 0: the workstation's own alarms) that overlap
    // [from, to): raised before `to`, and ended after `from` or still active; in (raisedAt, row)
    // order.
    [[nodiscard]] std::vector<AlarmRecord> alarms(qint64 patientId, core::Timestamp from, core::Timestamp to);

    // Outbox rows not yet published with id > `afterId`, oldest first, at most `limit`.
    [[nodiscard]] std::vector<OutboxRow> pendingOutbox(qint64 afterId, int limit);

    // Settings whose key starts with `prefix` (StoreWriter::setSetting), by key.
    [[nodiscard]] std::map<QString, QString> settings(const QString& prefix);

    [[nodiscard]] TimeRange waveformRange();
    [[nodiscard]] TimeRange streamRange(qint64 streamId);
    [[nodiscard]] Counts counts();

private:
    std::unique_ptr<Database> m_db;
};

} // namespace vigil::store
