// HL7 v2 over MLLP end to end, with the real `vigilctl listen --mllp` on a real encrypted cache:
// - every message of the HL7 v2 test data (tests/models/codec/data/hl7v2, batches split) sent framed
//   over one TCP connection. Every message gets exactly one ACK, whose MSA-2 is the message's control
//   ID and whose MSA-1 is what the library decides for it; invalid messages never get AA; what could
//   not be used is in the quarantine; every vital sign decoded reached the router (the test data are
//   from 2008-2012, so the cache's 30-day retention prunes them soon after: they are counted, not
//   looked up);
// - `vigil-sim --mllp` (HL7 v2 encoded by codec::Hl7Encoder) with duplicates, reordering and
//   malformed copies, started before the listener: the cache holds every sample and vital sign of
//   the simulated patients exactly once, and every malformed copy was rejected (AR) and quarantined;
// - against a stand-in listener in this process that leaves a message unanswered and answers one
//   with AE: vigil-sim waits for the listener with back-off, resends on a new connection after the
//   ACK timeout (the same MSH-10), and counts the AE without resending.

#include "codec/hl7ack.h"
#include "codec/hl7decoder.h"
#include "codec/hl7message.h"
#include "codec/mllpframer.h"
#include "codec/wavecodec.h"
#include "ctlrunner.h"
#include "ingest/simulatorsource.h"
#include "sim/patientsimulator.h"
#include "store/cache.h"
#include "store/storereader.h"
#include "store/streamdescriptor.h"

#include <QDirIterator>
#include <QJsonDocument>
#include <QProcess>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <csignal>
#include <map>

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

constexpr quint64 kSeed = 3;

// The last line of a process's standard output as JSON.
QJsonObject lastJsonLine(const QByteArray& out)
{
    const QList<QByteArray> lines = out.trimmed().split('\n');
    return QJsonDocument::fromJson(lines.last()).object();
}

qint64 jsonInt(const QJsonObject& object, const char* key)
{
    return object.value(QLatin1String(key)).toInteger();
}

// A new encrypted cache (fast KDF) in `dir`, and its passphrase file.
struct NewCache
{
    QString path; // empty when it could not be made
    QString passFile;
};

NewCache newCache(const QTemporaryDir& dir, const QString& name)
{
    NewCache cache{dir.filePath(name), dir.filePath(QStringLiteral("pass.txt"))};
    if (!CtlRunner::writePassphraseFile(cache.passFile, kPassphrase)
        || !CtlRunner::run(
            {QStringLiteral("cache"), QStringLiteral("init"), QStringLiteral("--kdf"), QStringLiteral("fast"),
                QStringLiteral("--cache"), cache.path, QStringLiteral("--passphrase-file"), cache.passFile})
                .exitedWith(0))
        cache.path.clear();
    return cache;
}

// A loopback port nobody listens on (free a moment ago).
quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

// A device time well inside the cache's retention (72 h of waveforms by device time), on a whole
// second, fixed for the run.
core::Timestamp recentStart()
{
    return (core::nowUtc() / core::kMicrosPerSecond - 600) * core::kMicrosPerSecond;
}

QStringList simArguments(quint16 port, int patients, int seconds, core::Timestamp start)
{
    return {QStringLiteral("--mllp"), QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--patients"),
        QString::number(patients), QStringLiteral("--speed"), QStringLiteral("0"), QStringLiteral("--duration"),
        QString::number(seconds), QStringLiteral("--start"), QString::number(start), QStringLiteral("--seed"),
        QString::number(kSeed), QStringLiteral("--json")};
}

