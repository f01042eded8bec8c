// Note: Qt 6.4's moc reads "//" inside a multi-line raw string literal as a comment and then finds no
// class at all, so every JSON literal here is a run of single-line raw strings.
#include "codec/fhirdatetime.h"
#include "codec/fhirdecoder.h"
#include "codec/fhirproblems.h"
#include "codec/fhirsampleddata.h"
#include "codec/wavecodec.h"

#include <QDateTime>
#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QTimeZone>

#include <cmath>
#include <random>
#include <vector>

using vigil::codec::DecodeProblem;
using vigil::codec::FhirDateTime;
using vigil::codec::FhirDecoder;
using vigil::codec::FhirProblems;
using vigil::codec::FhirSampledData;
using vigil::codec::InboundBatch;
using vigil::codec::VitalReading;
using vigil::codec::WaveCodec;
using vigil::codec::WaveSegment;
using vigil::core::VitalKind;

using Samples = std::vector<qint32>;

namespace {

QByteArray readData(const QString& name)
{
    QFile file(QStringLiteral(VIGIL_TEST_DATA_DIR "/fhir/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(name));
    return file.readAll();
}

// µs UTC, computed by Qt (independently of FhirDateTime's own arithmetic).
qint64 utcMicros(int year, int month, int day, int hour = 0, int minute = 0, int second = 0, int ms = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, ms), QTimeZone::utc()).toMSecsSinceEpoch()
        * 1000;
}

QString problemsText(const InboundBatch& batch)
{
    QStringList lines;
    for (const DecodeProblem& p : batch.problems)
        lines.append(p.where + QStringLiteral(": ") + p.reason);
    return lines.join(QLatin1Char('\n'));
}

// An Observation with one valueQuantity, on Patient/p1 at a fixed time.
QByteArray quantityObservation(const QByteArray& system, const QByteArray& code, const QByteArray& quantity,
    const QByteArray& id = "obs-1", const QByteArray& time = "\"effectiveDateTime\": \"2024-05-01T10:15:00Z\"")
{
    return R"({"resourceType": "Observation", "id": ")" + id
        + R"(", "status": "final",)"
          R"( "code": {"coding": [{"system": ")"
        + system + R"(", "code": ")" + code
        + R"("}]},)"
          R"( "subject": {"reference": "Patient/p1"}, )"
        + time + R"(, "valueQuantity": )" + quantity + "}";
}

// An Observation with one valueSampledData (ECG lead II) on Patient/p1.
QByteArray sampledObservation(const QByteArray& sampledData, const QByteArray& time = "2024-05-01T10:15:00.250+01:00")
{
    return R"({"resourceType": "Observation", "id": "wave-1", "status": "final",)"
           R"( "code": {"coding": [{"system": "urn:iso:std:iso:11073:10101", "code": "131330", "display": "MDC_ECG_ELEC_POTL_II"}]},)"
           R"( "subject": {"reference": "Patient/p1"}, "effectiveDateTime": ")"
        + time + R"(", "valueSampledData": )" + sampledData + "}";
}

QByteArray sampledData(const QByteArray& data, const QByteArray& extra = {})
{
    return R"({"origin": {"value": 0, "unit": "uV", "code": "uV"}, "period": 4, "factor": 2, "dimensions": 1, "data": ")"
        + data + "\"" + extra + "}";
}

const QByteArray kHeartRate = quantityObservation("http://loinc.org", "8867-4", R"({"value": 72, "code": "/min"})");

QByteArray deviceStatus(const QByteArray& components, const QByteArray& time = "2024-05-01T10:15:00Z")
{
    return R"({"resourceType": "Observation", "id": "status-1", "status": "final",)"
           R"( "category": [{"coding": [{"system": "https://vigil.example.nhs.uk/fhir/CodeSystem/observation-category", "code": "device-status"}]}],)"
           R"( "code": {"coding": [{"system": "https://vigil.example.nhs.uk/fhir/CodeSystem/device-status", "code": "device-status"}]},)"
           R"( "effectiveDateTime": ")"
        + time + R"(", "component": [)" + components + "]}";
}

} // namespace

class TestFhirDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Real HL7 examples
    void realVitals_data();
    void realVitals();
    void realBloodPressure();
    void realVitalsPanelHasNoValues();
    void realEkgSampledData();
    void realPatient();
    // Vital signs
    void unitConversion_data();
    void unitConversion();
    void mdcCodedVital();
    void unusableVitals_data();
    void unusableVitals();
    void conflictingCodes();
    void unknownCodesAreIgnored();
    void enteredInError();
    // Time
    void dateTimes_data();
    void dateTimes();
    void effectiveForms();
    void missingOrPartialTime();
    // SampledData
    void sampledDataMarkers();
    void dimensionsInterleave();
    void decimalTokens_data();
    void decimalTokens();
    void badSampledData_data();
    void badSampledData();
    void dateOnlyWaveIsSkipped();
    // Patients and references
    void patientKeys();
    void nhsNumber();
    void observationWithoutId();
    // Bundles and NDJSON
    void bundleKeepsGoodEntries_data();
    void bundleKeepsGoodEntries();
    void bundleUrnUuidReferences();
    void transactionResponseIsIgnored();
    void ndjson();
    // Device status
    void deviceStatusReport();
    void deviceStatusProblems();
    // Rejection and bounds
    void rejected_data();
    void rejected();
    void boundedInputs();
    void problemsQuoteNothing();
    void garbageNeverCrashes();
};

// ---- Real HL7 examples ----

void TestFhirDecoder::realVitals_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<VitalKind>("kind");
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("code");
    QTest::addColumn<qint64>("time");
    QTest::addColumn<int>("problems");

    // The first four examples carry a date without a time of day: kept at 00:00 UTC, with one problem.
    QTest::newRow("heart-rate") << QStringLiteral("observation-example-heart-rate.json") << VitalKind::HeartRate << 44.0
                                << QStringLiteral("loinc:8867-4") << utcMicros(1999, 7, 2) << 1;
    QTest::newRow("respiratory-rate") << QStringLiteral("observation-example-respiratory-rate.json")
                                      << VitalKind::RespRate << 26.0 << QStringLiteral("loinc:9279-1")
                                      << utcMicros(1999, 7, 2) << 1;
    QTest::newRow("body-temperature") << QStringLiteral("observation-example-body-temperature.json")
                                      << VitalKind::Temperature << 36.5 << QStringLiteral("loinc:8310-5")
                                      << utcMicros(1999, 7, 2) << 1;
    // 2014-12-05T09:30:10+01:00; LOINC 2708-6 comes first (59408-5 and MDC 150456 agree with it).
    QTest::newRow("satO2") << QStringLiteral("observation-example-satO2.json") << VitalKind::SpO2 << 95.0
                           << QStringLiteral("loinc:2708-6") << utcMicros(2014, 12, 5, 8, 30, 10) << 0;
}

void TestFhirDecoder::realVitals()
{
    QFETCH(QString, file);
    QFETCH(VitalKind, kind);
    QFETCH(double, value);
    QFETCH(QString, code);
    QFETCH(qint64, time);
    QFETCH(int, problems);

    const InboundBatch batch = FhirDecoder::decode(readData(file));
    QVERIFY2(!batch.rejected, qPrintable(problemsText(batch)));
    QCOMPARE(int(batch.problems.size()), problems);
    QCOMPARE(batch.vitals.size(), std::size_t(1));
    QVERIFY(batch.waves.empty() && batch.statuses.empty() && batch.patients.empty());
    const VitalReading& r = batch.vitals.front();
    QCOMPARE(r.kind, kind);
    QCOMPARE(r.measurement.value, value);
    QCOMPARE(r.measurement.time, time);
    QCOMPARE(r.code, code);
    QCOMPARE(r.patientKey, QStringLiteral("example"));
    QCOMPARE(r.sourceId, batch.messageId);
    QVERIFY(!r.sourceId.isEmpty());
}

