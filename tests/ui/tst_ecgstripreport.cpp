// The printed ECG strip (issue 6 item 4), measured on the PDF as a clinician measures paper: the PDF
// is rasterised by poppler (pdftoppm, 100 dpi: 1 mm = 3.937 px) and the pixels are checked. The 5 mm
// grid is 5 mm apart everywhere on the page (horizontal and vertical), a 1 mV square wave is 10 mm
// peak to peak and its edges 25 mm (1 s) apart, the calibration pulse is 10 mm tall, a NaN gap is
// blank paper, and the pages hold the rows they should. The text (pdftotext) has the header, and
// with pseudonymisation neither the name nor the NHS Number.

#include "codec/wavecodec.h"
#include "ecgstripreport.h"
#include "pdfrender.h"
#include "store/streamdescriptor.h"

#include <QFileInfo>
#include <QImage>
#ifdef VIGIL_HAVE_PRINTSUPPORT
#include <QPrinter>
#endif
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <cmath>
#include <limits>
#include <numbers>
#include <vector>

using namespace vigil;
using ui::EcgStripReport;
using vigil::test::PdfRender;

namespace {

constexpr double kDpi = 100.0;
constexpr double kPxPerMm = kDpi / 25.4;
constexpr double kMarginMm = 10.0; // EcgStripReport::pageLayout()
constexpr int kRate = 500;

// 25 s of a 1 mV square wave (1 mV for the first half of each second, 0 mV for the second half),
// with no samples from 20 s to 21 s.
std::vector<float> squareWave(double seconds)
{
    std::vector<float> v(static_cast<std::size_t>(seconds * kRate));
    for (std::size_t i = 0; i < v.size(); ++i) {
        const double t = double(i) / kRate;
        v[i] = std::fmod(t, 1.0) < 0.5 ? 1.0f : 0.0f;
        if (t >= 20.0 && t < 21.0)
            v[i] = std::numeric_limits<float>::quiet_NaN();
    }
    return v;
}

std::vector<float> sine(double seconds, double amplitudeMv, double hz)
{
    std::vector<float> v(static_cast<std::size_t>(seconds * kRate));
    for (std::size_t i = 0; i < v.size(); ++i)
        v[i] = static_cast<float>(amplitudeMv * std::sin(2 * std::numbers::pi * hz * double(i) / kRate));
    return v;
}

EcgStripReport::Input input(std::vector<EcgStripReport::Lane> lanes)
{
    EcgStripReport::Input in;
    in.displayName = QStringLiteral("PRINTWELL, Ada");
    in.nhsNumber = QStringLiteral("9434765919");
    in.pseudonym = QStringLiteral("P-7F3A");
    // 2025-06-01 09:00:00 UTC
    in.start = QDateTime(QDate(2025, 6, 1), QTime(9, 0), QTimeZone::utc()).toMSecsSinceEpoch() * 1000;
    in.lanes = std::move(lanes);
    in.printedBy = QStringLiteral("nurse.jones");
    in.printedAt = QDateTime(QDate(2025, 6, 1), QTime(10, 30), QTimeZone::utc());
    return in;
}

int redness(QRgb c)
{
    return std::max(0, qRed(c) - qGreen(c));
}

bool dark(QRgb c)
{
    return qRed(c) < 100 && qGreen(c) < 100 && qBlue(c) < 100;
}

// Centroids of runs of indices whose score is above `threshold`, weighted by the score.
std::vector<double> peaks(const std::vector<double>& score, double threshold)
{
    std::vector<double> out;
    double sum = 0;
    double weighted = 0;
    for (std::size_t i = 0; i <= score.size(); ++i) {
        if (i < score.size() && score[i] > threshold) {
            sum += score[i];
            weighted += score[i] * double(i);
        } else if (sum > 0) {
            out.push_back(weighted / sum);
            sum = weighted = 0;
        }
    }
    return out;
}

// Checks that `lines` are `spacing` apart, each step within ±1 px and the whole run within ±1 px.
void checkSpacing(const std::vector<double>& lines, double spacing, int expectedCount, const char* what)
{
    QVERIFY2(int(lines.size()) == expectedCount,
        qPrintable(QStringLiteral("%1: %2 major lines, expected %3")
                       .arg(QLatin1String(what))
                       .arg(lines.size())
                       .arg(expectedCount)));
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const double step = lines[i] - lines[i - 1];
        QVERIFY2(std::abs(step - spacing) <= 1.0,
            qPrintable(QStringLiteral("%1: lines %2 and %3 are %4 px apart, expected %5 ± 1")
                           .arg(QLatin1String(what))
                           .arg(i - 1)
                           .arg(i)
                           .arg(step)
                           .arg(spacing)));
    }
    const double total = lines.back() - lines.front();
    const double expected = spacing * double(lines.size() - 1);
    QVERIFY2(std::abs(total - expected) <= 1.0,
        qPrintable(QStringLiteral("%1: %2 px from first to last line, expected %3 (true scale over the page)")
                       .arg(QLatin1String(what))
                       .arg(total)
                       .arg(expected)));
}

} // namespace

