#pragma once

#include "core/streamkind.h"
#include "core/timestamp.h"
#include "displaysettings.h"
#include "signal/sweeptrace.h"
#include "tileinfo.h"
#include "tilelayout.h"

#include <QObject>

#include <functional>
#include <optional>
#include <vector>

class QKeyEvent;

namespace vigil::live {
class LiveHub;
}

namespace vigil::ui {

// The state both renderers draw: which patients, the tile layout, one SweepTrace per trace fed from
// the live rings, and each tile's text. Renderers own no waveform state of their own, so switching
// renderer at run time loses nothing: the new one draws the scene in full on its first frame.
//
// advance() pulls the samples that arrived since the previous frame (once per frame, never per
// sample); renderers then draw only what SweepTrace::takeDirty() reports. GUI thread only.
class WaveformScene final : public QObject
{
    Q_OBJECT
public:
    struct Trace
    {
        signal::SweepTrace sweep;
        std::uint64_t cursor = 0;
        bool primed = false; // cursor positioned (backfilled) since the last relayout
    };
    struct Tile
    {
        int patient = -1; // index in the LiveHub
        TileGeometry geometry;
        TileInfo info;
        std::array<Trace, core::kStreamCount> traces;
    };

    using Clock = std::function<core::Timestamp()>;

    explicit WaveformScene(live::LiveHub& hub, QObject* parent = nullptr);

    // Which hub patients to show, in tile order (default: all).
    void setPatients(std::vector<int> patients);
    void setDisplaySettings(const DisplaySettings& settings);
    void setSize(QSize size);
    void setClock(Clock clock);

    [[nodiscard]] const DisplaySettings& displaySettings() const { return m_settings; }
    [[nodiscard]] QSize size() const { return m_size; }
    [[nodiscard]] int tileCount() const { return static_cast<int>(m_tiles.size()); }
    [[nodiscard]] Tile& tile(int i) { return m_tiles[static_cast<std::size_t>(i)]; }
    [[nodiscard]] const Tile& tile(int i) const { return m_tiles[static_cast<std::size_t>(i)]; }
    [[nodiscard]] live::LiveHub& hub() const { return m_hub; }
    // Bumped whenever geometry or settings change: renderers then redraw everything.
    [[nodiscard]] quint64 layoutGeneration() const { return m_generation; }

    // Pulls new samples from every ring into the sweeps. Returns the number of samples consumed.
    std::size_t advance();
    // Re-reads numerics and states of up to maxTiles tiles (round robin; -1: all), plus any tile whose
    // focus changed. Returns the tiles whose info changed. Spreading the refresh over frames keeps
    // text painting from landing in one frame.
    std::vector<int> refreshInfo(int maxTiles = -1);
    // Tiles to refresh per frame at 60 frames per second so each is re-read once a second.
    [[nodiscard]] static int refreshBudget(int tiles) { return std::max(1, (tiles + 59) / 60); }

    // Is the band's trace hidden behind a technical state (stale feed; lead off for ECG)?
    [[nodiscard]] bool suppressed(int tile, core::StreamKind kind) const;
    // Pixel rows a column's span covers in its band, clipped to the band: [top, bottom], or nullopt
    // when the column is blank (no data, never written, or under the erase bar). Both renderers use
    // this, so they draw identical pixels.
    [[nodiscard]] std::optional<std::pair<int, int>> columnPixels(int tile, core::StreamKind kind, int column) const;
    // Width of the erase bar ahead of the sweep head, in columns of this trace's band.
    [[nodiscard]] int eraseBarColumns(int tile, core::StreamKind kind) const;
    // Pixels per signal unit of the trace (ECG: pixels per mV from the gain).
    [[nodiscard]] double pixelsPerUnit(int tile, core::StreamKind kind) const;
    // The y of signal value 0 in the band (ECG baseline), in widget pixels.
    [[nodiscard]] double baselineY(int tile, core::StreamKind kind) const;

    // Keyboard focus among tiles.
    [[nodiscard]] int currentTile() const { return m_current; }
    void setCurrentTile(int tile);
    [[nodiscard]] int tileAt(QPoint pos) const;
    // Arrow keys, Home/End, Page keys move the focus; Enter/Return activates. Returns true if handled.
    bool handleKey(QKeyEvent* event);
    void activate(int tile);

Q_SIGNALS:
    void currentTileChanged(int tile);
    void tileActivated(int patient);
    void layoutChanged();

private:
    void relayout();
    void prime(Tile& tile, core::StreamKind kind);
    [[nodiscard]] TileInfo makeInfo(int tile, core::Timestamp now) const;

    live::LiveHub& m_hub;
    std::vector<int> m_patients;
    std::vector<Tile> m_tiles;
    DisplaySettings m_settings;
    QSize m_size;
    Clock m_clock;
    quint64 m_generation = 0;
    int m_current = 0;
    int m_refreshCursor = 0;
    std::vector<int> m_focusChanged;
    std::vector<float> m_buffer;
};

} // namespace vigil::ui
