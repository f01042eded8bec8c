#pragma once

#include <QDialog>

#include <memory>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace vigil::store {
class Cache;
struct StoreError;
} // namespace vigil::store

namespace vigil::ui {

// At start: asks for the passphrase of the cache at `path` and opens it (store::Cache::open, whose
// key derivation runs on a background thread while the dialog shows it is busy).
//  - Wrong passphrase: says so and lets the clinician try again; nothing is written.
//  - Not a cache, damaged, or its key file missing: explains, and offers to move the files aside
//    (renamed, kept, never deleted or modified: store::Cache::moveAside) and start a new cache. The
//    dialog is then accepted with outcome() == StartNewCache and the caller runs the first-run setup.
//  - Written by a newer Vigil: explains; the only way on is to quit.
// Accepted with outcome() == Unlocked and takeCache() holding the open cache; rejected means quit.
class UnlockDialog final : public QDialog
{
    Q_OBJECT
public:
    enum class Outcome {
        Pending,
        Unlocked,
        StartNewCache, // the unreadable cache was moved aside (movedAsidePath()), or there was none
        Quit,
    };

    explicit UnlockDialog(QString path, QWidget* parent = nullptr);
    ~UnlockDialog() override;

    [[nodiscard]] std::unique_ptr<store::Cache> takeCache();
    [[nodiscard]] Outcome outcome() const { return m_outcome; }
    [[nodiscard]] QString movedAsidePath() const { return m_movedAside; }
    [[nodiscard]] bool isBusy() const { return m_busy; }
    // The screen explaining a cache that cannot be opened (instead of the passphrase) is shown.
    [[nodiscard]] bool isShowingProblem() const;

    [[nodiscard]] QLineEdit* passphraseField() const { return m_passphrase; }
    [[nodiscard]] QPushButton* unlockButton() const { return m_unlock; }
    [[nodiscard]] QLabel* errorLabel() const { return m_error; }
    [[nodiscard]] QLabel* problemLabel() const { return m_problem; }
    [[nodiscard]] QPushButton* moveAsideButton() const { return m_moveAside; }

    void reject() override;

Q_SIGNALS:
    // Each attempt to open the cache has finished (successfully or not).
    void attemptFinished();

private:
    void onUnlockClicked();
    void onOpenFailed(const store::StoreError& error);
    void onMoveAsideClicked();
    void showProblem(const QString& text, bool offerMoveAside);
    void setBusy(bool busy);

    QString m_path;
    std::unique_ptr<store::Cache> m_cache;
    Outcome m_outcome = Outcome::Pending;
    QString m_movedAside;
    bool m_busy = false;

    QStackedWidget* m_pages = nullptr;
    QWidget* m_unlockPage = nullptr;
    QWidget* m_problemPage = nullptr;
    QLineEdit* m_passphrase = nullptr;
    QPushButton* m_unlock = nullptr;
    QPushButton* m_quit = nullptr;
    QLabel* m_error = nullptr;
    QLabel* m_busyLabel = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_problem = nullptr;
    QPushButton* m_moveAside = nullptr;
    QPushButton* m_problemQuit = nullptr;
};

} // namespace vigil::ui
