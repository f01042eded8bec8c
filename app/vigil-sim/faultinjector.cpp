#include "faultinjector.h"

#include <QDateTime>

namespace vigil::app {

FaultInjector::FaultInjector(const Faults& faults, quint32 seed, Breaker breaker)
    : m_faults(faults)
    , m_breaker(std::move(breaker))
    , m_random(seed)
{ }

FaultInjector::~FaultInjector() = default;

void FaultInjector::submit(const QString& destination, const QByteArray& payload)
{
    const qint64 due = QDateTime::currentMSecsSinceEpoch() + m_faults.delayMs;
    auto push = [&](const QString& d, const QByteArray& p) { m_pending.push_back({due, {d, p}}); };
    ++m_stats.messages;
    if (m_faults.reorderRate > 0 && !m_held && m_random.generateDouble() < m_faults.reorderRate) {
        m_held = std::make_unique<Pending>(Pending{due, {destination, payload}});
        ++m_stats.reordered;
        return;
    }
    push(destination, payload);
    if (m_held) {
        push(m_held->message.destination, m_held->message.payload);
        m_held.reset();
    }
    if (m_faults.duplicateRate > 0 && m_random.generateDouble() < m_faults.duplicateRate) {
        push(destination, payload);
        ++m_stats.duplicates;
    }
    if (m_faults.malformedRate > 0 && m_random.generateDouble() < m_faults.malformedRate) {
        // An extra, broken copy: the receiver must refuse it and keep the valid one.
        push(destination, m_breaker(payload));
        ++m_stats.malformed;
    }
}

std::vector<FaultInjector::Message> FaultInjector::takeDue(bool all)
{
    if (all && m_held) {
        m_pending.push_back(*m_held);
        m_held.reset();
    }
    std::vector<Message> due;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    while (!m_pending.empty() && (all || m_pending.front().dueMs <= now)) {
        due.push_back(std::move(m_pending.front().message));
        m_pending.pop_front();
    }
    return due;
}

} // namespace vigil::app
