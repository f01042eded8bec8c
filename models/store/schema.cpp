#include "schema.h"

#include "codec/wavecodec.h"
#include "database.h"
#include "logging.h"
#include "pyramidblock.h"
#include "transaction.h"

#include <sqlite3.h>

namespace vigil::store {

namespace {

const char* const kVersion1 = R"sql(
CREATE TABLE patient (
  id INTEGER PRIMARY KEY,
  source_key TEXT NOT NULL UNIQUE,      -- the source's opaque patient key (never the NHS Number)
  nhs_number TEXT,
  given_name TEXT,
  family_name TEXT,
  birth_date TEXT,                      -- ISO 8601 date
  created_us INTEGER NOT NULL,
  updated_us INTEGER NOT NULL
);
CREATE TABLE stream (
  id INTEGER PRIMARY KEY,
  patient_id INTEGER NOT NULL REFERENCES patient(id),
  code INTEGER NOT NULL,                -- IEEE 11073 MDC code
  label TEXT NOT NULL,
  unit TEXT NOT NULL,
  rate_hz REAL NOT NULL,
  gain REAL NOT NULL,                   -- digital units per physical unit
  baseline INTEGER NOT NULL,            -- digital value of physical zero
  UNIQUE (patient_id, code)
);
CREATE TABLE wave_chunk (
  stream_id INTEGER NOT NULL REFERENCES stream(id),
  t_us INTEGER NOT NULL,                -- device time of the first sample
  n INTEGER NOT NULL,                   -- samples in the chunk
  min_v INTEGER,                        -- digital min/max of the valid samples (NULL: none valid)
  max_v INTEGER,
  received_us INTEGER NOT NULL,
  data BLOB NOT NULL                    -- codec::WaveCodec
);
CREATE UNIQUE INDEX wave_chunk_by_time ON wave_chunk(stream_id, t_us);
CREATE TABLE vital (
  id INTEGER PRIMARY KEY,
  patient_id INTEGER NOT NULL REFERENCES patient(id),
  kind INTEGER NOT NULL,                -- core::VitalKind
  loinc TEXT NOT NULL,
  t_us INTEGER NOT NULL,
  value REAL NOT NULL,
  unit TEXT NOT NULL,
  provenance INTEGER NOT NULL DEFAULT 0, -- 0 device, 1 derived, 2 entered
  received_us INTEGER NOT NULL
);
CREATE INDEX vital_by_patient ON vital(patient_id, kind, t_us);
CREATE INDEX vital_by_time ON vital(t_us);
CREATE TABLE device_status (
  id INTEGER PRIMARY KEY,
  patient_id INTEGER NOT NULL REFERENCES patient(id),
  t_us INTEGER NOT NULL,
  online INTEGER NOT NULL,
  lead_off INTEGER NOT NULL,
  battery INTEGER NOT NULL,
  received_us INTEGER NOT NULL
);
CREATE INDEX device_status_by_patient ON device_status(patient_id, t_us);
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  t_us INTEGER NOT NULL,
  actor TEXT NOT NULL,
  role TEXT NOT NULL,
  action TEXT NOT NULL,
  patient_id INTEGER,
  detail TEXT NOT NULL,
  prev_hash BLOB NOT NULL,
  hash BLOB NOT NULL                    -- SHA-256 over prev_hash and this row (AuditLog::rowHash)
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TABLE setting (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
)sql";

const char* const kVersion2 = R"sql(
CREATE TABLE wave_pyramid (
  stream_id INTEGER NOT NULL REFERENCES stream(id),
  level INTEGER NOT NULL,               -- 1: a minute of 1-s slots, 2: an hour of 1-min slots
  t_us INTEGER NOT NULL,                -- block start
  data BLOB NOT NULL                    -- PyramidBlock: 60 (min, max) int32 pairs
);
CREATE UNIQUE INDEX wave_pyramid_by_time ON wave_pyramid(stream_id, level, t_us);
CREATE TABLE alarm (
  id INTEGER PRIMARY KEY,
  patient_id INTEGER REFERENCES patient(id), -- NULL: a technical alarm of the workstation
  t_us INTEGER NOT NULL,
  ended_us INTEGER,
  priority INTEGER NOT NULL,            -- 0 low, 1 medium, 2 high
  code TEXT NOT NULL,
  text TEXT NOT NULL,
  state TEXT NOT NULL
);
CREATE INDEX alarm_by_time ON alarm(t_us);
CREATE TABLE clinical_event (
  id INTEGER PRIMARY KEY,
  event_uuid TEXT NOT NULL UNIQUE,      -- idempotency key across workstations
  patient_id INTEGER REFERENCES patient(id),
  t_us INTEGER NOT NULL,
  kind TEXT NOT NULL,
  actor TEXT NOT NULL,
  role TEXT NOT NULL,
  payload TEXT NOT NULL,                -- JSON
  origin TEXT NOT NULL                  -- workstation that created it
);
CREATE INDEX clinical_event_by_patient ON clinical_event(patient_id, t_us);
CREATE INDEX clinical_event_by_time ON clinical_event(t_us);
CREATE TRIGGER clinical_event_no_update BEFORE UPDATE ON clinical_event
  BEGIN SELECT RAISE(ABORT, 'clinical events are append-only'); END;
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  created_us INTEGER NOT NULL,
  topic TEXT NOT NULL,
  payload BLOB NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  published_us INTEGER                  -- NULL until the broker acknowledged it; never pruned before
);
CREATE INDEX outbox_pending ON outbox(published_us, id);
CREATE TABLE quarantine (
  id INTEGER PRIMARY KEY,
  received_us INTEGER NOT NULL,
  source TEXT NOT NULL,                 -- transport and peer, e.g. "mqtt:broker-a", "file:x.hea"
  reason TEXT NOT NULL,
  payload BLOB NOT NULL
);
CREATE INDEX quarantine_by_time ON quarantine(received_us);
)sql";

