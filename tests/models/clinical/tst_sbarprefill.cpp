// SbarPrefill: the SBAR draft from NEWS2 (complete, incomplete, none), the latest vitals with their
// ages (stale ones marked), active alarms and the requested level; reading ages in words.
#include "clinical/sbarprefill.h"

#include <QTest>

using vigil::clinical::EscalationLevel;
using vigil::clinical::News2;
using vigil::clinical::Sbar;
using vigil::clinical::SbarPrefill;
using vigil::core::Measurement;
using vigil::core::Timestamp;
using vigil::core::VitalKind;

namespace {

constexpr Timestamp kNow = 1'760'000'000'000'000;
constexpr Timestamp kMinute = 60'000'000;

News2::Result scored(const News2::Input& input)
{
    const auto r = News2::score(input);
    if (!r)
        qFatal("not scorable");
    return *r;
}

// CLINICAL.md worked case: 26, 90, Scale 1, O2, 88, 135, C, 39.5 -> 19.
News2::Input worked19()
{
    News2::Input in;
    in.respirationRate = 26;
    in.spo2 = 90;
    in.onOxygen = true;
    in.systolicBp = 88;
    in.pulse = 135;
    in.consciousness = News2::Acvpu::NewConfusion;
    in.temperature = 39.5;
    return in;
}

} // namespace

class TestSbarPrefill : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void age_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("now") << qint64(0) << QStringLiteral("0 s");
        QTest::newRow("future clock") << qint64(-30) << QStringLiteral("0 s");
        QTest::newRow("59 s") << qint64(59) << QStringLiteral("59 s");
        QTest::newRow("1 min") << qint64(60) << QStringLiteral("1 min");
        QTest::newRow("59 min") << qint64(59 * 60 + 59) << QStringLiteral("59 min");
        QTest::newRow("1 h") << qint64(3600) << QStringLiteral("1 h");
        QTest::newRow("3 h 5 min") << qint64(3 * 3600 + 5 * 60) << QStringLiteral("3 h 5 min");
        QTest::newRow("1 d") << qint64(86400) << QStringLiteral("1 d");
        QTest::newRow("2 d 4 h") << qint64(2 * 86400 + 4 * 3600 + 59) << QStringLiteral("2 d 4 h");
    }

    void age()
    {
        QFETCH(qint64, seconds);
        QFETCH(QString, text);
        QCOMPARE(SbarPrefill::age(seconds * 1'000'000), text);
    }

    void completeHighScore()
    {
        SbarPrefill::Input in;
        in.news2 = scored(worked19());
        in.now = kNow;
        in.level = EscalationLevel::Emergency999;
        in.activeAlarms = {QStringLiteral("*** SpO2 LOW 90"), QStringLiteral("*** HR HIGH 135")};
        in.vitals[VitalKind::HeartRate] = Measurement{135, kNow - 2 * kMinute};
        in.vitals[VitalKind::SpO2] = Measurement{90, kNow - 2 * kMinute};
        in.vitals[VitalKind::SystolicBp] = Measurement{88, kNow - 40 * kMinute};
        in.vitals[VitalKind::DiastolicBp] = Measurement{52, kNow - 40 * kMinute};
        in.vitals[VitalKind::Temperature] = Measurement{39.5, kNow - 3 * kMinute};
        const Sbar s = SbarPrefill::build(in);

        QCOMPARE(s.situation,
            QStringLiteral("NEWS2 19 (high risk). A single parameter scores 3: Respiration rate, SpO\u2082, "
                           "Systolic blood pressure, Pulse, Consciousness. Active alarms: *** SpO2 LOW 90; *** HR "
                           "HIGH 135."));
        QCOMPARE(s.background,
            QStringLiteral("Monitored remotely. Latest readings: heart rate 135 /min (2 min ago); SpO\u2082 90 % (2 "
                           "min ago); blood pressure 88/52 mmHg (40 min ago, not recent); temperature 39.5 \u00B0C (3 "
                           "min ago)."));
        QCOMPARE(s.assessment,
            QStringLiteral("NEWS2 parameters: Respiration rate: 26 /min, score 3; SpO\u2082: 90 %, score 3; Air or "
                           "oxygen: oxygen, score 2; Systolic blood pressure: 88 mmHg, score 3; Pulse: 135 /min, score "
                           "3; Consciousness: C, score 3; Temperature: 39.5 \u00B0C, score 2."));
        QVERIFY(s.recommendation.startsWith(
            QStringLiteral("Escalation to 999 / emergency department. NEWS2 response (RCP): ")));
        QVERIFY(s.recommendation.contains(News2::response(*in.news2)));
        QVERIFY(s.recommendation.endsWith(QStringLiteral("Monitoring: Continuous monitoring of vital signs.")));
    }

    void incompleteSetShowsWhatIsMissingAndTheRange()
    {
        News2::Input input = worked19();
        input.temperature.reset();
        SbarPrefill::Input in;
        in.news2 = scored(input);
        in.now = kNow;
        const Sbar s = SbarPrefill::build(in);
        QVERIFY2(s.situation.startsWith(
                     QStringLiteral("NEWS2 incomplete (not measured: Temperature); the total could be 17 to 20.")),
            qPrintable(s.situation));
        QVERIFY(s.situation.endsWith(QStringLiteral("No active alarms.")));
        QVERIFY(s.assessment.contains(QStringLiteral("Temperature: not measured")));
        QCOMPARE(s.background, QStringLiteral("Monitored remotely. No readings have been received."));
        QVERIFY(!s.recommendation.contains(QStringLiteral("Escalation to")));
    }

    void withoutNews2()
    {
        SbarPrefill::Input in;
        in.now = kNow;
        in.level = EscalationLevel::UrgentClinicalReview;
        in.vitals[VitalKind::SystolicBp] = Measurement{120, kNow - kMinute};
        const Sbar s = SbarPrefill::build(in);
        QCOMPARE(s.situation, QStringLiteral("No NEWS2 score is available. No active alarms."));
        QCOMPARE(s.background,
            QStringLiteral("Monitored remotely. Latest readings: systolic blood pressure 120 mmHg (1 min ago)."));
        QCOMPARE(s.assessment, QStringLiteral("No NEWS2 score is available; assess the patient."));
        QCOMPARE(
            s.recommendation, QStringLiteral("Escalation to Urgent clinical review (GP / virtual-ward clinician)."));
        QVERIFY(!s.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSbarPrefill)
#include "tst_sbarprefill.moc"
