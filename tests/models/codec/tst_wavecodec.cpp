#include "codec/wavecodec.h"
#include "codec/wfdbrecord.h"

#include <QElapsedTimer>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <random>
#include <vector>

using vigil::codec::WaveCodec;
using vigil::codec::WfdbRecord;

using Samples = std::vector<qint32>;

namespace {

constexpr qint32 kInvalid = WaveCodec::kInvalid;
constexpr qint32 kMin = std::numeric_limits<qint32>::min();
constexpr qint32 kMax = std::numeric_limits<qint32>::max();

QString dataPath(const char* name)
{
    return QStringLiteral(VIGIL_TEST_DATA_DIR "/") + QLatin1StringView(name);
}

// Both signals of MIT-BIH record 100 (360 Hz, 11-bit ECG), read with WfdbRecord.
const std::vector<Samples>& record100()
{
    static const std::vector<Samples> signals = [] {
        std::vector<Samples> result;
        QString error;
        const auto record = WfdbRecord::open(dataPath("100.hea"), &error);
        if (!record)
            qFatal("cannot open record 100: %s", qPrintable(error));
        for (int i = 0; i < record->signalCount(); ++i) {
            Samples s;
            if (!record->readSamples(i, s, &error))
                qFatal("cannot read record 100: %s", qPrintable(error));
            result.push_back(std::move(s));
        }
        return result;
    }();
    return signals;
}

Samples chunkOf(const Samples& signal, std::size_t start, std::size_t length)
{
    return Samples(signal.begin() + static_cast<std::ptrdiff_t>(start),
        signal.begin() + static_cast<std::ptrdiff_t>(start + length));
}

Samples roundTrip(const Samples& in, QString* error = nullptr)
{
    const QByteArray encoded = WaveCodec::encode(in);
    Samples out{-1, -2, -3}; // decode must replace, not append
    if (!WaveCodec::decode(encoded, out, error))
        return {-999};
    return out;
}

struct Compression
{
    qint64 samples = 0;
    qint64 bytes = 0;
    [[nodiscard]] double bytesPerSample() const { return samples ? double(bytes) / double(samples) : 0.0; }
};

// Encodes `signal` in chunks of `chunk` samples, checks each round-trips, and sums the sizes.
Compression compressInChunks(const Samples& signal, std::size_t chunk)
{
    Compression c;
    Samples decoded;
    for (std::size_t start = 0; start < signal.size(); start += chunk) {
        const Samples in = chunkOf(signal, start, std::min(chunk, signal.size() - start));
        const QByteArray encoded = WaveCodec::encode(in);
        QString error;
        if (!WaveCodec::decode(encoded, decoded, &error) || decoded != in) {
            qWarning("chunk at %zu does not round-trip: %s", start, qPrintable(error));
            return {};
        }
        c.samples += qint64(in.size());
        c.bytes += encoded.size();
    }
    return c;
}

} // namespace

class TestWaveCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void header();
    void tooManySamplesIsRefused();
    void leadOffIsCheap();
    void truncationFails();
    void trailingBytesFail();
    void bitFlipsNeverCrash();
    void garbageNeverCrashes();
    void hugeDeclaredCountsAreRefused_data();
    void hugeDeclaredCountsAreRefused();
    void mitBih100BytesPerSample();
    void ecg500HzBytesPerSample();
    void speed();
};

