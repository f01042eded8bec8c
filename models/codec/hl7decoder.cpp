#include "hl7decoder.h"

#include "core/clinicalcodes.h"
#include "core/nhsnumber.h"
#include "hl7datetime.h"
#include "hl7message.h"
#include "wavecodec.h"

#include <QHash>
#include <QPair>
#include <QSet>
#include <QVersionNumber>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>

namespace vigil::codec {

namespace {

using core::ClinicalCodes;

constexpr int kMaxSampleDecimals = 6;
constexpr int kMaxSampleDigits = 18; // fits a qint64 before the range check
constexpr double kMinPeriodUs = 1.0; // 1 MHz
constexpr double kMaxPeriodUs = 3600e6; // one sample an hour
// PID-3 / PID-5 repetitions looked at. Each repetition is found by scanning the field from its start,
// so a bound keeps hostile input (a field of a million '~') linear; real messages have a handful.
constexpr int kMaxRepetitions = 64;
const QLatin1String kNhsNumberOid("2.16.840.1.113883.2.1.4.1");

// A short code from the message (type, event, version, value type) that may be quoted in a problem
// text: letters, digits and . _ - only, at most 16 of them. Anything else is not quoted, so message
// content (patient data) cannot leak into logs or ACKs.
QString token(QStringView text)
{
    const QStringView t = text.trimmed();
    if (t.isEmpty())
        return QStringLiteral("(empty)");
    if (t.size() > 16)
        return QStringLiteral("(not shown)");
    for (const QChar c : t) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'0' && u <= u'9') || (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') || u == u'.'
            || u == u'_' || u == u'-';
        if (!ok)
            return QStringLiteral("(not shown)");
    }
    return t.toString();
}

bool isHl7Null(QStringView text)
{
    return text == u"\"\"";
}

// HL7 NM: optional sign, digits, optional decimal point and digits (no exponent, no "nan" / "inf").
// Returns the number of decimals, or -1 when `text` is not NM.
int nmDecimals(QStringView text)
{
    qsizetype i = 0;
    if (i < text.size() && (text[i] == u'+' || text[i] == u'-'))
        ++i;
    int digits = 0;
    int decimals = -1;
    for (; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c >= u'0' && c <= u'9') {
            ++digits;
            if (decimals >= 0)
                ++decimals;
        } else if (c == u'.' && decimals < 0) {
            decimals = 0;
        } else {
            return -1;
        }
    }
    if (digits == 0)
        return -1;
    return decimals < 0 ? 0 : decimals;
}

std::optional<double> parseNumber(QStringView text)
{
    const QStringView t = text.trimmed();
    if (nmDecimals(t) < 0)
        return std::nullopt;
    bool ok = false;
    const double v = t.toDouble(&ok);
    if (!ok || !std::isfinite(v))
        return std::nullopt;
    return v;
}

// What an OBX-3 (or the alternate code in OBX-3.4-6) identifies.
struct Coded
{
    int mdc = -1; // -1: no MDC code
    QString mdcName; // the MDC mnemonic (diagnostics only)
    QString loinc;
};

Coded identify(const Hl7Segment& obx)
{
    Coded coded;
    for (const int first : {1, 4}) {
        const QString system = obx.value(3, first + 2).trimmed();
        const QString code = obx.value(3, first).trimmed();
        if (system.compare(u"MDC", Qt::CaseInsensitive) == 0 && coded.mdc < 0) {
            bool ok = false;
            const int value = code.toInt(&ok);
            if (ok && value >= 0) {
                coded.mdc = value;
                coded.mdcName = obx.value(3, first + 1).trimmed();
            }
        } else if (system.compare(u"LN", Qt::CaseInsensitive) == 0 && coded.loinc.isEmpty()) {
            coded.loinc = code;
        }
    }
    return coded;
}

// The OBX-6 spellings to try: identifier and text of the unit and of its alternate
// ("266016^MDC_DIM_MMHG^MDC", "/min^/min^UCUM", "mm[Hg]").
QStringList unitCandidates(const Hl7Segment& obx)
{
    QStringList units;
    for (const int component : {1, 2, 4, 5}) {
        const QString u = obx.value(6, component).trimmed();
        if (!u.isEmpty() && !units.contains(u))
            units.append(u);
    }
    return units;
}

