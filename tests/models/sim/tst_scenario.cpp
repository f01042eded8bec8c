#include "sim/scenario.h"

#include <QTest>

using namespace vigil::sim;

class TestScenario : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void names_data();
    void names();
    void unknownNames_data();
    void unknownNames();
    void listsEveryScenarioOnce();
};

void TestScenario::names_data()
{
    QTest::addColumn<int>("scenario");
    QTest::addColumn<QString>("name");
    QTest::newRow("stable") << int(Scenario::Stable) << QStringLiteral("stable");
    QTest::newRow("sepsis") << int(Scenario::Sepsis) << QStringLiteral("sepsis");
    QTest::newRow("af") << int(Scenario::AtrialFibrillation) << QStringLiteral("af");
    QTest::newRow("brady") << int(Scenario::Bradycardia) << QStringLiteral("brady");
    QTest::newRow("desat") << int(Scenario::Desaturation) << QStringLiteral("desat");
    QTest::newRow("leadoff") << int(Scenario::LeadOff) << QStringLiteral("leadoff");
    QTest::newRow("offline") << int(Scenario::DeviceOffline) << QStringLiteral("offline");
}

void TestScenario::names()
{
    QFETCH(int, scenario);
    QFETCH(QString, name);
    const auto s = static_cast<Scenario>(scenario);
    QCOMPARE(scenarioName(s), name);
    QCOMPARE(scenarioFromName(name), std::optional<Scenario>(s));
    QCOMPARE(scenarioFromName(name.toUpper()), std::optional<Scenario>(s));
    const QString padded = QStringLiteral(" ") + name + QStringLiteral("\n");
    QCOMPARE(scenarioFromName(padded), std::optional<Scenario>(s));
}

void TestScenario::unknownNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("empty") << QString();
    QTest::newRow("blank") << QStringLiteral("  ");
    QTest::newRow("misspelt") << QStringLiteral("stabel");
    QTest::newRow("prefix") << QStringLiteral("st");
    QTest::newRow("longer") << QStringLiteral("afib");
    QTest::newRow("enum name") << QStringLiteral("AtrialFibrillation");
}

void TestScenario::unknownNames()
{
    QFETCH(QString, name);
    QCOMPARE(scenarioFromName(name), std::nullopt);
}

void TestScenario::listsEveryScenarioOnce()
{
    const QStringList names = scenarioNames();
    QCOMPARE(names,
        QStringList({QStringLiteral("stable"), QStringLiteral("sepsis"), QStringLiteral("af"), QStringLiteral("brady"),
            QStringLiteral("desat"), QStringLiteral("leadoff"), QStringLiteral("offline")}));
    for (const QString& name : names)
        QVERIFY(scenarioFromName(name).has_value());
}

QTEST_GUILESS_MAIN(TestScenario)
#include "tst_scenario.moc"
