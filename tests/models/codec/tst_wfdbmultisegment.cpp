// Multi-segment WFDB records: the real MIMIC record 041s (fixed layout, two segments), checked
// against its segments read on their own and against values decoded independently (a plain
// format-212 decode of the segment files, done outside this code base); and synthetic
// variable-layout records with a layout header, a null segment, a missing signal and a segment
// calibrated differently.

#include "codec/wavecodec.h"
#include "codec/wfdbmultisegment.h"
#include "codec/wfdbrecord.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <random>
#include <vector>

using vigil::codec::WaveCodec;
using vigil::codec::WfdbMultiSegment;
using vigil::codec::WfdbRecord;

using Samples = std::vector<qint32>;

namespace {

QString dataPath(const QString& name)
{
    return QStringLiteral(VIGIL_TEST_DATA_DIR "/") + name;
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

// Format 16 (little-endian int16) frames of the given signals, interleaved one sample each.
QByteArray format16(const std::vector<Samples>& signalValues)
{
    QByteArray bytes;
    const std::size_t frames = signalValues.front().size();
    for (std::size_t f = 0; f < frames; ++f) {
        for (const Samples& s : signalValues) {
            char le[2];
            qToLittleEndian<qint16>(static_cast<qint16>(s[f]), le);
            bytes.append(le, 2);
        }
    }
    return bytes;
}

Samples range(qint32 first, int n)
{
    Samples v(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i)
        v[static_cast<std::size_t>(i)] = first + i;
    return v;
}

} // namespace

class TestWfdbMultiSegment : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void record041sLayout();
    void record041sEqualsItsSegments();
    void record041sIndependentValues();
    void variableLayoutGapsAndRescaling();
    void detection();
    void malformed_data();
    void malformed();
    void segmentErrors();
    void garbageNeverCrashes();
};

void TestWfdbMultiSegment::record041sLayout()
{
    QString error;
    const auto r = WfdbMultiSegment::open(dataPath(QStringLiteral("multi-segment/041s/041s.hea")), &error);
    QVERIFY2(r, qPrintable(error));
    QCOMPARE(r->name(), QStringLiteral("041s"));
    QCOMPARE(r->frequency(), 125.0);
    QCOMPARE(r->sampleCount(), qint64(2000));
    QVERIFY(!r->hasLayoutSegment());
    QCOMPARE(r->segments().size(), std::size_t(2));
    QCOMPARE(r->segments()[1].startFrame, qint64(1000));
    QCOMPARE(r->baseTime(), QTime(8, 26, 4));
    QCOMPARE(r->baseDate(), QDate(1994, 10, 26));
    QCOMPARE(r->signalCount(), 7);
    const QStringList expected{QStringLiteral("III"), QStringLiteral("I"), QStringLiteral("V"), QStringLiteral("ABP"),
        QStringLiteral("PAP"), QStringLiteral("PLETH"), QStringLiteral("RESP")};
    for (int j = 0; j < 7; ++j)
        QCOMPARE(r->signal(j).description, expected[j]);
    QCOMPARE(r->signalFrequency(0), 500.0); // ECG: 4 samples per frame
    QCOMPARE(r->signalFrequency(3), 125.0);
    QCOMPARE(r->signal(3).gain, 20.0);
    QCOMPARE(r->signal(3).baseline, -1600);
    QCOMPARE(r->signal(3).units, QStringLiteral("mmHg"));
    QVERIFY(r->warnings().isEmpty());
}

