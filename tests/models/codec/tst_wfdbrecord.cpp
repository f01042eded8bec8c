#include "codec/wavecodec.h"
#include "codec/wfdbrecord.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <random>
#include <vector>

using vigil::codec::WaveCodec;
using vigil::codec::WfdbRecord;
using vigil::codec::WfdbSignal;

using Samples = std::vector<qint32>;

namespace {

QString dataPath(const QString& name)
{
    return QStringLiteral(VIGIL_TEST_DATA_DIR "/") + name;
}

WfdbRecord openRecord(const QString& name)
{
    QString error;
    auto record = WfdbRecord::open(dataPath(name + QStringLiteral(".hea")), &error);
    if (!record)
        qFatal("cannot open %s: %s", qPrintable(name), qPrintable(error));
    return *record;
}

Samples read(const WfdbRecord& record, int signal)
{
    Samples samples;
    QString error;
    if (!record.readSamples(signal, samples, &error))
        qFatal("cannot read signal %d: %s", signal, qPrintable(error));
    return samples;
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

} // namespace

class TestWfdbRecord : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void record100Header();
    void record100FirstSamples();
    void checksumsMatchHeaders_data();
    void checksumsMatchHeaders();
    void scipyEcg208Physical();
    void binformatsEveryFormat_data();
    void binformatsEveryFormat();
    void threeChannelsOddSampleCount();
    void byteOffset();
    void format80AndBaseTime();
    void multiFrequency();
    void skew();
    void invalidSamples_data();
    void invalidSamples();
    void format8Differences();
    void partialFramesAreDropped();
    void decodeFormatRefusesBadLayouts();
    void malformedHeaders_data();
    void malformedHeaders();
    void headerDefaults();
    void headerTolerance();
    void readErrors();
    void garbageHeadersNeverCrash();
};

void TestWfdbRecord::record100Header()
{
    const WfdbRecord r = openRecord(QStringLiteral("100"));
    QCOMPARE(r.name(), QStringLiteral("100"));
    QCOMPARE(r.signalCount(), 2);
    QCOMPARE(r.frequency(), 360.0);
    QCOMPARE(r.sampleCount(), qint64(650000));
    QVERIFY(!r.baseTime().isValid());
    QVERIFY(!r.baseDate().isValid());
    const QStringList descriptions{QStringLiteral("MLII"), QStringLiteral("V5")};
    const qint32 initial[] = {995, 1011};
    const qint32 checksums[] = {-22131, 20052};
    for (int i = 0; i < 2; ++i) {
        const WfdbSignal& s = r.signal(i);
        QCOMPARE(s.fileName, QStringLiteral("100.dat"));
        QCOMPARE(s.format, 212);
        QCOMPARE(s.samplesPerFrame, 1);
        QCOMPARE(s.skew, 0);
        QCOMPARE(s.byteOffset, qint64(0));
        QCOMPARE(s.gain, 200.0);
        QVERIFY(!s.gainDefaulted);
        QCOMPARE(s.adcResolution, 11);
        QCOMPARE(s.adcZero, 1024);
        QCOMPARE(s.baseline, 1024); // none in the header: ADC zero
        QCOMPARE(s.units, QStringLiteral("mV"));
        QCOMPARE(s.initialValue, initial[i]);
        QCOMPARE(s.checksum, std::optional<qint32>(checksums[i]));
        QCOMPARE(s.blockSize, 0);
        QCOMPARE(s.description, descriptions[i]);
        QCOMPARE(r.signalFrequency(i), 360.0);
    }
    QCOMPARE(r.comments().size(), 3);
}

void TestWfdbRecord::record100FirstSamples()
{
    // The first bytes of 100.dat are e3 33 f3 (repeated): format 212 packs MLII sample 0 into byte 0
    // plus the low nibble of byte 1 (0xe3 + 0x3 * 256 = 995) and V5 sample 0 into byte 2 plus the
    // high nibble of byte 1 (0xf3 + 0x3 * 256 = 1011), matching the header's initial values.
    QFile dat(dataPath(QStringLiteral("100.dat")));
    QVERIFY(dat.open(QIODevice::ReadOnly));
    const QByteArray head = dat.read(3);
    QCOMPARE(head, QByteArray::fromHex("e333f3"));
    QCOMPARE(0xe3 + (0x33 & 0x0f) * 256, 995);
    QCOMPARE(0xf3 + (0x33 >> 4) * 256, 1011);

    const WfdbRecord r = openRecord(QStringLiteral("100"));
    const Samples mlii = read(r, 0);
    const Samples v5 = read(r, 1);
    QCOMPARE(mlii.size(), std::size_t(650000));
    QCOMPARE(v5.size(), std::size_t(650000));
    // As rdsamp -r mitdb/100 prints them.
    QCOMPARE(Samples(mlii.begin(), mlii.begin() + 10), (Samples{995, 995, 995, 995, 995, 995, 995, 995, 1000, 997}));
    QCOMPARE(
        Samples(v5.begin(), v5.begin() + 10), (Samples{1011, 1011, 1011, 1011, 1011, 1011, 1011, 1011, 1008, 1008}));
    QCOMPARE(r.physical(0, mlii[0]), -0.145); // (995 - 1024) / 200
    QVERIFY(std::isnan(r.physical(0, WaveCodec::kInvalid)));
}

