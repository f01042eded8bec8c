#pragma once

#include <QLoggingCategory>
#include <QString>

// One logging category per library. Logs never carry patient-identifying data, and this library
// never logs key material, passphrases or anything derived from them (hashes included).
Q_DECLARE_LOGGING_CATEGORY(lcCrypto)

namespace vigil::crypto {

// Empties this thread's OpenSSL error queue and returns it as one line, for logging. OpenSSL error
// strings name the failing function and reason only; they never contain key or data bytes.
[[nodiscard]] QString takeOpenSslErrors();

} // namespace vigil::crypto
