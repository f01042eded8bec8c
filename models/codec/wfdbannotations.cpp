#include "wfdbannotations.h"

#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>
#include <QtEndian>

#include <array>
#include <cmath>

namespace vigil::codec {

namespace {

// WFDB's annotation mnemonics for codes 0-49 (lib/annot.c, cstring[]), in ASCII.
constexpr std::array<const char*, 50> kSymbols{{
    " ", "N", "L", "R", "a", "V", "F", "J", "A", "S", // 0-9
    "E", "j", "/", "Q", "~", nullptr, "|", nullptr, "s", "T", // 10-19
    "*", "D", "\"", "=", "p", "B", "^", "t", "+", "u", // 20-29
    "?", "!", "[", "]", "e", "n", "@", "x", "f", "(", // 30-39
    ")", "r", nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, // 40-49
}};

QString decodeAux(QByteArrayView bytes)
{
    // Aux text is ASCII in practice (rhythm labels, notes); tolerate UTF-8, else read Latin-1.
    qsizetype n = bytes.size();
    while (n > 0 && bytes[n - 1] == '\0')
        --n;
    if (const qsizetype nul = bytes.first(n).indexOf('\0'); nul >= 0)
        n = nul;
    const QByteArrayView text = bytes.first(n);
    QStringDecoder utf8(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
    QString s = utf8(text);
    if (utf8.hasError())
        s = QString::fromLatin1(text);
    return s;
}

int signExtend10(int value)
{
    return value >= 512 ? value - 1024 : value;
}

} // namespace

QString WfdbAnnotation::symbol() const
{
    return WfdbAnnotations::symbol(code);
}

QString WfdbAnnotations::symbol(int code)
{
    if (code >= 0 && code < static_cast<int>(kSymbols.size()) && kSymbols[std::size_t(code)])
        return QString::fromLatin1(kSymbols[std::size_t(code)]);
    return QStringLiteral("[%1]").arg(code);
}

bool WfdbAnnotations::isBeat(int code)
{
    // WFDB's isqrs(): NORMAL..UNKNOWN (1-13), BBB 25, LEARN 30, AESC 34, SVESC 35, PFUS 38, RONT 41.
    return (code >= 1 && code <= 13) || code == 25 || code == 30 || code == 34 || code == 35 || code == 38
        || code == 41;
}

std::optional<WfdbAnnotations> WfdbAnnotations::open(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot open WFDB annotation file %1: %2").arg(QFileInfo(path).fileName(), file.errorString());
        return std::nullopt;
    }
    if (file.size() > kMaxFileBytes) {
        if (error)
            *error = tr("WFDB annotation file %1 is too large (%2 bytes)")
                         .arg(QFileInfo(path).fileName(), QString::number(file.size()));
        return std::nullopt;
    }
    return parse(file.readAll(), error);
}

std::optional<WfdbAnnotations> WfdbAnnotations::parse(QByteArrayView bytes, QString* error)
{
    const auto fail = [&](qsizetype offset, const QString& message) -> std::optional<WfdbAnnotations> {
        if (error)
            *error = tr("WFDB annotations, byte %1: %2").arg(QString::number(offset), message);
        return std::nullopt;
    };
    if (bytes.size() > kMaxFileBytes)
        return fail(0, tr("the file is larger than %1 MiB").arg(kMaxFileBytes >> 20));

    WfdbAnnotations result;
    const auto* d = reinterpret_cast<const uchar*>(bytes.data());
    const qsizetype n = bytes.size();
    qsizetype pos = 0;
    qint64 time = 0;
    int channel = 0;
    int number = 0;
    WfdbAnnotation* current = nullptr;
    bool ended = false;
    while (pos + 2 <= n) {
        const qsizetype at = pos;
        const quint16 word = qFromLittleEndian<quint16>(d + pos);
        pos += 2;
        const int code = word >> 10;
        const int data = word & 0x3FF;
        if (word == 0) {
            ended = true;
            break;
        }
        switch (code) {
        case kSkip: {
            if (pos + 4 > n)
                return fail(at, tr("a SKIP is cut short"));
            // PDP-11 long: the high 16-bit word first, each word little-endian.
            const quint32 high = qFromLittleEndian<quint16>(d + pos);
            const quint32 low = qFromLittleEndian<quint16>(d + pos + 2);
            pos += 4;
            time += static_cast<qint32>(high << 16 | low);
            break;
        }
        case kNum:
            number = signExtend10(data);
            if (current)
                current->number = number;
            break;
        case kSub:
            if (current)
                current->subtype = signExtend10(data);
            break;
        case kChn:
            channel = data;
            if (current)
                current->channel = channel;
            break;
        case kAux: {
            const qsizetype length = data & 0xFF;
            const qsizetype padded = (length + 1) & ~qsizetype(1);
            if (pos + padded > n)
                return fail(at, tr("auxiliary text is cut short"));
            if (current)
                current->aux = decodeAux(bytes.sliced(pos, length));
            pos += padded;
            break;
        }
        default: {
            time += data;
            WfdbAnnotation a;
            a.sample = time;
            a.code = code;
            a.channel = channel;
            a.number = number;
            result.m_annotations.push_back(a);
            current = &result.m_annotations.back();
            break;
        }
        }
    }
    if (!ended)
        result.m_warnings.append(tr("The annotation file ends without its end marker."));

    // wfdb-python's time-resolution note: a NOTE at time 0 before any other annotation.
    if (!result.m_annotations.empty()) {
        const WfdbAnnotation& first = result.m_annotations.front();
        static const QString kPrefix = QStringLiteral("## time resolution: ");
        if (first.code == kNote && first.sample == 0 && first.aux.startsWith(kPrefix)) {
            bool ok = false;
            const double resolution = first.aux.mid(kPrefix.size()).trimmed().toDouble(&ok);
            if (ok && std::isfinite(resolution) && resolution > 0) {
                result.m_timeResolution = resolution;
                result.m_annotations.erase(result.m_annotations.begin());
            }
        }
    }
    return result;
}

} // namespace vigil::codec
