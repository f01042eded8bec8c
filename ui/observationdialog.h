#pragma once

#include "clinical/news2.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace vigil::ui {

// A clinician's observations for one patient (issue 5: vital signs "entered by a clinician in the
// UI (including consciousness)"): any of respiration rate, SpO2, air or oxygen, systolic BP, pulse,
// consciousness (ACVPU) and temperature; a field left empty is not recorded. The SpO2 scale can be
// changed here too: Scale 2 only with the reason (a prescribed 88-92 % target), which is audited.
// Values are checked as they are typed (clinical::News2::validRange): out of range, the dialog says
// so and OK stays disabled. Keyboard only is fine: tab order follows the chart, Enter accepts.
class ObservationDialog final : public QDialog
{
    Q_OBJECT
public:
    struct Observations
    {
        std::optional<double> respirationRate;
        std::optional<double> spo2;
        std::optional<bool> onOxygen;
        std::optional<double> systolicBp;
        std::optional<double> pulse;
        std::optional<clinical::News2::Acvpu> consciousness;
        std::optional<double> temperature;
        clinical::News2::Scale scale = clinical::News2::Scale::One;
        bool scaleChanged = false;
        QString scaleReason;
    };

    ObservationDialog(clinical::News2::Scale currentScale, QWidget* parent = nullptr);

    [[nodiscard]] Observations observations() const;
    // Why OK is disabled (empty when it is enabled).
    [[nodiscard]] QString problem() const;

    // For tests: the fields, by parameter.
    [[nodiscard]] QLineEdit* field(clinical::News2::Parameter p) const;
    [[nodiscard]] QComboBox* consciousnessBox() const { return m_acvpu; }
    [[nodiscard]] QComboBox* oxygenBox() const { return m_oxygen; }
    [[nodiscard]] QComboBox* scaleBox() const { return m_scale; }
    [[nodiscard]] QPlainTextEdit* scaleReasonEdit() const { return m_reason; }

private:
    void validate();

    clinical::News2::Scale m_currentScale;
    QLineEdit* m_rr = nullptr;
    QLineEdit* m_spo2 = nullptr;
    QLineEdit* m_sbp = nullptr;
    QLineEdit* m_pulse = nullptr;
    QLineEdit* m_temp = nullptr;
    QComboBox* m_oxygen = nullptr;
    QComboBox* m_acvpu = nullptr;
    QComboBox* m_scale = nullptr;
    QPlainTextEdit* m_reason = nullptr;
    QLabel* m_problem = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace vigil::ui