void TestWfdbRecord::checksumsMatchHeaders_data()
{
    // The header checksum is the 16-bit sum of every sample of the signal: matching it proves the
    // whole file decoded right, not just its start.
    QTest::addColumn<QString>("record");
    for (const char* name : {"100", "100_3chan", "scipy_ecg_208", "binformats", "a103l", "3000003_0003", "041s01"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void TestWfdbRecord::checksumsMatchHeaders()
{
    QFETCH(QString, record);
    const WfdbRecord r = openRecord(record);
    QVERIFY(r.signalCount() > 0);
    for (int i = 0; i < r.signalCount(); ++i) {
        const WfdbSignal& s = r.signal(i);
        const Samples samples = read(r, i);
        QCOMPARE(qint64(samples.size()), r.sampleCount() * s.samplesPerFrame);
        QCOMPARE(samples.front(), s.initialValue);
        QVERIFY(s.checksum.has_value());
        QCOMPARE(WfdbRecord::checksum(s.format, samples), *s.checksum);
    }
}

void TestWfdbRecord::scipyEcg208Physical()
{
    const WfdbRecord r = openRecord(QStringLiteral("scipy_ecg_208"));
    QCOMPARE(r.signalCount(), 1);
    QCOMPARE(r.signal(0).format, 16);
    QCOMPARE(r.signal(0).baseline, 1024);
    QCOMPARE(r.signal(0).units, QStringLiteral("mV"));
    const Samples s = read(r, 0);
    QCOMPARE(s.size(), std::size_t(108000));
    QCOMPARE(r.physical(0, s[0]), -0.245);
    QCOMPARE(r.physical(0, s[1]), -0.215);
    QCOMPARE(r.physical(0, s[2]), -0.185);
    double sum = 0;
    for (const qint32 v : s)
        sum += r.physical(0, v);
    const double mean = sum / double(s.size());
    double squares = 0;
    for (const qint32 v : s)
        squares += (r.physical(0, v) - mean) * (r.physical(0, v) - mean);
    const double sd = std::sqrt(squares / double(s.size())); // population SD, as numpy's std()
    qInfo("scipy_ecg_208: mean %.8f mV, SD %.8f mV", mean, sd);
    QVERIFY(std::abs(mean - -0.16510875) <= 1e-6);
    QVERIFY(std::abs(sd - 0.59924740) <= 1e-6);
}

void TestWfdbRecord::binformatsEveryFormat_data()
{
    QTest::addColumn<int>("signal");
    QTest::addColumn<int>("format");
    QTest::addColumn<qint32>("step"); // between successive samples, modulo the range
    const int formats[] = {8, 16, 61, 80, 160, 212, 310, 311, 24, 32};
    const qint32 steps[] = {0, 524, 524, 14, 524, 284, 347, 347, 65804, 16843019};
    for (int i = 0; i < 10; ++i)
        QTest::addRow("d%d format %d", i, formats[i]) << i << formats[i] << steps[i];
}

void TestWfdbRecord::binformatsEveryFormat()
{
    // The binformats record is not one signal in ten formats: its header gives each file a different
    // initial value, resolution and checksum. Each signal d1-d9 is a sawtooth that steps by a constant
    // through its format's whole range (-(2^(b-1) - 1) .. 2^(b-1) - 1), wrapping modulo 2^b - 1, so it
    // never hits the format's invalid value; d0 (format 8, first differences limited to -128..127)
    // approximates a 12-bit sawtooth. Assert that structure, and the checksums (checksumsMatchHeaders).
    QFETCH(int, signal);
    QFETCH(int, format);
    QFETCH(qint32, step);
    const WfdbRecord r = openRecord(QStringLiteral("binformats"));
    QCOMPARE(r.signalCount(), 10);
    QCOMPARE(r.sampleCount(), qint64(499));
    const WfdbSignal& s = r.signal(signal);
    QCOMPARE(s.format, format);
    QCOMPARE(s.gain, 200.0);
    QCOMPARE(s.baseline, 0);
    QCOMPARE(s.description, QStringLiteral("sig %1, fmt %2").arg(signal).arg(format));
    const Samples v = read(r, signal);
    QCOMPARE(v.size(), std::size_t(499));
    QCOMPARE(v.front(), s.initialValue);
    QCOMPARE(r.physical(signal, v[1]), double(v[1]) / 200.0);
    if (format == 8) {
        for (std::size_t i = 1; i < v.size(); ++i) {
            QVERIFY(v[i] - v[i - 1] >= -128 && v[i] - v[i - 1] <= 127);
            QVERIFY(std::abs(v[i]) <= 2047);
        }
        return;
    }
    const qint64 bits = s.adcResolution;
    const qint64 modulus = (qint64(1) << bits) - 1;
    const qint64 limit = (qint64(1) << (bits - 1)) - 1;
    for (std::size_t i = 0; i < v.size(); ++i) {
        QVERIFY(v[i] != WaveCodec::kInvalid);
        QVERIFY(qAbs(qint64(v[i])) <= limit);
        if (i > 0)
            QCOMPARE(((qint64(v[i]) - v[i - 1] - step) % modulus + modulus) % modulus, qint64(0));
    }
}

void TestWfdbRecord::threeChannelsOddSampleCount()
{
    // 3 signals x 999 samples = 2997 samples in format 212: the last pair is half empty, so the file is
    // 1498 x 3 + 2 bytes.
    const WfdbRecord r = openRecord(QStringLiteral("100_3chan"));
    QCOMPARE(r.signalCount(), 3);
    QCOMPARE(r.sampleCount(), qint64(999));
    QCOMPARE(r.frequency(), 360.0);
    QCOMPARE(QFileInfo(dataPath(QStringLiteral("100_3chan.dat"))).size(), qint64(1498 * 3 + 2));
    QCOMPARE(r.signal(0).units, QStringLiteral("mV"));
    QCOMPARE(r.signal(0).baseline, 1024);
    const Samples i = read(r, 0);
    const Samples ii = read(r, 1);
    const Samples iii = read(r, 2);
    QCOMPARE(i.size(), std::size_t(999));
    QCOMPARE(iii.size(), std::size_t(999));
    // Made from record 100: I and III are MLII, II is V5.
    const WfdbRecord full = openRecord(QStringLiteral("100"));
    const Samples mlii = read(full, 0);
    const Samples v5 = read(full, 1);
    QVERIFY(i == Samples(mlii.begin(), mlii.begin() + 999));
    QVERIFY(ii == Samples(v5.begin(), v5.begin() + 999));
    QVERIFY(iii == i);
}

void TestWfdbRecord::byteOffset()
{
    const WfdbRecord r = openRecord(QStringLiteral("a103l"));
    QCOMPARE(r.signalCount(), 3);
    QCOMPARE(r.frequency(), 250.0);
    QCOMPARE(r.sampleCount(), qint64(82500));
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(r.signal(i).format, 16);
        QCOMPARE(r.signal(i).byteOffset, qint64(24));
        QCOMPARE(r.signal(i).fileName, QStringLiteral("a103l.mat"));
    }
    QCOMPARE(r.signal(0).gain, 7247.0);
    QCOMPARE(r.signal(1).gain, 10520.0); // written 1.052e+04
    QCOMPARE(r.signal(2).units, QStringLiteral("NU"));
    QCOMPARE(r.signal(2).description, QStringLiteral("PLETH"));
    QCOMPARE(r.comments(), (QStringList{QStringLiteral("Asystole"), QStringLiteral("False alarm")}));
    // The 24 bytes before the samples are a MATLAB header; the samples start right after them.
    const Samples ii = read(r, 0);
    QCOMPARE(Samples(ii.begin(), ii.begin() + 4), (Samples{-171, -268, -456, -670}));
    QCOMPARE(read(r, 1)[1], 10341);
    QCOMPARE(read(r, 2)[1], 6821);
}

void TestWfdbRecord::format80AndBaseTime()
{
    const WfdbRecord r = openRecord(QStringLiteral("3000003_0003"));
    QCOMPARE(r.frequency(), 125.0);
    QCOMPARE(r.sampleCount(), qint64(1028));
    QCOMPARE(r.baseTime(), QTime(19, 46, 25, 757));
    QVERIFY(!r.baseDate().isValid());
    QCOMPARE(r.signal(0).format, 80);
    QCOMPARE(r.signal(0).gain, 29.0);
    QCOMPARE(r.signal(0).adcResolution, 8);
    const Samples ii = read(r, 0);
    QCOMPARE(Samples(ii.begin(), ii.begin() + 4), (Samples{-5, -5, -6, -7}));
}

void TestWfdbRecord::multiFrequency()
{
    // 041s01: three ECG leads at 4 samples per frame (500 Hz) and four 125 Hz signals in one file.
    const WfdbRecord r = openRecord(QStringLiteral("041s01"));
    QCOMPARE(r.signalCount(), 7);
    QCOMPARE(r.frequency(), 125.0);
    QCOMPARE(r.sampleCount(), qint64(1000));
    QCOMPARE(r.baseTime(), QTime(8, 26, 4));
    QCOMPARE(r.baseDate(), QDate(1994, 10, 26));
    for (int i = 0; i < 7; ++i) {
        const int perFrame = i < 3 ? 4 : 1;
        QCOMPARE(r.signal(i).samplesPerFrame, perFrame);
        QCOMPARE(r.signalFrequency(i), 125.0 * perFrame);
        QCOMPARE(read(r, i).size(), std::size_t(1000 * perFrame));
    }
    QCOMPARE(r.signal(3).units, QStringLiteral("mmHg"));
    QCOMPARE(r.signal(3).baseline, -1600);
    QCOMPARE(r.physical(3, -242), 67.9); // (-242 + 1600) / 20
    const Samples lead = read(r, 1);
    QCOMPARE(Samples(lead.begin(), lead.begin() + 5), (Samples{2, -20, -64, -86, -42}));
}

void TestWfdbRecord::skew()
{
    // Two format-16 signals in one file; signal 1 is skewed by 2 frames: its sample 0 is stored in
    // frame 2, and its last two samples are past the end of the file (invalid).
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QByteArray dat;
    for (qint16 f = 0; f < 6; ++f) {
        const qint16 a = qint16(100 + f);
        const qint16 b = qint16(200 + f);
        dat.append(char(a & 0xff)).append(char(a >> 8)).append(char(b & 0xff)).append(char(b >> 8));
    }
    writeFile(dir.filePath(QStringLiteral("sk.dat")), dat);
    const QByteArray header = "sk 2 100 6\nsk.dat 16 100 16 0 100\nsk.dat 16:2 100 16 0 202\n";
    QString error;
    auto r = WfdbRecord::parseHeader(header, dir.path(), &error);
    QVERIFY2(r, qPrintable(error));
    QCOMPARE(r->signal(1).skew, 2);
    QCOMPARE(read(*r, 0), (Samples{100, 101, 102, 103, 104, 105}));
    constexpr qint32 x = WaveCodec::kInvalid;
    QCOMPARE(read(*r, 1), (Samples{202, 203, 204, 205, x, x}));
}

void TestWfdbRecord::invalidSamples_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<Samples>("expected");
    constexpr qint32 x = WaveCodec::kInvalid;
    // Each row: a valid sample, the format's invalid value, another valid sample.
    QTest::newRow("16") << 16
                        << QByteArray::fromHex("0100"
                                               "0080"
                                               "ffff")
                        << Samples{1, x, -1};
    QTest::newRow("61") << 61
                        << QByteArray::fromHex("0001"
                                               "8000"
                                               "ffff")
                        << Samples{1, x, -1};
    QTest::newRow("80") << 80
                        << QByteArray::fromHex("81"
                                               "00"
                                               "7f")
                        << Samples{1, x, -1};
    QTest::newRow("160") << 160
                         << QByteArray::fromHex("0180"
                                                "0000"
                                                "ff7f")
                         << Samples{1, x, -1};
    QTest::newRow("24") << 24
                        << QByteArray::fromHex("010000"
                                               "000080"
                                               "ffffff")
                        << Samples{1, x, -1};
    QTest::newRow("32") << 32
                        << QByteArray::fromHex("01000000"
                                               "00000080"
                                               "ffffffff")
                        << Samples{1, x, -1};
    // 212: 1 and -2048 (0x800) in the first triplet, -1 (0xfff) alone in two bytes.
    QTest::newRow("212") << 212
                         << QByteArray::fromHex("018000"
                                                "ff0f")
                         << Samples{1, x, -1};
    // 310: words w0 = 1 << 1 | (0x3ff >> 0 & 0x1f) << 11, w1 = 0x200 << 1 | (0x3ff >> 5) << 11:
    // samples 1, -512, -1.
    QTest::newRow("310") << 310
                         << QByteArray::fromHex("02f8"
                                                "00fc")
                         << Samples{1, x, -1};
    // 311: word = 1 | 0x200 << 10 | 0x3ff << 20.
    QTest::newRow("311") << 311 << QByteArray::fromHex("0100f83f") << Samples{1, x, -1};
}

void TestWfdbRecord::invalidSamples()
{
    QFETCH(int, format);
    QFETCH(QByteArray, bytes);
    QFETCH(Samples, expected);
    const int perFrame[] = {1};
    std::vector<Samples> out;
    QString error;
    QVERIFY2(WfdbRecord::decodeFormat(format, bytes, perFrame, {}, -1, out, &error), qPrintable(error));
    QCOMPARE(out.size(), std::size_t(1));
    QCOMPARE(out[0], expected);
    QCOMPARE(WfdbRecord::invalidValue(format).has_value(), true);
}

void TestWfdbRecord::format8Differences()
{
    // Two signals, first differences per signal, starting from each signal's initial value.
    const int perFrame[] = {1, 1};
    const qint32 initial[] = {100, -50};
    std::vector<Samples> out;
    QVERIFY(WfdbRecord::decodeFormat(8,
        QByteArray::fromHex("0000"
                            "05ff"
                            "80 7f"),
        perFrame, initial, -1, out));
    QCOMPARE(out[0], (Samples{100, 105, -23}));
    QCOMPARE(out[1], (Samples{-50, -51, 76}));
    QVERIFY(!WfdbRecord::invalidValue(8).has_value());
    // Garbage cannot overflow: the running value wraps.
    const qint32 large[] = {std::numeric_limits<qint32>::max(), 0};
    QVERIFY(WfdbRecord::decodeFormat(8, QByteArray::fromHex("7f00"), perFrame, large, -1, out));
    QCOMPARE(out[0].size(), std::size_t(1));
}

void TestWfdbRecord::partialFramesAreDropped()
{
    // Signals of 2 and 1 samples per frame in format 16: 6 bytes a frame. 29 bytes hold 14 samples,
    // so 4 whole frames; the 2 samples of the fifth frame are dropped.
    const int perFrame[] = {2, 1};
    QByteArray bytes(29, '\0');
    for (int i = 0; i < 14; ++i)
        bytes[2 * i] = char(i);
    std::vector<Samples> out;
    QVERIFY(WfdbRecord::decodeFormat(16, bytes, perFrame, {}, -1, out));
    QCOMPARE(out[0], (Samples{0, 1, 3, 4, 6, 7, 9, 10}));
    QCOMPARE(out[1], (Samples{2, 5, 8, 11}));
    QVERIFY(WfdbRecord::decodeFormat(16, bytes, perFrame, {}, 1, out)); // at most one frame
    QCOMPARE(out[0], (Samples{0, 1}));
    QCOMPARE(out[1], (Samples{2}));
    QVERIFY(WfdbRecord::decodeFormat(16, QByteArrayView(), perFrame, {}, -1, out));
    QVERIFY(out[0].empty() && out[1].empty());
}

void TestWfdbRecord::decodeFormatRefusesBadLayouts()
{
    std::vector<Samples> out;
    QString error;
    const int one[] = {1};
    QVERIFY(!WfdbRecord::decodeFormat(516, QByteArray(4, 'x'), one, {}, -1, out, &error));
    QVERIFY(error.contains(QStringLiteral("516")));
    QVERIFY(!WfdbRecord::decodeFormat(0, QByteArray(4, 'x'), one, {}, -1, out, &error));
    QVERIFY(!WfdbRecord::decodeFormat(16, QByteArray(4, 'x'), {}, {}, -1, out, &error));
    const int zero[] = {0};
    QVERIFY(!WfdbRecord::decodeFormat(16, QByteArray(4, 'x'), zero, {}, -1, out, &error));
    const int negative[] = {-3};
    QVERIFY(!WfdbRecord::decodeFormat(16, QByteArray(4, 'x'), negative, {}, -1, out, &error));
    const qint32 twoInitial[] = {0, 0};
    QVERIFY(!WfdbRecord::decodeFormat(8, QByteArray(4, 'x'), one, twoInitial, -1, out, &error));
    QVERIFY(out.empty());
}

void TestWfdbRecord::malformedHeaders_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("message"); // part of the expected error

    const QByteArray sig = "\nr.dat 212 200 12 0 0 0 0 x";
    QTest::newRow("empty") << QByteArray() << QStringLiteral("no record line");
    QTest::newRow("only comments") << QByteArray("# a\n  # b\n\n") << QStringLiteral("no record line");
    QTest::newRow("no signal count") << QByteArray("r") << QStringLiteral("number of signals");
    QTest::newRow("bad signal count") << QByteArray("r x") << QStringLiteral("number of signals");
    QTest::newRow("negative signal count") << QByteArray("r -1") << QStringLiteral("number of signals");
    QTest::newRow("huge signal count") << QByteArray("r 99999999999999999999") << QStringLiteral("number of signals");
    QTest::newRow("signal lines missing") << QByteArray("r 3 360 10") + sig << QStringLiteral("declares 3 signals");
    QTest::newRow("extra signal line") << QByteArray("r 1 360 10") + sig + sig << QStringLiteral("unexpected line");
    QTest::newRow("zero frequency") << QByteArray("r 1 0 10") + sig << QStringLiteral("sampling frequency");
    QTest::newRow("negative frequency") << QByteArray("r 1 -360") + sig << QStringLiteral("sampling frequency");
    QTest::newRow("nan frequency") << QByteArray("r 1 nan") + sig << QStringLiteral("sampling frequency");
    QTest::newRow("text frequency") << QByteArray("r 1 fast") + sig << QStringLiteral("sampling frequency");
    QTest::newRow("bad counter frequency") << QByteArray("r 1 360/x") + sig << QStringLiteral("counter frequency");
    QTest::newRow("unclosed base counter") << QByteArray("r 1 360/10(5") + sig << QStringLiteral("counter frequency");
    QTest::newRow("negative sample count") << QByteArray("r 1 360 -5") + sig << QStringLiteral("number of samples");
    QTest::newRow("huge sample count") << QByteArray("r 1 360 9223372036854775807") + sig
                                       << QStringLiteral("number of samples");
    QTest::newRow("bad base time") << QByteArray("r 1 360 10 25:99:00") + sig << QStringLiteral("base time");
    QTest::newRow("bad base date") << QByteArray("r 1 360 10 10:00:00 31/02/2020") + sig << QStringLiteral("base date");
    QTest::newRow("too many record fields")
        << QByteArray("r 1 360 10 10:00:00 01/01/2020 extra") + sig << QStringLiteral("fields");
    QTest::newRow("multi-segment") << QByteArray("041s/2 7 125 2000\n041s01 1000\n041s02 1000")
                                   << QStringLiteral("multi-segment");
    QTest::newRow("signal line without format") << QByteArray("r 1\nr.dat") << QStringLiteral("no format");
    QTest::newRow("unknown format") << QByteArray("r 1\nr.dat 999") << QStringLiteral("unknown format 999");
    QTest::newRow("FLAC format") << QByteArray("r 1\nr.dat 516") << QStringLiteral("FLAC");
    QTest::newRow("text format") << QByteArray("r 1\nr.dat abc") << QStringLiteral("invalid format");
    QTest::newRow("empty samples per frame") << QByteArray("r 1\nr.dat 212x") << QStringLiteral("samples per frame");
    QTest::newRow("zero samples per frame") << QByteArray("r 1\nr.dat 212x0") << QStringLiteral("samples per frame");
    QTest::newRow("huge samples per frame")
        << QByteArray("r 1\nr.dat 212x99999999") << QStringLiteral("samples per frame");
    QTest::newRow("empty skew") << QByteArray("r 1\nr.dat 212:") << QStringLiteral("skew");
    QTest::newRow("empty offset") << QByteArray("r 1\nr.dat 16+") << QStringLiteral("byte offset");
    QTest::newRow("offset overflow") << QByteArray("r 1\nr.dat 16+99999999999999999999")
                                     << QStringLiteral("byte offset");
    QTest::newRow("format junk") << QByteArray("r 1\nr.dat 16+24junk") << QStringLiteral("invalid format");
    QTest::newRow("path in file name") << QByteArray("r 1\n../etc/r.dat 212") << QStringLiteral("plain file name");
    QTest::newRow("absolute file name") << QByteArray("r 1\n/tmp/r.dat 212") << QStringLiteral("plain file name");
    QTest::newRow("backslash file name") << QByteArray("r 1\n..\\r.dat 212") << QStringLiteral("plain file name");
    QTest::newRow("text gain") << QByteArray("r 1\nr.dat 212 abc/mV") << QStringLiteral("invalid gain");
    QTest::newRow("negative gain") << QByteArray("r 1\nr.dat 212 -200") << QStringLiteral("invalid gain");
    QTest::newRow("infinite gain") << QByteArray("r 1\nr.dat 212 inf") << QStringLiteral("invalid gain");
    QTest::newRow("text baseline") << QByteArray("r 1\nr.dat 212 200(x)/mV") << QStringLiteral("baseline");
    QTest::newRow("unclosed baseline") << QByteArray("r 1\nr.dat 212 200(10/mV") << QStringLiteral("invalid gain");
    QTest::newRow("junk after baseline") << QByteArray("r 1\nr.dat 212 200(10)mV") << QStringLiteral("invalid gain");
    QTest::newRow("bad resolution") << QByteArray("r 1\nr.dat 212 200 twelve") << QStringLiteral("resolution");
    QTest::newRow("bad ADC zero") << QByteArray("r 1\nr.dat 212 200 12 3000000000") << QStringLiteral("ADC zero");
    QTest::newRow("bad initial value") << QByteArray("r 1\nr.dat 212 200 12 0 1.5") << QStringLiteral("initial value");
    QTest::newRow("bad checksum") << QByteArray("r 1\nr.dat 212 200 12 0 0 x") << QStringLiteral("checksum");
    QTest::newRow("bad block size") << QByteArray("r 1\nr.dat 212 200 12 0 0 0 -1") << QStringLiteral("block size");
    QTest::newRow("placeholders in header text")
        << QByteArray("r 1\nr.dat 212 %2%1\xb2/mV") << QStringLiteral("\"%2%1\u00b2/mV\" for signal 0");
    QTest::newRow("placeholders in a file name")
        << QByteArray("r 1 360 10\n%1.dat 16+99 200 16 0 0 0 0 %2\nx") << QStringLiteral("unexpected line");
    QTest::newRow("mixed formats in one file") << QByteArray("r 2\nr.dat 212\nr.dat 16") << QStringLiteral("shares");
    QTest::newRow("file on non-consecutive lines")
        << QByteArray("r 3\na.dat 16\nb.dat 16\na.dat 16") << QStringLiteral("consecutive");
}

