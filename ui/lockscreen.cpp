#include "lockscreen.h"

#include "logging.h"
#include "monitorpalette.h"
#include "passphrasecheck.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTime>
#include <QVBoxLayout>

namespace vigil::ui {

LockScreen::LockScreen(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("lockScreen"));
    setAutoFillBackground(true);
    QPalette p = palette();
    p.setColor(QPalette::Window, MonitorPalette::background());
    p.setColor(QPalette::WindowText, MonitorPalette::text());
    setPalette(p);

    auto* outer = new QVBoxLayout(this);
    outer->addStretch(2);
    auto* panel = new QFrame(this);
    panel->setObjectName(QStringLiteral("lockPanel"));
    panel->setFrameShape(QFrame::StyledPanel);
    panel->setFixedWidth(540); // fixed: word-wrapped text then gets the height it needs
    panel->setStyleSheet(QStringLiteral("QFrame#lockPanel { background:#151c24; border:1px solid #26303b; "
                                        "border-radius:8px; } QLabel { color:#e6eaef; }"));
    // Centred by stretches, not an alignment flag, so the layout gives word-wrapped text its height.
    auto* row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(panel);
    row->addStretch(1);
    outer->addLayout(row);
    outer->addStretch(3);

    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(28, 24, 28, 24);
    layout->setSpacing(10);
    auto* title = new QLabel(tr("Vigil is locked"), panel);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);
    layout->addWidget(title);
    auto* note = new QLabel(tr("Patient information is hidden while the workstation is locked. "
                               "Monitoring and recording continue in the background."),
        panel);
    note->setWordWrap(true);
    layout->addWidget(note);
    m_since = new QLabel(panel);
    m_since->setStyleSheet(QStringLiteral("color:#8a96a3;"));
    layout->addWidget(m_since);

    m_prompt = new QLabel(panel);
    m_prompt->setWordWrap(true);
    layout->addSpacing(8);
    layout->addWidget(m_prompt);
    m_passphrase = new QLineEdit(panel);
    m_passphrase->setObjectName(QStringLiteral("lockPassphrase"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setAccessibleName(tr("Passphrase"));
    m_prompt->setBuddy(m_passphrase);
    layout->addWidget(m_passphrase);
    m_error = new QLabel(panel);
    m_error->setObjectName(QStringLiteral("lockError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color:#ffb4a9; font-weight:bold;"));
    m_error->hide();
    layout->addWidget(m_error);
    m_busyLabel = new QLabel(tr("Checking the passphrase…"), panel);
    m_busyLabel->hide();
    layout->addWidget(m_busyLabel);
    m_progress = new QProgressBar(panel);
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(6);
    m_progress->hide();
    layout->addWidget(m_progress);
    m_unlock = new QPushButton(panel);
    m_unlock->setObjectName(QStringLiteral("unlockButton"));
    m_unlock->setDefault(true);
    layout->addWidget(m_unlock, 0, Qt::AlignRight);

    connect(m_passphrase, &QLineEdit::returnPressed, this, &LockScreen::onUnlockClicked);
    connect(m_passphrase, &QLineEdit::textChanged, this,
        [this](const QString& text) { m_unlock->setEnabled(!m_busy && (!needsPassphrase() || !text.isEmpty())); });
    connect(m_unlock, &QPushButton::clicked, this, &LockScreen::onUnlockClicked);
    updateMode();
}

LockScreen::~LockScreen() = default;

void LockScreen::setKeyFilePath(const QString& path)
{
    m_keyFilePath = path;
    updateMode();
}

void LockScreen::updateMode()
{
    if (needsPassphrase()) {
        m_prompt->setText(tr("Enter the cache &passphrase to unlock:"));
        m_unlock->setText(tr("&Unlock"));
        m_passphrase->show();
    } else {
        m_prompt->setText(tr("This demonstration uses a throwaway cache that has no passphrase."));
        m_unlock->setText(tr("&Unlock demo"));
        m_passphrase->hide();
    }
    m_unlock->setEnabled(!m_busy && (!needsPassphrase() || !m_passphrase->text().isEmpty()));
}

void LockScreen::reset()
{
    m_passphrase->clear();
    m_error->hide();
    m_since->setText(tr("Locked at %1").arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
    updateMode();
}

void LockScreen::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (needsPassphrase())
        m_passphrase->setFocus();
    else
        m_unlock->setFocus();
}

void LockScreen::setBusy(bool busy)
{
    m_busy = busy;
    m_passphrase->setEnabled(!busy);
    m_busyLabel->setVisible(busy);
    m_progress->setVisible(busy);
    updateMode();
}

void LockScreen::onUnlockClicked()
{
    if (m_busy)
        return;
    if (!needsPassphrase()) {
        Q_EMIT attemptFinished();
        Q_EMIT unlocked();
        return;
    }
    if (m_passphrase->text().isEmpty())
        return;
    const QString passphrase = m_passphrase->text();
    m_passphrase->clear();
    m_error->hide();
    setBusy(true);
    PassphraseCheck::start(this, m_keyFilePath, passphrase, [this](const PassphraseCheck& result) {
        setBusy(false);
        switch (result.verdict) {
        case PassphraseCheck::Verdict::Ok:
            Q_EMIT attemptFinished();
            Q_EMIT unlocked();
            return;
        case PassphraseCheck::Verdict::Wrong:
            m_error->setText(tr("The passphrase is not correct. Check it (and Caps Lock) and try again."));
            break;
        case PassphraseCheck::Verdict::Problem:
            qCWarning(lcUi) << "lock screen: the key file could not be used:" << result.message;
            m_error->setText(tr("The passphrase could not be checked: %1").arg(result.message));
            break;
        }
        m_error->show();
        m_passphrase->setFocus();
        Q_EMIT unlockRefused();
        Q_EMIT attemptFinished();
    });
}

} // namespace vigil::ui
