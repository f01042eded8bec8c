#pragma once

#include <QStringList>

namespace vigil::app {

// `vigilctl bench review` (issue 6): how fast the review window gets what it draws from the
// encrypted cache. A cache of `--patients` × `--hours` (default 32 × 24 h; ECG 500 Hz, pleth 125 Hz,
// resp 50 Hz, vitals) is recorded first through the real writer (the simulator's first minute
// replayed, as bench store does), or `--cache` names one recorded by `vigilctl record`. Then, for
// `--measure` patients:
//   first frame   open the patient's review: its streams, the three lanes over the whole range on
//                 1,920 columns (review::LaneColumns: the pyramid), its annotations and case events;
//   zoom          halving the span around the middle from the whole range down to a 10-second strip
//                 (the samples themselves below 32 minutes), and back out;
//   pan           moving by a tenth of the span, 20 times, at 1 h, 5 min and 10 s;
// each step reading the three lanes on 1,920 columns. Baseline in the same process: the first frame
// without the pyramid (every ECG sample of the range decoded and reduced). Painting is not included
// (bench render measures that: under a millisecond for 64 tiles in software). Ends with one line of
// JSON. Targets: first frame ≤ 150 ms; any seek or zoom step p99 ≤ 16 ms.
class ReviewBench final
{
public:
    [[nodiscard]] static int run(const QStringList& arguments);
};

} // namespace vigil::app
