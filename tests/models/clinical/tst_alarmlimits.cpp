// A patient's alarm limits as a clinician edits them: the programme defaults, JSON for the cache's
// settings (round trip, strict refusal of anything damaged), the checks an editor shows in words
// (inverted HIGH/MEDIUM thresholds, ranges, delays, duplicates, "below" over "above"), and the
// fixed-vocabulary audit line describing a change.
#include "clinical/alarmlimits.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace vigil;
using clinical::AlarmLimits;
using clinical::AlarmPriority;
using core::VitalKind;
using Direction = AlarmLimits::Direction;
using Programme = AlarmLimits::Programme;
using Rule = AlarmLimits::Rule;

namespace {

std::optional<Rule> findRule(const AlarmLimits& limits, VitalKind kind, Direction direction, AlarmPriority::Level level)
{
    for (const Rule& r : limits.rules()) {
        if (r.kind == kind && r.direction == direction && r.priority == level)
            return r;
    }
    return std::nullopt;
}

// The limits with one rule's threshold (and optionally delay) changed.
AlarmLimits changed(AlarmLimits limits, VitalKind kind, Direction direction, AlarmPriority::Level level,
    double threshold, std::optional<int> delay = std::nullopt)
{
    std::vector<Rule> rules = limits.rules();
    for (Rule& r : rules) {
        if (r.kind == kind && r.direction == direction && r.priority == level) {
            r.threshold = threshold;
            if (delay)
                r.delaySeconds = *delay;
        }
    }
    return AlarmLimits::withRules(limits.programme(), rules);
}

QJsonObject parse(const char* text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

} // namespace

class TestAlarmLimits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaultsHaveNoProblems()
    {
        for (Programme p : {Programme::General, Programme::Copd, Programme::HeartFailure}) {
            const AlarmLimits limits = AlarmLimits::defaults(p);
            QVERIFY2(limits.problems().isEmpty(), qPrintable(limits.problems().join(QLatin1Char('\n'))));
            QCOMPARE(limits.rules().size(), std::size_t(14));
            QCOMPARE(AlarmLimits::programmeFromKey(AlarmLimits::programmeKey(p)), std::optional<Programme>(p));
        }
        QVERIFY(!AlarmLimits::programmeFromKey(QStringLiteral("cardiac")));
        const AlarmLimits copd = AlarmLimits::defaults(Programme::Copd);
        QCOMPARE(findRule(copd, VitalKind::SpO2, Direction::Below, AlarmPriority::High)->threshold, 84.0);
        QCOMPARE(findRule(copd, VitalKind::SpO2, Direction::Below, AlarmPriority::Medium)->threshold, 86.0);
    }

    void equality()
    {
        const AlarmLimits general = AlarmLimits::defaults(Programme::General);
        QVERIFY(general == AlarmLimits::defaults(Programme::General));
        QVERIFY(!(general == AlarmLimits::defaults(Programme::Copd)));
        // The same rules in another order are the same limits.
        std::vector<Rule> reversed(general.rules().rbegin(), general.rules().rend());
        QVERIFY(general == AlarmLimits::withRules(Programme::General, reversed));
        // ...but not under another programme's name.
        QVERIFY(!(general == AlarmLimits::withRules(Programme::HeartFailure, general.rules())));
        // Compared at the sign's decimals: a binary-float crumb is no change, a tenth of a degree is.
        QVERIFY(general
            == changed(general, VitalKind::Temperature, Direction::Above, AlarmPriority::Medium, 39.0000000001));
        QVERIFY(!(general == changed(general, VitalKind::Temperature, Direction::Above, AlarmPriority::Medium, 39.1)));
        QVERIFY(!(general == changed(general, VitalKind::SpO2, Direction::Below, AlarmPriority::Medium, 92, 20)));
    }

