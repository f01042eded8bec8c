#include "edfwriter.h"

#include "wavecodec.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QTimeZone>

#include <edflib.h>

#include <algorithm>
#include <cmath>
#include <mutex>

namespace vigil::codec {

namespace {

// EDFlib keeps its open files in a global table: one file is written at a time.
std::mutex& writerMutex()
{
    static std::mutex mutex;
    return mutex;
}

constexpr int kMaxAnnotationSignals = 64; // EDFlib's limit
constexpr qint64 kMicrosPerSecond = 1'000'000;

// EDF header fields are printable ASCII: the unit prefix µ as "u" (EDF's own convention), the
// degree sign as "deg", anything else that is not printable ASCII as "_".
QByteArray headerAscii(const QString& text)
{
    QByteArray out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u >= 32 && u <= 126)
            out.append(static_cast<char>(u));
        else if (u == 0x00B5 || u == 0x03BC)
            out.append('u');
        else if (u == 0x00B0)
            out.append("deg");
        else
            out.append('_');
    }
    return out;
}

// Whether `value` can be written in an 8-character EDF number field without rounding.
bool fitsHeaderField(double value)
{
    for (int decimals = 0; decimals <= 7; ++decimals) {
        const QString text = QString::number(value, 'f', decimals);
        if (text.size() <= 8 && text.toDouble() == value)
            return true;
    }
    return false;
}

// µs as EDFlib's annotation unit, 100 µs (rounded to nearest).
long long toEdfLibUnits(qint64 micros)
{
    return static_cast<long long>(std::llround(static_cast<double>(micros) / 100.0));
}

} // namespace

std::optional<int> EdfWriter::recordSeconds(const std::vector<double>& ratesHz)
{
    for (int seconds = 1; seconds <= 60; ++seconds) {
        bool whole = true;
        for (const double rate : ratesHz) {
            const double perRecord = rate * seconds;
            if (!(rate > 0) || std::abs(perRecord - std::round(perRecord)) > 1e-6) {
                whole = false;
                break;
            }
        }
        if (whole)
            return seconds;
    }
    return std::nullopt;
}

