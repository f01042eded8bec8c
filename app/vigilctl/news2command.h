#pragma once

#include <QStringList>

namespace vigil::app {

// `vigilctl news2 [--rr N] [--spo2 N] [--scale 1|2] [--o2 air|oxygen] [--sbp N] [--hr N]
// [--acvpu A|C|V|P|U] [--temp X] [--json]`: scores one observation set with clinical::News2. An
// option left out is an unmeasured parameter (the set is then incomplete: no total, a range).
// JSON: {"total", "band", "red_score", "complete", "min_total", "max_total", "scale", "response",
// "monitoring", "components": {"rr": {"value", "score"} ...}}; total and band are null when
// incomplete; a component not measured has value and score null and its "min" and "max".
// Exit codes: 0 scored (complete or not), 2 usage: an unknown option, a value that is not a
// decimal number, or a reading outside the physiological range (clinical::News2::validRange).
class News2Command final
{
public:
    static int run(const QStringList& arguments);
};

} // namespace vigil::app
