#pragma once

#include "clinical/caseevent.h"
#include "clinical/casestate.h"
#include "clinical/sbarprefill.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;

namespace vigil::ui {

// The case actions on one patient (issue 5 item 5): acknowledge, add a note, request review, flag
// review needed (with its mandatory note), escalate to a level of CLINICAL.md with an SBAR drafted
// from the data (SbarPrefill; the clinician edits it), hand over, resolve, or de-escalate (with the
// mandatory reason). Shows the case as it stands (level, who holds it, an escalation made while it
// was being resolved) and its events. OK is enabled only for a valid event (CaseEvent::problems(),
// shown in words). event() is the action as an append-only CaseEvent whose parents are the case's
// heads: what its author had seen. Keyboard only works: the action box has focus first.
class EscalationDialog final : public QDialog
{
    Q_OBJECT
public:
    struct Context
    {
        clinical::CaseState state; // the case so far
        clinical::SbarPrefill::Input prefill; // data for the SBAR draft (its level is set here)
        QString patientTitle; // how the window title names the patient
        QString actor;
        QString role;
        QString workstation;
    };

    EscalationDialog(Context context, QWidget* parent = nullptr);

    // The event the dialog describes now (a new id and time each call).
    [[nodiscard]] clinical::CaseEvent event() const;
    [[nodiscard]] QStringList problems() const;

    // For tests and keyboard users.
    void setKind(clinical::CaseEvent::Kind kind);
    void setLevel(clinical::EscalationLevel level);
    [[nodiscard]] QPlainTextEdit* textEdit() const { return m_text; }
    [[nodiscard]] QLineEdit* handOverEdit() const { return m_handOver; }
    [[nodiscard]] QPlainTextEdit* sbarEdit(int part) const { return m_sbar[static_cast<std::size_t>(part)]; }
    [[nodiscard]] QLabel* caseSummary() const { return m_summary; }
    [[nodiscard]] QListWidget* history() const { return m_history; }

private:
    void onKindChanged();
    void draftSbar();
    void validate();

    Context m_context;
    QComboBox* m_kind = nullptr;
    QComboBox* m_level = nullptr;
    QPlainTextEdit* m_text = nullptr;
    QLineEdit* m_handOver = nullptr;
    std::array<QPlainTextEdit*, 4> m_sbar{};
    QWidget* m_sbarBox = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_problems = nullptr;
    QListWidget* m_history = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace vigil::ui