// Imported records (ingest::FileImporter) are old by nature: patient.origin marks them so retention,
// which prunes by device time, leaves them alone. Annotations of imported records (WFDB beat labels,
// EDF+ annotations) get their own table rather than clinical_event: they are many (a beat each), not
// clinical actions, never synchronised, and must be idempotent on re-import (the unique index).
const char* const kVersion3 = R"sql(
ALTER TABLE patient ADD COLUMN origin TEXT NOT NULL DEFAULT 'live'; -- 'live' or 'import'
CREATE TABLE annotation (
  id INTEGER PRIMARY KEY,
  patient_id INTEGER NOT NULL REFERENCES patient(id),
  t_us INTEGER NOT NULL,                -- device time (the recording's time base)
  duration_us INTEGER,                  -- NULL: an instant
  source TEXT NOT NULL,                 -- 'wfdb:atr', 'edf+'
  code INTEGER NOT NULL,                -- WFDB (MIT) annotation code; 0 for EDF+
  symbol TEXT NOT NULL,                 -- WFDB mnemonic ('N', 'V', '+'); '' for EDF+
  subtype INTEGER NOT NULL DEFAULT 0,
  channel INTEGER NOT NULL DEFAULT 0,
  number INTEGER NOT NULL DEFAULT 0,
  text TEXT NOT NULL                    -- WFDB aux (rhythm '(N' ...) or the EDF+ annotation text
);
CREATE UNIQUE INDEX annotation_identity ON annotation(patient_id, t_us, source, code, channel, number, subtype,
                                                     text);
CREATE INDEX annotation_by_time ON annotation(t_us);
)sql";

// WaveClustering moves each stream's rows of a past hour together; this is how far it has got.
const char* const kVersion4 = R"sql(
ALTER TABLE stream ADD COLUMN clustered_us INTEGER NOT NULL DEFAULT 0;
)sql";

} // namespace

int Schema::version(const Database& db)
{
    return static_cast<int>(db.queryInt("PRAGMA user_version", 0));
}

StoreError Schema::create(Database& db, int targetVersion)
{
    if (db.queryInt("SELECT count(*) FROM sqlite_master", -1) != 0)
        return {StoreError::Kind::Internal, QStringLiteral("The database is not empty."), 0};
    StoreError error;
    if (!db.exec(QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId), &error))
        return error;
    for (int v = 1; v <= targetVersion; ++v) {
        if (StoreError e = apply(db, v))
            return e;
    }
    return {};
}