class Decoding
{
public:
    Decoding(const Hl7Message& message, std::vector<Hl7Error>* errors)
        : m_message(message)
        , m_errors(errors)
    {
        m_batch.messageId = message.controlId();
    }

    InboundBatch run();

private:
    // A sample period (or rate) observation: MDC_ATTR_TIME_PD_SAMP / MDC_ATTR_SAMP_RATE.
    struct Timing
    {
        int obrGroup = 0;
        QString path; // OBX-4
        double periodUs = 0; // <= 0: present but unusable
    };

    void problem(int code, const QString& segment, int sequence, int field, const QString& text);
    void reject(int code, int field, const QString& text);
    void decodeOru();
    void decodeAdt();
    std::optional<core::PatientIdentity> readPatient(const Hl7Segment& pid, int occurrence);
    void addPatient(const core::PatientIdentity& identity);
    [[nodiscard]] std::optional<Timing> timingOf(const Hl7Segment& obx, const Coded& coded) const;
    void collectTimings();
    [[nodiscard]] const Timing* timingFor(int obrGroup, const QString& wavePath) const;
    std::optional<core::Timestamp> observationTime(const Hl7Segment& obx, int obxIndex);
    bool patientReady(int obxIndex);
    QString sourceIdFor(const Hl7Segment& obx, int obxIndex);
    void readVital(
        const Hl7Segment& obx, int obxIndex, core::VitalKind kind, const QString& code, const QString& valueType);
    void readWave(const Hl7Segment& obx, int obxIndex, const Coded& coded);

    const Hl7Message& m_message;
    std::vector<Hl7Error>* m_errors;
    InboundBatch m_batch;

    // ORU state while walking the segments.
    std::vector<Timing> m_timings;
    bool m_pidSeen = false;
    bool m_noPidReported = false;
    QString m_patientKey; // of the PID in force ("": none usable)
    int m_obrGroup = 0; // OBRs seen so far
    std::optional<core::Timestamp> m_obrTime;
    bool m_obrTimeBad = false;
    bool m_obrTimeBadReported = false;
    QSet<QString> m_usedSourceKeys;
    QSet<QString> m_patientIds; // of m_batch.patients
    // Indexes into m_timings (the first one of each key wins): by OBR group and OBX-4, sorted so
    // that a wave's facets ("<wave path>.n") follow its path; by OBR group and channel (the first
    // three levels of a four-level metric path).
    std::map<std::pair<int, QString>, std::size_t> m_timingByPath;
    QHash<QPair<int, QString>, std::size_t> m_timingByChannel;
};

void Decoding::problem(int code, const QString& segment, int sequence, int field, const QString& text)
{
    Hl7Error error;
    error.code = code;
    error.segment = segment;
    error.sequence = sequence;
    error.field = field;
    error.text = text;
    m_batch.problems.push_back(DecodeProblem{error.location(), text});
    if (m_errors)
        m_errors->push_back(std::move(error));
}

void Decoding::reject(int code, int field, const QString& text)
{
    m_batch.rejected = true;
    problem(code, QStringLiteral("MSH"), 1, field, text);
}

InboundBatch Decoding::run()
{
    const QString type = m_message.messageType().trimmed().toUpper();
    const QString event = m_message.triggerEvent().trimmed().toUpper();
    const QString version = m_message.version().trimmed();
    const QVersionNumber number = m_message.versionNumber();

    if (type.isEmpty()) {
        reject(Hl7Error::RequiredFieldMissing, 9, QStringLiteral("MSH-9 (message type) is missing."));
    } else if (type != u"ORU" && type != u"ADT") {
        reject(Hl7Error::UnsupportedMessageType, 9,
            QStringLiteral("Message type %1 is not supported: Vigil accepts ORU and ADT.").arg(token(type)));
    } else if (version.isEmpty()) {
        reject(Hl7Error::RequiredFieldMissing, 12, QStringLiteral("MSH-12 (version ID) is missing."));
    } else if (number.isNull() || number.majorVersion() != 2 || number < QVersionNumber(2, 3)) {
        reject(Hl7Error::UnsupportedVersionId, 12,
            QStringLiteral("HL7 version %1 is not supported: Vigil accepts 2.3 and later.").arg(token(version)));
    } else if (event.isEmpty()) {
        reject(Hl7Error::RequiredFieldMissing, 9, QStringLiteral("MSH-9.2 (trigger event) is missing."));
    } else if (m_batch.messageId.trimmed().isEmpty()) {
        reject(Hl7Error::RequiredFieldMissing, 10, QStringLiteral("MSH-10 (message control ID) is missing."));
    } else if (type == u"ORU") {
        if (event == u"R01" || event == u"R30" || event == u"R31" || event == u"R32") {
            decodeOru();
        } else {
            problem(Hl7Error::UnsupportedEventCode, QStringLiteral("MSH"), 1, 9,
                QStringLiteral("ORU^%1 is not supported: Vigil reads ORU^R01, R30, R31 and R32.").arg(token(event)));
        }
    } else {
        decodeAdt();
    }
    return std::move(m_batch);
}

