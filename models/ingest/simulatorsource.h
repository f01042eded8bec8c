#pragma once

#include "core/timestamp.h"
#include "sim/scenario.h"

#include <QObject>
#include <QPointer>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

class QTimer;

namespace vigil::sim {
class PatientSimulator;
}
namespace vigil::live {
class LiveHub;
class PatientFeed;
} // namespace vigil::live

namespace vigil::ingest {
class StoreRecorder;
}

namespace vigil::ingest {

// The in-process simulator as a live source: N simulated patients written into the LiveHub.
//
// Threading: construct on the GUI thread (it adds the patients to the hub), then either
//  - move it to its own QThread and call start() there (queued): it pumps every kTickMs in real time;
//    stop() from any thread sets an atomic flag and the timer stops at the next tick; or
//  - call pump(until) synchronously (benchmarks, tests) to advance simulated time deterministically.
// A simulated patient whose id is already in the hub (e.g. loaded from the cache by StoreHistory)
// writes into that feed instead of a new one.
class SimulatorSource final : public QObject
{
    Q_OBJECT
public:
    static constexpr int kTickMs = 20;

    struct Config
    {
        int patients = 16;
        quint64 seed = 1;
        std::optional<sim::Scenario> scenario; // nullopt: the demo mix (mostly stable, one of each problem)
        core::Timestamp startTime = 0; // 0: now
    };

    SimulatorSource(const Config& config, live::LiveHub& hub, QObject* parent = nullptr);
    ~SimulatorSource() override;

    // The scenario patient `index` gets in the demo mix.
    [[nodiscard]] static sim::Scenario demoScenario(int index);

    [[nodiscard]] core::Timestamp startTime() const { return m_startTime; }
    [[nodiscard]] sim::Scenario scenario(int index) const;

    // Also write everything into the cache through `recorder` (not owned; must outlive the source).
    // Call before the first pump().
    void setRecorder(StoreRecorder* recorder);

    // Advances every patient to `until` (device time), writing into the feeds with receive time `until`.
    void pump(core::Timestamp until);

public Q_SLOTS:
    void start();
    void stop();

private:
    void onTick();

    std::vector<std::unique_ptr<sim::PatientSimulator>> m_simulators;
    std::vector<live::PatientFeed*> m_feeds;
    StoreRecorder* m_recorder = nullptr;
    std::vector<int> m_recorderIndex;
    core::Timestamp m_startTime = 0;
    QPointer<QTimer> m_timer;
    std::atomic<bool> m_running{false};
};

} // namespace vigil::ingest
