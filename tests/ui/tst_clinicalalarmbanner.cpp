// The ward's clinical-alarm banner (IEC 60601-1-8 conventions, CLINICAL.md): the top alarm as
// priority word, marker and shape (never colour alone), the patient's name, the alarm and the count
// of the others; the visual signal flashing at the priority's rate (steady for LOW, acknowledged and
// ALARM PAUSED); the signal state in words, also beside an acknowledged alarm; the buttons and their
// shortcuts (Acknowledge, Audio pause, Open patient, Pause alarms, Alarm reset); no patient data
// while locked; hidden when there is no alarm, except for a compact line while AUDIO OFF or ALARM
// PAUSED is in force. Saves tst_clinicalalarmbanner.png (several states).

#include "clinicalalarmbanner.h"

#include <QAbstractButton>
#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>

#include <utility>
#include <vector>

using namespace vigil;
using clinical::Alarm;
using clinical::AlarmPriority;
using SignalState = clinical::AlarmEngine::SignalState;

namespace {

constexpr core::Timestamp kNow = 1'700'000'000LL * core::kMicrosPerSecond;

// Made-up patients (no real data in tests).
QString nameOf(const QString& key)
{
    if (key == QLatin1String("p1"))
        return QStringLiteral("TEST, Alpha");
    if (key == QLatin1String("p2"))
        return QStringLiteral("TEST, Bravo");
    if (key == QLatin1String("p3"))
        return QStringLiteral("TEST, Charlie");
    return {};
}

Alarm makeAlarm(const QString& patientKey, Alarm::Condition condition, core::VitalKind kind,
    AlarmPriority::Level priority, double value, double threshold, core::Timestamp raisedAt)
{
    Alarm a;
    a.patientKey = patientKey;
    a.condition = condition;
    a.kind = kind;
    a.priority = priority;
    a.basePriority = priority;
    a.value = value;
    a.threshold = threshold;
    a.raisedAt = raisedAt;
    a.id = QStringLiteral("%1/%2/%3").arg(patientKey, a.conditionKey()).arg(raisedAt);
    return a;
}

Alarm highSpo2()
{
    return makeAlarm(QStringLiteral("p1"), Alarm::Condition::VitalLow, core::VitalKind::SpO2, AlarmPriority::High, 84,
        88, kNow - 40 * core::kMicrosPerSecond);
}

Alarm mediumHeartRate()
{
    return makeAlarm(QStringLiteral("p2"), Alarm::Condition::VitalHigh, core::VitalKind::HeartRate,
        AlarmPriority::Medium, 128, 120, kNow - 90 * core::kMicrosPerSecond);
}

Alarm lowResp()
{
    return makeAlarm(QStringLiteral("p3"), Alarm::Condition::VitalHigh, core::VitalKind::RespRate, AlarmPriority::Low,
        22, 20, kNow - 10 * core::kMicrosPerSecond);
}

Alarm staleFeed()
{
    return makeAlarm(QStringLiteral("p2"), Alarm::Condition::StaleFeed, core::VitalKind::HeartRate,
        AlarmPriority::Medium, 0, 0, kNow - 200 * core::kMicrosPerSecond);
}

QLabel* child(ui::ClinicalAlarmBanner& banner, const char* name)
{
    return banner.findChild<QLabel*>(QLatin1String(name));
}

QPushButton* button(ui::ClinicalAlarmBanner& banner, const char* name)
{
    return banner.findChild<QPushButton*>(QLatin1String(name));
}

// Every text the widget tree shows or would show: labels, buttons, tooltips, accessible texts.
QStringList allTexts(QWidget& root)
{
    QStringList texts{root.toolTip(), root.accessibleName(), root.accessibleDescription()};
    for (QWidget* w : root.findChildren<QWidget*>()) {
        texts << w->toolTip() << w->accessibleName() << w->accessibleDescription();
        if (auto* label = qobject_cast<QLabel*>(w))
            texts << label->text();
        if (auto* b = qobject_cast<QAbstractButton*>(w))
            texts << b->text();
    }
    texts.removeAll(QString());
    return texts;
}

// The shape's alpha at (x, y) of a kShapeSize-point icon, in points.
bool opaqueAt(const QLabel* shape, double x, double y)
{
    const QPixmap pixmap = shape->pixmap();
    const QImage image = pixmap.toImage();
    const double dpr = pixmap.devicePixelRatio();
    return qAlpha(image.pixel(int(x * dpr), int(y * dpr))) > 128;
}

} // namespace

