#pragma once

#include "clinical/alarmpriority.h"
#include "core/timestamp.h"

#include <QAbstractTableModel>
#include <QHash>

#include <functional>
#include <optional>
#include <vector>

namespace vigil::live {
class LiveHub;
class WardMonitor;
} // namespace vigil::live

namespace vigil::itemmodels {

// The worklist (issue 5 item 4): every live patient, ranked so the one who needs a clinician first
// is on top. The rank, most important first:
//  1. the highest active alarm (HIGH > MEDIUM > LOW; technical alarms count: a stale feed is MEDIUM);
//  2. clinical urgency: NEWS2 high (>= 7) > medium (5-6) > a 3 in a single parameter > low (1-4) > 0;
//     a patient whose data stopped ranks as medium whatever the last score (a silent patient ranks
//     alongside a deteriorating one); an incomplete set ranks as low;
//  3. the escalation level of the case; 4. the NEWS2 trend over the last hour (rising first);
//  5. how long an alarm has gone unacknowledged (longest first); then the name.
// Priorities are written out in words and markers ("*** HIGH"), never colour alone (the view may
// add colour from PriorityRole). "What changed since I last looked": markSeen() keeps a patient's
// state; ChangedColumn then lists what differs. setTeam() filters by caseload.
// GUI thread; refresh() (after WardMonitor::update) re-ranks, keeping selections (layoutChanged).
class WorklistModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        PriorityColumn = 0,
        PatientColumn,
        News2Column,
        EscalationColumn,
        AlarmColumn,
        TrendColumn,
        DataAgeColumn,
        UnacknowledgedColumn,
        ChangedColumn,
        ColumnCount
    };
    enum Roles {
        PatientIndexRole = Qt::UserRole + 1, // index in the LiveHub
        PatientKeyRole,
        PriorityRole, // int: clinical::AlarmPriority::Level of the highest alarm
        RankRole, // int: 0 for the top row
        ReviewNeededRole, // bool
    };

    // What the escalation workflow knows about a patient's case (the case log provides it).
    struct CaseSummary
    {
        int escalationLevel = -1; // -1: not escalated; else the level's rank (0 lowest)
        QString escalationText; // the level in words
        bool reviewNeeded = false;
        bool open = false;
    };
    using CaseProvider = std::function<CaseSummary(const QString& patientKey)>;

    WorklistModel(const live::LiveHub& hub, const live::WardMonitor& ward, QObject* parent = nullptr);

    void setCaseProvider(CaseProvider provider);
    // Caseload filter: only patients of `team` (empty: everybody). setTeamOf() assigns them.
    void setTeam(const QString& team);
    void setTeamOf(const QString& patientKey, const QString& team);
    [[nodiscard]] QString team() const { return m_team; }
    [[nodiscard]] QStringList teams() const;

    // Re-reads the ward at `now` and re-ranks.
    void refresh(core::Timestamp now);
    // Keeps the patient's current state as "seen" (what changed is measured from it).
    void markSeen(int row);

    [[nodiscard]] int patientAt(int row) const; // hub index
    [[nodiscard]] int rowOfPatient(int hubIndex) const; // -1 when filtered out
    [[nodiscard]] QString changesSinceSeen(int hubIndex) const;

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Row
    {
        int patient = -1;
        clinical::AlarmPriority::Level alarm = clinical::AlarmPriority::None;
        int urgency = 0;
        int escalation = -1;
        int trend = 0;
        core::Timestamp unacknowledgedFor = 0;
        QString name;
    };
    struct Seen
    {
        int news2 = -1; // -1: incomplete
        clinical::AlarmPriority::Level alarm = clinical::AlarmPriority::None;
        int escalation = -1;
        bool stale = false;
        core::Timestamp at = 0;
    };
    [[nodiscard]] Row rowFor(int patient) const;
    [[nodiscard]] Seen seenNow(int patient) const;
    [[nodiscard]] static bool ranksBefore(const Row& a, const Row& b);
    [[nodiscard]] bool isStale(int patient) const;
    [[nodiscard]] CaseSummary caseOf(const QString& key) const;

    const live::LiveHub& m_hub;
    const live::WardMonitor& m_ward;
    CaseProvider m_cases;
    QString m_team;
    QHash<QString, QString> m_teamOf;
    QHash<QString, Seen> m_seen;
    std::vector<Row> m_rows;
    core::Timestamp m_now = 0;
};

} // namespace vigil::itemmodels
