#include "unlockdialog.h"

#include "backgroundtask.h"
#include "crypto/securebytes.h"
#include "logging.h"
#include "store/cache.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace vigil::ui {

namespace {

struct OpenResult
{
    std::unique_ptr<store::Cache> cache;
    store::StoreError error;
};

} // namespace

UnlockDialog::UnlockDialog(QString path, QWidget* parent)
    : QDialog(parent)
    , m_path(std::move(path))
{
    setWindowTitle(tr("Unlock Vigil"));
    setMinimumWidth(480);
    auto* layout = new QVBoxLayout(this);
    m_pages = new QStackedWidget(this);
    layout->addWidget(m_pages);

    // Page 1: the passphrase.
    m_unlockPage = new QWidget(m_pages);
    auto* unlockLayout = new QVBoxLayout(m_unlockPage);
    unlockLayout->setContentsMargins(0, 0, 0, 0);
    unlockLayout->addWidget(new QLabel(tr("<h3>Unlock the monitoring data</h3>"), m_unlockPage));
    auto* intro = new QLabel(tr("Enter the passphrase of this workstation's encrypted cache."), m_unlockPage);
    intro->setWordWrap(true);
    unlockLayout->addWidget(intro);
    auto* label = new QLabel(tr("&Passphrase:"), m_unlockPage);
    m_passphrase = new QLineEdit(m_unlockPage);
    m_passphrase->setObjectName(QStringLiteral("passphrase"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setAccessibleName(tr("Passphrase"));
    label->setBuddy(m_passphrase);
    unlockLayout->addWidget(label);
    unlockLayout->addWidget(m_passphrase);
    m_error = new QLabel(m_unlockPage);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color:#b3261e; font-weight:bold;"));
    m_error->hide();
    unlockLayout->addWidget(m_error);
    m_busyLabel = new QLabel(tr("Checking the passphrase…"), m_unlockPage);
    m_busyLabel->hide();
    unlockLayout->addWidget(m_busyLabel);
    m_progress = new QProgressBar(m_unlockPage);
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->hide();
    unlockLayout->addWidget(m_progress);
    auto* where = new QLabel(tr("Cache file: %1").arg(QDir::toNativeSeparators(m_path)), m_unlockPage);
    where->setWordWrap(true);
    where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    unlockLayout->addWidget(where);
    unlockLayout->addStretch(1);
    auto* unlockButtons = new QHBoxLayout;
    unlockButtons->addStretch(1);
    m_quit = new QPushButton(tr("&Quit"), m_unlockPage);
    m_unlock = new QPushButton(tr("&Unlock"), m_unlockPage);
    m_unlock->setDefault(true);
    m_unlock->setEnabled(false);
    unlockButtons->addWidget(m_quit);
    unlockButtons->addWidget(m_unlock);
    unlockLayout->addLayout(unlockButtons);
    m_pages->addWidget(m_unlockPage);

    // Page 2: a cache that cannot be opened.
    m_problemPage = new QWidget(m_pages);
    auto* problemLayout = new QVBoxLayout(m_problemPage);
    problemLayout->setContentsMargins(0, 0, 0, 0);
    problemLayout->addWidget(new QLabel(tr("<h3>The monitoring data cannot be opened</h3>"), m_problemPage));
    m_problem = new QLabel(m_problemPage);
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    problemLayout->addWidget(m_problem);
    problemLayout->addStretch(1);
    auto* problemButtons = new QHBoxLayout;
    problemButtons->addStretch(1);
    m_problemQuit = new QPushButton(tr("&Quit"), m_problemPage);
    m_moveAside = new QPushButton(tr("&Move it aside and start a new cache"), m_problemPage);
    problemButtons->addWidget(m_problemQuit);
    problemButtons->addWidget(m_moveAside);
    problemLayout->addLayout(problemButtons);
    m_pages->addWidget(m_problemPage);

    connect(m_passphrase, &QLineEdit::textChanged, this,
        [this](const QString& text) { m_unlock->setEnabled(!m_busy && !text.isEmpty()); });
    connect(m_passphrase, &QLineEdit::returnPressed, this, &UnlockDialog::onUnlockClicked);
    connect(m_unlock, &QPushButton::clicked, this, &UnlockDialog::onUnlockClicked);
    connect(m_quit, &QPushButton::clicked, this, &UnlockDialog::reject);
    connect(m_problemQuit, &QPushButton::clicked, this, &UnlockDialog::reject);
    connect(m_moveAside, &QPushButton::clicked, this, &UnlockDialog::onMoveAsideClicked);
    m_passphrase->setFocus();
}

UnlockDialog::~UnlockDialog() = default;

std::unique_ptr<store::Cache> UnlockDialog::takeCache()
{
    return std::move(m_cache);
}

bool UnlockDialog::isShowingProblem() const
{
    return m_pages->currentWidget() == m_problemPage;
}

void UnlockDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_passphrase->setEnabled(!busy);
    m_unlock->setEnabled(!busy && !m_passphrase->text().isEmpty());
    m_quit->setEnabled(!busy);
    m_busyLabel->setVisible(busy);
    m_progress->setVisible(busy);
}

void UnlockDialog::onUnlockClicked()
{
    if (m_busy || m_passphrase->text().isEmpty())
        return;
    auto passphrase = std::make_shared<crypto::SecureBytes>(crypto::SecureBytes::fromUtf8(m_passphrase->text()));
    m_passphrase->clear();
    m_error->hide();
    setBusy(true);
    runInBackground(
        this,
        [path = m_path, passphrase] {
            OpenResult result;
            result.cache = store::Cache::open(path, *passphrase, &result.error);
            passphrase->clear();
            return result;
        },
        [this](OpenResult result) {
            setBusy(false);
            if (result.cache) {
                m_cache = std::move(result.cache);
                m_outcome = Outcome::Unlocked;
                Q_EMIT attemptFinished();
                accept();
                return;
            }
            onOpenFailed(result.error);
            Q_EMIT attemptFinished();
        });
}

void UnlockDialog::onOpenFailed(const store::StoreError& error)
{
    using Kind = store::StoreError::Kind;
    qCInfo(lcUi) << "cache not opened:" << static_cast<int>(error.kind);
    switch (error.kind) {
    case Kind::WrongPassphrase:
        m_error->setText(tr("The passphrase is not correct. Check it (and Caps Lock) and try again."));
        m_error->show();
        m_passphrase->setFocus();
        return;
    case Kind::NoSuchCache:
        // Gone since the dialog opened: set up a new one.
        m_outcome = Outcome::StartNewCache;
        accept();
        return;
    case Kind::NotACache:
    case Kind::Corrupt:
        showProblem(tr("The cache file cannot be read: %1\n\nVigil can move it aside (it is renamed and kept, "
                       "not deleted) and set up a new, empty cache. The old file can then be looked at by "
                       "your IT support.")
                        .arg(error.message),
            true);
        return;
    case Kind::KeyFileProblem:
        if (!QFile::exists(store::Cache::keyFilePath(m_path))) {
            // Without its key file the cache can never be read again.
            showProblem(tr("%1\n\nVigil can move the cache aside (it is renamed and kept, not deleted) and set up "
                           "a new, empty cache.")
                            .arg(error.message),
                true);
            return;
        }
        break;
    case Kind::TooNew:
        showProblem(tr("This cache was written by a newer version of Vigil, which this version cannot read "
                       "safely. Please use the newer version, or ask your IT support.\n\n%1")
                        .arg(error.message),
            false);
        return;
    default:
        break;
    }
    m_error->setText(tr("The cache could not be opened: %1").arg(error.message));
    m_error->show();
    m_passphrase->setFocus();
}

void UnlockDialog::showProblem(const QString& text, bool offerMoveAside)
{
    m_problem->setText(text);
    m_moveAside->setVisible(offerMoveAside);
    m_moveAside->setEnabled(offerMoveAside);
    m_pages->setCurrentWidget(m_problemPage);
    if (offerMoveAside) {
        m_moveAside->setDefault(true);
        m_moveAside->setFocus();
    } else {
        m_problemQuit->setDefault(true);
        m_problemQuit->setFocus();
    }
}

void UnlockDialog::onMoveAsideClicked()
{
    QString why;
    const QString moved = store::Cache::moveAside(m_path, &why);
    if (moved.isEmpty()) {
        m_problem->setText(m_problem->text() + QStringLiteral("\n\n")
            + tr("The file could not be moved aside: %1 Please ask your IT support.").arg(why));
        m_moveAside->setEnabled(false);
        return;
    }
    qCInfo(lcUi) << "unreadable cache moved aside";
    m_movedAside = moved;
    m_outcome = Outcome::StartNewCache;
    accept();
}

void UnlockDialog::reject()
{
    if (m_busy)
        return;
    m_outcome = Outcome::Quit;
    QDialog::reject();
}

} // namespace vigil::ui
