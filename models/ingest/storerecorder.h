#pragma once

#include "core/patientidentity.h"
#include "core/streamkind.h"
#include "store/streamdescriptor.h"

#include <array>
#include <vector>

namespace vigil::sim {
struct SimulationBatch;
}
namespace vigil::store {
class StoreWriter;
}

namespace vigil::ingest {

// Writes what a source produced (a simulator batch) into the encrypted cache through the store's
// writer: registers each patient and its ECG, pleth and resp streams once, converts samples to the
// streams' digital resolution (store::StreamDescriptor::forLiveStream) and queues samples, vitals
// and device status. Used from one thread (the source's); the writer itself is thread-safe.
class StoreRecorder final
{
public:
    explicit StoreRecorder(store::StoreWriter& writer);

    // Returns the recorder's index for the patient.
    int addPatient(const core::PatientIdentity& identity);
    // Queues everything in `batch` for patient `index`; returns the last sequence number queued (0 when
    // the batch was empty or everything was dropped).
    quint64 record(int index, const sim::SimulationBatch& batch);

private:
    struct Patient
    {
        int handle = 0;
        std::array<int, core::kStreamCount> streams{};
    };

    store::StoreWriter& m_writer;
    std::array<store::StreamDescriptor, core::kStreamCount> m_descriptors;
    std::vector<Patient> m_patients;
    std::vector<qint32> m_digital; // scratch
};

} // namespace vigil::ingest
