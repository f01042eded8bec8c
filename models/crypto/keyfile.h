#pragma once

#include "kdfparams.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QUuid>

#include <cstddef>
#include <optional>

namespace vigil::crypto {

class SecureBytes;

// The encrypted cache's data key, wrapped under the clinician's passphrase; stored beside the database
// as "<database>.key" (pathFor()).
//
// The cache (an SQLCipher database) is keyed with a random 256-bit data key. That key is encrypted
// with AES-256-GCM under a key-encryption key derived from the passphrase with scrypt (KdfParams).
// Changing the passphrase re-wraps the same data key (rewrap()), so the database is never re-encrypted.
// The file holds only the wrapped key and the public parameters needed to unwrap it:
//
//   {"format":"vigil-cache-key","version":1,"cache_id":"<uuid>","created":"<ISO 8601 UTC>",
//    "kdf":{"name":"scrypt","n":131072,"r":8,"p":1,"salt":"<base64>"},"cipher":"aes-256-gcm",
//    "nonce":"<base64, 12 bytes>","wrapped_key":"<base64, 32 bytes>","tag":"<base64, 16 bytes>"}
//
// The GCM additional authenticated data binds everything that decides how the key is derived and
// which cache it belongs to: the UTF-8 bytes of
//
//   "vigil-cache-key\nversion=<v>\ncache_id=<uuid, lowercase, no braces>\nkdf=scrypt\nn=<n>\nr=<r>\n"
//   "p=<p>\nsalt=<standard base64 with padding>\ncipher=aes-256-gcm\n"
//
// so altering any of them (or the nonce, the wrapped key or the tag) makes unwrap() report
// WrongPassphrase. "created" is informational and not authenticated.
//
// Optionally (off unless asked for: moveToKeychain()), the same JSON is kept in the OS keychain
// (KeychainStore, account "cache/<uuid>") and "<database>.key" holds only a reference to it, with no
// key material:
//
//   {"format":"vigil-cache-key-ref","version":1,"cache_id":"<uuid>","store":"os-keychain",
//    "service":"Vigil cache key","account":"cache/<uuid>"}
//
// load() follows a reference transparently (and checks that the keychain's key belongs to the same
// cache); save() onto a reference writes the keychain entry and leaves the reference as it is, so
// changing the passphrase works the same either way. moveToFile() brings the key back into the file.
// Copies of a cache whose key is in the keychain share its entry: move the key back to the file
// before copying a cache.
//
// Errors are reported as complete English sentences (translatable, context vigil::crypto::KeyFile)
// meant for the clinician; they never contain key bytes. Key material is only ever held in
// SecureBytes. Reentrant, not thread-safe. create(), unwrap() and rewrap() run scrypt and so take as
// long as the parameters dictate (hundreds of milliseconds with KdfParams::interactive()): keep them
// off the GUI thread.
class KeyFile final
{
    Q_DECLARE_TR_FUNCTIONS(vigil::crypto::KeyFile)

public:
    static constexpr int kCurrentVersion = 1;
    static constexpr std::size_t kDataKeyBytes = 32; // AES-256 / SQLCipher raw key
    static constexpr qsizetype kNonceBytes = 12;
    static constexpr qsizetype kTagBytes = 16;
    // A key file is a few hundred bytes; anything much larger is not one, and is not read whole.
    static constexpr qint64 kMaxFileBytes = qint64(64) * 1024;

    enum class UnwrapResult {
        Ok,
        WrongPassphrase, // GCM authentication failed: wrong passphrase or an altered file
        Error, // could not even try (key derivation failed, e.g. out of memory; OpenSSL failure)
    };

    // Why load() failed, for callers that act on it (e.g. Missing -> offer to set up a new cache).
    enum class LoadError {
        None,
        Missing, // no file at the path
        Unreadable, // exists but cannot be opened or read (permissions, I/O error, a directory)
        NotAKeyFile, // not JSON, not an object, too large, or "format" is not "vigil-cache-key"
        Damaged, // a Vigil key file with a missing or invalid field (wrong type, size, encoding)
        NewerVersion, // "version" is newer than kCurrentVersion
        UnacceptableKdf, // the scrypt parameters fail KdfParams::isAcceptable()
        // Only for a reference to the OS keychain:
        KeychainUnavailable, // no keychain (or none in this build), locked, access refused, or it failed
        KeychainEntryMissing, // the keychain has no entry for the reference's account
        KeychainMismatch, // the keychain's entry holds the key of another cache (a different cache_id)
    };

    // Where the wrapped key is kept.
    enum class StorageKind {
        File, // in the key file itself
        OsKeychain, // in the OS keychain; the key file holds a reference
    };

    // A new cache identity: a random 32-byte data key (returned in dataKeyOut) wrapped under
    // passphrase, with a new random cache id and the current time. Only n, r and p are taken from
    // params: a fresh random salt of params.salt's length (clamped to 16..64 bytes) is always
    // generated, so a salt is never reused. The result is not saved yet: call save().
    // Fails (nullopt, dataKeyOut empty) for an empty passphrase, unacceptable parameters, or a key
    // derivation failure.
    [[nodiscard]] static std::optional<KeyFile> create(
        const SecureBytes& passphrase, const KdfParams& params, SecureBytes& dataKeyOut, QString* error = nullptr);