void TestFhirDecoder::realBloodPressure()
{
    const InboundBatch batch = FhirDecoder::decode(readData(QStringLiteral("observation-example-bloodpressure.json")));
    QVERIFY(!batch.rejected);
    QCOMPARE(batch.messageId, QStringLiteral("blood-pressure"));
    QCOMPARE(batch.vitals.size(), std::size_t(2));
    QCOMPARE(batch.problems.size(), std::size_t(1)); // 2012-09-17: no time of day
    const VitalReading& sys = batch.vitals[0];
    const VitalReading& dia = batch.vitals[1];
    QCOMPARE(sys.kind, VitalKind::SystolicBp);
    QCOMPARE(sys.measurement.value, 107.0);
    QCOMPARE(sys.code, QStringLiteral("loinc:8480-6"));
    QCOMPARE(sys.sourceId, QStringLiteral("blood-pressure#0"));
    QCOMPARE(dia.kind, VitalKind::DiastolicBp);
    QCOMPARE(dia.measurement.value, 60.0);
    QCOMPARE(dia.code, QStringLiteral("loinc:8462-4"));
    QCOMPARE(dia.sourceId, QStringLiteral("blood-pressure#1"));
    QCOMPARE(sys.measurement.time, utcMicros(2012, 9, 17));
    QCOMPARE(dia.measurement.time, sys.measurement.time);
}

void TestFhirDecoder::realVitalsPanelHasNoValues()
{
    const InboundBatch batch = FhirDecoder::decode(readData(QStringLiteral("observation-example-vitals-panel.json")));
    QVERIFY(!batch.rejected);
    QVERIFY2(batch.problems.empty(), qPrintable(problemsText(batch)));
    QVERIFY(!batch.hasData());
    QCOMPARE(batch.messageId, QStringLiteral("vitals-panel"));
}

void TestFhirDecoder::realEkgSampledData()
{
    const QByteArray json = readData(QStringLiteral("observation-example-sample-data.json"));
    const InboundBatch batch = FhirDecoder::decode(json);
    QVERIFY2(!batch.rejected && batch.problems.empty(), qPrintable(problemsText(batch)));
    QCOMPARE(batch.messageId, QStringLiteral("ekg"));
    QCOMPARE(batch.waves.size(), std::size_t(3));

    // Independent reading of the file: the three "data" strings, by a regular expression on the text.
    std::vector<QStringList> tokens;
    const QRegularExpression dataString(QStringLiteral("\"data\"\\s*:\\s*\"([^\"]*)\""));
    for (auto it = dataString.globalMatch(QString::fromUtf8(json)); it.hasNext();)
        tokens.push_back(it.next().captured(1).split(QLatin1Char(' '), Qt::SkipEmptyParts));
    QCOMPARE(tokens.size(), std::size_t(3));

    const int codes[] = {131329, 131330, 131389};
    const char* names[] = {"MDC_ECG_ELEC_POTL_I", "MDC_ECG_ELEC_POTL_II", "MDC_ECG_ELEC_POTL_III"};
    for (int lead = 0; lead < 3; ++lead) {
        const WaveSegment& w = batch.waves[std::size_t(lead)];
        const QStringList& t = tokens[std::size_t(lead)];
        QCOMPARE(w.mdcCode, codes[lead]);
        QCOMPARE(w.codeText, QString::fromLatin1(names[lead]));
        QCOMPARE(w.sourceId, QStringLiteral("ekg#%1").arg(lead));
        QCOMPARE(w.patientKey, QStringLiteral("f001"));
        QCOMPARE(w.periodUs, 10000.0);
        QCOMPARE(w.rateHz(), 100.0);
        QCOMPARE(w.origin, 2048.0);
        QCOMPARE(w.factor, 1.612);
        QVERIFY(w.unit.isEmpty()); // the example's origin has no unit
        QCOMPARE(w.start, utcMicros(2015, 2, 19, 8, 30, 35)); // 09:30:35+01:00
        QCOMPARE(qsizetype(w.size()), t.size());
        QVERIFY(t.size() > 100);
        // physical = origin + factor × datum, sample by sample (first and last named for the record).
        const auto physical = [&w](std::size_t i) { return w.origin + w.factor * w.digital[i]; };
        QCOMPARE(physical(0), 2048.0 + 1.612 * t.first().toDouble());
        QCOMPARE(physical(w.size() - 1), 2048.0 + 1.612 * t.last().toDouble());
        for (qsizetype i = 0; i < t.size(); ++i)
            QCOMPARE(w.digital[std::size_t(i)], t.at(i).toInt());
    }
}

void TestFhirDecoder::realPatient()
{
    const InboundBatch batch = FhirDecoder::decode(readData(QStringLiteral("patient-example-f001-pieter.json")));
    QVERIFY2(!batch.rejected && batch.problems.empty(), qPrintable(problemsText(batch)));
    QCOMPARE(batch.messageId, QStringLiteral("f001"));
    QCOMPARE(batch.patients.size(), std::size_t(1));
    const auto& p = batch.patients.front();
    QCOMPARE(p.id, QStringLiteral("f001"));
    QCOMPARE(p.familyName, QStringLiteral("van de Heuvel"));
    QCOMPARE(p.givenName, QStringLiteral("Pieter"));
    QCOMPARE(p.birthDate, QDate(1944, 11, 17));
    QVERIFY(p.nhsNumber.isEmpty()); // a Dutch identifier only
}

// ---- Vital signs ----

void TestFhirDecoder::unitConversion_data()
{
    QTest::addColumn<QByteArray>("code");
    QTest::addColumn<QByteArray>("quantity");
    QTest::addColumn<VitalKind>("kind");
    QTest::addColumn<double>("value");

    QTest::newRow("degF code") << QByteArray("8310-5")
                               << QByteArray(R"({"value": 98.6, "unit": "F", "code": "[degF]"})")
                               << VitalKind::Temperature << 37.0;
    QTest::newRow("degF unit only") << QByteArray("8310-5") << QByteArray(R"({"value": 98.6, "unit": "[degF]"})")
                                    << VitalKind::Temperature << 37.0;
    QTest::newRow("kPa systolic") << QByteArray("8480-6") << QByteArray(R"({"value": 16, "code": "kPa"})")
                                  << VitalKind::SystolicBp << 16 * 7.500615758;
    QTest::newRow("code preferred to unit")
        << QByteArray("8867-4") << QByteArray(R"({"value": 60, "unit": "beats per second", "code": "/min"})")
        << VitalKind::HeartRate << 60.0;
    QTest::newRow("human unit text") << QByteArray("9279-1") << QByteArray(R"({"value": 18, "unit": "breaths/minute"})")
                                     << VitalKind::RespRate << 18.0;
}

void TestFhirDecoder::unitConversion()
{
    QFETCH(QByteArray, code);
    QFETCH(QByteArray, quantity);
    QFETCH(VitalKind, kind);
    QFETCH(double, value);
    const InboundBatch batch = FhirDecoder::decode(quantityObservation("http://loinc.org", code, quantity));
    QVERIFY2(batch.problems.empty(), qPrintable(problemsText(batch)));
    QCOMPARE(batch.vitals.size(), std::size_t(1));
    QCOMPARE(batch.vitals[0].kind, kind);
    QVERIFY2(std::abs(batch.vitals[0].measurement.value - value) < 1e-9,
        qPrintable(QString::number(batch.vitals[0].measurement.value, 'g', 17)));
}

