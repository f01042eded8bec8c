#pragma once

#include <QStringList>

namespace vigil::app {

// vigilctl's cache commands: `cache init|info|verify|rekey|key-store`, `audit verify`, `patients list`.
// Each takes the arguments after its command words (argv[0] first) and returns the exit code.
class CacheCommands final
{
public:
    [[nodiscard]] static int init(const QStringList& arguments);
    [[nodiscard]] static int info(const QStringList& arguments);
    [[nodiscard]] static int verify(const QStringList& arguments);
    [[nodiscard]] static int rekey(const QStringList& arguments);
    // `cache key-store keychain|file`: moves the wrapped key into the OS keychain (the key file keeps a
    // reference) or back into the key file. Needs no passphrase.
    [[nodiscard]] static int keyStore(const QStringList& arguments);
    [[nodiscard]] static int auditVerify(const QStringList& arguments);
    [[nodiscard]] static int patientsList(const QStringList& arguments);
};

} // namespace vigil::app
