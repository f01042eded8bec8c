#pragma once

#include "ciphersettings.h"
#include "crypto/securebytes.h"
#include "database.h"
#include "storeerror.h"

#include <QString>

#include <memory>

namespace vigil::crypto {
struct KdfParams;
}

namespace vigil::store {

// An encrypted Vigil cache: the SQLCipher database file and, beside it, the key file holding the
// data key wrapped by the clinician's passphrase (crypto::KeyFile, "<cache>.key").
//
// A Cache object is the unlocked state: it holds the 256-bit data key in locked, cleansed memory
// and hands out connections (one per thread: the writer's, each reader's). The passphrase is only
// used to unwrap the key. Nothing here deletes or rewrites a cache file that fails a check.
class Cache final
{
public:
    ~Cache();
    Cache(const Cache&) = delete;
    Cache& operator=(const Cache&) = delete;

    // A new cache at `path` (which must not exist) with a new random data key wrapped by
    // `passphrase`. `schemaVersion` below current is for test fixtures only.
    [[nodiscard]] static std::unique_ptr<Cache> create(const QString& path, const crypto::SecureBytes& passphrase,
        const crypto::KdfParams& kdf, StoreError* error, int schemaVersion = -1);
    // Unwraps the key (a wrong passphrase fails here, before the database is touched), proves it on
    // the database, checks the file is a Vigil cache no newer than this app, and migrates an older
    // schema. `migrate = false` opens without migrating (read-only tools).
    [[nodiscard]] static std::unique_ptr<Cache> open(
        const QString& path, const crypto::SecureBytes& passphrase, StoreError* error, bool migrate = true);
    // A throwaway cache (the demo): a random key that lives only in this process's memory, no key
    // file. The data is still encrypted on disk.
    [[nodiscard]] static std::unique_ptr<Cache> createEphemeral(const QString& path, StoreError* error);
    // The same, without encryption: only for the benchmark's baseline.
    [[nodiscard]] static std::unique_ptr<Cache> createPlaintextForBenchmark(const QString& path, StoreError* error);

    // Re-wraps the data key with a new passphrase; the database is not rewritten.
    [[nodiscard]] static StoreError changePassphrase(const QString& path, const crypto::SecureBytes& oldPassphrase,
        const crypto::SecureBytes& newPassphrase, const crypto::KdfParams& kdf);

    [[nodiscard]] static QString keyFilePath(const QString& databasePath);
    // Moves a cache that failed its checks (and its key, WAL and SHM files) aside to
    // "<name>.unreadable-<UTC time>", so a new cache can be made; returns the new database path.
    [[nodiscard]] static QString moveAside(const QString& path, QString* error);

    // A new connection on this cache (for the calling thread).
    [[nodiscard]] std::unique_ptr<Database> connect(Database::Mode mode, StoreError* error) const;

    [[nodiscard]] const QString& path() const { return m_path; }
    [[nodiscard]] bool isEncrypted() const { return m_encrypted; }
    [[nodiscard]] const CipherSettings& cipher() const { return m_cipher; }

private:
    Cache(QString path, crypto::SecureBytes key, bool encrypted);
    static std::unique_ptr<Cache> createWithKey(
        const QString& path, crypto::SecureBytes key, bool encrypted, int schemaVersion, StoreError* error);

    QString m_path;
    crypto::SecureBytes m_key;
    bool m_encrypted = true;
    CipherSettings m_cipher;
};

} // namespace vigil::store
