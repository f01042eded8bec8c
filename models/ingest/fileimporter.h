#pragma once

#include "core/timestamp.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <functional>

namespace vigil::store {
class StoreWriter;
}

namespace vigil::ingest {

class IngestRouter;

// Imports recordings and messages from files into the cache for review (`vigilctl import`), through
// the same IngestRouter as the live feeds (source "file", detail = the file's name, never its path):
// repeats are dropped, what cannot be used is quarantined with its reasons, the rest is stored.
// Every imported patient is stored as imported (store::PatientOrigin::Import: exempt from retention,
// never shown live), and every file is audited ("import.file").
//
// Kinds, by extension, else by content:
// - WFDB (.hea): a single- or multi-segment record (codec::WfdbRecord, codec::WfdbMultiSegment), with
//   the reference annotations `<record>.atr` beside it when present (codec::WfdbAnnotations).
//   Signal and annotation files given on their own (.dat, .atr ... beside a .hea) are skipped: import
//   the .hea.
// - EDF / EDF+ / BDF (.edf, .bdf, or an EDF/BDF header): codec::EdfRecord, its EDF+ annotations too.
// - FHIR R4 JSON (.json: a resource or Bundle) and NDJSON (.ndjson, .jsonl: one resource a line, each
//   line its own message): codec::FhirDecoder.
// - HL7 v2 (.hl7, .hl7v2, .er7, .txt starting with MSH, FHS or BHS): split into messages
//   (codec::Hl7Message::splitBatch), each decoded (codec::Hl7Decoder) and routed on its own.
//
// Recordings (WFDB, EDF): one patient per record, key "import:<record name>" for WFDB and
// "import:<file name>" for EDF (with its extension, so a WFDB record and an EDF file of the same name
// stay apart), identity family name "IMPORTED", given name the record's name (no real demographics
// exist). Time: the record's start date and time (taken as UTC); a record without a date starts on
// kUndatedEpochUs (2000-01-01T00:00:00Z, plus its time of day if it gives one): never "now", so an
// import never looks live. Each signal becomes a stream: descriptions Vigil recognises get their MDC
// code (ECG II / MLII / ECG 131330, I 131329, III 131389, PLETH 150452, RESP 151780; the first
// signal to claim a code gets it), every other signal a private code kPrivateCodeBase + its index,
// with its description as the stream's label. Digital values are stored exactly as in the file with
// the file's gain and baseline, in one-second segments (one row per stream per second); seconds
// with no valid sample (gaps) are not stored. The gaps of Vigil's own exports come back as gaps: an
// EDF+ sample at the digital minimum inside an annotation "gap <label>" of its signal (how
// codec::EdfWriter marks missing samples) is no sample, and those annotations are not stored; a WFDB
// sample at the format's invalid value is none either (codec::WfdbRecord). A WFDB unit "NU"
// (normalised units, which codec::WfdbWriter writes for a unitless signal) is stored as no unit.
// Annotations (WFDB .atr, EDF+) go to the annotation table (store::Annotation) at the recording's
// device time.
//
// Messages (FHIR, HL7 v2): patient keys (and item IDs) get the prefix "import:", so imported
// messages never merge into (or keep alive) a live patient of the same key.
//
// Not thread-safe: one importer per thread (EDFlib calls are serialised inside codec::EdfRecord).
class FileImporter final
{
    Q_DECLARE_TR_FUNCTIONS(vigil::ingest::FileImporter)
public:
    enum class Kind {
        Unknown,
        Wfdb,
        WfdbPart,
        Edf,
        Fhir,
        Ndjson,
        Hl7
    };
    enum class Status {
        Imported, // everything in the file was stored
        Partial, // stored, but parts of it could not be used (see problems; quarantined)
        Failed, // nothing could be stored (see problems)
        Skipped, // not imported on its own (a WFDB signal or annotation file)
    };

    struct Report
    {
        QString fileName; // the name only, never the path
        Kind kind = Kind::Unknown;
        Status status = Status::Failed;
        int patients = 0;
        quint64 samples = 0; // waveform samples handed to the store
        quint64 vitals = 0;
        quint64 annotations = 0;
        quint64 messages = 0; // messages (HL7 v2, NDJSON lines, 1 otherwise) routed
        QStringList problems; // what could not be used (English; quotes no patient data)
        QStringList warnings; // what was tolerated
        QStringList patientKeys;
        bool cancelled = false; // Config::cancelled stopped it; what was read before is kept
    };

    struct Config
    {
        QString actor = QStringLiteral("system"); // audit: who imported
        QString role = QStringLiteral("system");
        qint64 maxMessageFileBytes = qint64(256) << 20; // FHIR NDJSON and HL7 v2 files
        int secondsPerBatch = 60; // waveform seconds per router call (bounds the copies in flight)
        // Before each batch: wait while the writer holds more than this many queued samples (0: never
        // wait). Set it when the writer is shared with live feeds and drops after a short wait, so an
        // import paces itself to the writer instead of making it drop anybody's samples.
        qsizetype maxQueuedSamples = 0;
        // Asked before each batch (any thread may flip what it reads); true stops the import there.
        std::function<bool()> cancelled;
    };

    static constexpr core::Timestamp kUndatedEpochUs = 946'684'800'000'000; // 2000-01-01T00:00:00Z
    static constexpr int kPrivateCodeBase = 0x7F000000;

    FileImporter(IngestRouter& router, store::StoreWriter& writer, Config config);
    FileImporter(IngestRouter& router, store::StoreWriter& writer);

    // Imports one file; never throws, never stops on bad input: the report says what happened.
    Report importFile(const QString& path);

    [[nodiscard]] static Kind detect(const QString& path);
    [[nodiscard]] static QString kindName(Kind kind); // "wfdb", "edf", "fhir", "ndjson", "hl7v2" ...
    [[nodiscard]] static QString statusName(Status status); // "imported", "partial", "failed", "skipped"
    // The MDC code Vigil stores a signal with this description under (0: none recognised).
    [[nodiscard]] static int mdcCodeFor(const QString& description);

private:
    struct Recording;
    void importWfdb(const QString& path, Report& report);
    void importEdf(const QString& path, Report& report);
    void importFhir(const QString& path, bool ndjson, Report& report);
    void importHl7(const QString& path, Report& report);
    void importRecording(Recording& recording, Report& report);
    void quarantine(const QString& detail, const QStringList& reasons, const QByteArray& payload, Report& report);
    void audit(const Report& report, int patientHandle);
    // Before each batch: false when cancelled (and notes that in the report), else waits for the
    // writer to make room (maxQueuedSamples) and returns true.
    [[nodiscard]] bool proceed(Report& report);

    IngestRouter& m_router;
    store::StoreWriter& m_writer;
    Config m_config;
};

} // namespace vigil::ingest
