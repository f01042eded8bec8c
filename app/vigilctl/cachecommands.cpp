#include "cachecommands.h"

#include "crypto/kdfparams.h"
#include "crypto/keychainstore.h"
#include "crypto/keyfile.h"
#include "crypto/passphrasepolicy.h"
#include "ctlcontext.h"
#include "store/auditlog.h"
#include "store/cache.h"
#include "store/schema.h"
#include "store/storereader.h"
#include "store/storewriter.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QTimeZone>

#include <cstdio>

namespace vigil::app {

namespace {

QString isoTime(core::Timestamp t)
{
    if (t == 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(t / 1000, QTimeZone::utc()).toString(Qt::ISODateWithMs);
}

qint64 fileSize(const QString& path)
{
    const QFileInfo info(path);
    return info.exists() ? info.size() : 0;
}

QString userName()
{
    const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    return user.isEmpty() ? QStringLiteral("unknown") : user;
}

// Appends one audit row through a short-lived writer.
bool audit(const store::Cache& cache, const QString& action, const QString& detail)
{
    store::StoreWriter::Config config;
    config.pruning = false;
    store::StoreWriter writer(cache, config);
    if (!writer.start())
        return false;
    writer.appendAudit({0, userName(), QStringLiteral("administrator"), action, 0, detail});
    return writer.stop();
}

crypto::KdfParams kdfFrom(const QCommandLineParser& parser)
{
    return parser.value(QStringLiteral("kdf")) == QStringLiteral("fast") ? crypto::KdfParams::fast()
                                                                         : crypto::KdfParams::interactive();
}

// "file" or "os-keychain", as in `cache info --json` and `cache key-store --json`.
QString storageName(crypto::KeyFile::StorageKind kind)
{
    return kind == crypto::KeyFile::StorageKind::OsKeychain ? QStringLiteral("os-keychain") : QStringLiteral("file");
}

const QCommandLineOption kKdfOption(QStringLiteral("kdf"),
    QStringLiteral("Key derivation: interactive (default, scrypt N=2^17) or fast (tests only)."),
    QStringLiteral("KIND"), QStringLiteral("interactive"));

} // namespace

int CacheCommands::init(const QStringList& arguments)
{
    CtlContext ctx(QStringLiteral("cache init"));
    ctx.parser().addOption(kKdfOption);
    if (!ctx.parse(arguments))
        return CtlContext::kUsage;
    auto passphrase = ctx.passphrase();
    if (!passphrase)
        return CtlContext::kUsage;
    const QString text = QString::fromUtf8(
        reinterpret_cast<const char*>(passphrase->data()), static_cast<qsizetype>(passphrase->size()));
    const QStringList problems = crypto::PassphrasePolicy::problems(text);
    if (!problems.isEmpty())
        return ctx.fail(QStringLiteral("the passphrase is not acceptable: %1").arg(problems.join(QLatin1Char(' '))));
    store::StoreError error;
    auto cache = store::Cache::create(ctx.cachePath(), *passphrase, kdfFrom(ctx.parser()), &error);
    if (!cache)
        return ctx.fail(error.message);
    audit(*cache, QStringLiteral("cache.create"), QStringLiteral("cache created with vigilctl"));
    return ctx.finish({{QStringLiteral("ok"), true}, {QStringLiteral("cache"), ctx.cachePath()},
                          {QStringLiteral("schema_version"), store::Schema::kCurrentVersion}},
        QStringLiteral("Created an encrypted cache at %1 (key file %2).")
            .arg(ctx.cachePath(), store::Cache::keyFilePath(ctx.cachePath())));
}

int CacheCommands::info(const QStringList& arguments)
{
    CtlContext ctx(QStringLiteral("cache info"));
    if (!ctx.parse(arguments))
        return CtlContext::kUsage;
    int exitCode = 0;
    std::unique_ptr<store::Cache> cache;
    std::unique_ptr<store::StoreReader> reader;
    if (!ctx.openForReading(cache, reader, exitCode, false))
        return exitCode;
    const QString keyPath = store::Cache::keyFilePath(ctx.cachePath());
    const auto keyFile = crypto::KeyFile::load(keyPath);
    const crypto::KeyFile::StorageKind storage = keyFile ? keyFile->storage() : crypto::KeyFile::storageOf(keyPath);
    const int version = store::Schema::version(reader->database());
    const auto counts = reader->counts();
    const auto range = reader->waveformRange();
    const QString path = ctx.cachePath();
    const qint64 dbBytes = fileSize(path);
    const qint64 walBytes = fileSize(path + QStringLiteral("-wal"));
    const QString cipherVersion = reader->database().queryText("PRAGMA cipher_version");
    const qint64 pageSize = reader->database().queryInt("PRAGMA cipher_page_size", 0);

    QJsonObject kdf;
    if (keyFile)
        kdf = {{QStringLiteral("name"), QStringLiteral("scrypt")},
            {QStringLiteral("n"), static_cast<qint64>(keyFile->kdf().n)},
            {QStringLiteral("r"), static_cast<qint64>(keyFile->kdf().r)},
            {QStringLiteral("p"), static_cast<qint64>(keyFile->kdf().p)}};
    const QJsonObject countsJson{{QStringLiteral("patients"), counts.patients},
        {QStringLiteral("streams"), counts.streams}, {QStringLiteral("waveform_chunks"), counts.chunks},
        {QStringLiteral("samples"), counts.samples}, {QStringLiteral("pyramid_blocks"), counts.pyramidBlocks},
        {QStringLiteral("vitals"), counts.vitals}, {QStringLiteral("device_status"), counts.statuses},
        {QStringLiteral("alarms"), counts.alarms}, {QStringLiteral("clinical_events"), counts.events},
        {QStringLiteral("audit"), counts.audit}, {QStringLiteral("outbox_pending"), counts.outboxPending},
        {QStringLiteral("quarantine"), counts.quarantine}};
    const QJsonObject object{{QStringLiteral("ok"), true}, {QStringLiteral("cache"), path},
        {QStringLiteral("schema_version"), version},
        {QStringLiteral("app_schema_version"), store::Schema::kCurrentVersion},
        {QStringLiteral("cipher"),
            QJsonObject{{QStringLiteral("sqlcipher_version"), cipherVersion}, {QStringLiteral("page_size"), pageSize},
                {QStringLiteral("settings"), cache->cipher().describe()},
                {QStringLiteral("hmac"), cache->cipher().hmacAlgorithm},
                {QStringLiteral("kdf_algorithm"), cache->cipher().kdfAlgorithm}}},
        {QStringLiteral("key_store"), storageName(storage)},
        {QStringLiteral("key_file"),
            QJsonObject{{QStringLiteral("version"), keyFile ? keyFile->version() : 0}, {QStringLiteral("kdf"), kdf},
                {QStringLiteral("cache_id"), keyFile ? keyFile->cacheId().toString(QUuid::WithoutBraces) : QString()}}},
        {QStringLiteral("size_bytes"), dbBytes + walBytes}, {QStringLiteral("database_bytes"), dbBytes},
        {QStringLiteral("wal_bytes"), walBytes},
        {QStringLiteral("time_range"),
            QJsonObject{{QStringLiteral("first"), isoTime(range.first)}, {QStringLiteral("last"), isoTime(range.last)},
                {QStringLiteral("first_us"), range.first}, {QStringLiteral("last_us"), range.last}}},
        {QStringLiteral("counts"), countsJson}};

    QString text =
        QStringLiteral("Cache:          %1\nSchema:         %2%3\nCipher:         SQLCipher %4; %5\n"
                       "Key file:       version %6, scrypt N=%7 r=%8 p=%9\nKey store:      %14\n"
                       "Size:           %10 bytes (WAL %11)\n"
                       "Waveforms:      %12 to %13\n")
            .arg(path)
            .arg(version)
            .arg(version < store::Schema::kCurrentVersion ? QStringLiteral(" (migrated when next opened by the app)")
                                                          : QString())
            .arg(cipherVersion, cache->cipher().describe())
            .arg(keyFile ? keyFile->version() : 0)
            .arg(keyFile ? keyFile->kdf().n : 0)
            .arg(keyFile ? keyFile->kdf().r : 0)
            .arg(keyFile ? keyFile->kdf().p : 0)
            .arg(dbBytes + walBytes)
            .arg(walBytes)
            .arg(range.first ? isoTime(range.first) : QStringLiteral("-"),
                range.last ? isoTime(range.last) : QStringLiteral("-"),
                storage == crypto::KeyFile::StorageKind::OsKeychain
                    ? QStringLiteral("OS keychain (service \"%1\", account \"%2\"; %3 holds a reference)")
                          .arg(crypto::KeychainStore::serviceName(),
                              keyFile ? crypto::KeyFile::keychainAccountFor(keyFile->cacheId()) : QString(),
                              QFileInfo(keyPath).fileName())
                    : QStringLiteral("key file %1").arg(QFileInfo(keyPath).fileName()));
    for (auto it = countsJson.begin(); it != countsJson.end(); ++it)
        text += QStringLiteral("%1 %2\n").arg(it.key() + QLatin1Char(':'), -15).arg(it.value().toInteger());
    return ctx.finish(object, text);
}

int CacheCommands::verify(const QStringList& arguments)
{
    CtlContext ctx(QStringLiteral("cache verify"));
    if (!ctx.parse(arguments))
        return CtlContext::kUsage;
    int exitCode = 0;
    std::unique_ptr<store::Cache> cache;
    std::unique_ptr<store::StoreReader> reader;
    if (!ctx.openForReading(cache, reader, exitCode, false))
        return exitCode;
    // integrity_check reads every page, so every page's HMAC is checked too.
    QStringList problems;
    store::Statement check = reader->database().prepare("PRAGMA integrity_check");
    int rc = 0;
    while ((rc = check.step()) == 100 /* SQLITE_ROW */) {
        const QString line = check.text(0);
        if (line != QStringLiteral("ok"))
            problems << line;
    }
    if (rc != 101 /* SQLITE_DONE */)
        problems << reader->database().error(rc, QStringLiteral("a page failed its check")).message;
    check = store::Statement();
    const bool integrityOk = problems.isEmpty();
    const auto auditResult = store::AuditLog::verify(reader->database());
    const bool ok = integrityOk && auditResult.ok;
    QJsonArray problemList;
    for (const QString& p : problems.mid(0, 20))
        problemList.append(p);
    const QJsonObject object{{QStringLiteral("ok"), ok}, {QStringLiteral("integrity_ok"), integrityOk},
        {QStringLiteral("integrity_problems"), problemList}, {QStringLiteral("audit_ok"), auditResult.ok},
        {QStringLiteral("audit_rows"), auditResult.rows},
        {QStringLiteral("audit_first_bad_seq"), auditResult.firstBadSeq},
        {QStringLiteral("audit_problem"), auditResult.problem}};
    QString text = integrityOk
        ? QStringLiteral("Integrity: ok (every page read and authenticated)\n")
        : QStringLiteral("Integrity: FAILED\n  %1\n").arg(problems.mid(0, 20).join(QStringLiteral("\n  ")));
    text += auditResult.ok ? QStringLiteral("Audit log: ok (%1 rows, chain intact)").arg(auditResult.rows)
                           : QStringLiteral("Audit log: FAILED: %1").arg(auditResult.problem);
    return ctx.finish(object, text, ok ? 0 : CtlContext::kFailure);
}

int CacheCommands::rekey(const QStringList& arguments)
{
    CtlContext ctx(QStringLiteral("cache rekey"));
    ctx.parser().addOption({QStringLiteral("new-passphrase-file"),
        QStringLiteral("Read the new passphrase from FILE (\"-\": standard input)."), QStringLiteral("FILE")});
    ctx.parser().addOption(kKdfOption);
    if (!ctx.parse(arguments))
        return CtlContext::kUsage;
    if (ctx.parser().value(QStringLiteral("passphrase-file")) == QStringLiteral("-")
        && ctx.parser().value(QStringLiteral("new-passphrase-file")) == QStringLiteral("-"))
        return ctx.fail(QStringLiteral("only one of the passphrases can come from standard input"), CtlContext::kUsage);
    auto oldPassphrase = ctx.passphrase();
    if (!oldPassphrase)
        return CtlContext::kUsage;
    auto newPassphrase = ctx.passphrase(QStringLiteral("new-passphrase-file"));
    if (!newPassphrase)
        return CtlContext::kUsage;
    const QStringList problems = crypto::PassphrasePolicy::problems(QString::fromUtf8(
        reinterpret_cast<const char*>(newPassphrase->data()), static_cast<qsizetype>(newPassphrase->size())));
    if (!problems.isEmpty())
        return ctx.fail(
            QStringLiteral("the new passphrase is not acceptable: %1").arg(problems.join(QLatin1Char(' '))));
    if (store::StoreError e =
            store::Cache::changePassphrase(ctx.cachePath(), *oldPassphrase, *newPassphrase, kdfFrom(ctx.parser())))
        return ctx.fail(e.message);
    if (auto cache = store::Cache::open(ctx.cachePath(), *newPassphrase, nullptr))
        audit(*cache, QStringLiteral("cache.rekey"), QStringLiteral("passphrase changed with vigilctl"));
    return ctx.finish({{QStringLiteral("ok"), true}},
        QStringLiteral("The passphrase was changed. The database was not rewritten; only the key file changed."));
}

int CacheCommands::keyStore(const QStringList& arguments)
{
    CtlContext ctx(QStringLiteral("cache key-store"));
    // One positional argument (keychain|file), which CtlContext::parse() would refuse.
    if (!ctx.parser().parse(arguments))
        return ctx.fail(ctx.parser().errorText(), CtlContext::kUsage);
    const QStringList words = ctx.parser().positionalArguments();
    const QString target = words.size() == 1 ? words.constFirst() : QString();
    if (target != QStringLiteral("keychain") && target != QStringLiteral("file"))
        return ctx.fail(QStringLiteral("say where to keep the key: cache key-store keychain|file"), CtlContext::kUsage);
    const QString path = ctx.cachePath();
    if (!QFile::exists(path))
        return ctx.fail(QStringLiteral("There is no cache at this location."));
    const QString keyPath = store::Cache::keyFilePath(path);
    const crypto::KeyFile::StorageKind before = crypto::KeyFile::storageOf(keyPath);

    QString error;
    QString warning;
    const bool toKeychain = target == QStringLiteral("keychain");
    if (toKeychain && !crypto::KeychainStore::isBuiltIn())
        return ctx.fail(crypto::KeychainStore::notBuiltInMessage());
    const bool moved = toKeychain ? crypto::KeyFile::moveToKeychain(keyPath, &error)
                                  : crypto::KeyFile::moveToFile(keyPath, &error, &warning);
    if (!moved)
        return ctx.fail(error);
    const crypto::KeyFile::StorageKind after =
        toKeychain ? crypto::KeyFile::StorageKind::OsKeychain : crypto::KeyFile::StorageKind::File;
    const bool changed = before != after;
    if (!warning.isEmpty())
        std::fprintf(stderr, "vigilctl cache key-store: warning: %s\n", qPrintable(warning));

    QJsonObject object{{QStringLiteral("ok"), true}, {QStringLiteral("cache"), path},
        {QStringLiteral("key_store"), storageName(after)}, {QStringLiteral("changed"), changed}};
    if (!warning.isEmpty())
        object.insert(QStringLiteral("warning"), warning);
    QString text;
    if (!changed)
        text = toKeychain ? QStringLiteral("The key is already in the OS keychain; nothing was changed.")
                          : QStringLiteral("The key is already in the key file %1; nothing was changed.").arg(keyPath);
    else if (toKeychain)
        text = QStringLiteral("The wrapped key is now in the OS keychain (service \"%1\"). %2 holds only a reference "
                              "to it; the passphrase is unchanged.")
                   .arg(crypto::KeychainStore::serviceName(), keyPath);
    else
        text = QStringLiteral("The wrapped key is back in the key file %1, and the OS keychain entry was %2.")
                   .arg(keyPath, warning.isEmpty() ? QStringLiteral("deleted") : QStringLiteral("left behind"));
    return ctx.finish(object, text);
}

int CacheCommands::auditVerify(const QStringList& arguments)
{
    CtlContext ctx(QStringLiteral("audit verify"));
    if (!ctx.parse(arguments))
        return CtlContext::kUsage;
    int exitCode = 0;
    std::unique_ptr<store::Cache> cache;
    std::unique_ptr<store::StoreReader> reader;
    if (!ctx.openForReading(cache, reader, exitCode, false))
        return exitCode;
    const auto result = store::AuditLog::verify(reader->database());
    const QJsonObject object{{QStringLiteral("ok"), result.ok}, {QStringLiteral("rows"), result.rows},
        {QStringLiteral("first_bad_seq"), result.firstBadSeq}, {QStringLiteral("problem"), result.problem}};
    return ctx.finish(object,
        result.ok ? QStringLiteral("Audit log ok: %1 rows, hash chain intact.").arg(result.rows)
                  : QStringLiteral("Audit log FAILED at row %1: %2").arg(result.firstBadSeq).arg(result.problem),
        result.ok ? 0 : CtlContext::kFailure);
}

int CacheCommands::patientsList(const QStringList& arguments)
{
    CtlContext ctx(QStringLiteral("patients list"));
    if (!ctx.parse(arguments))
        return CtlContext::kUsage;
    int exitCode = 0;
    std::unique_ptr<store::Cache> cache;
    std::unique_ptr<store::StoreReader> reader;
    if (!ctx.openForReading(cache, reader, exitCode))
        return exitCode;
    QJsonArray list;
    QString text = QStringLiteral("%1  %2  %3  %4  %5\n")
                       .arg(QStringLiteral("ID"), 4)
                       .arg(QStringLiteral("NHS Number"), -12)
                       .arg(QStringLiteral("Name"), -28)
                       .arg(QStringLiteral("First data"), -24)
                       .arg(QStringLiteral("Last data"));
    for (const auto& p : reader->patients()) {
        list.append(QJsonObject{{QStringLiteral("id"), p.id}, {QStringLiteral("source_key"), p.identity.id},
            {QStringLiteral("nhs_number"), p.identity.nhsNumber}, {QStringLiteral("given_name"), p.identity.givenName},
            {QStringLiteral("family_name"), p.identity.familyName},
            {QStringLiteral("birth_date"), p.identity.birthDate.toString(Qt::ISODate)},
            {QStringLiteral("first_data"), isoTime(p.firstData)}, {QStringLiteral("last_data"), isoTime(p.lastData)}});
        text += QStringLiteral("%1  %2  %3  %4  %5\n")
                    .arg(p.id, 4)
                    .arg(p.identity.nhsNumber, -12)
                    .arg(p.identity.displayName(), -28)
                    .arg(isoTime(p.firstData), -24)
                    .arg(isoTime(p.lastData));
    }
    return ctx.finish({{QStringLiteral("ok"), true}, {QStringLiteral("patients"), list}}, text);
}

} // namespace vigil::app
