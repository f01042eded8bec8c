// Crash safety of the cache: `vigilctl record --progress` is SIGKILLed at random moments; whatever it
// reported as committed ("committed SEQ THROUGH_US": every sample with device time < THROUGH_US is
// durable) must be in the cache afterwards, the cache must open, pass PRAGMA integrity_check and keep
// an intact audit chain.

#include "core/streamkind.h"
#include "crypto/kdfparams.h"
#include "crypto/securebytes.h"
#include "ctlrunner.h"
#include "ingest/simulatorsource.h"
#include "sim/patientsimulator.h"
#include "store/cache.h"
#include "store/storereader.h"
#include "store/streamdescriptor.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace vigil;
using integration::CtlRunner;

namespace {

constexpr int kPatients = 4; // demo mix indices 0..3: no lead-off, no device-offline gaps
constexpr core::Timestamp kBaseStart = 1'700'000'000'000'000; // a whole second
constexpr core::Timestamp kRoundSpacing = core::Timestamp(3600) * core::kMicrosPerSecond;
const QByteArray kPassphrase = QByteArrayLiteral("quiet harbour lantern 7");

struct Progress
{
    quint64 seq = 0;
    core::Timestamp through = 0; // 0: no progress line seen
    int lines = 0;
    bool monotonic = true;
};

// Parses the complete lines in `buffer` (leaving a trailing partial line there).
void parseProgress(QByteArray& buffer, Progress& progress)
{
    qsizetype newline = 0;
    while ((newline = buffer.indexOf('\n')) >= 0) {
        const QByteArray line = buffer.left(newline).trimmed();
        buffer.remove(0, newline + 1);
        const QList<QByteArray> words = line.split(' ');
        if (words.size() != 3 || words.at(0) != "committed")
            continue;
        bool okSeq = false;
        bool okThrough = false;
        const quint64 seq = words.at(1).toULongLong(&okSeq);
        const core::Timestamp through = words.at(2).toLongLong(&okThrough);
        if (!okSeq || !okThrough)
            continue;
        if (seq < progress.seq || through < progress.through)
            progress.monotonic = false;
        progress.seq = seq;
        progress.through = through;
        ++progress.lines;
    }
}

QStringList recordArguments(const QString& cache, const QString& passFile, core::Timestamp start, double minutes)
{
    return {QStringLiteral("record"), QStringLiteral("--demo"), QStringLiteral("--patients"),
        QString::number(kPatients), QStringLiteral("--minutes"), QString::number(minutes),
        QStringLiteral("--commit-ms"), QStringLiteral("50"), QStringLiteral("--progress"), QStringLiteral("--start"),
        QString::number(start), QStringLiteral("--cache"), cache, QStringLiteral("--passphrase-file"), passFile};
}

// Stored samples of `streamId` with device time in [from, to). Chunks hold one second each, aligned
// to whole seconds, so summing n over the chunks that start in the interval is exact when `from` and
// `to` are whole seconds.
qint64 storedSamples(store::Database& db, qint64 streamId, core::Timestamp from, core::Timestamp to)
{
    store::Statement s =
        db.prepare("SELECT coalesce(sum(n), 0) FROM wave_chunk WHERE stream_id = ? AND t_us >= ? AND t_us < ?");
    s.bind(1, streamId).bind(2, from).bind(3, to);
    return s.step() == SQLITE_ROW ? s.int64(0) : -1;
}

qint64 storedHeartRates(store::Database& db, qint64 patientId, core::Timestamp from, core::Timestamp to)
{
    store::Statement s = db.prepare("SELECT count(*) FROM vital WHERE patient_id = ? AND kind = ? AND t_us >= ? AND "
                                    "t_us < ?");
    s.bind(1, patientId).bind(2, static_cast<int>(core::VitalKind::HeartRate)).bind(3, from).bind(4, to);
    return s.step() == SQLITE_ROW ? s.int64(0) : -1;
}

} // namespace