class TestEcgStripReport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // The PDF's pages as 100 dpi images.
    std::vector<QImage> rasterise(const QString& pdf, const QString& prefix)
    {
        std::vector<QImage> pages;
        for (const QString& f : PdfRender::pageFiles(pdf, m_dir.path(), prefix, int(kDpi)).value_or(QStringList()))
            pages.emplace_back(QImage(f).convertToFormat(QImage::Format_RGB32));
        return pages;
    }

    // Top of lane row `row` on page images, in px.
    static double rowTopPx(int row)
    {
        return (kMarginMm + EcgStripReport::kHeaderMm + row * EcgStripReport::kRowHeightMm) * kPxPerMm;
    }
    static double xPx(double mmInGrid) { return (kMarginMm + mmInGrid) * kPxPerMm; }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString missing = PdfRender::missingTools();
        QVERIFY2(missing.isEmpty(), qPrintable(missing));
    }

    void layoutArithmetic()
    {
        const EcgStripReport one(input({{QStringLiteral("II"), squareWave(25), kRate}}));
        const auto a4 = one.layoutFor(EcgStripReport::pageLayout().paintRect(QPageLayout::Millimeter).size());
        QCOMPARE(a4.secondsPerRow, 10); // 250 mm of strip on A4 landscape
        QCOMPARE(a4.rowsPerPage, 4);
        QCOMPARE(a4.gridWidthMm(), 260.0);
        QCOMPARE(one.segmentCount(a4), 3);
        QCOMPARE(one.pageCount(a4), 1);
        // US Letter landscape with the same margins: 259 mm wide, 9 s rows, never a smaller scale.
        QCOMPARE(one.layoutFor(QSizeF(259.4, 195.9)).secondsPerRow, 9);
        // Too small for one row at true scale: nothing, rather than a scaled strip.
        QVERIFY(!one.layoutFor(QSizeF(100, 50)).isValid());
    }

    void gridTraceAndScale()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("square.pdf"));
        QString error;
        QVERIFY2(EcgStripReport::writePdf(input({{QStringLiteral("II"), squareWave(25), kRate}}), pdf, &error),
            qPrintable(error));
        const std::vector<QImage> pages = rasterise(pdf, QStringLiteral("square"));
        QCOMPARE(int(pages.size()), 1); // 25 s: three 10 s rows, four fit on a page
        const QImage& page = pages.front();
        // A4 landscape (poppler rounds the page size up to whole pixels).
        QVERIFY(std::abs(page.width() - 297 * kPxPerMm) <= 1);
        QVERIFY(std::abs(page.height() - 210 * kPxPerMm) <= 1);

        // Vertical major lines: the column profile of "redness" inside row 0 (below its labels).
        const int y0 = qRound(rowTopPx(0) + 6 * kPxPerMm);
        const int y1 = qRound(rowTopPx(0) + 38 * kPxPerMm);
        std::vector<double> columns(static_cast<std::size_t>(page.width()), 0.0);
        for (int x = 0; x < page.width(); ++x) {
            for (int y = y0; y < y1; ++y)
                columns[std::size_t(x)] += redness(page.pixel(x, y));
            columns[std::size_t(x)] /= (y1 - y0);
        }
        const double maxColumn = *std::max_element(columns.begin(), columns.end());
        QVERIFY2(maxColumn > 40, "no red grid found");
        const std::vector<double> vertical = peaks(columns, 0.6 * maxColumn);
        checkSpacing(vertical, 5 * kPxPerMm, 53, "vertical 5 mm lines"); // 260 mm of grid: 0, 5, ..., 260
        QVERIFY2(std::abs(vertical.front() - xPx(0)) <= 1.5, "grid does not start at the left margin");

        // Horizontal major lines over the three rows: the row profile inside the strip.
        const int x0 = qRound(xPx(EcgStripReport::kCalibrationMm + 40));
        const int x1 = qRound(xPx(EcgStripReport::kCalibrationMm + 240));
        std::vector<double> rows(static_cast<std::size_t>(page.height()), 0.0);
        for (int y = 0; y < page.height(); ++y) {
            for (int x = x0; x < x1; ++x)
                rows[std::size_t(y)] += redness(page.pixel(x, y));
            rows[std::size_t(y)] /= (x1 - x0);
        }
        const double maxRow = *std::max_element(rows.begin(), rows.end());
        const std::vector<double> horizontal = peaks(rows, 0.6 * maxRow);
        checkSpacing(horizontal, 5 * kPxPerMm, 25, "horizontal 5 mm lines"); // 3 rows x 40 mm: 0, 5, ..., 120

        // The trace: dark pixels per pixel row in row 0's strip; the 1 mV and 0 mV plateaus.
        const auto plateaus = [&](int row, double fromMm, double toMm) {
            std::vector<double> count(static_cast<std::size_t>(page.height()), 0.0);
            const int top = qRound(rowTopPx(row) + 6 * kPxPerMm);
            const int bottom = qRound(rowTopPx(row + 1));
            for (int y = top; y < bottom; ++y) {
                for (int x = qRound(xPx(fromMm)); x < qRound(xPx(toMm)); ++x)
                    count[std::size_t(y)] += dark(page.pixel(x, y)) ? 1 : 0;
            }
            return peaks(count, 0.3 * *std::max_element(count.begin(), count.end()));
        };
        const std::vector<double> trace = plateaus(0, EcgStripReport::kCalibrationMm, 260);
        QVERIFY2(trace.size() == 2, qPrintable(QStringLiteral("expected 2 plateaus, found %1").arg(trace.size())));
        const double peakToPeakMm = (trace.back() - trace.front()) / kPxPerMm;
        QVERIFY2(std::abs(peakToPeakMm - 10.0) <= 0.5,
            qPrintable(QStringLiteral("1 mV is %1 mm peak to peak, expected 10 ± 0.5").arg(peakToPeakMm)));
        const double baselineMm = (trace.back() - rowTopPx(0)) / kPxPerMm;
        QVERIFY2(std::abs(baselineMm - EcgStripReport::kBaselineFromTopMm) <= 0.5,
            qPrintable(QStringLiteral("baseline %1 mm below the row top").arg(baselineMm)));

        // The calibration pulse at the start of the row: 10 mm tall too.
        const std::vector<double> calibration = plateaus(0, 0, EcgStripReport::kCalibrationMm);
        QCOMPARE(int(calibration.size()), 2);
        const double calibrationMm = (calibration.back() - calibration.front()) / kPxPerMm;
        QVERIFY2(std::abs(calibrationMm - 10.0) <= 0.5,
            qPrintable(QStringLiteral("calibration pulse is %1 mm, expected 10 ± 0.5").arg(calibrationMm)));

        // 25 mm/s: the rising and falling edges (tall dark columns) are 0.5 s = 12.5 mm apart.
        std::vector<double> edges(static_cast<std::size_t>(page.width()), 0.0);
        for (int x = qRound(xPx(EcgStripReport::kCalibrationMm + 2)); x < qRound(xPx(258)); ++x) {
            for (int y = qRound(rowTopPx(0) + 15 * kPxPerMm); y < qRound(rowTopPx(0) + 23 * kPxPerMm); ++y)
                edges[std::size_t(x)] += dark(page.pixel(x, y)) ? 1 : 0;
        }
        const std::vector<double> edgeColumns = peaks(edges, 0.5 * *std::max_element(edges.begin(), edges.end()));
        // Edges at 0.5, 1.0, ..., 9.5 s (the one at 0 s is at the row's start, excluded above).
        checkSpacing(edgeColumns, 12.5 * kPxPerMm, 19, "square-wave edges");
        QVERIFY(std::abs(edgeColumns.front() - xPx(EcgStripReport::kCalibrationMm + 12.5)) <= 1.5);

        // Row 2 (20-25 s): blank paper (no dark pixels) for the NaN second and after the end.
        const auto darkIn = [&](int row, double fromMm, double toMm) {
            int n = 0;
            for (int y = qRound(rowTopPx(row) + 6 * kPxPerMm); y < qRound(rowTopPx(row + 1)); ++y) {
                for (int x = qRound(xPx(fromMm)); x < qRound(xPx(toMm)); ++x)
                    n += dark(page.pixel(x, y)) ? 1 : 0;
            }
            return n;
        };
        const double cal = EcgStripReport::kCalibrationMm;
        QCOMPARE(darkIn(2, cal + 1, cal + 24), 0); // 20.0-21.0 s: no samples
        QVERIFY(darkIn(2, cal + 26, cal + 124) > 100); // 21-25 s: trace
        QCOMPARE(darkIn(2, cal + 126, cal + 250), 0); // after 25 s: nothing
        QVERIFY(darkIn(1, cal + 1, cal + 249) > 500); // 10-20 s: trace
        QCOMPARE(darkIn(3, 0, 260), 0); // no fourth row

        // VIGIL_TEST_KEEP_OUTPUT=<dir> keeps the page, to look at it (a test only measures).
        if (const QString keptPage = PdfRender::keepPath(QStringLiteral("ecgstrip-page1.png")); !keptPage.isEmpty())
            page.save(keptPage);
        PdfRender::keep(pdf, QStringLiteral("ecgstrip.pdf"));
    }

