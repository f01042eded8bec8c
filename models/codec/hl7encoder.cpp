#include "hl7encoder.h"

#include "core/clinicalcodes.h"
#include "hl7decoder.h"
#include "hl7encoding.h"
#include "wavecodec.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace vigil::codec {

namespace {

using core::VitalKind;

constexpr double kMinPeriodUs = 1.0; // the range Hl7Decoder accepts
constexpr double kMaxPeriodUs = 3600e6;
constexpr int kControlIdLength = 20; // fits MSH-10 in every HL7 version
const QLatin1String kNhsNumberAuthority("NHS&2.16.840.1.113883.2.1.4.1&ISO");

// A coded element as OBX-3 / OBX-6 write it: identifier ^ text ^ coding system.
struct Code
{
    const char* id;
    const char* text;
};

// What a vital sign is written with, indexed by VitalKind: its usual MDC code, its canonical unit in
// UCUM and that unit's MDC code.
struct VitalCoding
{
    Code code;
    const char* ucum;
    Code unit;
};

constexpr std::array<VitalCoding, core::kVitalKindCount> kVitalCodings{{
    {{"147842", "MDC_ECG_HEART_RATE"}, "/min", {"264864", "MDC_DIM_BEAT_PER_MIN"}}, // HeartRate
    {{"150456", "MDC_PULS_OXIM_SAT_O2"}, "%", {"262688", "MDC_DIM_PERCENT"}}, // SpO2
    {{"151562", "MDC_RESP_RATE"}, "/min", {"264928", "MDC_DIM_RESP_PER_MIN"}}, // RespRate
    {{"150021", "MDC_PRESS_BLD_NONINV_SYS"}, "mm[Hg]", {"266016", "MDC_DIM_MMHG"}}, // SystolicBp
    {{"150022", "MDC_PRESS_BLD_NONINV_DIA"}, "mm[Hg]", {"266016", "MDC_DIM_MMHG"}}, // DiastolicBp
    {{"150344", "MDC_TEMP"}, "Cel", {"268192", "MDC_DIM_DEGC"}}, // Temperature
}};

// The mnemonics of the other vital-sign codes ClinicalCodes::vitalFromMdc knows.
constexpr std::array<std::pair<int, const char*>, 9> kOtherVitalNames{{
    {149530, "MDC_PULS_OXIM_PULS_RATE"},
    {149522, "MDC_BLD_PULS_RATE_INV"},
    {149546, "MDC_PULS_RATE_NON_INV"},
    {151554, "MDC_CO2_RESP_RATE"},
    {188424, "MDC_TEMP_ORAL"},
    {188500, "MDC_TEMP_TYMP"},
    {150364, "MDC_TEMP_BODY"},
    {150033, "MDC_PRESS_BLD_ART_SYS"},
    {150034, "MDC_PRESS_BLD_ART_DIA"},
}};

// The MDC units of the UCUM units waveforms come in.
constexpr std::array<std::pair<const char*, Code>, 3> kWaveUnits{{
    {"mV", {"266418", "MDC_DIM_MILLI_VOLT"}},
    {"uV", {"266419", "MDC_DIM_MICRO_VOLT"}},
    {"V", {"266400", "MDC_DIM_VOLT"}},
}};

constexpr Code kSamplePeriodUnit{"264339", "MDC_DIM_MICRO_SEC"};

qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

class Writer
{
public:
    explicit Writer(const Hl7Encoder::Report& report)
        : m_report(report)
    { }

    QByteArray run(QString* error);

private:
    [[nodiscard]] QString esc(const QString& text) const { return m_encoding.escaped(text); }
    [[nodiscard]] QString coded(const Code& code, const QString& system) const;
    bool fail(const QString& why);
    bool checkPatient();
    bool writeVitals();
    bool writeWaves();
    void noteTime(core::Timestamp t);
    // One OBX segment (with its CR) appended to m_obx: OBX-1 numbered, OBX-11 "F" (final).
    void addObx(const char* valueType, const QString& observation, const QString& path, const QString& value,
        const QString& unit, const QString& time);

