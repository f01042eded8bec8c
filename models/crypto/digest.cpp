#include "digest.h"

#include "logging.h"

#include <openssl/evp.h>

namespace vigil::crypto {

QByteArray Digest::sha256(QByteArrayView data)
{
    QByteArray out(kSha256Bytes, Qt::Uninitialized);
    unsigned int length = 0;
    if (EVP_Digest(data.data(), static_cast<std::size_t>(data.size()), reinterpret_cast<unsigned char*>(out.data()),
            &length, EVP_sha256(), nullptr)
            != 1
        || length != static_cast<unsigned int>(kSha256Bytes)) {
        qCCritical(lcCrypto, "SHA-256 failed: %s", qUtf8Printable(takeOpenSslErrors()));
        return {};
    }
    return out;
}

} // namespace vigil::crypto
