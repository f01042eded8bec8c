#include "live/patientfeed.h"

#include <QTest>

#include <cmath>
#include <cstdlib>
#include <limits>
#include <vector>

using vigil::core::DeviceStatus;
using vigil::core::kMicrosPerSecond;
using vigil::core::Measurement;
using vigil::core::PatientIdentity;
using vigil::core::StreamKind;
using vigil::core::Timestamp;
using vigil::core::VitalKind;
using vigil::live::PatientFeed;

Q_DECLARE_METATYPE(StreamKind)

namespace {

// 2023-11-14 22:13:20 UTC: an arbitrary fixed device time.
constexpr Timestamp kT0 = Timestamp{1'700'000'000} * kMicrosPerSecond;
constexpr Timestamp kSecond = kMicrosPerSecond;

PatientIdentity testIdentity()
{
    PatientIdentity id;
    id.id = QStringLiteral("test-001");
    id.givenName = QStringLiteral("Alex");
    id.familyName = QStringLiteral("Testcase");
    id.birthDate = QDate(1960, 1, 1);
    id.nhsNumber = QStringLiteral("9990000018");
    return id;
}

std::vector<float> ramp(int count, float start)
{
    std::vector<float> v(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i)
        v[static_cast<std::size_t>(i)] = start + static_cast<float>(i);
    return v;
}

std::vector<float> readAll(const PatientFeed& feed, StreamKind kind)
{
    std::vector<float> out;
    (void)feed.ring(kind).read(0, out);
    return out;
}

Measurement measurement(double value, Timestamp time)
{
    return Measurement{value, time};
}

} // namespace

class TestPatientFeed : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ringsSizedForRingSeconds_data();
    void ringsSizedForRingSeconds();
    void firstBatch();
    void secondBatch_data();
    void secondBatch();
    void gapLongerThanFillLimit();
    void streamsAreIndependent();
    void emptyBatchIsIgnored();
    void vitalsNewestWins();
    void invalidVitalsIgnored_data();
    void invalidVitalsIgnored();
    void trendOnePointPerInterval();
    void trendDropsPointsOlderThanHorizon();
    void statusDoesNotRefreshDataAge();
    void statusNewestWins();
    void dataAgeSeconds_data();
    void dataAgeSeconds();
    void lastReceivedNeverGoesBack();
};

void TestPatientFeed::ringsSizedForRingSeconds_data()
{
    QTest::addColumn<StreamKind>("kind");
    QTest::addColumn<qulonglong>("capacity");
    QTest::newRow("ecg 500 Hz x 64 s -> 32768") << StreamKind::Ecg << 32768ull;
    QTest::newRow("pleth 125 Hz x 64 s -> 8192") << StreamKind::Pleth << 8192ull;
    QTest::newRow("resp 50 Hz x 64 s -> 4096") << StreamKind::Resp << 4096ull;
}

void TestPatientFeed::ringsSizedForRingSeconds()
{
    QFETCH(StreamKind, kind);
    QFETCH(qulonglong, capacity);
    const PatientFeed feed(testIdentity());
    QCOMPARE(static_cast<qulonglong>(feed.ring(kind).capacity()), capacity);
    QCOMPARE(feed.ring(kind).written(), std::uint64_t{0});
    QCOMPARE(feed.identity().id, QStringLiteral("test-001"));
}

void TestPatientFeed::firstBatch()
{
    PatientFeed feed(testIdentity());
    const Timestamp received = kT0 + 300'000;
    feed.appendSamples(StreamKind::Ecg, kT0, ramp(10, 1.f), received);

    QCOMPARE(feed.ring(StreamKind::Ecg).written(), std::uint64_t{10});
    QCOMPARE(readAll(feed, StreamKind::Ecg), ramp(10, 1.f));
    QCOMPARE(feed.sampleTime(StreamKind::Ecg, 0), kT0);
    QCOMPARE(feed.sampleTime(StreamKind::Ecg, 9), kT0 + 9 * 2000);
    const auto snap = feed.snapshot();
    QCOMPARE(snap.lastReceived, received);
    QCOMPARE(snap.lastSampleTime[0], kT0 + 9 * 2000);
    QCOMPARE(snap.lastSampleTime[1], Timestamp{0});
    QCOMPARE(snap.lastSampleTime[2], Timestamp{0});
}

