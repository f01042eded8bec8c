#pragma once

#include "core/vitalsigns.h"

#include <QChartView>
#include <QDateTime>

#include <array>
#include <optional>
#include <utility>
#include <vector>

class QLineSeries;
class QDateTimeAxis;

namespace vigil::live {
class PatientFeed;
}

namespace vigil::ui {

// Vitals trend of one patient over the last hours (Qt Charts): HR, SpO2, RR, systolic and diastolic
// BP on the left axis, temperature on the right. Point counts are modest (one per 5 s at most).
// The time axis follows the data (at least ten minutes wide) until setTimeRange() is called; from
// then on the owner sets it, so that charts stacked with this one share one time range
// (PatientDetailView lines it up with the NEWS2 chart).
class VitalsTrendChart final : public QChartView
{
    Q_OBJECT
public:
    explicit VitalsTrendChart(const live::PatientFeed& feed, QWidget* parent = nullptr);
    // A chart without a feed, filled by setTrends() (the review window: vitals from the cache).
    explicit VitalsTrendChart(QWidget* parent = nullptr);

    // Re-reads the feed's trend history (nothing without a feed).
    void refresh();
    // Plots these readings (in time order, per kind) instead of a feed's.
    void setTrends(const std::array<std::vector<core::Measurement>, core::kVitalKindCount>& trends);
    // Points currently plotted for a kind (tests).
    [[nodiscard]] int pointCount(core::VitalKind kind) const;
    // First and last time of the data read by refresh(), ms since the epoch (nullopt when none).
    [[nodiscard]] std::optional<std::pair<qint64, qint64>> dataTimeRange() const { return m_dataRange; }
    // Fixes the time axis (UTC); refresh() no longer moves it.
    void setTimeRange(const QDateTime& from, const QDateTime& to);
    [[nodiscard]] QDateTime timeFrom() const;
    [[nodiscard]] QDateTime timeTo() const;
    [[nodiscard]] QDateTimeAxis* timeAxis() const { return m_time; }

private:
    void setPoints(const std::array<QList<QPointF>, core::kVitalKindCount>& points);

    const live::PatientFeed* m_feed = nullptr;
    std::array<QLineSeries*, core::kVitalKindCount> m_series{};
    QDateTimeAxis* m_time = nullptr;
    std::optional<std::pair<qint64, qint64>> m_dataRange;
    bool m_rangeSetByOwner = false;
};

} // namespace vigil::ui