void TestFhirDecoder::mdcCodedVital()
{
    for (const QByteArray& system :
        {QByteArray("urn:iso:std:iso:11073:10101"), QByteArray("urn:oid:2.16.840.1.113883.6.24")}) {
        const InboundBatch batch = FhirDecoder::decode(
            quantityObservation(system, "147842", R"({"value": 61, "unit": "bpm", "code": "{beat}/min"})"));
        QVERIFY2(batch.problems.empty(), qPrintable(problemsText(batch)));
        QCOMPARE(batch.vitals.size(), std::size_t(1));
        QCOMPARE(batch.vitals[0].kind, VitalKind::HeartRate);
        QCOMPARE(batch.vitals[0].code, QStringLiteral("mdc:147842"));
        QCOMPARE(batch.vitals[0].measurement.time, utcMicros(2024, 5, 1, 10, 15));
    }
    // MDC NIBP as components of an MDC panel, in kPa.
    const QByteArray bp =
        R"({"resourceType": "Observation", "id": "nibp", "status": "final",)"
        R"( "code": {"coding": [{"system": "urn:iso:std:iso:11073:10101", "code": "150020"}]},)"
        R"( "subject": {"reference": "Patient/p1"}, "effectiveDateTime": "2024-05-01T10:15:00Z",)"
        R"( "component": [)"
        R"( {"code": {"coding": [{"system": "urn:iso:std:iso:11073:10101", "code": "150021"}]}, "valueQuantity": {"value": 16, "code": "kPa"}},)"
        R"( {"code": {"coding": [{"system": "urn:iso:std:iso:11073:10101", "code": "150022"}]}, "valueQuantity": {"value": 10.6, "code": "kPa"}},)"
        R"( {"code": {"coding": [{"system": "urn:iso:std:iso:11073:10101", "code": "150023"}]}, "valueQuantity": {"value": 12, "code": "kPa"}}]})";
    const InboundBatch batch = FhirDecoder::decode(bp);
    QVERIFY2(batch.problems.empty(), qPrintable(problemsText(batch))); // the mean (150023) is not read: quietly
    QCOMPARE(batch.vitals.size(), std::size_t(2));
    QCOMPARE(batch.vitals[0].kind, VitalKind::SystolicBp);
    QVERIFY(std::abs(batch.vitals[0].measurement.value - 120.0098521) < 1e-6);
    QCOMPARE(batch.vitals[1].kind, VitalKind::DiastolicBp);
    QVERIFY(std::abs(batch.vitals[1].measurement.value - 79.50652703) < 1e-6);
    QCOMPARE(batch.vitals[1].sourceId, QStringLiteral("nibp#1"));
}

void TestFhirDecoder::unusableVitals_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("unknown unit") << quantityObservation(
        "http://loinc.org", "8310-5", R"({"value": 37, "code": "mg"})");
    QTest::newRow("unfit unit") << quantityObservation("http://loinc.org", "8867-4", R"({"value": 37, "code": "Cel"})");
    QTest::newRow("no unit") << quantityObservation("http://loinc.org", "8310-5", R"({"value": 98.6})");
    QTest::newRow("comparator") << quantityObservation(
        "http://loinc.org", "2708-6", R"({"value": 90, "comparator": "<", "code": "%"})");
    QTest::newRow("value not a number") << quantityObservation(
        "http://loinc.org", "8867-4", R"({"value": "72", "code": "/min"})");
    QTest::newRow("not a Quantity") << quantityObservation("http://loinc.org", "8867-4", R"("72")");
    QTest::newRow("valueString") << QByteArray(
        R"({"resourceType": "Observation", "id": "o", "status": "final",)"
        R"( "code": {"coding": [{"system": "http://loinc.org", "code": "8867-4"}]}, "subject": {"reference": "Patient/p1"},)"
        R"( "effectiveDateTime": "2024-05-01T10:15:00Z", "valueString": "seventy"})");
    QTest::newRow("no value") << QByteArray(
        R"({"resourceType": "Observation", "id": "o", "status": "final",)"
        R"( "code": {"coding": [{"system": "http://loinc.org", "code": "8867-4"}]}, "subject": {"reference": "Patient/p1"},)"
        R"( "effectiveDateTime": "2024-05-01T10:15:00Z"})");
}

void TestFhirDecoder::unusableVitals()
{
    QFETCH(QByteArray, json);
    const InboundBatch batch = FhirDecoder::decode(json);
    QVERIFY(!batch.rejected);
    QVERIFY(!batch.hasData());
    QCOMPARE(batch.problems.size(), std::size_t(1));
    QVERIFY(batch.problems[0].where.startsWith(QStringLiteral("Observation")));
}

void TestFhirDecoder::conflictingCodes()
{
    const QByteArray json =
        R"({"resourceType": "Observation", "id": "o", "status": "final",)"
        R"( "code": {"coding": [{"system": "http://loinc.org", "code": "8867-4"}, {"system": "urn:iso:std:iso:11073:10101", "code": "150456"}]},)"
        R"( "subject": {"reference": "Patient/p1"}, "effectiveDateTime": "2024-05-01T10:15:00Z", "valueQuantity": {"value": 95, "code": "%"}})";
    const InboundBatch batch = FhirDecoder::decode(json);
    QVERIFY(batch.vitals.empty());
    QCOMPARE(batch.problems.size(), std::size_t(1));
}

void TestFhirDecoder::unknownCodesAreIgnored()
{
    // Decision: an Observation Vigil does not read (body weight, a SNOMED-only code, a code in no
    // known system) is ignored quietly: not data, not a problem (no quarantine for routine traffic).
    for (const auto& [system, code] : {std::pair{QByteArray("http://loinc.org"), QByteArray("29463-7")},
             std::pair{QByteArray("http://snomed.info/sct"), QByteArray("364075005")},
             std::pair{QByteArray("urn:iso:std:iso:11073:10101"), QByteArray("188736")},
             std::pair{QByteArray("urn:iso:std:iso:11073:10101"), QByteArray("MDC_MASS_BODY_ACTUAL")}}) {
        const InboundBatch batch =
            FhirDecoder::decode(quantityObservation(system, code, R"({"value": 70, "code": "kg"})"));
        QVERIFY(!batch.rejected);
        QVERIFY(!batch.hasData());
        QVERIFY2(batch.problems.empty(), qPrintable(problemsText(batch)));
    }
}

void TestFhirDecoder::enteredInError()
{
    for (const char* status : {"entered-in-error", "cancelled"}) {
        QByteArray json = kHeartRate;
        json.replace("\"final\"", QByteArray("\"" + QByteArray(status) + "\""));
        const InboundBatch batch = FhirDecoder::decode(json);
        QVERIFY(!batch.rejected);
        QVERIFY(!batch.hasData());
        QCOMPARE(batch.problems.size(), std::size_t(1));
        QVERIFY(batch.problems[0].reason.contains(QLatin1String(status)));
    }
    QByteArray amended = kHeartRate;
    amended.replace("\"final\"", "\"amended\"");
    QCOMPARE(FhirDecoder::decode(amended).vitals.size(), std::size_t(1));
}

// ---- Time ----

