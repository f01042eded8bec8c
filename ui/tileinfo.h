#pragma once

#include <QString>

namespace vigil::ui {

// What a tile shows besides its traces, as display-ready text. Compared between refreshes so only
// tiles whose text or state changed are repainted.
struct TileInfo
{
    QString name; // "SURNAME, Given"
    QString age; // "78 y"
    QString nhsNumber; // "999 123 4567"
    QString dataAge; // "now", "12 s"
    QString heartRate; // "72" or "--"
    QString spo2;
    QString respRate;
    QString bloodPressure; // "118/76"
    QString temperature; // "37.1"
    bool stale = false; // no data for DataAge::kStaleSeconds: traces hidden, "NO DATA <age>" shown
    bool leadOff = false; // ECG band shows "LEAD OFF"
    bool current = false; // keyboard focus is on this tile

    friend bool operator==(const TileInfo&, const TileInfo&) = default;
};

} // namespace vigil::ui
