// libFuzzer target: EDF / EDF+ / BDF files (codec::EdfRecord) and EDF+ annotation lists (EdfTal).
//
// Every input is read three ways:
//   - EdfRecord::parse: Vigil's lenient reader, in memory;
//   - EdfRecord::open on a temporary file (EDFlib needs a path; inputs up to 256 KiB), so EDFlib and
//     the fall-back from it run too;
//   - EdfTal::parse on the whole input as one annotation signal.
// Oracle: a failure says why; a record keeps its invariants: every signal reads back exactly
// sampleCount samples within the format's digital range, rates are finite and not negative, an EDF+D
// record has one onset per data record, annotation durations are -1 or positive.
#include "codec/edfrecord.h"
#include "codec/edftal.h"

#include <QByteArray>
#include <QFile>
#include <QTemporaryDir>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>

using vigil::codec::EdfAnnotation;
using vigil::codec::EdfRecord;
using vigil::codec::EdfTal;

namespace {

constexpr std::size_t kMaxInput = 4 << 20;
constexpr std::size_t kMaxFileInput = 256 << 10;

void check(const EdfRecord& edf)
{
    const qint64 limit = edf.isBdf() ? (1 << 23) : (1 << 15);
    for (int i = 0; i < edf.signalCount(); ++i) {
        const auto& s = edf.signal(i);
        if (!std::isfinite(s.rateHz) || s.rateHz < 0 || s.sampleCount < 0 || !std::isfinite(s.gain()))
            std::abort();
        std::vector<qint32> samples;
        if (!edf.readDigital(i, 0, s.sampleCount, samples) || qint64(samples.size()) != s.sampleCount)
            std::abort();
        for (const qint32 v : samples) {
            if (v < -limit || v >= limit)
                std::abort();
        }
    }
    if (!edf.isContinuous() && qint64(edf.recordOnsetsUs().size()) != edf.recordCount())
        std::abort();
    for (const EdfAnnotation& a : edf.annotations()) {
        if (a.durationUs < -1)
            std::abort();
    }
}

QString temporaryPath()
{
    static std::unique_ptr<QTemporaryDir> dir = std::make_unique<QTemporaryDir>();
    return dir->filePath(QStringLiteral("input.edf"));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size > kMaxInput)
        return 0;
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));

    QString error;
    if (const auto edf = EdfRecord::parse(bytes, &error))
        check(*edf);
    else if (error.isEmpty())
        std::abort();

    if (size <= kMaxFileInput) {
        const QString path = temporaryPath();
        {
            QFile file(path);
            if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
                std::abort();
        }
        error.clear();
        if (const auto edf = EdfRecord::open(path, &error))
            check(*edf);
        else if (error.isEmpty())
            std::abort();
    }

    std::vector<EdfAnnotation> annotations;
    std::optional<qint64> onset;
    error.clear();
    const bool ok = EdfTal::parse(bytes, annotations, onset, &error);
    if (!ok && error.isEmpty())
        std::abort();
    if (annotations.size() > size)
        std::abort();
    return 0;
}
