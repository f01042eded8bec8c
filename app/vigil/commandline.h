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

    static constexpr int kMaxLockAfterMinutes = 24 * 60;

    // --demo: the embedded simulator, recording into a throwaway encrypted cache (or into --cache).
    // Without it: no live source yet; the stored patients of the cache are shown for review.
    bool demo = false;
    QString cachePath; // empty: the throwaway cache for --demo, the default location otherwise
    int lockAfterMinutes = 10; // lock the screen after this long without input; 0: never
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
