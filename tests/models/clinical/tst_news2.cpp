// NEWS2 against the chart in CLINICAL.md (RCP 2017). The expected scores come from the chart's
// printed ranges, written here as tables of (lowest, highest, score) and checked at every whole
// value (every tenth for temperature) across the scored range, so every boundary of every parameter
// is covered on both SpO2 scales, on air and on oxygen; then decimal readings between the printed
// ranges, ACVPU, incomplete sets, bands, responses and the worked cases.
#include "clinical/news2.h"

#include <QTest>

#include <vector>

using vigil::clinical::News2;
using Acvpu = News2::Acvpu;
using Band = News2::Band;
using Parameter = News2::Parameter;
using Scale = News2::Scale;

namespace {

struct Row
{
    int low; // inclusive, in the chart's unit (tenths of °C for temperature)
    int high;
    int score;
};

// The chart, row by row (CLINICAL.md).
const std::vector<Row> kRespiration{{1, 8, 3}, {9, 11, 1}, {12, 20, 0}, {21, 24, 2}, {25, 80, 3}};
const std::vector<Row> kSpo2Scale1{{40, 91, 3}, {92, 93, 2}, {94, 95, 1}, {96, 100, 0}};
const std::vector<Row> kSpo2Scale2Air{{40, 83, 3}, {84, 85, 2}, {86, 87, 1}, {88, 100, 0}};
const std::vector<Row> kSpo2Scale2Oxygen{
    {40, 83, 3}, {84, 85, 2}, {86, 87, 1}, {88, 92, 0}, {93, 94, 1}, {95, 96, 2}, {97, 100, 3}};
const std::vector<Row> kSystolic{{40, 90, 3}, {91, 100, 2}, {101, 110, 1}, {111, 219, 0}, {220, 300, 3}};
const std::vector<Row> kPulse{{20, 40, 3}, {41, 50, 1}, {51, 90, 0}, {91, 110, 1}, {111, 130, 2}, {131, 300, 3}};
const std::vector<Row> kTemperatureTenths{{250, 350, 3}, {351, 360, 1}, {361, 380, 0}, {381, 390, 1}, {391, 450, 2}};

int chartScore(const std::vector<Row>& chart, int value)
{
    for (const Row& r : chart) {
        if (value >= r.low && value <= r.high)
            return r.score;
    }
    qFatal("value %d is not on the chart", value);
}

// A complete, all-zero set on Scale 1 and air, to vary one parameter at a time.
News2::Input normal()
{
    News2::Input in;
    in.respirationRate = 16;
    in.spo2 = 97;
    in.onOxygen = false;
    in.systolicBp = 120;
    in.pulse = 72;
    in.consciousness = Acvpu::Alert;
    in.temperature = 37.0;
    return in;
}

// `in` with one numeric reading set.
News2::Input with(News2::Input in, Parameter p, double value)
{
    switch (p) {
    case Parameter::RespirationRate:
        in.respirationRate = value;
        break;
    case Parameter::SpO2:
        in.spo2 = value;
        break;
    case Parameter::SystolicBp:
        in.systolicBp = value;
        break;
    case Parameter::Pulse:
        in.pulse = value;
        break;
    case Parameter::Temperature:
        in.temperature = value;
        break;
    case Parameter::AirOrOxygen:
    case Parameter::Consciousness:
        qFatal("not a numeric reading");
    }
    return in;
}

News2::Result scored(const News2::Input& in)
{
    QString error;
    const auto r = News2::score(in, &error);
    if (!r)
        qFatal("not scored: %s", qPrintable(error));
    return *r;
}

} // namespace

