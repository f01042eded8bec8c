// Live ingest end to end with real parts: vigil-sim publishes simulated patients as FHIR R4 to a real
// Mosquitto broker, `vigilctl listen` subscribes and records into a real encrypted cache, and the
// cache is compared sample for sample with the simulator. With injected duplicates, reordering and
// malformed messages; with the broker stopped for 30 s in the middle of the stream; and with the first
// of two brokers killed for good in the middle of the stream (failover to the second).

#include "ctlrunner.h"
#include "ingest/simulatorsource.h"
#include "mosquittobroker.h"
#include "sim/patientsimulator.h"
#include "store/cache.h"
#include "store/database.h"
#include "store/statement.h"
#include "store/storereader.h"
#include "store/streamdescriptor.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <csignal>
#include <map>
#include <tuple>

using namespace vigil;
using integration::CtlRunner;
using test::MosquittoBroker;

namespace {

const QByteArray kPassphrase = QByteArrayLiteral("quiet harbour lantern 7");
constexpr quint64 kSeed = 3;

// A running `vigilctl listen`.
class Listener
{
public:
    bool start(const QStringList& arguments)
    {
        m_process.setProgram(CtlRunner::binary());
        m_process.setArguments(arguments);
        m_process.start();
        return m_process.waitForStarted(10000);
    }
    // Standard error so far (the pipe is drained, so a chatty listener never blocks on it).
    QByteArray errSoFar()
    {
        m_err += m_process.readAllStandardError();
        return m_err;
    }
    [[nodiscard]] bool isRunning() const { return m_process.state() == QProcess::Running; }
    void setEnvironment(const QProcessEnvironment& environment) { m_process.setProcessEnvironment(environment); }
    // SIGTERM, then the JSON summary it prints.
    QJsonObject stop()
    {
        ::kill(static_cast<pid_t>(m_process.processId()), SIGTERM);
        if (!m_process.waitForFinished(60000))
            m_process.kill();
        m_err += m_process.readAllStandardError();
        const QList<QByteArray> lines = m_process.readAllStandardOutput().trimmed().split('\n');
        return QJsonDocument::fromJson(lines.isEmpty() ? QByteArray() : lines.last()).object();
    }
    [[nodiscard]] QByteArray err() const { return m_err; }
    [[nodiscard]] int exitCode() const { return m_process.exitCode(); }
    // SIGSTOP / SIGCONT: the workstation is busy (or asleep) for a while.
    void pause() { ::kill(static_cast<pid_t>(m_process.processId()), SIGSTOP); }
    void resume() { ::kill(static_cast<pid_t>(m_process.processId()), SIGCONT); }

private:
    QProcess m_process;
    QByteArray m_err;
};

QJsonObject runSim(const QStringList& arguments, int timeoutMs)
{
    QProcess sim;
    sim.start(QStringLiteral(VIGILSIM_BIN), arguments + QStringList{QStringLiteral("--json")});
    if (!sim.waitForFinished(timeoutMs)) {
        sim.kill();
        return {};
    }
    const QList<QByteArray> lines = sim.readAllStandardOutput().trimmed().split('\n');
    return QJsonDocument::fromJson(lines.last()).object();
}

// Every stream of the first `patients` demo patients holds exactly the simulator's samples for
// [start, start + seconds): none missing, none twice, every value equal.
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
        // The Patient resource arrived: demographics are stored (compared, never printed).
        QVERIFY(patient->identity.nhsNumber == simulator.identity().nhsNumber);
        const auto streams = reader->streams(patient->id);
        for (core::StreamKind kind : core::kAllStreams) {
            const store::StreamDescriptor d = store::StreamDescriptor::forLiveStream(kind);
            std::vector<qint32> expected;
            for (const auto& run : batch.streams[static_cast<std::size_t>(core::streamIndex(kind))])
                for (float v : run.samples)
                    expected.push_back(d.toDigital(v));
            const auto stream = std::find_if(
                streams.begin(), streams.end(), [&](const auto& s) { return s.descriptor.code == d.code; });
            QVERIFY2(stream != streams.end(), "a stream is missing");
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
    }
}

