#pragma once

#include "crypto/securebytes.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QString>

#include <memory>
#include <optional>

namespace vigil::store {
class Cache;
class StoreReader;
} // namespace vigil::store

namespace vigil::app {

// What every vigilctl cache command shares: --cache PATH, --passphrase-file FILE ("-" for stdin),
// --json; opening the cache with a clear message; printing text or one JSON object.
// Exit codes: 0 success, 1 the operation failed (wrong passphrase, verification failed…), 2 usage.
class CtlContext final
{
public:
    static constexpr int kFailure = 1;
    static constexpr int kUsage = 2;

    explicit CtlContext(QString command);

    [[nodiscard]] QCommandLineParser& parser() { return m_parser; }
    // Parses `arguments` (argv[0] first, command words removed). Prints usage problems itself.
    bool parse(const QStringList& arguments);

    [[nodiscard]] QString cachePath() const;
    [[nodiscard]] bool json() const { return m_parser.isSet(QStringLiteral("json")); }
    [[nodiscard]] std::optional<crypto::SecureBytes> passphrase(
        const QString& option = QStringLiteral("passphrase-file"));
    // Opens (and migrates) the cache; on failure prints why and sets `exitCode`.
    [[nodiscard]] std::unique_ptr<store::Cache> openCache(int& exitCode, bool migrate = true);
    // The cache and a reader on it; on failure prints why, sets `exitCode` and returns false.
    bool openForReading(std::unique_ptr<store::Cache>& cache, std::unique_ptr<store::StoreReader>& reader,
        int& exitCode, bool migrate = true);

    // Prints `object` as JSON with --json, else `text`; returns `exitCode`.
    int finish(const QJsonObject& object, const QString& text, int exitCode = 0) const;
    int fail(const QString& message, int exitCode = kFailure) const;

private:
    QString m_command;
    QCommandLineParser m_parser;
};

} // namespace vigil::app
