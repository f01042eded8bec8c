// WfdbWriter: synthetic multi-rate signals (one multi-frequency record, 16-bit extremes, gaps) and
// annotations (SKIPs, channel and number changes, aux text, codes without a WFDB meaning), values
// that need format 32, and MIT-BIH record 100 with its reference annotations, written and read back
// with WfdbRecord / WfdbAnnotations: every sample and every annotation field compared.

#include "codec/wavecodec.h"
#include "codec/wfdbannotations.h"
#include "codec/wfdbrecord.h"
#include "codec/wfdbwriter.h"
#include "writertestdata.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <cmath>

using vigil::codec::WaveCodec;
using vigil::codec::WfdbAnnotations;
using vigil::codec::WfdbRecord;
using vigil::codec::WfdbWriter;

using vigil::test::dataPath;
using vigil::test::randomSamples;
using vigil::test::Samples;

namespace {

constexpr auto makeSignal = &vigil::test::makeSignal<WfdbWriter::Signal>;

WfdbWriter::Annotation annotation(
    qint64 onsetUs, int code, const QString& aux = {}, int channel = 0, int number = 0, int subtype = 0)
{
    WfdbWriter::Annotation a;
    a.onsetUs = onsetUs;
    a.code = code;
    a.aux = aux;
    a.channel = channel;
    a.number = number;
    a.subtype = subtype;
    return a;
}

} // namespace

