// The patient detail view (issue 5 item 6) with the software renderer, offscreen: a patient whose
// vital signs worsen over an hour, watched by a ward monitor that was not running for five minutes
// and had no consciousness level for the first five. The NEWS2 chart plots exactly the scored
// history (incomplete sets and the hole are gaps); the vitals trend and the NEWS2 chart share one
// time range and the same plot-area edges, also after a resize; the case timeline lists a local
// escalation and a remote note in words, says when there is nothing yet, warns when the case was
// escalated while being resolved, refuses another patient's case, and is keyboard operable.
// A screenshot is saved to /tmp/patientdetail.png.
#include "casetimeline.h"
#include "clinical/casestate.h"
#include "displaysettings.h"
#include "itemmodels/caseeventlistmodel.h"
#include "live/livehub.h"
#include "live/patientfeed.h"
#include "live/wardmonitor.h"
#include "news2trendchart.h"
#include "patientdetailview.h"
#include "vitalstrendchart.h"

#include <QDateTimeAxis>
#include <QGraphicsTextItem>
#include <QMap>
#include <QMultiMap>
#include <QRegularExpression>
#include <QTest>
#include <QTreeView>

#include <cmath>

using namespace vigil;
using clinical::CaseEvent;
using clinical::CaseState;
using clinical::EscalationLevel;
using itemmodels::CaseEventListModel;

namespace {

constexpr core::Timestamp kS = core::kMicrosPerSecond;
constexpr core::Timestamp kMin = 60 * kS;
const QString kHere = QStringLiteral("ws-ward-7");
const QString kThere = QStringLiteral("ws-gp-surgery");

CaseEvent caseEvent(int n, const QString& patientKey, CaseEvent::Kind kind, const QString& workstation,
    const QString& actor, const QString& role, core::Timestamp time, const QStringList& parents = {})
{
    CaseEvent e;
    e.id = QStringLiteral("00000000-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0'));
    e.patientKey = patientKey;
    e.workstation = workstation;
    e.actor = actor;
    e.role = role;
    e.time = time;
    e.kind = kind;
    e.parents = parents;
    return e;
}

CaseEvent escalation(int n, const QString& patientKey, const QString& workstation, const QString& actor,
    core::Timestamp time, EscalationLevel level, const QStringList& parents = {})
{
    CaseEvent e = caseEvent(
        n, patientKey, CaseEvent::Kind::Escalate, workstation, actor, QStringLiteral("community nurse"), time, parents);
    e.level = level;
    e.sbar = {QStringLiteral("NEWS2 7, rising over the last hour"), QStringLiteral("Day 3 of a chest infection"),
        QStringLiteral("Probable sepsis"), QStringLiteral("GP review within 1 hour")};
    return e;
}

// The texts a chart has drawn (visible text items), with their centre x in `dialog`'s coordinates:
// what a clinician sees, not what the chart was asked to do.
QMultiMap<QString, double> drawnTexts(const QChartView* view, const QWidget* dialog)
{
    QMultiMap<QString, double> out;
    QList<QGraphicsItem*> items = view->chart()->childItems();
    while (!items.isEmpty()) {
        QGraphicsItem* item = items.takeLast();
        items += item->childItems();
        const auto* text = dynamic_cast<const QGraphicsTextItem*>(item);
        if (!text || !text->isVisible() || text->toPlainText().isEmpty())
            continue;
        const QPoint inView = view->mapFromScene(text->sceneBoundingRect().center());
        out.insert(text->toPlainText(), view->viewport()->mapTo(dialog, inView).x());
    }
    return out;
}

// The time labels ("10:15") among them.
QMap<QString, double> timeLabels(const QChartView* view, const QWidget* dialog)
{
    static const QRegularExpression kTime(QStringLiteral("^\\d\\d:\\d\\d$"));
    QMap<QString, double> out;
    const QMultiMap<QString, double> texts = drawnTexts(view, dialog);
    for (auto it = texts.cbegin(); it != texts.cend(); ++it) {
        if (kTime.match(it.key()).hasMatch())
            out.insert(it.key(), it.value());
    }
    return out;
}

} // namespace

class TestPatientDetailView : public QObject
{
    Q_OBJECT

private:
    live::LiveHub m_hub;
    std::unique_ptr<live::WardMonitor> m_ward;
    QString m_key;
    core::Timestamp m_t0 = 0; // the first minute the ward monitor ran
    std::vector<live::WardMonitor::HistoryPoint> m_expectedHistory;

private Q_SLOTS:
    void initTestCase()
    {
        QCOMPARE(QGuiApplication::platformName(), QStringLiteral("offscreen"));
        core::PatientIdentity identity;
        identity.id = QStringLiteral("detail-patient");
        identity.givenName = QStringLiteral("Test");
        identity.familyName = QStringLiteral("Patient");
        identity.nhsNumber = QStringLiteral("9434765919");
        m_key = identity.id;
        live::PatientFeed& feed = m_hub.addPatient(identity);
        m_ward = std::make_unique<live::WardMonitor>(m_hub);

        // Whole seconds, so that µs -> ms is exact. Vitals from 15 minutes before the monitor's first
        // minute to 30 s before its last (minute 60); the NEWS2 history ends later, the vitals start
        // earlier: the shared range is the union.
        m_t0 = (core::nowUtc() / kS) * kS - 60 * kMin;
        for (int k = -30; k < 120; ++k) {
            const core::Timestamp t = m_t0 + k * 30 * kS;
            const double x = std::clamp(k / 119.0, 0.0, 1.0); // worsening from minute 0 to 60
            const auto put = [&](core::VitalKind kind, double value) { feed.updateVital(kind, {value, t}, t); };
            put(core::VitalKind::HeartRate, std::round(78 + 40 * x));
            put(core::VitalKind::SpO2, std::round(97 - 5 * x));
            put(core::VitalKind::RespRate, std::round(16 + 10 * x));
            put(core::VitalKind::SystolicBp, std::round(128 - 30 * x));
            put(core::VitalKind::DiastolicBp, std::round(80 - 15 * x));
            put(core::VitalKind::Temperature, std::round((37.0 + 1.6 * x) * 10) / 10);
            if (k < 0 || k % 2 != 0)
                continue;
            const int minute = k / 2;
            if (minute >= 40 && minute < 45)
                continue; // the monitor was not running
            m_ward->update(t, false, false);
            if (minute == 4) { // from minute 5 a clinician has recorded consciousness and air
                m_ward->assessor(0).recordConsciousness(
                    clinical::News2::Acvpu::Alert, t, clinical::Provenance::Clinician);
                m_ward->assessor(0).recordOxygen(false, t, clinical::Provenance::Clinician);
            }
        }
        m_ward->update(m_t0 + 60 * kMin, false, false);
        const auto& history = m_ward->patient(0).history;
        m_expectedHistory.assign(history.begin(), history.end());
        QCOMPARE(int(m_expectedHistory.size()), 5 + 35 + 16);
        QCOMPARE(m_expectedHistory.front().total, -1);
        QVERIFY(m_expectedHistory.back().total >= 7); // high by the end
    }

