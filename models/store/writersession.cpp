#include "writersession.h"

#include "auditlog.h"
#include "codec/wavecodec.h"
#include "logging.h"
#include "waveclustering.h"
#include "writeitem.h"

#include <QDateTime>
#include <QTimeZone>

#include <sqlite3.h>

#include <algorithm>
#include <cmath>

namespace vigil::store {

WriterSession::WriterSession(std::unique_ptr<Database> db)
    : m_db(std::move(db))
{
    m_auditHash = AuditLog::lastHash(*m_db);
}

WriterSession::~WriterSession() = default;

qint64 WriterSession::patientId(int handle) const
{
    if (handle <= 0 || static_cast<std::size_t>(handle) >= m_patientIds.size())
        return 0;
    return m_patientIds[static_cast<std::size_t>(handle)];
}

core::Timestamp WriterSession::sampleTime(const StreamState& stream, core::Timestamp first, qsizetype index) const
{
    return first + std::llround(static_cast<double>(index) * 1e6 / stream.descriptor.rateHz);
}

StoreError WriterSession::begin()
{
    m_snapshot.patientIds = m_patientIds;
    m_snapshot.streams = m_streams;
    m_snapshot.auditHash = m_auditHash;
    m_samplesInBatch = 0;
    m_rowsInBatch = 0;
    StoreError error;
    if (!m_db->exec(QStringLiteral("BEGIN IMMEDIATE"), &error))
        return error;
    return {};
}

StoreError WriterSession::commit()
{
    StoreError error;
    if (!m_db->exec(QStringLiteral("COMMIT"), &error))
        return error;
    m_pyramid.clear(); // blocks are re-read when next touched; keeps memory bounded
    return {};
}

void WriterSession::rollback()
{
    if (!sqlite3_get_autocommit(m_db->handle()))
        m_db->exec(QStringLiteral("ROLLBACK"));
    m_patientIds = std::move(m_snapshot.patientIds);
    m_streams = std::move(m_snapshot.streams);
    m_auditHash = m_snapshot.auditHash;
    m_pyramid.clear();
}

StoreError WriterSession::apply(const WriteItem& item)
{
    const auto handle = static_cast<std::size_t>(item.handle);
    switch (item.type) {
    case WriteItem::Type::Patient: {
        const core::PatientIdentity& p = item.identity;
        Statement& insert = m_db->cached(
            "INSERT OR IGNORE INTO patient(source_key, created_us, updated_us, origin) VALUES (?, ?, ?, ?)");
        insert.bind(1, p.id).bind(2, item.receivedAt).bind(3, item.receivedAt);
        insert.bind(4, patientOriginName(item.origin));
        if (const int rc = insert.run(); !Statement::succeeded(rc))
            return m_db->error(rc, QStringLiteral("registering a patient"));
        // Registering with a field left empty keeps what is stored (a message that names the patient
        // only by key must not erase the demographics an ADT or Patient resource gave). An import
        // marks the patient imported; a live registration never clears that mark.
        Statement& update = m_db->cached(
            "UPDATE patient SET nhs_number = coalesce(nullif(?1, ''), nhs_number), given_name = coalesce(nullif(?2, "
            "''), given_name), family_name = coalesce(nullif(?3, ''), family_name), birth_date = coalesce(nullif(?4, "
            "''), birth_date), updated_us = ?5, origin = coalesce(nullif(?7, 'live'), origin) WHERE source_key = ?6");
        update.bind(1, p.nhsNumber).bind(2, p.givenName).bind(3, p.familyName);
        update.bind(4, p.birthDate.isValid() ? p.birthDate.toString(Qt::ISODate) : QString());
        update.bind(5, item.receivedAt).bind(6, p.id).bind(7, patientOriginName(item.origin));
        if (const int rc = update.run(); !Statement::succeeded(rc))
            return m_db->error(rc, QStringLiteral("registering a patient"));
        Statement& select = m_db->cached("SELECT id FROM patient WHERE source_key = ?");
        select.bind(1, p.id);
        const int rc = select.step();
        const qint64 id = rc == SQLITE_ROW ? select.int64(0) : 0;
        select.reset();
        if (rc != SQLITE_ROW)
            return m_db->error(rc, QStringLiteral("registering a patient"));
        if (m_patientIds.size() <= handle)
            m_patientIds.resize(handle + 1, 0);
        m_patientIds[handle] = id;
        return {};
    }
    case WriteItem::Type::Stream: {
        const qint64 patient = patientId(item.patientHandle);
        const StreamDescriptor& d = item.descriptor;
        Statement& insert = m_db->cached("INSERT OR IGNORE INTO stream(patient_id, code, label, unit, rate_hz, gain, "
                                         "baseline) VALUES (?, ?, ?, ?, ?, ?, ?)");
        insert.bind(1, patient).bind(2, d.code).bind(3, d.label).bind(4, d.unit).bind(5, d.rateHz).bind(6, d.gain);
        insert.bind(7, d.baseline);
        if (const int rc = insert.run(); !Statement::succeeded(rc))
            return m_db->error(rc, QStringLiteral("registering a stream"));
        Statement& select =
            m_db->cached("SELECT id, rate_hz, gain, baseline FROM stream WHERE patient_id = ? AND code = ?");
        select.bind(1, patient).bind(2, d.code);
        const int rc = select.step();
        if (rc != SQLITE_ROW) {
            select.reset();
            return m_db->error(rc, QStringLiteral("registering a stream"));
        }
        StreamState state;
        state.id = select.int64(0);
        state.descriptor = d;
        if (select.real(1) != d.rateHz || select.real(2) != d.gain || select.real(3) != d.baseline)
            qCWarning(lcStore) << "stream" << state.id << "was stored with another rate or calibration; new samples"
                               << "use the new one";
        select.reset();
        if (m_streams.size() <= handle)
            m_streams.resize(handle + 1);
        m_streams[handle] = std::move(state);
        return {};
    }
    case WriteItem::Type::Samples:
        return applySamples(item);
    case WriteItem::Type::Vital: {
        Statement& insert = m_db->cached("INSERT INTO vital(patient_id, kind, loinc, t_us, value, unit, provenance, "
                                         "received_us) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        insert.bind(1, patientId(item.handle)).bind(2, static_cast<int>(item.vitalKind));
        insert.bind(3, core::vitalLoinc(item.vitalKind)).bind(4, item.measurement.time);
        insert.bind(5, item.measurement.value).bind(6, core::vitalUnit(item.vitalKind));
        insert.bind(7, item.provenance).bind(8, item.receivedAt);
        if (const int rc = insert.run(); !Statement::succeeded(rc))
            return m_db->error(rc, QStringLiteral("storing a vital sign"));
        return {};
    }
    case WriteItem::Type::Status: {
        Statement& insert = m_db->cached("INSERT INTO device_status(patient_id, t_us, online, lead_off, battery, "
                                         "received_us) VALUES (?, ?, ?, ?, ?, ?)");
        insert.bind(1, patientId(item.handle)).bind(2, item.status.time).bind(3, item.status.online ? 1 : 0);
        insert.bind(4, item.status.ecgLeadOff ? 1 : 0).bind(5, item.status.batteryPercent).bind(6, item.receivedAt);
        if (const int rc = insert.run(); !Statement::succeeded(rc))
            return m_db->error(rc, QStringLiteral("storing a device status"));
        return {};
    }
    case WriteItem::Type::Audit: {
        AuditEntry entry = item.audit;
        entry.patientId = patientId(item.handle);
        return AuditLog::append(*m_db, entry, m_auditHash);
    }
    case WriteItem::Type::Quarantine: {
        Statement& insert =
            m_db->cached("INSERT INTO quarantine(received_us, source, reason, payload) VALUES (?, ?, ?, ?)");
        insert.bind(1, item.receivedAt).bind(2, item.text1).bind(3, item.text2).bindBlob(4, item.payload);
        if (const int rc = insert.run(); !Statement::succeeded(rc))
            return m_db->error(rc, QStringLiteral("quarantining a message"));
        return {};
    }
    case WriteItem::Type::Annotation: {
        const Annotation& a = item.annotation;
        const qint64 patient = patientId(item.handle);
        if (patient == 0) {
            qCWarning(lcStore) << "an annotation for an unregistered patient handle was dropped";
            return {};
        }
        // OR IGNORE: re-importing a file stores nothing twice (the unique index, schema v3).
        Statement& insert = m_db->cached("INSERT OR IGNORE INTO annotation(patient_id, t_us, duration_us, source, "
                                         "code, symbol, subtype, channel, number, text) VALUES (?, ?, ?, ?, ?, ?, ?, "
                                         "?, ?, ?)");
        insert.bind(1, patient).bind(2, a.time);
        if (a.durationUs >= 0)
            insert.bind(3, a.durationUs);
        else
            insert.bindNull(3);
        insert.bind(4, a.source).bind(5, a.code).bind(6, a.symbol).bind(7, a.subtype).bind(8, a.channel);
        insert.bind(9, a.number).bind(10, a.text);
        if (const int rc = insert.run(); !Statement::succeeded(rc))
            return m_db->error(rc, QStringLiteral("storing an annotation"));
        return {};
    }
    case WriteItem::Type::CaseEvent:
        return applyCaseEvent(item);
    case WriteItem::Type::Alarm:
        return applyAlarm(item);
    case WriteItem::Type::Outbox: {
        Statement& insert = m_db->cached("INSERT INTO outbox(created_us, topic, payload) VALUES (?, ?, ?)");
        insert.bind(1, item.receivedAt).bind(2, item.text1).bindBlob(3, item.payload);
        if (const int rc = insert.run(); !Statement::succeeded(rc))
            return m_db->error(rc, QStringLiteral("queueing an event for publishing"));
        return {};
    }
    case WriteItem::Type::Setting: {
        // SQLCipher 3.4 is SQLite 3.15: no upsert. Settings are rare, so REPLACE's statement journal
        // costs nothing that matters here.
        Statement& upsert = m_db->cached("INSERT OR REPLACE INTO setting(key, value) VALUES (?, ?)");
        upsert.bind(1, item.text1).bind(2, item.text2);
        if (const int rc = upsert.run(); !Statement::succeeded(rc))
            return m_db->error(rc, QStringLiteral("storing a setting"));
        return {};
    }
    case WriteItem::Type::OutboxPublished: {
        Statement& update = m_db->cached("UPDATE outbox SET published_us = ? WHERE id = ? AND published_us IS NULL");
        for (const qint64 id : item.rowIds) {
            update.bind(1, item.time).bind(2, id);
            if (const int rc = update.run(); !Statement::succeeded(rc))
                return m_db->error(rc, QStringLiteral("marking an event as published"));
        }
        return {};
    }
    }
    return {};
}

StoreError WriterSession::applyCaseEvent(const WriteItem& item)
{
    const CaseEventRecord& e = item.caseEvent;
    const qint64 patient = patientId(item.handle);
    if (patient == 0) {
        // A programming error (the handle comes from registerPatient); an event must name its patient.
        qCCritical(lcStore) << "a clinical event for an unregistered patient handle was dropped";
        return {};
    }
    // OR IGNORE on the unique uuid: a repeat (from the broker, or our own event coming back) adds
    // nothing, and no audit or outbox row either.
    Statement& insert = m_db->cached("INSERT OR IGNORE INTO clinical_event(event_uuid, patient_id, t_us, kind, "
                                     "actor, role, payload, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, e.uuid).bind(2, patient).bind(3, e.time).bind(4, e.kind).bind(5, e.actor).bind(6, e.role);
    insert.bind(7, QString::fromUtf8(e.payload)).bind(8, e.origin);
    if (const int rc = insert.run(); !Statement::succeeded(rc))
        return m_db->error(rc, QStringLiteral("storing a clinical event"));
    if (sqlite3_changes(m_db->handle()) == 0) {
        Statement& stored = m_db->cached("SELECT payload FROM clinical_event WHERE event_uuid = ?");
        stored.bind(1, e.uuid);
        const int rc = stored.step();
        const bool differs = rc == SQLITE_ROW && stored.text(0) != QString::fromUtf8(e.payload);
        stored.reset();
        if (differs)
            qCWarning(lcStore) << "a clinical event arrived again with different contents; the first copy is kept";
        return {};
    }
    AuditEntry audit;
    audit.time = item.local ? e.time : item.receivedAt;
    audit.actor = e.actor;
    audit.role = e.role;
    audit.action = QStringLiteral("case.") + e.kind;
    audit.patientId = patient;
    audit.detail = item.local ? QStringLiteral("event %1 created on %2").arg(e.uuid, e.origin)
                              : QStringLiteral("event %1 received from %2, created %3")
                                    .arg(e.uuid, e.origin,
                                        QDateTime::fromMSecsSinceEpoch(e.time / core::kMicrosPerMilli, QTimeZone::utc())
                                            .toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'")));
    if (!e.auditSummary.isEmpty())
        audit.detail += QStringLiteral(": ") + e.auditSummary;
    if (StoreError error = AuditLog::append(*m_db, audit, m_auditHash))
        return error;
    if (item.local) {
        Statement& outbox = m_db->cached("INSERT INTO outbox(created_us, topic, payload) VALUES (?, ?, ?)");
        outbox.bind(1, item.receivedAt).bind(2, item.text1).bindBlob(3, e.payload);
        if (const int rc = outbox.run(); !Statement::succeeded(rc))
            return m_db->error(rc, QStringLiteral("queueing a clinical event for publishing"));
    }
    return {};
}

StoreError WriterSession::applyAlarm(const WriteItem& item)
{
    const AlarmRecord& a = item.alarm;
    const qint64 patient = patientId(item.handle);
    if (item.handle != 0 && patient == 0) {
        // A programming error (the handle comes from registerPatient): not a workstation alarm.
        qCCritical(lcStore) << "an alarm for an unregistered patient handle was dropped";
        return {};
    }
    // One row per episode (patient, code, raised at). UPDATE OR FAIL first, and a plain INSERT when
    // no row changed, rather than INSERT OR REPLACE (SQLite 3.15 has no upsert): neither needs a
    // statement journal, which SQLCipher encrypts page by page (see closeChunk()). The UPDATE finds
    // the row through alarm_by_time.
    auto bindRow = [&](Statement& statement) {
        if (patient != 0)
            statement.bind(1, patient);
        else
            statement.bindNull(1);
        statement.bind(2, a.code).bind(3, a.raisedAt);
        if (a.endedAt != 0)
            statement.bind(4, a.endedAt);
        else
            statement.bindNull(4);
        statement.bind(5, static_cast<qint64>(a.priority)).bind(6, a.text).bind(7, a.state);
    };
    Statement& update = m_db->cached("UPDATE OR FAIL alarm SET ended_us = ?4, priority = ?5, text = ?6, state = ?7 "
                                     "WHERE t_us = ?3 AND code = ?2 AND patient_id IS ?1");
    bindRow(update);
    if (const int rc = update.run(); !Statement::succeeded(rc))
        return m_db->error(rc, QStringLiteral("storing an alarm"));
    if (sqlite3_changes(m_db->handle()) > 0)
        return {};
    Statement& insert = m_db->cached("INSERT INTO alarm(patient_id, code, t_us, ended_us, priority, text, state) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    bindRow(insert);
    if (const int rc = insert.run(); !Statement::succeeded(rc))
        return m_db->error(rc, QStringLiteral("storing an alarm"));
    return {};
}

StoreError WriterSession::applySamples(const WriteItem& item)
{
    const auto handle = static_cast<std::size_t>(item.handle);
    if (handle >= m_streams.size() || m_streams[handle].id == 0)
        return {StoreError::Kind::Internal, QStringLiteral("Samples for a stream that was never registered."), 0};
    StreamState& s = m_streams[handle];
    const double periodUs = 1e6 / s.descriptor.rateHz;
    const auto n = static_cast<qsizetype>(item.samples.size());
    for (qsizetype i = 0; i < n; ++i) {
        const core::Timestamp t = sampleTime(s, item.time, i);
        if (i == 0 && !s.samples.empty()) {
            const core::Timestamp expected = sampleTime(s, s.chunkStart, static_cast<qsizetype>(s.samples.size()));
            if (std::abs(static_cast<double>(t - expected)) > periodUs / 2) {
                // A gap, or late data: the open chunk ends here, the run starts a new one.
                if (StoreError e = closeChunk(s, true))
                    return e;
            }
        }
        if (!s.samples.empty() && t >= s.secondEnd) {
            if (StoreError e = closeChunk(s, true))
                return e;
        }
        if (s.samples.empty()) {
            s.chunkStart = t;
            s.secondEnd = core::floorTo(t, core::kMicrosPerSecond) + core::kMicrosPerSecond;
            s.partialWritten = false;
            s.receivedAt = 0;
        }
        s.samples.push_back(item.samples[static_cast<std::size_t>(i)]);
    }
    s.receivedAt = std::max(s.receivedAt, item.receivedAt);
    m_samplesInBatch += static_cast<quint64>(n);
    return {};
}

StoreError WriterSession::closeChunk(StreamState& stream, bool complete)
{
    if (stream.samples.empty())
        return {};
    qint32 mn = std::numeric_limits<qint32>::max();
    qint32 mx = std::numeric_limits<qint32>::min();
    for (const qint32 v : stream.samples) {
        if (v == codec::WaveCodec::kInvalid)
            continue;
        mn = std::min(mn, v);
        mx = std::max(mx, v);
    }
    const QByteArray data = codec::WaveCodec::encode(stream.samples);
    // Plain INSERT for a new second and UPDATE OR FAIL for a rewritten partial one, not INSERT OR
    // REPLACE: REPLACE (and UPDATE's default ABORT) make SQLite keep a statement journal, and
    // SQLCipher encrypts every page it copies into that journal, which more than doubled the cost of
    // an encrypted commit. Both statements fail before they change anything, so no journal is needed.
    auto bindRow = [&](Statement& statement) {
        statement.bind(1, stream.id).bind(2, stream.chunkStart);
        statement.bind(3, static_cast<qint64>(stream.samples.size()));
        if (mn <= mx)
            statement.bind(4, static_cast<qint64>(mn)).bind(5, static_cast<qint64>(mx));
        else
            statement.bindNull(4).bindNull(5);
        statement.bind(6, stream.receivedAt).bindBlob(7, data);
    };
    int rc = SQLITE_DONE;
    bool written = false;
    if (stream.partialWritten) {
        Statement& update = m_db->cached("UPDATE OR FAIL wave_chunk SET n = ?3, min_v = ?4, max_v = ?5, "
                                         "received_us = ?6, data = ?7 WHERE stream_id = ?1 AND t_us = ?2");
        bindRow(update);
        rc = update.run();
        written = Statement::succeeded(rc) && sqlite3_changes(m_db->handle()) == 1;
    }
    if (Statement::succeeded(rc) && !written) {
        Statement& insert = m_db->cached("INSERT INTO wave_chunk(stream_id, t_us, n, min_v, max_v, received_us, "
                                         "data) VALUES (?, ?, ?, ?, ?, ?, ?)");
        bindRow(insert);
        rc = insert.run();
        if ((rc & 0xff) == SQLITE_CONSTRAINT) {
            // The second is already stored (a replay, or data arriving again after a restart): the
            // newest copy wins, as before.
            Statement& replace = m_db->cached("INSERT OR REPLACE INTO wave_chunk(stream_id, t_us, n, min_v, max_v, "
                                              "received_us, data) VALUES (?, ?, ?, ?, ?, ?, ?)");
            bindRow(replace);
            rc = replace.run();
        }
    }
    if (!Statement::succeeded(rc))
        return m_db->error(rc, QStringLiteral("storing a waveform chunk"));
    ++m_rowsInBatch;
    if (mn <= mx) {
        if (StoreError e = mergePyramid(stream.id, stream.chunkStart, mn, mx))
            return e;
    }
    if (complete) {
        stream.samples.clear();
        stream.partialWritten = false;
    } else {
        stream.partialWritten = true;
    }
    return {};
}

StoreError WriterSession::mergePyramid(qint64 streamId, core::Timestamp time, qint32 min, qint32 max)
{
    for (int level = 1; level <= PyramidBlock::kLevels; ++level) {
        const core::Timestamp start = PyramidBlock::blockStart(level, time);
        const PyramidKey key{streamId, level, start};
        auto it = m_pyramid.find(key);
        if (it == m_pyramid.end()) {
            PyramidEntry entry;
            Statement& select = m_db->cached("SELECT data FROM wave_pyramid WHERE stream_id = ? AND level = ? AND "
                                             "t_us = ?");
            select.bind(1, streamId).bind(2, level).bind(3, start);
            const int rc = select.step();
            if (rc == SQLITE_ROW) {
                entry.block = PyramidBlock::fromBlob(select.blob(0));
                entry.stored = true;
            }
            select.reset();
            if (!Statement::succeeded(rc))
                return m_db->error(rc, QStringLiteral("reading the waveform overview"));
            it = m_pyramid.emplace(key, entry).first;
        }
        it->second.block.mergeAt(level, start, time, min, max);
        it->second.dirty = true;
    }
    return {};
}

StoreError WriterSession::finish()
{
    for (StreamState& s : m_streams) {
        if (s.id != 0 && !s.samples.empty()) {
            if (StoreError e = closeChunk(s, false))
                return e;
        }
    }
    // UPDATE OR FAIL and INSERT rather than INSERT OR REPLACE: see closeChunk().
    Statement& update =
        m_db->cached("UPDATE OR FAIL wave_pyramid SET data = ?4 WHERE stream_id = ?1 AND level = ?2 AND t_us = ?3");
    Statement& insert = m_db->cached("INSERT INTO wave_pyramid(stream_id, level, t_us, data) VALUES (?, ?, ?, ?)");
    for (auto& [key, entry] : m_pyramid) {
        if (!entry.dirty)
            continue;
        Statement& statement = entry.stored ? update : insert;
        statement.bind(1, std::get<0>(key)).bind(2, std::get<1>(key)).bind(3, std::get<2>(key));
        statement.bindBlob(4, entry.block.toBlob());
        if (const int rc = statement.run(); !Statement::succeeded(rc))
            return m_db->error(rc, QStringLiteral("storing the waveform overview"));
        entry.dirty = false;
        entry.stored = true;
    }
    return {};
}

StoreError WriterSession::cluster(core::Timestamp budgetUs, int& spans, bool& more)
{
    if (!m_clustering)
        m_clustering = std::make_unique<WaveClustering>(*m_db);
    const auto isLive = [this](qint64 streamId) {
        return std::any_of(m_streams.begin(), m_streams.end(), [&](const StreamState& s) { return s.id == streamId; });
    };
    return m_clustering->step(isLive, budgetUs, spans, more);
}

StoreError WriterSession::prune(const RetentionPolicy& policy, core::Timestamp now, quint64& pruned)
{
    const core::Timestamp waveCutoff = now - policy.waveformsUs;
    const core::Timestamp eventCutoff = now - policy.vitalsAndEventsUs;
    int budget = policy.rowsPerStep;
    StoreError error;
    if (!m_db->exec(QStringLiteral("BEGIN IMMEDIATE"), &error))
        return error;
    auto run = [&](Statement& statement) -> bool {
        const int rc = statement.run();
        if (!Statement::succeeded(rc)) {
            error = m_db->error(rc, QStringLiteral("pruning old data"));
            return false;
        }
        const int changed = sqlite3_changes(m_db->handle());
        budget -= changed;
        pruned += static_cast<quint64>(changed);
        return true;
    };
    if (m_pruneCursor >= m_pruneStreams.size()) {
        m_pruneStreams.clear();
        m_pruneCursor = 0;
        // Imported patients' recordings are kept (PatientOrigin): they are old by nature.
        Statement ids = m_db->prepare("SELECT s.id FROM stream s JOIN patient p ON p.id = s.patient_id WHERE "
                                      "p.origin <> 'import' ORDER BY s.id");
        while (ids.step() == SQLITE_ROW)
            m_pruneStreams.push_back(ids.int64(0));
    }
    bool ok = true;
    while (ok && budget > 0 && m_pruneCursor < m_pruneStreams.size()) {
        const qint64 stream = m_pruneStreams[m_pruneCursor++];
        Statement& chunks = m_db->cached("DELETE FROM wave_chunk WHERE rowid IN (SELECT rowid FROM wave_chunk WHERE "
                                         "stream_id = ? AND t_us < ? LIMIT ?)");
        chunks.bind(1, stream).bind(2, waveCutoff).bind(3, budget);
        ok = run(chunks);
        for (int level = 1; ok && level <= PyramidBlock::kLevels && budget > 0; ++level) {
            Statement& blocks = m_db->cached("DELETE FROM wave_pyramid WHERE rowid IN (SELECT rowid FROM "
                                             "wave_pyramid WHERE stream_id = ? AND level = ? AND t_us < ? LIMIT ?)");
            blocks.bind(1, stream).bind(2, level).bind(3, waveCutoff - PyramidBlock::blockUs(level)).bind(4, budget);
            ok = run(blocks);
        }
    }
    // Vitals, status, alarms, annotations, quarantine: by time, oldest first, except those of imported
    // patients; clinical events by case (below). Outbox rows only once published. The audit log is
    // never pruned.
    static const char* const kByTime[] = {
        "DELETE FROM vital WHERE rowid IN (SELECT rowid FROM vital WHERE t_us < ?1 AND patient_id NOT IN (SELECT id "
        "FROM patient WHERE origin = 'import') LIMIT ?2)",
        "DELETE FROM device_status WHERE rowid IN (SELECT rowid FROM device_status WHERE t_us < ?1 AND patient_id NOT "
        "IN (SELECT id FROM patient WHERE origin = 'import') LIMIT ?2)",
        // An alarm episode goes once it ended before the cutoff (so every episode overlapping the kept
        // span stays whole); one never ended by its raise time: the episode of a workstation that
        // stopped without ending it would stay "active" for ever, and a live one that really lasts a
        // month is written again (inserted) by its next change.
        "DELETE FROM alarm WHERE rowid IN (SELECT rowid FROM alarm WHERE t_us < ?1 AND coalesce(ended_us, t_us) < ?1 "
        "AND (patient_id IS NULL OR patient_id NOT IN (SELECT id FROM patient WHERE origin = 'import')) LIMIT ?2)",
        // A case's events go together, oldest first and its last event (a resolution) last, once that
        // resolution is older than the cutoff: pruning part of an open case would drop escalations
        // still in force (clinical::CaseState) and lower its level silently. Open cases are kept.
        "DELETE FROM clinical_event WHERE rowid IN (SELECT rowid FROM clinical_event WHERE (patient_id IN (SELECT "
        "patient_id FROM (SELECT patient_id, kind, max(t_us) AS last FROM clinical_event WHERE patient_id IS NOT NULL "
        "GROUP BY patient_id) WHERE last < ?1 AND kind = 'resolve') AND patient_id NOT IN (SELECT id FROM patient "
        "WHERE origin = 'import')) OR (patient_id IS NULL AND t_us < ?1) ORDER BY t_us, kind = 'resolve' LIMIT ?2)",
        "DELETE FROM annotation WHERE rowid IN (SELECT rowid FROM annotation WHERE t_us < ?1 AND patient_id NOT IN "
        "(SELECT id FROM patient WHERE origin = 'import') LIMIT ?2)",
        "DELETE FROM quarantine WHERE rowid IN (SELECT rowid FROM quarantine WHERE received_us < ?1 LIMIT ?2)",
        "DELETE FROM outbox WHERE rowid IN (SELECT rowid FROM outbox WHERE published_us IS NOT NULL AND "
        "published_us < ?1 LIMIT ?2)",
    };
    for (const char* sql : kByTime) {
        if (!ok || budget <= 0)
            break;
        Statement& statement = m_db->cached(sql);
        statement.bind(1, eventCutoff).bind(2, budget);
        ok = run(statement);
    }
    if (!ok) {
        m_db->exec(QStringLiteral("ROLLBACK"));
        return error;
    }
    if (!m_db->exec(QStringLiteral("COMMIT"), &error))
        return error;
    return {};
}

} // namespace vigil::store
