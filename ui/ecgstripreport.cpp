#include "ecgstripreport.h"

#include "codec/wavecodec.h"
#include "core/nhsnumber.h"
#include "pdfreportoutput.h"

#include <QFont>
#include <QFontMetricsF>
#include <QLocale>
#include <QPageSize>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPolygonF>
#include <QTimeZone>
#ifdef VIGIL_HAVE_PRINTSUPPORT
#include <QPrinter>
#endif

#include <algorithm>
#include <cmath>

namespace vigil::ui {

namespace {

// The classic ECG paper colours: pale pink millimetres, stronger red 5 mm squares. Red, not grey,
// so the trace (black) stands out and the paper is recognised as ECG paper at a glance.
const QColor kMinorColour(0xF4, 0xBC, 0xBC);
const QColor kMajorColour(0xE0, 0x5A, 0x5A);
constexpr double kMinorWidthMm = 0.1;
constexpr double kMajorWidthMm = 0.25;
constexpr double kTraceWidthMm = 0.3;
constexpr double kMarginMm = 10.0;
constexpr int kPdfDpi = 600;

// Millimetres to device pixels on the painter's device (its logical DPI is what QPainter draws in:
// QPdfWriter's resolution, the printer's resolution).
struct Scale
{
    double x = 1;
    double y = 1;
    explicit Scale(const QPainter& painter)
        : x(painter.device()->logicalDpiX() / 25.4)
        , y(painter.device()->logicalDpiY() / 25.4)
    { }
    [[nodiscard]] QPointF point(double xMm, double yMm) const { return {xMm * x, yMm * y}; }
    [[nodiscard]] QRectF rect(double xMm, double yMm, double wMm, double hMm) const
    {
        return {xMm * x, yMm * y, wMm * x, hMm * y};
    }
};

QPen penMm(const QColor& colour, double widthMm, const Scale& s)
{
    QPen pen(colour, widthMm * s.x);
    pen.setCapStyle(Qt::FlatCap);
    return pen;
}

QFont font(double points, bool bold = false)
{
    QFont f;
    f.setStyleHint(QFont::SansSerif);
    f.setPointSizeF(points);
    f.setBold(bold);
    return f;
}

QDateTime utcOf(core::Timestamp us)
{
    return QDateTime::fromMSecsSinceEpoch(us / core::kMicrosPerMilli, QTimeZone::utc());
}

QString dateTimeText(const QDateTime& t)
{
    return QLocale().toString(t, QStringLiteral("d MMM yyyy HH:mm:ss"));
}

QString timeText(const QDateTime& t)
{
    return QLocale().toString(t, QStringLiteral("HH:mm:ss"));
}

// Seconds to the sample index at or after them; the epsilon keeps whole-second boundaries of
// integer rates exact despite floating point.
qint64 firstSampleAtOrAfter(double seconds, double rateHz)
{
    return static_cast<qint64>(std::ceil(seconds * rateHz - 1e-6));
}

// Scale from the stream's unit to millivolts (imports may carry µV or V).
double toMillivolts(const QString& unit)
{
    if (unit == QStringLiteral("uV") || unit == QStringLiteral("\u00b5V") || unit == QStringLiteral("\u03bcV"))
        return 1e-3;
    if (unit == QStringLiteral("V"))
        return 1e3;
    return 1.0;
}

} // namespace

EcgStripReport::EcgStripReport(Input input)
    : m_input(std::move(input))
{ }

QPageLayout EcgStripReport::pageLayout()
{
    return QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape,
        QMarginsF(kMarginMm, kMarginMm, kMarginMm, kMarginMm), QPageLayout::Millimeter);
}

EcgStripReport::Layout EcgStripReport::layoutFor(const QSizeF& printableMm) const
{
    Layout l;
    l.widthMm = printableMm.width();
    l.heightMm = printableMm.height();
    // Whole seconds only, so every row starts on a second and a major line falls on each 0.2 s.
    l.secondsPerRow = std::clamp(
        static_cast<int>(std::floor((l.widthMm - kCalibrationMm) / kMmPerSecond + 1e-9)), 0, kMaxSecondsPerRow);
    l.rowsPerPage =
        std::max(0, static_cast<int>(std::floor((l.heightMm - kHeaderMm - kFooterMm) / kRowHeightMm + 1e-9)));
    const int lanes = std::max<int>(1, static_cast<int>(m_input.lanes.size()));
    l.segmentsPerPage = l.rowsPerPage / lanes;
    return l;
}