// Every stream of the first `patients` demo patients holds exactly the simulator's samples for
// [start, start + seconds): none missing, none twice, every value equal, and so do the vital signs.
// HL7 v2 carries samples as decimals (codec::Hl7Encoder), so a stream is stored at a power-of-ten
// resolution: the ECG's 5 µV steps arrive as 0.001 mV × 5. The stored values are compared exactly,
// in the stored resolution.
void verifyAgainstSimulator(store::Cache& cache, int patients, core::Timestamp start, int seconds)
{
    auto reader = store::StoreReader::open(cache, nullptr);
    QVERIFY(reader);
    const core::Timestamp end = start + seconds * core::kMicrosPerSecond;
    for (int p = 0; p < patients; ++p) {
        sim::PatientSimulator simulator(kSeed, p, ingest::SimulatorSource::demoScenario(p), start);
        const sim::SimulationBatch batch = simulator.advanceTo(end);
        const auto patient = reader->patientBySourceKey(simulator.identity().id);
        QVERIFY2(patient, "a simulated patient is missing from the cache");
        // The PID arrived: demographics are stored (compared, never printed).
        QVERIFY(patient->identity.nhsNumber == simulator.identity().nhsNumber);
        QVERIFY(patient->identity.familyName == simulator.identity().familyName);
        QVERIFY(patient->identity.givenName == simulator.identity().givenName);
        QVERIFY(patient->identity.birthDate == simulator.identity().birthDate);
        const auto streams = reader->streams(patient->id);
        for (core::StreamKind kind : core::kAllStreams) {
            const store::StreamDescriptor live = store::StreamDescriptor::forLiveStream(kind);
            const auto stream = std::find_if(
                streams.begin(), streams.end(), [&](const auto& s) { return s.descriptor.code == live.code; });
            QVERIFY2(stream != streams.end(), "a stream is missing");
            QCOMPARE(stream->descriptor.unit, live.unit);
            QCOMPARE(stream->descriptor.baseline, 0.0);
            QCOMPARE(stream->descriptor.rateHz, live.rateHz);
            const double ratio = stream->descriptor.gain / live.gain;
            QCOMPARE(ratio, std::round(ratio)); // a whole multiple of the simulator's resolution
            const auto scale = static_cast<qint32>(ratio);
            std::vector<qint32> expected;
            for (const auto& run : batch.streams[static_cast<std::size_t>(core::streamIndex(kind))]) {
                for (float v : run.samples) {
                    const qint32 d = live.toDigital(v);
                    expected.push_back(d == codec::WaveCodec::kInvalid ? d : d * scale);
                }
            }
            std::vector<store::StoreReader::SampleRun> runs;
            QVERIFY(reader->samples(stream->id, start, end, runs));
            std::vector<qint32> stored;
            core::Timestamp next = start;
            for (const auto& run : runs) {
                QCOMPARE(run.firstSampleTime, next); // contiguous: no gap, no overlap
                stored.insert(stored.end(), run.samples.begin(), run.samples.end());
                next =
                    run.firstSampleTime + static_cast<core::Timestamp>(run.samples.size()) * core::samplePeriodUs(kind);
            }
            QCOMPARE(stored.size(), expected.size());
            QVERIFY2(stored == expected, "stored samples differ from the simulator's");
        }
        std::map<core::VitalKind, std::vector<core::Measurement>> expectedVitals;
        for (const auto& v : batch.vitals)
            expectedVitals[v.kind].push_back(v.measurement);
        QVERIFY(!expectedVitals.empty());
        for (const auto& [kind, measurements] : expectedVitals) {
            const std::vector<core::Measurement> stored = reader->vitals(patient->id, kind, start, end);
            QCOMPARE(stored.size(), measurements.size()); // none lost, none twice
            for (std::size_t i = 0; i < stored.size(); ++i) {
                QCOMPARE(stored[i].time, measurements[i].time);
                QVERIFY(stored[i].value == measurements[i].value);
            }
        }
    }
}

} // namespace

