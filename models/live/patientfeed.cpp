#include "patientfeed.h"

#include <QMutexLocker>

#include <cmath>
#include <limits>

namespace vigil::live {

using core::Timestamp;

PatientFeed::PatientFeed(core::PatientIdentity identity)
    : m_identity(std::move(identity))
{
    for (core::StreamKind kind : core::kAllStreams) {
        m_rings[static_cast<std::size_t>(core::streamIndex(kind))] = std::make_unique<signal::RingBuffer<float>>(
            static_cast<std::size_t>(core::sampleRateHz(kind) * kRingSeconds));
    }
}

void PatientFeed::appendSamples(
    core::StreamKind kind, Timestamp firstSampleTime, std::span<const float> samples, Timestamp receivedAt)
{
    if (samples.empty())
        return;
    const auto si = static_cast<std::size_t>(core::streamIndex(kind));
    const Timestamp period = core::samplePeriodUs(kind);
    signal::RingBuffer<float>& ring = *m_rings[si];

    QMutexLocker lock(&m_mutex);
    Timestamp& last = m_snapshot.lastSampleTime[si];
    const std::uint64_t written = ring.written();
    if (written == 0) {
        m_timeOfIndexZero[si] = firstSampleTime;
    } else {
        // Drop what we already hold (duplicates, overlap).
        const Timestamp expected = last + period;
        if (firstSampleTime < expected - period / 2) {
            const Timestamp overlap = (expected - firstSampleTime + period / 2) / period;
            if (overlap >= static_cast<Timestamp>(samples.size()))
                return;
            samples = samples.subspan(static_cast<std::size_t>(overlap));
            firstSampleTime += overlap * period;
        }
        // Fill a gap with "no data" so the sample counter keeps tracking time.
        const Timestamp gap = (firstSampleTime - expected + period / 2) / period;
        if (gap > 0) {
            const Timestamp fill = std::min(gap, kMaxGapFillUs / period);
            m_fill.assign(static_cast<std::size_t>(fill), std::numeric_limits<float>::quiet_NaN());
            // Beyond the fill limit, re-anchor the time of index zero so sampleTime() stays right.
            m_timeOfIndexZero[si] += (gap - fill) * period;
            ring.push(m_fill);
        }
    }
    ring.push(samples);
    last = firstSampleTime + static_cast<Timestamp>(samples.size() - 1) * period;
    m_snapshot.lastReceived = std::max(m_snapshot.lastReceived, receivedAt);
}

void PatientFeed::updateVital(core::VitalKind kind, const core::Measurement& measurement, Timestamp receivedAt)
{
    if (!measurement.isValid())
        return;
    QMutexLocker lock(&m_mutex);
    core::Measurement& current = m_snapshot.vitals[kind];
    if (measurement.time >= current.time)
        current = measurement;
    m_snapshot.lastReceived = std::max(m_snapshot.lastReceived, receivedAt);

    std::deque<TrendPoint>& trend = m_trends[static_cast<std::size_t>(kind)];
    if (trend.empty() || measurement.time >= trend.back().time + kTrendIntervalUs)
        trend.push_back({measurement.time, measurement.value});
    const Timestamp horizon = measurement.time - Timestamp{kTrendHours} * 3600 * core::kMicrosPerSecond;
    while (!trend.empty() && trend.front().time < horizon)
        trend.pop_front();
}

void PatientFeed::updateStatus(const core::DeviceStatus& status, Timestamp receivedAt)
{
    QMutexLocker lock(&m_mutex);
    Q_UNUSED(receivedAt) // a status report is not patient data: it does not refresh the data age
    if (status.time >= m_snapshot.status.time)
        m_snapshot.status = status;
}

FeedSnapshot PatientFeed::snapshot() const
{
    QMutexLocker lock(&m_mutex);
    return m_snapshot;
}

std::vector<PatientFeed::TrendPoint> PatientFeed::trend(core::VitalKind kind, Timestamp since) const
{
    QMutexLocker lock(&m_mutex);
    const std::deque<TrendPoint>& trend = m_trends[static_cast<std::size_t>(kind)];
    std::vector<TrendPoint> out;
    for (const TrendPoint& p : trend) {
        if (p.time >= since)
            out.push_back(p);
    }
    return out;
}

Timestamp PatientFeed::sampleTime(core::StreamKind kind, std::uint64_t index) const
{
    const auto si = static_cast<std::size_t>(core::streamIndex(kind));
    QMutexLocker lock(&m_mutex);
    return m_timeOfIndexZero[si] + static_cast<Timestamp>(index) * core::samplePeriodUs(kind);
}

} // namespace vigil::live