    void jsonRoundTrip()
    {
        AlarmLimits limits = AlarmLimits::defaults(Programme::Copd);
        limits = changed(limits, VitalKind::SpO2, Direction::Below, AlarmPriority::Medium, 87, 45);
        limits = changed(limits, VitalKind::Temperature, Direction::Above, AlarmPriority::Medium, 38.6);
        const QJsonObject json = limits.toJson();
        QCOMPARE(json.value(QStringLiteral("format")).toString(), QStringLiteral("vigil-alarm-limits"));
        QCOMPARE(json.value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(json.value(QStringLiteral("programme")).toString(), QStringLiteral("copd"));
        const QJsonArray rules = json.value(QStringLiteral("rules")).toArray();
        QCOMPARE(rules.size(), 14);
        // Sorted: heart rate first, "below" before "above", the most urgent first.
        QCOMPARE(QJsonDocument(rules.at(0).toObject()).toJson(QJsonDocument::Compact),
            QByteArray(R"({"delay_s":0,"direction":"below","priority":"high","threshold":40,"vital":"hr"})"));

        // Through text, as the settings store keeps it.
        const QByteArray text = QJsonDocument(json).toJson(QJsonDocument::Compact);
        QString error;
        const std::optional<AlarmLimits> back = AlarmLimits::fromJson(QJsonDocument::fromJson(text).object(), &error);
        QVERIFY2(back, qPrintable(error));
        QVERIFY(*back == limits);
        QCOMPARE(back->programme(), Programme::Copd);
        QCOMPARE(findRule(*back, VitalKind::SpO2, Direction::Below, AlarmPriority::Medium)->delaySeconds, 45);
        QCOMPARE(findRule(*back, VitalKind::Temperature, Direction::Above, AlarmPriority::Medium)->threshold, 38.6);
        QCOMPARE(AlarmLimits::describeChanges(limits, *back), QStringLiteral("programme copd; no change"));
    }

    void badJsonRefused_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        const auto rule = [](const char* fields) -> QByteArray {
            return QByteArray(R"({"format":"vigil-alarm-limits","version":1,"programme":"general","rules":[)") + fields
                + "]}";
        };
        QTest::newRow("not ours") << QByteArray(R"({"format":"something","version":1})")
                                  << QStringLiteral("The alarm limits are not in Vigil's format.");
        QTest::newRow("newer") << QByteArray(R"({"format":"vigil-alarm-limits","version":2})")
                               << QStringLiteral(
                                      "The alarm limits were written by a newer or unknown version (2) of Vigil.");
        QTest::newRow("unknown field") << QByteArray(
            R"({"format":"vigil-alarm-limits","version":1,"programme":"general","rules":[],"x":1})")
                                       << QStringLiteral("The alarm limits have an unknown field \u201cx\u201d.");
        QTest::newRow("programme") << QByteArray(
            R"({"format":"vigil-alarm-limits","version":1,"programme":"renal","rules":[]})")
                                   << QStringLiteral("The alarm limits name no known programme.");
        QTest::newRow("rules not a list")
            << QByteArray(R"({"format":"vigil-alarm-limits","version":1,"programme":"general","rules":{}})")
            << QStringLiteral("The alarm limits have no list of rules.");
        QTest::newRow("vital") << rule(
            R"({"vital":"glucose","direction":"below","threshold":4,"priority":"high","delay_s":0})")
                               << QStringLiteral("Rule 1 of the alarm limits names no known vital sign.");
        QTest::newRow("threshold as text")
            << rule(R"({"vital":"spo2","direction":"below","threshold":"88","priority":"high","delay_s":0})")
            << QStringLiteral("Rule 1 of the alarm limits has no numeric threshold.");
        QTest::newRow("decimals") << rule(
            R"({"vital":"spo2","direction":"below","threshold":88.5,"priority":"high","delay_s":0})")
                                  << QStringLiteral(
                                         "Rule 1 of the alarm limits has a threshold with more than 0 decimals.");
        QTest::newRow("priority") << rule(
            R"({"vital":"spo2","direction":"below","threshold":88,"priority":"urgent","delay_s":0})")
                                  << QStringLiteral("Rule 1 of the alarm limits has no known priority.");
        QTest::newRow("delay fraction") << rule(
            R"({"vital":"spo2","direction":"below","threshold":88,"priority":"high","delay_s":1.5})")
                                        << QStringLiteral(
                                               "Rule 1 of the alarm limits has no whole number of seconds of delay.");
        QTest::newRow("rule field") << rule(
            R"({"vital":"spo2","direction":"below","threshold":88,"priority":"high","delay_s":0,"note":"x"})")
                                    << QStringLiteral(
                                           "Rule 1 of the alarm limits has an unknown field \u201cnote\u201d.");
        // Well-formed, but dangerous: refused rather than used.
        QTest::newRow("inverted")
            << rule(R"({"vital":"spo2","direction":"below","threshold":92,"priority":"high","delay_s":0},)"
                    R"({"vital":"spo2","direction":"below","threshold":88,"priority":"medium","delay_s":30})")
            << QStringLiteral("The alarm limits are not usable: SpO\u2082 below: the HIGH threshold (92 %) must be at "
                              "or below the MEDIUM threshold (88 %).");
    }