void TestWfdbMultiSegment::record041sEqualsItsSegments()
{
    QString error;
    const auto r = WfdbMultiSegment::open(dataPath(QStringLiteral("multi-segment/041s/041s.hea")), &error);
    QVERIFY2(r, qPrintable(error));
    const auto s1 = WfdbRecord::open(dataPath(QStringLiteral("multi-segment/041s/041s01.hea")), &error);
    const auto s2 = WfdbRecord::open(dataPath(QStringLiteral("multi-segment/041s/041s02.hea")), &error);
    QVERIFY(s1 && s2);
    for (int j = 0; j < 7; ++j) {
        Samples whole, a, b;
        QVERIFY2(r->readSamples(j, whole, &error), qPrintable(error));
        QVERIFY(s1->readSamples(j, a) && s2->readSamples(j, b));
        const std::size_t perFrame = static_cast<std::size_t>(r->signal(j).samplesPerFrame);
        QCOMPARE(whole.size(), 2000 * perFrame); // 8000 ECG samples, 2000 of the others
        QCOMPARE(a.size() + b.size(), whole.size());
        QVERIFY(std::equal(a.begin(), a.end(), whole.begin()));
        QVERIFY(std::equal(b.begin(), b.end(), whole.begin() + static_cast<std::ptrdiff_t>(a.size())));
        // One lead I sample of the second segment carries format 212's invalid value (-2048).
        QCOMPARE(std::count(whole.begin(), whole.end(), WaveCodec::kInvalid), j == 1 ? 1 : 0);
        // The first segment's checksum, as its header states it.
        QCOMPARE(
            WfdbRecord::checksum(212, Samples(whole.begin(), whole.begin() + static_cast<std::ptrdiff_t>(a.size()))),
            *s1->signal(j).checksum);
    }
}

void TestWfdbMultiSegment::record041sIndependentValues()
{
    QString error;
    const auto r = WfdbMultiSegment::open(dataPath(QStringLiteral("multi-segment/041s/041s.hea")), &error);
    QVERIFY2(r, qPrintable(error));
    Samples iii, ii, abp, resp;
    QVERIFY(r->readSamples(0, iii) && r->readSamples(1, ii) && r->readSamples(3, abp) && r->readSamples(6, resp));
    QCOMPARE(Samples(iii.begin(), iii.begin() + 4), (Samples{168, 168, 166, 164}));
    // Across the segment boundary (sample 4000 is the second segment's first, its header's initial value).
    QCOMPARE(iii.size(), std::size_t(8000));
    QCOMPARE(Samples(iii.begin() + 3998, iii.begin() + 4002), (Samples{-106, -104, -103, -102}));
    QCOMPARE(Samples(iii.end() - 2, iii.end()), (Samples{-34, -36}));
    QCOMPARE(Samples(ii.begin(), ii.begin() + 4), (Samples{2, -20, -64, -86}));
    QCOMPARE(Samples(abp.begin(), abp.begin() + 4), (Samples{-242, -188, -134, -78}));
    QCOMPARE(Samples(abp.begin() + 998, abp.begin() + 1002), (Samples{-703, -709, -715, -720}));
    QCOMPARE(Samples(resp.end() - 2, resp.end()), (Samples{-1132, -1126}));
    // ABP in mmHg: (digital - (-1600)) / 20.
    QCOMPARE(r->physical(3, -242), (-242.0 + 1600.0) / 20.0);
    QVERIFY(std::isnan(r->physical(3, WaveCodec::kInvalid)));
}

