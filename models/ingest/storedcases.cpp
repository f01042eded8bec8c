#include "storedcases.h"

#include "codec/caseeventfhir.h"
#include "logging.h"
#include "store/cache.h"
#include "store/storeerror.h"
#include "store/storereader.h"

namespace vigil::ingest {

store::CaseEventRecord StoredCases::record(const clinical::CaseEvent& event)
{
    store::CaseEventRecord record;
    record.uuid = event.id;
    record.time = event.time;
    record.kind = clinical::CaseEvent::kindKey(event.kind);
    record.actor = event.actor;
    record.role = event.role;
    record.payload = codec::CaseEventFhir::encode(event);
    record.origin = event.workstation;
    record.auditSummary = event.auditSummary();
    return record;
}

bool StoredCases::load(store::StoreReader& reader, std::map<QString, clinical::CaseState>& cases, Summary* summary,
    store::StoreError* error)
{
    Summary s;
    for (const auto& patient : reader.patients()) {
        const auto records = reader.caseEvents(patient.id);
        if (records.empty())
            continue;
        std::vector<clinical::CaseEvent> events;
        events.reserve(records.size());
        for (const auto& record : records) {
            QString why;
            auto event = codec::CaseEventFhir::decode(record.payload, &why);
            if (!event || event->patientKey != patient.identity.id) {
                ++s.undecodable;
                qCWarning(lcIngest) << "stored case event" << record.uuid
                                    << "cannot be read back:" << (event ? QStringLiteral("patient key differs") : why);
                continue;
            }
            events.push_back(std::move(*event));
        }
        auto& state = cases.try_emplace(patient.identity.id, patient.identity.id).first->second;
        s.events += state.merge(events);
        ++s.cases;
    }
    if (summary)
        *summary = s;
    if (error)
        *error = {};
    return true;
}

bool StoredCases::load(const store::Cache& cache, std::map<QString, clinical::CaseState>& cases, Summary* summary,
    store::StoreError* error)
{
    store::StoreError openError;
    auto reader = store::StoreReader::open(cache, &openError);
    if (!reader) {
        if (error)
            *error = openError;
        return false;
    }
    return load(*reader, cases, summary, error);
}

} // namespace vigil::ingest
