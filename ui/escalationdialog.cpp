#include "escalationdialog.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimeZone>
#include <QVBoxLayout>

#include <array>

namespace vigil::ui {

namespace {

using clinical::CaseEvent;
using clinical::EscalationLevel;
using Kind = CaseEvent::Kind;

constexpr std::array kKinds{Kind::Acknowledge, Kind::Note, Kind::RequestReview, Kind::ReviewNeeded, Kind::Escalate,
    Kind::HandOver, Kind::Resolve, Kind::DeEscalate};

QString timeText(core::Timestamp t)
{
    return QDateTime::fromMSecsSinceEpoch(t / 1000, QTimeZone::utc())
        .toLocalTime()
        .toString(QStringLiteral("dd MMM HH:mm"));
}

} // namespace

EscalationDialog::EscalationDialog(Context context, QWidget* parent)
    : QDialog(parent)
    , m_context(std::move(context))
{
    setObjectName(QStringLiteral("escalationDialog"));
    setWindowTitle(tr("Case — %1").arg(m_context.patientTitle));
    auto* layout = new QVBoxLayout(this);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("caseSummary"));
    m_summary->setWordWrap(true);
    const auto& state = m_context.state;
    QStringList summary;
    summary << (state.level() == EscalationLevel::None
            ? tr("Not escalated.")
            : tr("Escalated to: %1.").arg(clinical::escalationLevelName(state.level())));
    if (state.escalatedWhileResolving())
        summary << tr("Escalated while it was being resolved: the escalation stands.");
    if (!state.holders().isEmpty())
        summary << tr("Held by: %1.").arg(state.holders().join(QStringLiteral(", ")));
    if (state.reviewNeeded())
        summary << tr("Review needed.");
    else if (state.reviewRequested())
        summary << tr("A review is requested.");
    m_summary->setText(summary.join(u' '));
    layout->addWidget(m_summary);

    m_history = new QListWidget(this);
    m_history->setObjectName(QStringLiteral("caseHistory"));
    for (const CaseEvent& e : state.events()) {
        QString line = tr("%1  %2 (%3): %4").arg(timeText(e.time), e.actor, e.role, CaseEvent::kindName(e.kind));
        if (e.kind == Kind::Escalate || e.kind == Kind::DeEscalate)
            line += QStringLiteral(" \u2014 ") + clinical::escalationLevelName(e.level);
        if (!e.text.isEmpty())
            line += QStringLiteral(" \u2014 ") + e.text.left(120);
        m_history->addItem(line);
    }
    m_history->setMaximumHeight(120);
    layout->addWidget(m_history);

    auto* form = new QFormLayout;
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("caseAction"));
    for (Kind k : kKinds)
        m_kind->addItem(CaseEvent::kindName(k), static_cast<int>(k));
    form->addRow(tr("&Action"), m_kind);
    m_level = new QComboBox(this);
    m_level->setObjectName(QStringLiteral("caseLevel"));
    form->addRow(tr("&Level"), m_level);
    m_handOver = new QLineEdit(this);
    m_handOver->setObjectName(QStringLiteral("handOverTo"));
    m_handOver->setPlaceholderText(tr("Who takes the case (name, role or team)"));
    form->addRow(tr("&Hand over to"), m_handOver);
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("caseText"));
    m_text->setTabChangesFocus(true);
    m_text->setMaximumHeight(70);
    form->addRow(tr("&Note / reason"), m_text);
    layout->addLayout(form);

    auto* sbarBox = new QGroupBox(tr("SBAR (drafted from the data: check and edit)"), this);
    m_sbarBox = sbarBox;
    auto* sbarForm = new QFormLayout(sbarBox);
    const std::array<QString, 4> sbarNames{tr("Situation"), tr("Background"), tr("Assessment"), tr("Recommendation")};
    for (std::size_t i = 0; i < m_sbar.size(); ++i) {
        m_sbar[i] = new QPlainTextEdit(sbarBox);
        m_sbar[i]->setTabChangesFocus(true);
        m_sbar[i]->setMinimumHeight(60);
        connect(m_sbar[i], &QPlainTextEdit::textChanged, this, &EscalationDialog::validate);
        sbarForm->addRow(sbarNames[i], m_sbar[i]);
    }
    layout->addWidget(sbarBox, 1);

    m_problems = new QLabel(this);
    m_problems->setObjectName(QStringLiteral("caseProblems"));
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("font-weight:bold;"));
    layout->addWidget(m_problems);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Record"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &EscalationDialog::onKindChanged);
    connect(m_level, &QComboBox::currentIndexChanged, this, [this] {
        draftSbar();
        validate();
    });
    connect(m_text, &QPlainTextEdit::textChanged, this, &EscalationDialog::validate);
    connect(m_handOver, &QLineEdit::textChanged, this, &EscalationDialog::validate);
    resize(760, 720);
    onKindChanged();
    m_kind->setFocus();
}

