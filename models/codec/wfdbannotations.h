#pragma once

#include "wfdbannotation.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace vigil::codec {

// A WFDB annotation file in MIT format (annot(5)), e.g. `100.atr`, the cardiologists' reference beat
// labels of MIT-BIH record 100. Read-only.
//
// The file is a sequence of 16-bit little-endian words, each a 6-bit code A (high bits) and a 10-bit
// field I. A = 1..58 starts an annotation of that type, I samples after the previous one; the
// pseudo-codes that follow it modify it, as WFDB's getann() reads them:
//   SKIP (59): I unused; the next 4 bytes (two words, high word first) are a signed 32-bit interval
//              added to the time (the next annotation's time then adds its own I)
//   NUM  (60): I is the annotation's num field (kept for the annotations that follow)
//   SUB  (61): I is the annotation's subtyp
//   CHN  (62): I is the annotation's chan field (kept for the annotations that follow)
//   AUX  (63): the low 8 bits of I are a byte count; that many bytes of auxiliary text follow, padded
//              to an even length (a trailing NUL is dropped)
//   A = 0, I = 0: the end of the file (a file that just stops is accepted, with a warning)
//   A = 0, I > 0: a "null" annotation (code 0), kept as such
// A NOTE (code 22) at time 0 whose text is "## time resolution: F" (wfdb-python writes it) sets
// timeResolution() and is not listed as an annotation.
//
// Untrusted input: parsing never crashes; a truncated SKIP or AUX is an error; memory is bounded by
// the file size (each annotation takes at least two bytes).
class WfdbAnnotations final
{
    Q_DECLARE_TR_FUNCTIONS(vigil::codec::WfdbAnnotations)
public:
    static constexpr int kSkip = 59;
    static constexpr int kNum = 60;
    static constexpr int kSub = 61;
    static constexpr int kChn = 62;
    static constexpr int kAux = 63;
    static constexpr int kNote = 22;
    static constexpr qint64 kMaxFileBytes = qint64(512) << 20;

    [[nodiscard]] static std::optional<WfdbAnnotations> open(const QString& path, QString* error = nullptr);
    [[nodiscard]] static std::optional<WfdbAnnotations> parse(QByteArrayView bytes, QString* error = nullptr);

    // WFDB's mnemonic of an annotation code (annstr()): "N", "L", "R", "A", "V", "+", "~" ...; codes
    // without one as "[n]".
    [[nodiscard]] static QString symbol(int code);
    // True for the codes WFDB counts as beats (isqrs()): N L R a V F J A S E j / Q e n f r B ...
    [[nodiscard]] static bool isBeat(int code);

    [[nodiscard]] const std::vector<WfdbAnnotation>& annotations() const { return m_annotations; }
    // Annotation times per second when the file says so ("## time resolution"), else nullopt: then
    // times count frames of the record (WfdbRecord::frequency()).
    [[nodiscard]] std::optional<double> timeResolution() const { return m_timeResolution; }
    // What was tolerated (a missing end marker). English, no patient data.
    [[nodiscard]] QStringList warnings() const { return m_warnings; }

private:
    std::vector<WfdbAnnotation> m_annotations;
    std::optional<double> m_timeResolution;
    QStringList m_warnings;
};

} // namespace vigil::codec
