#pragma once

#include <QByteArray>
#include <QRandomGenerator>
#include <QString>

#include <deque>
#include <functional>
#include <memory>
#include <vector>

namespace vigil::app {

// vigil-sim's seeded fault injection for one outbound channel (MQTT or MLLP): every message is held
// `delayMs` before it is due, a fraction is sent twice, a fraction is swapped with the next message
// (reordering), and a fraction is followed by a broken copy that the channel's Breaker makes (the
// valid message is still sent, so a receiver must lose nothing). The channel sends what takeDue()
// returns, in that order. The same seed and the same messages give the same faults.
class FaultInjector final
{
public:
    struct Faults
    {
        double duplicateRate = 0;
        double reorderRate = 0;
        double malformedRate = 0;
        int delayMs = 0;
    };
    struct Stats
    {
        quint64 messages = 0; // valid messages submitted (their duplicates and broken copies not counted)
        quint64 duplicates = 0;
        quint64 reordered = 0;
        quint64 malformed = 0;
    };
    struct Message
    {
        QString destination; // MQTT topic; unused for MLLP
        QByteArray payload;
    };
    // The broken copy of a payload.
    using Breaker = std::function<QByteArray(const QByteArray&)>;

    FaultInjector(const Faults& faults, quint32 seed, Breaker breaker);
    ~FaultInjector();

    void submit(const QString& destination, const QByteArray& payload);
    // The messages due now, in sending order; `all`: every message, also those still delayed or held
    // back for reordering.
    [[nodiscard]] std::vector<Message> takeDue(bool all);
    [[nodiscard]] bool hasPending() const { return !m_pending.empty() || m_held; }
    [[nodiscard]] const Stats& stats() const { return m_stats; }

private:
    struct Pending
    {
        qint64 dueMs = 0;
        Message message;
    };

    Faults m_faults;
    Breaker m_breaker;
    QRandomGenerator m_random;
    std::deque<Pending> m_pending;
    std::unique_ptr<Pending> m_held; // reordering: sent after the next message
    Stats m_stats;
};

} // namespace vigil::app
