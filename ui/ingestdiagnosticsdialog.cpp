#include "ingestdiagnosticsdialog.h"

#include "ingest/ingestrouter.h"
#include "ingest/mllplistener.h"
#include "ingest/mqttsource.h"
#include "ingestquarantinemodel.h"
#include "ingestsourcemodel.h"
#include "ingeststatus.h"
#include "logging.h"
#include "store/quarantinereader.h"
#include "store/storereader.h"

#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace vigil::ui {

namespace {

QTableView* makeTable(QAbstractItemModel* model, const QString& name, QWidget* parent)
{
    auto* table = new QTableView(parent);
    table->setObjectName(name);
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

QLabel* makeValue(const QString& name, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

IngestDiagnosticsDialog::IngestDiagnosticsDialog(IngestStatus& status, QWidget* parent)
    : QDialog(parent)
    , m_status(status)
{
    setObjectName(QStringLiteral("ingestDiagnostics"));
    setWindowTitle(tr("Vigil — ingest diagnostics"));
    auto* layout = new QVBoxLayout(this);

    auto* note = new QLabel(
        tr("The live data path: transports, sources and quarantined messages. Patient data is not shown here."), this);
    note->setWordWrap(true);
    layout->addWidget(note);

    auto* links = new QGroupBox(tr("Transports"), this);
    auto* linksLayout = new QVBoxLayout(links);
    m_mqtt = makeValue(QStringLiteral("diagnosticsMqtt"), links);
    m_mqttDetail = makeValue(QStringLiteral("diagnosticsMqttDetail"), links);
    m_mllp = makeValue(QStringLiteral("diagnosticsMllp"), links);
    m_mllpDetail = makeValue(QStringLiteral("diagnosticsMllpDetail"), links);
    QFont bold = m_mqtt->font();
    bold.setBold(true);
    m_mqtt->setFont(bold);
    m_mllp->setFont(bold);
    for (QLabel* label : {m_mqtt, m_mqttDetail, m_mllp, m_mllpDetail})
        linksLayout->addWidget(label);
    layout->addWidget(links);

    auto* sources = new QGroupBox(tr("Sources"), this);
    auto* sourcesLayout = new QVBoxLayout(sources);
    m_sources = new IngestSourceModel(this);
    m_sourceTable = makeTable(m_sources, QStringLiteral("sourcesTable"), sources);
    m_sourceTable->setMinimumHeight(110);
    sourcesLayout->addWidget(m_sourceTable);
    layout->addWidget(sources, 1);

    auto* quarantine = new QGroupBox(tr("Latest quarantined messages"), this);
    auto* quarantineLayout = new QVBoxLayout(quarantine);
    m_quarantineNote = makeValue(QStringLiteral("quarantineNote"), quarantine);
    quarantineLayout->addWidget(m_quarantineNote);
    m_quarantine = new IngestQuarantineModel(this);
    m_quarantineTable = makeTable(m_quarantine, QStringLiteral("quarantineTable"), quarantine);
    quarantineLayout->addWidget(m_quarantineTable);
    layout->addWidget(quarantine, 2);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* refreshButton = buttons->addButton(tr("Refresh"), QDialogButtonBox::ActionRole);
    connect(refreshButton, &QPushButton::clicked, this, &IngestDiagnosticsDialog::refresh);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(&m_status, &IngestStatus::changed, this, [this] {
        if (isVisible())
            refresh();
    });
    resize(980, 640);
    refresh();
}

IngestDiagnosticsDialog::~IngestDiagnosticsDialog() = default;

void IngestDiagnosticsDialog::showEvent(QShowEvent* event)
{
    QDialog::showEvent(event);
    refresh();
}

void IngestDiagnosticsDialog::refresh()
{
    const IngestLinks& links = m_status.links();
    const QLocale locale;

    if (ingest::MqttSource* mqtt = links.mqtt) {
        m_mqtt->setText(m_status.mqttText());
        QString detail = tr("Broker: %1. Messages received: %2. Connections made: %3.")
                             .arg(m_status.broker().isEmpty() ? tr("none yet") : m_status.broker(),
                                 locale.toString(static_cast<qulonglong>(mqtt->messagesReceived())),
                                 locale.toString(static_cast<qulonglong>(mqtt->connects())));
        if (!m_status.lastReason().isEmpty())
            detail += QLatin1Char(' ') + tr("Last error: %1").arg(m_status.lastReason());
        m_mqttDetail->setText(detail);
    } else {
        m_mqtt->setText(tr("MQTT: not configured (vigil --broker URI)"));
        m_mqttDetail->clear();
    }
    if (ingest::MllpListener* mllp = links.mllp) {
        m_mllp->setText(m_status.mllpText());
        const ingest::MllpListener::Stats s = mllp->stats();
        m_mllpDetail->setText(
            tr("Connections: %1. Messages: %2 (accepted AA %3, errors AE %4, rejected AR %5). Bytes skipped "
               "between frames: %6.")
                .arg(locale.toString(static_cast<qulonglong>(s.connections)),
                    locale.toString(static_cast<qulonglong>(s.messages)),
                    locale.toString(static_cast<qulonglong>(s.accepted)),
                    locale.toString(static_cast<qulonglong>(s.errors)),
                    locale.toString(static_cast<qulonglong>(s.rejected)),
                    locale.toString(static_cast<qulonglong>(s.garbageBytes))));
    } else {
        m_mllp->setText(tr("MLLP: not configured (vigil --mllp PORT)"));
        m_mllpDetail->clear();
    }

    m_mqttDetail->setVisible(!m_mqttDetail->text().isEmpty());
    m_mllpDetail->setVisible(!m_mllpDetail->text().isEmpty());

    QStringList expected;
    if (links.mqtt)
        expected << QStringLiteral("mqtt");
    if (links.mllp)
        expected << QStringLiteral("mllp");
    m_sources->setStats(
        links.router ? links.router->stats() : std::map<QString, ingest::IngestRouter::SourceStats>{}, expected);
    refreshQuarantine();
}

void IngestDiagnosticsDialog::refreshQuarantine()
{
    const store::Cache* cache = m_status.links().cache;
    if (!cache) {
        m_reader.reset();
        m_quarantine->setRows({});
        m_quarantineNote->setText(tr("No cache is open."));
        return;
    }
    if (!m_reader && !m_readerFailed) {
        store::StoreError error;
        m_reader = store::StoreReader::open(*cache, &error);
        if (!m_reader) {
            // Tried once per dialog: the writer's own connection shows the cache's state.
            m_readerFailed = true;
            qCWarning(lcUi).noquote() << "diagnostics: cannot read the quarantine:" << error.message;
            m_quarantineNote->setText(tr("The quarantine cannot be read: %1").arg(error.message));
            return;
        }
    }
    if (!m_reader)
        return;
    store::QuarantineReader reader(m_reader->database());
    std::vector<store::QuarantineReader::Row> rows;
    store::StoreError error;
    if (!reader.latest(kQuarantineRows, rows, &error)) {
        m_quarantineNote->setText(tr("The quarantine cannot be read: %1").arg(error.message));
        return;
    }
    const qint64 total = reader.count();
    m_quarantine->setRows(std::move(rows));
    m_quarantineNote->setText(
        tr("%n message(s) in the cache's quarantine (newest first; payloads stay encrypted in the cache and are not "
           "shown).",
            nullptr, static_cast<int>(std::max<qint64>(total, 0))));
}

} // namespace vigil::ui
