#include "wfdbrecord.h"

#include "logging.h"
#include "wavecodec.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QStringDecoder>
#include <QtEndian>

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace vigil::codec {

namespace {

using u32 = std::uint32_t;

// Bounds that keep every size computation far from overflow: (frames + skew) x frame size x 4 bytes
// < 2^62.
constexpr qint64 kMaxFrames = qint64(1) << 38; // 8.7 years at 1 kHz
constexpr int kMaxSamplesPerFrame = 1 << 16;
constexpr qint64 kMaxFrameSize = qint64(1) << 20; // samples per frame in one signal file
constexpr double kDefaultGain = 200.0; // WFDB's DEFGAIN

// ---- Signal formats ----

// Samples fully contained in `bytes` bytes of a file in `format`.
qint64 samplesIn(int format, qint64 bytes)
{
    switch (format) {
    case 8:
    case 80:
        return bytes;
    case 16:
    case 61:
    case 160:
        return bytes / 2;
    case 24:
        return bytes / 3;
    case 32:
        return bytes / 4;
    case 212: // two samples in three bytes; a lone last sample takes two
        return bytes / 3 * 2 + (bytes % 3 >= 2 ? 1 : 0);
    case 310: // three samples in four bytes; the first of a group needs two
        return bytes / 4 * 3 + (bytes % 4 >= 2 ? 1 : 0);
    case 311: // three samples in four bytes; the first needs two bytes, the second three
        return bytes / 4 * 3 + (bytes % 4 >= 2 ? 1 : 0) + (bytes % 4 >= 3 ? 1 : 0);
    default:
        return 0;
    }
}

// Bytes needed to hold `samples` samples in `format` (the inverse of samplesIn).
qint64 bytesFor(int format, qint64 samples)
{
    switch (format) {
    case 8:
    case 80:
        return samples;
    case 16:
    case 61:
    case 160:
        return samples * 2;
    case 24:
        return samples * 3;
    case 32:
        return samples * 4;
    case 212:
        return samples / 2 * 3 + (samples % 2 ? 2 : 0);
    case 310:
        return samples / 3 * 4 + (samples % 3 == 1 ? 2 : samples % 3 == 2 ? 4 : 0);
    case 311:
        return samples / 3 * 4 + (samples % 3 == 1 ? 2 : samples % 3 == 2 ? 3 : 0);
    default:
        return 0;
    }
}

inline qint32 signExtend(u32 value, int bits)
{
    const u32 sign = u32(1) << (bits - 1);
    return static_cast<qint32>((value ^ sign) - sign);
}

// Raw sample s of the file; the caller guarantees s < samplesIn(Format, size of d).
template<int Format>
inline qint32 rawSample(const uchar* d, qint64 s)
{
    if constexpr (Format == 8) {
        return static_cast<qint8>(d[s]);
    } else if constexpr (Format == 80) {
        return qint32(d[s]) - 128;
    } else if constexpr (Format == 16) {
        return qFromLittleEndian<qint16>(d + 2 * s);
    } else if constexpr (Format == 61) {
        return qFromBigEndian<qint16>(d + 2 * s);
    } else if constexpr (Format == 160) {
        return qint32(qFromLittleEndian<quint16>(d + 2 * s)) - 32768;
    } else if constexpr (Format == 24) {
        const uchar* p = d + 3 * s;
        return signExtend(u32(p[0]) | u32(p[1]) << 8 | u32(p[2]) << 16, 24);
    } else if constexpr (Format == 32) {
        return static_cast<qint32>(qFromLittleEndian<quint32>(d + 4 * s));
    } else if constexpr (Format == 212) {
        const uchar* p = d + s / 2 * 3;
        if (s % 2 == 0)
            return signExtend(u32(p[0]) | (u32(p[1]) & 0x0Fu) << 8, 12);
        return signExtend(u32(p[2]) | (u32(p[1]) >> 4) << 8, 12);
    } else if constexpr (Format == 310) {
        // Two little-endian 16-bit words: samples 0 and 1 in bits 1-10 of each, sample 2 in their
        // top five bits (low half from the first word).
        const uchar* p = d + s / 3 * 4;
        switch (s % 3) {
        case 0:
            return signExtend((u32(p[0]) | u32(p[1]) << 8) >> 1 & 0x3FFu, 10);
        case 1:
            return signExtend((u32(p[2]) | u32(p[3]) << 8) >> 1 & 0x3FFu, 10);
        default:
            return signExtend(u32(p[1]) >> 3 | (u32(p[3]) >> 3) << 5, 10);
        }
    } else if constexpr (Format == 311) {
        // One little-endian 32-bit word: samples in bits 0-9, 10-19 and 20-29.
        const uchar* p = d + s / 3 * 4;
        switch (s % 3) {
        case 0:
            return signExtend((u32(p[0]) | u32(p[1]) << 8) & 0x3FFu, 10);
        case 1:
            return signExtend((u32(p[1]) >> 2 | u32(p[2]) << 6) & 0x3FFu, 10);
        default:
            return signExtend((u32(p[2]) >> 4 | u32(p[3]) << 4) & 0x3FFu, 10);
        }
    }
}

template<int Format>
void decodeFrames(const uchar* d, qint64 frames, std::span<const int> samplesPerFrame,
    std::span<const qint32> initialValues, std::vector<std::vector<qint32>>& out)
{
    const std::size_t signalCount = samplesPerFrame.size();
    [[maybe_unused]] const qint32 invalid = WfdbRecord::invalidValue(Format).value_or(0);
    // Format 8: running value per signal, in wrap-around arithmetic (garbage must not overflow).
    std::vector<u32> running(signalCount, 0u);
    for (std::size_t j = 0; j < initialValues.size() && j < signalCount; ++j)
        running[j] = static_cast<u32>(initialValues[j]);
    qint64 s = 0;
    for (qint64 f = 0; f < frames; ++f) {
        for (std::size_t j = 0; j < signalCount; ++j) {
            const int perFrame = samplesPerFrame[j];
            qint32* dst = out[j].data() + f * perFrame;
            for (int k = 0; k < perFrame; ++k) {
                const qint32 raw = rawSample<Format>(d, s++);
                if constexpr (Format == 8) {
                    running[j] += static_cast<u32>(raw);
                    dst[k] = static_cast<qint32>(running[j]);
                } else {
                    dst[k] = raw == invalid ? WaveCodec::kInvalid : raw;
                }
            }
        }
    }
}

int defaultResolution(int format)
{
    switch (format) {
    case 8:
    case 80:
        return 8;
    case 212:
        return 12;
    case 310:
    case 311:
        return 10;
    case 24:
        return 24;
    case 32:
        return 32;
    default:
        return 16;
    }
}

// ---- Header parsing ----

struct Token
{
    QStringView text;
    qsizetype position; // in the line
};

std::vector<Token> tokenize(QStringView line)
{
    std::vector<Token> tokens;
    qsizetype i = 0;
    const qsizetype n = line.size();
    while (i < n) {
        while (i < n && line[i].isSpace())
            ++i;
        const qsizetype start = i;
        while (i < n && !line[i].isSpace())
            ++i;
        if (i > start)
            tokens.push_back({line.mid(start, i - start), start});
    }
    return tokens;
}

std::optional<qint64> toInt64(QStringView text, qint64 min, qint64 max)
{
    bool ok = false;
    const qint64 v = text.toLongLong(&ok, 10);
    if (!ok || v < min || v > max)
        return std::nullopt;
    return v;
}

std::optional<qint32> toInt32(QStringView text)
{
    const auto v = toInt64(text, std::numeric_limits<qint32>::min(), std::numeric_limits<qint32>::max());
    if (!v)
        return std::nullopt;
    return static_cast<qint32>(*v);
}

std::optional<double> toFinite(QStringView text)
{
    bool ok = false;
    const double v = text.toDouble(&ok);
    if (!ok || !std::isfinite(v))
        return std::nullopt;
    return v;
}

QString decodeText(QByteArrayView bytes)
{
    // Headers are ASCII; some real ones carry Latin-1 (e.g. a degree sign in units).
    QStringDecoder utf8(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
    QString text = utf8(bytes);
    if (utf8.hasError())
        text = QString::fromLatin1(bytes);
    return text;
}

} // namespace

bool WfdbRecord::isSupportedFormat(int format)
{
    switch (format) {
    case 8:
    case 16:
    case 24:
    case 32:
    case 61:
    case 80:
    case 160:
    case 212:
    case 310:
    case 311:
        return true;
    default:
        return false;
    }
}

std::optional<qint32> WfdbRecord::invalidValue(int format)
{
    switch (format) {
    case 80:
        return -(1 << 7);
    case 310:
    case 311:
        return -(1 << 9);
    case 212:
        return -(1 << 11);
    case 16:
    case 61:
    case 160:
        return -(1 << 15);
    case 24:
        return -(1 << 23);
    case 32:
        return std::numeric_limits<qint32>::min();
    default:
        return std::nullopt;
    }
}

qint32 WfdbRecord::checksum(int format, std::span<const qint32> samples)
{
    const qint32 invalid = invalidValue(format).value_or(0);
    u32 sum = 0;
    for (const qint32 v : samples)
        sum += static_cast<u32>(v == WaveCodec::kInvalid ? invalid : v);
    return static_cast<qint16>(static_cast<quint16>(sum & 0xFFFFu));
}

bool WfdbRecord::decodeFormat(int format, QByteArrayView bytes, std::span<const int> samplesPerFrame,
    std::span<const qint32> initialValues, qint64 maxFrames, std::vector<std::vector<qint32>>& out, QString* error)
{
    out.clear();
    const auto fail = [&](const QString& message) {
        if (error)
            *error = message;
        out.clear();
        return false;
    };
    if (!isSupportedFormat(format))
        return fail(tr("Unsupported WFDB signal format %1").arg(format));
    if (samplesPerFrame.empty())
        return fail(tr("No signals to decode"));
    if (!initialValues.empty() && initialValues.size() != samplesPerFrame.size())
        return fail(tr("%1 initial values for %2 signals").arg(initialValues.size()).arg(samplesPerFrame.size()));
    qint64 frameSize = 0;
    for (const int perFrame : samplesPerFrame) {
        if (perFrame < 1 || perFrame > kMaxSamplesPerFrame)
            return fail(tr("Invalid samples per frame %1").arg(perFrame));
        frameSize += perFrame;
        if (frameSize > kMaxFrameSize)
            return fail(tr("Frames of more than %1 samples are not supported").arg(kMaxFrameSize));
    }
    qint64 frames = samplesIn(format, bytes.size()) / frameSize;
    if (maxFrames >= 0)
        frames = std::min(frames, maxFrames);
    // At most one sample per byte read: the allocation is bounded by the input.
    out.resize(samplesPerFrame.size());
    for (std::size_t j = 0; j < samplesPerFrame.size(); ++j)
        out[j].resize(static_cast<std::size_t>(frames * samplesPerFrame[j]));

    const auto* d = reinterpret_cast<const uchar*>(bytes.data());
    switch (format) {
    case 8:
        decodeFrames<8>(d, frames, samplesPerFrame, initialValues, out);
        break;
    case 16:
        decodeFrames<16>(d, frames, samplesPerFrame, initialValues, out);
        break;
    case 24:
        decodeFrames<24>(d, frames, samplesPerFrame, initialValues, out);
        break;
    case 32:
        decodeFrames<32>(d, frames, samplesPerFrame, initialValues, out);
        break;
    case 61:
        decodeFrames<61>(d, frames, samplesPerFrame, initialValues, out);
        break;
    case 80:
        decodeFrames<80>(d, frames, samplesPerFrame, initialValues, out);
        break;
    case 160:
        decodeFrames<160>(d, frames, samplesPerFrame, initialValues, out);
        break;
    case 212:
        decodeFrames<212>(d, frames, samplesPerFrame, initialValues, out);
        break;
    case 310:
        decodeFrames<310>(d, frames, samplesPerFrame, initialValues, out);
        break;
    default:
        decodeFrames<311>(d, frames, samplesPerFrame, initialValues, out);
        break;
    }
    return true;
}

std::optional<WfdbRecord> WfdbRecord::open(const QString& headerPath, QString* error)
{
    QFile file(headerPath);
    // Real headers are a few KB; refuse anything that cannot be one rather than read it whole.
    constexpr qint64 kMaxHeaderBytes = 16 * 1024 * 1024;
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot open WFDB header %1: %2").arg(QFileInfo(headerPath).fileName(), file.errorString());
        return std::nullopt;
    }
    if (file.size() > kMaxHeaderBytes) {
        if (error)
            *error = tr("WFDB header %1 is too large (%2 bytes)")
                         .arg(QFileInfo(headerPath).fileName(), QString::number(file.size()));
        return std::nullopt;
    }
    const QByteArray text = file.readAll();
    return parseHeader(text, QFileInfo(headerPath).absolutePath(), error);
}

std::optional<WfdbRecord> WfdbRecord::parseHeader(QByteArrayView text, const QString& directory, QString* error)
{
    int lineNumber = 0;
    const auto fail = [&](const QString& message) -> std::optional<WfdbRecord> {
        if (error)
            // Multi-argument arg(): header text in `message` must not be scanned for %n markers again.
            *error = tr("WFDB header line %1: %2").arg(QString::number(lineNumber), message);
        return std::nullopt;
    };

    WfdbRecord record;
    record.m_directory = directory;
    const QString all = decodeText(text);
    const QList<QStringView> lines = QStringView(all).split(u'\n');

    bool haveRecordLine = false;
    QSet<QString> filesSeen; // signal files of the groups so far
    qint64 declaredSignals = 0;
    for (QStringView rawLine : lines) {
        ++lineNumber;
        QStringView line = rawLine;
        if (line.endsWith(u'\r'))
            line.chop(1);
        const QStringView trimmed = line.trimmed();
        if (trimmed.isEmpty())
            continue;
        if (trimmed.startsWith(u'#')) {
            record.m_comments.append(trimmed.mid(1).trimmed().toString());
            continue;
        }
        const std::vector<Token> tokens = tokenize(line);

        if (!haveRecordLine) {
            // name[/segments] signals [frequency[/counter[(base)]] [frames [time [date]]]]
            haveRecordLine = true;
            QStringView name = tokens[0].text;
            if (name.contains(u'/'))
                return fail(tr("multi-segment records are not supported"));
            record.m_name = name.toString();
            if (tokens.size() < 2)
                return fail(tr("the record line has no number of signals"));
            if (tokens.size() > 6)
                return fail(tr("the record line has %1 fields (at most 6)").arg(tokens.size()));
            const auto signalCount = toInt64(tokens[1].text, 0, std::numeric_limits<int>::max());
            if (!signalCount)
                return fail(tr("invalid number of signals \"%1\"").arg(tokens[1].text));
            declaredSignals = *signalCount;
            if (tokens.size() > 2) {
                QStringView spec = tokens[2].text;
                QStringView counter;
                const qsizetype slash = spec.indexOf(u'/');
                if (slash >= 0) {
                    counter = spec.mid(slash + 1);
                    spec = spec.left(slash);
                }
                const auto frequency = toFinite(spec);
                if (!frequency || *frequency <= 0)
                    return fail(tr("invalid sampling frequency \"%1\"").arg(tokens[2].text));
                record.m_frequency = *frequency;
                if (slash >= 0) {
                    QStringView base;
                    const qsizetype paren = counter.indexOf(u'(');
                    if (paren >= 0) {
                        if (!counter.endsWith(u')'))
                            return fail(tr("invalid counter frequency \"%1\"").arg(tokens[2].text));
                        base = counter.mid(paren + 1, counter.size() - paren - 2);
                        counter = counter.left(paren);
                    }
                    const auto counterFrequency = toFinite(counter);
                    if (!counterFrequency || *counterFrequency <= 0)
                        return fail(tr("invalid counter frequency \"%1\"").arg(tokens[2].text));
                    record.m_counterFrequency = *counterFrequency;
                    if (paren >= 0) {
                        const auto baseCounter = toFinite(base);
                        if (!baseCounter)
                            return fail(tr("invalid base counter value \"%1\"").arg(tokens[2].text));
                        record.m_baseCounter = *baseCounter;
                    }
                }
            }
            if (tokens.size() > 3) {
                const auto frames = toInt64(tokens[3].text, 0, kMaxFrames);
                if (!frames)
                    return fail(tr("invalid number of samples \"%1\"").arg(tokens[3].text));
                record.m_sampleCount = *frames;
            }
            if (tokens.size() > 4) {
                const QString time = tokens[4].text.toString();
                QTime t = QTime::fromString(time, QStringLiteral("H:m:s.z"));
                if (!t.isValid())
                    t = QTime::fromString(time, QStringLiteral("H:m:s"));
                if (!t.isValid())
                    t = QTime::fromString(time, QStringLiteral("H:m"));
                if (!t.isValid())
                    return fail(tr("invalid base time \"%1\"").arg(time));
                record.m_baseTime = t;
            }
            if (tokens.size() > 5) {
                const QDate d = QDate::fromString(tokens[5].text.toString(), QStringLiteral("d/M/yyyy"));
                if (!d.isValid())
                    return fail(tr("invalid base date"));
                record.m_baseDate = d;
            }
            continue;
        }

        if (qint64(record.m_signals.size()) >= declaredSignals)
            return fail(tr("unexpected line after the %1 signal lines").arg(declaredSignals));

        // file format[xspf][:skew][+offset] [gain[(baseline)][/units] [resolution [zero [initial
        // [checksum [blocksize [description]]]]]]]
        const int index = static_cast<int>(record.m_signals.size());
        WfdbSignal s;
        s.fileName = tokens[0].text.toString();
        if (s.fileName != QStringLiteral("~")
            && (s.fileName.contains(u'/') || s.fileName.contains(u'\\') || s.fileName == QStringLiteral(".")
                || s.fileName == QStringLiteral("..")))
            return fail(tr("signal file \"%1\" is not a plain file name").arg(s.fileName));
        if (tokens.size() < 2)
            return fail(tr("signal %1 has no format").arg(index));
        {
            QStringView spec = tokens[1].text;
            qsizetype i = 0;
            const auto number = [&](qint64 max) -> std::optional<qint64> {
                const qsizetype start = i;
                while (i < spec.size() && spec[i].isDigit())
                    ++i;
                if (i == start)
                    return std::nullopt;
                return toInt64(spec.mid(start, i - start), 0, max);
            };
            const auto format = number(99999);
            if (!format)
                return fail(tr("invalid format \"%1\" for signal %2").arg(tokens[1].text, QString::number(index)));
            s.format = static_cast<int>(*format);
            if (i < spec.size() && spec[i] == u'x') {
                ++i;
                const auto perFrame = number(kMaxSamplesPerFrame);
                if (!perFrame || *perFrame < 1)
                    return fail(tr("invalid samples per frame in \"%1\"").arg(tokens[1].text));
                s.samplesPerFrame = static_cast<int>(*perFrame);
            }
            if (i < spec.size() && spec[i] == u':') {
                ++i;
                const auto skew = number(std::numeric_limits<int>::max());
                if (!skew)
                    return fail(tr("invalid skew in \"%1\"").arg(tokens[1].text));
                s.skew = static_cast<int>(*skew);
            }
            if (i < spec.size() && spec[i] == u'+') {
                ++i;
                const auto offset = number(std::numeric_limits<qint64>::max());
                if (!offset)
                    return fail(tr("invalid byte offset in \"%1\"").arg(tokens[1].text));
                s.byteOffset = *offset;
            }
            if (i != spec.size())
                return fail(tr("invalid format \"%1\" for signal %2").arg(tokens[1].text, QString::number(index)));
        }
        if (s.format == 508 || s.format == 516 || s.format == 524)
            return fail(tr("signal %1: FLAC format %2 is not supported").arg(index).arg(s.format));
        if (s.format != 0 && !isSupportedFormat(s.format))
            return fail(tr("signal %1: unknown format %2").arg(index).arg(s.format));

        std::optional<qint32> baseline;
        if (tokens.size() > 2) {
            QStringView spec = tokens[2].text;
            const qsizetype paren = spec.indexOf(u'(');
            const qsizetype slash = spec.indexOf(u'/');
            QStringView gain = spec.left(paren >= 0 ? paren : slash >= 0 ? slash : spec.size());
            if (paren >= 0) {
                const qsizetype close = spec.indexOf(u')', paren);
                if (close < 0 || (slash >= 0 && slash < close))
                    return fail(tr("invalid gain \"%1\" for signal %2").arg(spec, QString::number(index)));
                baseline = toInt32(spec.mid(paren + 1, close - paren - 1));
                if (!baseline)
                    return fail(tr("invalid baseline in \"%1\" for signal %2").arg(spec, QString::number(index)));
                const QStringView rest = spec.mid(close + 1);
                if (!rest.isEmpty() && !rest.startsWith(u'/'))
                    return fail(tr("invalid gain \"%1\" for signal %2").arg(spec, QString::number(index)));
            }
            const auto g = toFinite(gain);
            if (!g || *g < 0)
                return fail(tr("invalid gain \"%1\" for signal %2").arg(spec, QString::number(index)));
            s.gain = *g;
            if (slash >= 0 && slash + 1 < spec.size())
                s.units = spec.mid(slash + 1).toString();
        }
        if (tokens.size() <= 2 || s.gain == 0.0) {
            s.gain = kDefaultGain;
            s.gainDefaulted = true;
        }
        if (tokens.size() > 3) {
            const auto resolution = toInt64(tokens[3].text, 0, 64);
            if (!resolution)
                return fail(
                    tr("invalid ADC resolution \"%1\" for signal %2").arg(tokens[3].text, QString::number(index)));
            s.adcResolution = static_cast<int>(*resolution);
        }
        if (s.adcResolution == 0)
            s.adcResolution = defaultResolution(s.format);
        if (tokens.size() > 4) {
            const auto zero = toInt32(tokens[4].text);
            if (!zero)
                return fail(tr("invalid ADC zero \"%1\" for signal %2").arg(tokens[4].text, QString::number(index)));
            s.adcZero = *zero;
        }
        s.initialValue = s.adcZero;
        if (tokens.size() > 5) {
            const auto initial = toInt32(tokens[5].text);
            if (!initial)
                return fail(
                    tr("invalid initial value \"%1\" for signal %2").arg(tokens[5].text, QString::number(index)));
            s.initialValue = *initial;
        }
        if (tokens.size() > 6) {
            const auto sum = toInt32(tokens[6].text);
            if (!sum)
                return fail(tr("invalid checksum \"%1\" for signal %2").arg(tokens[6].text, QString::number(index)));
            s.checksum = static_cast<qint32>(static_cast<qint16>(static_cast<quint16>(*sum & 0xFFFF)));
        }
        if (tokens.size() > 7) {
            const auto blockSize = toInt64(tokens[7].text, 0, std::numeric_limits<int>::max());
            if (!blockSize)
                return fail(tr("invalid block size \"%1\" for signal %2").arg(tokens[7].text, QString::number(index)));
            s.blockSize = static_cast<int>(*blockSize);
        }
        s.baseline = baseline.value_or(s.adcZero);
        if (tokens.size() > 8)
            s.description = line.mid(tokens[8].position).trimmed().toString();
        else
            s.description = tr("record %1, signal %2").arg(record.m_name, QString::number(index));

        // Signals stored in one file are on consecutive lines and share its format and offset.
        if (!record.m_groups.empty()
            && record.m_signals[std::size_t(record.m_groups.back().first)].fileName == s.fileName
            && s.fileName != QStringLiteral("~")) {
            FileGroup& group = record.m_groups.back();
            const WfdbSignal& first = record.m_signals[std::size_t(group.first)];
            if (first.format != s.format)
                return fail(tr("signal %1 has format %2 but shares its file with format %3")
                                .arg(index)
                                .arg(s.format)
                                .arg(first.format));
            if (group.frameSize + s.samplesPerFrame > kMaxFrameSize)
                return fail(tr("frames of more than %1 samples are not supported").arg(kMaxFrameSize));
            ++group.count;
            group.frameSize += s.samplesPerFrame;
        } else {
            if (s.fileName != QStringLiteral("~") && filesSeen.contains(s.fileName))
                return fail(tr("signal %1: the signals of file \"%2\" are not on consecutive lines")
                                .arg(QString::number(index), s.fileName));
            filesSeen.insert(s.fileName);
            record.m_groups.push_back({index, 1, s.samplesPerFrame});
        }
        record.m_groupOfSignal.push_back(static_cast<int>(record.m_groups.size()) - 1);
        record.m_signals.push_back(std::move(s));
    }

    if (!haveRecordLine) {
        lineNumber = 0;
        return fail(tr("no record line"));
    }
    if (qint64(record.m_signals.size()) != declaredSignals) {
        return fail(tr("the record declares %1 signals but %2 signal lines follow")
                        .arg(declaredSignals)
                        .arg(record.m_signals.size()));
    }
    return record;
}

double WfdbRecord::signalFrequency(int signal) const
{
    return m_frequency * this->signal(signal).samplesPerFrame;
}

double WfdbRecord::physical(int signal, qint32 digital) const
{
    return this->signal(signal).physical(digital);
}

bool WfdbRecord::readSamples(int signal, std::vector<qint32>& out, QString* error) const
{
    out.clear();
    const auto fail = [&](const QString& message) {
        if (error)
            *error = message;
        out.clear();
        return false;
    };
    if (signal < 0 || signal >= signalCount())
        return fail(tr("No signal %1 in a record of %2 signals").arg(signal).arg(signalCount()));
    const WfdbSignal& sig = m_signals[std::size_t(signal)];
    if (sig.format == 0 || sig.fileName == QStringLiteral("~"))
        return fail(tr("Signal %1 is not stored in a file").arg(signal));

    const FileGroup& group = m_groups[std::size_t(m_groupOfSignal[std::size_t(signal)])];
    std::vector<int> samplesPerFrame;
    std::vector<qint32> initialValues;
    qint64 frameSize = 0;
    int maxSkew = 0;
    for (int j = group.first; j < group.first + group.count; ++j) {
        const WfdbSignal& s = m_signals[std::size_t(j)];
        samplesPerFrame.push_back(s.samplesPerFrame);
        initialValues.push_back(s.initialValue);
        frameSize += s.samplesPerFrame;
        maxSkew = std::max(maxSkew, s.skew);
    }

    QFile file(QDir(m_directory).filePath(sig.fileName));
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("Cannot open WFDB signal file %1: %2").arg(sig.fileName, file.errorString()));
    const qint64 fileSize = file.size();
    if (sig.byteOffset > fileSize)
        return fail(tr("Byte offset %1 is past the end of %2 (%3 bytes)")
                        .arg(QString::number(sig.byteOffset), sig.fileName, QString::number(fileSize)));
    const qint64 wantedFrames = m_sampleCount > 0 ? m_sampleCount + maxSkew : -1;
    qint64 wantedBytes = fileSize - sig.byteOffset;
    if (wantedFrames >= 0)
        wantedBytes = std::min(wantedBytes, bytesFor(sig.format, wantedFrames * frameSize));
    if (!file.seek(sig.byteOffset))
        return fail(tr("Cannot read WFDB signal file %1: %2").arg(sig.fileName, file.errorString()));
    const QByteArray bytes = file.read(wantedBytes);
    if (bytes.size() != wantedBytes)
        return fail(tr("Cannot read WFDB signal file %1: %2").arg(sig.fileName, file.errorString()));

    std::vector<std::vector<qint32>> all;
    if (!decodeFormat(sig.format, bytes, samplesPerFrame, initialValues, wantedFrames, all, error)) {
        out.clear();
        return false;
    }
    const int inGroup = signal - group.first;
    std::vector<qint32>& stored = all[std::size_t(inGroup)];
    const qint64 frames = qint64(stored.size()) / sig.samplesPerFrame;
    if (m_sampleCount > 0 && frames < m_sampleCount)
        return fail(tr("WFDB signal file %1 holds %2 frames, the header declares %3")
                        .arg(sig.fileName, QString::number(frames), QString::number(m_sampleCount)));

    const qint64 outFrames = m_sampleCount > 0 ? m_sampleCount : frames;
    const qint64 shift = qint64(sig.skew) * sig.samplesPerFrame;
    const auto outSamples = static_cast<std::size_t>(outFrames * sig.samplesPerFrame);
    if (shift == 0 && stored.size() == outSamples) {
        out = std::move(stored);
    } else {
        out.assign(outSamples, WaveCodec::kInvalid);
        for (std::size_t i = 0; i < outSamples && std::size_t(shift) + i < stored.size(); ++i)
            out[i] = stored[std::size_t(shift) + i];
    }

    if (sig.checksum && m_sampleCount > 0 && checksum(sig.format, out) != *sig.checksum)
        qCWarning(lcCodec) << "WFDB signal" << signal << "does not match the checksum in its header";
    return true;
}

} // namespace vigil::codec