void EscalationDialog::setKind(Kind kind)
{
    m_kind->setCurrentIndex(m_kind->findData(static_cast<int>(kind)));
}

void EscalationDialog::setLevel(EscalationLevel level)
{
    m_level->setCurrentIndex(m_level->findData(clinical::escalationRank(level)));
}

void EscalationDialog::onKindChanged()
{
    const auto kind = static_cast<Kind>(m_kind->currentData().toInt());
    // Escalate: any level from routine review up (the current one preselected one step up);
    // de-escalate: below the current level.
    m_level->blockSignals(true);
    m_level->clear();
    const int current = clinical::escalationRank(m_context.state.level());
    if (kind == Kind::Escalate) {
        for (int r = clinical::escalationRank(clinical::kLowestEscalation);
             r <= clinical::escalationRank(clinical::kHighestEscalation); ++r)
            m_level->addItem(clinical::escalationLevelName(*clinical::escalationLevelFromRank(r)), r);
        m_level->setCurrentIndex(std::clamp(current, 0, m_level->count() - 1));
    } else if (kind == Kind::DeEscalate) {
        for (int r = 0; r < current; ++r)
            m_level->addItem(clinical::escalationLevelName(*clinical::escalationLevelFromRank(r)), r);
        m_level->setCurrentIndex(m_level->count() - 1);
    }
    m_level->blockSignals(false);
    m_level->setEnabled(kind == Kind::Escalate || kind == Kind::DeEscalate);
    m_handOver->setEnabled(kind == Kind::HandOver);
    m_sbarBox->setVisible(kind == Kind::Escalate);
    draftSbar();
    validate();
}

void EscalationDialog::draftSbar()
{
    const auto kind = static_cast<Kind>(m_kind->currentData().toInt());
    if (kind != Kind::Escalate || m_level->currentIndex() < 0)
        return;
    clinical::SbarPrefill::Input in = m_context.prefill;
    in.level = *clinical::escalationLevelFromRank(m_level->currentData().toInt());
    const clinical::Sbar draft = clinical::SbarPrefill::build(in);
    const std::array<QString, 4> parts{draft.situation, draft.background, draft.assessment, draft.recommendation};
    for (std::size_t i = 0; i < parts.size(); ++i)
        m_sbar[i]->setPlainText(parts[i]);
}

CaseEvent EscalationDialog::event() const
{
    CaseEvent e;
    e.id = CaseEvent::newId();
    e.patientKey = m_context.state.patientKey();
    e.workstation = m_context.workstation;
    e.actor = m_context.actor;
    e.role = m_context.role;
    e.time = m_context.prefill.now > 0 ? std::max(m_context.prefill.now, core::nowUtc()) : core::nowUtc();
    e.kind = static_cast<Kind>(m_kind->currentData().toInt());
    e.text = m_text->toPlainText().trimmed();
    if ((e.kind == Kind::Escalate || e.kind == Kind::DeEscalate) && m_level->currentIndex() >= 0)
        e.level = *clinical::escalationLevelFromRank(m_level->currentData().toInt());
    if (e.kind == Kind::Escalate) {
        e.sbar.situation = m_sbar[0]->toPlainText().trimmed();
        e.sbar.background = m_sbar[1]->toPlainText().trimmed();
        e.sbar.assessment = m_sbar[2]->toPlainText().trimmed();
        e.sbar.recommendation = m_sbar[3]->toPlainText().trimmed();
    }
    if (e.kind == Kind::HandOver)
        e.handOverTo = m_handOver->text().trimmed();
    e.parents = m_context.state.parentsForNewEvent();
    return e;
}

QStringList EscalationDialog::problems() const
{
    const auto kind = static_cast<Kind>(m_kind->currentData().toInt());
    if (kind == Kind::DeEscalate && m_level->count() == 0)
        return {tr("The case is not escalated: there is nothing to de-escalate.")};
    return event().problems();
}

void EscalationDialog::validate()
{
    const QStringList p = problems();
    m_problems->setText(p.join(u' '));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(p.isEmpty());
}

} // namespace vigil::ui
