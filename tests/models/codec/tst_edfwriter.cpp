// EdfWriter: synthetic multi-rate signals (16-bit extremes, a sub-second start, UTF-8 annotations)
// and MIT-BIH record 100 with its reference annotations, written as EDF+ and read back with
// EdfRecord (EDFlib and the lenient reader): every sample, the calibration, the start and every
// annotation compared. Gaps, values beyond 16 bits and impossible rates.

#include "codec/edfrecord.h"
#include "codec/edfwriter.h"
#include "codec/wavecodec.h"
#include "codec/wfdbannotations.h"
#include "codec/wfdbrecord.h"
#include "writertestdata.h"

#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <cmath>

using vigil::codec::EdfAnnotation;
using vigil::codec::EdfRecord;
using vigil::codec::EdfWriter;
using vigil::codec::WaveCodec;
using vigil::codec::WfdbAnnotations;
using vigil::codec::WfdbRecord;

using vigil::test::dataPath;
using vigil::test::randomSamples;
using vigil::test::Samples;

namespace {

qint64 utcMicros(int y, int mo, int d, int h, int mi, int s)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), QTimeZone::utc()).toMSecsSinceEpoch() * 1000;
}

constexpr auto makeSignal = &vigil::test::makeSignal<EdfWriter::Signal>;

} // namespace

