#include "pdfreportoutput.h"

#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#ifdef VIGIL_HAVE_PRINTSUPPORT
#include <QPrinter>
#endif

namespace vigil::ui {

bool PdfReportOutput::failed(QString* error, const QString& why)
{
    if (error)
        *error = why;
    return false;
}

bool PdfReportOutput::paintPages(QPagedPaintDevice* device, int pages, const PaintPage& paintPage, QString* error)
{
    QPainter painter;
    if (!painter.begin(device))
        return failed(error, tr("Cannot start printing."));
    for (int page = 0; page < pages; ++page) {
        if (page > 0 && !device->newPage()) {
            painter.end();
            return failed(error, tr("Cannot start page %1.").arg(page + 1));
        }
        paintPage(painter, page);
    }
    if (!painter.end())
        return failed(error, tr("Printing did not finish."));
    return true;
}

bool PdfReportOutput::writePdf(const QString& path, const QPageLayout& layout, int resolution, const QString& title,
    const Render& render, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return failed(error, tr("Cannot write %1: %2").arg(path, file.errorString()));
    {
        QPdfWriter writer(&file);
        writer.setResolution(resolution);
        writer.setPageLayout(layout);
        // No identifying data in the metadata: file browsers and indexers show it.
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("Vigil"));
        if (!render(&writer, error)) {
            file.cancelWriting();
            return false;
        }
    }
    if (!file.commit())
        return failed(error, tr("Cannot write %1: %2").arg(path, file.errorString()));
    return true;
}

#ifdef VIGIL_HAVE_PRINTSUPPORT
bool PdfReportOutput::print(QPrinter* printer, QPageLayout::Orientation orientation, const QMarginsF& marginsMm,
    const QString& docName, const Render& render, QString* error)
{
    if (!printer)
        return failed(error, tr("No printer or file to print to."));
    printer->setPageOrientation(orientation);
    printer->setPageMargins(marginsMm, QPageLayout::Millimeter);
    printer->setDocName(docName);
    return render(printer, error);
}
#endif

} // namespace vigil::ui
