#pragma once

#include <QString>

#include <functional>

class QObject;

namespace vigil::crypto {
class SecureBytes;
}

namespace vigil::ui {

// Whether a passphrase opens a cache's key file: the key file is loaded and the data key unwrapped
// with the passphrase, then wiped at once (proving the passphrase is all that is needed). Used by
// the lock screen and by re-authentication (AUDIO OFF). Slow on purpose (scrypt): run it off the GUI
// thread (BackgroundTask).
struct PassphraseCheck
{
    enum class Verdict {
        Ok,
        Wrong,
        Problem, // the key file could not be read; `message` says why
    };

    Verdict verdict = Verdict::Problem;
    QString message;

    [[nodiscard]] static PassphraseCheck run(const QString& keyFilePath, const crypto::SecureBytes& passphrase);
    // run() on a thread of its own (BackgroundTask); `done` is called in `context`'s thread unless
    // `context` is gone by then. The passphrase goes into wiped memory at once (the caller clears
    // its field).
    static void start(QObject* context, const QString& keyFilePath, const QString& passphrase,
        std::function<void(const PassphraseCheck&)> done);
};

} // namespace vigil::ui
