// The per-patient alarm limits editor: a threshold edited through its spin box from the keyboard,
// OK held back until there is a reason and no problem, an inverted HIGH/MEDIUM pair shown in words,
// the programme switch loading its defaults (and asking first when the table has edits), restoring
// the defaults, the resulting limits and their audit line. Saves /tmp/alarmlimits.png.

#include "alarmlimitsdialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>
#include <QTimer>

using namespace vigil;
using clinical::AlarmLimits;
using clinical::AlarmPriority;
using core::VitalKind;
using Direction = AlarmLimits::Direction;
using Programme = AlarmLimits::Programme;
using Rule = AlarmLimits::Rule;

namespace {

const QString kTitle = QStringLiteral("TEST, Alpha"); // made up: no real data in tests

AlarmLimits withThreshold(
    const AlarmLimits& limits, VitalKind kind, Direction direction, AlarmPriority::Level level, double threshold)
{
    std::vector<Rule> rules = limits.rules();
    for (Rule& r : rules) {
        if (r.kind == kind && r.direction == direction && r.priority == level)
            r.threshold = threshold;
    }
    return AlarmLimits::withRules(limits.programme(), rules);
}

// Replaces the spin box's text from the keyboard, as a clinician would.
void typeInto(QDoubleSpinBox* box, const QString& text)
{
    box->setFocus();
    QTest::keyClick(box, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(box, text);
}

// Answers the next modal message box with the button of that object name.
void answerNextQuestion(const QString& buttonName, QString* question)
{
    QTimer::singleShot(0, qApp, [buttonName, question] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        QVERIFY(box);
        *question = box->text();
        auto* button = box->findChild<QPushButton*>(buttonName);
        QVERIFY(button);
        button->click();
    });
}

} // namespace

class TestAlarmLimitsDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsTheCurrentLimits()
    {
        const AlarmLimits general = AlarmLimits::defaults(Programme::General);
        ui::AlarmLimitsDialog dialog(general, kTitle);
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Alarm limits \u2014 TEST, Alpha"));
        QCOMPARE(dialog.programmeBox()->currentText(), QStringLiteral("General"));
        QCOMPARE(dialog.programmeBox()->count(), 3);
        QCOMPARE(dialog.rowCount(), 14);
        QVERIFY(dialog.limits() == general);

        const int row = dialog.rowOf(VitalKind::SpO2, Direction::Below, AlarmPriority::Medium);
        QVERIFY(row >= 0);
        QCOMPARE(dialog.thresholdBox(row)->value(), 92.0);
        QCOMPARE(dialog.thresholdBox(row)->suffix(), QStringLiteral(" %"));
        QCOMPARE(dialog.thresholdBox(row)->decimals(), 0);
        QCOMPARE(dialog.priorityBox(row)->currentText(), QStringLiteral("MEDIUM"));
        QCOMPARE(dialog.delayBox(row)->value(), 30);
        QCOMPARE(dialog.thresholdBox(row)->accessibleName(), QStringLiteral("SpO\u2082 below, MEDIUM: threshold"));
        const int temp = dialog.rowOf(VitalKind::Temperature, Direction::Above, AlarmPriority::Medium);
        QCOMPARE(dialog.thresholdBox(temp)->decimals(), 1);
        QCOMPARE(dialog.thresholdBox(temp)->value(), 39.0);

        // Nothing to save without a reason; nothing to restore while at the defaults.
        QVERIFY(!dialog.okButton()->isEnabled());
        QVERIFY(!dialog.restoreButton()->isEnabled());
        QCOMPARE(dialog.statusLabel()->text(), QStringLiteral("Give the reason for the change to save it."));
    }

    void editThresholdNeedsAReason()
    {
        const AlarmLimits general = AlarmLimits::defaults(Programme::General);
        ui::AlarmLimitsDialog dialog(general, kTitle);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const int row = dialog.rowOf(VitalKind::SpO2, Direction::Below, AlarmPriority::Medium);
        typeInto(dialog.thresholdBox(row), QStringLiteral("90"));
        QCOMPARE(dialog.thresholdBox(row)->value(), 90.0);
        QVERIFY(
            dialog.limits() == withThreshold(general, VitalKind::SpO2, Direction::Below, AlarmPriority::Medium, 90));
        QVERIFY(dialog.problems().isEmpty());
        QVERIFY(!dialog.okButton()->isEnabled()); // no reason yet
        QVERIFY(dialog.restoreButton()->isEnabled());

        dialog.reasonField()->setFocus();
        QTest::keyClicks(dialog.reasonField(), QStringLiteral("   "));
        QVERIFY(!dialog.okButton()->isEnabled()); // blanks are not a reason
        QTest::keyClicks(dialog.reasonField(), QStringLiteral("fewer false alarms, stable on review"));
        QVERIFY(dialog.okButton()->isEnabled());
        QCOMPARE(dialog.reason(), QStringLiteral("fewer false alarms, stable on review"));
        QCOMPARE(dialog.statusLabel()->text(), QStringLiteral("1 rule(s) differ from the patient's current limits."));

        QTest::mouseClick(dialog.okButton(), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(AlarmLimits::describeChanges(general, dialog.limits()),
            QStringLiteral("programme general; spo2 below medium 92->90"));
    }

    void invertedThresholdsBlockOk()
    {
        ui::AlarmLimitsDialog dialog(AlarmLimits::defaults(Programme::General), kTitle);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.reasonField()->setText(QStringLiteral("test"));
        QVERIFY(dialog.okButton()->isEnabled());

        const int high = dialog.rowOf(VitalKind::SpO2, Direction::Below, AlarmPriority::High);
        typeInto(dialog.thresholdBox(high), QStringLiteral("95"));
        const QString problem = QStringLiteral(
            "SpO\u2082 below: the HIGH threshold (95 %) must be at or below the MEDIUM threshold (92 %).");
        QCOMPARE(dialog.problems(), QStringList{problem});
        QVERIFY(dialog.statusLabel()->isVisible());
        QCOMPARE(dialog.statusLabel()->text(), problem);
        QVERIFY(!dialog.okButton()->isEnabled());
        // Enter (the default button) does not get round it.
        QTest::keyClick(dialog.thresholdBox(high), Qt::Key_Return);
        QVERIFY(dialog.isVisible());

        // Swapping the priorities of the two rules is also caught: two MEDIUM rules.
        typeInto(dialog.thresholdBox(high), QStringLiteral("88"));
        QVERIFY(dialog.problems().isEmpty());
        dialog.priorityBox(high)->setCurrentIndex(dialog.priorityBox(high)->findData(int(AlarmPriority::Medium)));
        QCOMPARE(dialog.problems(),
            QStringList{QStringLiteral("SpO\u2082 below: 2 rules are MEDIUM; keep one rule per priority.")});
        QVERIFY(!dialog.okButton()->isEnabled());
        dialog.priorityBox(high)->setCurrentIndex(dialog.priorityBox(high)->findData(int(AlarmPriority::High)));
        QVERIFY(dialog.okButton()->isEnabled());
    }

    void programmeSwitchLoadsDefaults()
    {
        ui::AlarmLimitsDialog dialog(AlarmLimits::defaults(Programme::General), kTitle);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        // Unedited: no question, COPD's defaults at once.
        dialog.programmeBox()->setCurrentIndex(dialog.programmeBox()->findData(int(Programme::Copd)));
        QCOMPARE(dialog.programmeBox()->currentText(), QStringLiteral("COPD"));
        const int high = dialog.rowOf(VitalKind::SpO2, Direction::Below, AlarmPriority::High);
        const int medium = dialog.rowOf(VitalKind::SpO2, Direction::Below, AlarmPriority::Medium);
        QCOMPARE(dialog.thresholdBox(high)->value(), 84.0);
        QCOMPARE(dialog.thresholdBox(medium)->value(), 86.0);
        QVERIFY(dialog.limits() == AlarmLimits::defaults(Programme::Copd));

        // Edited, then another programme: asked first; "keep" keeps both the edit and the programme.
        typeInto(dialog.thresholdBox(medium), QStringLiteral("87"));
        QString question;
        answerNextQuestion(QStringLiteral("keepLimits"), &question);
        dialog.programmeBox()->setCurrentIndex(dialog.programmeBox()->findData(int(Programme::HeartFailure)));
        QVERIFY(question.contains(QStringLiteral("Heart failure")));
        QCOMPARE(dialog.programmeBox()->currentText(), QStringLiteral("COPD"));
        const AlarmLimits expected = withThreshold(
            AlarmLimits::defaults(Programme::Copd), VitalKind::SpO2, Direction::Below, AlarmPriority::Medium, 87);
        QVERIFY(dialog.limits() == expected);

        // The result: COPD with SpO2 MEDIUM at 87, against the patient's General limits.
        dialog.reasonField()->setText(QStringLiteral("COPD, target 88-92 %"));
        QVERIFY(dialog.okButton()->isEnabled());
        QCOMPARE(AlarmLimits::describeChanges(AlarmLimits::defaults(Programme::General), dialog.limits()),
            QStringLiteral("programme general->copd; spo2 below high 88->84; spo2 below medium 92->87; "
                           "rr above medium 24->28"));
        QCOMPARE(dialog.thresholdBox(medium)->value(), 87.0);

        // "Load" replaces the edits with the other programme's defaults.
        answerNextQuestion(QStringLiteral("loadDefaults"), &question);
        dialog.programmeBox()->setCurrentIndex(dialog.programmeBox()->findData(int(Programme::HeartFailure)));
        QCOMPARE(dialog.programmeBox()->currentText(), QStringLiteral("Heart failure"));
        QVERIFY(dialog.limits() == AlarmLimits::defaults(Programme::HeartFailure));
        QCOMPARE(
            dialog.thresholdBox(dialog.rowOf(VitalKind::SystolicBp, Direction::Below, AlarmPriority::High))->value(),
            85.0);
    }

    void restoreDefaults()
    {
        // The patient's own limits (customised COPD): restore gives COPD's defaults back.
        const AlarmLimits custom = withThreshold(
            AlarmLimits::defaults(Programme::Copd), VitalKind::HeartRate, Direction::Above, AlarmPriority::Medium, 115);
        ui::AlarmLimitsDialog dialog(custom, kTitle);
        QVERIFY(dialog.limits() == custom);
        QVERIFY(dialog.restoreButton()->isEnabled());
        const int row = dialog.rowOf(VitalKind::HeartRate, Direction::Above, AlarmPriority::Medium);
        QCOMPARE(dialog.thresholdBox(row)->value(), 115.0);
        dialog.restoreButton()->click();
        QVERIFY(dialog.limits() == AlarmLimits::defaults(Programme::Copd));
        QCOMPARE(
            dialog.thresholdBox(dialog.rowOf(VitalKind::HeartRate, Direction::Above, AlarmPriority::Medium))->value(),
            130.0);
        QVERIFY(!dialog.restoreButton()->isEnabled());
    }

    void keyboard()
    {
        ui::AlarmLimitsDialog dialog(AlarmLimits::defaults(Programme::General), kTitle);
        dialog.show();
        QApplication::setActiveWindow(&dialog);
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        QCOMPARE(QApplication::focusWidget(), dialog.programmeBox());
        // Tab: programme, restore (disabled: skipped), then the first rule's threshold, priority, delay.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(dialog.thresholdBox(0)));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(dialog.priorityBox(0)));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(dialog.delayBox(0)));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(dialog.thresholdBox(1)));
        // The arrow keys step a threshold.
        const double before = dialog.thresholdBox(1)->value();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Up);
        QCOMPARE(dialog.thresholdBox(1)->value(), before + 1);
        // Alt+R: the reason.
        QTest::keyClick(&dialog, Qt::Key_R, Qt::AltModifier);
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(dialog.reasonField()));
        QTest::keyClicks(dialog.reasonField(), QStringLiteral("keyboard"));
        QVERIFY(dialog.okButton()->isEnabled());
        // The mouse wheel over a threshold does not change it.
        QWheelEvent wheel(QPointF(5, 5), dialog.thresholdBox(2)->mapToGlobal(QPointF(5, 5)), QPoint(), QPoint(0, 120),
            Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        const double third = dialog.thresholdBox(2)->value();
        QApplication::sendEvent(dialog.thresholdBox(2), &wheel);
        QCOMPARE(dialog.thresholdBox(2)->value(), third);
        QTest::keyClick(dialog.reasonField(), Qt::Key_Return);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void screenshot()
    {
        const AlarmLimits custom = withThreshold(
            AlarmLimits::defaults(Programme::Copd), VitalKind::SpO2, Direction::Below, AlarmPriority::High, 87);
        ui::AlarmLimitsDialog dialog(AlarmLimits::defaults(Programme::Copd), kTitle);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        typeInto(dialog.thresholdBox(dialog.rowOf(VitalKind::SpO2, Direction::Below, AlarmPriority::High)),
            QStringLiteral("87"));
        QVERIFY(dialog.limits() == custom);
        QVERIFY(!dialog.problems().isEmpty()); // HIGH 87 over MEDIUM 86: shown in the picture
        QVERIFY(dialog.grab().save(QStringLiteral("/tmp/alarmlimits.png")));
    }
};

QTEST_MAIN(TestAlarmLimitsDialog)
#include "tst_alarmlimitsdialog.moc"
