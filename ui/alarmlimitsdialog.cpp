#include "alarmlimitsdialog.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <optional>

namespace vigil::ui {

using clinical::AlarmLimits;
using clinical::AlarmPriority;
using Direction = AlarmLimits::Direction;
using Programme = AlarmLimits::Programme;
using Rule = AlarmLimits::Rule;

namespace {

constexpr int kReasonMaxLength = 300;

enum Column {
    VitalColumn,
    DirectionColumn,
    ThresholdColumn,
    PriorityColumn,
    DelayColumn,
    ChangeColumn,
};

QString valueText(core::VitalKind kind, double value)
{
    return QStringLiteral("%1 %2").arg(QString::number(value, 'f', AlarmLimits::decimals(kind)), core::vitalUnit(kind));
}

} // namespace

AlarmLimitsDialog::AlarmLimitsDialog(const AlarmLimits& current, const QString& patientTitle, QWidget* parent)
    : QDialog(parent)
    , m_current(current)
    , m_programmeShown(current.programme())
{
    setObjectName(QStringLiteral("alarmLimitsDialog"));
    setWindowTitle(tr("Alarm limits — %1").arg(patientTitle));

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    auto* note = new QLabel(tr("These limits apply to this patient only. An alarm is raised when a reading stays "
                               "below or above a threshold for the delay; a HIGH threshold must be at least as "
                               "extreme as the MEDIUM one. Alarms on this workstation are advisory (a secondary "
                               "alarm system)."),
        this);
    note->setWordWrap(true);
    layout->addWidget(note);

    auto* programmeRow = new QHBoxLayout;
    auto* programmeLabel = new QLabel(tr("&Programme:"), this);
    m_programme = new QComboBox(this);
    m_programme->setObjectName(QStringLiteral("alarmProgramme"));
    for (Programme p : {Programme::General, Programme::Copd, Programme::HeartFailure})
        m_programme->addItem(AlarmLimits::programmeName(p), static_cast<int>(p));
    m_programme->setCurrentIndex(m_programme->findData(static_cast<int>(current.programme())));
    m_programme->setFocusPolicy(Qt::StrongFocus);
    m_programme->installEventFilter(this);
    programmeLabel->setBuddy(m_programme);
    m_restore = new QPushButton(tr("Restore programme &defaults"), this);
    m_restore->setObjectName(QStringLiteral("alarmRestoreDefaults"));
    m_restore->setAutoDefault(false);
    programmeRow->addWidget(programmeLabel);
    programmeRow->addWidget(m_programme);
    programmeRow->addStretch(1);
    programmeRow->addWidget(m_restore);
    layout->addLayout(programmeRow);

    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("alarmRules"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table = new QWidget(m_scroll);
    m_grid = new QGridLayout(m_table);
    m_grid->setHorizontalSpacing(14);
    m_grid->setVerticalSpacing(4);
    const QStringList headers{
        tr("Vital sign"), tr("Direction"), tr("Threshold"), tr("Priority"), tr("Delay"), tr("Current limit")};
    for (int c = 0; c < headers.size(); ++c) {
        auto* header = new QLabel(headers.at(c), m_table);
        header->setStyleSheet(QStringLiteral("font-weight:bold;"));
        m_grid->addWidget(header, 0, c);
    }
    m_grid->setColumnStretch(ChangeColumn, 1);
    m_scroll->setWidget(m_table);
    layout->addWidget(m_scroll, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("alarmLimitsStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    auto* reasonLabel = new QLabel(tr("&Reason for the change (recorded in the audit log):"), this);
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("alarmLimitsReason"));
    m_reason->setMaxLength(kReasonMaxLength);
    m_reason->setPlaceholderText(tr("e.g. SpO₂ target 88–92 % prescribed by the respiratory team"));
    reasonLabel->setBuddy(m_reason);
    layout->addWidget(reasonLabel);
    layout->addWidget(m_reason);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    okButton()->setText(tr("&Save limits"));
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        validate();
        if (okButton()->isEnabled())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_programme, &QComboBox::currentIndexChanged, this, &AlarmLimitsDialog::onProgrammeChosen);
    connect(m_restore, &QPushButton::clicked, this, &AlarmLimitsDialog::restoreDefaults);
    connect(m_reason, &QLineEdit::textChanged, this, &AlarmLimitsDialog::validate);

    load(current);
    m_programme->setFocus();
    resize(std::max(sizeHint().width(), 760), sizeHint().height());
}

AlarmLimitsDialog::~AlarmLimitsDialog() = default;

QPushButton* AlarmLimitsDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

QDoubleSpinBox* AlarmLimitsDialog::thresholdBox(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows[static_cast<std::size_t>(row)].threshold : nullptr;
}

QComboBox* AlarmLimitsDialog::priorityBox(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows[static_cast<std::size_t>(row)].priority : nullptr;
}

QSpinBox* AlarmLimitsDialog::delayBox(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows[static_cast<std::size_t>(row)].delay : nullptr;
}

int AlarmLimitsDialog::rowOf(core::VitalKind kind, Direction direction, AlarmPriority::Level priority) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const Row& row = m_rows[i];
        if (row.kind == kind && row.direction == direction && row.priority->currentData().toInt() == priority)
            return static_cast<int>(i);
    }
    return -1;
}

