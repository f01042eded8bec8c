#include "core/nhsnumber.h"
#include "ingest/simulatorsource.h"
#include "live/livehub.h"
#include "sim/scenarioprofile.h"

#include <QMap>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <optional>
#include <vector>

using vigil::core::kAllStreams;
using vigil::core::kMicrosPerSecond;
using vigil::core::StreamKind;
using vigil::core::Timestamp;
using vigil::core::VitalKind;
using vigil::ingest::SimulatorSource;
using vigil::live::LiveHub;
using vigil::sim::Scenario;

Q_DECLARE_METATYPE(Scenario)

namespace {

// 2024-01-01 00:00:00 UTC: a fixed simulated start.
constexpr Timestamp kT0 = Timestamp{1'704'067'200} * kMicrosPerSecond;
constexpr Timestamp kSecond = kMicrosPerSecond;

SimulatorSource::Config config(int patients, quint64 seed, std::optional<Scenario> scenario = std::nullopt)
{
    SimulatorSource::Config c;
    c.patients = patients;
    c.seed = seed;
    c.scenario = scenario;
    c.startTime = kT0;
    return c;
}

std::vector<float> ringContents(const LiveHub& hub, int patient, StreamKind kind)
{
    std::vector<float> out;
    (void)hub.feed(patient).ring(kind).read(0, out);
    return out;
}

// Bitwise, so NaN samples compare equal to NaN samples.
bool identical(const std::vector<float>& a, const std::vector<float>& b)
{
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}

} // namespace

class TestSimulatorSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addsPatientsToHub();
    void pumpTenSeconds_data();
    void pumpTenSeconds();
    void sameSeedSameContents();
    void differentSeedDifferentContents();
    void demoScenario_data();
    void demoScenario();
    void demoMixShowsEveryProblem_data();
    void demoMixShowsEveryProblem();
    void scenarioFromConfig();
    void leadOffReachesFeed();
    void offlineDeviceLeavesGapAndStaleData();
    void startPumpsInRealTime();
};

void TestSimulatorSource::addsPatientsToHub()
{
    LiveHub hub;
    const SimulatorSource source(config(12, 3), hub);
    QCOMPARE(source.startTime(), kT0);
    QCOMPARE(hub.patientCount(), 12);
    QSet<QString> ids;
    QSet<QString> numbers;
    for (int i = 0; i < hub.patientCount(); ++i) {
        const auto& id = hub.feed(i).identity();
        QVERIFY(!id.id.isEmpty());
        QCOMPARE(hub.indexOf(id.id), i);
        ids.insert(id.id);
        numbers.insert(id.nhsNumber);
        // Fictitious: NHS Numbers in the 999 range, which is never issued.
        QVERIFY(vigil::core::NhsNumber::isValid(id.nhsNumber));
        QVERIFY(id.nhsNumber.startsWith(QStringLiteral("999")));
        // Nothing pumped yet.
        QCOMPARE(hub.feed(i).ring(StreamKind::Ecg).written(), std::uint64_t{0});
        QCOMPARE(hub.feed(i).snapshot().lastReceived, Timestamp{0});
    }
    QCOMPARE(ids.size(), 12);
    QCOMPARE(numbers.size(), 12);
}

void TestSimulatorSource::pumpTenSeconds_data()
{
    QTest::addColumn<int>("patients");
    QTest::addColumn<int>("stepMs"); // 0: one pump to +10 s
    QTest::newRow("8 patients, one pump") << 8 << 0;
    QTest::newRow("8 patients, 20 ms ticks") << 8 << SimulatorSource::kTickMs;
    QTest::newRow("8 patients, 333 ms steps") << 8 << 333;
    QTest::newRow("one patient, 1 s steps") << 1 << 1000;
}

