#pragma once

#include <QCoreApplication>
#include <QString>

#include <array>
#include <optional>

namespace vigil::clinical {

// NEWS2 (Royal College of Physicians, 2017), exactly as CLINICAL.md gives it:
// - each parameter is rounded once, half-up in decimal (temperature to 0.1 °C, the others to whole
//   numbers; DecimalValue), then scored against the printed chart; never a binary comparison;
// - SpO2 on Scale 1, or on Scale 2 (only for a prescribed target of 88-92 %; the caller records who
//   set it and why); on Scale 2 an SpO2 of 93 % or more scores 0 on air and 1-3 on oxygen; the +2 for
//   supplemental oxygen is its own parameter on both scales;
// - consciousness is ACVPU: anything but Alert (new confusion included) scores 3;
// - the aggregate is the sum; a 3 in any single parameter (the "red score") is its own flag;
// - a set with a parameter missing is not a NEWS2: it is incomplete, with no total and no band,
//   only the range of totals the missing parameters allow (minTotal..maxTotal; SpO2 on Scale 2 and
//   air/oxygen are taken together, as one depends on the other).
// Bands (RCP chart 3): High for >= 7, Medium for 5-6, LowMedium for a red score with a total <= 4,
// Low otherwise. Response and monitoring (RCP chart 4) follow the band; a total of 0 is routine.
class News2 final
{
    Q_DECLARE_TR_FUNCTIONS(vigil::clinical::News2)
public:
    enum class Parameter {
        RespirationRate,
        SpO2,
        AirOrOxygen,
        SystolicBp,
        Pulse,
        Consciousness,
        Temperature,
    };
    static constexpr int kParameterCount = 7;

    enum class Acvpu {
        Alert,
        NewConfusion,
        Voice,
        Pain,
        Unresponsive,
    };
    enum class Scale {
        One,
        Two,
    };
    enum class Band {
        Low,
        LowMedium,
        Medium,
        High,
    };

    // One observation set; nullopt is an unmeasured parameter.
    struct Input
    {
        std::optional<double> respirationRate; // /min
        std::optional<double> spo2; // %
        std::optional<bool> onOxygen; // supplemental oxygen (false: air)
        std::optional<double> systolicBp; // mmHg
        std::optional<double> pulse; // /min
        std::optional<Acvpu> consciousness;
        std::optional<double> temperature; // °C
        Scale scale = Scale::One;
    };

    struct Component
    {
        bool measured = false;
        int score = 0; // when measured
        int minScore = 0; // the range a missing parameter allows (score, score when measured)
        int maxScore = 0;
        qint64 scaledValue = 0; // the rounded reading, scaled (see decimals); when measured
        int decimals = 0;
    };

    struct Result
    {
        std::array<Component, kParameterCount> components;
        bool complete = false;
        int total = 0; // only meaningful when complete
        int minTotal = 0;
        int maxTotal = 0;
        bool redScore = false; // a measured parameter scored 3 (known even when incomplete)
        std::optional<Band> band; // when complete

        [[nodiscard]] const Component& component(Parameter p) const { return components[static_cast<std::size_t>(p)]; }
    };

    // The physiological range a reading must be in to be scored (inclusive); outside it is most
    // likely an entry or device error.
    struct Range
    {
        double low;
        double high;
    };
    [[nodiscard]] static Range validRange(Parameter p);

    // Scores `input`; nullopt with *error (English, names the parameter and the range) when a
    // reading is not a number or outside validRange().
    [[nodiscard]] static std::optional<Result> score(const Input& input, QString* error = nullptr);

    // Each parameter's score for a rounded, scaled reading (see Component::decimals).
    [[nodiscard]] static int respirationScore(qint64 perMinute);
    [[nodiscard]] static int spo2Score(qint64 percent, Scale scale, bool onOxygen);
    [[nodiscard]] static int oxygenScore(bool onOxygen) { return onOxygen ? 2 : 0; }
    [[nodiscard]] static int systolicScore(qint64 mmHg);
    [[nodiscard]] static int pulseScore(qint64 perMinute);
    [[nodiscard]] static int consciousnessScore(Acvpu acvpu) { return acvpu == Acvpu::Alert ? 0 : 3; }
    [[nodiscard]] static int temperatureScore(qint64 tenthsCelsius);

    [[nodiscard]] static int decimalsOf(Parameter p) { return p == Parameter::Temperature ? 1 : 0; }
    // Machine names ("rr", "spo2", "o2", "sbp", "hr", "acvpu", "temp": vigilctl's options) and
    // translated display names.
    [[nodiscard]] static QString key(Parameter p);
    [[nodiscard]] static QString displayName(Parameter p);
    [[nodiscard]] static QString bandKey(Band band); // "low", "low-medium", "medium", "high"
    [[nodiscard]] static QString bandName(Band band);
    [[nodiscard]] static QString acvpuLetter(Acvpu acvpu); // "A", "C", "V", "P", "U"
    [[nodiscard]] static std::optional<Acvpu> acvpuFromLetter(QStringView letter);
    // RCP chart 4 for a complete result: the clinical response and the minimum monitoring frequency.
    [[nodiscard]] static QString response(const Result& result);
    [[nodiscard]] static QString monitoring(const Result& result);
};

} // namespace vigil::clinical
