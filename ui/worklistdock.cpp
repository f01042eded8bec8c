#include "worklistdock.h"

#include "clinical/alarmpriority.h"
#include "itemmodels/worklistmodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace vigil::ui {

namespace {

using itemmodels::WorklistModel;

// Adds the IEC colours to the priority column (the text already says it in words).
class PriorityColours final : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;

    QVariant data(const QModelIndex& index, int role) const override
    {
        if (index.column() == WorklistModel::PriorityColumn
            && (role == Qt::BackgroundRole || role == Qt::ForegroundRole)) {
            const int level = index.data(WorklistModel::PriorityRole).toInt();
            if (level == clinical::AlarmPriority::High)
                return role == Qt::BackgroundRole ? QColor(0xC6, 0x28, 0x28) : QColor(Qt::white);
            if (level == clinical::AlarmPriority::Medium)
                return role == Qt::BackgroundRole ? QColor(0xFF, 0xD5, 0x4F) : QColor(Qt::black);
            if (level == clinical::AlarmPriority::Low)
                return role == Qt::BackgroundRole ? QColor(0x80, 0xDE, 0xEA) : QColor(Qt::black);
        }
        return QIdentityProxyModel::data(index, role);
    }
};

} // namespace

WorklistDock::WorklistDock(WorklistModel& model, QWidget* parent)
    : QDockWidget(tr("Worklist"), parent)
    , m_model(model)
{
    setObjectName(QStringLiteral("worklistDock"));
    auto* body = new QWidget(this);
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* filter = new QHBoxLayout;
    filter->addWidget(new QLabel(tr("Caseload:"), body));
    m_team = new QComboBox(body);
    m_team->setObjectName(QStringLiteral("teamFilter"));
    m_team->addItem(tr("Everybody"), QString());
    connect(
        m_team, &QComboBox::currentIndexChanged, this, [this] { m_model.setTeam(m_team->currentData().toString()); });
    filter->addWidget(m_team, 1);
    layout->addLayout(filter);

    auto* proxy = new PriorityColours(this);
    proxy->setSourceModel(&model);
    m_table = new QTableView(body);
    m_table->setObjectName(QStringLiteral("worklistTable"));
    m_table->setModel(proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex& index) {
        Q_EMIT patientActivated(index.data(WorklistModel::PatientIndexRole).toInt());
    });
    layout->addWidget(m_table, 1);

    auto* buttons = new QHBoxLayout;
    m_observe = new QPushButton(tr("Record &observations…"), body);
    m_acknowledge = new QPushButton(tr("&Acknowledge alarms"), body);
    m_escalate = new QPushButton(tr("&Escalate / case…"), body);
    for (QPushButton* b : {m_observe, m_acknowledge, m_escalate})
        buttons->addWidget(b);
    connect(m_observe, &QPushButton::clicked, this, [this] {
        if (currentPatient() >= 0)
            Q_EMIT observationsRequested(currentPatient());
    });
    connect(m_acknowledge, &QPushButton::clicked, this, [this] {
        if (currentPatient() >= 0)
            Q_EMIT acknowledgeRequested(currentPatient());
    });
    connect(m_escalate, &QPushButton::clicked, this, [this] {
        if (currentPatient() >= 0)
            Q_EMIT escalateRequested(currentPatient());
    });
    layout->addLayout(buttons);
    setWidget(body);
}

int WorklistDock::currentPatient() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.data(WorklistModel::PatientIndexRole).toInt() : -1;
}

void WorklistDock::selectPatient(int hubIndex)
{
    const int row = m_model.rowOfPatient(hubIndex);
    if (row >= 0)
        m_table->selectRow(row);
}

void WorklistDock::updateTeams()
{
    const QStringList teams = m_model.teams();
    if (m_team->count() == teams.size() + 1)
        return;
    const QString current = m_team->currentData().toString();
    m_team->blockSignals(true);
    m_team->clear();
    m_team->addItem(tr("Everybody"), QString());
    for (const QString& t : teams)
        m_team->addItem(t, t);
    m_team->setCurrentIndex(std::max(0, m_team->findData(current)));
    m_team->blockSignals(false);
}

} // namespace vigil::ui
