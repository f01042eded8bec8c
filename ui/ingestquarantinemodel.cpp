#include "ingestquarantinemodel.h"

#include <QDateTime>

namespace vigil::ui {

IngestQuarantineModel::IngestQuarantineModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void IngestQuarantineModel::setRows(std::vector<store::QuarantineReader::Row> rows)
{
    bool same = rows.size() == m_rows.size();
    for (std::size_t i = 0; same && i < rows.size(); ++i)
        same = rows[i].id == m_rows[i].id;
    if (same)
        return; // rows are never edited: the same ids are the same rows
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int IngestQuarantineModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int IngestQuarantineModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IngestQuarantineModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const store::QuarantineReader::Row& row = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return QDateTime::fromMSecsSinceEpoch(row.receivedUs / core::kMicrosPerMilli)
                .toLocalTime()
                .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case SourceColumn:
            return row.source;
        case ReasonColumn:
            return row.reason;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return index.column() == ReasonColumn ? QVariant(row.reason) : QVariant();
    case ReceivedRole:
        return QVariant::fromValue<qlonglong>(row.receivedUs);
    default:
        return {};
    }
}

QVariant IngestQuarantineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Received");
    case SourceColumn:
        return tr("Source");
    case ReasonColumn:
        return tr("Reason");
    default:
        return {};
    }
}

} // namespace vigil::ui
