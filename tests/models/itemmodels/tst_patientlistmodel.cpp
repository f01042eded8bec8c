#include "itemmodels/patientlistmodel.h"
#include "live/livehub.h"

#include <QAbstractItemModelTester>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <cmath>
#include <limits>
#include <memory>
#include <set>

using vigil::core::DeviceStatus;
using vigil::core::kMicrosPerSecond;
using vigil::core::Measurement;
using vigil::core::PatientIdentity;
using vigil::core::StreamKind;
using vigil::core::Timestamp;
using vigil::core::VitalKind;
using vigil::itemmodels::PatientListModel;
using vigil::live::LiveHub;

namespace {

constexpr Timestamp kT0 = Timestamp{1'700'000'000} * kMicrosPerSecond;
constexpr double kNone = std::numeric_limits<double>::quiet_NaN();

Timestamp at(double seconds)
{
    return kT0 + static_cast<Timestamp>(std::llround(seconds * kMicrosPerSecond));
}

// Fictitious identities; NHS Numbers from the 999 test range.
PatientIdentity testIdentity(int n)
{
    PatientIdentity p;
    p.id = QStringLiteral("test-%1").arg(n, 3, 10, QLatin1Char('0'));
    p.givenName = QStringLiteral("Alex");
    p.familyName = QStringLiteral("Testcase");
    p.birthDate = QDate(1950, 6, 15);
    p.nhsNumber = QStringLiteral("9990000018");
    return p;
}

// Hub, model and a fake clock the test moves by hand.
struct Fixture
{
    LiveHub hub;
    Timestamp now = kT0;
    std::unique_ptr<PatientListModel> model;
    std::unique_ptr<QAbstractItemModelTester> tester;

    Fixture()
        : model(std::make_unique<PatientListModel>(hub))
        , tester(std::make_unique<QAbstractItemModelTester>(
              model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest))
    {
        model->setClock([this] { return now; });
        model->setToday(QDate(2024, 6, 14));
    }

    QString text(int row, int column) const { return model->index(row, column).data().toString(); }
    QVariant role(int row, int column, int r) const { return model->index(row, column).data(r); }
};

void setVital(LiveHub& hub, int row, VitalKind kind, double value, Timestamp receivedAt)
{
    if (!std::isnan(value))
        hub.feed(row).updateVital(kind, Measurement{value, receivedAt}, receivedAt);
}

void setLeadOff(LiveHub& hub, int row, bool leadOff, Timestamp time)
{
    DeviceStatus s;
    s.ecgLeadOff = leadOff;
    s.time = time;
    hub.feed(row).updateStatus(s, time);
}

std::set<int> changedRows(const QSignalSpy& spy)
{
    std::set<int> rows;
    for (const QList<QVariant>& args : spy) {
        const auto topLeft = args.at(0).value<QModelIndex>();
        const auto bottomRight = args.at(1).value<QModelIndex>();
        for (int r = topLeft.row(); r <= bottomRight.row(); ++r)
            rows.insert(r);
    }
    return rows;
}

} // namespace

class TestPatientListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void modelTesterWhileAddingAndRefreshing();
    void identityColumns();
    void age_data();
    void age();
    void numerics_data();
    void numerics();
    void status_data();
    void status();
    void staleAfterTenSeconds();
    void roles();
    void dataChangedOnlyForChangedRows_data();
    void dataChangedOnlyForChangedRows();
    void setTodayChangesAgeColumn();
    void headers();
};

void TestPatientListModel::modelTesterWhileAddingAndRefreshing()
{
    Fixture f;
    QSignalSpy inserted(f.model.get(), &QAbstractItemModel::rowsInserted);
    QCOMPARE(f.model->rowCount(), 0);
    QCOMPARE(f.model->columnCount(), int(PatientListModel::ColumnCount));

    for (int i = 1; i <= 3; ++i)
        f.hub.addPatient(testIdentity(i));
    QCOMPARE(inserted.count(), 3);
    QCOMPARE(f.model->rowCount(), 3);
    QCOMPARE(f.model->rowCount(f.model->index(0, 0)), 0); // a table: rows have no children

    for (int step = 0; step < 30; ++step) {
        f.now = at(step);
        const int row = step % 3;
        setVital(f.hub, row, VitalKind::HeartRate, 60 + step, f.now);
        f.hub.feed(row).appendSamples(StreamKind::Resp, at(step), std::vector<float>(50, 0.1f), f.now);
        if (step % 7 == 0)
            setLeadOff(f.hub, row, step % 2 == 0, f.now);
        if (step == 15)
            f.hub.addPatient(testIdentity(4)); // added mid-session: patientAdded inserts the row at once
        f.model->refresh();
    }
    QCOMPARE(f.model->rowCount(), 4);
    QCOMPARE(inserted.count(), 4);
    QCOMPARE(f.text(3, PatientListModel::StatusColumn), QStringLiteral("NO DATA never"));
}

