// The alarm engine's rules and state transitions (IEC 60601-1-8 conventions, CLINICAL.md): delays,
// priorities by programme, latching of HIGH, re-alert on worsening, acknowledge, ALARM RESET, AUDIO
// PAUSED / ALARM PAUSED / AUDIO OFF (re-authentication), escalation when left unacknowledged,
// technical alarms (stale feed, lead off, battery, link down, store behind).
#include "clinical/alarmengine.h"

#include <QTest>

using namespace vigil;
using clinical::Alarm;
using clinical::AlarmEngine;
using clinical::AlarmLimits;
using clinical::AlarmPriority;
using Change = AlarmEngine::Change;
using core::VitalKind;

namespace {

constexpr core::Timestamp kS = core::kMicrosPerSecond;
constexpr core::Timestamp kT0 = 1'800'000'000 * kS;

AlarmEngine::PatientInput patient(core::Timestamp now)
{
    AlarmEngine::PatientInput in;
    in.key = QStringLiteral("p1");
    in.lastDataAt = now;
    const auto set = [&](VitalKind k, double v) { in.vitals[k] = {v, now}; };
    set(VitalKind::HeartRate, 72);
    set(VitalKind::SpO2, 97);
    set(VitalKind::RespRate, 16);
    set(VitalKind::SystolicBp, 120);
    set(VitalKind::Temperature, 37.0);
    in.status.time = now;
    in.status.batteryPercent = 80;
    return in;
}

AlarmEngine::PatientInput with(AlarmEngine::PatientInput in, VitalKind k, double v, core::Timestamp now)
{
    in.vitals[k] = {v, now};
    in.lastDataAt = now;
    return in;
}

int count(const std::vector<Change>& changes, Change::Kind kind)
{
    return static_cast<int>(
        std::count_if(changes.begin(), changes.end(), [&](const Change& c) { return c.kind == kind; }));
}

} // namespace

class TestAlarmEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void normalVitalsRaiseNothing()
    {
        AlarmEngine e;
        QVERIFY(e.evaluate(patient(kT0), kT0).empty());
        QVERIFY(e.alarms().empty());
        QCOMPARE(e.audibleLevel(kT0), AlarmPriority::None);
    }

    void dangerousBreachRaisesHighAtOnce()
    {
        AlarmEngine e;
        const auto changes = e.evaluate(with(patient(kT0), VitalKind::SpO2, 85, kT0), kT0);
        QCOMPARE(count(changes, Change::Kind::Raised), 1);
        const Alarm a = e.alarms().front();
        QCOMPARE(a.priority, AlarmPriority::High);
        QCOMPARE(a.conditionKey(), QStringLiteral("spo2-low"));
        QCOMPARE(a.text(), QStringLiteral("SpO\u2082 low: 85 % (limit 88 %)"));
        QCOMPARE(AlarmPriority::marker(a.priority), QStringLiteral("***"));
        QCOMPARE(e.audibleLevel(kT0), AlarmPriority::High);
        QCOMPARE(e.highestFor(QStringLiteral("p1")), AlarmPriority::High);
    }

    void marginalBreachWaitsForItsDelay()
    {
        AlarmEngine e;
        // SpO2 90: MEDIUM after 30 s of continuous breach.
        QVERIFY(e.evaluate(with(patient(kT0), VitalKind::SpO2, 90, kT0), kT0).empty());
        QVERIFY(e.evaluate(with(patient(kT0), VitalKind::SpO2, 90, kT0 + 29 * kS), kT0 + 29 * kS).empty());
        // A dip back to normal restarts the delay.
        QVERIFY(e.evaluate(with(patient(kT0), VitalKind::SpO2, 95, kT0 + 30 * kS), kT0 + 30 * kS).empty());
        QVERIFY(e.evaluate(with(patient(kT0), VitalKind::SpO2, 90, kT0 + 31 * kS), kT0 + 31 * kS).empty());
        QVERIFY(e.evaluate(with(patient(kT0), VitalKind::SpO2, 90, kT0 + 60 * kS), kT0 + 60 * kS).empty());
        const auto changes = e.evaluate(with(patient(kT0), VitalKind::SpO2, 91, kT0 + 61 * kS), kT0 + 61 * kS);
        QCOMPARE(count(changes, Change::Kind::Raised), 1);
        QCOMPARE(e.alarms().front().priority, AlarmPriority::Medium);
        QCOMPARE(AlarmPriority::marker(AlarmPriority::Medium), QStringLiteral("**"));
    }

    void programmesHaveTheirOwnLimits()
    {
        // SpO2 87 is HIGH in general, MEDIUM (after 30 s) for COPD (target 88-92), nothing at 89.
        AlarmEngine e;
        e.setLimits(QStringLiteral("p1"), AlarmLimits::defaults(AlarmLimits::Programme::Copd));
        QVERIFY(e.evaluate(with(patient(kT0), VitalKind::SpO2, 89, kT0), kT0).empty());
        QVERIFY(e.evaluate(with(patient(kT0), VitalKind::SpO2, 85, kT0 + kS), kT0 + kS).empty());
        e.evaluate(with(patient(kT0), VitalKind::SpO2, 85, kT0 + 31 * kS), kT0 + 31 * kS);
        QCOMPARE(e.alarms().front().priority, AlarmPriority::Medium);
        e.evaluate(with(patient(kT0), VitalKind::SpO2, 83, kT0 + 32 * kS), kT0 + 32 * kS);
        QCOMPARE(e.alarms().front().priority, AlarmPriority::High);
        AlarmEngine general;
        general.evaluate(with(patient(kT0), VitalKind::SpO2, 87, kT0), kT0);
        QCOMPARE(general.alarms().front().priority, AlarmPriority::High);
        // Heart failure: SBP 88 is MEDIUM only after its delay; 84 is HIGH.
        AlarmEngine hf;
        hf.setLimits(QStringLiteral("p1"), AlarmLimits::defaults(AlarmLimits::Programme::HeartFailure));
        QVERIFY(hf.evaluate(with(patient(kT0), VitalKind::SystolicBp, 88, kT0), kT0).empty());
        hf.evaluate(with(patient(kT0), VitalKind::SystolicBp, 84, kT0 + kS), kT0 + kS);
        QCOMPARE(hf.alarms().front().priority, AlarmPriority::High);
    }

    void highLatchesUntilAcknowledged()
    {
        AlarmEngine e;
        e.evaluate(with(patient(kT0), VitalKind::HeartRate, 35, kT0), kT0);
        const QString id = e.alarms().front().id;
        // The condition goes: the alarm stays, latched, and still sounds.
        const auto gone = e.evaluate(patient(kT0 + 5 * kS), kT0 + 5 * kS);
        QCOMPARE(count(gone, Change::Kind::ConditionEnded), 1);
        QCOMPARE(e.alarms().size(), std::size_t(1));
        QVERIFY(e.alarms().front().latched);
        QVERIFY(!e.alarms().front().conditionPresent);
        QCOMPARE(e.audibleLevel(kT0 + 5 * kS), AlarmPriority::High);
        // Acknowledging a latched alarm ends it.
        const auto ack = e.acknowledge(id, QStringLiteral("nurse.a"), kT0 + 6 * kS);
        QCOMPARE(count(ack, Change::Kind::Acknowledged), 1);
        QCOMPARE(count(ack, Change::Kind::Ended), 1);
        QCOMPARE(ack.front().actor, QStringLiteral("nurse.a"));
        QVERIFY(e.alarms().empty());
    }

    void mediumDoesNotLatch()
    {
        AlarmEngine e;
        e.evaluate(with(patient(kT0), VitalKind::Temperature, 39.5, kT0), kT0);
        e.evaluate(with(patient(kT0), VitalKind::Temperature, 39.5, kT0 + 60 * kS), kT0 + 60 * kS);
        QCOMPARE(e.alarms().front().priority, AlarmPriority::Medium);
        const auto gone = e.evaluate(patient(kT0 + 61 * kS), kT0 + 61 * kS);
        QCOMPARE(count(gone, Change::Kind::Ended), 1);
        QVERIFY(e.alarms().empty());
    }

    void acknowledgedSilencesButStaysVisibleAndWorseningReAlerts()
    {
        AlarmEngine e;
        e.evaluate(with(patient(kT0), VitalKind::RespRate, 26, kT0), kT0);
        e.evaluate(with(patient(kT0), VitalKind::RespRate, 26, kT0 + 30 * kS), kT0 + 30 * kS);
        const Alarm medium = e.alarms().front();
        QCOMPARE(medium.priority, AlarmPriority::Medium);
        e.acknowledge(medium.id, QStringLiteral("nurse.a"), kT0 + 31 * kS);
        QVERIFY(e.alarms().front().acknowledged);
        QCOMPARE(e.audibleLevel(kT0 + 31 * kS), AlarmPriority::None); // silent...
        QCOMPARE(e.alarms().size(), std::size_t(1)); // ...but still shown
        // Worse: HIGH, and it sounds again.
        const auto worse = e.evaluate(with(patient(kT0), VitalKind::RespRate, 32, kT0 + 32 * kS), kT0 + 32 * kS);
        QCOMPARE(count(worse, Change::Kind::PriorityChanged), 1);
        QCOMPARE(e.alarms().front().priority, AlarmPriority::High);
        QVERIFY(!e.alarms().front().acknowledged);
        QCOMPARE(e.audibleLevel(kT0 + 32 * kS), AlarmPriority::High);
        QCOMPARE(e.alarms().front().id, medium.id); // the same episode
        // Better again while HIGH and unacknowledged: stays HIGH (latching).
        e.evaluate(with(patient(kT0), VitalKind::RespRate, 26, kT0 + 33 * kS), kT0 + 33 * kS);
        QCOMPARE(e.alarms().front().priority, AlarmPriority::High);
        // Acknowledged, then better: back to MEDIUM.
        e.acknowledge(medium.id, QStringLiteral("nurse.b"), kT0 + 34 * kS);
        e.evaluate(with(patient(kT0), VitalKind::RespRate, 26, kT0 + 35 * kS), kT0 + 35 * kS);
        QCOMPARE(e.alarms().front().priority, AlarmPriority::Medium);
    }

    void unacknowledgedAlarmsEscalate()
    {
        AlarmEngine::Config config;
        config.escalateAfterSeconds = 120;
        AlarmEngine e(config);
        e.evaluate(with(patient(kT0), VitalKind::Temperature, 34.5, kT0), kT0);
        e.evaluate(with(patient(kT0), VitalKind::Temperature, 34.5, kT0 + 60 * kS), kT0 + 60 * kS);
        QCOMPARE(e.alarms().front().priority, AlarmPriority::Medium);
        QCOMPARE(e.unacknowledgedSince(QStringLiteral("p1")), kT0 + 60 * kS);
        QVERIFY(e.tick(kT0 + 179 * kS).empty());
        const auto up = e.tick(kT0 + 180 * kS);
        QCOMPARE(count(up, Change::Kind::Escalated), 1);
        QCOMPARE(e.alarms().front().priority, AlarmPriority::High);
        QVERIFY(e.alarms().front().escalated);
        QVERIFY(e.tick(kT0 + 1000 * kS).empty()); // once
        // An acknowledged alarm does not escalate.
        AlarmEngine quiet(config);
        quiet.evaluate(with(patient(kT0), VitalKind::SpO2, 80, kT0), kT0);
        quiet.acknowledgePatient(QStringLiteral("p1"), QStringLiteral("nurse.a"), kT0 + kS);
        QVERIFY(quiet.tick(kT0 + 1000 * kS).empty());
        QCOMPARE(quiet.unacknowledgedSince(QStringLiteral("p1")), core::Timestamp(0));
    }

    void audioPausedAlarmPausedAudioOff()
    {
        AlarmEngine e;
        e.evaluate(with(patient(kT0), VitalKind::SpO2, 80, kT0), kT0);
        e.pauseAudio(kT0);
        QCOMPARE(e.signalState(kT0 + 119 * kS), AlarmEngine::SignalState::AudioPaused);
        QCOMPARE(e.audibleLevel(kT0 + 119 * kS), AlarmPriority::None);
        QCOMPARE(e.signalState(kT0 + 120 * kS), AlarmEngine::SignalState::Normal); // 120 s, then back
        QCOMPARE(e.audibleLevel(kT0 + 120 * kS), AlarmPriority::High);
        e.pauseAlarms(kT0 + 200 * kS);
        QCOMPARE(e.signalState(kT0 + 201 * kS), AlarmEngine::SignalState::AlarmPaused);
        QCOMPARE(e.audibleLevel(kT0 + 201 * kS), AlarmPriority::None);
        QCOMPARE(e.alarms().size(), std::size_t(1)); // conditions still tracked
        e.resumeSignals();
        QCOMPARE(e.signalState(kT0 + 202 * kS), AlarmEngine::SignalState::Normal);
        // AUDIO OFF needs re-authentication.
        QVERIFY(!e.setAudioOff(true, false, kT0 + 300 * kS));
        QCOMPARE(e.signalState(kT0 + 300 * kS), AlarmEngine::SignalState::Normal);
        QVERIFY(e.setAudioOff(true, true, kT0 + 300 * kS));
        QCOMPARE(e.signalState(kT0 + 301 * kS), AlarmEngine::SignalState::AudioOff);
        QCOMPARE(e.audibleLevel(kT0 + 301 * kS), AlarmPriority::None);
        // A reminder each period.
        QCOMPARE(e.audibleLevel(kT0 + 600 * kS), AlarmPriority::Low);
        QCOMPARE(e.audibleLevel(kT0 + 602 * kS), AlarmPriority::None);
        QVERIFY(e.setAudioOff(false, false, kT0 + 700 * kS)); // turning audio back on needs nothing
        QCOMPARE(e.audibleLevel(kT0 + 700 * kS), AlarmPriority::High);
    }

    void alarmResetEndsLatchedAndAcknowledgesTheRest()
    {
        AlarmEngine e;
        e.evaluate(with(with(patient(kT0), VitalKind::HeartRate, 35, kT0), VitalKind::SystolicBp, 85, kT0), kT0);
        QCOMPARE(e.alarms().size(), std::size_t(2));
        // HR recovers (HIGH latched); SBP still low.
        e.evaluate(with(patient(kT0), VitalKind::SystolicBp, 85, kT0 + kS), kT0 + kS);
        const auto changes = e.reset(QStringLiteral("dr.b"), kT0 + 2 * kS);
        QCOMPARE(count(changes, Change::Kind::Ended), 1);
        QCOMPARE(count(changes, Change::Kind::Acknowledged), 1);
        QCOMPARE(e.alarms().size(), std::size_t(1));
        QCOMPARE(e.alarms().front().conditionKey(), QStringLiteral("sbp-low"));
        QVERIFY(e.alarms().front().acknowledged);
        QCOMPARE(e.alarms().front().acknowledgedBy, QStringLiteral("dr.b"));
        QCOMPARE(e.audibleLevel(kT0 + 2 * kS), AlarmPriority::None);
    }

    void technicalAlarms()
    {
        AlarmEngine e;
        auto in = patient(kT0);
        e.evaluate(in, kT0);
        // Silence: after 120 s without data, a MEDIUM stale-feed alarm; readings are not judged.
        in.vitals[VitalKind::SpO2] = {70, kT0}; // an old low reading: not judged when stale
        auto changes = e.evaluate(in, kT0 + 121 * kS);
        QCOMPARE(count(changes, Change::Kind::Raised), 1); // the stale feed only, no SpO2 alarm
        QCOMPARE(e.alarms().size(), std::size_t(1));
        Alarm stale = e.alarms().front();
        QCOMPARE(stale.condition, Alarm::Condition::StaleFeed);
        QVERIFY(stale.isTechnical());
        QCOMPARE(stale.priority, AlarmPriority::Medium);
        // Data again: it ends (technical alarms do not latch).
        in = patient(kT0 + 130 * kS);
        in.status.ecgLeadOff = true;
        in.status.batteryPercent = 9;
        changes = e.evaluate(in, kT0 + 130 * kS);
        QCOMPARE(count(changes, Change::Kind::Ended), 1);
        QCOMPARE(count(changes, Change::Kind::Raised), 2);
        QCOMPARE(e.alarms().size(), std::size_t(2));
        for (const Alarm& a : e.alarms()) {
            QVERIFY(a.isTechnical());
            QCOMPARE(a.priority, AlarmPriority::Low);
        }
        // Not expected to send: no stale alarm.
        AlarmEngine away;
        auto off = patient(kT0);
        off.dataExpected = false;
        QVERIFY(away.evaluate(off, kT0 + 1000 * kS).empty());
        // Workstation-wide: link down and store behind, no patient.
        changes = e.setWorkstationState(true, true, kT0 + 140 * kS);
        QCOMPARE(count(changes, Change::Kind::Raised), 2);
        QCOMPARE(e.alarmsFor(QString()).size(), std::size_t(2));
        changes = e.setWorkstationState(false, true, kT0 + 141 * kS);
        QCOMPARE(count(changes, Change::Kind::Ended), 1);
        QCOMPARE(e.alarmsFor(QString()).front().text(), QStringLiteral("Cache writer behind"));
    }

    void removingAPatientEndsItsAlarms()
    {
        AlarmEngine e;
        e.evaluate(with(patient(kT0), VitalKind::SpO2, 80, kT0), kT0);
        const auto changes = e.removePatient(QStringLiteral("p1"), kT0 + kS);
        QCOMPARE(count(changes, Change::Kind::Ended), 1);
        QVERIFY(e.alarms().empty());
    }

    void prioritiesReadableWithoutColour()
    {
        QCOMPARE(AlarmPriority::name(AlarmPriority::High), QStringLiteral("HIGH"));
        QCOMPARE(AlarmPriority::marker(AlarmPriority::Low), QStringLiteral("*"));
        QVERIFY(
            AlarmPriority::flashHz(AlarmPriority::High) >= 1.4 && AlarmPriority::flashHz(AlarmPriority::High) <= 2.8);
        QVERIFY(AlarmPriority::flashHz(AlarmPriority::Medium) >= 0.4
            && AlarmPriority::flashHz(AlarmPriority::Medium) <= 0.8);
        QCOMPARE(AlarmPriority::flashHz(AlarmPriority::Low), 0.0);
    }
};

QTEST_GUILESS_MAIN(TestAlarmEngine)
#include "tst_alarmengine.moc"
