#pragma once

#include "core/timestamp.h"

#include <QWidget>

#include <atomic>
#include <memory>
#include <thread>

class QLabel;
class QTimer;

namespace vigil::review {
class TrendHistory;
}
namespace vigil::store {
class Cache;
}

namespace vigil::ui {

class News2TrendChart;
class VitalsTrendChart;

// The trends of the review window (issue 6): one patient's stored vitals (Qt Charts) and NEWS2
// worked out again from them (review::TrendHistory), under the waveform lanes and on their time
// axis: setRange() follows every zoom and pan, and setPlotEdges() puts both charts' plot areas at
// the lanes' left and right edges, so a time is at the same x in every lane and chart.
// The readings are read once per patient over the whole range the window can show (setPatient()),
// on a thread of its own with its own StoreReader (a day of vitals takes seconds to read and score:
// the lanes must not wait for it); the charts fill in when it is done (loaded()). A zoom or pan only
// moves the axes, coalesced: the charts follow within kFollowMs of the last step, so dragging the
// lanes is never held up by Qt Charts laying out its axes.
class ReviewTrendsView final : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kFollowMs = 60;

    // `cache` must outlive the view (the reading thread uses it).
    explicit ReviewTrendsView(const store::Cache& cache, QWidget* parent = nullptr);
    ~ReviewTrendsView() override;

    // Starts reading the patient's trends over [from, to) (the window's limits); a read still running
    // for another patient is cancelled. `title` names the patient.
    void setPatient(qint64 patientId, const QString& title, core::Timestamp from, core::Timestamp to);
    // The time axis (applied within kFollowMs; at once with `now`).
    void setRange(core::Timestamp from, core::Timestamp to, bool now = false);
    // Whether the current patient's trends are still being read.
    [[nodiscard]] bool isLoading() const { return m_loading; }
    // The plot areas span x in [left, width - rightMargin) of this widget.
    void setPlotEdges(int left, int rightMargin);

    [[nodiscard]] VitalsTrendChart* vitals() const { return m_vitals; }
    [[nodiscard]] News2TrendChart* news2() const { return m_news2; }
    [[nodiscard]] qint64 patientId() const { return m_patientId; }

Q_SIGNALS:
    void loaded();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void placePlots();
    void stopReading();
    void startReading(quint64 generation, qint64 patientId, core::Timestamp from, core::Timestamp to);
    void showHistory(const review::TrendHistory& history, quint64 generation);
    void applyRange();

    const store::Cache& m_cache;
    std::thread m_worker;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    quint64 m_generation = 0;
    bool m_loading = false;
    QString m_patientTitle;
    QTimer* m_follow = nullptr;
    core::Timestamp m_from = 0;
    core::Timestamp m_to = 0;

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
