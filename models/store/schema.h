#pragma once

#include "storeerror.h"

#include <QtGlobal>

namespace vigil::store {

class Database;

// The cache schema and its migrations. PRAGMA user_version holds the schema version and
// PRAGMA application_id marks the file as a Vigil cache. Each migration runs in its own
// transaction, so a cache is always at a whole version, even after a crash mid-migration.
//
//  v1  patient, stream, wave_chunk (one compressed row per stream per second, with its min/max),
//      vital, device_status, audit_log (SHA-256 chained), setting
//  v2  wave_pyramid (min/max per second and per minute, back-filled from v1 chunks), alarm,
//      clinical_event (append-only), outbox, quarantine
//  v3  patient.origin ('live' or 'import': imported patients are exempt from retention), annotation
//      (WFDB / EDF+ annotations of imported records, see store::Annotation)
//  v4  stream.clustered_us: how far store::WaveClustering has stored the stream's rows together
class Schema final
{
public:
    static constexpr int kCurrentVersion = 4;
    static constexpr qint32 kApplicationId = 0x5647494C; // "VGIL"

    // Brings an empty database to `targetVersion` (default: current). Tests use 1 to make fixtures.
    [[nodiscard]] static StoreError create(Database& db, int targetVersion = kCurrentVersion);
    // Checks the file is ours and not newer, then applies the missing migrations. Writes nothing
    // when the cache is already current (or the check fails).
    [[nodiscard]] static StoreError migrate(Database& db);
    [[nodiscard]] static int version(const Database& db);

private:
    static StoreError apply(Database& db, int version);
    static StoreError backfillPyramid(Database& db);
};

} // namespace vigil::store
