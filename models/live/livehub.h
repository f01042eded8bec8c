#pragma once

#include "patientfeed.h"

#include <QObject>

#include <memory>
#include <vector>

namespace vigil::live {

// The router's live side: the set of patient feeds every source writes into and every view reads
// from. Patients are added on the GUI thread before sources start; after that the set is fixed for
// the session (so sources and renderers may index it without locks).
class LiveHub final : public QObject
{
    Q_OBJECT
public:
    explicit LiveHub(QObject* parent = nullptr);
    ~LiveHub() override;

    PatientFeed& addPatient(core::PatientIdentity identity);

    [[nodiscard]] int patientCount() const { return static_cast<int>(m_feeds.size()); }
    [[nodiscard]] PatientFeed& feed(int index) { return *m_feeds[static_cast<std::size_t>(index)]; }
    [[nodiscard]] const PatientFeed& feed(int index) const { return *m_feeds[static_cast<std::size_t>(index)]; }
    // Index of the patient with this id, or -1.
    [[nodiscard]] int indexOf(const QString& patientId) const;

Q_SIGNALS:
    void patientAdded(int index);

private:
    std::vector<std::unique_ptr<PatientFeed>> m_feeds;
};

} // namespace vigil::live
