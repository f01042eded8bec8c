#include "transaction.h"

#include "database.h"

#include <sqlite3.h>

namespace vigil::store {

Transaction::Transaction(Database& db, Kind kind)
    : m_db(db)
{
    m_active =
        m_db.exec(kind == Kind::Immediate ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN"), &m_error);
}

Transaction::~Transaction()
{
    rollback();
}

bool Transaction::commit()
{
    if (!m_active)
        return false;
    if (!m_db.exec(QStringLiteral("COMMIT"), &m_error)) {
        rollback();
        return false;
    }
    m_active = false;
    return true;
}

void Transaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    // After some errors (SQLITE_FULL, IOERR) SQLite has already rolled back; only roll back when
    // a transaction is still open.
    if (!sqlite3_get_autocommit(m_db.handle()))
        m_db.exec(QStringLiteral("ROLLBACK"));
}

} // namespace vigil::store
