#pragma once

#include <QStringList>

namespace vigil::app {

// vigilctl's cache commands: `cache init|info|verify|rekey`, `audit verify`, `patients list`.
// Each takes the arguments after its command words (argv[0] first) and returns the exit code.
class CacheCommands final
{
public:
    [[nodiscard]] static int init(const QStringList& arguments);
    [[nodiscard]] static int info(const QStringList& arguments);
    [[nodiscard]] static int verify(const QStringList& arguments);
    [[nodiscard]] static int rekey(const QStringList& arguments);
    [[nodiscard]] static int auditVerify(const QStringList& arguments);
    [[nodiscard]] static int patientsList(const QStringList& arguments);
};

} // namespace vigil::app
