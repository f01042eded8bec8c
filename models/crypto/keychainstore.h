#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace vigil::crypto {

// The operating system's keychain, through QtKeychain: the Secret Service (GNOME Keyring, KWallet) on
// Linux, the Keychain on macOS, the Credential Manager on Windows. One entry per account, all under
// serviceName(). Used to keep the encrypted cache's *wrapped* key there instead of in "<cache>.key"
// (KeyFile::moveToKeychain()); off unless the user asks for it.
//
// Calls are synchronous and may come from any thread, the GUI thread included, while a
// QCoreApplication exists. QtKeychain's jobs are asynchronous and queue through one process-wide
// executor that is bound to the thread it was first used on, so every job runs on one private thread
// owned by this class (started on first use, stopped when the QCoreApplication is destroyed; one
// QCoreApplication per process). The caller only blocks, for at most kTimeoutMs; no event loop runs in
// its thread, so nothing re-enters it. Calls are serialised.
//
// QtKeychain's insecure plain-text fallback is never used. Errors are complete English sentences
// (translatable, context vigil::crypto::KeychainStore); neither they nor the logs ever contain the
// stored data. A build without QtKeychain (CMake option VIGIL_KEYCHAIN=OFF) compiles the same API, and
// every call fails with Status::Unavailable and notBuiltInMessage().
class KeychainStore final
{
    Q_DECLARE_TR_FUNCTIONS(vigil::crypto::KeychainStore)

public:
    enum class Status {
        Ok,
        NotFound, // read(): no entry for that account
        Unavailable, // no keychain (none running, or not in this build), locked, or access refused
        Failed, // any other error reported by the keychain, or no answer within kTimeoutMs
    };

    // Long enough for someone to answer an unlock prompt.
    static constexpr int kTimeoutMs = 120 * 1000;

    // "Vigil cache key".
    [[nodiscard]] static QString serviceName();
    // True when this build has keychain support (says nothing about whether a keychain is running).
    [[nodiscard]] static bool isBuiltIn();
    // "This build of Vigil has no OS keychain support."
    [[nodiscard]] static QString notBuiltInMessage();

    // Reads the entry for account into out (cleared unless Ok).
    [[nodiscard]] static Status read(const QString& account, QByteArray& out, QString* error = nullptr);
    // Creates or replaces the entry for account.
    [[nodiscard]] static Status write(const QString& account, const QByteArray& data, QString* error = nullptr);
    // Deletes the entry for account; Ok also when there was none.
    [[nodiscard]] static Status remove(const QString& account, QString* error = nullptr);
};

} // namespace vigil::crypto