void TestPatientListModel::identityColumns()
{
    Fixture f;
    PatientIdentity p = testIdentity(1);
    p.nhsNumber = QStringLiteral("9991234567");
    f.hub.addPatient(p);
    PatientIdentity noNumber = testIdentity(2);
    noNumber.nhsNumber = QString();
    noNumber.givenName = QString();
    f.hub.addPatient(noNumber);

    QCOMPARE(f.text(0, PatientListModel::NameColumn), QStringLiteral("TESTCASE, Alex"));
    QCOMPARE(f.text(0, PatientListModel::NhsNumberColumn), QStringLiteral("999 123 4567"));
    QCOMPARE(f.text(1, PatientListModel::NameColumn), QStringLiteral("TESTCASE"));
    QCOMPARE(f.text(1, PatientListModel::NhsNumberColumn), QString());
}

void TestPatientListModel::age_data()
{
    QTest::addColumn<QDate>("birthDate");
    QTest::addColumn<QDate>("today");
    QTest::addColumn<QString>("age");
    QTest::newRow("day before birthday") << QDate(1950, 6, 15) << QDate(2024, 6, 14) << QStringLiteral("73");
    QTest::newRow("on birthday") << QDate(1950, 6, 15) << QDate(2024, 6, 15) << QStringLiteral("74");
    QTest::newRow("born 29 Feb, 28 Feb") << QDate(1952, 2, 29) << QDate(2023, 2, 28) << QStringLiteral("70");
    QTest::newRow("born 29 Feb, 1 Mar") << QDate(1952, 2, 29) << QDate(2023, 3, 1) << QStringLiteral("71");
    QTest::newRow("unknown birth date") << QDate() << QDate(2024, 6, 14) << QStringLiteral("--");
    QTest::newRow("birth after today") << QDate(2030, 1, 1) << QDate(2024, 6, 14) << QStringLiteral("--");
}

void TestPatientListModel::age()
{
    QFETCH(QDate, birthDate);
    QFETCH(QDate, today);
    QFETCH(QString, age);
    Fixture f;
    PatientIdentity p = testIdentity(1);
    p.birthDate = birthDate;
    f.hub.addPatient(p);
    f.model->setToday(today);
    QCOMPARE(f.text(0, PatientListModel::AgeColumn), age);
}