    const Hl7Encoder::Report& m_report;
    Hl7Encoding m_encoding;
    QString m_error;
    QString m_obx; // the OBX segments, each ending with CR
    int m_obxCount = 0;
    core::Timestamp m_first = std::numeric_limits<core::Timestamp>::max();
    core::Timestamp m_last = std::numeric_limits<core::Timestamp>::min();
};

QString Writer::coded(const Code& code, const QString& system) const
{
    return QLatin1String(code.id) + m_encoding.component + QLatin1String(code.text) + m_encoding.component + system;
}

bool Writer::fail(const QString& why)
{
    m_error = why;
    return false;
}

void Writer::noteTime(core::Timestamp t)
{
    m_first = std::min(m_first, t);
    m_last = std::max(m_last, t);
}

void Writer::addObx(const char* valueType, const QString& observation, const QString& path, const QString& value,
    const QString& unit, const QString& time)
{
    QStringList fields(15); // OBX, OBX-1 … OBX-14
    fields[0] = QStringLiteral("OBX");
    fields[1] = QString::number(++m_obxCount);
    fields[2] = QLatin1String(valueType);
    fields[3] = observation;
    fields[4] = path;
    fields[5] = value;
    fields[6] = unit;
    fields[11] = QStringLiteral("F");
    fields[14] = time;
    while (fields.back().isEmpty())
        fields.removeLast();
    m_obx += fields.join(m_encoding.field) + u'\r';
}

bool Writer::checkPatient()
{
    const QString& key = m_report.patient.id;
    if (key.trimmed().isEmpty())
        return fail(QStringLiteral("The patient has no key (PatientIdentity::id)."));
    if (key.trimmed() != key)
        return fail(QStringLiteral("The patient key starts or ends with white space, which HL7 readers drop."));
    if (key == u"\"\"")
        return fail(QStringLiteral("The patient key is the HL7 null \"\"."));
    return true;
}

bool Writer::writeVitals()
{
    const QChar c = m_encoding.component;
    int n = 0;
    for (const Hl7Encoder::Vital& vital : m_report.vitals) {
        const auto kind = static_cast<std::size_t>(vital.kind);
        if (kind >= kVitalCodings.size())
            return fail(QStringLiteral("A vital sign has an unknown kind."));
        if (!vital.measurement.isValid())
            return fail(QStringLiteral("A vital sign has no finite value or no time."));
        const VitalCoding& coding = kVitalCodings[kind];
        QString observation;
        if (vital.mdcCode == 0 || QString::number(vital.mdcCode) == QLatin1String(coding.code.id)) {
            observation = coded(coding.code, QStringLiteral("MDC"));
        } else {
            if (core::ClinicalCodes::vitalFromMdc(vital.mdcCode) != vital.kind)
                return fail(
                    QStringLiteral("A vital sign's MDC code %1 does not stand for its kind.").arg(vital.mdcCode));
            const auto named = std::find_if(kOtherVitalNames.begin(), kOtherVitalNames.end(),
                [&vital](const auto& entry) { return entry.first == vital.mdcCode; });
            const QLatin1String name(named != kOtherVitalNames.end() ? named->second : "");
            observation = QString::number(vital.mdcCode) + c + name + c + QStringLiteral("MDC");
        }
        observation += c + core::vitalLoinc(vital.kind) + c + c + QStringLiteral("LN");
        const QString ucum = QLatin1String(coding.ucum);
        const QString unit =
            esc(ucum) + c + esc(ucum) + c + QStringLiteral("UCUM") + c + coded(coding.unit, QStringLiteral("MDC"));
        addObx("NM", observation, QStringLiteral("1.2.1.") + QString::number(++n),
            QString::number(vital.measurement.value, 'f', QLocale::FloatingPointShortest), unit,
            Hl7Encoder::dateTime(vital.measurement.time));
        noteTime(vital.measurement.time);
    }
    return true;
}

bool Writer::writeWaves()
{
    const QChar c = m_encoding.component;
    int channel = 0;
    std::array<char, 32> digits{};
    for (const Hl7Encoder::Wave& wave : m_report.waves) {
        if (!core::ClinicalCodes::streamFromMdc(wave.mdcCode))
            return fail(QStringLiteral("MDC code %1 is not a waveform Vigil reads.").arg(wave.mdcCode));
        // (A single invalid sample would leave OBX-5 empty, which reads as no value at all.)
        if (wave.digital.empty() || (wave.digital.size() == 1 && wave.digital[0] == WaveCodec::kInvalid))
            return fail(QStringLiteral("A waveform (mdc:%1) has no samples.").arg(wave.mdcCode));
        if (!(wave.periodUs >= kMinPeriodUs && wave.periodUs <= kMaxPeriodUs))
            return fail(
                QStringLiteral("A waveform (mdc:%1) has a sample period outside 1 µs … 1 h.").arg(wave.mdcCode));
        const std::optional<Hl7Encoder::DecimalScale> scale = Hl7Encoder::decimalScale(wave.factor, wave.origin);
        if (!scale)
            return fail(QStringLiteral("A waveform's calibration (mdc:%1) is not a decimal with at most %2 places.")
                            .arg(wave.mdcCode)
                            .arg(Hl7Encoder::kMaxDecimals));
        qint64 power = 1;
        for (int k = 0; k < scale->decimals; ++k)
            power *= 10;

        const QString path = QStringLiteral("1.1.") + QString::number(++channel) + QStringLiteral(".1");
        QString samples;
        samples.reserve(static_cast<qsizetype>(wave.digital.size()) * (scale->decimals + 5));
        bool firstSample = true;
        for (const qint32 d : wave.digital) {
            if (!firstSample)
                samples += c;
            firstSample = false;
            if (d == WaveCodec::kInvalid)
                continue; // an empty component: no sample
            const qint64 v = scale->offset + scale->multiplier * qint64(d);
            // Hl7Decoder keeps samples as qint32 above INT32_MIN (kInvalid).
            if (v <= qint64(std::numeric_limits<qint32>::min()) || v > qint64(std::numeric_limits<qint32>::max()))
                return fail(QStringLiteral("A waveform (mdc:%1) has a sample beyond 32 bits once scaled to %2 "
                                           "decimals.")
                                .arg(wave.mdcCode)
                                .arg(scale->decimals));
            // sign, whole part, '.', exactly `decimals` places
            const quint64 magnitude = v < 0 ? quint64(-v) : quint64(v);
            std::size_t at = digits.size();
            quint64 rest = magnitude;
            for (int k = 0; k < scale->decimals; ++k) {
                digits[--at] = char('0' + rest % 10);
                rest /= 10;
            }
            if (scale->decimals > 0)
                digits[--at] = '.';
            do {
                digits[--at] = char('0' + rest % 10);
                rest /= 10;
            } while (rest > 0);
            if (v < 0)
                digits[--at] = '-';
            samples += QLatin1String(digits.data() + at, qsizetype(digits.size() - at));
        }

        QString unit;
        if (!wave.unit.isEmpty()) {
            unit = esc(wave.unit) + c + esc(wave.unit) + c + QStringLiteral("UCUM");
            for (const auto& [ucum, mdc] : kWaveUnits) {
                if (wave.unit == QLatin1String(ucum))
                    unit += c + coded(mdc, QStringLiteral("MDC"));
            }
        }
        const QString observation = QString::number(wave.mdcCode) + c + esc(wave.mdcName) + c + QStringLiteral("MDC");
        addObx("NA", observation, path, samples, unit, Hl7Encoder::dateTime(wave.start));
        // The sample period, a facet of the wave, in µs (no conversion: the same double reads back).
        addObx("NM",
            QString::number(Hl7Decoder::kMdcAttrTimePdSamp) + c + QStringLiteral("MDC_ATTR_TIME_PD_SAMP") + c
                + QStringLiteral("MDC"),
            path + QStringLiteral(".1"), QString::number(wave.periodUs, 'f', QLocale::FloatingPointShortest),
            QStringLiteral("us") + c + QStringLiteral("us") + c + QStringLiteral("UCUM") + c
                + coded(kSamplePeriodUnit, QStringLiteral("MDC")),
            QString());
        noteTime(wave.start);
        noteTime(wave.start + std::llround(wave.periodUs * double(wave.digital.size() - 1)));
    }
    return true;
}

QByteArray Writer::run(QString* error)
{
    const auto failed = [&]() {
        if (error)
            *error = m_error;
        return QByteArray();
    };
    if (!checkPatient())
        return failed();
    if (m_report.vitals.empty() && m_report.waves.empty()) {
        m_error = QStringLiteral("The report has no observations (an ORU^R01 needs at least one).");
        return failed();
    }
    if (!writeWaves() || !writeVitals())
        return failed();

    const QChar f = m_encoding.field;
    const QChar c = m_encoding.component;
    const Hl7Encoder::Header& h = m_report.header;
    const core::PatientIdentity& patient = m_report.patient;

    QString controlId = h.controlId;
    if (controlId.isEmpty()) {
        QCryptographicHash hash(QCryptographicHash::Sha1);
        hash.addData(patient.id.toUtf8());
        hash.addData(QByteArrayView("\r"));
        hash.addData(m_obx.toUtf8());
        controlId = QString::fromLatin1(hash.result().toHex().left(kControlIdLength)).toUpper();
    }

    QString pid = QStringLiteral("PID") + f + QStringLiteral("1") + f + f + esc(patient.id) + c + c + c + c
        + QStringLiteral("PI");
    if (!patient.nhsNumber.isEmpty())
        pid +=
            m_encoding.repetition + esc(patient.nhsNumber) + c + c + c + kNhsNumberAuthority + c + QStringLiteral("NH");
    pid += f + f;
    if (!patient.familyName.isEmpty() || !patient.givenName.isEmpty())
        pid += esc(patient.familyName) + c + esc(patient.givenName) + c + c + c + c + c + QStringLiteral("L");
    pid += f + f;
    if (patient.birthDate.isValid())
        pid += patient.birthDate.toString(QStringLiteral("yyyyMMdd"));

    const QString msh = QStringLiteral("MSH") + f + m_encoding.encodingCharacters() + f + esc(h.sendingApplication) + f
        + esc(h.sendingFacility) + f + esc(h.receivingApplication) + f + esc(h.receivingFacility) + f
        + Hl7Encoder::dateTime(h.time != 0 ? h.time : core::nowUtc()) + f + f + QStringLiteral("ORU^R01^ORU_R01") + f
        + esc(controlId) + f + esc(h.processingId) + f + QStringLiteral("2.6") + f + f + f + QStringLiteral("AL") + f
        + QStringLiteral("NE") + f + f + QStringLiteral("UNICODE UTF-8") + f + f + f
        + QStringLiteral("IHE_PCD_001^IHE PCD^1.3.6.1.4.1.19376.1.6.1.1.1^ISO");
    const QString obr = QStringLiteral("OBR") + f + QStringLiteral("1") + f + f + esc(controlId) + c
        + esc(h.sendingApplication) + f + QStringLiteral("182777000^monitoring of patient^SCT") + f + f + f
        + Hl7Encoder::dateTime(m_first) + f + Hl7Encoder::dateTime(m_last);
    return (msh + u'\r' + pid + u'\r' + obr + u'\r' + m_obx).toUtf8();
}

} // namespace

