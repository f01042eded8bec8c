#pragma once

#include <QStringList>

namespace vigil::app {

// `vigilctl analyze ecg RECORD.hea [--signal N] [--reference FILE|none] [--json]`: runs the QRS
// detector (signal::QrsDetector) over one signal of a WFDB record (default: the first) and prints the
// detected beat times and the heart rate per minute (signal::HeartRateWindows). When reference
// annotations are found (--reference, else <record>.atr beside the header), it also prints the
// sensitivity and positive predictivity against their beats (match within 150 ms, BeatComparison).
// JSON: {"record", "signal", "sample_rate_hz", "duration_s", "beats": [seconds…], "beat_count",
// "hr_per_minute": [{"start_s", "end_s", "beats", "mean_rr_s", "bpm"}…], "reference": {…} | null}.
// Exit codes: 0 done, 1 the record cannot be read, 2 usage.
class AnalyzeCommand final
{
public:
    static int run(const QStringList& arguments);
};

} // namespace vigil::app
