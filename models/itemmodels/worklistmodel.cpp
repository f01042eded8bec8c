#include "worklistmodel.h"

#include "dataage.h"
#include "live/livehub.h"
#include "live/wardmonitor.h"

#include <algorithm>
#include <set>

namespace vigil::itemmodels {

namespace {

using clinical::AlarmPriority;
using clinical::News2;

// 4 high, 3 medium, 2 a single 3, 1 low (1-4) or incomplete, 0 a total of 0.
int urgencyOf(const std::optional<News2::Result>& r)
{
    if (!r || !r->complete)
        return r && r->redScore ? 2 : 1;
    switch (*r->band) {
    case News2::Band::High:
        return 4;
    case News2::Band::Medium:
        return 3;
    case News2::Band::LowMedium:
        return 2;
    case News2::Band::Low:
        return r->total > 0 ? 1 : 0;
    }
    return 0;
}

QString minutesText(core::Timestamp us)
{
    const qint64 s = us / core::kMicrosPerSecond;
    if (s < 60)
        return WorklistModel::tr("%n s", nullptr, static_cast<int>(s));
    return WorklistModel::tr("%n min", nullptr, static_cast<int>(s / 60));
}

} // namespace

WorklistModel::WorklistModel(const live::LiveHub& hub, const live::WardMonitor& ward, QObject* parent)
    : QAbstractTableModel(parent)
    , m_hub(hub)
    , m_ward(ward)
{ }

void WorklistModel::setCaseProvider(CaseProvider provider)
{
    m_cases = std::move(provider);
}

WorklistModel::CaseSummary WorklistModel::caseOf(const QString& key) const
{
    return m_cases ? m_cases(key) : CaseSummary{};
}

void WorklistModel::setTeam(const QString& team)
{
    if (team == m_team)
        return;
    beginResetModel();
    m_team = team;
    m_rows.clear();
    endResetModel();
    refresh(m_now);
}

void WorklistModel::setTeamOf(const QString& patientKey, const QString& team)
{
    m_teamOf.insert(patientKey, team);
}

QStringList WorklistModel::teams() const
{
    std::set<QString> unique;
    for (const QString& t : m_teamOf)
        unique.insert(t);
    return {unique.begin(), unique.end()};
}

bool WorklistModel::isStale(int patient) const
{
    const auto& p = m_ward.patient(patient);
    const double age = p.lastReceived == 0 ? -1 : static_cast<double>(m_now - p.lastReceived) / core::kMicrosPerSecond;
    return p.lastReceived != 0 && age > m_ward.alarms().config().staleAfterSeconds;
}

WorklistModel::Row WorklistModel::rowFor(int patient) const
{
    const auto& p = m_ward.patient(patient);
    Row r;
    r.patient = patient;
    r.alarm = m_ward.alarms().highestFor(p.key);
    r.urgency = urgencyOf(p.news2.result);
    if (isStale(patient))
        r.urgency = std::max(r.urgency, 3); // silence ranks alongside deterioration
    r.escalation = caseOf(p.key).escalationLevel;
    r.trend = m_ward.news2Trend(patient).value_or(0);
    const core::Timestamp since = m_ward.alarms().unacknowledgedSince(p.key);
    r.unacknowledgedFor = since == 0 ? 0 : m_now - since;
    r.name = m_hub.feed(patient).identity().displayName();
    return r;
}

bool WorklistModel::ranksBefore(const Row& a, const Row& b)
{
    if (a.alarm != b.alarm)
        return a.alarm > b.alarm;
    if (a.urgency != b.urgency)
        return a.urgency > b.urgency;
    if (a.escalation != b.escalation)
        return a.escalation > b.escalation;
    if (a.trend != b.trend)
        return a.trend > b.trend;
    if (a.unacknowledgedFor != b.unacknowledgedFor)
        return a.unacknowledgedFor > b.unacknowledgedFor;
    if (a.name != b.name)
        return a.name < b.name;
    return a.patient < b.patient;
}

void WorklistModel::refresh(core::Timestamp now)
{
    m_now = now;
    const int count = std::min(m_hub.patientCount(), m_ward.patientCount());
    std::vector<Row> rows;
    for (int i = 0; i < count; ++i) {
        const QString key = m_ward.patient(i).key;
        if (!m_team.isEmpty() && m_teamOf.value(key) != m_team)
            continue;
        rows.push_back(rowFor(i));
    }
    std::sort(rows.begin(), rows.end(), ranksBefore);

    // New patients first join at the end, then everything is re-ranked as a layout change, so
    // selections and the current row follow their patient.
    std::vector<int> known;
    for (const Row& r : m_rows)
        known.push_back(r.patient);
    std::vector<Row> added;
    for (const Row& r : rows) {
        if (std::find(known.begin(), known.end(), r.patient) == known.end())
            added.push_back(r);
    }
    if (!added.empty()) {
        const int first = static_cast<int>(m_rows.size());
        beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
        m_rows.insert(m_rows.end(), added.begin(), added.end());
        endInsertRows();
    }
    if (rows.size() != m_rows.size()) { // a patient left the hub or the filter: start afresh
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
        return;
    }
    bool moved = false;
    for (std::size_t i = 0; i < rows.size(); ++i)
        moved = moved || rows[i].patient != m_rows[i].patient;
    if (moved) {
        Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
        const QModelIndexList before = persistentIndexList();
        QModelIndexList after;
        for (const QModelIndex& index : before) {
            const int patient = m_rows[static_cast<std::size_t>(index.row())].patient;
            int row = 0;
            while (rows[static_cast<std::size_t>(row)].patient != patient)
                ++row;
            after.append(createIndex(row, index.column()));
        }
        m_rows = std::move(rows);
        changePersistentIndexList(before, after);
        Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    } else {
        m_rows = std::move(rows);
    }
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

WorklistModel::Seen WorklistModel::seenNow(int patient) const
{
    const auto& p = m_ward.patient(patient);
    Seen s;
    s.news2 = p.news2.result && p.news2.result->complete ? p.news2.result->total : -1;
    s.alarm = m_ward.alarms().highestFor(p.key);
    s.escalation = caseOf(p.key).escalationLevel;
    s.stale = isStale(patient);
    s.at = m_now;
    return s;
}

void WorklistModel::markSeen(int row)
{
    if (row < 0 || row >= rowCount())
        return;
    const int patient = m_rows[static_cast<std::size_t>(row)].patient;
    m_seen.insert(m_ward.patient(patient).key, seenNow(patient));
    Q_EMIT dataChanged(index(row, ChangedColumn), index(row, ChangedColumn));
}

QString WorklistModel::changesSinceSeen(int patient) const
{
    const auto it = m_seen.constFind(m_ward.patient(patient).key);
    if (it == m_seen.cend())
        return tr("not seen yet");
    const Seen now = seenNow(patient);
    QStringList changes;
    const auto score = [](int total) { return total < 0 ? tr("incomplete") : QString::number(total); };
    if (now.news2 != it->news2)
        changes << tr("NEWS2 %1 → %2").arg(score(it->news2), score(now.news2));
    if (now.alarm != it->alarm)
        changes << tr("alarm %1 → %2")
                       .arg(it->alarm == AlarmPriority::None ? tr("none") : AlarmPriority::name(it->alarm),
                           now.alarm == AlarmPriority::None ? tr("none") : AlarmPriority::name(now.alarm));
    if (now.escalation != it->escalation)
        changes << tr("escalation changed");
    if (now.stale != it->stale)
        changes << (now.stale ? tr("data stopped") : tr("data resumed"));
    if (changes.isEmpty())
        return tr("no change since %1 ago").arg(minutesText(m_now - it->at));
    return changes.join(QStringLiteral("; "));
}

int WorklistModel::patientAt(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows[static_cast<std::size_t>(row)].patient : -1;
}

int WorklistModel::rowOfPatient(int hubIndex) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].patient == hubIndex)
            return static_cast<int>(i);
    }
    return -1;
}

int WorklistModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int WorklistModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WorklistModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& r = m_rows[static_cast<std::size_t>(index.row())];
    const auto& p = m_ward.patient(r.patient);
    switch (role) {
    case PatientIndexRole:
        return r.patient;
    case PatientKeyRole:
        return p.key;
    case PriorityRole:
        return static_cast<int>(r.alarm);
    case RankRole:
        return index.row();
    case ReviewNeededRole:
        return caseOf(p.key).reviewNeeded;
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case PriorityColumn:
        return r.alarm == AlarmPriority::None
            ? QString()
            : AlarmPriority::marker(r.alarm) + QLatin1Char(' ') + AlarmPriority::name(r.alarm);
    case PatientColumn:
        return r.name;
    case News2Column: {
        const auto& res = p.news2.result;
        if (!res)
            return tr("check readings");
        if (!res->complete)
            return tr("incomplete (%1–%2)%3")
                .arg(res->minTotal)
                .arg(res->maxTotal)
                .arg(res->redScore ? tr(", a 3") : QString());
        return tr("%1 %2%3")
            .arg(res->total)
            .arg(News2::bandName(*res->band).toLower(), res->redScore ? tr(", a 3") : QString());
    }
    case TrendColumn: {
        const auto trend = m_ward.news2Trend(r.patient);
        if (!trend)
            return QString();
        return *trend == 0 ? tr("steady")
                           : tr("%1%2 in 1 h").arg(*trend > 0 ? QStringLiteral("+") : QString()).arg(*trend);
    }
    case AlarmColumn: {
        const auto alarms = m_ward.alarms().alarmsFor(p.key);
        if (alarms.empty())
            return QString();
        QString text = alarms.front().text();
        if (alarms.size() > 1)
            text += tr(" (+%n more)", nullptr, static_cast<int>(alarms.size() - 1));
        return text;
    }
    case DataAgeColumn: {
        if (p.lastReceived == 0)
            return tr("no data yet");
        const QString age = DataAge::format(static_cast<double>(m_now - p.lastReceived) / core::kMicrosPerSecond);
        return isStale(r.patient) ? tr("%1 — no data").arg(age) : age;
    }
    case UnacknowledgedColumn:
        return r.unacknowledgedFor > 0 ? minutesText(r.unacknowledgedFor) : QString();
    case EscalationColumn: {
        const CaseSummary c = caseOf(p.key);
        QString text = c.escalationText;
        if (c.reviewNeeded)
            text = text.isEmpty() ? tr("review needed") : tr("%1; review needed").arg(text);
        return text;
    }
    case ChangedColumn:
        return changesSinceSeen(r.patient);
    default:
        return {};
    }
}

QVariant WorklistModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case PriorityColumn:
        return tr("Alarm");
    case PatientColumn:
        return tr("Patient");
    case News2Column:
        return tr("NEWS2");
    case TrendColumn:
        return tr("Trend");
    case AlarmColumn:
        return tr("Alarm condition");
    case DataAgeColumn:
        return tr("Data age");
    case UnacknowledgedColumn:
        return tr("Unacknowledged");
    case EscalationColumn:
        return tr("Escalation");
    case ChangedColumn:
        return tr("Since I last looked");
    default:
        return {};
    }
}

} // namespace vigil::itemmodels
