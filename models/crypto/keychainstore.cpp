#include "keychainstore.h"

#include "logging.h"

#if defined(VIGIL_HAVE_KEYCHAIN)
#include <QMetaObject>
#include <QMutex>
#include <QMutexLocker>
#include <QSemaphore>
#include <QThread>
#include <qt6keychain/keychain.h>

#if defined(VIGIL_HAVE_SECRET_SERVICE)
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusVariant>
#endif

#include <memory>
#endif

namespace vigil::crypto {

namespace {

#if defined(VIGIL_HAVE_KEYCHAIN)

enum class Operation {
    Read,
    Write,
    Remove,
};

const char* nameOf(Operation operation)
{
    switch (operation) {
    case Operation::Read:
        return "read";
    case Operation::Write:
        return "write";
    case Operation::Remove:
        return "remove";
    }
    return "?";
}

// What one job produced. Shared with the keychain thread, which may still hold it after a caller gave up
// waiting.
struct Outcome
{
    QSemaphore done;
    QKeychain::Error error = QKeychain::OtherError;
    QString errorString;
    QByteArray data;
};

// Serialises calls and guards the two pointers below.
QMutex& callMutex()
{
    static QMutex mutex;
    return mutex;
}

QThread* g_thread = nullptr; // the keychain thread, while it runs
QObject* g_context = nullptr; // lives in g_thread: where the jobs are made, started and finished

// Post routine: runs in ~QCoreApplication, on the main thread.
void stopThread()
{
    const QMutexLocker lock(&callMutex());
    if (!g_thread)
        return;
    g_thread->quit();
    g_thread->wait();
    delete g_thread; // g_context went with QThread::finished -> deleteLater
    g_thread = nullptr;
    g_context = nullptr;
}

// The keychain thread's context object, starting the thread on first use. Call with callMutex() held.
QObject* keychainContext()
{
    if (!g_thread) {
        g_thread = new QThread;
        g_thread->setObjectName(QStringLiteral("vigil-keychain"));
        g_context = new QObject;
        g_context->moveToThread(g_thread);
        QObject::connect(g_thread, &QThread::finished, g_context, &QObject::deleteLater);
        g_thread->start();
        qAddPostRoutine(stopThread);
    }
    return g_context;
}

// Runs in the keychain thread: makes the job, starts it, and reports to outcome when it finishes.
void startJob(Operation operation, const QString& account, const QByteArray& data, std::shared_ptr<Outcome> outcome)
{
    QKeychain::Job* job = nullptr;
    switch (operation) {
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(KeychainStore::serviceName());
        break;
    case Operation::Write: {
        auto* write = new QKeychain::WritePasswordJob(KeychainStore::serviceName());
        write->setBinaryData(data);
        job = write;
        break;
    }
    case Operation::Remove:
        job = new QKeychain::DeletePasswordJob(KeychainStore::serviceName());
        break;
    }
    job->setAutoDelete(false); // deleted below, once the result is copied out
    job->setInsecureFallback(false); // never the plain-text QSettings fallback
    job->setKey(account);
    QObject::connect(job, &QKeychain::Job::finished, job, [outcome = std::move(outcome)](QKeychain::Job* finished) {
        outcome->error = finished->error();
        outcome->errorString = finished->errorString();
        if (const auto* reader = qobject_cast<QKeychain::ReadPasswordJob*>(finished);
            reader && finished->error() == QKeychain::NoError)
            outcome->data = reader->binaryData();
        finished->deleteLater();
        outcome->done.release();
    });
    job->start();
}

QString detailOf(QString text)
{
    text = text.trimmed();
    while (text.endsWith(QLatin1Char('.')))
        text.chop(1);
    return text;
}

// True when the Secret Service's default collection (where QtKeychain keeps its entries) is locked.
// QtKeychain reports an entry in a locked collection whose unlock prompt failed or was dismissed as "not
// found", and a clinician must not be told that the key is gone when the keychain is only locked.
bool defaultCollectionIsLocked()
{
#if defined(VIGIL_HAVE_SECRET_SERVICE)
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return false;
    QDBusMessage call = QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.secrets"),
        QStringLiteral("/org/freedesktop/secrets/aliases/default"), QStringLiteral("org.freedesktop.DBus.Properties"),
        QStringLiteral("Get"));
    call << QStringLiteral("org.freedesktop.Secret.Collection") << QStringLiteral("Locked");
    const QDBusMessage reply = bus.call(call, QDBus::Block, 5000);
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty())
        return false;
    return qvariant_cast<QDBusVariant>(reply.arguments().constFirst()).variant().toBool();
#else
    return false;
#endif
}

