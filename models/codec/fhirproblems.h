#pragma once

#include "inboundbatch.h"

#include <QCoreApplication>
#include <QString>

namespace vigil::codec {

// Where the FHIR decoders record problems, with a bound: a hostile message of two-byte bad items
// ("1,1,1,…" as components, "{}" lines) must not turn into millions of problem records. The first
// kMaxProblems are kept; the next attempt adds one "further problems were not listed" record and the
// rest are counted by nobody.
class FhirProblems final
{
    Q_DECLARE_TR_FUNCTIONS(vigil::codec::FhirProblems)
public:
    static constexpr std::size_t kMaxProblems = 1000;

    static void add(InboundBatch& batch, const QString& where, const QString& reason)
    {
        if (batch.problems.size() < kMaxProblems)
            batch.problems.push_back({where, reason});
        else if (batch.problems.size() == kMaxProblems)
            batch.problems.push_back({QString(), tr("Further problems in this message were not listed.")});
    }
};

} // namespace vigil::codec
