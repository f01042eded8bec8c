#pragma once

#include "sim/scenario.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

class QCommandLineParser;

namespace vigil::app {

// The vigil command line. Bad arguments are reported with a clear message and exit code 2.
struct CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(vigil::app::CommandLine)
public:
    static constexpr int kMaxPatients = 256;
    static constexpr int kUsageError = 2;

    static constexpr int kMaxLockAfterMinutes = 24 * 60;

    // --demo: the embedded simulator, recording into a throwaway encrypted cache (or into --cache).
    // Without it and without a live transport: the stored patients of the cache, for review.
    bool demo = false;
    // --offline: review only. The cache's stored patients, no simulator and no live transport (refused
    // with --demo, --broker or --mllp); case actions stay in the outbox until a run with a broker.
    bool offline = false;
    QString cachePath; // empty: the throwaway cache for --demo, the default location otherwise
    int lockAfterMinutes = 10; // lock the screen after this long without input; 0: never
    int patients = 16;
    quint64 seed = 1;
    std::optional<sim::Scenario> scenario;
    QString renderer = QStringLiteral("auto"); // gl, software, or auto (GPU unless GL is missing or CPU-emulated)
    QString screenshot; // save the window here, then quit
    int quitAfterMs = -1; // -1: run until closed

    // Live transports (ARCHITECTURE.md "Wire contract"), started once the cache is unlocked.
    QStringList brokers; // --broker: MQTT broker URIs in order of preference (failover); empty: no MQTT
    QString site = QStringLiteral("demo"); // the <site> of vigil/v1/<site>/<patientId>/obs|status
    int mllpPort = -1; // --mllp: listen for HL7 v2 over MLLP on this port (0: any free port); -1: no MLLP
    QString caFile; // TLS (ssl:// or mqtts://): the CA that signed the brokers' certificates
    QString certFile; // TLS: client certificate (PEM) …
    QString keyFile; // … and its key
    QString mqttUsername;
    QString mqttPassword; // the first line of --mqtt-password-file (never given on the command line)
    QString clientId; // the MQTT session's name; default defaultClientId()

    [[nodiscard]] bool hasLiveTransport() const { return !brokers.isEmpty() || mllpPort >= 0; }
    // Stable for this machine and operating-system user, so the broker keeps (and queues for) the same
    // persistent session across restarts: "vigil-<host>-<user>", characters outside [A-Za-z0-9._-]
    // replaced by '_'.
    [[nodiscard]] static QString defaultClientId();

    // Parses arguments (argv[0] first). On error returns nullopt and sets *error.
    [[nodiscard]] static std::optional<CommandLine> parse(
        const QStringList& arguments, QString* error, bool* helpShown = nullptr);
    [[nodiscard]] static QString helpText();

private:
    // --broker, --mllp and their settings, into cl; false with *error when one is wrong.
    [[nodiscard]] static bool parseTransports(const QCommandLineParser& parser, CommandLine& cl, QString* error);
};

} // namespace vigil::app