void TestSimulatorSource::pumpTenSeconds()
{
    QFETCH(int, patients);
    QFETCH(int, stepMs);
    LiveHub hub;
    SimulatorSource source(config(patients, 11), hub);
    const Timestamp end = kT0 + 10 * kSecond;
    if (stepMs == 0) {
        source.pump(end);
    } else {
        for (Timestamp t = kT0; t < end;) {
            t = std::min(end, t + Timestamp{stepMs} * 1000);
            source.pump(t);
        }
    }

    for (int i = 0; i < patients; ++i) {
        const auto& feed = hub.feed(i);
        QCOMPARE(feed.ring(StreamKind::Ecg).written(), std::uint64_t{5000});
        QCOMPARE(feed.ring(StreamKind::Pleth).written(), std::uint64_t{1250});
        QCOMPARE(feed.ring(StreamKind::Resp).written(), std::uint64_t{500});
        for (StreamKind kind : kAllStreams) {
            const Timestamp period = vigil::core::samplePeriodUs(kind);
            QCOMPARE(feed.sampleTime(kind, 0), kT0);
            QCOMPARE(
                feed.snapshot().lastSampleTime[static_cast<std::size_t>(vigil::core::streamIndex(kind))], end - period);
            // Ten seconds of a live (not lead-off) patient: real numbers, no gaps.
            const std::vector<float> samples = ringContents(hub, i, kind);
            QVERIFY(std::none_of(samples.begin(), samples.end(), [](float v) { return std::isnan(v); }));
        }
        const auto snap = feed.snapshot();
        // A simulated device is live: data counts as received when generated, so the newest datum
        // is the last ECG sample, one ECG period before the end of the pump.
        const Timestamp newest = end - vigil::core::samplePeriodUs(StreamKind::Ecg);
        QCOMPARE(snap.lastReceived, newest);
        QCOMPARE(snap.dataAgeSeconds(newest), 0.0);
        QVERIFY(snap.status.online);
        QVERIFY(!snap.status.ecgLeadOff);
        for (VitalKind kind : {VitalKind::HeartRate, VitalKind::SpO2, VitalKind::RespRate, VitalKind::SystolicBp,
                 VitalKind::DiastolicBp, VitalKind::Temperature}) {
            const auto& m = snap.vitals[kind];
            QVERIFY2(m.isValid(), qPrintable(QStringLiteral("patient %1 vital %2 missing").arg(i).arg(int(kind))));
            QVERIFY(m.time >= kT0 && m.time < end);
        }
        // Plausible ranges for a ward in the first 10 s of the demo.
        QVERIFY(snap.vitals[VitalKind::HeartRate].value > 30 && snap.vitals[VitalKind::HeartRate].value < 200);
        QVERIFY(snap.vitals[VitalKind::SpO2].value > 80 && snap.vitals[VitalKind::SpO2].value <= 100);
        QVERIFY(snap.vitals[VitalKind::Temperature].value > 35 && snap.vitals[VitalKind::Temperature].value < 41);
        QVERIFY(!feed.trend(VitalKind::HeartRate).empty());
    }
}

void TestSimulatorSource::sameSeedSameContents()
{
    LiveHub hubA;
    LiveHub hubB;
    SimulatorSource a(config(8, 42), hubA);
    SimulatorSource b(config(8, 42), hubB);
    for (Timestamp t = kT0; t < kT0 + 10 * kSecond;) {
        t += 250'000;
        a.pump(t);
        b.pump(t);
    }
    for (int i = 0; i < 8; ++i) {
        QCOMPARE(hubA.feed(i).identity().id, hubB.feed(i).identity().id);
        QCOMPARE(hubA.feed(i).identity().nhsNumber, hubB.feed(i).identity().nhsNumber);
        for (StreamKind kind : kAllStreams) {
            const auto ca = ringContents(hubA, i, kind);
            QVERIFY(!ca.empty());
            QVERIFY2(identical(ca, ringContents(hubB, i, kind)),
                qPrintable(QStringLiteral("patient %1 stream %2 differs").arg(i).arg(int(kind))));
        }
        const auto sa = hubA.feed(i).snapshot();
        const auto sb = hubB.feed(i).snapshot();
        for (int k = 0; k < vigil::core::kVitalKindCount; ++k) {
            QCOMPARE(sa.vitals.values[static_cast<std::size_t>(k)].value,
                sb.vitals.values[static_cast<std::size_t>(k)].value);
            QCOMPARE(
                sa.vitals.values[static_cast<std::size_t>(k)].time, sb.vitals.values[static_cast<std::size_t>(k)].time);
        }
    }
}

