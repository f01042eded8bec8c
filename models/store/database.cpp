#include "database.h"

#include "ciphersettings.h"
#include "crypto/securebytes.h"
#include "logging.h"

#include <QFile>
#include <QStringList>

#include <sqlite3.h>

#include <cstring>

namespace vigil::store {

namespace {

// SQLCipher's raw-key syntax: x'<64 hex digits>' (the quotes and x included), built in a buffer that
// is cleansed afterwards.
bool applyKey(sqlite3* db, const crypto::SecureBytes& key)
{
    const crypto::SecureBytes hex = key.toHex();
    crypto::SecureBytes literal(hex.size() + 3);
    unsigned char* out = literal.data();
    out[0] = 'x';
    out[1] = '\'';
    std::memcpy(out + 2, hex.data(), hex.size());
    out[hex.size() + 2] = '\'';
    return sqlite3_key(db, literal.data(), static_cast<int>(literal.size())) == SQLITE_OK;
}

} // namespace

Database::Database(sqlite3* db, QString path, bool encrypted)
    : m_db(db)
    , m_path(std::move(path))
    , m_encrypted(encrypted)
{ }

Database::~Database()
{
    m_cache.clear(); // finalize before closing
    sqlite3_close_v2(m_db);
}

std::unique_ptr<Database> Database::open(
    const QString& path, Mode mode, const crypto::SecureBytes* key, const CipherSettings& cipher, StoreError* error)
{
    auto fail = [error](StoreError::Kind kind, const QString& message, int code = 0) {
        if (error)
            *error = StoreError{kind, message, code};
        return nullptr;
    };
    if (mode != Mode::Create && !QFile::exists(path))
        return fail(StoreError::Kind::NoSuchCache, QStringLiteral("There is no cache at this location."));

    int flags = SQLITE_OPEN_NOMUTEX;
    switch (mode) {
    case Mode::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    case Mode::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case Mode::Create:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    }
    sqlite3* raw = nullptr;
    const QByteArray nativePath = QFile::encodeName(path);
    const int rc = sqlite3_open_v2(nativePath.constData(), &raw, flags, nullptr);
    std::unique_ptr<Database> db(new Database(raw, path, key != nullptr));
    if (rc != SQLITE_OK) {
        const QString text = QString::fromUtf8(raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc));
        return fail(StoreError::kindForSqlite(rc), QStringLiteral("Cannot open the cache: %1").arg(text), rc);
    }
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, 5000);

    if (key) {
        if (!applyKey(raw, *key))
            return fail(StoreError::Kind::Internal, QStringLiteral("SQLCipher refused the key."));
        for (const QString& pragma : cipher.pragmas()) {
            StoreError ignored;
            db->exec(pragma, &ignored); // 3.4.1 ignores the algorithm pragmas (see CipherSettings)
        }
    }
    // Prove the key (and that this is an SQLite database at all) before anything else.
    Statement probe(raw, "SELECT count(*) FROM sqlite_master");
    const int probeRc = probe.isValid() ? probe.step() : probe.prepareResult();
    if (probeRc != SQLITE_ROW) {
        if ((probeRc & 0xff) == SQLITE_NOTADB || (probeRc & 0xff) == SQLITE_CORRUPT)
            return fail(StoreError::Kind::NotACache,
                QStringLiteral("The file is not a Vigil cache, or it is damaged, or the key does not belong to it."),
                probeRc);
        return fail(StoreError::kindForSqlite(probeRc),
            QStringLiteral("Cannot read the cache: %1").arg(QString::fromUtf8(sqlite3_errstr(probeRc))), probeRc);
    }
    probe = Statement();

    // Never write temporary tables or sort files to disk: SQLCipher would not encrypt them.
    db->exec(QStringLiteral("PRAGMA temp_store = MEMORY"));
    if (!key)
        db->exec(QStringLiteral("PRAGMA page_size = %1").arg(cipher.pageSize));
    return db;
}

bool Database::exec(const QString& sql, StoreError* error)
{
    char* message = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    const int rc = sqlite3_exec(m_db, utf8.constData(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        if (error)
            *error = StoreError::fromSqlite(rc, QString::fromUtf8(message ? message : sqlite3_errstr(rc)));
        sqlite3_free(message);
        return false;
    }
    return true;
}

Statement& Database::cached(const char* sql)
{
    auto it = m_cache.find(sql);
    if (it == m_cache.end()) {
        it = m_cache.emplace(sql, Statement(m_db, sql)).first;
        if (!it->second.isValid())
            qCCritical(lcStore) << "cannot prepare statement:" << sqlite3_errmsg(m_db) << sql;
    }
    return it->second;
}

qint64 Database::queryInt(const char* sql, qint64 fallback) const
{
    Statement statement(m_db, sql);
    if (!statement.isValid() || statement.step() != SQLITE_ROW)
        return fallback;
    return statement.int64(0);
}

QString Database::queryText(const char* sql) const
{
    Statement statement(m_db, sql);
    if (!statement.isValid() || statement.step() != SQLITE_ROW)
        return {};
    return statement.text(0);
}

StoreError Database::error(int code, const QString& what) const
{
    return StoreError::fromSqlite(code, what % QStringLiteral(": ") % QString::fromUtf8(sqlite3_errmsg(m_db)));
}

} // namespace vigil::store
