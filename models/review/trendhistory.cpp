#include "trendhistory.h"

#include "store/storereader.h"

#include <algorithm>
#include <optional>

namespace vigil::review {

namespace {

using clinical::News2;
using core::VitalKind;

// The NEWS2 parameter a stored vital kind scores as (the device's heart rate is the pulse, as in
// News2Assessor::recordDevice); diastolic pressure is not scored.
std::optional<News2::Parameter> parameterOf(VitalKind kind)
{
    switch (kind) {
    case VitalKind::HeartRate:
        return News2::Parameter::Pulse;
    case VitalKind::SpO2:
        return News2::Parameter::SpO2;
    case VitalKind::RespRate:
        return News2::Parameter::RespirationRate;
    case VitalKind::SystolicBp:
        return News2::Parameter::SystolicBp;
    case VitalKind::Temperature:
        return News2::Parameter::Temperature;
    case VitalKind::DiastolicBp:
        break;
    }
    return std::nullopt;
}

} // namespace

std::vector<core::Measurement> TrendHistory::thin(const std::vector<core::Measurement>& points, int maxPoints)
{
    const auto n = static_cast<qsizetype>(points.size());
    if (n <= maxPoints || maxPoints < 3)
        return points;
    const qsizetype slices = maxPoints / 3;
    const core::Timestamp first = points.front().time;
    const core::Timestamp span = points.back().time - first + 1;
    std::vector<core::Measurement> out;
    out.reserve(static_cast<std::size_t>(maxPoints));
    qsizetype i = 0;
    for (qsizetype s = 0; s < slices && i < n; ++s) {
        const core::Timestamp end = first + static_cast<core::Timestamp>(static_cast<double>(span) * (s + 1) / slices);
        const qsizetype begin = i;
        qsizetype low = i;
        qsizetype high = i;
        for (; i < n && (points[static_cast<std::size_t>(i)].time < end || s == slices - 1); ++i) {
            const double v = points[static_cast<std::size_t>(i)].value;
            if (v < points[static_cast<std::size_t>(low)].value)
                low = i;
            if (v > points[static_cast<std::size_t>(high)].value)
                high = i;
        }
        if (i == begin)
            continue;
        // The first, lowest and highest of the slice, in time order, each once.
        std::array<qsizetype, 3> keep{begin, low, high};
        std::sort(keep.begin(), keep.end());
        for (std::size_t k = 0; k < keep.size(); ++k) {
            if (k == 0 || keep[k] != keep[k - 1])
                out.push_back(points[static_cast<std::size_t>(keep[k])]);
        }
    }
    return out;
}

TrendHistory TrendHistory::read(store::StoreReader& reader, qint64 patientId, core::Timestamp from, core::Timestamp to)
{
    return read(reader, patientId, from, to, Config{});
}

TrendHistory TrendHistory::read(
    store::StoreReader& reader, qint64 patientId, core::Timestamp from, core::Timestamp to, const Config& config)
{
    TrendHistory out;
    if (to <= from)
        return out;
    // Readings from up to one freshness window before the range still count at its start.
    const core::Timestamp window = core::Timestamp{config.news2.freshnessMinutes} * 60 * core::kMicrosPerSecond;
    std::array<std::vector<core::Measurement>, core::kVitalKindCount> all;
    const auto cancelled = [&config] { return config.cancel && config.cancel->load(std::memory_order_relaxed); };
    for (int k = 0; k < core::kVitalKindCount; ++k) {
        if (cancelled())
            return out;
        auto& rows = all[static_cast<std::size_t>(k)];
        rows = reader.vitals(patientId, static_cast<VitalKind>(k), from - window, to);
        out.vitalsRead += static_cast<qint64>(rows.size());
        std::vector<core::Measurement> inRange;
        inRange.reserve(rows.size());
        std::copy_if(rows.begin(), rows.end(), std::back_inserter(inRange),
            [from](const core::Measurement& m) { return m.time >= from && m.isValid(); });
        out.vitals[static_cast<std::size_t>(k)] = thin(inRange, config.maxPoints);
    }

    // NEWS2 at each step, from every reading up to that time (each kind's rows are in time order).
    constexpr core::Timestamp kMinute = 60 * core::kMicrosPerSecond;
    const core::Timestamp span = to - from;
    const core::Timestamp step =
        std::max(kMinute, (span + config.maxNews2Points - 1) / std::max(1, config.maxNews2Points));
    clinical::News2Assessor assessor(config.news2);
    assessor.setScale(config.scale);
    std::array<std::size_t, core::kVitalKindCount> next{};
    for (core::Timestamp t = from; t < to; t += step) {
        if (cancelled())
            return out;
        for (int k = 0; k < core::kVitalKindCount; ++k) {
            const auto parameter = parameterOf(static_cast<VitalKind>(k));
            const auto& rows = all[static_cast<std::size_t>(k)];
            auto& i = next[static_cast<std::size_t>(k)];
            for (; i < rows.size() && rows[i].time <= t; ++i) {
                if (parameter && rows[i].isValid())
                    assessor.record(*parameter, rows[i].value, rows[i].time, clinical::Provenance::Device);
            }
        }
        const auto a = assessor.assess(t);
        live::WardMonitor::HistoryPoint point;
        point.time = t;
        if (a.result && a.result->complete) {
            point.total = a.result->total;
        } else if (a.result && a.oldestUsed != 0) { // nothing measured in the window: no range either
            point.minTotal = a.result->minTotal;
            point.maxTotal = a.result->maxTotal;
        }
        out.news2.push_back(point);
    }
    return out;
}

} // namespace vigil::review