void TestFhirDecoder::dateTimes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<FhirDateTime::Precision>("precision");
    QTest::addColumn<qint64>("utc");
    using P = FhirDateTime::Precision;
    QTest::newRow("offset") << QStringLiteral("2015-02-19T09:30:35+01:00") << P::Time
                            << utcMicros(2015, 2, 19, 8, 30, 35);
    QTest::newRow("negative offset") << QStringLiteral("2015-02-19T21:30:35-05:30") << P::Time
                                     << utcMicros(2015, 2, 20, 3, 0, 35);
    QTest::newRow("Z") << QStringLiteral("2024-05-01T10:15:00Z") << P::Time << utcMicros(2024, 5, 1, 10, 15);
    QTest::newRow("offset without colon")
        << QStringLiteral("2024-05-01T10:15:00+0100") << P::Time << utcMicros(2024, 5, 1, 9, 15);
    QTest::newRow("no zone is UTC") << QStringLiteral("2024-05-01T10:15:00") << P::Time
                                    << utcMicros(2024, 5, 1, 10, 15);
    QTest::newRow("no seconds") << QStringLiteral("2024-05-01T10:15Z") << P::Time << utcMicros(2024, 5, 1, 10, 15);
    QTest::newRow("microseconds") << QStringLiteral("2024-05-01T10:15:00.123456Z") << P::Time
                                  << utcMicros(2024, 5, 1, 10, 15) + 123456;
    QTest::newRow("nanoseconds truncated")
        << QStringLiteral("2024-05-01T10:15:00.123456789Z") << P::Time << utcMicros(2024, 5, 1, 10, 15) + 123456;
    QTest::newRow("milliseconds") << QStringLiteral("2024-05-01T10:15:00.25+01:00") << P::Time
                                  << utcMicros(2024, 5, 1, 9, 15, 0, 250);
    QTest::newRow("leap second") << QStringLiteral("2016-12-31T23:59:60Z") << P::Time << utcMicros(2017, 1, 1);
    QTest::newRow("before 1970") << QStringLiteral("1944-11-17T06:00:00Z") << P::Time << utcMicros(1944, 11, 17, 6);
    QTest::newRow("date") << QStringLiteral("1999-07-02") << P::Day << utcMicros(1999, 7, 2);
    QTest::newRow("month") << QStringLiteral("1999-07") << P::Month << utcMicros(1999, 7, 1);
    QTest::newRow("year") << QStringLiteral("1999") << P::Year << utcMicros(1999, 1, 1);
    QTest::newRow("30 February") << QStringLiteral("2023-02-30") << P::Invalid << qint64(0);
    QTest::newRow("hour 24") << QStringLiteral("2023-02-03T24:00:00Z") << P::Invalid << qint64(0);
    QTest::newRow("trailing junk") << QStringLiteral("2023-02-03T10:00:00Zjunk") << P::Invalid << qint64(0);
    QTest::newRow("offset 15 h") << QStringLiteral("2023-02-03T10:00:00+15:00") << P::Invalid << qint64(0);
    QTest::newRow("empty fraction") << QStringLiteral("2023-02-03T10:00:00.Z") << P::Invalid << qint64(0);
    QTest::newRow("space separator") << QStringLiteral("2023-02-03 10:00:00") << P::Invalid << qint64(0);
    QTest::newRow("year 0") << QStringLiteral("0000-01-01") << P::Invalid << qint64(0);
    QTest::newRow("empty") << QString() << P::Invalid << qint64(0);
}

void TestFhirDecoder::dateTimes()
{
    QFETCH(QString, text);
    QFETCH(FhirDateTime::Precision, precision);
    QFETCH(qint64, utc);
    const FhirDateTime::Result r = FhirDateTime::parse(text);
    QCOMPARE(r.precision, precision);
    QCOMPARE(r.utc, utc);
}

void TestFhirDecoder::effectiveForms()
{
    const QByteArray value = R"({"value": 72, "code": "/min"})";
    const std::pair<QByteArray, qint64> forms[] = {
        {R"("effectiveInstant": "2024-05-01T10:15:00.5Z")", utcMicros(2024, 5, 1, 10, 15, 0, 500)},
        {R"("effectivePeriod": {"start": "2024-05-01T11:15:00+01:00", "end": "2024-05-01T11:20:00+01:00"})",
            utcMicros(2024, 5, 1, 10, 15)},
        // effectiveDateTime wins over the others.
        {R"("effectiveDateTime": "2024-05-01T10:15:00Z", "effectiveInstant": "2020-01-01T00:00:00Z")",
            utcMicros(2024, 5, 1, 10, 15)},
    };
    for (const auto& [time, expected] : forms) {
        const InboundBatch batch =
            FhirDecoder::decode(quantityObservation("http://loinc.org", "8867-4", value, "o", time));
        QVERIFY2(batch.problems.empty(), qPrintable(problemsText(batch)));
        QCOMPARE(batch.vitals.size(), std::size_t(1));
        QCOMPARE(batch.vitals[0].measurement.time, expected);
    }
}

void TestFhirDecoder::missingOrPartialTime()
{
    const QByteArray value = R"({"value": 72, "code": "/min"})";
    for (const QByteArray& time :
        {QByteArray(R"("issued": "2024-05-01T10:15:00Z")"), QByteArray(R"("effectiveDateTime": "2024-05")"),
            QByteArray(R"("effectiveDateTime": "yesterday")"), QByteArray(R"("effectiveDateTime": 20240501)"),
            QByteArray(R"("effectivePeriod": {"end": "2024-05-01"})")}) {
        const InboundBatch batch =
            FhirDecoder::decode(quantityObservation("http://loinc.org", "8867-4", value, "o", time));
        QVERIFY(!batch.rejected);
        QVERIFY(batch.vitals.empty());
        QCOMPARE(batch.problems.size(), std::size_t(1));
    }
    // A BP panel without time: one problem for the Observation, not one per component.
    QByteArray bp = readData(QStringLiteral("observation-example-bloodpressure.json"));
    bp.replace("\"effectiveDateTime\"", "\"unknownElement\"");
    const InboundBatch batch = FhirDecoder::decode(bp);
    QVERIFY(batch.vitals.empty());
    QCOMPARE(batch.problems.size(), std::size_t(1));
}

// ---- SampledData ----

void TestFhirDecoder::sampledDataMarkers()
{
    const InboundBatch batch = FhirDecoder::decode(
        sampledObservation(sampledData("1 E 3 L -5 U 0", R"(, "lowerLimit": -10, "upperLimit": 10)")));
    QVERIFY2(batch.problems.empty(), qPrintable(problemsText(batch)));
    QCOMPARE(batch.waves.size(), std::size_t(1));
    const WaveSegment& w = batch.waves[0];
    const qint32 X = WaveCodec::kInvalid;
    QCOMPARE(w.digital, (Samples{1, X, 3, X, -5, X, 0}));
    QCOMPARE(w.mdcCode, 131330);
    QCOMPARE(w.sourceId, QStringLiteral("wave-1"));
    QCOMPARE(w.unit, QStringLiteral("uV"));
    QCOMPARE(w.periodUs, 4000.0);
    QCOMPARE(w.factor, 2.0);
    QCOMPARE(w.start, utcMicros(2024, 5, 1, 9, 15, 0, 250));
}

void TestFhirDecoder::dimensionsInterleave()
{
    const QByteArray sd =
        R"({"origin": {"value": 1.5, "code": "mV"}, "period": 2.5, "factor": 0.5, "dimensions": 2, "data": "1 10 2 20 E 30"})";
    const InboundBatch batch = FhirDecoder::decode(sampledObservation(sd));
    QVERIFY2(batch.problems.empty(), qPrintable(problemsText(batch)));
    QCOMPARE(batch.waves.size(), std::size_t(2));
    QCOMPARE(batch.waves[0].digital, (Samples{1, 2, WaveCodec::kInvalid}));
    QCOMPARE(batch.waves[1].digital, (Samples{10, 20, 30}));
    for (int k = 0; k < 2; ++k) {
        const WaveSegment& w = batch.waves[std::size_t(k)];
        QCOMPARE(w.sourceId, QStringLiteral("wave-1#dim%1").arg(k));
        QCOMPARE(w.periodUs, 2500.0);
        QCOMPARE(w.origin, 1.5);
        QCOMPARE(w.factor, 0.5);
        QCOMPARE(w.unit, QStringLiteral("mV"));
        QCOMPARE(w.start, batch.waves[0].start);
    }
    // Not a multiple of dimensions: a problem, no segment.
    QByteArray odd = sd;
    odd.replace("1 10 2 20 E 30", "1 10 2");
    const InboundBatch bad = FhirDecoder::decode(sampledObservation(odd));
    QVERIFY(bad.waves.empty());
    QCOMPARE(bad.problems.size(), std::size_t(1));
}

