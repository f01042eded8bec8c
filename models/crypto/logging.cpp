#include "logging.h"

#include <openssl/err.h>

#include <array>

Q_LOGGING_CATEGORY(lcCrypto, "vigil.crypto")

namespace vigil::crypto {

QString takeOpenSslErrors()
{
    QString out;
    std::array<char, 256> buffer{};
    while (const unsigned long code = ERR_get_error()) {
        ERR_error_string_n(code, buffer.data(), buffer.size());
        if (!out.isEmpty())
            out += QStringLiteral("; ");
        out += QString::fromLatin1(buffer.data());
    }
    return out.isEmpty() ? QStringLiteral("no OpenSSL error reported") : out;
}

} // namespace vigil::crypto