    void chartsLineUpAndPlotTheHistory()
    {
        ui::PatientDetailView detail(m_hub, 0, ui::WaveformRenderer::Kind::Software, ui::DisplaySettings{});
        detail.setWard(m_ward.get());
        detail.show();
        QVERIFY(QTest::qWaitForWindowExposed(&detail));
        ui::VitalsTrendChart* vitals = detail.trendChart();
        ui::News2TrendChart* news2 = detail.news2TrendChart();
        QVERIFY(news2->isVisible());

        // The NEWS2 chart holds the scored history, point for point; incomplete sets are left out and
        // the line breaks at them and at the five minutes the monitor was not running.
        QList<QPointF> expected;
        for (const auto& h : m_expectedHistory) {
            if (h.total >= 0)
                expected.append(QPointF(static_cast<double>(h.time / core::kMicrosPerMilli), h.total));
        }
        QCOMPARE(expected.size(), 51);
        QCOMPARE(news2->points(), expected);
        QCOMPARE(news2->incompleteCount(), 5);
        QCOMPARE(news2->segmentCount(), 2);
        QCOMPARE(news2->bandLabels(),
            (QStringList{
                QStringLiteral("low 0\u20134"), QStringLiteral("medium 5\u20136"), QStringLiteral("high 7+")}));

        // One time range: from the first vitals (15 min before the monitor) to the last NEWS2 point.
        const qint64 from = (m_t0 - 15 * kMin) / core::kMicrosPerMilli;
        const qint64 to = (m_t0 + 60 * kMin) / core::kMicrosPerMilli;
        QCOMPARE(vitals->timeFrom().toMSecsSinceEpoch(), from);
        QCOMPARE(vitals->timeTo().toMSecsSinceEpoch(), to);
        QCOMPARE(news2->timeFrom(), vitals->timeFrom());
        QCOMPARE(news2->timeTo(), vitals->timeTo());
        QCOMPARE(news2->timeAxis()->tickCount(), vitals->timeAxis()->tickCount());
        QVERIFY(vitals->pointCount(core::VitalKind::HeartRate) >= 140);

        // The same plot edges (in the dialog's coordinates), once the layouts have settled; and
        // the NEWS2 chart straight below the vitals chart.
        const auto linedUp = [&] {
            const QRectF a = detail.trendPlotArea();
            const QRectF b = detail.news2PlotArea();
            return a.width() > 300 && std::abs(a.left() - b.left()) <= 1 && std::abs(a.right() - b.right()) <= 1
                && b.top() > a.bottom();
        };
        QTRY_VERIFY2(linedUp(),
            qPrintable(QStringLiteral("vitals %1..%2, NEWS2 %3..%4")
                           .arg(detail.trendPlotArea().left())
                           .arg(detail.trendPlotArea().right())
                           .arg(detail.news2PlotArea().left())
                           .arg(detail.news2PlotArea().right())));
        // The band names are drawn, all three (the bands never read by colour alone).
        const auto bandsNamed = [&] {
            const QMultiMap<QString, double> texts = drawnTexts(news2, &detail);
            return texts.contains(QStringLiteral("low 0\u20134")) && texts.contains(QStringLiteral("medium 5\u20136"))
                && texts.contains(QStringLiteral("high 7+"));
        };
        QTRY_VERIFY2(bandsNamed(), qPrintable(drawnTexts(news2, &detail).keys().join(QStringLiteral(", "))));

        // The drawn time labels: the same times, at the same x, on both charts.
        const auto labelsLinedUp = [&] {
            const QMap<QString, double> top = timeLabels(vitals, &detail);
            const QMap<QString, double> bottom = timeLabels(news2, &detail);
            if (top.size() < 5 || top.keys() != bottom.keys())
                return false;
            for (auto it = top.cbegin(); it != top.cend(); ++it) {
                if (std::abs(it.value() - bottom.value(it.key())) > 1.5)
                    return false;
            }
            return true;
        };
        QTRY_VERIFY2(labelsLinedUp(),
            qPrintable(QStringLiteral("vitals %1 / NEWS2 %2")
                           .arg(timeLabels(vitals, &detail).values().value(0))
                           .arg(timeLabels(news2, &detail).values().value(0))));
        // A time maps to the same x on both.
        const QDateTime mid = QDateTime::fromMSecsSinceEpoch((from + to) / 2, Qt::UTC);
        const double xVitals = vitals->chart()->mapToPosition(QPointF(mid.toMSecsSinceEpoch(), 100)).x();
        const double xNews2 = news2->chart()->mapToPosition(QPointF(mid.toMSecsSinceEpoch(), 5)).x();
        QVERIFY2(std::abs(xVitals - xNews2) <= 1, qPrintable(QStringLiteral("%1 vs %2").arg(xVitals).arg(xNews2)));

        // Still lined up after a resize, and after the next refresh.
        detail.resize(1100, 900);
        QTRY_VERIFY(linedUp());
        QTRY_VERIFY(labelsLinedUp());
        QTRY_VERIFY2(bandsNamed(),
            qPrintable(QStringLiteral("%1 px high: %2")
                           .arg(news2->height())
                           .arg(drawnTexts(news2, &detail).keys().join(QStringLiteral(", ")))));
        detail.refreshClinical();
        QCOMPARE(news2->timeFrom(), vitals->timeFrom());
        QTRY_VERIFY(linedUp());
    }