void TestFhirDecoder::decimalTokens_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<Samples>("digital");
    QTest::addColumn<double>("factor"); // sent factor 2 divided by the power of ten
    QTest::addColumn<QList<double>>("physical"); // origin 0 + 2 × token

    const qint32 X = WaveCodec::kInvalid;
    QTest::newRow("integers") << QByteArray("1 -2 3") << Samples{1, -2, 3} << 2.0 << QList<double>{2, -4, 6};
    QTest::newRow("two places") << QByteArray("1.5 2.25 -3 E") << Samples{150, 225, -300, X} << 0.02
                                << QList<double>{3, 4.5, -6, 0};
    QTest::newRow("trailing zeros") << QByteArray("1.000000 2.50") << Samples{10, 25} << 0.2 << QList<double>{2, 5};
    QTest::newRow("six places") << QByteArray("0.000001 1") << Samples{1, 1000000} << 2e-6 << QList<double>{2e-6, 2};
    QTest::newRow("exponents") << QByteArray("1e-3 2E2 -0.5e1") << Samples{1, 200000, -5000} << 0.002
                               << QList<double>{0.002, 400, -10};
    QTest::newRow("int32 edge") << QByteArray("2147483647 -2147483647") << Samples{2147483647, -2147483647} << 2.0
                                << QList<double>{4294967294.0, -4294967294.0};
    QTest::newRow("zeros") << QByteArray("0 -0 0.000 0e99") << Samples{0, 0, 0, 0} << 2.0 << QList<double>{0, 0, 0, 0};
}

void TestFhirDecoder::decimalTokens()
{
    QFETCH(QByteArray, data);
    QFETCH(Samples, digital);
    QFETCH(double, factor);
    QFETCH(QList<double>, physical);
    const InboundBatch batch = FhirDecoder::decode(sampledObservation(sampledData(data)));
    QVERIFY2(batch.problems.empty(), qPrintable(problemsText(batch)));
    QCOMPARE(batch.waves.size(), std::size_t(1));
    const WaveSegment& w = batch.waves[0];
    QCOMPARE(w.digital, digital);
    QCOMPARE(w.factor, factor);
    for (qsizetype i = 0; i < physical.size(); ++i) {
        if (w.digital[std::size_t(i)] == WaveCodec::kInvalid)
            continue;
        const double p = w.origin + w.factor * w.digital[std::size_t(i)];
        QVERIFY2(
            std::abs(p - physical[i]) <= 1e-12 * std::max(1.0, std::abs(physical[i])), qPrintable(QString::number(p)));
    }
}

void TestFhirDecoder::badSampledData_data()
{
    QTest::addColumn<QByteArray>("sampledData");
    QTest::newRow("seven places") << sampledData("0.0000001 1");
    QTest::newRow("seven places by exponent") << sampledData("1e-7");
    QTest::newRow("too large") << sampledData("2147483648");
    QTest::newRow("int32 min is kInvalid") << sampledData("-2147483648");
    QTest::newRow("too large once scaled") << sampledData("214748364.8 0.01");
    QTest::newRow("huge mantissa") << sampledData("123456789012345678901234567890");
    QTest::newRow("not a number") << sampledData("1 2 x 4");
    QTest::newRow("lowercase marker") << sampledData("1 e 3");
    QTest::newRow("bare sign") << sampledData("1 - 3");
    QTest::newRow("empty data") << sampledData("  ");
    QTest::newRow("no data") << QByteArray(R"({"origin": {"value": 0}, "period": 4})");
    QTest::newRow("no origin") << QByteArray(R"({"period": 4, "data": "1 2"})");
    QTest::newRow("zero period") << QByteArray(R"({"origin": {"value": 0}, "period": 0, "data": "1 2"})");
    QTest::newRow("negative period") << QByteArray(R"({"origin": {"value": 0}, "period": -4, "data": "1 2"})");
    QTest::newRow("zero factor") << QByteArray(R"({"origin": {"value": 0}, "period": 4, "factor": 0, "data": "1 2"})");
    QTest::newRow("zero dimensions") << QByteArray(
        R"({"origin": {"value": 0}, "period": 4, "dimensions": 0, "data": "1"})");
    QTest::newRow("fractional dimensions")
        << QByteArray(R"({"origin": {"value": 0}, "period": 4, "dimensions": 1.5, "data": "1"})");
    QTest::newRow("data not a string") << QByteArray(R"({"origin": {"value": 0}, "period": 4, "data": [1, 2]})");
    QTest::newRow("not an object") << QByteArray(R"("1 2 3")");
}

void TestFhirDecoder::badSampledData()
{
    QFETCH(QByteArray, sampledData);
    const InboundBatch batch = FhirDecoder::decode(sampledObservation(sampledData));
    QVERIFY(!batch.rejected);
    QVERIFY(batch.waves.empty());
    QCOMPARE(batch.problems.size(), std::size_t(1));
    QVERIFY(!batch.problems[0].reason.isEmpty());
}

void TestFhirDecoder::dateOnlyWaveIsSkipped()
{
    // Samples 4 ms apart cannot be placed on a day: skipped, unlike a vital sign.
    const InboundBatch batch = FhirDecoder::decode(sampledObservation(sampledData("1 2 3"), "2024-05-01"));
    QVERIFY(batch.waves.empty());
    QCOMPARE(batch.problems.size(), std::size_t(1));
}

// ---- Patients and references ----

void TestFhirDecoder::patientKeys()
{
    const QByteArray value = R"({"value": 72, "code": "/min"})";
    const auto withSubject = [&](const QByteArray& subject) {
        QByteArray json = quantityObservation("http://loinc.org", "8867-4", value);
        json.replace(R"("subject": {"reference": "Patient/p1"}, )", subject);
        return json;
    };
    // No subject: the topic's patient, or a problem.
    InboundBatch batch = FhirDecoder::decode(withSubject({}), QStringLiteral("topic-patient"));
    QCOMPARE(batch.vitals.size(), std::size_t(1));
    QCOMPARE(batch.vitals[0].patientKey, QStringLiteral("topic-patient"));
    batch = FhirDecoder::decode(withSubject({}));
    QVERIFY(batch.vitals.empty());
    QCOMPARE(batch.problems.size(), std::size_t(1));
    // A subject wins over the default.
    batch = FhirDecoder::decode(withSubject(R"("subject": {"reference": "Patient/p2"}, )"), QStringLiteral("topic"));
    QCOMPARE(batch.vitals.at(0).patientKey, QStringLiteral("p2"));
    // Absolute and versioned references.
    batch = FhirDecoder::decode(
        withSubject(R"("subject": {"reference": "https://fhir.example.org/r4/Patient/p3/_history/2"}, )"));
    QCOMPARE(batch.vitals.at(0).patientKey, QStringLiteral("p3"));
    // Subjects that name someone Vigil cannot resolve: a problem, never the default instead.
    for (const QByteArray& subject :
        {QByteArray(R"("subject": {"reference": "Group/g1"}, )"),
            QByteArray(R"("subject": {"reference": "urn:uuid:8d3c7b8e-3e1a-4c55-9b1d-1f1f1f1f1f1f"}, )"),
            QByteArray(R"("subject": {"reference": "Patient?identifier=x|1"}, )"),
            QByteArray(
                R"("subject": {"identifier": {"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "9434765919"}}, )"),
            QByteArray(R"("subject": "Patient/p1", )")}) {
        batch = FhirDecoder::decode(withSubject(subject), QStringLiteral("topic-patient"));
        QVERIFY2(batch.vitals.empty(), subject.constData());
        QCOMPARE(batch.problems.size(), std::size_t(1));
    }
}

