// The generated alarm tones (IEC 60601-1-8 conventions, CLINICAL.md), measured on the rendered PCM
// as a listener would hear them: pulses found by their envelope (10 / 3 / 1-2, timing within the
// standard's ranges), the fundamental and its harmonics by Goertzel filters, no clipping, no clicks;
// and AlarmTone without an audio device reporting it instead of failing.

#include "alarmtone.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <cmath>
#include <numbers>
#include <vector>

using namespace vigil;
using clinical::AlarmPriority;
using ui::AlarmTone;

namespace {

constexpr int kRate = AlarmTone::kSampleRate;

std::vector<double> samples(const QByteArray& pcm)
{
    std::vector<double> out(static_cast<std::size_t>(pcm.size()) / sizeof(qint16));
    const auto* in = reinterpret_cast<const qint16*>(pcm.constData());
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = in[i];
    return out;
}

double msOf(std::size_t sample)
{
    return 1000.0 * double(sample) / kRate;
}

struct Detected
{
    double startMs = 0;
    double endMs = 0;
};

// Pulses by envelope: the peak of |x| over 2 ms windows against 10 % of the signal's peak, with at
// least 20 ms of quiet between two pulses.
std::vector<Detected> detectPulses(const std::vector<double>& x)
{
    double peak = 0;
    for (double v : x)
        peak = std::max(peak, std::abs(v));
    const double threshold = 0.1 * peak;
    const std::size_t window = kRate * 2 / 1000;
    const std::size_t minQuiet = kRate * 20 / 1000;
    std::vector<Detected> pulses;
    bool inPulse = false;
    std::size_t start = 0;
    std::size_t lastLoud = 0;
    for (std::size_t w = 0; w + window <= x.size(); w += window) {
        double envelope = 0;
        for (std::size_t i = w; i < w + window; ++i)
            envelope = std::max(envelope, std::abs(x[i]));
        const bool loud = envelope >= threshold;
        if (loud) {
            if (!inPulse) {
                inPulse = true;
                start = w;
            }
            lastLoud = w + window;
        } else if (inPulse && w - lastLoud >= minQuiet) {
            pulses.push_back({msOf(start), msOf(lastLoud)});
            inPulse = false;
        }
    }
    if (inPulse)
        pulses.push_back({msOf(start), msOf(lastLoud)});
    return pulses;
}

// Amplitude of the component at `hz` in x[first, first + n), Hann-windowed (Goertzel).
double amplitudeAt(const std::vector<double>& x, std::size_t first, std::size_t n, double hz)
{
    const double w = 2.0 * std::numbers::pi * hz / kRate;
    const double coeff = 2.0 * std::cos(w);
    double s1 = 0;
    double s2 = 0;
    double windowSum = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double hann = 0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * double(i) / double(n - 1));
        windowSum += hann;
        const double s0 = x[first + i] * hann + coeff * s1 - s2;
        s2 = s1;
        s1 = s0;
    }
    const double power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
    return 2.0 * std::sqrt(std::max(0.0, power)) / windowSum;
}

double dB(double ratio)
{
    return 20.0 * std::log10(ratio);
}

} // namespace