    void timelineShowsTheCase()
    {
        ui::PatientDetailView detail(m_hub, 0, ui::WaveformRenderer::Kind::Software, ui::DisplaySettings{});
        detail.setWard(m_ward.get());
        detail.resize(1280, 960);
        detail.show();
        QVERIFY(QTest::qWaitForWindowExposed(&detail));
        ui::CaseTimeline* timeline = detail.caseTimeline();
        QVERIFY(timeline->isVisible());
        QCOMPARE(timeline->summaryText(), QStringLiteral("No case actions yet"));
        QVERIFY(!timeline->view()->isVisible());

        // A local escalation and, from another workstation, a GP's note that saw it.
        const core::Timestamp t = m_t0 + 50 * kMin;
        const CaseEvent escalate =
            escalation(1, m_key, kHere, QStringLiteral("nurse.jones"), t, EscalationLevel::UrgentClinicalReview);
        CaseEvent note = caseEvent(2, m_key, CaseEvent::Kind::Note, kThere, QStringLiteral("dr.patel"),
            QStringLiteral("GP"), t + 4 * kMin, {escalate.id});
        note.text = QStringLiteral("Phoning the patient now");
        CaseState state = CaseState::fold(std::vector<CaseEvent>{escalate, note});
        QCOMPARE(state.size(), 2);
        detail.setCase(state, kHere);

        const CaseEventListModel* model = timeline->model();
        QCOMPARE(model->rowCount(), 2);
        const auto cell = [&](int row, int column) { return model->index(row, column).data().toString(); };
        QCOMPARE(cell(0, CaseEventListModel::ActionColumn),
            QStringLiteral("Escalated to Urgent clinical review (GP / virtual-ward clinician) \u2014 needs attention"));
        QCOMPARE(model->index(0, 0).data(CaseEventListModel::AttentionReasonsRole).toStringList(),
            QStringList{QStringLiteral("escalation not acknowledged yet")});
        QCOMPARE(cell(0, CaseEventListModel::ClinicianColumn), QStringLiteral("nurse.jones (community nurse)"));
        QCOMPARE(cell(0, CaseEventListModel::WorkstationColumn), QStringLiteral("this workstation"));
        QVERIFY(cell(0, CaseEventListModel::DetailColumn).startsWith(QStringLiteral("S: NEWS2 7, rising")));
        QCOMPARE(cell(1, CaseEventListModel::ActionColumn), QStringLiteral("Note"));
        QCOMPARE(cell(1, CaseEventListModel::ClinicianColumn), QStringLiteral("dr.patel (GP)"));
        QCOMPARE(cell(1, CaseEventListModel::WorkstationColumn), QStringLiteral("ws-gp-surgery (remote)"));
        QCOMPARE(cell(1, CaseEventListModel::DetailColumn), QStringLiteral("Phoning the patient now"));
        QVERIFY(model->index(1, 0).data(CaseEventListModel::IsRemoteRole).toBool());
        QCOMPARE(cell(0, CaseEventListModel::TimeColumn),
            QLocale().toString(
                QDateTime::fromMSecsSinceEpoch(t / 1000, Qt::LocalTime), QStringLiteral("HH:mm:ss, d MMM yyyy")));
        QCOMPARE(timeline->summaryText(),
            QStringLiteral(
                "Escalation: Urgent clinical review (GP / virtual-ward clinician) \u00b7 open \u00b7 escalation "
                "not acknowledged"));
        QCOMPARE(timeline->warningText(), QString());
        QVERIFY(timeline->view()->isVisible());

        // Keyboard: the view takes focus and Down moves through the actions.
        detail.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&detail));
        timeline->setFocus();
        QTRY_VERIFY(timeline->view()->hasFocus());
        timeline->view()->setCurrentIndex(model->index(0, 0));
        QTest::keyClick(timeline->view(), Qt::Key_Down);
        QCOMPARE(timeline->view()->currentIndex().row(), 1);