void TestFhirDecoder::nhsNumber()
{
    const QByteArray patient =
        R"({"resourceType": "Patient", "id": "p9",)"
        R"( "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "NHSNUMBER"}],)"
        R"( "name": [{"use": "usual", "family": "Usual", "given": ["U"]}, {"use": "official", "family": "Official", "given": ["Ann", "Marie"]}],)"
        R"( "birthDate": "BIRTHDATE"})";
    QByteArray good = patient;
    good.replace("NHSNUMBER", "943 476 5919").replace("BIRTHDATE", "1950-02-28");
    InboundBatch batch = FhirDecoder::decode(good);
    QVERIFY2(batch.problems.empty(), qPrintable(problemsText(batch)));
    QCOMPARE(batch.patients.size(), std::size_t(1));
    QCOMPARE(batch.patients[0].nhsNumber, QStringLiteral("9434765919"));
    QCOMPARE(batch.patients[0].familyName, QStringLiteral("Official"));
    QCOMPARE(batch.patients[0].givenName, QStringLiteral("Ann Marie"));
    QCOMPARE(batch.patients[0].birthDate, QDate(1950, 2, 28));

    QByteArray bad = patient;
    bad.replace("NHSNUMBER", "9434765918").replace("BIRTHDATE", "1950");
    batch = FhirDecoder::decode(bad);
    QCOMPARE(batch.patients.size(), std::size_t(1)); // kept, without the number
    QVERIFY(batch.patients[0].nhsNumber.isEmpty());
    QVERIFY(!batch.patients[0].birthDate.isValid()); // a partial date: unknown, quietly
    QCOMPARE(batch.problems.size(), std::size_t(1));
    QVERIFY(!batch.problems[0].reason.contains(QLatin1String("943")));

    // A Patient without an id takes the default key; without either it is skipped.
    QByteArray noId = good;
    noId.replace(R"("id": "p9",)", "");
    QCOMPARE(FhirDecoder::decode(noId, QStringLiteral("topic")).patients.at(0).id, QStringLiteral("topic"));
    batch = FhirDecoder::decode(noId);
    QVERIFY(batch.patients.empty());
    QCOMPARE(batch.problems.size(), std::size_t(1));
}

void TestFhirDecoder::observationWithoutId()
{
    QByteArray json = kHeartRate;
    json.replace(R"("id": "obs-1", )", "");
    const InboundBatch a = FhirDecoder::decode(json);
    const InboundBatch b = FhirDecoder::decode(json);
    QCOMPARE(a.vitals.size(), std::size_t(1));
    const QString expected = QStringLiteral("p1|loinc:8867-4|") + QString::number(utcMicros(2024, 5, 1, 10, 15));
    QCOMPARE(a.vitals[0].sourceId, expected);
    QCOMPARE(b.vitals[0].sourceId, expected); // the same again: duplicates still dedupe
    QCOMPARE(a.messageId, expected);
}

// ---- Bundles and NDJSON ----

void TestFhirDecoder::bundleKeepsGoodEntries_data()
{
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<QByteArray>("broken");
    QTest::newRow("transaction, unknown unit")
        << QByteArray("transaction")
        << QByteArray(R"({"fullUrl": "urn:uuid:2", "resource": )"
               + quantityObservation("http://loinc.org", "8310-5", R"({"value": 37, "code": "furlong"})", "bad") + "}");
    QTest::newRow("searchset, entry not an object") << QByteArray("searchset") << QByteArray("42");
    QTest::newRow("collection, resource not an object")
        << QByteArray("collection") << QByteArray(R"({"resource": [1]})");
    QTest::newRow("batch, no resourceType") << QByteArray("batch") << QByteArray(R"({"resource": {"id": "x"}})");
    QTest::newRow("batch, empty resource") << QByteArray("batch") << QByteArray(R"({"resource": {}})");
    QTest::newRow("searchset, nested Bundle")
        << QByteArray("searchset") << QByteArray(R"({"resource": {"resourceType": "Bundle", "type": "collection"}})");
}

void TestFhirDecoder::bundleKeepsGoodEntries()
{
    QFETCH(QByteArray, type);
    QFETCH(QByteArray, broken);
    const QByteArray bundle = R"({"resourceType": "Bundle", "id": "bundle-1", "type": ")" + type
        + R"(", "entry": [)"
          R"( {"fullUrl": "urn:uuid:1", "resource": )"
        + quantityObservation("http://loinc.org", "8867-4", R"({"value": 72, "code": "/min"})", "hr") + "}, " + broken
        + R"(, {"search": {"mode": "include"}, "resource": {"resourceType": "Practitioner", "id": "dr"}},)"
          R"( {"search": {"mode": "match"}, "resource": )"
        + readData(QStringLiteral("observation-example-satO2.json")) + "}]}";
    const InboundBatch batch = FhirDecoder::decode(bundle);
    QVERIFY(!batch.rejected);
    QCOMPARE(batch.messageId, QStringLiteral("bundle-1"));
    QCOMPARE(batch.vitals.size(), std::size_t(2));
    QCOMPARE(batch.vitals[0].sourceId, QStringLiteral("hr"));
    QCOMPARE(batch.vitals[1].sourceId, QStringLiteral("satO2"));
    QCOMPARE(batch.problems.size(), std::size_t(1));
    QCOMPARE(batch.problems[0].where, QStringLiteral("entry[1]"));
}

void TestFhirDecoder::bundleUrnUuidReferences()
{
    // A gateway's transaction: the Observations come first and refer to the Patient by its fullUrl.
    const QByteArray bundle =
        R"({"resourceType": "Bundle", "type": "transaction", "entry": [)"
        R"( {"fullUrl": "urn:uuid:aaaaaaaa-0000-4000-8000-000000000001",)"
        R"( "resource": {"resourceType": "Observation", "id": "hr-1", "status": "final",)"
        R"( "code": {"coding": [{"system": "http://loinc.org", "code": "8867-4"}]},)"
        R"( "subject": {"reference": "urn:uuid:aaaaaaaa-0000-4000-8000-00000000000f"},)"
        R"( "effectiveDateTime": "2024-05-01T10:15:00Z", "valueQuantity": {"value": 72, "code": "/min"}},)"
        R"( "request": {"method": "POST", "url": "Observation"}},)"
        R"( {"fullUrl": "urn:uuid:aaaaaaaa-0000-4000-8000-000000000002",)"
        R"( "resource": {"resourceType": "Observation", "id": "hr-2", "status": "final",)"
        R"( "code": {"coding": [{"system": "http://loinc.org", "code": "8867-4"}]},)"
        R"( "subject": {"reference": "urn:uuid:bbbbbbbb-0000-4000-8000-000000000000"},)"
        R"( "effectiveDateTime": "2024-05-01T10:15:00Z", "valueQuantity": {"value": 73, "code": "/min"}},)"
        R"( "request": {"method": "POST", "url": "Observation"}},)"
        R"( {"fullUrl": "urn:uuid:aaaaaaaa-0000-4000-8000-00000000000f",)"
        R"( "resource": {"resourceType": "Patient", "id": "pat-7", "name": [{"family": "Example"}]},)"
        R"( "request": {"method": "PUT", "url": "Patient/pat-7"}}]})";
    const InboundBatch batch = FhirDecoder::decode(bundle, QStringLiteral("topic-patient"));
    QVERIFY(!batch.rejected);
    QCOMPARE(batch.patients.size(), std::size_t(1));
    QCOMPARE(batch.patients[0].id, QStringLiteral("pat-7"));
    QCOMPARE(batch.vitals.size(), std::size_t(1));
    QCOMPARE(batch.vitals[0].patientKey, QStringLiteral("pat-7"));
    QCOMPARE(batch.vitals[0].sourceId, QStringLiteral("hr-1"));
    // hr-2 refers to a urn:uuid that is not in the Bundle: a problem, not the topic's patient.
    QCOMPARE(batch.problems.size(), std::size_t(1));
    QCOMPARE(batch.problems[0].where, QStringLiteral("entry[1]"));
}

void TestFhirDecoder::transactionResponseIsIgnored()
{
    const QByteArray bundle =
        R"({"resourceType": "Bundle", "id": "resp", "type": "transaction-response", "entry": [)"
        R"( {"response": {"status": "201 Created", "location": "Observation/1/_history/1"}},)"
        R"( {"response": {"status": "200 OK"}, "resource": {"resourceType": "OperationOutcome", "issue": []}}]})";
    const InboundBatch batch = FhirDecoder::decode(bundle);
    QVERIFY(!batch.rejected);
    QVERIFY(!batch.hasData());
    QVERIFY2(batch.problems.empty(), qPrintable(problemsText(batch)));
    QCOMPARE(batch.messageId, QStringLiteral("resp"));
    // An empty searchset.
    const InboundBatch empty = FhirDecoder::decode(R"({"resourceType": "Bundle", "type": "searchset", "total": 0})");
    QVERIFY(!empty.rejected && empty.problems.empty() && !empty.hasData());
}