void TestWfdbMultiSegment::variableLayoutGapsAndRescaling()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // Layout: ECG (gain 200, baseline 0) and RESP (gain 100, baseline 10). Segment a: ECG only;
    // then a null segment of 3 frames; segment b: RESP then ECG, ECG with gain 400, baseline 4.
    writeFile(
        dir.filePath(QStringLiteral("rec.hea")), "rec/4 2 10 13 10:00:00 01/02/2003\nlay 0\nsega 5\n~ 3\nsegb 5\n");
    writeFile(dir.filePath(QStringLiteral("lay.hea")),
        "lay 2 10 0\n~ 0 200/mV 16 0 0 0 0 ECG\n~ 0 100(10)/Ohm 16 0 0 0 0 "
        "RESP\n");
    writeFile(dir.filePath(QStringLiteral("sega.hea")), "sega 1 10 5\nsega.dat 16 200/mV 16 0 0 0 0 ECG\n");
    writeFile(dir.filePath(QStringLiteral("sega.dat")), format16({range(100, 5)}));
    writeFile(dir.filePath(QStringLiteral("segb.hea")),
        "segb 2 10 5\nsegb.dat 16 100(10)/Ohm 16 0 0 0 0 RESP\nsegb.dat 16 400(4)/mV 16 0 0 0 0 ECG\n");
    writeFile(dir.filePath(QStringLiteral("segb.dat")), format16({range(50, 5), {404, 0, 8, 400, -396}}));

    QString error;
    const auto r = WfdbMultiSegment::open(dir.filePath(QStringLiteral("rec.hea")), &error);
    QVERIFY2(r, qPrintable(error));
    QVERIFY(r->hasLayoutSegment());
    QCOMPARE(r->sampleCount(), qint64(13));
    QCOMPARE(r->signalCount(), 2);
    QCOMPARE(r->signal(0).description, QStringLiteral("ECG"));
    QCOMPARE(r->baseDate(), QDate(2003, 2, 1));

    Samples ecg, resp;
    QVERIFY2(r->readSamples(0, ecg, &error), qPrintable(error));
    QVERIFY2(r->readSamples(1, resp, &error), qPrintable(error));
    const qint32 x = WaveCodec::kInvalid;
    // ECG of segment b in the layout's calibration: (d - 4) / 400 mV x 200 = (d - 4) / 2.
    QCOMPARE(ecg, (Samples{100, 101, 102, 103, 104, x, x, x, 200, -2, 2, 198, -200}));
    // RESP: absent from segment a, the null segment is a gap, segment b as stored.
    QCOMPARE(resp, (Samples{x, x, x, x, x, x, x, x, 50, 51, 52, 53, 54}));
    QCOMPARE(r->physical(0, 200), 1.0);
}

void TestWfdbMultiSegment::detection()
{
    QVERIFY(WfdbMultiSegment::isMultiSegmentHeader("041s/2 7 125 2000\n041s01 1000\n041s02 1000\n"));
    QVERIFY(WfdbMultiSegment::isMultiSegmentHeader("# a comment first\n\n  rec/3\t2 250\n"));
    QVERIFY(!WfdbMultiSegment::isMultiSegmentHeader("100 2 360 650000\n100.dat 212 200 11 1024 995 -22131 0 MLII\n"));
    QVERIFY(!WfdbMultiSegment::isMultiSegmentHeader(""));
    QVERIFY(!WfdbMultiSegment::isMultiSegmentHeader("# only comments\n"));
}

void TestWfdbMultiSegment::malformed_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::newRow("single-segment") << QByteArray("100 2 360 650000\n");
    QTest::newRow("no record line") << QByteArray("# nothing\n");
    QTest::newRow("zero segments") << QByteArray("r/0 1 250\n");
    QTest::newRow("bad segment count") << QByteArray("r/x 1 250\n");
    QTest::newRow("no signal count") << QByteArray("r/1\nseg 10\n");
    QTest::newRow("bad frequency") << QByteArray("r/1 1 -5\nseg 10\n");
    QTest::newRow("too few segment lines") << QByteArray("r/2 1 250\nseg 10\n");
    QTest::newRow("too many segment lines") << QByteArray("r/1 1 250\nseg 10\nseg2 10\n");
    QTest::newRow("segment path") << QByteArray("r/1 1 250\n../seg 10\n");
    QTest::newRow("segment length") << QByteArray("r/1 1 250\nseg -3\n");
    QTest::newRow("segment line fields") << QByteArray("r/1 1 250\nseg\n");
    QTest::newRow("bad time") << QByteArray("r/1 1 250 10 25:99:00\nseg 10\n");
    QTest::newRow("missing segment header") << QByteArray("r/1 1 250\nnosuchsegment 10\n");
}