QString describeError(QKeychain::Error code, const QString& detail, const QString& account)
{
    const QString shown = detail.isEmpty() ? KeychainStore::tr("no details were given") : detail;
    switch (code) {
    case QKeychain::NoError:
        return {};
    case QKeychain::EntryNotFound:
        return KeychainStore::tr("The OS keychain has no entry “%1”.").arg(account);
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return KeychainStore::tr("The OS keychain refused access, or it is locked (%1). Unlock it and try again.")
            .arg(shown);
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return KeychainStore::tr("No OS keychain is available on this computer (%1).").arg(shown);
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        break;
    }
    return KeychainStore::tr("The OS keychain could not be used (%1).").arg(shown);
}

KeychainStore::Status run(
    Operation operation, const QString& account, const QByteArray& data, QByteArray* out, QString* error)
{
    const auto finish = [&](KeychainStore::Status status, const QString& message) {
        if (error)
            *error = message;
        if (status != KeychainStore::Status::Ok && status != KeychainStore::Status::NotFound)
            qCWarning(lcCrypto, "keychain %s for \"%s\" failed: %s", nameOf(operation), qUtf8Printable(account),
                qUtf8Printable(message));
        return status;
    };

    const QMutexLocker lock(&callMutex());
    if (!QCoreApplication::instance())
        return finish(KeychainStore::Status::Failed,
            KeychainStore::tr("The OS keychain can only be used while Vigil is running."));
    auto outcome = std::make_shared<Outcome>();
    const bool posted = QMetaObject::invokeMethod(
        keychainContext(), [operation, account, data, outcome] { startJob(operation, account, data, outcome); },
        Qt::QueuedConnection);
    if (!posted || !outcome->done.tryAcquire(1, KeychainStore::kTimeoutMs)) {
        return finish(KeychainStore::Status::Failed,
            KeychainStore::tr("The OS keychain did not answer within %1 seconds.")
                .arg(KeychainStore::kTimeoutMs / 1000));
    }
    // The semaphore orders these reads after the keychain thread's writes.
    KeychainStore::Status status = KeychainStore::Status::Failed;
    switch (outcome->error) {
    case QKeychain::NoError:
        status = KeychainStore::Status::Ok;
        break;
    case QKeychain::EntryNotFound:
        status = operation == Operation::Remove ? KeychainStore::Status::Ok : KeychainStore::Status::NotFound;
        break;
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        status = KeychainStore::Status::Unavailable;
        break;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        status = KeychainStore::Status::Failed;
        break;
    }
    if (status == KeychainStore::Status::NotFound && defaultCollectionIsLocked())
        return finish(KeychainStore::Status::Unavailable,
            KeychainStore::tr("The OS keychain is locked and was not unlocked. Unlock it and try again."));
    if (status == KeychainStore::Status::Ok) {
        if (out)
            *out = std::move(outcome->data);
        return finish(status, {});
    }
    return finish(status, describeError(outcome->error, detailOf(outcome->errorString), account));
}

#endif

} // namespace

QString KeychainStore::serviceName()
{
    return QStringLiteral("Vigil cache key");
}

bool KeychainStore::isBuiltIn()
{
#if defined(VIGIL_HAVE_KEYCHAIN)
    return true;
#else
    return false;
#endif
}

QString KeychainStore::notBuiltInMessage()
{
    return tr("This build of Vigil has no OS keychain support.");
}

#if defined(VIGIL_HAVE_KEYCHAIN)

KeychainStore::Status KeychainStore::read(const QString& account, QByteArray& out, QString* error)
{
    out.clear();
    return run(Operation::Read, account, {}, &out, error);
}

KeychainStore::Status KeychainStore::write(const QString& account, const QByteArray& data, QString* error)
{
    return run(Operation::Write, account, data, nullptr, error);
}

KeychainStore::Status KeychainStore::remove(const QString& account, QString* error)
{
    return run(Operation::Remove, account, {}, nullptr, error);
}

#else

KeychainStore::Status KeychainStore::read(const QString& account, QByteArray& out, QString* error)
{
    Q_UNUSED(account)
    out.clear();
    if (error)
        *error = notBuiltInMessage();
    return Status::Unavailable;
}

KeychainStore::Status KeychainStore::write(const QString& account, const QByteArray& data, QString* error)
{
    Q_UNUSED(account)
    Q_UNUSED(data)
    if (error)
        *error = notBuiltInMessage();
    return Status::Unavailable;
}

KeychainStore::Status KeychainStore::remove(const QString& account, QString* error)
{
    Q_UNUSED(account)
    if (error)
        *error = notBuiltInMessage();
    return Status::Unavailable;
}

#endif

} // namespace vigil::crypto
