#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace vigil::integration {

// What one run of vigilctl produced.
struct CtlResult
{
    int exitCode = -1;
    QProcess::ExitStatus exitStatus = QProcess::CrashExit;
    bool finished = false; // false: it did not start or did not end in time (then it was killed)
    QByteArray out;
    QByteArray err;

    // True when the process ended normally with exit code `code`.
    [[nodiscard]] bool exitedWith(int code) const
    {
        return finished && exitStatus == QProcess::NormalExit && exitCode == code;
    }
    // The last non-empty line of standard output as a JSON object (empty when it is not one).
    [[nodiscard]] QJsonObject json() const;
    // A short description for failure messages: exit code and standard error, never standard output
    // (which may hold patient identities).
    [[nodiscard]] QByteArray describe() const;
};

// Runs the real vigilctl binary (VIGILCTL_BIN, set by CMake) and helps tests set up caches.
class CtlRunner final
{
public:
    [[nodiscard]] static QString binary();
    // Runs `vigilctl arguments...`, writing `input` to its standard input, and waits up to `timeoutMs`.
    [[nodiscard]] static CtlResult run(
        const QStringList& arguments, const QByteArray& input = {}, int timeoutMs = 60000);

    // Writes `passphrase` and a newline to `path`; false on failure.
    static bool writePassphraseFile(const QString& path, const QByteArray& passphrase);
    // SHA-256 of a file's bytes (empty when it cannot be read).
    [[nodiscard]] static QByteArray fileHash(const QString& path);
    [[nodiscard]] static QByteArray readAll(const QString& path);
};

} // namespace vigil::integration
