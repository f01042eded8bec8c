#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace vigil::clinical {

// Decimal-safe rounding for clinical scores (CLINICAL.md, NEWS2 rule 2): a reading is rounded once,
// half-up, in decimal, to the number of decimals its chart prints (temperature 1, the others 0),
// and only then compared with the chart's bounds, as whole numbers of tenths (or units). A binary
// double is first turned into its shortest decimal form (the digits a person reads, e.g. 37.05 and
// not 37.0499999…), so 37.05 °C rounds to 37.1 exactly as written.
//
// Values are "scaled": the reading times 10^decimals as an integer (37.1 with 1 decimal is 371).
class DecimalValue final
{
public:
    // Half-up (away from zero on a tie) to `decimals` (0-3); nullopt for NaN, infinity or a
    // magnitude beyond 10^12.
    [[nodiscard]] static std::optional<qint64> roundScaled(double value, int decimals);
    // The same for text written as a decimal number ("37.05", "-1", "+20.5", "1e1" is refused).
    [[nodiscard]] static std::optional<qint64> parseScaled(QStringView text, int decimals);
    // "37.1" for (371, 1); "-5" for (-5, 0).
    [[nodiscard]] static QString format(qint64 scaled, int decimals);
};

} // namespace vigil::clinical