AlarmLimits AlarmLimitsDialog::limits() const
{
    std::vector<Rule> rules;
    rules.reserve(m_rows.size());
    for (const Row& row : m_rows) {
        rules.push_back({row.kind, row.direction, row.threshold->value(),
            static_cast<AlarmPriority::Level>(row.priority->currentData().toInt()), row.delay->value()});
    }
    return AlarmLimits::withRules(m_programmeShown, std::move(rules));
}

QString AlarmLimitsDialog::reason() const
{
    return m_reason->text().trimmed();
}

void AlarmLimitsDialog::load(const AlarmLimits& limits)
{
    for (Row& row : m_rows) {
        for (QWidget* w : std::initializer_list<QWidget*>{
                 row.vital, row.directionLabel, row.threshold, row.priority, row.delay, row.change})
            delete w;
    }
    m_rows.clear();
    m_programmeShown = limits.programme();
    {
        const QSignalBlocker blocker(m_programme);
        m_programme->setCurrentIndex(m_programme->findData(static_cast<int>(m_programmeShown)));
    }

    // By vital sign, "below" before "above", the most urgent rule first.
    std::vector<Rule> rules = limits.rules();
    std::stable_sort(rules.begin(), rules.end(), [](const Rule& a, const Rule& b) {
        if (a.kind != b.kind)
            return a.kind < b.kind;
        if (a.direction != b.direction)
            return a.direction < b.direction;
        return a.priority > b.priority;
    });

    std::optional<core::VitalKind> previousKind;
    for (const Rule& rule : rules) {
        const int gridRow = static_cast<int>(m_rows.size()) + 1;
        Row row{};
        row.kind = rule.kind;
        row.direction = rule.direction;
        // The sign's name once per group: the rows below it are read as belonging to it.
        row.vital = new QLabel(m_table);
        if (previousKind != rule.kind) {
            row.vital->setText(tr("%1 (%2)").arg(AlarmLimits::vitalName(rule.kind), core::vitalUnit(rule.kind)));
            row.vital->setStyleSheet(QStringLiteral("font-weight:bold;"));
        }
        previousKind = rule.kind;
        row.directionLabel = new QLabel(AlarmLimits::directionName(rule.direction), m_table);

        row.threshold = new QDoubleSpinBox(m_table);
        row.threshold->setObjectName(QStringLiteral("alarmThreshold%1").arg(gridRow - 1));
        row.threshold->setDecimals(AlarmLimits::decimals(rule.kind));
        const AlarmLimits::Range range = AlarmLimits::thresholdRange(rule.kind);
        row.threshold->setRange(range.low, range.high);
        row.threshold->setSingleStep(AlarmLimits::decimals(rule.kind) > 0 ? 0.1 : 1.0);
        row.threshold->setSuffix(QStringLiteral(" %1").arg(core::vitalUnit(rule.kind)));
        row.threshold->setValue(rule.threshold);
        row.threshold->setAlignment(Qt::AlignRight);

        row.priority = new QComboBox(m_table);
        row.priority->setObjectName(QStringLiteral("alarmPriority%1").arg(gridRow - 1));
        for (AlarmPriority::Level level : {AlarmPriority::High, AlarmPriority::Medium, AlarmPriority::Low})
            row.priority->addItem(AlarmPriority::name(level), static_cast<int>(level));
        row.priority->setCurrentIndex(row.priority->findData(static_cast<int>(rule.priority)));

        row.delay = new QSpinBox(m_table);
        row.delay->setObjectName(QStringLiteral("alarmDelay%1").arg(gridRow - 1));
        row.delay->setRange(0, AlarmLimits::kMaxDelaySeconds);
        row.delay->setSingleStep(5);
        row.delay->setSuffix(tr(" s"));
        row.delay->setValue(rule.delaySeconds);
        row.delay->setAlignment(Qt::AlignRight);

        row.change = new QLabel(m_table);
        row.change->setTextFormat(Qt::PlainText);

        for (QWidget* editor : std::initializer_list<QWidget*>{row.threshold, row.priority, row.delay}) {
            editor->setFocusPolicy(Qt::StrongFocus);
            editor->installEventFilter(this);
        }
        connect(row.threshold, &QDoubleSpinBox::valueChanged, this, &AlarmLimitsDialog::validate);
        connect(row.priority, &QComboBox::currentIndexChanged, this, &AlarmLimitsDialog::validate);
        connect(row.delay, &QSpinBox::valueChanged, this, &AlarmLimitsDialog::validate);

        m_grid->addWidget(row.vital, gridRow, VitalColumn);
        m_grid->addWidget(row.directionLabel, gridRow, DirectionColumn);
        m_grid->addWidget(row.threshold, gridRow, ThresholdColumn);
        m_grid->addWidget(row.priority, gridRow, PriorityColumn);
        m_grid->addWidget(row.delay, gridRow, DelayColumn);
        m_grid->addWidget(row.change, gridRow, ChangeColumn);
        m_rows.push_back(row);
    }
    m_grid->setRowStretch(static_cast<int>(m_rows.size()) + 1, 1);
    // Tall enough for every rule of the programmes without scrolling on a workstation screen.
    m_scroll->setMinimumHeight(std::min(m_table->sizeHint().height() + 2 * m_scroll->frameWidth(), 520));
    m_scroll->setMinimumWidth(
        m_table->sizeHint().width() + 2 * m_scroll->frameWidth() + m_scroll->verticalScrollBar()->sizeHint().width());
    updateTabOrder();
    validate();
}