        // The GP acknowledges; concurrently the nurse resolves, not having seen the GP escalate to
        // 999: escalated while being resolved.
        const CaseEvent ack = caseEvent(3, m_key, CaseEvent::Kind::Acknowledge, kThere, QStringLiteral("dr.patel"),
            QStringLiteral("GP"), t + 5 * kMin, {note.id});
        const CaseEvent resolve = caseEvent(4, m_key, CaseEvent::Kind::Resolve, kHere, QStringLiteral("nurse.jones"),
            QStringLiteral("community nurse"), t + 8 * kMin, {ack.id});
        const CaseEvent emergency = escalation(
            5, m_key, kThere, QStringLiteral("dr.patel"), t + 8 * kMin, EscalationLevel::Emergency999, {ack.id});
        QCOMPARE(state.merge(std::vector<CaseEvent>{ack, resolve, emergency}), 3);
        QVERIFY(state.escalatedWhileResolving());
        detail.setCase(state, kHere);
        QCOMPARE(model->rowCount(), 5);
        QCOMPARE(timeline->warningText(),
            QStringLiteral("Warning: escalated while being resolved \u2014 check with the other clinician"));
        QVERIFY(
            timeline->summaryText().startsWith(QStringLiteral("Escalation: 999 / emergency department \u00b7 open")));
        const int row = model->rowOfEvent(emergency.id);
        QVERIFY(model->index(row, 0).data(CaseEventListModel::NeedsAttentionRole).toBool());
        QVERIFY(cell(row, CaseEventListModel::ActionColumn).startsWith(QStringLiteral("Escalated to 999")));

        // A screenshot of the whole view with this case, for people to look at.
        QTest::qWait(200);
        QVERIFY(detail.grab().save(QStringLiteral("/tmp/patientdetail.png")));

        // Another patient's case is refused: the rows stay this patient's.
        const CaseEvent other = caseEvent(9, QStringLiteral("someone-else"), CaseEvent::Kind::Acknowledge, kHere,
            QStringLiteral("nurse.jones"), QStringLiteral("community nurse"), t);
        QTest::ignoreMessage(QtWarningMsg, "detail view: a case of another patient was not shown");
        detail.setCase(CaseState::fold(std::vector<CaseEvent>{other}), kHere);
        QCOMPARE(model->rowCount(), 5);
        QCOMPARE(model->patientKey(), m_key);
    }
};

QTEST_MAIN(TestPatientDetailView)

#include "tst_patientdetailview.moc"
