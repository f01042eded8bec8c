// store::WaveClustering on real encrypted caches: the same recording written to two caches, one
// with clustering and one without, reads back sample for sample and column for column the same;
// in the clustered one each stream's rows of a past hour have consecutive row ids (they sit on a
// few pages), in the other they are interleaved with the other streams'. The hour being written
// waits; a stream no longer written is done to its end; how far each stream got survives a
// restart; late data for an hour already done is stored and read back.
#include "core/streamkind.h"
#include "crypto/kdfparams.h"
#include "crypto/securebytes.h"
#include "store/cache.h"
#include "store/storereader.h"
#include "store/storewriter.h"
#include "store/streamdescriptor.h"
#include "store/waveclustering.h"
#include "waituntil.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <array>
#include <span>

using namespace vigil;
using store::StoreReader;
using store::StoreWriter;

namespace {

constexpr core::Timestamp kSecond = core::kMicrosPerSecond;
constexpr core::Timestamp kHour = 3600 * kSecond;
// 2025-10-09T08:53:20Z: the recording starts 6 min 40 s before 09:00 and runs 2.5 h, to 11:23:20.
constexpr core::Timestamp kT0 = 1'760'000'000LL * kSecond;
constexpr core::Timestamp kHour9 = kT0 + 400 * kSecond; // 09:00
constexpr int kSeconds = 9000;
// The third stream (360 Hz) is off for ten minutes from 09:30.
constexpr core::Timestamp kGapFrom = kHour9 + 1800 * kSecond;
constexpr core::Timestamp kGapTo = kGapFrom + 600 * kSecond;

struct StreamSpec
{
    int code;
    double rateHz;
};
constexpr std::array<StreamSpec, 3> kStreams{{{131328, 500}, {151562, 50}, {150452, 360}}};

crypto::SecureBytes passphrase()
{
    return crypto::SecureBytes::fromUtf8(QStringLiteral("correct horse battery"));
}

// One second of a stream: a deterministic, noisy signal (so chunks differ).
std::vector<qint32> second(int patient, std::size_t stream, core::Timestamp t)
{
    const auto n = static_cast<std::size_t>(kStreams[stream].rateHz);
    std::vector<qint32> out(n);
    quint32 x = static_cast<quint32>(t / kSecond) * 2654435761u + static_cast<quint32>(patient * 7 + stream);
    for (std::size_t i = 0; i < n; ++i) {
        x = x * 1664525u + 1013904223u;
        out[i] = static_cast<qint32>(i % 97) * 20 - 900 + static_cast<qint32>(x >> 26);
    }
    return out;
}

store::StreamDescriptor descriptor(std::size_t stream)
{
    store::StreamDescriptor d;
    d.code = kStreams[stream].code;
    d.label = QStringLiteral("S%1").arg(stream);
    d.unit = QStringLiteral("mV");
    d.rateHz = kStreams[stream].rateHz;
    d.gain = 200;
    return d;
}

StoreWriter::Config config(bool clustering)
{
    StoreWriter::Config c;
    c.pruning = false; // fixed 2025 times: retention would prune them
    c.clustering = clustering;
    c.clusterBudgetMs = 1000;
    return c;
}

constexpr int kWaitMs = 30000;

// How far WaveClustering has got with a stream (stream.clustered_us).
qint64 clusteredTo(StoreReader& reader, qint64 stream)
{
    const QByteArray sql = QStringLiteral("SELECT clustered_us FROM stream WHERE id = %1").arg(stream).toUtf8();
    return reader.database().queryInt(sql.constData());
}

// Row ids of one stream's rows in [from, to): whether they are consecutive (count == max - min + 1).
bool consecutive(StoreReader& reader, const char* table, qint64 stream, core::Timestamp from, core::Timestamp to)
{
    // The pyramid: the per-second blocks (level 1); the hour's one per-minute block stays where it is.
    const QString table_ = QString::fromLatin1(table);
    const QString level = table_ == QLatin1String("wave_pyramid") ? QStringLiteral(" AND level = 1") : QString();
    const QString where = QStringLiteral(" FROM %1 WHERE stream_id = %2 AND t_us >= %3 AND t_us < %4%5")
                              .arg(table_)
                              .arg(stream)
                              .arg(from)
                              .arg(to)
                              .arg(level);
    const QByteArray count = (QStringLiteral("SELECT count(*)") + where).toUtf8();
    const QByteArray spread = (QStringLiteral("SELECT max(rowid) - min(rowid) + 1") + where).toUtf8();
    const qint64 n = reader.database().queryInt(count.constData());
    return n > 1 && n == reader.database().queryInt(spread.constData());
}

} // namespace