void AlarmLimitsDialog::updateTabOrder()
{
    QWidget* previous = m_programme;
    const auto chain = [&previous](QWidget* next) {
        setTabOrder(previous, next);
        previous = next;
    };
    chain(m_restore);
    for (const Row& row : m_rows) {
        chain(row.threshold);
        chain(row.priority);
        chain(row.delay);
    }
    chain(m_reason);
    chain(okButton());
    chain(m_buttons->button(QDialogButtonBox::Cancel));
}

void AlarmLimitsDialog::onProgrammeChosen(int index)
{
    const auto chosen = static_cast<Programme>(m_programme->itemData(index).toInt());
    if (chosen == m_programmeShown)
        return;
    if (!(limits() == AlarmLimits::defaults(m_programmeShown))) {
        // The table holds limits of the clinician's own: do not drop them on one key press.
        QMessageBox box(QMessageBox::Question, tr("Change programme"),
            tr("Load the %1 programme's default limits? The limits in the table, which differ from the %2 "
               "defaults, will be replaced.")
                .arg(AlarmLimits::programmeName(chosen), AlarmLimits::programmeName(m_programmeShown)),
            QMessageBox::NoButton, this);
        box.setObjectName(QStringLiteral("alarmProgrammeConfirm"));
        QPushButton* loadButton =
            box.addButton(tr("&Load %1 defaults").arg(AlarmLimits::programmeName(chosen)), QMessageBox::AcceptRole);
        loadButton->setObjectName(QStringLiteral("loadDefaults"));
        QPushButton* keepButton = box.addButton(tr("&Keep these limits"), QMessageBox::RejectRole);
        keepButton->setObjectName(QStringLiteral("keepLimits"));
        box.setDefaultButton(keepButton);
        box.setEscapeButton(keepButton);
        box.exec();
        if (box.clickedButton() != loadButton) {
            const QSignalBlocker blocker(m_programme);
            m_programme->setCurrentIndex(m_programme->findData(static_cast<int>(m_programmeShown)));
            return;
        }
    }
    load(AlarmLimits::defaults(chosen));
}

