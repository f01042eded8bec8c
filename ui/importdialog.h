#pragma once

#include "ingest/fileimporter.h"

#include <QDialog>
#include <QPointer>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace vigil::store {
class StoreWriter;
}
namespace vigil::ingest {
class ImportJob;
}

namespace vigil::ui {

// File > Import: imports recordings and messages (WFDB, EDF/EDF+, FHIR JSON/NDJSON, HL7 v2) into
// the cache for review, in the background (ingest::ImportJob) while the live view carries on.
// One row per file: its name (never its path), kind, what happened in words (readable without
// colour), patients, samples, annotations and problems; the selected file's problems and warnings
// below; a progress bar; Cancel (stops after the current batch, keeps what was read); Close.
// Imported records become patients for review; they are never shown as live patients.
//
// The window that owns it hides it while the session is locked (file names can name patients).
// Closing the dialog only hides it: the import carries on (the main window's status bar says so).
// Destroying the dialog cancels the import and waits for it: destroy it before the writer stops.
class ImportDialog final : public QDialog
{
    Q_OBJECT
public:
    enum Column {
        FileColumn,
        KindColumn,
        StatusColumn,
        PatientsColumn,
        SamplesColumn,
        VitalsColumn,
        AnnotationsColumn,
        ProblemsColumn,
        ColumnCount
    };

    // `writer` (not owned) must outlive the dialog; `actor`/`role` are audited for every file.
    ImportDialog(store::StoreWriter& writer, const QString& actor, const QString& role, QWidget* parent = nullptr);
    ~ImportDialog() override;

    // Starts importing `paths`; false (and nothing happens) while an import is running.
    bool start(const QStringList& paths);
    [[nodiscard]] bool isRunning() const;
    void cancel();
    // Blocks until the running import has finished and its results are shown; for tests.
    bool waitForFinished(int timeoutMs);

    [[nodiscard]] QTableWidget* table() const { return m_table; }
    [[nodiscard]] QLabel* summaryLabel() const { return m_summary; }
    [[nodiscard]] QPlainTextEdit* detailsView() const { return m_details; }
    [[nodiscard]] QPushButton* cancelButton() const { return m_cancel; }
    // The reports of the last import, one per file (empty until each file is done).
    [[nodiscard]] std::vector<std::optional<ingest::FileImporter::Report>> reports() const;

    [[nodiscard]] static QString statusText(const ingest::FileImporter::Report& report);
    [[nodiscard]] static QString kindText(ingest::FileImporter::Kind kind);

Q_SIGNALS:
    void importFinished();

private:
    void onFileStarted(int index);
    void onFileFinished(int index);
    void onFinished();
    void showDetails();
    void updateSummary();

    store::StoreWriter& m_writer;
    QString m_actor;
    QString m_role;
    QPointer<ingest::ImportJob> m_job;
    QLabel* m_intro = nullptr;
    QTableWidget* m_table = nullptr;
    QPlainTextEdit* m_details = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_summary = nullptr;
    QPushButton* m_cancel = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    bool m_done = true; // the last import's finished() was handled
};

} // namespace vigil::ui
