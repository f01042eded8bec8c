// libFuzzer target: FhirDecoder::decode and decodeNdjson on arbitrary bytes must never crash, and what
// they return must keep the decoder's documented invariants: a rejected batch says why and carries
// no data; every item has a patient and an idempotency key; vital values are finite; wave segments
// have samples, a positive period, a finite non-zero scale and at most FhirSampledData::kMaxSamples
// samples; problems are never blank.
#include "codec/fhirdecoder.h"
#include "codec/fhirsampleddata.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

using vigil::codec::DecodeProblem;
using vigil::codec::FhirDecoder;
using vigil::codec::FhirSampledData;
using vigil::codec::InboundBatch;

namespace {

void check(const InboundBatch& batch)
{
    if (batch.rejected && (batch.problems.empty() || batch.hasData()))
        std::abort();
    for (const DecodeProblem& p : batch.problems) {
        if (p.reason.isEmpty())
            std::abort();
    }
    for (const auto& patient : batch.patients) {
        if (patient.id.isEmpty())
            std::abort();
    }
    for (const auto& v : batch.vitals) {
        if (v.patientKey.isEmpty() || v.sourceId.isEmpty() || v.code.isEmpty() || !std::isfinite(v.measurement.value))
            std::abort();
    }
    for (const auto& w : batch.waves) {
        if (w.patientKey.isEmpty() || w.sourceId.isEmpty() || w.digital.empty()
            || static_cast<qsizetype>(w.digital.size()) > FhirSampledData::kMaxSamples)
            std::abort();
        if (!(w.periodUs > 0) || !std::isfinite(w.periodUs) || !std::isfinite(w.origin) || !std::isfinite(w.factor)
            || w.factor == 0)
            std::abort();
    }
    for (const auto& s : batch.statuses) {
        if (s.patientKey.isEmpty() || s.sourceId.isEmpty() || s.status.batteryPercent < -1
            || s.status.batteryPercent > 100)
            std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    // No copy: the bytes outlive both calls.
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    check(FhirDecoder::decode(bytes));
    check(FhirDecoder::decode(bytes, QStringLiteral("fuzz-patient")));
    check(FhirDecoder::decodeNdjson(bytes, QStringLiteral("fuzz-patient")));
    return 0;
}
