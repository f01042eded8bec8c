#include "wfdbmultisegment.h"

#include "wavecodec.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

#include <cmath>
#include <limits>

namespace vigil::codec {

namespace {

QString decodeText(QByteArrayView bytes)
{
    QStringDecoder utf8(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
    QString text = utf8(bytes);
    if (utf8.hasError())
        text = QString::fromLatin1(bytes);
    return text;
}

std::optional<qint64> toInt64(QStringView text, qint64 min, qint64 max)
{
    bool ok = false;
    const qint64 v = text.toLongLong(&ok, 10);
    if (!ok || v < min || v > max)
        return std::nullopt;
    return v;
}

// The first line that is neither blank nor a comment, split at white space.
QList<QStringView> recordLineTokens(QStringView all)
{
    for (QStringView line : all.split(u'\n')) {
        const QStringView trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(u'#'))
            continue;
        return trimmed.split(u' ', Qt::SkipEmptyParts);
    }
    return {};
}

bool isPlainName(const QString& name)
{
    return !name.isEmpty() && !name.contains(u'/') && !name.contains(u'\\') && name != QStringLiteral(".")
        && name != QStringLiteral("..");
}

} // namespace

bool WfdbMultiSegment::isMultiSegmentHeader(QByteArrayView headerText)
{
    // Only the start of the header matters: the record line comes first (after comments).
    const QString all = decodeText(headerText.first(std::min<qsizetype>(headerText.size(), 64 * 1024)));
    QString simplified = all;
    simplified.replace(u'\t', u' ');
    const QList<QStringView> tokens = recordLineTokens(simplified);
    return !tokens.isEmpty() && tokens.front().contains(u'/');
}

std::optional<WfdbMultiSegment> WfdbMultiSegment::open(const QString& headerPath, QString* error)
{
    QFile file(headerPath);
    constexpr qint64 kMaxHeaderBytes = 64 * 1024 * 1024; // a million segment lines fit
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
    return parseHeader(file.readAll(), QFileInfo(headerPath).absolutePath(), error);
}

std::optional<WfdbMultiSegment> WfdbMultiSegment::parseHeader(
    QByteArrayView text, const QString& directory, QString* error)
{
    int lineNumber = 0;
    const auto fail = [&](const QString& message) -> std::optional<WfdbMultiSegment> {
        if (error)
            *error = lineNumber > 0 ? tr("WFDB header line %1: %2").arg(QString::number(lineNumber), message)
                                    : tr("WFDB multi-segment record: %1").arg(message);
        return std::nullopt;
    };

    WfdbMultiSegment record;
    record.m_directory = directory;
    QString all = decodeText(text);
    all.replace(u'\t', u' ');
    bool haveRecordLine = false;
    qint64 declaredSegments = 0;
    qint64 declaredSignals = 0;
    qint64 declaredFrames = -1;
    for (QStringView rawLine : QStringView(all).split(u'\n')) {
        ++lineNumber;
        const QStringView line = rawLine.trimmed();
        if (line.isEmpty())
            continue;
        if (line.startsWith(u'#')) {
            record.m_comments.append(line.mid(1).trimmed().toString());
            continue;
        }
        const QList<QStringView> tokens = line.split(u' ', Qt::SkipEmptyParts);
        if (!haveRecordLine) {
            haveRecordLine = true;
            const qsizetype slash = tokens[0].indexOf(u'/');
            if (slash < 0)
                return fail(tr("not a multi-segment record (no \"/segments\" after the record name)"));
            record.m_name = tokens[0].left(slash).toString();
            const auto segments = toInt64(tokens[0].mid(slash + 1), 1, kMaxSegments);
            if (!segments)
                return fail(tr("invalid number of segments \"%1\"").arg(tokens[0].mid(slash + 1)));
            declaredSegments = *segments;
            if (tokens.size() < 2)
                return fail(tr("the record line has no number of signals"));
            if (tokens.size() > 6)
                return fail(tr("the record line has %1 fields (at most 6)").arg(tokens.size()));
            const auto signalCount = toInt64(tokens[1], 0, std::numeric_limits<int>::max());
            if (!signalCount)
                return fail(tr("invalid number of signals \"%1\"").arg(tokens[1]));
            declaredSignals = *signalCount;
            if (tokens.size() > 2) {
                // frequency[/counter[(base)]]: the counter is not used here.
                QStringView spec = tokens[2];
                if (const qsizetype s = spec.indexOf(u'/'); s >= 0)
                    spec = spec.left(s);
                bool ok = false;
                const double f = spec.toDouble(&ok);
                if (!ok || !std::isfinite(f) || f <= 0)
                    return fail(tr("invalid sampling frequency \"%1\"").arg(tokens[2]));
                record.m_frequency = f;
            }
            if (tokens.size() > 3) {
                const auto frames = toInt64(tokens[3], 0, kMaxFrames);
                if (!frames)
                    return fail(tr("invalid number of samples \"%1\"").arg(tokens[3]));
                declaredFrames = *frames;
            }
            if (tokens.size() > 4) {
                const QString time = tokens[4].toString();
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
                const QDate d = QDate::fromString(tokens[5].toString(), QStringLiteral("d/M/yyyy"));
                if (!d.isValid())
                    return fail(tr("invalid base date"));
                record.m_baseDate = d;
            }
            continue;
        }
        if (qint64(record.m_segments.size()) >= declaredSegments)
            return fail(tr("unexpected line after the %1 segment lines").arg(declaredSegments));
        if (tokens.size() != 2)
            return fail(tr("a segment line has a name and a number of samples"));
        Segment segment;
        segment.name = tokens[0].toString();
        if (!isPlainName(segment.name))
            return fail(tr("segment \"%1\" is not a plain record name").arg(segment.name));
        const auto frames = toInt64(tokens[1], 0, kMaxFrames);
        if (!frames)
            return fail(tr("invalid number of samples \"%1\" for a segment").arg(tokens[1]));
        segment.frames = *frames;
        segment.startFrame = record.m_sampleCount;
        record.m_sampleCount += segment.frames;
        if (record.m_sampleCount > kMaxFrames)
            return fail(tr("the record is longer than %1 samples").arg(kMaxFrames));
        record.m_segments.push_back(segment);
    }
    if (!haveRecordLine) {
        lineNumber = 0;
        return fail(tr("no record line"));
    }
    if (qint64(record.m_segments.size()) != declaredSegments) {
        lineNumber = 0;
        return fail(tr("the record declares %1 segments but %2 segment lines follow")
                        .arg(declaredSegments)
                        .arg(record.m_segments.size()));
    }
    lineNumber = 0;
    if (declaredFrames >= 0 && declaredFrames != record.m_sampleCount)
        record.m_warnings.append(tr("The record line declares %1 samples, its segments hold %2.")
                                     .arg(declaredFrames)
                                     .arg(record.m_sampleCount));

    // Segment headers: the layout (a first segment of length 0) and the data segments.
    const QDir dir(directory);
    record.m_records.resize(record.m_segments.size());
    for (std::size_t i = 0; i < record.m_segments.size(); ++i) {
        const Segment& segment = record.m_segments[i];
        if (segment.isNull())
            continue;
        QString why;
        std::optional<WfdbRecord> r = WfdbRecord::open(dir.filePath(segment.name + QStringLiteral(".hea")), &why);
        if (!r)
            return fail(tr("segment %1: %2").arg(segment.name, why));
        if (i == 0 && segment.frames == 0) {
            record.m_layoutSegment = true;
            for (int k = 0; k < r->signalCount(); ++k)
                record.m_signals.push_back(r->signal(k));
            continue; // the layout holds no samples
        }
        if (std::abs(r->frequency() - record.m_frequency) > 1e-9 * record.m_frequency)
            return fail(tr("segment %1 is sampled at %2 Hz, the record at %3 Hz")
                            .arg(segment.name, QString::number(r->frequency()), QString::number(record.m_frequency)));
        if (r->sampleCount() != segment.frames && r->sampleCount() != 0)
            record.m_warnings.append(tr("Segment %1 holds %2 samples, the master header says %3.")
                                         .arg(segment.name)
                                         .arg(r->sampleCount())
                                         .arg(segment.frames));
        record.m_records[i] = std::move(r);
    }
    if (!record.m_layoutSegment) {
        // Fixed layout: the first segment with data names the signals.
        for (const auto& r : record.m_records) {
            if (!r)
                continue;
            for (int k = 0; k < r->signalCount(); ++k)
                record.m_signals.push_back(r->signal(k));
            break;
        }
    }
    if (qint64(record.m_signals.size()) != declaredSignals)
        return fail(
            tr("the record declares %1 signals, its %2 has %3")
                .arg(QString::number(declaredSignals), record.m_layoutSegment ? tr("layout") : tr("first segment"),
                    QString::number(record.m_signals.size())));

    // Check each segment's signals against the layout, and give layout signals without a gain the
    // calibration of the first segment that has them.
    for (std::size_t i = 0; i < record.m_records.size(); ++i) {
        const auto& r = record.m_records[i];
        if (!r)
            continue;
        if (!record.m_layoutSegment && r->signalCount() != static_cast<int>(record.m_signals.size()))
            return fail(tr("segment %1 has %2 signals, the record %3 (fixed layout)")
                            .arg(record.m_segments[i].name)
                            .arg(r->signalCount())
                            .arg(record.m_signals.size()));
        for (std::size_t j = 0; j < record.m_signals.size(); ++j) {
            WfdbSignal& layout = record.m_signals[j];
            int k = record.m_layoutSegment ? -1 : static_cast<int>(j);
            for (int c = 0; record.m_layoutSegment && c < r->signalCount(); ++c) {
                if (r->signal(c).description == layout.description) {
                    k = c;
                    break;
                }
            }
            if (k < 0)
                continue;
            const WfdbSignal& s = r->signal(k);
            if (s.samplesPerFrame != layout.samplesPerFrame)
                return fail(tr("segment %1: signal %2 has %3 samples per frame, the layout %4")
                                .arg(record.m_segments[i].name, QString::number(j), QString::number(s.samplesPerFrame),
                                    QString::number(layout.samplesPerFrame)));
            if (record.m_layoutSegment && layout.gainDefaulted && !s.gainDefaulted) {
                layout.gain = s.gain;
                layout.baseline = s.baseline;
                layout.gainDefaulted = false;
                if (!s.units.isEmpty())
                    layout.units = s.units;
            }
        }
    }
    return record;
}

double WfdbMultiSegment::signalFrequency(int signal) const
{
    return m_frequency * this->signal(signal).samplesPerFrame;
}

double WfdbMultiSegment::physical(int signal, qint32 digital) const
{
    return this->signal(signal).physical(digital);
}

bool WfdbMultiSegment::readSamples(int signal, std::vector<qint32>& out, QString* error, QStringList* warnings) const
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
    const WfdbSignal& layout = m_signals[std::size_t(signal)];
    const qint64 perFrame = layout.samplesPerFrame;
    if (m_sampleCount > kMaxOutputSamples / perFrame)
        return fail(tr("Signal %1 has %2 samples, more than can be read at once (%3)")
                        .arg(QString::number(signal), QString::number(m_sampleCount * perFrame),
                            QString::number(kMaxOutputSamples)));
    out.assign(static_cast<std::size_t>(m_sampleCount * perFrame), WaveCodec::kInvalid);

