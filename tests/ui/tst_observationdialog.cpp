// The clinician's observation dialog: typed values checked against the physiological ranges (OK
// disabled, with words saying why), consciousness and air/oxygen, and the SpO2 scale that needs a
// reason to change; what it returns.
#include "observationdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>

using vigil::clinical::News2;
using vigil::ui::ObservationDialog;
using Parameter = News2::Parameter;

class TestObservationDialog : public QObject
{
    Q_OBJECT

private:
    static bool okEnabled(const ObservationDialog& d)
    {
        return d.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->isEnabled();
    }

private Q_SLOTS:
    void nothingEnteredIsNotOk()
    {
        ObservationDialog d(News2::Scale::One);
        QVERIFY(!okEnabled(d));
        QVERIFY(d.problem().contains(QStringLiteral("at least one")));
    }

    void valuesAreCheckedAsTyped()
    {
        ObservationDialog d(News2::Scale::One);
        QTest::keyClicks(d.field(Parameter::Temperature), QStringLiteral("98.6"));
        QVERIFY(!okEnabled(d));
        QVERIFY(d.problem().contains(QStringLiteral("Temperature")));
        d.field(Parameter::Temperature)->clear();
        QTest::keyClicks(d.field(Parameter::Temperature), QStringLiteral("38.05"));
        QVERIFY(okEnabled(d));
        QTest::keyClicks(d.field(Parameter::RespirationRate), QStringLiteral("2e1"));
        QVERIFY(!okEnabled(d)); // not a plain decimal
        d.field(Parameter::RespirationRate)->clear();
        QTest::keyClicks(d.field(Parameter::RespirationRate), QStringLiteral("22"));
        d.consciousnessBox()->setCurrentIndex(d.consciousnessBox()->findData(int(News2::Acvpu::NewConfusion)));
        d.oxygenBox()->setCurrentIndex(d.oxygenBox()->findData(true));
        QVERIFY(okEnabled(d));
        const auto o = d.observations();
        QCOMPARE(o.temperature, std::optional<double>(38.05));
        QCOMPARE(o.respirationRate, std::optional<double>(22));
        QVERIFY(!o.spo2);
        QCOMPARE(o.consciousness, std::optional<News2::Acvpu>(News2::Acvpu::NewConfusion));
        QCOMPARE(o.onOxygen, std::optional<bool>(true));
        QVERIFY(!o.scaleChanged);
    }

    void scaleTwoNeedsAReason()
    {
        ObservationDialog d(News2::Scale::One);
        d.scaleBox()->setCurrentIndex(1);
        QVERIFY(!okEnabled(d));
        QVERIFY(d.problem().contains(QStringLiteral("scale")));
        QTest::keyClicks(d.scaleReasonEdit(), QStringLiteral("Target 88-92 % prescribed by the respiratory team"));
        QVERIFY(okEnabled(d));
        const auto o = d.observations();
        QVERIFY(o.scaleChanged);
        QCOMPARE(o.scale, News2::Scale::Two);
        QVERIFY(o.scaleReason.contains(QStringLiteral("respiratory")));
        // Already on Scale 2: no change, no reason needed.
        ObservationDialog already(News2::Scale::Two);
        QTest::keyClicks(already.field(Parameter::SpO2), QStringLiteral("90"));
        QVERIFY(okEnabled(already));
        QVERIFY(!already.observations().scaleChanged);
    }
};

QTEST_MAIN(TestObservationDialog)
#include "tst_observationdialog.moc"