class TestNews2 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyWholeValueOfEveryParameter()
    {
        struct Case
        {
            Parameter parameter;
            const std::vector<Row>* chart;
            Scale scale;
            bool oxygen;
        };
        const std::vector<Case> cases{{Parameter::RespirationRate, &kRespiration, Scale::One, false},
            {Parameter::SpO2, &kSpo2Scale1, Scale::One, false}, {Parameter::SpO2, &kSpo2Scale1, Scale::One, true},
            {Parameter::SpO2, &kSpo2Scale2Air, Scale::Two, false},
            {Parameter::SpO2, &kSpo2Scale2Oxygen, Scale::Two, true},
            {Parameter::SystolicBp, &kSystolic, Scale::One, false}, {Parameter::Pulse, &kPulse, Scale::One, false},
            {Parameter::Temperature, &kTemperatureTenths, Scale::One, false}};
        int checked = 0;
        for (const Case& c : cases) {
            for (int v = c.chart->front().low; v <= c.chart->back().high; ++v) {
                News2::Input in = normal();
                in.scale = c.scale;
                in.onOxygen = c.oxygen;
                in = with(in, c.parameter, c.parameter == Parameter::Temperature ? v / 10.0 : v);
                const News2::Result r = scored(in);
                const int expected = chartScore(*c.chart, v);
                const auto& component = r.component(c.parameter);
                if (component.score != expected) {
                    QFAIL(qPrintable(QStringLiteral("%1 = %2 (scale %3, %4): score %5, chart says %6")
                                         .arg(News2::key(c.parameter))
                                         .arg(v)
                                         .arg(c.scale == Scale::One ? 1 : 2)
                                         .arg(c.oxygen ? u"oxygen" : u"air")
                                         .arg(component.score)
                                         .arg(expected)));
                }
                QVERIFY(r.complete);
                // The rest of the set scores 0, except the +2 for oxygen.
                QCOMPARE(r.total, expected + (c.oxygen ? 2 : 0));
                QCOMPARE(r.redScore, expected == 3);
                ++checked;
            }
        }
        QCOMPARE(checked, 80 + 61 * 4 + 261 + 281 + 201);
    }

    void decimalsBetweenThePrintedRanges_data()
    {
        QTest::addColumn<int>("parameter");
        QTest::addColumn<double>("value");
        QTest::addColumn<int>("score");
        // Rounded once, half-up in decimal, then scored (CLINICAL.md rule 2).
        QTest::newRow("temp 35.04 -> 35.0") << int(Parameter::Temperature) << 35.04 << 3;
        QTest::newRow("temp 35.05 -> 35.1") << int(Parameter::Temperature) << 35.05 << 1;
        QTest::newRow("temp 36.04 -> 36.0") << int(Parameter::Temperature) << 36.04 << 1;
        QTest::newRow("temp 36.05 -> 36.1") << int(Parameter::Temperature) << 36.05 << 0;
        QTest::newRow("temp 37.05 -> 37.1") << int(Parameter::Temperature) << 37.05 << 0;
        QTest::newRow("temp 38.04 -> 38.0") << int(Parameter::Temperature) << 38.04 << 0;
        QTest::newRow("temp 38.05 -> 38.1") << int(Parameter::Temperature) << 38.05 << 1;
        QTest::newRow("temp 39.04 -> 39.0") << int(Parameter::Temperature) << 39.04 << 1;
        QTest::newRow("temp 39.05 -> 39.1") << int(Parameter::Temperature) << 39.05 << 2;
        QTest::newRow("rr 8.4 -> 8") << int(Parameter::RespirationRate) << 8.4 << 3;
        QTest::newRow("rr 8.5 -> 9") << int(Parameter::RespirationRate) << 8.5 << 1;
        QTest::newRow("rr 20.49 -> 20") << int(Parameter::RespirationRate) << 20.49 << 0;
        QTest::newRow("rr 20.5 -> 21") << int(Parameter::RespirationRate) << 20.5 << 2;
        QTest::newRow("rr 24.5 -> 25") << int(Parameter::RespirationRate) << 24.5 << 3;
        QTest::newRow("spo2 95.5 -> 96") << int(Parameter::SpO2) << 95.5 << 0;
        QTest::newRow("spo2 95.4 -> 95") << int(Parameter::SpO2) << 95.4 << 1;
        QTest::newRow("spo2 91.5 -> 92") << int(Parameter::SpO2) << 91.5 << 2;
        QTest::newRow("sbp 90.5 -> 91") << int(Parameter::SystolicBp) << 90.5 << 2;
        QTest::newRow("sbp 219.5 -> 220") << int(Parameter::SystolicBp) << 219.5 << 3;
        QTest::newRow("sbp 219.4 -> 219") << int(Parameter::SystolicBp) << 219.4 << 0;
        QTest::newRow("hr 40.5 -> 41") << int(Parameter::Pulse) << 40.5 << 1;
        QTest::newRow("hr 90.5 -> 91") << int(Parameter::Pulse) << 90.5 << 1;
        QTest::newRow("hr 130.49 -> 130") << int(Parameter::Pulse) << 130.49 << 2;
    }
    void decimalsBetweenThePrintedRanges()
    {
        QFETCH(int, parameter);
        QFETCH(double, value);
        QFETCH(int, score);
        QCOMPARE(scored(with(normal(), Parameter(parameter), value)).component(Parameter(parameter)).score, score);
    }

    void acvpu()
    {
        for (Acvpu a : {Acvpu::Alert, Acvpu::NewConfusion, Acvpu::Voice, Acvpu::Pain, Acvpu::Unresponsive}) {
            News2::Input in = normal();
            in.consciousness = a;
            const auto r = scored(in);
            const int expected = a == Acvpu::Alert ? 0 : 3; // new confusion scores 3 too
            QCOMPARE(r.component(Parameter::Consciousness).score, expected);
            QCOMPARE(r.redScore, expected == 3);
            QCOMPARE(*News2::acvpuFromLetter(News2::acvpuLetter(a)), a);
        }
        QCOMPARE(News2::acvpuFromLetter(u"c"), std::optional<Acvpu>(Acvpu::NewConfusion));
        QVERIFY(!News2::acvpuFromLetter(u"X"));
    }

    void oxygenIsItsOwnTwoPoints()
    {
        News2::Input in = normal();
        in.onOxygen = true;
        QCOMPARE(scored(in).component(Parameter::AirOrOxygen).score, 2);
        QCOMPARE(scored(in).total, 2);
        // The same SpO2 97 scores 0 on air and 3 on oxygen on Scale 2 (CLINICAL.md rule 3).
        in.scale = Scale::Two;
        QCOMPARE(scored(in).component(Parameter::SpO2).score, 3);
        QCOMPARE(scored(in).total, 5);
        in.onOxygen = false;
        QCOMPARE(scored(in).component(Parameter::SpO2).score, 0);
        QCOMPARE(scored(in).total, 0);
    }

    void workedCases_data()
    {
        QTest::addColumn<double>("rr");
        QTest::addColumn<double>("spo2");
        QTest::addColumn<int>("scale");
        QTest::addColumn<bool>("oxygen");
        QTest::addColumn<double>("sbp");
        QTest::addColumn<double>("hr");
        QTest::addColumn<QString>("acvpu");
        QTest::addColumn<double>("temp");
        QTest::addColumn<int>("total");
        QTest::addColumn<QString>("band");
        // CLINICAL.md's worked cases.
        QTest::newRow("all normal") << 16.0 << 97.0 << 1 << false << 120.0 << 72.0 << "A" << 37.0 << 0 << "low";
        QTest::newRow("single 3") << 25.0 << 97.0 << 1 << false << 120.0 << 72.0 << "A" << 37.0 << 3 << "low-medium";
        QTest::newRow("scale 2 on O2") << 18.0 << 97.0 << 2 << true << 130.0 << 80.0 << "A" << 37.0 << 5 << "medium";
        QTest::newRow("scale 1 on O2") << 18.0 << 97.0 << 1 << true << 130.0 << 80.0 << "A" << 37.0 << 2 << "low";
        QTest::newRow("six") << 21.0 << 95.0 << 1 << false << 105.0 << 95.0 << "A" << 38.5 << 6 << "medium";
        QTest::newRow("nineteen") << 26.0 << 90.0 << 1 << true << 88.0 << 135.0 << "C" << 39.5 << 19 << "high";
        QTest::newRow("twenty") << 8.0 << 91.0 << 1 << true << 90.0 << 131.0 << "U" << 35.0 << 20 << "high";
    }
    void workedCases()
    {
        QFETCH(double, rr);
        QFETCH(double, spo2);
        QFETCH(int, scale);
        QFETCH(bool, oxygen);
        QFETCH(double, sbp);
        QFETCH(double, hr);
        QFETCH(QString, acvpu);
        QFETCH(double, temp);
        QFETCH(int, total);
        QFETCH(QString, band);
        News2::Input in;
        in.respirationRate = rr;
        in.spo2 = spo2;
        in.scale = scale == 2 ? Scale::Two : Scale::One;
        in.onOxygen = oxygen;
        in.systolicBp = sbp;
        in.pulse = hr;
        in.consciousness = News2::acvpuFromLetter(acvpu);
        in.temperature = temp;
        const auto r = scored(in);
        QVERIFY(r.complete);
        QCOMPARE(r.total, total);
        QCOMPARE(r.minTotal, total);
        QCOMPARE(r.maxTotal, total);
        QVERIFY(r.band);
        QCOMPARE(News2::bandKey(*r.band), band);
    }

    void bandsAndResponses()
    {
        // Total 0: low, routine, 12-hourly.
        auto r = scored(normal());
        QCOMPARE(*r.band, Band::Low);
        QCOMPARE(News2::response(r), QStringLiteral("Routine monitoring."));
        QCOMPARE(News2::monitoring(r), QStringLiteral("At least every 12 hours"));
        // 1-4 without a 3: low, nurse assesses, 4-6-hourly.
        News2::Input in = normal();
        in.pulse = 115; // 2
        in.temperature = 38.5; // 1
        r = scored(in);
        QCOMPARE(r.total, 3);
        QCOMPARE(*r.band, Band::Low);
        QVERIFY(News2::response(r).contains(QStringLiteral("registered nurse")));
        QCOMPARE(News2::monitoring(r), QStringLiteral("At least every 4\u20136 hours"));
        // A single 3 outranks 1-4: low-medium, urgent review, hourly.
        in = normal();
        in.consciousness = Acvpu::NewConfusion;
        in.temperature = 38.5;
        r = scored(in);
        QCOMPARE(r.total, 4);
        QCOMPARE(*r.band, Band::LowMedium);
        QVERIFY(r.redScore);
        QCOMPARE(News2::monitoring(r), QStringLiteral("At least hourly"));
        // A single 3 with a total of 5: medium (the total decides from 5 up), still flagged red.
        in.pulse = 95;
        r = scored(in);
        QCOMPARE(r.total, 5);
        QCOMPARE(*r.band, Band::Medium);
        QVERIFY(r.redScore);
        // 7 and above: high, continuous.
        in.respirationRate = 22;
        r = scored(in);
        QCOMPARE(r.total, 7);
        QCOMPARE(*r.band, Band::High);
        QCOMPARE(News2::monitoring(r), QStringLiteral("Continuous monitoring of vital signs"));
    }

    void incompleteSetsAreNotAScore()
    {
        // No temperature: not a NEWS2; the range of totals is 0..3, no band.
        News2::Input in = normal();
        in.temperature.reset();
        auto r = scored(in);
        QVERIFY(!r.complete);
        QVERIFY(!r.band);
        QCOMPARE(r.minTotal, 0);
        QCOMPARE(r.maxTotal, 3);
        QVERIFY(!r.component(Parameter::Temperature).measured);
        QVERIFY(News2::response(r).contains(QStringLiteral("Incomplete")));
        QVERIFY(News2::monitoring(r).isEmpty());

        // Nothing measured: 0..20.
        r = scored(News2::Input{});
        QCOMPARE(r.minTotal, 0);
        QCOMPARE(r.maxTotal, 20);
        QVERIFY(!r.redScore);

        // Air/oxygen unknown on Scale 2 with SpO2 97: on air 0 + 0, on oxygen 3 + 2.
        in = normal();
        in.scale = Scale::Two;
        in.onOxygen.reset();
        r = scored(in);
        QVERIFY(!r.complete);
        QCOMPARE(r.minTotal, 0);
        QCOMPARE(r.maxTotal, 5);
        QCOMPARE(r.component(Parameter::SpO2).minScore, 0);
        QCOMPARE(r.component(Parameter::SpO2).maxScore, 3);
        QVERIFY(!r.redScore); // not known to be a 3
        // Same on Scale 1: SpO2 does not depend on oxygen (0), oxygen 0..2.
        in.scale = Scale::One;
        r = scored(in);
        QCOMPARE(r.minTotal, 0);
        QCOMPARE(r.maxTotal, 2);
        QCOMPARE(r.component(Parameter::SpO2).score, 0);
        // A known 3 is flagged even in an incomplete set.
        in.respirationRate = 30;
        r = scored(in);
        QVERIFY(!r.complete);
        QVERIFY(r.redScore);
        QCOMPARE(r.minTotal, 3);
        QCOMPARE(r.maxTotal, 5);
        // SpO2 missing on Scale 2 on oxygen: 0..3 for it, plus the 2 for oxygen.
        in = normal();
        in.scale = Scale::Two;
        in.onOxygen = true;
        in.spo2.reset();
        r = scored(in);
        QCOMPARE(r.minTotal, 2);
        QCOMPARE(r.maxTotal, 5);
    }

    void outOfRangeIsRefused_data()
    {
        QTest::addColumn<int>("parameter");
        QTest::addColumn<double>("value");
        QTest::newRow("rr 0") << int(Parameter::RespirationRate) << 0.0;
        QTest::newRow("rr 81") << int(Parameter::RespirationRate) << 81.0;
        QTest::newRow("spo2 101") << int(Parameter::SpO2) << 101.0;
        QTest::newRow("spo2 39") << int(Parameter::SpO2) << 39.0;
        QTest::newRow("sbp 301") << int(Parameter::SystolicBp) << 301.0;
        QTest::newRow("hr 19") << int(Parameter::Pulse) << 19.0;
        QTest::newRow("temp 98.6 (Fahrenheit)") << int(Parameter::Temperature) << 98.6;
        QTest::newRow("temp 45.04") << int(Parameter::Temperature) << 45.04;
        QTest::newRow("temp NaN") << int(Parameter::Temperature) << std::numeric_limits<double>::quiet_NaN();
        QTest::newRow("hr inf") << int(Parameter::Pulse) << std::numeric_limits<double>::infinity();
    }
    void outOfRangeIsRefused()
    {
        QFETCH(int, parameter);
        QFETCH(double, value);
        QString error;
        QVERIFY(!News2::score(with(normal(), Parameter(parameter), value), &error));
        QVERIFY2(error.contains(News2::displayName(Parameter(parameter))), qPrintable(error));
        QVERIFY(error.contains(QStringLiteral("outside the range")));
    }
};

QTEST_GUILESS_MAIN(TestNews2)
#include "tst_news2.moc"
