#include "core/nhsnumber.h"
#include "sim/demoidentities.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace vigil;
using namespace vigil::sim;

class TestDemoIdentities : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deterministic();
    void differentSeedsGiveDifferentPatients();
    void nhsNumbersAreValidTestNumbers_data();
    void nhsNumbersAreValidTestNumbers();
    void nhsNumbersAreUnique();
    void agesFitAVirtualWard_data();
    void agesFitAVirtualWard();
    void referenceDateMovesBirthDatesOnly();
    void ids_data();
    void ids();
    void namesLookVaried();
};

void TestDemoIdentities::deterministic()
{
    for (int index = 0; index < 64; ++index) {
        const core::PatientIdentity a = DemoIdentities::make(5, index);
        const core::PatientIdentity b = DemoIdentities::make(5, index);
        QCOMPARE(a.id, b.id);
        QCOMPARE(a.givenName, b.givenName);
        QCOMPARE(a.familyName, b.familyName);
        QCOMPARE(a.birthDate, b.birthDate);
        QCOMPARE(a.nhsNumber, b.nhsNumber);
    }
}

void TestDemoIdentities::differentSeedsGiveDifferentPatients()
{
    int differentNames = 0;
    int differentNumbers = 0;
    for (int index = 0; index < 32; ++index) {
        const core::PatientIdentity a = DemoIdentities::make(1, index);
        const core::PatientIdentity b = DemoIdentities::make(2, index);
        QCOMPARE(a.id, b.id); // the id is the slot, not the person
        differentNames += a.displayName() != b.displayName() ? 1 : 0;
        differentNumbers += a.nhsNumber != b.nhsNumber ? 1 : 0;
    }
    QVERIFY(differentNames > 24);
    QCOMPARE(differentNumbers, 32);
}

void TestDemoIdentities::nhsNumbersAreValidTestNumbers_data()
{
    QTest::addColumn<quint64>("seed");
    QTest::newRow("seed 0") << quint64(0);
    QTest::newRow("seed 1") << quint64(1);
    QTest::newRow("seed 42") << quint64(42);
    QTest::newRow("seed max") << ~quint64(0);
}

void TestDemoIdentities::nhsNumbersAreValidTestNumbers()
{
    QFETCH(quint64, seed);
    const QRegularExpression tenDigits(QStringLiteral("^999\\d{7}$"));
    for (int index = 0; index < 256; ++index) {
        const QString number = DemoIdentities::make(seed, index).nhsNumber;
        QVERIFY2(tenDigits.match(number).hasMatch(), qPrintable(number));
        QVERIFY2(core::NhsNumber::isValid(number), qPrintable(number));
    }
}

void TestDemoIdentities::nhsNumbersAreUnique()
{
    for (const quint64 seed : {quint64(0), quint64(7), quint64(123456789)}) {
        QSet<QString> numbers;
        for (int index = 0; index < 4096; ++index)
            numbers.insert(DemoIdentities::make(seed, index).nhsNumber);
        QCOMPARE(numbers.size(), 4096);
    }
}

void TestDemoIdentities::agesFitAVirtualWard_data()
{
    QTest::addColumn<quint64>("seed");
    QTest::newRow("seed 3") << quint64(3);
    QTest::newRow("seed 1000") << quint64(1000);
}

void TestDemoIdentities::agesFitAVirtualWard()
{
    QFETCH(quint64, seed);
    const QDate reference = DemoIdentities::defaultReferenceDate();
    int youngest = 200;
    int oldest = 0;
    double total = 0;
    constexpr int kCount = 256;
    for (int index = 0; index < kCount; ++index) {
        const core::PatientIdentity identity = DemoIdentities::make(seed, index);
        QVERIFY(identity.birthDate.isValid());
        const int age = identity.ageOn(reference);
        QVERIFY2(
            age >= DemoIdentities::kMinimumAge && age <= DemoIdentities::kMaximumAge, qPrintable(QString::number(age)));
        youngest = std::min(youngest, age);
        oldest = std::max(oldest, age);
        total += age;
    }
    QVERIFY(youngest <= 55); // a spread, not one age
    QVERIFY(oldest >= 85);
    const double meanAge = total / kCount;
    QVERIFY(meanAge > 62 && meanAge < 78);
}

void TestDemoIdentities::referenceDateMovesBirthDatesOnly()
{
    const QDate later(2040, 2, 29);
    for (int index = 0; index < 64; ++index) {
        const core::PatientIdentity a = DemoIdentities::make(9, index);
        const core::PatientIdentity b = DemoIdentities::make(9, index, later);
        QCOMPARE(b.displayName(), a.displayName());
        QCOMPARE(b.nhsNumber, a.nhsNumber);
        QCOMPARE(b.ageOn(later), a.ageOn(DemoIdentities::defaultReferenceDate()));
    }
}

void TestDemoIdentities::ids_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("id");
    QTest::newRow("0") << 0 << QStringLiteral("demo-000");
    QTest::newRow("7") << 7 << QStringLiteral("demo-007");
    QTest::newRow("42") << 42 << QStringLiteral("demo-042");
    QTest::newRow("999") << 999 << QStringLiteral("demo-999");
    QTest::newRow("1000") << 1000 << QStringLiteral("demo-1000");
}

void TestDemoIdentities::ids()
{
    QFETCH(int, index);
    QFETCH(QString, id);
    QCOMPARE(DemoIdentities::make(11, index).id, id);
}

void TestDemoIdentities::namesLookVaried()
{
    QSet<QString> given;
    QSet<QString> family;
    QSet<QString> full;
    for (int index = 0; index < 256; ++index) {
        const core::PatientIdentity identity = DemoIdentities::make(4, index);
        QVERIFY(!identity.givenName.isEmpty());
        QVERIFY(!identity.familyName.isEmpty());
        QVERIFY(!identity.givenName.contains(QLatin1Char(' ')));
        given.insert(identity.givenName);
        family.insert(identity.familyName);
        full.insert(identity.displayName());
    }
    QVERIFY2(given.size() >= 40, qPrintable(QString::number(given.size())));
    QVERIFY2(family.size() >= 40, qPrintable(QString::number(family.size())));
    QVERIFY(full.size() >= 230); // a few namesakes are fine, a ward of them is not
}

QTEST_GUILESS_MAIN(TestDemoIdentities)
#include "tst_demoidentities.moc"