#ifdef VIGIL_HAVE_PRINTSUPPORT
    // print(QPrinter*) through Qt's own PDF printer: the same true scale on the printer's layout.
    void printToPrinter()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("printer.pdf"));
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(pdf);
        printer.setPageSize(QPageSize(QPageSize::A4));
        const EcgStripReport report(input({{QStringLiteral("II"), squareWave(25), kRate}}));
        QString error;
        QVERIFY2(report.print(&printer, &error), qPrintable(error));
        QCOMPARE(printer.pageLayout().orientation(), QPageLayout::Landscape);
        const std::vector<QImage> pages = rasterise(pdf, QStringLiteral("printer"));
        QCOMPARE(int(pages.size()), 1);
        const QImage& page = pages.front();
        const int y0 = qRound(rowTopPx(0) + 6 * kPxPerMm);
        const int y1 = qRound(rowTopPx(0) + 38 * kPxPerMm);
        std::vector<double> columns(static_cast<std::size_t>(page.width()), 0.0);
        for (int x = 0; x < page.width(); ++x) {
            for (int y = y0; y < y1; ++y)
                columns[std::size_t(x)] += redness(page.pixel(x, y));
        }
        const double maxColumn = *std::max_element(columns.begin(), columns.end());
        checkSpacing(peaks(columns, 0.6 * maxColumn), 5 * kPxPerMm, 53, "vertical 5 mm lines (printer)");
        QVERIFY(PdfRender::text(pdf).contains(QStringLiteral("25 mm/s")));
    }
