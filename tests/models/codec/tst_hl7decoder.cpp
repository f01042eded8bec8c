#include "codec/hl7decoder.h"
#include "codec/hl7message.h"
#include "codec/wavecodec.h"

#include <QDirIterator>
#include <QFile>
#include <QTest>
#include <QTimeZone>

#include <cmath>

using vigil::codec::Hl7Decoder;
using vigil::codec::Hl7Error;
using vigil::codec::Hl7Message;
using vigil::codec::InboundBatch;
using vigil::codec::VitalReading;
using vigil::codec::WaveCodec;
using vigil::codec::WaveSegment;
using vigil::core::VitalKind;

namespace {

QByteArray readData(const QString& name)
{
    QFile file(QStringLiteral(VIGIL_TEST_DATA_DIR "/hl7v2/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(name));
    return file.readAll();
}

struct Decoded
{
    InboundBatch batch;
    std::vector<Hl7Error> errors;
};

Decoded decodeBytes(const QByteArray& bytes)
{
    QString error;
    const auto message = Hl7Message::parse(bytes, &error);
    if (!message)
        qFatal("cannot parse a test message: %s", qPrintable(error));
    Decoded d;
    d.batch = Hl7Decoder::decode(*message, &d.errors);
    if (d.errors.size() != d.batch.problems.size())
        qFatal("errors and problems differ in number");
    return d;
}

Decoded decodeData(const QString& name)
{
    return decodeBytes(readData(name));
}

qint64 utcMicros(int y, int mo, int d, int h = 0, int mi = 0, int s = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), QTimeZone::utc()).toMSecsSinceEpoch() * 1000;
}

// A minimal ORU^R01 around the given OBX segments (segments end with \r).
QByteArray oru(const QByteArray& obx, const QByteArray& pid = "PID|||P1^^^HOSP^MR||Doe^Jane||19600101\r",
    const QByteArray& obr = "OBR|1|||182777000^monitoring of patient^SNOMED-CT|||20240101120000+0000\r")
{
    return "MSH|^~\\&|DEV^0011223344556677^EUI-64|FAC|VIGIL||20240101120005+0000||ORU^R01^ORU_R01|C1|P|2.6\r" + pid
        + obr + obx;
}

const VitalReading* findVital(const InboundBatch& batch, const QString& code)
{
    for (const VitalReading& v : batch.vitals) {
        if (v.code == code)
            return &v;
    }
    return nullptr;
}

QStringList problemText(const InboundBatch& batch)
{
    QStringList out;
    for (const auto& p : batch.problems)
        out.append(p.where + QStringLiteral(": ") + p.reason);
    return out;
}

} // namespace

class TestHl7Decoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pcd01Nibp();
    void pcd01EcgAndArterialLine();
    void pcd01MaximalMessage();
    void continuaOximeter();
    void continuaThermometerFahrenheit();
    void continuaBloodPressure();
    void continuaNonVitalsIgnoredQuietly_data();
    void continuaNonVitalsIgnoredQuietly();
    void invalidGlucoseValueTypeMissing();
    void waveformSamplePeriod_data();
    void waveformSamplePeriod();
    void waveformDecimalsAndGaps();
    void waveformBadSamples_data();
    void waveformBadSamples();
    void loincVitals();
    void labResultsYieldNoVitals_data();
    void labResultsYieldNoVitals();
    void adtIdentities_data();
    void adtIdentities();
    void adtMergeNotSupported();
    void nhsNumber();
    void patientKeyProblems();
    void severalPatients();
    void rejected_data();
    void rejected();
    void observationProblems_data();
    void observationProblems();
    void resultStatusSkips_data();
    void resultStatusSkips();
    void sourceIdsStableAndUnique();
    void problemTextsCarryNoPatientData();
};

void TestHl7Decoder::pcd01Nibp()
{
    const Decoded d = decodeData(QStringLiteral("pcd01/valid-pcd01-request.hl7v2"));
    const InboundBatch& b = d.batch;
    QVERIFY2(b.problems.empty(), qPrintable(problemText(b).join(u'\n')));
    QVERIFY(!b.rejected);
    QCOMPARE(b.messageId, QStringLiteral("MSGID1234"));
    QCOMPARE(b.patients.size(), std::size_t(1));
    QCOMPARE(b.patients[0].id, QStringLiteral("789567")); // PID-3 CX-1, authority left out
    QCOMPARE(b.patients[0].familyName, QStringLiteral("Doe"));
    QCOMPARE(b.patients[0].givenName, QStringLiteral("John"));
    QVERIFY(!b.patients[0].birthDate.isValid());
    QCOMPARE(b.vitals.size(), std::size_t(2)); // the mean (150023) is not a vital sign Vigil tracks
    const VitalReading* sys = findVital(b, QStringLiteral("mdc:150021"));
    const VitalReading* dia = findVital(b, QStringLiteral("mdc:150022"));
    QVERIFY(sys && dia);
    QCOMPARE(sys->kind, VitalKind::SystolicBp);
    QCOMPARE(sys->measurement.value, 120.0);
    QCOMPARE(dia->kind, VitalKind::DiastolicBp);
    QCOMPARE(dia->measurement.value, 80.0);
    QCOMPARE(sys->patientKey, QStringLiteral("789567"));
    // No OBX-14: OBR-7 20090813095715+0500 = 04:57:15 UTC.
    QCOMPARE(sys->measurement.time, utcMicros(2009, 8, 13, 4, 57, 15));
    QCOMPARE(sys->sourceId, QStringLiteral("MSGID1234/1.0.1.1"));
    QCOMPARE(dia->sourceId, QStringLiteral("MSGID1234/1.0.1.2"));
    QVERIFY(b.waves.empty());
}

