#pragma once

#include <QElapsedTimer>
#include <QTest>

#include <functional>

namespace vigil::test {

// Polls `condition` every 20 ms (running the event loop) until it holds or `timeoutMs` passes.
inline bool waitUntil(const std::function<bool()>& condition, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QTest::qWait(20);
    }
    return true;
}

} // namespace vigil::test
