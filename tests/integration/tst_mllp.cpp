// HL7 v2 over MLLP end to end: the real `vigilctl listen --mllp 0` on a real encrypted cache, every
// message of the HL7 v2 test data (tests/models/codec/data/hl7v2, batches split) sent framed over
// one TCP connection. Every message gets exactly one ACK, whose MSA-2 is the message's control ID
// and whose MSA-1 is what the library decides for it; invalid messages never get AA; what could
// not be used is in the quarantine; every vital sign decoded reached the router (the test data are
// from 2008-2012, so the cache's 30-day retention prunes them soon after: they are counted, not
// looked up).

#include "codec/hl7ack.h"
#include "codec/hl7decoder.h"
#include "codec/hl7message.h"
#include "codec/mllpframer.h"
#include "ctlrunner.h"
#include "store/cache.h"
#include "store/storereader.h"

#include <QDirIterator>
#include <QJsonDocument>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace vigil;
using integration::CtlRunner;

namespace {

const QByteArray kPassphrase = QByteArrayLiteral("quiet harbour lantern 7");

struct Sent
{
    QString file;
    QByteArray bytes;
    QString controlId; // MSH-10, empty when the bytes do not parse
    QString expected; // AA / AE / AR as the library decides
    int items = 0; // vitals + waveform segments + statuses decoded
};

} // namespace

class TestMllp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyTestMessageIsAcknowledged()
    {
        QTemporaryDir dir;
        const QString passFile = dir.filePath(QStringLiteral("pass.txt"));
        QVERIFY(CtlRunner::writePassphraseFile(passFile, kPassphrase));
        const QString cachePath = dir.filePath(QStringLiteral("mllp.vigil"));
        QVERIFY(CtlRunner::run(
            {QStringLiteral("cache"), QStringLiteral("init"), QStringLiteral("--kdf"), QStringLiteral("fast"),
                QStringLiteral("--cache"), cachePath, QStringLiteral("--passphrase-file"), passFile})
                    .exitedWith(0));

        // The messages, and what the library says each should get.
        std::vector<Sent> messages;
        QDirIterator it(QStringLiteral(VIGIL_SOURCE_DIR "/tests/models/codec/data/hl7v2"),
            {QStringLiteral("*.hl7"), QStringLiteral("*.hl7v2")}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            for (const QByteArray& bytes : codec::Hl7Message::splitBatch(file.readAll())) {
                Sent sent{QFileInfo(path).fileName(), bytes, {}, {}};
                codec::InboundBatch decoded;
                const QByteArray ack = codec::Hl7Ack::respond(bytes, &decoded);
                sent.expected = codec::Hl7Ack::codeName(codec::Hl7Ack::codeFor(decoded));
                sent.items = static_cast<int>(decoded.vitals.size() + decoded.waves.size() + decoded.statuses.size());
                if (const auto parsed = codec::Hl7Message::parse(bytes))
                    sent.controlId = parsed->header().value(10);
                messages.push_back(sent);
            }
        }
        QVERIFY(messages.size() >= 40);

        QProcess listen;
        listen.start(CtlRunner::binary(),
            {QStringLiteral("listen"), QStringLiteral("--mllp"), QStringLiteral("0"), QStringLiteral("--mllp-address"),
                QStringLiteral("127.0.0.1"), QStringLiteral("--cache"), cachePath, QStringLiteral("--passphrase-file"),
                passFile, QStringLiteral("--json")});
        QVERIFY(listen.waitForStarted(10000));
        QVERIFY(listen.waitForReadyRead(30000));
        const QByteArray first = listen.readLine().trimmed();
        QVERIFY2(first.startsWith("mllp port "), first.constData());
        const auto port = static_cast<quint16>(first.mid(10).toUInt());

        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(socket.waitForConnected(5000));
        codec::MllpFramer framer;
        int notAccepted = 0;
        for (const Sent& sent : messages) {
            socket.write(codec::MllpFramer::frame(sent.bytes));
            std::vector<QByteArray> acks;
            QElapsedTimer wait;
            wait.start();
            while (acks.empty() && wait.elapsed() < 10000) {
                if (socket.waitForReadyRead(200))
                    acks = framer.feed(socket.readAll());
            }
            QVERIFY2(acks.size() == 1, qPrintable(QStringLiteral("%1: %2 ACKs").arg(sent.file).arg(acks.size())));
            const auto ack = codec::Hl7Message::parse(acks.front());
            QVERIFY2(ack, qPrintable(sent.file));
            QCOMPARE(ack->messageType(), QStringLiteral("ACK"));
            const QString code = ack->value(QStringLiteral("MSA"), 1, 1);
            QVERIFY2(code == sent.expected,
                qPrintable(QStringLiteral("%1: %2, expected %3").arg(sent.file, code, sent.expected)));
            if (!sent.controlId.isEmpty())
                QCOMPARE(ack->value(QStringLiteral("MSA"), 1, 2), sent.controlId);
            if (sent.file.startsWith(QLatin1String("invalid")) || sent.file.contains(QLatin1String("response-invalid")))
                QVERIFY2(code != QLatin1String("AA"), qPrintable(sent.file));
            if (code != QLatin1String("AA"))
                ++notAccepted;
            // Where AE/AR, an ERR segment says why.
            if (code != QLatin1String("AA"))
                QVERIFY2(ack->segmentCount(QStringLiteral("ERR")) >= 1, qPrintable(sent.file));
        }
        socket.disconnectFromHost();
        ::kill(static_cast<pid_t>(listen.processId()), SIGTERM);
        QVERIFY(listen.waitForFinished(30000));
        const QList<QByteArray> lines = listen.readAllStandardOutput().trimmed().split('\n');
        const QJsonObject summary = QJsonDocument::fromJson(lines.last()).object();
        QVERIFY(summary.value(QStringLiteral("ok")).toBool());
        const QJsonObject mllp = summary.value(QStringLiteral("mllp")).toObject();
        QCOMPARE(mllp.value(QStringLiteral("messages")).toInt(), static_cast<int>(messages.size()));
        QCOMPARE(mllp.value(QStringLiteral("ae")).toInt() + mllp.value(QStringLiteral("ar")).toInt(), notAccepted);

        store::StoreError error;
        auto cache =
            store::Cache::open(cachePath, crypto::SecureBytes::fromUtf8(QString::fromUtf8(kPassphrase)), &error);
        QVERIFY2(cache, qPrintable(error.message));
        auto reader = store::StoreReader::open(*cache, nullptr);
        QCOMPARE(reader->counts().quarantine, notAccepted);
        // Every decoded item reached the router: stored, or dropped as a repeat of an earlier one.
        int items = 0;
        for (const Sent& sent : messages)
            items += sent.items;
        const QJsonObject total = summary.value(QStringLiteral("total")).toObject();
        QVERIFY(total.value(QStringLiteral("vitals")).toInt() >= 4); // PCD-01: HR 60, ART 120/80, …
        QCOMPARE(total.value(QStringLiteral("vitals")).toInt() + total.value(QStringLiteral("segments")).toInt()
                + total.value(QStringLiteral("statuses")).toInt() + total.value(QStringLiteral("duplicates")).toInt(),
            items);
    }
};

QTEST_GUILESS_MAIN(TestMllp)
#include "tst_mllp.moc"
