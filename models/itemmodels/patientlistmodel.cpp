#include "patientlistmodel.h"

#include "core/nhsnumber.h"
#include "dataage.h"
#include "live/livehub.h"

#include <cmath>
#include <limits>

namespace vigil::itemmodels {

using core::VitalKind;

PatientListModel::PatientListModel(live::LiveHub& hub, QObject* parent)
    : QAbstractTableModel(parent)
    , m_hub(hub)
    , m_clock(&core::nowUtc)
    , m_today(QDate::currentDate())
{
    connect(&m_hub, &live::LiveHub::patientAdded, this, &PatientListModel::refresh);
    refresh();
}

void PatientListModel::setClock(Clock clock)
{
    m_clock = std::move(clock);
    refresh();
}

void PatientListModel::setToday(QDate today)
{
    m_today = today;
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, AgeColumn), index(rowCount() - 1, AgeColumn));
}

int PatientListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int PatientListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void PatientListModel::refresh()
{
    const core::Timestamp now = m_clock();
    const int have = rowCount();
    const int want = m_hub.patientCount();
    if (want > have) {
        beginInsertRows({}, have, want - 1);
        m_rows.resize(static_cast<std::size_t>(want));
        for (int i = have; i < want; ++i) {
            Row& r = m_rows[static_cast<std::size_t>(i)];
            r.snapshot = m_hub.feed(i).snapshot();
            r.ageSeconds = r.snapshot.dataAgeSeconds(now);
        }
        endInsertRows();
    }
    // A row changed when anything it displays changed; runs of adjacent changed rows are reported
    // as one dataChanged each, so views repaint exactly what changed.
    int runStart = -1;
    const auto flush = [&](int endRow) {
        if (runStart >= 0)
            Q_EMIT dataChanged(index(runStart, 0), index(endRow - 1, ColumnCount - 1));
        runStart = -1;
    };
    for (int i = 0; i < std::min(have, want); ++i) {
        Row& r = m_rows[static_cast<std::size_t>(i)];
        const QStringList before = displayRow(i);
        r.snapshot = m_hub.feed(i).snapshot();
        r.ageSeconds = r.snapshot.dataAgeSeconds(now);
        const bool changed = displayRow(i) != before;
        if (changed && runStart < 0)
            runStart = i;
        else if (!changed)
            flush(i);
    }
    flush(std::min(have, want));
}

QStringList PatientListModel::displayRow(int row) const
{
    QStringList texts;
    texts.reserve(ColumnCount);
    for (int c = 0; c < ColumnCount; ++c)
        texts.append(displayData(row, c).toString());
    return texts;
}

double PatientListModel::value(const Row& r, int column)
{
    const auto measured = [&](VitalKind kind) {
        const core::Measurement& m = r.snapshot.vitals[kind];
        return m.isValid() ? m.value : std::numeric_limits<double>::quiet_NaN();
    };
    switch (column) {
    case HeartRateColumn:
        return r.snapshot.status.ecgLeadOff ? std::numeric_limits<double>::quiet_NaN() : measured(VitalKind::HeartRate);
    case SpO2Column:
        return measured(VitalKind::SpO2);
    case RespRateColumn:
        return measured(VitalKind::RespRate);
    case BloodPressureColumn:
        return measured(VitalKind::SystolicBp);
    case TemperatureColumn:
        return measured(VitalKind::Temperature);
    case DataAgeColumn:
        return r.ageSeconds;
    default:
        return std::numeric_limits<double>::quiet_NaN();
    }
}

QVariant PatientListModel::displayData(int row, int column) const
{
    const Row& r = m_rows[static_cast<std::size_t>(row)];
    const core::PatientIdentity& id = m_hub.feed(row).identity();
    const auto number = [&](int col, int decimals) -> QVariant {
        const double v = value(r, col);
        if (std::isnan(v))
            return QStringLiteral("--");
        return QString::number(v, 'f', decimals);
    };
    switch (column) {
    case NameColumn:
        return id.displayName();
    case NhsNumberColumn:
        return core::NhsNumber::format(id.nhsNumber);
    case AgeColumn: {
        const int age = id.ageOn(m_today);
        return age < 0 ? QVariant(QStringLiteral("--")) : QVariant(age);
    }
    case HeartRateColumn:
    case SpO2Column:
    case RespRateColumn:
        return number(column, 0);
    case BloodPressureColumn: {
        const core::Measurement& sys = r.snapshot.vitals[VitalKind::SystolicBp];
        const core::Measurement& dia = r.snapshot.vitals[VitalKind::DiastolicBp];
        if (!sys.isValid() || !dia.isValid())
            return QStringLiteral("--/--");
        return QString(QString::number(sys.value, 'f', 0) + QLatin1Char('/') + QString::number(dia.value, 'f', 0));
    }
    case TemperatureColumn:
        return number(column, 1);
    case DataAgeColumn:
        return DataAge::format(r.ageSeconds);
    case StatusColumn:
        if (DataAge::isStale(r.ageSeconds))
            return tr("NO DATA %1").arg(DataAge::format(r.ageSeconds));
        if (r.snapshot.status.ecgLeadOff)
            return tr("LEAD OFF");
        return tr("Live");
    default:
        return {};
    }
}

QVariant PatientListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& r = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return displayData(index.row(), index.column());
    case Qt::TextAlignmentRole:
        return index.column() >= HeartRateColumn && index.column() <= TemperatureColumn
            ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
            : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case PatientIdRole:
        return m_hub.feed(index.row()).identity().id;
    case PatientIndexRole:
        return index.row();
    case DataAgeSecondsRole:
        return r.ageSeconds;
    case StaleRole:
        return DataAge::isStale(r.ageSeconds);
    case LeadOffRole:
        return r.snapshot.status.ecgLeadOff;
    case ValueRole:
        return value(r, index.column());
    default:
        return {};
    }
}

QVariant PatientListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Patient");
    case NhsNumberColumn:
        return tr("NHS Number");
    case AgeColumn:
        return tr("Age");
    case HeartRateColumn:
        return tr("HR /min");
    case SpO2Column:
        return tr("SpO₂ %");
    case RespRateColumn:
        return tr("RR /min");
    case BloodPressureColumn:
        return tr("BP mmHg");
    case TemperatureColumn:
        return tr("Temp °C");
    case DataAgeColumn:
        return tr("Data age");
    case StatusColumn:
        return tr("Status");
    default:
        return {};
    }
}

} // namespace vigil::itemmodels
