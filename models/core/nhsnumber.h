#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace vigil::core {

// NHS Number rules (CLINICAL.md): 10 digits; weights 10..2 on digits 1-9;
// check = 11 - (sum mod 11); 11 -> 0; 10 -> the number is invalid.
class NhsNumber final
{
public:
    // Check digit for the first nine digits, or nullopt when the checksum gives 10 (no valid number).
    [[nodiscard]] static std::optional<int> checkDigit(QStringView firstNine);

    // True for exactly ten digits (spaces allowed as separators) with a correct check digit.
    [[nodiscard]] static bool isValid(QStringView number);

    // "9434765919" -> "943 476 5919". Returns the input unchanged when it is not ten digits.
    [[nodiscard]] static QString format(QStringView number);

    // Digits only: strips spaces.
    [[nodiscard]] static QString normalized(QStringView number);
};

} // namespace vigil::core
