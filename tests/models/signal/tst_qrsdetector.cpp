// The QRS detector against the cardiologists' reference annotations of MIT-BIH record 100 (issue 5:
// sensitivity and positive predictivity >= 99.5 %, match within 150 ms; heart rate per minute within
// 2 bpm of derived/100_hr_reference_per_minute.csv), and on signals with no beats at all.
// Data: tests/models/codec/data (see its ATTRIBUTION.md).
#include "codec/wfdbannotations.h"
#include "codec/wfdbrecord.h"
#include "signal/beatcomparison.h"
#include "signal/heartratewindows.h"
#include "signal/qrsdetector.h"

#include <QFile>
#include <QTest>

#include <cmath>
#include <random>

using namespace vigil;
using signal::BeatComparison;
using signal::HeartRateWindows;
using signal::QrsDetector;

namespace {

QString dataPath(const QString& name)
{
    return QStringLiteral(VIGIL_SOURCE_DIR "/tests/models/codec/data/") + name;
}

std::vector<double> millivolts(const codec::WfdbRecord& record, int signal)
{
    std::vector<qint32> digital;
    if (!record.readSamples(signal, digital))
        qFatal("cannot read the record");
    std::vector<double> mv(digital.size());
    for (std::size_t i = 0; i < digital.size(); ++i)
        mv[i] = record.physical(signal, digital[i]);
    return mv;
}

std::vector<long long> referenceBeats()
{
    const auto atr = codec::WfdbAnnotations::open(dataPath(QStringLiteral("100.atr")));
    if (!atr)
        qFatal("cannot read 100.atr");
    std::vector<long long> beats;
    for (const auto& a : atr->annotations()) {
        if (codec::WfdbAnnotations::isBeat(a.code))
            beats.push_back(a.sample);
    }
    return beats;
}

} // namespace

class TestQrsDetector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void record100AgainstTheReference()
    {
        const auto record = codec::WfdbRecord::open(dataPath(QStringLiteral("100.hea")));
        QVERIFY(record);
        const double fs = record->frequency();
        QCOMPARE(fs, 360.0);
        const std::vector<long long> reference = referenceBeats();
        QCOMPARE(reference.size(), std::size_t(2273));
        for (int lead : {0, 1}) { // MLII, then V5
            const std::vector<double> ecg = millivolts(*record, lead);
            const std::vector<long long> detected = QrsDetector({.sampleRateHz = fs}).detect(ecg);
            const auto r = BeatComparison::compare(reference, detected, std::llround(0.150 * fs));
            qInfo("record 100 %s: %zu beats detected, %lld reference; TP %lld FN %lld FP %lld; Se %.2f %%, +P %.2f %%",
                lead == 0 ? "MLII" : "V5", detected.size(), static_cast<long long>(reference.size()), r.truePositives,
                r.falseNegatives, r.falsePositives, 100 * r.sensitivity(), 100 * r.positivePredictivity());
            if (lead == 0) { // the target is on the primary lead
                QVERIFY2(r.sensitivity() >= 0.995, qPrintable(QString::number(r.sensitivity())));
                QVERIFY2(r.positivePredictivity() >= 0.995, qPrintable(QString::number(r.positivePredictivity())));
            }

            if (lead != 0)
                continue;
            // Heart rate per minute against the reference's.
            QFile csv(dataPath(QStringLiteral("derived/100_hr_reference_per_minute.csv")));
            QVERIFY(csv.open(QIODevice::ReadOnly | QIODevice::Text));
            csv.readLine(); // header
            const auto windows = HeartRateWindows::compute(detected, fs, static_cast<long long>(ecg.size()));
            std::size_t row = 0;
            double worst = 0;
            while (!csv.atEnd()) {
                const QList<QByteArray> cells = csv.readLine().trimmed().split(',');
                QCOMPARE(cells.size(), 5);
                QVERIFY(row < windows.size());
                QCOMPARE(windows[row].startS, cells[0].toDouble());
                QVERIFY(std::fabs(windows[row].endS - cells[1].toDouble()) < 0.001);
                const double expected = cells[4].toDouble();
                worst = std::max(worst, std::fabs(windows[row].bpm - expected));
                QVERIFY2(std::fabs(windows[row].bpm - expected) <= 2.0,
                    qPrintable(QStringLiteral("minute %1: %2 bpm, reference %3")
                                   .arg(row)
                                   .arg(windows[row].bpm)
                                   .arg(expected)));
                ++row;
            }
            QCOMPARE(row, windows.size());
            QCOMPARE(row, std::size_t(31));
            qInfo("heart rate per minute: largest difference from the reference %.2f bpm", worst);
        }
    }

    void noBeatsInFlatLineOrNoise()
    {
        QrsDetector detector({.sampleRateHz = 250});
        QVERIFY(detector.detect(std::vector<double>(250 * 20, 0.0)).empty());
        // Lead off: NaN throughout.
        QVERIFY(detector.detect(std::vector<double>(250 * 20, std::nan(""))).empty());
        // Too short to say anything.
        QVERIFY(detector.detect(std::vector<double>(100, 1.0)).empty());
    }

    void syntheticBeatsAtKnownTimes()
    {
        // Narrow 1 mV spikes every 0.8 s (75 bpm) on baseline wander and a little noise.
        const double fs = 500;
        std::vector<double> ecg(static_cast<std::size_t>(fs * 30));
        std::mt19937 random(7);
        std::normal_distribution<double> noise(0, 0.02);
        std::vector<long long> truth;
        for (std::size_t i = 0; i < ecg.size(); ++i)
            ecg[i] = 0.3 * std::sin(2 * M_PI * 0.3 * static_cast<double>(i) / fs) + noise(random);
        for (double t = 0.5; t < 29.5; t += 0.8) {
            const auto centre = static_cast<long long>(t * fs);
            truth.push_back(centre);
            for (long long k = -15; k <= 15; ++k)
                ecg[static_cast<std::size_t>(centre + k)] += std::exp(-0.5 * std::pow(static_cast<double>(k) / 5.0, 2));
        }
        const auto detected = QrsDetector({.sampleRateHz = fs}).detect(ecg);
        const auto r = BeatComparison::compare(truth, detected, static_cast<long long>(0.05 * fs));
        QCOMPARE(r.falseNegatives, 0LL);
        QCOMPARE(r.falsePositives, 0LL);
        const auto windows = HeartRateWindows::compute(detected, fs, static_cast<long long>(ecg.size()), 10.0);
        QCOMPARE(windows.size(), std::size_t(3));
        QVERIFY(std::fabs(windows[1].bpm - 75.0) < 0.5);
    }

    void comparison()
    {
        const std::vector<long long> reference{100, 200, 300, 400};
        const std::vector<long long> detected{98, 205, 260, 351, 402, 500};
        const auto r = BeatComparison::compare(reference, detected, 10);
        QCOMPARE(r.truePositives, 3LL); // 98, 205, 402
        QCOMPARE(r.falseNegatives, 1LL); // 300
        QCOMPARE(r.falsePositives, 3LL); // 260, 351, 500
        QCOMPARE(r.sensitivity(), 0.75);
        QCOMPARE(r.positivePredictivity(), 0.5);
        // One detection cannot match two reference beats.
        const auto twice = BeatComparison::compare(std::vector<long long>{100, 104}, std::vector<long long>{102}, 5);
        QCOMPARE(twice.truePositives, 1LL);
        QCOMPARE(twice.falseNegatives, 1LL);
    }
};

QTEST_GUILESS_MAIN(TestQrsDetector)
#include "tst_qrsdetector.moc"