void AlarmLimitsDialog::restoreDefaults()
{
    load(AlarmLimits::defaults(m_programmeShown));
    // The button is now disabled (nothing to restore): keep the focus somewhere useful.
    if (!m_rows.empty())
        m_rows.front().threshold->setFocus();
}

QString AlarmLimitsDialog::changeText(const Row& row) const
{
    const auto priority = static_cast<AlarmPriority::Level>(row.priority->currentData().toInt());
    for (const Rule& rule : m_current.rules()) {
        if (rule.kind != row.kind || rule.direction != row.direction || rule.priority != priority)
            continue;
        const Rule now{row.kind, row.direction, row.threshold->value(), priority, row.delay->value()};
        if (now == rule)
            return {};
        return tr("was %1, %2 s").arg(valueText(rule.kind, rule.threshold), QString::number(rule.delaySeconds));
    }
    return tr("new rule");
}

void AlarmLimitsDialog::validate()
{
    const AlarmLimits shown = limits();
    m_problems = shown.problems();
    int changed = 0;
    for (Row& row : m_rows) {
        const QString change = changeText(row);
        row.change->setText(change);
        changed += change.isEmpty() ? 0 : 1;
        // Each editor says which rule it belongs to: the grid's headers are not read out with it.
        const QString rule = tr("%1 %2, %3")
                                 .arg(AlarmLimits::vitalName(row.kind), AlarmLimits::directionName(row.direction),
                                     row.priority->currentText());
        row.threshold->setAccessibleName(tr("%1: threshold").arg(rule));
        row.priority->setAccessibleName(tr("%1: priority").arg(rule));
        row.delay->setAccessibleName(tr("%1: delay in seconds").arg(rule));
    }

    QString status;
    if (!m_problems.isEmpty()) {
        status = m_problems.join(QLatin1Char('\n'));
    } else if (reason().isEmpty()) {
        status = tr("Give the reason for the change to save it.");
    } else if (shown == m_current) {
        status = tr("No change from the patient's current limits.");
    } else {
        status = tr("%n rule(s) differ from the patient's current limits.", nullptr, changed);
    }
    m_status->setText(status);
    m_status->setStyleSheet(m_problems.isEmpty() ? QString() : QStringLiteral("color:#c62828; font-weight:bold;"));
    okButton()->setEnabled(m_problems.isEmpty() && !reason().isEmpty());
    m_restore->setEnabled(!(shown == AlarmLimits::defaults(m_programmeShown)));
}

bool AlarmLimitsDialog::eventFilter(QObject* watched, QEvent* e)
{
    // The wheel scrolls the table; it never changes a threshold, priority or programme under the
    // pointer (a value moved unnoticed while scrolling is a missed alarm later).
    if (e->type() == QEvent::Wheel && watched != m_scroll->verticalScrollBar()) {
        if (watched != m_programme)
            QCoreApplication::sendEvent(m_scroll->verticalScrollBar(), e);
        return true;
    }
    return QDialog::eventFilter(watched, e);
}

} // namespace vigil::ui
