#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QtGlobal>

#include <cstddef>

namespace vigil::crypto {

class SecureBytes;

// scrypt parameters (RFC 7914) for turning a passphrase into a key-encryption key, as stored in a key
// file. Memory used by one derivation is about 128 * r * n bytes; time grows with n * r * p.
struct KdfParams
{
    Q_DECLARE_TR_FUNCTIONS(vigil::crypto::KdfParams)

public:
    quint64 n = 0; // CPU/memory cost, a power of two
    quint32 r = 0; // block size
    quint32 p = 0; // parallelism
    QByteArray salt; // random, not secret; stored in the key file

    // Limits applied by isAcceptable() to values read from a file, so that a tampered key file cannot
    // make Vigil allocate gigabytes or spin for minutes. kMaxMemoryBytes is 8x what interactive()
    // needs, leaving room for future defaults; deriveKey() enforces it too (as OpenSSL's maxmem).
    static constexpr quint64 kMinN = quint64(1) << 10;
    static constexpr quint64 kMaxN = quint64(1) << 22;
    static constexpr quint32 kMaxR = 32;
    static constexpr quint32 kMaxP = 16;
    static constexpr quint64 kMaxRTimesP = 64;
    static constexpr quint64 kMaxMemoryBytes = quint64(1) << 30; // 128 * r * n
    static constexpr qsizetype kMinSaltBytes = 16;
    static constexpr qsizetype kMaxSaltBytes = 64;
    static constexpr std::size_t kDefaultKeyBytes = 32;

    // What a clinician's passphrase is protected with: N = 2^17, r = 8, p = 1 and a fresh 16-byte
    // random salt (OWASP's scrypt recommendation). About 128 MiB and a few hundred milliseconds.
    [[nodiscard]] static KdfParams interactive();

    // N = 2^10, r = 8, p = 1 and a fresh 16-byte random salt: about 1 MiB and a millisecond. Offers
    // little protection against guessing. Only for tests and the throwaway demo cache, never for
    // real patient data.
    [[nodiscard]] static KdfParams fast();

    // False (with a reason in *why, if given) when n is not a power of two or is outside
    // [kMinN, kMaxN], r or p is zero or above its limit, r * p > kMaxRTimesP, the memory needed
    // exceeds kMaxMemoryBytes, or the salt is shorter than kMinSaltBytes or longer than
    // kMaxSaltBytes. Check before deriving from parameters read from a file.
    [[nodiscard]] bool isAcceptable(QString* why = nullptr) const;

    // scrypt(passphrase, params.salt, n, r, p) -> keyBytes bytes, via OpenSSL's EVP_PBE_scrypt.
    // Does not call isAcceptable() (the RFC 7914 test vectors use short salts), but OpenSSL's maxmem
    // limit is set just above kMaxMemoryBytes, so memory stays bounded whatever the parameters.
    // Returns an empty buffer on failure (invalid parameters, out of memory); the reason is logged.
    // Blocks for as long as the parameters dictate: do not call it on the GUI thread with
    // interactive() parameters.
    [[nodiscard]] static SecureBytes deriveKey(
        const SecureBytes& passphrase, const KdfParams& params, std::size_t keyBytes = kDefaultKeyBytes);

    friend bool operator==(const KdfParams&, const KdfParams&) = default;
};

} // namespace vigil::crypto
