#include "ctlrunner.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>

namespace vigil::integration {

QJsonObject CtlResult::json() const
{
    const QList<QByteArray> lines = out.trimmed().split('\n');
    if (lines.isEmpty())
        return {};
    return QJsonDocument::fromJson(lines.constLast()).object();
}

QByteArray CtlResult::describe() const
{
    return QByteArrayLiteral("exit ") + QByteArray::number(exitCode)
        + (exitStatus == QProcess::CrashExit ? QByteArrayLiteral(" (crashed)") : QByteArray())
        + (finished ? QByteArray() : QByteArrayLiteral(" (did not finish)")) + QByteArrayLiteral("; stderr: ")
        + err.trimmed();
}

QString CtlRunner::binary()
{
    return QStringLiteral(VIGILCTL_BIN);
}

CtlResult CtlRunner::run(const QStringList& arguments, const QByteArray& input, int timeoutMs)
{
    CtlResult result;
    QProcess process;
    process.start(binary(), arguments);
    if (!process.waitForStarted(10000))
        return result;
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    result.finished = process.waitForFinished(timeoutMs);
    if (!result.finished) {
        process.kill();
        process.waitForFinished(5000);
    }
    result.exitCode = process.exitCode();
    result.exitStatus = process.exitStatus();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

bool CtlRunner::writePassphraseFile(const QString& path, const QByteArray& passphrase)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(passphrase + '\n') == passphrase.size() + 1;
}

QByteArray CtlRunner::fileHash(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result();
}

QByteArray CtlRunner::readAll(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

} // namespace vigil::integration
