#include "scenario.h"

#include <array>

namespace vigil::sim {

namespace {

struct NamedScenario
{
    Scenario scenario = Scenario::Stable;
    QLatin1StringView name;
};

constexpr std::array<NamedScenario, 7> kScenarios{{
    {Scenario::Stable, QLatin1StringView("stable")},
    {Scenario::Sepsis, QLatin1StringView("sepsis")},
    {Scenario::AtrialFibrillation, QLatin1StringView("af")},
    {Scenario::Bradycardia, QLatin1StringView("brady")},
    {Scenario::Desaturation, QLatin1StringView("desat")},
    {Scenario::LeadOff, QLatin1StringView("leadoff")},
    {Scenario::DeviceOffline, QLatin1StringView("offline")},
}};

} // namespace

QString scenarioName(Scenario scenario)
{
    for (const NamedScenario& entry : kScenarios) {
        if (entry.scenario == scenario)
            return {entry.name};
    }
    return {};
}

std::optional<Scenario> scenarioFromName(QStringView name)
{
    const QStringView trimmed = name.trimmed();
    for (const NamedScenario& entry : kScenarios) {
        if (trimmed.compare(entry.name, Qt::CaseInsensitive) == 0)
            return entry.scenario;
    }
    return std::nullopt;
}

QStringList scenarioNames()
{
    QStringList names;
    names.reserve(static_cast<qsizetype>(kScenarios.size()));
    for (const NamedScenario& entry : kScenarios)
        names.append(QString(entry.name));
    return names;
}

} // namespace vigil::sim
