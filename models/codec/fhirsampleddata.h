#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringView>

#include <optional>
#include <utility>
#include <vector>

namespace vigil::codec {

// The FHIR R4 SampledData data type (pinned to R4: R5 renamed and changed it), read into digital
// samples with an exact linear calibration: physical = origin + factor × digital, in `unit`.
//
// R4 fields: origin (Quantity, value required), period (ms between samples, decimal > 0), factor
// (decimal, default 1), lowerLimit / upperLimit (decimals), dimensions (positive integer: samples per
// time point, interleaved), data (tokens separated by spaces: a decimal, or "E" error, "L" below
// lowerLimit, "U" above upperLimit; the three markers become WaveCodec::kInvalid).
//
// Decimal tokens: Vigil keeps samples as int32. When some token has a fraction, every token is
// multiplied by the smallest power of ten 10^k (k <= kMaxDecimalPlaces) that makes all of them
// integers, and factor is divided by 10^k, so the physical values are unchanged. The scaling is done
// in integer arithmetic on the decimal text, never through binary floating point. A token that still
// needs more places, or whose scaled value does not fit in int32 (kInvalid excluded), fails the whole
// SampledData.
//
// Bounded work: data longer than kMaxDataChars characters or with more than kMaxSamples tokens fails
// before any sample is kept. Thread-safe (no state); the input is untrusted.
class FhirSampledData final
{
    Q_DECLARE_TR_FUNCTIONS(vigil::codec::FhirSampledData)
public:
    static constexpr qsizetype kMaxDataChars = qsizetype(8) << 20; // 8 MiB
    static constexpr qsizetype kMaxSamples = 1'000'000; // all dimensions together
    static constexpr int kMaxDimensions = 256;
    static constexpr int kMaxDecimalPlaces = 6;
    static constexpr double kMaxPeriodMs = 3'600'000.0; // one sample an hour

    double origin = 0;
    QString unit; // origin.code, else origin.unit (UCUM or an MDC mnemonic, as received)
    double periodMs = 0;
    double factor = 1; // as sent, divided by 10^decimalPlaces
    std::optional<double> lowerLimit;
    std::optional<double> upperLimit;
    int dimensions = 1;
    int decimalPlaces = 0; // k: the data tokens were multiplied by 10^k
    // One sample vector per dimension, de-interleaved (all the same length).
    std::vector<std::vector<qint32>> channels;

    // Reads a valueSampledData object. nullopt with *error (one sentence, quoting nothing from the
    // input) when it is not usable.
    [[nodiscard]] static std::optional<FhirSampledData> fromJson(
        const QJsonObject& sampledData, QString* error = nullptr);

    // The origin and factor that express a stored calibration (digital = physical × gain + baseline,
    // store::StreamDescriptor) such that the reader's conversion back, gain = 1 / factor and
    // baseline = -origin / factor, gives `gain` and `baseline` exactly wherever a double allows it
    // (the plain 1 / gain does not always: 1 / (1 / 49) is not 49). For writers of SampledData and
    // for importers that hand a file's calibration on as origin and factor.
    [[nodiscard]] static std::pair<double, double> originAndFactor(double gain, double baseline);
    // The period in ms for `rateHz` such that 1000 / period gives `rateHz` back exactly wherever a
    // double allows it.
    [[nodiscard]] static double periodMsFor(double rateHz);

    // Reads the data tokens into `dimensions` de-interleaved channels and returns the decimal places
    // k they were scaled by; nullopt with *error on failure (channels is then empty). No samples at
    // all is a failure too, as is a token count that is not a multiple of `dimensions`.
    [[nodiscard]] static std::optional<int> parseData(
        QStringView data, int dimensions, std::vector<std::vector<qint32>>& channels, QString* error = nullptr);
};

} // namespace vigil::codec
