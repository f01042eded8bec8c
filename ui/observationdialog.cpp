#include "observationdialog.h"

#include "clinical/decimalvalue.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace vigil::ui {

using clinical::News2;
using Parameter = News2::Parameter;

ObservationDialog::ObservationDialog(News2::Scale currentScale, QWidget* parent)
    : QDialog(parent)
    , m_currentScale(currentScale)
{
    setWindowTitle(tr("Record observations"));
    setObjectName(QStringLiteral("observationDialog"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    const auto number = [&](Parameter p, const QString& unit) {
        auto* edit = new QLineEdit(this);
        edit->setObjectName(News2::key(p));
        edit->setPlaceholderText(tr("not measured"));
        const News2::Range range = News2::validRange(p);
        edit->setToolTip(tr("%1 to %2 %3").arg(range.low).arg(range.high).arg(unit));
        connect(edit, &QLineEdit::textChanged, this, &ObservationDialog::validate);
        form->addRow(tr("%1 (%2)").arg(News2::displayName(p), unit), edit);
        return edit;
    };
    m_rr = number(Parameter::RespirationRate, tr("/min"));
    m_spo2 = number(Parameter::SpO2, tr("%"));
    m_oxygen = new QComboBox(this);
    m_oxygen->setObjectName(QStringLiteral("o2"));
    m_oxygen->addItem(tr("not recorded"));
    m_oxygen->addItem(tr("Air"), false);
    m_oxygen->addItem(tr("Oxygen"), true);
    form->addRow(News2::displayName(Parameter::AirOrOxygen), m_oxygen);
    m_sbp = number(Parameter::SystolicBp, tr("mmHg"));
    m_pulse = number(Parameter::Pulse, tr("/min"));
    m_acvpu = new QComboBox(this);
    m_acvpu->setObjectName(QStringLiteral("acvpu"));
    m_acvpu->addItem(tr("not assessed"));
    m_acvpu->addItem(tr("A — alert"), int(News2::Acvpu::Alert));
    m_acvpu->addItem(tr("C — new confusion"), int(News2::Acvpu::NewConfusion));
    m_acvpu->addItem(tr("V — responds to voice"), int(News2::Acvpu::Voice));
    m_acvpu->addItem(tr("P — responds to pain"), int(News2::Acvpu::Pain));
    m_acvpu->addItem(tr("U — unresponsive"), int(News2::Acvpu::Unresponsive));
    form->addRow(News2::displayName(Parameter::Consciousness), m_acvpu);
    m_temp = number(Parameter::Temperature, tr("°C"));
    m_scale = new QComboBox(this);
    m_scale->setObjectName(QStringLiteral("scale"));
    m_scale->addItem(tr("Scale 1"), 1);
    m_scale->addItem(tr("Scale 2 (prescribed target 88–92 %)"), 2);
    m_scale->setCurrentIndex(currentScale == News2::Scale::Two ? 1 : 0);
    connect(m_scale, &QComboBox::currentIndexChanged, this, &ObservationDialog::validate);
    form->addRow(tr("SpO₂ scale"), m_scale);
    m_reason = new QPlainTextEdit(this);
    m_reason->setObjectName(QStringLiteral("scaleReason"));
    m_reason->setPlaceholderText(tr("Why the scale changes (who prescribed the target, and why)"));
    m_reason->setMaximumHeight(60);
    m_reason->setTabChangesFocus(true);
    connect(m_reason, &QPlainTextEdit::textChanged, this, &ObservationDialog::validate);
    form->addRow(tr("Reason for the scale"), m_reason);
    layout->addLayout(form);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("font-weight:bold;"));
    layout->addWidget(m_problem);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    validate();
}

QLineEdit* ObservationDialog::field(Parameter p) const
{
    switch (p) {
    case Parameter::RespirationRate:
        return m_rr;
    case Parameter::SpO2:
        return m_spo2;
    case Parameter::SystolicBp:
        return m_sbp;
    case Parameter::Pulse:
        return m_pulse;
    case Parameter::Temperature:
        return m_temp;
    default:
        return nullptr;
    }
}

QString ObservationDialog::problem() const
{
    return m_problem->text();
}

void ObservationDialog::validate()
{
    QStringList problems;
    bool any = false;
    for (Parameter p : {Parameter::RespirationRate, Parameter::SpO2, Parameter::SystolicBp, Parameter::Pulse,
             Parameter::Temperature}) {
        const QString text = field(p)->text().trimmed();
        if (text.isEmpty())
            continue;
        any = true;
        const News2::Range range = News2::validRange(p);
        const double value = QLocale::c().toDouble(text);
        if (!clinical::DecimalValue::parseScaled(text, 3) || value < range.low || value > range.high)
            problems
                << tr("%1 must be a number from %2 to %3.").arg(News2::displayName(p)).arg(range.low).arg(range.high);
    }
    any = any || m_oxygen->currentIndex() > 0 || m_acvpu->currentIndex() > 0;
    const bool scaleChanged = (m_scale->currentData().toInt() == 2) != (m_currentScale == News2::Scale::Two);
    if (scaleChanged && m_reason->toPlainText().trimmed().isEmpty())
        problems << tr("Say why the SpO₂ scale changes.");
    if (!any && !scaleChanged)
        problems << tr("Enter at least one observation.");
    m_problem->setText(problems.join(u' '));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problems.isEmpty());
}

ObservationDialog::Observations ObservationDialog::observations() const
{
    Observations o;
    const auto number = [](const QLineEdit* e) -> std::optional<double> {
        const QString t = e->text().trimmed();
        if (t.isEmpty())
            return std::nullopt;
        return QLocale::c().toDouble(t);
    };
    o.respirationRate = number(m_rr);
    o.spo2 = number(m_spo2);
    o.systolicBp = number(m_sbp);
    o.pulse = number(m_pulse);
    o.temperature = number(m_temp);
    if (m_oxygen->currentIndex() > 0)
        o.onOxygen = m_oxygen->currentData().toBool();
    if (m_acvpu->currentIndex() > 0)
        o.consciousness = static_cast<News2::Acvpu>(m_acvpu->currentData().toInt());
    o.scale = m_scale->currentData().toInt() == 2 ? News2::Scale::Two : News2::Scale::One;
    o.scaleChanged = o.scale != m_currentScale;
    o.scaleReason = m_reason->toPlainText().trimmed();
    return o;
}

} // namespace vigil::ui