void TestPatientListModel::numerics_data()
{
    QTest::addColumn<double>("hr");
    QTest::addColumn<double>("spo2");
    QTest::addColumn<double>("rr");
    QTest::addColumn<double>("sys");
    QTest::addColumn<double>("dia");
    QTest::addColumn<double>("temp");
    QTest::addColumn<bool>("leadOff");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("value"); // ValueRole; NaN: none

    using M = PatientListModel;
    // clang-format off
    //                                                hr     spo2   rr     sys    dia    temp   leadOff
    QTest::newRow("HR")                          << 118.0 << 97.0 << 16.0 << 118.0 << 76.0 << 37.0 << false << int(M::HeartRateColumn) << QStringLiteral("118") << 118.0;
    QTest::newRow("HR rounds")                   << 71.6  << 97.0 << 16.0 << 118.0 << 76.0 << 37.0 << false << int(M::HeartRateColumn) << QStringLiteral("72") << 71.6;
    QTest::newRow("HR missing")                  << kNone << 97.0 << 16.0 << 118.0 << 76.0 << 37.0 << false << int(M::HeartRateColumn) << QStringLiteral("--") << kNone;
    QTest::newRow("HR hidden while lead off")    << 118.0 << 97.0 << 16.0 << 118.0 << 76.0 << 37.0 << true  << int(M::HeartRateColumn) << QStringLiteral("--") << kNone;
    QTest::newRow("SpO2")                        << 118.0 << 97.0 << 16.0 << 118.0 << 76.0 << 37.0 << false << int(M::SpO2Column) << QStringLiteral("97") << 97.0;
    QTest::newRow("SpO2 missing")                << 118.0 << kNone << 16.0 << 118.0 << 76.0 << 37.0 << false << int(M::SpO2Column) << QStringLiteral("--") << kNone;
    QTest::newRow("SpO2 kept while lead off")    << 118.0 << 92.0 << 16.0 << 118.0 << 76.0 << 37.0 << true  << int(M::SpO2Column) << QStringLiteral("92") << 92.0;
    QTest::newRow("RR")                          << 118.0 << 97.0 << 16.0 << 118.0 << 76.0 << 37.0 << false << int(M::RespRateColumn) << QStringLiteral("16") << 16.0;
    QTest::newRow("RR missing")                  << 118.0 << 97.0 << kNone << 118.0 << 76.0 << 37.0 << false << int(M::RespRateColumn) << QStringLiteral("--") << kNone;
    QTest::newRow("BP")                          << 118.0 << 97.0 << 16.0 << 118.0 << 76.0 << 37.0 << false << int(M::BloodPressureColumn) << QStringLiteral("118/76") << 118.0;
    QTest::newRow("BP rounds")                   << 118.0 << 97.0 << 16.0 << 117.6 << 76.4 << 37.0 << false << int(M::BloodPressureColumn) << QStringLiteral("118/76") << 117.6;
    QTest::newRow("BP systolic missing")         << 118.0 << 97.0 << 16.0 << kNone << 76.0 << 37.0 << false << int(M::BloodPressureColumn) << QStringLiteral("--/--") << kNone;
    QTest::newRow("BP diastolic missing")        << 118.0 << 97.0 << 16.0 << 118.0 << kNone << 37.0 << false << int(M::BloodPressureColumn) << QStringLiteral("--/--") << 118.0;
    QTest::newRow("temperature one decimal")     << 118.0 << 97.0 << 16.0 << 118.0 << 76.0 << 38.46 << false << int(M::TemperatureColumn) << QStringLiteral("38.5") << 38.46;
    QTest::newRow("temperature whole degrees")   << 118.0 << 97.0 << 16.0 << 118.0 << 76.0 << 37.0 << false << int(M::TemperatureColumn) << QStringLiteral("37.0") << 37.0;
    QTest::newRow("temperature missing")         << 118.0 << 97.0 << 16.0 << 118.0 << 76.0 << kNone << false << int(M::TemperatureColumn) << QStringLiteral("--") << kNone;
    // clang-format on
}

void TestPatientListModel::numerics()
{
    QFETCH(double, hr);
    QFETCH(double, spo2);
    QFETCH(double, rr);
    QFETCH(double, sys);
    QFETCH(double, dia);
    QFETCH(double, temp);
    QFETCH(bool, leadOff);
    QFETCH(int, column);
    QFETCH(QString, text);
    QFETCH(double, value);

    Fixture f;
    f.hub.addPatient(testIdentity(1));
    setVital(f.hub, 0, VitalKind::HeartRate, hr, at(0));
    setVital(f.hub, 0, VitalKind::SpO2, spo2, at(0));
    setVital(f.hub, 0, VitalKind::RespRate, rr, at(0));
    setVital(f.hub, 0, VitalKind::SystolicBp, sys, at(0));
    setVital(f.hub, 0, VitalKind::DiastolicBp, dia, at(0));
    setVital(f.hub, 0, VitalKind::Temperature, temp, at(0));
    setLeadOff(f.hub, 0, leadOff, at(0));
    f.now = at(1);
    f.model->refresh();

    QCOMPARE(f.text(0, column), text);
    const double actual = f.role(0, column, PatientListModel::ValueRole).toDouble();
    if (std::isnan(value))
        QVERIFY2(std::isnan(actual), qPrintable(QString::number(actual)));
    else
        QCOMPARE(actual, value);
    QCOMPARE(f.role(0, column, Qt::TextAlignmentRole).toInt(), int(Qt::AlignRight | Qt::AlignVCenter));
}