// ---- Patients ----

std::optional<core::PatientIdentity> Decoding::readPatient(const Hl7Segment& pid, int occurrence)
{
    const QString pidName = QStringLiteral("PID");
    core::PatientIdentity patient;
    bool nhsReported = false;
    for (int r = 1, n = std::min(pid.repetitionCount(3), kMaxRepetitions); r <= n; ++r) {
        const QString id = pid.value(3, 1, 1, r).trimmed();
        if (id.isEmpty() || isHl7Null(id))
            continue;
        const QString authority = pid.value(3, 4, 1, r).trimmed();
        const QString authorityOid = pid.value(3, 4, 2, r).trimmed();
        const QString idType = pid.value(3, 5, 1, r).trimmed();
        const bool isNhs = authority.compare(u"NHS", Qt::CaseInsensitive) == 0 || authorityOid == kNhsNumberOid
            || idType.compare(u"NH", Qt::CaseInsensitive) == 0;
        if (isNhs) {
            if (!patient.nhsNumber.isEmpty())
                continue;
            if (core::NhsNumber::isValid(id)) {
                patient.nhsNumber = core::NhsNumber::normalized(id);
            } else if (!nhsReported) {
                nhsReported = true;
                problem(Hl7Error::DataTypeError, pidName, occurrence, 3,
                    QStringLiteral("PID-3 holds an NHS Number that is not ten digits with a valid check digit; "
                                   "it was not used."));
            }
            continue;
        }
        if (patient.id.isEmpty())
            patient.id = id;
    }
    if (patient.id.isEmpty()) {
        problem(Hl7Error::RequiredFieldMissing, pidName, occurrence, 3,
            QStringLiteral("PID-3 has no patient identifier Vigil can use as a key (an NHS Number alone is not "
                           "one); this patient's data were not used."));
        return std::nullopt;
    }

    int name = 0;
    const int names = std::min(pid.repetitionCount(5), kMaxRepetitions);
    for (int r = 1; r <= names && name == 0; ++r) {
        if (pid.value(5, 7, 1, r).trimmed().compare(u"L", Qt::CaseInsensitive) == 0)
            name = r;
    }
    for (int r = 1; r <= names && name == 0; ++r) {
        if (!pid.value(5, 1, 1, r).trimmed().isEmpty() || !pid.value(5, 2, 1, r).trimmed().isEmpty())
            name = r;
    }
    if (name > 0) {
        const QString family = pid.value(5, 1, 1, name).trimmed();
        const QString given = pid.value(5, 2, 1, name).trimmed();
        patient.familyName = isHl7Null(family) ? QString() : family;
        patient.givenName = isHl7Null(given) ? QString() : given;
    }

    const QString birth = pid.value(7).trimmed();
    if (!birth.isEmpty() && !isHl7Null(birth)) {
        const std::optional<Hl7DateTime> dt = Hl7DateTime::parse(birth);
        if (!dt) {
            problem(Hl7Error::DataTypeError, pidName, occurrence, 7,
                QStringLiteral("PID-7 (date of birth) is not a valid HL7 date; it was not used."));
        } else if (dt->precision >= Hl7DateTime::Precision::Day) {
            patient.birthDate = dt->date;
        }
    }
    return patient;
}

