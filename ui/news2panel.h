#pragma once

#include "clinical/news2assessor.h"
#include "live/wardmonitor.h"

#include <QWidget>

#include <deque>

namespace vigil::ui {

// A patient's NEWS2 in the style of the RCP chart: one row per parameter with its latest reading,
// where it came from (device, derived, clinician) and how old it is, and a score cell coloured as
// on the chart (3 red, 2 orange, 1 yellow, 0 white) that also holds the number (never colour alone);
// below, the total, the risk band, the clinical response and monitoring frequency, or "incomplete"
// with the range of possible totals and what is missing or stale; and a strip of the total over the
// last hours on the chart's band colours. Painted; no patient identity on it.
class News2Panel final : public QWidget
{
    Q_OBJECT
public:
    explicit News2Panel(QWidget* parent = nullptr);

    void setAssessment(const clinical::News2Assessor::Assessment& assessment,
        const std::deque<live::WardMonitor::HistoryPoint>& history, core::Timestamp now);
    // The texts it shows, row by row (tests; accessibility).
    [[nodiscard]] QStringList lines() const { return m_lines; }
    [[nodiscard]] QSize sizeHint() const override { return {520, 360}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    clinical::News2Assessor::Assessment m_assessment;
    std::deque<live::WardMonitor::HistoryPoint> m_history;
    core::Timestamp m_now = 0;
    QStringList m_lines;
};

} // namespace vigil::ui
