#pragma once

#include <QCoreApplication>
#include <QMarginsF>
#include <QPageLayout>
#include <QString>

#include <functional>

class QPagedPaintDevice;
class QPainter;
#ifdef VIGIL_HAVE_PRINTSUPPORT
class QPrinter;
#endif

namespace vigil::ui {

// The paper side of the printed reports (EcgStripReport, EscalationSummaryReport): a report renders
// itself onto any QPagedPaintDevice, and this puts that device in place, a PDF file or a printer.
class PdfReportOutput final
{
    Q_DECLARE_TR_FUNCTIONS(vigil::ui::PdfReportOutput)
public:
    // Paints every page onto `device`, whose page layout is already set; false with *error when not.
    using Render = std::function<bool(QPagedPaintDevice* device, QString* error)>;
    // Paints page `page` (0-based).
    using PaintPage = std::function<void(QPainter& painter, int page)>;

    // Sets *error (when asked for) to `why`; false, for `return failed(error, why);`.
    static bool failed(QString* error, const QString& why);

    // `pages` pages onto `device` with one painter, a new page before every page but the first;
    // false with *error when painting cannot start, a page cannot be started or painting fails.
    static bool paintPages(QPagedPaintDevice* device, int pages, const PaintPage& paintPage, QString* error = nullptr);

    // A PDF at `path` with `layout` at `resolution` dpi, written through QSaveFile: a failed export
    // leaves no half-written file that looks like a complete report. `title` is the PDF's title
    // (file browsers and indexers show it: no identifying data), "Vigil" its creator.
    [[nodiscard]] static bool writePdf(const QString& path, const QPageLayout& layout, int resolution,
        const QString& title, const Render& render, QString* error = nullptr);
#ifdef VIGIL_HAVE_PRINTSUPPORT
    // On a printer the user chose: the paper size stays the user's, `orientation` and `marginsMm` are
    // asked for, `docName` names the job. False with *error when there is no printer.
    static bool print(QPrinter* printer, QPageLayout::Orientation orientation, const QMarginsF& marginsMm,
        const QString& docName, const Render& render, QString* error = nullptr);
#endif
};

} // namespace vigil::ui
