#include "codec/hl7ack.h"
#include "codec/hl7decoder.h"
#include "codec/hl7encoder.h"
#include "codec/hl7message.h"
#include "codec/wavecodec.h"

#include <QDateTime>
#include <QSet>
#include <QTest>
#include <QTimeZone>

#include <cmath>
#include <limits>

using vigil::codec::Hl7Ack;
using vigil::codec::Hl7Decoder;
using vigil::codec::Hl7Encoder;
using vigil::codec::Hl7Message;
using vigil::codec::InboundBatch;
using vigil::codec::WaveCodec;
using vigil::codec::WaveSegment;
using vigil::core::Timestamp;
using vigil::core::VitalKind;

namespace {

constexpr qint32 kGap = WaveCodec::kInvalid;

Timestamp utcMicros(int y, int mo, int d, int h = 0, int mi = 0, int s = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), QTimeZone::utc()).toMSecsSinceEpoch() * 1000;
}

const Timestamp kT0 = utcMicros(2026, 1, 1, 12, 0, 0);

Hl7Encoder::Report report(const QString& key = QStringLiteral("demo-001"))
{
    Hl7Encoder::Report r;
    r.header.time = kT0 + 1'000'000;
    r.patient.id = key;
    return r;
}

Hl7Encoder::Vital vital(VitalKind kind, double value, Timestamp time = kT0, int mdc = 0)
{
    Hl7Encoder::Vital v;
    v.kind = kind;
    v.measurement.value = value;
    v.measurement.time = time;
    v.mdcCode = mdc;
    return v;
}

Hl7Encoder::Wave wave(int mdc, const std::vector<qint32>& digital, double factor, double periodUs,
    Timestamp start = kT0, const QString& unit = {}, double origin = 0)
{
    Hl7Encoder::Wave w;
    w.mdcCode = mdc;
    w.start = start;
    w.periodUs = periodUs;
    w.factor = factor;
    w.origin = origin;
    w.unit = unit;
    w.digital = digital;
    return w;
}

QByteArray encode(const Hl7Encoder::Report& r)
{
    QString error;
    const QByteArray bytes = Hl7Encoder::observationReport(r, &error);
    if (bytes.isEmpty())
        qFatal("encoding failed: %s", qPrintable(error));
    return bytes;
}

Hl7Message parse(const QByteArray& bytes)
{
    QString error;
    const auto message = Hl7Message::parse(bytes, &error);
    if (!message)
        qFatal("the encoder's message does not parse: %s", qPrintable(error));
    return *message;
}

// Encode, parse, decode; fails the test on any problem.
InboundBatch roundTrip(const Hl7Encoder::Report& r)
{
    const InboundBatch batch = Hl7Decoder::decode(parse(encode(r)));
    QStringList problems;
    for (const auto& p : batch.problems)
        problems.append(p.where + QStringLiteral(": ") + p.reason);
    if (!problems.isEmpty() || batch.rejected)
        qWarning("%s", qPrintable(problems.join(u'\n')));
    return batch;
}

} // namespace

class TestHl7Encoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void vitalRoundTrip_data();
    void vitalRoundTrip();
    void severalVitalsKeepTheirTimes();
    void wavesRoundTripExactly();
    void decimalCalibrationKeepsPhysicalValues();
    void allInvalidWave();
    void wavesAndVitalsTogether();
    void periodsReadBackExactly_data();
    void periodsReadBackExactly();
    void decimalScale_data();
    void decimalScale();
    void patientRoundTrip_data();
    void patientRoundTrip();
    void textFieldsEscaped_data();
    void textFieldsEscaped();
    void controlIdStableAndDistinct();
    void headerIsPcd01();
    void dateTime_data();
    void dateTime();
    void timesRoundedTo100Microseconds();
    void refused_data();
    void refused();
};

