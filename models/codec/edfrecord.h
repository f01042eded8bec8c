#pragma once

#include "edfannotation.h"
#include "edfsignal.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

class QFile;

namespace vigil::codec {

// An EDF, EDF+, BDF or BDF+ file (European Data Format), read-only: its ordinary signals (digital
// samples with their physical calibration, units, rates), its start, and its EDF+ annotations.
//
// Two readers:
// - EDFlib (Debian libedf, the reference implementation, strict): used first.
// - Vigil's own lenient reader: the header (256 bytes + 256 per signal) and the data records
//   (16-bit little-endian samples, 24-bit for BDF) read directly, the annotation signals parsed as
//   TALs (EdfTal). Used when EDFlib refuses a file for format errors or because it is discontinuous
//   (EDF+D), with a warning; real files often break a rule that does not matter for reading them
//   (a non-ASCII byte in a header field, EDFbrowser's "°"). It accepts: header bytes outside
//   printable ASCII (read as UTF-8 if valid, else Latin-1; warned), a data-record count of -1 or
//   one that disagrees with the file size (the whole records present are read; warned), a header
//   size field that disagrees with the signal count (warned). It never writes a copy of the file.
// The patient and recording identification fields are never read into this class (they are
// identifying); the start date and time are.
//
// Times: EDF gives the start as a local clock time with no zone; startUs() takes it as UTC
// (documented; the file carries nothing better). EDF+ adds the sub-second start from the first data
// record's time-keeping annotation. Two-digit years: 85-99 are 1985-1999, 00-84 are 2000-2084;
// an EDF+ "Startdate dd-MMM-yyyy" gives the full year. An unreadable start date leaves startUs()
// empty (with a warning).
//
// Untrusted input: every size is checked against the file before anything is allocated.
// EDFlib's open and close are not thread-safe: this class serialises every EDFlib call.
class EdfRecord final
{
    Q_DECLARE_TR_FUNCTIONS(vigil::codec::EdfRecord)
public:
    enum class Reader {
        Auto, // EDFlib, then the lenient reader for files EDFlib refuses as malformed
        EdfLib,
        Lenient,
    };
    static constexpr int kMaxSignals = 4096;

    [[nodiscard]] static std::optional<EdfRecord> open(
        const QString& path, QString* error = nullptr, Reader reader = Reader::Auto);
    // The lenient reader on a file's bytes (kept, implicitly shared, for readDigital()).
    [[nodiscard]] static std::optional<EdfRecord> parse(const QByteArray& bytes, QString* error = nullptr);

    EdfRecord(EdfRecord&&) noexcept;
    EdfRecord& operator=(EdfRecord&&) noexcept;
    EdfRecord(const EdfRecord&);
    EdfRecord& operator=(const EdfRecord&);
    ~EdfRecord();

    // Which reader read the file (EdfLib or Lenient).
    [[nodiscard]] Reader reader() const { return m_reader; }
    [[nodiscard]] bool isPlus() const { return m_plus; } // EDF+ / BDF+
    [[nodiscard]] bool isBdf() const { return m_bdf; } // 24-bit samples
    [[nodiscard]] bool isContinuous() const { return m_recordOnsetsUs.empty(); }
    // The start of the first data record, microseconds since 1970 UTC (see above); nullopt when the
    // header's date or time is not one.
    [[nodiscard]] std::optional<qint64> startUs() const { return m_startUs; }
    [[nodiscard]] qint64 recordCount() const { return m_recordCount; }
    [[nodiscard]] qint64 recordDurationUs() const { return m_recordDurationUs; }
    // EDF+D: the onset of each data record from startUs(); empty for a continuous file (record k starts
    // at k x recordDurationUs()).
    [[nodiscard]] const std::vector<qint64>& recordOnsetsUs() const { return m_recordOnsetsUs; }
    [[nodiscard]] int signalCount() const { return static_cast<int>(m_signals.size()); }
    [[nodiscard]] const EdfSignal& signal(int i) const { return m_signals.at(static_cast<std::size_t>(i)); }
    [[nodiscard]] const std::vector<EdfAnnotation>& annotations() const { return m_annotations; }
    // What was tolerated or refused by EDFlib (English; names no patient data).
    [[nodiscard]] QStringList warnings() const { return m_warnings; }

    // `count` digital samples of an ordinary signal from sample `first` (clamped to the file).
    bool readDigital(int signal, qint64 first, qint64 count, std::vector<qint32>& out, QString* error = nullptr) const;

private:
    struct LibFile; // an open EDFlib handle, closed when the last copy goes
    EdfRecord() = default;
    static std::optional<EdfRecord> openWithEdfLib(const QString& path, QString* error, int* edflibError);
    static std::optional<EdfRecord> parseLenient(const QByteArray& bytes, QString* error);

    Reader m_reader = Reader::Lenient;
    bool m_plus = false;
    bool m_bdf = false;
    std::optional<qint64> m_startUs;
    qint64 m_recordCount = 0;
    qint64 m_recordDurationUs = 0;
    std::vector<qint64> m_recordOnsetsUs;
    std::vector<EdfSignal> m_signals;
    std::vector<EdfAnnotation> m_annotations;
    QStringList m_warnings;

    std::shared_ptr<LibFile> m_lib; // EDFlib reader
    // Lenient reader: the file's bytes (mapped when read from a path), the layout of a data record.
    QByteArray m_bytes;
    std::shared_ptr<QFile> m_mapped;
    qint64 m_headerBytes = 0;
    qint64 m_recordBytes = 0;
    std::vector<qint64> m_signalOffsets; // bytes into a data record, per ordinary signal
};

} // namespace vigil::codec
