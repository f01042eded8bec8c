#include "recentids.h"

namespace vigil::ingest {

RecentIds::RecentIds(qsizetype capacity)
    : m_capacity(std::max<qsizetype>(1, capacity))
{ }

bool RecentIds::insert(const QString& id)
{
    if (id.isEmpty())
        return true;
    if (m_ids.contains(id))
        return false;
    m_ids.insert(id, 0);
    m_order.push_back(id);
    while (static_cast<qsizetype>(m_order.size()) > m_capacity) {
        m_ids.remove(m_order.front());
        m_order.pop_front();
    }
    return true;
}

} // namespace vigil::ingest
