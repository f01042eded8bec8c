#include "livehub.h"

namespace vigil::live {

LiveHub::LiveHub(QObject* parent)
    : QObject(parent)
    , m_feeds(std::make_unique<std::unique_ptr<PatientFeed>[]>(kMaxPatients))
{ }

LiveHub::~LiveHub() = default;

PatientFeed* LiveHub::addLocked(core::PatientIdentity identity)
{
    const int index = m_count.load(std::memory_order_relaxed);
    if (index >= kMaxPatients)
        return nullptr;
    m_feeds[static_cast<std::size_t>(index)] = std::make_unique<PatientFeed>(std::move(identity));
    m_count.store(index + 1, std::memory_order_release);
    return m_feeds[static_cast<std::size_t>(index)].get();
}

PatientFeed& LiveHub::addPatient(core::PatientIdentity identity)
{
    PatientFeed* feed = nullptr;
    {
        QMutexLocker lock(&m_addMutex);
        feed = addLocked(std::move(identity));
    }
    if (!feed)
        qFatal("LiveHub: more than %d patients", kMaxPatients);
    Q_EMIT patientAdded(patientCount() - 1);
    return *feed;
}

PatientFeed* LiveHub::findOrAdd(const core::PatientIdentity& identity)
{
    int added = -1;
    PatientFeed* feed = nullptr;
    {
        QMutexLocker lock(&m_addMutex);
        if (const int existing = indexOf(identity.id); existing >= 0)
            return &this->feed(existing);
        feed = addLocked(identity);
        if (feed)
            added = patientCount() - 1;
    }
    if (added >= 0)
        Q_EMIT patientAdded(added);
    return feed;
}

int LiveHub::indexOf(const QString& patientId) const
{
    const int count = patientCount();
    for (int i = 0; i < count; ++i) {
        if (m_feeds[static_cast<std::size_t>(i)]->identity().id == patientId)
            return i;
    }
    return -1;
}

} // namespace vigil::live
