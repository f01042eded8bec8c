// Live ingest end to end with real parts: vigil-sim publishes simulated patients as FHIR R4 to a real
// Mosquitto broker, `vigilctl listen` subscribes and records into a real encrypted cache, and the
// cache is compared sample for sample with the simulator. With injected duplicates, reordering and
// malformed messages; and with the broker stopped for 30 s in the middle of the stream.

#include "ctlrunner.h"
#include "ingest/simulatorsource.h"
#include "mosquittobroker.h"
#include "sim/patientsimulator.h"
#include "store/cache.h"
#include "store/storereader.h"
#include "store/streamdescriptor.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

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
    // SIGTERM, then the JSON summary it prints.
    QJsonObject stop()
    {
        ::kill(static_cast<pid_t>(m_process.processId()), SIGTERM);
        if (!m_process.waitForFinished(60000))
            m_process.kill();
        m_err = m_process.readAllStandardError();
        const QList<QByteArray> lines = m_process.readAllStandardOutput().trimmed().split('\n');
        return QJsonDocument::fromJson(lines.isEmpty() ? QByteArray() : lines.last()).object();
    }
    [[nodiscard]] QByteArray err() const { return m_err; }
    [[nodiscard]] int exitCode() const { return m_process.exitCode(); }

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
};

QTEST_GUILESS_MAIN(TestIngest)
#include "tst_ingest.moc"
