#include "news2panel.h"

#include "clinical/decimalvalue.h"

#include <QPainter>

#include <array>

namespace vigil::ui {

namespace {

using clinical::News2;
using Parameter = News2::Parameter;

constexpr std::array kRows{Parameter::RespirationRate, Parameter::SpO2, Parameter::AirOrOxygen, Parameter::SystolicBp,
    Parameter::Pulse, Parameter::Consciousness, Parameter::Temperature};

// The RCP chart's score colours.
QColor scoreColour(int score)
{
    switch (score) {
    case 3:
        return QColor(0xE5, 0x39, 0x35); // red
    case 2:
        return QColor(0xF5, 0x9E, 0x42); // orange
    case 1:
        return QColor(0xFF, 0xE0, 0x82); // yellow
    default:
        return QColor(0xFF, 0xFF, 0xFF);
    }
}

QString ageText(core::Timestamp age)
{
    const qint64 minutes = age / (60 * core::kMicrosPerSecond);
    if (minutes < 1)
        return News2Panel::tr("now");
    if (minutes < 120)
        return News2Panel::tr("%n min ago", nullptr, static_cast<int>(minutes));
    return News2Panel::tr("%n h ago", nullptr, static_cast<int>(minutes / 60));
}

QString valueText(Parameter p, const clinical::News2Assessor::Reading& r)
{
    switch (p) {
    case Parameter::AirOrOxygen:
        return r.value != 0 ? News2Panel::tr("oxygen") : News2Panel::tr("air");
    case Parameter::Consciousness:
        return News2::acvpuLetter(static_cast<News2::Acvpu>(static_cast<int>(r.value)));
    case Parameter::Temperature:
        return QString::number(r.value, 'f', 1);
    default:
        return QString::number(r.value, 'f', 0);
    }
}

} // namespace

News2Panel::News2Panel(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("news2Panel"));
    setMinimumSize(420, 300);
}

void News2Panel::setAssessment(const clinical::News2Assessor::Assessment& assessment,
    const std::deque<live::WardMonitor::HistoryPoint>& history, core::Timestamp now)
{
    m_assessment = assessment;
    m_history = history;
    m_now = now;
    m_lines.clear();
    const auto& result = m_assessment.result;
    for (Parameter p : kRows) {
        const auto i = static_cast<std::size_t>(p);
        const auto& reading = m_assessment.readings[i];
        QString line = News2::displayName(p) + QStringLiteral(": ");
        if (!reading) {
            line += tr("not measured");
        } else {
            line += valueText(p, *reading) + QStringLiteral(" (") + clinical::Provenance::name(reading->provenance)
                + QStringLiteral(", ") + ageText(now - reading->time) + QLatin1Char(')');
            if (m_assessment.stale[i])
                line += tr(" — too old, not used");
        }
        if (result) {
            const auto& c = result->component(p);
            if (c.measured && c.minScore == c.maxScore)
                line += tr(" — score %1").arg(c.score);
        }
        m_lines << line;
    }
    if (!result) {
        m_lines << tr("Cannot score: %1").arg(m_assessment.error);
    } else if (result->complete) {
        m_lines << tr("NEWS2 %1 — %2 risk%3")
                       .arg(result->total)
                       .arg(News2::bandName(*result->band).toLower(),
                           result->redScore ? tr(" (a score of 3 in a single parameter)") : QString());
        m_lines << News2::response(*result) + QLatin1Char(' ') + tr("Monitoring: %1.").arg(News2::monitoring(*result));
    } else {
        m_lines << tr("Incomplete: not a NEWS2. Possible total %1 to %2%3.")
                       .arg(result->minTotal)
                       .arg(result->maxTotal)
                       .arg(result->redScore ? tr("; a score of 3 in a single parameter") : QString());
    }
    if (m_assessment.scale == News2::Scale::Two)
        m_lines << tr("SpO₂ scale 2 (prescribed target 88–92 %)");
    update();
}

