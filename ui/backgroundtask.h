#pragma once

#include <QObject>
#include <QThread>

#include <memory>
#include <optional>
#include <utility>

namespace vigil::ui {

// Runs `work` once on a new thread and hands its result to `done` on `context`'s thread (the GUI
// thread) when it finishes; `done` is not called if `context` was destroyed meanwhile. For one-off
// jobs that must not block the GUI thread, such as deriving a key from a passphrase (scrypt, up to a
// second). `work` must not touch widgets; capture what it needs by value (or move).
template<typename Work, typename Done>
void runInBackground(QObject* context, Work work, Done done)
{
    using Result = decltype(work());
    auto result = std::make_shared<std::optional<Result>>();
    QThread* thread = QThread::create([result, work = std::move(work)]() mutable { result->emplace(work()); });
    QObject::connect(thread, &QThread::finished, context, [result, done = std::move(done)]() mutable {
        if (*result)
            done(std::move(**result));
    });
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

} // namespace vigil::ui
