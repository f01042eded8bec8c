#pragma once

namespace vigil::ui {

// How waveforms map to the screen. Sweep speed and gain are physical (mm/s, mm/mV) as on a paper
// strip or bedside monitor, converted with the screen's pixels per millimetre.
struct DisplaySettings
{
    double pixelsPerMm = 96.0 / 25.4;
    double sweepMmPerSecond = 25.0;
    double ecgGainMmPerMv = 10.0;
    double eraseBarSeconds = 0.12; // the blank gap ahead of the sweep head

    [[nodiscard]] double pixelsPerSecond() const { return pixelsPerMm * sweepMmPerSecond; }
    [[nodiscard]] double ecgPixelsPerMv() const { return pixelsPerMm * ecgGainMmPerMv; }
    [[nodiscard]] int eraseBarColumns() const
    {
        return static_cast<int>(pixelsPerSecond() * eraseBarSeconds + 0.5) + 1;
    }

    friend bool operator==(const DisplaySettings&, const DisplaySettings&) = default;
};

} // namespace vigil::ui
