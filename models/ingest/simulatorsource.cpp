#include "simulatorsource.h"

#include "live/livehub.h"
#include "logging.h"
#include "sim/patientsimulator.h"
#include "storerecorder.h"

#include <QTimer>

namespace vigil::ingest {

SimulatorSource::SimulatorSource(const Config& config, live::LiveHub& hub, QObject* parent)
    : QObject(parent)
    , m_startTime(config.startTime != 0 ? config.startTime : core::nowUtc())
{
    for (int i = 0; i < config.patients; ++i) {
        const sim::Scenario scenario = config.scenario.value_or(demoScenario(i));
        auto simulator = std::make_unique<sim::PatientSimulator>(config.seed, i, scenario, m_startTime);
        // A patient already in the hub (history loaded from the cache) keeps its feed.
        const int existing = hub.indexOf(simulator->identity().id);
        m_feeds.push_back(existing >= 0 ? &hub.feed(existing) : &hub.addPatient(simulator->identity()));
        m_simulators.push_back(std::move(simulator));
    }
    qCInfo(lcIngest) << "simulator source:" << config.patients << "patients, seed" << config.seed;
}

SimulatorSource::~SimulatorSource() = default;

sim::Scenario SimulatorSource::demoScenario(int index)
{
    // A calm ward with one of each problem early on, so any demo size shows them.
    static constexpr std::array<sim::Scenario, 8> mix{sim::Scenario::Stable, sim::Scenario::Sepsis,
        sim::Scenario::AtrialFibrillation, sim::Scenario::Desaturation, sim::Scenario::Stable, sim::Scenario::LeadOff,
        sim::Scenario::Bradycardia, sim::Scenario::DeviceOffline};
    if (index < static_cast<int>(mix.size()))
        return mix[static_cast<std::size_t>(index)];
    // Beyond the first eight, one patient in seven has a problem from the mix; the rest are stable.
    return index % 7 == 0 ? mix[static_cast<std::size_t>((index / 7) % mix.size())] : sim::Scenario::Stable;
}

sim::Scenario SimulatorSource::scenario(int index) const
{
    return m_simulators[static_cast<std::size_t>(index)]->scenario();
}

void SimulatorSource::setRecorder(StoreRecorder* recorder)
{
    m_recorder = recorder;
    m_recorderIndex.clear();
    if (m_recorder) {
        for (const auto& simulator : m_simulators)
            m_recorderIndex.push_back(m_recorder->addPatient(simulator->identity()));
    }
}

void SimulatorSource::pump(core::Timestamp until)
{
    for (std::size_t i = 0; i < m_simulators.size(); ++i) {
        const sim::SimulationBatch batch = m_simulators[i]->advanceTo(until);
        if (m_recorder)
            m_recorder->record(m_recorderIndex[i], batch);
        live::PatientFeed& feed = *m_feeds[i];
        // A simulated device is live: each datum counts as received when it was generated, so a
        // backlog pumped in one go (the demo's history) has the data ages it would have had.
        for (const core::DeviceStatus& status : batch.statusChanges)
            feed.updateStatus(status, status.time);
        for (core::StreamKind kind : core::kAllStreams) {
            for (const auto& run : batch.streams[static_cast<std::size_t>(core::streamIndex(kind))]) {
                const core::Timestamp last = run.firstSampleTime
                    + static_cast<core::Timestamp>(run.samples.size() - 1) * core::samplePeriodUs(kind);
                feed.appendSamples(kind, run.firstSampleTime, run.samples, std::min(last, until));
            }
        }
        for (const auto& update : batch.vitals)
            feed.updateVital(update.kind, update.measurement, std::min(update.measurement.time, until));
    }
}

void SimulatorSource::start()
{
    if (m_running.exchange(true))
        return;
    m_timer = new QTimer(this);
    m_timer->setTimerType(Qt::PreciseTimer);
    m_timer->setInterval(kTickMs);
    connect(m_timer, &QTimer::timeout, this, &SimulatorSource::onTick);
    m_timer->start();
    onTick();
}

void SimulatorSource::stop()
{
    m_running.store(false);
}

void SimulatorSource::onTick()
{
    if (!m_running.load()) {
        if (m_timer)
            m_timer->stop();
        return;
    }
    pump(core::nowUtc());
}

} // namespace vigil::ingest
