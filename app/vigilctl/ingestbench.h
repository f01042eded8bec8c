#pragma once

#include <QStringList>

namespace vigil::app {

// `vigilctl bench ingest`: the live MQTT path end to end, through a real local Mosquitto (started by
// the benchmark unless --broker is given) into the encrypted cache and the live view's buffers.
//
// Phase 1, throughput: 64 patients' FHIR Observations (1-second chunks of ECG 500 Hz, pleth 125 Hz,
// resp 50 Hz, plus vitals), encoded before timing, are published as fast as the broker takes them
// (QoS 1); timed from the first publish until everything is decoded, routed (live buffers + store
// queue) and committed to the encrypted cache. The baseline in the same process: the same messages
// decoded and routed without a broker, into another encrypted cache.
// Phase 2, latency at the load of 64 patients in real time (each patient publishing once a second,
// spread over the second): from publish() to the samples being in the patient's live ring buffer
// (what the renderer reads next frame) — not counting the 1-second chunking. p50 / p99.
// Ends with one line of JSON.
class IngestBench final
{
public:
    [[nodiscard]] static int run(const QStringList& arguments);
};

} // namespace vigil::app
