#include "importdialog.h"

#include "ingest/importjob.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace vigil::ui {

using ingest::FileImporter;

ImportDialog::ImportDialog(store::StoreWriter& writer, const QString& actor, const QString& role, QWidget* parent)
    : QDialog(parent)
    , m_writer(writer)
    , m_actor(actor)
    , m_role(role)
{
    setWindowTitle(tr("Import files"));
    setObjectName(QStringLiteral("importDialog"));
    auto* layout = new QVBoxLayout(this);
    m_intro = new QLabel(tr("Imported recordings and messages are kept in the encrypted cache as patients for "
                            "review. They are never shown as live patients."),
        this);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("importTable"));
    m_table->setHorizontalHeaderLabels({tr("File"), tr("Kind"), tr("Result"), tr("Patients"), tr("Samples"),
        tr("Vital signs"), tr("Annotations"), tr("Problems")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(FileColumn, QHeaderView::Stretch);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ImportDialog::showDetails);
    layout->addWidget(m_table, 3);

    m_details = new QPlainTextEdit(this);
    m_details->setObjectName(QStringLiteral("importDetails"));
    m_details->setReadOnly(true);
    m_details->setPlaceholderText(tr("Select a file to see what could not be used."));
    layout->addWidget(m_details, 2);

    m_progress = new QProgressBar(this);
    m_progress->setTextVisible(true);
    layout->addWidget(m_progress);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("importSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_cancel = m_buttons->addButton(tr("Cancel import"), QDialogButtonBox::ActionRole);
    m_cancel->setEnabled(false);
    connect(m_cancel, &QPushButton::clicked, this, &ImportDialog::cancel);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::hide);
    layout->addWidget(m_buttons);
    resize(860, 520);
}

ImportDialog::~ImportDialog()
{
    delete m_job.data(); // cancels and waits for the import thread
}

bool ImportDialog::start(const QStringList& paths)
{
    if (isRunning() || paths.isEmpty())
        return false;
    delete m_job.data();
    FileImporter::Config config;
    config.actor = m_actor;
    config.role = m_role;
    m_job = new ingest::ImportJob(m_writer, config, this);
    connect(m_job, &ingest::ImportJob::fileStarted, this, &ImportDialog::onFileStarted);
    connect(m_job, &ingest::ImportJob::fileFinished, this, &ImportDialog::onFileFinished);
    connect(m_job, &ingest::ImportJob::finished, this, &ImportDialog::onFinished);

    m_table->setRowCount(0);
    m_details->clear();
    m_table->setRowCount(static_cast<int>(paths.size()));
    for (int row = 0; row < paths.size(); ++row) {
        const QString name = QFileInfo(paths[row]).fileName();
        m_table->setItem(row, FileColumn, new QTableWidgetItem(name));
        m_table->setItem(row, KindColumn, new QTableWidgetItem(kindText(FileImporter::detect(paths[row]))));
        m_table->setItem(row, StatusColumn, new QTableWidgetItem(tr("Waiting")));
        for (int c = PatientsColumn; c < ColumnCount; ++c) {
            auto* item = new QTableWidgetItem;
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(row, c, item);
        }
    }
    m_progress->setRange(0, static_cast<int>(paths.size()));
    m_progress->setValue(0);
    m_progress->setFormat(tr("%v of %m files"));
    m_cancel->setEnabled(true);
    m_done = false;
    updateSummary();
    return m_job->start(paths);
}

bool ImportDialog::isRunning() const
{
    return m_job && m_job->isRunning();
}

void ImportDialog::cancel()
{
    if (!isRunning())
        return;
    m_job->cancel();
    m_cancel->setEnabled(false);
    m_summary->setText(tr("Cancelling after the current step; what was read is kept…"));
}

