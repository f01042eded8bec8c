#pragma once

#include <QStringList>

namespace vigil::app {

// `vigilctl import FILE… --cache … --passphrase-file … [--json]`: imports recordings and messages
// from files into the encrypted cache for review (ingest::FileImporter: WFDB records with their .atr
// annotations, EDF/EDF+/BDF, FHIR R4 JSON and NDJSON, HL7 v2 files and batches). Prints, per file,
// its kind, status, patients, samples, vital signs, annotations and problems. A bad file never stops
// the others; malformed messages are quarantined. Exit code 0 when every file was imported (or
// skipped as part of a WFDB record), 1 when any failed or the cache could not be written, 2 on usage.
class ImportCommand final
{
public:
    [[nodiscard]] static int run(const QStringList& arguments);
};

} // namespace vigil::app
