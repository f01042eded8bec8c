#pragma once

#include "core/timestamp.h"

#include <QWidget>

class QLabel;

namespace vigil::store {
class StoreReader;
}

namespace vigil::ui {

class News2TrendChart;
class VitalsTrendChart;

// The trends of the review window (issue 6): one patient's stored vitals (Qt Charts) and NEWS2
// worked out again from them (review::TrendHistory), under the waveform lanes and on their time
// axis: setRange() follows every zoom and pan, and setPlotEdges() puts both charts' plot areas at
// the lanes' left and right edges, so a time is at the same x in every lane and chart.
// The readings are read once per patient over the whole range the window can show (setPatient());
// a zoom or pan only moves the axes.
class ReviewTrendsView final : public QWidget
{
    Q_OBJECT
public:
    explicit ReviewTrendsView(QWidget* parent = nullptr);

    // Reads the patient's trends over [from, to) (the window's limits). `title` names the patient.
    void setPatient(
        store::StoreReader& reader, qint64 patientId, const QString& title, core::Timestamp from, core::Timestamp to);
    void setRange(core::Timestamp from, core::Timestamp to);
    // The plot areas span x in [left, width - rightMargin) of this widget.
    void setPlotEdges(int left, int rightMargin);

    [[nodiscard]] VitalsTrendChart* vitals() const { return m_vitals; }
    [[nodiscard]] News2TrendChart* news2() const { return m_news2; }
    [[nodiscard]] qint64 patientId() const { return m_patientId; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void placePlots();

    QLabel* m_title = nullptr;
    VitalsTrendChart* m_vitals = nullptr;
    News2TrendChart* m_news2 = nullptr;
    qint64 m_patientId = 0;
    int m_left = 0;
    int m_rightMargin = 0;
    // Margin changes since the last resize or range: a layout that does not settle stops here.
    static constexpr int kMaxAdjustments = 12;
    int m_adjustments = 0;
    bool m_placing = false;
};

} // namespace vigil::ui
