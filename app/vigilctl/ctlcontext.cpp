#include "ctlcontext.h"

#include "passphraseinput.h"
#include "store/cache.h"
#include "store/storereader.h"

#include <QDir>
#include <QJsonDocument>
#include <QStandardPaths>

#include <cstdio>

namespace vigil::app {

CtlContext::CtlContext(QString command)
    : m_command(std::move(command))
{
    m_parser.addOption({QStringLiteral("cache"), QStringLiteral("The cache file."), QStringLiteral("PATH")});
    m_parser.addOption({QStringLiteral("passphrase-file"),
        QStringLiteral("Read the passphrase from FILE (\"-\": standard input)."), QStringLiteral("FILE")});
    m_parser.addOption({QStringLiteral("json"), QStringLiteral("Machine-readable output.")});
}

bool CtlContext::parse(const QStringList& arguments)
{
    if (!m_parser.parse(arguments)) {
        fail(m_parser.errorText(), kUsage);
        return false;
    }
    if (!m_parser.positionalArguments().isEmpty()) {
        fail(QStringLiteral("unexpected argument: %1").arg(m_parser.positionalArguments().constFirst()), kUsage);
        return false;
    }
    return true;
}

QString CtlContext::cachePath() const
{
    if (m_parser.isSet(QStringLiteral("cache")))
        return m_parser.value(QStringLiteral("cache"));
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
        .filePath(QStringLiteral("cache.vigil"));
}

std::optional<crypto::SecureBytes> CtlContext::passphrase(const QString& option)
{
    if (!m_parser.isSet(option)) {
        fail(QStringLiteral("--%1 is required (a file, or - for standard input)").arg(option), kUsage);
        return std::nullopt;
    }
    QString error;
    auto passphrase = PassphraseInput::read(m_parser.value(option), &error);
    if (!passphrase)
        fail(error, kUsage);
    return passphrase;
}

std::unique_ptr<store::Cache> CtlContext::openCache(int& exitCode, bool migrate)
{
    auto pass = passphrase();
    if (!pass) {
        exitCode = kUsage;
        return nullptr;
    }
    store::StoreError error;
    auto cache = store::Cache::open(cachePath(), *pass, &error, migrate);
    if (!cache) {
        exitCode = fail(error.message);
        return nullptr;
    }
    return cache;
}

bool CtlContext::openForReading(
    std::unique_ptr<store::Cache>& cache, std::unique_ptr<store::StoreReader>& reader, int& exitCode, bool migrate)
{
    cache = openCache(exitCode, migrate);
    if (!cache)
        return false;
    store::StoreError error;
    reader = store::StoreReader::open(*cache, &error);
    if (!reader) {
        exitCode = fail(error.message);
        return false;
    }
    return true;
}

int CtlContext::finish(const QJsonObject& object, const QString& text, int exitCode) const
{
    if (json()) {
        std::fputs(QJsonDocument(object).toJson(QJsonDocument::Compact).constData(), stdout);
        std::fputc('\n', stdout);
    } else if (!text.isEmpty()) {
        std::fputs(text.toLocal8Bit().constData(), stdout);
        if (!text.endsWith(QLatin1Char('\n')))
            std::fputc('\n', stdout);
    }
    std::fflush(stdout);
    return exitCode;
}

int CtlContext::fail(const QString& message, int exitCode) const
{
    if (json()) {
        QJsonObject object{{QStringLiteral("ok"), false}, {QStringLiteral("error"), message}};
        std::fputs(QJsonDocument(object).toJson(QJsonDocument::Compact).constData(), stdout);
        std::fputc('\n', stdout);
        std::fflush(stdout);
    }
    std::fprintf(stderr, "vigilctl %s: %s\n", qPrintable(m_command), qPrintable(message));
    return exitCode;
}

} // namespace vigil::app
