#include "storerecorder.h"

#include "sim/patientsimulator.h"
#include "store/storewriter.h"

namespace vigil::ingest {

StoreRecorder::StoreRecorder(store::StoreWriter& writer)
    : m_writer(writer)
{
    for (core::StreamKind kind : core::kAllStreams)
        m_descriptors[static_cast<std::size_t>(core::streamIndex(kind))] = store::StreamDescriptor::forLiveStream(kind);
}

int StoreRecorder::addPatient(const core::PatientIdentity& identity)
{
    Patient patient;
    patient.handle = m_writer.registerPatient(identity);
    for (std::size_t i = 0; i < m_descriptors.size(); ++i)
        patient.streams[i] = m_writer.registerStream(patient.handle, m_descriptors[i]);
    m_patients.push_back(patient);
    return static_cast<int>(m_patients.size()) - 1;
}

quint64 StoreRecorder::record(int index, const sim::SimulationBatch& batch)
{
    const Patient& patient = m_patients[static_cast<std::size_t>(index)];
    quint64 last = 0;
    auto keep = [&last](quint64 seq) {
        if (seq != 0)
            last = seq;
    };
    for (const core::DeviceStatus& status : batch.statusChanges)
        keep(m_writer.appendStatus(patient.handle, status, status.time));
    for (std::size_t s = 0; s < m_descriptors.size(); ++s) {
        const store::StreamDescriptor& descriptor = m_descriptors[s];
        for (const auto& run : batch.streams[s]) {
            m_digital.resize(run.samples.size());
            for (std::size_t i = 0; i < run.samples.size(); ++i)
                m_digital[i] = descriptor.toDigital(run.samples[i]);
            // A simulated device is live: data counts as received when it was generated.
            const core::Timestamp lastTime = run.firstSampleTime
                + static_cast<core::Timestamp>(
                    std::llround(static_cast<double>(run.samples.size() - 1) * 1e6 / descriptor.rateHz));
            keep(m_writer.appendSamples(patient.streams[s], run.firstSampleTime, m_digital, lastTime));
        }
    }
    for (const auto& update : batch.vitals)
        keep(m_writer.appendVital(patient.handle, update.kind, update.measurement, update.measurement.time));
    return last;
}

} // namespace vigil::ingest
