#pragma once

#include "clinical/casestate.h"

#include <QString>

#include <map>

namespace vigil::store {
class Cache;
class StoreReader;
struct CaseEventRecord;
struct StoreError;
} // namespace vigil::store

namespace vigil::ingest {

// The escalation cases kept in the cache, read back when Vigil starts, so a restart never loses a
// case or an escalation in force: every stored clinical event (store::CaseEventRecord, its payload
// the event's FHIR JSON) is decoded (codec::CaseEventFhir) and folded into its patient's
// clinical::CaseState. A payload that no longer decodes is counted and logged (never its content)
// and the others are kept.
class StoredCases final
{
public:
    struct Summary
    {
        int cases = 0;
        int events = 0;
        int undecodable = 0;
    };

    // By patient key. Returns false (and *error) when the store could not be read.
    static bool load(store::StoreReader& reader, std::map<QString, clinical::CaseState>& cases,
        Summary* summary = nullptr, store::StoreError* error = nullptr);
    // An event as the cache keeps it (its payload the FHIR JSON that is also published), for
    // store::StoreWriter::appendCaseEvent.
    [[nodiscard]] static store::CaseEventRecord record(const clinical::CaseEvent& event);
    // The same on a reader of its own.
    static bool load(const store::Cache& cache, std::map<QString, clinical::CaseState>& cases,
        Summary* summary = nullptr, store::StoreError* error = nullptr);
};

} // namespace vigil::ingest
