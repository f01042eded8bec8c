// Export → import round trips through the real vigilctl: a recorded cache exported as EDF+, WFDB
// and FHIR (`vigilctl export`), each export imported into a fresh cache (`vigilctl import`), and both
// caches compared in process. Every stored sample of every stream must come back at the same device
// time with the same digital value, on a stream of the same MDC code, rate and unit; FHIR also
// carries the vital signs, EDF+ and WFDB the annotations and (--case-events) the case events.
//
// What each format keeps exactly, and what it cannot:
// - Digital values: exact in all three (EDF+ and WFDB store the cache's integers, FHIR its data
//   string with origin/factor). EDF+ spells its calibration in 8-character header fields, so the
//   imported gain and baseline may differ from the cache's in the last bits (checked to 1e-9 of the
//   gain for the live streams' calibrations, to about 1e-6 for an odd one; the physical values then
//   agree within half a quantum, checked for every sample); WFDB and FHIR keep them exactly.
// - Gaps (time with no stored sample): stay gaps. EDF+ writes them as the digital minimum with a
//   "gap <label>" annotation; the importer turns those back into gaps and does not store the
//   annotations.
// - Labels: WFDB and FHIR keep them; EDF+ names an ECG lead "ECG <lead>" (the importer keeps the
//   file's label).
// - Annotations: EDF+ keeps onset, duration (to 100 µs) and text (a WFDB code becomes its mnemonic
//   as text); WFDB keeps onset (on the highest sampling rate), code, subtype, channel, number and aux
//   text, and writes a free-text annotation (code 0) as a NOTE (22) with the text as aux; it has no
//   durations. Case events come back as annotations with the text "case event: <kind>".

#include "clinical/caseevent.h"
#include "codec/wavecodec.h"
#include "core/streamkind.h"
#include "core/vitalsigns.h"
#include "crypto/securebytes.h"
#include "ctlrunner.h"
#include "store/cache.h"
#include "store/storereader.h"
#include "store/storewriter.h"
#include "store/streamdescriptor.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <vector>

using namespace vigil;
using integration::CtlResult;
using integration::CtlRunner;

namespace {

// A writer configuration that never prunes: the recordings here are dated in the past, and the
// retention policy would remove them as they are written.
store::StoreWriter::Config unpruned()
{
    store::StoreWriter::Config config;
    config.pruning = false;
    return config;
}

core::PatientIdentity identityFor(const QString& key)
{
    core::PatientIdentity identity;
    identity.id = key;
    return identity;
}

const QByteArray kPass = QByteArrayLiteral("amber meadow violin 58");
constexpr core::Timestamp kStart = 1'700'000'000'000'000; // a whole second
constexpr core::Timestamp kFrom = kStart + 15 * core::kMicrosPerSecond;
constexpr core::Timestamp kTo = kFrom + 30 * core::kMicrosPerSecond;
constexpr core::Timestamp kEnd = std::numeric_limits<core::Timestamp>::max();
const QString kGapKey = QStringLiteral("roundtrip-gap-source"); // synthetic patients, no identity
const QString kOddKey = QStringLiteral("roundtrip-odd-source");

// Every valid stored sample of one stream in [from, to): device time → digital value.
using SampleMap = std::map<core::Timestamp, qint32>;

struct StreamSamples
{
    store::StreamDescriptor descriptor;
    SampleMap samples;
};

// The annotations of the imported cache as the test compares them.
struct Note
{
    core::Timestamp time = 0;
    core::Timestamp durationUs = -1;
    int code = 0;
    int subtype = 0;
    int channel = 0;
    int number = 0;
    QString symbol;
    QString text;
};

enum class Format {
    Edf,
    Wfdb,
    Fhir
};

QString formatName(Format f)
{
    switch (f) {
    case Format::Edf:
        return QStringLiteral("edf");
    case Format::Wfdb:
        return QStringLiteral("wfdb");
    case Format::Fhir:
        return QStringLiteral("fhir");
    }
    return {};
}

// A deterministic digital value that fits EDF's 16 bits and is never its gap value.
qint32 syntheticValue(int stream, qint64 index)
{
    return static_cast<qint32>((index * (37 + 11 * stream)) % 4001) - 2000;
}

} // namespace