class TestCrashSafety : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_passFile;

    [[nodiscard]] crypto::SecureBytes passphrase() const
    {
        return crypto::SecureBytes::fromUtf8(QString::fromUtf8(kPassphrase));
    }

    // A new, empty cache (created in-process: quicker than `vigilctl cache init`, same result).
    QString newCache(const QString& name)
    {
        const QString path = m_dir.filePath(name);
        store::StoreError error;
        auto cache = store::Cache::create(path, passphrase(), crypto::KdfParams::fast(), &error);
        if (!cache)
            qWarning("cannot create a cache: %s", qPrintable(error.message));
        return cache ? path : QString();
    }

    // What must hold for a cache after a recording that reported `through`: it opens, passes the
    // integrity check, every stream of every patient holds exactly the samples with time in
    // [start, through) (and the heart-rate vitals of those seconds), and vigilctl verifies it.
    void checkCache(const QString& path, core::Timestamp start, core::Timestamp through, int round)
    {
        const integration::CtlResult verify =
            CtlRunner::run({QStringLiteral("cache"), QStringLiteral("verify"), QStringLiteral("--json"),
                QStringLiteral("--cache"), path, QStringLiteral("--passphrase-file"), m_passFile});
        QVERIFY2(verify.exitedWith(0), verify.describe().constData());
        QCOMPARE(verify.json().value(QStringLiteral("integrity_ok")).toBool(), true);
        QCOMPARE(verify.json().value(QStringLiteral("audit_ok")).toBool(), true);
        const integration::CtlResult audit =
            CtlRunner::run({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--json"),
                QStringLiteral("--cache"), path, QStringLiteral("--passphrase-file"), m_passFile});
        QVERIFY2(audit.exitedWith(0), audit.describe().constData());
        QCOMPARE(audit.json().value(QStringLiteral("ok")).toBool(), true);

        store::StoreError error;
        auto cache = store::Cache::open(path, passphrase(), &error);
        QVERIFY2(cache, qPrintable(error.message));
        auto reader = store::StoreReader::open(*cache, &error);
        QVERIFY2(reader, qPrintable(error.message));
        QCOMPARE(reader->database().queryText("PRAGMA integrity_check"), QStringLiteral("ok"));
        if (through <= start)
            return; // nothing was promised
        QVERIFY2((through - start) % core::kMicrosPerSecond == 0, "progress is reported in whole simulated seconds");
        const auto patients = reader->patients();
        QCOMPARE(static_cast<int>(patients.size()), kPatients);
        for (int p = 0; p < kPatients; ++p) {
            const auto& patient = patients[static_cast<std::size_t>(p)];
            const auto streams = reader->streams(patient.id);
            QCOMPARE(static_cast<int>(streams.size()), core::kStreamCount);
            for (const auto& stream : streams) {
                const auto expected = static_cast<qint64>(std::llround(
                    static_cast<double>(through - start) * stream.descriptor.rateHz / core::kMicrosPerSecond));
                const qint64 stored = storedSamples(reader->database(), stream.id, start, through);
                if (stored != expected)
                    qWarning("round %d, patient index %d, stream %s: %lld samples stored before the reported "
                             "commit point, %lld expected",
                        round, p, qPrintable(stream.descriptor.label), static_cast<long long>(stored),
                        static_cast<long long>(expected));
                QCOMPARE(stored, expected);
                // Nothing before the start of the recording.
                QCOMPARE(storedSamples(reader->database(), stream.id, start - kRoundSpacing, start), qint64(0));
            }
            QCOMPARE(storedHeartRates(reader->database(), patient.id, start, through),
                (through - start) / core::kMicrosPerSecond);
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_passFile = m_dir.filePath(QStringLiteral("passphrase.txt"));
        QVERIFY(CtlRunner::writePassphraseFile(m_passFile, kPassphrase));
    }

    // The expectation the crash rounds rely on, checked on a recording that is not killed: the
    // counts, and every stored digital value equal to the simulator's (regenerated here).
    void completeRecordingMatchesSimulator()
    {
        const QString path = newCache(QStringLiteral("complete.vigil"));
        QVERIFY(!path.isEmpty());
        const core::Timestamp start = kBaseStart;
        constexpr int kSeconds = 30; // 0.5 min: --minutes must be exact in binary (0.333333 min is not 20 s)
        const integration::CtlResult result = CtlRunner::run(recordArguments(path, m_passFile, start, kSeconds / 60.0));
        QVERIFY2(result.exitedWith(0), result.describe().constData());
        QByteArray out = result.out;
        Progress progress;
        parseProgress(out, progress);
        QVERIFY(progress.monotonic);
        QVERIFY(progress.lines >= 1);
        const core::Timestamp end = start + kSeconds * core::kMicrosPerSecond;
        QCOMPARE(progress.through, end);
        checkCache(path, start, end, -1);
        if (QTest::currentTestFailed())
            return;

        store::StoreError error;
        auto cache = store::Cache::open(path, passphrase(), &error);
        QVERIFY2(cache, qPrintable(error.message));
        auto reader = store::StoreReader::open(*cache, &error);
        QVERIFY2(reader, qPrintable(error.message));
        const auto patients = reader->patients();
        QCOMPARE(static_cast<int>(patients.size()), kPatients);
        for (int p = 0; p < kPatients; ++p) {
            sim::PatientSimulator simulator(1, p, ingest::SimulatorSource::demoScenario(p), start);
            QCOMPARE(patients[static_cast<std::size_t>(p)].identity.id, simulator.identity().id);
            // The same 1-second steps as vigilctl (the simulator does not depend on them anyway).
            std::array<std::vector<qint32>, core::kStreamCount> expected;
            for (int s = 1; s <= kSeconds; ++s) {
                const sim::SimulationBatch batch = simulator.advanceTo(start + s * core::kMicrosPerSecond);
                for (core::StreamKind kind : core::kAllStreams) {
                    const auto index = static_cast<std::size_t>(core::streamIndex(kind));
                    const auto descriptor = store::StreamDescriptor::forLiveStream(kind);
                    for (const auto& run : batch.streams[index])
                        for (float v : run.samples)
                            expected[index].push_back(descriptor.toDigital(v));
                }
            }
            const auto streams = reader->streams(patients[static_cast<std::size_t>(p)].id);
            QCOMPARE(static_cast<int>(streams.size()), core::kStreamCount);
            for (core::StreamKind kind : core::kAllStreams) {
                const auto index = static_cast<std::size_t>(core::streamIndex(kind));
                const auto it = std::find_if(streams.begin(), streams.end(),
                    [&](const auto& row) { return row.descriptor.code == core::mdcCode(kind); });
                QVERIFY(it != streams.end());
                std::vector<store::StoreReader::SampleRun> runs;
                QVERIFY2(reader->samples(it->id, start, end, runs, &error), qPrintable(error.message));
                std::vector<qint32> stored;
                core::Timestamp next = start;
                for (const auto& run : runs) {
                    QCOMPARE(run.firstSampleTime, next); // no gaps
                    stored.insert(stored.end(), run.samples.begin(), run.samples.end());
                    next = start + std::llround(static_cast<double>(stored.size()) * 1e6 / core::sampleRateHz(kind));
                }
                QCOMPARE(stored.size(), expected[index].size());
                QCOMPARE(static_cast<qint64>(stored.size()), qint64(kSeconds) * core::sampleRateHz(kind));
                QVERIFY2(stored == expected[index], "stored samples differ from the simulator's");
            }
        }
    }

    // ≥ 50 rounds: start a recording, SIGKILL it at a random moment (deterministic PRNG), check
    // everything it reported as committed is there.
    void killedRecordingKeepsCommittedData()
    {
        constexpr int kRounds = 50;
        QRandomGenerator rng(20240917); // deterministic kill schedule
        int killed = 0;
        int killedBeforeProgress = 0;
        int killedAfterProgress = 0;
        core::Timestamp longest = 0;
        QElapsedTimer total;
        total.start();
        for (int round = 0; round < kRounds; ++round) {
            const QString path = newCache(QStringLiteral("round-%1.vigil").arg(round));
            QVERIFY(!path.isEmpty());
            const core::Timestamp start = kBaseStart + round * kRoundSpacing;
            // One round in six is killed at 5-80 ms after the start, usually before the first commit;
            // the others 50-600 ms after the first progress line.
            const bool early = round % 6 == 3;
            const qint64 delayMs = early ? rng.bounded(5, 81) : rng.bounded(50, 601);

            QProcess process;
            process.start(CtlRunner::binary(), recordArguments(path, m_passFile, start, 30));
            QVERIFY(process.waitForStarted(10000));
            process.closeWriteChannel();
            QElapsedTimer clock;
            clock.start();
            qint64 killAt = early ? delayMs : -1;
            Progress progress;
            QByteArray buffer;
            bool didKill = false;
            while (process.state() != QProcess::NotRunning) {
                if (killAt >= 0 && clock.elapsed() >= killAt) {
                    process.kill(); // SIGKILL
                    didKill = true;
                    break;
                }
                QVERIFY2(clock.elapsed() < 30000, "the recording did not report progress in time");
                const int wait = killAt >= 0 ? static_cast<int>(std::max<qint64>(1, killAt - clock.elapsed())) : 20;
                process.waitForReadyRead(std::min(wait, 20));
                buffer += process.readAllStandardOutput();
                parseProgress(buffer, progress);
                if (killAt < 0 && progress.lines > 0)
                    killAt = clock.elapsed() + delayMs;
            }
            QVERIFY(process.state() == QProcess::NotRunning || process.waitForFinished(10000));
            // Lines written before the kill are still in the pipe: they count too.
            buffer += process.readAllStandardOutput();
            parseProgress(buffer, progress);
            QVERIFY(progress.monotonic);
            if (didKill && process.exitStatus() == QProcess::CrashExit) {
                ++killed;
                ++(progress.lines == 0 ? killedBeforeProgress : killedAfterProgress);
            } else {
                QCOMPARE(process.exitCode(), 0);
            }
            const core::Timestamp through = progress.lines > 0 ? progress.through : start;
            QVERIFY(through >= start);
            QVERIFY(through <= start + 30 * 60 * core::kMicrosPerSecond);
            longest = std::max(longest, through - start);
            checkCache(path, start, through, round);
            if (QTest::currentTestFailed()) {
                qWarning("round %d failed (kill %lld ms after %s, last reported commit %lld s into the recording)",
                    round, static_cast<long long>(delayMs), early ? "the start" : "the first progress line",
                    static_cast<long long>((through - start) / core::kMicrosPerSecond));
                return;
            }
            QFile::remove(path);
            QFile::remove(store::Cache::keyFilePath(path));
        }
        qInfo("%d rounds in %.1f s: %d killed (%d before any progress line, %d after), longest committed span %lld s",
            kRounds, static_cast<double>(total.elapsed()) / 1000.0, killed, killedBeforeProgress, killedAfterProgress,
            static_cast<long long>(longest / core::kMicrosPerSecond));
        // The schedule must actually exercise crashes, at both kinds of moment.
        QVERIFY(killed >= kRounds * 9 / 10);
        QVERIFY(killedAfterProgress >= kRounds / 2);
        QVERIFY(killedBeforeProgress >= 1);
    }
};

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