void TestHl7Decoder::pcd01EcgAndArterialLine()
{
    // ECG HR 60, PVC count 0, ART 120/80 (92), pulse rate (invasive) 60, PA 25/10 (14).
    const Decoded d = decodeData(QStringLiteral("pcd01/valid-pcd01-request2.hl7v2"));
    const InboundBatch& b = d.batch;
    QVERIFY2(b.problems.empty(), qPrintable(problemText(b).join(u'\n')));
    QCOMPARE(b.patients.size(), std::size_t(1));
    QCOMPARE(b.patients[0].id, QStringLiteral("AB60001"));
    QCOMPARE(b.patients[0].familyName, QStringLiteral("BROOKS"));
    QCOMPARE(b.vitals.size(), std::size_t(4));
    const VitalReading* hr = findVital(b, QStringLiteral("mdc:147842"));
    QVERIFY(hr);
    QCOMPARE(hr->kind, VitalKind::HeartRate);
    QCOMPARE(hr->measurement.value, 60.0);
    QCOMPARE(hr->sourceId, QStringLiteral("12d15a9:11df9e61347:-7fee:30456965/1.6.1.1"));
    // OBR-7 20081211144500 has no offset: UTC.
    QCOMPARE(hr->measurement.time, utcMicros(2008, 12, 11, 14, 45));
    const VitalReading* pulse = findVital(b, QStringLiteral("mdc:149522"));
    QVERIFY(pulse);
    QCOMPARE(pulse->kind, VitalKind::HeartRate);
    // The arterial line is kept as systolic / diastolic BP (NEWS2 scores a systolic pressure); the
    // code tells it from a cuff.
    const VitalReading* artSys = findVital(b, QStringLiteral("mdc:150033"));
    const VitalReading* artDia = findVital(b, QStringLiteral("mdc:150034"));
    QVERIFY(artSys && artDia);
    QCOMPARE(artSys->kind, VitalKind::SystolicBp);
    QCOMPARE(artSys->measurement.value, 120.0);
    QCOMPARE(artDia->kind, VitalKind::DiastolicBp);
    QCOMPARE(artDia->measurement.value, 80.0);
    // PVC count, the means and the pulmonary artery pressures are not vital signs here.
    for (const char* ignored : {"mdc:148065", "mdc:150035", "mdc:150045", "mdc:150046", "mdc:150047"})
        QVERIFY(!findVital(b, QString::fromLatin1(ignored)));
}

void TestHl7Decoder::pcd01MaximalMessage()
{
    const Decoded d = decodeData(QStringLiteral("pcd01/valid-pcd01-MaximumRequest2.hl7"));
    const InboundBatch& b = d.batch;
    QVERIFY2(b.problems.empty(), qPrintable(problemText(b).join(u'\n')));
    QCOMPARE(b.patients.size(), std::size_t(1));
    // PID-3 111222333444^^^Imaginary Hospital&1.3.4.565&ISO^PI: the key is CX-1 alone.
    QCOMPARE(b.patients[0].id, QStringLiteral("111222333444"));
    QCOMPARE(b.patients[0].familyName, QStringLiteral("Doe"));
    QCOMPARE(b.patients[0].givenName, QStringLiteral("John"));
    QCOMPARE(b.patients[0].birthDate, QDate(1977, 4, 4));
    QVERIFY(b.patients[0].nhsNumber.isEmpty());
    // OBR 1: systolic 140 (status C, corrected) is used; diastolic (status D, deleted) is not; the
    // mean and the profile's NM value are not vital signs. OBR 2's codes (1500212 ...) are not MDC
    // codes Vigil knows, whatever their mnemonics say: ignored.
    QCOMPARE(b.vitals.size(), std::size_t(1));
    const VitalReading& sys = b.vitals[0];
    QCOMPARE(sys.code, QStringLiteral("mdc:150021"));
    QCOMPARE(sys.measurement.value, 140.0);
    // OBX-14 20090813095725+0500 → 2009-08-13 04:57:25 UTC.
    QCOMPARE(sys.measurement.time, utcMicros(2009, 8, 13, 4, 57, 25));
    QCOMPARE(sys.measurement.time, qint64(1250139445) * 1'000'000);
}

void TestHl7Decoder::continuaOximeter()
{
    const Decoded d = decodeData(QStringLiteral("continua-wan/valid-oximeter-continua-wan.hl7v2"));
    const InboundBatch& b = d.batch;
    QVERIFY(!b.rejected);
    QCOMPARE(b.vitals.size(), std::size_t(1));
    QCOMPARE(b.vitals[0].kind, VitalKind::SpO2);
    QCOMPARE(b.vitals[0].code, QStringLiteral("mdc:150456"));
    QCOMPARE(b.vitals[0].measurement.value, 80.5);
    QCOMPARE(b.vitals[0].measurement.time, utcMicros(2009, 7, 15, 7, 7, 7));
    QCOMPARE(b.vitals[0].patientKey, QStringLiteral("789567"));
    // The pleth array (10 samples) comes without a sample period: a problem, no segment.
    QVERIFY(b.waves.empty());
    QCOMPARE(b.problems.size(), std::size_t(1));
    QCOMPARE(d.errors[0].code, int(Hl7Error::RequiredFieldMissing));
    QCOMPARE(d.errors[0].segment, QStringLiteral("OBX"));
    QCOMPARE(d.errors[0].sequence, 3);
    QCOMPARE(b.problems[0].where, QStringLiteral("OBX 3"));
    QVERIFY(b.problems[0].reason.contains(QStringLiteral("sample period")));
    QVERIFY(b.problems[0].reason.contains(QStringLiteral("mdc:150452")));
}

