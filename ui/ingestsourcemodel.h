#pragma once

#include "ingest/ingestrouter.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <map>
#include <vector>

namespace vigil::ui {

// One row per ingest source ("mqtt", "mllp", "file", …) from IngestRouter::stats(), for the
// diagnostics view: what arrived, what was used, what was dropped or quarantined, the last problem
// (the router's words, which never hold patient data) and the clock skew. Fed in bulk by setStats().
class IngestSourceModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Columns {
        SourceColumn = 0,
        MessagesColumn,
        SamplesColumn,
        VitalsColumn,
        RepeatsColumn, // repeats dropped (idempotency key seen before)
        QuarantinedColumn, // rejected + with problems
        ClockSkewColumn,
        LastMessageColumn,
        LastProblemColumn,
        ColumnCount
    };
    enum Roles {
        SourceRole = Qt::UserRole + 1, // the source's name ("mqtt")
        ValueRole, // the raw number of a count column (qulonglong); skew in µs (qlonglong)
    };

    explicit IngestSourceModel(QObject* parent = nullptr);

    // `expected`: sources shown even before anything arrived from them (the configured ones), first
    // and in this order; the others follow by name.
    void setStats(const std::map<QString, ingest::IngestRouter::SourceStats>& stats, const QStringList& expected);
    // The row of `source`, or -1.
    [[nodiscard]] int rowOf(const QString& source) const;

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // Receive time minus device time, for people: "+0.4 s", "−1.2 s"; beyond a minute "device clock
    // 2 min behind" / "… ahead" (a large positive value may also be data delivered late).
    [[nodiscard]] static QString formatSkew(core::Timestamp skewUs);

private:
    struct Row
    {
        QString source;
        ingest::IngestRouter::SourceStats stats;
    };
    [[nodiscard]] QVariant display(const Row& row, int column) const;
    [[nodiscard]] static QVariant value(const Row& row, int column);

    std::vector<Row> m_rows;
};

} // namespace vigil::ui
