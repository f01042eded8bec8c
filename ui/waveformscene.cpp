#include "waveformscene.h"

#include "core/nhsnumber.h"
#include "itemmodels/dataage.h"
#include "live/livehub.h"

#include <QDateTime>
#include <QKeyEvent>
#include <QTimeZone>

#include <cmath>
#include <limits>

namespace vigil::ui {

using core::StreamKind;
using core::VitalKind;

WaveformScene::WaveformScene(live::LiveHub& hub, QObject* parent)
    : QObject(parent)
    , m_hub(hub)
    , m_clock(&core::nowUtc)
{
    for (int i = 0; i < m_hub.patientCount(); ++i)
        m_patients.push_back(i);
    relayout();
}

void WaveformScene::setPatients(std::vector<int> patients)
{
    m_patients = std::move(patients);
    m_current = 0;
    relayout();
}

void WaveformScene::setDisplaySettings(const DisplaySettings& settings)
{
    if (settings == m_settings)
        return;
    m_settings = settings;
    relayout();
}

void WaveformScene::setSize(QSize size)
{
    if (size == m_size)
        return;
    m_size = size;
    relayout();
}

void WaveformScene::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

void WaveformScene::relayout()
{
    const std::vector<TileGeometry> geometry = TileLayout::compute(m_size, static_cast<int>(m_patients.size()));
    m_tiles.clear();
    m_tiles.resize(geometry.size());
    for (std::size_t i = 0; i < geometry.size(); ++i) {
        Tile& t = m_tiles[i];
        t.patient = m_patients[i];
        t.geometry = geometry[i];
        for (StreamKind kind : core::kAllStreams) {
            Trace& trace = t.traces[static_cast<std::size_t>(core::streamIndex(kind))];
            const int columns = t.geometry.bands[static_cast<std::size_t>(core::streamIndex(kind))].width();
            trace.sweep.configure(columns, m_settings.pixelsPerSecond() / core::sampleRateHz(kind));
        }
    }
    m_current = std::clamp(m_current, 0, std::max(0, tileCount() - 1));
    ++m_generation;
    refreshInfo();
    Q_EMIT layoutChanged();
}

void WaveformScene::prime(Tile& tile, StreamKind kind)
{
    // Start one sweep width in the past so a new view opens with a full screen of recent trace,
    // with all three streams starting at the same moment.
    const live::PatientFeed& feed = m_hub.feed(tile.patient);
    const double seconds = tile.geometry.bands[0].width() / m_settings.pixelsPerSecond();
    Trace& trace = tile.traces[static_cast<std::size_t>(core::streamIndex(kind))];
    const std::uint64_t written = feed.ring(kind).written();
    if (written == 0)
        return; // nothing yet: try again next frame
    const auto back = static_cast<std::uint64_t>(seconds * core::sampleRateHz(kind));
    trace.cursor = written > back ? written - back : 0;
    trace.primed = true;
    // In phase with the clock: every head sits at the same x in every tile.
    const double first = static_cast<double>(feed.sampleTime(kind, trace.cursor)) / core::kMicrosPerSecond;
    trace.sweep.startAt(first * m_settings.pixelsPerSecond());
}

std::size_t WaveformScene::advance()
{
    std::size_t consumed = 0;
    for (Tile& tile : m_tiles) {
        const live::PatientFeed& feed = m_hub.feed(tile.patient);
        for (StreamKind kind : core::kAllStreams) {
            Trace& trace = tile.traces[static_cast<std::size_t>(core::streamIndex(kind))];
            if (!trace.primed) {
                prime(tile, kind);
                if (!trace.primed)
                    continue;
            }
            m_buffer.clear();
            const auto result = feed.ring(kind).read(trace.cursor, m_buffer);
            if (result.lost > 0) {
                // Keep the sweep time-aligned across a stall: the lost stretch shows as a gap.
                const std::uint64_t gap = std::min<std::uint64_t>(result.lost, trace.sweep.columnCount() * 4ULL);
                m_buffer.insert(m_buffer.begin(), gap, std::numeric_limits<float>::quiet_NaN());
            }
            trace.sweep.append(m_buffer);
            trace.cursor = result.next;
            consumed += m_buffer.size();
        }
    }
    return consumed;
}

TileInfo WaveformScene::makeInfo(int tile, core::Timestamp now) const
{
    const Tile& t = m_tiles[static_cast<std::size_t>(tile)];
    const live::PatientFeed& feed = m_hub.feed(t.patient);
    const live::FeedSnapshot snap = feed.snapshot();
    const core::PatientIdentity& id = feed.identity();
    const QDate today = QDateTime::fromMSecsSinceEpoch(now / core::kMicrosPerMilli, QTimeZone::utc()).date();
    TileInfo info;
    info.name = id.displayName();
    const int age = id.ageOn(today);
    info.age = age < 0 ? QString() : tr("%1 y").arg(age);
    info.nhsNumber = core::NhsNumber::format(id.nhsNumber);
    const double ageSeconds = snap.dataAgeSeconds(now);
    info.dataAge = itemmodels::DataAge::format(ageSeconds);
    info.stale = itemmodels::DataAge::isStale(ageSeconds);
    info.leadOff = snap.status.ecgLeadOff;
    const auto number = [&](VitalKind kind, int decimals) {
        const core::Measurement& m = snap.vitals[kind];
        return m.isValid() ? QString::number(m.value, 'f', decimals) : QStringLiteral("--");
    };
    info.heartRate = info.leadOff ? QStringLiteral("--") : number(VitalKind::HeartRate, 0);
    info.spo2 = number(VitalKind::SpO2, 0);
    info.respRate = number(VitalKind::RespRate, 0);
    info.bloodPressure = number(VitalKind::SystolicBp, 0) + QLatin1Char('/') + number(VitalKind::DiastolicBp, 0);
    info.temperature = number(VitalKind::Temperature, 1);
    info.current = tile == m_current;
    return info;
}

std::vector<int> WaveformScene::refreshInfo(int maxTiles)
{
    std::vector<int> changed;
    if (m_tiles.empty())
        return changed;
    const core::Timestamp now = m_clock();
    const int n = maxTiles < 0 ? tileCount() : std::min(maxTiles, tileCount());
    std::vector<int> todo = std::move(m_focusChanged);
    m_focusChanged.clear();
    for (int k = 0; k < n; ++k) {
        todo.push_back(m_refreshCursor);
        m_refreshCursor = (m_refreshCursor + 1) % tileCount();
    }
    for (int i : todo) {
        if (i < 0 || i >= tileCount())
            continue;
        Tile& t = m_tiles[static_cast<std::size_t>(i)];
        TileInfo info = makeInfo(i, now);
        if (!(info == t.info)) {
            t.info = std::move(info);
            if (std::find(changed.begin(), changed.end(), i) == changed.end())
                changed.push_back(i);
        }
    }
    return changed;
}

bool WaveformScene::suppressed(int tile, StreamKind kind) const
{
    const TileInfo& info = m_tiles[static_cast<std::size_t>(tile)].info;
    return info.stale || (kind == StreamKind::Ecg && info.leadOff);
}

int WaveformScene::eraseBarColumns(int tile, StreamKind kind) const
{
    const int width = m_tiles[static_cast<std::size_t>(tile)]
                          .traces[static_cast<std::size_t>(core::streamIndex(kind))]
                          .sweep.columnCount();
    return std::min(m_settings.eraseBarColumns(), width - 1);
}

double WaveformScene::pixelsPerUnit(int tile, StreamKind kind) const
{
    const QRect& band =
        m_tiles[static_cast<std::size_t>(tile)].geometry.bands[static_cast<std::size_t>(core::streamIndex(kind))];
    switch (kind) {
    case StreamKind::Ecg:
        return m_settings.ecgPixelsPerMv();
    case StreamKind::Pleth:
        return band.height() * 0.8; // pleth is relative, 0..1
    case StreamKind::Resp:
        return band.height() * 0.4; // respiration is relative, -1..1
    }
    return 1.0;
}

double WaveformScene::baselineY(int tile, StreamKind kind) const
{
    const QRect& band =
        m_tiles[static_cast<std::size_t>(tile)].geometry.bands[static_cast<std::size_t>(core::streamIndex(kind))];
    switch (kind) {
    case StreamKind::Ecg:
        return band.top() + band.height() * 0.62; // room above for R waves
    case StreamKind::Pleth:
        return band.top() + band.height() * 0.9;
    case StreamKind::Resp:
        return band.top() + band.height() * 0.5;
    }
    return band.center().y();
}

std::optional<std::pair<int, int>> WaveformScene::columnPixels(int tile, StreamKind kind, int column) const
{
    const Tile& t = m_tiles[static_cast<std::size_t>(tile)];
    const auto si = static_cast<std::size_t>(core::streamIndex(kind));
    const signal::SweepTrace& sweep = t.traces[si].sweep;
    // Columns inside the erase bar ahead of the head, and columns never written, are blank.
    const int width = sweep.columnCount();
    const int ahead = (column - sweep.head() + width) % width;
    if ((ahead > 0 && ahead <= eraseBarColumns(tile, kind)) || !sweep.written(column))
        return std::nullopt;
    const signal::ColumnSpan& span = sweep.column(column);
    if (span.isEmpty())
        return std::nullopt;
    const QRect& band = t.geometry.bands[si];
    const double ppu = pixelsPerUnit(tile, kind);
    const double base = baselineY(tile, kind);
    int top = static_cast<int>(std::floor(base - span.max * ppu));
    int bottom = static_cast<int>(std::floor(base - span.min * ppu));
    top = std::clamp(top, band.top(), band.bottom());
    bottom = std::clamp(bottom, band.top(), band.bottom());
    return std::make_pair(top, bottom);
}

void WaveformScene::setCurrentTile(int tile)
{
    tile = std::clamp(tile, 0, std::max(0, tileCount() - 1));
    if (tile == m_current)
        return;
    m_focusChanged.push_back(m_current);
    m_focusChanged.push_back(tile);
    m_current = tile;
    Q_EMIT currentTileChanged(tile);
}

int WaveformScene::tileAt(QPoint pos) const
{
    for (int i = 0; i < tileCount(); ++i) {
        if (m_tiles[static_cast<std::size_t>(i)].geometry.frame.contains(pos))
            return i;
    }
    return -1;
}

bool WaveformScene::handleKey(QKeyEvent* event)
{
    if (tileCount() == 0)
        return false;
    const int cols = TileLayout::gridColumns(m_size, tileCount());
    int next = m_current;
    switch (event->key()) {
    case Qt::Key_Left:
        next = m_current - 1;
        break;
    case Qt::Key_Right:
        next = m_current + 1;
        break;
    case Qt::Key_Up:
        next = m_current - cols;
        break;
    case Qt::Key_Down:
        next = m_current + cols;
        break;
    case Qt::Key_Home:
        next = 0;
        break;
    case Qt::Key_End:
        next = tileCount() - 1;
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        activate(m_current);
        return true;
    default:
        return false;
    }
    if (next >= 0 && next < tileCount())
        setCurrentTile(next);
    return true;
}

void WaveformScene::activate(int tile)
{
    if (tile < 0 || tile >= tileCount())
        return;
    setCurrentTile(tile);
    Q_EMIT tileActivated(m_tiles[static_cast<std::size_t>(tile)].patient);
}

} // namespace vigil::ui