void TestHl7Encoder::vitalRoundTrip_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<double>("value");
    QTest::addColumn<int>("mdc"); // 0: the kind's usual code
    QTest::addColumn<QString>("code"); // as the decoder names it
    QTest::newRow("heart rate") << int(VitalKind::HeartRate) << 72.0 << 0 << QStringLiteral("mdc:147842");
    QTest::newRow("pulse rate, oximeter")
        << int(VitalKind::HeartRate) << 64.0 << 149530 << QStringLiteral("mdc:149530");
    QTest::newRow("SpO2") << int(VitalKind::SpO2) << 96.0 << 0 << QStringLiteral("mdc:150456");
    QTest::newRow("respiration rate") << int(VitalKind::RespRate) << 18.0 << 0 << QStringLiteral("mdc:151562");
    QTest::newRow("systolic") << int(VitalKind::SystolicBp) << 121.5 << 0 << QStringLiteral("mdc:150021");
    QTest::newRow("diastolic") << int(VitalKind::DiastolicBp) << 79.0 << 0 << QStringLiteral("mdc:150022");
    QTest::newRow("arterial systolic") << int(VitalKind::SystolicBp) << 133.0 << 150033 << QStringLiteral("mdc:150033");
    QTest::newRow("temperature") << int(VitalKind::Temperature) << 37.15 << 0 << QStringLiteral("mdc:150344");
    QTest::newRow("temperature, oral") << int(VitalKind::Temperature) << 36.8 << 188424 << QStringLiteral("mdc:188424");
    QTest::newRow("a double with no short decimal")
        << int(VitalKind::Temperature) << (0.1 + 0.2 + 36.0) << 0 << QStringLiteral("mdc:150344");
    QTest::newRow("negative") << int(VitalKind::Temperature) << -1.25 << 0 << QStringLiteral("mdc:150344");
}

