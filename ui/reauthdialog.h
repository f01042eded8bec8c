#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace vigil::ui {

// Re-authentication before AUDIO OFF (CLINICAL.md, IEC 60601-1-8: turning all alarm audio off
// needs authority; AlarmEngine::setAudioOff() refuses it otherwise). Accepted only once the user
// has proved it:
//  - with a key file (a cache protected by a passphrase): the cache passphrase, checked as the lock
//    screen checks it, by unwrapping the key file (crypto::KeyFile::load + unwrap, scrypt: on a
//    background thread, with a busy state; the unwrapped key is wiped at once). A wrong passphrase
//    keeps the dialog open with a message; nothing is logged but the fact.
//  - with no key file (the throwaway demo cache, which has no passphrase): nobody can be verified,
//    so the dialog says so and asks for the words "AUDIO OFF" to be typed, a deliberate act that a
//    stray click or key cannot do.
// Rejecting (Cancel, Escape) is always possible; a check still running is then ignored.
class ReauthDialog final : public QDialog
{
    Q_OBJECT
public:
    // keyFilePath empty: no passphrase (demo).
    explicit ReauthDialog(const QString& keyFilePath, QWidget* parent = nullptr);
    ~ReauthDialog() override;

    [[nodiscard]] bool needsPassphrase() const { return !m_keyFilePath.isEmpty(); }
    // Accepted after the passphrase was verified (true) or, in the demo, the words typed (false).
    [[nodiscard]] bool verifiedByPassphrase() const { return m_verified && needsPassphrase(); }
    [[nodiscard]] bool isVerified() const { return m_verified; }
    [[nodiscard]] bool isBusy() const { return m_busy; }

    // What the demo asks to be typed ("AUDIO OFF", the state's standard name).
    [[nodiscard]] static QString confirmationWords();

    [[nodiscard]] QLineEdit* inputField() const { return m_input; }
    [[nodiscard]] QPushButton* confirmButton() const { return m_confirm; }
    [[nodiscard]] QLabel* errorLabel() const { return m_error; }
    [[nodiscard]] QLabel* promptLabel() const { return m_prompt; }

    // Accepts only once verified (a default button or a stray accept() cannot skip the check).
    void accept() override;
    void reject() override;

Q_SIGNALS:
    // A passphrase was tried and did not unwrap the key (the caller may audit the refusal).
    void refused();
    // Each check has finished (successfully or not).
    void attemptFinished();

private:
    void onConfirm();
    void setBusy(bool busy);
    void updateButton();

    QString m_keyFilePath;
    bool m_busy = false;
    bool m_verified = false;
    bool m_closed = false; // rejected while a check ran: its result is ignored
    QLabel* m_prompt = nullptr;
    QLineEdit* m_input = nullptr;
    QLabel* m_error = nullptr;
    QLabel* m_busyLabel = nullptr;
    QProgressBar* m_progress = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_confirm = nullptr;
};

} // namespace vigil::ui
