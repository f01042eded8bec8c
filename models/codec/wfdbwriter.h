#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace vigil::codec {

// Writes a single-segment WFDB record (header(5), signal(5), annot(5)) that WfdbRecord and
// WfdbAnnotations (and PhysioNet's WFDB library) read back sample for sample:
//   <name>.hea   the header: record line, one line per signal, comments
//   <name>.dat   every signal, interleaved by frame
//   <name>.atr   the annotations in MIT format, when there are any
//
// Signal format 16 (16-bit little-endian) when every value fits -32767..32767, else format 32; the
// format's invalid value (-32768, resp. INT32_MIN) marks missing samples (WaveCodec::kInvalid), as
// WFDB does, so gaps survive the round trip. A real -32768 with format 16 would read back as a gap:
// then format 32 is used. Signals of different rates share one record as a multi-frequency record:
// the frame rate is the greatest common divisor of the (whole-number) rates and each signal has
// rate / frame rate samples per frame (the `x` field); rates that are not whole numbers must all be
// equal. Shorter signals are padded with invalid samples up to the longest.
//
// Calibration: WFDB's gain is a decimal number (written to round-trip exactly) and its baseline an
// integer: a fractional baseline is rounded, with a warning. An empty unit is written as "NU"
// (WFDB's "normalised units"), because a header without one means millivolts.
//
// Annotations are placed on the record's highest sampling rate; when that is above the frame rate
// the file starts with wfdb-python's "## time resolution" note so that readers (WfdbAnnotations)
// count them at that rate. Codes 1..58 are written as given; any other code (e.g. 0 for an EDF+ or
// free-text annotation) is written as a NOTE (22) with its text as aux. Aux text longer than 255
// bytes is cut (at a character boundary).
//
// `comments` go into the header as-is: they may hold patient details (the caller decides).
class WfdbWriter final
{
    Q_DECLARE_TR_FUNCTIONS(vigil::codec::WfdbWriter)
public:
    struct Signal
    {
        QString label; // the header's description field
        QString unit;
        double rateHz = 0;
        double gain = 200; // digital units per physical unit, > 0
        double baseline = 0; // digital value of physical zero
        std::vector<qint32> samples; // digital; WaveCodec::kInvalid = no sample
    };
    struct Annotation
    {
        qint64 onsetUs = 0; // from the record's start
        int code = 22; // MIT annotation code (1 N, 5 V, 22 NOTE, 28 rhythm "+" ...)
        int subtype = 0;
        int channel = 0;
        int number = 0;
        QString aux;
    };
    struct Record
    {
        std::optional<qint64> startUs; // µs since 1970 UTC: the header's base time and date
        std::vector<Signal> channels;
        std::vector<Annotation> annotations;
        QStringList comments;
    };

    // Writes `record` as `name` (a plain record name, no path or suffix) in `directory`, replacing
    // existing files. False with a message (no patient data) on failure; files already written are
    // removed.
    static bool write(const QString& directory, const QString& name, const Record& record, QString* error = nullptr,
        QStringList* warnings = nullptr);
    // The frame rate and samples per frame for these rates (see above); nullopt when they cannot share
    // a record.
    [[nodiscard]] static std::optional<std::pair<double, std::vector<int>>> frameLayout(
        const std::vector<double>& ratesHz);
    // The MIT-format bytes of `annotations` (sorted by time) at `ticksPerSecond`, with the time
    // resolution note when `resolutionNote` is set.
    [[nodiscard]] static QByteArray encodeAnnotations(
        const std::vector<Annotation>& annotations, double ticksPerSecond, bool resolutionNote);
};

} // namespace vigil::codec
