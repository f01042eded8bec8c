#include "news2.h"

#include "decimalvalue.h"

#include <cmath>

namespace vigil::clinical {

namespace {

using Parameter = News2::Parameter;

constexpr std::array kParameters{Parameter::RespirationRate, Parameter::SpO2, Parameter::AirOrOxygen,
    Parameter::SystolicBp, Parameter::Pulse, Parameter::Consciousness, Parameter::Temperature};

News2::Component missing()
{
    News2::Component c;
    c.minScore = 0;
    c.maxScore = 3;
    return c;
}

News2::Component measured(int score, qint64 scaled, int decimals)
{
    News2::Component c;
    c.measured = true;
    c.score = c.minScore = c.maxScore = score;
    c.scaledValue = scaled;
    c.decimals = decimals;
    return c;
}

} // namespace

News2::Range News2::validRange(Parameter p)
{
    switch (p) {
    case Parameter::RespirationRate:
        return {1, 80};
    case Parameter::SpO2:
        return {40, 100};
    case Parameter::SystolicBp:
        return {40, 300};
    case Parameter::Pulse:
        return {20, 300};
    case Parameter::Temperature:
        return {25.0, 45.0};
    case Parameter::AirOrOxygen:
    case Parameter::Consciousness:
        break;
    }
    return {0, 0};
}

int News2::respirationScore(qint64 r)
{
    if (r <= 8)
        return 3;
    if (r <= 11)
        return 1;
    if (r <= 20)
        return 0;
    if (r <= 24)
        return 2;
    return 3;
}

int News2::spo2Score(qint64 s, Scale scale, bool onOxygen)
{
    if (scale == Scale::One) {
        if (s <= 91)
            return 3;
        if (s <= 93)
            return 2;
        if (s <= 95)
            return 1;
        return 0;
    }
    if (s <= 83)
        return 3;
    if (s <= 85)
        return 2;
    if (s <= 87)
        return 1;
    if (s <= 92 || !onOxygen)
        return 0; // 88-92, or 93 and above on air
    if (s <= 94)
        return 1;
    if (s <= 96)
        return 2;
    return 3;
}

int News2::systolicScore(qint64 b)
{
    if (b <= 90)
        return 3;
    if (b <= 100)
        return 2;
    if (b <= 110)
        return 1;
    if (b <= 219)
        return 0;
    return 3;
}

int News2::pulseScore(qint64 p)
{
    if (p <= 40)
        return 3;
    if (p <= 50)
        return 1;
    if (p <= 90)
        return 0;
    if (p <= 110)
        return 1;
    if (p <= 130)
        return 2;
    return 3;
}

int News2::temperatureScore(qint64 t)
{
    if (t <= 350)
        return 3;
    if (t <= 360)
        return 1;
    if (t <= 380)
        return 0;
    if (t <= 390)
        return 1;
    return 2;
}

std::optional<News2::Result> News2::score(const Input& input, QString* error)
{
    const auto fail = [&](const QString& message) -> std::optional<Result> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    // Rounds and range-checks one numeric reading.
    const auto reading = [&](Parameter p, const std::optional<double>& value, std::optional<qint64>& scaled) -> bool {
        if (!value)
            return true;
        const Range range = validRange(p);
        scaled = DecimalValue::roundScaled(*value, decimalsOf(p));
        if (!scaled || !(*value >= range.low && *value <= range.high)) {
            fail(tr("%1 of %2 is outside the range Vigil scores (%3 to %4); check the reading.")
                     .arg(displayName(p), std::isfinite(*value) ? QString::number(*value) : tr("(not a number)"),
                         QString::number(range.low), QString::number(range.high)));
            return false;
        }
        return true;
    };
    std::optional<qint64> rr, spo2, sbp, hr, temp;
    if (!reading(Parameter::RespirationRate, input.respirationRate, rr) || !reading(Parameter::SpO2, input.spo2, spo2)
        || !reading(Parameter::SystolicBp, input.systolicBp, sbp) || !reading(Parameter::Pulse, input.pulse, hr)
        || !reading(Parameter::Temperature, input.temperature, temp))
        return std::nullopt;

    Result r;
    auto& c = r.components;
    const auto at = [&](Parameter p) -> Component& { return c[static_cast<std::size_t>(p)]; };
    at(Parameter::RespirationRate) = rr ? measured(respirationScore(*rr), *rr, 0) : missing();
    at(Parameter::SystolicBp) = sbp ? measured(systolicScore(*sbp), *sbp, 0) : missing();
    at(Parameter::Pulse) = hr ? measured(pulseScore(*hr), *hr, 0) : missing();
    at(Parameter::Temperature) = temp ? measured(temperatureScore(*temp), *temp, 1) : missing();
    at(Parameter::Consciousness) = input.consciousness
        ? measured(consciousnessScore(*input.consciousness), static_cast<qint64>(*input.consciousness), 0)
        : missing();
    at(Parameter::AirOrOxygen) = input.onOxygen ? measured(oxygenScore(*input.onOxygen), *input.onOxygen ? 1 : 0, 0)
                                                : Component{false, 0, 0, 2, 0, 0};
    if (spo2 && input.onOxygen) {
        at(Parameter::SpO2) = measured(spo2Score(*spo2, input.scale, *input.onOxygen), *spo2, 0);
    } else if (spo2) {
        // Oxygen unknown: the SpO2 score may depend on it (Scale 2).
        const int onAir = spo2Score(*spo2, input.scale, false);
        const int onO2 = spo2Score(*spo2, input.scale, true);
        Component s = measured(onAir, *spo2, 0);
        if (onAir != onO2) {
            s.measured = true; // the reading exists; its score waits for air/oxygen
            s.minScore = std::min(onAir, onO2);
            s.maxScore = std::max(onAir, onO2);
        }
        at(Parameter::SpO2) = s;
    } else {
        at(Parameter::SpO2) = missing();
    }

    r.complete = true;
    for (const Component& comp : c)
        r.complete = r.complete && comp.measured;
    // Totals: the independent parameters add up; SpO2 and air/oxygen are taken together over the
    // oxygen states still possible.
    int fixedMin = 0;
    int fixedMax = 0;
    for (Parameter p : kParameters) {
        if (p == Parameter::SpO2 || p == Parameter::AirOrOxygen)
            continue;
        fixedMin += at(p).minScore;
        fixedMax += at(p).maxScore;
        r.redScore = r.redScore || (at(p).measured && at(p).score == 3);
    }
    int pairMin = 99;
    int pairMax = -1;
    for (bool oxygen : {false, true}) {
        if (input.onOxygen && *input.onOxygen != oxygen)
            continue;
        const int spo2Min = spo2 ? spo2Score(*spo2, input.scale, oxygen) : 0;
        const int spo2Max = spo2 ? spo2Score(*spo2, input.scale, oxygen) : 3;
        pairMin = std::min(pairMin, spo2Min + oxygenScore(oxygen));
        pairMax = std::max(pairMax, spo2Max + oxygenScore(oxygen));
    }
    r.minTotal = fixedMin + pairMin;
    r.maxTotal = fixedMax + pairMax;
    // A measured SpO2 whose score is known whatever the oxygen (every score on Scale 1).
    const Component& s = at(Parameter::SpO2);
    r.redScore = r.redScore || (s.measured && s.minScore == 3);
    if (r.complete) {
        r.total = r.minTotal;
        Q_ASSERT(r.minTotal == r.maxTotal);
        if (r.total >= 7)
            r.band = Band::High;
        else if (r.total >= 5)
            r.band = Band::Medium;
        else if (r.redScore)
            r.band = Band::LowMedium;
        else
            r.band = Band::Low;
    }
    return r;
}

QString News2::key(Parameter p)
{
    switch (p) {
    case Parameter::RespirationRate:
        return QStringLiteral("rr");
    case Parameter::SpO2:
        return QStringLiteral("spo2");
    case Parameter::AirOrOxygen:
        return QStringLiteral("o2");
    case Parameter::SystolicBp:
        return QStringLiteral("sbp");
    case Parameter::Pulse:
        return QStringLiteral("hr");
    case Parameter::Consciousness:
        return QStringLiteral("acvpu");
    case Parameter::Temperature:
        return QStringLiteral("temp");
    }
    return {};
}

QString News2::displayName(Parameter p)
{
    switch (p) {
    case Parameter::RespirationRate:
        return tr("Respiration rate");
    case Parameter::SpO2:
        return tr("SpO₂");
    case Parameter::AirOrOxygen:
        return tr("Air or oxygen");
    case Parameter::SystolicBp:
        return tr("Systolic blood pressure");
    case Parameter::Pulse:
        return tr("Pulse");
    case Parameter::Consciousness:
        return tr("Consciousness");
    case Parameter::Temperature:
        return tr("Temperature");
    }
    return {};
}

QString News2::bandKey(Band band)
{
    switch (band) {
    case Band::Low:
        return QStringLiteral("low");
    case Band::LowMedium:
        return QStringLiteral("low-medium");
    case Band::Medium:
        return QStringLiteral("medium");
    case Band::High:
        return QStringLiteral("high");
    }
    return {};
}

QString News2::bandName(Band band)
{
    switch (band) {
    case Band::Low:
        return tr("Low");
    case Band::LowMedium:
        return tr("Low–medium");
    case Band::Medium:
        return tr("Medium");
    case Band::High:
        return tr("High");
    }
    return {};
}

QString News2::acvpuLetter(Acvpu acvpu)
{
    switch (acvpu) {
    case Acvpu::Alert:
        return QStringLiteral("A");
    case Acvpu::NewConfusion:
        return QStringLiteral("C");
    case Acvpu::Voice:
        return QStringLiteral("V");
    case Acvpu::Pain:
        return QStringLiteral("P");
    case Acvpu::Unresponsive:
        return QStringLiteral("U");
    }
    return {};
}

std::optional<News2::Acvpu> News2::acvpuFromLetter(QStringView letter)
{
    for (Acvpu a : {Acvpu::Alert, Acvpu::NewConfusion, Acvpu::Voice, Acvpu::Pain, Acvpu::Unresponsive}) {
        if (letter.compare(acvpuLetter(a), Qt::CaseInsensitive) == 0)
            return a;
    }
    return std::nullopt;
}

QString News2::response(const Result& result)
{
    if (!result.band)
        return tr("Incomplete observation set: not a NEWS2 score. Complete the observations.");
    if (result.total == 0)
        return tr("Routine monitoring.");
    switch (*result.band) {
    case Band::Low:
        return tr("A registered nurse assesses the patient and decides on the monitoring frequency or escalation.");
    case Band::LowMedium:
        return tr("Urgent review by a clinician (a score of 3 in a single parameter).");
    case Band::Medium:
        return tr("Urgent response: urgent assessment by a clinician with competence in acute illness.");
    case Band::High:
        return tr("Emergency response: emergency assessment; in the community consider transfer (999).");
    }
    return {};
}

QString News2::monitoring(const Result& result)
{
    if (!result.band)
        return QString();
    if (result.total == 0)
        return tr("At least every 12 hours");
    switch (*result.band) {
    case Band::Low:
        return tr("At least every 4–6 hours");
    case Band::LowMedium:
    case Band::Medium:
        return tr("At least hourly");
    case Band::High:
        return tr("Continuous monitoring of vital signs");
    }
    return {};
}

} // namespace vigil::clinical
