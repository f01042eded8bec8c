#pragma once

#include "clinical/caseevent.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <vector>

namespace vigil::clinical {
class CaseState;
}

namespace vigil::itemmodels {

// The timeline of one patient's case (issue 5 item 6): one row per CaseEvent, in
// CaseState::events() order (causal order: an action comes after every action its author had seen,
// so a row never precedes what it answered; wall-clock times from different workstations may
// therefore not be monotonic). Everything is plain text in words: the level an escalation went to,
// who acted and in which role, and whether the action came from this workstation or from another
// one, so a clinician can tell a colleague's action elsewhere from their own without colour.
//
// Events that need a clinician's attention are flagged (NeedsAttentionRole, a tooltip with the
// reasons, and "needs attention" in the Action text): level changes made concurrently at different
// levels, escalations a concurrent resolution did not see, escalations nobody acknowledged, and ids
// that arrived twice with different contents.
//
// GUI thread. setCase() with a state that only adds events to the one shown inserts their rows
// (selections and the current row stay with their event); anything else resets the model.
class CaseEventListModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TimeColumn = 0,
        ActionColumn,
        ClinicianColumn,
        WorkstationColumn,
        DetailColumn,
        ColumnCount
    };
    enum Roles {
        EventIdRole = Qt::UserRole + 1, // QString: CaseEvent::id
        IsRemoteRole, // bool: created on another workstation
        NeedsAttentionRole, // bool: see the class comment
        AttentionReasonsRole, // QStringList: why, in words (empty when not flagged)
        KindRole, // int: clinical::CaseEvent::Kind
        TimestampRole, // qint64: the event's time, µs UTC
    };

    explicit CaseEventListModel(QObject* parent = nullptr);

    // Shows `state`. `thisWorkstation` is this workstation's name as events carry it
    // (CaseEvent::workstation); events from any other name are remote. An empty name makes every
    // event remote: it is never taken to be "here" by default.
    void setCase(const clinical::CaseState& state, const QString& thisWorkstation);
    void clear();

    [[nodiscard]] QString patientKey() const { return m_patientKey; }
    [[nodiscard]] QString thisWorkstation() const { return m_thisWorkstation; }
    // The event shown in `row`, or nullptr.
    [[nodiscard]] const clinical::CaseEvent* eventAt(int row) const;
    // The row of the event with this id, or -1.
    [[nodiscard]] int rowOfEvent(const QString& id) const;

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Row
    {
        clinical::CaseEvent event;
        bool remote = false;
        QStringList attention; // reasons, in words
        QString action; // the Action column (without the attention marker)
    };
    [[nodiscard]] std::vector<Row> rowsFor(const clinical::CaseState& state, const QString& thisWorkstation) const;
    [[nodiscard]] QString displayText(const Row& row, int column) const;

    std::vector<Row> m_rows;
    QString m_patientKey;
    QString m_thisWorkstation;
};

} // namespace vigil::itemmodels
