// The worklist over the demo mix of simulated patients (stable, sepsis, AF, desaturation, lead off,
// bradycardia, device offline): checked by QAbstractItemModelTester through every refresh; ranked by
// alarm priority, then NEWS2 urgency (a silent patient alongside a deteriorating one); selections
// follow their patient when the ranking changes; "since I last looked"; the caseload filter; case
// summaries from the escalation workflow.
#include "ingest/simulatorsource.h"
#include "itemmodels/worklistmodel.h"
#include "live/livehub.h"
#include "live/wardmonitor.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace vigil;
using clinical::AlarmPriority;
using clinical::News2;
using clinical::Provenance;
using itemmodels::WorklistModel;

namespace {

constexpr core::Timestamp kS = core::kMicrosPerSecond;
constexpr core::Timestamp kT0 = 1'800'000'000LL * kS;

} // namespace

class TestWorklistModel : public QObject
{
    Q_OBJECT

private:
    live::LiveHub m_hub;
    std::unique_ptr<ingest::SimulatorSource> m_source;
    std::unique_ptr<live::WardMonitor> m_ward;
    std::unique_ptr<WorklistModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    core::Timestamp m_now = kT0;

    void runUntil(core::Timestamp until)
    {
        for (; m_now < until;) {
            m_now += kS;
            m_source->pump(m_now);
            m_ward->update(m_now, false, false);
            if (m_now == kT0 + 30 * kS) {
                for (int i = 0; i < m_ward->patientCount(); ++i) {
                    m_ward->assessor(i).recordConsciousness(News2::Acvpu::Alert, m_now, Provenance::Clinician);
                    m_ward->assessor(i).recordOxygen(false, m_now, Provenance::Clinician);
                }
            }
            if (m_now % (10 * kS) == 0)
                m_model->refresh(m_now);
        }
        m_model->refresh(m_now);
    }

    int rowOfScenario(sim::Scenario scenario) const
    {
        for (int i = 0; i < m_hub.patientCount(); ++i) {
            if (m_source->scenario(i) == scenario)
                return m_model->rowOfPatient(i);
        }
        return -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        ingest::SimulatorSource::Config config;
        config.patients = 8;
        config.seed = 9;
        config.startTime = kT0;
        m_source = std::make_unique<ingest::SimulatorSource>(config, m_hub);
        m_ward = std::make_unique<live::WardMonitor>(m_hub);
        m_model = std::make_unique<WorklistModel>(m_hub, *m_ward);
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_model->refresh(m_now); // empty ward first: rows join as patients appear
    }

    void rankedByAlarmThenUrgency()
    {
        runUntil(kT0 + 900 * kS);
        QCOMPARE(m_model->rowCount(), 8);
        // Alarm priority never rises down the list; within a priority the NEWS2 urgency does not.
        for (int row = 1; row < m_model->rowCount(); ++row) {
            const int above = m_model->index(row - 1, 0).data(WorklistModel::PriorityRole).toInt();
            const int below = m_model->index(row, 0).data(WorklistModel::PriorityRole).toInt();
            QVERIFY2(above >= below, qPrintable(QStringLiteral("row %1").arg(row)));
        }
        const int sepsis = rowOfScenario(sim::Scenario::Sepsis);
        const int offline = rowOfScenario(sim::Scenario::DeviceOffline);
        const int stable = rowOfScenario(sim::Scenario::Stable);
        qInfo("rows: sepsis %d, device offline %d, first stable %d", sepsis, offline, stable);
        for (int row = 0; row < m_model->rowCount(); ++row) {
            qInfo("%d: %s | %s | %s | %s | %s", row,
                qPrintable(m_model->index(row, WorklistModel::PriorityColumn).data().toString()),
                qPrintable(m_model->index(row, WorklistModel::News2Column).data().toString()),
                qPrintable(m_model->index(row, WorklistModel::TrendColumn).data().toString()),
                qPrintable(m_model->index(row, WorklistModel::AlarmColumn).data().toString()),
                qPrintable(m_model->index(row, WorklistModel::DataAgeColumn).data().toString()));
        }
        QVERIFY(sepsis >= 0 && stable >= 0);
        QVERIFY(sepsis < stable);
        QVERIFY(m_model->index(0, 0).data(WorklistModel::PriorityRole).toInt() >= AlarmPriority::Medium);
        // Priorities in words and markers, not colour alone.
        const QString top = m_model->index(0, WorklistModel::PriorityColumn).data().toString();
        QVERIFY(top.contains(QStringLiteral("HIGH")) || top.contains(QStringLiteral("MEDIUM")));
        QVERIFY(top.startsWith(QLatin1Char('*')));
        QVERIFY(m_model->index(sepsis, WorklistModel::News2Column).data().toString().contains(QStringLiteral("high"))
            || m_model->index(sepsis, WorklistModel::News2Column).data().toString().contains(QStringLiteral("medium")));
    }