void TestHl7Decoder::continuaThermometerFahrenheit()
{
    const Decoded d = decodeData(QStringLiteral("continua-wan/valid-thermometer-continua-wan.hl7v2"));
    const InboundBatch& b = d.batch;
    QVERIFY2(b.problems.empty(), qPrintable(problemText(b).join(u'\n')));
    QCOMPARE(b.vitals.size(), std::size_t(1));
    QCOMPARE(b.vitals[0].kind, VitalKind::Temperature);
    QCOMPARE(b.vitals[0].code, QStringLiteral("mdc:188424"));
    // 98.6 MDC_DIM_FAHR → 37.0 °C.
    QVERIFY(std::abs(b.vitals[0].measurement.value - 37.0) < 1e-9);
}

void TestHl7Decoder::continuaBloodPressure()
{
    const Decoded d = decodeData(QStringLiteral("continua-wan/valid-bp-continua-wan.hl7v2"));
    const InboundBatch& b = d.batch;
    QVERIFY2(b.problems.empty(), qPrintable(problemText(b).join(u'\n')));
    QCOMPARE(b.vitals.size(), std::size_t(2)); // the mean 100 is ignored
    QCOMPARE(findVital(b, QStringLiteral("mdc:150021"))->measurement.value, 120.0);
    QCOMPARE(findVital(b, QStringLiteral("mdc:150022"))->measurement.value, 80.0);
    QCOMPARE(findVital(b, QStringLiteral("mdc:150021"))->measurement.time, utcMicros(2009, 8, 13, 9, 57, 15));
}

void TestHl7Decoder::continuaNonVitalsIgnoredQuietly_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("glucose") << QStringLiteral("continua-wan/valid-glucose-continua-wan.hl7v2");
    QTest::newRow("scale (weight, height, BMI)") << QStringLiteral("continua-wan/valid-scale-continua-wan.hl7v2");
    QTest::newRow("fitness") << QStringLiteral("continua-wan/valid-fitness-continua-wan.hl7v2");
    QTest::newRow("fitness and activity")
        << QStringLiteral("continua-wan/valid-fitness-and-activity-continua-wan.hl7v2");
}

void TestHl7Decoder::continuaNonVitalsIgnoredQuietly()
{
    QFETCH(QString, file);
    const Decoded d = decodeData(file);
    QVERIFY2(d.batch.problems.empty(), qPrintable(problemText(d.batch).join(u'\n')));
    QVERIFY(!d.batch.rejected);
    QVERIFY(d.batch.vitals.empty());
    QVERIFY(d.batch.waves.empty());
    QCOMPARE(d.batch.patients.size(), std::size_t(1));
}

void TestHl7Decoder::invalidGlucoseValueTypeMissing()
{
    // IPF's negative case: OBX 8, 9 and 10 carry a value in OBX-5 but no OBX-2 value type.
    const Decoded d = decodeData(QStringLiteral("continua-wan/invalid-glucose-continua-wan.hl7v2"));
    QVERIFY(!d.batch.rejected);
    QCOMPARE(d.errors.size(), std::size_t(3));
    for (int i = 0; i < 3; ++i) {
        const Hl7Error& e = d.errors[std::size_t(i)];
        QCOMPARE(e.code, int(Hl7Error::RequiredFieldMissing));
        QCOMPARE(e.segment, QStringLiteral("OBX"));
        QCOMPARE(e.sequence, 8 + i);
        QCOMPARE(e.field, 2);
        QCOMPARE(d.batch.problems[std::size_t(i)].where, QStringLiteral("OBX %1 field 2").arg(8 + i));
    }
}

void TestHl7Decoder::waveformSamplePeriod_data()
{
    QTest::addColumn<QByteArray>("timing"); // an OBX added to the Continua oximeter message
    QTest::addColumn<double>("periodUs"); // 0: none found
    QTest::newRow("facet: MDC_ATTR_TIME_PD_SAMP 10 ms")
        << QByteArray("OBX|4|NM|67981^MDC_ATTR_TIME_PD_SAMP^MDC|1.0.0.2.1|10|264338^MDC_DIM_MILLI_SEC^MDC|||||R\r")
        << 10000.0;
    QTest::newRow("facet: period in UCUM seconds")
        << QByteArray("OBX|4|NM|67981^MDC_ATTR_TIME_PD_SAMP^MDC|1.0.0.2.1|0.008|s^s^UCUM|||||R\r") << 8000.0;
    QTest::newRow("facet: IHE PCD MDC_ATTR_SAMP_RATE (code 0) 250/s")
        << QByteArray("OBX|4|NM|0^MDC_ATTR_SAMP_RATE^MDC|1.0.0.2.1|250|264608^MDC_DIM_PER_SEC^MDC|||||R\r") << 4000.0;
    QTest::newRow("sibling metric in the same channel")
        << QByteArray("OBX|4|NM|67981^MDC_ATTR_TIME_PD_SAMP^MDC|1.0.0.3|20|264338^MDC_DIM_MILLI_SEC^MDC|||||R\r")
        << 20000.0;
    QTest::newRow("another channel: not used")
        << QByteArray("OBX|4|NM|67981^MDC_ATTR_TIME_PD_SAMP^MDC|1.0.1.1|20|264338^MDC_DIM_MILLI_SEC^MDC|||||R\r")
        << 0.0;
    QTest::newRow("a facet of another metric: not used")
        << QByteArray("OBX|4|NM|67981^MDC_ATTR_TIME_PD_SAMP^MDC|1.0.0.1.1|20|264338^MDC_DIM_MILLI_SEC^MDC|||||R\r")
        << 0.0;
    QTest::newRow("mnemonic alone is not enough")
        << QByteArray("OBX|4|NM|12345^MDC_ATTR_TIME_PD_SAMP^MDC|1.0.0.2.1|10|264338^MDC_DIM_MILLI_SEC^MDC|||||R\r")
        << 0.0;
}