void TestWfdbRecord::malformedHeaders()
{
    QFETCH(QByteArray, header);
    QFETCH(QString, message);
    QString error;
    const auto record = WfdbRecord::parseHeader(header, QStringLiteral("/nonexistent"), &error);
    QVERIFY(!record);
    QVERIFY2(error.contains(message), qPrintable(error));
    QVERIFY(error.startsWith(QStringLiteral("WFDB header line ")));
}

void TestWfdbRecord::headerDefaults()
{
    // Only the required fields: frequency 250, gain 200 (flagged), resolution by format, ADC zero 0,
    // baseline and initial value = ADC zero, units mV, description "record R, signal N".
    QString error;
    const auto r = WfdbRecord::parseHeader("r 3\na.dat 212\nb.dat 310 0\nc.dat 80 12.5(-3) 0 7 \n", {}, &error);
    QVERIFY2(r, qPrintable(error));
    QCOMPARE(r->frequency(), 250.0);
    QCOMPARE(r->sampleCount(), qint64(0));
    QCOMPARE(r->signal(0).gain, 200.0);
    QVERIFY(r->signal(0).gainDefaulted);
    QCOMPARE(r->signal(0).adcResolution, 12);
    QCOMPARE(r->signal(0).adcZero, 0);
    QCOMPARE(r->signal(0).baseline, 0);
    QCOMPARE(r->signal(0).initialValue, 0);
    QCOMPARE(r->signal(0).units, QStringLiteral("mV"));
    QCOMPARE(r->signal(0).checksum, std::nullopt);
    QCOMPARE(r->signal(0).description, QStringLiteral("record r, signal 0"));
    QCOMPARE(r->signal(1).gain, 200.0); // gain 0: uncalibrated
    QVERIFY(r->signal(1).gainDefaulted);
    QCOMPARE(r->signal(1).adcResolution, 10);
    QCOMPARE(r->signal(2).gain, 12.5);
    QVERIFY(!r->signal(2).gainDefaulted);
    QCOMPARE(r->signal(2).baseline, -3);
    QCOMPARE(r->signal(2).adcResolution, 8);
    QCOMPARE(r->signal(2).adcZero, 7);
    QCOMPARE(r->signal(2).initialValue, 7);
    QCOMPARE(r->physical(2, 22), 2.0); // (22 + 3) / 12.5
}

