#include "reauthdialog.h"

#include "logging.h"
#include "passphrasecheck.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <memory>

namespace vigil::ui {

ReauthDialog::ReauthDialog(const QString& keyFilePath, QWidget* parent)
    : QDialog(parent)
    , m_keyFilePath(keyFilePath)
{
    setObjectName(QStringLiteral("reauthDialog"));
    setWindowTitle(tr("Turn alarm audio off"));
    setMinimumWidth(460);

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    auto* what = new QLabel(tr("<b>AUDIO OFF</b> silences every alarm on this workstation, for every patient, "
                               "until it is turned on again (a reminder sounds every few minutes). "
                               "Visual alarm signals continue."),
        this);
    what->setObjectName(QStringLiteral("reauthWhat"));
    what->setTextFormat(Qt::RichText);
    what->setWordWrap(true);
    layout->addWidget(what);

    m_prompt = new QLabel(this);
    m_prompt->setObjectName(QStringLiteral("reauthPrompt"));
    m_prompt->setTextFormat(Qt::PlainText);
    m_prompt->setWordWrap(true);
    layout->addWidget(m_prompt);
    m_input = new QLineEdit(this);
    m_input->setObjectName(QStringLiteral("reauthInput"));
    m_prompt->setBuddy(m_input);
    layout->addWidget(m_input);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("reauthError"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color:#c62828; font-weight:bold;"));
    m_error->hide();
    layout->addWidget(m_error);
    m_busyLabel = new QLabel(tr("Checking the passphrase…"), this);
    m_busyLabel->hide();
    layout->addWidget(m_busyLabel);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(6);
    m_progress->hide();
    layout->addWidget(m_progress);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_confirm = m_buttons->addButton(tr("Turn audio &off"), QDialogButtonBox::AcceptRole);
    m_confirm->setObjectName(QStringLiteral("reauthConfirm"));
    m_confirm->setDefault(true);
    layout->addWidget(m_buttons);

    if (needsPassphrase()) {
        m_prompt->setText(tr("This needs your authority: enter the cache &passphrase to confirm."));
        m_input->setEchoMode(QLineEdit::Password);
        m_input->setAccessibleName(tr("Passphrase"));
    } else {
        m_prompt->setText(tr("This demonstration uses a throwaway cache that has no passphrase, so who you are "
                             "cannot be checked. To confirm, &type the words %1.")
                              .arg(confirmationWords()));
        m_input->setAccessibleName(tr("Confirmation words"));
        m_input->setPlaceholderText(confirmationWords());
    }

    // The confirm button is an AcceptRole button, so accepted() comes from it (and from Enter);
    // accept() itself only closes once verified.
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ReauthDialog::onConfirm);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ReauthDialog::reject);
    connect(m_input, &QLineEdit::textChanged, this, [this] {
        m_error->hide();
        updateButton();
    });
    m_input->setFocus();
    updateButton();
}

ReauthDialog::~ReauthDialog() = default;

QString ReauthDialog::confirmationWords()
{
    return tr("AUDIO OFF");
}

void ReauthDialog::updateButton()
{
    bool ready = !m_busy && !m_verified;
    if (needsPassphrase()) {
        ready = ready && !m_input->text().isEmpty();
    } else {
        // Letter case and spacing are forgiven; the words are not.
        ready = ready && m_input->text().simplified().compare(confirmationWords(), Qt::CaseInsensitive) == 0;
    }
    m_confirm->setEnabled(ready);
}

void ReauthDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_input->setEnabled(!busy);
    m_busyLabel->setVisible(busy);
    m_progress->setVisible(busy);
    updateButton();
}

void ReauthDialog::onConfirm()
{
    if (m_busy || m_verified || !m_confirm->isEnabled())
        return;
    if (!needsPassphrase()) {
        m_verified = true;
        Q_EMIT attemptFinished();
        accept();
        return;
    }
    // The passphrase goes straight into wiped memory and leaves the field at once.
    const QString passphrase = m_input->text();
    m_input->clear();
    m_error->hide();
    setBusy(true);
    PassphraseCheck::start(this, m_keyFilePath, passphrase, [this](const PassphraseCheck& result) {
        setBusy(false);
        if (m_closed)
            return;
        switch (result.verdict) {
        case PassphraseCheck::Verdict::Ok:
            qCInfo(lcUi) << "re-authentication for AUDIO OFF: passphrase verified";
            m_verified = true;
            Q_EMIT attemptFinished();
            accept();
            return;
        case PassphraseCheck::Verdict::Wrong:
            qCInfo(lcUi) << "re-authentication for AUDIO OFF: wrong passphrase";
            m_error->setText(tr("The passphrase is not correct. Check it (and Caps Lock) and try again. "
                                "Audio stays on."));
            break;
        case PassphraseCheck::Verdict::Problem:
            qCWarning(lcUi) << "re-authentication: the key file could not be used:" << result.message;
            m_error->setText(tr("The passphrase could not be checked: %1 Audio stays on.").arg(result.message));
            break;
        }
        m_error->show();
        m_input->setFocus();
        Q_EMIT refused();
        Q_EMIT attemptFinished();
    });
}

void ReauthDialog::accept()
{
    if (!m_verified)
        return;
    QDialog::accept();
}

void ReauthDialog::reject()
{
    m_closed = m_busy;
    QDialog::reject();
}

} // namespace vigil::ui
