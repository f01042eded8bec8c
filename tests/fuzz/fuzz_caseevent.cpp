// libFuzzer target: clinical case events from other workstations (codec::CaseEventFhir::decode) on
// any bytes. Oracle: a refusal says why; an accepted event obeys every CaseEvent rule (problems()
// empty) and survives re-encoding exactly: decode(encode(e)) == e, and encoding is deterministic.
#include "codec/caseeventfhir.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using vigil::clinical::CaseEvent;
using vigil::codec::CaseEventFhir;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    QString error;
    const std::optional<CaseEvent> event = CaseEventFhir::decode(bytes, &error);
    if (!event) {
        if (error.isEmpty())
            std::abort();
        return 0;
    }
    if (!error.isEmpty() || !event->problems().isEmpty())
        std::abort();
    const QByteArray encoded = CaseEventFhir::encode(*event);
    QString again;
    const std::optional<CaseEvent> back = CaseEventFhir::decode(encoded, &again);
    if (!back || *back != *event || CaseEventFhir::encode(*back) != encoded)
        std::abort();
    return 0;
}
