// File import into a real encrypted cache (store::Cache::createEphemeral), read back with StoreReader:
// real WFDB records (statistics of MIT-BIH 208, record 100 with its 2273 reference beats, the
// multi-segment MIMIC record 041s), the EDF file against its WFDB twin, the FHIR ekg example, HL7 v2
// batch files, malformed files quarantined without losing the good ones, and imported patients
// surviving retention. Data: tests/models/codec/data (see its ATTRIBUTION.md).

#include "codec/edfwriter.h"
#include "codec/wavecodec.h"
#include "codec/wfdbannotations.h"
#include "codec/wfdbrecord.h"
#include "codec/wfdbwriter.h"
#include "ingest/fileimporter.h"
#include "ingest/ingestrouter.h"
#include "store/cache.h"
#include "store/storereader.h"
#include "store/storewriter.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <atomic>
#include <cmath>
#include <map>

using namespace vigil;
using ingest::FileImporter;
using store::StoreReader;
using store::StoreWriter;

namespace {

QString dataPath(const QString& name)
{
    return QStringLiteral(VIGIL_SOURCE_DIR "/tests/models/codec/data/") + name;
}

core::Timestamp utcMicros(int y, int mo, int d, int h, int mi, int s)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), QTimeZone::utc()).toMSecsSinceEpoch() * 1000;
}

constexpr core::Timestamp kAllTime = std::numeric_limits<core::Timestamp>::max() / 2;

// Every stored sample of a stream, in time order (time, digital).
std::vector<std::pair<core::Timestamp, qint32>> allSamples(StoreReader& reader, const StoreReader::StreamRow& stream)
{
    std::vector<StoreReader::SampleRun> runs;
    if (!reader.samples(stream.id, -kAllTime, kAllTime, runs))
        qFatal("cannot read samples");
    std::vector<std::pair<core::Timestamp, qint32>> out;
    for (const auto& run : runs) {
        for (std::size_t i = 0; i < run.samples.size(); ++i)
            out.emplace_back(
                run.firstSampleTime + std::llround(static_cast<double>(i) * 1e6 / stream.descriptor.rateHz),
                run.samples[i]);
    }
    return out;
}

const StoreReader::StreamRow* streamWithCode(const std::vector<StoreReader::StreamRow>& streams, int code)
{
    for (const auto& s : streams) {
        if (s.descriptor.code == code)
            return &s;
    }
    return nullptr;
}

const StoreReader::StreamRow* streamWithLabel(const std::vector<StoreReader::StreamRow>& streams, const QString& label)
{
    for (const auto& s : streams) {
        if (s.descriptor.label == label)
            return &s;
    }
    return nullptr;
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

} // namespace