void Decoding::addPatient(const core::PatientIdentity& identity)
{
    if (m_patientIds.contains(identity.id))
        return;
    m_patientIds.insert(identity.id);
    m_batch.patients.push_back(identity);
}

// ---- ADT ----

void Decoding::decodeAdt()
{
    const QString event = m_message.triggerEvent().trimmed().toUpper();
    static const QStringList supported{QStringLiteral("A01"), QStringLiteral("A04"), QStringLiteral("A05"),
        QStringLiteral("A08"), QStringLiteral("A28"), QStringLiteral("A31")};
    if (!supported.contains(event)) {
        problem(Hl7Error::UnsupportedEventCode, QStringLiteral("MSH"), 1, 9,
            QStringLiteral("ADT^%1 is not supported (Vigil reads A01, A04, A05, A08, A28 and A31); nothing in it was "
                           "applied.")
                .arg(token(event)));
        return;
    }
    const Hl7Segment* pid = m_message.segment(u"PID");
    if (!pid) {
        problem(Hl7Error::SegmentSequenceError, QStringLiteral("PID"), 0, 0,
            QStringLiteral("The message has no PID segment."));
        return;
    }
    if (const std::optional<core::PatientIdentity> patient = readPatient(*pid, 1))
        addPatient(*patient);
}

// ---- ORU ----

std::optional<Decoding::Timing> Decoding::timingOf(const Hl7Segment& obx, const Coded& coded) const
{
    const bool isPeriod =
        coded.mdc == Hl7Decoder::kMdcAttrTimePdSamp || (coded.mdc <= 0 && coded.mdcName == u"MDC_ATTR_TIME_PD_SAMP");
    const bool isRate = coded.mdc == Hl7Decoder::kMdcAttrSampRate && coded.mdcName == u"MDC_ATTR_SAMP_RATE";
    if (!isPeriod && !isRate)
        return std::nullopt;
    Timing timing;
    timing.path = obx.text(4).trimmed();
    const std::optional<double> value = parseNumber(obx.value(5));
    if (!value || !(*value > 0))
        return timing;
    for (const QString& unit : unitCandidates(obx)) {
        if (isPeriod) {
            if (const auto us = ClinicalCodes::durationToMicroseconds(*value, unit)) {
                timing.periodUs = *us;
                break;
            }
        } else if (const auto hz = ClinicalCodes::frequencyToHertz(*value, unit)) {
            timing.periodUs = 1e6 / *hz;
            break;
        }
    }
    if (!(timing.periodUs >= kMinPeriodUs && timing.periodUs <= kMaxPeriodUs))
        timing.periodUs = 0;
    return timing;
}

void Decoding::collectTimings()
{
    int obrGroup = 0;
    for (const Hl7Segment& s : m_message.segments()) {
        if (s.is(u"OBR")) {
            ++obrGroup;
        } else if (s.is(u"OBX")) {
            const QString status = s.value(11).trimmed().toUpper();
            if (status == u"X" || status == u"W" || status == u"D" || status == u"N")
                continue;
            if (std::optional<Timing> timing = timingOf(s, identify(s))) {
                timing->obrGroup = obrGroup;
                const std::size_t index = m_timings.size();
                m_timingByPath.emplace(std::make_pair(obrGroup, timing->path), index);
                if (timing->path.count(u'.') == 3) {
                    const auto channel = qMakePair(obrGroup, timing->path.section(u'.', 0, 2));
                    if (!m_timingByChannel.contains(channel))
                        m_timingByChannel.insert(channel, index);
                }
                m_timings.push_back(std::move(*timing));
            }
        }
    }
}

const Decoding::Timing* Decoding::timingFor(int obrGroup, const QString& wavePath) const
{
    if (wavePath.isEmpty())
        return nullptr;
    // A facet of the wave: the first path after "<wave path>." in sort order, if it has that prefix.
    const QString childPrefix = wavePath + u'.';
    const auto child = m_timingByPath.lower_bound(std::make_pair(obrGroup, childPrefix));
    if (child != m_timingByPath.end() && child->first.first == obrGroup && child->first.second.startsWith(childPrefix))
        return &m_timings[child->second];
    // A metric of the same channel.
    if (wavePath.count(u'.') != 3)
        return nullptr;
    const auto sibling = m_timingByChannel.constFind(qMakePair(obrGroup, wavePath.section(u'.', 0, 2)));
    if (sibling == m_timingByChannel.cend() || m_timings[*sibling].path == wavePath)
        return nullptr;
    return &m_timings[*sibling];
}

