#include "pdfrender.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

namespace vigil::test {

namespace {

constexpr int kTimeoutMs = 60000;

} // namespace

QString PdfRender::pdfToPpm()
{
    return QStringLiteral("/usr/bin/pdftoppm");
}

QString PdfRender::pdfToText()
{
    return QStringLiteral("/usr/bin/pdftotext");
}

QString PdfRender::missingTools()
{
    QStringList missing;
    for (const QString& tool : {pdfToPpm(), pdfToText()}) {
        if (!QFileInfo::exists(tool))
            missing.append(tool);
    }
    if (missing.isEmpty())
        return {};
    return QStringLiteral("%1 missing: install poppler-utils (packaging/dev.sh lists it)")
        .arg(missing.join(QStringLiteral(" and ")));
}

std::optional<QStringList> PdfRender::pageFiles(
    const QString& pdf, const QString& directory, const QString& prefix, int dpi)
{
    if (!QFileInfo::exists(pdfToPpm())) {
        qWarning("pdftoppm missing");
        return std::nullopt;
    }
    const QDir dir(directory);
    QProcess p;
    p.start(
        pdfToPpm(), {QStringLiteral("-r"), QString::number(dpi), QStringLiteral("-png"), pdf, dir.filePath(prefix)});
    if (!p.waitForFinished(kTimeoutMs) || p.exitCode() != 0)
        return std::nullopt;
    QStringList files;
    for (const QString& f : dir.entryList({prefix + QStringLiteral("-*.png")}, QDir::Files, QDir::Name))
        files.append(dir.filePath(f));
    return files;
}

QString PdfRender::text(const QString& pdf)
{
    QProcess p;
    p.start(pdfToText(), {pdf, QStringLiteral("-")});
    if (!p.waitForFinished(kTimeoutMs) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput()).simplified();
}

QByteArray PdfRender::bytes(const QString& pdf)
{
    QFile raw(pdf);
    if (!raw.open(QIODevice::ReadOnly))
        return {};
    return raw.readAll();
}

QString PdfRender::keepPath(const QString& name)
{
    const QString keep = qEnvironmentVariable("VIGIL_TEST_KEEP_OUTPUT");
    return keep.isEmpty() ? QString() : QDir(keep).filePath(name);
}

void PdfRender::keep(const QString& file, const QString& name)
{
    const QString path = keepPath(name);
    if (path.isEmpty())
        return;
    QFile::remove(path);
    QFile::copy(file, path);
}

} // namespace vigil::test
