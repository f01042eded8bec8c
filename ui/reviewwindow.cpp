#include "reviewwindow.h"

#include "core/timestamp.h"
#include "logging.h"
#include "reviewlanesview.h"
#include "reviewtrendsview.h"
#include "store/cache.h"
#include "store/storeerror.h"
#include "store/storereader.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QTimeZone>
#include <QVBoxLayout>

#include <algorithm>

namespace vigil::ui {

namespace {

// The review reader's page cache: a day of one patient's pyramid and the samples around a strip
// stay decrypted in memory (StoreReader::setPageCacheMiB).
constexpr int kPageCacheMiB = 96;

QDateTime localTime(core::Timestamp t)
{
    return QDateTime::fromMSecsSinceEpoch(t / core::kMicrosPerMilli, QTimeZone::utc()).toLocalTime();
}

QString spanText(core::Timestamp span)
{
    const double seconds = static_cast<double>(span) / core::kMicrosPerSecond;
    if (seconds < 120)
        return ReviewWindow::tr("%1 s").arg(QString::number(seconds, 'f', seconds < 20 ? 1 : 0));
    if (seconds < 2 * 3600)
        return ReviewWindow::tr("%1 min").arg(QString::number(seconds / 60, 'f', 0));
    return ReviewWindow::tr("%1 h").arg(QString::number(seconds / 3600, 'f', 1));
}

} // namespace

ReviewWindow::ReviewWindow(const store::Cache& cache, AuditFunction audit, QWidget* parent)
    : QDialog(parent)
    , m_audit(std::move(audit))
{
    setObjectName(QStringLiteral("reviewWindow"));
    setWindowTitle(tr("Review"));
    setModal(false);
    resize(1280, 760);

    auto* outer = new QVBoxLayout(this);
    m_rangeLabel = new QLabel(this);
    m_rangeLabel->setObjectName(QStringLiteral("reviewRange"));
    outer->addWidget(m_rangeLabel);
    auto* help = new QLabel(tr("Drag to pan, wheel to zoom; + / − zoom, ← / → pan, Home whole range, 0 ten-second "
                               "strip, N / P next / previous marker, B bookmark, A annotation (both kept with the "
                               "case); Shift+drag time calipers, Ctrl+drag amplitude calipers (ECG)."),
        this);
    help->setWordWrap(true);
    outer->addWidget(help);
    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_problem->hide();
    outer->addWidget(m_problem);

    auto* body = new QHBoxLayout;
    outer->addLayout(body, 1);
    auto* column = new QVBoxLayout;
    body->addLayout(column, 1);
    m_lanesLayout = new QVBoxLayout;
    column->addLayout(m_lanesLayout, 1);
    m_trends = new ReviewTrendsView(cache, this);
    m_trends->setPlotEdges(ReviewLanesView::kPlotLeft, ReviewLanesView::kPlotRightMargin);
    m_trends->hide(); // until there is a patient
    column->addWidget(m_trends, 1);
    auto* side = new QVBoxLayout;
    body->addLayout(side);
    auto* markersTitle = new QLabel(tr("Markers"), this);
    side->addWidget(markersTitle);
    m_markerList = new QListWidget(this);
    m_markerList->setObjectName(QStringLiteral("reviewMarkers"));
    m_markerList->setFixedWidth(260);
    markersTitle->setBuddy(m_markerList);
    side->addWidget(m_markerList, 1);
    m_markerList->installEventFilter(this);
    connect(m_markerList, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        if (item)
            centreOn(item->data(Qt::UserRole).toLongLong());
    });
    connect(m_markerList, &QListWidget::itemClicked, this,
        [this](QListWidgetItem* item) { centreOn(item->data(Qt::UserRole).toLongLong()); });

    store::StoreError error;
    m_reader = store::StoreReader::open(cache, &error);
    if (m_reader && !m_reader->setPageCacheMiB(kPageCacheMiB, &error))
        qCWarning(lcUi) << "review: page cache not enlarged:" << error.message;
    if (!m_reader) {
        qCWarning(lcUi) << "review: cannot open the cache for reading:" << error.message;
        m_problem->setText(tr("The cache could not be opened for review: %1").arg(error.message));
        m_problem->show();
    }
    updateRangeLabel();
}

ReviewWindow::~ReviewWindow()
{
    // The views read through m_reader: they go first.
    qDeleteAll(m_views);
    m_views.clear();
}

