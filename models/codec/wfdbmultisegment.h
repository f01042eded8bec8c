#pragma once

#include "wfdbrecord.h"
#include "wfdbsignal.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <QStringList>
#include <QTime>

#include <optional>
#include <vector>

namespace vigil::codec {

// A multi-segment WFDB record (header(5), "Multi-segment records"), read as one record: one signal
// per signal of its layout, spanning every segment, with the gaps (null segments "~", and segments
// that lack a signal) as WaveCodec::kInvalid.
//
// The master header's record line is `name/segments signals [frequency [frames [time [date]]]]`, and
// one `segment-name frames` line follows per segment. Two layouts exist:
// - fixed: every segment has the same signals; the first segment that is not null gives them;
// - variable: the first segment has 0 frames and is the layout header (its signals are not stored,
//   file name "~"); the other segments hold any subset of them, matched by description, as WFDB's
//   own library does. A segment signal calibrated differently from the layout (gain, baseline) is
//   rescaled to the layout's calibration (rounded to the nearest digital value), so one signal has
//   one calibration throughout. A layout signal without a gain takes the first segment's.
//
// Every segment must have the record's frame frequency and, for each signal it holds, the layout's
// samples per frame; a segment that does not is an error (not a gap: the record is inconsistent).
// Segment names must be plain names in the master header's directory. A segment with fewer frames
// than the master header says is padded with invalid samples (a warning), one with more is cut.
//
// Untrusted input, like WfdbRecord: parsing fails with a message, never crashes; memory is bounded by
// the samples actually read plus the gaps, and one signal's output by kMaxOutputSamples.
class WfdbMultiSegment final
{
    Q_DECLARE_TR_FUNCTIONS(vigil::codec::WfdbMultiSegment)
public:
    struct Segment
    {
        QString name; // "~": a null segment (a gap)
        qint64 startFrame = 0; // first frame of the record it holds
        qint64 frames = 0;
        [[nodiscard]] bool isNull() const { return name == QStringLiteral("~"); }
    };

    static constexpr qint64 kMaxFrames = qint64(1) << 34; // 2.7 years at 200 Hz, in the header
    // readSamples() returns at most this many samples (1 GiB): a null segment costs memory without
    // costing input, so the output is bounded here.
    static constexpr qint64 kMaxOutputSamples = qint64(1) << 28;
    static constexpr int kMaxSegments = 1'000'000;

    // True when `headerText` is a multi-segment master header (its record name has "/segments").
    [[nodiscard]] static bool isMultiSegmentHeader(QByteArrayView headerText);
    // Reads the master header at headerPath and every segment header beside it.
    [[nodiscard]] static std::optional<WfdbMultiSegment> open(const QString& headerPath, QString* error = nullptr);
    // Parses master header text; the segment headers are read from `directory`.
    [[nodiscard]] static std::optional<WfdbMultiSegment> parseHeader(
        QByteArrayView text, const QString& directory, QString* error = nullptr);

    [[nodiscard]] QString name() const { return m_name; }
    [[nodiscard]] QString directory() const { return m_directory; }
    [[nodiscard]] double frequency() const { return m_frequency; }
    [[nodiscard]] double signalFrequency(int signal) const;
    // Frames in the whole record (the sum of the segments' lengths).
    [[nodiscard]] qint64 sampleCount() const { return m_sampleCount; }
    [[nodiscard]] QTime baseTime() const { return m_baseTime; }
    [[nodiscard]] QDate baseDate() const { return m_baseDate; }
    [[nodiscard]] bool hasLayoutSegment() const { return m_layoutSegment; }
    [[nodiscard]] const std::vector<Segment>& segments() const { return m_segments; }
    [[nodiscard]] int signalCount() const { return static_cast<int>(m_signals.size()); }
    // The layout's signal (its calibration is the one readSamples() returns values in).
    [[nodiscard]] const WfdbSignal& signal(int i) const { return m_signals.at(static_cast<std::size_t>(i)); }
    // Header comments of the master header. May contain patient details: never log them.
    [[nodiscard]] QStringList comments() const { return m_comments; }
    // Things that were tolerated while reading the headers (English, no patient data).
    [[nodiscard]] QStringList warnings() const { return m_warnings; }

    // All digital samples of one layout signal, samplesPerFrame x sampleCount() of them, gaps as
    // WaveCodec::kInvalid. `warnings` (optional) receives what was tolerated (short segments).
    bool readSamples(
        int signal, std::vector<qint32>& out, QString* error = nullptr, QStringList* warnings = nullptr) const;
    // (digital - baseline) / gain with the layout's calibration; NaN for WaveCodec::kInvalid.
    [[nodiscard]] double physical(int signal, qint32 digital) const;

private:
    QString m_name;
    QString m_directory;
    double m_frequency = 250.0;
    qint64 m_sampleCount = 0;
    QTime m_baseTime;
    QDate m_baseDate;
    bool m_layoutSegment = false;
    std::vector<Segment> m_segments;
    std::vector<std::optional<WfdbRecord>> m_records; // per segment; nullopt for null and layout segments
    std::vector<WfdbSignal> m_signals;
    QStringList m_comments;
    QStringList m_warnings;
};

} // namespace vigil::codec
