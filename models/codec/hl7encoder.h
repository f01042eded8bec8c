#pragma once

#include "core/patientidentity.h"
#include "core/timestamp.h"
#include "core/vitalsigns.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <span>
#include <vector>

namespace vigil::codec {

// Writes HL7 v2.6 IHE PCD-01 ORU^R01 messages (one patient, one OBR) that Hl7Decoder reads back
// exactly, for publishers (vigil-sim over MLLP). UTF-8 (MSH-18 "UNICODE UTF-8"), the standard
// delimiters, every text field escaped (Hl7Encoding::escaped); segments end with CR; not MLLP-framed.
//
// - MSH-10: Header::controlId, or, when that is empty, 20 hexadecimal characters of a SHA-1 over the
//   patient key and the OBX segments: the same observations always give the same control ID (and,
//   with the OBX-4 paths below, the same Hl7Decoder source IDs), so a receiver recognises a re-sent
//   or re-encoded message as a repeat, and different observations give different IDs.
// - PID-3: the patient key (CX-1, identifier type PI), then the NHS Number (assigning authority NHS
//   with its OID, type NH) when there is one; PID-5 family^given, type L; PID-7 the birth date.
//   The NHS Number is written as given (the decoder checks it).
// - OBR-7 / OBR-8: the first and last observation time; OBR-3 the control ID.
// - Vital signs: NM OBX, OBX-3 the MDC code (LOINC as the alternate code), OBX-4 "1.2.1.<n>", OBX-5
//   the value in the kind's canonical unit as the shortest decimal that reads back as the same double,
//   OBX-6 that unit in UCUM (the MDC unit as the alternate), OBX-14 the time.
// - Waveforms: NA OBX at OBX-4 "1.1.<n>.1" (MDS 1, VMD 1, channel n), OBX-5 the samples, OBX-6 the
//   unit in UCUM (the MDC unit as the alternate where known; none for an empty unit), OBX-14 the time
//   of the first sample; followed by the facet "1.1.<n>.1.1", MDC_ATTR_TIME_PD_SAMP in µs.
//   HL7 NA samples are decimals, which Hl7Decoder reads exactly as digital = value × 10^decimals,
//   factor 10^-decimals, origin 0. So a wave's calibration must be decimal (decimalScale()): with
//   physical = (offset + multiplier × digital) × 10^-decimals, every sample is written with exactly
//   `decimals` places and reads back as offset + multiplier × digital. A wave whose factor is a power
//   of ten (10^0 … 10^-6) and whose origin is 0 comes back with the same digital values, factor and
//   origin; any other decimal calibration comes back with the same physical values (ECG at
//   0.005 mV per unit: digital × 5 at factor 0.001). WaveCodec::kInvalid is written as an empty
//   component (the decoder reads it back as kInvalid). A wave of nothing but invalid samples has no
//   decimals to carry: it reads back with factor 1.
// - Times (MSH-7, OBR-7/8, OBX-14) are UTC DTM with four decimals of a second at most, HL7's finest:
//   they are rounded to the nearest 100 µs (kTimeResolutionUs).
//
// Nothing is logged; the error texts never quote patient data.
class Hl7Encoder final
{
public:
    struct Header
    {
        QString controlId; // MSH-10; empty: derived from the content (see above)
        core::Timestamp time = 0; // MSH-7; 0: now
        QString sendingApplication = QStringLiteral("VIGIL"); // MSH-3
        QString sendingFacility; // MSH-4
        QString receivingApplication; // MSH-5
        QString receivingFacility; // MSH-6
        QString processingId = QStringLiteral("P"); // MSH-11: P production, T training, D debugging
    };

    struct Vital
    {
        core::VitalKind kind = core::VitalKind::HeartRate;
        core::Measurement measurement; // in the kind's canonical unit (core::vitalUnit)
        int mdcCode = 0; // 0: the kind's usual code (HR 147842, SpO2 150456, RR 151562, NIBP 150021 /
                         // 150022, temperature 150344); else one ClinicalCodes::vitalFromMdc maps to `kind`
    };

    struct Wave
    {
        int mdcCode = 0; // a waveform code ClinicalCodes::streamFromMdc knows (ECG 131330, pleth 150452 …)
        QString mdcName; // e.g. "MDC_ECG_ELEC_POTL_II"; may be empty
        core::Timestamp start = 0; // time of the first sample
        double periodUs = 0; // 1 µs … 1 h (what the decoder accepts)
        double origin = 0; // physical = origin + factor × digital
        double factor = 1;
        QString unit; // UCUM ("mV"); empty for a relative (dimensionless) wave
        std::span<const qint32> digital; // WaveCodec::kInvalid: no sample
    };

    struct Report
    {
        Header header;
        core::PatientIdentity patient; // id (the key) required
        std::vector<Vital> vitals;
        std::vector<Wave> waves;
    };

    // physical = (offset + multiplier × digital) × 10^-decimals
    struct DecimalScale
    {
        int decimals = 0;
        qint64 multiplier = 1;
        qint64 offset = 0;
    };

    static constexpr int kMaxDecimals = 6; // as Hl7Decoder reads
    static constexpr core::Timestamp kTimeResolutionUs = 100;

    // The message, or empty with `error` set: no patient key (or one with leading / trailing white
    // space, or the HL7 null), no observations, a vital sign that is not finite or whose code does
    // not fit its kind, a wave with no samples, an unusable period or code, a calibration that is not
    // decimal, or a sample whose scaled value does not fit 32 bits.
    [[nodiscard]] static QByteArray observationReport(const Report& report, QString* error = nullptr);

    // The smallest number of decimals (0 … kMaxDecimals) that writes factor and origin exactly, or
    // nullopt (factor 0 or not finite, 1/3, 1/204.8 …).
    [[nodiscard]] static std::optional<DecimalScale> decimalScale(double factor, double origin);

    // HL7 DTM in UTC, "YYYYMMDDHHMMSS[.SSSS]+0000", rounded to kTimeResolutionUs.
    [[nodiscard]] static QString dateTime(core::Timestamp t);
};

} // namespace vigil::codec
