#pragma once

#include "core/timestamp.h"
#include "store/storereader.h"
#include "store/streamdescriptor.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QPageLayout>
#include <QSizeF>
#include <QString>

#include <vector>

class QPainter;
class QPagedPaintDevice;
#ifdef VIGIL_HAVE_PRINTSUPPORT
class QPrinter;
#endif

namespace vigil::ui {

// An ECG rhythm strip on paper (issue 6 item 4), at true scale: 25 mm/s and 10 mm/mV on the
// standard grid (1 mm minor and 5 mm major lines in red/pink), so a clinician can measure intervals
// and amplitudes with calipers or a ruler exactly as on a 12-lead printout. Every lane starts each
// row with a 1 mV calibration pulse (10 mm tall, 0.2 s wide) that proves the scale of that very
// row. The strip is cut into rows of whole seconds (10 s on A4 landscape: 250 mm); each row holds
// all lanes of the same seconds one under the other, and the rows of one time never split over two
// pages. Every page carries the patient (or the pseudonym), the time span in UTC and local time,
// the speed and gain legend, who printed it and when, and "page n of m".
//
// Scale is taken from the paint device's logical resolution, so any QPagedPaintDevice (QPdfWriter,
// QPrinter) and any margins give millimetre-exact output; a smaller printable area gets fewer
// seconds per row or fewer rows per page, never a smaller scale. Samples are drawn as given: NaN
// is a gap (lead off, no data) and breaks the trace; a trace beyond its row's band is clipped at
// the band's edge rather than drawn over the neighbouring row. GUI thread (fonts).
class EcgStripReport final
{
    Q_DECLARE_TR_FUNCTIONS(vigil::ui::EcgStripReport)
public:
    struct Lane
    {
        QString label; // e.g. "II"
        std::vector<float> millivolts; // physical samples; NaN = no sample
        double sampleRateHz = 0;
    };
    struct Input
    {
        // Identifying data, printed only when not pseudonymised (then the pseudonym stands in, and
        // neither the name nor the NHS Number appear anywhere in the document, metadata included).
        QString displayName; // "SURNAME, Given" (core::PatientIdentity::displayName())
        QString nhsNumber; // ten digits; printed as "943 476 5919"
        bool pseudonymise = false;
        QString pseudonym;
        core::Timestamp start = 0; // time of each lane's first sample, µs UTC
        std::vector<Lane> lanes;
        QString printedBy; // user name
        QDateTime printedAt; // invalid: now
    };

    static constexpr double kMmPerSecond = 25.0;
    static constexpr double kMmPerMillivolt = 10.0;
    static constexpr int kMaxSecondsPerRow = 10;
    static constexpr double kRowHeightMm = 40.0; // 4 mV of grid per lane
    static constexpr double kBaselineFromTopMm = 24.0; // room for 2.4 mV up, 1.6 mV down
    static constexpr double kCalibrationMm = 10.0; // 2.5 mm baseline, 5 mm (0.2 s) pulse, 2.5 mm
    static constexpr double kHeaderMm = 22.0;
    static constexpr double kFooterMm = 6.0;

    // Where things go on a page of a given printable size; pure arithmetic, exposed for tests and
    // for a print preview.
    struct Layout
    {
        double widthMm = 0; // printable area
        double heightMm = 0;
        int secondsPerRow = 0; // 0: the area is too small for one second and a calibration pulse
        int rowsPerPage = 0; // lane rows (each row: one lane over secondsPerRow seconds)
        int segmentsPerPage = 0; // time segments (each: one row per lane)
        [[nodiscard]] double gridWidthMm() const { return kCalibrationMm + secondsPerRow * kMmPerSecond; }
        [[nodiscard]] bool isValid() const { return secondsPerRow > 0 && segmentsPerPage > 0; }
    };

    explicit EcgStripReport(Input input);

    // A4 landscape with 10 mm margins: 277 x 190 mm printable, 10 s per row, 4 rows per page.
    [[nodiscard]] static QPageLayout pageLayout();
    [[nodiscard]] Layout layoutFor(const QSizeF& printableMm) const;
    [[nodiscard]] double durationSeconds() const; // of the longest lane
    [[nodiscard]] int segmentCount(const Layout& layout) const;
    [[nodiscard]] int pageCount(const Layout& layout) const;

    // Paints page `page` (0-based) with the painter's origin at the top left of the printable area
    // of `printableMm`; the device's logical DPI gives the millimetre.
    void paintPage(QPainter& painter, const Layout& layout, int page) const;
    // Every page onto `device`, whose page layout is set by the caller (QPdfWriter, QPrinter).
    // False with *error when the printable area cannot hold one row at true scale, there is nothing
    // to print, or painting cannot start.
    bool render(QPagedPaintDevice* device, QString* error = nullptr) const;

    // A4 landscape, 600 dpi, pageLayout(); the PDF's title carries no identifying data.
    [[nodiscard]] static bool writePdf(const Input& input, const QString& path, QString* error = nullptr);
#ifdef VIGIL_HAVE_PRINTSUPPORT
    // On a printer the user chose (QPrintDialog): A4 landscape is asked for, the printer's own
    // printable area decides the rows. Full colour, so the grid stays red.
    bool print(QPrinter* printer, QString* error = nullptr) const;
#endif

    // A lane from the store: the runs of [from, to) (StoreReader::samples()) into one array at the
    // stream's rate, physical units (mV for ECG), NaN where there is no sample. Runs are placed by
    // their first sample's time, so gaps between chunks stay gaps.
    [[nodiscard]] static Lane laneFromRuns(const QString& label, const store::StreamDescriptor& descriptor,
        const std::vector<store::StoreReader::SampleRun>& runs, core::Timestamp from, core::Timestamp to);

    [[nodiscard]] const Input& input() const
    {
        return m_input;
    }

private:
    void paintHeader(QPainter& painter, const Layout& layout, int page, int pages) const;
    void paintRow(QPainter& painter, const Layout& layout, double topMm, int segment, int lane) const;
    [[nodiscard]] QString patientTitle() const;

    Input m_input;
};

} // namespace vigil::ui