void TestHl7Decoder::waveformSamplePeriod()
{
    QFETCH(QByteArray, timing);
    QFETCH(double, periodUs);
    const Decoded d = decodeBytes(readData(QStringLiteral("continua-wan/valid-oximeter-continua-wan.hl7v2")) + timing);
    const InboundBatch& b = d.batch;
    QCOMPARE(b.vitals.size(), std::size_t(1)); // SpO2 still there; the period OBX is not a reading
    if (periodUs == 0) {
        QVERIFY(b.waves.empty());
        QCOMPARE(b.problems.size(), std::size_t(1));
        return;
    }
    QVERIFY2(b.problems.empty(), qPrintable(problemText(b).join(u'\n')));
    QCOMPARE(b.waves.size(), std::size_t(1));
    const WaveSegment& w = b.waves[0];
    QCOMPARE(w.mdcCode, 150452);
    QCOMPARE(w.codeText, QStringLiteral("MDC_PULS_OXIM_PLETH"));
    QCOMPARE(w.patientKey, QStringLiteral("789567"));
    QCOMPARE(w.sourceId, QStringLiteral("MSGID1234/1.0.0.2"));
    QCOMPARE(w.periodUs, periodUs);
    QCOMPARE(w.start, utcMicros(2009, 7, 15, 7, 7, 7));
    QCOMPARE(w.origin, 0.0);
    QCOMPARE(w.factor, 1.0);
    QCOMPARE(w.unit, QStringLiteral("MDC_DIM_DIMLESS"));
    QCOMPARE(w.digital, (std::vector<qint32>{12, 123, 24, 12, 234, 55, 66, 77, 88, 99}));
}

void TestHl7Decoder::waveformDecimalsAndGaps()
{
    const Decoded d =
        decodeBytes(oru("OBX|1|NA|131330^MDC_ECG_ELEC_POTL_II^MDC|1.1.1.1|0.5^-1.25^^3^ +0.002 ^-0"
                        "|266418^MDC_DIM_MILLI_VOLT^MDC|||||F|||20240101120001.250+0000\r"
                        "OBX|2|NM|0^MDC_ATTR_SAMP_RATE^MDC|1.1.1.1.1|500|264608^MDC_DIM_PER_SEC^MDC|||||F\r"));
    const InboundBatch& b = d.batch;
    QVERIFY2(b.problems.empty(), qPrintable(problemText(b).join(u'\n')));
    QCOMPARE(b.waves.size(), std::size_t(1));
    const WaveSegment& w = b.waves[0];
    QCOMPARE(w.mdcCode, 131330);
    QCOMPARE(w.unit, QStringLiteral("MDC_DIM_MILLI_VOLT"));
    QCOMPARE(w.periodUs, 2000.0);
    QCOMPARE(w.rateHz(), 500.0);
    QCOMPARE(w.start, utcMicros(2024, 1, 1, 12, 0, 1) + 250000);
    // Three decimals at most: factor 0.001, every sample exact; the empty one is invalid.
    QCOMPARE(w.factor, 0.001);
    QCOMPARE(w.digital, (std::vector<qint32>{500, -1250, WaveCodec::kInvalid, 3000, 2, 0}));
}

void TestHl7Decoder::waveformBadSamples_data()
{
    QTest::addColumn<QByteArray>("samples");
    QTest::newRow("not a number") << QByteArray("1^2^x^4");
    QTest::newRow("exponent") << QByteArray("1^2e3");
    QTest::newRow("too many decimals") << QByteArray("0.1234567");
    QTest::newRow("beyond int32") << QByteArray("1^3000000000");
    QTest::newRow("beyond int32 after scaling") << QByteArray("0.000001^3000");
    QTest::newRow("huge") << QByteArray("123456789012345678901234567890");
    QTest::newRow("two dimensions") << QByteArray("1^2~3^4");
}

void TestHl7Decoder::waveformBadSamples()
{
    QFETCH(QByteArray, samples);
    const Decoded d = decodeBytes(oru("OBX|1|NA|150452^MDC_PULS_OXIM_PLETH^MDC|1.1.1.1|" + samples
        + "|262656^MDC_DIM_DIMLESS^MDC|||||F\r"
          "OBX|2|NM|67981^MDC_ATTR_TIME_PD_SAMP^MDC|1.1.1.1.1|8|264338^MDC_DIM_MILLI_SEC^MDC|||||F\r"));
    QVERIFY(d.batch.waves.empty());
    QCOMPARE(d.errors.size(), std::size_t(1));
    QCOMPARE(d.errors[0].code, int(Hl7Error::DataTypeError));
    QCOMPARE(d.errors[0].field, 5);
}

void TestHl7Decoder::loincVitals()
{
    const Decoded d = decodeBytes(oru("OBX|1|NM|8867-4^Heart rate^LN||72|/min^per minute^UCUM|||||F\r"
                                      "OBX|2|NM|8310-5^Body temperature^LN||98.6|[degF]^degF^UCUM|||||F\r"
                                      "OBX|3|NM|2708-6^Oxygen saturation^LN||0.95|1^ratio^UCUM|||||F\r"
                                      "OBX|4|SN|9279-1^Respiratory rate^LN||^18|/min^^UCUM|||||F\r"
                                      "OBX|5|NM|29463-7^Body weight^LN||80|kg^^UCUM|||||F\r"
                                      "OBX|6|NM|x^local^99LOCAL^8480-6^Systolic^LN||16|kPa|||||F\r"));
    const InboundBatch& b = d.batch;
    QVERIFY2(b.problems.empty(), qPrintable(problemText(b).join(u'\n')));
    QCOMPARE(b.vitals.size(), std::size_t(5)); // body weight is not a vital kind
    QCOMPARE(findVital(b, QStringLiteral("loinc:8867-4"))->measurement.value, 72.0);
    QVERIFY(std::abs(findVital(b, QStringLiteral("loinc:8310-5"))->measurement.value - 37.0) < 1e-9);
    QVERIFY(std::abs(findVital(b, QStringLiteral("loinc:2708-6"))->measurement.value - 95.0) < 1e-9);
    QCOMPARE(findVital(b, QStringLiteral("loinc:9279-1"))->kind, VitalKind::RespRate);
    QCOMPARE(findVital(b, QStringLiteral("loinc:9279-1"))->measurement.value, 18.0);
    // The alternate code (OBX-3.4-6) is LOINC: used; kPa converted to mmHg.
    QVERIFY(std::abs(findVital(b, QStringLiteral("loinc:8480-6"))->measurement.value - 120.0098) < 1e-3);
    // No OBX-4: the source ID falls back to the OBX's position.
    QCOMPARE(findVital(b, QStringLiteral("loinc:8867-4"))->sourceId, QStringLiteral("C1/obx1"));
    QCOMPARE(findVital(b, QStringLiteral("loinc:8867-4"))->measurement.time, utcMicros(2024, 1, 1, 12));
}

