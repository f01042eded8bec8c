#pragma once

#include <QStringList>

namespace vigil::app {

// `vigilctl record --demo --patients N --minutes M`: runs the simulator headless into the cache,
// as fast as the machine allows. With --progress it prints "committed SEQ THROUGH_US" after every
// commit (THROUGH_US: every sample before this device time is durable), which the crash-safety test
// reads before killing the process.
class RecordCommand final
{
public:
    [[nodiscard]] static int run(const QStringList& arguments);
};

} // namespace vigil::app