void TestWfdbRecord::headerTolerance()
{
    // CRLF line ends, tabs, comments anywhere, blank lines, counter frequency and base counter,
    // Latin-1 units, a null signal ("~"), descriptions with spaces.
    const QByteArray header = "# made by hand\r\n"
                              "rec\t2 500/1000(-20) 7 8:05:00.5 1/2/2003\r\n"
                              "\r\n"
                              "~ 0 100/\xb0\x43 16 0 0 0 0 temp  probe\r\n"
                              "# between\r\n"
                              "rec.dat 16x2:1+512 100/uV 16 0 5 -3 1024 lead II\r\n"
                              "#after\r\n";
    QString error;
    const auto r = WfdbRecord::parseHeader(header, QStringLiteral("/tmp"), &error);
    QVERIFY2(r, qPrintable(error));
    QCOMPARE(r->name(), QStringLiteral("rec"));
    QCOMPARE(r->directory(), QStringLiteral("/tmp"));
    QCOMPARE(r->frequency(), 500.0);
    QCOMPARE(r->counterFrequency(), 1000.0);
    QCOMPARE(r->baseCounter(), -20.0);
    QCOMPARE(r->sampleCount(), qint64(7));
    QCOMPARE(r->baseTime(), QTime(8, 5, 0, 500));
    QCOMPARE(r->baseDate(), QDate(2003, 2, 1));
    QCOMPARE(r->signal(0).fileName, QStringLiteral("~"));
    QCOMPARE(r->signal(0).format, 0);
    QCOMPARE(r->signal(0).units, QStringLiteral("\u00b0C"));
    QCOMPARE(r->signal(0).description, QStringLiteral("temp  probe"));
    const WfdbSignal& s = r->signal(1);
    QCOMPARE(s.format, 16);
    QCOMPARE(s.samplesPerFrame, 2);
    QCOMPARE(s.skew, 1);
    QCOMPARE(s.byteOffset, qint64(512));
    QCOMPARE(s.units, QStringLiteral("uV"));
    QCOMPARE(s.initialValue, 5);
    QCOMPARE(s.checksum, std::optional<qint32>(-3));
    QCOMPARE(s.blockSize, 1024);
    QCOMPARE(s.description, QStringLiteral("lead II"));
    QCOMPARE(r->signalFrequency(1), 1000.0);
    QCOMPARE(r->comments(),
        (QStringList{QStringLiteral("made by hand"), QStringLiteral("between"), QStringLiteral("after")}));
    Samples out;
    QVERIFY(!r->readSamples(0, out, &error));
    QVERIFY(error.contains(QStringLiteral("not stored")));
}

