// CaseEvent: the validation rules of the escalation workflow (mandatory note / reason / SBAR, level
// ranges, causal context), kind names, ids; and the escalation levels' order and names.
#include "clinical/caseevent.h"
#include "clinical/escalationlevel.h"

#include <QTest>

using vigil::clinical::CaseEvent;
using vigil::clinical::EscalationLevel;
using Kind = CaseEvent::Kind;

namespace {

const QString kId = QStringLiteral("00000000-0000-4000-8000-000000000001");
const QString kParent = QStringLiteral("00000000-0000-4000-8000-000000000002");

CaseEvent valid(Kind kind)
{
    CaseEvent e;
    e.id = kId;
    e.patientKey = QStringLiteral("patient-7");
    e.workstation = QStringLiteral("ws-a");
    e.actor = QStringLiteral("nurse.a");
    e.role = QStringLiteral("community nurse");
    e.time = 1'700'000'000'000'001;
    e.kind = kind;
    switch (kind) {
    case Kind::Note:
    case Kind::ReviewNeeded:
        e.text = QStringLiteral("Breathless on the phone.");
        break;
    case Kind::Escalate:
        e.level = EscalationLevel::UrgentCommunityResponse;
        e.sbar = {QStringLiteral("S"), QStringLiteral("B"), QStringLiteral("A"), QStringLiteral("R")};
        break;
    case Kind::DeEscalate:
        e.level = EscalationLevel::RoutineReview;
        e.text = QStringLiteral("Seen by the GP; stable.");
        break;
    case Kind::HandOver:
        e.handOverTo = QStringLiteral("night team");
        break;
    case Kind::Acknowledge:
    case Kind::RequestReview:
    case Kind::Resolve:
        break;
    }
    return e;
}

} // namespace

