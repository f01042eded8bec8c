#include "storereader.h"

#include "cache.h"
#include "codec/wavecodec.h"
#include "schema.h"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace vigil::store {

StoreReader::StoreReader(std::unique_ptr<Database> db)
    : m_db(std::move(db))
{ }

std::unique_ptr<StoreReader> StoreReader::open(const Cache& cache, StoreError* error)
{
    // Read-write, though it never writes: the last connection to close then checkpoints and removes
    // the WAL and SHM files, which a read-only connection cannot.
    std::unique_ptr<Database> db = cache.connect(Database::Mode::ReadWrite, error);
    if (!db)
        return nullptr;
    return std::make_unique<StoreReader>(std::move(db));
}

namespace {

StoreReader::PatientRow patientFrom(Statement& s)
{
    StoreReader::PatientRow row;
    row.id = s.int64(0);
    row.identity.id = s.text(1);
    row.identity.nhsNumber = s.text(2);
    row.identity.givenName = s.text(3);
    row.identity.familyName = s.text(4);
    row.identity.birthDate = QDate::fromString(s.text(5), Qt::ISODate);
    row.origin = patientOriginFromName(s.text(6));
    return row;
}

bool hasOrigin(const Database& db)
{
    return Schema::version(db) >= 3;
}

} // namespace

std::vector<StoreReader::PatientRow> StoreReader::patients()
{
    std::vector<PatientRow> rows;
    // Schema v3 added patient.origin; a reader on an older cache (opened without migrating) sees "live".
    Statement s = m_db->prepare(hasOrigin(*m_db) ? "SELECT id, source_key, nhs_number, given_name, family_name, "
                                                   "birth_date, origin FROM patient ORDER BY id"
                                                 : "SELECT id, source_key, nhs_number, given_name, family_name, "
                                                   "birth_date, 'live' FROM patient ORDER BY id");
    while (s.step() == SQLITE_ROW)
        rows.push_back(patientFrom(s));
    // Per stream, the first and last chunk are one index lookup each (see streamRange()).
    Statement range = m_db->prepare("SELECT min(first), max(last) FROM (SELECT (SELECT min(t_us) FROM wave_chunk "
                                    "WHERE stream_id = s.id) AS first, (SELECT max(t_us) FROM wave_chunk WHERE "
                                    "stream_id = s.id) AS last FROM stream s WHERE s.patient_id = ?)");
    Statement vitalRange = m_db->prepare("SELECT min(t_us), max(t_us) FROM vital WHERE patient_id = ?");
    for (PatientRow& row : rows) {
        for (Statement* q : {&range, &vitalRange}) {
            q->bind(1, row.id);
            if (q->step() == SQLITE_ROW && !q->isNull(0)) {
                const core::Timestamp first = q->int64(0);
                const core::Timestamp last = q->int64(1);
                row.firstData = row.firstData == 0 ? first : std::min(row.firstData, first);
                row.lastData = std::max(row.lastData, last);
            }
            q->reset();
        }
    }
    return rows;
}

std::optional<StoreReader::PatientRow> StoreReader::patient(qint64 id)
{
    Statement s = m_db->prepare(hasOrigin(*m_db) ? "SELECT id, source_key, nhs_number, given_name, family_name, "
                                                   "birth_date, origin FROM patient WHERE id = ?"
                                                 : "SELECT id, source_key, nhs_number, given_name, family_name, "
                                                   "birth_date, 'live' FROM patient WHERE id = ?");
    s.bind(1, id);
    if (s.step() != SQLITE_ROW)
        return std::nullopt;
    return patientFrom(s);
}

std::optional<StoreReader::PatientRow> StoreReader::patientBySourceKey(const QString& key)
{
    Statement s = m_db->prepare(hasOrigin(*m_db) ? "SELECT id, source_key, nhs_number, given_name, family_name, "
                                                   "birth_date, origin FROM patient WHERE source_key = ?"
                                                 : "SELECT id, source_key, nhs_number, given_name, family_name, "
                                                   "birth_date, 'live' FROM patient WHERE source_key = ?");
    s.bind(1, key);
    if (s.step() != SQLITE_ROW)
        return std::nullopt;
    return patientFrom(s);
}

std::vector<StoreReader::StreamRow> StoreReader::streams(qint64 patientId)
{
    std::vector<StreamRow> rows;
    Statement s = m_db->prepare("SELECT id, patient_id, code, label, unit, rate_hz, gain, baseline FROM stream WHERE "
                                "patient_id = ? ORDER BY id");
    s.bind(1, patientId);
    while (s.step() == SQLITE_ROW) {
        StreamRow row;
        row.id = s.int64(0);
        row.patientId = s.int64(1);
        row.descriptor.code = static_cast<int>(s.int64(2));
        row.descriptor.label = s.text(3);
        row.descriptor.unit = s.text(4);
        row.descriptor.rateHz = s.real(5);
        row.descriptor.gain = s.real(6);
        row.descriptor.baseline = s.real(7);
        rows.push_back(row);
    }
    return rows;
}

