#pragma once

#include "sim/scenario.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace vigil::app {

// The vigil command line. Bad arguments are reported with a clear message and exit code 2.
struct CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(vigil::app::CommandLine)
public:
    static constexpr int kMaxPatients = 256;
    static constexpr int kUsageError = 2;

    bool demo = true; // no other source exists yet: the embedded demo is the default
    int patients = 16;
    quint64 seed = 1;
    std::optional<sim::Scenario> scenario;
    QString renderer = QStringLiteral("auto"); // gl, software, or auto (GPU unless GL is missing or CPU-emulated)
    QString screenshot; // save the window here, then quit
    int quitAfterMs = -1; // -1: run until closed

    // Parses arguments (argv[0] first). On error returns nullopt and sets *error.
    [[nodiscard]] static std::optional<CommandLine> parse(
        const QStringList& arguments, QString* error, bool* helpShown = nullptr);
    [[nodiscard]] static QString helpText();
};

} // namespace vigil::app
