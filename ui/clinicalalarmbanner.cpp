#include "clinicalalarmbanner.h"

#include "monitorpalette.h"

#include <QFontMetrics>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QStringList>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace vigil::ui {

using clinical::Alarm;
using clinical::AlarmPriority;
using SignalState = clinical::AlarmEngine::SignalState;

namespace {

constexpr int kShapeSize = 26;

// IEC 60601-1-8 colours: high red, medium yellow, low yellow (cyan is kept for technical alarms,
// so that a LOW physiological alarm is never mistaken for one).
QColor priorityColour(AlarmPriority::Level level, bool technical)
{
    if (technical)
        return MonitorPalette::technical();
    switch (level) {
    case AlarmPriority::High:
        return QColor(0xe5, 0x39, 0x35);
    case AlarmPriority::Medium:
    case AlarmPriority::Low:
        return QColor(0xfd, 0xd8, 0x35);
    case AlarmPriority::None:
        break;
    }
    return MonitorPalette::dimText();
}

// Text on the full priority colour: white on red, near-black on yellow and cyan.
QColor inkOn(const QColor& background)
{
    return background.lightnessF() < 0.55 ? QColor(Qt::white) : QColor(0x12, 0x14, 0x16);
}

QColor bannerBackground()
{
    return QColor(0x14, 0x1a, 0x21);
}

// The priority's shape, readable without colour: a triangle for HIGH, a diamond for MEDIUM, a
// circle for LOW, each filled with `fill` and carrying an exclamation mark in `mark`.
QPixmap shapePixmap(AlarmPriority::Level level, const QColor& fill, const QColor& mark, qreal devicePixelRatio)
{
    const int side = static_cast<int>(std::ceil(kShapeSize * devicePixelRatio));
    QPixmap pixmap(side, side);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const qreal s = kShapeSize;
    QPainterPath path;
    qreal markTop = s * 0.28;
    qreal markBottom = s * 0.78;
    switch (level) {
    case AlarmPriority::High:
        path.moveTo(s / 2, 1);
        path.lineTo(s - 1, s - 2);
        path.lineTo(1, s - 2);
        path.closeSubpath();
        markTop = s * 0.36;
        markBottom = s * 0.80;
        break;
    case AlarmPriority::Medium:
        path.moveTo(s / 2, 0.5);
        path.lineTo(s - 0.5, s / 2);
        path.lineTo(s / 2, s - 0.5);
        path.lineTo(0.5, s / 2);
        path.closeSubpath();
        break;
    case AlarmPriority::Low:
    case AlarmPriority::None:
        path.addEllipse(QRectF(2, 2, s - 4, s - 4));
        break;
    }
    p.fillPath(path, fill);
    p.setPen(Qt::NoPen);
    p.setBrush(mark);
    const qreal barHeight = (markBottom - markTop) * 0.62;
    p.drawRoundedRect(QRectF(s / 2 - 1.5, markTop, 3, barHeight), 1.2, 1.2);
    p.drawEllipse(QPointF(s / 2, markBottom - 1.6), 1.8, 1.8);
    return pixmap;
}

QString countdown(core::Timestamp remaining)
{
    const qint64 seconds = std::max<qint64>(0, (remaining + core::kMicrosPerSecond - 1) / core::kMicrosPerSecond);
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

QString buttonStyle()
{
    return QStringLiteral(
        "QPushButton { background:#26303b; color:#e6eaef; border:1px solid #4a5563; border-radius:3px;"
        " padding:4px 9px; font-weight:bold; }"
        " QPushButton:hover { background:#313c49; }"
        " QPushButton:focus { border:2px solid #e0e6ee; }"
        " QPushButton:disabled { color:#6b7785; border-color:#323c47; }");
}

QString labelStyle(const QColor& colour, bool bold)
{
    return QStringLiteral("color:%1; background:transparent;%2")
        .arg(colour.name(), bold ? QStringLiteral(" font-weight:bold;") : QString());
}

QPushButton* makeButton(const QString& text, const QKeySequence& shortcut, const QString& what, QWidget* parent)
{
    auto* button = new QPushButton(text, parent);
    button->setShortcut(shortcut);
    button->setToolTip(QStringLiteral("%1 (%2)").arg(what, shortcut.toString(QKeySequence::NativeText)));
    button->setAccessibleDescription(what);
    button->setStyleSheet(buttonStyle());
    button->setCursor(Qt::PointingHandCursor);
    return button;
}

} // namespace

ClinicalAlarmBanner::ClinicalAlarmBanner(QWidget* parent)
    : QFrame(parent)
    , m_flashTimer(new QTimer(this))
    , m_countdownTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("clinicalAlarm"));
    setAccessibleName(tr("Clinical alarm"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    setToolTip(tr("Alarms on this remote workstation are advisory (a secondary alarm system): "
                  "they do not replace the patient's own devices or clinical judgement."));

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 6, 8, 6);
    layout->setSpacing(10); // five buttons: kept tight

    m_indicator = new QWidget(this);
    m_indicator->setObjectName(QStringLiteral("alarmIndicator"));
    auto* indicatorLayout = new QHBoxLayout(m_indicator);
    indicatorLayout->setContentsMargins(10, 4, 14, 4);
    indicatorLayout->setSpacing(8);
    m_shape = new QLabel(m_indicator);
    m_shape->setObjectName(QStringLiteral("alarmShape"));
    m_shape->setFixedSize(kShapeSize, kShapeSize);
    indicatorLayout->addWidget(m_shape);
    m_priority = new QLabel(m_indicator);
    m_priority->setObjectName(QStringLiteral("alarmPriority"));
    m_priority->setTextFormat(Qt::PlainText);
    QFont priorityFont = m_priority->font();
    priorityFont.setPointSizeF(priorityFont.pointSizeF() * 1.2);
    priorityFont.setBold(true);
    m_priority->setFont(priorityFont);
    // As wide as the widest priority, so that the name and text do not shift when it changes.
    int priorityWidth = 0;
    for (AlarmPriority::Level level : {AlarmPriority::Low, AlarmPriority::Medium, AlarmPriority::High}) {
        priorityWidth = std::max(priorityWidth,
            QFontMetrics(priorityFont)
                .horizontalAdvance(
                    QStringLiteral("%1 %2").arg(AlarmPriority::name(level), AlarmPriority::marker(level))));
    }
    m_priority->setMinimumWidth(priorityWidth + 2);
    indicatorLayout->addWidget(m_priority);
    layout->addWidget(m_indicator);

    const auto makeLabel = [this](const QString& name, const QColor& colour, bool bold) {
        auto* label = new QLabel(this);
        label->setObjectName(name);
        label->setTextFormat(Qt::PlainText);
        label->setStyleSheet(labelStyle(colour, bold));
        return label;
    };
    m_patient = makeLabel(QStringLiteral("alarmPatient"), MonitorPalette::text(), true);
    QFont patientFont = m_patient->font();
    patientFont.setPointSizeF(patientFont.pointSizeF() * 1.1);
    m_patient->setFont(patientFont);
    m_alarmText = makeLabel(QStringLiteral("alarmText"), MonitorPalette::text(), false);
    m_alarmText->setFont(patientFont);
    m_more = makeLabel(QStringLiteral("alarmMore"), MonitorPalette::dimText(), false);
    m_lockedText = makeLabel(QStringLiteral("alarmLocked"), MonitorPalette::text(), true);
    m_lockedText->setFont(patientFont);
    m_stateLabel = makeLabel(QStringLiteral("alarmSignalState"), MonitorPalette::text(), true);
    m_stateLabel->setAccessibleName(tr("Alarm signal state"));
    m_stateOnly = makeLabel(QStringLiteral("alarmStateOnly"), MonitorPalette::technical(), true);
    m_stateOnly->setStyleSheet(labelStyle(MonitorPalette::technical(), true) + QStringLiteral(" padding:3px 8px;"));
    m_stateOnly->setFont(patientFont);
    m_stateOnly->setAccessibleName(tr("Alarm signal state"));
    m_stateOnly->hide();
    layout->addWidget(m_stateOnly, 1);
    layout->addWidget(m_patient);
    layout->addWidget(m_alarmText, 1);
    layout->addWidget(m_lockedText, 1);
    layout->addWidget(m_more);
    layout->addWidget(m_stateLabel, 0, Qt::AlignVCenter);

    m_acknowledge = makeButton(tr("Acknowledge"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A),
        tr("Acknowledge the alarm shown: its audio stops"), this);
    m_audioPause = makeButton(tr("Audio pause 2 min"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P),
        tr("Pause the audio of all alarms for 2 minutes (AUDIO PAUSED)"), this);
    m_open = makeButton(tr("Open patient"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O),
        tr("Open the patient of the alarm shown"), this);
    // L and R: free in the main window and its menus (Ctrl+L locks; Ctrl+Shift+L does not).
    m_alarmPause = makeButton(tr("Pause alarms 2 min"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L),
        tr("Pause all alarm signals, audio and visual, for 2 minutes (ALARM PAUSED); "
           "alarm conditions are still tracked"),
        this);
    m_reset = makeButton(tr("Alarm reset"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
        tr("ALARM RESET: end held alarms whose condition has gone and acknowledge the others"), this);
    m_acknowledge->setObjectName(QStringLiteral("alarmAcknowledge"));
    m_audioPause->setObjectName(QStringLiteral("alarmAudioPause"));
    m_open->setObjectName(QStringLiteral("alarmOpenPatient"));
    m_alarmPause->setObjectName(QStringLiteral("alarmPause"));
    m_reset->setObjectName(QStringLiteral("alarmReset"));
    // Tab order as laid out: the alarm in view first, then the states that affect every alarm.
    layout->addWidget(m_acknowledge);
    layout->addWidget(m_open);
    layout->addWidget(m_audioPause);
    layout->addWidget(m_alarmPause);
    layout->addWidget(m_reset);

    connect(m_acknowledge, &QPushButton::clicked, this, [this] {
        const std::optional<Alarm> top = topAlarm();
        if (top && !top->acknowledged && !m_locked)
            Q_EMIT acknowledgeRequested(top->id);
    });
    connect(m_audioPause, &QPushButton::clicked, this, [this] {
        if (!m_alarms.empty() && !m_locked)
            Q_EMIT audioPauseRequested();
    });
    connect(m_open, &QPushButton::clicked, this, [this] {
        const std::optional<Alarm> top = topAlarm();
        if (top && !top->patientKey.isEmpty() && !m_locked)
            Q_EMIT openPatientRequested(top->patientKey);
    });
    connect(m_alarmPause, &QPushButton::clicked, this, [this] {
        if (!m_alarms.empty() && !m_locked)
            Q_EMIT alarmPauseRequested();
    });
    connect(m_reset, &QPushButton::clicked, this, [this] {
        if (!m_alarms.empty() && !m_locked)
            Q_EMIT alarmResetRequested();
    });

    m_flashTimer->setTimerType(Qt::PreciseTimer);
    connect(m_flashTimer, &QTimer::timeout, this, &ClinicalAlarmBanner::onFlashTimeout);
    m_countdownTimer->setInterval(1000);
    connect(m_countdownTimer, &QTimer::timeout, this, &ClinicalAlarmBanner::refreshSignalState);

    m_sinceNow.start();
    refresh();
}

void ClinicalAlarmBanner::setNameProvider(NameProvider provider)
{
    m_nameProvider = std::move(provider);
    refresh();
}

void ClinicalAlarmBanner::setAlarms(
    std::vector<Alarm> alarms, SignalState state, core::Timestamp endsAt, core::Timestamp now)
{
    // Highest priority first, the oldest first within a priority.
    std::stable_sort(alarms.begin(), alarms.end(), [](const Alarm& a, const Alarm& b) {
        if (a.priority != b.priority)
            return a.priority > b.priority;
        return a.raisedAt < b.raisedAt;
    });
    m_alarms = std::move(alarms);
    m_state = state;
    m_endsAt = endsAt;
    m_now = now;
    m_sinceNow.restart();
    refresh();
}

void ClinicalAlarmBanner::setLocked(bool locked)
{
    if (m_locked == locked)
        return;
    m_locked = locked;
    refresh();
}

std::optional<std::size_t> ClinicalAlarmBanner::topIndex() const
{
    if (m_alarms.empty())
        return std::nullopt;
    for (std::size_t i = 0; i < m_alarms.size(); ++i) {
        if (!m_alarms[i].acknowledged)
            return i;
    }
    return 0;
}

std::optional<Alarm> ClinicalAlarmBanner::topAlarm() const
{
    const std::optional<std::size_t> index = topIndex();
    if (!index)
        return std::nullopt;
    return m_alarms[*index];
}

QString ClinicalAlarmBanner::signalStateText() const
{
    const core::Timestamp now = m_now + m_sinceNow.elapsed() * core::kMicrosPerMilli;
    switch (m_state) {
    case SignalState::Normal:
        return {};
    case SignalState::AudioPaused:
        return m_endsAt > 0 ? tr("AUDIO PAUSED %1").arg(countdown(m_endsAt - now)) : tr("AUDIO PAUSED");
    case SignalState::AlarmPaused:
        return m_endsAt > 0 ? tr("ALARM PAUSED %1").arg(countdown(m_endsAt - now)) : tr("ALARM PAUSED");
    case SignalState::AudioOff:
        return tr("AUDIO OFF");
    }
    return {};
}

bool ClinicalAlarmBanner::stateOnly() const
{
    return m_alarms.empty() && (m_state == SignalState::AudioOff || m_state == SignalState::AlarmPaused);
}

bool ClinicalAlarmBanner::isShowingStateOnly() const
{
    return !isHidden() && stateOnly();
}

QString ClinicalAlarmBanner::text() const
{
    if (isHidden())
        return {};
    QStringList parts;
    for (const QLabel* label : {m_stateOnly, m_priority, m_patient, m_alarmText, m_lockedText, m_more, m_stateLabel}) {
        if (!label->isHidden() && !label->text().isEmpty())
            parts << label->text();
    }
    return parts.join(QStringLiteral(" \u2014 "));
}

bool ClinicalAlarmBanner::isFlashing() const
{
    return m_flashTimer->isActive();
}

int ClinicalAlarmBanner::flashIntervalMs() const
{
    return m_flashTimer->isActive() ? m_flashTimer->interval() : 0;
}

void ClinicalAlarmBanner::refresh()
{
    const std::optional<std::size_t> index = topIndex();
    setVisible(index.has_value() || stateOnly());
    if (!index) {
        m_flashTimer->stop();
        m_flashOn = true;
        if (stateOnly()) {
            showStateOnly();
        } else {
            m_countdownTimer->stop();
            m_stateOnly->hide();
        }
        return;
    }
    m_stateOnly->clear();
    m_stateOnly->hide();
    m_indicator->show();
    const Alarm& top = m_alarms[*index];
    const int others = static_cast<int>(m_alarms.size()) - 1;

    m_priority->setText(
        QStringLiteral("%1 %2").arg(AlarmPriority::name(top.priority), AlarmPriority::marker(top.priority)));

    if (m_locked) {
        // No patient data: not the name, not the alarm, not even the list in a tooltip.
        for (QLabel* label : {m_patient, m_alarmText, m_more}) {
            label->clear();
            label->setToolTip(QString());
            label->hide();
        }
        m_lockedText->setText(tr("%1 alarm active — unlock to see").arg(AlarmPriority::name(top.priority)));
        m_lockedText->show();
        for (QPushButton* button : {m_acknowledge, m_audioPause, m_open, m_alarmPause, m_reset})
            button->hide();
    } else {
        m_lockedText->clear();
        m_lockedText->hide();
        QString name;
        if (top.patientKey.isEmpty())
            name = tr("Workstation");
        else if (m_nameProvider)
            name = m_nameProvider(top.patientKey);
        if (name.isEmpty())
            name = tr("Unknown patient");
        m_patient->setText(name);
        m_patient->show();

        QString what = top.text();
        if (top.isTechnical())
            what = tr("Technical: %1").arg(what);
        if (top.latched && !top.conditionPresent)
            what += tr(" — condition ended, held until acknowledged");
        if (top.escalated)
            what += tr(" — escalated (not acknowledged)");
        if (top.acknowledged)
            what += tr(" — ACKNOWLEDGED");
        m_alarmText->setText(what);
        m_alarmText->show();

        if (others > 0) {
            AlarmPriority::Level highestOther = AlarmPriority::None;
            QStringList lines;
            for (std::size_t i = 0; i < m_alarms.size(); ++i) {
                if (i == *index)
                    continue;
                const Alarm& alarm = m_alarms[i];
                highestOther = std::max(highestOther, alarm.priority);
                QString who = alarm.patientKey.isEmpty()
                    ? tr("Workstation")
                    : (m_nameProvider ? m_nameProvider(alarm.patientKey) : QString());
                if (who.isEmpty())
                    who = tr("Unknown patient");
                lines << QStringLiteral("%1 %2  %3: %4%5")
                             .arg(AlarmPriority::name(alarm.priority), AlarmPriority::marker(alarm.priority), who,
                                 alarm.text(), alarm.acknowledged ? tr(" (acknowledged)") : QString());
            }
            QString more = others == 1 ? tr("+1 more alarm") : tr("+%1 more alarms").arg(others);
            if (highestOther > top.priority) {
                more = tr("%1 (highest %2 %3)")
                           .arg(more, AlarmPriority::name(highestOther), AlarmPriority::marker(highestOther));
            }
            m_more->setText(more);
            m_more->setToolTip(lines.join(QLatin1Char('\n')));
            m_more->show();
        } else {
            m_more->clear();
            m_more->setToolTip(QString());
            m_more->hide();
        }

        m_acknowledge->setVisible(true);
        m_acknowledge->setEnabled(!top.acknowledged);
        m_audioPause->setVisible(true);
        m_audioPause->setEnabled(m_state != SignalState::AudioOff);
        m_open->setVisible(true);
        m_open->setEnabled(!top.patientKey.isEmpty());
        // Pressed again while ALARM PAUSED, it restarts the 2 minutes (the engine's rule).
        m_alarmPause->setVisible(true);
        m_alarmPause->setEnabled(true);
        m_reset->setVisible(true);
        m_reset->setEnabled(true);
    }

    refreshSignalState();

    // The visual signal: flashing at the priority's rate, steady for LOW, when acknowledged and
    // while ALARM PAUSED.
    const double hz = AlarmPriority::flashHz(top.priority);
    const bool flash = hz > 0 && !top.acknowledged && m_state != SignalState::AlarmPaused;
    if (flash) {
        const int interval = static_cast<int>(std::lround(500.0 / hz));
        if (!m_flashTimer->isActive() || m_flashTimer->interval() != interval) {
            m_flashOn = true;
            m_flashTimer->start(interval);
        }
    } else {
        m_flashTimer->stop();
        m_flashOn = true;
    }
    setAccessibleDescription(text());
    updateIndicator();
}

void ClinicalAlarmBanner::showStateOnly()
{
    // No alarm and so no patient data: the same while locked.
    m_indicator->hide();
    for (QLabel* label : {m_patient, m_alarmText, m_more, m_lockedText, m_stateLabel}) {
        label->clear();
        label->setToolTip(QString());
        label->hide();
    }
    for (QPushButton* button : {m_acknowledge, m_audioPause, m_open, m_alarmPause, m_reset})
        button->hide();
    m_stateOnly->show();
    refreshSignalState();
    setAccessibleDescription(text());
    update();
}

void ClinicalAlarmBanner::refreshSignalState()
{
    const QString state = signalStateText();
    m_stateLabel->setText(state);
    m_stateLabel->setVisible(!state.isEmpty() && !m_alarms.empty());
    // AUDIO OFF and ALARM PAUSED silence alarms yet to come, not just the one in view: drawn in the
    // state line's cyan, with a heavier border, so they are not read past next to an acknowledged alarm.
    const bool silencing = m_state == SignalState::AudioOff || m_state == SignalState::AlarmPaused;
    QString stateStyle = labelStyle(silencing ? MonitorPalette::technical() : MonitorPalette::text(), true);
    stateStyle += silencing ? QStringLiteral(" border:2px solid %1; border-radius:3px; padding:2px 8px;")
                                  .arg(MonitorPalette::technical().name())
                            : QStringLiteral(" border:1px solid #8a96a3; border-radius:3px; padding:3px 8px;");
    if (m_stateLabel->styleSheet() != stateStyle)
        m_stateLabel->setStyleSheet(stateStyle);
    if (stateOnly()) {
        m_stateOnly->setText(m_state == SignalState::AudioOff
                ? tr("%1 — alarms will not sound").arg(state)
                : tr("%1 — new alarms will not sound or flash until then").arg(state));
    }
    const bool counting = (m_state == SignalState::AudioPaused || m_state == SignalState::AlarmPaused) && m_endsAt > 0;
    if (counting && (!m_alarms.empty() || stateOnly())) {
        if (!m_countdownTimer->isActive())
            m_countdownTimer->start();
    } else {
        m_countdownTimer->stop();
    }
}

void ClinicalAlarmBanner::onFlashTimeout()
{
    m_flashOn = !m_flashOn;
    updateIndicator();
    Q_EMIT flashPhaseChanged(m_flashOn);
}

QColor ClinicalAlarmBanner::colour() const
{
    const std::optional<std::size_t> index = topIndex();
    if (!index)
        return MonitorPalette::dimText();
    const Alarm& top = m_alarms[*index];
    return priorityColour(top.priority, top.isTechnical());
}

void ClinicalAlarmBanner::updateIndicator()
{
    const std::optional<std::size_t> index = topIndex();
    if (!index)
        return;
    const AlarmPriority::Level level = m_alarms[*index].priority;
    const QColor full = colour();
    // On: full colour behind, contrasting ink. Off: the banner's dark background, the priority's
    // colour as ink, so the word and shape stay readable through the whole cycle.
    const QColor ink = m_flashOn ? inkOn(full) : full;
    const QColor behind = m_flashOn ? full : bannerBackground();
    m_shape->setPixmap(shapePixmap(level, ink, behind, devicePixelRatioF()));
    m_shape->setAccessibleName(tr("%1 priority alarm").arg(AlarmPriority::name(level)));
    const QString style = labelStyle(ink, true);
    if (m_priority->styleSheet() != style)
        m_priority->setStyleSheet(style);
    update();
}

void ClinicalAlarmBanner::paintEvent(QPaintEvent* event)
{
    Q_UNUSED(event)
    QPainter p(this);
    if (stateOnly()) {
        // Not an alarm: no indicator, a thin steady border in the state line's colour.
        p.fillRect(rect(), bannerBackground());
        p.setPen(QPen(MonitorPalette::technical(), 1.5));
        p.drawRect(QRectF(rect()).adjusted(0.75, 0.75, -0.75, -0.75));
        return;
    }
    const QColor full = colour();
    p.fillRect(rect(), bannerBackground());
    // A steady border in the priority's colour; the indicator alone flashes.
    p.setPen(QPen(full, 2));
    p.setBrush(Qt::NoBrush);
    p.drawRect(QRectF(rect()).adjusted(1, 1, -1, -1));
    const QRectF indicator = QRectF(m_indicator->geometry()).adjusted(0.5, 0.5, -0.5, -0.5);
    if (m_flashOn) {
        p.fillRect(indicator, full);
    } else {
        p.setPen(QPen(full, 1.5));
        p.drawRect(indicator.adjusted(0.75, 0.75, -0.75, -0.75));
    }
}

} // namespace vigil::ui
