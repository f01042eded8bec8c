#pragma once

#include <QStringList>

namespace vigil::app {

// `vigilctl bench review` (issue 6): how fast the review window shows a patient's recording from
// the encrypted cache, as complete frames. A cache of `--patients` × `--hours` (default 32 × 24 h;
// ECG 500 Hz, pleth 125 Hz, resp 50 Hz, vitals) is recorded first through the real writer (the
// simulator's first minute replayed, as bench store does). Then, for `--measure` patients, the real
// ui::ReviewWindow (its own StoreReader, the patient's lanes 1,920 px wide and ~700 px tall, its
// trends and marker list) is timed from the action to the whole window painted into an image (in
// software; QPA offscreen unless QT_QPA_PLATFORM says otherwise):
//   first frame   opening it: the window, addPatient() (streams, markers, trends) and the lanes over
//                 the whole range, laid out and painted;
//   zoom          setRange() halving the span around the middle from the whole range down to a
//                 10-second strip (the samples themselves below 8 minutes), and back out;
//   pan           setRange() moving by a tenth of the span, 20 times, at 1 h, 5 min and 10 s.
// Each frame is split into reading the lanes (review::LaneColumns, forced before painting) and
// painting. Fonts and style are warmed up first on an empty window (paid when the app starts).
// Baseline in the same process: the first frame's ECG lane without the pyramid (every sample decoded
// and reduced, nothing painted). Ends with one line of JSON. Targets: first frame ≤ 150 ms; any seek
// or zoom step p99 ≤ 16 ms.
class ReviewBench final
{
public:
    [[nodiscard]] static int run(const QStringList& arguments);
};

} // namespace vigil::app