#endif

    void headerText()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("header.pdf"));
        QVERIFY(EcgStripReport::writePdf(input({{QStringLiteral("II"), sine(25, 1.0, 1.2), kRate}}), pdf));
        const QString t = PdfRender::text(pdf);
        QVERIFY2(t.contains(QStringLiteral("25 mm/s")), qPrintable(t));
        QVERIFY(t.contains(QStringLiteral("10 mm/mV")));
        QVERIFY(t.contains(QStringLiteral("PRINTWELL, Ada")));
        QVERIFY(t.contains(QStringLiteral("943 476 5919")));
        QVERIFY(t.contains(QStringLiteral("09:00:00")));
        QVERIFY(t.contains(QStringLiteral("09:00:25 UTC")));
        QVERIFY(t.contains(QStringLiteral("Printed")));
        QVERIFY(t.contains(QStringLiteral("nurse.jones")));
        QVERIFY(t.contains(QStringLiteral("Page 1 of 1")));
        QVERIFY(t.contains(QStringLiteral("ECG rhythm strip")));
    }

    void pseudonymised()
    {
        auto in = input({{QStringLiteral("II"), sine(12, 1.0, 1.2), kRate}});
        in.pseudonymise = true;
        const QString pdf = m_dir.filePath(QStringLiteral("pseudonym.pdf"));
        QVERIFY(EcgStripReport::writePdf(in, pdf));
        const QString t = PdfRender::text(pdf);
        QVERIFY(t.contains(QStringLiteral("P-7F3A")));
        QVERIFY(!t.contains(QStringLiteral("PRINTWELL"), Qt::CaseInsensitive));
        QVERIFY(!t.contains(QStringLiteral("Ada")));
        QVERIFY(!t.contains(QStringLiteral("5919")));
        const QByteArray bytes = PdfRender::bytes(pdf);
        QVERIFY(!bytes.isEmpty());
        QVERIFY(!bytes.contains("PRINTWELL"));
        QVERIFY(!bytes.contains("9434765919"));
    }

    void pages_data()
    {
        QTest::addColumn<int>("lanes");
        QTest::addColumn<double>("seconds");
        QTest::addColumn<int>("expectedPages");
        QTest::newRow("1 lane, 25 s: 3 rows") << 1 << 25.0 << 1;
        QTest::newRow("1 lane, 40 s: 4 rows") << 1 << 40.0 << 1;
        QTest::newRow("1 lane, 45 s: 5 rows") << 1 << 45.0 << 2;
        QTest::newRow("2 lanes, 25 s: 3 x 2 rows") << 2 << 25.0 << 2;
        QTest::newRow("1 lane, 90 s") << 1 << 90.0 << 3;
    }

    void pages()
    {
        QFETCH(int, lanes);
        QFETCH(double, seconds);
        QFETCH(int, expectedPages);
        std::vector<EcgStripReport::Lane> l;
        for (int i = 0; i < lanes; ++i)
            l.push_back({i == 0 ? QStringLiteral("II") : QStringLiteral("V1"), sine(seconds, 0.8, 1.1), kRate});
        const QString name = QStringLiteral("pages-%1-%2").arg(lanes).arg(seconds);
        const QString pdf = m_dir.filePath(name + QStringLiteral(".pdf"));
        QVERIFY(EcgStripReport::writePdf(input(std::move(l)), pdf));
        QCOMPARE(int(rasterise(pdf, name).size()), expectedPages);
        QVERIFY(PdfRender::text(pdf).contains(QStringLiteral("Page %1 of %1").arg(expectedPages)));
    }

    void refusesWhatCannotBePrinted()
    {
        QString error;
        QVERIFY(!EcgStripReport::writePdf(input({}), m_dir.filePath(QStringLiteral("empty.pdf")), &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("empty.pdf")))); // nothing half-written
        error.clear();
        QVERIFY(!EcgStripReport::writePdf(input({{QStringLiteral("II"), sine(5, 1, 1), kRate}}),
            m_dir.filePath(QStringLiteral("no/such/dir/x.pdf")), &error));
        QVERIFY(!error.isEmpty());
        // Five lanes do not fit four rows of a page at true scale: refused, never shrunk.
        std::vector<EcgStripReport::Lane> five(5, {QStringLiteral("II"), sine(5, 1, 1), kRate});
        QVERIFY(!EcgStripReport::writePdf(input(std::move(five)), m_dir.filePath(QStringLiteral("five.pdf")), &error));
    }

    void laneFromStoreRuns()
    {
        store::StreamDescriptor d = store::StreamDescriptor::forLiveStream(core::StreamKind::Ecg);
        QCOMPARE(d.unit, QStringLiteral("mV"));
        d.rateHz = 500;
        const core::Timestamp from = 1'750'000'000'000'000;
        std::vector<store::StoreReader::SampleRun> runs(2);
        runs[0].firstSampleTime = from;
        runs[0].samples = {d.toDigital(1.0f), d.toDigital(-0.5f), codec::WaveCodec::kInvalid};
        runs[1].firstSampleTime = from + 10'000; // 10 ms later: samples 5 and 6
        runs[1].samples = {d.toDigital(0.25f), d.toDigital(0.0f)};
        const auto lane = EcgStripReport::laneFromRuns(QStringLiteral("II"), d, runs, from, from + 20'000);
        QCOMPARE(lane.sampleRateHz, 500.0);
        QCOMPARE(int(lane.millivolts.size()), 10);
        QCOMPARE(lane.millivolts[0], 1.0f);
        QCOMPARE(lane.millivolts[1], -0.5f);
        QVERIFY(std::isnan(lane.millivolts[2])); // invalid sample
        QVERIFY(std::isnan(lane.millivolts[3])); // between runs
        QVERIFY(std::isnan(lane.millivolts[4]));
        QCOMPARE(lane.millivolts[5], 0.25f);
        QCOMPARE(lane.millivolts[6], 0.0f);
        QVERIFY(std::isnan(lane.millivolts[9]));
        // Microvolts from an import are converted.
        d.unit = QStringLiteral("uV");
        d.gain = 1;
        runs.resize(1);
        runs[0].samples = {1000};
        QCOMPARE(EcgStripReport::laneFromRuns({}, d, runs, from, from + 2'000).millivolts[0], 1.0f);
    }
};

QTEST_MAIN(TestEcgStripReport)
#include "tst_ecgstripreport.moc"
