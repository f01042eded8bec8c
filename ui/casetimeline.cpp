#include "casetimeline.h"

#include "clinical/casestate.h"
#include "itemmodels/caseeventlistmodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace vigil::ui {

using itemmodels::CaseEventListModel;

CaseTimeline::CaseTimeline(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("caseTimeline"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("caseSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);

    // The one state of a case that needs two clinicians to talk: loud, and in words.
    m_warning = new QLabel(this);
    m_warning->setObjectName(QStringLiteral("caseWarning"));
    m_warning->setWordWrap(true);
    m_warning->setTextFormat(Qt::PlainText);
    m_warning->setStyleSheet(QStringLiteral(
        "QLabel { background: #5c1414; color: white; font-weight: bold; border: 2px solid #e53935; padding: 4px; }"));
    m_warning->hide();
    layout->addWidget(m_warning);

    m_model = new CaseEventListModel(this);
    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("caseEvents"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setItemsExpandable(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setFocusPolicy(Qt::StrongFocus);
    m_view->setAccessibleName(tr("Case actions"));
    QHeaderView* header = m_view->header();
    header->setStretchLastSection(true);
    for (const int column : {CaseEventListModel::TimeColumn, CaseEventListModel::ActionColumn,
             CaseEventListModel::ClinicianColumn, CaseEventListModel::WorkstationColumn})
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    layout->addWidget(m_view, 1);
    setFocusProxy(m_view);

    setCase(clinical::CaseState(), QString());
}

void CaseTimeline::setCase(const clinical::CaseState& state, const QString& thisWorkstation)
{
    // Follow new actions as they arrive, unless the clinician has scrolled back to read.
    const QScrollBar* bar = m_view->verticalScrollBar();
    const bool atEnd = bar->value() == bar->maximum();
    m_model->setCase(state, thisWorkstation);
    if (atEnd)
        m_view->scrollToBottom();

    if (state.isEmpty()) {
        m_summary->setText(tr("No case actions yet"));
        m_warning->hide();
        m_warning->clear();
        m_view->hide();
        return;
    }
    m_view->show();
    QStringList parts;
    parts << tr("Escalation: %1").arg(clinical::escalationLevelName(state.level()));
    parts << (state.isResolved() ? tr("resolved") : tr("open"));
    if (!state.holders().isEmpty())
        parts << tr("held by %1").arg(state.holders().join(QStringLiteral(", ")));
    if (state.reviewRequested() || state.reviewNeeded())
        parts << tr("review outstanding");
    if (!state.unacknowledgedEscalations().isEmpty())
        parts << tr("escalation not acknowledged");
    if (!state.missingParents().isEmpty())
        parts << tr("%n earlier action(s) not received yet", nullptr, static_cast<int>(state.missingParents().size()));
    m_summary->setText(parts.join(QStringLiteral(" \u00b7 ")));

    if (state.escalatedWhileResolving()) {
        m_warning->setText(tr("Warning: escalated while being resolved — check with the other clinician"));
        m_warning->show();
    } else {
        m_warning->hide();
        m_warning->clear();
    }
}

QString CaseTimeline::summaryText() const
{
    return m_summary->text();
}

QString CaseTimeline::warningText() const
{
    return m_warning->isHidden() ? QString() : m_warning->text();
}

} // namespace vigil::ui
