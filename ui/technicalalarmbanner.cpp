#include "technicalalarmbanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QVBoxLayout>

namespace vigil::ui {

namespace {

constexpr int kIconSize = 20;

// The warning triangle (dark, with a cyan exclamation mark) beside each line: the alarm's shape, so
// it is told apart from other banners without relying on colour.
QPixmap warningTriangle(qreal devicePixelRatio)
{
    const int side = static_cast<int>(std::ceil(kIconSize * devicePixelRatio));
    QPixmap pixmap(side, side);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const qreal s = kIconSize;
    QPainterPath triangle;
    triangle.moveTo(s / 2, 1);
    triangle.lineTo(s - 1, s - 2);
    triangle.lineTo(1, s - 2);
    triangle.closeSubpath();
    p.fillPath(triangle, QColor(0x06, 0x18, 0x1b));
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0x4d, 0xd0, 0xe1));
    p.drawRoundedRect(QRectF(s / 2 - 1.25, s * 0.35, 2.5, s * 0.32), 1, 1);
    p.drawEllipse(QPointF(s / 2, s * 0.78), 1.5, 1.5);
    return pixmap;
}

} // namespace

TechnicalAlarmBanner::TechnicalAlarmBanner(QWidget* parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("technicalAlarm"));
    // Cyan with dark, bold text: a technical alarm.
    setStyleSheet(
        QStringLiteral("#technicalAlarm { background:#4dd0e1; }"
                       " #technicalAlarm QLabel { color:#06181b; font-weight:bold; background:transparent; }"));
    setAccessibleName(tr("Technical alarm"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 4, 10, 4);
    layout->setSpacing(2);
    const QPixmap icon = warningTriangle(devicePixelRatioF());
    for (Row& row : m_rows) {
        row.widget = new QWidget(this);
        auto* rowLayout = new QHBoxLayout(row.widget);
        rowLayout->setContentsMargins(0, 2, 0, 2);
        rowLayout->setSpacing(8);
        auto* shape = new QLabel(row.widget);
        shape->setPixmap(icon);
        shape->setFixedSize(kIconSize, kIconSize);
        shape->setAccessibleName(tr("Technical alarm"));
        rowLayout->addWidget(shape, 0, Qt::AlignTop);
        row.text = new QLabel(row.widget);
        row.text->setObjectName(QStringLiteral("technicalAlarmText"));
        row.text->setWordWrap(true);
        row.text->setTextFormat(Qt::PlainText);
        rowLayout->addWidget(row.text, 1);
        row.widget->hide();
        layout->addWidget(row.widget);
    }
    hide();
}

void TechnicalAlarmBanner::setCondition(Condition condition, const QString& text)
{
    Row& row = m_rows[static_cast<std::size_t>(condition)];
    if (row.text->text() != text)
        row.text->setText(text);
    row.widget->setVisible(!text.isEmpty());
    setVisible(!conditions().isEmpty());
}

QString TechnicalAlarmBanner::condition(Condition condition) const
{
    return m_rows[static_cast<std::size_t>(condition)].text->text();
}

QStringList TechnicalAlarmBanner::conditions() const
{
    QStringList lines;
    for (const Row& row : m_rows) {
        if (!row.text->text().isEmpty())
            lines << row.text->text();
    }
    return lines;
}

QString TechnicalAlarmBanner::text() const
{
    return conditions().join(QLatin1Char('\n'));
}

QString TechnicalAlarmBanner::describe(const store::StoreWriter::Stats& stats)
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
        what = tr("Cache: disk full — data is not being saved (live view continues)");
        break;
    case State::Failed:
        what = tr("Cache failed — data is not being saved (live view continues)");
        if (!stats.lastError.message.isEmpty())
            what += QStringLiteral(": ") + stats.lastError.message;
        break;
    case State::Stopped:
        what = tr("Cache stopped — data is not being saved (live view continues)");
        break;
    }
    return tr("Technical alarm — %1").arg(what);
}

QString TechnicalAlarmBanner::showStats(const store::StoreWriter::Stats& stats)
{
    const QString text = describe(stats);
    setCondition(Condition::Store, text);
    return text;
}

QString TechnicalAlarmBanner::describeLinkDown(const QString& since)
{
    return tr("Technical alarm — %1").arg(tr("Link down: no live data from the broker since %1").arg(since));
}

} // namespace vigil::ui
