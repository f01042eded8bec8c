#include "clinicalcodes.h"

namespace vigil::core {

std::optional<VitalKind> ClinicalCodes::vitalFromLoinc(const QString& code)
{
    const QString c = code.trimmed();
    if (c == QLatin1String("8867-4"))
        return VitalKind::HeartRate;
    if (c == QLatin1String("9279-1"))
        return VitalKind::RespRate;
    if (c == QLatin1String("2708-6") || c == QLatin1String("59408-5"))
        return VitalKind::SpO2;
    if (c == QLatin1String("8310-5"))
        return VitalKind::Temperature;
    if (c == QLatin1String("8480-6"))
        return VitalKind::SystolicBp;
    if (c == QLatin1String("8462-4"))
        return VitalKind::DiastolicBp;
    return std::nullopt;
}

std::optional<VitalKind> ClinicalCodes::vitalFromMdc(int code)
{
    switch (code) {
    case 147842: // MDC_ECG_HEART_RATE
    case 149530: // MDC_PULS_OXIM_PULS_RATE
    case 149522: // MDC_BLD_PULS_RATE_INV
    case 149546: // MDC_PULS_RATE_NON_INV
        return VitalKind::HeartRate;
    case 150456: // MDC_PULS_OXIM_SAT_O2
        return VitalKind::SpO2;
    case 151562: // MDC_RESP_RATE
    case 151554: // MDC_CO2_RESP_RATE
        return VitalKind::RespRate;
    case 150344: // MDC_TEMP
    case 188424: // MDC_TEMP_ORAL
    case 188500: // MDC_TEMP_TYMP
    case 150364: // MDC_TEMP_BODY
        return VitalKind::Temperature;
    case 150021: // MDC_PRESS_BLD_NONINV_SYS
    case 150033: // MDC_PRESS_BLD_ART_SYS
        return VitalKind::SystolicBp;
    case 150022: // MDC_PRESS_BLD_NONINV_DIA
    case 150034: // MDC_PRESS_BLD_ART_DIA
        return VitalKind::DiastolicBp;
    default:
        return std::nullopt;
    }
}

std::optional<StreamKind> ClinicalCodes::streamFromMdc(int code)
{
    switch (code) {
    case 131329: // MDC_ECG_ELEC_POTL_I
    case 131330: // MDC_ECG_ELEC_POTL_II
    case 131389: // MDC_ECG_ELEC_POTL_III
        return StreamKind::Ecg;
    case 150452: // MDC_PULS_OXIM_PLETH
        return StreamKind::Pleth;
    case 151780: // MDC_IMPED_TTHOR (respiration wave)
        return StreamKind::Resp;
    default:
        return std::nullopt;
    }
}

bool ClinicalCodes::isMdcSystem(const QString& system)
{
    return system == QLatin1String(kMdcSystem) || system == QLatin1String(kMdcOidSystem);
}

std::optional<double> ClinicalCodes::toCanonical(VitalKind kind, double value, const QString& unit)
{
    const QString u = unit.trimmed();
    const auto is = [&u](std::initializer_list<const char*> names) {
        for (const char* name : names) {
            if (u.compare(QString::fromUtf8(name), Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    };
    if (u.isEmpty())
        return value;
    switch (kind) {
    case VitalKind::HeartRate:
    case VitalKind::RespRate:
        if (is({"/min", "1/min", "{beat}/min", "{beats}/min", "{breath}/min", "{breaths}/min", "{Breaths}/min", "bpm",
                "min-1", "MDC_DIM_BEAT_PER_MIN", "MDC_DIM_RESP_PER_MIN", "MDC_DIM_PER_MIN",
                // Human-readable Quantity.unit texts (FHIR examples: "beats/minute", "breaths/minute")
                "beats/minute", "breaths/minute", "beats/min", "breaths/min"}))
            return value;
        if (is({"/s", "1/s", "Hz"}))
            return value * 60.0;
        return std::nullopt;
    case VitalKind::SpO2:
        if (is({"%", "MDC_DIM_PERCENT", "%{HemoglobinSaturation}"}))
            return value;
        if (is({"1", "{ratio}"}) && value >= 0 && value <= 1)
            return value * 100.0;
        return std::nullopt;
    case VitalKind::SystolicBp:
    case VitalKind::DiastolicBp:
        if (is({"mm[Hg]", "mmHg", "MDC_DIM_MMHG"}))
            return value;
        if (is({"kPa", "MDC_DIM_KILO_PASCAL"}))
            return value * 7.500615758; // 1 kPa = 7.500615758 mmHg
        return std::nullopt;
    case VitalKind::Temperature:
        if (is({"Cel", "\u00B0C", "degC", "C", "MDC_DIM_DEGC"}))
            return value;
        if (is({"[degF]", "\u00B0F", "degF", "F", "MDC_DIM_FAHR"}))
            return (value - 32.0) * 5.0 / 9.0;
        if (is({"K", "MDC_DIM_KELVIN"}))
            return value - 273.15;
        return std::nullopt;
    }
    return std::nullopt;
}

std::optional<double> ClinicalCodes::durationToMicroseconds(double value, const QString& unit)
{
    const QString u = unit.trimmed();
    if (u == QLatin1String("s") || u == QLatin1String("MDC_DIM_SEC"))
        return value * 1e6;
    if (u == QLatin1String("ms") || u == QLatin1String("MDC_DIM_MILLI_SEC"))
        return value * 1e3;
    if (u == QLatin1String("us") || u == QLatin1String("MDC_DIM_MICRO_SEC"))
        return value;
    return std::nullopt;
}

std::optional<double> ClinicalCodes::frequencyToHertz(double value, const QString& unit)
{
    const QString u = unit.trimmed();
    if (u == QLatin1String("Hz") || u == QLatin1String("/s") || u == QLatin1String("1/s")
        || u == QLatin1String("MDC_DIM_HZ") || u == QLatin1String("MDC_DIM_PER_SEC"))
        return value;
    if (u == QLatin1String("kHz") || u == QLatin1String("MDC_DIM_KILO_HZ"))
        return value * 1e3;
    return std::nullopt;
}

} // namespace vigil::core