void TestHl7Encoder::vitalRoundTrip()
{
    QFETCH(int, kind);
    QFETCH(double, value);
    QFETCH(int, mdc);
    QFETCH(QString, code);
    Hl7Encoder::Report r = report();
    r.vitals.push_back(vital(VitalKind(kind), value, kT0 + 250'000, mdc));
    const InboundBatch b = roundTrip(r);
    QVERIFY(b.problems.empty());
    QVERIFY(b.waves.empty());
    QCOMPARE(b.vitals.size(), std::size_t(1));
    QCOMPARE(int(b.vitals[0].kind), kind);
    QVERIFY2(b.vitals[0].measurement.value == value, "the value did not read back bit for bit");
    QCOMPARE(b.vitals[0].measurement.time, kT0 + 250'000);
    QCOMPARE(b.vitals[0].code, code);
    QCOMPARE(b.vitals[0].patientKey, QStringLiteral("demo-001"));
    QCOMPARE(b.vitals[0].sourceId, b.messageId + QStringLiteral("/1.2.1.1"));
}

void TestHl7Encoder::severalVitalsKeepTheirTimes()
{
    Hl7Encoder::Report r = report();
    r.vitals = {vital(VitalKind::HeartRate, 80, kT0), vital(VitalKind::SpO2, 95, kT0 + 1'000'000),
        vital(VitalKind::HeartRate, 81, kT0 + 1'000'000), vital(VitalKind::RespRate, 22, kT0 + 5'000'000)};
    const InboundBatch b = roundTrip(r);
    QVERIFY(b.problems.empty());
    QCOMPARE(b.vitals.size(), r.vitals.size());
    QSet<QString> ids;
    for (std::size_t i = 0; i < r.vitals.size(); ++i) {
        QCOMPARE(b.vitals[i].kind, r.vitals[i].kind);
        QCOMPARE(b.vitals[i].measurement.value, r.vitals[i].measurement.value);
        QCOMPARE(b.vitals[i].measurement.time, r.vitals[i].measurement.time);
        ids.insert(b.vitals[i].sourceId);
    }
    QCOMPARE(ids.size(), qsizetype(r.vitals.size())); // every reading its own idempotency key
}

void TestHl7Encoder::wavesRoundTripExactly()
{
    // Three channels: ECG in mV at 0.001 with negative values and gaps (also first and last), pleth
    // at factor 1 (integers), respiration at 10^-6 (the finest the decoder reads), with extreme values.
    const std::vector<qint32> ecg{kGap, 0, 5, -5, 1250, -1250, kGap, kGap, 999, -1000, 1, -1, kGap};
    const std::vector<qint32> pleth{0, 1, 2, 1000, -3, 123456789, -123456789};
    const std::vector<qint32> resp{
        std::numeric_limits<qint32>::max(), std::numeric_limits<qint32>::min() + 1, 7, -7, 1'000'000, -1'000'000};
    Hl7Encoder::Report r = report();
    r.waves.push_back(wave(131330, ecg, 0.001, 2000, kT0, QStringLiteral("mV")));
    r.waves.back().mdcName = QStringLiteral("MDC_ECG_ELEC_POTL_II");
    r.waves.push_back(wave(150452, pleth, 1, 8000, kT0 + 8000));
    r.waves.back().mdcName = QStringLiteral("MDC_PULS_OXIM_PLETH");
    r.waves.push_back(wave(151780, resp, 1e-6, 20000, kT0 + 40000));
    const InboundBatch b = roundTrip(r);
    QVERIFY(b.problems.empty());
    QVERIFY(b.vitals.empty());
    QCOMPARE(b.waves.size(), std::size_t(3));
    QSet<QString> ids;
    for (std::size_t i = 0; i < 3; ++i) {
        const Hl7Encoder::Wave& in = r.waves[i];
        const WaveSegment& out = b.waves[i];
        QCOMPARE(out.patientKey, QStringLiteral("demo-001"));
        QCOMPARE(out.mdcCode, in.mdcCode);
        QCOMPARE(out.codeText, in.mdcName);
        QCOMPARE(out.start, in.start);
        QVERIFY(out.periodUs == in.periodUs);
        QVERIFY(out.factor == in.factor);
        QVERIFY(out.origin == in.origin);
        QCOMPARE(out.unit, in.unit);
        QCOMPARE(out.digital, std::vector<qint32>(in.digital.begin(), in.digital.end()));
        ids.insert(out.sourceId);
    }
    QCOMPARE(ids.size(), 3);
    QCOMPARE(b.waves[0].rateHz(), 500.0);
}

void TestHl7Encoder::decimalCalibrationKeepsPhysicalValues()
{
    // The live ECG resolution (5 µV: factor 0.005 mV) and a WFDB-style baseline: the physical values
    // come back exactly, as offset + multiplier × digital at factor 10^-decimals.
    const std::vector<qint32> digital{0, 1, -1, 200, -200, kGap, 1024, 37};
    Hl7Encoder::Report r = report();
    r.waves.push_back(wave(131330, digital, 0.005, 2000, kT0, QStringLiteral("mV"), -5.12));
    const auto scale = Hl7Encoder::decimalScale(0.005, -5.12);
    QVERIFY(scale);
    QCOMPARE(scale->decimals, 3);
    QCOMPARE(scale->multiplier, qint64(5));
    QCOMPARE(scale->offset, qint64(-5120));
    const InboundBatch b = roundTrip(r);
    QVERIFY(b.problems.empty());
    QCOMPARE(b.waves.size(), std::size_t(1));
    const WaveSegment& w = b.waves[0];
    QCOMPARE(w.factor, 0.001);
    QCOMPARE(w.origin, 0.0);
    QCOMPARE(w.digital.size(), digital.size());
    for (std::size_t i = 0; i < digital.size(); ++i) {
        if (digital[i] == kGap) {
            QCOMPARE(w.digital[i], kGap);
            continue;
        }
        QCOMPARE(qint64(w.digital[i]), scale->offset + scale->multiplier * digital[i]);
        // Same physical value (to the last bit of the double arithmetic of each side).
        QVERIFY(std::abs((w.origin + w.factor * w.digital[i]) - (-5.12 + 0.005 * digital[i])) < 1e-12);
    }
}

void TestHl7Encoder::allInvalidWave()
{
    // A lead-off second: nothing but gaps. It reads back as gaps (at factor 1: no decimals to carry).
    const std::vector<qint32> digital(4, kGap);
    Hl7Encoder::Report r = report();
    r.waves.push_back(wave(131330, digital, 0.005, 2000, kT0, QStringLiteral("mV")));
    const InboundBatch b = roundTrip(r);
    QVERIFY(b.problems.empty());
    QCOMPARE(b.waves.size(), std::size_t(1));
    QCOMPARE(b.waves[0].digital, digital);
    QCOMPARE(b.waves[0].factor, 1.0);
}

void TestHl7Encoder::wavesAndVitalsTogether()
{
    // One simulator second: two ECG runs (a gap in time between them), pleth, and the vitals.
    const std::vector<qint32> ecg1{10, 20, 30};
    const std::vector<qint32> ecg2{-10, -20};
    const std::vector<qint32> pleth{500, 501};
    Hl7Encoder::Report r = report();
    r.waves.push_back(wave(131330, ecg1, 0.001, 2000, kT0, QStringLiteral("mV")));
    r.waves.push_back(wave(131330, ecg2, 0.001, 2000, kT0 + 500'000, QStringLiteral("mV")));
    r.waves.push_back(wave(150452, pleth, 0.001, 8000, kT0));
    r.vitals = {vital(VitalKind::HeartRate, 61, kT0), vital(VitalKind::SpO2, 99, kT0)};
    const InboundBatch b = roundTrip(r);
    QVERIFY(b.problems.empty());
    QCOMPARE(b.waves.size(), std::size_t(3));
    QCOMPARE(b.vitals.size(), std::size_t(2));
    QCOMPARE(b.waves[0].digital, ecg1);
    QCOMPARE(b.waves[1].digital, ecg2);
    QCOMPARE(b.waves[1].start, kT0 + 500'000);
    QCOMPARE(b.waves[2].digital, pleth);
    QCOMPARE(b.waves[2].periodUs, 8000.0);
    QVERIFY(b.waves[0].sourceId != b.waves[1].sourceId);
    // OBR-7 / OBR-8: the first and the last observation time (the last ECG sample).
    const Hl7Message m = parse(encode(r));
    QCOMPARE(m.value(u"OBR", 1, 7), Hl7Encoder::dateTime(kT0));
    QCOMPARE(m.value(u"OBR", 1, 8), Hl7Encoder::dateTime(kT0 + 502'000));
}

void TestHl7Encoder::periodsReadBackExactly_data()
{
    QTest::addColumn<double>("periodUs");
    QTest::newRow("500 Hz") << 2000.0;
    QTest::newRow("360 Hz (MIT-BIH)") << 1e6 / 360.0;
    QTest::newRow("250 Hz") << 4000.0;
    QTest::newRow("128 Hz") << 1e6 / 128.0;
    QTest::newRow("1 MHz") << 1.0;
    QTest::newRow("one an hour") << 3600e6;
}

void TestHl7Encoder::periodsReadBackExactly()
{
    QFETCH(double, periodUs);
    const std::vector<qint32> digital{1, 2, 3};
    Hl7Encoder::Report r = report();
    r.waves.push_back(wave(150452, digital, 1, periodUs));
    const InboundBatch b = roundTrip(r);
    QCOMPARE(b.waves.size(), std::size_t(1));
    QVERIFY2(b.waves[0].periodUs == periodUs, "the period did not read back bit for bit");
}

void TestHl7Encoder::decimalScale_data()
{
    QTest::addColumn<double>("factor");
    QTest::addColumn<double>("origin");
    QTest::addColumn<int>("decimals"); // -1: not decimal
    QTest::addColumn<qint64>("multiplier");
    QTest::addColumn<qint64>("offset");
    QTest::newRow("1") << 1.0 << 0.0 << 0 << qint64(1) << qint64(0);
    QTest::newRow("10") << 10.0 << 3.0 << 0 << qint64(10) << qint64(3);
    QTest::newRow("0.001") << 0.001 << 0.0 << 3 << qint64(1) << qint64(0);
    QTest::newRow("1/200") << 1.0 / 200.0 << 0.0 << 3 << qint64(5) << qint64(0);
    QTest::newRow("1/1000 with baseline") << 1.0 / 1000.0 << -0.25 << 3 << qint64(1) << qint64(-250);
    QTest::newRow("negative factor") << -0.01 << 0.0 << 2 << qint64(-1) << qint64(0);
    QTest::newRow("1e-6") << 1e-6 << 0.0 << 6 << qint64(1) << qint64(0);
    QTest::newRow("origin finer than factor") << 0.1 << 0.005 << 3 << qint64(100) << qint64(5);
    QTest::newRow("1e-7") << 1e-7 << 0.0 << -1 << qint64(0) << qint64(0);
    QTest::newRow("1/3") << 1.0 / 3.0 << 0.0 << -1 << qint64(0) << qint64(0);
    QTest::newRow("1/204.8") << 1.0 / 204.8 << 0.0 << -1 << qint64(0) << qint64(0);
    QTest::newRow("zero") << 0.0 << 0.0 << -1 << qint64(0) << qint64(0);
    QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN() << 0.0 << -1 << qint64(0) << qint64(0);
    QTest::newRow("infinite origin") << 1.0 << std::numeric_limits<double>::infinity() << -1 << qint64(0) << qint64(0);
    QTest::newRow("huge") << 1e12 << 0.0 << -1 << qint64(0) << qint64(0);
}

void TestHl7Encoder::decimalScale()
{
    QFETCH(double, factor);
    QFETCH(double, origin);
    QFETCH(int, decimals);
    QFETCH(qint64, multiplier);
    QFETCH(qint64, offset);
    const auto scale = Hl7Encoder::decimalScale(factor, origin);
    if (decimals < 0) {
        QVERIFY(!scale);
        return;
    }
    QVERIFY(scale);
    QCOMPARE(scale->decimals, decimals);
    QCOMPARE(scale->multiplier, multiplier);
    QCOMPARE(scale->offset, offset);
}

void TestHl7Encoder::patientRoundTrip_data()
{
    // Fictitious identities; NHS Numbers from the 999 range, which is never issued.
    QTest::addColumn<QString>("family");
    QTest::addColumn<QString>("given");
    QTest::addColumn<QDate>("birth");
    QTest::addColumn<QString>("nhs");
    QTest::newRow("everything") << QStringLiteral("Testperson") << QStringLiteral("Alex") << QDate(1948, 2, 29)
                                << QStringLiteral("9990000018");
    QTest::newRow("non-ASCII name") << QStringLiteral("Llywelyn-\u0174yn") << QStringLiteral("Si\u00e2n")
                                    << QDate(1990, 12, 31) << QString();
    QTest::newRow("key only") << QString() << QString() << QDate() << QString();
    QTest::newRow("given name only") << QString() << QStringLiteral("Sam") << QDate() << QString();
}

void TestHl7Encoder::patientRoundTrip()
{
    QFETCH(QString, family);
    QFETCH(QString, given);
    QFETCH(QDate, birth);
    QFETCH(QString, nhs);
    Hl7Encoder::Report r = report(QStringLiteral("ward-7/bed-3"));
    r.patient.familyName = family;
    r.patient.givenName = given;
    r.patient.birthDate = birth;
    r.patient.nhsNumber = nhs;
    r.vitals.push_back(vital(VitalKind::HeartRate, 70));
    const InboundBatch b = roundTrip(r);
    QVERIFY(b.problems.empty());
    QCOMPARE(b.patients.size(), std::size_t(1));
    const auto& p = b.patients[0];
    QCOMPARE(p.id, r.patient.id);
    QVERIFY(p.familyName == family); // compared, never printed
    QVERIFY(p.givenName == given);
    QVERIFY(p.birthDate == birth);
    QVERIFY(p.nhsNumber == nhs);
    QCOMPARE(b.vitals.size(), std::size_t(1));
    QCOMPARE(b.vitals[0].patientKey, r.patient.id);
}

void TestHl7Encoder::textFieldsEscaped_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("field separator") << QStringLiteral("a|b");
    QTest::newRow("component separator") << QStringLiteral("a^b");
    QTest::newRow("repetition separator") << QStringLiteral("a~b");
    QTest::newRow("escape character") << QStringLiteral("a\\b");
    QTest::newRow("subcomponent separator") << QStringLiteral("a&b");
    QTest::newRow("escape sequence look-alike") << QStringLiteral("\\F\\ and \\X0D\\");
    QTest::newRow("all of them") << QStringLiteral("|^~\\&|");
    QTest::newRow("line breaks") << QStringLiteral("a\rb\nc");
    QTest::newRow("segment look-alike") << QStringLiteral("x\rOBX|9|NM|147842^^MDC|1|999");
}

void TestHl7Encoder::textFieldsEscaped()
{
    // The same awkward text in every text field the encoder writes: it reads back unchanged, and the
    // message keeps its shape (no extra segment, field, component or repetition).
    QFETCH(QString, text);
    Hl7Encoder::Report r = report(QStringLiteral("key ") + text);
    r.header.sendingApplication = text;
    r.header.sendingFacility = text;
    r.header.controlId = QStringLiteral("C-") + text;
    r.patient.familyName = text;
    r.patient.givenName = text;
    const std::vector<qint32> digital{1, -2};
    r.waves.push_back(wave(131330, digital, 0.01, 2000, kT0, QStringLiteral("u") + text));
    r.waves.back().mdcName = text;
    r.vitals.push_back(vital(VitalKind::RespRate, 12));
    const QByteArray bytes = encode(r);
    const Hl7Message m = parse(bytes);
    QCOMPARE(int(m.segments().size()), 6); // MSH PID OBR OBX(wave) OBX(period) OBX(vital)
    QCOMPARE(m.value(u"MSH", 1, 3), text);
    QCOMPARE(m.value(u"MSH", 1, 4), text);
    QCOMPARE(m.controlId(), r.header.controlId);
    QCOMPARE(m.segment(u"PID")->repetitionCount(3), 1);
    QCOMPARE(m.segment(u"PID")->componentCount(5), 7);
    const InboundBatch b = roundTrip(r);
    QVERIFY(b.problems.empty());
    QCOMPARE(b.messageId, r.header.controlId);
    QCOMPARE(b.patients.size(), std::size_t(1));
    QCOMPARE(b.patients[0].id, r.patient.id);
    QCOMPARE(b.patients[0].familyName, text);
    QCOMPARE(b.patients[0].givenName, text);
    QCOMPARE(b.waves.size(), std::size_t(1));
    QCOMPARE(b.waves[0].codeText, text);
    QCOMPARE(b.waves[0].unit, r.waves[0].unit);
    QCOMPARE(b.waves[0].digital, digital);
    QCOMPARE(b.vitals.size(), std::size_t(1));
    QCOMPARE(b.vitals[0].patientKey, r.patient.id);
}

void TestHl7Encoder::controlIdStableAndDistinct()
{
    const std::vector<qint32> digital{1, 2, 3};
    Hl7Encoder::Report a = report();
    a.waves.push_back(wave(150452, digital, 0.001, 8000));
    a.vitals.push_back(vital(VitalKind::SpO2, 97));
    Hl7Encoder::Report later = a; // re-encoded later, with new demographics: still the same message
    later.header.time += 60'000'000;
    later.patient.familyName = QStringLiteral("Testperson");
    const QString id = parse(encode(a)).controlId();
    QCOMPARE(id.size(), 20);
    QCOMPARE(parse(encode(later)).controlId(), id);
    const InboundBatch first = roundTrip(a);
    const InboundBatch again = roundTrip(later);
    QCOMPARE(again.waves[0].sourceId, first.waves[0].sourceId);
    QCOMPARE(again.vitals[0].sourceId, first.vitals[0].sourceId);

    Hl7Encoder::Report otherValue = a;
    otherValue.vitals[0].measurement.value = 98;
    Hl7Encoder::Report otherPatient = a;
    otherPatient.patient.id = QStringLiteral("demo-002");
    Hl7Encoder::Report otherTime = a;
    otherTime.waves[0].start += 1'000'000;
    const std::vector<qint32> otherSamples{1, 2, 4};
    Hl7Encoder::Report otherSample = a;
    otherSample.waves[0].digital = otherSamples;
    QSet<QString> ids{id};
    for (const Hl7Encoder::Report* r : {&otherValue, &otherPatient, &otherTime, &otherSample})
        ids.insert(parse(encode(*r)).controlId());
    QCOMPARE(ids.size(), 5);

    Hl7Encoder::Report given = a;
    given.header.controlId = QStringLiteral("MSG-42");
    QCOMPARE(roundTrip(given).messageId, QStringLiteral("MSG-42"));
}

void TestHl7Encoder::headerIsPcd01()
{
    Hl7Encoder::Report r = report();
    r.header.sendingApplication = QStringLiteral("VIGIL-SIM");
    r.header.receivingApplication = QStringLiteral("VIGIL");
    r.vitals.push_back(vital(VitalKind::HeartRate, 70));
    const QByteArray bytes = encode(r);
    QVERIFY(bytes.endsWith('\r'));
    QVERIFY(!bytes.contains('\n'));
    const Hl7Message m = parse(bytes);
    QCOMPARE(m.messageType(), QStringLiteral("ORU"));
    QCOMPARE(m.triggerEvent(), QStringLiteral("R01"));
    QCOMPARE(m.messageStructure(), QStringLiteral("ORU_R01"));
    QCOMPARE(m.version(), QStringLiteral("2.6"));
    QCOMPARE(m.processingId(), QStringLiteral("P"));
    QCOMPARE(m.characterSet(), QStringLiteral("UNICODE UTF-8"));
    QVERIFY(m.charsetRecognised());
    QCOMPARE(m.value(u"MSH", 1, 3), QStringLiteral("VIGIL-SIM"));
    QCOMPARE(m.value(u"MSH", 1, 5), QStringLiteral("VIGIL"));
    QCOMPARE(m.value(u"MSH", 1, 7), QStringLiteral("20260101120001+0000"));
    QCOMPARE(m.value(u"MSH", 1, 15), QStringLiteral("AL"));
    QCOMPARE(m.value(u"MSH", 1, 16), QStringLiteral("NE"));
    QCOMPARE(m.value(u"MSH", 1, 21), QStringLiteral("IHE_PCD_001"));
    QCOMPARE(m.value(u"MSH", 1, 21, 3), QStringLiteral("1.3.6.1.4.1.19376.1.6.1.1.1"));
    QCOMPARE(m.value(u"OBR", 1, 3), m.controlId());
    QCOMPARE(m.value(u"OBX", 1, 6), QStringLiteral("/min"));
    QCOMPARE(m.value(u"OBX", 1, 6, 5), QStringLiteral("MDC_DIM_BEAT_PER_MIN"));
    QCOMPARE(m.value(u"OBX", 1, 3, 4), QStringLiteral("8867-4")); // LOINC as the alternate code
    // A receiver accepts it as it is.
    InboundBatch decoded;
    const Hl7Message ack = parse(Hl7Ack::respond(bytes, &decoded));
    QCOMPARE(ack.value(u"MSA", 1, 1), QStringLiteral("AA"));
    QCOMPARE(ack.value(u"MSA", 1, 2), m.controlId());
}

void TestHl7Encoder::dateTime_data()
{
    QTest::addColumn<qint64>("time");
    QTest::addColumn<QString>("text");
    QTest::newRow("whole second") << kT0 << QStringLiteral("20260101120000+0000");
    QTest::newRow("2 ms") << kT0 + 2000 << QStringLiteral("20260101120000.0020+0000");
    QTest::newRow("100 µs") << kT0 + 100 << QStringLiteral("20260101120000.0001+0000");
    QTest::newRow("49 µs rounds down") << kT0 + 49 << QStringLiteral("20260101120000+0000");
    QTest::newRow("50 µs rounds up") << kT0 + 50 << QStringLiteral("20260101120000.0001+0000");
    QTest::newRow("carry into the next second") << kT0 + 999'960 << QStringLiteral("20260101120001+0000");
    QTest::newRow("epoch") << qint64(0) << QStringLiteral("19700101000000+0000");
    QTest::newRow("before the epoch") << qint64(-1'500'000) << QStringLiteral("19691231235958.5000+0000");
}

void TestHl7Encoder::dateTime()
{
    QFETCH(qint64, time);
    QFETCH(QString, text);
    QCOMPARE(Hl7Encoder::dateTime(time), text);
}

void TestHl7Encoder::timesRoundedTo100Microseconds()
{
    // WFDB at 360 Hz: a chunk may start between two 100 µs steps; it reads back at the nearest one.
    const std::vector<qint32> digital{1};
    Hl7Encoder::Report r = report();
    r.waves.push_back(wave(131330, digital, 1, 1e6 / 360.0, kT0 + 2778));
    r.vitals.push_back(vital(VitalKind::HeartRate, 70, kT0 + 123'456));
    const InboundBatch b = roundTrip(r);
    QCOMPARE(b.waves[0].start, kT0 + 2800);
    QCOMPARE(b.vitals[0].measurement.time, kT0 + 123'500);
}

void TestHl7Encoder::refused_data()
{
    QTest::addColumn<int>("what");
    QTest::newRow("no patient key") << 0;
    QTest::newRow("key with white space around it") << 1;
    QTest::newRow("key is the HL7 null") << 2;
    QTest::newRow("no observations") << 3;
    QTest::newRow("vital not finite") << 4;
    QTest::newRow("vital code of another kind") << 5;
    QTest::newRow("not a waveform code") << 6;
    QTest::newRow("wave without samples") << 7;
    QTest::newRow("wave of one invalid sample") << 8;
    QTest::newRow("period zero") << 9;
    QTest::newRow("calibration not decimal") << 10;
    QTest::newRow("sample beyond 32 bits once scaled") << 11;
    QTest::newRow("vital without a time") << 12;
}

void TestHl7Encoder::refused()
{
    QFETCH(int, what);
    const std::vector<qint32> good{1, 2};
    const std::vector<qint32> none;
    const std::vector<qint32> oneGap{kGap};
    const std::vector<qint32> large{std::numeric_limits<qint32>::max()};
    Hl7Encoder::Report r = report(QStringLiteral("demo-000"));
    r.vitals.push_back(vital(VitalKind::HeartRate, 70));
    switch (what) {
    case 0:
        r.patient.id.clear();
        break;
    case 1:
        r.patient.id = QStringLiteral(" demo-000");
        break;
    case 2:
        r.patient.id = QStringLiteral("\"\"");
        break;
    case 3:
        r.vitals.clear();
        break;
    case 4:
        r.vitals[0].measurement.value = std::numeric_limits<double>::infinity();
        break;
    case 5:
        r.vitals[0].mdcCode = 150456; // SpO2 for a heart rate
        break;
    case 6:
        r.waves.push_back(wave(150456, good, 1, 2000));
        break;
    case 7:
        r.waves.push_back(wave(131330, none, 1, 2000));
        break;
    case 8:
        r.waves.push_back(wave(131330, oneGap, 1, 2000));
        break;
    case 9:
        r.waves.push_back(wave(131330, good, 1, 0));
        break;
    case 10:
        r.waves.push_back(wave(131330, good, 1.0 / 3.0, 2000));
        break;
    case 11:
        r.waves.push_back(wave(131330, large, 0.005, 2000)); // × 5 at 3 decimals
        break;
    case 12:
        r.vitals[0].measurement.time = 0;
        break;
    default:
        QFAIL("no such row");
    }
    QString error;
    QVERIFY(Hl7Encoder::observationReport(r, &error).isEmpty());
    QVERIFY(!error.isEmpty());
    QVERIFY(!error.contains(QStringLiteral("demo-000"))); // error texts quote no patient data
}

QTEST_GUILESS_MAIN(TestHl7Encoder)
#include "tst_hl7encoder.moc"