    std::vector<qint32> buffer;
    for (std::size_t i = 0; i < m_segments.size(); ++i) {
        const auto& r = m_records[i];
        if (!r)
            continue; // a gap, or the layout
        const Segment& segment = m_segments[i];
        int k = m_layoutSegment ? -1 : signal;
        for (int c = 0; m_layoutSegment && c < r->signalCount(); ++c) {
            if (r->signal(c).description == layout.description) {
                k = c;
                break;
            }
        }
        if (k < 0)
            continue; // this segment does not record the signal: a gap
        QString why;
        if (!r->readSamples(k, buffer, &why))
            return fail(tr("segment %1: %2").arg(segment.name, why));
        const qint64 wanted = segment.frames * perFrame;
        const qint64 have = static_cast<qint64>(buffer.size());
        if (have < wanted && warnings)
            warnings->append(tr("Segment %1 holds %2 of its %3 samples of signal %4; the rest is a gap.")
                                 .arg(segment.name)
                                 .arg(have)
                                 .arg(wanted)
                                 .arg(signal));
        const qint64 n = std::min(have, wanted);
        qint32* dst = out.data() + segment.startFrame * perFrame;
        const WfdbSignal& s = r->signal(k);
        if (s.gain == layout.gain && s.baseline == layout.baseline) {
            std::copy(buffer.begin(), buffer.begin() + n, dst);
        } else {
            // Another calibration than the layout's: convert to it.
            const double scale = layout.gain / s.gain;
            for (qint64 x = 0; x < n; ++x) {
                const qint32 v = buffer[std::size_t(x)];
                if (v == WaveCodec::kInvalid) {
                    dst[x] = v;
                    continue;
                }
                const double d = std::round((double(v) - double(s.baseline)) * scale + double(layout.baseline));
                dst[x] = std::abs(d) < 2.1e9 ? static_cast<qint32>(d) : WaveCodec::kInvalid;
            }
        }
    }
    return true;
}

} // namespace vigil::codec
