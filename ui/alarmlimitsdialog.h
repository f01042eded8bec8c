#pragma once

#include "clinical/alarmlimits.h"

#include <QDialog>

#include <vector>

class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QScrollArea;
class QSpinBox;
class QWidget;

namespace vigil::ui {

// One patient's alarm programme and limits (issue 5: per-patient thresholds against alarm fatigue,
// CLINICAL.md). The programme (General, COPD, Heart failure) gives the defaults; each rule of the
// table (vital sign with its unit, below/above, threshold, priority, delay) can be changed. Checks
// are AlarmLimits::problems(), shown in words as values are typed; a reason is mandatory (the
// caller audits it with AlarmLimits::describeChanges()). OK stays disabled until both are right.
//
// Switching programme loads its defaults; when the table holds limits of the clinician's own (it
// differs from the shown programme's defaults) a confirmation comes first, so edits are never lost
// by a stray arrow key on the programme box. "Restore programme defaults" undoes all edits.
//
// The title names the patient by the display name passed in, nothing more. Keyboard: Alt+P
// programme, Alt+D restore defaults, Alt+R reason, Tab through the table row by row; values change
// with the arrow keys or by typing. The mouse wheel never changes a value under the pointer (it
// scrolls the table instead), so scrolling cannot move a threshold unnoticed.
class AlarmLimitsDialog final : public QDialog
{
    Q_OBJECT
public:
    AlarmLimitsDialog(const clinical::AlarmLimits& current, const QString& patientTitle, QWidget* parent = nullptr);
    ~AlarmLimitsDialog() override;

    // The limits as the table shows them (programme and rules).
    [[nodiscard]] clinical::AlarmLimits limits() const;
    // The clinician's reason, trimmed.
    [[nodiscard]] QString reason() const;
    // What is wrong with limits() (AlarmLimits::problems()), as shown.
    [[nodiscard]] QStringList problems() const { return m_problems; }

    // The table's rows and their editors (for tests and accessibility tools). rowOf() finds the row
    // of a vital sign, direction and priority as currently chosen (-1: none).
    [[nodiscard]] int rowCount() const { return static_cast<int>(m_rows.size()); }
    [[nodiscard]] int rowOf(core::VitalKind kind, clinical::AlarmLimits::Direction direction,
        clinical::AlarmPriority::Level priority) const;
    [[nodiscard]] QDoubleSpinBox* thresholdBox(int row) const;
    [[nodiscard]] QComboBox* priorityBox(int row) const;
    [[nodiscard]] QSpinBox* delayBox(int row) const;
    [[nodiscard]] QComboBox* programmeBox() const { return m_programme; }
    [[nodiscard]] QPushButton* restoreButton() const { return m_restore; }
    [[nodiscard]] QLineEdit* reasonField() const { return m_reason; }
    [[nodiscard]] QLabel* statusLabel() const { return m_status; }
    [[nodiscard]] QPushButton* okButton() const;

protected:
    bool eventFilter(QObject* watched, QEvent* e) override;

private:
    struct Row
    {
        core::VitalKind kind;
        clinical::AlarmLimits::Direction direction;
        QLabel* vital = nullptr;
        QLabel* directionLabel = nullptr;
        QDoubleSpinBox* threshold = nullptr;
        QComboBox* priority = nullptr;
        QSpinBox* delay = nullptr;
        QLabel* change = nullptr;
    };

    void load(const clinical::AlarmLimits& limits);
    void onProgrammeChosen(int index);
    void restoreDefaults();
    void validate();
    void updateTabOrder();
    [[nodiscard]] clinical::AlarmLimits::Programme shownProgramme() const;
    [[nodiscard]] QString changeText(const Row& row) const;

    clinical::AlarmLimits m_current;
    clinical::AlarmLimits::Programme m_programmeShown; // what the table's rules came from
    std::vector<Row> m_rows;
    QStringList m_problems;

    QComboBox* m_programme = nullptr;
    QPushButton* m_restore = nullptr;
    QScrollArea* m_scroll = nullptr;
    QWidget* m_table = nullptr;
    QGridLayout* m_grid = nullptr;
    QLabel* m_status = nullptr;
    QLineEdit* m_reason = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace vigil::ui
