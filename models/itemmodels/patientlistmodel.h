#pragma once

#include "core/timestamp.h"
#include "live/feedsnapshot.h"

#include <QAbstractTableModel>
#include <QDate>

#include <functional>
#include <vector>

namespace vigil::live {
class LiveHub;
}

namespace vigil::itemmodels {

// One row per patient in the LiveHub: identity, latest numerics, data age and technical state.
// Fed in bulk by refresh() (the UI calls it about once a second), never per sample.
class PatientListModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Columns {
        NameColumn = 0,
        NhsNumberColumn,
        AgeColumn,
        HeartRateColumn,
        SpO2Column,
        RespRateColumn,
        BloodPressureColumn,
        TemperatureColumn,
        DataAgeColumn,
        StatusColumn,
        ColumnCount
    };
    enum Roles {
        PatientIdRole = Qt::UserRole + 1,
        PatientIndexRole, // index in the LiveHub
        DataAgeSecondsRole, // double; -1: never
        StaleRole, // bool: no data for DataAge::kStaleSeconds or more
        LeadOffRole, // bool
        ValueRole, // the raw numeric value of a numerics column (double, NaN when none)
    };

    using Clock = std::function<core::Timestamp()>;

    explicit PatientListModel(live::LiveHub& hub, QObject* parent = nullptr);

    // Replaces the clock (tests, benchmarks); defaults to core::nowUtc.
    void setClock(Clock clock);
    // Date ages are computed on; defaults to today.
    void setToday(QDate today);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

public Q_SLOTS:
    // Takes a fresh snapshot of every patient; emits dataChanged for rows that changed and
    // rowsInserted for patients added to the hub since the last refresh.
    void refresh();

private:
    struct Row
    {
        live::FeedSnapshot snapshot;
        double ageSeconds = -1;
    };
    [[nodiscard]] QVariant displayData(int row, int column) const;
    [[nodiscard]] QStringList displayRow(int row) const;
    [[nodiscard]] static double value(const Row& r, int column);

    live::LiveHub& m_hub;
    Clock m_clock;
    QDate m_today;
    std::vector<Row> m_rows;
};

} // namespace vigil::itemmodels
