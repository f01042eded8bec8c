#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace vigil::test {

// A PDF as the tests read it, through poppler-utils (pdftoppm, pdftotext; packaging/dev.sh lists
// them): its pages as PNG files and its text, the way a reader of the printed page sees them. Qt Core
// only (this library serves model tests too): a test reads the PNGs into QImages itself.
class PdfRender final
{
public:
    static QString pdfToPpm(); // /usr/bin/pdftoppm
    static QString pdfToText(); // /usr/bin/pdftotext

    // Empty when both tools are installed; otherwise what is missing and how to install it.
    [[nodiscard]] static QString missingTools();

    // The pages of `pdf` rasterised at `dpi` into `directory` as <prefix>-<n>.png, their paths in
    // page order; nullopt when pdftoppm fails.
    [[nodiscard]] static std::optional<QStringList> pageFiles(
        const QString& pdf, const QString& directory, const QString& prefix, int dpi);
    // The text of `pdf`, white space simplified; empty when pdftotext fails.
    [[nodiscard]] static QString text(const QString& pdf);
    // The raw bytes of `pdf` (to look for text that must not be in it anywhere, metadata included).
    [[nodiscard]] static QByteArray bytes(const QString& pdf);

    // With VIGIL_TEST_KEEP_OUTPUT=<dir>, where to keep an output named `name` to look at it later;
    // empty without.
    [[nodiscard]] static QString keepPath(const QString& name);
    // Copies `file` to keepPath(name) (replacing it) when VIGIL_TEST_KEEP_OUTPUT is set.
    static void keep(const QString& file, const QString& name);
};

} // namespace vigil::test