void News2Panel::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().window());
    const QFontMetrics fm = fontMetrics();
    const int rowHeight = fm.height() + 8;
    const int scoreWidth = 44;
    int y = 4;
    const auto& result = m_assessment.result;
    for (std::size_t row = 0; row < kRows.size(); ++row) {
        const Parameter param = kRows[row];
        const QRect scoreCell(4, y, scoreWidth, rowHeight - 2);
        QString scoreText = QStringLiteral("\u2013");
        QColor fill(0xEE, 0xEE, 0xEE);
        if (result) {
            const auto& c = result->component(param);
            if (c.measured && c.minScore == c.maxScore) {
                scoreText = QString::number(c.score);
                fill = scoreColour(c.score);
            } else {
                scoreText = QStringLiteral("%1\u2013%2").arg(c.minScore).arg(c.maxScore);
            }
        }
        p.fillRect(scoreCell, fill);
        p.setPen(QColor(0x60, 0x60, 0x60));
        p.drawRect(scoreCell);
        p.setPen(Qt::black);
        QFont bold = font();
        bold.setBold(true);
        p.setFont(bold);
        p.drawText(scoreCell, Qt::AlignCenter, scoreText);
        p.setFont(font());
        p.setPen(palette().windowText().color());
        p.drawText(QRect(scoreWidth + 12, y, width() - scoreWidth - 16, rowHeight), Qt::AlignVCenter | Qt::AlignLeft,
            m_lines.value(static_cast<qsizetype>(row)));
        y += rowHeight;
    }
    // The total and what to do.
    y += 4;
    QFont big = font();
    big.setBold(true);
    p.setFont(big);
    for (qsizetype i = static_cast<qsizetype>(kRows.size()); i < m_lines.size(); ++i) {
        const QRect r(4, y, width() - 8, rowHeight * 2);
        const QRect used = p.boundingRect(r, Qt::TextWordWrap | Qt::AlignLeft, m_lines[i]);
        p.drawText(r, Qt::TextWordWrap | Qt::AlignLeft, m_lines[i]);
        y += used.height() + 4;
        p.setFont(font());
    }

    // The total over time on the chart's bands: 0-4 white, 5-6 orange, 7+ red (total scale 0-20).
    const QRect strip(4, y + 6, width() - 8, std::max(40, height() - y - 12));
    if (strip.height() < 30 || m_history.empty())
        return;
    const auto bandY = [&](int total) { return strip.bottom() - strip.height() * total / 20; };
    p.fillRect(QRect(QPoint(strip.left(), bandY(20)), QPoint(strip.right(), bandY(7))), scoreColour(3).lighter(150));
    p.fillRect(QRect(QPoint(strip.left(), bandY(7)), QPoint(strip.right(), bandY(5))), scoreColour(2).lighter(140));
    p.fillRect(QRect(QPoint(strip.left(), bandY(5)), QPoint(strip.right(), strip.bottom())), Qt::white);
    p.setPen(QColor(0x80, 0x80, 0x80));
    p.drawRect(strip);
    const core::Timestamp span = 12LL * 3600 * core::kMicrosPerSecond;
    const auto xOf = [&](core::Timestamp t) {
        return strip.right()
            - static_cast<int>(static_cast<double>(m_now - t) / static_cast<double>(span) * strip.width());
    };
    p.setPen(QPen(Qt::black, 2));
    QPointF previous;
    bool have = false;
    for (const auto& h : m_history) {
        if (h.total < 0 || m_now - h.time > span) {
            have = false;
            continue;
        }
        const QPointF point(xOf(h.time), bandY(h.total));
        if (have)
            p.drawLine(previous, point);
        else
            p.drawEllipse(point, 1.5, 1.5);
        previous = point;
        have = true;
    }
    p.setPen(palette().windowText().color());
    p.drawText(strip.adjusted(4, 2, -4, -2), Qt::AlignTop | Qt::AlignLeft, tr("NEWS2, last 12 hours"));
}

} // namespace vigil::ui
