#include "storeerror.h"

#include <sqlite3.h>

namespace vigil::store {

StoreError::Kind StoreError::kindForSqlite(int code)
{
    switch (code & 0xff) {
    case SQLITE_OK:
    case SQLITE_ROW:
    case SQLITE_DONE:
        return Kind::None;
    case SQLITE_FULL:
        return Kind::DiskFull;
    case SQLITE_NOTADB:
        return Kind::NotACache;
    case SQLITE_CORRUPT:
        return Kind::Corrupt;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
        return Kind::Io;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return Kind::Busy;
    default:
        return Kind::Internal;
    }
}

StoreError StoreError::fromSqlite(int code, const QString& what)
{
    StoreError error;
    error.kind = kindForSqlite(code);
    error.sqliteCode = code;
    error.message = what;
    return error;
}

} // namespace vigil::store
