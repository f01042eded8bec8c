#include "storealarmbanner.h"

#include <QLocale>

namespace vigil::ui {

StoreAlarmBanner::StoreAlarmBanner(QWidget* parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("storeAlarm"));
    setWordWrap(true);
    setContentsMargins(10, 6, 10, 6);
    // Cyan with dark text: a technical alarm; the text starts with the words "Technical alarm" so the
    // meaning does not rest on the colour.
    setStyleSheet(QStringLiteral("background:#4dd0e1; color:#06181b; font-weight:bold;"));
    setAccessibleName(tr("Technical alarm"));
    hide();
}

QString StoreAlarmBanner::describe(const store::StoreWriter::Stats& stats)
{
    using State = store::StoreWriter::State;
    const QLocale locale;
    QString what;
    switch (stats.state) {
    case State::Running:
        return {};
    case State::Behind:
        if (stats.droppedSamples > 0) {
            what = tr("Cache behind: %1 samples not saved (live view continues)")
                       .arg(locale.toString(static_cast<qulonglong>(stats.droppedSamples)));
        } else {
            what =
                tr("Cache behind: saving is %1 s behind (live view continues)")
                    .arg(locale.toString(static_cast<double>(stats.oldestQueuedUs) / core::kMicrosPerSecond, 'f', 0));
        }
        break;
    case State::DiskFull:
        what = tr("Cache: disk full \u2014 data is not being saved (live view continues)");
        break;
    case State::Failed:
        what = tr("Cache failed \u2014 data is not being saved (live view continues)");
        if (!stats.lastError.message.isEmpty())
            what += QStringLiteral(": ") + stats.lastError.message;
        break;
    case State::Stopped:
        what = tr("Cache stopped \u2014 data is not being saved (live view continues)");
        break;
    }
    return tr("Technical alarm \u2014 %1").arg(what);
}

QString StoreAlarmBanner::showStats(const store::StoreWriter::Stats& stats)
{
    const QString text = describe(stats);
    if (text != this->text())
        setText(text);
    setVisible(!text.isEmpty());
    return text;
}

} // namespace vigil::ui
