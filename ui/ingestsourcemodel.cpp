#include "ingestsourcemodel.h"

#include <QDateTime>
#include <QLocale>

#include <cmath>

namespace vigil::ui {

IngestSourceModel::IngestSourceModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void IngestSourceModel::setStats(
    const std::map<QString, ingest::IngestRouter::SourceStats>& stats, const QStringList& expected)
{
    std::vector<Row> rows;
    for (const QString& source : expected) {
        const auto it = stats.find(source);
        rows.push_back({source, it != stats.end() ? it->second : ingest::IngestRouter::SourceStats{}});
    }
    for (const auto& [source, s] : stats) {
        if (!expected.contains(source))
            rows.push_back({source, s});
    }
    bool sameRows = rows.size() == m_rows.size();
    for (std::size_t i = 0; sameRows && i < rows.size(); ++i)
        sameRows = rows[i].source == m_rows[i].source;
    if (!sameRows) {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
        return;
    }
    m_rows = std::move(rows);
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int IngestSourceModel::rowOf(const QString& source) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].source == source)
            return static_cast<int>(i);
    }
    return -1;
}

int IngestSourceModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int IngestSourceModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString IngestSourceModel::formatSkew(core::Timestamp skewUs)
{
    const QLocale locale;
    const double seconds = static_cast<double>(skewUs) / core::kMicrosPerSecond;
    if (std::abs(seconds) < 60.0) {
        const QString magnitude = locale.toString(std::abs(seconds), 'f', 1);
        return (seconds < 0 ? QStringLiteral("−") : QStringLiteral("+")) + tr("%1 s").arg(magnitude);
    }
    const double minutes = std::abs(seconds) / 60.0;
    QString amount;
    if (minutes < 120.0)
        amount = tr("%1 min").arg(locale.toString(std::llround(minutes)));
    else if (minutes < 48.0 * 60.0)
        amount = tr("%1 h").arg(locale.toString(std::llround(minutes / 60.0)));
    else
        amount = tr("%1 days").arg(locale.toString(std::llround(minutes / (24.0 * 60.0))));
    return seconds > 0 ? tr("device clock %1 behind").arg(amount) : tr("device clock %1 ahead").arg(amount);
}

QVariant IngestSourceModel::value(const Row& row, int column)
{
    const ingest::IngestRouter::SourceStats& s = row.stats;
    switch (column) {
    case MessagesColumn:
        return QVariant::fromValue<qulonglong>(s.messages);
    case SamplesColumn:
        return QVariant::fromValue<qulonglong>(s.samples);
    case VitalsColumn:
        return QVariant::fromValue<qulonglong>(s.vitals);
    case RepeatsColumn:
        return QVariant::fromValue<qulonglong>(s.duplicates);
    case QuarantinedColumn:
        return QVariant::fromValue<qulonglong>(s.rejected + s.withProblems);
    case ClockSkewColumn:
        return QVariant::fromValue<qlonglong>(s.lastSkewUs);
    case LastMessageColumn:
        return QVariant::fromValue<qlonglong>(s.lastMessageUs);
    default:
        return {};
    }
}

QVariant IngestSourceModel::display(const Row& row, int column) const
{
    const ingest::IngestRouter::SourceStats& s = row.stats;
    const QLocale locale;
    switch (column) {
    case SourceColumn:
        return row.source;
    case MessagesColumn:
    case SamplesColumn:
    case VitalsColumn:
    case RepeatsColumn:
    case QuarantinedColumn:
        return locale.toString(value(row, column).toULongLong());
    case ClockSkewColumn:
        // Skew is only known once timed data (samples or vital signs) arrived.
        return s.samples + s.vitals == 0 ? QStringLiteral("\u2014") : formatSkew(s.lastSkewUs);
    case LastMessageColumn:
        return s.lastMessageUs == 0 ? QStringLiteral("\u2014")
                                    : QDateTime::fromMSecsSinceEpoch(s.lastMessageUs / core::kMicrosPerMilli)
                                          .toLocalTime()
                                          .toString(QStringLiteral("HH:mm:ss"));
    case LastProblemColumn:
        return s.lastProblem.isEmpty() ? QStringLiteral("\u2014") : s.lastProblem;
    default:
        return {};
    }
}

QVariant IngestSourceModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(row, column);
    case Qt::ToolTipRole:
        if (column == ClockSkewColumn && row.stats.samples + row.stats.vitals > 0) {
            return tr("Receive time minus device time of the newest data: %1. Largest seen: %2. A large positive "
                      "value can also mean late delivery (data queued while the link was down).")
                .arg(formatSkew(row.stats.lastSkewUs), formatSkew(row.stats.maxAbsSkewUs));
        }
        if (column == QuarantinedColumn) {
            return tr("%1 rejected whole, %2 with unusable parts (%3 problems in all)")
                .arg(row.stats.rejected)
                .arg(row.stats.withProblems)
                .arg(row.stats.problems);
        }
        if (column == LastProblemColumn && !row.stats.lastProblem.isEmpty())
            return row.stats.lastProblem;
        return {};
    case Qt::TextAlignmentRole:
        if (column == SourceColumn || column == LastProblemColumn)
            return QVariant::fromValue<int>(Qt::AlignLeft | Qt::AlignVCenter);
        return QVariant::fromValue<int>(Qt::AlignRight | Qt::AlignVCenter);
    case SourceRole:
        return row.source;
    case ValueRole:
        return value(row, column);
    default:
        return {};
    }
}

QVariant IngestSourceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SourceColumn:
        return tr("Source");
    case MessagesColumn:
        return tr("Messages");
    case SamplesColumn:
        return tr("Samples");
    case VitalsColumn:
        return tr("Vital signs");
    case RepeatsColumn:
        return tr("Repeats dropped");
    case QuarantinedColumn:
        return tr("Quarantined");
    case ClockSkewColumn:
        return tr("Clock skew");
    case LastMessageColumn:
        return tr("Last message");
    case LastProblemColumn:
        return tr("Last problem");
    default:
        return {};
    }
}

} // namespace vigil::ui