bool StoreReader::setPageCacheMiB(int mebibytes, StoreError* error)
{
    return m_db->exec(QStringLiteral("PRAGMA cache_size = -%1").arg(std::clamp(mebibytes, 1, 1024) * 1024), error);
}

bool StoreReader::samples(
    qint64 streamId, core::Timestamp from, core::Timestamp to, std::vector<SampleRun>& out, StoreError* error)
{
    out.clear();
    Statement& rate = m_db->cached("SELECT rate_hz FROM stream WHERE id = ?");
    rate.bind(1, streamId);
    const bool known = rate.step() == SQLITE_ROW;
    const double rateHz = known ? rate.real(0) : 0;
    rate.reset();
    if (!known || !(rateHz > 0))
        return true;
    // A chunk holds at most a second, so it starts after from - 1 s.
    Statement& s =
        m_db->cached("SELECT t_us, data FROM wave_chunk WHERE stream_id = ? AND t_us > ? AND t_us < ? ORDER BY t_us");
    s.bind(1, streamId).bind(2, from - core::kMicrosPerSecond).bind(3, to);
    std::vector<qint32> decoded;
    int rc = SQLITE_ROW;
    while ((rc = s.step()) == SQLITE_ROW) {
        const core::Timestamp t0 = s.int64(0);
        QString why;
        if (!codec::WaveCodec::decode(s.blob(1), decoded, &why)) {
            s.reset();
            if (error)
                *error = StoreError{
                    StoreError::Kind::Corrupt, QStringLiteral("A waveform chunk does not decode: %1").arg(why), 0};
            return false;
        }
        // Sample i is at t0 + round(i × period): the times rise with i, so the samples in [from, to)
        // are one slice (the whole chunk, but for the first and last of the interval).
        const auto timeOf = [&](std::size_t i) { return t0 + std::llround(static_cast<double>(i) * 1e6 / rateHz); };
        std::size_t first = 0;
        std::size_t last = decoded.size();
        while (first < last && timeOf(first) < from)
            ++first;
        while (last > first && timeOf(last - 1) >= to)
            --last;
        SampleRun run;
        if (first < last) {
            run.firstSampleTime = timeOf(first);
            run.samples.assign(decoded.begin() + static_cast<std::ptrdiff_t>(first),
                decoded.begin() + static_cast<std::ptrdiff_t>(last));
        }
        if (!run.samples.empty())
            out.push_back(std::move(run));
    }
    s.reset();
    if (rc != SQLITE_DONE) {
        if (error)
            *error = m_db->error(rc, QStringLiteral("reading waveform chunks"));
        return false;
    }
    return true;
}

