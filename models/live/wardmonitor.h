#pragma once

#include "clinical/alarmengine.h"
#include "clinical/news2assessor.h"
#include "core/timestamp.h"

#include <QString>

#include <deque>
#include <optional>
#include <vector>

namespace vigil::live {

class LiveHub;

// The clinical watch over every live patient (issue 5), run from the GUI thread once a second
// (update()): for each patient of the hub it takes the device's latest numerics (FeedSnapshot),
// derives heart rate, pulse rate and respiration rate from the waveforms every
// `deriveEverySeconds` (signal::RateEstimator over the rings: 10 s of ECG and pleth, 60 s of resp),
// keeps a clinical::News2Assessor per patient (device, derived and clinician-entered readings) and
// feeds one clinical::AlarmEngine with the vitals, the device status and the data age, plus the
// workstation's own technical state. A NEWS2 history (one point a minute, 12 hours) gives the trend.
// Not thread-safe: one thread (the hub's feeds are read through their thread-safe readers).
class WardMonitor final
{
public:
    struct Config
    {
        clinical::AlarmEngine::Config alarms;
        clinical::News2Assessor::Config news2;
        int deriveEverySeconds = 5;
    };

    struct HistoryPoint
    {
        core::Timestamp time = 0;
        int total = -1; // -1: incomplete (no score)
        // An incomplete set: the range of totals its missing parameters allow (CLINICAL.md NEWS2 rule
        // 5); -1 when unknown (nothing could be scored).
        int minTotal = -1;
        int maxTotal = -1;
    };

    struct PatientState
    {
        QString key;
        clinical::News2Assessor assessor;
        clinical::News2Assessor::Assessment news2;
        std::optional<double> derivedHeartRate; // from the ECG
        std::optional<double> derivedPulseRate; // from the pleth
        std::optional<double> derivedRespirationRate; // from the resp wave
        core::Timestamp derivedAt = 0;
        core::Timestamp lastReceived = 0; // workstation time of the latest data; 0: none yet
        std::deque<HistoryPoint> history; // one a minute, oldest first
    };

    WardMonitor(const LiveHub& hub, Config config);
    explicit WardMonitor(const LiveHub& hub);

    // Brings every patient up to `now` (workstation time); returns the alarm changes.
    std::vector<clinical::AlarmEngine::Change> update(core::Timestamp now, bool linkDown, bool storeBehind);

    [[nodiscard]] int patientCount() const { return static_cast<int>(m_patients.size()); }
    [[nodiscard]] const PatientState& patient(int index) const
    {
        return m_patients.at(static_cast<std::size_t>(index));
    }
    // The patient's assessor, to record clinician-entered readings and the scale.
    [[nodiscard]] clinical::News2Assessor& assessor(int index)
    {
        return m_patients.at(static_cast<std::size_t>(index)).assessor;
    }
    // Whether data is expected from the patients (live); false in review (vigil --offline, or no live
    // source): a silent patient is then not a stale-feed alarm, and old readings are not judged.
    void setDataExpected(bool expected) { m_dataExpected = expected; }
    [[nodiscard]] bool dataExpected() const { return m_dataExpected; }
    [[nodiscard]] clinical::AlarmEngine& alarms() { return m_alarms; }
    [[nodiscard]] const clinical::AlarmEngine& alarms() const { return m_alarms; }
    // Index of the patient with this key, or -1.
    [[nodiscard]] int indexOf(const QString& key) const;
    // NEWS2 total now minus the earliest total within the last `hours` (nullopt when there is no
    // score now or none before).
    [[nodiscard]] std::optional<int> news2Trend(int index, double hours = 1.0) const;

private:
    void derive(int index, core::Timestamp now);

    const LiveHub& m_hub;
    Config m_config;
    clinical::AlarmEngine m_alarms;
    std::vector<PatientState> m_patients;
    bool m_dataExpected = true;
};

} // namespace vigil::live
