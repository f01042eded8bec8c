// EDF / EDF+ / BDF: the real EDFbrowser test-generator file (which EDFlib refuses for a Latin-1 byte in
// two unit fields: read leniently, with a warning) against its WFDB twin sample for sample; the
// annotation-only EDF+ file through both readers; the lenient reader against EDFlib on a copy that
// EDFlib accepts; synthetic files for BDF, EDF+D, sub-second starts, odd headers and the bounds.

#include "codec/edfrecord.h"
#include "codec/edftal.h"
#include "codec/wfdbrecord.h"

#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QtEndian>

#include <cmath>
#include <random>

using vigil::codec::EdfAnnotation;
using vigil::codec::EdfRecord;
using vigil::codec::EdfTal;
using vigil::codec::WfdbRecord;

using Samples = std::vector<qint32>;

namespace {

QString dataPath(const QString& name)
{
    return QStringLiteral(VIGIL_TEST_DATA_DIR "/") + name;
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

qint64 utcMicros(int y, int mo, int d, int h, int mi, int s)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), QTimeZone::utc()).toMSecsSinceEpoch() * 1000;
}

// A byte string literal without its terminating NUL (embedded NULs kept).
template<std::size_t N>
QByteArray raw(const char (&text)[N])
{
    return QByteArray(text, static_cast<qsizetype>(N - 1));
}

QByteArray field(const QByteArray& text, int width)
{
    return text.leftJustified(width, ' ', true);
}

struct SynthSignal
{
    QByteArray label;
    QByteArray unit;
    QByteArray physicalMin;
    QByteArray physicalMax;
    QByteArray digitalMin;
    QByteArray digitalMax;
    int samplesPerRecord = 0;
};

// An EDF header (256 + 256 per signal bytes) with the given fields.
QByteArray header(const QByteArray& version, const QByteArray& startDate, const QByteArray& startTime,
    const QByteArray& reserved, const QByteArray& records, const QByteArray& duration,
    const std::vector<SynthSignal>& signalList, const QByteArray& recording = "Startdate X X X X")
{
    const auto ns = static_cast<int>(signalList.size());
    QByteArray h = field(version, 8) + field("X X X X", 80) + field(recording, 80) + field(startDate, 8)
        + field(startTime, 8) + field(QByteArray::number(256 * (ns + 1)), 8) + field(reserved, 44) + field(records, 8)
        + field(duration, 8) + field(QByteArray::number(ns), 4);
    for (const auto& s : signalList)
        h += field(s.label, 16);
    for (int i = 0; i < ns; ++i)
        h += field("", 80);
    for (const auto& s : signalList)
        h += field(s.unit, 8);
    for (const auto& s : signalList)
        h += field(s.physicalMin, 8);
    for (const auto& s : signalList)
        h += field(s.physicalMax, 8);
    for (const auto& s : signalList)
        h += field(s.digitalMin, 8);
    for (const auto& s : signalList)
        h += field(s.digitalMax, 8);
    for (int i = 0; i < ns; ++i)
        h += field("", 80);
    for (const auto& s : signalList)
        h += field(QByteArray::number(s.samplesPerRecord), 8);
    for (int i = 0; i < ns; ++i)
        h += field("", 32);
    return h;
}

QByteArray int16s(std::initializer_list<int> values)
{
    QByteArray bytes;
    for (const int v : values) {
        char le[2];
        qToLittleEndian<qint16>(static_cast<qint16>(v), le);
        bytes.append(le, 2);
    }
    return bytes;
}

QByteArray int24s(std::initializer_list<int> values)
{
    QByteArray bytes;
    for (const int v : values) {
        const auto u = static_cast<quint32>(v);
        bytes.append(static_cast<char>(u & 0xFF)).append(static_cast<char>(u >> 8 & 0xFF));
        bytes.append(static_cast<char>(u >> 16 & 0xFF));
    }
    return bytes;
}

// An annotation signal of `bytes` bytes holding `tals`, zero-padded.
QByteArray annotationSignal(const QByteArray& tals, int bytes)
{
    QByteArray s = tals;
    s.append(QByteArray(bytes - static_cast<int>(tals.size()), '\0'));
    return s;
}