void TestWfdbRecord::readErrors()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    Samples out{1};

    // Missing signal file.
    auto r = WfdbRecord::parseHeader("r 1 360 10\nmissing.dat 16\n", dir.path(), &error);
    QVERIFY2(r, qPrintable(error));
    QVERIFY(!r->readSamples(0, out, &error));
    QVERIFY(error.contains(QStringLiteral("missing.dat")));
    QVERIFY(out.empty());
    QVERIFY(!r->readSamples(1, out, &error));
    QVERIFY(!r->readSamples(-1, out, &error));

    // Fewer frames in the file than the header declares.
    writeFile(dir.filePath(QStringLiteral("short.dat")), QByteArray(10, '\0'));
    r = WfdbRecord::parseHeader("r 1 360 100\nshort.dat 16\n", dir.path(), &error);
    QVERIFY2(r, qPrintable(error));
    QVERIFY(!r->readSamples(0, out, &error));
    QVERIFY2(error.contains(QStringLiteral("holds 5 frames")), qPrintable(error));

    // Offset past the end of the file.
    r = WfdbRecord::parseHeader("r 1 360 1\nshort.dat 16+11\n", dir.path(), &error);
    QVERIFY2(r, qPrintable(error));
    QVERIFY(!r->readSamples(0, out, &error));
    QVERIFY(error.contains(QStringLiteral("past the end")));

    // No sample count: the whole file is read.
    r = WfdbRecord::parseHeader("r 1 360\nshort.dat 16\n", dir.path(), &error);
    QVERIFY2(r, qPrintable(error));
    QVERIFY2(r->readSamples(0, out, &error), qPrintable(error));
    QCOMPARE(out.size(), std::size_t(5));

    // A huge declared count does not allocate before the file is found short.
    r = WfdbRecord::parseHeader("r 1 360 100000000000\nshort.dat 16\n", dir.path(), &error);
    QVERIFY2(r, qPrintable(error));
    QVERIFY(!r->readSamples(0, out, &error));

    // Header text with %n markers reaches the message verbatim.
    writeFile(dir.filePath(QStringLiteral("%1%2.dat")), QByteArray(10, '\0'));
    r = WfdbRecord::parseHeader("r 1 360 100\n%1%2.dat 16+99\n", dir.path(), &error);
    QVERIFY2(r, qPrintable(error));
    QVERIFY(!r->readSamples(0, out, &error));
    QVERIFY2(error.contains(QStringLiteral("past the end of %1%2.dat (10 bytes)")), qPrintable(error));

    // A missing header file.
    QVERIFY(!WfdbRecord::open(dir.filePath(QStringLiteral("nope.hea")), &error));
    QVERIFY(error.contains(QStringLiteral("nope.hea")));
}

void TestWfdbRecord::garbageHeadersNeverCrash()
{
    // Random mutations of a real header: every result either parses or fails with a message.
    QFile file(dataPath(QStringLiteral("041s01.hea")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray original = file.readAll();
    const QByteArray alphabet = "0123456789 \t\n\r#/()+:x.-e~abc%\xb2\xff";
    std::mt19937 rng(11u);
    std::uniform_int_distribution<int> pick(0, int(alphabet.size()) - 1);
    int parsed = 0;
    for (int i = 0; i < 5000; ++i) {
        QByteArray mutated = original;
        std::uniform_int_distribution<int> where(0, int(mutated.size()) - 1);
        for (int m = 0; m < 1 + i % 8; ++m)
            mutated[where(rng)] = alphabet[pick(rng)];
        QString error;
        if (WfdbRecord::parseHeader(mutated, QStringLiteral("/nonexistent"), &error))
            ++parsed;
        else
            QVERIFY(!error.isEmpty());
    }
    qInfo("%d of 5000 mutated headers still parse", parsed);
}

QTEST_GUILESS_MAIN(TestWfdbRecord)
#include "tst_wfdbrecord.moc"
