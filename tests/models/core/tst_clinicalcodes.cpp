// The LOINC / MDC code tables and unit conversion of CLINICAL.md ("Codes").

#include "core/clinicalcodes.h"

#include <QTest>

using namespace vigil::core;

class TestClinicalCodes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loinc()
    {
        QCOMPARE(ClinicalCodes::vitalFromLoinc(QStringLiteral("8867-4")), VitalKind::HeartRate);
        QCOMPARE(ClinicalCodes::vitalFromLoinc(QStringLiteral("9279-1")), VitalKind::RespRate);
        QCOMPARE(ClinicalCodes::vitalFromLoinc(QStringLiteral("2708-6")), VitalKind::SpO2);
        QCOMPARE(ClinicalCodes::vitalFromLoinc(QStringLiteral("59408-5")), VitalKind::SpO2);
        QCOMPARE(ClinicalCodes::vitalFromLoinc(QStringLiteral("8310-5")), VitalKind::Temperature);
        QCOMPARE(ClinicalCodes::vitalFromLoinc(QStringLiteral("8480-6")), VitalKind::SystolicBp);
        QCOMPARE(ClinicalCodes::vitalFromLoinc(QStringLiteral("8462-4")), VitalKind::DiastolicBp);
        QVERIFY(!ClinicalCodes::vitalFromLoinc(QStringLiteral("85354-9"))); // the BP panel is not a reading
        QVERIFY(!ClinicalCodes::vitalFromLoinc(QStringLiteral("29463-7"))); // body weight: not used
        // Every kind's own LOINC maps back to it.
        for (int k = 0; k < kVitalKindCount; ++k)
            QCOMPARE(ClinicalCodes::vitalFromLoinc(vitalLoinc(static_cast<VitalKind>(k))), static_cast<VitalKind>(k));
    }

    void mdc()
    {
        QCOMPARE(ClinicalCodes::vitalFromMdc(147842), VitalKind::HeartRate);
        QCOMPARE(ClinicalCodes::vitalFromMdc(149530), VitalKind::HeartRate);
        QCOMPARE(ClinicalCodes::vitalFromMdc(150456), VitalKind::SpO2);
        QCOMPARE(ClinicalCodes::vitalFromMdc(151562), VitalKind::RespRate);
        QCOMPARE(ClinicalCodes::vitalFromMdc(150344), VitalKind::Temperature);
        QCOMPARE(ClinicalCodes::vitalFromMdc(188424), VitalKind::Temperature);
        QCOMPARE(ClinicalCodes::vitalFromMdc(150021), VitalKind::SystolicBp);
        QCOMPARE(ClinicalCodes::vitalFromMdc(150022), VitalKind::DiastolicBp);
        QVERIFY(!ClinicalCodes::vitalFromMdc(150023)); // NIBP mean: not a NEWS2 parameter
        QVERIFY(!ClinicalCodes::vitalFromMdc(148065)); // PVC count
        QCOMPARE(ClinicalCodes::streamFromMdc(131330), StreamKind::Ecg);
        QCOMPARE(ClinicalCodes::streamFromMdc(150452), StreamKind::Pleth);
        QCOMPARE(ClinicalCodes::streamFromMdc(151780), StreamKind::Resp);
        QVERIFY(!ClinicalCodes::streamFromMdc(150084)); // CVP wave: not shown
        for (StreamKind kind : kAllStreams)
            QCOMPARE(ClinicalCodes::streamFromMdc(mdcCode(kind)), kind);
        QVERIFY(ClinicalCodes::isMdcSystem(QStringLiteral("urn:iso:std:iso:11073:10101")));
        QVERIFY(ClinicalCodes::isMdcSystem(QStringLiteral("urn:oid:2.16.840.1.113883.6.24")));
        QVERIFY(!ClinicalCodes::isMdcSystem(QStringLiteral("http://loinc.org")));
    }

    void units()
    {
        const auto conv = [](VitalKind kind, double v, const char* unit) {
            return ClinicalCodes::toCanonical(kind, v, QString::fromUtf8(unit));
        };
        QCOMPARE(*conv(VitalKind::Temperature, 98.6, "[degF]"), 37.0);
        QCOMPARE(*conv(VitalKind::Temperature, 98.6, "MDC_DIM_FAHR"), 37.0);
        QCOMPARE(*conv(VitalKind::Temperature, 212.0, "°F"), 100.0);
        QCOMPARE(*conv(VitalKind::Temperature, 36.5, "Cel"), 36.5);
        QCOMPARE(*conv(VitalKind::Temperature, 36.5, "°C"), 36.5);
        QCOMPARE(*conv(VitalKind::Temperature, 310.15, "K"), 37.0);
        QVERIFY(qAbs(*conv(VitalKind::SystolicBp, 16.0, "kPa") - 120.0098) < 1e-3);
        QCOMPARE(*conv(VitalKind::SystolicBp, 120.0, "mm[Hg]"), 120.0);
        QCOMPARE(*conv(VitalKind::HeartRate, 72.0, "{beat}/min"), 72.0);
        QCOMPARE(*conv(VitalKind::HeartRate, 1.2, "/s"), 72.0);
        QCOMPARE(*conv(VitalKind::SpO2, 95.0, "%"), 95.0);
        QCOMPARE(*conv(VitalKind::SpO2, 0.95, "1"), 95.0);
        QCOMPARE(*conv(VitalKind::RespRate, 16.0, ""), 16.0);
        QVERIFY(!conv(VitalKind::Temperature, 37.0, "mm[Hg]")); // a unit that does not fit the kind
        QVERIFY(!conv(VitalKind::SpO2, 95.0, "kg"));
        QVERIFY(!conv(VitalKind::HeartRate, 72.0, "furlongs"));
    }
};

QTEST_GUILESS_MAIN(TestClinicalCodes)
#include "tst_clinicalcodes.moc"
