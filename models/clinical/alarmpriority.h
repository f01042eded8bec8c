#pragma once

#include <QCoreApplication>
#include <QString>

namespace vigil::clinical {

// IEC 60601-1-8 alarm priorities (CLINICAL.md). Never colour alone: each priority also has a word
// and a marker ("***" high, "**" medium, "*" low), and a flash rate for its visual signal.
class AlarmPriority final
{
    Q_DECLARE_TR_FUNCTIONS(vigil::clinical::AlarmPriority)
public:
    enum Level {
        None = 0,
        Low = 1,
        Medium = 2,
        High = 3,
    };

    [[nodiscard]] static QString marker(Level level); // "***", "**", "*", ""
    [[nodiscard]] static QString name(Level level); // "HIGH", "MEDIUM", "LOW" (translated)
    [[nodiscard]] static QString key(Level level); // "high", "medium", "low", "none"
    // Flash frequency of the visual signal in Hz (0: steady): high 2.0 (1.4-2.8), medium 0.6
    // (0.4-0.8), low steady; duty cycle 50 % (20-60 %).
    [[nodiscard]] static double flashHz(Level level);
    // One level up, High at most (an alarm left unacknowledged escalates).
    [[nodiscard]] static Level raised(Level level) { return level >= High ? High : Level(level + 1); }
};

} // namespace vigil::clinical
