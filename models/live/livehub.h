#pragma once

#include "patientfeed.h"

#include <QMutex>
#include <QObject>

#include <atomic>
#include <memory>

namespace vigil::live {

// The router's live side: the set of patient feeds every source writes into and every view reads
// from. Feeds are only ever added, never removed or moved, so any thread may index feeds below
// patientCount() without a lock. Adding is thread-safe (a source thread adds a patient the moment
// its first message arrives); patientAdded is emitted on the adding thread, so GUI receivers get it
// queued.
class LiveHub final : public QObject
{
    Q_OBJECT

public:
    // More patients than one workstation's virtual ward; a fixed capacity keeps indexing lock-free.
    static constexpr int kMaxPatients = 1024;

    explicit LiveHub(QObject* parent = nullptr);
    ~LiveHub() override;

    // Adds a feed. Fatal when kMaxPatients are already there (a programming error at start-up); use
    // findOrAdd() for patients that arrive from outside.
    PatientFeed& addPatient(core::PatientIdentity identity);
    // The feed of the patient with identity.id, added if new; nullptr when the hub is full.
    [[nodiscard]] PatientFeed* findOrAdd(const core::PatientIdentity& identity);

    [[nodiscard]] int patientCount() const { return m_count.load(std::memory_order_acquire); }
    [[nodiscard]] PatientFeed& feed(int index) { return *m_feeds[static_cast<std::size_t>(index)]; }
    [[nodiscard]] const PatientFeed& feed(int index) const { return *m_feeds[static_cast<std::size_t>(index)]; }
    // Index of the patient with this id, or -1.
    [[nodiscard]] int indexOf(const QString& patientId) const;

Q_SIGNALS:
    void patientAdded(int index);

private:
    PatientFeed* addLocked(core::PatientIdentity identity);

    std::unique_ptr<std::unique_ptr<PatientFeed>[]> m_feeds;
    std::atomic<int> m_count{0};
    QMutex m_addMutex;
};

} // namespace vigil::live
