#pragma once

#include <QStringList>

namespace vigil::app {

// `vigilctl listen --broker URI[,URI…] [--mllp PORT] --cache … --duration S`: headless ingest.
// Subscribes to the site's MQTT topics (failover over the broker list, TLS options as vigil-sim)
// and/or listens for HL7 v2 over MLLP, and records everything it receives into the encrypted cache
// through the ingest router (repeats dropped, bad messages quarantined). Runs for --duration
// seconds, or until SIGINT/SIGTERM, then commits and prints what it received (JSON with --json).
class ListenCommand final
{
public:
    [[nodiscard]] static int run(const QStringList& arguments);
};

} // namespace vigil::app
