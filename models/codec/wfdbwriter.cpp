#include "wfdbwriter.h"

#include "wavecodec.h"
#include "wfdbannotations.h"
#include "wfdbrecord.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLocale>
#include <QSaveFile>
#include <QTimeZone>
#include <QtEndian>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace vigil::codec {

namespace {

constexpr int kMaxAux = 255; // the AUX pseudo-annotation's length is one byte
constexpr qint32 kFormat16Invalid = -32768;

QString shortest(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

// A header token must not contain white space (the description, last on the line, may).
QString token(const QString& text)
{
    QString t = text.trimmed();
    for (QChar& c : t) {
        if (c.isSpace())
            c = u'_';
    }
    return t;
}

bool isPlainName(const QString& name)
{
    return !name.isEmpty() && !name.contains(u'/') && !name.contains(u'\\') && !name.contains(u' ')
        && name != QStringLiteral(".") && name != QStringLiteral("..");
}

void appendWord(QByteArray& out, quint16 word)
{
    char bytes[2];
    qToLittleEndian(word, bytes);
    out.append(bytes, 2);
}

quint16 word(int code, int data)
{
    return static_cast<quint16>((code & 0x3F) << 10 | (data & 0x3FF));
}

// UTF-8 of `text`, at most kMaxAux bytes, cut before a character rather than inside one.
QByteArray auxBytes(const QString& text)
{
    QByteArray bytes = text.toUtf8();
    if (bytes.size() <= kMaxAux)
        return bytes;
    qsizetype n = kMaxAux;
    while (n > 0 && (static_cast<uchar>(bytes[n]) & 0xC0) == 0x80)
        --n;
    return bytes.left(n);
}

} // namespace

std::optional<std::pair<double, std::vector<int>>> WfdbWriter::frameLayout(const std::vector<double>& ratesHz)
{
    if (ratesHz.empty())
        return std::nullopt;
    bool whole = true;
    for (const double rate : ratesHz) {
        if (!(rate > 0) || !std::isfinite(rate))
            return std::nullopt;
        whole = whole && rate == std::round(rate) && rate < 1e9;
    }
    if (whole) {
        long long divisor = 0;
        for (const double rate : ratesHz)
            divisor = std::gcd(divisor, static_cast<long long>(rate));
        std::vector<int> perFrame;
        for (const double rate : ratesHz)
            perFrame.push_back(static_cast<int>(static_cast<long long>(rate) / divisor));
        return std::pair{static_cast<double>(divisor), perFrame};
    }
    if (std::all_of(ratesHz.begin(), ratesHz.end(), [&](double r) { return r == ratesHz.front(); }))
        return std::pair{ratesHz.front(), std::vector<int>(ratesHz.size(), 1)};
    return std::nullopt;
}

QByteArray WfdbWriter::encodeAnnotations(
    const std::vector<Annotation>& annotations, double ticksPerSecond, bool resolutionNote)
{
    std::vector<Annotation> sorted = annotations;
    std::stable_sort(
        sorted.begin(), sorted.end(), [](const Annotation& a, const Annotation& b) { return a.onsetUs < b.onsetUs; });
    if (resolutionNote) {
        Annotation note;
        note.onsetUs = 0;
        note.code = WfdbAnnotations::kNote;
        note.aux = QStringLiteral("## time resolution: %1").arg(shortest(ticksPerSecond));
        sorted.insert(sorted.begin(), note);
    }
    QByteArray out;
    qint64 previous = 0;
    int channel = 0;
    int number = 0;
    bool first = true;
    for (const Annotation& a : sorted) {
        const bool mitCode = a.code >= 1 && a.code < WfdbAnnotations::kSkip;
        const int code = mitCode ? a.code : WfdbAnnotations::kNote;
        // The resolution note sits at 0 before everything else, even an annotation with a negative
        // time (which the SKIP then reaches).
        const qint64 tick =
            first && resolutionNote ? 0 : std::llround(static_cast<double>(a.onsetUs) * ticksPerSecond / 1e6);
        first = false;
        qint64 delta = tick - previous;
        previous = tick;
        while (delta < 0 || delta > 1023) {
            // SKIP: a signed 32-bit interval, high 16-bit word first, each word little-endian.
            const qint64 step =
                std::clamp<qint64>(delta, std::numeric_limits<qint32>::min(), std::numeric_limits<qint32>::max());
            const auto interval = static_cast<quint32>(static_cast<qint32>(step));
            appendWord(out, word(WfdbAnnotations::kSkip, 0));
            appendWord(out, static_cast<quint16>(interval >> 16));
            appendWord(out, static_cast<quint16>(interval & 0xFFFFu));
            delta -= step;
        }
        appendWord(out, word(code, static_cast<int>(delta)));
        if (a.subtype != 0)
            appendWord(out, word(WfdbAnnotations::kSub, std::clamp(a.subtype, -512, 511)));
        const int chan = std::clamp(a.channel, 0, 1023);
        if (chan != channel) {
            appendWord(out, word(WfdbAnnotations::kChn, chan));
            channel = chan;
        }
        const int num = std::clamp(a.number, -512, 511);
        if (num != number) {
            appendWord(out, word(WfdbAnnotations::kNum, num));
            number = num;
        }
        QString text = a.aux;
        if (!mitCode && text.isEmpty())
            text = QStringLiteral("[%1]").arg(a.code); // keep what the code was
        if (!text.isEmpty()) {
            const QByteArray aux = auxBytes(text);
            appendWord(out, word(WfdbAnnotations::kAux, static_cast<int>(aux.size())));
            out.append(aux);
            if (aux.size() % 2 != 0)
                out.append('\0');
        }
    }
    appendWord(out, 0);
    return out;
}

bool WfdbWriter::write(
    const QString& directory, const QString& name, const Record& record, QString* error, QStringList* warnings)
{
    const auto fail = [&](const QString& message) {
        if (error)
            *error = tr("Cannot write WFDB record %1: %2").arg(name, message);
        return false;
    };
    if (!isPlainName(name))
        return fail(tr("the record name must be a plain name"));
    const std::vector<Signal>& signalList = record.channels;
    if (signalList.empty())
        return fail(tr("there are no signals"));
    std::vector<double> rates;
    for (const Signal& s : signalList)
        rates.push_back(s.rateHz);
    const auto layout = frameLayout(rates);
    if (!layout)
        return fail(tr("the signals' rates cannot share one record"));
    const double frameRate = layout->first;
    const std::vector<int>& perFrame = layout->second;

    // Format: 16 unless a value needs more (or is 16's invalid value).
    int format = 16;
    qint64 frames = 0;
    for (std::size_t j = 0; j < signalList.size(); ++j) {
        const Signal& s = signalList[j];
        if (!std::isfinite(s.gain) || s.gain <= 0 || !std::isfinite(s.baseline))
            return fail(tr("signal %1 has no valid calibration").arg(j));
        for (const qint32 v : s.samples) {
            if (v != WaveCodec::kInvalid && (v <= kFormat16Invalid || v > 32767))
                format = 32;
        }
        frames = std::max(frames, (static_cast<qint64>(s.samples.size()) + perFrame[j] - 1) / perFrame[j]);
    }
    const qint32 invalid = *WfdbRecord::invalidValue(format);

    QByteArray data;
    qint64 frameSize = 0;
    for (const int n : perFrame)
        frameSize += n;
    data.reserve(static_cast<qsizetype>(frames * frameSize * (format / 8)));
    std::vector<std::vector<qint32>> padded(signalList.size());
    for (std::size_t j = 0; j < signalList.size(); ++j) {
        padded[j] = signalList[j].samples;
        padded[j].resize(static_cast<std::size_t>(frames * perFrame[j]), WaveCodec::kInvalid);
    }
    for (qint64 f = 0; f < frames; ++f) {
        for (std::size_t j = 0; j < signalList.size(); ++j) {
            for (int k = 0; k < perFrame[j]; ++k) {
                const qint32 v = padded[j][std::size_t(f * perFrame[j] + k)];
                const qint32 raw = v == WaveCodec::kInvalid ? invalid : v;
                if (format == 16) {
                    appendWord(data, static_cast<quint16>(static_cast<qint16>(raw)));
                } else {
                    char bytes[4];
                    qToLittleEndian(raw, bytes);
                    data.append(bytes, 4);
                }
            }
        }
    }

    const QString datName = name + QStringLiteral(".dat");
    QString header =
        QStringLiteral("%1 %2 %3 %4").arg(name).arg(signalList.size()).arg(shortest(frameRate)).arg(frames);
    if (record.startUs) {
        const QDateTime start = QDateTime::fromMSecsSinceEpoch(
            *record.startUs / 1000 - (*record.startUs % 1000 < 0 ? 1 : 0), QTimeZone::utc());
        header += QStringLiteral(" %1 %2").arg(
            start.time().toString(QStringLiteral("HH:mm:ss.zzz")), start.date().toString(QStringLiteral("dd/MM/yyyy")));
    }
    header += u'\n';
    for (std::size_t j = 0; j < signalList.size(); ++j) {
        const Signal& s = signalList[j];
        const double rounded = std::round(s.baseline);
        if (rounded != s.baseline && warnings)
            warnings->append(tr("The baseline of signal %1 was rounded to WFDB's whole number.").arg(j));
        const QString unit = token(s.unit).isEmpty() ? QStringLiteral("NU") : token(s.unit);
        const QString spec =
            perFrame[j] > 1 ? QStringLiteral("%1x%2").arg(format).arg(perFrame[j]) : QString::number(format);
        const qint32 initial =
            padded[j].empty() || padded[j].front() == WaveCodec::kInvalid ? invalid : padded[j].front();
        const QString description =
            s.label.simplified().isEmpty() ? QStringLiteral("signal %1").arg(j) : s.label.simplified();
        header += QStringLiteral("%1 %2 %3(%4)/%5 %6 0 %7 %8 0 %9\n")
                      .arg(datName, spec, shortest(s.gain), QString::number(static_cast<qint64>(rounded)), unit,
                          QString::number(format), QString::number(initial),
                          QString::number(WfdbRecord::checksum(format, padded[j])), description);
    }
    for (const QString& comment : record.comments) {
        for (const QString& line : comment.split(u'\n'))
            header += QStringLiteral("# %1\n").arg(line);
    }

    const QDir dir(directory);
    const QString atrPath = dir.filePath(name + QStringLiteral(".atr"));
    std::vector<QString> written;
    const auto save = [&](const QString& fileName, const QByteArray& bytes) {
        QSaveFile file(dir.filePath(fileName));
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
            for (const QString& path : written)
                QFile::remove(path);
            return fail(tr("%1: %2").arg(fileName, file.errorString()));
        }
        written.push_back(dir.filePath(fileName));
        return true;
    };
    if (!save(datName, data) || !save(name + QStringLiteral(".hea"), header.toUtf8()))
        return false;
    if (record.annotations.empty()) {
        QFile::remove(atrPath); // a stale one would be read as this record's
        return true;
    }
    const int maxPerFrame = *std::max_element(perFrame.begin(), perFrame.end());
    const double ticksPerSecond = frameRate * maxPerFrame;
    return save(name + QStringLiteral(".atr"), encodeAnnotations(record.annotations, ticksPerSecond, maxPerFrame > 1));
}

} // namespace vigil::codec