std::optional<core::Timestamp> Decoding::observationTime(const Hl7Segment& obx, int obxIndex)
{
    const QString own = obx.value(14).trimmed();
    if (!own.isEmpty() && !isHl7Null(own)) {
        if (const std::optional<Hl7DateTime> dt = Hl7DateTime::parse(own))
            return dt->utc;
        problem(Hl7Error::DataTypeError, QStringLiteral("OBX"), obxIndex, 14,
            QStringLiteral("OBX-14 (observation time) is not a valid HL7 date/time; the observation was not used."));
        return std::nullopt;
    }
    if (m_obrTime)
        return m_obrTime;
    if (m_obrTimeBad) {
        if (!m_obrTimeBadReported) {
            m_obrTimeBadReported = true;
            problem(Hl7Error::DataTypeError, QStringLiteral("OBR"), m_obrGroup, 7,
                QStringLiteral("OBR-7 (observation time) is not a valid HL7 date/time; the observations that "
                               "depend on it were not used."));
        }
        return std::nullopt;
    }
    problem(Hl7Error::RequiredFieldMissing, QStringLiteral("OBX"), obxIndex, 14,
        QStringLiteral("The observation has no time (neither OBX-14 nor OBR-7); it was not used."));
    return std::nullopt;
}

bool Decoding::patientReady(int obxIndex)
{
    if (!m_patientKey.isEmpty())
        return true;
    if (!m_pidSeen && !m_noPidReported) {
        m_noPidReported = true;
        problem(Hl7Error::SegmentSequenceError, QStringLiteral("OBX"), obxIndex, 0,
            QStringLiteral("Observations come before any PID segment, so their patient is unknown; they were not "
                           "used."));
    }
    return false; // a PID without a usable key has been reported already
}

QString Decoding::sourceIdFor(const Hl7Segment& obx, int obxIndex)
{
    QString key = obx.text(4).trimmed();
    if (key.isEmpty())
        key = QStringLiteral("obx") + QString::number(obxIndex);
    if (m_usedSourceKeys.contains(key))
        key += u'#' + QString::number(obxIndex);
    m_usedSourceKeys.insert(key);
    return m_batch.messageId + u'/' + key;
}

void Decoding::readVital(
    const Hl7Segment& obx, int obxIndex, core::VitalKind kind, const QString& code, const QString& valueType)
{
    const QString obxName = QStringLiteral("OBX");
    std::optional<double> value;
    if (valueType == u"NM") {
        value = parseNumber(obx.value(5));
    } else { // SN: comparator ^ num1 [^ separator ^ num2]; only a plain "= num1" is a reading
        const QString comparator = obx.value(5, 1).trimmed();
        if ((comparator.isEmpty() || comparator == u"=") && obx.value(5, 3).trimmed().isEmpty()
            && obx.value(5, 4).trimmed().isEmpty())
            value = parseNumber(obx.value(5, 2));
    }
    if (!value) {
        problem(Hl7Error::DataTypeError, obxName, obxIndex, 5,
            QStringLiteral("OBX-5 of a vital sign (%1) is not a plain number; it was not used.").arg(code));
        return;
    }
    std::optional<double> canonical;
    const QStringList units = unitCandidates(obx);
    if (units.isEmpty())
        canonical = ClinicalCodes::toCanonical(kind, *value, QString());
    for (const QString& unit : units) {
        canonical = ClinicalCodes::toCanonical(kind, *value, unit);
        if (canonical)
            break;
    }
    if (!canonical || !std::isfinite(*canonical)) {
        problem(Hl7Error::TableValueNotFound, obxName, obxIndex, 6,
            QStringLiteral("OBX-6 is not a unit Vigil can convert for this vital sign (%1); it was not used.")
                .arg(code));
        return;
    }
    const std::optional<core::Timestamp> time = observationTime(obx, obxIndex);
    if (!time || !patientReady(obxIndex))
        return;
    VitalReading reading;
    reading.patientKey = m_patientKey;
    reading.sourceId = sourceIdFor(obx, obxIndex);
    reading.kind = kind;
    reading.measurement.value = *canonical;
    reading.measurement.time = *time;
    reading.code = code;
    m_batch.vitals.push_back(std::move(reading));
}