void TestWaveCodec::roundTrip_data()
{
    QTest::addColumn<Samples>("samples");
    std::mt19937 rng(20240611u);

    QTest::newRow("empty") << Samples{};
    QTest::newRow("one sample") << Samples{1234};
    QTest::newRow("one negative sample") << Samples{-7};
    QTest::newRow("two samples") << Samples{5, -5};
    QTest::newRow("three samples") << Samples{5, -5, 1 << 30};
    QTest::newRow("one invalid") << Samples{kInvalid};
    QTest::newRow("extremes") << Samples{kMin + 1, kMax, 0, -1, kMax, kMin + 1};
    QTest::newRow("constant") << Samples(360, 1024);
    QTest::newRow("zeros") << Samples(1000, 0);
    {
        Samples ramp(500);
        for (std::size_t i = 0; i < ramp.size(); ++i)
            ramp[i] = qint32(i) * 3 - 700;
        QTest::newRow("ramp") << ramp;
    }
    {
        Samples s(360);
        for (std::size_t i = 0; i < s.size(); ++i)
            s[i] = i % 2 ? kMax : kMin + 1;
        QTest::newRow("alternating extremes") << s;
    }
    {
        Samples s(1000);
        std::uniform_int_distribution<qint32> any(kMin, kMax);
        for (qint32& v : s)
            v = any(rng);
        QTest::newRow("random full range") << s; // may contain kInvalid: a run like any other
    }
    {
        Samples s(1000);
        std::uniform_int_distribution<qint32> any(kMin + 1, kMax);
        for (qint32& v : s)
            v = any(rng);
        QTest::newRow("random full range, no invalid") << s;
    }
    {
        Samples s(700);
        std::uniform_int_distribution<int> coin(0, 1);
        for (std::size_t i = 0; i < s.size(); ++i)
            s[i] = coin(rng) ? qint32(i) : (coin(rng) ? kMax : kMin + 1);
        QTest::newRow("wild jumps") << s;
    }
    {
        Samples s(5000);
        for (std::size_t i = 0; i < s.size(); ++i)
            s[i] = qint32(std::lround(2000.0 * std::sin(2.0 * std::numbers::pi * double(i) / 137.0)));
        QTest::newRow("sine") << s;
    }
    {
        Samples s(256);
        for (std::size_t i = 0; i < s.size(); ++i)
            s[i] = qint32(i) << 23; // large second differences: escapes and k near 31
        QTest::newRow("steep ramp") << s;
    }
    for (const int n : {63, 64, 65, 66, 127, 128, 129}) {
        Samples s(static_cast<std::size_t>(n));
        std::uniform_int_distribution<qint32> small(-50, 50);
        for (qint32& v : s)
            v = small(rng);
        QTest::addRow("block boundary %d", n) << s;
    }
    QTest::newRow("all invalid") << Samples(360, kInvalid);
    {
        Samples s(360, 900);
        std::fill(s.begin() + 100, s.begin() + 200, kInvalid);
        QTest::newRow("invalid run in the middle") << s;
    }
    {
        Samples s(360, 900);
        std::fill(s.begin(), s.begin() + 50, kInvalid);
        QTest::newRow("invalid run at the start") << s;
    }
    {
        Samples s(360, 900);
        std::fill(s.end() - 50, s.end(), kInvalid);
        QTest::newRow("invalid run at the end") << s;
    }
    {
        Samples s = chunkOf(record100()[0], 360 * 100, 360);
        for (std::size_t i = 3; i < s.size(); i += 7)
            s[i] = kInvalid;
        s[0] = kInvalid;
        s[359] = kInvalid;
        QTest::newRow("scattered invalid samples") << s;
    }
    {
        Samples s = chunkOf(record100()[0], 0, 3600);
        std::fill(s.begin() + 1000, s.begin() + 1720, kInvalid);
        QTest::newRow("ECG with lead off") << s;
    }
    QTest::newRow("ECG MLII, 1 s") << chunkOf(record100()[0], 360 * 500, 360);
    QTest::newRow("ECG V5, 1 s") << chunkOf(record100()[1], 360 * 900, 360);
    QTest::newRow("ECG MLII, 10 min") << chunkOf(record100()[0], 0, 360 * 600);
    {
        Samples s(static_cast<std::size_t>(WaveCodec::kMaxSamples));
        std::uniform_int_distribution<qint32> noise(-3, 3);
        for (std::size_t i = 0; i < s.size(); ++i)
            s[i] = qint32(i % 4096) + noise(rng);
        QTest::newRow("largest chunk") << s;
    }
}