    void selectionFollowsItsPatient()
    {
        const int patient = m_model->patientAt(m_model->rowCount() - 1);
        const QPersistentModelIndex kept = m_model->index(m_model->rowCount() - 1, WorklistModel::PatientColumn);
        runUntil(m_now + 120 * kS);
        QVERIFY(kept.isValid());
        QCOMPARE(kept.data(WorklistModel::PatientIndexRole).toInt(), patient);
    }

    void sinceILastLooked()
    {
        const int row = rowOfScenario(sim::Scenario::Sepsis);
        const int patient = m_model->patientAt(row);
        QCOMPARE(m_model->changesSinceSeen(patient), QStringLiteral("not seen yet"));
        m_model->markSeen(row);
        QVERIFY(m_model->changesSinceSeen(patient).startsWith(QStringLiteral("no change")));
        const QString before = m_model->index(row, WorklistModel::News2Column).data().toString();
        // New confusion, recorded by a clinician: the score rises by 3, and the worklist says so.
        QVERIFY(
            m_ward->assessor(patient).recordConsciousness(News2::Acvpu::NewConfusion, m_now, Provenance::Clinician));
        runUntil(m_now + 60 * kS);
        const QString changed = m_model->changesSinceSeen(patient);
        qInfo("sepsis since looked: %s (NEWS2 was %s)", qPrintable(changed), qPrintable(before));
        QVERIFY(changed.startsWith(QStringLiteral("NEWS2 ")));
        QVERIFY(changed.contains(QStringLiteral("\u2192")));
    }

    void caseloadFilterAndCases()
    {
        for (int i = 0; i < m_hub.patientCount(); ++i)
            m_model->setTeamOf(m_ward->patient(i).key, i % 2 == 0 ? QStringLiteral("North") : QStringLiteral("South"));
        QCOMPARE(m_model->teams(), (QStringList{QStringLiteral("North"), QStringLiteral("South")}));
        m_model->setTeam(QStringLiteral("North"));
        QCOMPARE(m_model->rowCount(), 4);
        for (int row = 0; row < 4; ++row)
            QCOMPARE(m_model->patientAt(row) % 2, 0);
        m_model->setTeam(QString());
        QCOMPARE(m_model->rowCount(), 8);

        // An escalated case ranks above an otherwise equal one and says so.
        const QString escalated = m_ward->patient(m_model->patientAt(m_model->rowCount() - 1)).key;
        m_model->setCaseProvider([&](const QString& key) {
            WorklistModel::CaseSummary c;
            if (key == escalated) {
                c.escalationLevel = 4;
                c.escalationText = QStringLiteral("999 / emergency department");
                c.reviewNeeded = true;
                c.open = true;
            }
            return c;
        });
        m_model->refresh(m_now);
        int row = -1;
        for (int r = 0; r < m_model->rowCount(); ++r) {
            if (m_model->index(r, 0).data(WorklistModel::PatientKeyRole).toString() == escalated)
                row = r;
        }
        QVERIFY(row >= 0);
        QVERIFY(row < m_model->rowCount() - 1);
        QCOMPARE(m_model->index(row, WorklistModel::EscalationColumn).data().toString(),
            QStringLiteral("999 / emergency department; review needed"));
        QVERIFY(m_model->index(row, 0).data(WorklistModel::ReviewNeededRole).toBool());
    }
};

QTEST_GUILESS_MAIN(TestWorklistModel)
#include "tst_worklistmodel.moc"