Samples readAll(const EdfRecord& edf, int signal)
{
    Samples v;
    QString error;
    if (!edf.readDigital(signal, 0, edf.signal(signal).sampleCount, v, &error))
        qFatal("cannot read EDF signal %d: %s", signal, qPrintable(error));
    return v;
}

} // namespace

class TestEdfRecord : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void generatorIsReadLenientlyWithWarnings();
    void generatorEqualsItsWfdbTwin();
    void lenientReaderAgreesWithEdfLib();
    void copiesShareTheEdfLibFile();
    void annotationOnlyFileBothReaders();
    void readDigitalRanges();
    void bdf24Bit();
    void discontinuousAndSubsecondStart();
    void tolerated();
    void malformed_data();
    void malformed();
    void talParsing_data();
    void talParsing();
    void secondsParsing_data();
    void secondsParsing();
    void garbageNeverCrashes();
};

void TestEdfRecord::generatorIsReadLenientlyWithWarnings()
{
    QString error;
    // EDFlib alone refuses the file (EDF allows only ASCII in the header).
    QVERIFY(!EdfRecord::open(dataPath(QStringLiteral("edf/test_generator_2.edf")), &error, EdfRecord::Reader::EdfLib));
    QVERIFY(!error.isEmpty());
    const auto edf = EdfRecord::open(dataPath(QStringLiteral("edf/test_generator_2.edf")), &error);
    QVERIFY2(edf, qPrintable(error));
    QCOMPARE(edf->reader(), EdfRecord::Reader::Lenient);
    QVERIFY(edf->isPlus());
    QVERIFY(!edf->isBdf());
    QVERIFY(edf->isContinuous());
    const QStringList warnings = edf->warnings();
    QVERIFY(warnings.size() >= 3);
    QVERIFY(warnings.front().contains(QStringLiteral("EDFlib")));
    QCOMPARE(warnings.filter(QStringLiteral("outside printable ASCII")).size(), 2);
    QVERIFY(warnings.filter(QStringLiteral("sine 15 Hz")).size() == 1);
    QVERIFY(warnings.filter(QStringLiteral("sine 17 Hz")).size() == 1);

    QCOMPARE(edf->startUs(), std::optional<qint64>(utcMicros(2009, 12, 10, 12, 44, 2)));
    QCOMPARE(edf->recordCount(), qint64(600));
    QCOMPARE(edf->recordDurationUs(), qint64(1'000'000));
    QCOMPARE(edf->signalCount(), 11); // the annotation signal is not one of them
    QCOMPARE(edf->signal(0).label, QStringLiteral("squarewave"));
    QCOMPARE(edf->signal(3).label, QStringLiteral("ECG"));
    QCOMPARE(edf->signal(10).label, QStringLiteral("sine 50 Hz"));
    QCOMPARE(edf->signal(0).unit, QStringLiteral("uV"));
    QCOMPARE(edf->signal(8).unit, QStringLiteral("\u00B0")); // Latin-1 0xB0
    QCOMPARE(edf->signal(9).unit, QStringLiteral("\u00B0"));
    for (int i = 0; i < 11; ++i) {
        QCOMPARE(edf->signal(i).rateHz, 200.0);
        QCOMPARE(edf->signal(i).sampleCount, qint64(120000));
        QCOMPARE(edf->signal(i).physicalMin, -1000.0);
        QCOMPARE(edf->signal(i).digitalMax, 32767);
    }
    QCOMPARE(edf->signal(0).gain(), 65535.0 / 2000.0);
    QCOMPARE(edf->signal(0).baseline(), -0.5);
    QCOMPARE(edf->annotations().size(), std::size_t(2));
    QCOMPARE(edf->annotations()[0].text, QStringLiteral("RECORD START"));
    QCOMPARE(edf->annotations()[0].onsetUs, qint64(0));
    QCOMPARE(edf->annotations()[0].durationUs, qint64(-1));
    QCOMPARE(edf->annotations()[1].text, QStringLiteral("REC STOP"));
    QCOMPARE(edf->annotations()[1].onsetUs, qint64(600'000'000));
}

