#include "testpki.h"

#include <QDir>
#include <QFile>
#include <QProcess>

namespace vigil::test {

namespace {

bool openssl(const QString& dir, const QStringList& arguments, QString* error)
{
    QProcess process;
    process.setWorkingDirectory(dir);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        if (error)
            *error = QStringLiteral("openssl %1: %2")
                         .arg(arguments.join(QLatin1Char(' ')), QString::fromUtf8(process.readAll()));
        return false;
    }
    return true;
}

bool makeCa(const QString& dir, const QString& name, const QString& cn, QString* error)
{
    return openssl(dir,
        {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-new"), QStringLiteral("-newkey"),
            QStringLiteral("ec"), QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"),
            QStringLiteral("-nodes"), QStringLiteral("-keyout"), name + QStringLiteral(".key"), QStringLiteral("-out"),
            name + QStringLiteral(".pem"), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
            QStringLiteral("/CN=") + cn, QStringLiteral("-addext"), QStringLiteral("basicConstraints=critical,CA:TRUE"),
            QStringLiteral("-addext"), QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")},
        error);
}

bool makeLeaf(const QString& dir, const QString& name, const QString& cn, const QString& extensions, QString* error)
{
    QFile ext(QDir(dir).filePath(name + QStringLiteral(".ext")));
    if (!ext.open(QIODevice::WriteOnly) || ext.write(extensions.toUtf8()) < 0)
        return false;
    ext.close();
    return openssl(dir,
               {QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                   QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                   QStringLiteral("-keyout"), name + QStringLiteral(".key"), QStringLiteral("-out"),
                   name + QStringLiteral(".csr"), QStringLiteral("-subj"), QStringLiteral("/CN=") + cn},
               error)
        && openssl(dir,
            {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), name + QStringLiteral(".csr"),
                QStringLiteral("-CA"), QStringLiteral("ca.pem"), QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
                QStringLiteral("-CAcreateserial"), QStringLiteral("-out"), name + QStringLiteral(".pem"),
                QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"), ext.fileName()},
            error);
}

} // namespace

bool TestPki::create(const QString& directory, TestPki& out, QString* error)
{
    const QDir dir(directory);
    if (!QDir().mkpath(directory))
        return false;
    if (!makeCa(directory, QStringLiteral("ca"), QStringLiteral("Vigil Test CA"), error)
        || !makeCa(directory, QStringLiteral("other-ca"), QStringLiteral("Someone Else's CA"), error)
        || !makeLeaf(directory, QStringLiteral("server"), QStringLiteral("localhost"),
            QStringLiteral("subjectAltName=DNS:localhost\nextendedKeyUsage=serverAuth\n"), error)
        || !makeLeaf(directory, QStringLiteral("client"), QStringLiteral("vigil-workstation-test"),
            QStringLiteral("extendedKeyUsage=clientAuth\n"), error))
        return false;
    out.caFile = dir.filePath(QStringLiteral("ca.pem"));
    out.otherCaFile = dir.filePath(QStringLiteral("other-ca.pem"));
    out.serverCertFile = dir.filePath(QStringLiteral("server.pem"));
    out.serverKeyFile = dir.filePath(QStringLiteral("server.key"));
    out.clientCertFile = dir.filePath(QStringLiteral("client.pem"));
    out.clientKeyFile = dir.filePath(QStringLiteral("client.key"));
    return true;
}

} // namespace vigil::test