bool ReviewWindow::addPatient(qint64 patientId, const QString& title)
{
    if (!m_reader)
        return false;
    const auto row = m_reader->patient(patientId);
    if (!row)
        return false;
    // Reading a patient's recording is a clinical access: audited with the key, never a name.
    if (m_audit)
        m_audit(QStringLiteral("review.open"), row->identity.id);

    auto* header = new QLabel(title, this);
    QFont bold = header->font();
    bold.setBold(true);
    header->setFont(bold);
    m_lanesLayout->addWidget(header);
    auto* view = new ReviewLanesView(*m_reader, patientId, this);
    view->installEventFilter(this);
    m_lanesLayout->addWidget(view, 1);
    header->setBuddy(view);
    m_views.push_back(view);
    m_keys.push_back(row->identity.id);
    m_titles.push_back(title);
    if (!m_current)
        m_current = view;
    connect(view, &ReviewLanesView::rangeEdited, this, [this](qint64 from, qint64 to) { applyRange(from, to); });
    connect(view, &ReviewLanesView::activated, this, [this, view] {
        m_current = view;
        showTrendsOf(view);
    });

    const bool first = m_views.size() == 1;
    updateLimits();
    if (first) {
        showTrendsOf(view);
        showWholeRange();
    } else {
        view->setRange(m_from, m_to);
    }
    rebuildMarkerList();
    return true;
}

void ReviewWindow::updateLimits()
{
    bool any = false;
    core::Timestamp first = 0;
    core::Timestamp last = 0;
    for (const auto* view : m_views) {
        const auto r = view->dataRange();
        if (r.last <= r.first)
            continue;
        first = any ? std::min(first, r.first) : r.first;
        last = any ? std::max(last, r.last) : r.last;
        any = true;
    }
    if (!any) {
        // Nothing recorded: an hour up to now, so the window still works (and says nothing is there).
        last = core::nowUtc();
        first = last - 3600 * core::kMicrosPerSecond;
    }
    // A little room either side so the first and last beats are not on the edge.
    const core::Timestamp margin = std::max((last - first) / 50, kMinSpanUs / 2);
    m_boundsFrom = first - margin;
    m_boundsTo = last + margin;
    for (auto* view : m_views)
        view->setLimits(m_boundsFrom, m_boundsTo, kMinSpanUs);
}

void ReviewWindow::showTrendsOf(ReviewLanesView* view)
{
    if (!m_reader || !view || m_trends->patientId() == view->patientId())
        return;
    const auto index = static_cast<std::size_t>(std::find(m_views.begin(), m_views.end(), view) - m_views.begin());
    if (index >= m_titles.size())
        return;
    // Read once over everything the window can show (in the background); zoom and pan only move the axes.
    m_trends->setPatient(view->patientId(), m_titles[index], m_boundsFrom, m_boundsTo);
    m_trends->setRange(m_from, m_to, true);
    m_trends->show();
}

void ReviewWindow::setRange(core::Timestamp from, core::Timestamp to)
{
    const auto [f, t] = ReviewLanesView::clampRange(from, to, m_boundsFrom, m_boundsTo, kMinSpanUs);
    applyRange(f, t);
}

void ReviewWindow::applyRange(core::Timestamp from, core::Timestamp to)
{
    m_from = from;
    m_to = to;
    for (auto* view : m_views)
        view->setRange(from, to);
    if (m_trends->patientId() != 0)
        m_trends->setRange(from, to);
    updateRangeLabel();
}

void ReviewWindow::zoom(double factor)
{
    const core::Timestamp centre = m_from + (m_to - m_from) / 2;
    const auto half = static_cast<core::Timestamp>(static_cast<double>(m_to - m_from) * factor / 2);
    setRange(centre - half, centre + half);
}

void ReviewWindow::pan(double fractionOfSpan)
{
    const auto shift = static_cast<core::Timestamp>(static_cast<double>(m_to - m_from) * fractionOfSpan);
    setRange(m_from + shift, m_to + shift);
}

void ReviewWindow::showWholeRange()
{
    setRange(m_boundsFrom, m_boundsTo);
}

void ReviewWindow::showStrip()
{
    const core::Timestamp centre = m_from + (m_to - m_from) / 2;
    setRange(centre - kMinSpanUs / 2, centre + kMinSpanUs / 2);
}

void ReviewWindow::centreOn(core::Timestamp t)
{
    const core::Timestamp span = m_to - m_from;
    setRange(t - span / 2, t - span / 2 + span);
}

bool ReviewWindow::nextMarker()
{
    return jumpToMarker(true);
}

bool ReviewWindow::previousMarker()
{
    return jumpToMarker(false);
}

bool ReviewWindow::jumpToMarker(bool forward)
{
    const int count = m_markerList->count();
    if (count == 0)
        return false;
    // From the selected marker while the view is still where it took us (near the ends the range is
    // clamped, so the centre may not be on it), else from the centre.
    const core::Timestamp centre = m_from + (m_to - m_from) / 2;
    int row = -1;
    const int current = m_markerList->currentRow();
    const auto timeAt = [this](int r) { return m_markerList->item(r)->data(Qt::UserRole).toLongLong(); };
    if (current >= 0 && m_markerList->property("jumpCentre").toLongLong() == centre) {
        row = forward ? current + 1 : current - 1;
    } else if (forward) {
        for (int r = 0; r < count && row < 0; ++r) {
            if (timeAt(r) > centre + core::kMicrosPerMilli)
                row = r;
        }
    } else {
        for (int r = count - 1; r >= 0 && row < 0; --r) {
            if (timeAt(r) < centre - core::kMicrosPerMilli)
                row = r;
        }
    }
    if (row < 0 || row >= count)
        return false;
    {
        const QSignalBlocker blocker(m_markerList);
        m_markerList->setCurrentRow(row);
    }
    centreOn(timeAt(row));
    m_markerList->setProperty("jumpCentre", QVariant::fromValue<qint64>(m_from + (m_to - m_from) / 2));
    return true;
}