StoreError Schema::migrate(Database& db)
{
    const qint64 applicationId = db.queryInt("PRAGMA application_id", 0);
    const int current = version(db);
    if (applicationId != kApplicationId || current < 1)
        return {
            StoreError::Kind::NotACache, QStringLiteral("The file is an SQLCipher database but not a Vigil cache."), 0};
    if (current > kCurrentVersion)
        return {StoreError::Kind::TooNew,
            QStringLiteral("This cache was written by a newer version of Vigil (schema %1; this version reads up to "
                           "%2). Update Vigil to open it.")
                .arg(current)
                .arg(kCurrentVersion),
            0};
    for (int v = current + 1; v <= kCurrentVersion; ++v) {
        qCInfo(lcStore) << "migrating the cache schema from version" << v - 1 << "to" << v;
        if (StoreError e = apply(db, v))
            return e;
    }
    return {};
}

StoreError Schema::apply(Database& db, int version)
{
    Transaction tx(db);
    if (!tx.isActive())
        return tx.error();
    StoreError error;
    const char* sql = version == 1 ? kVersion1
        : version == 2             ? kVersion2
        : version == 3             ? kVersion3
        : version == 4             ? kVersion4
                                   : nullptr;
    if (!sql)
        return {StoreError::Kind::Internal, QStringLiteral("No migration to schema %1.").arg(version), 0};
    if (!db.exec(QString::fromUtf8(sql), &error))
        return error;
    if (version == 2) {
        if (StoreError e = backfillPyramid(db))
            return e;
    }
    if (!db.exec(QStringLiteral("PRAGMA user_version = %1").arg(version), &error))
        return error;
    if (!tx.commit())
        return tx.error();
    return {};
}

// v1 caches have per-chunk min/max but no pyramid: build both levels from the chunks.
StoreError Schema::backfillPyramid(Database& db)
{
    Statement chunks = db.prepare("SELECT stream_id, t_us, n, min_v, max_v FROM wave_chunk "
                                  "WHERE min_v IS NOT NULL ORDER BY stream_id, t_us");
    Statement insert = db.prepare("INSERT OR REPLACE INTO wave_pyramid(stream_id, level, t_us, data) VALUES (?,?,?,?)");
    if (!chunks.isValid() || !insert.isValid())
        return db.error(SQLITE_ERROR, QStringLiteral("back-filling the pyramid"));

    qint64 streamId = -1;
    std::array<core::Timestamp, PyramidBlock::kLevels> starts{};
    std::array<PyramidBlock, PyramidBlock::kLevels> blocks{};
    std::array<bool, PyramidBlock::kLevels> dirty{};
    auto flush = [&](int levelIndex) -> bool {
        if (!dirty[static_cast<std::size_t>(levelIndex)])
            return true;
        insert.bind(1, streamId).bind(2, levelIndex + 1).bind(3, starts[static_cast<std::size_t>(levelIndex)]);
        insert.bindBlob(4, blocks[static_cast<std::size_t>(levelIndex)].toBlob());
        dirty[static_cast<std::size_t>(levelIndex)] = false;
        return insert.run() == SQLITE_DONE;
    };
    int rc = SQLITE_ROW;
    while ((rc = chunks.step()) == SQLITE_ROW) {
        const qint64 stream = chunks.int64(0);
        const core::Timestamp t = chunks.int64(1);
        const auto mn = static_cast<qint32>(chunks.int64(3));
        const auto mx = static_cast<qint32>(chunks.int64(4));
        for (int li = 0; li < PyramidBlock::kLevels; ++li) {
            const auto l = static_cast<std::size_t>(li);
            const core::Timestamp start = PyramidBlock::blockStart(li + 1, t);
            if (stream != streamId || start != starts[l]) {
                if (!flush(li))
                    return db.error(SQLITE_ERROR, QStringLiteral("back-filling the pyramid"));
                starts[l] = start;
                blocks[l] = PyramidBlock();
            }
        }
        streamId = stream;
        for (int li = 0; li < PyramidBlock::kLevels; ++li) {
            const auto l = static_cast<std::size_t>(li);
            blocks[l].mergeAt(li + 1, starts[l], t, mn, mx);
            dirty[l] = true;
        }
    }
    if (rc != SQLITE_DONE)
        return db.error(rc, QStringLiteral("back-filling the pyramid"));
    for (int li = 0; li < PyramidBlock::kLevels; ++li) {
        if (!flush(li))
            return db.error(SQLITE_ERROR, QStringLiteral("back-filling the pyramid"));
    }
    return {};
}

} // namespace vigil::store