bool EdfWriter::write(const QString& path, const Recording& recording, QString* error, QStringList* warnings)
{
    const QString fileName = QFileInfo(path).fileName();
    const auto fail = [&](const QString& message) {
        if (error)
            *error = tr("Cannot write EDF file %1: %2").arg(fileName, message);
        return false;
    };
    const std::vector<Signal>& signalList = recording.channels;
    if (signalList.empty())
        return fail(tr("there are no signals"));
    if (signalList.size() > static_cast<std::size_t>(EDFLIB_MAXSIGNALS - kMaxAnnotationSignals))
        return fail(tr("too many signals (%1)").arg(signalList.size()));

    std::vector<double> rates;
    for (const Signal& s : signalList)
        rates.push_back(s.rateHz);
    const std::optional<int> seconds = recordSeconds(rates);
    if (!seconds)
        return fail(tr("no data-record duration of 1 to 60 s holds a whole number of samples of every signal"));

    // Layout, checks and the gap annotations, before anything is written.
    std::vector<int> perRecord;
    qint64 records = 0;
    for (const Signal& s : signalList) {
        perRecord.push_back(static_cast<int>(std::llround(s.rateHz * *seconds)));
        const qint64 spr = perRecord.back();
        records = std::max(records, (static_cast<qint64>(s.samples.size()) + spr - 1) / spr);
    }
    records = std::max<qint64>(records, 1);
    std::vector<EdfAnnotation> annotations = recording.annotations;
    for (std::size_t j = 0; j < signalList.size(); ++j) {
        const Signal& s = signalList[j];
        if (!std::isfinite(s.gain) || s.gain == 0 || !std::isfinite(s.baseline))
            return fail(tr("signal %1 has no valid calibration").arg(j));
        const qint64 total = records * perRecord[j];
        bool hasMinimum = false;
        bool hasGap = false;
        qint64 gapStart = -1;
        for (qint64 i = 0; i <= total; ++i) {
            const bool gap = i < total
                && (i >= static_cast<qint64>(s.samples.size()) || s.samples[std::size_t(i)] == WaveCodec::kInvalid);
            if (i < total && !gap) {
                const qint32 v = s.samples[std::size_t(i)];
                if (v < kDigitalMin || v > kDigitalMax)
                    return fail(tr("signal %1 has the value %2, which does not fit EDF's 16 bits").arg(j).arg(v));
                hasMinimum = hasMinimum || v == kGapValue;
            }
            if (gap && gapStart < 0)
                gapStart = i;
            if (!gap && gapStart >= 0) {
                EdfAnnotation a;
                a.onsetUs = std::llround(static_cast<double>(gapStart) * 1e6 / s.rateHz);
                a.durationUs = std::llround(static_cast<double>(i) * 1e6 / s.rateHz) - a.onsetUs;
                a.text = QStringLiteral("gap %1").arg(s.label);
                annotations.push_back(a);
                gapStart = -1;
                hasGap = true;
            }
        }
        if (hasMinimum && hasGap)
            return fail(tr("signal %1 has both gaps and the value %2, which marks them").arg(j).arg(kGapValue));
        const double physicalMin = (kDigitalMin - s.baseline) / s.gain;
        const double physicalMax = (kDigitalMax - s.baseline) / s.gain;
        if (warnings && (!fitsHeaderField(physicalMin) || !fitsHeaderField(physicalMax)))
            warnings->append(tr("The calibration of signal %1 was rounded to EDF's 8-character fields; its samples "
                                "are exact.")
                                 .arg(j));
    }
    std::stable_sort(annotations.begin(), annotations.end(),
        [](const EdfAnnotation& a, const EdfAnnotation& b) { return a.onsetUs < b.onsetUs; });
    // EDFlib stores one annotation per annotation signal per data record.
    const qint64 annotationSignals = std::max<qint64>(1, (qint64(annotations.size()) + records - 1) / records);
    if (annotationSignals > kMaxAnnotationSignals)
        return fail(tr("%1 annotations do not fit %2 data records").arg(annotations.size()).arg(records));

    const QDateTime start = QDateTime::fromMSecsSinceEpoch(
        recording.startUs / 1000 - (recording.startUs % 1000 < 0 ? 1 : 0), QTimeZone::utc());
    if (start.date().year() < 1985 || start.date().year() > 2084)
        return fail(tr("EDF start dates are 1985 to 2084"));
    const qint64 subsecondUs = ((recording.startUs % kMicrosPerSecond) + kMicrosPerSecond) % kMicrosPerSecond;

    std::lock_guard lock(writerMutex());
    const QByteArray encodedPath = QFile::encodeName(path);
    const int handle =
        edfopen_file_writeonly(encodedPath.constData(), EDFLIB_FILETYPE_EDFPLUS, static_cast<int>(signalList.size()));
    if (handle < 0)
        return fail(tr("EDFlib cannot create it (error %1)").arg(handle));
    bool ok = true;
    const auto check = [&](int rc) { ok = ok && rc == 0; };
    check(edf_set_datarecord_duration(handle, *seconds * 100'000)); // in 10 µs units
    check(edf_set_number_of_annotation_signals(handle, static_cast<int>(annotationSignals)));
    const QDate d = start.date();
    const QTime t = start.time();
    check(edf_set_startdatetime(handle, d.year(), d.month(), d.day(), t.hour(), t.minute(), t.second()));
    check(edf_set_subsecond_starttime(handle, static_cast<int>(subsecondUs * 10))); // 100 ns units
    if (!recording.patient.code.isEmpty())
        check(edf_set_patientcode(handle, headerAscii(recording.patient.code).constData()));
    if (!recording.patient.name.isEmpty())
        check(edf_set_patientname(handle, headerAscii(recording.patient.name).constData()));
    if (const QDate b = recording.patient.birthDate; b.isValid())
        check(edf_set_birthdate(handle, b.year(), b.month(), b.day()));
    if (!recording.equipment.isEmpty())
        check(edf_set_equipment(handle, headerAscii(recording.equipment).constData()));
    for (std::size_t j = 0; j < signalList.size(); ++j) {
        const Signal& s = signalList[j];
        const int sig = static_cast<int>(j);
        check(edf_set_samplefrequency(handle, sig, perRecord[j]));
        check(edf_set_digital_minimum(handle, sig, kDigitalMin));
        check(edf_set_digital_maximum(handle, sig, kDigitalMax));
        check(edf_set_physical_minimum(handle, sig, (kDigitalMin - s.baseline) / s.gain));
        check(edf_set_physical_maximum(handle, sig, (kDigitalMax - s.baseline) / s.gain));
        check(edf_set_label(handle, sig, headerAscii(s.label).constData()));
        check(edf_set_physical_dimension(handle, sig, headerAscii(s.unit).constData()));
        if (!s.transducer.isEmpty())
            check(edf_set_transducer(handle, sig, headerAscii(s.transducer).constData()));
    }
    if (!ok) {
        edfclose_file(handle);
        QFile::remove(path);
        return fail(tr("EDFlib refused the header"));
    }

    std::vector<int> buffer;
    for (qint64 r = 0; r < records && ok; ++r) {
        for (std::size_t j = 0; j < signalList.size() && ok; ++j) {
            const Signal& s = signalList[j];
            const qint64 spr = perRecord[j];
            buffer.assign(static_cast<std::size_t>(spr), kGapValue);
            for (qint64 k = 0; k < spr; ++k) {
                const qint64 i = r * spr + k;
                if (i < static_cast<qint64>(s.samples.size()) && s.samples[std::size_t(i)] != WaveCodec::kInvalid)
                    buffer[std::size_t(k)] = s.samples[std::size_t(i)];
            }
            check(edfwrite_digital_samples(handle, buffer.data()));
        }
    }
    for (const EdfAnnotation& a : annotations) {
        if (!ok)
            break;
        check(edfwrite_annotation_utf8(handle, toEdfLibUnits(a.onsetUs),
            a.durationUs < 0 ? -1LL : toEdfLibUnits(a.durationUs), a.text.toUtf8().constData()));
    }
    const int closed = edfclose_file(handle);
    if (!ok || closed != 0) {
        QFile::remove(path);
        return fail(tr("EDFlib could not write the data"));
    }
    return true;
}

} // namespace vigil::codec
