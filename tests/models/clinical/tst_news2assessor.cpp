// NEWS2 from the readings a patient has: the latest valid reading of each parameter within the
// freshness window, whatever its provenance; stale readings left out (incomplete, with their age);
// consciousness only from a clinician; air/oxygen never from a device.
#include "clinical/news2assessor.h"

#include <QTest>

using namespace vigil;
using clinical::News2;
using clinical::News2Assessor;
using clinical::Provenance;
using Parameter = News2::Parameter;

namespace {

constexpr core::Timestamp kMin = 60 * core::kMicrosPerSecond;
constexpr core::Timestamp kT0 = 1'800'000'000LL * core::kMicrosPerSecond;

News2Assessor complete(core::Timestamp t, News2Assessor::Config config = {})
{
    News2Assessor a(config);
    core::VitalSigns v;
    v[core::VitalKind::RespRate] = {16, t};
    v[core::VitalKind::SpO2] = {97, t};
    v[core::VitalKind::SystolicBp] = {120, t};
    v[core::VitalKind::HeartRate] = {72, t};
    v[core::VitalKind::Temperature] = {37.0, t};
    v[core::VitalKind::DiastolicBp] = {80, t};
    a.recordDevice(v);
    a.recordConsciousness(News2::Acvpu::Alert, t, Provenance::Clinician);
    a.recordOxygen(false, t, Provenance::Clinician);
    return a;
}

} // namespace

class TestNews2Assessor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void completeFreshSetScores()
    {
        const auto a = complete(kT0).assess(kT0 + 10 * kMin);
        QVERIFY(a.result);
        QVERIFY(a.result->complete);
        QCOMPARE(a.result->total, 0);
        QCOMPARE(a.oldestUsed, kT0);
        QCOMPARE(a.readings[std::size_t(Parameter::Pulse)]->provenance, Provenance::Device);
        QCOMPARE(a.readings[std::size_t(Parameter::Consciousness)]->provenance, Provenance::Clinician);
    }

    void latestReadingWinsWhateverItsSource()
    {
        News2Assessor n = complete(kT0);
        // A clinician's manual RR, later than the device's: used.
        QVERIFY(n.record(Parameter::RespirationRate, 26, kT0 + 5 * kMin, Provenance::Clinician));
        auto a = n.assess(kT0 + 6 * kMin);
        QCOMPARE(a.result->component(Parameter::RespirationRate).score, 3);
        QCOMPARE(a.readings[std::size_t(Parameter::RespirationRate)]->provenance, Provenance::Clinician);
        // An older device reading arriving late does not replace it.
        QVERIFY(n.record(Parameter::RespirationRate, 16, kT0 + 4 * kMin, Provenance::Device));
        a = n.assess(kT0 + 6 * kMin);
        QCOMPARE(a.result->component(Parameter::RespirationRate).score, 3);
        // A derived pulse, newer: used.
        QVERIFY(n.record(Parameter::Pulse, 135, kT0 + 6 * kMin, Provenance::Derived));
        a = n.assess(kT0 + 6 * kMin);
        QCOMPARE(a.result->component(Parameter::Pulse).score, 3);
        QCOMPARE(a.readings[std::size_t(Parameter::Pulse)]->provenance, Provenance::Derived);
        QVERIFY(!n.record(Parameter::Pulse, std::nan(""), kT0 + 7 * kMin, Provenance::Device));
        QVERIFY(!n.record(Parameter::Consciousness, 0, kT0, Provenance::Clinician)); // not numeric
    }

    void staleReadingsMakeTheSetIncomplete()
    {
        News2Assessor n = complete(kT0);
        n.record(Parameter::SpO2, 96, kT0 + 50 * kMin, Provenance::Device);
        // 61 minutes on, everything but SpO2 is older than the 60-minute window.
        const auto a = n.assess(kT0 + 61 * kMin);
        QVERIFY(a.result);
        QVERIFY(!a.result->complete);
        QVERIFY(a.stale[std::size_t(Parameter::Temperature)]);
        QVERIFY(!a.stale[std::size_t(Parameter::SpO2)]);
        QCOMPARE(a.readings[std::size_t(Parameter::Temperature)]->time, kT0); // its age can be shown
        QCOMPARE(a.result->minTotal, 0);
        QCOMPARE(a.result->maxTotal, 3 + 2 + 3 + 3 + 3 + 3); // all but SpO2 (0 on Scale 1)
        QCOMPARE(a.oldestUsed, kT0 + 50 * kMin);
        // A wider window uses them again.
        QVERIFY(complete(kT0).assess(kT0 + 60 * kMin).result->complete); // the window's edge is in
        QVERIFY(complete(kT0, {.freshnessMinutes = 120}).assess(kT0 + 61 * kMin).result->complete);
    }

    void whoMayRecordWhat()
    {
        News2Assessor n;
        QString why;
        QVERIFY(!n.recordConsciousness(News2::Acvpu::Alert, kT0, Provenance::Patient, &why));
        QVERIFY(why.contains(QStringLiteral("clinician")));
        QVERIFY(!n.recordConsciousness(News2::Acvpu::Alert, kT0, Provenance::Device));
        QVERIFY(n.recordConsciousness(News2::Acvpu::NewConfusion, kT0, Provenance::Clinician));
        QVERIFY(!n.recordOxygen(true, kT0, Provenance::Device, &why));
        QVERIFY(n.recordOxygen(true, kT0, Provenance::Patient));
        const auto a = n.assess(kT0);
        QCOMPARE(a.result->component(Parameter::Consciousness).score, 3);
        QCOMPARE(a.result->component(Parameter::AirOrOxygen).score, 2);
        QVERIFY(a.result->redScore);
    }

    void scaleIsPerPatient()
    {
        News2Assessor n = complete(kT0);
        n.recordOxygen(true, kT0, Provenance::Clinician);
        QCOMPARE(n.assess(kT0).result->total, 2); // Scale 1: SpO2 97 on oxygen 0, oxygen 2
        n.setScale(News2::Scale::Two);
        QCOMPARE(n.assess(kT0).result->total, 5); // Scale 2: SpO2 97 on oxygen 3
    }

    void outOfRangeIsReportedNotScored()
    {
        News2Assessor n = complete(kT0);
        n.record(Parameter::Temperature, 98.6, kT0 + kMin, Provenance::Patient); // Fahrenheit by mistake
        const auto a = n.assess(kT0 + kMin);
        QVERIFY(!a.result);
        QVERIFY(a.error.contains(QStringLiteral("Temperature")));
    }
};

QTEST_GUILESS_MAIN(TestNews2Assessor)
#include "tst_news2assessor.moc"
