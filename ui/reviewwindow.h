#pragma once

#include "core/timestamp.h"

#include <QDialog>

#include <functional>
#include <memory>
#include <utility>
#include <vector>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QVBoxLayout;

namespace vigil::store {
class Cache;
class StoreReader;
} // namespace vigil::store

namespace vigil::ui {

class ReviewLanesView;
class ReviewTrendsView;

// The review window (issue 6): one or more patients' recordings from the encrypted cache, stacked on
// one time axis (a ReviewLanesView each under a header with the title the caller gives), and a list
// of every marker (annotations, case events, bookmarks) to jump to. It opens from the whole cached
// range (hours to days) and zooms down to a 10-second strip; every lane follows one range.
//
// Keyboard: + / - zoom ×2 about the centre, Left / Right pan a tenth of the span, Home the whole
// range, 0 a 10-second strip at the centre, N / P the next / previous marker, B a bookmark at the
// centre. Selecting a marker in the list centres every lane on it at the same zoom.
//
// Non-modal; it reads through its own StoreReader (a connection of its own, on the GUI thread).
// Opening a patient's data is audited ("review.open", the patient key: no names), as is each
// bookmark ("review.bookmark", "<patient key> <ISO time>").
class ReviewWindow final : public QDialog
{
    Q_OBJECT
public:
    using AuditFunction = std::function<void(const QString& action, const QString& detail)>;
    // Stores a review annotation (a bookmark is one with the text "Bookmark") as a case event of the
    // patient with this source key: a note about `recordingTime` (clinical::CaseEvent), audited and
    // shared like any other case action. False when it could not be stored.
    using AnnotateFunction =
        std::function<bool(const QString& patientKey, core::Timestamp recordingTime, const QString& text)>;

    // Shortest span the zoom reaches: a rhythm strip.
    static constexpr core::Timestamp kMinSpanUs = 10 * core::kMicrosPerSecond;

    ReviewWindow(const store::Cache& cache, AuditFunction audit, QWidget* parent = nullptr);
    ~ReviewWindow() override;

    // Whether the cache could be opened for reading (else the window says so and adds nothing).
    [[nodiscard]] bool isOpen() const { return m_reader != nullptr; }
    // Adds a patient (store row id) under `title` (the caller's display name); false when the
    // patient is not in the cache. The first patient sets the range to its whole recording; later
    // ones join the range in view.
    bool addPatient(qint64 patientId, const QString& title);

    [[nodiscard]] std::pair<core::Timestamp, core::Timestamp> range() const { return {m_from, m_to}; }
    void setRange(core::Timestamp from, core::Timestamp to); // clamped to the limits
    // The limits of the range: every patient's data, plus a margin.
    [[nodiscard]] std::pair<core::Timestamp, core::Timestamp> bounds() const { return {m_boundsFrom, m_boundsTo}; }
    [[nodiscard]] const std::vector<ReviewLanesView*>& views() const { return m_views; }
    [[nodiscard]] QListWidget* markerList() const { return m_markerList; }
    // Vitals and NEWS2 of the current patient, under the lanes on their time axis.
    [[nodiscard]] ReviewTrendsView* trends() const { return m_trends; }

    // Where annotations and bookmarks are stored; without one they last for this window only.
    void setAnnotate(AnnotateFunction annotate) { m_annotate = std::move(annotate); }

    void zoom(double factor); // < 1 zooms in, about the centre
    void pan(double fractionOfSpan);
    void showWholeRange();
    void showStrip(); // kMinSpanUs at the centre
    void centreOn(core::Timestamp t); // keeps the span
    bool nextMarker(); // false: none after the centre
    bool previousMarker();
    // A bookmark at the centre on the current patient (the last one clicked; the first by default).
    bool addBookmark();
    // An annotation with this text at the centre on the current patient; false when it could not be
    // stored (the window says so).
    bool addAnnotation(const QString& text);
    // Asks for the text of an annotation at the centre (key A).
    void annotate();

protected:
    void keyPressEvent(QKeyEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    bool handleKey(QKeyEvent* event);
    void applyRange(core::Timestamp from, core::Timestamp to);
    void updateLimits();
    void rebuildMarkerList();
    void updateRangeLabel();
    bool jumpToMarker(bool forward);
    void showTrendsOf(ReviewLanesView* view);

    std::unique_ptr<store::StoreReader> m_reader;
    AuditFunction m_audit;
    AnnotateFunction m_annotate;
    ReviewTrendsView* m_trends = nullptr;
    std::vector<ReviewLanesView*> m_views;
    std::vector<QString> m_keys; // the patient key per view (audit only)
    std::vector<QString> m_titles;
    ReviewLanesView* m_current = nullptr;
    QVBoxLayout* m_lanesLayout = nullptr;
    QLabel* m_rangeLabel = nullptr;
    QLabel* m_problem = nullptr;
    QListWidget* m_markerList = nullptr;
    core::Timestamp m_from = 0;
    core::Timestamp m_to = 0;
    core::Timestamp m_boundsFrom = 0;
    core::Timestamp m_boundsTo = 0;
};

} // namespace vigil::ui
