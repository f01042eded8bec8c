#pragma once

#include "wfdbsignal.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <QStringList>
#include <QTime>

#include <optional>
#include <span>
#include <vector>

namespace vigil::codec {

// A single-segment WFDB record (PhysioNet): the header (.hea, header(5)) and its signal files
// (signal(5)), read-only.
//
// Supported signal formats: 8, 16, 24, 32, 61, 80, 160, 212, 310, 311 (not the FLAC formats
// 508/516/524; multi-segment records are read by WfdbMultiSegment). Multi-frequency records are
// supported: a signal with samplesPerFrame = n is read at its own rate, n x frequency(), so
// readSamples() returns n x sampleCount() samples for it. Skewed signals are realigned; samples past
// the end of the file are invalid. Samples carrying the format's "invalid" value (e.g. -2048 in
// format 212, -32768 in format 16) are returned as WaveCodec::kInvalid.
//
// Header and signal data are untrusted input: parsing fails with a message instead of crashing, and
// allocations are bounded by the size of the data actually read. Signal file names must be plain
// names in the header's directory (no paths). Header comments (info strings) may contain patient
// details (age, sex, diagnoses): do not log them.
class WfdbRecord final
{
    Q_DECLARE_TR_FUNCTIONS(vigil::codec::WfdbRecord)
public:
    // Reads and parses headerPath; signal files are looked up next to it.
    [[nodiscard]] static std::optional<WfdbRecord> open(const QString& headerPath, QString* error = nullptr);
    // Parses header text (e.g. the contents of a .hea file); `directory` is where readSamples() looks
    // for the signal files.
    [[nodiscard]] static std::optional<WfdbRecord> parseHeader(
        QByteArrayView text, const QString& directory, QString* error = nullptr);

    // Decodes the frames in `bytes` (a signal file's contents after its byte offset) holding
    // samplesPerFrame.size() signals in `format`; signal j has samplesPerFrame[j] samples per frame.
    // out[j] receives signal j's samples (digital; invalid ones as WaveCodec::kInvalid), for every
    // complete frame, at most maxFrames (< 0: no limit). initialValues (format 8 only, one per signal;
    // empty: all 0) start the first differences. Fails on an unsupported format or bad layout.
    static bool decodeFormat(int format, QByteArrayView bytes, std::span<const int> samplesPerFrame,
        std::span<const qint32> initialValues, qint64 maxFrames, std::vector<std::vector<qint32>>& out,
        QString* error = nullptr);
    [[nodiscard]] static bool isSupportedFormat(int format);
    // The raw value that marks an invalid sample in `format`; nullopt for format 8 (none).
    [[nodiscard]] static std::optional<qint32> invalidValue(int format);
    // The WFDB checksum of a signal's samples: their sum modulo 2^16, as a signed 16-bit value
    // (kInvalid counts as the format's invalid value).
    [[nodiscard]] static qint32 checksum(int format, std::span<const qint32> samples);

    [[nodiscard]] QString name() const { return m_name; }
    [[nodiscard]] QString directory() const { return m_directory; }
    // Frames per second (each signal's rate is this times its samplesPerFrame). 250 if absent.
    [[nodiscard]] double frequency() const { return m_frequency; }
    [[nodiscard]] double signalFrequency(int signal) const;
    // Counter frequency and base counter value (0 if absent: then the counter is the frame number).
    [[nodiscard]] double counterFrequency() const { return m_counterFrequency; }
    [[nodiscard]] double baseCounter() const { return m_baseCounter; }
    // Frames per signal; 0 if the header does not say (then readSamples() reads the whole file).
    [[nodiscard]] qint64 sampleCount() const { return m_sampleCount; }
    // Start of the recording, if the header gives it (invalid QTime/QDate otherwise).
    [[nodiscard]] QTime baseTime() const { return m_baseTime; }
    [[nodiscard]] QDate baseDate() const { return m_baseDate; }
    [[nodiscard]] int signalCount() const { return static_cast<int>(m_signals.size()); }
    [[nodiscard]] const WfdbSignal& signal(int i) const { return m_signals.at(static_cast<std::size_t>(i)); }
    // Header comment lines without the '#'. May contain patient details: never log them.
    [[nodiscard]] QStringList comments() const { return m_comments; }

    // All digital samples of one signal, samplesPerFrame x sampleCount() of them.
    bool readSamples(int signal, std::vector<qint32>& out, QString* error = nullptr) const;
    // (digital - baseline) / gain in the signal's units; NaN for WaveCodec::kInvalid.
    [[nodiscard]] double physical(int signal, qint32 digital) const;

private:
    // Signals stored in one file: consecutive header lines naming the same file.
    struct FileGroup
    {
        int first = 0;
        int count = 0;
        qint64 frameSize = 0; // samples per frame, all signals of the file
    };

    QString m_name;
    QString m_directory;
    double m_frequency = 250.0; // WFDB's default (DEFFREQ) when the header gives none
    double m_counterFrequency = 0.0;
    double m_baseCounter = 0.0;
    qint64 m_sampleCount = 0;
    QTime m_baseTime;
    QDate m_baseDate;
    std::vector<WfdbSignal> m_signals;
    std::vector<FileGroup> m_groups;
    std::vector<int> m_groupOfSignal;
    QStringList m_comments;
};

} // namespace vigil::codec
