#include "kdfparams.h"

#include "logging.h"
#include "securebytes.h"

#include <openssl/evp.h>

namespace vigil::crypto {

namespace {

// OpenSSL's scrypt needs 128 * r * (n + 2) bytes for V plus 128 * r * p for B; the slack covers the
// terms beyond 128 * r * n for every parameter set isAcceptable() allows (at most 16 KiB).
constexpr quint64 kMaxMemSlack = quint64(1) << 20;

KdfParams withRandomSalt(quint64 n, quint32 r, quint32 p)
{
    KdfParams params;
    params.n = n;
    params.r = r;
    params.p = p;
    const SecureBytes salt = SecureBytes::random(static_cast<std::size_t>(KdfParams::kMinSaltBytes));
    params.salt = QByteArray(reinterpret_cast<const char*>(salt.data()), static_cast<qsizetype>(salt.size()));
    return params;
}

} // namespace

KdfParams KdfParams::interactive()
{
    return withRandomSalt(quint64(1) << 17, 8, 1);
}

KdfParams KdfParams::fast()
{
    return withRandomSalt(quint64(1) << 10, 8, 1);
}

bool KdfParams::isAcceptable(QString* why) const
{
    const auto reject = [why](const QString& reason) {
        if (why)
            *why = reason;
        return false;
    };
    if (n == 0 || (n & (n - 1)) != 0)
        return reject(tr("the cost parameter N (%1) is not a power of two").arg(n));
    if (n < kMinN)
        return reject(tr("the cost parameter N (%1) is below the minimum of %2").arg(n).arg(kMinN));
    if (n > kMaxN)
        return reject(tr("the cost parameter N (%1) is above the maximum of %2").arg(n).arg(kMaxN));
    if (r == 0 || r > kMaxR)
        return reject(tr("the block size r (%1) is not between 1 and %2").arg(r).arg(kMaxR));
    if (p == 0 || p > kMaxP)
        return reject(tr("the parallelism p (%1) is not between 1 and %2").arg(p).arg(kMaxP));
    if (quint64(r) * p > kMaxRTimesP)
        return reject(tr("r × p (%1) is above the maximum of %2").arg(quint64(r) * p).arg(kMaxRTimesP));
    // n <= 2^22 and r <= 32: the product cannot overflow.
    if (128 * quint64(r) * n > kMaxMemoryBytes)
        return reject(tr("the parameters would need %1 MiB of memory, more than the maximum of %2 MiB")
                          .arg(128 * quint64(r) * n >> 20)
                          .arg(kMaxMemoryBytes >> 20));
    if (salt.size() < kMinSaltBytes)
        return reject(
            tr("the salt is %1 bytes long, shorter than the minimum of %2").arg(salt.size()).arg(kMinSaltBytes));
    if (salt.size() > kMaxSaltBytes)
        return reject(
            tr("the salt is %1 bytes long, longer than the maximum of %2").arg(salt.size()).arg(kMaxSaltBytes));
    if (why)
        why->clear();
    return true;
}

SecureBytes KdfParams::deriveKey(const SecureBytes& passphrase, const KdfParams& params, std::size_t keyBytes)
{
    SecureBytes key(keyBytes);
    if (keyBytes == 0)
        return key;
    const int ok = EVP_PBE_scrypt(reinterpret_cast<const char*>(passphrase.data()), passphrase.size(),
        reinterpret_cast<const unsigned char*>(params.salt.constData()), static_cast<std::size_t>(params.salt.size()),
        params.n, params.r, params.p, kMaxMemoryBytes + kMaxMemSlack, key.data(), key.size());
    if (ok != 1) {
        qCWarning(lcCrypto, "scrypt key derivation failed (N=%llu r=%u p=%u): %s",
            static_cast<unsigned long long>(params.n), params.r, params.p, qUtf8Printable(takeOpenSslErrors()));
        return {};
    }
    return key;
}

} // namespace vigil::crypto
