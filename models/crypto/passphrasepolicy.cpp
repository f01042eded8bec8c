#include "passphrasepolicy.h"

#include <QChar>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace vigil::crypto {

namespace {

// Very common passwords and phrases, casefolded with white space and punctuation removed. Short
// entries matter too: "password" also catches "Password!!!!" and "password2024". The examples shown
// in rules() are listed so that they cannot be used as they stand.
constexpr std::u32string_view kCommon[] = {
    U"password",
    U"passw0rd",
    U"password1",
    U"password123",
    U"password1234",
    U"mypassword",
    U"letmein",
    U"letmeinplease",
    U"qwerty",
    U"qwertyuiop",
    U"iloveyou",
    U"welcome",
    U"welcome123",
    U"changeme",
    U"trustno1",
    U"administrator",
    U"sunshine",
    U"princess",
    U"football",
    U"nhsnhsnhs",
    U"nhspassword",
    U"correcthorsebatterystaple",
    U"coffeetrainfish",
    U"lampriverbiscuit",
};

// Keyboard rows and columns (UK/US layout), for runs such as "qwertyuiop" or "1qaz2wsx3edc".
constexpr std::u32string_view kKeyboardWalks[] = {
    U"qwertyuiopasdfghjklzxcvbnm",
    U"1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
    U"!@#$%^&*()_+",
};

std::u32string toCodePoints(const QString& s)
{
    std::u32string out;
    out.reserve(static_cast<std::size_t>(s.size()));
    for (const char32_t c : s.toUcs4())
        out.push_back(c);
    return out;
}

template<typename Keep>
std::u32string filtered(const std::u32string& s, Keep keep)
{
    std::u32string out;
    for (const char32_t c : s) {
        if (keep(c))
            out.push_back(c);
    }
    return out;
}

// One unit (of any length up to half the string) repeated, the last copy possibly cut short.
bool isRepetition(const std::u32string& s)
{
    const std::size_t n = s.size();
    for (std::size_t period = 1; 2 * period <= n; ++period) {
        bool periodic = true;
        for (std::size_t i = period; i < n && periodic; ++i)
            periodic = s[i] == s[i - period];
        if (periodic)
            return true;
    }
    return false;
}

// The step from a to b inside a simple run: 0 (same), +1 or -1 (next or previous code point); digits
// also wrap around ("890", "109").
std::optional<int> simpleStep(char32_t a, char32_t b)
{
    if (b == a)
        return 0;
    if (b == a + 1 || (a == U'9' && b == U'0'))
        return 1;
    if (a == b + 1 || (a == U'0' && b == U'9'))
        return -1;
    return std::nullopt;
}

// How many maximal runs of constant simple step the string splits into (scanning left to right).
std::size_t simpleRunCount(const std::u32string& s)
{
    std::size_t runs = 0;
    std::size_t i = 0;
    while (i < s.size()) {
        ++runs;
        if (i + 1 == s.size())
            break;
        const std::optional<int> step = simpleStep(s[i], s[i + 1]);
        if (!step) {
            ++i; // a run of one character
            continue;
        }
        std::size_t j = i + 1;
        while (j + 1 < s.size() && simpleStep(s[j], s[j + 1]) == step)
            ++j;
        i = j + 1;
    }
    return runs;
}

bool isKeyboardWalk(const std::u32string& s)
{
    for (const std::u32string_view walk : kKeyboardWalks) {
        const std::u32string reversed(walk.rbegin(), walk.rend());
        if (walk.find(s) != std::u32string_view::npos || reversed.find(s) != std::u32string::npos)
            return true;
    }
    return false;
}

bool isSequence(const std::u32string& s)
{
    return s.size() >= 3 && (simpleRunCount(s) <= 2 || isKeyboardWalk(s));
}

bool isPattern(const std::u32string& s)
{
    return !s.empty() && (isRepetition(s) || isSequence(s));
}

bool isListed(const std::u32string& s)
{
    for (const std::u32string_view common : kCommon) {
        if (s == common)
            return true;
    }
    return false;
}

} // namespace

QStringList PassphrasePolicy::rules()
{
    return {
        tr("Use at least %1 characters. Three random words you will remember work well, for example "
           "\u201clamp river biscuit\u201d (but not that one).")
            .arg(kMinLength),
        tr("Do not use one character, word or pattern repeated, or a simple sequence such as “abcdef”, "
           "“123456” or “qwerty”."),
        tr("Do not use a well-known password or phrase."),
        tr("Do not use a password you use for anything else."),
        tr("Any letters, numbers, spaces and symbols are allowed, up to %1 characters.").arg(kMaxLength),
    };
}

QStringList PassphrasePolicy::problems(const QString& passphrase)
{
    QStringList out;
    const std::size_t length = toCodePoints(passphrase.simplified()).size();
    if (length < static_cast<std::size_t>(kMinLength))
        out << tr("It is too short: use at least %1 characters.").arg(kMinLength);
    if (length > static_cast<std::size_t>(kMaxLength))
        out << tr("It is too long: use at most %1 characters.").arg(kMaxLength);

    // Two views of the passphrase, case-insensitive: every visible character, and letters and digits
    // only (so "a-b-c-d-e-f" and "Pass word!" are judged like "abcdef" and "password").
    const std::u32string folded = toCodePoints(passphrase.toCaseFolded());
    const std::u32string visible = filtered(folded, [](char32_t c) { return !QChar::isSpace(c); });
    const std::u32string compact = filtered(folded, [](char32_t c) { return QChar::isLetterOrNumber(c); });

    if (isRepetition(visible) || isRepetition(compact)) {
        out << tr("It is one character, word or pattern repeated.");
    } else if (isSequence(visible) || isSequence(compact)) {
        out << tr("It is a simple sequence, such as “abcdef”, “123456” or “qwerty”.");
    }

    // A listed word with a few digits (or patterned digits) added is as weak as the word itself.
    const std::u32string letters = filtered(compact, [](char32_t c) { return QChar::isLetter(c); });
    const std::u32string digits = filtered(compact, [](char32_t c) { return QChar::isDigit(c); });
    const bool weakDigits = digits.size() <= 4 || isPattern(digits);
    if (isListed(visible) || isListed(compact) || (isListed(letters) && weakDigits))
        out << tr("It is a well-known password or phrase.");
    return out;
}

} // namespace vigil::crypto
