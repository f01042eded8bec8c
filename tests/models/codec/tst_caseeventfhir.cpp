// CaseEventFhir: every kind of case event round-trips exactly through FHIR R4 JSON (decode(encode(e))
// == e), is published as the resource the issue asks for (Flag + Task, Task with status and
// businessStatus, Communication), and malformed or tampered messages are refused with a reason.
#include "../clinical/caseeventbuilder.h"
#include "codec/caseeventfhir.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <functional>

using vigil::clinical::CaseEvent;
using vigil::clinical::EscalationLevel;
using vigil::clinical::test::CaseEventBuilder;
using vigil::clinical::test::eventId;
using vigil::codec::CaseEventFhir;
using Kind = CaseEvent::Kind;

Q_DECLARE_METATYPE(vigil::clinical::CaseEvent)

namespace {

CaseEvent sample(Kind kind)
{
    const CaseEventBuilder b(QStringLiteral("pt-0042"));
    CaseEvent e = b.make(7, kind, QStringLiteral("nurse.a"), 3, {5, 6});
    e.time += 123'456; // microseconds survive
    e.role = QStringLiteral("virtual-ward nurse");
    e.workstation = QStringLiteral("ws-north-2");
    if (kind == Kind::Escalate) {
        e.level = EscalationLevel::Emergency999;
        e.sbar = {QStringLiteral("NEWS2 9 (high risk)."), QStringLiteral("Heart failure, on the virtual ward."),
            QStringLiteral("Deteriorating: RR 26, SpO\u2082 90 % on O\u2082."),
            QStringLiteral("999 now.\nLine two \"quoted\" \\ and \t tab.")};
    }
    if (kind == Kind::DeEscalate)
        e.level = EscalationLevel::None;
    if (kind == Kind::HandOver)
        e.handOverTo = QStringLiteral("Night team (Dr \u00C9lodie)");
    if (kind == Kind::Resolve || kind == Kind::Acknowledge)
        e.text = QStringLiteral("Optional comment \u2014 with non-ASCII \U0001F600.");
    return e;
}

QJsonObject parse(const QByteArray& json)
{
    return QJsonDocument::fromJson(json).object();
}

QJsonObject taskOf(const QJsonObject& root)
{
    if (root.value(u"resourceType").toString() != u"Bundle")
        return root;
    for (const QJsonValue& entry : root.value(u"entry").toArray()) {
        const QJsonObject r = entry.toObject().value(u"resource").toObject();
        if (r.value(u"resourceType").toString() == u"Task")
            return r;
    }
    return {};
}

QByteArray compact(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

class TestCaseEventFhir : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripsEveryKind_data()
    {
        QTest::addColumn<CaseEvent>("event");
        for (int i = 0; i < CaseEvent::kKindCount; ++i) {
            const auto kind = static_cast<Kind>(i);
            QTest::newRow(qPrintable(CaseEvent::kindKey(kind))) << sample(kind);
        }
        CaseEvent noParents = sample(Kind::Acknowledge);
        noParents.parents.clear();
        noParents.text.clear();
        QTest::newRow("no parents, no text") << noParents;
        CaseEvent deEscalate = sample(Kind::DeEscalate);
        deEscalate.level = EscalationLevel::OutOfHours111;
        QTest::newRow("de-escalate to 111") << deEscalate;
        for (int level = 1; level <= 5; ++level) {
            CaseEvent e = sample(Kind::Escalate);
            e.level = static_cast<EscalationLevel>(level);
            QTest::newRow(qPrintable(QStringLiteral("escalate to %1").arg(level))) << e;
        }
        CaseEvent many = sample(Kind::Note);
        many.parents.clear();
        for (int p = 100; p < 100 + CaseEvent::kMaxParents; ++p)
            many.parents << eventId(p);
        many.time = 1; // the first microsecond after the epoch
        QTest::newRow("64 parents, earliest time") << many;
        CaseEvent late = sample(Kind::Resolve);
        late.time = CaseEvent::kMaxTime;
        QTest::newRow("latest time") << late;
        CaseEvent bookmark = sample(Kind::Note);
        bookmark.recordingTime = 1'700'000'123'456'789; // a review annotation, to the microsecond
        QTest::newRow("note about a time in the recording") << bookmark;
    }

    void roundTripsEveryKind()
    {
        QFETCH(CaseEvent, event);
        QVERIFY2(event.isValid(), qPrintable(event.problems().join(QLatin1Char(' '))));
        const QByteArray json = CaseEventFhir::encode(event);
        QString error;
        const std::optional<CaseEvent> back = CaseEventFhir::decode(json, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(*back, event);
        QVERIFY(error.isEmpty());
        // Encoding is deterministic.
        QCOMPARE(CaseEventFhir::encode(*back), json);
    }

    void resourcesAsTheIssueAsks_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("resourceType");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("businessStatus");
        const auto row = [](Kind kind, const char* type, const char* status, const char* business) {
            QTest::newRow(qPrintable(CaseEvent::kindKey(kind)))
                << static_cast<int>(kind) << QString::fromLatin1(type) << QString::fromLatin1(status)
                << QString::fromLatin1(business);
        };
        row(Kind::Escalate, "Bundle", "requested", "escalated");
        row(Kind::ReviewNeeded, "Bundle", "requested", "review-needed");
        row(Kind::RequestReview, "Task", "requested", "review-requested");
        row(Kind::Acknowledge, "Task", "completed", "acknowledged");
        row(Kind::HandOver, "Task", "completed", "handed-over");
        row(Kind::Resolve, "Task", "completed", "resolved");
        row(Kind::DeEscalate, "Task", "completed", "de-escalated");
        row(Kind::Note, "Communication", "completed", "");
    }

    void resourcesAsTheIssueAsks()
    {
        QFETCH(int, kind);
        QFETCH(QString, resourceType);
        QFETCH(QString, status);
        QFETCH(QString, businessStatus);
        const CaseEvent e = sample(static_cast<Kind>(kind));
        const QJsonObject root = parse(CaseEventFhir::encode(e));
        QCOMPARE(root.value(u"resourceType").toString(), resourceType);
        if (resourceType == u"Bundle") {
            QCOMPARE(root.value(u"type").toString(), QStringLiteral("collection"));
            const QJsonArray entries = root.value(u"entry").toArray();
            QCOMPARE(entries.size(), 2);
            const QJsonObject flag = entries[0].toObject().value(u"resource").toObject();
            QCOMPARE(flag.value(u"resourceType").toString(), QStringLiteral("Flag"));
            QCOMPARE(flag.value(u"status").toString(), QStringLiteral("active"));
            QCOMPARE(
                flag.value(u"subject").toObject().value(u"reference").toString(), QStringLiteral("Patient/pt-0042"));
            const QJsonObject code = flag.value(u"code").toObject().value(u"coding").toArray()[0].toObject();
            QCOMPARE(code.value(u"code").toString(),
                e.kind == Kind::Escalate ? QStringLiteral("emergency-999") : QStringLiteral("review-needed"));
        }
        const QJsonObject primary = taskOf(root);
        QCOMPARE(primary.value(u"status").toString(), status);
        QCOMPARE(primary.value(u"id").toString(), e.id);
        QCOMPARE(primary.value(u"identifier").toArray()[0].toObject().value(u"value").toString(),
            QString(QStringLiteral("urn:uuid:") + e.id));
        if (resourceType == u"Communication") {
            QCOMPARE(primary.value(u"payload").toArray()[0].toObject().value(u"contentString").toString(), e.text);
            QCOMPARE(primary.value(u"sent").toString(), CaseEventFhir::dateTime(e.time));
        } else {
            QCOMPARE(primary.value(u"resourceType").toString(), QStringLiteral("Task"));
            QCOMPARE(primary.value(u"businessStatus")
                         .toObject()
                         .value(u"coding")
                         .toArray()[0]
                         .toObject()
                         .value(u"code")
                         .toString(),
                businessStatus);
            QCOMPARE(primary.value(u"intent").toString(), QStringLiteral("order"));
            QCOMPARE(
                primary.value(u"for").toObject().value(u"reference").toString(), QStringLiteral("Patient/pt-0042"));
            QCOMPARE(primary.value(u"authoredOn").toString(), CaseEventFhir::dateTime(e.time));
            QCOMPARE(primary.value(u"requester").toObject().value(u"display").toString(), e.actor);
        }
        if (e.kind == Kind::Escalate)
            QCOMPARE(primary.value(u"priority").toString(), QStringLiteral("stat"));
        if (e.kind == Kind::HandOver)
            QCOMPARE(primary.value(u"owner").toObject().value(u"display").toString(), e.handOverTo);
    }

    void dateTimeHasMicroseconds()
    {
        QCOMPARE(CaseEventFhir::dateTime(1'760'000'000'123'456), QStringLiteral("2025-10-09T08:53:20.123456Z"));
        QCOMPARE(CaseEventFhir::dateTime(1), QStringLiteral("1970-01-01T00:00:00.000001Z"));
        QCOMPARE(CaseEventFhir::dateTime(CaseEvent::kMaxTime), QStringLiteral("9999-12-31T23:59:59.999999Z"));
    }

    void refusesMalformedInput_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("reason");

        const QJsonObject escalate = parse(CaseEventFhir::encode(sample(Kind::Escalate)));
        const QJsonObject task = parse(CaseEventFhir::encode(sample(Kind::Resolve)));
        const QJsonObject note = parse(CaseEventFhir::encode(sample(Kind::Note)));
        const auto edited = [](QJsonObject o, const QString& key, const QJsonValue& value) {
            if (value.isUndefined())
                o.remove(key);
            else
                o.insert(key, value);
            return compact(o);
        };
        const auto withExtensions = [&](QJsonObject o, const std::function<void(QJsonArray&)>& edit) {
            QJsonArray ext = o.value(u"extension").toArray();
            edit(ext);
            o.insert(QStringLiteral("extension"), ext);
            return compact(o);
        };
        const auto extensionIndex = [](const QJsonArray& ext, const char* suffix) {
            for (qsizetype i = 0; i < ext.size(); ++i) {
                if (ext[i].toObject().value(u"url").toString().endsWith(QLatin1String(suffix)))
                    return i;
            }
            return qsizetype(-1);
        };

        QTest::newRow("empty") << QByteArray() << QStringLiteral("The message is not JSON");
        QTest::newRow("not JSON") << QByteArray("{\"resourceType\": \"Task\",")
                                  << QStringLiteral("The message is not JSON");
        QTest::newRow("array") << QByteArray("[1, 2]") << QStringLiteral("not a FHIR resource");
        QTest::newRow("observation") << QByteArray(R"({"resourceType":"Observation"})")
                                     << QStringLiteral("A case event is a Task, a Communication or a Bundle");
        QTest::newRow("too large") << QByteArray(CaseEventFhir::kMaxPayloadBytes + 1, ' ')
                                   << QStringLiteral("larger than");
        QTest::newRow("no identifier") << edited(task, QStringLiteral("identifier"), QJsonValue::Undefined)
                                       << QStringLiteral("The event identifier is missing.");
        QTest::newRow("resource id differs") << edited(task, QStringLiteral("id"), eventId(99))
                                             << QStringLiteral("The resource id is not the event identifier.");
        QTest::newRow("no extensions") << edited(task, QStringLiteral("extension"), QJsonValue::Undefined)
                                       << QStringLiteral("The extension list is missing.");
        QTest::newRow("no kind") << withExtensions(task, [&](QJsonArray& ext) {
            ext.removeAt(extensionIndex(ext, "case-event-kind"));
        }) << QStringLiteral("no Vigil event kind");
        QTest::newRow("unknown kind") << withExtensions(task, [&](QJsonArray& ext) {
            QJsonObject k = ext[extensionIndex(ext, "case-event-kind")].toObject();
            k.insert(QStringLiteral("valueCode"), QStringLiteral("cancel"));
            ext[extensionIndex(ext, "case-event-kind")] = k;
        }) << QStringLiteral("is not one Vigil knows");
        QTest::newRow("kind twice") << withExtensions(task, [&](QJsonArray& ext) {
            ext.append(ext[extensionIndex(ext, "case-event-kind")]);
        }) << QStringLiteral("The event kind is given more than once.");
        QTest::newRow("status does not match") << edited(task, QStringLiteral("status"), QStringLiteral("requested"))
                                               << QStringLiteral("The task's status does not match the event kind.");
        QTest::newRow("no patient") << edited(task, QStringLiteral("for"), QJsonValue::Undefined)
                                    << QStringLiteral("The patient reference is missing.");
        QTest::newRow("patient not a Patient") << edited(
            task, QStringLiteral("for"), QJsonObject{{QStringLiteral("reference"), QStringLiteral("Group/1")}})
                                               << QStringLiteral("not a reference to a Patient");
        QTest::newRow("time without zone")
            << edited(task, QStringLiteral("authoredOn"), QStringLiteral("2025-10-09T08:53:20"))
            << QStringLiteral("not a date and time with a time zone");
        QTest::newRow("date only") << edited(task, QStringLiteral("authoredOn"), QStringLiteral("2025-10-09"))
                                   << QStringLiteral("not a date and time with a time zone");
        QTest::newRow("time a number") << edited(task, QStringLiteral("authoredOn"), 12345)
                                       << QStringLiteral("The event's time is missing or not a string.");
        QTest::newRow("no requester") << edited(task, QStringLiteral("requester"), QJsonValue::Undefined)
                                      << QStringLiteral("The requester is missing.");
        QTest::newRow("two notes") << edited(task, QStringLiteral("note"),
            QJsonArray{QJsonObject{{QStringLiteral("text"), QStringLiteral("a")}},
                QJsonObject{{QStringLiteral("text"), QStringLiteral("b")}}})
                                   << QStringLiteral("more than one note");
        QTest::newRow("note as a task") << withExtensions(task, [&](QJsonArray& ext) {
            QJsonObject k = ext[extensionIndex(ext, "case-event-kind")].toObject();
            k.insert(QStringLiteral("valueCode"), QStringLiteral("note"));
            ext[extensionIndex(ext, "case-event-kind")] = k;
        }) << QStringLiteral("A note must be a Communication, not a Task.");
        QTest::newRow("note without text") << edited(note, QStringLiteral("payload"), QJsonValue::Undefined)
                                           << QStringLiteral("A note needs some text.");
        QTest::newRow("level on a resolution") << withExtensions(task, [&](QJsonArray& ext) {
            ext.append(QJsonObject{
                {QStringLiteral("url"),
                    QStringLiteral("https://vigil.example.nhs.uk/fhir/StructureDefinition/escalation-level")},
                {QStringLiteral("valueCoding"),
                    QJsonObject{{QStringLiteral("system"),
                                    QStringLiteral("https://vigil.example.nhs.uk/fhir/CodeSystem/escalation-level")},
                        {QStringLiteral("code"), QStringLiteral("emergency-999")}}}});
        }) << QStringLiteral("Only an escalation or a de-escalation has a level.");
        QTest::newRow("parent not a uuid") << withExtensions(task, [&](QJsonArray& ext) {
            ext.append(QJsonObject{
                {QStringLiteral("url"),
                    QStringLiteral("https://vigil.example.nhs.uk/fhir/StructureDefinition/case-event-parent")},
                {QStringLiteral("valueUri"), QStringLiteral("urn:uuid:nope")}});
        }) << QStringLiteral("has no valid id");
        QTest::newRow("parent twice") << withExtensions(task, [&](QJsonArray& ext) {
            ext.append(ext[extensionIndex(ext, "case-event-parent")]);
        }) << QStringLiteral("The event lists an earlier event twice.");

        // The escalation bundle.
        QJsonObject escTask = taskOf(escalate);
        QJsonArray entries = escalate.value(u"entry").toArray();
        const QJsonObject flag = entries[0].toObject().value(u"resource").toObject();
        QTest::newRow("bundle without task")
            << edited(escalate, QStringLiteral("entry"), QJsonArray{QJsonObject{{QStringLiteral("resource"), flag}}})
            << QStringLiteral("The case event bundle has no Task.");
        QTest::newRow("bundle with two tasks") << edited(escalate, QStringLiteral("entry"),
            QJsonArray{
                QJsonObject{{QStringLiteral("resource"), escTask}}, QJsonObject{{QStringLiteral("resource"), escTask}}})
                                               << QStringLiteral("more than one Task");
        QJsonObject otherFlag = flag;
        otherFlag.insert(QStringLiteral("id"), eventId(98));
        otherFlag.insert(QStringLiteral("identifier"),
            QJsonArray{QJsonObject{{QStringLiteral("system"), QStringLiteral("urn:ietf:rfc:3986")},
                {QStringLiteral("value"), QString(QStringLiteral("urn:uuid:") + eventId(98))}}});
        QTest::newRow("flag for another event") << edited(escalate, QStringLiteral("entry"),
            QJsonArray{QJsonObject{{QStringLiteral("resource"), otherFlag}},
                QJsonObject{{QStringLiteral("resource"), escTask}}})
                                                << QStringLiteral("different events");
        QTest::newRow("bundle with a patient") << edited(escalate, QStringLiteral("entry"),
            QJsonArray{QJsonObject{{QStringLiteral("resource"),
                QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Patient")}}}}})
                                               << QStringLiteral("holds only a Flag and a Task");
        QJsonObject noSbar = escTask;
        {
            QJsonArray ext = noSbar.value(u"extension").toArray();
            ext.removeAt(extensionIndex(ext, "sbar"));
            noSbar.insert(QStringLiteral("extension"), ext);
        }
        QTest::newRow("escalation without SBAR")
            << compact(noSbar) << QStringLiteral("An escalation needs the SBAR situation.");
        QJsonObject noLevel = escTask;
        {
            QJsonArray ext = noLevel.value(u"extension").toArray();
            ext.removeAt(extensionIndex(ext, "escalation-level"));
            noLevel.insert(QStringLiteral("extension"), ext);
        }
        QTest::newRow("escalation without level")
            << compact(noLevel) << QStringLiteral("The escalation level is missing.");

        const auto recordingTime = [](const QString& value) {
            return QJsonObject{
                {QStringLiteral("url"),
                    QStringLiteral("https://vigil.example.nhs.uk/fhir/StructureDefinition/recording-time")},
                {QStringLiteral("valueDateTime"), value}};
        };
        QTest::newRow("recording time on a task") << withExtensions(task, [&](QJsonArray& ext) {
            ext.append(recordingTime(QStringLiteral("2026-11-22T03:12:04.000000Z")));
        }) << QStringLiteral("Only a note refers to a time in the recording.");
        QTest::newRow("recording time twice") << withExtensions(note, [&](QJsonArray& ext) {
            ext.append(recordingTime(QStringLiteral("2026-11-22T03:12:04.000000Z")));
            ext.append(recordingTime(QStringLiteral("2026-11-22T03:12:05.000000Z")));
        }) << QStringLiteral("The recording time is given more than once.");
        QTest::newRow("recording time without zone") << withExtensions(note, [&](QJsonArray& ext) {
            ext.append(recordingTime(QStringLiteral("2026-11-22T03:12:04")));
        }) << QStringLiteral("not a date and time with a time zone");
    }

    void refusesMalformedInput()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, reason);
        QString error;
        QCOMPARE(CaseEventFhir::decode(json, &error), std::nullopt);
        QVERIFY2(error.contains(reason), qPrintable(error));
    }

    // A bare Task for an escalation (no Flag beside it) is accepted: the Task carries everything.
    void escalationTaskAloneIsAccepted()
    {
        const CaseEvent e = sample(Kind::Escalate);
        const QJsonObject task = taskOf(parse(CaseEventFhir::encode(e)));
        QString error;
        const auto back = CaseEventFhir::decode(compact(task), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(*back, e);
    }

    // Extensions Vigil does not know are ignored (another system may add its own).
    void unknownExtensionsAreIgnored()
    {
        const CaseEvent e = sample(Kind::Resolve);
        QJsonObject task = parse(CaseEventFhir::encode(e));
        QJsonArray ext = task.value(u"extension").toArray();
        ext.append(QJsonObject{{QStringLiteral("url"), QStringLiteral("https://example.org/x")},
            {QStringLiteral("valueString"), QStringLiteral("y")}});
        task.insert(QStringLiteral("extension"), ext);
        const auto back = CaseEventFhir::decode(compact(task));
        QVERIFY(back);
        QCOMPARE(*back, e);
    }
};

QTEST_GUILESS_MAIN(TestCaseEventFhir)
#include "tst_caseeventfhir.moc"
