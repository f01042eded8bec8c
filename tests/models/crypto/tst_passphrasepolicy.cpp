#include "crypto/passphrasepolicy.h"

#include <QTest>

using vigil::crypto::PassphrasePolicy;

namespace {

// A 'length'-character passphrase of words and numbers that never repeats or runs in sequence.
QString longPassphrase(int length)
{
    QString out;
    for (int i = 1; out.size() < length; ++i)
        out += QStringLiteral("ox%1 lark ").arg(i * 7919 % 1009);
    out.truncate(length - 1);
    out += QLatin1Char('q'); // not white space, which would be trimmed from the count
    return out;
}

} // namespace

class TestPassphrasePolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rules();
    void problems_data();
    void problems();
};

void TestPassphrasePolicy::rules()
{
    const QStringList rules = PassphrasePolicy::rules();
    QVERIFY(rules.size() >= 3);
    for (const QString& rule : rules) {
        QVERIFY(!rule.isEmpty());
        QVERIFY2(rule.endsWith(QLatin1Char('.')), qPrintable(rule));
    }
    QVERIFY(rules.join(QLatin1Char(' ')).contains(QStringLiteral("at least 12 characters")));
    QVERIFY(rules.join(QLatin1Char(' ')).contains(QStringLiteral("256")));
}

void TestPassphrasePolicy::problems_data()
{
    // Each problem is identified by a phrase from its sentence; an empty list means acceptable.
    QTest::addColumn<QString>("passphrase");
    QTest::addColumn<QStringList>("expected");

    const QString shortP = QStringLiteral("too short");
    const QString longP = QStringLiteral("too long");
    const QString repeated = QStringLiteral("repeated");
    const QString sequence = QStringLiteral("simple sequence");
    const QString common = QStringLiteral("well-known");
    const auto row = [](const char* name, const QString& passphrase, const QStringList& expected) {
        QTest::newRow(name) << passphrase << expected;
    };

    // Acceptable
    row("three words", QStringLiteral("violet kettle harbour"), {});
    row("three words, capitals", QStringLiteral("Tangerine Elbow Quartz"), {});
    row("three words run together", QStringLiteral("purplemonkeydishwasher"), {});
    row("exactly 12 characters", QStringLiteral("fjord$wax-qb"), {});
    row("12 unpatterned digits", QStringLiteral("839274659201"), {});
    row("non-ASCII", QStringLiteral("\u00c7a roule, mon chou-fleur"), {});
    row("emoji count as one character", QStringLiteral("\U0001F422 violin \U0001F34B glacier"), {});
    row("a listed word among random ones", QStringLiteral("password 8472 9183 7730"), {});
    row("256 characters", longPassphrase(256), {});

    // Length
    row("empty", QString(), {shortP});
    row("five characters", QStringLiteral("xkcd!"), {shortP});
    row("11 characters", QStringLiteral("fjord$wax-q"), {shortP});
    row("spaces do not count", QStringLiteral("  fjord    wax  "), {shortP});
    row("only spaces", QString(12, QLatin1Char(' ')), {shortP});
    row("11 emoji (22 UTF-16 units)", QStringLiteral("\U0001F422").repeated(11), {shortP, repeated});
    row("257 characters", longPassphrase(257), {longP});

    // Repetition
    row("one character", QStringLiteral("aaaaaaaaaaaa"), {repeated});
    row("one symbol", QStringLiteral("!!!!!!!!!!!!!"), {repeated});
    row("short unit", QStringLiteral("nhsnhsnhsnhs"), {repeated});
    row("short unit, cut short", QStringLiteral("abcabcabcabcab"), {repeated});
    row("one word twice", QStringLiteral("passwordpassword"), {repeated});
    row("words with spaces", QStringLiteral("blue sky blue sky blue sky"), {repeated});

    // Sequences
    row("alphabet", QStringLiteral("abcdefghijkl"), {sequence});
    row("alphabet backwards, capitals", QStringLiteral("ZYXWVUTSRQPO"), {sequence});
    row("digits wrapping", QStringLiteral("123456789012"), {sequence});
    row("digits backwards", QStringLiteral("098765432109"), {sequence});
    row("keyboard row", QStringLiteral("qwertyuiopas"), {sequence});
    row("keyboard row backwards", QStringLiteral("lkjhgfdsapoiu"), {sequence});
    row("keyboard columns", QStringLiteral("1qaz2wsx3edc"), {sequence});
    row("two runs", QStringLiteral("aaaaaa123456"), {sequence});
    row("separated", QStringLiteral("a-b-c-d-e-f-g-h"), {sequence});

    // Well known
    row("password1234", QStringLiteral("password1234"), {common});
    row("Password1234", QStringLiteral("Password1234"), {common});
    row("password with a year", QStringLiteral("PASSWORD-2024!"), {common});
    row("letmein and a sequence", QStringLiteral("letmein123456"), {common});
    row("I love you!!!!", QStringLiteral("I love you!!!!"), {common});
    row("correct horse", QStringLiteral("correct horse battery staple"), {common});
    row("NCSC example", QStringLiteral("Coffee Train Fish"), {common});
    row("the rules' own example", QStringLiteral("lamp river biscuit"), {common});

    // Several problems at once
    row("iloveyou", QStringLiteral("iloveyou"), {shortP, common});
    row("qwertyuiop", QStringLiteral("qwertyuiop"), {shortP, sequence, common});
    row("nhsnhsnhs", QStringLiteral("nhsnhsnhs"), {shortP, repeated, common});
    row("abc def", QStringLiteral("  abc def  "), {shortP, sequence});
}

void TestPassphrasePolicy::problems()
{
    QFETCH(QString, passphrase);
    QFETCH(QStringList, expected);
    const QStringList problems = PassphrasePolicy::problems(passphrase);
    QVERIFY2(problems.size() == expected.size(), qPrintable(problems.join(QStringLiteral(" | "))));
    for (qsizetype i = 0; i < expected.size(); ++i)
        QVERIFY2(problems[i].contains(expected[i]), qPrintable(problems[i]));
    for (const QString& problem : problems) {
        QVERIFY2(problem.endsWith(QLatin1Char('.')), qPrintable(problem));
        if (passphrase.size() >= 3)
            QVERIFY(!problem.contains(passphrase)); // never echoes the passphrase
    }
}

QTEST_GUILESS_MAIN(TestPassphrasePolicy)
#include "tst_passphrasepolicy.moc"