bool ReviewWindow::addBookmark()
{
    return addAnnotation(tr("Bookmark"));
}

void ReviewWindow::annotate()
{
    if (!m_current)
        return;
    const core::Timestamp t = m_from + (m_to - m_from) / 2;
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(this, tr("Annotation"),
        tr("Annotation at %1:").arg(QLocale().toString(localTime(t), QStringLiteral("d MMM yyyy HH:mm:ss"))), QString(),
        &ok);
    if (ok && !text.trimmed().isEmpty())
        addAnnotation(text);
}

bool ReviewWindow::addAnnotation(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (!m_current || trimmed.isEmpty())
        return false;
    const core::Timestamp t = m_from + (m_to - m_from) / 2;
    const auto index = static_cast<std::size_t>(std::find(m_views.begin(), m_views.end(), m_current) - m_views.begin());
    if (index >= m_keys.size())
        return false;
    if (m_annotate) {
        // A case event: stored, audited and shared with the other workstations by the owner.
        if (!m_annotate(m_keys[index], t, trimmed)) {
            m_problem->setText(tr("The annotation could not be stored; nothing was added."));
            m_problem->show();
            return false;
        }
    } else if (m_audit) {
        // Nowhere to store it: it lasts for this window only, and the audit log says one was made.
        m_audit(QStringLiteral("review.bookmark"),
            m_keys[index] + QLatin1Char(' ')
                + QDateTime::fromMSecsSinceEpoch(t / core::kMicrosPerMilli, QTimeZone::utc())
                      .toString(Qt::ISODateWithMs));
    }
    m_current->addMarker(t, trimmed);
    rebuildMarkerList();
    return true;
}

void ReviewWindow::rebuildMarkerList()
{
    struct Row
    {
        core::Timestamp time;
        QString text;
    };
    std::vector<Row> rows;
    const bool several = m_views.size() > 1;
    const QLocale locale;
    for (std::size_t i = 0; i < m_views.size(); ++i) {
        for (const auto& m : m_views[i]->markers()) {
            QString text =
                locale.toString(localTime(m.time), QStringLiteral("d MMM HH:mm:ss")) + QStringLiteral("  ") + m.text;
            if (several)
                text = m_titles[i] + QStringLiteral(": ") + text;
            rows.push_back({m.time, text});
        }
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.time < b.time; });
    const QSignalBlocker blocker(m_markerList);
    m_markerList->clear();
    for (const auto& row : rows) {
        auto* item = new QListWidgetItem(row.text, m_markerList);
        item->setData(Qt::UserRole, QVariant::fromValue<qint64>(row.time));
        item->setToolTip(row.text); // the list is narrow; the whole text on hover
    }
    m_markerList->setProperty("jumpCentre", QVariant());
}

void ReviewWindow::updateRangeLabel()
{
    if (m_to <= m_from) {
        m_rangeLabel->setText(tr("Nothing to review"));
        return;
    }
    const QLocale locale;
    const QString format = QStringLiteral("d MMM yyyy HH:mm:ss");
    m_rangeLabel->setText(tr("%1 – %2 (%3)")
                              .arg(locale.toString(localTime(m_from), format), locale.toString(localTime(m_to), format),
                                  spanText(m_to - m_from)));
}

bool ReviewWindow::handleKey(QKeyEvent* event)
{
    const auto mods = event->modifiers() & ~(Qt::KeypadModifier | Qt::ShiftModifier);
    if (mods != Qt::NoModifier)
        return false;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoom(0.5);
        return true;
    case Qt::Key_Minus:
        zoom(2.0);
        return true;
    case Qt::Key_Left:
        pan(-0.1);
        return true;
    case Qt::Key_Right:
        pan(0.1);
        return true;
    case Qt::Key_Home:
        showWholeRange();
        return true;
    case Qt::Key_0:
        showStrip();
        return true;
    case Qt::Key_N:
        nextMarker();
        return true;
    case Qt::Key_P:
        previousMarker();
        return true;
    case Qt::Key_B:
        addBookmark();
        return true;
    case Qt::Key_A:
        annotate();
        return true;
    default:
        return false;
    }
}

void ReviewWindow::keyPressEvent(QKeyEvent* event)
{
    if (handleKey(event))
        event->accept();
    else
        QDialog::keyPressEvent(event);
}

bool ReviewWindow::eventFilter(QObject* watched, QEvent* event)
{
    // The marker list would take letters (type-ahead search) and Home: the window's keys win.
    if (event->type() == QEvent::KeyPress && handleKey(static_cast<QKeyEvent*>(event)))
        return true;
    return QDialog::eventFilter(watched, event);
}

} // namespace vigil::ui
