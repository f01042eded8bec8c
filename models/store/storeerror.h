#pragma once

#include <QString>

namespace vigil::store {

// Why a store operation failed, in terms a caller can act on. `message` is for people (English,
// no patient data, no key material); `sqliteCode` is the extended SQLite result code, or 0.
struct StoreError
{
    enum class Kind {
        None,
        NoSuchCache, // the database file does not exist
        KeyFileProblem, // key file missing, unreadable, malformed or from a newer Vigil
        WrongPassphrase, // the passphrase does not unwrap the data key; nothing was written
        NotACache, // the file is not a Vigil cache, or the key does not decrypt it
        Corrupt, // a page failed its authentication code or the structure is damaged
        TooNew, // the schema was written by a newer Vigil
        DiskFull, // no space (or file size limit); retry when space returns
        Io, // other input/output error
        Busy, // locked by another process
        Internal, // a bug: SQL error, misuse
    };

    Kind kind = Kind::None;
    QString message;
    int sqliteCode = 0;

    [[nodiscard]] bool isError() const { return kind != Kind::None; }
    explicit operator bool() const { return isError(); }

    // Maps an SQLite result code to a kind (SQLITE_FULL → DiskFull, SQLITE_NOTADB → NotACache, …).
    [[nodiscard]] static Kind kindForSqlite(int code);
    [[nodiscard]] static StoreError fromSqlite(int code, const QString& what);
};

} // namespace vigil::store