    // Reads and validates the file (format, version, field types and sizes, KDF limits), without
    // deriving anything. See LoadError for the cases told apart. When the file is a reference to the OS
    // keychain, the key is read from there (blocking until the keychain answers) and validated the same
    // way; its cache id must be the reference's.
    [[nodiscard]] static std::optional<KeyFile> load(
        const QString& path, QString* error = nullptr, LoadError* reason = nullptr);

    // Writes atomically (QSaveFile: a temporary file renamed over the old one, synced to disk), with
    // permissions owner read/write only (0600) on POSIX, also when replacing an existing file.
    // When the file at path is a reference to the OS keychain (for this cache), the keychain entry is
    // replaced instead and the reference is left as it is; a reference that is damaged or belongs to
    // another cache is refused, not overwritten.
    [[nodiscard]] bool save(const QString& path, QString* error = nullptr) const;

    // File when the file at path is not a keychain reference (a key file, something else, or nothing);
    // OsKeychain when it is one (valid or not). Reads only the file, never the keychain.
    [[nodiscard]] static StorageKind storageOf(const QString& path);
    // Where the key was loaded from (File for a key made by create()).
    [[nodiscard]] StorageKind storage() const { return m_storage; }

    // Moves the wrapped key from the key file at path into the OS keychain: writes it there, reads it
    // back and compares byte for byte, and only then replaces the file (atomically) with a reference.
    // Needs no passphrase. When any step fails, the key file is left as it was. True, changing nothing,
    // when the key is already in the keychain.
    [[nodiscard]] static bool moveToKeychain(const QString& path, QString* error = nullptr);
    // The reverse: writes the full key file (atomically, over the reference), checks that it loads,
    // then deletes the keychain entry. When any step before the deletion fails, the reference and the
    // entry are left as they were. If only the deletion fails, the move has still happened (true) and
    // warning says that an unused entry was left behind. True, changing nothing, when the key is
    // already in the file.
    [[nodiscard]] static bool moveToFile(const QString& path, QString* error = nullptr, QString* warning = nullptr);
    // The keychain account used for a cache: "cache/<uuid, lowercase, no braces>".
    [[nodiscard]] static QString keychainAccountFor(const QUuid& cacheId);

    // Derives the key-encryption key from passphrase and decrypts the data key into dataKeyOut
    // (cleared unless Ok).
    [[nodiscard]] UnwrapResult unwrap(
        const SecureBytes& passphrase, SecureBytes& dataKeyOut, QString* error = nullptr) const;

    // Re-wraps the same data key under newPassphrase with newParams' n, r, p, a fresh random salt and
    // a fresh nonce; cache id and creation time are kept, the version becomes kCurrentVersion. On any
    // failure (wrong old passphrase, empty new passphrase, unacceptable parameters) the object is left
    // unchanged. Only the object changes: call save() to replace the file.
    [[nodiscard]] bool rewrap(const SecureBytes& oldPassphrase, const SecureBytes& newPassphrase,
        const KdfParams& newParams, QString* error = nullptr);

    [[nodiscard]] QUuid cacheId() const { return m_cacheId; }
    [[nodiscard]] int version() const { return m_version; }
    [[nodiscard]] const KdfParams& kdf() const { return m_kdf; }
    [[nodiscard]] QDateTime created() const { return m_created; }

    // databasePath + ".key".
    [[nodiscard]] static QString pathFor(const QString& databasePath);

private:
    struct ParseFailure;
    struct Reference;

    KeyFile() = default;

    // Validates a key file's JSON text; on failure fills failure and returns nullopt.
    [[nodiscard]] static std::optional<KeyFile> fromJson(const QByteArray& text, ParseFailure& failure);
    // Reads the file at path whole (at most kMaxFileBytes + 1 bytes).
    [[nodiscard]] static bool readFile(const QString& path, QByteArray& text, QString* error, LoadError* reason);
    // A reference file's text, validated: nullopt, with failure filled, if it is not a valid one.
    [[nodiscard]] static std::optional<Reference> referenceFrom(const QByteArray& text, ParseFailure& failure);
    [[nodiscard]] static std::optional<KeyFile> loadFromKeychain(
        const QString& path, const Reference& reference, QString* error, LoadError* reason);
    // Atomic, owner-only write of bytes to path (the key file or a reference).
    [[nodiscard]] static bool writeFileAtomically(const QString& path, const QByteArray& bytes, QString* error);
    // The sentence for a failed fromJson(); shown is the key file's path (or the reference's).
    [[nodiscard]] static QString describe(const ParseFailure& failure, const QString& shown, bool inKeychain);

    [[nodiscard]] QByteArray associatedData() const;
    [[nodiscard]] QByteArray toJson() const;

    int m_version = kCurrentVersion;
    QUuid m_cacheId;
    QDateTime m_created;
    KdfParams m_kdf;
    QByteArray m_nonce;
    QByteArray m_wrappedKey; // ciphertext only: useless without the passphrase
    QByteArray m_tag;
    StorageKind m_storage = StorageKind::File; // not written anywhere
};

} // namespace vigil::crypto