void TestFhirDecoder::ndjson()
{
    QByteArray hr = kHeartRate;
    hr.replace('\n', ' ');
    QByteArray ekg = readData(QStringLiteral("observation-example-sample-data.json"));
    ekg.replace('\n', ' ');
    QByteArray patient = readData(QStringLiteral("patient-example-f001-pieter.json"));
    patient.replace('\n', ' ');
    const QByteArray text = hr + "\n{\"resourceType\": \"Observation\", \"id\": \n\r\n" + ekg + "\r\n\n" + patient;
    const InboundBatch batch = FhirDecoder::decodeNdjson(text);
    QVERIFY(!batch.rejected);
    QCOMPARE(batch.vitals.size(), std::size_t(1));
    QCOMPARE(batch.waves.size(), std::size_t(3));
    QCOMPARE(batch.patients.size(), std::size_t(1));
    QCOMPARE(batch.problems.size(), std::size_t(1));
    QCOMPARE(batch.problems[0].where, QStringLiteral("line 2"));
    QVERIFY(batch.messageId.isEmpty());

    // Problems inside a line are located in it.
    QByteArray unitless = quantityObservation("http://loinc.org", "8310-5", R"({"value": 37})");
    unitless.replace('\n', ' ');
    const InboundBatch located = FhirDecoder::decodeNdjson(hr + '\n' + unitless + '\n');
    QCOMPARE(located.problems.size(), std::size_t(1));
    QCOMPARE(located.problems[0].where, QStringLiteral("line 2, Observation"));

    // Every line bad: rejected; nothing at all: rejected.
    const InboundBatch allBad = FhirDecoder::decodeNdjson("nonsense\n[1]\n");
    QVERIFY(allBad.rejected);
    QCOMPARE(allBad.problems.size(), std::size_t(2));
    QVERIFY(FhirDecoder::decodeNdjson(" \n\n").rejected);
}

// ---- Device status ----

