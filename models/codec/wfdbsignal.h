#pragma once

#include <QString>

#include <optional>

namespace vigil::codec {

// One signal line of a WFDB header (header(5)), with the defaults WFDB applies already filled in.
struct WfdbSignal
{
    QString fileName; // signal file, a plain name in the header's directory; "~": not stored
    int format = 0; // 8, 16, 24, 32, 61, 80, 160, 212, 310 or 311; 0: not stored
    int samplesPerFrame = 1; // the `x` field: this signal is sampled at samplesPerFrame x frequency
    int skew = 0; // the `:` field, in frames: the signal's sample 0 is stored that many frames later
    qint64 byteOffset = 0; // the `+` field: bytes to skip at the start of the signal file
    double gain = 200.0; // ADC units per physical unit
    bool gainDefaulted = false; // the header gave no gain (or 0): 200, WFDB's default, uncalibrated
    qint32 baseline = 0; // ADC value of physical zero; defaults to adcZero
    QString units = QStringLiteral("mV"); // physical units; "mV" if absent
    int adcResolution = 0; // bits; defaults per format (12 for 212, 10 for 310/311, 8 for 8/80, ...)
    qint32 adcZero = 0; // ADC value at the middle of the input range
    qint32 initialValue = 0; // first sample (needed to decode format 8); defaults to adcZero
    std::optional<qint32> checksum; // 16-bit sum of all samples, as written in the header
    int blockSize = 0; // 0: not a block device
    QString description; // "record NAME, signal N" if absent

    // physical = (digital - baseline) / gain
    [[nodiscard]] double physical(qint32 digital) const;
};

} // namespace vigil::codec
