#pragma once

#include <QHash>
#include <QString>

#include <deque>

namespace vigil::ingest {

// The idempotency keys (Observation.id, MSH-10/OBX-4 …) seen most recently, to drop a message that
// arrives twice (QoS 1 redelivery, a gateway resending after a reconnect, a publisher backfilling
// after failover). Bounded: the oldest keys are forgotten first. Not thread-safe.
class RecentIds final
{
public:
    explicit RecentIds(qsizetype capacity = 200'000);

    // True when `id` was not seen yet (and remembers it); false for a repeat. An empty id is never a
    // repeat: it cannot be told apart.
    bool insert(const QString& id);
    [[nodiscard]] bool contains(const QString& id) const { return m_ids.contains(id); }
    [[nodiscard]] qsizetype size() const { return m_ids.size(); }

private:
    qsizetype m_capacity;
    QHash<QString, char> m_ids;
    std::deque<QString> m_order;
};

} // namespace vigil::ingest