void TestWaveCodec::roundTrip()
{
    QFETCH(Samples, samples);
    QString error;
    const Samples decoded = ::roundTrip(samples, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(decoded.size(), samples.size());
    QVERIFY(decoded == samples);
    const QByteArray encoded = WaveCodec::encode(samples);
    QCOMPARE(WaveCodec::sampleCount(encoded), std::optional<qsizetype>(qsizetype(samples.size())));
}

void TestWaveCodec::header()
{
    const QByteArray empty = WaveCodec::encode({});
    QCOMPARE(empty, QByteArray::fromHex("0100"));
    const Samples one{42};
    const QByteArray encoded = WaveCodec::encode(one);
    QCOMPARE(quint8(encoded.at(0)), WaveCodec::kVersion);
    QCOMPARE(WaveCodec::sampleCount(encoded), std::optional<qsizetype>(1));
    QCOMPARE(WaveCodec::sampleCount(QByteArray()), std::nullopt);
    QCOMPARE(WaveCodec::sampleCount(QByteArray::fromHex("0200")), std::nullopt); // version 2
    QCOMPARE(WaveCodec::sampleCount(QByteArray::fromHex("01")), std::nullopt);

    Samples out;
    QString error;
    QVERIFY(!WaveCodec::decode(QByteArray::fromHex("0200"), out, &error));
    QVERIFY(error.contains(QStringLiteral("version")));
    QVERIFY(!WaveCodec::decode(QByteArray(), out, &error));
    QVERIFY(!error.isEmpty());
}

void TestWaveCodec::tooManySamplesIsRefused()
{
    const Samples tooMany(std::size_t(WaveCodec::kMaxSamples) + 1, 0);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("exceeds")));
    QVERIFY(WaveCodec::encode(tooMany).isEmpty());
}

void TestWaveCodec::leadOffIsCheap()
{
    // A lead-off second costs a few bytes, and a lead-off stretch inside a chunk costs a few bytes
    // more than the chunk's valid samples alone.
    const QByteArray allOff = WaveCodec::encode(Samples(500, kInvalid));
    qInfo("500 invalid samples: %lld bytes", qlonglong(allOff.size()));
    QVERIFY(allOff.size() <= 8);

    const Samples ecg = chunkOf(record100()[0], 360 * 200, 720);
    Samples withGap = ecg;
    std::fill(withGap.begin() + 200, withGap.begin() + 560, kInvalid);
    Samples validOnly(ecg.begin(), ecg.begin() + 200);
    validOnly.insert(validOnly.end(), ecg.begin() + 560, ecg.end());
    const qsizetype gapBytes = WaveCodec::encode(withGap).size();
    const qsizetype validBytes = WaveCodec::encode(validOnly).size();
    qInfo("720 samples with 360 invalid: %lld bytes; the 360 valid alone: %lld bytes", qlonglong(gapBytes),
        qlonglong(validBytes));
    QVERIFY(gapBytes <= validBytes + 8);
}

void TestWaveCodec::truncationFails()
{
    // Every proper prefix of a real chunk must be refused: a prefix of a chunk is never a chunk.
    Samples withGap = chunkOf(record100()[0], 360 * 300, 360);
    std::fill(withGap.begin() + 100, withGap.begin() + 130, kInvalid);
    for (const Samples& samples :
        {chunkOf(record100()[0], 360 * 300, 360), withGap, Samples{7}, Samples(3, kInvalid)}) {
        const QByteArray encoded = WaveCodec::encode(samples);
        for (qsizetype length = 0; length < encoded.size(); ++length) {
            Samples out{1, 2, 3};
            QString error;
            const bool ok = WaveCodec::decode(QByteArrayView(encoded).first(length), out, &error);
            QVERIFY2(
                !ok, qPrintable(QStringLiteral("prefix of %1 bytes of %2 decoded").arg(length).arg(encoded.size())));
            QVERIFY(!error.isEmpty());
            QVERIFY(out.empty());
        }
    }
}

