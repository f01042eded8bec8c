#include "cache.h"

#include "crypto/kdfparams.h"
#include "crypto/keyfile.h"
#include "logging.h"
#include "schema.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QTimeZone>

namespace vigil::store {

namespace {

std::unique_ptr<Cache> failWith(StoreError* error, StoreError::Kind kind, const QString& message)
{
    if (error)
        *error = StoreError{kind, message, 0};
    return nullptr;
}

} // namespace

Cache::Cache(QString path, crypto::SecureBytes key, bool encrypted)
    : m_path(std::move(path))
    , m_key(std::move(key))
    , m_encrypted(encrypted)
{ }

Cache::~Cache() = default;

QString Cache::keyFilePath(const QString& databasePath)
{
    return crypto::KeyFile::pathFor(databasePath);
}

std::unique_ptr<Cache> Cache::createWithKey(
    const QString& path, crypto::SecureBytes key, bool encrypted, int schemaVersion, StoreError* error)
{
    std::unique_ptr<Cache> cache(new Cache(path, std::move(key), encrypted));
    std::unique_ptr<Database> db = cache->connect(Database::Mode::Create, error);
    if (!db)
        return nullptr;
    // Owner-only, like the key file; SQLite gives the WAL and SHM files the database's permissions.
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    StoreError e = Schema::create(*db, schemaVersion < 0 ? Schema::kCurrentVersion : schemaVersion);
    if (!e && !db->exec(QStringLiteral("PRAGMA journal_mode = WAL"), &e)) {
    }
    if (e) {
        if (error)
            *error = e;
        return nullptr;
    }
    return cache;
}

std::unique_ptr<Cache> Cache::create(const QString& path, const crypto::SecureBytes& passphrase,
    const crypto::KdfParams& kdf, StoreError* error, int schemaVersion)
{
    const QString keyPath = keyFilePath(path);
    if (QFile::exists(path) || QFile::exists(keyPath))
        return failWith(error, StoreError::Kind::Io,
            QStringLiteral("A cache already exists at this location; it was left untouched."));
    crypto::SecureBytes dataKey;
    std::optional<crypto::KeyFile> keyFile = crypto::KeyFile::create(passphrase, kdf, dataKey);
    if (!keyFile)
        return failWith(error, StoreError::Kind::KeyFileProblem, QStringLiteral("Cannot create the data key."));
    QString keyError;
    if (!keyFile->save(keyPath, &keyError))
        return failWith(error, StoreError::Kind::Io, QStringLiteral("Cannot write the key file: %1").arg(keyError));
    std::unique_ptr<Cache> cache = createWithKey(path, std::move(dataKey), true, schemaVersion, error);
    if (!cache) {
        // Nothing valuable is lost: both files were made just now.
        QFile::remove(path);
        QFile::remove(keyPath);
    }
    return cache;
}

std::unique_ptr<Cache> Cache::createEphemeral(const QString& path, StoreError* error)
{
    if (QFile::exists(path))
        return failWith(error, StoreError::Kind::Io, QStringLiteral("A file already exists at this location."));
    return createWithKey(path, crypto::SecureBytes::random(32), true, -1, error);
}

std::unique_ptr<Cache> Cache::createPlaintextForBenchmark(const QString& path, StoreError* error)
{
    if (QFile::exists(path))
        return failWith(error, StoreError::Kind::Io, QStringLiteral("A file already exists at this location."));
    return createWithKey(path, crypto::SecureBytes(), false, -1, error);
}

std::unique_ptr<Cache> Cache::open(
    const QString& path, const crypto::SecureBytes& passphrase, StoreError* error, bool migrate)
{
    if (!QFile::exists(path))
        return failWith(error, StoreError::Kind::NoSuchCache, QStringLiteral("There is no cache at this location."));
    const QString keyPath = keyFilePath(path);
    if (!QFile::exists(keyPath))
        return failWith(error, StoreError::Kind::KeyFileProblem,
            QStringLiteral("The key file (%1) is missing; without it the cache cannot be opened.")
                .arg(QFileInfo(keyPath).fileName()));
    QString keyError;
    std::optional<crypto::KeyFile> keyFile = crypto::KeyFile::load(keyPath, &keyError);
    if (!keyFile)
        return failWith(error, StoreError::Kind::KeyFileProblem, keyError);
    crypto::SecureBytes dataKey;
    switch (keyFile->unwrap(passphrase, dataKey, &keyError)) {
    case crypto::KeyFile::UnwrapResult::Ok:
        break;
    case crypto::KeyFile::UnwrapResult::WrongPassphrase:
        return failWith(error, StoreError::Kind::WrongPassphrase, keyError);
    case crypto::KeyFile::UnwrapResult::Error:
        return failWith(error, StoreError::Kind::KeyFileProblem, keyError);
    }

    std::unique_ptr<Cache> cache(new Cache(path, std::move(dataKey), true));
    std::unique_ptr<Database> db = cache->connect(Database::Mode::ReadWrite, error);
    if (!db)
        return nullptr;
    const int version = Schema::version(*db);
    if (version > Schema::kCurrentVersion || !migrate) {
        if (version > Schema::kCurrentVersion) {
            StoreError e = Schema::migrate(*db); // reports TooNew without writing
            if (error)
                *error = e;
            return nullptr;
        }
        return cache;
    }
    if (StoreError e = Schema::migrate(*db)) {
        if (error)
            *error = e;
        return nullptr;
    }
    StoreError walError;
    if (!db->exec(QStringLiteral("PRAGMA journal_mode = WAL"), &walError))
        qCWarning(lcStore) << "cannot switch the cache to WAL mode:" << walError.message;
    return cache;
}

StoreError Cache::changePassphrase(const QString& path, const crypto::SecureBytes& oldPassphrase,
    const crypto::SecureBytes& newPassphrase, const crypto::KdfParams& kdf)
{
    const QString keyPath = keyFilePath(path);
    QString keyError;
    std::optional<crypto::KeyFile> keyFile = crypto::KeyFile::load(keyPath, &keyError);
    if (!keyFile)
        return {StoreError::Kind::KeyFileProblem, keyError, 0};
    crypto::SecureBytes dataKey;
    const auto result = keyFile->unwrap(oldPassphrase, dataKey, &keyError);
    if (result == crypto::KeyFile::UnwrapResult::WrongPassphrase)
        return {StoreError::Kind::WrongPassphrase, keyError, 0};
    if (result != crypto::KeyFile::UnwrapResult::Ok)
        return {StoreError::Kind::KeyFileProblem, keyError, 0};
    if (!keyFile->rewrap(oldPassphrase, newPassphrase, kdf, &keyError))
        return {StoreError::Kind::KeyFileProblem, keyError, 0};
    if (!keyFile->save(keyPath, &keyError))
        return {StoreError::Kind::Io, QStringLiteral("Cannot write the key file: %1").arg(keyError), 0};
    return {};
}

QString Cache::moveAside(const QString& path, QString* error)
{
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const QString target = path % QStringLiteral(".unreadable-") % stamp;
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral(".key")}) {
        const QString from = suffix == QStringLiteral(".key") ? keyFilePath(path) : path + suffix;
        if (!QFile::exists(from))
            continue;
        const QString to = target + suffix;
        if (!QFile::rename(from, to)) {
            if (error)
                *error = QStringLiteral("Cannot rename %1.").arg(QFileInfo(from).fileName());
            return {};
        }
    }
    return target;
}

std::unique_ptr<Database> Cache::connect(Database::Mode mode, StoreError* error) const
{
    return Database::open(m_path, mode, m_encrypted ? &m_key : nullptr, m_cipher, error);
}

} // namespace vigil::store
