#pragma once

#include "core/timestamp.h"
#include "review/lanecolumns.h"
#include "store/storereader.h"

#include <QColor>
#include <QImage>
#include <QLineF>
#include <QWidget>

#include <optional>
#include <utility>
#include <vector>

namespace vigil::ui {

// One patient's recording in the review window (issue 6): the ECG, pleth and respiration lanes (and
// any other stored waveform after them) over one time range, each drawn as a min/max vertical line
// per pixel column (review::LaneColumns: the pyramid for hours, the samples for a strip), so spikes
// survive any zoom; an empty column is left blank (a gap, lead off). Each lane has its label, unit
// and a scale; the time axis (local time, with the date when the range spans days) is at the bottom.
// Imported annotations and case events are vertical ticks with short labels; no patient identity is
// drawn. Calipers measure time (RR interval and rate) and amplitude (on the ECG lane).
//
// Mouse: plain drag pans, the wheel zooms around the cursor, Shift+drag sets the time calipers,
// Ctrl+drag in the ECG lane the amplitude calipers. A range the user makes is clamped to the limits
// (setLimits()) and announced with rangeEdited(); setRange() itself does not emit, so views that
// share a range can set each other without echo.
//
// GUI thread. The columns are read on the GUI thread when a paint needs a range or width not read
// yet (the reads take milliseconds, see `vigilctl bench review`) and kept until either changes:
// zooming and panning do no other work.
class ReviewLanesView final : public QWidget
{
    Q_OBJECT
public:
    struct Marker
    {
        core::Timestamp time = 0;
        QString text;
        bool operator<(const Marker& other) const { return time < other.time; }
    };

    // The plot's edges: x from kPlotLeft to width() - kPlotRightMargin (ReviewTrendsView lines its
    // charts up with them; the right margin leaves room for their right-hand axes).
    static constexpr int kPlotLeft = 76;
    static constexpr int kPlotRightMargin = 96;

    // The view reads through `reader`, which must outlive it.
    ReviewLanesView(store::StoreReader& reader, qint64 patientId, QWidget* parent = nullptr);

    [[nodiscard]] qint64 patientId() const { return m_patientId; }
    void setRange(core::Timestamp from, core::Timestamp to);
    [[nodiscard]] std::pair<core::Timestamp, core::Timestamp> range() const { return {m_from, m_to}; }
    // First and last stored sample time of the patient's streams ({0, 0}: none).
    [[nodiscard]] store::StoreReader::TimeRange dataRange() const { return m_dataRange; }

    // What the user may reach by mouse: spans from `minSpan` up to [boundsFrom, boundsTo].
    void setLimits(core::Timestamp boundsFrom, core::Timestamp boundsTo, core::Timestamp minSpan);
    // [from, to) with its span clamped to [minSpan, bounds] and shifted inside the bounds.
    [[nodiscard]] static std::pair<core::Timestamp, core::Timestamp> clampRange(core::Timestamp from,
        core::Timestamp to, core::Timestamp boundsFrom, core::Timestamp boundsTo, core::Timestamp minSpan);

    // Annotations, case events, alarm episodes and the bookmarks and annotations made here, in time
    // order.
    [[nodiscard]] const std::vector<Marker>& markers() const { return m_markers; }
    // A marker made in this window (an annotation or bookmark, stored by the window).
    void addMarker(core::Timestamp time, const QString& text);

    // Calipers: two times (any lane), two values in the ECG lane's unit. `caliperText()` is what
    // the view shows, e.g. "Δt 820 ms = 73 /min  ΔV 1.20 mV" (empty without calipers).
    void setTimeCalipers(core::Timestamp t1, core::Timestamp t2);
    void setAmplitudeCalipers(double v1, double v2);
    void clearCalipers();
    [[nodiscard]] QString caliperText() const;

    // The lanes as drawn (tests; accessibility). columns() reads them if the range or width changed.
    [[nodiscard]] int laneCount() const { return static_cast<int>(m_lanes.size()); }
    [[nodiscard]] QString laneLabel(int lane) const;
    [[nodiscard]] const std::vector<review::LaneColumns::Column>& columns(int lane);
    // The lane that holds the ECG (-1: none) and where a time or an ECG value is drawn (for the
    // mouse, and tests that drive it).
    [[nodiscard]] int ecgLane() const { return m_ecgLane; }
    [[nodiscard]] QRect plotRect() const;
    [[nodiscard]] QRect laneRect(int lane) const;
    [[nodiscard]] double xForTime(core::Timestamp t) const;
    [[nodiscard]] core::Timestamp timeForX(double x) const;
    [[nodiscard]] double yForValue(int lane, double value);
    [[nodiscard]] double valueForY(int lane, double y);

    [[nodiscard]] QSize sizeHint() const override { return {1200, 360}; }
    [[nodiscard]] QSize minimumSizeHint() const override { return {400, 180}; }

Q_SIGNALS:
    // The user panned or zoomed to [from, to) (already clamped and shown here).
    void rangeEdited(qint64 from, qint64 to);
    // The user clicked the view (the window makes its patient the current one).
    void activated();
    void calipersChanged();

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;

private:
    struct Lane
    {
        store::StoreReader::StreamRow stream;
        QColor colour;
        double minSpan = 1; // the scale never shows less than this (physical units)
        std::vector<review::LaneColumns::Column> columns;
        review::LaneColumns::SampleCache samples; // decoded samples kept between zoom and pan steps
        double low = -1; // the scale in use, from the columns read
        double high = 1;
    };
    enum class Drag {
        None,
        Pan,
        TimeCalipers,
        AmplitudeCalipers
    };

    void ensureColumns();
    void editRange(core::Timestamp from, core::Timestamp to);
    // Everything but the calipers, into m_layer: drawn again only when the range, size, columns or
    // markers change, so dragging calipers repaints no trace.
    void paintLayer(qreal dpr);
    void paintLane(QPainter& p, int lane); // its frame, label and scale
    void traceLane(int lane, std::vector<QLineF>& joins);
    void paintTimeAxis(QPainter& p);
    void paintMarkers(QPainter& p);
    void paintCalipers(QPainter& p);

    store::StoreReader& m_reader;
    qint64 m_patientId = 0;
    std::vector<Lane> m_lanes;
    int m_ecgLane = -1;
    store::StoreReader::TimeRange m_dataRange;
    std::vector<Marker> m_markers;
    core::Timestamp m_from = 0;
    core::Timestamp m_to = 0;
    core::Timestamp m_boundsFrom = 0;
    core::Timestamp m_boundsTo = 0;
    core::Timestamp m_minSpan = 0;
    // What the columns were read for.
    core::Timestamp m_readFrom = 0;
    core::Timestamp m_readTo = 0;
    int m_readWidth = -1;
    bool m_readFailed = false;
    QImage m_layer;
    bool m_layerValid = false;

    std::optional<std::pair<core::Timestamp, core::Timestamp>> m_timeCalipers;
    std::optional<std::pair<double, double>> m_amplitudeCalipers;
    Drag m_drag = Drag::None;
    QPointF m_dragStart;
    core::Timestamp m_dragFrom = 0; // the range when a pan began
    core::Timestamp m_dragTo = 0;
};

} // namespace vigil::ui
