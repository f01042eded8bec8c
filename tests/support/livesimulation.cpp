#include "livesimulation.h"

#include "ingest/storerecorder.h"

namespace vigil::test {

LiveSimulation::LiveSimulation(
    live::LiveHub& hub, store::StoreWriter& writer, const ingest::SimulatorSource::Config& config)
    : m_recorder(std::make_unique<ingest::StoreRecorder>(writer))
{
    m_source = new ingest::SimulatorSource(config, hub);
    m_source->setRecorder(m_recorder.get());
    m_source->pump(core::nowUtc());
    m_source->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::started, m_source, &ingest::SimulatorSource::start);
    QObject::connect(&m_thread, &QThread::finished, m_source, &QObject::deleteLater);
    m_thread.start();
}

LiveSimulation::~LiveSimulation()
{
    stop();
}

void LiveSimulation::stop()
{
    if (!m_thread.isRunning())
        return;
    m_source->stop();
    m_thread.quit();
    m_thread.wait();
}

} // namespace vigil::test
