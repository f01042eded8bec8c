#include "commandline.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSysInfo>
#include <QUrl>

namespace vigil::app {

namespace {

struct Options
{
    QCommandLineOption demo{QStringLiteral("demo"),
        CommandLine::tr("Run on the embedded simulator. Data goes into a throwaway encrypted cache, or into the "
                        "cache given with --cache.")};
    QCommandLineOption offline{QStringLiteral("offline"),
        CommandLine::tr("Review only: open the cache without any live source (no simulator, broker or MLLP). "
                        "Case actions are kept and sent when Vigil next runs with a broker.")};
    QCommandLineOption cache{QStringLiteral("cache"),
        CommandLine::tr("The encrypted cache file (default: %1).").arg(QStringLiteral("<app data>/cache.vigil")),
        QStringLiteral("PATH")};
    QCommandLineOption lockAfter{QStringLiteral("lock-after"),
        CommandLine::tr("Lock the screen after MINUTES without input (0: never; default 10)."),
        QStringLiteral("MINUTES"), QStringLiteral("10")};
    QCommandLineOption patients{QStringLiteral("patients"), CommandLine::tr("Number of demo patients, 1 to 256."),
        QStringLiteral("N"), QStringLiteral("16")};
    QCommandLineOption seed{QStringLiteral("seed"), CommandLine::tr("Simulator seed (same seed, same patients)."),
        QStringLiteral("S"), QStringLiteral("1")};
    QCommandLineOption scenario{QStringLiteral("scenario"),
        CommandLine::tr("Give every patient this scenario: %1.").arg(sim::scenarioNames().join(QStringLiteral(", "))),
        QStringLiteral("NAME")};
    QCommandLineOption renderer{QStringLiteral("renderer"),
        CommandLine::tr("Waveform renderer: gl, software or auto (the default: the GPU unless OpenGL is missing "
                        "or emulated on the CPU)."),
        QStringLiteral("gl|software|auto"), QStringLiteral("auto")};
    QCommandLineOption screenshot{QStringLiteral("screenshot"),
        CommandLine::tr("Save a screenshot of the window to FILE and quit."), QStringLiteral("FILE")};
    QCommandLineOption quitAfter{QStringLiteral("quit-after-ms"),
        CommandLine::tr("Quit (after the screenshot) after T ms."), QStringLiteral("T")};
    QCommandLineOption broker{QStringLiteral("broker"),
        CommandLine::tr("Receive live data from these MQTT brokers (comma-separated, in order of preference; "
                        "tcp://, mqtt://, ssl:// or mqtts://HOST:PORT)."),
        QStringLiteral("URI[,URI...]")};
    QCommandLineOption site{QStringLiteral("site"),
        CommandLine::tr("The site in the MQTT topics vigil/v1/SITE/... (default demo)."), QStringLiteral("SITE"),
        QStringLiteral("demo")};
    QCommandLineOption mllp{QStringLiteral("mllp"),
        CommandLine::tr("Receive HL7 v2 over MLLP on PORT (usually 2575; 0: any free port)."), QStringLiteral("PORT")};
    QCommandLineOption ca{QStringLiteral("ca"),
        CommandLine::tr("TLS: the CA certificate the brokers' certificates "
                        "are checked against (PEM)."),
        QStringLiteral("FILE")};
    QCommandLineOption cert{QStringLiteral("cert"),
        CommandLine::tr("TLS: this workstation's client certificate (PEM)."), QStringLiteral("FILE")};
    QCommandLineOption key{QStringLiteral("key"), CommandLine::tr("TLS: the client certificate's private key (PEM)."),
        QStringLiteral("FILE")};
    QCommandLineOption mqttUsername{
        QStringLiteral("mqtt-username"), CommandLine::tr("MQTT user name."), QStringLiteral("NAME")};
    QCommandLineOption mqttPasswordFile{QStringLiteral("mqtt-password-file"),
        CommandLine::tr("File whose first line is the MQTT password."), QStringLiteral("FILE")};
    QCommandLineOption clientId{QStringLiteral("client-id"),
        CommandLine::tr("MQTT client id: it names the persistent session the broker keeps (default: %1).")
            .arg(QStringLiteral("vigil-<host>-<user>")),
        QStringLiteral("ID")};