double EcgStripReport::durationSeconds() const
{
    double seconds = 0;
    for (const Lane& lane : m_input.lanes) {
        if (lane.sampleRateHz > 0)
            seconds = std::max(seconds, static_cast<double>(lane.millivolts.size()) / lane.sampleRateHz);
    }
    return seconds;
}

int EcgStripReport::segmentCount(const Layout& layout) const
{
    if (layout.secondsPerRow <= 0)
        return 0;
    return static_cast<int>(std::ceil(durationSeconds() / layout.secondsPerRow - 1e-9));
}

int EcgStripReport::pageCount(const Layout& layout) const
{
    if (!layout.isValid())
        return 0;
    const int segments = segmentCount(layout);
    return (segments + layout.segmentsPerPage - 1) / layout.segmentsPerPage;
}

QString EcgStripReport::patientTitle() const
{
    if (m_input.pseudonymise)
        return tr("Pseudonym: %1").arg(m_input.pseudonym);
    if (m_input.nhsNumber.isEmpty())
        return m_input.displayName;
    return tr("%1    NHS Number %2").arg(m_input.displayName, core::NhsNumber::format(m_input.nhsNumber));
}

void EcgStripReport::paintHeader(QPainter& painter, const Layout& layout, int page, int pages) const
{
    const Scale s(painter);
    const double width = layout.gridWidthMm();
    painter.setPen(Qt::black);

    painter.setFont(font(12, true));
    painter.drawText(s.rect(0, 0, width, 6.5), Qt::AlignLeft | Qt::AlignVCenter, patientTitle());
    painter.drawText(s.rect(0, 0, width, 6.5), Qt::AlignRight | Qt::AlignVCenter, tr("ECG rhythm strip"));

    const QDateTime from = utcOf(m_input.start);
    const QDateTime to = from.addMSecs(std::llround(durationSeconds() * 1000.0));
    const QDateTime fromLocal = from.toLocalTime();
    const QDateTime toLocal = to.toLocalTime();
    painter.setFont(font(9));
    painter.drawText(s.rect(0, 7, width, 5), Qt::AlignLeft | Qt::AlignVCenter,
        tr("%1 to %2 UTC  (local time %3 to %4 %5)  \u2014  %6 s")
            .arg(dateTimeText(from), timeText(to), dateTimeText(fromLocal), timeText(toLocal),
                fromLocal.timeZoneAbbreviation(), QLocale().toString(durationSeconds(), 'f', 1)));

    painter.setFont(font(10, true));
    // Two spaces between speed and gain, as on ECG machines' printouts.
    painter.drawText(s.rect(0, 13, width, 5), Qt::AlignLeft | Qt::AlignVCenter, tr("25 mm/s  10 mm/mV"));
    const QDateTime printed = m_input.printedAt.isValid() ? m_input.printedAt : QDateTime::currentDateTime();
    painter.setFont(font(9));
    painter.drawText(s.rect(0, 13, width, 5), Qt::AlignRight | Qt::AlignVCenter,
        tr("Printed %1 %2 by %3")
            .arg(dateTimeText(printed.toLocalTime()), printed.toLocalTime().timeZoneAbbreviation(), m_input.printedBy));

    // Footer: a scaled print ("fit to page") is no longer measurable; say how to tell.
    const double footerTop = kHeaderMm + layout.rowsPerPage * kRowHeightMm + 1;
    painter.setFont(font(7.5));
    painter.drawText(s.rect(0, footerTop, width, kFooterMm - 1), Qt::AlignLeft | Qt::AlignVCenter,
        tr("Vigil. True scale only if each calibration pulse is 10 mm tall and 5 mm squares are 5 mm; "
           "print at 100 %, not \u201cfit to page\u201d."));
    painter.drawText(s.rect(0, footerTop, width, kFooterMm - 1), Qt::AlignRight | Qt::AlignVCenter,
        tr("Page %1 of %2").arg(page + 1).arg(pages));
}

