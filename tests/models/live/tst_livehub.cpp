#include "live/livehub.h"

#include <QSignalSpy>
#include <QTest>

using vigil::core::PatientIdentity;
using vigil::live::LiveHub;

namespace {

PatientIdentity identity(const QString& id, const QString& nhsNumber)
{
    PatientIdentity p;
    p.id = id;
    p.givenName = QStringLiteral("Sam");
    p.familyName = QStringLiteral("Example");
    p.birthDate = QDate(1970, 3, 4);
    p.nhsNumber = nhsNumber;
    return p;
}

} // namespace

class TestLiveHub : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsEmpty();
    void addPatientEmitsIndex();
    void indexOf_data();
    void indexOf();
    void feedsKeepTheirAddressWhenMorePatientsArrive();
};

void TestLiveHub::startsEmpty()
{
    const LiveHub hub;
    QCOMPARE(hub.patientCount(), 0);
    QCOMPARE(hub.indexOf(QStringLiteral("test-001")), -1);
}

void TestLiveHub::addPatientEmitsIndex()
{
    LiveHub hub;
    QSignalSpy spy(&hub, &LiveHub::patientAdded);
    QVERIFY(spy.isValid());

    auto& first = hub.addPatient(identity(QStringLiteral("test-001"), QStringLiteral("9990000018")));
    QCOMPARE(first.identity().id, QStringLiteral("test-001"));
    QCOMPARE(hub.patientCount(), 1);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toInt(), 0);

    auto& second = hub.addPatient(identity(QStringLiteral("test-002"), QStringLiteral("9990000026")));
    QCOMPARE(hub.patientCount(), 2);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(0).toInt(), 1);
    QCOMPARE(&hub.feed(0), &first);
    QCOMPARE(&hub.feed(1), &second);
    QCOMPARE(hub.feed(1).identity().nhsNumber, QStringLiteral("9990000026"));
    const LiveHub& constHub = hub;
    QCOMPARE(&constHub.feed(1), &second);
}

void TestLiveHub::indexOf_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<int>("index");
    QTest::newRow("first") << QStringLiteral("test-001") << 0;
    QTest::newRow("middle") << QStringLiteral("test-002") << 1;
    QTest::newRow("last") << QStringLiteral("test-003") << 2;
    QTest::newRow("unknown") << QStringLiteral("test-004") << -1;
    QTest::newRow("empty") << QString() << -1;
    QTest::newRow("case differs") << QStringLiteral("TEST-001") << -1;
    QTest::newRow("NHS Number is not the id") << QStringLiteral("9990000018") << -1;
}

void TestLiveHub::indexOf()
{
    QFETCH(QString, id);
    QFETCH(int, index);
    LiveHub hub;
    hub.addPatient(identity(QStringLiteral("test-001"), QStringLiteral("9990000018")));
    hub.addPatient(identity(QStringLiteral("test-002"), QStringLiteral("9990000026")));
    hub.addPatient(identity(QStringLiteral("test-003"), QStringLiteral("9990000034")));
    QCOMPARE(hub.indexOf(id), index);
}

void TestLiveHub::feedsKeepTheirAddressWhenMorePatientsArrive()
{
    LiveHub hub;
    auto* first = &hub.addPatient(identity(QStringLiteral("test-001"), QStringLiteral("9990000018")));
    for (int i = 2; i <= 40; ++i)
        hub.addPatient(identity(QStringLiteral("test-%1").arg(i, 3, 10, QLatin1Char('0')), QString()));
    QCOMPARE(&hub.feed(0), first);
    QCOMPARE(hub.patientCount(), 40);
    QCOMPARE(hub.indexOf(QStringLiteral("test-040")), 39);
}

QTEST_GUILESS_MAIN(TestLiveHub)
#include "tst_livehub.moc"