    void addTo(QCommandLineParser& parser) const
    {
        parser.setApplicationDescription(CommandLine::tr("Vigil — remote patient monitoring workstation."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({demo, offline, cache, lockAfter, patients, seed, scenario, renderer, screenshot, quitAfter,
            broker, site, mllp, ca, cert, key, mqttUsername, mqttPasswordFile, clientId});
    }
};

// A file that exists and can be read.
bool readableFile(const QString& path)
{
    const QFileInfo info(path);
    return info.isFile() && info.isReadable();
}

// tcp://, mqtt://, ssl:// or mqtts:// with a host (and, if given, a valid port).
bool validBrokerUri(const QString& uri)
{
    const QUrl url(uri, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    return url.isValid()
        && (scheme == QLatin1String("tcp") || scheme == QLatin1String("mqtt") || scheme == QLatin1String("ssl")
            || scheme == QLatin1String("mqtts"))
        && !url.host().isEmpty() && url.port() != 0 && (url.path().isEmpty() || url.path() == QLatin1String("/"))
        && url.userInfo().isEmpty();
}

bool isTlsUri(const QString& uri)
{
    const QString scheme = QUrl(uri).scheme().toLower();
    return scheme == QLatin1String("ssl") || scheme == QLatin1String("mqtts");
}

QString sanitisedIdPart(const QString& text)
{
    QString out;
    for (const QChar c : text) {
        const bool ok = (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
            || (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            || c == QLatin1Char('.') || c == QLatin1Char('_') || c == QLatin1Char('-');
        out += ok ? c : QLatin1Char('_');
    }
    return out.left(40);
}

bool writableTarget(const QString& path)
{
    const QFileInfo info(path);
    if (info.exists())
        return info.isFile() && info.isWritable();
    const QFileInfo dir(info.absolutePath());
    return dir.isDir() && dir.isWritable();
}

} // namespace

QString CommandLine::defaultClientId()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    if (user.isEmpty())
        user = QStringLiteral("user");
    QString host = QSysInfo::machineHostName();
    if (host.isEmpty())
        host = QStringLiteral("host");
    return QStringLiteral("vigil-") + sanitisedIdPart(host) + QLatin1Char('-') + sanitisedIdPart(user);
}

QString CommandLine::helpText()
{
    QCommandLineParser parser;
    Options().addTo(parser);
    return parser.helpText();
}

std::optional<CommandLine> CommandLine::parse(const QStringList& arguments, QString* error, bool* helpShown)
{
    QCommandLineParser parser;
    const Options o;
    o.addTo(parser);
    if (helpShown)
        *helpShown = false;
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return std::nullopt;
    }
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("version"))) {
        if (helpShown)
            *helpShown = true;
        return std::nullopt;
    }
    if (!parser.positionalArguments().isEmpty()) {
        *error = tr("Unexpected argument: %1").arg(parser.positionalArguments().constFirst());
        return std::nullopt;
    }
    CommandLine cl;
    bool ok = false;
    cl.demo = parser.isSet(o.demo);
    if (parser.isSet(o.cache)) {
        cl.cachePath = parser.value(o.cache);
        const QFileInfo info(cl.cachePath);
        if (cl.cachePath.isEmpty() || (info.exists() && !info.isFile()) || !QFileInfo(info.absolutePath()).isDir()) {
            *error = tr("Cannot use “%1” as the cache: give a file in an existing folder.")
                         .arg(QDir::toNativeSeparators(cl.cachePath));
            return std::nullopt;
        }
    }
    cl.lockAfterMinutes = parser.value(o.lockAfter).toInt(&ok);
    if (!ok || cl.lockAfterMinutes < 0 || cl.lockAfterMinutes > kMaxLockAfterMinutes) {
        *error = tr("--lock-after must be a whole number of minutes from 0 (never) to %1 (got “%2”).")
                     .arg(kMaxLockAfterMinutes)
                     .arg(parser.value(o.lockAfter));
        return std::nullopt;
    }
    cl.patients = parser.value(o.patients).toInt(&ok);
    if (!ok || cl.patients < 1 || cl.patients > kMaxPatients) {
        *error = tr("--patients must be a whole number from 1 to %1 (got “%2”).")
                     .arg(kMaxPatients)
                     .arg(parser.value(o.patients));
        return std::nullopt;
    }
    cl.seed = parser.value(o.seed).toULongLong(&ok);
    if (!ok) {
        *error = tr("--seed must be a non-negative whole number (got “%1”).").arg(parser.value(o.seed));
        return std::nullopt;
    }
    if (parser.isSet(o.scenario)) {
        cl.scenario = sim::scenarioFromName(parser.value(o.scenario));
        if (!cl.scenario) {
            *error = tr("Unknown scenario “%1”. Known scenarios: %2.")
                         .arg(parser.value(o.scenario), sim::scenarioNames().join(QStringLiteral(", ")));
            return std::nullopt;
        }
    }
    cl.renderer = parser.value(o.renderer).toLower();
    if (cl.renderer != QLatin1String("gl") && cl.renderer != QLatin1String("software")
        && cl.renderer != QLatin1String("auto")) {
        *error = tr("Unknown renderer “%1”: use gl, software or auto.").arg(parser.value(o.renderer));
        return std::nullopt;
    }
    if (parser.isSet(o.quitAfter)) {
        cl.quitAfterMs = parser.value(o.quitAfter).toInt(&ok);
        if (!ok || cl.quitAfterMs < 0) {
            *error =
                tr("--quit-after-ms must be a whole number of milliseconds (got “%1”).").arg(parser.value(o.quitAfter));
            return std::nullopt;
        }
    }
    if (parser.isSet(o.screenshot)) {
        cl.screenshot = parser.value(o.screenshot);
        if (!writableTarget(cl.screenshot)) {
            *error = tr("Cannot write the screenshot to “%1”: the folder does not exist or is not writable.")
                         .arg(QDir::toNativeSeparators(cl.screenshot));
            return std::nullopt;
        }
        if (cl.quitAfterMs < 0)
            cl.quitAfterMs = 3000;
    }
    if (!parseTransports(parser, cl, error))
        return std::nullopt;
    cl.offline = parser.isSet(o.offline);
    if (cl.offline && (cl.demo || cl.hasLiveTransport())) {
        *error = tr("--offline is review only: it cannot be combined with --demo, --broker or --mllp.");
        return std::nullopt;
    }
    return cl;
}

bool CommandLine::parseTransports(const QCommandLineParser& parser, CommandLine& cl, QString* error)
{
    const Options o;
    if (parser.isSet(o.broker)) {
        for (const QString& part : parser.value(o.broker).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString uri = part.trimmed();
            if (uri.isEmpty())
                continue;
            if (!validBrokerUri(uri)) {
                *error = tr("“%1” is not a broker address: use tcp://HOST:PORT, mqtt://, ssl:// or mqtts://.").arg(uri);
                return false;
            }
            cl.brokers << uri;
        }
        if (cl.brokers.isEmpty()) {
            *error = tr("--broker needs at least one broker address, for example mqtts://hub.example.nhs.uk:8883.");
            return false;
        }
    }
    // MQTT-only options without a broker would be silently ignored: refuse them.
    for (const QCommandLineOption* option :
        {&o.site, &o.ca, &o.cert, &o.key, &o.mqttUsername, &o.mqttPasswordFile, &o.clientId}) {
        if (cl.brokers.isEmpty() && parser.isSet(*option)) {
            *error = tr("--%1 is an MQTT setting: give --broker too.").arg(option->names().constFirst());
            return false;
        }
    }
    cl.site = parser.value(o.site).trimmed();
    if (cl.site.isEmpty() || cl.site.contains(QLatin1Char('/')) || cl.site.contains(QLatin1Char('+'))
        || cl.site.contains(QLatin1Char('#'))) {
        *error = tr("--site must be a name without “/”, “+” or “#” (got “%1”).").arg(parser.value(o.site));
        return false;
    }
    if (parser.isSet(o.mllp)) {
        bool ok = false;
        cl.mllpPort = parser.value(o.mllp).toInt(&ok);
        if (!ok || cl.mllpPort < 0 || cl.mllpPort > 65535) {
            *error = tr("--mllp must be a port number from 0 (any free port) to 65535 (got “%1”).")
                         .arg(parser.value(o.mllp));
            return false;
        }
    }
    const std::pair<const QCommandLineOption*, QString*> files[] = {
        {&o.ca, &cl.caFile}, {&o.cert, &cl.certFile}, {&o.key, &cl.keyFile}};
    for (const auto& [option, target] : files) {
        if (!parser.isSet(*option))
            continue;
        *target = parser.value(*option);
        if (!readableFile(*target)) {
            *error = tr("--%1: cannot read “%2”.").arg(option->names().constFirst(), QDir::toNativeSeparators(*target));
            return false;
        }
    }
    if (cl.certFile.isEmpty() != cl.keyFile.isEmpty()) {
        *error = tr("--cert and --key go together: the client certificate and its private key.");
        return false;
    }
    const bool anyTls = std::any_of(cl.brokers.cbegin(), cl.brokers.cend(), isTlsUri);
    if (!anyTls && (!cl.caFile.isEmpty() || !cl.certFile.isEmpty())) {
        *error = tr("--ca, --cert and --key are for TLS: use ssl:// or mqtts:// broker addresses.");
        return false;
    }
    cl.mqttUsername = parser.value(o.mqttUsername);
    if (parser.isSet(o.mqttPasswordFile)) {
        if (cl.mqttUsername.isEmpty()) {
            *error = tr("--mqtt-password-file needs --mqtt-username.");
            return false;
        }
        QFile file(parser.value(o.mqttPasswordFile));
        if (!file.open(QIODevice::ReadOnly)) {
            *error = tr("--mqtt-password-file: cannot read “%1”.")
                         .arg(QDir::toNativeSeparators(parser.value(o.mqttPasswordFile)));
            return false;
        }
        cl.mqttPassword = QString::fromUtf8(file.readLine()).trimmed();
    }
    if (parser.isSet(o.clientId)) {
        cl.clientId = parser.value(o.clientId).trimmed();
        if (cl.clientId.isEmpty() || cl.clientId.toUtf8().size() > 65535) {
            *error = tr("--client-id must not be empty.");
            return false;
        }
    } else {
        cl.clientId = defaultClientId();
    }
    return true;
}

} // namespace vigil::app
