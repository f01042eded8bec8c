#include "sbarprefill.h"

#include "decimalvalue.h"

#include <array>
#include <cmath>

namespace vigil::clinical {

namespace {

using Parameter = News2::Parameter;

constexpr std::array kParameters{Parameter::RespirationRate, Parameter::SpO2, Parameter::AirOrOxygen,
    Parameter::SystolicBp, Parameter::Pulse, Parameter::Consciousness, Parameter::Temperature};

QString parameterUnit(Parameter p)
{
    switch (p) {
    case Parameter::RespirationRate:
    case Parameter::Pulse:
        return QStringLiteral("/min");
    case Parameter::SpO2:
        return QStringLiteral("%");
    case Parameter::SystolicBp:
        return QStringLiteral("mmHg");
    case Parameter::Temperature:
        return QStringLiteral("\u00B0C");
    case Parameter::AirOrOxygen:
    case Parameter::Consciousness:
        break;
    }
    return {};
}

int vitalDecimals(core::VitalKind kind)
{
    return kind == core::VitalKind::Temperature ? 1 : 0;
}

QString formatVital(core::VitalKind kind, double value)
{
    const int decimals = vitalDecimals(kind);
    const std::optional<qint64> scaled = DecimalValue::roundScaled(value, decimals);
    return scaled ? DecimalValue::format(*scaled, decimals) : QString::number(value);
}

} // namespace

QString SbarPrefill::age(core::Timestamp ageUs)
{
    const qint64 seconds = std::max<qint64>(0, ageUs / core::kMicrosPerSecond);
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return tr("%1 min").arg(minutes);
    const qint64 hours = minutes / 60;
    if (hours < 24)
        return minutes % 60 == 0 ? tr("%1 h").arg(hours) : tr("%1 h %2 min").arg(hours).arg(minutes % 60);
    const qint64 days = hours / 24;
    return hours % 24 == 0 ? tr("%1 d").arg(days) : tr("%1 d %2 h").arg(days).arg(hours % 24);
}

Sbar SbarPrefill::build(const Input& input)
{
    Sbar sbar;

    // Situation.
    QStringList situation;
    if (input.news2) {
        const News2::Result& r = *input.news2;
        if (r.complete && r.band) {
            situation << tr("NEWS2 %1 (%2 risk).").arg(r.total).arg(News2::bandName(*r.band).toLower());
        } else {
            QStringList missing;
            for (const Parameter p : kParameters) {
                if (!r.component(p).measured)
                    missing << News2::displayName(p);
            }
            situation << tr("NEWS2 incomplete (not measured: %1); the total could be %2 to %3.")
                             .arg(missing.join(QStringLiteral(", ")))
                             .arg(r.minTotal)
                             .arg(r.maxTotal);
        }
        QStringList threes;
        for (const Parameter p : kParameters) {
            if (r.component(p).measured && r.component(p).score == 3)
                threes << News2::displayName(p);
        }
        if (!threes.isEmpty())
            situation << tr("A single parameter scores 3: %1.").arg(threes.join(QStringLiteral(", ")));
    } else {
        situation << tr("No NEWS2 score is available.");
    }
    if (input.activeAlarms.isEmpty())
        situation << tr("No active alarms.");
    else
        situation << tr("Active alarms: %1.").arg(input.activeAlarms.join(QStringLiteral("; ")));
    sbar.situation = situation.join(QLatin1Char(' '));

    // Background.
    QStringList readings;
    const auto when = [&](core::Timestamp t) {
        const core::Timestamp ageUs = input.now - t;
        return ageUs > input.staleAfterUs ? tr("%1 ago, not recent").arg(age(ageUs)) : tr("%1 ago").arg(age(ageUs));
    };
    const auto reading = [&](core::VitalKind kind, const QString& name) {
        const core::Measurement& m = input.vitals[kind];
        if (m.isValid())
            readings << tr("%1 %2 %3 (%4)").arg(name, formatVital(kind, m.value), core::vitalUnit(kind), when(m.time));
    };
    reading(core::VitalKind::HeartRate, tr("heart rate"));
    reading(core::VitalKind::SpO2, tr("SpO₂"));
    reading(core::VitalKind::RespRate, tr("respiration rate"));
    const core::Measurement& sys = input.vitals[core::VitalKind::SystolicBp];
    const core::Measurement& dia = input.vitals[core::VitalKind::DiastolicBp];
    if (sys.isValid() && dia.isValid()) {
        readings << tr("blood pressure %1/%2 %3 (%4)")
                        .arg(formatVital(core::VitalKind::SystolicBp, sys.value),
                            formatVital(core::VitalKind::DiastolicBp, dia.value),
                            core::vitalUnit(core::VitalKind::SystolicBp), when(std::min(sys.time, dia.time)));
    } else {
        reading(core::VitalKind::SystolicBp, tr("systolic blood pressure"));
        reading(core::VitalKind::DiastolicBp, tr("diastolic blood pressure"));
    }
    reading(core::VitalKind::Temperature, tr("temperature"));
    sbar.background = readings.isEmpty()
        ? tr("Monitored remotely. No readings have been received.")
        : tr("Monitored remotely. Latest readings: %1.").arg(readings.join(QStringLiteral("; ")));

    // Assessment.
    if (input.news2) {
        QStringList parts;
        for (const Parameter p : kParameters) {
            const News2::Component& c = input.news2->component(p);
            QString value;
            if (!c.measured) {
                parts << tr("%1: not measured").arg(News2::displayName(p));
                continue;
            }
            if (p == Parameter::AirOrOxygen)
                value = c.scaledValue != 0 ? tr("oxygen") : tr("air");
            else if (p == Parameter::Consciousness)
                value = News2::acvpuLetter(static_cast<News2::Acvpu>(c.scaledValue));
            else
                value = DecimalValue::format(c.scaledValue, c.decimals) + QLatin1Char(' ') + parameterUnit(p);
            const QString score =
                c.minScore == c.maxScore ? QString::number(c.score) : tr("%1 to %2").arg(c.minScore).arg(c.maxScore);
            parts << tr("%1: %2, score %3").arg(News2::displayName(p), value, score);
        }
        sbar.assessment = tr("NEWS2 parameters: %1.").arg(parts.join(QStringLiteral("; ")));
    } else {
        sbar.assessment = tr("No NEWS2 score is available; assess the patient.");
    }

    // Recommendation.
    QStringList recommendation;
    if (input.level != EscalationLevel::None)
        recommendation << tr("Escalation to %1.").arg(escalationLevelName(input.level));
    if (input.news2) {
        recommendation << tr("NEWS2 response (RCP): %1").arg(News2::response(*input.news2));
        const QString monitoring = News2::monitoring(*input.news2);
        if (!monitoring.isEmpty())
            recommendation << tr("Monitoring: %1.").arg(monitoring);
    }
    sbar.recommendation =
        recommendation.isEmpty() ? tr("State the response requested.") : recommendation.join(QLatin1Char(' '));
    return sbar;
}

} // namespace vigil::clinical
