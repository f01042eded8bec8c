#pragma once

#include "crypto/securebytes.h"

#include <QString>

#include <optional>

namespace vigil::app {

// Reads a passphrase for vigilctl from a file, or from standard input when the name is "-". The
// first line is the passphrase (its line ending is not part of it). The bytes read are cleansed;
// nothing is echoed or logged.
class PassphraseInput final
{
public:
    [[nodiscard]] static std::optional<crypto::SecureBytes> read(const QString& fileName, QString* error);
};

} // namespace vigil::app