class TestCaseEvent : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void levelsAreOrderedAsInClinicalMd()
    {
        QVERIFY(EscalationLevel::None < EscalationLevel::RoutineReview);
        QVERIFY(EscalationLevel::RoutineReview < EscalationLevel::UrgentClinicalReview);
        QVERIFY(EscalationLevel::UrgentClinicalReview < EscalationLevel::UrgentCommunityResponse);
        QVERIFY(EscalationLevel::UrgentCommunityResponse < EscalationLevel::OutOfHours111);
        QVERIFY(EscalationLevel::OutOfHours111 < EscalationLevel::Emergency999);
        QCOMPARE(vigil::clinical::escalationLevelName(EscalationLevel::UrgentClinicalReview),
            QStringLiteral("Urgent clinical review (GP / virtual-ward clinician)"));
        QCOMPARE(vigil::clinical::escalationLevelName(EscalationLevel::UrgentCommunityResponse),
            QStringLiteral("Urgent community response (2-hour)"));
        QCOMPARE(
            vigil::clinical::escalationLevelName(EscalationLevel::OutOfHours111), QStringLiteral("111 / out-of-hours"));
        QCOMPARE(vigil::clinical::escalationLevelName(EscalationLevel::Emergency999),
            QStringLiteral("999 / emergency department"));
        for (int rank = 0; rank <= 5; ++rank) {
            const auto level = vigil::clinical::escalationLevelFromRank(rank);
            QVERIFY(level);
            QCOMPARE(vigil::clinical::escalationRank(*level), rank);
            QCOMPARE(vigil::clinical::escalationLevelFromKey(vigil::clinical::escalationLevelKey(*level)), level);
        }
        QCOMPARE(vigil::clinical::escalationLevelFromRank(6), std::nullopt);
        QCOMPARE(vigil::clinical::escalationLevelFromRank(-1), std::nullopt);
        QCOMPARE(vigil::clinical::escalationLevelFromKey(u"emergency"), std::nullopt);
        QCOMPARE(vigil::clinical::escalationLevelKey(EscalationLevel::Emergency999), QStringLiteral("emergency-999"));
    }

    void kindKeysRoundTrip()
    {
        QStringList keys;
        for (int i = 0; i < CaseEvent::kKindCount; ++i) {
            const auto kind = static_cast<Kind>(i);
            keys << CaseEvent::kindKey(kind);
            QCOMPARE(CaseEvent::kindFromKey(CaseEvent::kindKey(kind)), kind);
            QVERIFY(!CaseEvent::kindName(kind).isEmpty());
        }
        QCOMPARE(keys,
            QStringList({QStringLiteral("acknowledge"), QStringLiteral("note"), QStringLiteral("request-review"),
                QStringLiteral("review-needed"), QStringLiteral("escalate"), QStringLiteral("hand-over"),
                QStringLiteral("resolve"), QStringLiteral("de-escalate")}));
        QCOMPARE(CaseEvent::kindFromKey(u"Escalate"), std::nullopt);
    }

    void idsAreCanonicalUuids()
    {
        const QString id = CaseEvent::newId();
        QVERIFY(CaseEvent::isCanonicalId(id));
        QVERIFY(CaseEvent::newId() != id);
        QVERIFY(!CaseEvent::isCanonicalId(QString(QLatin1Char('{') + id + QLatin1Char('}'))));
        QVERIFY(!CaseEvent::isCanonicalId(QStringLiteral("00000000-0000-4000-8000-00000000000A"))); // upper case
        QVERIFY(!CaseEvent::isCanonicalId(QStringLiteral("not-a-uuid")));
        QVERIFY(!CaseEvent::isCanonicalId(QString()));
    }

    void everyKindIsValidWithItsMandatoryFields()
    {
        for (int i = 0; i < CaseEvent::kKindCount; ++i) {
            const CaseEvent e = valid(static_cast<Kind>(i));
            QVERIFY2(e.isValid(), qPrintable(e.problems().join(QLatin1Char(' '))));
        }
    }

    void rules_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("problem");

        const auto row = [](const char* name, Kind kind, const char* field, const QString& value, const char* problem) {
            QTest::newRow(name) << static_cast<int>(kind) << QString::fromLatin1(field) << value
                                << QString::fromUtf8(problem);
        };
        row("note without text", Kind::Note, "text", QString(), "A note needs some text.");
        row("note of blanks", Kind::Note, "text", QStringLiteral("  \n "), "A note needs some text.");
        row("review needed without note", Kind::ReviewNeeded, "text", QString(),
            "Marking a case as needing review needs a note saying why.");
        row("de-escalation without reason", Kind::DeEscalate, "text", QString(), "A de-escalation needs a reason.");
        row("de-escalation to 999", Kind::DeEscalate, "level", QStringLiteral("5"),
            "A de-escalation goes to a lower level: no escalation, or routine review up to 111 / out-of-hours.");
        row("escalation without level", Kind::Escalate, "level", QStringLiteral("0"),
            "An escalation needs a level, from routine review to 999 / emergency department.");
        row("escalation level out of range", Kind::Escalate, "level", QStringLiteral("6"),
            "An escalation needs a level, from routine review to 999 / emergency department.");
        row("escalation without situation", Kind::Escalate, "situation", QString(),
            "An escalation needs the SBAR situation.");
        row("escalation without background", Kind::Escalate, "background", QStringLiteral(" "),
            "An escalation needs the SBAR background.");
        row("escalation without assessment", Kind::Escalate, "assessment", QString(),
            "An escalation needs the SBAR assessment.");
        row("escalation without recommendation", Kind::Escalate, "recommendation", QString(),
            "An escalation needs the SBAR recommendation.");
        row("hand-over to nobody", Kind::HandOver, "handOverTo", QString(),
            "A hand-over needs the clinician or team the case is handed to.");
        row("acknowledgement with a level", Kind::Acknowledge, "level", QStringLiteral("2"),
            "Only an escalation or a de-escalation has a level.");
        row("resolution with an SBAR", Kind::Resolve, "situation", QStringLiteral("S"),
            "Only an escalation has an SBAR.");
        row("note with a hand-over target", Kind::Note, "handOverTo", QStringLiteral("x"),
            "Only a hand-over names whom the case is handed to.");
        row("no id", Kind::Resolve, "id", QString(),
            "The event has no valid id (a UUID in lower case, without braces).");
        row("braced id", Kind::Resolve, "id", QStringLiteral("{00000000-0000-4000-8000-000000000001}"),
            "The event has no valid id (a UUID in lower case, without braces).");
        row("no patient", Kind::Resolve, "patientKey", QString(), "The event names no patient.");
        row("no workstation", Kind::Resolve, "workstation", QString(),
            "The event does not say which workstation created it.");
        row("no actor", Kind::Resolve, "actor", QStringLiteral(" "), "The event does not say who acted.");
        row("no role", Kind::Resolve, "role", QString(),
            "The event does not give the role of the clinician who acted.");
        row("no time", Kind::Resolve, "time", QStringLiteral("0"), "The event's time is not a valid date and time.");
        row("time after 9999", Kind::Resolve, "time", QStringLiteral("253402300800000000"),
            "The event's time is not a valid date and time.");
        row("parent not a uuid", Kind::Resolve, "parents", QStringLiteral("nope"),
            "An earlier event the event refers to has no valid id.");
        row("own parent", Kind::Resolve, "parents", kId, "An event cannot follow itself.");
        row("parent twice", Kind::Resolve, "parents", kParent + QLatin1Char(',') + kParent,
            "The event lists an earlier event twice.");
        row("text too long", Kind::Note, "text", QString(CaseEvent::kMaxTextLength + 1, QLatin1Char('x')),
            "A text of the event is longer than 20000 characters.");
        row("name too long", Kind::Note, "actor", QString(CaseEvent::kMaxNameLength + 1, QLatin1Char('x')),
            "A name or key of the event is longer than 200 characters.");
        row("escalation about a recording time", Kind::Escalate, "recordingTime", QStringLiteral("1700000000000000"),
            "Only a note refers to a time in the recording.");
        row("note about a time before 1970", Kind::Note, "recordingTime", QStringLiteral("-1"),
            "The recording time the note refers to is not a valid date and time.");
        row("note about a time after 9999", Kind::Note, "recordingTime", QStringLiteral("253402300800000000"),
            "The recording time the note refers to is not a valid date and time.");
    }

    void rules()
    {
        QFETCH(int, kind);
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, problem);
        CaseEvent e = valid(static_cast<Kind>(kind));
        if (field == u"text")
            e.text = value;
        else if (field == u"level")
            e.level = static_cast<EscalationLevel>(value.toInt());
        else if (field == u"situation")
            e.sbar.situation = value;
        else if (field == u"background")
            e.sbar.background = value;
        else if (field == u"assessment")
            e.sbar.assessment = value;
        else if (field == u"recommendation")
            e.sbar.recommendation = value;
        else if (field == u"handOverTo")
            e.handOverTo = value;
        else if (field == u"id")
            e.id = value;
        else if (field == u"patientKey")
            e.patientKey = value;
        else if (field == u"workstation")
            e.workstation = value;
        else if (field == u"actor")
            e.actor = value;
        else if (field == u"role")
            e.role = value;
        else if (field == u"time")
            e.time = value.toLongLong();
        else if (field == u"recordingTime")
            e.recordingTime = value.toLongLong();
        else if (field == u"parents")
            e.parents = value.split(QLatin1Char(','));
        else
            QFAIL("unknown field");
        const QStringList problems = e.problems();
        QVERIFY2(problems.contains(problem), qPrintable(problems.join(QStringLiteral(" | "))));
        QVERIFY(!e.isValid());
    }

    void deEscalationToNoEscalationIsValid()
    {
        CaseEvent e = valid(Kind::DeEscalate);
        e.level = EscalationLevel::None;
        QVERIFY(e.isValid());
        e.level = EscalationLevel::OutOfHours111;
        QVERIFY(e.isValid());
    }

    void parentsMayBeManyButBounded()
    {
        CaseEvent e = valid(Kind::Acknowledge);
        for (int i = 0; i < CaseEvent::kMaxParents; ++i)
            e.parents << QStringLiteral("00000000-0000-4000-8000-1%1").arg(i, 11, 10, QLatin1Char('0'));
        QVERIFY2(e.isValid(), qPrintable(e.problems().join(QLatin1Char(' '))));
        e.parents << QStringLiteral("00000000-0000-4000-8000-200000000000");
        QVERIFY(e.problems().contains(QStringLiteral("The event lists more than 64 earlier events.")));
    }

    void auditSummaryCarriesNoFreeText()
    {
        CaseEvent e = valid(Kind::Escalate);
        e.level = EscalationLevel::Emergency999;
        QCOMPARE(e.auditSummary(), QStringLiteral("escalate to emergency-999"));
        QCOMPARE(valid(Kind::Note).auditSummary(), QStringLiteral("note"));
        QCOMPARE(valid(Kind::DeEscalate).auditSummary(), QStringLiteral("de-escalate to routine-review"));
        QCOMPARE(valid(Kind::HandOver).auditSummary(), QStringLiteral("hand-over"));
    }
};

QTEST_GUILESS_MAIN(TestCaseEvent)
#include "tst_caseevent.moc"
