#include "passphraseinput.h"

#include <QFile>

#include <cstring>

namespace vigil::app {

std::optional<crypto::SecureBytes> PassphraseInput::read(const QString& fileName, QString* error)
{
    QFile file;
    const bool fromStdin = fileName == QStringLiteral("-");
    if (fromStdin ? !file.open(stdin, QIODevice::ReadOnly)
                  : (file.setFileName(fileName), !file.open(QIODevice::ReadOnly))) {
        if (error)
            *error = QStringLiteral("cannot read the passphrase from %1")
                         .arg(fromStdin ? QStringLiteral("standard input") : fileName);
        return std::nullopt;
    }
    QByteArray line = file.readLine(4096);
    qsizetype length = line.size();
    while (length > 0 && (line.at(length - 1) == '\n' || line.at(length - 1) == '\r'))
        --length;
    crypto::SecureBytes passphrase(static_cast<std::size_t>(length));
    if (length > 0)
        std::memcpy(passphrase.data(), line.constData(), static_cast<std::size_t>(length));
    line.fill('\0');
    if (passphrase.empty()) {
        if (error)
            *error = QStringLiteral("the passphrase is empty");
        return std::nullopt;
    }
    return passphrase;
}

} // namespace vigil::app
