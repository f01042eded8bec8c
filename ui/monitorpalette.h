#pragma once

#include "core/streamkind.h"

#include <QColor>

namespace vigil::ui {

// Colours of the live view: dark, low-glare background with the trace colours bedside monitors use
// (ECG green, pleth cyan, respiration yellow). Technical states use cyan text, never colour alone.
struct MonitorPalette
{
    static QColor background() { return QColor(0x0b, 0x0f, 0x14); }
    static QColor tileBorder() { return QColor(0x26, 0x30, 0x3b); }
    static QColor focusBorder() { return QColor(0xe0, 0xe6, 0xee); }
    static QColor text() { return QColor(0xe6, 0xea, 0xef); }
    static QColor dimText() { return QColor(0x8a, 0x96, 0xa3); }
    static QColor technical() { return QColor(0x4d, 0xd0, 0xe1); }
    static QColor trace(core::StreamKind kind)
    {
        switch (kind) {
        case core::StreamKind::Ecg:
            return QColor(0x3d, 0xdc, 0x84);
        case core::StreamKind::Pleth:
            return QColor(0x4f, 0xc3, 0xf7);
        case core::StreamKind::Resp:
            return QColor(0xff, 0xd5, 0x4f);
        }
        return text();
    }
};

} // namespace vigil::ui