void TestHl7Decoder::labResultsYieldNoVitals_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("key");
    QTest::newRow("v2.5 electrolytes") << QStringLiteral("oru-lab/dsl_oru-r01-25.hl7") << QStringLiteral("00000111");
    QTest::newRow("v2.4 NM repetitions") << QStringLiteral("oru-lab/msg-02.hl7") << QStringLiteral("HL007545P");
    QTest::newRow("v2.5 SN glucose") << QStringLiteral("oru-lab/msg-07.hl7") << QStringLiteral("010-11-1111");
    QTest::newRow("v2.5.1 haemoglobin") << QStringLiteral("oru-lab/msg-10.hl7") << QStringLiteral("36363636");
}

void TestHl7Decoder::labResultsYieldNoVitals()
{
    QFETCH(QString, file);
    QFETCH(QString, key);
    const Decoded d = decodeData(file);
    QVERIFY2(d.batch.problems.empty(), qPrintable(problemText(d.batch).join(u'\n')));
    QVERIFY(!d.batch.rejected);
    QVERIFY(d.batch.vitals.empty());
    QCOMPARE(d.batch.patients.size(), std::size_t(1));
    QCOMPARE(d.batch.patients[0].id, key);
}

void TestHl7Decoder::adtIdentities_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("family");
    QTest::addColumn<QString>("given");
    QTest::addColumn<QDate>("birth");
    // PID-3 starts with the HL7 null ""^^^&2.71&ISO: skipped, the next repetition is the key.
    QTest::newRow("A01 (PIX source)") << QStringLiteral("adt/translation_pixsource_v2_A01.hl7")
                                      << QStringLiteral("306563") << QStringLiteral("Bob") << QStringLiteral("Barker")
                                      << QDate(1929, 4, 5);
    QTest::newRow("A04 (PIX source)") << QStringLiteral("adt/translation_pixsource_v2_A04.hl7")
                                      << QStringLiteral("305090") << QStringLiteral("Hiccock")
                                      << QStringLiteral("WildBill") << QDate(1977, 1, 14);
    QTest::newRow("A08 (PIX source)") << QStringLiteral("adt/translation_pixsource_v2_A08.hl7")
                                      << QStringLiteral("306567") << QStringLiteral("BEST") << QStringLiteral("XML")
                                      << QDate(1947, 1, 1);
    // Three PID-5 repetitions; the first legal (L) name is used.
    QTest::newRow("A01 (PIX feed, maximal)")
        << QStringLiteral("adt/translation_pixfeed_v2_PIX_FEED_REG_Maximal_Request.hl7") << QStringLiteral("PIX10515W3")
        << QStringLiteral("WASHINGTON") << QStringLiteral("MARY") << QDate(1977, 12, 8);
    QTest::newRow("A08 (PIX feed, update)")
        << QStringLiteral("adt/translation_pixfeed_v2_PIX_FEED_REV_Maximal_Request.hl7") << QStringLiteral("PIX10515W3")
        << QStringLiteral("WASHINGTON-UPDATE") << QStringLiteral("MARY") << QDate(1977, 12, 8);
    QTest::newRow("A08 v2.5, no birth date") << QStringLiteral("adt/dsl_msg-07.hl7") << QStringLiteral("79471")
                                             << QStringLiteral("Nachname") << QStringLiteral("Vorname") << QDate();
    QTest::newRow("A04 in a batch") << QStringLiteral("batch/python-hl7-sample_batch2.hl7")
                                    << QStringLiteral("0000112234") << QStringLiteral("XXXXXXXXXX") << QString()
                                    << QDate(1013, 11, 13);
}

void TestHl7Decoder::adtIdentities()
{
    QFETCH(QString, file);
    QFETCH(QString, key);
    QFETCH(QString, family);
    QFETCH(QString, given);
    QFETCH(QDate, birth);
    const Decoded d = decodeBytes(Hl7Message::splitBatch(readData(file)).front());
    const InboundBatch& b = d.batch;
    QVERIFY2(b.problems.empty(), qPrintable(problemText(b).join(u'\n')));
    QVERIFY(!b.rejected);
    QCOMPARE(b.patients.size(), std::size_t(1));
    QCOMPARE(b.patients[0].id, key);
    QCOMPARE(b.patients[0].familyName, family);
    QCOMPARE(b.patients[0].givenName, given);
    QCOMPARE(b.patients[0].birthDate, birth);
    QVERIFY(b.vitals.empty());
}

