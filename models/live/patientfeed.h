#pragma once

#include "core/patientidentity.h"
#include "feedsnapshot.h"
#include "signal/ringbuffer.h"

#include <QMutex>

#include <deque>
#include <memory>
#include <span>
#include <vector>

namespace vigil::live {

// Everything live about one patient: a ring buffer per waveform stream, the latest vitals, device
// status and a short vitals history for trend charts.
//
// Thread-safety: one writer (the source's thread) and any number of readers (GUI, renderers).
// Waveforms go through lock-free rings that readers pull once per frame; numerics and status sit
// behind a mutex and are copied out whole (snapshot()).
class PatientFeed final
{
public:
    struct TrendPoint
    {
        core::Timestamp time;
        double value;
    };

    // How many seconds of each waveform the ring keeps for readers that fall behind.
    static constexpr int kRingSeconds = 64;
    // Trend history: at most one point per kind per kTrendIntervalUs, for kTrendHours.
    static constexpr core::Timestamp kTrendIntervalUs = 5 * core::kMicrosPerSecond;
    static constexpr int kTrendHours = 12;
    // Longest gap filled with "no data" samples so sweeps stay time-aligned after an outage.
    static constexpr core::Timestamp kMaxGapFillUs = 16 * core::kMicrosPerSecond;

    explicit PatientFeed(core::PatientIdentity identity);

    // Immutable after construction: safe from any thread.
    [[nodiscard]] const core::PatientIdentity& identity() const { return m_identity; }

    // Writer side. firstSampleTime is device time of samples[0]; receivedAt workstation time.
    // A gap since the stream's previous sample is filled with NaN ("no data") so the sample
    // counter stays proportional to time; samples older than the newest one already held are
    // dropped (ordering and late data are the router's job).
    void appendSamples(core::StreamKind kind, core::Timestamp firstSampleTime, std::span<const float> samples,
        core::Timestamp receivedAt);
    void updateVital(core::VitalKind kind, const core::Measurement& measurement, core::Timestamp receivedAt);
    void updateStatus(const core::DeviceStatus& status, core::Timestamp receivedAt);

    // Reader side.
    [[nodiscard]] const signal::RingBuffer<float>& ring(core::StreamKind kind) const
    {
        return *m_rings[static_cast<std::size_t>(core::streamIndex(kind))];
    }
    [[nodiscard]] FeedSnapshot snapshot() const;
    [[nodiscard]] std::vector<TrendPoint> trend(core::VitalKind kind, core::Timestamp since = 0) const;
    // Device time of the ring's sample `index` for `kind` (valid for indices the ring still holds).
    [[nodiscard]] core::Timestamp sampleTime(core::StreamKind kind, std::uint64_t index) const;

private:
    const core::PatientIdentity m_identity;
    std::array<std::unique_ptr<signal::RingBuffer<float>>, core::kStreamCount> m_rings;

    mutable QMutex m_mutex;
    FeedSnapshot m_snapshot; // guarded by m_mutex
    std::array<core::Timestamp, core::kStreamCount> m_timeOfIndexZero{}; // guarded by m_mutex
    std::array<std::deque<TrendPoint>, core::kVitalKindCount> m_trends; // guarded by m_mutex
    std::vector<float> m_fill; // writer thread only
};

} // namespace vigil::live