void TestPatientListModel::status_data()
{
    QTest::addColumn<double>("age"); // seconds since data arrived; < 0: nothing ever arrived
    QTest::addColumn<bool>("leadOff");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("dataAge");
    QTest::addColumn<bool>("stale");
    QTest::newRow("live") << 0.5 << false << QStringLiteral("Live") << QStringLiteral("now") << false;
    QTest::newRow("live at 9 s") << 9.0 << false << QStringLiteral("Live") << QStringLiteral("9 s") << false;
    QTest::newRow("lead off") << 1.0 << true << QStringLiteral("LEAD OFF") << QStringLiteral("now") << false;
    QTest::newRow("no data at 10 s") << 10.0 << false << QStringLiteral("NO DATA 10 s") << QStringLiteral("10 s")
                                     << true;
    QTest::newRow("no data 2 min") << 150.0 << false << QStringLiteral("NO DATA 2 min") << QStringLiteral("2 min")
                                   << true;
    QTest::newRow("no data outranks lead off")
        << 150.0 << true << QStringLiteral("NO DATA 2 min") << QStringLiteral("2 min") << true;
    QTest::newRow("no data 3 h") << 3.5 * 3600 << false << QStringLiteral("NO DATA 3 h") << QStringLiteral("3 h")
                                 << true;
    QTest::newRow("never") << -1.0 << false << QStringLiteral("NO DATA never") << QStringLiteral("never") << true;
}

void TestPatientListModel::status()
{
    QFETCH(double, age);
    QFETCH(bool, leadOff);
    QFETCH(QString, status);
    QFETCH(QString, dataAge);
    QFETCH(bool, stale);

    Fixture f;
    f.hub.addPatient(testIdentity(1));
    if (age >= 0)
        setVital(f.hub, 0, VitalKind::SpO2, 96, at(0));
    setLeadOff(f.hub, 0, leadOff, at(0));
    f.now = at(std::max(age, 0.0));
    f.model->refresh();

    QCOMPARE(f.text(0, PatientListModel::StatusColumn), status);
    QCOMPARE(f.text(0, PatientListModel::DataAgeColumn), dataAge);
    QCOMPARE(f.role(0, PatientListModel::NameColumn, PatientListModel::StaleRole).toBool(), stale);
    QCOMPARE(f.role(0, PatientListModel::NameColumn, PatientListModel::LeadOffRole).toBool(), leadOff);
    QCOMPARE(f.role(0, PatientListModel::NameColumn, PatientListModel::DataAgeSecondsRole).toDouble(),
        age >= 0 ? age : -1.0);
}

void TestPatientListModel::staleAfterTenSeconds()
{
    Fixture f;
    f.hub.addPatient(testIdentity(1));
    setVital(f.hub, 0, VitalKind::HeartRate, 80, at(0));
    QSignalSpy changed(f.model.get(), &QAbstractItemModel::dataChanged);

    f.now = at(9.999);
    f.model->refresh();
    QCOMPARE(f.role(0, 0, PatientListModel::StaleRole).toBool(), false);
    QCOMPARE(f.text(0, PatientListModel::StatusColumn), QStringLiteral("Live"));

    changed.clear();
    f.now = at(10.0);
    f.model->refresh();
    QCOMPARE(f.role(0, 0, PatientListModel::StaleRole).toBool(), true);
    QCOMPARE(f.text(0, PatientListModel::StatusColumn), QStringLiteral("NO DATA 10 s"));
    QCOMPARE(changed.count(), 1); // the row's look changed: views must hear about it

    // Fresh data makes it live again.
    setVital(f.hub, 0, VitalKind::HeartRate, 81, at(10.5));
    f.now = at(11.0);
    f.model->refresh();
    QCOMPARE(f.role(0, 0, PatientListModel::StaleRole).toBool(), false);
    QCOMPARE(f.text(0, PatientListModel::HeartRateColumn), QStringLiteral("81"));
}

void TestPatientListModel::roles()
{
    Fixture f;
    f.hub.addPatient(testIdentity(7));
    f.hub.addPatient(testIdentity(8));
    QCOMPARE(f.role(1, 0, PatientListModel::PatientIdRole).toString(), QStringLiteral("test-008"));
    QCOMPARE(f.role(1, 3, PatientListModel::PatientIndexRole).toInt(), 1);
    QCOMPARE(
        f.role(0, PatientListModel::NameColumn, Qt::TextAlignmentRole).toInt(), int(Qt::AlignLeft | Qt::AlignVCenter));
    QVERIFY(!f.model->index(0, 0).data(Qt::DecorationRole).isValid());
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("is not valid")));
    QVERIFY(!f.model->data(f.model->index(5, 0)).isValid()); // no such row
}

