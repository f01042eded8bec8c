#include "storedcases.h"

#include "codec/caseeventfhir.h"
#include "logging.h"
#include "store/cache.h"
#include "store/storeerror.h"
#include "store/storereader.h"

namespace vigil::ingest {

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