bool ImportDialog::waitForFinished(int timeoutMs)
{
    if (!m_job)
        return true;
    if (!m_job->wait(timeoutMs))
        return false;
    // The job's signals are queued to this thread: deliver them.
    QElapsedTimer timer;
    timer.start();
    while (!m_done && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    return m_done;
}

std::vector<std::optional<FileImporter::Report>> ImportDialog::reports() const
{
    std::vector<std::optional<FileImporter::Report>> out;
    if (!m_job)
        return out;
    for (int i = 0; i < m_job->paths().size(); ++i)
        out.push_back(m_job->report(i));
    return out;
}

QString ImportDialog::statusText(const FileImporter::Report& report)
{
    switch (report.status) {
    case FileImporter::Status::Imported:
        return tr("Imported");
    case FileImporter::Status::Partial:
        return report.cancelled ? tr("Partly imported (cancelled)") : tr("Partly imported (see problems)");
    case FileImporter::Status::Failed:
        return report.cancelled ? tr("Not imported (cancelled)") : tr("Not imported (see problems)");
    case FileImporter::Status::Skipped:
        return report.cancelled ? tr("Not imported (cancelled)") : tr("Skipped (part of a record)");
    }
    return {};
}

QString ImportDialog::kindText(FileImporter::Kind kind)
{
    switch (kind) {
    case FileImporter::Kind::Wfdb:
        return tr("WFDB record");
    case FileImporter::Kind::WfdbPart:
        return tr("WFDB signal or annotation file");
    case FileImporter::Kind::Edf:
        return tr("EDF / EDF+");
    case FileImporter::Kind::Fhir:
        return tr("FHIR R4 JSON");
    case FileImporter::Kind::Ndjson:
        return tr("FHIR R4 NDJSON");
    case FileImporter::Kind::Hl7:
        return tr("HL7 v2");
    case FileImporter::Kind::Unknown:
        break;
    }
    return tr("Unknown");
}

void ImportDialog::onFileStarted(int index)
{
    if (QTableWidgetItem* item = m_table->item(index, StatusColumn))
        item->setText(tr("Importing…"));
    if (QTableWidgetItem* item = m_table->item(index, FileColumn))
        m_table->scrollToItem(item);
}

void ImportDialog::onFileFinished(int index)
{
    const auto report = m_job ? m_job->report(index) : std::nullopt;
    if (!report)
        return;
    m_table->item(index, KindColumn)->setText(kindText(report->kind));
    m_table->item(index, StatusColumn)->setText(statusText(*report));
    m_table->item(index, PatientsColumn)->setText(QString::number(report->patients));
    m_table->item(index, SamplesColumn)->setText(QLocale().toString(static_cast<qulonglong>(report->samples)));
    m_table->item(index, VitalsColumn)->setText(QLocale().toString(static_cast<qulonglong>(report->vitals)));
    m_table->item(index, AnnotationsColumn)->setText(QLocale().toString(static_cast<qulonglong>(report->annotations)));
    m_table->item(index, ProblemsColumn)->setText(QString::number(report->problems.size()));
    // Not colour alone: the result column says it in words; a bold face marks anything not imported
    // in full.
    if (report->status != FileImporter::Status::Imported) {
        QFont font = m_table->item(index, StatusColumn)->font();
        font.setBold(true);
        m_table->item(index, StatusColumn)->setFont(font);
    }
    m_progress->setValue(index + 1);
    if (m_table->currentRow() == index || (m_table->currentRow() < 0 && !report->problems.isEmpty()))
        m_table->selectRow(index);
    showDetails();
    updateSummary();
}

void ImportDialog::onFinished()
{
    m_done = true;
    m_cancel->setEnabled(false);
    updateSummary();
    Q_EMIT importFinished();
}

void ImportDialog::showDetails()
{
    const int row = m_table->currentRow();
    const auto report = m_job && row >= 0 ? m_job->report(row) : std::nullopt;
    if (!report) {
        m_details->clear();
        return;
    }
    QStringList lines;
    lines << tr("%1: %2").arg(report->fileName, statusText(*report));
    for (const QString& problem : report->problems)
        lines << tr("Problem: %1").arg(problem);
    for (const QString& warning : report->warnings)
        lines << tr("Note: %1").arg(warning);
    if (!report->problems.isEmpty() && report->status != FileImporter::Status::Skipped)
        lines << tr("What could not be used is kept in the quarantine (Help > Diagnostics).");
    m_details->setPlainText(lines.join(u'\n'));
}

void ImportDialog::updateSummary()
{
    if (!m_job)
        return;
    const int total = static_cast<int>(m_job->paths().size());
    int imported = 0;
    int partial = 0;
    int failed = 0;
    int skipped = 0;
    int patients = 0;
    for (int i = 0; i < total; ++i) {
        const auto report = m_job->report(i);
        if (!report)
            continue;
        patients += report->patients;
        switch (report->status) {
        case FileImporter::Status::Imported:
            ++imported;
            break;
        case FileImporter::Status::Partial:
            ++partial;
            break;
        case FileImporter::Status::Failed:
            ++failed;
            break;
        case FileImporter::Status::Skipped:
            ++skipped;
            break;
        }
    }
    const QString counts =
        tr("%1 of %2 file(s) imported, %3 in part, %4 not imported, %5 skipped; %6 patient(s) for review.")
            .arg(imported)
            .arg(total)
            .arg(partial)
            .arg(failed)
            .arg(skipped)
            .arg(patients);
    if (isRunning())
        m_summary->setText(m_job->isCancelled() ? tr("Cancelling… %1").arg(counts) : tr("Importing… %1").arg(counts));
    else
        m_summary->setText(m_job->isCancelled() ? tr("Cancelled. %1").arg(counts) : tr("Done. %1").arg(counts));
}

} // namespace vigil::ui
