#pragma once

#include "live/wardmonitor.h"

#include <QChartView>
#include <QDateTime>

#include <deque>
#include <optional>
#include <utility>
#include <vector>

class QAreaSeries;
class QCategoryAxis;
class QDateTimeAxis;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace vigil::ui {

// A patient's NEWS2 total over time (Qt Charts), drawn over the RCP risk bands: low 0-4, medium
// 5-6, high 7 and above, as coloured background bands *and* named on the right-hand axis ("low
// 0-4", ...), so the band reads without colour. An incomplete set has no total: it is a gap in the
// line, never a point (a smaller number would understate the risk, CLINICAL.md NEWS2 rule 5). The
// line also breaks where the history has a hole of more than kMaxJoinMinutes (the ward monitor was
// not running): no line is drawn through a time nobody assessed.
// The time range is set from outside (setTimeRange()) so that the chart lines up with the vitals
// trend above it (PatientDetailView); times are UTC, as on that chart.
class News2TrendChart final : public QChartView
{
    Q_OBJECT
public:
    static constexpr int kMaxJoinMinutes = 3;

    explicit News2TrendChart(QWidget* parent = nullptr);

    void setHistory(const std::deque<live::WardMonitor::HistoryPoint>& history);
    // First and last time of the history, ms since the epoch (nullopt when it is empty).
    [[nodiscard]] std::optional<std::pair<qint64, qint64>> dataTimeRange() const { return m_dataRange; }
    void setTimeRange(const QDateTime& from, const QDateTime& to);
    [[nodiscard]] QDateTime timeFrom() const;
    [[nodiscard]] QDateTime timeTo() const;
    [[nodiscard]] QDateTimeAxis* timeAxis() const { return m_time; }

    // What is plotted (tests): the scored points as (ms since the epoch, total), the number of
    // incomplete sets left out, and the number of separate line pieces.
    [[nodiscard]] QList<QPointF> points() const;
    [[nodiscard]] int incompleteCount() const { return m_incomplete; }
    [[nodiscard]] int segmentCount() const { return m_segmentsUsed; }
    // Incomplete sets are drawn as a hatched band from the lowest to the highest total their missing
    // parameters allow (CLINICAL.md NEWS2 rule 5): the number of separate bands, and the (ms, lowest,
    // highest) points of band `i`.
    [[nodiscard]] int incompleteRangeCount() const { return m_rangesUsed; }
    [[nodiscard]] QList<QPointF> incompleteRangeLow(int i) const;
    [[nodiscard]] QList<QPointF> incompleteRangeHigh(int i) const;
    // The band names on the axis, lowest first.
    [[nodiscard]] QStringList bandLabels() const;

private:
    void placeBands();

    QDateTimeAxis* m_time = nullptr;
    QValueAxis* m_total = nullptr;
    QCategoryAxis* m_bands = nullptr;
    std::vector<QLineSeries*> m_bandEdges; // lower and upper edge of each band
    QScatterSeries* m_points = nullptr;
    std::vector<QLineSeries*> m_segments; // reused; those past m_segmentsUsed are empty
    int m_segmentsUsed = 0;
    struct Range
    {
        QAreaSeries* area = nullptr;
        QLineSeries* low = nullptr;
        QLineSeries* high = nullptr;
    };
    std::vector<Range> m_ranges; // reused; those past m_rangesUsed are empty
    int m_rangesUsed = 0;
    int m_incomplete = 0;
    std::optional<std::pair<qint64, qint64>> m_dataRange;
};

} // namespace vigil::ui