// Every vital sign and every device-status change of the first `patients` demo patients in
// [start, start + seconds) is in the cache exactly once, at its device time and with its value (a
// repeat that slipped past the router would show here: vital and status rows are not keyed by time
// as waveform rows are).
void verifyVitalsAndStatusesAgainstSimulator(store::Cache& cache, int patients, core::Timestamp start, int seconds)
{
    auto reader = store::StoreReader::open(cache, nullptr);
    QVERIFY(reader);
    const core::Timestamp end = start + seconds * core::kMicrosPerSecond;
    for (int p = 0; p < patients; ++p) {
        sim::PatientSimulator simulator(kSeed, p, ingest::SimulatorSource::demoScenario(p), start);
        const sim::SimulationBatch batch = simulator.advanceTo(end);
        const auto patient = reader->patientBySourceKey(simulator.identity().id);
        QVERIFY2(patient, "a simulated patient is missing from the cache");
        for (int k = 0; k < core::kVitalKindCount; ++k) {
            const auto kind = static_cast<core::VitalKind>(k);
            std::vector<core::Measurement> expected;
            for (const auto& v : batch.vitals)
                if (v.kind == kind)
                    expected.push_back(v.measurement);
            const std::vector<core::Measurement> stored = reader->vitals(patient->id, kind, start, end);
            QCOMPARE(stored.size(), expected.size());
            for (std::size_t i = 0; i < stored.size(); ++i) {
                QCOMPARE(stored[i].time, expected[i].time);
                QVERIFY2(
                    std::abs(stored[i].value - expected[i].value) <= 1e-9 * std::max(1.0, std::abs(expected[i].value)),
                    "a stored vital sign differs from the simulator's");
            }
        }
        // Statuses: the changes plus vigil-sim's heartbeats; every change once, no row twice.
        using Row = std::tuple<core::Timestamp, bool, bool>;
        std::map<Row, int> stored;
        store::Statement s = reader->database().prepare(
            "SELECT t_us, online, lead_off FROM device_status WHERE patient_id = ? AND t_us >= ? AND t_us < ?");
        s.bind(1, patient->id).bind(2, start).bind(3, end);
        while (s.step() == SQLITE_ROW)
            ++stored[Row{s.int64(0), s.int64(1) != 0, s.int64(2) != 0}];
        QVERIFY(!batch.statusChanges.empty());
        for (const core::DeviceStatus& change : batch.statusChanges)
            QVERIFY2((stored[Row{change.time, change.online, change.ecgLeadOff}] == 1),
                "a device-status change is missing or stored twice");
        for (const auto& [row, count] : stored)
            QVERIFY2(count <= 1, "a device status is stored twice");
    }
}

// The brokers a `vigilctl listen` said it connected to (its vigil.ingest log), in order.
QStringList connectedBrokers(const QByteArray& err)
{
    static const QRegularExpression connected(QStringLiteral("MQTT Connected (\\S+)"));
    QStringList brokers;
    for (auto it = connected.globalMatch(QString::fromUtf8(err)); it.hasNext();)
        brokers.append(it.next().captured(1));
    return brokers;
}

} // namespace