void TestEdfRecord::generatorEqualsItsWfdbTwin()
{
    QString error;
    const auto edf = EdfRecord::open(dataPath(QStringLiteral("edf/test_generator_2.edf")), &error);
    QVERIFY2(edf, qPrintable(error));
    const auto wfdb = WfdbRecord::open(dataPath(QStringLiteral("test_generator_2.hea")), &error);
    QVERIFY2(wfdb, qPrintable(error));
    QCOMPARE(wfdb->signalCount(), 12); // the twin also carries the EDF annotation channel as a signal
    for (int i = 0; i < 11; ++i) {
        QCOMPARE(edf->signal(i).label, wfdb->signal(i).description);
        const Samples e = readAll(*edf, i);
        Samples w;
        QVERIFY2(wfdb->readSamples(i, w, &error), qPrintable(error));
        QCOMPARE(e.size(), w.size());
        QCOMPARE(wfdb->signalFrequency(i), edf->signal(i).rateHz);
        // Identical physical values within the digital resolution (the EDF calibration puts physical
        // zero at -0.5, the WFDB header at 0: half a step apart).
        const double resolution = 1.0 / edf->signal(i).gain();
        double worst = 0;
        for (std::size_t k = 0; k < e.size(); ++k)
            worst = std::max(worst, std::abs(edf->signal(i).physical(e[k]) - wfdb->physical(i, w[k])));
        QVERIFY2(worst <= resolution, qPrintable(QStringLiteral("signal %1: %2 uV apart").arg(i).arg(worst)));
        QVERIFY(e == w); // the data records are byte-identical to the WFDB signal file
    }
}

void TestEdfRecord::lenientReaderAgreesWithEdfLib()
{
    // A copy EDFlib accepts: the two Latin-1 unit bytes replaced by ASCII.
    QByteArray bytes = readFile(dataPath(QStringLiteral("edf/test_generator_2.edf")));
    for (qsizetype i = 0; i < 256 * 13; ++i) {
        if (static_cast<uchar>(bytes[i]) > 126)
            bytes[i] = 'C';
    }
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("ascii.edf"));
    writeFile(path, bytes);
    QString error;
    const auto lib = EdfRecord::open(path, &error, EdfRecord::Reader::EdfLib);
    QVERIFY2(lib, qPrintable(error));
    QCOMPARE(lib->reader(), EdfRecord::Reader::EdfLib);
    const auto lenient = EdfRecord::open(path, &error, EdfRecord::Reader::Lenient);
    QVERIFY2(lenient, qPrintable(error));
    QVERIFY(lenient->warnings().isEmpty());
    const auto inMemory = EdfRecord::parse(bytes, &error);
    QVERIFY2(inMemory, qPrintable(error));
    QCOMPARE(lib->startUs(), lenient->startUs());
    QCOMPARE(lib->recordCount(), lenient->recordCount());
    QCOMPARE(lib->recordDurationUs(), lenient->recordDurationUs());
    QCOMPARE(lib->isPlus(), lenient->isPlus());
    QCOMPARE(lib->signalCount(), lenient->signalCount());
    for (int i = 0; i < lib->signalCount(); ++i) {
        const auto& a = lib->signal(i);
        const auto& b = lenient->signal(i);
        QCOMPARE(a.label, b.label);
        QCOMPARE(a.unit, b.unit);
        QCOMPARE(a.physicalMin, b.physicalMin);
        QCOMPARE(a.physicalMax, b.physicalMax);
        QCOMPARE(a.digitalMin, b.digitalMin);
        QCOMPARE(a.digitalMax, b.digitalMax);
        QCOMPARE(a.samplesPerRecord, b.samplesPerRecord);
        QCOMPARE(a.sampleCount, b.sampleCount);
        QCOMPARE(a.rateHz, b.rateHz);
        const Samples fromLib = readAll(*lib, i);
        QVERIFY(fromLib == readAll(*lenient, i));
        QVERIFY(fromLib == readAll(*inMemory, i));
    }
    QCOMPARE(lib->annotations().size(), lenient->annotations().size());
    for (std::size_t k = 0; k < lib->annotations().size(); ++k) {
        QCOMPARE(lib->annotations()[k].onsetUs, lenient->annotations()[k].onsetUs);
        QCOMPARE(lib->annotations()[k].text, lenient->annotations()[k].text);
    }
}

