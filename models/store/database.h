#pragma once

#include "statement.h"
#include "storeerror.h"

#include <QString>

#include <memory>
#include <unordered_map>

struct sqlite3;

namespace vigil::crypto {
class SecureBytes;
}

namespace vigil::store {

struct CipherSettings;

// One SQLCipher connection (C API, raw key). A connection belongs to one thread; open one per
// thread (the writer has its own, every reader its own).
//
// open() proves the key with a query before anything else: SQLCipher's sqlite3_key() accepts any
// key and only the first read of page 1 tells (SQLITE_NOTADB). Nothing is written by open().
class Database final
{
public:
    enum class Mode {
        ReadOnly,
        ReadWrite,
        Create, // read-write, creating the file when missing
    };

    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // key == nullptr opens an unencrypted database: only the benchmark's baseline does that.
    [[nodiscard]] static std::unique_ptr<Database> open(const QString& path, Mode mode, const crypto::SecureBytes* key,
        const CipherSettings& cipher, StoreError* error);

    [[nodiscard]] sqlite3* handle() const { return m_db; }
    [[nodiscard]] const QString& path() const { return m_path; }
    [[nodiscard]] bool isEncrypted() const { return m_encrypted; }

    // Runs one or more statements without results.
    bool exec(const QString& sql, StoreError* error = nullptr);
    // A prepared statement cached for the connection's life, keyed by the literal's address.
    [[nodiscard]] Statement& cached(const char* sql);
    // A fresh statement (for one-off queries).
    [[nodiscard]] Statement prepare(const char* sql) const { return {m_db, sql}; }

    // The first column of the first row of `sql`, or `fallback` when there is none or it fails.
    [[nodiscard]] qint64 queryInt(const char* sql, qint64 fallback = -1) const;
    [[nodiscard]] QString queryText(const char* sql) const;

    // Error for the connection's last failure: kind from the code, message "<what>: <sqlite text>".
    [[nodiscard]] StoreError error(int code, const QString& what) const;

private:
    Database(sqlite3* db, QString path, bool encrypted);

    sqlite3* m_db = nullptr;
    QString m_path;
    bool m_encrypted = false;
    std::unordered_map<const char*, Statement> m_cache;
};

} // namespace vigil::store