void TestSimulatorSource::differentSeedDifferentContents()
{
    LiveHub hubA;
    LiveHub hubB;
    SimulatorSource a(config(2, 1, Scenario::Stable), hubA);
    SimulatorSource b(config(2, 2, Scenario::Stable), hubB);
    a.pump(kT0 + 5 * kSecond);
    b.pump(kT0 + 5 * kSecond);
    QVERIFY(!identical(ringContents(hubA, 0, StreamKind::Ecg), ringContents(hubB, 0, StreamKind::Ecg)));
    // And two patients of one source differ from each other.
    QVERIFY(!identical(ringContents(hubA, 0, StreamKind::Ecg), ringContents(hubA, 1, StreamKind::Ecg)));
}

void TestSimulatorSource::demoScenario_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<Scenario>("scenario");
    QTest::newRow("0") << 0 << Scenario::Stable;
    QTest::newRow("1") << 1 << Scenario::Sepsis;
    QTest::newRow("2") << 2 << Scenario::AtrialFibrillation;
    QTest::newRow("3") << 3 << Scenario::Desaturation;
    QTest::newRow("4") << 4 << Scenario::Stable;
    QTest::newRow("5") << 5 << Scenario::LeadOff;
    QTest::newRow("6") << 6 << Scenario::Bradycardia;
    QTest::newRow("7") << 7 << Scenario::DeviceOffline;
    QTest::newRow("8") << 8 << Scenario::Stable;
    QTest::newRow("9") << 9 << Scenario::Stable;
    QTest::newRow("10") << 10 << Scenario::Stable;
    QTest::newRow("14: every seventh repeats the mix") << 14 << Scenario::AtrialFibrillation;
    QTest::newRow("15") << 15 << Scenario::Stable;
    QTest::newRow("21") << 21 << Scenario::Desaturation;
    QTest::newRow("25") << 25 << Scenario::Stable;
    QTest::newRow("35") << 35 << Scenario::LeadOff;
    QTest::newRow("56: the mix wraps") << 56 << Scenario::Stable;
    QTest::newRow("63") << 63 << Scenario::Sepsis;
}

void TestSimulatorSource::demoScenario()
{
    QFETCH(int, index);
    QFETCH(Scenario, scenario);
    QCOMPARE(SimulatorSource::demoScenario(index), scenario);
}

void TestSimulatorSource::demoMixShowsEveryProblem_data()
{
    QTest::addColumn<int>("patients");
    QTest::newRow("8 (smallest full mix)") << 8;
    QTest::newRow("16 (default)") << SimulatorSource::Config{}.patients;
    QTest::newRow("100") << 100;
}

// "Mostly stable, one of each problem": every scenario occurs; each problem exactly once among the
// first eight; stable patients are the majority of any larger ward.
void TestSimulatorSource::demoMixShowsEveryProblem()
{
    QFETCH(int, patients);
    LiveHub hub;
    const SimulatorSource source(config(patients, 5), hub);
    QMap<int, int> counts;
    QMap<int, int> countsFirstEight;
    for (int i = 0; i < patients; ++i) {
        QCOMPARE(source.scenario(i), SimulatorSource::demoScenario(i));
        ++counts[int(source.scenario(i))];
        if (i < 8)
            ++countsFirstEight[int(source.scenario(i))];
    }
    for (Scenario s : {Scenario::Sepsis, Scenario::AtrialFibrillation, Scenario::Bradycardia, Scenario::Desaturation,
             Scenario::LeadOff, Scenario::DeviceOffline}) {
        QCOMPARE(countsFirstEight.value(int(s)), 1);
        QVERIFY(counts.value(int(s)) >= 1);
    }
    QCOMPARE(countsFirstEight.value(int(Scenario::Stable)), 2);
    if (patients > 8)
        QVERIFY2(counts.value(int(Scenario::Stable)) * 2 > patients,
            qPrintable(QStringLiteral("%1 stable of %2").arg(counts.value(int(Scenario::Stable))).arg(patients)));
}

void TestSimulatorSource::scenarioFromConfig()
{
    LiveHub hub;
    const SimulatorSource source(config(6, 9, Scenario::Sepsis), hub);
    for (int i = 0; i < 6; ++i)
        QCOMPARE(source.scenario(i), Scenario::Sepsis);
}