class TestMllp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void simulatedPatientsStoredExactly();
    void simulatorResendsAndWaitsForTheListener();

    void everyTestMessageIsAcknowledged()
    {
        QTemporaryDir dir;
        const NewCache created = newCache(dir, QStringLiteral("mllp.vigil"));
        QVERIFY(!created.path.isEmpty());
        const QString& cachePath = created.path;
        const QString& passFile = created.passFile;

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

// vigil-sim → MLLP → vigilctl listen → the cache: 3 patients × 30 s, as fast as the listener takes
// them, with duplicates, swapped neighbours and malformed copies; vigil-sim starts first, so it also
// has to wait for the listener.
void TestMllp::simulatedPatientsStoredExactly()
{
    constexpr int kPatients = 3;
    constexpr int kSeconds = 30;
    QTemporaryDir dir;
    const NewCache created = newCache(dir, QStringLiteral("sim.vigil"));
    QVERIFY(!created.path.isEmpty());
    const QString& cachePath = created.path;
    const QString& passFile = created.passFile;
    const quint16 port = freePort();
    QVERIFY(port != 0);
    const core::Timestamp start = recentStart();

    QProcess sim;
    sim.start(QStringLiteral(VIGILSIM_BIN),
        simArguments(port, kPatients, kSeconds, start)
            + QStringList{QStringLiteral("--duplicates"), QStringLiteral("0.1"), QStringLiteral("--reorder"),
                QStringLiteral("0.1"), QStringLiteral("--malformed"), QStringLiteral("0.1")});
    QVERIFY(sim.waitForStarted(10000));
    // Nobody listening yet: vigil-sim says so, and retries with back-off.
    QByteArray simErr;
    QTRY_VERIFY_WITH_TIMEOUT((simErr += sim.readAllStandardError()).contains("cannot connect"), 30000);

    QProcess listen;
    listen.start(CtlRunner::binary(),
        {QStringLiteral("listen"), QStringLiteral("--mllp"), QString::number(port), QStringLiteral("--mllp-address"),
            QStringLiteral("127.0.0.1"), QStringLiteral("--cache"), cachePath, QStringLiteral("--passphrase-file"),
            passFile, QStringLiteral("--duration"), QStringLiteral("300"), QStringLiteral("--json")});
    QVERIFY(listen.waitForStarted(10000));
    QVERIFY(sim.waitForFinished(120000));
    QCOMPARE(sim.exitCode(), 0);
    const QJsonObject simSummary = lastJsonLine(sim.readAllStandardOutput());
    simErr += sim.readAllStandardError();
    QVERIFY2(simSummary.value(QStringLiteral("delivered")).toBool(), simErr.constData());
    const QJsonObject sent = simSummary.value(QStringLiteral("mllp")).toObject();
    QCOMPARE(jsonInt(sent, "messages"), qint64(kPatients * kSeconds)); // one ORU^R01 per patient and second
    QVERIFY(jsonInt(sent, "duplicates") > 0);
    QVERIFY(jsonInt(sent, "reordered") > 0);
    QVERIFY(jsonInt(sent, "malformed") > 0);
    QVERIFY(jsonInt(sent, "connect_failures") > 0); // it did wait for the listener
    QCOMPARE(jsonInt(sent, "unacknowledged"), qint64(0));
    // Every valid message and every duplicate accepted; every malformed copy rejected as a whole.
    QCOMPARE(jsonInt(sent, "aa"), jsonInt(sent, "messages") + jsonInt(sent, "duplicates"));
    QCOMPARE(jsonInt(sent, "ar"), jsonInt(sent, "malformed"));
    QCOMPARE(jsonInt(sent, "ae"), qint64(0));
    QCOMPARE(jsonInt(simSummary, "messages"), qint64(0)); // no MQTT without --broker

    ::kill(static_cast<pid_t>(listen.processId()), SIGTERM);
    QVERIFY(listen.waitForFinished(60000));
    const QJsonObject summary = lastJsonLine(listen.readAllStandardOutput());
    QVERIFY2(summary.value(QStringLiteral("ok")).toBool(), listen.readAllStandardError().constData());
    const QJsonObject received = summary.value(QStringLiteral("mllp")).toObject();
    QCOMPARE(jsonInt(received, "messages"), jsonInt(sent, "frames"));
    QCOMPARE(jsonInt(received, "ar"), jsonInt(sent, "malformed"));
    const QJsonObject total = summary.value(QStringLiteral("total")).toObject();
    QCOMPARE(jsonInt(total, "samples"), jsonInt(sent, "samples")); // repeats dropped before counting
    QCOMPARE(jsonInt(sent, "samples"), jsonInt(simSummary, "samples")); // no lead-off among these patients
    QVERIFY(jsonInt(total, "duplicates") > 0);
    QCOMPARE(jsonInt(summary, "writer_dropped_samples"), qint64(0));

    store::StoreError error;
    auto cache = store::Cache::open(cachePath, crypto::SecureBytes::fromUtf8(QString::fromUtf8(kPassphrase)), &error);
    QVERIFY2(cache, qPrintable(error.message));
    verifyAgainstSimulator(*cache, kPatients, start, kSeconds);
    auto reader = store::StoreReader::open(*cache, nullptr);
    QCOMPARE(reader->counts().patients, qint64(kPatients));
    QCOMPARE(reader->counts().quarantine, jsonInt(sent, "malformed"));
}

// A stand-in listener: nobody on the port at first; then the first message on the first connection
// gets no ACK (vigil-sim must resend it on a new connection after --mllp-ack-timeout-ms), the third
// distinct message gets AE (counted, not resent), everything else AA. Every message decodes cleanly.
void TestMllp::simulatorResendsAndWaitsForTheListener()
{
    constexpr int kSeconds = 5;
    const quint16 port = freePort();
    QVERIFY(port != 0);
    QProcess sim;
    sim.start(QStringLiteral(VIGILSIM_BIN),
        simArguments(port, 1, kSeconds, recentStart())
            + QStringList{QStringLiteral("--mllp-ack-timeout-ms"), QStringLiteral("2000")});
    QVERIFY(sim.waitForStarted(10000));
    QByteArray simErr;
    QTRY_VERIFY_WITH_TIMEOUT((simErr += sim.readAllStandardError()).contains("cannot connect"), 30000);

    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, port));
    std::vector<QString> arrivals; // MSH-10 of every message, in arrival order
    QSet<QString> distinct;
    QStringList problems;
    int connections = 0;
    connect(&server, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket* socket = server.nextPendingConnection()) {
            const int connection = ++connections;
            auto framer = std::make_shared<codec::MllpFramer>();
            connect(socket, &QTcpSocket::readyRead, socket, [&, socket, framer, connection] {
                for (const QByteArray& bytes : framer->feed(socket->readAll())) {
                    const auto message = codec::Hl7Message::parse(bytes);
                    if (!message) {
                        problems.append(QStringLiteral("a message did not parse"));
                        continue;
                    }
                    const codec::InboundBatch batch = codec::Hl7Decoder::decode(*message);
                    if (!batch.problems.empty() || batch.waves.empty() || batch.vitals.empty())
                        problems.append(QStringLiteral("a message did not decode cleanly"));
                    const QString id = message->controlId();
                    const bool firstArrival = arrivals.empty();
                    arrivals.push_back(id);
                    const bool isNew = !distinct.contains(id);
                    distinct.insert(id);
                    if (connection == 1 && firstArrival)
                        continue; // lost: no ACK
                    const bool error = isNew && distinct.size() == 3;
                    const auto code = error ? codec::Hl7Ack::Code::Error : codec::Hl7Ack::Code::Accept;
                    socket->write(codec::MllpFramer::frame(codec::Hl7Ack::build(*message, code, {})));
                }
            });
        }
    });
    QTRY_VERIFY_WITH_TIMEOUT(sim.state() == QProcess::NotRunning, 60000);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    const QJsonObject summary = lastJsonLine(sim.readAllStandardOutput());
    QCOMPARE(sim.exitCode(), 0);
    QVERIFY(summary.value(QStringLiteral("delivered")).toBool());
    const QJsonObject m = summary.value(QStringLiteral("mllp")).toObject();
    QCOMPARE(jsonInt(m, "messages"), qint64(kSeconds));
    QVERIFY(jsonInt(m, "connect_failures") > 0);
    QCOMPARE(jsonInt(m, "timeouts"), qint64(1));
    QCOMPARE(jsonInt(m, "resent"), qint64(1));
    QCOMPARE(jsonInt(m, "connects"), qint64(2));
    QCOMPARE(connections, 2);
    QCOMPARE(jsonInt(m, "ae"), qint64(1));
    QCOMPARE(jsonInt(m, "aa"), qint64(kSeconds - 1));
    QCOMPARE(jsonInt(m, "frames"), qint64(kSeconds + 1));
    QCOMPARE(arrivals.size(), std::size_t(kSeconds + 1));
    QCOMPARE(arrivals[1], arrivals[0]); // the unanswered message again, with the same MSH-10
    QCOMPARE(distinct.size(), qsizetype(kSeconds));
}

QTEST_GUILESS_MAIN(TestMllp)
#include "tst_mllp.moc"