void TestHl7Decoder::adtMergeNotSupported()
{
    const Decoded d = decodeData(QStringLiteral("adt/iti8_iti8-a40-iso-8859-1.hl7"));
    QVERIFY(!d.batch.rejected);
    QVERIFY(d.batch.patients.empty());
    QCOMPARE(d.errors.size(), std::size_t(1));
    QCOMPARE(d.errors[0].code, int(Hl7Error::UnsupportedEventCode));
    QVERIFY(d.batch.problems[0].reason.contains(QStringLiteral("not supported")));
    QVERIFY(d.batch.problems[0].reason.contains(QStringLiteral("A40")));
}

void TestHl7Decoder::nhsNumber()
{
    const QByteArray msh = "MSH|^~\\&|PAS|TRUST|VIGIL||20240101||ADT^A08^ADT_A01|N1|P|2.5\r";
    // By assigning authority, first in the list: never the key.
    Decoded d = decodeBytes(msh + "PID|1||9434765919^^^NHS^NH~K123^^^RX1^MR||Smith^Ann||19800101\r");
    QVERIFY(d.batch.problems.empty());
    QCOMPARE(d.batch.patients[0].id, QStringLiteral("K123"));
    QCOMPARE(d.batch.patients[0].nhsNumber, QStringLiteral("9434765919"));
    // By identifier type alone, with spaces.
    d = decodeBytes(msh + "PID|1||K123^^^RX1^MR~943 476 5919^^^^NH||Smith^Ann\r");
    QCOMPARE(d.batch.patients[0].nhsNumber, QStringLiteral("9434765919"));
    // By the NHS Number OID.
    d = decodeBytes(msh + "PID|1||K123^^^RX1^MR~9434765919^^^&2.16.840.1.113883.2.1.4.1&ISO||Smith^Ann\r");
    QCOMPARE(d.batch.patients[0].nhsNumber, QStringLiteral("9434765919"));
    // Wrong check digit: a problem, no NHS Number, the identity is still kept.
    d = decodeBytes(msh + "PID|1||K123^^^RX1^MR~9434765918^^^NHS^NH||Smith^Ann\r");
    QCOMPARE(d.batch.patients.size(), std::size_t(1));
    QVERIFY(d.batch.patients[0].nhsNumber.isEmpty());
    QCOMPARE(d.errors.size(), std::size_t(1));
    QCOMPARE(d.errors[0].code, int(Hl7Error::DataTypeError));
    QCOMPARE(d.batch.problems[0].where, QStringLiteral("PID 1 field 3"));
    QVERIFY(!d.batch.problems[0].reason.contains(QStringLiteral("943")));
    // Another identifier type ("MR") with a number that happens to be valid is not an NHS Number.
    d = decodeBytes(msh + "PID|1||9434765919^^^RX1^MR||Smith^Ann\r");
    QCOMPARE(d.batch.patients[0].id, QStringLiteral("9434765919"));
    QVERIFY(d.batch.patients[0].nhsNumber.isEmpty());
}

void TestHl7Decoder::patientKeyProblems()
{
    // Only an NHS Number: no key, the patient and their observations are dropped, with one problem.
    Decoded d = decodeBytes(oru("OBX|1|NM|147842^MDC_ECG_HEART_RATE^MDC|1.1.1.1|60|/min^/min^UCUM|||||R\r",
        "PID|||9434765919^^^NHS^NH||Doe^Jane\r"));
    QVERIFY(d.batch.patients.empty());
    QVERIFY(d.batch.vitals.empty());
    QCOMPARE(d.errors.size(), std::size_t(1));
    QCOMPARE(d.errors[0].code, int(Hl7Error::RequiredFieldMissing));
    QCOMPARE(d.errors[0].segment, QStringLiteral("PID"));
    QCOMPARE(d.errors[0].field, 3);
    // No PID at all.
    d = decodeBytes(oru("OBX|1|NM|147842^MDC_ECG_HEART_RATE^MDC|1.1.1.1|60|/min^/min^UCUM|||||R\r"
                        "OBX|2|NM|147842^MDC_ECG_HEART_RATE^MDC|1.1.1.2|61|/min^/min^UCUM|||||R\r",
        QByteArray()));
    QVERIFY(d.batch.vitals.empty());
    QCOMPARE(d.errors.size(), std::size_t(1)); // reported once
    QCOMPARE(d.errors[0].code, int(Hl7Error::SegmentSequenceError));
    // A bad birth date costs the birth date only.
    d = decodeBytes(oru(
        "OBX|1|NM|147842^MDC_ECG_HEART_RATE^MDC|1.1.1.1|60|/min^/min^UCUM|||||R\r", "PID|||P9||Doe^Jane||19620352\r"));
    QCOMPARE(d.batch.vitals.size(), std::size_t(1));
    QCOMPARE(d.batch.patients.size(), std::size_t(1));
    QVERIFY(!d.batch.patients[0].birthDate.isValid());
    QCOMPARE(d.errors.size(), std::size_t(1));
    QCOMPARE(d.errors[0].code, int(Hl7Error::DataTypeError));
    QCOMPARE(d.errors[0].field, 7);
}