void TestWfdbMultiSegment::malformed()
{
    QFETCH(QByteArray, header);
    QString error;
    QVERIFY(!WfdbMultiSegment::parseHeader(header, QStringLiteral(VIGIL_TEST_DATA_DIR), &error));
    QVERIFY(!error.isEmpty());
}

void TestWfdbMultiSegment::segmentErrors()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    writeFile(dir.filePath(QStringLiteral("a.hea")), "a 1 10 2\na.dat 16 200 16 0 0 0 0 ECG\n");
    writeFile(dir.filePath(QStringLiteral("a.dat")), format16({{1, 2}}));
    writeFile(dir.filePath(QStringLiteral("b.hea")), "b 1 20 2\nb.dat 16 200 16 0 0 0 0 ECG\n");
    writeFile(dir.filePath(QStringLiteral("b.dat")), format16({{3, 4}}));
    writeFile(
        dir.filePath(QStringLiteral("c.hea")), "c 2 10 2\nc.dat 16 200 16 0 0 0 0 ECG\nc.dat 16 200 16 0 0 0 0 X\n");
    writeFile(dir.filePath(QStringLiteral("c.dat")), format16({{3, 4}, {5, 6}}));
    QString error;
    // Another sampling frequency.
    QVERIFY(!WfdbMultiSegment::parseHeader("r/2 1 10\na 2\nb 2\n", dir.path(), &error));
    QVERIFY(error.contains(QStringLiteral("Hz")));
    // Fixed layout with another number of signals.
    QVERIFY(!WfdbMultiSegment::parseHeader("r/2 1 10\na 2\nc 2\n", dir.path(), &error));
    // The record line's signal count disagrees with the segments.
    QVERIFY(!WfdbMultiSegment::parseHeader("r/1 3 10\na 2\n", dir.path(), &error));
    // A segment shorter than the master header says: padded with invalid samples, with a warning.
    const auto r = WfdbMultiSegment::parseHeader("r/2 1 10\na 2\na 4\n", dir.path(), &error);
    QVERIFY2(r, qPrintable(error));
    QVERIFY(!r->warnings().isEmpty());
    Samples v;
    QStringList warnings;
    QVERIFY(r->readSamples(0, v, &error, &warnings));
    QCOMPARE(v, (Samples{1, 2, 1, 2, WaveCodec::kInvalid, WaveCodec::kInvalid}));
    QCOMPARE(warnings.size(), 1);
    QVERIFY(!r->readSamples(1, v, &error));
}

void TestWfdbMultiSegment::garbageNeverCrashes()
{
    QFile file(dataPath(QStringLiteral("multi-segment/041s/041s.hea")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray original = file.readAll();
    std::mt19937 rng(4104);
    const QString directory = dataPath(QStringLiteral("multi-segment/041s"));
    int parsed = 0;
    for (int round = 0; round < 3000; ++round) {
        QByteArray mutated = original;
        const int edits = 1 + static_cast<int>(rng() % 4);
        for (int e = 0; e < edits; ++e) {
            const auto at = static_cast<qsizetype>(rng() % static_cast<unsigned>(mutated.size()));
            static const char kAlphabet[] = "0123456789 /~\n#:.-xsabcdef\t";
            mutated[at] = kAlphabet[rng() % (sizeof(kAlphabet) - 1)];
        }
        QString error;
        const auto r = WfdbMultiSegment::parseHeader(mutated, directory, &error);
        if (!r) {
            QVERIFY(!error.isEmpty());
            continue;
        }
        ++parsed;
        for (int j = 0; j < r->signalCount(); ++j) {
            Samples v;
            if (r->readSamples(j, v, &error))
                QCOMPARE(static_cast<qint64>(v.size()), r->sampleCount() * r->signal(j).samplesPerFrame);
        }
    }
    QVERIFY(parsed > 0);
}

QTEST_GUILESS_MAIN(TestWfdbMultiSegment)
#include "tst_wfdbmultisegment.moc"
