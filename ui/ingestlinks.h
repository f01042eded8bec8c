#pragma once

namespace vigil::ingest {
class IngestRouter;
class MllpListener;
class MqttSource;
class OutboxPublisher;
} // namespace vigil::ingest
namespace vigil::store {
class Cache;
}

namespace vigil::ui {

// The live-ingest parts the window watches (status bar, link alarm, diagnostics). None is owned;
// any may be null. The composition root hands them over once the sources exist and takes them back
// (an empty IngestLinks) before it stops and destroys them.
struct IngestLinks
{
    ingest::IngestRouter* router = nullptr; // per-source statistics
    ingest::MqttSource* mqtt = nullptr; // connection state (stateChanged, from its own thread)
    ingest::MllpListener* mllp = nullptr; // port and statistics
    const store::Cache* cache = nullptr; // the quarantine, read on a connection of the GUI thread
    // Publishes this workstation's case events (poked after each one). The router's case-event
    // observer (events from other workstations) is set by the window while linked.
    ingest::OutboxPublisher* outbox = nullptr;

    [[nodiscard]] bool hasSources() const { return mqtt != nullptr || mllp != nullptr; }
};

} // namespace vigil::ui
