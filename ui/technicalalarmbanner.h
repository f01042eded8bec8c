#pragma once

#include "store/storewriter.h"

#include <QFrame>
#include <QStringList>

#include <array>

class QLabel;

namespace vigil::ui {

// The workstation's technical alarms (CLINICAL.md: cyan, IEC 60601-1-8's colour for technical
// alarms) in one persistent banner that can show several conditions at once, one line each: the
// cache (store writer behind, out of disk space, failed or stopped) and the live link (no data from
// the broker). Never colour alone: every line starts with the words "Technical alarm" and carries a
// warning-triangle shape. The banner is hidden while no condition is raised. It shows no patient
// data, so it stays visible while the session is locked.
class TechnicalAlarmBanner final : public QFrame
{
    Q_OBJECT
public:
    // Shown in this order.
    enum class Condition {
        Store,
        Link,
        Audio, // no audio output: alarms are visual only
    };
    static constexpr int kConditionCount = 3;

    explicit TechnicalAlarmBanner(QWidget* parent = nullptr);

    // Raises `condition` with `text` (a full line, as describe() makes), or clears it when empty.
    void setCondition(Condition condition, const QString& text);
    [[nodiscard]] QString condition(Condition condition) const;
    // The raised conditions' lines, in order.
    [[nodiscard]] QStringList conditions() const;
    // What the banner shows: every raised line, one per line; empty when hidden.
    [[nodiscard]] QString text() const;

    // The store writer's alarm line for `stats`; empty when all is well (Running).
    [[nodiscard]] static QString describe(const store::StoreWriter::Stats& stats);
    // Raises or clears the Store condition for `stats`; returns its line (empty: cleared).
    QString showStats(const store::StoreWriter::Stats& stats);

    // The live link's alarm line: no data from the broker since `since` (local time, "HH:MM").
    [[nodiscard]] static QString describeLinkDown(const QString& since);

private:
    struct Row
    {
        QWidget* widget = nullptr;
        QLabel* text = nullptr;
    };
    std::array<Row, kConditionCount> m_rows;
};

} // namespace vigil::ui
