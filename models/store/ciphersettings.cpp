#include "ciphersettings.h"

#include <QStringList>

namespace vigil::store {

QStringList CipherSettings::pragmas() const
{
    return {
        QStringLiteral("PRAGMA cipher_page_size = %1").arg(pageSize),
        QStringLiteral("PRAGMA kdf_iter = %1").arg(kdfIterations),
        QStringLiteral("PRAGMA cipher_hmac_algorithm = %1").arg(hmacAlgorithm),
        QStringLiteral("PRAGMA cipher_kdf_algorithm = %1").arg(kdfAlgorithm),
        QStringLiteral("PRAGMA cipher_use_hmac = %1").arg(useHmac ? QStringLiteral("ON") : QStringLiteral("OFF")),
    };
}

QString CipherSettings::describe() const
{
    return QStringLiteral("AES-256-CBC, %1 per page, %2, page %3 bytes, raw 256-bit key")
        .arg(useHmac ? hmacAlgorithm : QStringLiteral("no HMAC"), kdfAlgorithm)
        .arg(pageSize);
}

} // namespace vigil::store