class TestWaveClustering : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    std::unique_ptr<store::Cache> record(const QString& name, bool clustering, quint64& spans)
    {
        store::StoreError error;
        auto cache = store::Cache::create(m_dir.filePath(name), passphrase(), crypto::KdfParams::fast(), &error);
        if (!cache)
            return nullptr;
        StoreWriter writer(*cache, config(clustering));
        if (!writer.start())
            return nullptr;
        std::array<std::array<int, kStreams.size()>, 2> handles{};
        for (int p = 0; p < 2; ++p) {
            core::PatientIdentity identity;
            identity.id = QStringLiteral("cluster-%1").arg(p);
            const int patient = writer.registerPatient(identity);
            for (std::size_t s = 0; s < kStreams.size(); ++s)
                handles[static_cast<std::size_t>(p)][s] = writer.registerStream(patient, descriptor(s));
        }
        quint64 last = 0;
        for (int k = 0; k < kSeconds; ++k) {
            const core::Timestamp t = kT0 + k * kSecond;
            for (int p = 0; p < 2; ++p) {
                for (std::size_t s = 0; s < kStreams.size(); ++s) {
                    if (s == 2 && t >= kGapFrom && t < kGapTo)
                        continue;
                    const auto samples = second(p, s, t);
                    last = writer.appendSamples(handles[static_cast<std::size_t>(p)][s], t, samples, t);
                }
            }
        }
        if (!writer.waitCommitted(last, 60000))
            return nullptr;
        // Hours 08, 09 and 10 of each of the six streams are done once the writer has caught up
        // (11:00 is still being written).
        if (clustering && !test::waitUntil([&] { return writer.stats().clusteredSpans >= 18; }, kWaitMs))
            return nullptr;
        spans = writer.stats().clusteredSpans;
        if (!writer.stop())
            return nullptr;
        return cache;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void clusteredReadsBackTheSameWithEachHourTogether()
    {
        quint64 spans = 0;
        quint64 none = 0;
        auto clustered = record(QStringLiteral("clustered.vigil"), true, spans);
        QVERIFY(clustered);
        QCOMPARE(spans, quint64(18));
        auto plain = record(QStringLiteral("plain.vigil"), false, none);
        QVERIFY(plain);
        QCOMPARE(none, quint64(0));

        store::StoreError error;
        auto a = StoreReader::open(*clustered, &error);
        auto b = StoreReader::open(*plain, &error);
        QVERIFY(a && b);
        QCOMPARE(a->counts().chunks, b->counts().chunks);
        QCOMPARE(a->counts().pyramidBlocks, b->counts().pyramidBlocks);
        QCOMPARE(a->counts().samples, b->counts().samples);
        QCOMPARE(a->database().queryText("PRAGMA integrity_check"), QStringLiteral("ok"));
        const core::Timestamp end = kT0 + kSeconds * kSecond;
        // The ranges (first and last chunk), looked up by index.
        for (const auto& row : a->patients()) {
            QCOMPARE(row.firstData, kT0);
            QCOMPARE(row.lastData, end - kSecond);
        }
        for (int p = 0; p < 2; ++p) {
            const auto patientA = a->patientBySourceKey(QStringLiteral("cluster-%1").arg(p));
            const auto patientB = b->patientBySourceKey(QStringLiteral("cluster-%1").arg(p));
            QVERIFY(patientA && patientB);
            const auto streamsA = a->streams(patientA->id);
            const auto streamsB = b->streams(patientB->id);
            QCOMPARE(streamsA.size(), kStreams.size());
            QCOMPARE(streamsB.size(), kStreams.size());
            for (std::size_t s = 0; s < kStreams.size(); ++s) {
                const qint64 idA = streamsA[s].id;
                const qint64 idB = streamsB[s].id;
                QCOMPARE(a->streamRange(idA).first, kT0);
                QCOMPARE(a->streamRange(idA).last, end - kSecond);
                // Every sample at the same time with the same value.
                std::vector<StoreReader::SampleRun> runsA;
                std::vector<StoreReader::SampleRun> runsB;
                QVERIFY(a->samples(idA, kT0, end, runsA, &error));
                QVERIFY(b->samples(idB, kT0, end, runsB, &error));
                QCOMPARE(runsA.size(), runsB.size());
                QVERIFY(runsA.size() >= 8400); // 9000 s, less the gap of the third stream
                for (std::size_t r = 0; r < runsA.size(); ++r) {
                    QCOMPARE(runsA[r].firstSampleTime, runsB[r].firstSampleTime);
                    QVERIFY(runsA[r].samples == runsB[r].samples);
                }
                QCOMPARE(runsA[100].samples, second(p, s, kT0 + 100 * kSecond));
                // The overview from the pyramid, at a second and at a minute per column.
                for (int columns : {9000, 150, 1920}) {
                    std::vector<StoreReader::Column> colsA;
                    std::vector<StoreReader::Column> colsB;
                    QVERIFY(a->overview(idA, kT0, end, columns, colsA, &error));
                    QVERIFY(b->overview(idB, kT0, end, columns, colsB, &error));
                    for (std::size_t c = 0; c < colsA.size(); ++c) {
                        QCOMPARE(colsA[c].min, colsB[c].min);
                        QCOMPARE(colsA[c].max, colsB[c].max);
                    }
                }
                // Where the rows lie: each done hour's chunks and per-second blocks together in the
                // clustered cache, interleaved with the other streams' in the plain one.
                for (core::Timestamp hour : {kHour9, kHour9 + kHour}) {
                    QVERIFY(consecutive(*a, "wave_chunk", idA, hour, hour + kHour));
                    QVERIFY(consecutive(*a, "wave_pyramid", idA, hour, hour + kHour));
                    QVERIFY(!consecutive(*b, "wave_chunk", idB, hour, hour + kHour));
                }
                // The gap splits the third stream's hour 09 in two runs of rows, each together.
                if (s == 2) {
                    QVERIFY(consecutive(*a, "wave_chunk", idA, kHour9, kGapFrom));
                    QVERIFY(consecutive(*a, "wave_chunk", idA, kGapTo, kHour9 + kHour));
                }
                // 11:00 is not done: it was still being written.
                QVERIFY(!consecutive(*a, "wave_chunk", idA, kHour9 + 2 * kHour, end));
                QCOMPARE(clusteredTo(*a, idA), kHour9 + 2 * kHour);
            }
        }
    }

    // A second session: patient 0 is written again (late data into the gap of hour 09, already
    // done), patient 1 is not written any more: its last hour is done to the end; nothing is done
    // twice.
    void laterSessionsGoOnAndKeepLateData()
    {
        quint64 spans = 0;
        auto cache = record(QStringLiteral("later.vigil"), true, spans);
        QVERIFY(cache);
        StoreWriter writer(*cache, config(true));
        QVERIFY(writer.start());
        core::PatientIdentity identity;
        identity.id = QStringLiteral("cluster-0");
        const int patient = writer.registerPatient(identity);
        int late = 0;
        for (std::size_t s = 0; s < kStreams.size(); ++s)
            late = writer.registerStream(patient, descriptor(s)); // all live again; the last gets late data
        const core::Timestamp lateAt = kGapFrom + 60 * kSecond;
        const auto lateSamples = second(0, 2, lateAt);
        QVERIFY(writer.waitCommitted(writer.appendSamples(late, lateAt, lateSamples, lateAt), 10000));
        // Patient 1's three streams: hour 11 (to 11:23:20).
        QVERIFY(test::waitUntil(
            [&] { return writer.stats().clusteredSpans >= 3 && !writer.stats().clusteringPending; }, kWaitMs));
        QCOMPARE(writer.stats().clusteredSpans, quint64(3));
        QVERIFY(writer.stop());

        store::StoreError error;
        auto reader = StoreReader::open(*cache, &error);
        QVERIFY(reader);
        const auto p0 = reader->patientBySourceKey(QStringLiteral("cluster-0"));
        const auto p1 = reader->patientBySourceKey(QStringLiteral("cluster-1"));
        QVERIFY(p0 && p1);
        std::vector<StoreReader::SampleRun> runs;
        const qint64 stream = reader->streams(p0->id)[2].id;
        QVERIFY(reader->samples(stream, lateAt, lateAt + kSecond, runs, &error));
        QCOMPARE(runs.size(), std::size_t(1));
        QCOMPARE(runs[0].firstSampleTime, lateAt);
        QCOMPARE(runs[0].samples, lateSamples);
        for (const auto& row : reader->streams(p1->id)) {
            QCOMPARE(clusteredTo(*reader, row.id), kHour9 + 3 * kHour);
            QVERIFY(consecutive(*reader, "wave_chunk", row.id, kHour9 + 2 * kHour, kHour9 + 3 * kHour));
        }
        for (const auto& row : reader->streams(p0->id)) {
            QCOMPARE(clusteredTo(*reader, row.id), kHour9 + 2 * kHour);
        }
    }
};

QTEST_GUILESS_MAIN(TestWaveClustering)
#include "tst_waveclustering.moc"