class TestAlarmTone : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pulses_data()
    {
        QTest::addColumn<int>("level");
        QTest::addColumn<int>("minPulses");
        QTest::addColumn<int>("maxPulses");
        QTest::addColumn<int>("minPulseMs"); // IEC 60601-1-8 table 4: pulse duration
        QTest::addColumn<int>("maxPulseMs");
        QTest::addColumn<int>("minSilenceMs"); // after the burst (interburst interval)
        QTest::newRow("high: 10 pulses") << int(AlarmPriority::High) << 10 << 10 << 75 << 200 << 2500;
        QTest::newRow("medium: 3 pulses") << int(AlarmPriority::Medium) << 3 << 3 << 125 << 250 << 2500;
        QTest::newRow("low: 1-2 pulses") << int(AlarmPriority::Low) << 1 << 2 << 125 << 250 << 15000;
    }

    void pulses()
    {
        QFETCH(int, level);
        QFETCH(int, minPulses);
        QFETCH(int, maxPulses);
        QFETCH(int, minPulseMs);
        QFETCH(int, maxPulseMs);
        QFETCH(int, minSilenceMs);
        const auto priority = AlarmPriority::Level(level);
        const std::vector<double> x = samples(AlarmTone::render(priority));
        QCOMPARE(double(x.size()), std::round(double(AlarmTone::cycleMs(priority)) * kRate / 1000.0));

        const std::vector<Detected> found = detectPulses(x);
        QVERIFY2(int(found.size()) >= minPulses && int(found.size()) <= maxPulses,
            qPrintable(QStringLiteral("%1 pulses").arg(found.size())));

        // Each pulse as heard (its envelope above 10 %) lasts within the standard's range, allowing
        // for the ramps' quiet ends; and it is where the pattern says.
        const std::vector<AlarmTone::Pulse> planned = AlarmTone::pulses(priority);
        QCOMPARE(found.size(), planned.size());
        for (std::size_t i = 0; i < found.size(); ++i) {
            const double duration = found[i].endMs - found[i].startMs;
            QVERIFY2(duration >= minPulseMs - 12 && duration <= maxPulseMs + 4,
                qPrintable(QStringLiteral("pulse %1 lasts %2 ms").arg(i + 1).arg(duration)));
            QVERIFY(std::abs(found[i].startMs - planned[i].startMs) <= 10);
        }
        // The silence after the burst, to the end of the cycle (the loop's next burst).
        QVERIFY(msOf(x.size()) - found.back().endMs >= minSilenceMs);
    }

    void highPriorityRhythm()
    {
        // HIGH: 3 + 2, pause, 3 + 2. Gaps within a group x = 50-125 ms; between the groups 2x + td;
        // between the halves 0.35-1.3 s (IEC 60601-1-8 table 4), measured on the envelope.
        const std::vector<Detected> found = detectPulses(samples(AlarmTone::render(AlarmPriority::High)));
        QCOMPARE(found.size(), std::size_t(10));
        std::vector<double> gaps;
        for (std::size_t i = 1; i < found.size(); ++i)
            gaps.push_back(found[i].startMs - found[i - 1].endMs);
        const double slack = 15; // the ramps' quiet ends add to a gap as heard
        for (std::size_t i : {0, 1, 3, 5, 6, 8})
            QVERIFY2(gaps[i] >= 50 && gaps[i] <= 125 + slack, qPrintable(QString::number(gaps[i])));
        const double x = gaps[0];
        const double td = found[0].endMs - found[0].startMs;
        for (std::size_t i : {2, 7})
            QVERIFY2(std::abs(gaps[i] - (2 * x + td)) <= 2 * slack, qPrintable(QString::number(gaps[i])));
        QVERIFY2(gaps[4] >= 350 && gaps[4] <= 1300 + slack, qPrintable(QString::number(gaps[4])));
        QVERIFY(gaps[4] > gaps[2]); // the pause between the halves is the longest
    }

    void spectrum_data()
    {
        QTest::addColumn<int>("level");
        QTest::newRow("high") << int(AlarmPriority::High);
        QTest::newRow("medium") << int(AlarmPriority::Medium);
        QTest::newRow("low") << int(AlarmPriority::Low);
    }

    void spectrum()
    {
        QFETCH(int, level);
        const auto priority = AlarmPriority::Level(level);
        const std::vector<double> x = samples(AlarmTone::render(priority));
        const AlarmTone::Pulse first = AlarmTone::pulses(priority).front();
        // 100 ms from the steady middle of the first pulse (past its attack ramp).
        const std::size_t n = kRate / 10;
        const std::size_t from = std::size_t(first.startMs + AlarmTone::rampMs(priority) + 2) * kRate / 1000;
        QVERIFY(from + n <= std::size_t(first.startMs + first.durationMs - AlarmTone::rampMs(priority)) * kRate / 1000);

        // The fundamental: the strongest component between 150 and 1000 Hz.
        double bestHz = 0;
        double best = 0;
        for (double hz = 150; hz <= 1000; hz += 5) {
            const double a = amplitudeAt(x, from, n, hz);
            if (a > best) {
                best = a;
                bestHz = hz;
            }
        }
        QVERIFY2(std::abs(bestHz - AlarmTone::kFundamentalHz) <= 10, qPrintable(QString::number(bestHz)));
        const double f0 = AlarmTone::kFundamentalHz;
        const double fundamental = amplitudeAt(x, from, n, f0);

        // At least 4 harmonics in 300-4000 Hz, each within ±15 dB of the fundamental.
        int harmonics = 0;
        for (int k = 2; k * f0 <= 4000; ++k) {
            const double relative = dB(amplitudeAt(x, from, n, k * f0) / fundamental);
            if (k * f0 >= 300 && std::abs(relative) <= 15)
                ++harmonics;
        }
        QVERIFY2(harmonics >= 4, qPrintable(QString::number(harmonics)));

        // Between the harmonics there is nothing (a clean, periodic tone).
        for (double hz : {f0 * 0.5, f0 * 1.5, f0 * 2.5, f0 * 3.5, f0 * 4.5})
            QVERIFY2(dB(amplitudeAt(x, from, n, hz) / fundamental) < -40, qPrintable(QString::number(hz)));
    }

    void noClippingNoClicks_data() { spectrum_data(); }

    void noClippingNoClicks()
    {
        QFETCH(int, level);
        const auto priority = AlarmPriority::Level(level);
        const std::vector<double> x = samples(AlarmTone::render(priority));
        double peak = 0;
        for (double v : x)
            peak = std::max(peak, std::abs(v));
        // Loud enough, with headroom: never at full scale.
        QVERIFY2(peak <= AlarmTone::kPeak * 32767 + 1 && peak < 32000, qPrintable(QString::number(peak)));
        QVERIFY(peak >= 0.5 * 32767);

        // No step between two samples larger than the steady tone's own (a click would be one), and
        // each pulse starts and ends at silence, through its ramps.
        double steadyStep = 0;
        for (const AlarmTone::Pulse& pulse : AlarmTone::pulses(priority)) {
            const std::size_t a = std::size_t(pulse.startMs + AlarmTone::rampMs(priority) + 1) * kRate / 1000;
            const std::size_t b =
                std::size_t(pulse.startMs + pulse.durationMs - AlarmTone::rampMs(priority)) * kRate / 1000;
            for (std::size_t i = a + 1; i < b; ++i)
                steadyStep = std::max(steadyStep, std::abs(x[i] - x[i - 1]));
        }
        QVERIFY(steadyStep > 0);
        double maxStep = std::abs(x.front()) + std::abs(x.back()); // the loop's wrap-around
        for (std::size_t i = 1; i < x.size(); ++i)
            maxStep = std::max(maxStep, std::abs(x[i] - x[i - 1]));
        QVERIFY2(maxStep <= steadyStep * 1.02, qPrintable(QStringLiteral("%1 > %2").arg(maxStep).arg(steadyStep)));
        QVERIFY(maxStep <= 0.4 * 32767);

        const std::size_t twoMs = kRate * 2 / 1000;
        for (const AlarmTone::Pulse& pulse : AlarmTone::pulses(priority)) {
            const std::size_t start = std::size_t(pulse.startMs) * kRate / 1000;
            const std::size_t end = std::size_t(pulse.startMs + pulse.durationMs) * kRate / 1000;
            for (std::size_t i = 0; i < twoMs; ++i) {
                QVERIFY(std::abs(x[start + i]) <= 0.05 * peak);
                QVERIFY(std::abs(x[end - 1 - i]) <= 0.05 * peak);
            }
            QCOMPARE(x[start], 0.0);
        }
    }

    void otherRatesAndNone()
    {
        QVERIFY(AlarmTone::render(AlarmPriority::None).isEmpty());
        QVERIFY(AlarmTone::pulses(AlarmPriority::None).empty());
        const QByteArray pcm = AlarmTone::render(AlarmPriority::Medium, 48000);
        QCOMPARE(pcm.size(), qsizetype(AlarmTone::cycleMs(AlarmPriority::Medium)) * 48 * 2);
    }

    void withoutAudioOutput()
    {
        QElapsedTimer clock;
        clock.start();
        AlarmTone tone;
        QSignalSpy unavailable(&tone, &AlarmTone::audioOutputUnavailable);
        tone.setLevel(AlarmPriority::High);
        QCOMPARE(tone.level(), AlarmPriority::High);
        if (tone.hasAudioOutput()) {
            // A machine with a sound card: it plays, or says why it cannot.
            QVERIFY(tone.isPlaying() || unavailable.count() == 1);
        } else {
            // CI: no sound card, no sound server. Reported, never a crash or a hang.
            QCOMPARE(unavailable.count(), 1);
            QVERIFY(!tone.isPlaying());
            QVERIFY(!tone.audioOutputProblem().isEmpty());
            QCOMPARE(unavailable.at(0).at(0).toString(), tone.audioOutputProblem());
            tone.setLevel(AlarmPriority::High); // unchanged: no new report
            QCOMPARE(unavailable.count(), 1);
            tone.setLevel(AlarmPriority::Medium);
            QCOMPARE(unavailable.count(), 2);
        }
        tone.setLevel(AlarmPriority::None);
        QCOMPARE(tone.level(), AlarmPriority::None);
        QVERIFY(!tone.isPlaying());
        QVERIFY2(clock.elapsed() < 5000, "setLevel() must not block");
    }
};

QTEST_MAIN(TestAlarmTone)
#include "tst_alarmtone.moc"
