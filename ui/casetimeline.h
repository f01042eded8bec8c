#pragma once

#include <QWidget>

class QLabel;
class QTreeView;

namespace vigil::clinical {
class CaseState;
}

namespace vigil::itemmodels {
class CaseEventListModel;
}

namespace vigil::ui {

// The case of the patient shown in the detail view (issue 5 item 6): a header line with the
// escalation level in words, open or resolved, who holds the case, whether a review is outstanding,
// and the warning CaseState::escalatedWhileResolving() calls for; below, every action of the case
// in causal order (itemmodels::CaseEventListModel), with the actions from other workstations named
// as such. Levels, states and flags are words, never colour alone. The list is a keyboard-operable
// tree view; focus goes to it when the timeline is tabbed to.
// GUI thread; the caller passes the whole case on every change (setCase()).
class CaseTimeline final : public QWidget
{
    Q_OBJECT
public:
    explicit CaseTimeline(QWidget* parent = nullptr);

    // Shows `state`; `thisWorkstation` as in CaseEventListModel::setCase().
    void setCase(const clinical::CaseState& state, const QString& thisWorkstation);

    [[nodiscard]] itemmodels::CaseEventListModel* model() const { return m_model; }
    [[nodiscard]] QTreeView* view() const { return m_view; }
    // What the header shows (tests; accessibility): the summary line, and the warning (empty when
    // there is none to show).
    [[nodiscard]] QString summaryText() const;
    [[nodiscard]] QString warningText() const;

private:
    itemmodels::CaseEventListModel* m_model = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_warning = nullptr;
    QTreeView* m_view = nullptr;
};

} // namespace vigil::ui
