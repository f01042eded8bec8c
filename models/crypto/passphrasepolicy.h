#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace vigil::crypto {

// What Vigil accepts as a passphrase for the encrypted cache, following NCSC guidance ("three random
// words"): length matters, composition rules do not. A passphrase is acceptable when
// - it has at least kMinLength and at most kMaxLength characters (Unicode code points, counted after
//   trimming and collapsing runs of white space, so padding with spaces does not count);
// - it is not one character, word or pattern repeated ("aaaaaaaaaaaa", "nhsnhsnhsnhs");
// - it is not a simple sequence: ascending or descending characters or digits, a run along a keyboard
//   row or column, or two such runs ("abcdefghijkl", "987654321098", "qwertyuiopas", "aaaaaa123456");
// - it is not one of a small built-in list of very common passwords and phrases. Case, white space and
//   punctuation are ignored for this, and a listed word followed by a few (or patterned) digits counts
//   too ("Password-1234!", "letmein2024").
// Every character is allowed. User-visible strings are translatable (context
// vigil::crypto::PassphrasePolicy).
class PassphrasePolicy final
{
    Q_DECLARE_TR_FUNCTIONS(vigil::crypto::PassphrasePolicy)

public:
    static constexpr int kMinLength = 12;
    static constexpr int kMaxLength = 256;

    // The rules as short sentences, for the first-run and change-passphrase screens.
    [[nodiscard]] static QStringList rules();

    // What is wrong with passphrase, one short sentence per problem; empty when it is acceptable.
    // Never echoes the passphrase.
    [[nodiscard]] static QStringList problems(const QString& passphrase);
};

} // namespace vigil::crypto