class TestWfdbWriter : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static void compareSamples(const WfdbRecord& record, int index, const Samples& written)
    {
        Samples back;
        QString error;
        QVERIFY2(record.readSamples(index, back, &error), qPrintable(error));
        QVERIFY(back.size() >= written.size());
        for (std::size_t i = 0; i < written.size(); ++i) {
            if (back[i] != written[i])
                QFAIL(qPrintable(QStringLiteral("signal %1 sample %2: %3, expected %4")
                                     .arg(index)
                                     .arg(i)
                                     .arg(back[i])
                                     .arg(written[i])));
        }
        for (std::size_t i = written.size(); i < back.size(); ++i)
            QCOMPARE(back[i], WaveCodec::kInvalid); // padding
        QVERIFY(record.signal(index).checksum);
        QCOMPARE(WfdbRecord::checksum(record.signal(index).format, back), *record.signal(index).checksum);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void frameLayout()
    {
        const auto layout = WfdbWriter::frameLayout({500, 125, 50});
        QVERIFY(layout);
        QCOMPARE(layout->first, 25.0);
        QCOMPARE(layout->second, (std::vector<int>{20, 5, 2}));
        QCOMPARE(WfdbWriter::frameLayout({360, 360})->second, (std::vector<int>{1, 1}));
        QCOMPARE(WfdbWriter::frameLayout({62.5, 62.5})->first, 62.5);
        QVERIFY(!WfdbWriter::frameLayout({62.5, 125}));
        QVERIFY(!WfdbWriter::frameLayout({0}));
    }

    void syntheticRoundTrip()
    {
        constexpr int kSeconds = 10;
        Samples ecg = randomSamples(500 * kSeconds, -32767, 32767, 1);
        ecg[0] = -32767;
        ecg[1] = 32767;
        for (std::size_t i = 1000; i < 1100; ++i)
            ecg[i] = WaveCodec::kInvalid; // a gap
        ecg.back() = WaveCodec::kInvalid;
        Samples resp = randomSamples(50 * kSeconds - 3, -100, 100, 3); // shorter: padded

        WfdbWriter::Record record;
        record.startUs =
            QDateTime(QDate(2023, 11, 14), QTime(22, 13, 20, 250), QTimeZone::utc()).toMSecsSinceEpoch() * 1000;
        record.channels.push_back(makeSignal(QStringLiteral("ECG II"), QStringLiteral("mV"), 500, 200, 0, ecg));
        record.channels.push_back(
            makeSignal(QStringLiteral("Pleth"), QString(), 125, 1000, 0, randomSamples(125 * kSeconds, 0, 1000, 2)));
        record.channels.push_back(makeSignal(QStringLiteral("Resp"), QStringLiteral("Ohm"), 50, 0.5, -7, resp));
        record.annotations = {annotation(2'000, 1), annotation(2'000, 5, {}, 1, 3, -2),
            annotation(4'000'000, 28, QStringLiteral("(AFIB"), 1, 3),
            annotation(9'998'000, 0, QStringLiteral("case event: escalate")),
            annotation(6'000'000, 22, QStringLiteral("Überwachung ♥"))};
        record.comments = {QStringLiteral("patient P123")};
        QString error;
        QStringList warnings;
        QVERIFY2(
            WfdbWriter::write(m_dir.path(), QStringLiteral("synthetic"), record, &error, &warnings), qPrintable(error));
        QVERIFY(warnings.isEmpty());

        auto back = WfdbRecord::open(m_dir.filePath(QStringLiteral("synthetic.hea")), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->name(), QStringLiteral("synthetic"));
        QCOMPARE(back->frequency(), 25.0);
        QCOMPARE(back->sampleCount(), qint64(25 * kSeconds));
        QCOMPARE(back->baseDate(), QDate(2023, 11, 14));
        QCOMPARE(back->baseTime(), QTime(22, 13, 20, 250));
        QCOMPARE(back->comments(), record.comments);
        QCOMPARE(back->signalCount(), 3);
        const std::vector<int> perFrame{20, 5, 2};
        const QStringList units{QStringLiteral("mV"), QStringLiteral("NU"), QStringLiteral("Ohm")};
        for (int j = 0; j < 3; ++j) {
            const auto& s = back->signal(j);
            const auto& w = record.channels[std::size_t(j)];
            QCOMPARE(s.format, 16);
            QCOMPARE(s.samplesPerFrame, perFrame[std::size_t(j)]);
            QCOMPARE(back->signalFrequency(j), w.rateHz);
            QCOMPARE(s.gain, w.gain);
            QCOMPARE(double(s.baseline), w.baseline);
            QCOMPARE(s.units, units[j]);
            QCOMPARE(s.description, w.label);
            compareSamples(*back, j, w.samples);
        }

        auto atr = WfdbAnnotations::open(m_dir.filePath(QStringLiteral("synthetic.atr")), &error);
        QVERIFY2(atr, qPrintable(error));
        QVERIFY(atr->warnings().isEmpty());
        QCOMPARE(atr->timeResolution(), std::optional<double>(500));
        const auto& a = atr->annotations();
        QCOMPARE(a.size(), std::size_t(5));
        // Sorted by time, on the 500 Hz grid.
        QCOMPARE(a[0].sample, qint64(1));
        QCOMPARE(a[0].code, 1);
        QCOMPARE(a[0].channel, 0);
        QCOMPARE(a[1].sample, qint64(1));
        QCOMPARE(a[1].code, 5);
        QCOMPARE(a[1].channel, 1);
        QCOMPARE(a[1].number, 3);
        QCOMPARE(a[1].subtype, -2);
        QCOMPARE(a[2].sample, qint64(2000));
        QCOMPARE(a[2].code, 28);
        QCOMPARE(a[2].aux, QStringLiteral("(AFIB"));
        QCOMPARE(a[2].channel, 1);
        QCOMPARE(a[2].number, 3);
        QCOMPARE(a[2].subtype, 0);
        QCOMPARE(a[3].sample, qint64(3000));
        QCOMPARE(a[3].code, WfdbAnnotations::kNote);
        QCOMPARE(a[3].aux, QStringLiteral("Überwachung ♥"));
        QCOMPARE(a[3].channel, 0);
        QCOMPARE(a[3].number, 0);
        QCOMPARE(a[4].sample, qint64(4999));
        QCOMPARE(a[4].code, WfdbAnnotations::kNote); // code 0 has no WFDB meaning
        QCOMPARE(a[4].aux, QStringLiteral("case event: escalate"));
    }

    void wideValuesUseFormat32()
    {
        WfdbWriter::Record record;
        Samples v{-32768, 32768, 100000, -2'000'000'000, WaveCodec::kInvalid, 2'147'483'647, 0};
        record.channels.push_back(makeSignal(QStringLiteral("Wide"), QStringLiteral("uV"), 1000, 1, 0.25, v));
        QString error;
        QStringList warnings;
        QVERIFY2(WfdbWriter::write(m_dir.path(), QStringLiteral("wide"), record, &error, &warnings), qPrintable(error));
        QCOMPARE(warnings.size(), 1); // the fractional baseline
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("wide.atr"))));
        auto back = WfdbRecord::open(m_dir.filePath(QStringLiteral("wide.hea")), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->signal(0).format, 32);
        QVERIFY(back->baseTime().isNull());
        compareSamples(*back, 0, v);
    }

    void refusesWhatItCannotWrite()
    {
        WfdbWriter::Record record;
        QString error;
        QVERIFY(!WfdbWriter::write(m_dir.path(), QStringLiteral("none"), record, &error));
        record.channels.push_back(makeSignal(QStringLiteral("A"), {}, 62.5, 1, 0, Samples(10, 1)));
        record.channels.push_back(makeSignal(QStringLiteral("B"), {}, 125, 1, 0, Samples(20, 1)));
        QVERIFY(!WfdbWriter::write(m_dir.path(), QStringLiteral("rates"), record, &error));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("rates.hea"))));
        record.channels.pop_back();
        QVERIFY(!WfdbWriter::write(m_dir.path(), QStringLiteral("../escape"), record, &error));
        record.channels[0].gain = -1;
        QVERIFY(!WfdbWriter::write(m_dir.path(), QStringLiteral("negative"), record, &error));
    }

    // MIT-BIH record 100: read, written, read again; samples and reference annotations identical.
    void record100()
    {
        QString error;
        auto wfdb = WfdbRecord::open(dataPath(QStringLiteral("100.hea")), &error);
        QVERIFY2(wfdb, qPrintable(error));
        auto atr = WfdbAnnotations::open(dataPath(QStringLiteral("100.atr")), &error);
        QVERIFY2(atr, qPrintable(error));
        WfdbWriter::Record record;
        std::vector<Samples> original;
        for (int j = 0; j < wfdb->signalCount(); ++j) {
            Samples samples;
            QVERIFY2(wfdb->readSamples(j, samples, &error), qPrintable(error));
            original.push_back(samples);
            const auto& s = wfdb->signal(j);
            record.channels.push_back(
                makeSignal(s.description, s.units, wfdb->signalFrequency(j), s.gain, s.baseline, std::move(samples)));
        }
        for (const auto& a : atr->annotations()) {
            WfdbWriter::Annotation w;
            w.onsetUs = std::llround(static_cast<double>(a.sample) * 1e6 / wfdb->frequency());
            w.code = a.code;
            w.subtype = a.subtype;
            w.channel = a.channel;
            w.number = a.number;
            w.aux = a.aux;
            record.annotations.push_back(w);
        }
        QVERIFY2(WfdbWriter::write(m_dir.path(), QStringLiteral("r100"), record, &error), qPrintable(error));

        auto back = WfdbRecord::open(m_dir.filePath(QStringLiteral("r100.hea")), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->frequency(), 360.0);
        QCOMPARE(back->sampleCount(), wfdb->sampleCount());
        QCOMPARE(back->signalCount(), 2);
        for (int j = 0; j < 2; ++j) {
            QCOMPARE(back->signal(j).gain, wfdb->signal(j).gain);
            QCOMPARE(back->signal(j).baseline, wfdb->signal(j).baseline);
            QCOMPARE(back->signal(j).units, wfdb->signal(j).units);
            QCOMPARE(back->signal(j).description, wfdb->signal(j).description);
            QCOMPARE(*back->signal(j).checksum, *wfdb->signal(j).checksum);
            compareSamples(*back, j, original[std::size_t(j)]);
        }
        auto atrBack = WfdbAnnotations::open(m_dir.filePath(QStringLiteral("r100.atr")), &error);
        QVERIFY2(atrBack, qPrintable(error));
        QCOMPARE(atrBack->timeResolution(), std::nullopt);
        const auto& a = atr->annotations();
        const auto& b = atrBack->annotations();
        QCOMPARE(b.size(), a.size());
        for (std::size_t i = 0; i < a.size(); ++i) {
            QCOMPARE(b[i].sample, a[i].sample);
            QCOMPARE(b[i].code, a[i].code);
            QCOMPARE(b[i].subtype, a[i].subtype);
            QCOMPARE(b[i].channel, a[i].channel);
            QCOMPARE(b[i].number, a[i].number);
            QCOMPARE(b[i].aux, a[i].aux);
        }
    }
};

QTEST_GUILESS_MAIN(TestWfdbWriter)
#include "tst_wfdbwriter.moc"
