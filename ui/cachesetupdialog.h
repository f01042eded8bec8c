#pragma once

#include "crypto/kdfparams.h"

#include <QDialog>

#include <memory>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace vigil::store {
class Cache;
}

namespace vigil::ui {

// First run: the clinician chooses the passphrase that protects the encrypted cache at `path`
// (which must not exist yet), typing it twice. The rules (crypto::PassphrasePolicy::rules()) are on
// the screen and what is still wrong is shown as they type; "Create cache" stays disabled until the
// passphrase is acceptable and both entries match. Accepting derives the key (scrypt,
// KdfParams::interactive(), up to a second) on a background thread while the dialog shows that it is
// busy, then closes with the new cache open (takeCache()). The passphrase is never logged.
// When this build has OS keychain support, a checkbox (off by default) offers to keep the wrapped key in
// this computer's keychain instead of the key file (crypto::KeyFile::moveToKeychain() once the cache is
// created). If that move fails, the cache is still created, with its key in the key file, and the
// dialog says so.
class CacheSetupDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit CacheSetupDialog(QString path, QWidget* parent = nullptr);
    ~CacheSetupDialog() override;

    // Tests only: weaker, fast key derivation (KdfParams::fast()).
    void setKdfParamsForTesting(const crypto::KdfParams& params) { m_kdf = params; }

    // The created cache after the dialog was accepted (once).
    [[nodiscard]] std::unique_ptr<store::Cache> takeCache();
    [[nodiscard]] bool isBusy() const { return m_busy; }
    [[nodiscard]] bool canCreate() const;

    [[nodiscard]] QLineEdit* passphraseField() const { return m_passphrase; }
    [[nodiscard]] QLineEdit* confirmationField() const { return m_confirmation; }
    [[nodiscard]] QPushButton* createButton() const { return m_create; }
    [[nodiscard]] QLabel* problemsLabel() const { return m_problems; }
    // Null when this build has no OS keychain support.
    [[nodiscard]] QCheckBox* keychainCheckBox() const { return m_keychain; }

    void accept() override;
    void reject() override;

Q_SIGNALS:
    void creationFailed(const QString& message);

private:
    void updateState();
    void setBusy(bool busy);

    QString m_path;
    crypto::KdfParams m_kdf;
    std::unique_ptr<store::Cache> m_cache;
    bool m_busy = false;

    QLineEdit* m_passphrase = nullptr;
    QLineEdit* m_confirmation = nullptr;
    QCheckBox* m_show = nullptr;
    QCheckBox* m_keychain = nullptr;
    QLabel* m_problems = nullptr;
    QLabel* m_match = nullptr;
    QLabel* m_error = nullptr;
    QLabel* m_busyLabel = nullptr;
    QProgressBar* m_progress = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_create = nullptr;
};

} // namespace vigil::ui