void TestHl7Decoder::severalPatients()
{
    const QByteArray msg = "MSH|^~\\&|GW|FAC|VIGIL||20240101||ORU^R01^ORU_R01|M7|P|2.6\r"
                           "PID|||A1||One^Pat\r"
                           "OBR|1|||x^y^MDC|||20240101100000\r"
                           "OBX|1|NM|150456^MDC_PULS_OXIM_SAT_O2^MDC|1.0.0.1|97|262688^MDC_DIM_PERCENT^MDC|||||R\r"
                           "PID|||B2||Two^Pat\r"
                           "OBR|1|||x^y^MDC|||20240101110000\r"
                           "OBX|1|NM|150456^MDC_PULS_OXIM_SAT_O2^MDC|1.0.0.1|91|262688^MDC_DIM_PERCENT^MDC|||||R\r";
    const Decoded d = decodeBytes(msg);
    QVERIFY(d.batch.problems.empty());
    QCOMPARE(d.batch.patients.size(), std::size_t(2));
    QCOMPARE(d.batch.vitals.size(), std::size_t(2));
    QCOMPARE(d.batch.vitals[0].patientKey, QStringLiteral("A1"));
    QCOMPARE(d.batch.vitals[0].measurement.value, 97.0);
    QCOMPARE(d.batch.vitals[0].measurement.time, utcMicros(2024, 1, 1, 10));
    QCOMPARE(d.batch.vitals[1].patientKey, QStringLiteral("B2"));
    QCOMPARE(d.batch.vitals[1].measurement.value, 91.0);
    QCOMPARE(d.batch.vitals[1].measurement.time, utcMicros(2024, 1, 1, 11));
    // The same OBX-4 under two patients: the source IDs still differ.
    QVERIFY(d.batch.vitals[0].sourceId != d.batch.vitals[1].sourceId);
}

void TestHl7Decoder::rejected_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("field");
    QTest::newRow("v2.2 ADT^A01") << readData(QStringLiteral("adt/msg-01.hl7")) << int(Hl7Error::UnsupportedVersionId)
                                  << 12;
    QTest::newRow("v2.2 ADT^A01, UTF-8") << readData(QStringLiteral("adt/message_msg-01-utf8.hl7"))
                                         << int(Hl7Error::UnsupportedVersionId) << 12;
    QTest::newRow("ACK") << readData(QStringLiteral("pcd01/valid-pcd01-response.hl7v2"))
                         << int(Hl7Error::UnsupportedMessageType) << 9;
    QTest::newRow("QRY") << QByteArray("MSH|^~\\&|A|B|C|D|20240101||QRY^A19|Q1|P|2.4\rQRD|20240101|R|I|Q1\r")
                         << int(Hl7Error::UnsupportedMessageType) << 9;
    QTest::newRow("no type") << QByteArray("MSH|^~\\&|A|B|C|D|20240101|||X1|P|2.5\r")
                             << int(Hl7Error::RequiredFieldMissing) << 9;
    QTest::newRow("no trigger") << QByteArray("MSH|^~\\&|A|B|C|D|20240101||ORU|X1|P|2.5\r")
                                << int(Hl7Error::RequiredFieldMissing) << 9;
    QTest::newRow("no control ID") << QByteArray("MSH|^~\\&|A|B|C|D|20240101||ORU^R01||P|2.5\r")
                                   << int(Hl7Error::RequiredFieldMissing) << 10;
    QTest::newRow("no version") << QByteArray("MSH|^~\\&|A|B|C|D|20240101||ORU^R01|X1|P\r")
                                << int(Hl7Error::RequiredFieldMissing) << 12;
    QTest::newRow("version 3") << QByteArray("MSH|^~\\&|A|B|C|D|20240101||ORU^R01|X1|P|3.0\r")
                               << int(Hl7Error::UnsupportedVersionId) << 12;
    QTest::newRow("version text") << QByteArray("MSH|^~\\&|A|B|C|D|20240101||ORU^R01|X1|P|latest\r")
                                  << int(Hl7Error::UnsupportedVersionId) << 12;
}

void TestHl7Decoder::rejected()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, code);
    QFETCH(int, field);
    const Decoded d = decodeBytes(bytes);
    QVERIFY(d.batch.rejected);
    QVERIFY(!d.batch.hasData());
    QCOMPARE(d.errors.size(), std::size_t(1));
    QCOMPARE(d.errors[0].code, code);
    QCOMPARE(d.errors[0].segment, QStringLiteral("MSH"));
    QCOMPARE(d.errors[0].field, field);
    QVERIFY(!d.batch.problems.front().reason.isEmpty());
}

void TestHl7Decoder::observationProblems_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("where");
    const QByteArray hr = "OBX|1|NM|147842^MDC_ECG_HEART_RATE^MDC|1.1.1.1|";
    QTest::newRow("value not a number") << oru(hr + "sixty|/min^/min^UCUM|||||R\r") << int(Hl7Error::DataTypeError)
                                        << QStringLiteral("OBX 1 field 5");
    QTest::newRow("value with exponent") << oru(hr + "6e1|/min^/min^UCUM|||||R\r") << int(Hl7Error::DataTypeError)
                                         << QStringLiteral("OBX 1 field 5");
    QTest::newRow("unknown unit") << oru(hr + "60|furlong/fortnight|||||R\r") << int(Hl7Error::TableValueNotFound)
                                  << QStringLiteral("OBX 1 field 6");
    QTest::newRow("unit of another kind") << oru(hr + "60|266016^MDC_DIM_MMHG^MDC|||||R\r")
                                          << int(Hl7Error::TableValueNotFound) << QStringLiteral("OBX 1 field 6");
    QTest::newRow("vital as ST") << oru("OBX|1|ST|147842^MDC_ECG_HEART_RATE^MDC|1.1.1.1|60|/min|||||R\r")
                                 << int(Hl7Error::DataTypeError) << QStringLiteral("OBX 1 field 2");
    QTest::newRow("SN with a comparator") << oru("OBX|1|SN|147842^MDC_ECG_HEART_RATE^MDC|1.1.1.1|>^200|/min|||||R\r")
                                          << int(Hl7Error::DataTypeError) << QStringLiteral("OBX 1 field 5");
    QTest::newRow("bad OBX-14") << oru(hr + "60|/min|||||R|||20241301\r") << int(Hl7Error::DataTypeError)
                                << QStringLiteral("OBX 1 field 14");
    QTest::newRow("no time at all") << oru(hr + "60|/min|||||R\r", "PID|||P1\r", "OBR|1\r")
                                    << int(Hl7Error::RequiredFieldMissing) << QStringLiteral("OBX 1 field 14");
    QTest::newRow("bad OBR-7") << oru(hr + "60|/min|||||R\r", "PID|||P1\r", "OBR|1|||x|||yesterday\r")
                               << int(Hl7Error::DataTypeError) << QStringLiteral("OBR 1 field 7");
    QTest::newRow("OBX before OBR") << oru(hr + "60|/min|||||R\r", "PID|||P1\r", QByteArray())
                                    << int(Hl7Error::SegmentSequenceError) << QStringLiteral("OBX 1");
    QTest::newRow("value type missing") << oru("OBX|1||147842^MDC_ECG_HEART_RATE^MDC|1.1.1.1|60|/min|||||R\r")
                                        << int(Hl7Error::RequiredFieldMissing) << QStringLiteral("OBX 1 field 2");
    QTest::newRow("ORU^R40 (alarm)") << QByteArray(
        "MSH|^~\\&|A|B|C|D|20240101||ORU^R40^ORU_R40|X1|P|2.6\rPID|||P1\rOBR|1\r")
                                     << int(Hl7Error::UnsupportedEventCode) << QStringLiteral("MSH 1 field 9");
}