void TestWaveCodec::trailingBytesFail()
{
    const QByteArray encoded = WaveCodec::encode(chunkOf(record100()[1], 0, 360));
    Samples out;
    QString error;
    QVERIFY(WaveCodec::decode(encoded, out, &error));
    QByteArray withTrailingByte = encoded;
    withTrailingByte.append('\0');
    QVERIFY(!WaveCodec::decode(withTrailingByte, out, &error));
    QVERIFY(error.contains(QStringLiteral("unexpected")));
    QVERIFY(!WaveCodec::decode(QByteArray::fromHex("010000"), out, &error));
}

void TestWaveCodec::bitFlipsNeverCrash()
{
    // A flipped bit must either fail cleanly or decode to something of a sane size. (Run under ASan
    // and UBSan, e.g. the asan preset, to also prove no out-of-bounds read or overflow.)
    Samples withGap = chunkOf(record100()[0], 360 * 40, 360);
    std::fill(withGap.begin() + 10, withGap.begin() + 20, kInvalid);
    int failed = 0;
    int decoded = 0;
    for (const Samples& samples : {chunkOf(record100()[0], 360 * 40, 360), withGap}) {
        const QByteArray encoded = WaveCodec::encode(samples);
        for (qsizetype bit = 0; bit < encoded.size() * 8; ++bit) {
            QByteArray corrupt = encoded;
            corrupt[bit / 8] = char(corrupt[bit / 8] ^ (1 << (bit % 8)));
            Samples out;
            QString error;
            if (WaveCodec::decode(corrupt, out, &error)) {
                ++decoded;
                QVERIFY(qsizetype(out.size()) <= WaveCodec::kMaxSamples);
                QCOMPARE(WaveCodec::sampleCount(corrupt), std::optional<qsizetype>(qsizetype(out.size())));
            } else {
                ++failed;
                QVERIFY(!error.isEmpty());
            }
        }
    }
    qInfo("bit flips: %d refused, %d decoded (to other samples)", failed, decoded);
    QVERIFY(failed > 0);
}

void TestWaveCodec::garbageNeverCrashes()
{
    std::mt19937 rng(7u);
    std::uniform_int_distribution<int> byte(0, 255);
    std::uniform_int_distribution<int> length(0, 300);
    for (int i = 0; i < 20000; ++i) {
        QByteArray garbage(length(rng), Qt::Uninitialized);
        for (char& c : garbage)
            c = char(byte(rng));
        if (!garbage.isEmpty() && i % 2)
            garbage[0] = char(WaveCodec::kVersion); // get past the version check half the time
        Samples out;
        if (WaveCodec::decode(garbage, out))
            QVERIFY(qsizetype(out.size()) <= WaveCodec::kMaxSamples);
    }
}

void TestWaveCodec::hugeDeclaredCountsAreRefused_data()
{
    QTest::addColumn<QByteArray>("data");
    // version 1, count as LEB128 varint, ...
    QTest::newRow("count kMaxSamples + 1") << QByteArray::fromHex("0181804000");
    QTest::newRow("count 2^32 - 1") << QByteArray::fromHex("01ffffffff0f00");
    QTest::newRow("count over 32 bits") << QByteArray::fromHex("01ffffffff1f00");
    QTest::newRow("count never ends") << QByteArray::fromHex("01ffffffffffffff");
    QTest::newRow("kMaxSamples, no data") << QByteArray::fromHex("0180804000");
    QTest::newRow("kMaxSamples, order 0, 3 bytes") << QByteArray::fromHex("018080400000ffffff");
    QTest::newRow("huge run count") << QByteArray::fromHex("0180804080804000");
    QTest::newRow("run past the end") << QByteArray::fromHex("010a01050a");
    QTest::newRow("touching runs") << QByteArray::fromHex("010a0200010001");
    QTest::newRow("bad order") << QByteArray::fromHex("010a0003");
}

