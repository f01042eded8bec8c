#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace vigil::ui {

// What the main window shows while the session is locked: no patient data at all, a calm note that
// monitoring and recording go on, and the way back in.
//
// With a key file (a cache protected by a passphrase), unlocking asks for the passphrase and checks
// it by unwrapping the key file (crypto::KeyFile::load + unwrap, scrypt: on a background thread,
// with a busy state). With no key file (the throwaway demo cache) the screen says that the demo has
// no passphrase and offers "Unlock demo".
class LockScreen final : public QWidget
{
    Q_OBJECT
public:
    explicit LockScreen(QWidget* parent = nullptr);
    ~LockScreen() override;

    // Empty: no passphrase (demo).
    void setKeyFilePath(const QString& path);
    [[nodiscard]] bool needsPassphrase() const { return !m_keyFilePath.isEmpty(); }
    // Clears the field and any message and notes the time; called each time the session locks.
    void reset();
    [[nodiscard]] bool isBusy() const { return m_busy; }

    [[nodiscard]] QLineEdit* passphraseField() const { return m_passphrase; }
    [[nodiscard]] QPushButton* unlockButton() const { return m_unlock; }
    [[nodiscard]] QLabel* errorLabel() const { return m_error; }

Q_SIGNALS:
    void unlocked();
    // A passphrase was tried and did not unwrap the key (the session stays locked).
    void unlockRefused();
    // Each check has finished (successfully or not).
    void attemptFinished();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void onUnlockClicked();
    void setBusy(bool busy);
    void updateMode();

    QString m_keyFilePath;
    bool m_busy = false;
    QLabel* m_since = nullptr;
    QLabel* m_prompt = nullptr;
    QLineEdit* m_passphrase = nullptr;
    QPushButton* m_unlock = nullptr;
    QLabel* m_error = nullptr;
    QLabel* m_busyLabel = nullptr;
    QProgressBar* m_progress = nullptr;
};

} // namespace vigil::ui
