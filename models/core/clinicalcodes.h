#pragma once

#include "streamkind.h"
#include "vitalsigns.h"

#include <QString>

#include <optional>

namespace vigil::core {

// The code tables of CLINICAL.md ("Codes"): which LOINC and IEEE 11073 MDC codes Vigil understands,
// and the units it converts from. Decoders (FHIR, HL7 v2) map on the numeric code, never on the
// mnemonic or display text.
class ClinicalCodes final
{
public:
    static constexpr const char* kLoincSystem = "http://loinc.org";
    static constexpr const char* kMdcSystem = "urn:iso:std:iso:11073:10101";
    static constexpr const char* kMdcOidSystem = "urn:oid:2.16.840.1.113883.6.24"; // the older URI for MDC
    // MDC_ATTR_VAL_BATT_CHARGE: a device's battery charge in % (device status reports).
    static constexpr int kMdcBatteryCharge = 67996;

    // LOINC vital-sign codes: 8867-4 HR, 9279-1 RR, 2708-6 and 59408-5 SpO2, 8310-5 temperature,
    // 8480-6 / 8462-4 systolic / diastolic. The panels (85353-1, 85354-9) are not readings: nullopt.
    [[nodiscard]] static std::optional<VitalKind> vitalFromLoinc(const QString& code);
    // MDC numeric codes: 147842 ECG heart rate and 149530 / 149522 pulse rate → HeartRate, 150456
    // SpO2, 151562 respiration rate, 150344 and 188424 (oral) temperature, 150021 / 150022 NIBP
    // systolic / diastolic (and 150033 / 150034 arterial).
    [[nodiscard]] static std::optional<VitalKind> vitalFromMdc(int code);
    // MDC waveform codes: 131330 ECG lead II → Ecg (leads I 131329 and III 131389 too, as Ecg),
    // 150452 pleth → Pleth, 151780 respiration wave → Resp.
    [[nodiscard]] static std::optional<StreamKind> streamFromMdc(int code);
    // True for a system URI that means MDC (either spelling).
    [[nodiscard]] static bool isMdcSystem(const QString& system);

    // Converts value from `unit` (UCUM, or the MDC unit mnemonics HL7 v2 devices send, e.g.
    // "MDC_DIM_FAHR", "[degF]", "Cel", "mm[Hg]", "kPa", "{beat}/min", "/min", "%") into the kind's
    // canonical unit (core::vitalUnit). nullopt when the unit is unknown or does not fit the kind.
    // An empty unit is accepted as the canonical one.
    [[nodiscard]] static std::optional<double> toCanonical(VitalKind kind, double value, const QString& unit);
    // A duration in `unit` (UCUM "s", "ms", "us"; MDC_DIM_SEC, MDC_DIM_MILLI_SEC, MDC_DIM_MICRO_SEC) in
    // microseconds, e.g. a waveform's sample period (MDC_ATTR_TIME_PD_SAMP). nullopt for other units.
    [[nodiscard]] static std::optional<double> durationToMicroseconds(double value, const QString& unit);
    // A rate in `unit` (UCUM "Hz", "/s"; MDC_DIM_HZ, MDC_DIM_PER_SEC) in hertz, e.g. a waveform's
    // sample rate (MDC_ATTR_SAMP_RATE). nullopt for other units.
    [[nodiscard]] static std::optional<double> frequencyToHertz(double value, const QString& unit);
};

} // namespace vigil::core
