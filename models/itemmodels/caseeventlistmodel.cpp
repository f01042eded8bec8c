#include "caseeventlistmodel.h"

#include "clinical/casestate.h"

#include <QDateTime>
#include <QLocale>

namespace vigil::itemmodels {

namespace {

using clinical::CaseEvent;
using clinical::escalationLevelName;

// A tooltip is for reading, not for a 20,000-character note: the rest is in the case record.
constexpr qsizetype kMaxToolTipText = 1000;

QDateTime dateTimeOf(core::Timestamp us, Qt::TimeSpec spec)
{
    return QDateTime::fromMSecsSinceEpoch(us / core::kMicrosPerMilli, spec);
}

QString oneLine(const QString& text)
{
    return text.simplified();
}

QString clipped(const QString& text)
{
    return text.size() <= kMaxToolTipText ? text : text.left(kMaxToolTipText) + QChar(0x2026);
}

} // namespace

CaseEventListModel::CaseEventListModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

std::vector<CaseEventListModel::Row> CaseEventListModel::rowsFor(
    const clinical::CaseState& state, const QString& thisWorkstation) const
{
    std::vector<Row> rows;
    rows.reserve(state.events().size());
    for (const CaseEvent& e : state.events()) {
        Row r;
        r.event = e;
        r.remote = thisWorkstation.isEmpty() || e.workstation != thisWorkstation;
        if (state.escalationsDuringResolve().contains(e.id))
            r.attention << tr("escalated while the case was being resolved — check with the other clinician");
        if (state.levelConflictEvents().contains(e.id))
            r.attention << tr("changed the level at the same time as another clinician changed it to a different "
                              "level");
        if (state.unacknowledgedEscalations().contains(e.id))
            r.attention << tr("escalation not acknowledged yet");
        if (state.conflictingDuplicates().contains(e.id))
            r.attention << tr("arrived twice with different contents; every workstation shows the same copy");

        switch (e.kind) {
        case CaseEvent::Kind::Acknowledge:
            r.action = tr("Acknowledged");
            break;
        case CaseEvent::Kind::Note:
            r.action = tr("Note");
            break;
        case CaseEvent::Kind::RequestReview:
            r.action = tr("Review requested");
            break;
        case CaseEvent::Kind::ReviewNeeded:
            r.action = tr("Review needed");
            break;
        case CaseEvent::Kind::Escalate:
            r.action = tr("Escalated to %1").arg(escalationLevelName(e.level));
            break;
        case CaseEvent::Kind::HandOver:
            r.action = tr("Handed over to %1").arg(e.handOverTo);
            break;
        case CaseEvent::Kind::Resolve:
            r.action = tr("Resolved");
            break;
        case CaseEvent::Kind::DeEscalate: {
            r.action = tr("De-escalated to %1").arg(escalationLevelName(e.level));
            // A de-escalation "upwards" (above what its author had seen) raises nothing: say what it did.
            const auto applied = state.levelSetBy(e.id);
            if (applied && *applied != e.level)
                r.action = tr("%1 (as applied: %2)").arg(r.action, escalationLevelName(*applied));
            break;
        }
        }
        rows.push_back(std::move(r));
    }
    return rows;
}

void CaseEventListModel::setCase(const clinical::CaseState& state, const QString& thisWorkstation)
{
    std::vector<Row> next = rowsFor(state, thisWorkstation);

    // Insert-only when the rows shown are, in order, a subsequence of the new ones (events arrived;
    // none left, none moved). The fold's order is total and depends only on the set, so this is the
    // usual case; a case that lost events (another patient, a reset) starts afresh.
    bool insertOnly = state.patientKey() == m_patientKey && thisWorkstation == m_thisWorkstation;
    if (insertOnly) {
        std::size_t j = 0;
        for (std::size_t i = 0; i < next.size() && j < m_rows.size(); ++i) {
            if (next[i].event.id == m_rows[j].event.id)
                ++j;
        }
        insertOnly = j == m_rows.size();
    }
    if (!insertOnly) {
        beginResetModel();
        m_rows = std::move(next);
        m_patientKey = state.patientKey();
        m_thisWorkstation = thisWorkstation;
        endResetModel();
        return;
    }

    // The rows already shown keep their old contents until every insertion is done, so that views
    // (and QAbstractItemModelTester) see only insertions; then everything is refreshed at once
    // (flags move as events arrive: an acknowledgement clears "not acknowledged").
    std::size_t row = 0;
    for (std::size_t i = 0; i < next.size();) {
        if (row < m_rows.size() && next[i].event.id == m_rows[row].event.id) {
            ++row;
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < next.size() && !(row < m_rows.size() && next[end].event.id == m_rows[row].event.id))
            ++end;
        const auto first = static_cast<int>(row);
        beginInsertRows({}, first, first + static_cast<int>(end - i) - 1);
        m_rows.insert(m_rows.begin() + static_cast<std::ptrdiff_t>(row), next.begin() + static_cast<std::ptrdiff_t>(i),
            next.begin() + static_cast<std::ptrdiff_t>(end));
        endInsertRows();
        row += end - i;
        i = end;
    }
    m_rows = std::move(next);
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void CaseEventListModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_patientKey.clear();
    m_thisWorkstation.clear();
    endResetModel();
}

const CaseEvent* CaseEventListModel::eventAt(int row) const
{
    return row >= 0 && row < rowCount() ? &m_rows[static_cast<std::size_t>(row)].event : nullptr;
}

int CaseEventListModel::rowOfEvent(const QString& id) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].event.id == id)
            return static_cast<int>(i);
    }
    return -1;
}

int CaseEventListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int CaseEventListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CaseEventListModel::displayText(const Row& row, int column) const
{
    const CaseEvent& e = row.event;
    switch (column) {
    case TimeColumn:
        return QLocale().toString(dateTimeOf(e.time, Qt::LocalTime), QStringLiteral("HH:mm:ss, d MMM yyyy"));
    case ActionColumn:
        // Words, not only a colour or an icon, for what needs attention.
        return row.attention.isEmpty() ? row.action : tr("%1 — needs attention").arg(row.action);
    case ClinicianColumn:
        return e.role.isEmpty() ? e.actor : tr("%1 (%2)").arg(e.actor, e.role);
    case WorkstationColumn:
        return row.remote ? tr("%1 (remote)").arg(e.workstation) : tr("this workstation");
    case DetailColumn:
        if (e.kind == CaseEvent::Kind::Escalate) {
            return tr("S: %1 B: %2 A: %3 R: %4")
                .arg(oneLine(e.sbar.situation), oneLine(e.sbar.background), oneLine(e.sbar.assessment),
                    oneLine(e.sbar.recommendation));
        }
        return oneLine(e.text);
    default:
        return {};
    }
}

QVariant CaseEventListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& r = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return displayText(r, index.column());
    case Qt::ToolTipRole: {
        QStringList tip;
        if (!r.attention.isEmpty())
            tip << tr("Needs attention: %1").arg(r.attention.join(QStringLiteral("; ")));
        if (index.column() == TimeColumn)
            tip << tr("%1 UTC").arg(dateTimeOf(r.event.time, Qt::UTC).toString(Qt::ISODate));
        if (index.column() == DetailColumn) {
            const clinical::Sbar& s = r.event.sbar;
            if (r.event.kind == CaseEvent::Kind::Escalate)
                tip << clipped(tr("Situation: %1\nBackground: %2\nAssessment: %3\nRecommendation: %4")
                                   .arg(s.situation, s.background, s.assessment, s.recommendation));
            else if (!r.event.text.isEmpty())
                tip << clipped(r.event.text);
        }
        return tip.isEmpty() ? QVariant() : QVariant(tip.join(QLatin1Char('\n')));
    }
    case EventIdRole:
        return r.event.id;
    case IsRemoteRole:
        return r.remote;
    case NeedsAttentionRole:
        return !r.attention.isEmpty();
    case AttentionReasonsRole:
        return r.attention;
    case KindRole:
        return static_cast<int>(r.event.kind);
    case TimestampRole:
        return static_cast<qint64>(r.event.time);
    default:
        return {};
    }
}

QVariant CaseEventListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time (local)");
    case ActionColumn:
        return tr("Action");
    case ClinicianColumn:
        return tr("Clinician");
    case WorkstationColumn:
        return tr("Workstation");
    case DetailColumn:
        return tr("Detail");
    default:
        return {};
    }
}

} // namespace vigil::itemmodels
