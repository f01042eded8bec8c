#pragma once

#include <QString>

namespace vigil::codec {

// One annotation of a WFDB annotation file (annot(5)), e.g. a beat label of a reference annotator.
struct WfdbAnnotation
{
    qint64 sample = 0; // time, in sample intervals of the record (WfdbAnnotations::timeResolution())
    int code = 0; // MIT annotation code (anntyp): 1 N, 5 V, 8 A, 28 rhythm change "+" ... (0-58)
    int subtype = 0; // subtyp, -512..511 (10 bits, two's complement)
    int channel = 0; // chan, 0..1023: the signal it applies to, where that matters
    int number = 0; // num, -512..511
    QString aux; // auxiliary text, e.g. the rhythm "(N" of a "+" annotation; may be empty

    // The WFDB mnemonic of `code` ("N", "V", "+", "[15]" for codes without one).
    [[nodiscard]] QString symbol() const;
};

} // namespace vigil::codec