    void badJsonRefused()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        QString error;
        QVERIFY(!AlarmLimits::fromJson(parse(json.constData()), &error));
        QCOMPARE(error, message);
    }

    void problemsInWords()
    {
        const AlarmLimits general = AlarmLimits::defaults(Programme::General);

        // SpO2 below: HIGH must be at or below MEDIUM.
        const AlarmLimits spo2 = changed(general, VitalKind::SpO2, Direction::Below, AlarmPriority::High, 93);
        QCOMPARE(spo2.problems(),
            QStringList{QStringLiteral(
                "SpO\u2082 below: the HIGH threshold (93 %) must be at or below the MEDIUM threshold (92 %).")});
        // Equal is allowed (the MEDIUM rule is then redundant, not dangerous).
        QVERIFY(changed(general, VitalKind::SpO2, Direction::Below, AlarmPriority::High, 92).problems().isEmpty());

        // Heart rate above: HIGH must be at or above MEDIUM.
        const AlarmLimits hr = changed(general, VitalKind::HeartRate, Direction::Above, AlarmPriority::High, 125);
        QCOMPARE(hr.problems(),
            QStringList{QStringLiteral("Heart rate above: the HIGH threshold (125 /min) must be at or above the MEDIUM "
                                       "threshold (130 /min).")});

        // Out of the physiological range, and a delay too long.
        AlarmLimits odd = changed(general, VitalKind::SpO2, Direction::Below, AlarmPriority::High, 30);
        odd = changed(odd, VitalKind::Temperature, Direction::Below, AlarmPriority::Medium, 35.0, 900);
        QCOMPARE(odd.problems(),
            (QStringList{QStringLiteral("SpO\u2082 below: the threshold 30 % is outside 50 to 100 %."),
                QStringLiteral("Temperature below, MEDIUM: the delay of 900 s is outside 0 to 600 s.")}));

        // A "below" limit over an "above" one: every reading would alarm.
        AlarmLimits crossed = changed(general, VitalKind::HeartRate, Direction::Below, AlarmPriority::Medium, 135);
        crossed = changed(crossed, VitalKind::HeartRate, Direction::Below, AlarmPriority::High, 40);
        QCOMPARE(crossed.problems(),
            QStringList{QStringLiteral("Heart rate: the \u201cbelow\u201d threshold 135 /min must be lower than the "
                                       "\u201cabove\u201d threshold 130 /min, or every reading would alarm.")});

        // Two rules of one priority for the same sign and direction.
        std::vector<Rule> rules = general.rules();
        rules.push_back({VitalKind::RespRate, Direction::Above, 26, AlarmPriority::Medium, 30});
        QCOMPARE(AlarmLimits::withRules(Programme::General, rules).problems(),
            QStringList{QStringLiteral("Respiration rate above: 2 rules are MEDIUM; keep one rule per priority.")});

        // A LOW rule must not be more extreme than the MEDIUM one.
        rules = general.rules();
        rules.push_back({VitalKind::SpO2, Direction::Below, 90, AlarmPriority::Low, 60});
        QCOMPARE(AlarmLimits::withRules(Programme::General, rules).problems(),
            QStringList{QStringLiteral(
                "SpO\u2082 below: the MEDIUM threshold (92 %) must be at or below the LOW threshold (90 %).")});
    }

    void describeChanges()
    {
        const AlarmLimits copd = AlarmLimits::defaults(Programme::Copd);
        QCOMPARE(AlarmLimits::describeChanges(copd, copd), QStringLiteral("programme copd; no change"));
        QCOMPARE(AlarmLimits::describeChanges(
                     copd, changed(copd, VitalKind::SpO2, Direction::Below, AlarmPriority::Medium, 88)),
            QStringLiteral("programme copd; spo2 below medium 86->88"));
        QCOMPARE(AlarmLimits::describeChanges(
                     copd, changed(copd, VitalKind::Temperature, Direction::Above, AlarmPriority::Medium, 38.5, 120)),
            QStringLiteral("programme copd; temp above medium 39.0->38.5 delay 60->120s"));

        // A programme change lists every rule that differs, in a fixed order.
        QCOMPARE(AlarmLimits::describeChanges(AlarmLimits::defaults(Programme::General), copd),
            QStringLiteral("programme general->copd; spo2 below high 88->84; spo2 below medium 92->86; "
                           "rr above medium 24->28"));

        // Rules added and removed.
        std::vector<Rule> rules = copd.rules();
        rules.push_back({VitalKind::HeartRate, Direction::Above, 110, AlarmPriority::Low, 60});
        std::erase_if(
            rules, [](const Rule& r) { return r.kind == VitalKind::Temperature && r.direction == Direction::Below; });
        QCOMPARE(AlarmLimits::describeChanges(copd, AlarmLimits::withRules(Programme::Copd, rules)),
            QStringLiteral("programme copd; hr above low added 110 delay 60s; temp below medium removed"));
    }
};

QTEST_GUILESS_MAIN(TestAlarmLimits)
#include "tst_alarmlimits.moc"
