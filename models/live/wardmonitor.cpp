#include "wardmonitor.h"

#include "livehub.h"
#include "signal/rateestimator.h"

#include <cmath>

namespace vigil::live {

namespace {

constexpr core::Timestamp kMinute = 60 * core::kMicrosPerSecond;
constexpr std::size_t kHistoryPoints = 12 * 60;

// The newest `seconds` of a stream as doubles (NaN where there was no data).
std::vector<double> recent(const PatientFeed& feed, core::StreamKind kind, int seconds)
{
    const auto& ring = feed.ring(kind);
    const auto n = static_cast<std::uint64_t>(seconds * core::sampleRateHz(kind));
    const std::uint64_t written = ring.written();
    std::vector<float> samples;
    ring.read(written > n ? written - n : 0, samples, n);
    return {samples.begin(), samples.end()};
}

} // namespace

WardMonitor::WardMonitor(const LiveHub& hub, Config config)
    : m_hub(hub)
    , m_config(config)
    , m_alarms(config.alarms)
{ }

WardMonitor::WardMonitor(const LiveHub& hub)
    : WardMonitor(hub, Config{})
{ }

int WardMonitor::indexOf(const QString& key) const
{
    for (std::size_t i = 0; i < m_patients.size(); ++i) {
        if (m_patients[i].key == key)
            return static_cast<int>(i);
    }
    return -1;
}

std::vector<clinical::AlarmEngine::Change> WardMonitor::update(core::Timestamp now, bool linkDown, bool storeBehind)
{
    std::vector<clinical::AlarmEngine::Change> out;
    const int count = m_hub.patientCount();
    while (static_cast<int>(m_patients.size()) < count) {
        PatientState s{m_hub.feed(static_cast<int>(m_patients.size())).identity().id,
            clinical::News2Assessor(m_config.news2), {}, {}, {}, {}, 0, 0, {}};
        m_patients.push_back(std::move(s));
    }
    for (int i = 0; i < count; ++i) {
        PatientState& p = m_patients[static_cast<std::size_t>(i)];
        const FeedSnapshot snapshot = m_hub.feed(i).snapshot();
        p.lastReceived = snapshot.lastReceived;
        p.assessor.recordDevice(snapshot.vitals);
        if (now - p.derivedAt >= core::Timestamp{m_config.deriveEverySeconds} * core::kMicrosPerSecond)
            derive(i, now);
        p.news2 = p.assessor.assess(now);
        if (p.history.empty() || now - p.history.back().time >= kMinute) {
            const auto& r = p.news2.result;
            const bool scored = r && r->complete;
            p.history.push_back(
                {now, scored ? r->total : -1, r && !scored ? r->minTotal : -1, r && !scored ? r->maxTotal : -1});
            if (p.history.size() > kHistoryPoints)
                p.history.pop_front();
        }

        clinical::AlarmEngine::PatientInput in;
        in.key = p.key;
        in.vitals = snapshot.vitals;
        in.status = snapshot.status;
        in.lastDataAt = snapshot.lastReceived;
        in.dataExpected = m_dataExpected;
        auto changes = m_alarms.evaluate(in, now);
        out.insert(out.end(), changes.begin(), changes.end());
    }
    auto changes = m_alarms.setWorkstationState(linkDown, storeBehind, now);
    out.insert(out.end(), changes.begin(), changes.end());
    return out;
}

void WardMonitor::derive(int index, core::Timestamp now)
{
    PatientState& p = m_patients[static_cast<std::size_t>(index)];
    const PatientFeed& feed = m_hub.feed(index);
    p.derivedAt = now;
    const FeedSnapshot snapshot = feed.snapshot();
    const auto ecg = recent(feed, core::StreamKind::Ecg, 10);
    const auto pleth = recent(feed, core::StreamKind::Pleth, 10);
    const auto resp = recent(feed, core::StreamKind::Resp, 60);
    p.derivedHeartRate = signal::RateEstimator::heartRate(ecg, core::sampleRateHz(core::StreamKind::Ecg));
    p.derivedPulseRate = signal::RateEstimator::pulseRate(pleth, core::sampleRateHz(core::StreamKind::Pleth));
    p.derivedRespirationRate = signal::RateEstimator::respirationRate(resp, core::sampleRateHz(core::StreamKind::Resp));
    // Derived readings are timed at the newest sample they came from (device time, like the
    // device's own readings), so the latest reading of either kind wins.
    const auto time = [&](core::StreamKind kind) { return snapshot.lastSampleTime[core::streamIndex(kind)]; };
    if (p.derivedPulseRate && time(core::StreamKind::Pleth) != 0)
        p.assessor.record(clinical::News2::Parameter::Pulse, *p.derivedPulseRate, time(core::StreamKind::Pleth),
            clinical::Provenance::Derived);
    else if (p.derivedHeartRate && time(core::StreamKind::Ecg) != 0)
        p.assessor.record(clinical::News2::Parameter::Pulse, *p.derivedHeartRate, time(core::StreamKind::Ecg),
            clinical::Provenance::Derived);
    if (p.derivedRespirationRate && time(core::StreamKind::Resp) != 0)
        p.assessor.record(clinical::News2::Parameter::RespirationRate, *p.derivedRespirationRate,
            time(core::StreamKind::Resp), clinical::Provenance::Derived);
}

std::optional<int> WardMonitor::news2Trend(int index, double hours) const
{
    const PatientState& p = m_patients.at(static_cast<std::size_t>(index));
    if (p.history.empty() || p.history.back().total < 0)
        return std::nullopt;
    const core::Timestamp target = p.history.back().time - static_cast<core::Timestamp>(hours * 60 * kMinute);
    // The earliest score within the span (incomplete sets have none).
    for (const HistoryPoint& h : p.history) {
        if (h.time >= target && h.total >= 0)
            return p.history.back().total - h.total;
    }
    return std::nullopt;
}

} // namespace vigil::live
