#include "storehistory.h"

#include "live/livehub.h"
#include "logging.h"
#include "store/storereader.h"

#include <limits>
#include <optional>

namespace vigil::ingest {

namespace {

std::optional<core::StreamKind> kindForCode(int mdcCode)
{
    for (core::StreamKind kind : core::kAllStreams) {
        if (core::mdcCode(kind) == mdcCode)
            return kind;
    }
    return std::nullopt;
}

constexpr std::array<core::VitalKind, core::kVitalKindCount> kAllVitals{core::VitalKind::HeartRate,
    core::VitalKind::SpO2, core::VitalKind::RespRate, core::VitalKind::SystolicBp, core::VitalKind::DiastolicBp,
    core::VitalKind::Temperature};

} // namespace

bool StoreHistory::load(const store::Cache& cache, live::LiveHub& hub, Summary* summary, store::StoreError* error)
{
    std::unique_ptr<store::StoreReader> reader = store::StoreReader::open(cache, error);
    if (!reader)
        return false;
    return load(*reader, hub, summary, error);
}

bool StoreHistory::load(store::StoreReader& reader, live::LiveHub& hub, Summary* summary, store::StoreError* error)
{
    Summary s;
    std::vector<store::StoreReader::SampleRun> runs;
    std::vector<float> physical;
    bool ok = true;
    for (const store::StoreReader::PatientRow& patient : reader.patients()) {
        const int existing = hub.indexOf(patient.identity.id);
        live::PatientFeed& feed = existing >= 0 ? hub.feed(existing) : hub.addPatient(patient.identity);
        ++s.patients;
        if (existing < 0)
            ++s.feedsAdded;
        s.lastData = std::max(s.lastData, patient.lastData);

        if (const std::optional<core::DeviceStatus> status = reader.latestStatus(patient.id))
            feed.updateStatus(*status, status->time);

        for (const store::StoreReader::StreamRow& stream : reader.streams(patient.id)) {
            const std::optional<core::StreamKind> kind = kindForCode(stream.descriptor.code);
            if (!kind)
                continue; // not a stream the live view shows
            const store::StoreReader::TimeRange range = reader.streamRange(stream.id);
            if (range.last == 0)
                continue;
            // range.last is when the newest chunk (at most a second) starts: read from a second
            // before the ring's span, then keep exactly the ring's span, ending at the newest sample.
            const core::Timestamp period = core::samplePeriodUs(*kind);
            const core::Timestamp span = core::Timestamp{kWaveformSeconds} * core::kMicrosPerSecond;
            runs.clear();
            if (!reader.samples(stream.id, std::max(range.first, range.last - span - core::kMicrosPerSecond),
                    std::numeric_limits<core::Timestamp>::max(), runs, error)) {
                qCWarning(lcIngest) << "history: a waveform chunk of stream" << stream.id << "does not decode";
                ok = false;
                continue;
            }
            core::Timestamp newest = 0;
            for (const store::StoreReader::SampleRun& run : runs) {
                if (!run.samples.empty())
                    newest = std::max(
                        newest, run.firstSampleTime + static_cast<core::Timestamp>(run.samples.size() - 1) * period);
            }
            if (newest == 0)
                continue;
            s.lastData = std::max(s.lastData, newest);
            const core::Timestamp from = newest - span + period;
            for (const store::StoreReader::SampleRun& run : runs) {
                if (run.samples.empty())
                    continue;
                const core::Timestamp last =
                    run.firstSampleTime + static_cast<core::Timestamp>(run.samples.size() - 1) * period;
                if (last < from)
                    continue;
                const std::size_t skip = run.firstSampleTime >= from
                    ? 0
                    : static_cast<std::size_t>((from - run.firstSampleTime + period - 1) / period);
                physical.resize(run.samples.size() - skip);
                for (std::size_t i = skip; i < run.samples.size(); ++i)
                    physical[i - skip] = static_cast<float>(stream.descriptor.toPhysical(run.samples[i]));
                // Received when generated: the data age shown is the true one.
                feed.appendSamples(
                    *kind, run.firstSampleTime + static_cast<core::Timestamp>(skip) * period, physical, last);
                s.samples += static_cast<qint64>(physical.size());
            }
        }

        if (patient.lastData != 0) {
            const core::Timestamp from =
                patient.lastData - core::Timestamp{kVitalsHours} * 3600 * core::kMicrosPerSecond;
            for (core::VitalKind kind : kAllVitals) {
                for (const core::Measurement& m : reader.vitals(patient.id, kind, from, patient.lastData + 1)) {
                    feed.updateVital(kind, m, m.time);
                    ++s.vitals;
                }
            }
        }
    }
    qCInfo(lcIngest) << "history loaded:" << s.patients << "patients," << s.samples << "samples," << s.vitals
                     << "vitals";
    if (summary)
        *summary = s;
    return ok;
}

} // namespace vigil::ingest