void TestPatientListModel::dataChangedOnlyForChangedRows_data()
{
    QTest::addColumn<QList<int>>("fed"); // rows that receive new data
    QTest::addColumn<QList<int>>("leadOff"); // rows whose lead comes off
    QTest::addColumn<double>("refreshAt"); // seconds
    QTest::addColumn<QList<int>>("changed"); // rows dataChanged must cover, exactly
    QTest::newRow("nothing new") << QList<int>{} << QList<int>{} << 1.0 << QList<int>{};
    QTest::newRow("one row") << QList<int>{1} << QList<int>{} << 1.0 << QList<int>{1};
    QTest::newRow("adjacent rows") << QList<int>{2, 3} << QList<int>{} << 1.0 << QList<int>{2, 3};
    QTest::newRow("lead off only") << QList<int>{} << QList<int>{3} << 1.0 << QList<int>{3};
    QTest::newRow("age text changes for all") << QList<int>{} << QList<int>{} << 2.0 << QList<int>{0, 1, 2, 3};
    QTest::newRow("rows 0 and 2, not 1") << QList<int>{0, 2} << QList<int>{} << 1.0 << QList<int>{0, 2};
    QTest::newRow("first and last, not between") << QList<int>{0} << QList<int>{3} << 1.0 << QList<int>{0, 3};
}

void TestPatientListModel::dataChangedOnlyForChangedRows()
{
    QFETCH(QList<int>, fed);
    QFETCH(QList<int>, leadOff);
    QFETCH(double, refreshAt);
    QFETCH(QList<int>, changed);

    Fixture f;
    for (int i = 1; i <= 4; ++i) {
        f.hub.addPatient(testIdentity(i));
        setVital(f.hub, i - 1, VitalKind::HeartRate, 70, at(0));
    }
    f.now = at(0.2);
    f.model->refresh();

    QSignalSpy spy(f.model.get(), &QAbstractItemModel::dataChanged);
    for (int row : fed)
        setVital(f.hub, row, VitalKind::HeartRate, 90, at(0.5));
    for (int row : leadOff)
        setLeadOff(f.hub, row, true, at(0.5));
    f.now = at(refreshAt);
    f.model->refresh();

    const std::set<int> expected(changed.begin(), changed.end());
    const std::set<int> actual = changedRows(spy);
    QString actualText;
    for (int r : actual)
        actualText += QString::number(r) + QLatin1Char(' ');
    QVERIFY2(actual == expected, qPrintable(QStringLiteral("dataChanged covered rows: ") + actualText));
    for (const QList<QVariant>& args : spy) {
        QCOMPARE(args.at(0).value<QModelIndex>().column(), 0);
        QCOMPARE(args.at(1).value<QModelIndex>().column(), PatientListModel::ColumnCount - 1);
    }
    for (int row : fed)
        QCOMPARE(f.text(row, PatientListModel::HeartRateColumn), QStringLiteral("90"));
}

void TestPatientListModel::setTodayChangesAgeColumn()
{
    Fixture f;
    f.hub.addPatient(testIdentity(1));
    f.hub.addPatient(testIdentity(2));
    QSignalSpy spy(f.model.get(), &QAbstractItemModel::dataChanged);
    QCOMPARE(f.text(1, PatientListModel::AgeColumn), QStringLiteral("73"));
    f.model->setToday(QDate(2024, 6, 15));
    QCOMPARE(f.text(1, PatientListModel::AgeColumn), QStringLiteral("74"));
    QCOMPARE(spy.count(), 1);
    const auto args = spy.takeFirst();
    QCOMPARE(args.at(0).value<QModelIndex>(), f.model->index(0, PatientListModel::AgeColumn));
    QCOMPARE(args.at(1).value<QModelIndex>(), f.model->index(1, PatientListModel::AgeColumn));
}

void TestPatientListModel::headers()
{
    Fixture f;
    QCOMPARE(f.model->headerData(PatientListModel::NhsNumberColumn, Qt::Horizontal, Qt::DisplayRole).toString(),
        QStringLiteral("NHS Number"));
    QCOMPARE(f.model->headerData(PatientListModel::StatusColumn, Qt::Horizontal, Qt::DisplayRole).toString(),
        QStringLiteral("Status"));
    for (int c = 0; c < PatientListModel::ColumnCount; ++c)
        QVERIFY(!f.model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString().isEmpty());
}

QTEST_GUILESS_MAIN(TestPatientListModel)
#include "tst_patientlistmodel.moc"
