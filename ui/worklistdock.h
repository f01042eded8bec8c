#pragma once

#include <QDockWidget>

class QComboBox;
class QPushButton;
class QTableView;

namespace vigil::itemmodels {
class WorklistModel;
}

namespace vigil::ui {

// The worklist beside the live grid (issue 5): the ranked patients (itemmodels::WorklistModel), a
// caseload filter, and the actions on the selected patient: record observations, acknowledge its
// alarms, escalate (and the other case actions). Keyboard: arrows move, Enter opens the patient, and
// the window's shortcuts act on the selected row. Rows show priorities in words; the priority column
// is also coloured (IEC colours) for those who can see it.
class WorklistDock final : public QDockWidget
{
    Q_OBJECT
public:
    WorklistDock(itemmodels::WorklistModel& model, QWidget* parent = nullptr);

    // Hub index of the selected patient, or -1.
    [[nodiscard]] int currentPatient() const;
    void selectPatient(int hubIndex);
    [[nodiscard]] QTableView* table() const { return m_table; }
    [[nodiscard]] QComboBox* teamBox() const { return m_team; }
    // Re-reads the caseloads the model knows.
    void updateTeams();

Q_SIGNALS:
    void patientActivated(int hubIndex);
    void observationsRequested(int hubIndex);
    void acknowledgeRequested(int hubIndex);
    void escalateRequested(int hubIndex);

private:
    itemmodels::WorklistModel& m_model;
    QTableView* m_table = nullptr;
    QComboBox* m_team = nullptr;
    QPushButton* m_observe = nullptr;
    QPushButton* m_acknowledge = nullptr;
    QPushButton* m_escalate = nullptr;
};

} // namespace vigil::ui
