#include "nhsnumber.h"

namespace vigil::core {

std::optional<int> NhsNumber::checkDigit(QStringView firstNine)
{
    if (firstNine.size() != 9)
        return std::nullopt;
    int sum = 0;
    for (int i = 0; i < 9; ++i) {
        const QChar c = firstNine.at(i);
        if (!c.isDigit() || c.unicode() > '9')
            return std::nullopt;
        sum += (c.unicode() - '0') * (10 - i);
    }
    int check = 11 - (sum % 11);
    if (check == 11)
        check = 0;
    if (check == 10)
        return std::nullopt;
    return check;
}

QString NhsNumber::normalized(QStringView number)
{
    QString digits;
    digits.reserve(10);
    for (QChar c : number) {
        if (c != QLatin1Char(' '))
            digits.append(c);
    }
    return digits;
}

bool NhsNumber::isValid(QStringView number)
{
    const QString digits = normalized(number);
    if (digits.size() != 10)
        return false;
    const QChar last = digits.at(9);
    if (last.unicode() < '0' || last.unicode() > '9')
        return false;
    const std::optional<int> check = checkDigit(QStringView(digits).left(9));
    return check && *check == last.unicode() - '0';
}

QString NhsNumber::format(QStringView number)
{
    const QString digits = normalized(number);
    if (digits.size() != 10)
        return number.toString();
    return digits.left(3) + QLatin1Char(' ') + digits.mid(3, 3) + QLatin1Char(' ') + digits.mid(6);
}

} // namespace vigil::core
