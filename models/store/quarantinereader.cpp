#include "quarantinereader.h"

#include "database.h"

#include <sqlite3.h>

namespace vigil::store {

QuarantineReader::QuarantineReader(Database& db)
    : m_db(db)
{ }

bool QuarantineReader::latest(int limit, std::vector<Row>& out, StoreError* error)
{
    out.clear();
    if (limit <= 0)
        return true;
    // The payload column is deliberately not read.
    Statement& s = m_db.cached(
        "SELECT id, received_us, source, reason FROM quarantine ORDER BY received_us DESC, id DESC LIMIT ?");
    s.bind(1, limit);
    int rc = SQLITE_ROW;
    while ((rc = s.step()) == SQLITE_ROW) {
        Row row;
        row.id = s.int64(0);
        row.receivedUs = s.int64(1);
        row.source = s.text(2);
        row.reason = s.text(3);
        out.push_back(std::move(row));
    }
    s.reset();
    if (rc != SQLITE_DONE) {
        if (error)
            *error = m_db.error(rc, QStringLiteral("reading the quarantine"));
        out.clear();
        return false;
    }
    return true;
}

qint64 QuarantineReader::count()
{
    return m_db.queryInt("SELECT count(*) FROM quarantine", -1);
}

} // namespace vigil::store
