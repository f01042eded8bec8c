#pragma once

#include <QStringList>

namespace vigil::app {

// `vigilctl bench store`: the encrypted cache's write and read performance, against the same store
// without encryption in the same process.
//
// Workload: 64 simulated patients (ECG 500 Hz, pleth 125 Hz, resp 50 Hz, vitals) for 60 minutes,
// appended per stream per second as the live path does. The simulator's first minute is generated
// before timing and replayed with shifted times, so the figures measure the store (queueing,
// chunking, compression, pyramid, SQLite, encryption), not the simulator. Then one patient gets 24 h
// of ECG for the overview query (1,920 columns from the pyramid). Ends with one line of JSON.
class StoreBench final
{
public:
    [[nodiscard]] static int run(const QStringList& arguments);
};

} // namespace vigil::app