class TestFileImporter : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<store::Cache> m_cache;

    // Imports `paths` through a router and a writer of their own (as one vigilctl run does).
    std::vector<FileImporter::Report> import(
        const QStringList& paths, StoreWriter::Config config = {}, FileImporter::Config importConfig = {})
    {
        if (importConfig.maxQueuedSamples == 0)
            config.backpressureWaitMs = 600'000;
        StoreWriter writer(*m_cache, config);
        if (!writer.start())
            qFatal("cannot start the writer");
        ingest::IngestRouter router(nullptr, &writer);
        FileImporter importer(router, writer, importConfig);
        std::vector<FileImporter::Report> reports;
        for (const QString& path : paths)
            reports.push_back(importer.importFile(path));
        if (!writer.stop())
            qFatal("the writer did not commit");
        return reports;
    }

    std::unique_ptr<StoreReader> reader()
    {
        store::StoreError error;
        auto r = StoreReader::open(*m_cache, &error);
        if (!r)
            qFatal("cannot open a reader: %s", qPrintable(error.message));
        return r;
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        store::StoreError error;
        m_cache = store::Cache::createEphemeral(m_dir->filePath(QStringLiteral("import.vigil")), &error);
        QVERIFY2(m_cache, qPrintable(error.message));
    }

    void cleanup() { m_cache.reset(); }

    // Every WFDB record of the test data imports, with every sample of every signal handed to the
    // store (counted independently with WfdbRecord), and so does every EDF file.
    void everyTestRecordImports()
    {
        QStringList headers;
        for (const QString& name : QDir(dataPath(QString())).entryList({QStringLiteral("*.hea")}, QDir::Files))
            headers.append(dataPath(name));
        QVERIFY(headers.size() >= 10);
        for (const QString& path : headers) {
            qint64 expected = 0;
            QString error;
            const auto record = codec::WfdbRecord::open(path, &error);
            if (record) {
                for (int s = 0; s < record->signalCount(); ++s) {
                    std::vector<qint32> samples;
                    if (record->readSamples(s, samples, &error))
                        expected += static_cast<qint64>(samples.size());
                }
            }
            const auto reports = import({path});
            QCOMPARE(reports.size(), std::size_t(1));
            const QString name = QFileInfo(path).fileName();
            QVERIFY2(reports[0].status != FileImporter::Status::Failed,
                qPrintable(name + QStringLiteral(": ") + reports[0].problems.join(QStringLiteral("; "))));
            QVERIFY2(reports[0].samples > 0, qPrintable(name));
            if (record && expected > 0)
                QVERIFY2(static_cast<qint64>(reports[0].samples) == expected,
                    qPrintable(QStringLiteral("%1: %2 samples imported, %3 in the record")
                                   .arg(name)
                                   .arg(reports[0].samples)
                                   .arg(expected)));
        }
        for (const QString& name :
            {QStringLiteral("edf/test_generator_2.edf"), QStringLiteral("edf/test_edfann.edf")}) {
            const auto reports = import({dataPath(name)});
            QVERIFY2(reports[0].status != FileImporter::Status::Failed, qPrintable(name));
        }
    }

    void scipyEcg208Statistics()
    {
        const auto reports = import({dataPath(QStringLiteral("scipy_ecg_208.hea"))});
        QCOMPARE(reports[0].status, FileImporter::Status::Imported);
        QCOMPARE(reports[0].kind, FileImporter::Kind::Wfdb);
        QCOMPARE(reports[0].samples, quint64(108000));
        QCOMPARE(reports[0].patients, 1);
        auto r = reader();
        const auto patient = r->patientBySourceKey(QStringLiteral("import:scipy_ecg_208"));
        QVERIFY(patient);
        QCOMPARE(patient->origin, store::PatientOrigin::Import);
        QCOMPARE(patient->identity.familyName, QStringLiteral("IMPORTED"));
        QCOMPARE(patient->identity.givenName, QStringLiteral("scipy_ecg_208"));
        const auto streams = r->streams(patient->id);
        QCOMPARE(streams.size(), std::size_t(1));
        const auto& ecg = streams[0];
        QCOMPARE(ecg.descriptor.code, 131330); // MLII
        QCOMPARE(ecg.descriptor.label, QStringLiteral("MLII"));
        QCOMPARE(ecg.descriptor.unit, QStringLiteral("mV"));
        QCOMPARE(ecg.descriptor.rateHz, 360.0);
        QCOMPARE(ecg.descriptor.gain, 200.0); // the file's calibration, exactly
        QCOMPARE(ecg.descriptor.baseline, 1024.0);
        const auto samples = allSamples(*r, ecg);
        QCOMPARE(samples.size(), std::size_t(108000));
        QCOMPARE(samples.front().first, FileImporter::kUndatedEpochUs); // undated: 2000-01-01T00:00:00Z
        QCOMPARE(samples[360].first, FileImporter::kUndatedEpochUs + 1'000'000);
        double sum = 0;
        double sumSquares = 0;
        for (const auto& [t, d] : samples) {
            const double mv = ecg.descriptor.toPhysical(d);
            sum += mv;
            sumSquares += mv * mv;
        }
        const double n = static_cast<double>(samples.size());
        const double mean = sum / n;
        const double sd = std::sqrt(sumSquares / n - mean * mean);
        QVERIFY2(std::abs(mean - -0.16510875) < 1e-8, qPrintable(QString::number(mean, 'g', 10)));
        QVERIFY2(std::abs(sd - 0.59924740) < 1e-8, qPrintable(QString::number(sd, 'g', 10)));
        QCOMPARE(ecg.descriptor.toPhysical(samples[0].second), -0.245);
        QCOMPARE(ecg.descriptor.toPhysical(samples[1].second), -0.215);
        QCOMPARE(ecg.descriptor.toPhysical(samples[2].second), -0.185);
        QCOMPARE(r->counts().chunks, qint64(300)); // one row per second
    }

    void record100WithAnnotations()
    {
        QElapsedTimer timer;
        timer.start();
        const auto reports = import({dataPath(QStringLiteral("100.hea"))});
        qInfo("MIT-BIH 100 (2 x 650000 samples, 2274 annotations) imported and committed in %.2f s",
            static_cast<double>(timer.elapsed()) / 1000.0);
        QCOMPARE(reports[0].status, FileImporter::Status::Imported);
        QCOMPARE(reports[0].samples, quint64(1'300'000));
        QCOMPARE(reports[0].annotations, quint64(2274));
        auto r = reader();
        const auto patient = r->patientBySourceKey(QStringLiteral("import:100"));
        QVERIFY(patient);
        const auto streams = r->streams(patient->id);
        QCOMPARE(streams.size(), std::size_t(2));
        const auto* mlii = streamWithCode(streams, 131330);
        const auto* v5 = streamWithCode(streams, FileImporter::kPrivateCodeBase + 1);
        QVERIFY(mlii && v5);
        QCOMPARE(v5->descriptor.label, QStringLiteral("V5"));
        // Digital values exactly as in the file.
        const auto record = codec::WfdbRecord::open(dataPath(QStringLiteral("100.hea")));
        std::vector<qint32> expected;
        QVERIFY(record && record->readSamples(1, expected));
        const auto stored = allSamples(*r, *v5);
        QCOMPARE(stored.size(), expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i) {
            if (stored[i].second != expected[i])
                QFAIL(qPrintable(QStringLiteral("sample %1 differs").arg(i)));
        }
        QCOMPARE(stored.back().first, FileImporter::kUndatedEpochUs + std::llround(649999 * 1e6 / 360));

        const auto annotations = r->annotations(patient->id, -kAllTime, kAllTime);
        QCOMPARE(annotations.size(), std::size_t(2274));
        std::map<QString, int> bySymbol;
        int beats = 0;
        for (const auto& a : annotations) {
            ++bySymbol[a.symbol];
            beats += codec::WfdbAnnotations::isBeat(a.code) ? 1 : 0;
            QCOMPARE(a.source, QStringLiteral("wfdb:atr"));
        }
        QCOMPARE(beats, 2273);
        QCOMPARE(bySymbol[QStringLiteral("N")], 2239);
        QCOMPARE(bySymbol[QStringLiteral("A")], 33);
        QCOMPARE(bySymbol[QStringLiteral("V")], 1);
        QCOMPARE(annotations.front().symbol, QStringLiteral("+"));
        QCOMPARE(annotations.front().text, QStringLiteral("(N"));
        QCOMPARE(annotations.front().time, FileImporter::kUndatedEpochUs + std::llround(18 * 1e6 / 360));
        QCOMPARE(annotations.back().time, FileImporter::kUndatedEpochUs + std::llround(649991 * 1e6 / 360));
        // A time range: the first minute holds the rhythm label and 74 beats (derived reference).
        const auto firstMinute =
            r->annotations(patient->id, FileImporter::kUndatedEpochUs, FileImporter::kUndatedEpochUs + 60'000'000);
        QCOMPARE(firstMinute.size(), std::size_t(75));

        // Importing again (another run) stores nothing twice.
        const auto counts = r->counts();
        r.reset();
        const auto again = import({dataPath(QStringLiteral("100.hea"))});
        QCOMPARE(again[0].status, FileImporter::Status::Imported);
        r = reader();
        QCOMPARE(r->counts().annotations, qint64(2274));
        QCOMPARE(r->counts().chunks, counts.chunks);
        QCOMPARE(r->counts().samples, counts.samples);
        QCOMPARE(r->counts().patients, qint64(1));
    }

    void pacedToASharedWriterWithoutDrops()
    {
        // The GUI's writer is shared with the live feeds and drops after a short wait: the importer
        // paces itself (maxQueuedSamples) so a long record costs nobody a sample.
        StoreWriter::Config config;
        config.queueCapacitySamples = 100'000;
        config.backpressureWaitMs = 1;
        config.commitIntervalMs = 50;
        FileImporter::Config importConfig;
        importConfig.maxQueuedSamples = 20'000;
        importConfig.secondsPerBatch = 10; // 2 x 3600 samples a batch, well under the room left
        const auto reports = import({dataPath(QStringLiteral("100.hea"))}, config, importConfig);
        QCOMPARE(reports[0].status, FileImporter::Status::Imported);
        QVERIFY2(reports[0].problems.isEmpty(), qPrintable(reports[0].problems.join(u'\n')));
        QCOMPARE(reports[0].samples, quint64(1'300'000));
        auto r = reader();
        const auto patient = r->patientBySourceKey(QStringLiteral("import:100"));
        QVERIFY(patient);
        quint64 stored = 0;
        for (const auto& stream : r->streams(patient->id))
            stored += allSamples(*r, stream).size();
        QCOMPARE(stored, quint64(1'300'000));
    }

    void withoutPacingASmallQueueDrops()
    {
        // The control for the test above: a writer like it (smaller still) without pacing drops, and
        // the report says so.
        // The queue is smaller than one second of one signal (360 samples, the unit the importer hands
        // over), so the drops do not depend on how fast the writer drains it on a shared machine.
        StoreWriter::Config config;
        config.queueCapacitySamples = 300;
        config.backpressureWaitMs = 1;
        config.commitIntervalMs = 50;
        FileImporter::Config importConfig;
        importConfig.maxQueuedSamples = -1; // no pacing, and import() keeps the 1 ms wait
        importConfig.secondsPerBatch = 10;
        const auto reports = import({dataPath(QStringLiteral("100.hea"))}, config, importConfig);
        QCOMPARE(reports[0].status, FileImporter::Status::Partial);
        QVERIFY(reports[0].problems.join(u'\n').contains(QStringLiteral("could not be stored")));
    }

    void cancelStopsAndKeepsWhatWasRead()
    {
        std::atomic<int> asked{0};
        FileImporter::Config importConfig;
        importConfig.secondsPerBatch = 10;
        importConfig.cancelled = [&] { return ++asked > 5; }; // five batches, then cancel
        const auto reports =
            import({dataPath(QStringLiteral("100.hea")), dataPath(QStringLiteral("100.hea"))}, {}, importConfig);
        QCOMPARE(reports.size(), std::size_t(2));
        QVERIFY(reports[0].cancelled);
        QCOMPARE(reports[0].status, FileImporter::Status::Partial);
        QCOMPARE(reports[0].samples, quint64(5 * 10 * 360)); // five 10-second batches of the first signal
        QVERIFY(reports[0].problems.join(u'\n').contains(QStringLiteral("cancelled")));
        QVERIFY(reports[1].cancelled); // the next file stops at once
        QCOMPARE(reports[1].status, FileImporter::Status::Failed);
        QCOMPARE(reports[1].samples, quint64(0));
        auto r = reader();
        const auto patient = r->patientBySourceKey(QStringLiteral("import:100"));
        QVERIFY(patient);
        QCOMPARE(r->patients().front().origin, store::PatientOrigin::Import);
        const auto streams = r->streams(patient->id);
        QCOMPARE(streams.size(), std::size_t(1));
        QCOMPARE(allSamples(*r, streams.front()).size(), std::size_t(5 * 10 * 360));
    }

    void multiSegmentRecord()
    {
        const auto reports = import({dataPath(QStringLiteral("multi-segment/041s/041s.hea"))});
        QCOMPARE(reports[0].status, FileImporter::Status::Imported);
        QCOMPARE(reports[0].samples, quint64(3 * 8000 + 4 * 2000));
        auto r = reader();
        const auto patient = r->patientBySourceKey(QStringLiteral("import:041s"));
        QVERIFY(patient);
        const auto streams = r->streams(patient->id);
        QCOMPARE(streams.size(), std::size_t(7));
        QVERIFY(streamWithCode(streams, 131389)); // III
        QVERIFY(streamWithCode(streams, 131329)); // I
        QVERIFY(streamWithCode(streams, 150452)); // PLETH
        QVERIFY(streamWithCode(streams, 151780)); // RESP
        const auto* abp = streamWithLabel(streams, QStringLiteral("ABP"));
        QVERIFY(abp);
        QCOMPARE(abp->descriptor.code, FileImporter::kPrivateCodeBase + 3);
        QCOMPARE(abp->descriptor.unit, QStringLiteral("mmHg"));
        QCOMPARE(abp->descriptor.baseline, -1600.0);
        const auto iii = allSamples(*r, *streamWithCode(streams, 131389));
        QCOMPARE(iii.size(), std::size_t(8000));
        QCOMPARE(iii.front().first, utcMicros(1994, 10, 26, 8, 26, 4));
        QCOMPARE(iii[8000 - 1].second, -36);
        QCOMPARE(iii[4000].second, -103); // the second segment's first sample
        QCOMPARE(allSamples(*r, *abp).size(), std::size_t(2000));
    }

    void edfEqualsItsWfdbTwin()
    {
        const auto reports = import(
            {dataPath(QStringLiteral("edf/test_generator_2.edf")), dataPath(QStringLiteral("test_generator_2.hea"))});
        QCOMPARE(reports[0].kind, FileImporter::Kind::Edf);
        QCOMPARE(reports[0].status, FileImporter::Status::Imported);
        QVERIFY(!reports[0].warnings.filter(QStringLiteral("EDFlib")).isEmpty()); // read leniently, and said so
        QCOMPARE(reports[0].annotations, quint64(2));
        QCOMPARE(reports[1].status, FileImporter::Status::Imported);
        auto r = reader();
        const auto edf = r->patientBySourceKey(QStringLiteral("import:test_generator_2.edf"));
        const auto wfdb = r->patientBySourceKey(QStringLiteral("import:test_generator_2"));
        QVERIFY(edf && wfdb);
        const auto edfStreams = r->streams(edf->id);
        const auto wfdbStreams = r->streams(wfdb->id);
        QCOMPARE(edfStreams.size(), std::size_t(11));
        for (const auto& e : edfStreams) {
            const auto* w = streamWithLabel(wfdbStreams, e.descriptor.label);
            QVERIFY2(w, qPrintable(e.descriptor.label));
            QCOMPARE(e.descriptor.code, w->descriptor.code);
            const auto a = allSamples(*r, e);
            const auto b = allSamples(*r, *w);
            QCOMPARE(a.size(), std::size_t(120000));
            QCOMPARE(a.size(), b.size());
            const double resolution = 1.0 / e.descriptor.gain;
            for (std::size_t i = 0; i < a.size(); ++i) {
                if (a[i].first != b[i].first
                    || std::abs(e.descriptor.toPhysical(a[i].second) - w->descriptor.toPhysical(b[i].second))
                        > resolution)
                    QFAIL(qPrintable(QStringLiteral("%1: sample %2 differs").arg(e.descriptor.label).arg(i)));
            }
        }
        const auto* ecg = streamWithLabel(edfStreams, QStringLiteral("ECG"));
        QVERIFY(ecg);
        QCOMPARE(ecg->descriptor.code, 131330);
        QCOMPARE(ecg->descriptor.unit, QStringLiteral("uV"));
        QCOMPARE(streamWithLabel(edfStreams, QStringLiteral("sine 15 Hz"))->descriptor.unit, QStringLiteral("\u00B0"));
        QCOMPARE(r->streamRange(ecg->id).first, utcMicros(2009, 12, 10, 12, 44, 2));
        const auto annotations = r->annotations(edf->id, -kAllTime, kAllTime);
        QCOMPARE(annotations.size(), std::size_t(2));
        QCOMPARE(annotations[0].text, QStringLiteral("RECORD START"));
        QCOMPARE(annotations[1].time, utcMicros(2009, 12, 10, 12, 54, 2));
        QCOMPARE(annotations[1].source, QStringLiteral("edf+"));
    }

    // Vigil's own EDF+ and WFDB exports: a missing sample (WaveCodec::kInvalid) is written as the
    // format's gap value (EDF+: the digital minimum plus a "gap <label>" annotation) and comes back as
    // no sample; the gap annotations are not stored, other annotations are; WfdbWriter's "NU" for a
    // unitless signal comes back as no unit.
    void writersGapsComeBackAsGaps()
    {
        const core::Timestamp start = utcMicros(2024, 3, 1, 10, 0, 0);
        std::vector<qint32> samples(250 * 6);
        for (std::size_t i = 0; i < samples.size(); ++i)
            samples[i] = static_cast<qint32>((i * 37) % 2001) - 1000;
        // Seconds 2 and 3 missing whole (not stored), samples 100..109 of second 0 missing inside it.
        std::fill(samples.begin() + 500, samples.begin() + 1000, codec::WaveCodec::kInvalid);
        std::fill(samples.begin() + 100, samples.begin() + 110, codec::WaveCodec::kInvalid);

        codec::EdfWriter::Recording edf;
        edf.startUs = start;
        edf.channels.push_back({QStringLiteral("Pleth"), QString(), QString(), 250, 1000, 0, samples});
        edf.annotations.push_back({1'500'000, -1, QStringLiteral("marker")});
        const QString edfPath = m_dir->filePath(QStringLiteral("gaps.edf"));
        QString error;
        QVERIFY2(codec::EdfWriter::write(edfPath, edf, &error), qPrintable(error));
        codec::WfdbWriter::Record wfdb;
        wfdb.startUs = start;
        wfdb.channels.push_back({QStringLiteral("Pleth"), QString(), 250, 1000, 0, samples});
        QVERIFY2(codec::WfdbWriter::write(m_dir->path(), QStringLiteral("gaps"), wfdb, &error), qPrintable(error));

        const auto reports = import({edfPath, m_dir->filePath(QStringLiteral("gaps.hea"))});
        for (const auto& report : reports) {
            QCOMPARE(report.status, FileImporter::Status::Imported);
            QCOMPARE(report.samples, quint64(250 * 4)); // the four stored seconds, the 10 gaps inside one
        }
        QCOMPARE(reports[0].annotations, quint64(1)); // "marker"; the two gap annotations are not stored
        auto r = reader();
        for (const QString& key : {QStringLiteral("import:gaps.edf"), QStringLiteral("import:gaps")}) {
            const auto patient = r->patientBySourceKey(key);
            QVERIFY(patient);
            const auto streams = r->streams(patient->id);
            QCOMPARE(streams.size(), std::size_t(1));
            QCOMPARE(streams[0].descriptor.code, 150452);
            QCOMPARE(streams[0].descriptor.unit, QString());
            std::map<core::Timestamp, qint32> stored;
            for (const auto& [t, v] : allSamples(*r, streams[0])) {
                if (v != codec::WaveCodec::kInvalid)
                    stored.emplace(t, v);
            }
            QCOMPARE(stored.size(), std::size_t(250 * 4 - 10));
            for (std::size_t i = 0; i < samples.size(); ++i) {
                const auto it = stored.find(start + static_cast<core::Timestamp>(i) * 4000);
                if (samples[i] == codec::WaveCodec::kInvalid)
                    QVERIFY(it == stored.end());
                else
                    QVERIFY(it != stored.end() && it->second == samples[i]);
            }
        }
        const auto edfPatient = r->patientBySourceKey(QStringLiteral("import:gaps.edf"));
        const auto annotations = r->annotations(edfPatient->id, -kAllTime, kAllTime);
        QCOMPARE(annotations.size(), std::size_t(1));
        QCOMPARE(annotations[0].text, QStringLiteral("marker"));
        QCOMPARE(annotations[0].time, start + 1'500'000);
    }

    void edfAnnotationsOnly()
    {
        const auto reports = import({dataPath(QStringLiteral("edf/test_edfann.edf"))});
        QCOMPARE(reports[0].status, FileImporter::Status::Imported);
        QCOMPARE(reports[0].annotations, quint64(856));
        QCOMPARE(reports[0].samples, quint64(0));
        auto r = reader();
        const auto patient = r->patientBySourceKey(QStringLiteral("import:test_edfann.edf"));
        QVERIFY(patient);
        QCOMPARE(patient->origin, store::PatientOrigin::Import);
        const auto annotations = r->annotations(patient->id, -kAllTime, kAllTime);
        QCOMPARE(annotations.size(), std::size_t(856));
        QCOMPARE(annotations[0].durationUs, qint64(30'000'000));
        QCOMPARE(annotations[2].text, QStringLiteral("Lights off@@EEG F4-A1"));
        QCOMPARE(annotations[2].time, utcMicros(2001, 1, 1, 23, 59, 30) + 33'430'000);
    }

    void fhirEkgOriginPlusFactorTimesData()
    {
        const QString path = dataPath(QStringLiteral("fhir/observation-example-sample-data.json"));
        const auto reports = import({path});
        QCOMPARE(reports[0].kind, FileImporter::Kind::Fhir);
        QCOMPARE(reports[0].status, FileImporter::Status::Imported);
        QCOMPARE(reports[0].patientKeys, QStringList{QStringLiteral("import:f001")});
        // The file, read independently.
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
        const QJsonArray components = json.value(QStringLiteral("component")).toArray();
        QCOMPARE(components.size(), 3);
        auto r = reader();
        const auto patient = r->patientBySourceKey(QStringLiteral("import:f001"));
        QVERIFY(patient);
        QCOMPARE(patient->origin, store::PatientOrigin::Import);
        const auto streams = r->streams(patient->id);
        QCOMPARE(streams.size(), std::size_t(3));
        for (const QJsonValue& c : components) {
            const int code =
                c[QStringLiteral("code")][QStringLiteral("coding")][0][QStringLiteral("code")].toString().toInt();
            const QJsonObject sd = c[QStringLiteral("valueSampledData")].toObject();
            const double origin = sd[QStringLiteral("origin")][QStringLiteral("value")].toDouble();
            const double factor = sd[QStringLiteral("factor")].toDouble();
            const QStringList data = sd[QStringLiteral("data")].toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
            const auto* stream = streamWithCode(streams, code);
            QVERIFY(stream);
            QCOMPARE(stream->descriptor.rateHz, 100.0); // period 10 ms
            const auto stored = allSamples(*r, *stream);
            QCOMPARE(static_cast<qsizetype>(stored.size()), data.size());
            QCOMPARE(stored.front().first, utcMicros(2015, 2, 19, 8, 30, 35)); // 09:30:35+01:00
            for (qsizetype i = 0; i < data.size(); ++i) {
                const double expected = origin + factor * data[i].toDouble();
                const double got = stream->descriptor.toPhysical(stored[static_cast<std::size_t>(i)].second);
                QVERIFY2(std::abs(got - expected) < 1e-9 * std::abs(expected),
                    qPrintable(QStringLiteral("lead %1 sample %2").arg(code).arg(i)));
            }
        }
    }

    void hl7BatchFilesAreSplit()
    {
        const auto reports = import({dataPath(QStringLiteral("hl7v2/batch/python-hl7-sample_file1.hl7")),
            dataPath(QStringLiteral("hl7v2/batch/hl7-standard-batch.hl7"))});
        QCOMPARE(reports[0].kind, FileImporter::Kind::Hl7);
        QCOMPARE(reports[0].messages, quint64(3)); // a file of two batches: 2 + 1 messages
        QCOMPARE(reports[0].status, FileImporter::Status::Imported);
        QCOMPARE(reports[0].patients, 1);
        QCOMPARE(reports[0].patientKeys.front(), QStringLiteral("import:0000112234"));
        // ADT^A01 imported; RSP^K11 is not a message Vigil reads: quarantined, the file partial.
        QCOMPARE(reports[1].messages, quint64(2));
        QCOMPARE(reports[1].status, FileImporter::Status::Partial);
        QCOMPARE(reports[1].problems.size(), 1);
        QVERIFY(reports[1].problems.front().startsWith(QStringLiteral("message 2")));
        auto r = reader();
        const auto adt = r->patientBySourceKey(QStringLiteral("import:0000112234"));
        QVERIFY(adt);
        QCOMPARE(adt->origin, store::PatientOrigin::Import);
        QVERIFY(!adt->identity.familyName.isEmpty());
        QCOMPARE(r->database().queryInt("SELECT count(*) FROM quarantine WHERE source = "
                                        "'file:hl7-standard-batch.hl7 message 2'"),
            qint64(1));
    }

    void oximeterVitals()
    {
        const auto reports = import({dataPath(QStringLiteral("hl7v2/continua-wan/valid-oximeter-continua-wan.hl7v2"))});
        QCOMPARE(reports[0].kind, FileImporter::Kind::Hl7);
        QCOMPARE(reports[0].vitals, quint64(1)); // SpO2 80.5 %
        auto r = reader();
        const auto patients = r->patients();
        QCOMPARE(patients.size(), std::size_t(1));
        QVERIFY(patients[0].identity.id.startsWith(QStringLiteral("import:")));
        const auto spo2 = r->vitals(patients[0].id, core::VitalKind::SpO2, -kAllTime, kAllTime);
        QCOMPARE(spo2.size(), std::size_t(1));
        QCOMPARE(spo2[0].value, 80.5);
    }

    void malformedFilesAreQuarantinedGoodOnesKept()
    {
        const QString badJson = m_dir->filePath(QStringLiteral("broken.json"));
        writeFile(badJson, "{ \"resourceType\": \"Observation\", ");
        const QString badHl7 = m_dir->filePath(QStringLiteral("broken.hl7"));
        writeFile(badHl7, "PID|1||123\rOBX|1|NM|x\r");
        const QString badNdjson = m_dir->filePath(QStringLiteral("mixed.ndjson"));
        QFile heartRate(dataPath(QStringLiteral("fhir/observation-example-heart-rate.json")));
        QVERIFY(heartRate.open(QIODevice::ReadOnly));
        const QByteArray hrLine = QJsonDocument::fromJson(heartRate.readAll()).toJson(QJsonDocument::Compact);
        writeFile(badNdjson, hrLine + "\nnot json at all\n\n");
        const QString badHeader = m_dir->filePath(QStringLiteral("bad.hea"));
        writeFile(badHeader, "bad 1 250 100\nbad.dat 999 200 11 0 0 0 0 ECG\n");
        const QString badEdf = m_dir->filePath(QStringLiteral("bad.edf"));
        writeFile(badEdf, QByteArray("0       ") + QByteArray(300, 'x'));
        const QString unknown = m_dir->filePath(QStringLiteral("notes.bin"));
        writeFile(unknown, "nothing to see");

        const auto reports = import({badJson, dataPath(QStringLiteral("scipy_ecg_208.hea")), badHl7, badNdjson,
            badHeader, badEdf, unknown, dataPath(QStringLiteral("fhir/observation-example-sample-data.json")),
            m_dir->filePath(QStringLiteral("missing.hea"))});
        QCOMPARE(reports.size(), std::size_t(9));
        QCOMPARE(reports[0].status, FileImporter::Status::Failed);
        QCOMPARE(reports[1].status, FileImporter::Status::Imported);
        QCOMPARE(reports[2].status, FileImporter::Status::Failed);
        QCOMPARE(reports[3].status, FileImporter::Status::Partial); // one good line, one bad
        QCOMPARE(reports[3].vitals, quint64(1));
        QCOMPARE(reports[4].status, FileImporter::Status::Failed);
        QCOMPARE(reports[5].status, FileImporter::Status::Failed);
        QCOMPARE(reports[6].status, FileImporter::Status::Failed);
        QCOMPARE(reports[6].kind, FileImporter::Kind::Unknown);
        QCOMPARE(reports[7].status, FileImporter::Status::Imported);
        QCOMPARE(reports[8].status, FileImporter::Status::Failed);
        for (const auto& report : reports) {
            if (report.status == FileImporter::Status::Failed)
                QVERIFY2(!report.problems.isEmpty(), qPrintable(report.fileName));
        }

        auto r = reader();
        QVERIFY(r->patientBySourceKey(QStringLiteral("import:scipy_ecg_208")));
        QVERIFY(r->patientBySourceKey(QStringLiteral("import:f001")));
        QCOMPARE(r->counts().samples, qint64(108000 + 3 * 116));
        // Each unreadable message or recording is in the quarantine, with the file's name only.
        const auto& db = r->database();
        QCOMPARE(db.queryInt("SELECT count(*) FROM quarantine WHERE source = 'file:broken.json'"), qint64(1));
        QCOMPARE(db.queryInt("SELECT count(*) FROM quarantine WHERE source = 'file:broken.hl7'"), qint64(1));
        QCOMPARE(db.queryInt("SELECT count(*) FROM quarantine WHERE source = 'file:mixed.ndjson line 2'"), qint64(1));
        QCOMPARE(db.queryInt("SELECT count(*) FROM quarantine WHERE source = 'file:bad.hea'"), qint64(1));
        QCOMPARE(db.queryInt("SELECT count(*) FROM quarantine WHERE source = 'file:bad.edf'"), qint64(1));
        QCOMPARE(db.queryInt("SELECT count(*) FROM quarantine WHERE source LIKE '%/%'"), qint64(0)); // no paths
        // Every file is audited, failures too.
        QCOMPARE(db.queryInt("SELECT count(*) FROM audit_log WHERE action = 'import.file'"), qint64(9));
    }

    void importedPatientsSurviveRetention()
    {
        import(
            {dataPath(QStringLiteral("100.hea")), dataPath(QStringLiteral("fhir/observation-example-sample-data.json")),
                dataPath(QStringLiteral("edf/test_edfann.edf"))});
        auto r = reader();
        const auto before = r->counts();
        QVERIFY(before.chunks > 0);
        r.reset();

        // A live patient whose data is as old as the imports (written without pruning) ...
        core::PatientIdentity live;
        live.id = QStringLiteral("live-1");
        const core::Timestamp old = FileImporter::kUndatedEpochUs;
        {
            StoreWriter::Config quiet;
            quiet.pruning = false;
            StoreWriter writer(*m_cache, quiet);
            QVERIFY(writer.start());
            const int ph = writer.registerPatient(live);
            const int sh = writer.registerStream(ph, store::StreamDescriptor::forLiveStream(core::StreamKind::Resp));
            writer.appendSamples(sh, old, std::vector<qint32>(250, 1), old);
            writer.appendVital(ph, core::VitalKind::SpO2, {97, old}, old);
            store::Annotation note;
            note.time = old;
            note.source = QStringLiteral("test");
            writer.appendAnnotation(ph, note);
            QVERIFY(writer.stop());
        }
        r = reader();
        QCOMPARE(r->counts().chunks, before.chunks + 5);
        QCOMPARE(r->counts().vitals, before.vitals + 1);
        QCOMPARE(r->counts().annotations, before.annotations + 1);

        // ... and a writer that prunes on every commit: it keeps committing until that data is gone.
        StoreWriter::Config config;
        config.retention.stepIntervalUs = 0;
        config.commitIntervalMs = 50;
        StoreWriter writer(*m_cache, config);
        QVERIFY(writer.start());
        const int ph = writer.registerPatient(live);
        QTRY_VERIFY_WITH_TIMEOUT((writer.appendStatus(ph, {}, core::nowUtc()),
                                     r->counts().chunks == before.chunks && r->counts().vitals == before.vitals
                                         && r->counts().annotations == before.annotations),
            20000);
        QVERIFY(writer.stats().prunedRows >= 7);
        QVERIFY(writer.stop());
        const auto after = r->counts();
        QCOMPARE(after.samples, before.samples);
        QCOMPARE(after.pyramidBlocks, before.pyramidBlocks);
        QCOMPARE(after.annotations, before.annotations);
        QCOMPARE(r->patientBySourceKey(QStringLiteral("live-1"))->origin, store::PatientOrigin::Live);
        QCOMPARE(r->patientBySourceKey(QStringLiteral("import:100"))->origin, store::PatientOrigin::Import);
    }

    void detection_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<FileImporter::Kind>("kind");
        QTest::newRow("hea") << dataPath(QStringLiteral("100.hea")) << FileImporter::Kind::Wfdb;
        QTest::newRow("dat beside hea") << dataPath(QStringLiteral("100.dat")) << FileImporter::Kind::WfdbPart;
        QTest::newRow("atr beside hea") << dataPath(QStringLiteral("100.atr")) << FileImporter::Kind::WfdbPart;
        QTest::newRow("edf") << dataPath(QStringLiteral("edf/test_edfann.edf")) << FileImporter::Kind::Edf;
        QTest::newRow("json") << dataPath(QStringLiteral("fhir/patient-example-f001-pieter.json"))
                              << FileImporter::Kind::Fhir;
        QTest::newRow("hl7") << dataPath(QStringLiteral("hl7v2/batch/python-hl7-sample_batch.hl7"))
                             << FileImporter::Kind::Hl7;
        QTest::newRow("hl7v2") << dataPath(QStringLiteral("hl7v2/pcd01/valid-pcd01-request.hl7v2"))
                               << FileImporter::Kind::Hl7;
        QTest::newRow("csv") << dataPath(QStringLiteral("derived/100_atr_annotations.csv"))
                             << FileImporter::Kind::Unknown;
    }

    void detection()
    {
        QFETCH(QString, path);
        QFETCH(FileImporter::Kind, kind);
        QCOMPARE(FileImporter::detect(path), kind);
    }

    void detectionByContent()
    {
        const QString edf = m_dir->filePath(QStringLiteral("recording.dat0"));
        QFile::copy(dataPath(QStringLiteral("edf/test_edfann.edf")), edf);
        QCOMPARE(FileImporter::detect(edf), FileImporter::Kind::Edf);
        const QString hl7 = m_dir->filePath(QStringLiteral("messages.txt"));
        writeFile(hl7, "\xEF\xBB\xBF\r\nMSH|^~\\&|A|B\r");
        QCOMPARE(FileImporter::detect(hl7), FileImporter::Kind::Hl7);
        const QString json = m_dir->filePath(QStringLiteral("one.txt"));
        writeFile(json, "  {\"resourceType\": \"Patient\"}\n");
        QCOMPARE(FileImporter::detect(json), FileImporter::Kind::Fhir);
        const QString ndjson = m_dir->filePath(QStringLiteral("many.txt"));
        writeFile(ndjson, "{\"resourceType\": \"Patient\"}\n{\"resourceType\": \"Patient\"}\n");
        QCOMPARE(FileImporter::detect(ndjson), FileImporter::Kind::Ndjson);
    }

    void skippedParts()
    {
        const auto reports = import({dataPath(QStringLiteral("100.atr"))});
        QCOMPARE(reports[0].status, FileImporter::Status::Skipped);
        QCOMPARE(reports[0].warnings.size(), 1);
        QCOMPARE(reader()->counts().patients, qint64(0));
    }

    void mdcCodes_data()
    {
        QTest::addColumn<QString>("description");
        QTest::addColumn<int>("code");
        QTest::newRow("MLII") << QStringLiteral("MLII") << 131330;
        QTest::newRow("II") << QStringLiteral("II") << 131330;
        QTest::newRow("ECG") << QStringLiteral("ECG") << 131330;
        QTest::newRow("ECG II") << QStringLiteral("ECG II") << 131330;
        QTest::newRow("ecg lead ii") << QStringLiteral("ecg lead ii") << 131330;
        QTest::newRow("I") << QStringLiteral("I") << 131329;
        QTest::newRow("III") << QStringLiteral("III") << 131389;
        QTest::newRow("PLETH") << QStringLiteral("PLETH") << 150452;
        QTest::newRow("RESP") << QStringLiteral("RESP") << 151780;
        QTest::newRow("Resp.") << QStringLiteral("Resp.") << 151780;
        QTest::newRow("V5") << QStringLiteral("V5") << 0;
        QTest::newRow("ABP") << QStringLiteral("ABP") << 0;
        QTest::newRow("EEG Fpz-Cz") << QStringLiteral("EEG Fpz-Cz") << 0;
        QTest::newRow("empty") << QString() << 0;
    }

    void mdcCodes()
    {
        QFETCH(QString, description);
        QFETCH(int, code);
        QCOMPARE(FileImporter::mdcCodeFor(description), code);
    }
};

QTEST_GUILESS_MAIN(TestFileImporter)
#include "tst_fileimporter.moc"
