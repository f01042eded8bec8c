#pragma once

#include "edfannotation.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace vigil::codec {

// Writes an EDF+ file (EDF+C, continuous) with EDFlib: one ordinary signal per waveform, the
// annotations as TALs in EDFlib's "EDF Annotations" signals.
//
// Samples are written exactly: the caller's digital integers are EDF's digital values, unchanged.
// Every signal gets the full 16-bit digital range (-32768..32767) and the physical range that the
// caller's calibration (physical = (digital - baseline) / gain) gives at those two ends, so any
// value that fits 16 bits is stored as is. A value that does not fit is an error, never clipped
// (the cache keeps 32-bit values; EDF cannot hold them). The physical minimum and maximum are
// 8-character header fields: a calibration they cannot spell exactly is rounded, with a warning
// (the samples stay exact; only their conversion to physical units is approximate).
//
// Gaps: EDF has no "no sample" value. A missing sample (WaveCodec::kInvalid) is written as the
// digital minimum, -32768, and each run of them gets an annotation "gap <label>" with its duration,
// so the file stays continuous (EDF+C, readable by every EDF reader). A real value of -32768 in a
// signal that also has gaps would be ambiguous and is refused. Signals shorter than the longest one
// are padded the same way at the end (the last data record is filled out likewise).
//
// Data records: the shortest whole number of seconds (1..60) in which every signal has a whole
// number of samples (1 s for 500, 360, 250, 125, 50 Hz); no such duration is an error.
//
// Annotations: onsets and durations are kept to EDFlib's resolution of 100 µs; EDFlib cuts texts
// longer than 40 bytes. The writer reserves enough annotation signals per record for all of them.
//
// The patient identification field is written from `patient` as the caller gives it: for a
// pseudonymised export, give the pseudonym as the code and leave the name and birth date empty.
// EDF's header fields are printable ASCII: other characters are replaced ("µ" by "u", the rest by
// "_"). EDFlib's open and close are not thread-safe; EdfRecord serialises its own calls, and a file
// is written by one thread: do not write EDF files from several threads at once.
class EdfWriter final
{
    Q_DECLARE_TR_FUNCTIONS(vigil::codec::EdfWriter)
public:
    static constexpr qint32 kDigitalMin = -32768;
    static constexpr qint32 kDigitalMax = 32767;
    static constexpr qint32 kGapValue = kDigitalMin;

    struct Signal
    {
        QString label; // e.g. "ECG II" (16 characters in the header)
        QString unit; // physical dimension, e.g. "mV" (8 characters)
        QString transducer;
        double rateHz = 0;
        double gain = 1; // digital units per physical unit, not 0
        double baseline = 0; // digital value of physical zero
        std::vector<qint32> samples; // digital; WaveCodec::kInvalid = no sample (a gap)
    };
    struct Patient
    {
        QString code; // e.g. the NHS Number, or a pseudonym
        QString name; // empty: not given ("X")
        QDate birthDate; // invalid: not given
    };
    struct Recording
    {
        qint64 startUs = 0; // the first sample of every signal, µs since 1970 UTC
        Patient patient;
        QString equipment = QStringLiteral("Vigil");
        std::vector<Signal> channels;
        std::vector<EdfAnnotation> annotations; // onsets from startUs
    };

    // Writes `recording` to `path` (replacing the file). False with a message (naming no patient
    // data) when it cannot be written exactly; the partial file is removed. `warnings` receives what
    // was approximated (calibration rounding).
    static bool write(
        const QString& path, const Recording& recording, QString* error = nullptr, QStringList* warnings = nullptr);

    // The data-record duration in seconds for these rates (see above); nullopt when none works.
    [[nodiscard]] static std::optional<int> recordSeconds(const std::vector<double>& ratesHz);
};

} // namespace vigil::codec