void Decoding::readWave(const Hl7Segment& obx, int obxIndex, const Coded& coded)
{
    const QString obxName = QStringLiteral("OBX");
    const QString code = QStringLiteral("mdc:") + QString::number(coded.mdc);
    if (obx.repetitionCount(5) > 1) {
        problem(Hl7Error::DataTypeError, obxName, obxIndex, 5,
            QStringLiteral("The waveform (%1) is a multi-dimensional NA array, which Vigil does not read; it was "
                           "not used.")
                .arg(code));
        return;
    }
    // Two passes over the components: the largest number of decimals sets the scale, then every
    // sample is converted exactly from its digits.
    const QStringView array = obx.rawRepetition(5, 1);
    const QChar separator = obx.encoding().component; // never null: MSH-2 always gives it
    const auto pieces = [&]() { return array.tokenize(separator); };
    int decimals = 0;
    qsizetype count = 0;
    for (const QStringView raw : pieces()) {
        ++count;
        const QStringView sample = raw.trimmed();
        if (sample.isEmpty())
            continue;
        const int d = nmDecimals(sample);
        if (d < 0 || d > kMaxSampleDecimals) {
            problem(Hl7Error::DataTypeError, obxName, obxIndex, 5,
                QStringLiteral("The waveform (%1) has a sample that is not a number with at most %2 decimals; it "
                               "was not used.")
                    .arg(code)
                    .arg(kMaxSampleDecimals));
            return;
        }
        decimals = std::max(decimals, d);
    }
    std::vector<qint32> digital;
    digital.reserve(std::size_t(count));
    for (const QStringView raw : pieces()) {
        const QStringView sample = raw.trimmed();
        if (sample.isEmpty()) {
            digital.push_back(WaveCodec::kInvalid);
            continue;
        }
        qint64 v = 0;
        int digits = 0;
        int own = -1; // decimals seen so far (-1: before the point)
        bool negative = false;
        for (const QChar c : sample) {
            if (c == u'-') {
                negative = true;
            } else if (c == u'.') {
                own = 0;
            } else if (c != u'+') {
                if (v != 0 || c != u'0')
                    ++digits;
                v = v * 10 + (c.unicode() - u'0');
                if (own >= 0)
                    ++own;
            }
            if (digits > kMaxSampleDigits)
                break;
        }
        for (int k = std::max(own, 0); k < decimals && digits <= kMaxSampleDigits; ++k) {
            v *= 10;
            ++digits;
        }
        if (negative)
            v = -v;
        if (digits > kMaxSampleDigits || v <= qint64(std::numeric_limits<qint32>::min())
            || v > qint64(std::numeric_limits<qint32>::max())) {
            problem(Hl7Error::DataTypeError, obxName, obxIndex, 5,
                QStringLiteral("The waveform (%1) has a sample too large to keep exactly; it was not used.").arg(code));
            return;
        }
        digital.push_back(qint32(v));
    }

    const QString path = obx.text(4).trimmed();
    const Timing* timing = timingFor(m_obrGroup, path);
    if (!timing) {
        problem(Hl7Error::RequiredFieldMissing, obxName, obxIndex, 0,
            QStringLiteral("The waveform (%1) has no sample period (no MDC_ATTR_TIME_PD_SAMP or MDC_ATTR_SAMP_RATE "
                           "observation in its channel); it was not used.")
                .arg(code));
        return;
    }
    if (!(timing->periodUs > 0)) {
        problem(Hl7Error::DataTypeError, obxName, obxIndex, 0,
            QStringLiteral("The sample period of the waveform (%1) is not a usable time or rate; the waveform was "
                           "not used.")
                .arg(code));
        return;
    }
    const std::optional<core::Timestamp> time = observationTime(obx, obxIndex);
    if (!time || !patientReady(obxIndex))
        return;

    WaveSegment wave;
    wave.patientKey = m_patientKey;
    wave.sourceId = sourceIdFor(obx, obxIndex);
    wave.mdcCode = coded.mdc;
    wave.codeText = coded.mdcName;
    wave.start = *time;
    wave.periodUs = timing->periodUs;
    wave.origin = 0;
    wave.factor = std::pow(10.0, -decimals);
    const QString unitName = obx.value(6, 2).trimmed();
    wave.unit = unitName.isEmpty() ? obx.value(6, 1).trimmed() : unitName;
    wave.digital = std::move(digital);
    m_batch.waves.push_back(std::move(wave));
}

