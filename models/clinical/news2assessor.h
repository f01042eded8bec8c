#pragma once

#include "core/timestamp.h"
#include "core/vitalsigns.h"
#include "news2.h"
#include "provenance.h"

#include <QCoreApplication>

#include <array>
#include <optional>

namespace vigil::clinical {

// NEWS2 for one patient from the readings Vigil has (issue 5 item 2): for each parameter the latest
// valid reading, whatever its provenance (device, derived, clinician, patient), if it is within the
// freshness window; older readings are not used (the set is then incomplete, and says which
// parameter is stale and how old it is). Consciousness can only come from a clinician (patients
// cannot self-assess it; devices do not measure it); air/oxygen from a clinician or the patient.
// The SpO2 scale is a per-patient setting (Scale 2 only for a prescribed 88-92 % target; the caller
// records who set it and why). Not thread-safe.
class News2Assessor final
{
    Q_DECLARE_TR_FUNCTIONS(vigil::clinical::News2Assessor)
public:
    struct Config
    {
        int freshnessMinutes = 60;
    };

    struct Reading
    {
        double value = 0; // in the parameter's unit; Acvpu as its enum value; oxygen 1 / air 0
        core::Timestamp time = 0;
        Provenance::Source provenance = Provenance::Device;
    };

    struct Assessment
    {
        std::optional<News2::Result> result; // nullopt: a reading could not be scored (see error)
        News2::Scale scale = News2::Scale::One;
        // Per parameter (News2::Parameter order): the reading used, or the newest one that was too
        // old (stale[i]), or none.
        std::array<std::optional<Reading>, News2::kParameterCount> readings{};
        std::array<bool, News2::kParameterCount> stale{};
        core::Timestamp oldestUsed = 0; // the oldest reading that went into the score (0: none)
        QString error; // why a reading could not be scored (out of range)
    };

    News2Assessor();
    explicit News2Assessor(Config config);

    // A numeric reading (respiration rate, SpO2, systolic BP, pulse, temperature). Kept if it is
    // newer than the one held; false (and nothing kept) for a non-finite value or a non-numeric
    // parameter.
    bool record(News2::Parameter parameter, double value, core::Timestamp time, Provenance::Source provenance);
    // Consciousness: refused (false, *why) unless entered by a clinician.
    bool recordConsciousness(
        News2::Acvpu acvpu, core::Timestamp time, Provenance::Source provenance, QString* why = nullptr);
    // Air or oxygen: refused from a device or a derivation.
    bool recordOxygen(bool onOxygen, core::Timestamp time, Provenance::Source provenance, QString* why = nullptr);
    // The device's latest vitals (heart rate as pulse; diastolic is not scored).
    void recordDevice(const core::VitalSigns& vitals);

    void setScale(News2::Scale scale) { m_scale = scale; }
    [[nodiscard]] News2::Scale scale() const { return m_scale; }
    [[nodiscard]] const Config& config() const { return m_config; }

    [[nodiscard]] Assessment assess(core::Timestamp now) const;

private:
    Config m_config;
    News2::Scale m_scale = News2::Scale::One;
    std::array<std::optional<Reading>, News2::kParameterCount> m_latest{};
};

} // namespace vigil::clinical
