#include "cachesetupdialog.h"

#include "backgroundtask.h"
#include "crypto/keychainstore.h"
#include "crypto/keyfile.h"
#include "crypto/passphrasepolicy.h"
#include "crypto/securebytes.h"
#include "logging.h"
#include "store/cache.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace vigil::ui {

namespace {

QString bulletList(const QStringList& items)
{
    QString html = QStringLiteral("<ul style=\"margin-left:-20px\">");
    for (const QString& item : items)
        html += QStringLiteral("<li>") % item.toHtmlEscaped() % QStringLiteral("</li>");
    return html + QStringLiteral("</ul>");
}

struct CreateResult
{
    std::unique_ptr<store::Cache> cache;
    store::StoreError error;
    QString keychainError; // the cache was created, but its key could not be moved to the OS keychain
};

} // namespace

CacheSetupDialog::CacheSetupDialog(QString path, QWidget* parent)
    : QDialog(parent)
    , m_path(std::move(path))
    , m_kdf(crypto::KdfParams::interactive())
{
    setWindowTitle(tr("Set up Vigil"));
    setMinimumWidth(520);

    auto* layout = new QVBoxLayout(this);
    auto* heading = new QLabel(tr("<h3>Choose a passphrase for this workstation</h3>"), this);
    layout->addWidget(heading);
    auto* intro = new QLabel(tr("Vigil keeps the monitoring data on this computer in an encrypted cache. "
                                "The passphrase protects it: you will be asked for it each time Vigil starts and "
                                "when the screen has been locked. If the passphrase is lost, the data in the cache "
                                "cannot be recovered."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* rulesHeading = new QLabel(tr("A good passphrase:"), this);
    layout->addWidget(rulesHeading);
    auto* rules = new QLabel(bulletList(crypto::PassphrasePolicy::rules()), this);
    rules->setObjectName(QStringLiteral("rules"));
    rules->setTextFormat(Qt::RichText);
    rules->setWordWrap(true);
    layout->addWidget(rules);

    auto* form = new QFormLayout;
    m_passphrase = new QLineEdit(this);
    m_passphrase->setObjectName(QStringLiteral("passphrase"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setMaxLength(crypto::PassphrasePolicy::kMaxLength * 2);
    m_passphrase->setAccessibleName(tr("Passphrase"));
    form->addRow(tr("&Passphrase:"), m_passphrase);
    m_confirmation = new QLineEdit(this);
    m_confirmation->setObjectName(QStringLiteral("confirmation"));
    m_confirmation->setEchoMode(QLineEdit::Password);
    m_confirmation->setMaxLength(crypto::PassphrasePolicy::kMaxLength * 2);
    m_confirmation->setAccessibleName(tr("Passphrase again"));
    form->addRow(tr("&Type it again:"), m_confirmation);
    m_show = new QCheckBox(tr("&Show the passphrase"), this);
    form->addRow(QString(), m_show);
    if (crypto::KeychainStore::isBuiltIn()) {
        m_keychain = new QCheckBox(tr("&Keep the key in this computer's keychain"), this);
        m_keychain->setObjectName(QStringLiteral("keychain"));
        m_keychain->setChecked(false);
        m_keychain->setToolTip(tr("The encrypted key is then kept in the operating system's keychain instead of a "
                                  "file beside the cache. The passphrase is still needed to open the cache."));
        form->addRow(QString(), m_keychain);
    }
    layout->addLayout(form);

    m_problems = new QLabel(this);
    m_problems->setObjectName(QStringLiteral("problems"));
    m_problems->setTextFormat(Qt::RichText);
    m_problems->setWordWrap(true);
    layout->addWidget(m_problems);
    m_match = new QLabel(this);
    m_match->setObjectName(QStringLiteral("match"));
    m_match->setWordWrap(true);
    layout->addWidget(m_match);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color:#b3261e; font-weight:bold;"));
    m_error->hide();
    layout->addWidget(m_error);

    m_busyLabel = new QLabel(tr("Creating the encrypted cache… this takes a moment."), this);
    m_busyLabel->hide();
    layout->addWidget(m_busyLabel);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0); // busy, no percentage
    m_progress->setTextVisible(false);
    m_progress->hide();
    layout->addWidget(m_progress);

    auto* where = new QLabel(tr("Cache file: %1").arg(QDir::toNativeSeparators(m_path)), this);
    where->setWordWrap(true);
    where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    where->setStyleSheet(QStringLiteral("color:palette(mid);"));
    layout->addWidget(where);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_create = m_buttons->button(QDialogButtonBox::Ok);
    m_create->setText(tr("&Create cache"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CacheSetupDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &CacheSetupDialog::reject);

    connect(m_passphrase, &QLineEdit::textChanged, this, &CacheSetupDialog::updateState);
    connect(m_confirmation, &QLineEdit::textChanged, this, &CacheSetupDialog::updateState);
    connect(m_show, &QCheckBox::toggled, this, [this](bool show) {
        const auto mode = show ? QLineEdit::Normal : QLineEdit::Password;
        m_passphrase->setEchoMode(mode);
        m_confirmation->setEchoMode(mode);
    });
    m_passphrase->setFocus();
    updateState();
}

CacheSetupDialog::~CacheSetupDialog() = default;

std::unique_ptr<store::Cache> CacheSetupDialog::takeCache()
{
    return std::move(m_cache);
}

bool CacheSetupDialog::canCreate() const
{
    const QString passphrase = m_passphrase->text();
    return !m_busy && !passphrase.isEmpty() && crypto::PassphrasePolicy::problems(passphrase).isEmpty()
        && passphrase == m_confirmation->text();
}

void CacheSetupDialog::updateState()
{
    const QString passphrase = m_passphrase->text();
    const QStringList problems = passphrase.isEmpty() ? QStringList() : crypto::PassphrasePolicy::problems(passphrase);
    if (passphrase.isEmpty())
        m_problems->clear();
    else if (problems.isEmpty())
        m_problems->setText(tr("✓ This passphrase meets the rules."));
    else
        m_problems->setText(tr("Not yet:") + bulletList(problems));

    const QString confirmation = m_confirmation->text();
    if (confirmation.isEmpty())
        m_match->clear();
    else if (confirmation == passphrase)
        m_match->setText(tr("✓ Both entries match."));
    else
        m_match->setText(tr("The two entries do not match yet."));
    m_create->setEnabled(canCreate());
}

void CacheSetupDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_passphrase->setEnabled(!busy);
    m_confirmation->setEnabled(!busy);
    m_show->setEnabled(!busy);
    if (m_keychain)
        m_keychain->setEnabled(!busy);
    m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(!busy);
    m_busyLabel->setVisible(busy);
    m_progress->setVisible(busy);
    if (busy)
        m_error->hide();
    updateState();
}

void CacheSetupDialog::accept()
{
    if (!canCreate())
        return;
    // Both entries are cleared as soon as the bytes are taken: QString copies cannot be wiped.
    auto passphrase = std::make_shared<crypto::SecureBytes>(crypto::SecureBytes::fromUtf8(m_passphrase->text()));
    const bool toKeychain = m_keychain && m_keychain->isChecked();
    setBusy(true);
    runInBackground(
        this,
        [path = m_path, passphrase, kdf = m_kdf, toKeychain] {
            CreateResult result;
            result.cache = store::Cache::create(path, *passphrase, kdf, &result.error);
            passphrase->clear();
            if (result.cache && toKeychain
                && !crypto::KeyFile::moveToKeychain(store::Cache::keyFilePath(path), &result.keychainError)
                && result.keychainError.isEmpty())
                result.keychainError = tr("The key could not be moved to the OS keychain.");
            return result;
        },
        [this](CreateResult result) {
            setBusy(false);
            if (result.cache) {
                m_cache = std::move(result.cache);
                m_passphrase->clear();
                m_confirmation->clear();
                if (!result.keychainError.isEmpty()) {
                    qCWarning(lcUi) << "the new cache's key stays in its key file:" << result.keychainError;
                    QMessageBox::warning(this, tr("Key kept in the key file"),
                        tr("The cache was created, but its key could not be moved to this computer's keychain, so "
                           "it is kept in the key file beside the cache.\n\n%1")
                            .arg(result.keychainError));
                }
                QDialog::accept();
                return;
            }
            qCWarning(lcUi) << "could not create the cache:" << result.error.message;
            m_error->setText(tr("The cache could not be created: %1").arg(result.error.message));
            m_error->show();
            Q_EMIT creationFailed(result.error.message);
        });
}

void CacheSetupDialog::reject()
{
    if (m_busy)
        return; // the key is being derived; the cache appears in a moment
    QDialog::reject();
}

} // namespace vigil::ui
