#pragma once

#include <QString>

namespace vigil::store {

// The SQLCipher settings of a Vigil cache, pinned explicitly so that a cache written by one
// SQLCipher major version opens with another: Debian 12 ships 3.4.1 (whose defaults are a 1024-byte
// page, HMAC-SHA1, PBKDF2-HMAC-SHA1), macOS and Windows builds use 4.x (defaults 4096, SHA512).
// 3.4.1 silently ignores the algorithm pragmas but *is* HMAC-SHA1/PBKDF2-SHA1, so pinning those
// values keeps both in agreement. The data key is a raw 256-bit key, so SQLCipher's passphrase KDF
// is not used for the key itself (our own scrypt wraps it); kdf_iter only affects the derivation of
// the HMAC key from the raw key and is pinned for the same reason.
struct CipherSettings
{
    int pageSize = 4096;
    QString hmacAlgorithm = QStringLiteral("HMAC_SHA1");
    QString kdfAlgorithm = QStringLiteral("PBKDF2_HMAC_SHA1");
    int kdfIterations = 64000;
    bool useHmac = true;

    // The PRAGMA statements that apply these settings (run right after sqlite3_key).
    [[nodiscard]] QStringList pragmas() const;
    // "AES-256-CBC, HMAC_SHA1, page 4096 B" for `cache info`.
    [[nodiscard]] QString describe() const;
};

} // namespace vigil::store