class TestIngest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_passFile;

    QString newCache(const QString& name)
    {
        const QString path = m_dir.filePath(name);
        const auto r = CtlRunner::run({QStringLiteral("cache"), QStringLiteral("init"), QStringLiteral("--kdf"),
            QStringLiteral("fast"), QStringLiteral("--cache"), path, QStringLiteral("--passphrase-file"), m_passFile});
        return r.exitedWith(0) ? path : QString();
    }

    std::unique_ptr<store::Cache> openCache(const QString& path)
    {
        store::StoreError error;
        auto cache = store::Cache::open(path, crypto::SecureBytes::fromUtf8(QString::fromUtf8(kPassphrase)), &error);
        if (!cache)
            qWarning("%s", qPrintable(error.message));
        return cache;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(MosquittoBroker::isAvailable(), "mosquitto is not installed (packaging/dev.sh deps)");
        m_passFile = m_dir.filePath(QStringLiteral("pass.txt"));
        QVERIFY(CtlRunner::writePassphraseFile(m_passFile, kPassphrase));
    }

    // 2 patients × 60 s published as fast as possible, 5 % duplicates, 5 % swapped neighbours, 3 %
    // extra malformed copies: every sample stored exactly once, every malformed message quarantined.
    void faultsLoseNothingAndDoubleNothing()
    {
        MosquittoBroker broker(m_dir.filePath(QStringLiteral("b1")));
        QString error;
        QVERIFY2(broker.start(&error), qPrintable(error));
        const QString cachePath = newCache(QStringLiteral("faults.vigil"));
        QVERIFY(!cachePath.isEmpty());
        Listener listen;
        QVERIFY(listen.start({QStringLiteral("listen"), QStringLiteral("--broker"), broker.uri(),
            QStringLiteral("--site"), QStringLiteral("t"), QStringLiteral("--client-id"), QStringLiteral("ws-faults"),
            QStringLiteral("--cache"), cachePath, QStringLiteral("--passphrase-file"), m_passFile,
            QStringLiteral("--json")}));
        QTest::qWait(1500); // subscribed
        const core::Timestamp start = 1'767'225'600'000'000;
        const QJsonObject sim = runSim(
            {QStringLiteral("--broker"), broker.uri(), QStringLiteral("--site"), QStringLiteral("t"),
                QStringLiteral("--patients"), QStringLiteral("2"), QStringLiteral("--speed"), QStringLiteral("0"),
                QStringLiteral("--duration"), QStringLiteral("60"), QStringLiteral("--start"), QString::number(start),
                QStringLiteral("--seed"), QString::number(kSeed), QStringLiteral("--duplicates"),
                QStringLiteral("0.05"), QStringLiteral("--reorder"), QStringLiteral("0.05"),
                QStringLiteral("--malformed"), QStringLiteral("0.03")},
            120000);
        QVERIFY2(sim.value(QStringLiteral("delivered")).toBool(), "vigil-sim did not deliver everything");
        QVERIFY(sim.value(QStringLiteral("duplicates")).toInt() > 0);
        QVERIFY(sim.value(QStringLiteral("malformed")).toInt() > 0);
        QTest::qWait(3000); // the last messages reach the listener
        const QJsonObject summary = listen.stop();
        QVERIFY2(summary.value(QStringLiteral("ok")).toBool(), listen.err().constData());
        const QJsonObject total = summary.value(QStringLiteral("total")).toObject();
        QCOMPARE(total.value(QStringLiteral("rejected")).toInt() + total.value(QStringLiteral("with_problems")).toInt(),
            sim.value(QStringLiteral("malformed")).toInt());
        QVERIFY(total.value(QStringLiteral("duplicates")).toInt() >= sim.value(QStringLiteral("duplicates")).toInt());

        auto cache = openCache(cachePath);
        QVERIFY(cache);
        verifyAgainstSimulator(*cache, 2, start, 60);
        auto reader = store::StoreReader::open(*cache, nullptr);
        QCOMPARE(reader->counts().quarantine, sim.value(QStringLiteral("malformed")).toInt());
    }

    // The broker is stopped for 30 s in the middle of a real-time stream and started again (its
    // persistence keeps the workstation's session): no sample missing, none duplicated.
    void brokerDownForThirtySeconds()
    {
        MosquittoBroker broker(m_dir.filePath(QStringLiteral("b2")));
        QString error;
        QVERIFY2(broker.start(&error), qPrintable(error));
        const QString cachePath = newCache(QStringLiteral("outage.vigil"));
        QVERIFY(!cachePath.isEmpty());
        Listener listen;
        QVERIFY(listen.start({QStringLiteral("listen"), QStringLiteral("--broker"), broker.uri(),
            QStringLiteral("--site"), QStringLiteral("t"), QStringLiteral("--client-id"), QStringLiteral("ws-outage"),
            QStringLiteral("--cache"), cachePath, QStringLiteral("--passphrase-file"), m_passFile,
            QStringLiteral("--json")}));
        QTest::qWait(1500);
        const core::Timestamp start = (QDateTime::currentMSecsSinceEpoch() / 1000 + 1) * core::kMicrosPerSecond;
        constexpr int kSeconds = 42;
        QProcess sim;
        sim.start(QStringLiteral(VIGILSIM_BIN),
            {QStringLiteral("--broker"), broker.uri(), QStringLiteral("--site"), QStringLiteral("t"),
                QStringLiteral("--patients"), QStringLiteral("2"), QStringLiteral("--speed"), QStringLiteral("1"),
                QStringLiteral("--duration"), QString::number(kSeconds), QStringLiteral("--start"),
                QString::number(start), QStringLiteral("--seed"), QString::number(kSeed), QStringLiteral("--json")});
        QVERIFY(sim.waitForStarted(10000));
        QTest::qWait(5000);
        broker.stop();
        QTest::qWait(30000);
        QVERIFY2(broker.start(&error), qPrintable(error));
        QVERIFY(sim.waitForFinished(60000));
        const QJsonObject simSummary =
            QJsonDocument::fromJson(sim.readAllStandardOutput().trimmed().split('\n').last()).object();
        QVERIFY2(simSummary.value(QStringLiteral("delivered")).toBool(), "vigil-sim did not deliver everything");
        QTest::qWait(5000);
        const QJsonObject summary = listen.stop();
        QVERIFY2(summary.value(QStringLiteral("ok")).toBool(), listen.err().constData());
        QVERIFY(summary.value(QStringLiteral("mqtt_connects")).toInt() >= 2);

        auto cache = openCache(cachePath);
        QVERIFY(cache);
        verifyAgainstSimulator(*cache, 2, start, kSeconds);
    }

    // Issue 4: two brokers, and the listener and vigil-sim are both given both. Nine seconds into a
    // stream at twice real time the first broker is killed (SIGKILL: nothing saved, never
    // restarted). Both fail over to the second: the listener finds its session there already open
    // (primed at start, so the broker queued for it), the simulator's publisher republishes its last
    // 5 s (what the dead broker had acknowledged but perhaps not delivered). No sample, vital sign or
    // status change is missing or stored twice; the repeats the backfill sent are dropped and counted.
    void firstBrokerKilledFailsOverToSecond()
    {
        MosquittoBroker first(m_dir.filePath(QStringLiteral("f1")));
        MosquittoBroker second(m_dir.filePath(QStringLiteral("f2")));
        QString error;
        QVERIFY2(first.start(&error), qPrintable(error));
        QVERIFY2(second.start(&error), qPrintable(error));
        QVERIFY(first.port() != second.port());
        const QString brokers = first.uri() + QLatin1Char(',') + second.uri();
        const QString cachePath = newCache(QStringLiteral("failover.vigil"));
        QVERIFY(!cachePath.isEmpty());

        constexpr int kPatients = 3;
        constexpr int kSeconds = 60; // of device time, published at twice real time: 30 s
        Listener listen;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("vigil.ingest.info=true"));
        environment.insert(QStringLiteral("QT_FORCE_STDERR_LOGGING"), QStringLiteral("1"));
        listen.setEnvironment(environment);
        // --duration only bounds a listener the test failed to stop; it is stopped below.
        QVERIFY(listen.start({QStringLiteral("listen"), QStringLiteral("--broker"), brokers, QStringLiteral("--site"),
            QStringLiteral("t"), QStringLiteral("--client-id"), QStringLiteral("ws-failover"),
            QStringLiteral("--cache"), cachePath, QStringLiteral("--passphrase-file"), m_passFile,
            QStringLiteral("--duration"), QString::number(kSeconds + 120), QStringLiteral("--json")}));
        // Sessions primed on both brokers, then connected to the first (the primary).
        QTRY_COMPARE_WITH_TIMEOUT(connectedBrokers(listen.errSoFar()), QStringList{first.uri()}, 15000);

        const core::Timestamp start = (QDateTime::currentMSecsSinceEpoch() / 1000 + 1) * core::kMicrosPerSecond;
        QProcess sim;
        sim.start(QStringLiteral(VIGILSIM_BIN),
            {QStringLiteral("--broker"), brokers, QStringLiteral("--site"), QStringLiteral("t"),
                QStringLiteral("--patients"), QString::number(kPatients), QStringLiteral("--speed"),
                QStringLiteral("2"), QStringLiteral("--duration"), QString::number(kSeconds), QStringLiteral("--start"),
                QString::number(start), QStringLiteral("--seed"), QString::number(kSeed), QStringLiteral("--json")});
        QVERIFY(sim.waitForStarted(10000));
        QTest::qWait(9000); // about 18 s of device time through the first broker
        QVERIFY(sim.state() == QProcess::Running);
        // The listener is held still (SIGSTOP) from 1.2 s before the crash to 2 s after it, as a busy
        // workstation would be. So (1) it reaches the second broker seconds after the publisher did:
        // what was published there meanwhile reaches it only because its session there was opened at
        // start; (2) what the first broker accepted in those 1.2 s never reaches it through that
        // broker: only the publisher's backfill brings it. (Checked: without priming, or without the
        // backfill, messages go missing and the counts below fail.) 1.2 s is well within the 5 s
        // backfill window: a listener held for longer than the window before the crash loses what the
        // first broker had not delivered to it, a limit of the design that this test does not cover.
        listen.pause();
        QTest::qWait(1200);
        first.kill();
        QVERIFY(!first.isRunning());
        QTest::qWait(2000);
        listen.resume();
        // The listener is on the second broker within a few seconds (the first refuses at once).
        QTRY_COMPARE_WITH_TIMEOUT(connectedBrokers(listen.errSoFar()), (QStringList{first.uri(), second.uri()}), 10000);

        QVERIFY(sim.waitForFinished(60000));
        QCOMPARE(sim.exitCode(), 0);
        const QJsonObject simSummary =
            QJsonDocument::fromJson(sim.readAllStandardOutput().trimmed().split('\n').last()).object();
        QVERIFY2(simSummary.value(QStringLiteral("delivered")).toBool(), "vigil-sim did not deliver everything");
        QCOMPARE(simSummary.value(QStringLiteral("broker")).toString(), second.uri());
        QCOMPARE(simSummary.value(QStringLiteral("refused")).toInt(), 0);
        QVERIFY2(simSummary.value(QStringLiteral("republished")).toInt() > 0, "the publisher did not backfill");
        QTest::qWait(3000); // the last messages reach the listener
        QVERIFY2(listen.isRunning(), "the listener ended before it was stopped");
        const QJsonObject summary = listen.stop();
        QVERIFY2(summary.value(QStringLiteral("ok")).toBool(), listen.err().constData());
        QCOMPARE(listen.exitCode(), 0);
        // Exactly one switch: first broker, then the second, and no further reconnects.
        QCOMPARE(connectedBrokers(listen.err()), (QStringList{first.uri(), second.uri()}));
        QCOMPARE(summary.value(QStringLiteral("mqtt_connects")).toInt(), 2);

        // Counts: every message the simulator sent was routed once; repeats were dropped, not stored.
        // Each message carries one item (a wave segment, a vital sign or a status) except the one
        // Patient resource per patient (never counted as a repeat).
        const QJsonObject total = summary.value(QStringLiteral("total")).toObject();
        const qint64 simSamples = simSummary.value(QStringLiteral("samples")).toInteger();
        QCOMPARE(summary.value(QStringLiteral("mqtt_messages")).toInteger(),
            total.value(QStringLiteral("messages")).toInteger());
        QCOMPARE(total.value(QStringLiteral("segments")).toInteger() + total.value(QStringLiteral("vitals")).toInteger()
                + total.value(QStringLiteral("statuses")).toInteger() + kPatients,
            simSummary.value(QStringLiteral("messages")).toInteger());
        QVERIFY2(total.value(QStringLiteral("duplicates")).toInteger() > 0,
            "no repeats: the backfill did not overlap what the first broker had delivered");
        QCOMPARE(total.value(QStringLiteral("samples")).toInteger(), simSamples);
        QCOMPARE(summary.value(QStringLiteral("samples_committed")).toInteger(), simSamples);
        QCOMPARE(summary.value(QStringLiteral("writer_dropped_samples")).toInteger(), 0);
        QCOMPARE(
            total.value(QStringLiteral("rejected")).toInt() + total.value(QStringLiteral("with_problems")).toInt(), 0);

        auto cache = openCache(cachePath);
        QVERIFY(cache);
        verifyAgainstSimulator(*cache, kPatients, start, kSeconds);
        if (QTest::currentTestFailed())
            return;
        verifyVitalsAndStatusesAgainstSimulator(*cache, kPatients, start, kSeconds);
        if (QTest::currentTestFailed())
            return;
        auto reader = store::StoreReader::open(*cache, nullptr);
        QVERIFY(reader);
        QCOMPARE(reader->counts().patients, kPatients);
        QCOMPARE(reader->counts().quarantine, 0);
    }
};

QTEST_GUILESS_MAIN(TestIngest)
#include "tst_ingest.moc"