class TestEdfWriter : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static void compareSignal(const EdfRecord& edf, int index, const EdfWriter::Signal& written)
    {
        const auto& s = edf.signal(index);
        QCOMPARE(s.label, written.label);
        QCOMPARE(s.unit, written.unit);
        QCOMPARE(s.rateHz, written.rateHz);
        QCOMPARE(s.digitalMin, EdfWriter::kDigitalMin);
        QCOMPARE(s.digitalMax, EdfWriter::kDigitalMax);
        QVERIFY2(
            std::abs(s.gain() - written.gain) <= 1e-9 * std::abs(written.gain), qPrintable(QString::number(s.gain())));
        QVERIFY2(std::abs(s.baseline() - written.baseline) <= 1e-6, qPrintable(QString::number(s.baseline())));
        QVERIFY(s.sampleCount >= qint64(written.samples.size()));
        Samples back;
        QString error;
        QVERIFY2(edf.readDigital(index, 0, s.sampleCount, back, &error), qPrintable(error));
        QCOMPARE(back.size(), std::size_t(s.sampleCount));
        for (std::size_t i = 0; i < written.samples.size(); ++i) {
            const qint32 expected =
                written.samples[i] == WaveCodec::kInvalid ? EdfWriter::kGapValue : written.samples[i];
            if (back[i] != expected)
                QFAIL(qPrintable(QStringLiteral("signal %1 sample %2: %3, expected %4")
                                     .arg(index)
                                     .arg(i)
                                     .arg(back[i])
                                     .arg(expected)));
        }
        for (std::size_t i = written.samples.size(); i < back.size(); ++i)
            QCOMPARE(back[i], EdfWriter::kGapValue); // the last record's padding
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void recordDuration()
    {
        QCOMPARE(EdfWriter::recordSeconds({500, 125, 50}), std::optional<int>(1));
        QCOMPARE(EdfWriter::recordSeconds({360}), std::optional<int>(1));
        QCOMPARE(EdfWriter::recordSeconds({0.5, 500}), std::optional<int>(2));
        QCOMPARE(EdfWriter::recordSeconds({62.5}), std::optional<int>(2));
        QCOMPARE(EdfWriter::recordSeconds({0.2, 62.5}), std::optional<int>(10));
        QCOMPARE(EdfWriter::recordSeconds({M_PI}), std::nullopt);
        QCOMPARE(EdfWriter::recordSeconds({0}), std::nullopt);
    }

    void syntheticRoundTrip_data()
    {
        QTest::addColumn<int>("reader");
        QTest::newRow("edflib") << int(EdfRecord::Reader::EdfLib);
        QTest::newRow("lenient") << int(EdfRecord::Reader::Lenient);
    }

    void syntheticRoundTrip()
    {
        QFETCH(int, reader);
        constexpr int kSeconds = 10;
        Samples ecg = randomSamples(500 * kSeconds, -32768, 32767, 1);
        ecg[0] = -32768; // the extremes, first and last
        ecg[1] = 32767;
        ecg[ecg.size() - 1] = -32768;
        ecg[ecg.size() - 2] = 32767;
        ecg[100] = 0;
        EdfWriter::Recording recording;
        recording.startUs = utcMicros(2023, 11, 14, 22, 13, 20) + 250'000;
        recording.patient.code = QStringLiteral("P123");
        recording.channels.push_back(makeSignal(QStringLiteral("ECG II"), QStringLiteral("mV"), 500, 200, 0, ecg));
        recording.channels.push_back(
            makeSignal(QStringLiteral("Pleth"), QString(), 125, 1000, 0, randomSamples(125 * kSeconds, 0, 1000, 2)));
        recording.channels.push_back(makeSignal(QStringLiteral("Resp"), QStringLiteral("Ohm"), 50, 1000, 512,
            randomSamples(50 * kSeconds, -2000, 2000, 3)));
        recording.annotations.push_back({1'500'000, -1, QStringLiteral("N")});
        recording.annotations.push_back({3'000'100, 2'000'000, QStringLiteral("case event: escalate")});
        recording.annotations.push_back({9'999'900, 0, QStringLiteral("Überwachung ♥")});

        const QString path = m_dir.filePath(QStringLiteral("synthetic%1.edf").arg(reader));
        QString error;
        QStringList warnings;
        QVERIFY2(EdfWriter::write(path, recording, &error, &warnings), qPrintable(error));
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));

        auto edf = EdfRecord::open(path, &error, static_cast<EdfRecord::Reader>(reader));
        QVERIFY2(edf, qPrintable(error));
        QVERIFY(edf->isPlus());
        QVERIFY(!edf->isBdf());
        QVERIFY(edf->isContinuous());
        QCOMPARE(edf->startUs(), std::optional<qint64>(recording.startUs));
        QCOMPARE(edf->recordDurationUs(), qint64(1'000'000));
        QCOMPARE(edf->recordCount(), qint64(kSeconds));
        QCOMPARE(edf->signalCount(), 3);
        for (int j = 0; j < 3; ++j)
            compareSignal(*edf, j, recording.channels[std::size_t(j)]);
        const auto& back = edf->annotations();
        QCOMPARE(back.size(), recording.annotations.size());
        for (std::size_t i = 0; i < back.size(); ++i) {
            QCOMPARE(back[i].text, recording.annotations[i].text);
            QCOMPARE(back[i].onsetUs, recording.annotations[i].onsetUs);
            QCOMPARE(back[i].durationUs, recording.annotations[i].durationUs);
        }
    }

    void gapsAreMarked()
    {
        Samples ecg = randomSamples(1000, -500, 500, 4);
        for (std::size_t i = 250; i < 300; ++i)
            ecg[i] = WaveCodec::kInvalid;
        Samples resp = randomSamples(80, -100, 100, 5); // 1.6 s: the second record is padded
        EdfWriter::Recording recording;
        recording.startUs = utcMicros(2024, 2, 29, 23, 59, 59);
        recording.channels.push_back(makeSignal(QStringLiteral("ECG II"), QStringLiteral("mV"), 500, 200, 0, ecg));
        recording.channels.push_back(makeSignal(QStringLiteral("Resp"), QString(), 50, 1000, 0, resp));
        const QString path = m_dir.filePath(QStringLiteral("gaps.edf"));
        QString error;
        QVERIFY2(EdfWriter::write(path, recording, &error), qPrintable(error));
        auto edf = EdfRecord::open(path, &error, EdfRecord::Reader::EdfLib);
        QVERIFY2(edf, qPrintable(error));
        QCOMPARE(edf->recordCount(), qint64(2));
        compareSignal(*edf, 0, recording.channels[0]);
        compareSignal(*edf, 1, recording.channels[1]);
        const auto& a = edf->annotations();
        QCOMPARE(a.size(), std::size_t(2));
        QCOMPARE(a[0].text, QStringLiteral("gap ECG II"));
        QCOMPARE(a[0].onsetUs, qint64(500'000));
        QCOMPARE(a[0].durationUs, qint64(100'000));
        QCOMPARE(a[1].text, QStringLiteral("gap Resp"));
        QCOMPARE(a[1].onsetUs, qint64(1'600'000));
        QCOMPARE(a[1].durationUs, qint64(400'000));

        // A real digital minimum beside a gap could not be told from it.
        recording.channels[0].samples[10] = EdfWriter::kGapValue;
        const QString ambiguous = m_dir.filePath(QStringLiteral("ambiguous.edf"));
        QVERIFY(!EdfWriter::write(ambiguous, recording, &error));
        QVERIFY2(error.contains(QStringLiteral("gaps")), qPrintable(error));
        QVERIFY(!QFile::exists(ambiguous));
    }

    void refusesWhatItCannotWriteExactly()
    {
        EdfWriter::Recording recording;
        recording.startUs = utcMicros(2024, 1, 1, 0, 0, 0);
        recording.channels.push_back(
            makeSignal(QStringLiteral("ECG II"), QStringLiteral("mV"), 500, 200, 0, Samples(500, 32768)));
        const QString path = m_dir.filePath(QStringLiteral("wide.edf"));
        QString error;
        QVERIFY(!EdfWriter::write(path, recording, &error));
        QVERIFY2(error.contains(QStringLiteral("16 bits")), qPrintable(error));
        QVERIFY(!QFile::exists(path));

        recording.channels[0].samples.assign(500, 0);
        recording.channels[0].rateHz = M_PI;
        QVERIFY(!EdfWriter::write(path, recording, &error));
        QVERIFY(!QFile::exists(path));

        recording.channels.clear();
        QVERIFY(!EdfWriter::write(path, recording, &error));
    }

    // MIT-BIH record 100 (360 Hz, 650000 samples of two signals) and its 2274 reference
    // annotations.
    void record100()
    {
        QString error;
        auto wfdb = WfdbRecord::open(dataPath(QStringLiteral("100.hea")), &error);
        QVERIFY2(wfdb, qPrintable(error));
        auto atr = WfdbAnnotations::open(dataPath(QStringLiteral("100.atr")), &error);
        QVERIFY2(atr, qPrintable(error));
        EdfWriter::Recording recording;
        recording.startUs = utcMicros(1985, 1, 1, 0, 0, 0); // the record gives no date
        for (int j = 0; j < wfdb->signalCount(); ++j) {
            Samples samples;
            QVERIFY2(wfdb->readSamples(j, samples, &error), qPrintable(error));
            const auto& s = wfdb->signal(j);
            recording.channels.push_back(
                makeSignal(s.description, s.units, wfdb->signalFrequency(j), s.gain, s.baseline, std::move(samples)));
        }
        for (const auto& a : atr->annotations()) {
            EdfAnnotation e;
            e.onsetUs = std::llround(static_cast<double>(a.sample) * 1e6 / wfdb->frequency());
            e.text = a.aux.isEmpty() ? a.symbol() : a.symbol() + u' ' + a.aux;
            recording.annotations.push_back(e);
        }
        const QString path = m_dir.filePath(QStringLiteral("100.edf"));
        QVERIFY2(EdfWriter::write(path, recording, &error), qPrintable(error));

        auto edf = EdfRecord::open(path, &error, EdfRecord::Reader::EdfLib);
        QVERIFY2(edf, qPrintable(error));
        QCOMPARE(edf->signalCount(), 2);
        QCOMPARE(edf->recordCount(), qint64(1806)); // 650000 / 360 = 1805.6 s
        for (int j = 0; j < 2; ++j)
            compareSignal(*edf, j, recording.channels[std::size_t(j)]);
        // The reference annotations, to EDFlib's 100 µs, then the padding of the last record.
        std::vector<EdfAnnotation> back = edf->annotations();
        QCOMPARE(back.size(), recording.annotations.size() + 2);
        std::stable_sort(recording.annotations.begin(), recording.annotations.end(),
            [](const EdfAnnotation& a, const EdfAnnotation& b) { return a.onsetUs < b.onsetUs; });
        for (std::size_t i = 0; i < recording.annotations.size(); ++i) {
            QCOMPARE(back[i].text, recording.annotations[i].text);
            QVERIFY2(
                std::abs(back[i].onsetUs - recording.annotations[i].onsetUs) <= 50, qPrintable(QString::number(i)));
        }
        QCOMPARE(back[back.size() - 2].text, QStringLiteral("gap MLII"));
        QCOMPARE(back.back().text, QStringLiteral("gap V5"));
    }
};

QTEST_GUILESS_MAIN(TestEdfWriter)
#include "tst_edfwriter.moc"