void TestEdfRecord::copiesShareTheEdfLibFile()
{
    QByteArray bytes = readFile(dataPath(QStringLiteral("edf/test_generator_2.edf")));
    for (qsizetype i = 0; i < 256 * 13; ++i) {
        if (static_cast<uchar>(bytes[i]) > 126)
            bytes[i] = 'C';
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ascii.edf"));
    writeFile(path, bytes);
    QString error;
    // Copies share the open EDFlib file (EDFlib opens a file once); reading through a copy after the
    // original is gone works, and the file is closed with the last copy.
    std::optional<EdfRecord> copy;
    {
        const auto original = EdfRecord::open(path, &error, EdfRecord::Reader::EdfLib);
        QVERIFY2(original, qPrintable(error));
        QVERIFY(!EdfRecord::open(path, &error, EdfRecord::Reader::EdfLib)); // already open
        copy = *original;
    }
    Samples tail;
    QVERIFY(copy->readDigital(3, 119990, 100, tail));
    QCOMPARE(tail.size(), std::size_t(10));
    copy.reset();
    QVERIFY2(EdfRecord::open(path, &error, EdfRecord::Reader::EdfLib), qPrintable(error)); // closed: opens again
}

void TestEdfRecord::annotationOnlyFileBothReaders()
{
    QString error;
    const auto lib = EdfRecord::open(dataPath(QStringLiteral("edf/test_edfann.edf")), &error);
    QVERIFY2(lib, qPrintable(error));
    QCOMPARE(lib->reader(), EdfRecord::Reader::EdfLib);
    const auto lenient =
        EdfRecord::open(dataPath(QStringLiteral("edf/test_edfann.edf")), &error, EdfRecord::Reader::Lenient);
    QVERIFY2(lenient, qPrintable(error));
    for (const EdfRecord* edf : {&*lib, &*lenient}) {
        QVERIFY(edf->isPlus());
        QCOMPARE(edf->signalCount(), 0);
        QCOMPARE(edf->recordDurationUs(), qint64(0));
        QCOMPARE(edf->startUs(), std::optional<qint64>(utcMicros(2001, 1, 1, 23, 59, 30)));
        const auto& a = edf->annotations();
        QCOMPARE(a.size(), std::size_t(856));
        QCOMPARE(a[0].text, QStringLiteral("Sleep stage W"));
        QCOMPARE(a[0].onsetUs, qint64(0));
        QCOMPARE(a[0].durationUs, qint64(30'000'000));
        QCOMPARE(a[2].text, QStringLiteral("Lights off@@EEG F4-A1"));
        QCOMPARE(a[2].onsetUs, qint64(33'430'000));
        QCOMPARE(a[2].durationUs, qint64(0));
        QCOMPARE(a.back().text, QStringLiteral("Lights on@@EEG Fpz-Cz"));
        QCOMPARE(a.back().onsetUs, qint64(25'618'740'000));
        int n2 = 0;
        for (const EdfAnnotation& x : a)
            n2 += x.text == QStringLiteral("Sleep stage N2") ? 1 : 0;
        QCOMPARE(n2, 430);
    }
    for (std::size_t k = 0; k < lib->annotations().size(); ++k) {
        QCOMPARE(lib->annotations()[k].onsetUs, lenient->annotations()[k].onsetUs);
        QCOMPARE(lib->annotations()[k].durationUs, lenient->annotations()[k].durationUs);
        QCOMPARE(lib->annotations()[k].text, lenient->annotations()[k].text);
    }
}

void TestEdfRecord::readDigitalRanges()
{
    QString error;
    const auto edf = EdfRecord::open(dataPath(QStringLiteral("edf/test_generator_2.edf")), &error);
    QVERIFY(edf);
    const Samples all = readAll(*edf, 4);
    Samples part;
    // Across a data-record boundary, and clamped at the end.
    QVERIFY(edf->readDigital(4, 190, 20, part));
    QVERIFY(part == Samples(all.begin() + 190, all.begin() + 210));
    QVERIFY(edf->readDigital(4, 119995, 100, part));
    QCOMPARE(part.size(), std::size_t(5));
    QVERIFY(edf->readDigital(4, 200000, 10, part));
    QVERIFY(part.empty());
    QVERIFY(!edf->readDigital(11, 0, 10, part, &error));
    QVERIFY(!edf->readDigital(-1, 0, 10, part));
}

void TestEdfRecord::bdf24Bit()
{
    const std::vector<SynthSignal> signalList{{"EEG", "uV", "-8388608", "8388607", "-8388608", "8388607", 3}};
    const QByteArray bytes = header("\xFF"
                                    "BIOSEMI",
                                 "01.02.03", "04.05.06", "", "2", "1", signalList)
        + int24s({-8388608, -1, 8388607}) + int24s({0, 1, 123456});
    QString error;
    const auto bdf = EdfRecord::parse(bytes, &error);
    QVERIFY2(bdf, qPrintable(error));
    QVERIFY(bdf->isBdf());
    QVERIFY(!bdf->isPlus());
    QCOMPARE(bdf->startUs(), std::optional<qint64>(utcMicros(2003, 2, 1, 4, 5, 6)));
    QCOMPARE(readAll(*bdf, 0), (Samples{-8388608, -1, 8388607, 0, 1, 123456}));
    QCOMPARE(bdf->signal(0).physical(1000), 1000.0);
    QCOMPARE(bdf->signal(0).rateHz, 3.0);
}

void TestEdfRecord::discontinuousAndSubsecondStart()
{
    // EDF+D: three records of 0.5 s (2 samples at 4 Hz), the second 10 s after the first; the first
    // starts 0.25 s after the header's time; a 1999 date whose two-digit year needs the century.
    const std::vector<SynthSignal> signalList{{"ECG", "mV", "-3.2768", "3.2767", "-32768", "32767", 2},
        {"EDF Annotations", "", "-1", "1", "-32768", "32767", 16}};
    QByteArray bytes =
        header("0", "31.12.99", "23.59.59", "EDF+D", "3", "0.5", signalList, "Startdate 31-DEC-1999 X X X");
    bytes += int16s({1, 2})
        + annotationSignal(raw("+0.25\x14\x14\0+0.5\x15"
                               "1.5\x14"
                               "Event\x14\0"),
            32);
    bytes += int16s({3, 4}) + annotationSignal(raw("+10.25\x14\x14\0"), 32);
    bytes += int16s({5, 6}) + annotationSignal(raw("+10.75\x14\x14\0"), 32);
    QString error;
    const auto edf = EdfRecord::parse(bytes, &error);
    QVERIFY2(edf, qPrintable(error));
    QVERIFY(!edf->isContinuous());
    QCOMPARE(edf->startUs(), std::optional<qint64>(utcMicros(1999, 12, 31, 23, 59, 59) + 250'000));
    QCOMPARE(edf->recordOnsetsUs(), (std::vector<qint64>{0, 10'000'000, 10'500'000}));
    QCOMPARE(edf->signalCount(), 1);
    QCOMPARE(readAll(*edf, 0), (Samples{1, 2, 3, 4, 5, 6}));
    QCOMPARE(edf->signal(0).rateHz, 4.0);
    QCOMPARE(edf->annotations().size(), std::size_t(1));
    QCOMPARE(edf->annotations()[0].text, QStringLiteral("Event"));
    QCOMPARE(edf->annotations()[0].onsetUs, qint64(250'000)); // 0.5 s after the header, 0.25 s after the start
    QCOMPARE(edf->annotations()[0].durationUs, qint64(1'500'000));

    // EDFlib refuses EDF+D; Auto reads it leniently and says why.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("d.edf"));
    writeFile(path, bytes);
    const auto opened = EdfRecord::open(path, &error);
    QVERIFY2(opened, qPrintable(error));
    QCOMPARE(opened->reader(), EdfRecord::Reader::Lenient);
    QVERIFY(opened->warnings().front().contains(QStringLiteral("discontinuous")));
}

void TestEdfRecord::tolerated()
{
    const std::vector<SynthSignal> signalList{
        {"Resp", "Ohm", "0", "100", "0", "1000", 2}, {"Broken", "x", "5", "5", "0", "10", 1}};
    // Record count -1 (unknown), a partial record at the end, a decimal comma, a bad start date.
    QByteArray bytes = header("0", "32.13.05", "12.00.00", "", "-1", "0,5", signalList);
    bytes += int16s({10, 20, 99}) + int16s({30, 40, 99}) + QByteArray(3, '\0');
    QString error;
    const auto edf = EdfRecord::parse(bytes, &error);
    QVERIFY2(edf, qPrintable(error));
    QCOMPARE(edf->recordCount(), qint64(2));
    QCOMPARE(edf->recordDurationUs(), qint64(500'000));
    QCOMPARE(edf->signalCount(), 1); // "Broken" has physical min = max: left out
    QCOMPARE(readAll(*edf, 0), (Samples{10, 20, 30, 40}));
    QVERIFY(!edf->startUs());
    const QStringList w = edf->warnings();
    QVERIFY(!w.filter(QStringLiteral("not given")).isEmpty());
    QVERIFY(!w.filter(QStringLiteral("partial")).isEmpty());
    QVERIFY(!w.filter(QStringLiteral("left out")).isEmpty());
    QVERIFY(!w.filter(QStringLiteral("start date")).isEmpty());
    // More records declared than present: the present ones are read.
    QByteArray more = header("0", "01.01.20", "00.00.00", "", "5", "1", {signalList[0]}) + int16s({1, 2});
    const auto short1 = EdfRecord::parse(more, &error);
    QVERIFY2(short1, qPrintable(error));
    QCOMPARE(short1->recordCount(), qint64(1));
    QCOMPARE(short1->startUs(), std::optional<qint64>(utcMicros(2020, 1, 1, 0, 0, 0)));
}

void TestEdfRecord::malformed_data()
{
    const std::vector<SynthSignal> one{{"ECG", "mV", "-1", "1", "-100", "100", 2}};
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("short") << QByteArray(100, '0');
    QTest::newRow("not EDF") << header("1", "01.01.01", "00.00.00", "", "1", "1", one);
    QTest::newRow("header cut") << header("0", "01.01.01", "00.00.00", "", "1", "1", one).left(300);
    QByteArray badCount = header("0", "01.01.01", "00.00.00", "", "1", "1", one);
    badCount.replace(252, 4, "abcd");
    QTest::newRow("signal count") << badCount;
    QByteArray tooMany = header("0", "01.01.01", "00.00.00", "", "1", "1", one);
    tooMany.replace(252, 4, "9999");
    QTest::newRow("too many signals") << tooMany;
    QTest::newRow("duration") << QByteArray(header("0", "01.01.01", "00.00.00", "", "1", "-1", one) + int16s({1, 2}));
    QTest::newRow("samples at duration 0")
        << QByteArray(header("0", "01.01.01", "00.00.00", "", "1", "0", one) + int16s({1, 2}));
    std::vector<SynthSignal> badSpr = one;
    badSpr[0].samplesPerRecord = -3;
    QTest::newRow("samples per record") << header("0", "01.01.01", "00.00.00", "", "1", "1", badSpr);
    QTest::newRow("EDF+D without annotations")
        << QByteArray(header("0", "01.01.01", "00.00.00", "EDF+D", "1", "1", one) + int16s({1, 2}));
}

void TestEdfRecord::malformed()
{
    QFETCH(QByteArray, bytes);
    QString error;
    QVERIFY(!EdfRecord::parse(bytes, &error));
    QVERIFY(!error.isEmpty());
}

void TestEdfRecord::talParsing_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("recordOnset"); // -1: none
    QTest::addColumn<QStringList>("texts");
    QTest::newRow("time-keeping only") << raw("+12\x14\x14\0\0\0") << true << qint64(12'000'000) << QStringList();
    QTest::newRow("time-keeping and an event") << raw(
        "+0\x14\x14\0-1.5\x15"
        "2\x14"
        "A\x14"
        "B\x14\0") << true << qint64(0) << QStringList{QStringLiteral("A"), QStringLiteral("B")};
    QTest::newRow("time-keeping with text")
        << raw("+3\x14\x14X\x14\0") << true << qint64(3'000'000) << QStringList{QStringLiteral("X")};
    QTest::newRow("utf-8") << raw("+0\x14\x14\0+1\x14\xC2\xB5V\x14\0") << true << qint64(0)
                           << QStringList{QStringLiteral("\u00B5V")};
    QTest::newRow("all zero") << QByteArray(10, '\0') << true << qint64(-1) << QStringList();
    QTest::newRow("unterminated") << raw("+0\x14\x14") << false << qint64(-1) << QStringList();
    QTest::newRow("no separator") << raw("+0\0") << false << qint64(-1) << QStringList();
    QTest::newRow("no sign") << raw("0\x14\x14\0") << false << qint64(-1) << QStringList();
    QTest::newRow("bad duration") << raw("+0\x15-1\x14x\x14\0") << false << qint64(-1) << QStringList();
}

void TestEdfRecord::talParsing()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, ok);
    QFETCH(qint64, recordOnset);
    QFETCH(QStringList, texts);
    std::vector<EdfAnnotation> out;
    std::optional<qint64> onset;
    QString error;
    QCOMPARE(EdfTal::parse(bytes, out, onset, &error), ok);
    if (!ok) {
        QVERIFY(!error.isEmpty());
        return;
    }
    QCOMPARE(onset.value_or(-1), recordOnset);
    QStringList got;
    for (const EdfAnnotation& a : out)
        got.append(a.text);
    QCOMPARE(got, texts);
    if (qstrcmp(QTest::currentDataTag(), "time-keeping and an event") == 0) {
        QCOMPARE(out[0].onsetUs, qint64(-1'500'000));
        QCOMPARE(out[0].durationUs, qint64(2'000'000));
    }
}

void TestEdfRecord::secondsParsing_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("signRequired");
    QTest::addColumn<qint64>("micros"); // min: invalid
    const qint64 bad = std::numeric_limits<qint64>::min();
    QTest::newRow("+0") << QByteArray("+0") << true << qint64(0);
    QTest::newRow("+33.43") << QByteArray("+33.43") << true << qint64(33'430'000);
    QTest::newRow("-0.25") << QByteArray("-0.25") << true << qint64(-250'000);
    QTest::newRow("rounding") << QByteArray("+1.0000005") << true << qint64(1'000'001);
    QTest::newRow("long fraction") << QByteArray("+1.00000049999") << true << qint64(1'000'000);
    QTest::newRow("duration") << QByteArray("30") << false << qint64(30'000'000);
    QTest::newRow("no sign") << QByteArray("30") << true << bad;
    QTest::newRow("empty") << QByteArray() << false << bad;
    QTest::newRow("dot only") << QByteArray("+1.") << true << bad;
    QTest::newRow("letters") << QByteArray("+1a") << true << bad;
    QTest::newRow("huge") << QByteArray("+1234567890123") << true << bad;
}

void TestEdfRecord::secondsParsing()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, signRequired);
    QFETCH(qint64, micros);
    QCOMPARE(EdfTal::parseSeconds(text, signRequired).value_or(std::numeric_limits<qint64>::min()), micros);
}

void TestEdfRecord::garbageNeverCrashes()
{
    const QByteArray generator = readFile(dataPath(QStringLiteral("edf/test_generator_2.edf"))).left(3328 + 3 * 4502);
    const QByteArray annotations = readFile(dataPath(QStringLiteral("edf/test_edfann.edf"))).left(4000);
    std::mt19937 rng(2009);
    int parsed = 0;
    for (int round = 0; round < 3000; ++round) {
        QByteArray mutated = round % 2 ? generator : annotations;
        const int edits = 1 + static_cast<int>(rng() % 6);
        for (int e = 0; e < edits; ++e) {
            // Mostly in the header, where the structure is.
            const auto limit =
                static_cast<unsigned>(rng() % 4 == 0 ? mutated.size() : std::min<qsizetype>(mutated.size(), 3328));
            mutated[static_cast<qsizetype>(rng() % limit)] =
                static_cast<char>(rng() % 2 ? rng() : "0123456789 .-+"[rng() % 14]);
        }
        if (rng() % 4 == 0)
            mutated.truncate(static_cast<qsizetype>(rng() % static_cast<unsigned>(mutated.size())));
        QString error;
        const auto edf = EdfRecord::parse(mutated, &error);
        if (!edf) {
            QVERIFY(!error.isEmpty());
            continue;
        }
        ++parsed;
        for (int i = 0; i < edf->signalCount(); ++i) {
            Samples v;
            QVERIFY(edf->readDigital(i, 0, edf->signal(i).sampleCount, v));
            QCOMPARE(static_cast<qint64>(v.size()), edf->signal(i).sampleCount);
        }
    }
    QVERIFY(parsed > 0);
}

QTEST_GUILESS_MAIN(TestEdfRecord)
#include "tst_edfrecord.moc"