QByteArray Hl7Encoder::observationReport(const Report& report, QString* error)
{
    return Writer(report).run(error);
}

std::optional<Hl7Encoder::DecimalScale> Hl7Encoder::decimalScale(double factor, double origin)
{
    if (!std::isfinite(factor) || !std::isfinite(origin) || factor == 0)
        return std::nullopt;
    // Below 2^31 the scaled factor and origin are exact integers in a double, and offset +
    // multiplier × digital stays far inside qint64.
    constexpr double kLimit = 2147483647.0;
    double power = 1;
    for (int decimals = 0; decimals <= kMaxDecimals; ++decimals, power *= 10) {
        const double m = factor * power;
        const double o = origin * power;
        if (std::abs(m) > kLimit || std::abs(o) > kLimit)
            return std::nullopt;
        const double mr = std::round(m);
        const double orr = std::round(o);
        // A relative tolerance of 1e-9 absorbs the binary representation of a decimal factor
        // (0.005 × 1000 is 5.000000000000000104) and nothing coarser.
        if (mr != 0 && std::abs(m - mr) <= 1e-9 * std::abs(mr)
            && std::abs(o - orr) <= 1e-9 * std::max(1.0, std::abs(orr)))
            return DecimalScale{decimals, qint64(mr), qint64(orr)};
    }
    return std::nullopt;
}

QString Hl7Encoder::dateTime(core::Timestamp t)
{
    const core::Timestamp rounded = floorDiv(t + kTimeResolutionUs / 2, kTimeResolutionUs) * kTimeResolutionUs;
    const qint64 seconds = floorDiv(rounded, core::kMicrosPerSecond);
    const qint64 fraction = (rounded - seconds * core::kMicrosPerSecond) / kTimeResolutionUs; // 0 … 9999
    QString text = QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc()).toString(QStringLiteral("yyyyMMddHHmmss"));
    if (fraction != 0)
        text += u'.' + QString::number(fraction).rightJustified(4, u'0');
    return text + QStringLiteral("+0000");
}

} // namespace vigil::codec