bool StoreReader::overview(
    qint64 streamId, core::Timestamp from, core::Timestamp to, int columns, std::vector<Column>& out, StoreError* error)
{
    out.assign(static_cast<std::size_t>(std::max(columns, 0)), Column{});
    if (columns <= 0 || columns > 100'000 || to <= from)
        return true;
    const core::Timestamp span = to - from;
    const int level = span / columns >= PyramidBlock::slotUs(2) ? 2 : 1;
    const core::Timestamp slotUs = PyramidBlock::slotUs(level);
    Statement& s = m_db->cached(
        "SELECT t_us, data FROM wave_pyramid WHERE stream_id = ? AND level = ? AND t_us >= ? AND t_us < ?");
    s.bind(1, streamId).bind(2, level).bind(3, PyramidBlock::blockStart(level, from)).bind(4, to);
    int rc = SQLITE_ROW;
    const auto columnOf = [&](core::Timestamp t) {
        return static_cast<qint64>(static_cast<double>(t - from) * columns / static_cast<double>(span));
    };
    while ((rc = s.step()) == SQLITE_ROW) {
        const core::Timestamp blockStart = s.int64(0);
        const PyramidBlock block = PyramidBlock::fromBlob(s.blob(1));
        for (int k = 0; k < PyramidBlock::kSlots; ++k) {
            const Column& slot = block.slot(k);
            if (slot.isEmpty())
                continue;
            const core::Timestamp slotStart = blockStart + k * slotUs;
            const core::Timestamp slotEnd = slotStart + slotUs;
            if (slotEnd <= from || slotStart >= to)
                continue;
            const qint64 c0 = std::max<qint64>(0, columnOf(std::max(slotStart, from)));
            const qint64 c1 = std::min<qint64>(columns - 1, columnOf(std::min(slotEnd, to) - 1));
            for (qint64 c = c0; c <= c1; ++c) {
                Column& column = out[static_cast<std::size_t>(c)];
                column.min = std::min(column.min, slot.min);
                column.max = std::max(column.max, slot.max);
            }
        }
    }
    s.reset();
    if (rc != SQLITE_DONE) {
        if (error)
            *error = m_db->error(rc, QStringLiteral("reading the waveform overview"));
        return false;
    }
    return true;
}

std::vector<core::Measurement> StoreReader::vitals(
    qint64 patientId, core::VitalKind kind, core::Timestamp from, core::Timestamp to)
{
    std::vector<core::Measurement> rows;
    Statement& s = m_db->cached(
        "SELECT t_us, value FROM vital WHERE patient_id = ? AND kind = ? AND t_us >= ? AND t_us < ? ORDER BY t_us");
    s.bind(1, patientId).bind(2, static_cast<int>(kind)).bind(3, from).bind(4, to);
    while (s.step() == SQLITE_ROW)
        rows.push_back(core::Measurement{s.real(1), s.int64(0)});
    s.reset();
    return rows;
}

std::optional<core::DeviceStatus> StoreReader::latestStatus(qint64 patientId)
{
    Statement s = m_db->prepare("SELECT t_us, online, lead_off, battery FROM device_status WHERE patient_id = ? "
                                "ORDER BY t_us DESC LIMIT 1");
    s.bind(1, patientId);
    if (s.step() != SQLITE_ROW)
        return std::nullopt;
    core::DeviceStatus status;
    status.time = s.int64(0);
    status.online = s.int64(1) != 0;
    status.ecgLeadOff = s.int64(2) != 0;
    status.batteryPercent = static_cast<int>(s.int64(3));
    return status;
}

std::vector<Annotation> StoreReader::annotations(qint64 patientId, core::Timestamp from, core::Timestamp to)
{
    std::vector<Annotation> rows;
    Statement& s = m_db->cached("SELECT t_us, duration_us, source, code, symbol, subtype, channel, number, text FROM "
                                "annotation WHERE patient_id = ? AND t_us >= ? AND t_us < ? ORDER BY t_us, id");
    s.bind(1, patientId).bind(2, from).bind(3, to);
    while (s.step() == SQLITE_ROW) {
        Annotation a;
        a.time = s.int64(0);
        a.durationUs = s.isNull(1) ? -1 : s.int64(1);
        a.source = s.text(2);
        a.code = static_cast<int>(s.int64(3));
        a.symbol = s.text(4);
        a.subtype = static_cast<int>(s.int64(5));
        a.channel = static_cast<int>(s.int64(6));
        a.number = static_cast<int>(s.int64(7));
        a.text = s.text(8);
        rows.push_back(std::move(a));
    }
    s.reset();
    return rows;
}

std::vector<CaseEventRecord> StoreReader::caseEvents(qint64 patientId)
{
    return caseEvents(
        patientId, std::numeric_limits<core::Timestamp>::min(), std::numeric_limits<core::Timestamp>::max());
}

std::vector<CaseEventRecord> StoreReader::caseEvents(qint64 patientId, core::Timestamp from, core::Timestamp to)
{
    std::vector<CaseEventRecord> rows;
    if (Schema::version(*m_db) < 2)
        return rows;
    Statement& s = m_db->cached("SELECT event_uuid, patient_id, t_us, kind, actor, role, payload, origin FROM "
                                "clinical_event WHERE patient_id = ? AND t_us >= ? AND t_us < ? ORDER BY t_us, id");
    s.bind(1, patientId).bind(2, from).bind(3, to);
    while (s.step() == SQLITE_ROW) {
        CaseEventRecord e;
        e.uuid = s.text(0);
        e.patientId = s.int64(1);
        e.time = s.int64(2);
        e.kind = s.text(3);
        e.actor = s.text(4);
        e.role = s.text(5);
        e.payload = s.text(6).toUtf8();
        e.origin = s.text(7);
        rows.push_back(std::move(e));
    }
    s.reset();
    return rows;
}

bool StoreReader::hasCaseEvent(const QString& uuid)
{
    if (Schema::version(*m_db) < 2)
        return false;
    Statement& s = m_db->cached("SELECT 1 FROM clinical_event WHERE event_uuid = ?");
    s.bind(1, uuid);
    const bool found = s.step() == SQLITE_ROW;
    s.reset();
    return found;
}

std::vector<AlarmRecord> StoreReader::alarms(qint64 patientId, core::Timestamp from, core::Timestamp to)
{
    std::vector<AlarmRecord> rows;
    Statement& s = m_db->cached("SELECT patient_id, t_us, ended_us, priority, code, text, state FROM alarm WHERE "
                                "t_us < ?2 AND (ended_us IS NULL OR ended_us > ?3) AND patient_id IS ?1 ORDER BY "
                                "t_us, id");
    if (patientId != 0)
        s.bind(1, patientId);
    else
        s.bindNull(1);
    s.bind(2, to).bind(3, from);
    while (s.step() == SQLITE_ROW) {
        AlarmRecord a;
        a.patientId = s.isNull(0) ? 0 : s.int64(0);
        a.raisedAt = s.int64(1);
        a.endedAt = s.isNull(2) ? 0 : s.int64(2);
        a.priority = static_cast<int>(s.int64(3));
        a.code = s.text(4);
        a.text = s.text(5);
        a.state = s.text(6);
        rows.push_back(std::move(a));
    }
    s.reset();
    return rows;
}

std::vector<OutboxRow> StoreReader::pendingOutbox(qint64 afterId, int limit)
{
    std::vector<OutboxRow> rows;
    if (Schema::version(*m_db) < 2)
        return rows;
    Statement& s = m_db->cached("SELECT id, created_us, topic, payload FROM outbox WHERE published_us IS NULL AND "
                                "id > ? ORDER BY id LIMIT ?");
    s.bind(1, afterId).bind(2, static_cast<qint64>(limit));
    while (s.step() == SQLITE_ROW) {
        OutboxRow row;
        row.id = s.int64(0);
        row.created = s.int64(1);
        row.topic = s.text(2);
        row.payload = s.blob(3).toByteArray();
        rows.push_back(std::move(row));
    }
    s.reset();
    return rows;
}

std::map<QString, QString> StoreReader::settings(const QString& prefix)
{
    std::map<QString, QString> out;
    Statement& s = m_db->cached("SELECT key, value FROM setting WHERE substr(key, 1, length(?1)) = ?1");
    s.bind(1, prefix);
    while (s.step() == SQLITE_ROW)
        out.emplace(s.text(0), s.text(1));
    s.reset();
    return out;
}

StoreReader::TimeRange StoreReader::waveformRange()
{
    // Two subqueries: each is one index lookup; min() and max() in one SELECT read every row.
    Statement s = m_db->prepare("SELECT (SELECT min(t_us) FROM wave_chunk), (SELECT max(t_us) FROM wave_chunk)");
    if (s.step() != SQLITE_ROW || s.isNull(0))
        return {};
    return {s.int64(0), s.int64(1)};
}

StoreReader::TimeRange StoreReader::streamRange(qint64 streamId)
{
    // Two subqueries: each is one step along the (stream_id, t_us) index; min() and max() in one
    // SELECT walk every row of the stream (a day of one stream: 86,400).
    Statement s = m_db->prepare("SELECT (SELECT min(t_us) FROM wave_chunk WHERE stream_id = ?1), (SELECT max(t_us) "
                                "FROM wave_chunk WHERE stream_id = ?1)");
    s.bind(1, streamId);
    if (s.step() != SQLITE_ROW || s.isNull(0))
        return {};
    return {s.int64(0), s.int64(1)};
}

StoreReader::Counts StoreReader::counts()
{
    Counts c;
    c.patients = m_db->queryInt("SELECT count(*) FROM patient", 0);
    c.streams = m_db->queryInt("SELECT count(*) FROM stream", 0);
    c.chunks = m_db->queryInt("SELECT count(*) FROM wave_chunk", 0);
    c.samples = m_db->queryInt("SELECT coalesce(sum(n), 0) FROM wave_chunk", 0);
    c.chunkBytes = m_db->queryInt("SELECT coalesce(sum(length(data)), 0) FROM wave_chunk", 0);
    c.pyramidBlocks = m_db->queryInt("SELECT count(*) FROM wave_pyramid", 0);
    c.vitals = m_db->queryInt("SELECT count(*) FROM vital", 0);
    c.statuses = m_db->queryInt("SELECT count(*) FROM device_status", 0);
    c.alarms = m_db->queryInt("SELECT count(*) FROM alarm", 0); // episodes (one row each)
    c.events = m_db->queryInt("SELECT count(*) FROM clinical_event", 0);
    c.audit = m_db->queryInt("SELECT count(*) FROM audit_log", 0);
    c.outboxPending = m_db->queryInt("SELECT count(*) FROM outbox WHERE published_us IS NULL", 0);
    c.quarantine = m_db->queryInt("SELECT count(*) FROM quarantine", 0);
    c.annotations = m_db->queryInt("SELECT count(*) FROM annotation", 0); // 0 before schema v3
    return c;
}

} // namespace vigil::store