Q_DECLARE_METATYPE(Format)

class TestExportRoundTrip : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_pass;
    QString m_source; // demo recording + annotations and a case event (in process)
    qint64 m_patientId = 0;
    QString m_gapSource; // a synthetic recording with gaps (in process)
    qint64 m_gapPatientId = 0;
    QString m_oddSource; // one ECG stream at 360 Hz, gain 49, baseline 3, starting 250 µs into a second
    qint64 m_oddPatientId = 0;
    int m_serial = 0;

    [[nodiscard]] QString path(const QString& name) const { return m_dir.filePath(name); }

    static QStringList with(QStringList arguments, const QString& cache, const QString& passFile)
    {
        arguments << QStringLiteral("--cache") << cache << QStringLiteral("--passphrase-file") << passFile;
        return arguments;
    }

    static std::unique_ptr<store::Cache> openInProcess(const QString& cachePath)
    {
        store::StoreError error;
        auto cache = store::Cache::open(cachePath, crypto::SecureBytes::fromUtf8(QString::fromUtf8(kPass)), &error);
        if (!cache)
            qWarning("cannot open the cache: %s", qPrintable(error.message));
        return cache;
    }

    [[nodiscard]] bool initCache(const QString& cachePath) const
    {
        const CtlResult init = CtlRunner::run(
            with({QStringLiteral("cache"), QStringLiteral("init"), QStringLiteral("--kdf"), QStringLiteral("fast")},
                cachePath, m_pass));
        if (!init.exitedWith(0))
            qWarning("cache init: %s", init.describe().constData());
        return init.exitedWith(0);
    }

    // Every stream of `patientId` in [from, to), by MDC code; false when a read fails.
    static bool readStreams(store::StoreReader& reader, qint64 patientId, core::Timestamp from, core::Timestamp to,
        std::map<int, StreamSamples>& out)
    {
        for (const store::StoreReader::StreamRow& row : reader.streams(patientId)) {
            if (out.count(row.descriptor.code) != 0) {
                qWarning("two streams of code %d", row.descriptor.code);
                return false;
            }
            StreamSamples& stream = out[row.descriptor.code];
            stream.descriptor = row.descriptor;
            std::vector<store::StoreReader::SampleRun> runs;
            store::StoreError error;
            if (!reader.samples(row.id, from, to, runs, &error)) {
                qWarning("cannot read samples: %s", qPrintable(error.message));
                return false;
            }
            for (const auto& run : runs) {
                for (std::size_t i = 0; i < run.samples.size(); ++i) {
                    if (run.samples[i] == codec::WaveCodec::kInvalid)
                        continue;
                    const core::Timestamp t =
                        run.firstSampleTime + std::llround(static_cast<double>(i) * 1e6 / row.descriptor.rateHz);
                    if (!stream.samples.emplace(t, run.samples[i]).second) {
                        qWarning("two samples of code %d at one time", row.descriptor.code);
                        return false;
                    }
                }
            }
        }
        return true;
    }

    // Exports [kFrom, kTo) of `patientId` in `format` and imports the export into a fresh cache;
    // returns that cache's path (empty on failure) and the import's JSON report.
    QString exportAndImport(const QString& sourceCache, qint64 patientId, Format format, QJsonObject& importReport)
    {
        const QString tag = QStringLiteral("rt%1").arg(++m_serial);
        QString output;
        QString importFile;
        switch (format) {
        case Format::Edf:
            output = path(tag + QStringLiteral(".edf"));
            importFile = output;
            break;
        case Format::Wfdb:
            output = path(tag); // the record: tag.hea, tag.dat, tag.atr
            importFile = output + QStringLiteral(".hea");
            break;
        case Format::Fhir:
            output = path(tag + QStringLiteral(".json"));
            importFile = output;
            break;
        }
        QStringList arguments{QStringLiteral("export"), QStringLiteral("--patient"), QString::number(patientId),
            QStringLiteral("--from"), QString::number(kFrom), QStringLiteral("--to"), QString::number(kTo),
            QStringLiteral("--format"), formatName(format), QStringLiteral("--output"), output};
        if (format != Format::Fhir)
            arguments << QStringLiteral("--pseudonymise") << QStringLiteral("--case-events");
        const CtlResult exported = CtlRunner::run(with(arguments, sourceCache, m_pass));
        if (!exported.exitedWith(0)) {
            qWarning("export: %s", exported.describe().constData());
            return {};
        }
        const QString target = path(tag + QStringLiteral("-imported.vigil"));
        if (!initCache(target))
            return {};
        const CtlResult imported = CtlRunner::run(
            with({QStringLiteral("import"), QStringLiteral("--json"), importFile}, target, m_pass), {}, 120000);
        importReport = imported.json();
        if (!imported.exitedWith(0)) {
            qWarning("import: %s", imported.describe().constData());
            return {};
        }
        return target;
    }

    // The imported patient of a cache that holds exactly one.
    static std::optional<store::StoreReader::PatientRow> onlyPatient(store::StoreReader& reader)
    {
        const auto patients = reader.patients();
        if (patients.size() != 1) {
            qWarning("%d patients in the imported cache", int(patients.size()));
            return std::nullopt;
        }
        return patients.front();
    }

    // Compares the samples of every source stream with the imported cache's; counts what differs.
    static void compareStreams(const std::map<int, StreamSamples>& source, const std::map<int, StreamSamples>& imported,
        Format format, qint64* compared)
    {
        QCOMPARE(imported.size(), source.size());
        for (const auto& [code, expected] : source) {
            const auto it = imported.find(code);
            QVERIFY2(it != imported.end(), qPrintable(QStringLiteral("no stream of code %1").arg(code)));
            const store::StreamDescriptor& want = expected.descriptor;
            const store::StreamDescriptor& got = it->second.descriptor;
            QCOMPARE(got.code, want.code);
            QCOMPARE(got.rateHz, want.rateHz);
            QCOMPARE(got.unit, want.unit);
            if (format == Format::Edf) {
                // 8-character physical minimum and maximum: a calibration they cannot spell is rounded
                // (the live streams' gains 200 and 1000 to 1e-9, the odd one below to about 1e-6 and
                // its baseline to a few hundredths of a digital unit). It must stay within half a
                // quantum in physical units over the whole 16-bit range (each sample is checked too).
                QVERIFY(std::abs(got.gain - want.gain) <= 1e-5 * std::abs(want.gain));
                for (const qint32 end : {-32768, 32767})
                    QVERIFY(std::abs(got.toPhysical(end) - want.toPhysical(end)) <= 0.5 / std::abs(want.gain));
                if (want.gain == 200 || want.gain == 1000) {
                    QVERIFY(std::abs(got.gain - want.gain) <= 1e-9 * want.gain);
                    QVERIFY(std::abs(got.baseline - want.baseline) <= 1e-6);
                }
                const QString label =
                    code == core::mdcCode(core::StreamKind::Ecg) && !want.label.startsWith(QStringLiteral("ECG"))
                    ? QStringLiteral("ECG %1").arg(want.label)
                    : want.label;
                QCOMPARE(got.label, label);
            } else {
                QCOMPARE(got.gain, want.gain);
                QCOMPARE(got.baseline, want.baseline);
                QCOMPARE(got.label, want.label);
            }

            const SampleMap& a = expected.samples;
            const SampleMap& b = it->second.samples;
            QVERIFY(!a.empty());
            qint64 missing = 0;
            qint64 different = 0;
            qint64 physicalOff = 0;
            for (const auto& [t, v] : a) {
                const auto found = b.find(t);
                if (found == b.end()) {
                    ++missing;
                    continue;
                }
                if (found->second != v)
                    ++different;
                // The physical value within half a quantum of the source's (EDF+'s rounded calibration).
                if (std::abs(got.toPhysical(found->second) - want.toPhysical(v)) > 0.5 / std::abs(want.gain))
                    ++physicalOff;
            }
            qint64 extra = 0;
            for (const auto& [t, v] : b)
                extra += a.count(t) == 0 ? 1 : 0;
            if (missing + different + extra + physicalOff > 0)
                qWarning("code %d: %lld missing, %lld different, %lld extra, %lld off in physical units", code,
                    static_cast<long long>(missing), static_cast<long long>(different), static_cast<long long>(extra),
                    static_cast<long long>(physicalOff));
            QCOMPARE(missing, qint64(0));
            QCOMPARE(different, qint64(0));
            QCOMPARE(extra, qint64(0));
            QCOMPARE(physicalOff, qint64(0));
            QCOMPARE(b.size(), a.size());
            *compared += static_cast<qint64>(a.size());
        }
    }

    // The annotations (and, as notes, the case events) the export of [kFrom, kTo) carries, as the
    // importer of `format` stores them.
    static std::vector<Note> expectedNotes(
        store::StoreReader& reader, qint64 patientId, core::Timestamp gridStart, core::Timestamp gridEnd, Format format)
    {
        std::vector<Note> notes;
        for (const store::Annotation& a : reader.annotations(patientId, gridStart, gridEnd)) {
            Note n;
            n.time = a.time;
            if (format == Format::Edf) {
                n.durationUs = a.durationUs;
                n.text = a.code == 0   ? a.text
                    : a.text.isEmpty() ? a.symbol
                                       : QStringLiteral("%1 %2").arg(a.symbol, a.text);
            } else {
                n.code = a.code == 0 ? 22 : a.code; // free text: a NOTE
                n.subtype = a.subtype;
                n.channel = a.channel;
                n.number = a.number;
                n.symbol = a.code == 0 ? QString() : a.symbol;
                n.text = a.text;
            }
            notes.push_back(n);
        }
        for (const store::CaseEventRecord& e : reader.caseEvents(patientId, gridStart, gridEnd)) {
            Note n;
            n.time = e.time;
            n.code = format == Format::Wfdb ? 22 : 0;
            const auto kind = clinical::CaseEvent::kindFromKey(e.kind);
            n.text = QStringLiteral("case event: %1").arg(kind ? clinical::CaseEvent::kindName(*kind) : e.kind);
            notes.push_back(n);
        }
        std::stable_sort(notes.begin(), notes.end(), [](const Note& x, const Note& y) { return x.time < y.time; });
        return notes;
    }

    static void compareNotes(
        const std::vector<Note>& expected, const std::vector<store::Annotation>& stored, Format format)
    {
        QCOMPARE(stored.size(), expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i) {
            const Note& want = expected[i];
            const store::Annotation& got = stored[i];
            QCOMPARE(got.time, want.time);
            QCOMPARE(got.text, want.text);
            QCOMPARE(got.code, want.code);
            if (format == Format::Edf) {
                QCOMPARE(got.source, QStringLiteral("edf+"));
                QCOMPARE(got.durationUs, want.durationUs);
            } else {
                QCOMPARE(got.source, QStringLiteral("wfdb:atr"));
                QCOMPARE(got.durationUs, core::Timestamp(-1)); // WFDB has no durations
                QCOMPARE(got.subtype, want.subtype);
                QCOMPARE(got.channel, want.channel);
                QCOMPARE(got.number, want.number);
                if (!want.symbol.isEmpty())
                    QCOMPARE(got.symbol, want.symbol);
            }
        }
    }

    // The whole round trip of one source patient in one format.
    void roundTrip(const QString& sourceCache, qint64 patientId, Format format, bool expectGaps, int noteCount)
    {
        QJsonObject report;
        const QString target = exportAndImport(sourceCache, patientId, format, report);
        QVERIFY(!target.isEmpty());
        QCOMPARE(report.value(QStringLiteral("ok")).toBool(), true);
        const QJsonArray files = report.value(QStringLiteral("files")).toArray();
        QCOMPARE(files.size(), 1);
        const QJsonObject file = files.at(0).toObject();
        QCOMPARE(file.value(QStringLiteral("status")).toString(), QStringLiteral("imported"));
        QCOMPARE(file.value(QStringLiteral("kind")).toString(), formatName(format));
        QCOMPARE(file.value(QStringLiteral("problems")).toArray().size(), 0);

        auto sourceOpened = openInProcess(sourceCache);
        QVERIFY(sourceOpened);
        auto source = store::StoreReader::open(*sourceOpened, nullptr);
        QVERIFY(source);
        auto targetOpened = openInProcess(target);
        QVERIFY(targetOpened);
        auto imported = store::StoreReader::open(*targetOpened, nullptr);
        QVERIFY(imported);

        std::map<int, StreamSamples> want;
        QVERIFY(readStreams(*source, patientId, kFrom, kTo, want));
        QCOMPARE(want.size(), source->streams(patientId).size());
        QVERIFY(!want.empty());
        const auto patient = onlyPatient(*imported);
        QVERIFY(patient);
        QCOMPARE(patient->origin, store::PatientOrigin::Import);
        QVERIFY(patient->identity.id.startsWith(QStringLiteral("import:")));
        std::map<int, StreamSamples> got;
        QVERIFY(readStreams(*imported, patient->id, 0, kEnd, got));

        qint64 compared = 0;
        compareStreams(want, got, format, &compared);
        if (QTest::currentTestFailed())
            return;
        // Every stored sample was handed over, none more (gapless: the importer's count is exact;
        // with gaps it also counts the missing samples inside a stored second).
        const qint64 handed = file.value(QStringLiteral("samples")).toInteger();
        if (expectGaps)
            QVERIFY(handed >= compared);
        else
            QCOMPARE(handed, compared);
        QVERIFY(imported->counts().samples >= compared);

        // The interval the export covers: the first stored sample to just after the last one.
        core::Timestamp gridStart = kEnd;
        core::Timestamp gridEnd = 0;
        for (const auto& [code, s] : want) {
            gridStart = std::min(gridStart, s.samples.begin()->first);
            gridEnd = std::max(gridEnd, s.samples.rbegin()->first + std::llround(1e6 / s.descriptor.rateHz));
        }

        if (format == Format::Fhir) {
            // Vital signs: every one, same kind, time and value.
            qint64 vitals = 0;
            for (int k = 0; k < core::kVitalKindCount; ++k) {
                const auto kind = static_cast<core::VitalKind>(k);
                const std::vector<core::Measurement> a = source->vitals(patientId, kind, kFrom, kTo);
                const std::vector<core::Measurement> b = imported->vitals(patient->id, kind, 0, kEnd);
                QCOMPARE(b.size(), a.size());
                for (std::size_t i = 0; i < a.size(); ++i) {
                    QCOMPARE(b[i].time, a[i].time);
                    QCOMPARE(b[i].value, a[i].value);
                }
                vitals += static_cast<qint64>(a.size());
            }
            QCOMPARE(file.value(QStringLiteral("vitals")).toInteger(), vitals);
            if (sourceCache == m_source)
                QVERIFY(vitals >= 60); // heart rate and SpO2 every second at least
            QCOMPARE(imported->annotations(patient->id, 0, kEnd).size(), std::size_t(0)); // FHIR carries none
        } else {
            const std::vector<Note> notes = expectedNotes(*source, patientId, gridStart, gridEnd, format);
            const std::vector<store::Annotation> stored = imported->annotations(patient->id, 0, kEnd);
            compareNotes(notes, stored, format);
            QCOMPARE(file.value(QStringLiteral("annotations")).toInteger(), static_cast<qint64>(notes.size()));
            QCOMPARE(static_cast<int>(notes.size()), noteCount);
            // No vital signs in EDF+ or WFDB.
            for (int k = 0; k < core::kVitalKindCount; ++k)
                QVERIFY(imported->vitals(patient->id, static_cast<core::VitalKind>(k), 0, kEnd).empty());
        }
        qInfo("%s: %lld samples compared", qPrintable(formatName(format)), static_cast<long long>(compared));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_pass = path(QStringLiteral("pass.txt"));
        QVERIFY(CtlRunner::writePassphraseFile(m_pass, kPass));

        // The demo recording: one patient, one minute.
        m_source = path(QStringLiteral("source.vigil"));
        QVERIFY(initCache(m_source));
        const CtlResult record = CtlRunner::run(with(
            {QStringLiteral("record"), QStringLiteral("--demo"), QStringLiteral("--patients"), QStringLiteral("1"),
                QStringLiteral("--minutes"), QStringLiteral("1"), QStringLiteral("--start"), QString::number(kStart)},
            m_source, m_pass));
        QVERIFY2(record.exitedWith(0), record.describe().constData());
        const CtlResult list = CtlRunner::run(
            with({QStringLiteral("patients"), QStringLiteral("list"), QStringLiteral("--json")}, m_source, m_pass));
        QVERIFY2(list.exitedWith(0), list.describe().constData());
        const QJsonArray patients = list.json().value(QStringLiteral("patients")).toArray();
        QCOMPARE(patients.size(), 1);
        m_patientId = patients.at(0).toObject().value(QStringLiteral("id")).toInteger();
        QVERIFY(m_patientId > 0);

        // Annotations and a case event on the recording (on the 500 Hz grid, which WFDB keeps), one
        // of each before the exported interval (not exported).
        {
            auto cache = openInProcess(m_source);
            QVERIFY(cache);
            auto reader = store::StoreReader::open(*cache, nullptr);
            QVERIFY(reader);
            const auto patient = reader->patient(m_patientId);
            QVERIFY(patient);
            store::StoreWriter writer(*cache, unpruned());
            QVERIFY(writer.start());
            const int handle = writer.registerPatient(patient->identity);
            store::Annotation text;
            text.time = kFrom + 2'500'000;
            text.durationUs = 1'500'000;
            text.source = QStringLiteral("edf+");
            text.text = QStringLiteral("electrode check");
            store::Annotation beat;
            beat.time = kFrom + 4'002'000;
            beat.source = QStringLiteral("wfdb:atr");
            beat.code = 5;
            beat.symbol = QStringLiteral("V");
            beat.channel = 1;
            beat.number = 3;
            store::Annotation rhythm;
            rhythm.time = kFrom + 6'000'000;
            rhythm.source = QStringLiteral("wfdb:atr");
            rhythm.code = 28;
            rhythm.symbol = QStringLiteral("+");
            rhythm.text = QStringLiteral("(AFIB");
            store::Annotation before = text;
            before.time = kFrom - 3'000'000;
            for (const store::Annotation& a : {text, beat, rhythm, before})
                QVERIFY(writer.appendAnnotation(handle, a) > 0);
            const auto caseEvent = [&](const QString& uuid, core::Timestamp time) {
                store::CaseEventRecord e;
                e.uuid = uuid;
                e.time = time;
                e.kind = clinical::CaseEvent::kindKey(clinical::CaseEvent::Kind::Acknowledge);
                e.actor = QStringLiteral("tester");
                e.role = QStringLiteral("clinician");
                e.payload = QByteArrayLiteral("{}");
                e.origin = QStringLiteral("roundtrip-test");
                e.auditSummary = e.kind;
                return e;
            };
            QVERIFY(writer.appendCaseEvent(handle,
                        caseEvent(QStringLiteral("7c1b2f9e-0d4a-4f55-9a61-3b8e2c7d1a01"), kFrom + 8'004'000), false)
                > 0);
            QVERIFY(writer.appendCaseEvent(handle,
                        caseEvent(QStringLiteral("7c1b2f9e-0d4a-4f55-9a61-3b8e2c7d1a02"), kFrom - 1'000'000), false)
                > 0);
            QVERIFY(writer.stop());
        }

        // A recording with gaps, written in process: 30 s of the three live streams with all of them
        // missing for [10 s, 13 s), pleth also for [20 s, 21 s), and 10 ECG samples missing inside
        // second 5 (stored as WaveCodec::kInvalid in a chunk).
        m_gapSource = path(QStringLiteral("gaps.vigil"));
        QVERIFY(initCache(m_gapSource));
        {
            auto cache = openInProcess(m_gapSource);
            QVERIFY(cache);
            store::StoreWriter writer(*cache, unpruned());
            QVERIFY(writer.start());
            const int patient = writer.registerPatient(identityFor(kGapKey));
            for (core::StreamKind kind : core::kAllStreams) {
                const store::StreamDescriptor d = store::StreamDescriptor::forLiveStream(kind);
                const int stream = writer.registerStream(patient, d);
                const int rate = static_cast<int>(d.rateHz);
                const int k = core::streamIndex(kind);
                for (int second = 0; second < 30; ++second) {
                    if ((second >= 10 && second < 13) || (kind == core::StreamKind::Pleth && second == 20))
                        continue;
                    std::vector<qint32> samples(static_cast<std::size_t>(rate));
                    for (int i = 0; i < rate; ++i)
                        samples[std::size_t(i)] = syntheticValue(k, qint64(second) * rate + i);
                    if (kind == core::StreamKind::Ecg && second == 5)
                        std::fill(samples.begin() + 100, samples.begin() + 110, codec::WaveCodec::kInvalid);
                    const core::Timestamp t = kFrom + second * core::kMicrosPerSecond;
                    QVERIFY(writer.appendSamples(stream, t, samples, t) > 0);
                }
            }
            QVERIFY(writer.stop());
            auto reader = store::StoreReader::open(*cache, nullptr);
            QVERIFY(reader);
            const auto row = reader->patientBySourceKey(kGapKey);
            QVERIFY(row);
            m_gapPatientId = row->id;
        }

        // A stream whose calibration and rate 1 / x does not give back exactly in a double (1 / (1 / 49)
        // is not 49), whose period is not a whole number of milliseconds and whose samples do not start
        // on a whole millisecond.
        m_oddSource = path(QStringLiteral("odd.vigil"));
        QVERIFY(initCache(m_oddSource));
        {
            auto cache = openInProcess(m_oddSource);
            QVERIFY(cache);
            store::StoreWriter writer(*cache, unpruned());
            QVERIFY(writer.start());
            const int patient = writer.registerPatient(identityFor(kOddKey));
            store::StreamDescriptor d = store::StreamDescriptor::forLiveStream(core::StreamKind::Ecg);
            d.rateHz = 360;
            d.gain = 49;
            d.baseline = 3;
            QVERIFY(1.0 / (1.0 / d.gain) != d.gain);
            const int stream = writer.registerStream(patient, d);
            for (int second = 0; second < 29; ++second) {
                std::vector<qint32> samples(360);
                for (int i = 0; i < 360; ++i)
                    samples[std::size_t(i)] = syntheticValue(3, qint64(second) * 360 + i);
                const core::Timestamp t = kFrom + 250 + second * core::kMicrosPerSecond;
                QVERIFY(writer.appendSamples(stream, t, samples, t) > 0);
            }
            QVERIFY(writer.stop());
            auto reader = store::StoreReader::open(*cache, nullptr);
            QVERIFY(reader);
            const auto row = reader->patientBySourceKey(kOddKey);
            QVERIFY(row);
            m_oddPatientId = row->id;
        }
    }

    void roundTrip_data()
    {
        QTest::addColumn<Format>("format");
        QTest::newRow("edf") << Format::Edf;
        QTest::newRow("wfdb") << Format::Wfdb;
        QTest::newRow("fhir") << Format::Fhir;
    }

    // The demo recording: 30 s, gapless, with annotations and a case event.
    void roundTrip()
    {
        QFETCH(Format, format);
        roundTrip(m_source, m_patientId, format, false, 4); // three annotations and a case event
    }

    void roundTripWithGaps_data() { roundTrip_data(); }

    // The synthetic recording with gaps between and inside stored seconds.
    void roundTripWithGaps()
    {
        QFETCH(Format, format);
        roundTrip(m_gapSource, m_gapPatientId, format, true, 0);
    }

    void roundTripOddCalibration_data()
    {
        QTest::addColumn<Format>("format");
        QTest::newRow("edf") << Format::Edf;
        QTest::newRow("fhir") << Format::Fhir;
        // Not WFDB: its header gives the start to the millisecond only.
    }

    // Calibration, rate and start time that only come back exactly when the writer chooses them so.
    void roundTripOddCalibration()
    {
        QFETCH(Format, format);
        roundTrip(m_oddSource, m_oddPatientId, format, false, 0);
    }
};

QTEST_GUILESS_MAIN(TestExportRoundTrip)
#include "tst_exportroundtrip.moc"