void TestPatientFeed::secondBatch_data()
{
    QTest::addColumn<StreamKind>("kind");
    QTest::addColumn<Timestamp>("offset"); // device time of the second batch minus that of the first
    QTest::addColumn<int>("count"); // samples in the second batch (values 100, 101, ...)
    QTest::addColumn<int>("nanFill"); // expected NaN samples inserted
    QTest::addColumn<int>("kept"); // expected samples kept from the second batch (its last ones)

    // The first batch is always 10 samples at kT0; for ECG the period is 2000 us, so the expected
    // continuation is at offset 20000.
    // clang-format off
    QTest::newRow("contiguous")                << StreamKind::Ecg << Timestamp{20'000} << 5 << 0 << 5;
    QTest::newRow("early by < half a period")  << StreamKind::Ecg << Timestamp{19'001} << 5 << 0 << 5;
    QTest::newRow("late by < half a period")   << StreamKind::Ecg << Timestamp{20'999} << 5 << 0 << 5;
    QTest::newRow("late by half a period")     << StreamKind::Ecg << Timestamp{21'000} << 5 << 1 << 5;
    QTest::newRow("gap of one sample")         << StreamKind::Ecg << Timestamp{22'000} << 5 << 1 << 5;
    QTest::newRow("gap of three samples")      << StreamKind::Ecg << Timestamp{26'000} << 5 << 3 << 5;
    QTest::newRow("gap of 1 s")                << StreamKind::Ecg << Timestamp{20'000 + kSecond} << 5 << 500 << 5;
    QTest::newRow("gap exactly the fill limit")<< StreamKind::Ecg << Timestamp{20'000 + 16 * kSecond} << 5 << 8000 << 5;
    QTest::newRow("duplicate batch")           << StreamKind::Ecg << Timestamp{0} << 10 << 0 << 0;
    QTest::newRow("duplicate of last sample")  << StreamKind::Ecg << Timestamp{18'000} << 1 << 0 << 0;
    QTest::newRow("overlap of four")           << StreamKind::Ecg << Timestamp{12'000} << 8 << 0 << 4;
    QTest::newRow("overlap, slightly jittered")<< StreamKind::Ecg << Timestamp{12'700} << 8 << 0 << 4;
    QTest::newRow("entirely older")            << StreamKind::Ecg << Timestamp{-40'000} << 5 << 0 << 0;
    QTest::newRow("pleth contiguous")          << StreamKind::Pleth << Timestamp{80'000} << 3 << 0 << 3;
    QTest::newRow("pleth gap of two")          << StreamKind::Pleth << Timestamp{96'000} << 3 << 2 << 3;
    QTest::newRow("pleth overlap of one")      << StreamKind::Pleth << Timestamp{72'000} << 3 << 0 << 2;
    QTest::newRow("resp gap of 2 s")           << StreamKind::Resp << Timestamp{200'000 + 2 * kSecond} << 4 << 100 << 4;
    // clang-format on
}

void TestPatientFeed::secondBatch()
{
    QFETCH(StreamKind, kind);
    QFETCH(Timestamp, offset);
    QFETCH(int, count);
    QFETCH(int, nanFill);
    QFETCH(int, kept);

    const Timestamp period = vigil::core::samplePeriodUs(kind);
    PatientFeed feed(testIdentity());
    feed.appendSamples(kind, kT0, ramp(10, 1.f), kT0 + kSecond);
    feed.appendSamples(kind, kT0 + offset, ramp(count, 100.f), kT0 + 2 * kSecond);

    std::vector<float> expected = ramp(10, 1.f);
    expected.insert(expected.end(), static_cast<std::size_t>(nanFill), std::numeric_limits<float>::quiet_NaN());
    const std::vector<float> second = ramp(count, 100.f);
    expected.insert(expected.end(), second.end() - kept, second.end());

    const std::vector<float> actual = readAll(feed, kind);
    QCOMPARE(actual.size(), expected.size());
    for (std::size_t i = 0; i < actual.size(); ++i) {
        if (std::isnan(expected[i]))
            QVERIFY2(std::isnan(actual[i]), qPrintable(QStringLiteral("sample %1 should be NaN").arg(i)));
        else
            QCOMPARE(actual[i], expected[i]);
    }

    // The newest sample's device time, as the snapshot and sampleTime() report it.
    const auto snap = feed.snapshot();
    const Timestamp newest = kept > 0 ? kT0 + offset + Timestamp{count - 1} * period : kT0 + 9 * period;
    const std::uint64_t last = feed.ring(kind).written() - 1;
    QCOMPARE(snap.lastSampleTime[static_cast<std::size_t>(vigil::core::streamIndex(kind))] / period, newest / period);
    QVERIFY(std::llabs(feed.sampleTime(kind, last) - newest) <= period / 2);
}

// An outage longer than kMaxGapFillUs is filled only up to the limit; the ring's time of index zero
// moves so that sampleTime() stays right for the samples after the gap.
void TestPatientFeed::gapLongerThanFillLimit()
{
    PatientFeed feed(testIdentity());
    constexpr Timestamp period = 2000;
    feed.appendSamples(StreamKind::Ecg, kT0, ramp(10, 1.f), kT0);
    const Timestamp resume = kT0 + 10 * period + 60 * kSecond; // 60 s of nothing
    feed.appendSamples(StreamKind::Ecg, resume, ramp(5, 100.f), resume);

    const auto fillLimit = static_cast<std::uint64_t>(PatientFeed::kMaxGapFillUs / period);
    QCOMPARE(fillLimit, std::uint64_t{8000});
    QCOMPARE(feed.ring(StreamKind::Ecg).written(), 10 + fillLimit + 5);

    std::vector<float> out;
    (void)feed.ring(StreamKind::Ecg).read(10, out);
    QCOMPARE(out.size(), std::size_t{fillLimit + 5});
    for (std::size_t i = 0; i < fillLimit; ++i)
        QVERIFY(std::isnan(out[i]));
    QCOMPARE(out[fillLimit], 100.f);
    QCOMPARE(out[fillLimit + 4], 104.f);

    QCOMPARE(feed.sampleTime(StreamKind::Ecg, 10 + fillLimit), resume);
    QCOMPARE(feed.sampleTime(StreamKind::Ecg, 10 + fillLimit + 4), resume + 4 * period);
    QCOMPARE(feed.snapshot().lastSampleTime[0], resume + 4 * period);

    // And the stream continues contiguously after it.
    feed.appendSamples(StreamKind::Ecg, resume + 5 * period, ramp(2, 200.f), resume + kSecond);
    QCOMPARE(feed.ring(StreamKind::Ecg).written(), 10 + fillLimit + 7);
}

void TestPatientFeed::streamsAreIndependent()
{
    PatientFeed feed(testIdentity());
    feed.appendSamples(StreamKind::Ecg, kT0, ramp(500, 0.f), kT0 + kSecond);
    feed.appendSamples(StreamKind::Pleth, kT0 + 5 * kSecond, ramp(125, 0.f), kT0 + kSecond);
    feed.appendSamples(StreamKind::Resp, kT0 + 7 * kSecond, ramp(50, 0.f), kT0 + kSecond);
    QCOMPARE(feed.ring(StreamKind::Ecg).written(), std::uint64_t{500});
    QCOMPARE(feed.ring(StreamKind::Pleth).written(), std::uint64_t{125});
    QCOMPARE(feed.ring(StreamKind::Resp).written(), std::uint64_t{50});
    QCOMPARE(feed.sampleTime(StreamKind::Ecg, 0), kT0);
    QCOMPARE(feed.sampleTime(StreamKind::Pleth, 0), kT0 + 5 * kSecond);
    QCOMPARE(feed.sampleTime(StreamKind::Resp, 10), kT0 + 7 * kSecond + 10 * 20'000);
    const auto snap = feed.snapshot();
    QCOMPARE(snap.lastSampleTime[0], kT0 + 499 * 2000);
    QCOMPARE(snap.lastSampleTime[1], kT0 + 5 * kSecond + 124 * 8000);
    QCOMPARE(snap.lastSampleTime[2], kT0 + 7 * kSecond + 49 * 20'000);
}

void TestPatientFeed::emptyBatchIsIgnored()
{
    PatientFeed feed(testIdentity());
    feed.appendSamples(StreamKind::Ecg, kT0, {}, kT0);
    QCOMPARE(feed.ring(StreamKind::Ecg).written(), std::uint64_t{0});
    QCOMPARE(feed.snapshot().lastReceived, Timestamp{0});
    // The first real batch still anchors time.
    feed.appendSamples(StreamKind::Ecg, kT0 + kSecond, ramp(3, 0.f), kT0 + kSecond);
    QCOMPARE(feed.sampleTime(StreamKind::Ecg, 0), kT0 + kSecond);
}

void TestPatientFeed::vitalsNewestWins()
{
    PatientFeed feed(testIdentity());
    feed.updateVital(VitalKind::HeartRate, measurement(80, kT0 + 5 * kSecond), kT0 + 5 * kSecond);
    QCOMPARE(feed.snapshot().vitals[VitalKind::HeartRate].value, 80.0);

    // Late (older) reading: ignored for the current value.
    feed.updateVital(VitalKind::HeartRate, measurement(70, kT0 + 3 * kSecond), kT0 + 6 * kSecond);
    QCOMPARE(feed.snapshot().vitals[VitalKind::HeartRate].value, 80.0);
    QCOMPARE(feed.snapshot().vitals[VitalKind::HeartRate].time, kT0 + 5 * kSecond);

    // Same time: the later update wins.
    feed.updateVital(VitalKind::HeartRate, measurement(90, kT0 + 5 * kSecond), kT0 + 7 * kSecond);
    QCOMPARE(feed.snapshot().vitals[VitalKind::HeartRate].value, 90.0);

    // Newer: wins; other kinds untouched.
    feed.updateVital(VitalKind::HeartRate, measurement(95, kT0 + 8 * kSecond), kT0 + 8 * kSecond);
    feed.updateVital(VitalKind::SpO2, measurement(97, kT0 + 1 * kSecond), kT0 + 8 * kSecond);
    const auto snap = feed.snapshot();
    QCOMPARE(snap.vitals[VitalKind::HeartRate].value, 95.0);
    QCOMPARE(snap.vitals[VitalKind::SpO2].value, 97.0);
    QVERIFY(!snap.vitals[VitalKind::RespRate].isValid());
    QVERIFY(!snap.vitals[VitalKind::Temperature].isValid());
    QCOMPARE(snap.lastReceived, kT0 + 8 * kSecond);
}

void TestPatientFeed::invalidVitalsIgnored_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<Timestamp>("time");
    QTest::newRow("NaN value") << std::numeric_limits<double>::quiet_NaN() << kT0;
    QTest::newRow("infinite value") << std::numeric_limits<double>::infinity() << kT0;
    QTest::newRow("no time") << 72.0 << Timestamp{0};
}

void TestPatientFeed::invalidVitalsIgnored()
{
    QFETCH(double, value);
    QFETCH(Timestamp, time);
    PatientFeed feed(testIdentity());
    feed.updateVital(VitalKind::HeartRate, measurement(value, time), kT0 + kSecond);
    const auto snap = feed.snapshot();
    QVERIFY(!snap.vitals[VitalKind::HeartRate].isValid());
    QCOMPARE(snap.lastReceived, Timestamp{0}); // nothing usable arrived
    QVERIFY(feed.trend(VitalKind::HeartRate).empty());
}

void TestPatientFeed::trendOnePointPerInterval()
{
    QCOMPARE(PatientFeed::kTrendIntervalUs, 5 * kSecond);
    PatientFeed feed(testIdentity());
    // One reading a second for 60 s (values 60..119): the trend keeps one every 5 s.
    for (int s = 0; s < 60; ++s)
        feed.updateVital(VitalKind::HeartRate, measurement(60 + s, kT0 + s * kSecond), kT0 + s * kSecond);
    const auto trend = feed.trend(VitalKind::HeartRate);
    QCOMPARE(trend.size(), std::size_t{12});
    for (std::size_t i = 0; i < trend.size(); ++i) {
        QCOMPARE(trend[i].time, kT0 + static_cast<Timestamp>(i) * 5 * kSecond);
        QCOMPARE(trend[i].value, 60.0 + 5.0 * static_cast<double>(i));
    }
    // Irregular reporting: a point once at least 5 s have passed since the previous point.
    feed.updateVital(VitalKind::SpO2, measurement(95, kT0), kT0);
    feed.updateVital(VitalKind::SpO2, measurement(96, kT0 + 4'999'999), kT0);
    feed.updateVital(VitalKind::SpO2, measurement(97, kT0 + 5 * kSecond), kT0);
    feed.updateVital(VitalKind::SpO2, measurement(98, kT0 + 13 * kSecond), kT0);
    feed.updateVital(VitalKind::SpO2, measurement(99, kT0 + 17 * kSecond), kT0);
    const auto spo2 = feed.trend(VitalKind::SpO2);
    QCOMPARE(spo2.size(), std::size_t{3});
    QCOMPARE(spo2[0].value, 95.0);
    QCOMPARE(spo2[1].value, 97.0);
    QCOMPARE(spo2[2].value, 98.0);

    // `since` filters by time, inclusive.
    const auto recent = feed.trend(VitalKind::HeartRate, kT0 + 50 * kSecond);
    QCOMPARE(recent.size(), std::size_t{2});
    QCOMPARE(recent[0].time, kT0 + 50 * kSecond);
    QVERIFY(feed.trend(VitalKind::RespRate).empty());
}

void TestPatientFeed::trendDropsPointsOlderThanHorizon()
{
    PatientFeed feed(testIdentity());
    const Timestamp hour = 3600 * kSecond;
    feed.updateVital(VitalKind::Temperature, measurement(37.0, kT0), kT0);
    feed.updateVital(VitalKind::Temperature, measurement(37.5, kT0 + 1 * hour), kT0 + 1 * hour);
    feed.updateVital(VitalKind::Temperature, measurement(38.0, kT0 + 12 * hour), kT0 + 12 * hour);
    QCOMPARE(feed.trend(VitalKind::Temperature).size(), std::size_t{3}); // exactly 12 h: still kept
    feed.updateVital(VitalKind::Temperature, measurement(38.5, kT0 + 12 * hour + kSecond * 10), kT0 + 13 * hour);
    const auto trend = feed.trend(VitalKind::Temperature);
    QCOMPARE(trend.size(), std::size_t{3});
    QCOMPARE(trend.front().value, 37.5);
    QCOMPARE(trend.back().value, 38.5);
}

void TestPatientFeed::statusDoesNotRefreshDataAge()
{
    PatientFeed feed(testIdentity());
    DeviceStatus status;
    status.ecgLeadOff = true;
    status.time = kT0;
    feed.updateStatus(status, kT0 + kSecond);
    auto snap = feed.snapshot();
    QVERIFY(snap.status.ecgLeadOff);
    QCOMPARE(snap.lastReceived, Timestamp{0});
    QCOMPARE(snap.dataAgeSeconds(kT0 + 5 * kSecond), -1.0);

    feed.appendSamples(StreamKind::Resp, kT0, ramp(5, 0.f), kT0 + 2 * kSecond);
    status.time = kT0 + 9 * kSecond;
    status.ecgLeadOff = false;
    feed.updateStatus(status, kT0 + 9 * kSecond);
    snap = feed.snapshot();
    QVERIFY(!snap.status.ecgLeadOff);
    QCOMPARE(snap.lastReceived, kT0 + 2 * kSecond);
    QCOMPARE(snap.dataAgeSeconds(kT0 + 10 * kSecond), 8.0);
}

void TestPatientFeed::statusNewestWins()
{
    PatientFeed feed(testIdentity());
    DeviceStatus offline;
    offline.online = false;
    offline.batteryPercent = 40;
    offline.time = kT0 + 10 * kSecond;
    feed.updateStatus(offline, kT0);
    DeviceStatus stale;
    stale.online = true;
    stale.time = kT0 + 5 * kSecond;
    feed.updateStatus(stale, kT0);
    const auto snap = feed.snapshot();
    QVERIFY(!snap.status.online);
    QCOMPARE(snap.status.batteryPercent, 40);
    QCOMPARE(snap.status.time, kT0 + 10 * kSecond);
}

void TestPatientFeed::dataAgeSeconds_data()
{
    QTest::addColumn<Timestamp>("lastReceived");
    QTest::addColumn<Timestamp>("now");
    QTest::addColumn<double>("age");
    QTest::newRow("never") << Timestamp{0} << kT0 << -1.0;
    QTest::newRow("just now") << kT0 << kT0 << 0.0;
    QTest::newRow("2.5 s") << kT0 << kT0 + 2'500'000 << 2.5;
    QTest::newRow("2 min") << kT0 << kT0 + 120 * kSecond << 120.0;
}

void TestPatientFeed::dataAgeSeconds()
{
    QFETCH(Timestamp, lastReceived);
    QFETCH(Timestamp, now);
    QFETCH(double, age);
    PatientFeed feed(testIdentity());
    if (lastReceived != 0)
        feed.updateVital(VitalKind::RespRate, measurement(14, kT0), lastReceived);
    QCOMPARE(feed.snapshot().dataAgeSeconds(now), age);
}

void TestPatientFeed::lastReceivedNeverGoesBack()
{
    PatientFeed feed(testIdentity());
    feed.appendSamples(StreamKind::Ecg, kT0, ramp(5, 0.f), kT0 + 10 * kSecond);
    feed.appendSamples(StreamKind::Pleth, kT0, ramp(5, 0.f), kT0 + 3 * kSecond);
    feed.updateVital(VitalKind::SpO2, measurement(96, kT0), kT0 + 4 * kSecond);
    QCOMPARE(feed.snapshot().lastReceived, kT0 + 10 * kSecond);
}

QTEST_GUILESS_MAIN(TestPatientFeed)
#include "tst_patientfeed.moc"