void TestHl7Decoder::observationProblems()
{
    QFETCH(QByteArray, message);
    QFETCH(int, code);
    QFETCH(QString, where);
    const Decoded d = decodeBytes(message);
    QVERIFY(!d.batch.rejected);
    QVERIFY(d.batch.vitals.empty());
    QCOMPARE(d.errors.size(), std::size_t(1));
    QCOMPARE(d.errors[0].code, code);
    QCOMPARE(d.batch.problems[0].where, where);
}

void TestHl7Decoder::resultStatusSkips_data()
{
    QTest::addColumn<QByteArray>("status");
    QTest::addColumn<bool>("used");
    QTest::newRow("R (not verified)") << QByteArray("R") << true;
    QTest::newRow("F (final)") << QByteArray("F") << true;
    QTest::newRow("C (corrected)") << QByteArray("C") << true;
    QTest::newRow("P (preliminary)") << QByteArray("P") << true;
    QTest::newRow("empty") << QByteArray() << true;
    QTest::newRow("X (cannot obtain)") << QByteArray("X") << false;
    QTest::newRow("W (wrong)") << QByteArray("W") << false;
    QTest::newRow("D (deleted)") << QByteArray("D") << false;
    QTest::newRow("N (not asked)") << QByteArray("N") << false;
}

void TestHl7Decoder::resultStatusSkips()
{
    QFETCH(QByteArray, status);
    QFETCH(bool, used);
    const Decoded d = decodeBytes(oru("OBX|1|NM|151562^MDC_RESP_RATE^MDC|1.1.1.1|18|/min|||||" + status + "\r"));
    QVERIFY(d.batch.problems.empty());
    QCOMPARE(d.batch.vitals.size(), std::size_t(used ? 1 : 0));
}

void TestHl7Decoder::sourceIdsStableAndUnique()
{
    // valid-scale has OBX-4 1.0.0.x and 2.0.0.x; MaximumRequest2 reuses sub-IDs in its second OBR.
    const QByteArray repeated = oru("OBX|1|NM|147842^MDC_ECG_HEART_RATE^MDC|1.1.1.1|60|/min|||||R\r"
                                    "OBX|2|NM|147842^MDC_ECG_HEART_RATE^MDC|1.1.1.1|61|/min|||||R\r"
                                    "OBX|3|NM|147842^MDC_ECG_HEART_RATE^MDC||62|/min|||||R\r");
    const Decoded first = decodeBytes(repeated);
    const Decoded again = decodeBytes(repeated);
    QCOMPARE(first.batch.vitals.size(), std::size_t(3));
    QStringList ids;
    for (std::size_t i = 0; i < first.batch.vitals.size(); ++i) {
        QCOMPARE(first.batch.vitals[i].sourceId, again.batch.vitals[i].sourceId); // a resend dedupes
        ids.append(first.batch.vitals[i].sourceId);
    }
    QCOMPARE(
        ids, QStringList({QStringLiteral("C1/1.1.1.1"), QStringLiteral("C1/1.1.1.1#2"), QStringLiteral("C1/obx3")}));
}

void TestHl7Decoder::problemTextsCarryNoPatientData()
{
    // Every message of the test data: no problem text quotes a patient's key, name or birth date.
    QDirIterator it(QStringLiteral(VIGIL_TEST_DATA_DIR "/hl7v2"), QDir::Files, QDirIterator::Subdirectories);
    int messages = 0;
    while (it.hasNext()) {
        const QString path = it.next();
        if (path.endsWith(u".txt") || path.endsWith(u".md"))
            continue;
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        for (const QByteArray& bytes : Hl7Message::splitBatch(file.readAll())) {
            const auto message = Hl7Message::parse(bytes);
            QVERIFY(message);
            ++messages;
            QStringList secrets;
            for (int i = 1; const auto* pid = message->segment(u"PID", i); ++i) {
                for (const int field : {3, 5, 7}) {
                    for (int r = 1; r <= pid->repetitionCount(field); ++r) {
                        for (const QString& part : pid->components(field, r)) {
                            if (part.size() >= 3)
                                secrets.append(part);
                        }
                    }
                }
            }
            const InboundBatch batch = Hl7Decoder::decode(*message);
            for (const auto& problem : batch.problems) {
                for (const QString& secret : secrets) {
                    QVERIFY2(!problem.reason.contains(secret) && !problem.where.contains(secret),
                        qPrintable(QFileInfo(path).fileName()));
                }
            }
        }
    }
    QCOMPARE(messages, 42);
}

QTEST_GUILESS_MAIN(TestHl7Decoder)
#include "tst_hl7decoder.moc"