void EcgStripReport::paintRow(QPainter& painter, const Layout& layout, double topMm, int segment, int laneIndex) const
{
    const Scale s(painter);
    const double width = layout.gridWidthMm();
    const int minorColumns = static_cast<int>(std::lround(width));
    const int minorRows = static_cast<int>(std::lround(kRowHeightMm));

    // Grid: minor lines first so the major lines are drawn over them where they coincide.
    QList<QLineF> minor;
    QList<QLineF> major;
    for (int i = 0; i <= minorColumns; ++i)
        (i % 5 == 0 ? major : minor) << QLineF(s.point(i, topMm), s.point(i, topMm + kRowHeightMm));
    for (int j = 0; j <= minorRows; ++j)
        (j % 5 == 0 ? major : minor) << QLineF(s.point(0, topMm + j), s.point(width, topMm + j));
    painter.setPen(penMm(kMinorColour, kMinorWidthMm, s));
    painter.drawLines(minor);
    painter.setPen(penMm(kMajorColour, kMajorWidthMm, s));
    painter.drawLines(major);

    const Lane& lane = m_input.lanes[static_cast<std::size_t>(laneIndex)];
    const double baseline = topMm + kBaselineFromTopMm;
    QPen trace(Qt::black, kTraceWidthMm * s.x);
    trace.setJoinStyle(Qt::RoundJoin);
    trace.setCapStyle(Qt::RoundCap);
    painter.setPen(trace);

    // The 1 mV calibration pulse: 10 mm up for 0.2 s (5 mm), drawn with the trace's own pen and
    // scale, so it is the row's proof of gain and speed.
    const double pulseTop = baseline - kMmPerMillivolt;
    const QPolygonF pulse{s.point(0.5, baseline), s.point(2.5, baseline), s.point(2.5, pulseTop),
        s.point(7.5, pulseTop), s.point(7.5, baseline), s.point(kCalibrationMm - 0.5, baseline)};
    painter.drawPolyline(pulse);

    // The trace, clipped to its band, broken at every NaN.
    if (lane.sampleRateHz > 0) {
        painter.save();
        painter.setClipRect(s.rect(kCalibrationMm, topMm, width - kCalibrationMm, kRowHeightMm));
        const double rowStart = static_cast<double>(segment) * layout.secondsPerRow;
        const auto n = static_cast<qint64>(lane.millivolts.size());
        const qint64 first = std::min(n, firstSampleAtOrAfter(rowStart, lane.sampleRateHz));
        const qint64 end = std::min(n, firstSampleAtOrAfter(rowStart + layout.secondsPerRow, lane.sampleRateHz));
        QPolygonF run;
        const auto flush = [&] {
            if (run.size() == 1)
                painter.drawPoint(run.front());
            else if (run.size() > 1)
                painter.drawPolyline(run);
            run.clear();
        };
        for (qint64 i = first; i < end; ++i) {
            const float v = lane.millivolts[static_cast<std::size_t>(i)];
            if (!std::isfinite(v)) {
                flush();
                continue;
            }
            const double t = static_cast<double>(i) / lane.sampleRateHz - rowStart;
            run << s.point(kCalibrationMm + t * kMmPerSecond, baseline - v * kMmPerMillivolt);
        }
        flush();
        painter.restore();
    }

    // Lane label and the row's start time, on a white patch so the grid does not cross the text.
    const QDateTime rowTime = utcOf(m_input.start).addSecs(static_cast<qint64>(segment) * layout.secondsPerRow);
    const QString label = lane.label.isEmpty() ? tr("ECG") : lane.label;
    const QString when = tr("%1 UTC (%2 local)").arg(timeText(rowTime), timeText(rowTime.toLocalTime()));
    painter.setFont(font(8, true));
    const QFontMetricsF labelMetrics(painter.font(), painter.device());
    const QRectF labelRect(s.point(0.6, topMm + 0.6), labelMetrics.size(Qt::TextSingleLine, label) + QSizeF(2, 0));
    painter.fillRect(labelRect, Qt::white);
    painter.setPen(Qt::black);
    painter.drawText(labelRect, Qt::AlignCenter, label);
    painter.setFont(font(7));
    const QFontMetricsF timeMetrics(painter.font(), painter.device());
    const QRectF timeRect(
        s.point(kCalibrationMm + 0.6, topMm + 0.6), timeMetrics.size(Qt::TextSingleLine, when) + QSizeF(2, 0));
    painter.fillRect(timeRect, Qt::white);
    painter.drawText(timeRect, Qt::AlignCenter, when);
}

