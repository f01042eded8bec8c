#include "passphrasecheck.h"

#include "backgroundtask.h"
#include "crypto/keyfile.h"
#include "crypto/securebytes.h"

#include <memory>
#include <optional>

namespace vigil::ui {

PassphraseCheck PassphraseCheck::run(const QString& keyFilePath, const crypto::SecureBytes& passphrase)
{
    PassphraseCheck result;
    std::optional<crypto::KeyFile> keyFile = crypto::KeyFile::load(keyFilePath, &result.message);
    if (!keyFile)
        return result;
    crypto::SecureBytes key;
    switch (keyFile->unwrap(passphrase, key, &result.message)) {
    case crypto::KeyFile::UnwrapResult::Ok:
        result.verdict = Verdict::Ok;
        break;
    case crypto::KeyFile::UnwrapResult::WrongPassphrase:
        result.verdict = Verdict::Wrong;
        break;
    case crypto::KeyFile::UnwrapResult::Error:
        result.verdict = Verdict::Problem;
        break;
    }
    key.clear();
    return result;
}

void PassphraseCheck::start(QObject* context, const QString& keyFilePath, const QString& passphrase,
    std::function<void(const PassphraseCheck&)> done)
{
    auto secret = std::make_shared<crypto::SecureBytes>(crypto::SecureBytes::fromUtf8(passphrase));
    runInBackground(
        context,
        [keyFilePath, secret] {
            PassphraseCheck result = run(keyFilePath, *secret);
            secret->clear();
            return result;
        },
        std::move(done));
}

} // namespace vigil::ui
