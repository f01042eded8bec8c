#pragma once

#include "core/timestamp.h"
#include "storeerror.h"

#include <QString>

#include <vector>

namespace vigil::store {

class Database;

// Reads the quarantine (messages a source could not use, kept with their reasons) for diagnostics:
// when, from where, why — never the payload, which may hold patient data. Runs on a reader's
// connection (StoreReader::database(), one per thread); sees committed rows only.
class QuarantineReader final
{
public:
    struct Row
    {
        qint64 id = 0;
        core::Timestamp receivedUs = 0;
        QString source; // transport and detail, e.g. "mqtt:vigil/v1/<site>/<key>/obs", "mllp:10.0.0.5"
        QString reason;
    };

    explicit QuarantineReader(Database& db);

    // The newest `limit` rows, newest first. Fails (false + error) when the query fails.
    bool latest(int limit, std::vector<Row>& out, StoreError* error = nullptr);
    // How many rows the quarantine holds (-1 when the query fails).
    [[nodiscard]] qint64 count();

private:
    Database& m_db;
};

} // namespace vigil::store