void TestFhirDecoder::deviceStatusReport()
{
    const QByteArray json = deviceStatus(
        R"()"
        R"( {"code": {"coding": [{"system": "urn:iso:std:iso:11073:10101", "code": "67996", "display": "MDC_ATTR_VAL_BATT_CHARGE"}]},)"
        R"( "valueQuantity": {"value": 79.6, "unit": "%", "system": "http://unitsofmeasure.org", "code": "%"}},)"
        R"( {"code": {"coding": [{"system": "https://vigil.example.nhs.uk/fhir/CodeSystem/device-status", "code": "lead-off"}]}, "valueBoolean": true},)"
        R"( {"code": {"coding": [{"system": "https://vigil.example.nhs.uk/fhir/CodeSystem/device-status", "code": "online"}]}, "valueBoolean": false},)"
        R"( {"code": {"coding": [{"system": "https://vigil.example.nhs.uk/fhir/CodeSystem/device-status", "code": "signal"}]}, "valueInteger": 3})");
    const InboundBatch batch = FhirDecoder::decode(json, QStringLiteral("topic-patient"));
    QVERIFY2(batch.problems.empty(), qPrintable(problemsText(batch)));
    QVERIFY(batch.vitals.empty() && batch.waves.empty());
    QCOMPARE(batch.statuses.size(), std::size_t(1));
    const auto& s = batch.statuses[0];
    QCOMPARE(s.patientKey, QStringLiteral("topic-patient"));
    QCOMPARE(s.sourceId, QStringLiteral("status-1"));
    QCOMPARE(s.status.batteryPercent, 80);
    QCOMPARE(s.status.ecgLeadOff, true);
    QCOMPARE(s.status.online, false);
    QCOMPARE(s.status.time, utcMicros(2024, 5, 1, 10, 15));

    // A heartbeat: no components, the defaults.
    const InboundBatch heartbeat = FhirDecoder::decode(deviceStatus({}), QStringLiteral("p"));
    QCOMPARE(heartbeat.statuses.size(), std::size_t(1));
    QCOMPARE(heartbeat.statuses[0].status.batteryPercent, -1);
    QCOMPARE(heartbeat.statuses[0].status.ecgLeadOff, false);
    QCOMPARE(heartbeat.statuses[0].status.online, true);

    // Recognised by the code alone (no category).
    QByteArray byCode = deviceStatus({});
    byCode.replace("observation-category", "something-else");
    QCOMPARE(FhirDecoder::decode(byCode, QStringLiteral("p")).statuses.size(), std::size_t(1));
}

void TestFhirDecoder::deviceStatusProblems()
{
    // A bad component costs only itself.
    const InboundBatch batch = FhirDecoder::decode(
        deviceStatus(
            R"()"
            R"( {"code": {"coding": [{"system": "urn:iso:std:iso:11073:10101", "code": "67996"}]}, "valueQuantity": {"value": 150, "code": "%"}},)"
            R"( {"code": {"coding": [{"system": "https://vigil.example.nhs.uk/fhir/CodeSystem/device-status", "code": "lead-off"}]}, "valueString": "yes"},)"
            R"( {"code": {"coding": [{"system": "https://vigil.example.nhs.uk/fhir/CodeSystem/device-status", "code": "online"}]}, "valueBoolean": false})"),
        QStringLiteral("p"));
    QCOMPARE(batch.statuses.size(), std::size_t(1));
    QCOMPARE(batch.statuses[0].status.batteryPercent, -1);
    QCOMPARE(batch.statuses[0].status.ecgLeadOff, false);
    QCOMPARE(batch.statuses[0].status.online, false);
    QCOMPARE(batch.problems.size(), std::size_t(2));
    QCOMPARE(batch.problems[0].where, QStringLiteral("Observation.component[0]"));
    // A status needs a full time.
    for (const QByteArray& time : {QByteArray("2024-05-01"), QByteArray("soon")}) {
        const InboundBatch noTime = FhirDecoder::decode(deviceStatus({}, time), QStringLiteral("p"));
        QVERIFY(noTime.statuses.empty());
        QCOMPARE(noTime.problems.size(), std::size_t(1));
    }
}

// ---- Rejection and bounds ----

void TestFhirDecoder::rejected_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("blank") << QByteArray(" \r\n\t");
    QTest::newRow("not JSON") << QByteArray("MSH|^~\\&|not json");
    QTest::newRow("truncated") << kHeartRate.left(kHeartRate.size() / 2);
    QTest::newRow("array") << QByteArray(R"([{"resourceType": "Observation"}])");
    QTest::newRow("string") << QByteArray(R"("Observation")");
    QTest::newRow("no resourceType") << QByteArray(R"({"id": "x"})");
    QTest::newRow("resourceType not a string") << QByteArray(R"({"resourceType": 5})");
    QTest::newRow("unsupported type") << QByteArray(R"({"resourceType": "Flag", "id": "f"})");
    QTest::newRow("Bundle entry not an array") << QByteArray(R"({"resourceType": "Bundle", "entry": {}})");
}

void TestFhirDecoder::rejected()
{
    QFETCH(QByteArray, json);
    const InboundBatch batch = FhirDecoder::decode(json, QStringLiteral("topic"));
    QVERIFY(batch.rejected);
    QCOMPARE(batch.problems.size(), std::size_t(1));
    QVERIFY(!batch.problems[0].reason.isEmpty());
    QVERIFY(!batch.hasData());
}

void TestFhirDecoder::boundedInputs()
{
    // Nesting: 64 levels are read, 65 are not.
    const auto nested = [](int depth) -> QByteArray {
        return R"({"resourceType": "Observation", "extension": )" + QByteArray(depth - 1, '[')
            + QByteArray(depth - 1, ']') + "}";
    };
    QCOMPARE(FhirDecoder::nestingDepth(nested(64)), 64);
    QVERIFY(!FhirDecoder::decode(nested(64), QStringLiteral("p")).rejected);
    QVERIFY(FhirDecoder::decode(nested(65), QStringLiteral("p")).rejected);
    QVERIFY(FhirDecoder::decode(QByteArray(1 << 20, '[')).rejected); // a megabyte of '[' costs one scan
    const QByteArray bracketsInString = "{\"a\": \"[[[{{{\\\"[[[\"}"; // {"a": "[[[{{{\"[[["}
    QCOMPARE(FhirDecoder::nestingDepth(bracketsInString), 1); // brackets in strings do not count

    // A Bundle of 10,001 entries is rejected before any entry is read; 10,000 are fine.
    const auto bundle = [](int entries) -> QByteArray {
        QByteArray b = R"({"resourceType": "Bundle", "type": "collection", "entry": [)";
        for (int i = 0; i < entries; ++i)
            b += i ? ",{}" : "{}";
        return b + "]}";
    };
    const InboundBatch big = FhirDecoder::decode(bundle(10001));
    QVERIFY(big.rejected);
    QCOMPARE(big.problems.size(), std::size_t(1));
    const InboundBatch ok = FhirDecoder::decode(bundle(10000));
    QVERIFY(!ok.rejected);
    QVERIFY(ok.problems.empty()); // entries without a resource: nothing to read

    // SampledData: 1,000,000 samples are read, one more is a problem; so is data over 8 MiB.
    const auto samples = [](qsizetype n) -> QByteArray {
        QByteArray data;
        data.reserve(2 * n);
        for (qsizetype i = 0; i < n; ++i)
            data += "7 ";
        return data;
    };
    InboundBatch batch = FhirDecoder::decode(sampledObservation(sampledData(samples(FhirSampledData::kMaxSamples))));
    QVERIFY2(batch.problems.empty(), qPrintable(problemsText(batch)));
    QCOMPARE(qsizetype(batch.waves.at(0).size()), FhirSampledData::kMaxSamples);
    batch = FhirDecoder::decode(sampledObservation(sampledData(samples(FhirSampledData::kMaxSamples + 1))));
    QVERIFY(batch.waves.empty());
    QCOMPARE(batch.problems.size(), std::size_t(1));
    batch = FhirDecoder::decode(sampledObservation(sampledData("1" + QByteArray(FhirSampledData::kMaxDataChars, ' '))));
    QVERIFY(batch.waves.empty());
    QCOMPARE(batch.problems.size(), std::size_t(1));

    // The whole message.
    QVERIFY(FhirDecoder::decode(QByteArray(FhirDecoder::kMaxMessageBytes + 1, ' ')).rejected);

    // Two-byte bad items do not become millions of problem records: 1,000 and one more saying so.
    QByteArray lines;
    for (int i = 0; i < 5000; ++i)
        lines += "{}\n";
    batch = FhirDecoder::decodeNdjson(lines);
    QVERIFY(batch.rejected);
    QCOMPARE(batch.problems.size(), FhirProblems::kMaxProblems + 1);
    QVERIFY(batch.problems.back().where.isEmpty());

    // Components past FhirObservation::kMaxComponents are skipped, with one problem for them.
    QByteArray components;
    for (int i = 0; i < 1500; ++i)
        components += i ? ",1" : "1";
    batch = FhirDecoder::decode(sampledObservation(sampledData("1 2 3") + R"(, "component": [)" + components + "]"));
    QCOMPARE(batch.waves.size(), std::size_t(1));
    QCOMPARE(batch.problems.size(), FhirProblems::kMaxProblems + 1); // 1 bound problem + 999 + "further"
}

void TestFhirDecoder::problemsQuoteNothing()
{
    // Names, NHS Numbers, ids and values from the message never appear in a problem.
    const QByteArray bundle =
        R"({"resourceType": "Bundle", "id": "Secret-Bundle", "type": "collection", "entry": [)"
        R"( {"fullUrl": "urn:uuid:Secret-Url", "resource": {"resourceType": "Patient", "id": "Secret-Patient",)"
        R"( "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "1234567890"}],)"
        R"( "name": [{"family": "Zebedee", "given": ["Dougal"]}], "birthDate": "1st of May"}},)"
        R"( {"resource": {"resourceType": "Observation", "id": "Secret-Obs", "status": "final",)"
        R"( "code": {"coding": [{"system": "http://loinc.org", "code": "8310-5"}]},)"
        R"( "subject": {"reference": "Patient/Secret-Patient"}, "effectiveDateTime": "Tuesday",)"
        R"( "valueQuantity": {"value": 12345.678, "code": "Zebedee-unit"}}},)"
        R"( {"resource": {"resourceType": "Observation", "id": "Secret-Obs2", "status": "final",)"
        R"( "code": {"coding": [{"system": "http://loinc.org", "code": "8310-5"}]},)"
        R"( "subject": {"reference": "urn:uuid:Secret-Other"}, "effectiveDateTime": "2024-05-01T10:15:00Z",)"
        R"( "valueQuantity": {"value": 12345.678, "code": "Cel"}}},)"
        R"( {"resource": {"resourceType": "Observation", "id": "Secret-Obs3", "status": "final",)"
        R"( "code": {"coding": [{"system": "urn:iso:std:iso:11073:10101", "code": "131330"}]},)"
        R"( "subject": {"reference": "Patient/Secret-Patient"}, "effectiveDateTime": "2024-05-01T10:15:00Z",)"
        R"( "valueSampledData": {"origin": {"value": 0}, "period": 4, "data": "1 2 Zebedee 4"}}}]})";
    const InboundBatch batch = FhirDecoder::decode(bundle);
    QVERIFY(batch.problems.size() >= 4);
    for (const DecodeProblem& p : batch.problems) {
        for (const char* secret : {"Secret", "Zebedee", "Dougal", "1234567890", "12345", "Tuesday", "May"}) {
            QVERIFY2(!p.where.contains(QLatin1String(secret)) && !p.reason.contains(QLatin1String(secret)),
                qPrintable(p.where + QStringLiteral(": ") + p.reason));
        }
    }
}

void TestFhirDecoder::garbageNeverCrashes()
{
    // Mutated real examples (bytes flipped, cut, spliced): any outcome but a crash, and a rejected
    // batch always says why. tests/fuzz/fuzz_fhir goes much further.
    std::vector<QByteArray> seeds;
    for (const char* name : {"observation-example-sample-data.json", "observation-example-bloodpressure.json",
             "patient-example-f001-pieter.json"})
        seeds.push_back(readData(QString::fromLatin1(name)));
    std::mt19937 rng(20240501);
    for (int round = 0; round < 600; ++round) {
        QByteArray b = seeds[rng() % seeds.size()];
        const int edits = 1 + int(rng() % 4);
        for (int e = 0; e < edits && !b.isEmpty(); ++e) {
            const qsizetype at = qsizetype(rng() % std::uint32_t(b.size()));
            switch (rng() % 4) {
            case 0:
                b[at] = char(rng());
                break;
            case 1:
                b.truncate(at);
                break;
            case 2:
                b.remove(at, qsizetype(rng() % 32));
                break;
            default:
                b.insert(at, seeds[rng() % seeds.size()].mid(qsizetype(rng() % 4000), 64));
                break;
            }
        }
        const InboundBatch one = FhirDecoder::decode(b, QStringLiteral("p"));
        QVERIFY(!one.rejected || !one.problems.empty());
        const InboundBatch lines = FhirDecoder::decodeNdjson(b, QStringLiteral("p"));
        QVERIFY(!lines.rejected || !lines.problems.empty());
    }
}

QTEST_GUILESS_MAIN(TestFhirDecoder)
#include "tst_fhirdecoder.moc"
