#include "news2command.h"

#include "clinical/decimalvalue.h"
#include "clinical/news2.h"
#include "ctlcontext.h"

#include <QJsonObject>
#include <QLocale>

namespace vigil::app {

namespace {

using clinical::News2;
using Parameter = News2::Parameter;

constexpr std::array kParameters{Parameter::RespirationRate, Parameter::SpO2, Parameter::AirOrOxygen,
    Parameter::SystolicBp, Parameter::Pulse, Parameter::Consciousness, Parameter::Temperature};

QString valueText(Parameter p, const News2::Component& c)
{
    switch (p) {
    case Parameter::AirOrOxygen:
        return c.scaledValue != 0 ? QStringLiteral("oxygen") : QStringLiteral("air");
    case Parameter::Consciousness:
        return News2::acvpuLetter(static_cast<News2::Acvpu>(c.scaledValue));
    default:
        return clinical::DecimalValue::format(c.scaledValue, c.decimals);
    }
}

QJsonValue valueJson(Parameter p, const News2::Component& c)
{
    if (p == Parameter::AirOrOxygen || p == Parameter::Consciousness)
        return valueText(p, c);
    if (c.decimals == 0)
        return static_cast<qint64>(c.scaledValue);
    return valueText(p, c).toDouble();
}

} // namespace

int News2Command::run(const QStringList& arguments)
{
    CtlContext ctx(QStringLiteral("news2"));
    QCommandLineParser& p = ctx.parser();
    p.addOptions({
        {QStringLiteral("rr"), QStringLiteral("Respiration rate, /min."), QStringLiteral("N")},
        {QStringLiteral("spo2"), QStringLiteral("SpO2, %."), QStringLiteral("N")},
        {QStringLiteral("scale"), QStringLiteral("SpO2 scale: 1, or 2 for a prescribed target of 88-92 %."),
            QStringLiteral("1|2"), QStringLiteral("1")},
        {QStringLiteral("o2"), QStringLiteral("Air or supplemental oxygen."), QStringLiteral("air|oxygen")},
        {QStringLiteral("sbp"), QStringLiteral("Systolic blood pressure, mmHg."), QStringLiteral("N")},
        {QStringLiteral("hr"), QStringLiteral("Pulse, /min."), QStringLiteral("N")},
        {QStringLiteral("acvpu"), QStringLiteral("Consciousness: A, C (new confusion), V, P or U."),
            QStringLiteral("A|C|V|P|U")},
        {QStringLiteral("temp"), QStringLiteral("Temperature, °C."), QStringLiteral("X")},
    });
    if (!ctx.parse(arguments))
        return CtlContext::kUsage;

    News2::Input input;
    const auto number = [&](const QString& option, std::optional<double>& out) -> bool {
        if (!p.isSet(option))
            return true;
        const QString text = p.value(option).trimmed();
        // A plain decimal number (no exponent, no "nan"), read exactly.
        if (!clinical::DecimalValue::parseScaled(text, 3)) {
            ctx.fail(QStringLiteral("--%1: \"%2\" is not a decimal number").arg(option, text), CtlContext::kUsage);
            return false;
        }
        out = QLocale::c().toDouble(text);
        return true;
    };
    if (!number(QStringLiteral("rr"), input.respirationRate) || !number(QStringLiteral("spo2"), input.spo2)
        || !number(QStringLiteral("sbp"), input.systolicBp) || !number(QStringLiteral("hr"), input.pulse)
        || !number(QStringLiteral("temp"), input.temperature))
        return CtlContext::kUsage;
    const QString scale = p.value(QStringLiteral("scale"));
    if (scale != QLatin1String("1") && scale != QLatin1String("2"))
        return ctx.fail(QStringLiteral("--scale must be 1 or 2"), CtlContext::kUsage);
    input.scale = scale == QLatin1String("2") ? News2::Scale::Two : News2::Scale::One;
    if (p.isSet(QStringLiteral("o2"))) {
        const QString o2 = p.value(QStringLiteral("o2")).toLower();
        if (o2 != QLatin1String("air") && o2 != QLatin1String("oxygen") && o2 != QLatin1String("o2"))
            return ctx.fail(QStringLiteral("--o2 must be air or oxygen"), CtlContext::kUsage);
        input.onOxygen = o2 != QLatin1String("air");
    }
    if (p.isSet(QStringLiteral("acvpu"))) {
        input.consciousness = News2::acvpuFromLetter(p.value(QStringLiteral("acvpu")).trimmed());
        if (!input.consciousness)
            return ctx.fail(QStringLiteral("--acvpu must be one of A, C, V, P, U"), CtlContext::kUsage);
    }

    QString error;
    const auto result = News2::score(input, &error);
    if (!result)
        return ctx.fail(error, CtlContext::kUsage);

    QJsonObject components;
    QString table;
    for (Parameter param : kParameters) {
        const News2::Component& c = result->component(param);
        const bool known = c.measured && c.minScore == c.maxScore;
        QJsonObject o{{QStringLiteral("value"), c.measured ? valueJson(param, c) : QJsonValue()},
            {QStringLiteral("score"), known ? QJsonValue(c.score) : QJsonValue()}};
        if (!known) {
            o.insert(QStringLiteral("min"), c.minScore);
            o.insert(QStringLiteral("max"), c.maxScore);
        }
        components.insert(News2::key(param), o);
        const QString value = c.measured ? valueText(param, c) : QStringLiteral("not measured");
        const QString score =
            known ? QString::number(c.score) : QStringLiteral("%1-%2").arg(c.minScore).arg(c.maxScore);
        table += QStringLiteral("  %1 %2 %3\n").arg(News2::displayName(param), -24).arg(value, -13).arg(score);
    }
    const QJsonObject object{{QStringLiteral("total"), result->complete ? QJsonValue(result->total) : QJsonValue()},
        {QStringLiteral("band"), result->band ? QJsonValue(News2::bandKey(*result->band)) : QJsonValue()},
        {QStringLiteral("red_score"), result->redScore}, {QStringLiteral("complete"), result->complete},
        {QStringLiteral("min_total"), result->minTotal}, {QStringLiteral("max_total"), result->maxTotal},
        {QStringLiteral("scale"), input.scale == News2::Scale::Two ? 2 : 1},
        {QStringLiteral("response"), News2::response(*result)},
        {QStringLiteral("monitoring"), News2::monitoring(*result)}, {QStringLiteral("components"), components}};
    QString text;
    if (result->complete) {
        text = QStringLiteral("NEWS2 %1 (%2 risk%3)\n")
                   .arg(result->total)
                   .arg(News2::bandName(*result->band).toLower(),
                       result->redScore ? QStringLiteral("; a score of 3 in a single parameter") : QString());
    } else {
        text = QStringLiteral("Incomplete observation set: not a NEWS2. Possible totals %1 to %2%3.\n")
                   .arg(result->minTotal)
                   .arg(result->maxTotal)
                   .arg(result->redScore ? QStringLiteral("; a score of 3 in a single parameter") : QString());
    }
    text += table;
    text += News2::response(*result);
    if (const QString m = News2::monitoring(*result); !m.isEmpty())
        text += QStringLiteral(" Monitoring: %1.").arg(m);
    return ctx.finish(object, text);
}

} // namespace vigil::app
