#pragma once

#include "ingest/simulatorsource.h"

#include <QThread>

#include <memory>

namespace vigil::ingest {
class StoreRecorder;
}
namespace vigil::live {
class LiveHub;
}
namespace vigil::store {
class StoreWriter;
}

namespace vigil::test {

// Simulated patients feeding a hub and recording into a cache writer, as the app's demo does: the
// simulator's history up to now first (synchronously, so the hub holds every patient when the
// constructor returns), then live on a thread of its own. stop() (or the destructor) stops it
// before the writer may stop.
class LiveSimulation final
{
public:
    LiveSimulation(live::LiveHub& hub, store::StoreWriter& writer, const ingest::SimulatorSource::Config& config);
    ~LiveSimulation();
    LiveSimulation(const LiveSimulation&) = delete;
    LiveSimulation& operator=(const LiveSimulation&) = delete;

    void stop();
    // The scenario of hub patient `index` (fixed at construction; safe from any thread).
    [[nodiscard]] sim::Scenario scenario(int index) const { return m_source->scenario(index); }

private:
    std::unique_ptr<ingest::StoreRecorder> m_recorder;
    ingest::SimulatorSource* m_source = nullptr; // deleted on its thread when the thread ends
    QThread m_thread;
};

} // namespace vigil::test
