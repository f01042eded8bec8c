#pragma once

#include <QElapsedTimer>
#include <QObject>

class QTimer;

namespace vigil::ui {

// Reports when nobody has used the keyboard, mouse, touch screen or tablet for `timeout`
// milliseconds, anywhere in the application (an event filter on qApp). Each input only stamps the
// time; one timer checks the stamp, so input costs next to nothing. GUI thread only.
class InactivityWatcher final : public QObject
{
    Q_OBJECT
public:
    explicit InactivityWatcher(QObject* parent = nullptr);
    ~InactivityWatcher() override;

    // 0 turns the watch off.
    void setTimeout(int milliseconds);
    [[nodiscard]] int timeout() const { return m_timeoutMs; }
    // While suspended (e.g. already locked) nothing is reported; resume() starts a fresh period.
    void suspend();
    void resume();
    [[nodiscard]] bool isActive() const;
    // Input seen now (also called by the event filter).
    void noteActivity();

Q_SIGNALS:
    void timedOut();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void onCheck();
    void arm();

    QTimer* m_timer = nullptr;
    QElapsedTimer m_lastActivity;
    int m_timeoutMs = 0;
    bool m_suspended = false;
};

} // namespace vigil::ui