void EcgStripReport::paintPage(QPainter& painter, const Layout& layout, int page) const
{
    if (!layout.isValid())
        return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    const int pages = pageCount(layout);
    const int segments = segmentCount(layout);
    paintHeader(painter, layout, page, pages);
    const int lanes = static_cast<int>(m_input.lanes.size());
    int row = 0;
    for (int seg = page * layout.segmentsPerPage; seg < std::min(segments, (page + 1) * layout.segmentsPerPage);
         ++seg) {
        for (int lane = 0; lane < lanes; ++lane)
            paintRow(painter, layout, kHeaderMm + row++ * kRowHeightMm, seg, lane);
    }
    painter.restore();
}

bool EcgStripReport::render(QPagedPaintDevice* device, QString* error) const
{
    const auto fail = [error](const QString& why) { return PdfReportOutput::failed(error, why); };
    if (!device)
        return fail(tr("No printer or file to print to."));
    if (m_input.lanes.empty() || durationSeconds() <= 0)
        return fail(tr("There is no ECG in the chosen interval to print."));
    const QPageLayout pageLayout = device->pageLayout();
    const Layout layout = layoutFor(pageLayout.paintRect(QPageLayout::Millimeter).size());
    if (!layout.isValid())
        return fail(tr("The page is too small to print %n ECG lane(s) at 25 mm/s and 10 mm/mV.", nullptr,
            static_cast<int>(m_input.lanes.size())));
    return PdfReportOutput::paintPages(
        device, pageCount(layout), [&](QPainter& painter, int page) { paintPage(painter, layout, page); }, error);
}

bool EcgStripReport::writePdf(const Input& input, const QString& path, QString* error)
{
    // A failed export leaves no half-written PDF that looks like a complete strip.
    const EcgStripReport report(input);
    return PdfReportOutput::writePdf(
        path, pageLayout(), kPdfDpi, tr("ECG rhythm strip"),
        [&report](QPagedPaintDevice* device, QString* why) { return report.render(device, why); }, error);
}

#ifdef VIGIL_HAVE_PRINTSUPPORT
bool EcgStripReport::print(QPrinter* printer, QString* error) const
{
    if (printer)
        printer->setColorMode(QPrinter::Color); // so the grid stays red
    // The paper size is the user's (A4 or Letter); the orientation must be landscape for 10 s rows.
    return PdfReportOutput::print(
        printer, QPageLayout::Landscape, QMarginsF(kMarginMm, kMarginMm, kMarginMm, kMarginMm), tr("ECG rhythm strip"),
        [this](QPagedPaintDevice* device, QString* why) { return render(device, why); }, error);
}
#endif

EcgStripReport::Lane EcgStripReport::laneFromRuns(const QString& label, const store::StreamDescriptor& descriptor,
    const std::vector<store::StoreReader::SampleRun>& runs, core::Timestamp from, core::Timestamp to)
{
    Lane lane;
    lane.label = label;
    lane.sampleRateHz = descriptor.rateHz;
    if (descriptor.rateHz <= 0 || to <= from)
        return lane;
    const double perMicro = descriptor.rateHz / static_cast<double>(core::kMicrosPerSecond);
    const auto count = static_cast<std::size_t>(std::ceil(static_cast<double>(to - from) * perMicro - 1e-6));
    lane.millivolts.assign(count, std::numeric_limits<float>::quiet_NaN());
    const double unitScale = toMillivolts(descriptor.unit);
    for (const store::StoreReader::SampleRun& run : runs) {
        const qint64 offset = std::llround(static_cast<double>(run.firstSampleTime - from) * perMicro);
        for (std::size_t j = 0; j < run.samples.size(); ++j) {
            const qint64 index = offset + static_cast<qint64>(j);
            if (index < 0 || index >= static_cast<qint64>(count) || run.samples[j] == codec::WaveCodec::kInvalid)
                continue;
            lane.millivolts[static_cast<std::size_t>(index)] =
                static_cast<float>(descriptor.toPhysical(run.samples[j]) * unitScale);
        }
    }
    return lane;
}

} // namespace vigil::ui