void TestWaveCodec::hugeDeclaredCountsAreRefused()
{
    QFETCH(QByteArray, data);
    Samples out;
    QString error;
    QVERIFY(!WaveCodec::decode(data, out, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(out.empty());
    QVERIFY(out.capacity() < 1024); // refused before allocating
}

void TestWaveCodec::mitBih100BytesPerSample()
{
    // Every 1-second chunk (360 samples) of both signals of MIT-BIH record 100.
    Compression total;
    const char* names[] = {"MLII", "V5"};
    for (std::size_t i = 0; i < record100().size(); ++i) {
        const Compression c = compressInChunks(record100()[i], 360);
        QVERIFY(c.samples == qint64(record100()[i].size()));
        qInfo("MIT-BIH 100 %s, 1 s chunks: %.4f bytes/sample (%.2f bits; format 212 stores 1.5 bytes)", names[i],
            c.bytesPerSample(), 8 * c.bytesPerSample());
        QVERIFY(c.bytesPerSample() <= 1.0);
        total.samples += c.samples;
        total.bytes += c.bytes;
    }
    qInfo("MIT-BIH 100, both signals: %lld samples in %lld bytes, %.4f bytes/sample", total.samples, total.bytes,
        total.bytesPerSample());
    QVERIFY(total.bytesPerSample() <= 1.0);
}

void TestWaveCodec::ecg500HzBytesPerSample()
{
    // MIMIC record 041s, segment 1: three ECG leads at 500 Hz (12-bit, gain 2000/mV, format 212x4), 8 s
    // each. Asserted on the three leads together: lead I is noisy enough that its prediction residual
    // alone needs about 8 bits a sample (mean |residual| 50 ADC units; a Laplacian of that spread has an
    // entropy of log2(2e x 50) = 8.1 bits), so no coder of independent residuals gets it under 1 byte.
    QString error;
    const auto record = WfdbRecord::open(dataPath("041s01.hea"), &error);
    QVERIFY2(record, qPrintable(error));
    Compression total;
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(record->signalFrequency(i), 500.0);
        Samples s;
        QVERIFY2(record->readSamples(i, s, &error), qPrintable(error));
        const Compression c = compressInChunks(s, 500);
        QCOMPARE(c.samples, qint64(s.size()));
        qInfo("MIMIC 041s ECG %s at 500 Hz, 1 s chunks: %.4f bytes/sample", qPrintable(record->signal(i).description),
            c.bytesPerSample());
        total.samples += c.samples;
        total.bytes += c.bytes;
    }
    qInfo("MIMIC 041s ECG at 500 Hz, three leads: %.4f bytes/sample", total.bytesPerSample());
    QVERIFY(total.bytesPerSample() <= 1.0);
}

void TestWaveCodec::speed()
{
    // Printed, not asserted (machines differ; see STYLE.md 17). Best of several passes over both
    // signals of record 100 in 1-second chunks, as the store writes them.
    std::vector<Samples> chunks;
    for (const Samples& signal : record100()) {
        for (std::size_t start = 0; start + 360 <= signal.size(); start += 360)
            chunks.push_back(chunkOf(signal, start, 360));
    }
    const double samples = double(chunks.size()) * 360.0;
    std::vector<QByteArray> encoded(chunks.size());
    qint64 bestEncode = std::numeric_limits<qint64>::max();
    qint64 bestDecode = std::numeric_limits<qint64>::max();
    Samples out;
    for (int pass = 0; pass < 7; ++pass) {
        QElapsedTimer timer;
        timer.start();
        for (std::size_t i = 0; i < chunks.size(); ++i)
            encoded[i] = WaveCodec::encode(chunks[i]);
        bestEncode = std::min(bestEncode, timer.nsecsElapsed());
        timer.restart();
        qint64 checksum = 0;
        for (const QByteArray& e : encoded) {
            if (!WaveCodec::decode(e, out))
                QFAIL("decode failed");
            checksum += out.back();
        }
        bestDecode = std::min(bestDecode, timer.nsecsElapsed());
        QVERIFY(checksum != 0);
    }
    qInfo("WaveCodec on MIT-BIH 100 in 360-sample chunks: encode %.1f Msamples/s, decode %.1f Msamples/s "
          "(best of 7 passes of %.1f M samples)",
        samples / double(bestEncode) * 1e3, samples / double(bestDecode) * 1e3, samples / 1e6);
}

QTEST_GUILESS_MAIN(TestWaveCodec)
#include "tst_wavecodec.moc"
