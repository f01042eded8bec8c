#pragma once

#include "store/quarantinereader.h"

#include <QAbstractTableModel>

#include <vector>

namespace vigil::ui {

// The latest quarantined messages (store::QuarantineReader rows), newest first, for the diagnostics
// view: when, from which source, and why. Never the payload. Fed in bulk by setRows().
class IngestQuarantineModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Columns {
        TimeColumn = 0,
        SourceColumn,
        ReasonColumn,
        ColumnCount
    };
    enum Roles {
        ReceivedRole = Qt::UserRole + 1, // µs UTC (qlonglong)
    };

    explicit IngestQuarantineModel(QObject* parent = nullptr);

    void setRows(std::vector<store::QuarantineReader::Row> rows);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<store::QuarantineReader::Row> m_rows;
};

} // namespace vigil::ui
