#include "edfrecord.h"

#include "edftal.h"

#include <QDate>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>
#include <QTime>
#include <QTimeZone>
#include <QtEndian>

#include <edflib.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <mutex>

namespace vigil::codec {

namespace {

// EDFlib keeps its open files in a global table: open, close (and, to be safe, every call) are
// serialised.
std::mutex& edflibMutex()
{
    static std::mutex mutex;
    return mutex;
}

constexpr qint64 kMaxSamplesPerRecord = 100'000'000;
constexpr qint64 kMicrosPerSecond = 1'000'000;

bool isPrintableAscii(QByteArrayView bytes)
{
    for (const char c : bytes) {
        const auto u = static_cast<uchar>(c);
        if (u < 32 || u > 126)
            return false;
    }
    return true;
}

// A header field: trailing (and leading) spaces dropped; UTF-8 if valid, else Latin-1.
QString fieldText(QByteArrayView bytes)
{
    const QByteArrayView trimmed = bytes.trimmed();
    QStringDecoder utf8(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
    QString s = utf8(trimmed);
    if (utf8.hasError())
        s = QString::fromLatin1(trimmed);
    return s;
}

std::optional<qint64> toInteger(QByteArrayView field)
{
    bool ok = false;
    const qint64 v = field.trimmed().toLongLong(&ok, 10);
    if (!ok)
        return std::nullopt;
    return v;
}

std::optional<double> toNumber(QByteArrayView field)
{
    QByteArray text = field.trimmed().toByteArray();
    text.replace(',', '.'); // some writers use a decimal comma
    bool ok = false;
    const double v = text.toDouble(&ok);
    if (!ok || !std::isfinite(v))
        return std::nullopt;
    return v;
}

int monthFromAbbreviation(QByteArrayView month)
{
    static const char* const kMonths[] = {
        "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    const QByteArray upper = month.toByteArray().toUpper();
    for (int i = 0; i < 12; ++i) {
        if (upper == kMonths[i])
            return i + 1;
    }
    return 0;
}

// "dd.mm.yy"; with EDF+, the recording field's "Startdate dd-MMM-yyyy" gives the century.
QDate parseStartDate(QByteArrayView field, QByteArrayView recording, bool plus)
{
    const QList<QByteArray> parts = field.trimmed().toByteArray().split('.');
    if (parts.size() != 3)
        return {};
    bool okDay = false, okMonth = false, okYear = false;
    const int day = parts[0].toInt(&okDay);
    const int month = parts[1].toInt(&okMonth);
    const int yy = parts[2].toInt(&okYear);
    if (!okDay || !okMonth || !okYear || parts[2].size() != 2)
        return {};
    int year = yy >= 85 ? 1900 + yy : 2000 + yy;
    if (plus) {
        const QList<QByteArray> words = recording.trimmed().toByteArray().split(' ');
        if (words.size() >= 2 && words[0] == "Startdate") {
            const QList<QByteArray> d = words[1].split('-');
            bool ok = false;
            const int fullYear = d.size() == 3 ? d[2].toInt(&ok) : 0;
            if (ok && d[2].size() == 4 && fullYear % 100 == yy && d[0].toInt() == day
                && monthFromAbbreviation(d[1]) == month)
                year = fullYear;
        }
    }
    return QDate(year, month, day);
}

QTime parseStartTime(QByteArrayView field)
{
    const QList<QByteArray> parts = field.trimmed().toByteArray().split('.');
    if (parts.size() != 3)
        return {};
    bool ok1 = false, ok2 = false, ok3 = false;
    const QTime t(parts[0].toInt(&ok1), parts[1].toInt(&ok2), parts[2].toInt(&ok3));
    return ok1 && ok2 && ok3 ? t : QTime();
}

std::optional<qint64> toUtcMicros(QDate date, QTime time)
{
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    return QDateTime(date, time, QTimeZone::utc()).toMSecsSinceEpoch() * 1000;
}

QString edflibErrorText(int code)
{
    switch (code) {
    case EDFLIB_MALLOC_ERROR:
        return EdfRecord::tr("out of memory");
    case EDFLIB_NO_SUCH_FILE_OR_DIRECTORY:
        return EdfRecord::tr("no such file");
    case EDFLIB_FILE_CONTAINS_FORMAT_ERRORS:
        return EdfRecord::tr("the file does not follow the EDF specification");
    case EDFLIB_MAXFILES_REACHED:
        return EdfRecord::tr("too many files open");
    case EDFLIB_FILE_READ_ERROR:
        return EdfRecord::tr("read error");
    case EDFLIB_FILE_ALREADY_OPENED:
        return EdfRecord::tr("the file is already open");
    case EDFLIB_FILETYPE_ERROR:
        return EdfRecord::tr("not an EDF or BDF file");
    case EDFLIB_NUMBER_OF_SIGNALS_INVALID:
        return EdfRecord::tr("invalid number of signals");
    case EDFLIB_FILE_IS_DISCONTINUOUS:
        return EdfRecord::tr("the file is discontinuous (EDF+D)");
    default:
        return EdfRecord::tr("EDFlib error %1").arg(code);
    }
}

} // namespace

struct EdfRecord::LibFile
{
    int handle = -1;
    ~LibFile()
    {
        if (handle >= 0) {
            std::lock_guard lock(edflibMutex());
            edfclose_file(handle);
        }
    }
};

EdfRecord::EdfRecord(EdfRecord&&) noexcept = default;
EdfRecord& EdfRecord::operator=(EdfRecord&&) noexcept = default;
EdfRecord::EdfRecord(const EdfRecord&) = default;
EdfRecord& EdfRecord::operator=(const EdfRecord&) = default;
EdfRecord::~EdfRecord() = default;

std::optional<EdfRecord> EdfRecord::open(const QString& path, QString* error, Reader reader)
{
    const QString name = QFileInfo(path).fileName();
    QStringList libWarnings;
    if (reader != Reader::Lenient) {
        int code = 0;
        QString why;
        std::optional<EdfRecord> record = openWithEdfLib(path, &why, &code);
        if (record || reader == Reader::EdfLib) {
            if (!record && error)
                *error = tr("Cannot read EDF file %1: %2").arg(name, why);
            return record;
        }
        if (code != EDFLIB_FILE_CONTAINS_FORMAT_ERRORS && code != EDFLIB_FILE_IS_DISCONTINUOUS
            && code != EDFLIB_NUMBER_OF_SIGNALS_INVALID) {
            if (error)
                *error = tr("Cannot read EDF file %1: %2").arg(name, why);
            return std::nullopt;
        }
        if (code == EDFLIB_FILE_IS_DISCONTINUOUS)
            libWarnings.append(tr("The file is discontinuous (EDF+D): its data records are placed by their "
                                  "time-keeping annotations."));
        else
            libWarnings.append(tr("EDFlib refused the file (%1); it was read by Vigil's lenient reader.").arg(why));
    }

    auto file = std::make_shared<QFile>(path);
    if (!file->open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot open EDF file %1: %2").arg(name, file->errorString());
        return std::nullopt;
    }
    // Mapped, not copied: the lenient reader reads samples straight from the file's pages.
    QByteArray bytes;
    if (file->size() > 0) {
        uchar* mapped = file->map(0, file->size());
        if (!mapped) {
            if (error)
                *error = tr("Cannot read EDF file %1: %2").arg(name, file->errorString());
            return std::nullopt;
        }
        bytes = QByteArray::fromRawData(reinterpret_cast<const char*>(mapped), static_cast<qsizetype>(file->size()));
    }
    QString why;
    std::optional<EdfRecord> record = parseLenient(bytes, &why);
    if (!record) {
        if (error)
            *error = tr("Cannot read EDF file %1: %2").arg(name, why);
        return std::nullopt;
    }
    record->m_mapped = std::move(file);
    record->m_warnings = libWarnings + record->m_warnings;
    return record;
}

std::optional<EdfRecord> EdfRecord::parse(const QByteArray& bytes, QString* error)
{
    return parseLenient(bytes, error);
}

std::optional<EdfRecord> EdfRecord::openWithEdfLib(const QString& path, QString* error, int* edflibError)
{
    auto header = std::make_unique<edf_hdr_struct>(); // value-initialised: all zero
    int rc = 0;
    {
        std::lock_guard lock(edflibMutex());
        rc = edfopen_file_readonly(QFile::encodeName(path).constData(), header.get(), EDFLIB_READ_ALL_ANNOTATIONS);
    }
    if (rc != 0) {
        *edflibError = header->filetype;
        if (error)
            *error = edflibErrorText(header->filetype);
        return std::nullopt;
    }
    auto lib = std::make_shared<LibFile>();
    lib->handle = header->handle;

    EdfRecord record;
    record.m_reader = Reader::EdfLib;
    record.m_lib = lib;
    record.m_plus = header->filetype == EDFLIB_FILETYPE_EDFPLUS || header->filetype == EDFLIB_FILETYPE_BDFPLUS;
    record.m_bdf = header->filetype == EDFLIB_FILETYPE_BDF || header->filetype == EDFLIB_FILETYPE_BDFPLUS;
    record.m_recordCount = header->datarecords_in_file;
    record.m_recordDurationUs = header->datarecord_duration / 10; // 100 ns units
    const QDate date(header->startdate_year, header->startdate_month, header->startdate_day);
    const QTime time(header->starttime_hour, header->starttime_minute, header->starttime_second);
    if (const auto start = toUtcMicros(date, time))
        record.m_startUs = *start + header->starttime_subsecond / 10;
    else
        record.m_warnings.append(tr("The start date or time is not valid."));
    for (int i = 0; i < header->edfsignals && i < EDFLIB_MAXSIGNALS; ++i) {
        const edf_param_struct& p = header->signalparam[i];
        EdfSignal s;
        s.label = fieldText(p.label);
        s.transducer = fieldText(p.transducer);
        s.unit = fieldText(p.physdimension);
        s.prefilter = fieldText(p.prefilter);
        s.physicalMin = p.phys_min;
        s.physicalMax = p.phys_max;
        s.digitalMin = p.dig_min;
        s.digitalMax = p.dig_max;
        s.samplesPerRecord = p.smp_in_datarecord;
        s.sampleCount = p.smp_in_file;
        s.rateHz = header->datarecord_duration > 0
            ? static_cast<double>(p.smp_in_datarecord) * 1e7 / static_cast<double>(header->datarecord_duration)
            : 0.0;
        record.m_signals.push_back(s);
    }
    record.m_annotations.reserve(static_cast<std::size_t>(std::max<long long>(0, header->annotations_in_file)));
    for (long long n = 0; n < header->annotations_in_file; ++n) {
        edf_annotation_struct a{};
        int got = 0;
        {
            std::lock_guard lock(edflibMutex());
            got = edf_get_annotation(lib->handle, static_cast<int>(n), &a);
        }
        if (got != 0)
            break;
        a.annotation[EDFLIB_MAX_ANNOTATION_LEN] = '\0';
        EdfAnnotation annotation;
        annotation.onsetUs = a.onset / 10;
        annotation.durationUs = a.duration_l < 0 ? -1 : a.duration_l / 10;
        annotation.text = QString::fromUtf8(a.annotation).trimmed();
        record.m_annotations.push_back(annotation);
    }
    return record;
}

std::optional<EdfRecord> EdfRecord::parseLenient(const QByteArray& bytes, QString* error)
{
    const auto fail = [&](const QString& message) -> std::optional<EdfRecord> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const QByteArrayView all(bytes);
    if (all.size() < 256)
        return fail(tr("the file is shorter than an EDF header"));
    EdfRecord record;
    record.m_reader = Reader::Lenient;
    const QByteArrayView version = all.first(8);
    if (version
        == QByteArrayView("\xFF"
                          "BIOSEMI"))
        record.m_bdf = true;
    else if (version.trimmed() != QByteArrayView("0"))
        return fail(tr("not an EDF or BDF file"));
    const QByteArrayView recording = all.sliced(88, 80);
    const QByteArrayView reserved = all.sliced(192, 44);
    record.m_plus = reserved.startsWith("EDF+") || reserved.startsWith("BDF+");
    const bool discontinuous = record.m_plus && reserved.size() > 4 && reserved[4] == 'D';

    // Printable ASCII is all EDF allows in the header; say which field breaks that, never its text.
    if (!isPrintableAscii(all.sliced(8, 80)))
        record.m_warnings.append(tr("The patient identification field has bytes outside printable ASCII."));
    if (!isPrintableAscii(recording))
        record.m_warnings.append(tr("The recording identification field has bytes outside printable ASCII."));
    if (!isPrintableAscii(all.sliced(168, 88)))
        record.m_warnings.append(tr("The header's date, size or count fields have bytes outside printable ASCII."));

    const auto signalCount = toInteger(all.sliced(252, 4));
    if (!signalCount || *signalCount < 0 || *signalCount > kMaxSignals)
        return fail(tr("invalid number of signals"));
    const qint64 ns = *signalCount;
    const qint64 headerBytes = 256 * (ns + 1);
    if (all.size() < headerBytes)
        return fail(tr("the header is cut short"));
    if (const auto declared = toInteger(all.sliced(184, 8)); !declared || *declared != headerBytes)
        record.m_warnings.append(tr("The header-size field does not match the number of signals."));
    record.m_headerBytes = headerBytes;

    QByteArray durationField = all.sliced(244, 8).trimmed().toByteArray();
    durationField.replace(',', '.'); // some writers use a decimal comma
    const auto duration = EdfTal::parseSeconds(durationField, false);
    if (!duration || *duration < 0)
        return fail(tr("invalid data-record duration"));
    record.m_recordDurationUs = *duration;

    // Signal fields: ns labels, then ns transducers, ... (each field for every signal in turn).
    const QByteArrayView fields = all.sliced(256, headerBytes - 256);
    qint64 offset = 0;
    const auto field = [&](int width, qint64 index) { return fields.sliced(offset + index * width, width); };
    std::vector<QByteArrayView> labels, transducers, units, physMins, physMaxs, digMins, digMaxs, prefilters, sprs;
    const auto column = [&](int width, std::vector<QByteArrayView>& out) {
        for (qint64 i = 0; i < ns; ++i)
            out.push_back(field(width, i));
        offset += width * ns;
    };
    column(16, labels);
    column(80, transducers);
    column(8, units);
    column(8, physMins);
    column(8, physMaxs);
    column(8, digMins);
    column(8, digMaxs);
    column(80, prefilters);
    column(8, sprs);

    const int bytesPerSample = record.m_bdf ? 3 : 2;
    const qint64 digitalLimit = record.m_bdf ? (1 << 23) : (1 << 15);
    qint64 recordSamples = 0;
    std::vector<qint64> annotationOffsets; // bytes into a data record
    std::vector<qint64> annotationSizes;
    for (qint64 i = 0; i < ns; ++i) {
        const auto spr = toInteger(sprs[std::size_t(i)]);
        if (!spr || *spr < 0 || *spr > kMaxSamplesPerRecord)
            return fail(tr("signal %1 has an invalid number of samples per record").arg(i));
        const qint64 signalOffset = recordSamples * bytesPerSample;
        recordSamples += *spr;
        const QString label = fieldText(labels[std::size_t(i)]);
        if (label == QStringLiteral("EDF Annotations") || label == QStringLiteral("BDF Annotations")) {
            annotationOffsets.push_back(signalOffset);
            annotationSizes.push_back(*spr * bytesPerSample);
            continue;
        }
        for (const auto* f : {&labels, &transducers, &units, &physMins, &physMaxs, &digMins, &digMaxs, &prefilters}) {
            if (!isPrintableAscii((*f)[std::size_t(i)])) {
                record.m_warnings.append(tr("Signal %1 (\"%2\") has header bytes outside printable ASCII (EDF "
                                            "allows only ASCII); they were read as Latin-1 unless valid UTF-8.")
                                             .arg(QString::number(i), label));
                break;
            }
        }
        EdfSignal s;
        s.label = label;
        s.transducer = fieldText(transducers[std::size_t(i)]);
        s.unit = fieldText(units[std::size_t(i)]);
        s.prefilter = fieldText(prefilters[std::size_t(i)]);
        const auto pmin = toNumber(physMins[std::size_t(i)]);
        const auto pmax = toNumber(physMaxs[std::size_t(i)]);
        const auto dmin = toInteger(digMins[std::size_t(i)]);
        const auto dmax = toInteger(digMaxs[std::size_t(i)]);
        if (!pmin || !pmax || !dmin || !dmax || *pmin == *pmax || *dmin >= *dmax || *dmin < -digitalLimit
            || *dmax >= digitalLimit) {
            // Cannot be calibrated: left out (its bytes still count in the record layout).
            record.m_warnings.append(tr("Signal %1 (\"%2\") has an invalid physical or digital range and was "
                                        "left out.")
                                         .arg(QString::number(i), label));
            continue;
        }
        s.physicalMin = *pmin;
        s.physicalMax = *pmax;
        s.digitalMin = static_cast<qint32>(*dmin);
        s.digitalMax = static_cast<qint32>(*dmax);
        s.samplesPerRecord = static_cast<int>(*spr);
        s.rateHz = record.m_recordDurationUs > 0
            ? static_cast<double>(*spr) * 1e6 / static_cast<double>(record.m_recordDurationUs)
            : 0.0;
        if (*spr > 0 && record.m_recordDurationUs == 0)
            return fail(tr("data records of duration 0 hold samples of signal %1").arg(i));
        record.m_signals.push_back(s);
        record.m_signalOffsets.push_back(signalOffset);
    }
    record.m_recordBytes = recordSamples * bytesPerSample;

    const qint64 dataBytes = all.size() - headerBytes;
    const qint64 available = record.m_recordBytes > 0 ? dataBytes / record.m_recordBytes : 0;
    const auto declaredRecords = toInteger(all.sliced(236, 8));
    qint64 records = available;
    if (!declaredRecords || *declaredRecords < 0) {
        record.m_warnings.append(tr("The number of data records is not given; the %1 whole records in the file "
                                    "were read.")
                                     .arg(available));
    } else if (*declaredRecords > available) {
        record.m_warnings.append(
            tr("The header declares %1 data records, the file holds %2.").arg(*declaredRecords).arg(available));
    } else {
        records = *declaredRecords;
    }
    if (record.m_recordBytes > 0 && records == available && dataBytes % record.m_recordBytes != 0)
        record.m_warnings.append(tr("The file ends with a partial data record, which was left out."));
    record.m_recordCount = records;
    for (EdfSignal& s : record.m_signals)
        s.sampleCount = records * s.samplesPerRecord;

    // EDF+ annotations, and the time-keeping onset of every data record.
    qint64 firstOnset = 0;
    std::vector<qint64> onsets;
    if (record.m_plus && !annotationOffsets.empty()) {
        onsets.reserve(static_cast<std::size_t>(records));
        int badLists = 0;
        int missingTimeKeeping = 0;
        for (qint64 r = 0; r < records; ++r) {
            const qint64 base = headerBytes + r * record.m_recordBytes;
            std::optional<qint64> recordOnset;
            for (std::size_t a = 0; a < annotationOffsets.size(); ++a) {
                std::optional<qint64> onset;
                if (!EdfTal::parse(
                        all.sliced(base + annotationOffsets[a], annotationSizes[a]), record.m_annotations, onset))
                    ++badLists;
                if (a == 0)
                    recordOnset = onset;
            }
            if (!recordOnset)
                ++missingTimeKeeping;
            onsets.push_back(recordOnset.value_or(
                onsets.empty() ? 0 : onsets.back() + record.m_recordDurationUs)); // assume continuity
        }
        if (badLists > 0)
            record.m_warnings.append(tr("%1 annotation lists are malformed; the annotations before the fault in each "
                                        "were kept.")
                                         .arg(badLists));
        if (missingTimeKeeping > 0)
            record.m_warnings.append(
                tr("%1 data records have no time-keeping annotation; they were taken as continuous.")
                    .arg(missingTimeKeeping));
        if (!onsets.empty())
            firstOnset = onsets.front();
        for (EdfAnnotation& a : record.m_annotations)
            a.onsetUs -= firstOnset;
        if (discontinuous) {
            record.m_recordOnsetsUs.reserve(onsets.size());
            for (const qint64 onset : onsets)
                record.m_recordOnsetsUs.push_back(onset - firstOnset);
        }
    } else if (discontinuous) {
        return fail(tr("a discontinuous (EDF+D) file has no annotation signal to place its records"));
    }

    const QDate date = parseStartDate(all.sliced(168, 8), recording, record.m_plus);
    const QTime time = parseStartTime(all.sliced(176, 8));
    if (const auto start = toUtcMicros(date, time))
        record.m_startUs = *start + firstOnset;
    else
        record.m_warnings.append(tr("The start date or time is not valid."));

    record.m_bytes = bytes;
    return record;
}

bool EdfRecord::readDigital(int signal, qint64 first, qint64 count, std::vector<qint32>& out, QString* error) const
{
    out.clear();
    if (signal < 0 || signal >= signalCount()) {
        if (error)
            *error = tr("No signal %1 in a file of %2 signals").arg(signal).arg(signalCount());
        return false;
    }
    const EdfSignal& s = m_signals[std::size_t(signal)];
    first = std::clamp<qint64>(first, 0, s.sampleCount);
    count = std::clamp<qint64>(count, 0, s.sampleCount - first);
    if (count == 0)
        return true;
    out.resize(static_cast<std::size_t>(count));

    if (m_lib) {
        constexpr int kPiece = 1 << 20;
        std::vector<int> buffer(static_cast<std::size_t>(std::min<qint64>(count, kPiece)));
        std::lock_guard lock(edflibMutex());
        if (edfseek(m_lib->handle, signal, first, EDFSEEK_SET) != first) {
            out.clear();
            if (error)
                *error = tr("Cannot seek in the EDF file");
            return false;
        }
        qint64 done = 0;
        while (done < count) {
            const int n = static_cast<int>(std::min<qint64>(count - done, kPiece));
            const int got = edfread_digital_samples(m_lib->handle, signal, n, buffer.data());
            if (got <= 0) {
                out.clear();
                if (error)
                    *error = tr("Cannot read samples from the EDF file");
                return false;
            }
            std::copy(buffer.begin(), buffer.begin() + got, out.begin() + done);
            done += got;
        }
        return true;
    }

    const auto* d = reinterpret_cast<const uchar*>(m_bytes.constData());
    const qint64 spr = s.samplesPerRecord;
    const qint64 signalOffset = m_signalOffsets[std::size_t(signal)];
    const int bytesPerSample = m_bdf ? 3 : 2;
    qint64 i = first;
    std::size_t k = 0;
    while (i < first + count) {
        const qint64 r = i / spr;
        const qint64 inRecord = i % spr;
        const qint64 n = std::min(spr - inRecord, first + count - i);
        const uchar* p = d + m_headerBytes + r * m_recordBytes + signalOffset + inRecord * bytesPerSample;
        if (m_bdf) {
            for (qint64 j = 0; j < n; ++j, p += 3) {
                const quint32 v = quint32(p[0]) | quint32(p[1]) << 8 | quint32(p[2]) << 16;
                out[k++] = static_cast<qint32>((v ^ 0x800000u) - 0x800000u);
            }
        } else {
            for (qint64 j = 0; j < n; ++j, p += 2)
                out[k++] = qFromLittleEndian<qint16>(p);
        }
        i += n;
    }
    return true;
}

} // namespace vigil::codec