class TestClinicalAlarmBanner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsTheTopAlarm()
    {
        ui::ClinicalAlarmBanner banner;
        banner.setNameProvider(&nameOf);
        banner.resize(1200, 60);
        QVERIFY(banner.isHidden());
        banner.setAlarms({mediumHeartRate(), highSpo2()}, SignalState::Normal, 0, kNow);
        QVERIFY(!banner.isHidden());
        QCOMPARE(banner.alarmCount(), 2);
        QCOMPARE(banner.topAlarm()->id, highSpo2().id);

        QCOMPARE(child(banner, "alarmPriority")->text(), QStringLiteral("HIGH ***"));
        QCOMPARE(child(banner, "alarmPatient")->text(), QStringLiteral("TEST, Alpha"));
        QVERIFY(child(banner, "alarmText")->text().startsWith(highSpo2().text()));
        QCOMPARE(child(banner, "alarmMore")->text(), QStringLiteral("+1 more alarm"));
        QVERIFY(child(banner, "alarmMore")->toolTip().contains(QStringLiteral("TEST, Bravo")));
        QVERIFY(banner.text().startsWith(QStringLiteral("HIGH *** \u2014 TEST, Alpha \u2014 ")));
        QVERIFY(banner.signalStateText().isEmpty());
        QVERIFY(child(banner, "alarmSignalState")->isHidden());
        QVERIFY(banner.toolTip().contains(QStringLiteral("advisory")));

        QVERIFY(!child(banner, "alarmShape")->pixmap().isNull()); // which shape: shapePerPriority()
    }

    void shapePerPriority_data()
    {
        QTest::addColumn<int>("level");
        QTest::addColumn<bool>("bottomLeft");
        QTest::addColumn<bool>("leftMiddle");
        QTest::addColumn<bool>("upperLeftInside");
        QTest::addColumn<QString>("priority");
        QTest::newRow("high: triangle") << int(AlarmPriority::High) << true << false << false
                                        << QStringLiteral("HIGH ***");
        QTest::newRow("medium: diamond") << int(AlarmPriority::Medium) << false << true << false
                                         << QStringLiteral("MEDIUM **");
        QTest::newRow("low: circle") << int(AlarmPriority::Low) << false << true << true << QStringLiteral("LOW *");
    }

    void shapePerPriority()
    {
        QFETCH(int, level);
        QFETCH(bool, bottomLeft);
        QFETCH(bool, leftMiddle);
        QFETCH(bool, upperLeftInside);
        QFETCH(QString, priority);
        Alarm alarm = lowResp();
        alarm.priority = AlarmPriority::Level(level);
        ui::ClinicalAlarmBanner banner;
        banner.setAlarms({alarm}, SignalState::Normal, 0, kNow);
        QCOMPARE(child(banner, "alarmPriority")->text(), priority);
        const QLabel* shape = child(banner, "alarmShape");
        QCOMPARE(opaqueAt(shape, 3, 22), bottomLeft);
        QCOMPARE(opaqueAt(shape, 3, 13), leftMiddle);
        QCOMPARE(opaqueAt(shape, 6.5, 6.5), upperLeftInside);
        QVERIFY(opaqueAt(shape, 13, 16)); // every shape is solid in its middle
    }

    void flashesAtThePriorityRate_data()
    {
        QTest::addColumn<int>("level");
        QTest::addColumn<double>("minHz"); // CLINICAL.md / IEC 60601-1-8
        QTest::addColumn<double>("maxHz");
        QTest::newRow("high 1.4-2.8 Hz") << int(AlarmPriority::High) << 1.4 << 2.8;
        QTest::newRow("medium 0.4-0.8 Hz") << int(AlarmPriority::Medium) << 0.4 << 0.8;
    }

    void flashesAtThePriorityRate()
    {
        QFETCH(int, level);
        QFETCH(double, minHz);
        QFETCH(double, maxHz);
        Alarm alarm = highSpo2();
        alarm.priority = AlarmPriority::Level(level);
        ui::ClinicalAlarmBanner banner;
        banner.setAlarms({alarm}, SignalState::Normal, 0, kNow);
        QVERIFY(banner.isFlashing());
        // 50 % duty: on and off for the same half period.
        const int half = banner.flashIntervalMs();
        const double hz = 1000.0 / (2.0 * half);
        QVERIFY2(hz >= minHz && hz <= maxHz, qPrintable(QString::number(hz)));
        QCOMPARE(half, int(std::lround(500.0 / AlarmPriority::flashHz(alarm.priority))));

        // It toggles, on its timer's period (a lower bound only: a shared CI machine can be late).
        QVERIFY(banner.isFlashOn());
        QElapsedTimer clock;
        clock.start();
        std::vector<std::pair<qint64, bool>> toggles;
        connect(&banner, &ui::ClinicalAlarmBanner::flashPhaseChanged, this,
            [&](bool on) { toggles.emplace_back(clock.elapsed(), on); });
        QTRY_VERIFY_WITH_TIMEOUT(toggles.size() >= 3, 10 * half);
        for (std::size_t i = 0; i < toggles.size(); ++i) {
            QCOMPARE(toggles[i].second, i % 2 == 1); // off, on, off ...
            if (i == 0)
                continue; // the timer started before the clock
            // One toggle may be late and the next on time (the timer keeps its schedule).
            const qint64 between = toggles[i].first - toggles[i - 1].first;
            QVERIFY2(between >= half * 0.8, qPrintable(QString::number(between)));
        }
        const double average = double(toggles.back().first - toggles.front().first) / double(toggles.size() - 1);
        QVERIFY2(average >= half * 0.95, qPrintable(QString::number(average)));
        QCOMPARE(banner.isFlashOn(), toggles.back().second);

        // A refresh with the same alarms keeps the rhythm (no restart each second).
        banner.setAlarms({alarm}, SignalState::Normal, 0, kNow + core::kMicrosPerSecond);
        QCOMPARE(banner.flashIntervalMs(), half);
    }

    void steadySignal()
    {
        ui::ClinicalAlarmBanner banner;
        banner.setNameProvider(&nameOf);
        // LOW: steady.
        banner.setAlarms({lowResp()}, SignalState::Normal, 0, kNow);
        QVERIFY(!banner.isFlashing());
        QCOMPARE(banner.flashIntervalMs(), 0);
        QVERIFY(banner.isFlashOn());

        // Acknowledged: steady, said in words, and Acknowledge has nothing left to do.
        Alarm acknowledged = highSpo2();
        acknowledged.acknowledged = true;
        banner.setAlarms({acknowledged}, SignalState::Normal, 0, kNow);
        QVERIFY(!banner.isFlashing());
        QVERIFY(banner.isFlashOn());
        QVERIFY(child(banner, "alarmText")->text().contains(QStringLiteral("ACKNOWLEDGED")));
        QVERIFY(!button(banner, "alarmAcknowledge")->isEnabled());

        // An acknowledged HIGH and an unacknowledged MEDIUM: the MEDIUM is shown (it needs action,
        // and Acknowledge acts on what is shown), flashing; the HIGH is named in the count.
        banner.setAlarms({acknowledged, mediumHeartRate()}, SignalState::Normal, 0, kNow);
        QCOMPARE(banner.topAlarm()->id, mediumHeartRate().id);
        QVERIFY(banner.isFlashing());
        QCOMPARE(child(banner, "alarmMore")->text(), QStringLiteral("+1 more alarm (highest HIGH ***)"));
        QVERIFY(button(banner, "alarmAcknowledge")->isEnabled());

        // ALARM PAUSED: steady.
        banner.setAlarms({highSpo2()}, SignalState::AlarmPaused, kNow + 60 * core::kMicrosPerSecond, kNow);
        QVERIFY(!banner.isFlashing());

        // A latched HIGH whose condition has gone says so.
        Alarm latched = highSpo2();
        latched.latched = true;
        latched.conditionPresent = false;
        banner.setAlarms({latched}, SignalState::Normal, 0, kNow);
        QVERIFY(banner.isFlashing());
        QVERIFY(child(banner, "alarmText")->text().contains(QStringLiteral("held until acknowledged")));
    }

    void signalState_data()
    {
        QTest::addColumn<int>("state");
        QTest::addColumn<qint64>("endsInMs");
        QTest::addColumn<QString>("expected");
        QTest::newRow("normal") << int(SignalState::Normal) << qint64(0) << QString();
        QTest::newRow("audio paused") << int(SignalState::AudioPaused) << qint64(105'000)
                                      << QStringLiteral("AUDIO PAUSED 1:45");
        QTest::newRow("audio paused, last second")
            << int(SignalState::AudioPaused) << qint64(400) << QStringLiteral("AUDIO PAUSED 0:01");
        QTest::newRow("alarm paused") << int(SignalState::AlarmPaused) << qint64(120'000)
                                      << QStringLiteral("ALARM PAUSED 2:00");
        QTest::newRow("alarm paused, no end")
            << int(SignalState::AlarmPaused) << qint64(-1) << QStringLiteral("ALARM PAUSED");
        QTest::newRow("audio off") << int(SignalState::AudioOff) << qint64(-1) << QStringLiteral("AUDIO OFF");
    }

    void signalState()
    {
        QFETCH(int, state);
        QFETCH(qint64, endsInMs);
        QFETCH(QString, expected);
        ui::ClinicalAlarmBanner banner;
        const core::Timestamp endsAt = endsInMs < 0 ? 0 : kNow + endsInMs * core::kMicrosPerMilli;
        banner.setAlarms({highSpo2()}, SignalState(state), endsAt, kNow);
        QCOMPARE(banner.signalStateText(), expected);
        QCOMPARE(child(banner, "alarmSignalState")->text(), expected);
        QCOMPARE(child(banner, "alarmSignalState")->isHidden(), expected.isEmpty());
        QCOMPARE(button(banner, "alarmAudioPause")->isEnabled(), SignalState(state) != SignalState::AudioOff);
    }

    void countdownRuns()
    {
        ui::ClinicalAlarmBanner banner;
        banner.setAlarms({highSpo2()}, SignalState::AudioPaused, kNow + 2 * core::kMicrosPerSecond, kNow);
        QCOMPARE(banner.signalStateText(), QStringLiteral("AUDIO PAUSED 0:02"));
        // No new setAlarms(): the banner counts down by itself.
        QTRY_COMPARE_WITH_TIMEOUT(child(banner, "alarmSignalState")->text(), QStringLiteral("AUDIO PAUSED 0:01"), 3000);
    }

    void lockedShowsNoPatientData()
    {
        ui::ClinicalAlarmBanner banner;
        banner.setNameProvider(&nameOf);
        banner.resize(1200, 60);
        banner.show();
        banner.setAlarms({highSpo2(), mediumHeartRate(), lowResp()}, SignalState::AudioPaused,
            kNow + 100 * core::kMicrosPerSecond, kNow);
        QVERIFY(allTexts(banner).join(QLatin1Char('\n')).contains(QStringLiteral("TEST, Alpha")));

        banner.setLocked(true);
        QVERIFY(banner.isVisible()); // alarms must still be noticed
        QVERIFY(banner.isLocked());
        const QString everything = allTexts(banner).join(QLatin1Char('\n')) + banner.text();
        for (const QString& secret : {QStringLiteral("TEST"), QStringLiteral("Alpha"), QStringLiteral("Bravo"),
                 QStringLiteral("Charlie"), QStringLiteral("SpO"), QStringLiteral("Heart rate"),
                 QStringLiteral("Respiration"), QStringLiteral("p1"), QStringLiteral("84")}) {
            QVERIFY2(!everything.contains(secret), qPrintable(secret));
        }
        QCOMPARE(child(banner, "alarmLocked")->text(), QStringLiteral("HIGH alarm active \u2014 unlock to see"));
        QCOMPARE(child(banner, "alarmPriority")->text(), QStringLiteral("HIGH ***"));
        QVERIFY(!child(banner, "alarmShape")->pixmap().isNull());
        QVERIFY(banner.isFlashing());
        QCOMPARE(banner.signalStateText(), QStringLiteral("AUDIO PAUSED 1:40"));
        // No action on an alarm the user cannot see.
        for (const char* name : {"alarmAcknowledge", "alarmAudioPause", "alarmOpenPatient", "alarmPause", "alarmReset"})
            QVERIFY(!button(banner, name)->isVisible());
        QSignalSpy acknowledge(&banner, &ui::ClinicalAlarmBanner::acknowledgeRequested);
        button(banner, "alarmAcknowledge")->click();
        QCOMPARE(acknowledge.count(), 0);

        // A refresh while locked shows no more.
        banner.setAlarms({highSpo2(), mediumHeartRate()}, SignalState::Normal, 0, kNow);
        const QString afterRefresh = allTexts(banner).join(QLatin1Char('\n')) + banner.text();
        QVERIFY(!afterRefresh.contains(QStringLiteral("TEST")));

        banner.setLocked(false);
        QCOMPARE(child(banner, "alarmPatient")->text(), QStringLiteral("TEST, Alpha"));
        QVERIFY(child(banner, "alarmLocked")->isHidden());
        QVERIFY(button(banner, "alarmAcknowledge")->isVisible());
    }

    void buttonsAndShortcuts()
    {
        QWidget window;
        auto* layout = new QVBoxLayout(&window);
        auto* banner = new ui::ClinicalAlarmBanner(&window);
        layout->addWidget(banner);
        layout->addStretch();
        banner->setNameProvider(&nameOf);
        banner->setAlarms({mediumHeartRate(), highSpo2()}, SignalState::Normal, 0, kNow);
        window.resize(1200, 120);
        window.show();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));

        QSignalSpy acknowledge(banner, &ui::ClinicalAlarmBanner::acknowledgeRequested);
        QSignalSpy audioPause(banner, &ui::ClinicalAlarmBanner::audioPauseRequested);
        QSignalSpy open(banner, &ui::ClinicalAlarmBanner::openPatientRequested);

        QTest::mouseClick(button(*banner, "alarmAcknowledge"), Qt::LeftButton);
        QCOMPARE(acknowledge.count(), 1);
        QCOMPARE(acknowledge.at(0).at(0).toString(), highSpo2().id);
        QTest::mouseClick(button(*banner, "alarmAudioPause"), Qt::LeftButton);
        QCOMPARE(audioPause.count(), 1);
        QTest::mouseClick(button(*banner, "alarmOpenPatient"), Qt::LeftButton);
        QCOMPARE(open.count(), 1);
        QCOMPARE(open.at(0).at(0).toString(), QStringLiteral("p1"));

        // The same from the keyboard (a button's shortcut animates a click: clicked() comes ~100 ms later).
        QTest::keyClick(&window, Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE(acknowledge.count(), 2);
        QCOMPARE(acknowledge.at(1).at(0).toString(), highSpo2().id);
        QTest::keyClick(&window, Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE(audioPause.count(), 2);
        QTest::keyClick(&window, Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE(open.count(), 2);
        QCOMPARE(open.at(1).at(0).toString(), QStringLiteral("p1"));

        // A workstation-wide technical alarm has no patient to open.
        Alarm link = makeAlarm(
            QString(), Alarm::Condition::LinkDown, core::VitalKind::HeartRate, AlarmPriority::Medium, 0, 0, kNow);
        banner->setAlarms({link}, SignalState::Normal, 0, kNow);
        QCOMPARE(child(*banner, "alarmPatient")->text(), QStringLiteral("Workstation"));
        QVERIFY(!button(*banner, "alarmOpenPatient")->isEnabled());
        QTest::keyClick(&window, Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(!button(*banner, "alarmOpenPatient")->isDown()); // no animated click started
        QCOMPARE(open.count(), 2);
    }

    void pauseAlarmsAndReset()
    {
        QWidget window;
        auto* layout = new QVBoxLayout(&window);
        auto* banner = new ui::ClinicalAlarmBanner(&window);
        layout->addWidget(banner);
        layout->addStretch();
        banner->setNameProvider(&nameOf);
        Alarm latched = highSpo2();
        latched.latched = true;
        latched.conditionPresent = false;
        banner->setAlarms({latched, mediumHeartRate()}, SignalState::Normal, 0, kNow);
        window.resize(1400, 120);
        window.show();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));

        QPushButton* pause = button(*banner, "alarmPause");
        QPushButton* reset = button(*banner, "alarmReset");
        QVERIFY(pause && reset);
        QCOMPARE(pause->text(), QStringLiteral("Pause alarms 2 min"));
        QCOMPARE(reset->text(), QStringLiteral("Alarm reset"));
        QCOMPARE(pause->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
        QCOMPARE(reset->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
        QVERIFY(pause->isVisible() && pause->isEnabled());
        QVERIFY(reset->isVisible() && reset->isEnabled());
        QCOMPARE(pause->focusPolicy() & Qt::TabFocus, Qt::TabFocus); // reachable with Tab
        QVERIFY(pause->toolTip().contains(QStringLiteral("ALARM PAUSED")));
        QVERIFY(reset->toolTip().contains(QStringLiteral("ALARM RESET")));

        QSignalSpy paused(banner, &ui::ClinicalAlarmBanner::alarmPauseRequested);
        QSignalSpy resetSpy(banner, &ui::ClinicalAlarmBanner::alarmResetRequested);
        QSignalSpy audioPause(banner, &ui::ClinicalAlarmBanner::audioPauseRequested);
        QTest::mouseClick(pause, Qt::LeftButton);
        QCOMPARE(paused.count(), 1);
        QTest::mouseClick(reset, Qt::LeftButton);
        QCOMPARE(resetSpy.count(), 1);
        QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE(paused.count(), 2);
        QTest::keyClick(&window, Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE(resetSpy.count(), 2);
        QCOMPARE(audioPause.count(), 0); // each button asks for its own state only

        // Tab reaches them, and Space presses the focused one.
        pause->setFocus();
        QTest::keyClick(pause, Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(reset));
        QTest::keyClick(reset, Qt::Key_Space);
        QCOMPARE(resetSpy.count(), 3);

        // Locked: gone, and their shortcuts with them.
        banner->setLocked(true);
        QVERIFY(!pause->isVisible() && !reset->isVisible());
        QTest::keyClick(&window, Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
        QTest::qWait(200);
        QCOMPARE(resetSpy.count(), 3);
    }

    void stateBesideAcknowledgedAlarms_data()
    {
        QTest::addColumn<int>("state");
        QTest::addColumn<qint64>("endsInMs");
        QTest::addColumn<QString>("expected");
        QTest::newRow("audio off") << int(SignalState::AudioOff) << qint64(-1) << QStringLiteral("AUDIO OFF");
        QTest::newRow("alarm paused") << int(SignalState::AlarmPaused) << qint64(90'000)
                                      << QStringLiteral("ALARM PAUSED 1:30");
    }

    void stateBesideAcknowledgedAlarms()
    {
        QFETCH(int, state);
        QFETCH(qint64, endsInMs);
        QFETCH(QString, expected);
        Alarm first = highSpo2();
        first.acknowledged = true;
        Alarm second = mediumHeartRate();
        second.acknowledged = true;
        ui::ClinicalAlarmBanner banner;
        banner.setNameProvider(&nameOf);
        const core::Timestamp endsAt = endsInMs < 0 ? 0 : kNow + endsInMs * core::kMicrosPerMilli;
        banner.setAlarms({first, second}, SignalState(state), endsAt, kNow);
        QVERIFY(!banner.isHidden());
        QVERIFY(!banner.isShowingStateOnly());
        QCOMPARE(banner.topAlarm()->id, highSpo2().id);
        QCOMPARE(child(banner, "alarmSignalState")->text(), expected);
        QVERIFY(!child(banner, "alarmSignalState")->isHidden());
        // In the state line's cyan, not the dim text of an ordinary state.
        QVERIFY(child(banner, "alarmSignalState")->styleSheet().contains(QStringLiteral("#4dd0e1")));
        QVERIFY(banner.text().endsWith(QStringLiteral(" \u2014 ") + expected));
        QVERIFY(child(banner, "alarmText")->text().contains(QStringLiteral("ACKNOWLEDGED")));
        QVERIFY(!banner.isFlashing());
    }

    void stateOnlyWithoutAlarms()
    {
        QWidget window;
        auto* layout = new QVBoxLayout(&window);
        auto* banner = new ui::ClinicalAlarmBanner(&window);
        layout->addWidget(banner);
        window.resize(1200, 100);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // AUDIO OFF with no alarm: still shown, so nobody forgets that alarms will not sound.
        banner->setAlarms({}, SignalState::AudioOff, 0, kNow);
        QVERIFY(banner->isVisible());
        QVERIFY(banner->isShowingStateOnly());
        QCOMPARE(banner->text(), QStringLiteral("AUDIO OFF \u2014 alarms will not sound"));
        QCOMPARE(child(*banner, "alarmStateOnly")->text(), QStringLiteral("AUDIO OFF \u2014 alarms will not sound"));
        QCOMPARE(banner->signalStateText(), QStringLiteral("AUDIO OFF"));
        QVERIFY(!banner->topAlarm());
        QVERIFY(!banner->isFlashing());
        QVERIFY(!banner->findChild<QWidget*>(QStringLiteral("alarmIndicator"))->isVisible());
        for (const char* name : {"alarmAcknowledge", "alarmAudioPause", "alarmOpenPatient", "alarmPause", "alarmReset"})
            QVERIFY(!button(*banner, name)->isVisible());
        QVERIFY(banner->accessibleDescription().contains(QStringLiteral("AUDIO OFF")));

        // Locked: the same line (it holds no patient data).
        banner->setLocked(true);
        QCOMPARE(banner->text(), QStringLiteral("AUDIO OFF \u2014 alarms will not sound"));
        banner->setLocked(false);

        // ALARM PAUSED with no alarm: with its countdown, which keeps running.
        banner->setAlarms({}, SignalState::AlarmPaused, kNow + 2 * core::kMicrosPerSecond, kNow);
        QCOMPARE(
            banner->text(), QStringLiteral("ALARM PAUSED 0:02 \u2014 new alarms will not sound or flash until then"));
        QTRY_COMPARE_WITH_TIMEOUT(child(*banner, "alarmStateOnly")->text(),
            QStringLiteral("ALARM PAUSED 0:01 \u2014 new alarms will not sound or flash until then"), 3000);

        // An alarm comes: the ordinary banner, the state beside it.
        banner->setAlarms({highSpo2()}, SignalState::AudioOff, 0, kNow);
        QVERIFY(!banner->isShowingStateOnly());
        QVERIFY(child(*banner, "alarmStateOnly")->isHidden());
        QVERIFY(banner->findChild<QWidget*>(QStringLiteral("alarmIndicator"))->isVisible());
        QCOMPARE(child(*banner, "alarmSignalState")->text(), QStringLiteral("AUDIO OFF"));
        QVERIFY(banner->isFlashing());

        // Normal, or AUDIO PAUSED (which ends with the alarms it paused), with no alarm: hidden.
        banner->setAlarms({}, SignalState::Normal, 0, kNow);
        QVERIFY(!banner->isVisible());
        QVERIFY(banner->text().isEmpty());
        banner->setAlarms({}, SignalState::AudioPaused, kNow + 60 * core::kMicrosPerSecond, kNow);
        QVERIFY(!banner->isVisible());
    }

    void hiddenWhenEmpty()
    {
        QWidget window;
        auto* layout = new QVBoxLayout(&window);
        auto* banner = new ui::ClinicalAlarmBanner(&window);
        layout->addWidget(banner);
        window.show();
        QVERIFY(!banner->isVisible());
        banner->setAlarms({highSpo2()}, SignalState::Normal, 0, kNow);
        QVERIFY(banner->isVisible());
        banner->setAlarms({}, SignalState::AudioPaused, kNow + core::kMicrosPerSecond, kNow);
        QVERIFY(!banner->isVisible());
        QVERIFY(banner->text().isEmpty());
        QVERIFY(!banner->isFlashing());
        QVERIFY(!banner->topAlarm());
    }

    void screenshot()
    {
        // Several states, one under the other, as a reviewer would want to see them.
        struct Shot
        {
            std::vector<Alarm> alarms;
            SignalState state = SignalState::Normal;
            core::Timestamp endsAt = 0;
            bool locked = false;
            bool waitForOff = false;
        };
        Alarm acknowledged = mediumHeartRate();
        acknowledged.acknowledged = true;
        const std::vector<Shot> shots = {
            {{highSpo2(), mediumHeartRate(), lowResp()}, SignalState::AudioPaused, kNow + 105 * core::kMicrosPerSecond,
                false, false},
            {{highSpo2(), mediumHeartRate(), lowResp()}, SignalState::AudioPaused, kNow + 105 * core::kMicrosPerSecond,
                false, true},
            {{mediumHeartRate()}, SignalState::Normal, 0, false, false},
            {{acknowledged}, SignalState::AudioOff, 0, false, false},
            {{staleFeed(), lowResp()}, SignalState::Normal, 0, false, false},
            {{lowResp()}, SignalState::AlarmPaused, kNow + 60 * core::kMicrosPerSecond, false, false},
            {{highSpo2(), mediumHeartRate()}, SignalState::Normal, 0, true, false},
            {{}, SignalState::AudioOff, 0, false, false},
            {{}, SignalState::AlarmPaused, kNow + 95 * core::kMicrosPerSecond, false, false},
        };
        std::vector<QImage> images;
        for (const Shot& shot : shots) {
            ui::ClinicalAlarmBanner banner;
            banner.setNameProvider(&nameOf);
            banner.resize(1500, banner.sizeHint().height());
            banner.setAlarms(shot.alarms, shot.state, shot.endsAt, kNow);
            banner.setLocked(shot.locked);
            banner.show();
            QVERIFY(QTest::qWaitForWindowExposed(&banner));
            if (shot.waitForOff)
                QTRY_VERIFY_WITH_TIMEOUT(!banner.isFlashOn(), 2000);
            images.push_back(banner.grab().toImage());
        }
        int height = 0;
        int width = 0;
        for (const QImage& image : images) {
            height += image.height() + 8;
            width = std::max(width, image.width());
        }
        QImage sheet(width, height, QImage::Format_RGB32);
        sheet.fill(QColor(0x0b, 0x0f, 0x14));
        QPainter p(&sheet);
        int y = 0;
        for (const QImage& image : images) {
            p.drawImage(0, y, image);
            y += image.height() + 8;
        }
        p.end();
        QVERIFY(sheet.save(QStringLiteral("tst_clinicalalarmbanner.png")));
    }
};

QTEST_MAIN(TestClinicalAlarmBanner)
#include "tst_clinicalalarmbanner.moc"