void TestSimulatorSource::leadOffReachesFeed()
{
    LiveHub hub;
    SimulatorSource source(config(1, 4, Scenario::LeadOff), hub);
    using vigil::sim::ScenarioProfile;
    const Timestamp off = kT0 + ScenarioProfile::kLeadOffStartUs;
    source.pump(off - kSecond);
    QVERIFY(!hub.feed(0).snapshot().status.ecgLeadOff);

    source.pump(off + 5 * kSecond);
    const auto snap = hub.feed(0).snapshot();
    QVERIFY(snap.status.ecgLeadOff);
    QCOMPARE(snap.lastReceived, off + 5 * kSecond - vigil::core::samplePeriodUs(StreamKind::Ecg));
    const std::vector<float> ecg = ringContents(hub, 0, StreamKind::Ecg);
    QCOMPARE(ecg.size(), std::size_t{(20 + 5) * 500});
    const std::size_t offIndex = 20 * 500;
    QVERIFY(std::none_of(ecg.begin(), ecg.begin() + offIndex - 1, [](float v) { return std::isnan(v); }));
    QVERIFY(std::all_of(ecg.begin() + offIndex + 1, ecg.end(), [](float v) { return std::isnan(v); }));
    // Pleth comes from another sensor: unaffected.
    const std::vector<float> pleth = ringContents(hub, 0, StreamKind::Pleth);
    QVERIFY(std::none_of(pleth.begin(), pleth.end(), [](float v) { return std::isnan(v); }));
}

// While the device is offline nothing arrives, so the data age grows; when it returns, the feed fills
// the gap (up to its limit) so the sample counter keeps tracking time.
void TestSimulatorSource::offlineDeviceLeavesGapAndStaleData()
{
    LiveHub hub;
    SimulatorSource source(config(1, 6, Scenario::DeviceOffline), hub);
    using vigil::sim::ScenarioProfile;
    const Timestamp offAt = kT0 + ScenarioProfile::kOfflineStartUs;
    const Timestamp backAt = offAt + ScenarioProfile::kOfflineDurationUs;
    source.pump(offAt);
    QCOMPARE(hub.feed(0).snapshot().lastReceived, offAt - vigil::core::samplePeriodUs(StreamKind::Ecg));
    QCOMPARE(hub.feed(0).ring(StreamKind::Ecg).written(), std::uint64_t{45 * 500});

    source.pump(offAt + 15 * kSecond);
    auto snap = hub.feed(0).snapshot();
    QVERIFY(!snap.status.online);
    const Timestamp lastDatum = offAt - vigil::core::samplePeriodUs(StreamKind::Ecg);
    QCOMPARE(snap.lastReceived, lastDatum);
    QCOMPARE(snap.dataAgeSeconds(offAt + 15 * kSecond), 15.002);
    QCOMPARE(hub.feed(0).ring(StreamKind::Ecg).written(), std::uint64_t{45 * 500});

    const Timestamp end = backAt + 5 * kSecond;
    source.pump(end);
    snap = hub.feed(0).snapshot();
    QVERIFY(snap.status.online);
    QCOMPARE(snap.lastReceived, end - vigil::core::samplePeriodUs(StreamKind::Ecg));
    const auto fill = static_cast<std::uint64_t>(vigil::live::PatientFeed::kMaxGapFillUs / 2000);
    const std::uint64_t written = hub.feed(0).ring(StreamKind::Ecg).written();
    QCOMPARE(written, 45 * 500 + fill + 5 * 500);
    QCOMPARE(hub.feed(0).sampleTime(StreamKind::Ecg, written - 1), end - 2000);
    QCOMPARE(hub.feed(0).sampleTime(StreamKind::Ecg, written - 5 * 500), backAt);
}

void TestSimulatorSource::startPumpsInRealTime()
{
    LiveHub hub;
    SimulatorSource::Config c = config(2, 1);
    c.startTime = 0; // now
    const Timestamp before = vigil::core::nowUtc();
    SimulatorSource source(c, hub);
    QVERIFY(source.startTime() >= before && source.startTime() <= vigil::core::nowUtc());
    source.start();
    QTRY_VERIFY(hub.feed(1).ring(StreamKind::Ecg).written() >= 50); // 100 ms of ECG
    source.stop();
    QVERIFY(hub.feed(0).snapshot().lastReceived >= source.startTime());
}

QTEST_GUILESS_MAIN(TestSimulatorSource)
#include "tst_simulatorsource.moc"