void Decoding::decodeOru()
{
    collectTimings();
    int pidCount = 0;
    int obxCount = 0;
    bool obrBeforeReported = false;
    for (const Hl7Segment& s : m_message.segments()) {
        if (s.is(u"PID")) {
            ++pidCount;
            m_pidSeen = true;
            const std::optional<core::PatientIdentity> patient = readPatient(s, pidCount);
            m_patientKey = patient ? patient->id : QString();
            if (patient)
                addPatient(*patient);
            continue;
        }
        if (s.is(u"OBR")) {
            ++m_obrGroup;
            m_obrTime.reset();
            m_obrTimeBad = false;
            m_obrTimeBadReported = false;
            const QString time = s.value(7).trimmed();
            if (!time.isEmpty() && !isHl7Null(time)) {
                if (const std::optional<Hl7DateTime> dt = Hl7DateTime::parse(time))
                    m_obrTime = dt->utc;
                else
                    m_obrTimeBad = true;
            }
            continue;
        }
        if (!s.is(u"OBX"))
            continue;
        const int n = ++obxCount;
        const QString obxName = QStringLiteral("OBX");
        if (m_obrGroup == 0) {
            if (!obrBeforeReported) {
                obrBeforeReported = true;
                problem(Hl7Error::SegmentSequenceError, obxName, n, 0,
                    QStringLiteral("OBX segments come before any OBR segment; they were not used."));
            }
            continue;
        }
        const QString status = s.value(11).trimmed().toUpper();
        if (status == u"X" || status == u"W" || status == u"D" || status == u"N")
            continue; // cannot obtain, wrong, deleted, not asked
        const QString valueType = s.value(2).trimmed().toUpper();
        if (s.isEmpty(5))
            continue; // a container (MDS, VMD, channel) or an observation without a value
        if (valueType.isEmpty()) {
            problem(Hl7Error::RequiredFieldMissing, obxName, n, 2,
                QStringLiteral("OBX-2 (value type) is missing although OBX-5 has a value; the observation was not "
                               "used."));
            continue;
        }
        const Coded coded = identify(s);
        if (timingOf(s, coded))
            continue; // read by collectTimings()

        if (valueType == u"NA") {
            if (coded.mdc >= 0 && ClinicalCodes::streamFromMdc(coded.mdc))
                readWave(s, n, coded);
            continue;
        }

        std::optional<core::VitalKind> kind;
        QString code;
        if (coded.mdc >= 0) {
            kind = ClinicalCodes::vitalFromMdc(coded.mdc);
            if (kind)
                code = QStringLiteral("mdc:") + QString::number(coded.mdc);
        }
        if (!kind && !coded.loinc.isEmpty()) {
            kind = ClinicalCodes::vitalFromLoinc(coded.loinc);
            if (kind)
                code = QStringLiteral("loinc:") + token(coded.loinc);
        }
        if (!kind)
            continue; // not a vital sign Vigil tracks: ignored quietly

        if (valueType != u"NM" && valueType != u"SN") {
            problem(Hl7Error::DataTypeError, obxName, n, 2,
                QStringLiteral("A vital sign (%1) came as value type %2; Vigil reads NM and SN. It was not used.")
                    .arg(code, token(valueType)));
            continue;
        }
        readVital(s, n, *kind, code, valueType);
    }
}

} // namespace

InboundBatch Hl7Decoder::decode(const Hl7Message& message, std::vector<Hl7Error>* errors)
{
    if (errors)
        errors->clear();
    return Decoding(message, errors).run();
}

} // namespace vigil::codec
