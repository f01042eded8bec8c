#include "livehub.h"

namespace vigil::live {

LiveHub::LiveHub(QObject* parent)
    : QObject(parent)
{ }

LiveHub::~LiveHub() = default;

PatientFeed& LiveHub::addPatient(core::PatientIdentity identity)
{
    m_feeds.push_back(std::make_unique<PatientFeed>(std::move(identity)));
    Q_EMIT patientAdded(patientCount() - 1);
    return *m_feeds.back();
}

int LiveHub::indexOf(const QString& patientId) const
{
    for (int i = 0; i < patientCount(); ++i) {
        if (m_feeds[static_cast<std::size_t>(i)]->identity().id == patientId)
            return i;
    }
    return -1;
}

} // namespace vigil::live
