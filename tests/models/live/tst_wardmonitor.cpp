// WardMonitor over a hub fed by the simulator: a septic patient's alarms rise while a stable one stays
// quiet; NEWS2 is incomplete until a clinician records consciousness and air/oxygen, then scores, and
// its trend rises; derived rates come from the waveforms; a silent patient raises the stale-feed alarm.
#include "ingest/simulatorsource.h"
#include "live/livehub.h"
#include "live/wardmonitor.h"

#include <QTest>

using namespace vigil;
using clinical::AlarmPriority;
using clinical::News2;
using clinical::Provenance;

namespace {

constexpr core::Timestamp kS = core::kMicrosPerSecond;
constexpr core::Timestamp kT0 = 1'800'000'000LL * kS;

} // namespace

class TestWardMonitor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sepsisAlarmsAndScoresStableStaysQuiet()
    {
        live::LiveHub hub;
        ingest::SimulatorSource::Config config;
        config.patients = 2;
        config.seed = 4;
        config.scenario = sim::Scenario::Sepsis;
        config.startTime = kT0;
        ingest::SimulatorSource septic(config, hub);
        live::LiveHub quietHub;
        config.scenario = sim::Scenario::Stable;
        ingest::SimulatorSource stable(config, quietHub);

        live::WardMonitor ward(hub);
        live::WardMonitor calm(quietHub);
        int raised = 0;
        for (core::Timestamp t = kT0 + kS; t <= kT0 + 900 * kS; t += kS) {
            septic.pump(t);
            stable.pump(t);
            for (const auto& c : ward.update(t, false, false))
                raised += c.kind == clinical::AlarmEngine::Change::Kind::Raised ? 1 : 0;
            QVERIFY(calm.update(t, false, false).empty());
            if (t == kT0 + 60 * kS) {
                // A clinician's observations: alert, on air.
                for (int i = 0; i < 2; ++i) {
                    QVERIFY(ward.assessor(i).recordConsciousness(News2::Acvpu::Alert, t, Provenance::Clinician));
                    QVERIFY(ward.assessor(i).recordOxygen(false, t, Provenance::Clinician));
                    QVERIFY(calm.assessor(i).recordConsciousness(News2::Acvpu::Alert, t, Provenance::Clinician));
                    QVERIFY(calm.assessor(i).recordOxygen(false, t, Provenance::Clinician));
                }
            }
        }
        QCOMPARE(ward.patientCount(), 2);
        QVERIFY(raised > 0);
        const auto& p = ward.patient(0);
        QVERIFY(ward.alarms().highestFor(p.key) >= AlarmPriority::Medium);
        QVERIFY(p.news2.result && p.news2.result->complete);
        qInfo("sepsis after 15 min: NEWS2 %d, trend %+d over the history; alarms %zu", p.news2.result->total,
            ward.news2Trend(0).value_or(-99), ward.alarms().alarmsFor(p.key).size());
        QVERIFY(p.news2.result->total >= 5);
        QVERIFY(ward.news2Trend(0).value_or(0) > 0); // deteriorating
        QVERIFY(p.derivedHeartRate && p.derivedRespirationRate && p.derivedPulseRate);
        QVERIFY(p.history.size() >= 14);
        // The stable ward: no alarms, a low complete score.
        QVERIFY(calm.alarms().alarms().empty());
        QVERIFY(calm.patient(0).news2.result->complete);
        QVERIFY(calm.patient(0).news2.result->total <= 2);
        QCOMPARE(calm.indexOf(calm.patient(1).key), 1);
    }

    void incompleteUntilAClinicianRecords()
    {
        live::LiveHub hub;
        ingest::SimulatorSource::Config config;
        config.patients = 1;
        config.scenario = sim::Scenario::Stable;
        config.startTime = kT0;
        ingest::SimulatorSource source(config, hub);
        live::WardMonitor ward(hub);
        source.pump(kT0 + 10 * kS);
        ward.update(kT0 + 10 * kS, false, false);
        const auto& a = ward.patient(0).news2;
        QVERIFY(a.result);
        QVERIFY(!a.result->complete); // no consciousness, no air/oxygen
        QVERIFY(!a.result->component(News2::Parameter::Consciousness).measured);
        QVERIFY(!a.result->band);
    }

    void silenceRaisesTheStaleFeedAlarm()
    {
        live::LiveHub hub;
        ingest::SimulatorSource::Config config;
        config.patients = 1;
        config.scenario = sim::Scenario::Stable;
        config.startTime = kT0;
        ingest::SimulatorSource source(config, hub);
        live::WardMonitor ward(hub);
        source.pump(kT0 + 10 * kS);
        ward.update(kT0 + 10 * kS, false, false);
        // The feed's receive times are workstation time: it stops sending now.
        const core::Timestamp lastReceived = ward.patient(0).lastReceived;
        QVERIFY(lastReceived != 0);
        ward.update(lastReceived + 121 * kS, false, false);
        bool stale = false;
        for (const auto& alarm : ward.alarms().alarmsFor(ward.patient(0).key))
            stale = stale || alarm.condition == clinical::Alarm::Condition::StaleFeed;
        QVERIFY(stale);
        // Workstation-wide technical alarms pass through.
        ward.update(lastReceived + 122 * kS, true, false);
        QCOMPARE(ward.alarms().alarmsFor(QString()).size(), std::size_t(1));

        // In review (no live source) silence is expected: the stale-feed alarm ends, none comes back.
        QVERIFY(ward.dataExpected());
        ward.setDataExpected(false);
        for (const core::Timestamp later : {3600 * kS, 7200 * kS}) {
            ward.update(lastReceived + later, false, false);
            for (const auto& alarm : ward.alarms().alarmsFor(ward.patient(0).key))
                QVERIFY(alarm.condition != clinical::Alarm::Condition::StaleFeed);
        }
    }
};

QTEST_GUILESS_MAIN(TestWardMonitor)
#include "tst_wardmonitor.moc"
