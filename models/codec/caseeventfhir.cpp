#include "caseeventfhir.h"

#include "fhirdatetime.h"
#include "fhirjson.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

#include <functional>

namespace vigil::codec {

namespace {

using clinical::CaseEvent;
using clinical::EscalationLevel;
using Kind = CaseEvent::Kind;

const QString kStructure = QStringLiteral("https://vigil.example.nhs.uk/fhir/StructureDefinition/");
const QString kKindUrl = kStructure + QStringLiteral("case-event-kind");
const QString kWorkstationUrl = kStructure + QStringLiteral("case-event-workstation");
const QString kRoleUrl = kStructure + QStringLiteral("case-event-role");
const QString kParentUrl = kStructure + QStringLiteral("case-event-parent");
const QString kLevelUrl = kStructure + QStringLiteral("escalation-level");
const QString kSbarUrl = kStructure + QStringLiteral("sbar");
const QString kRecordingTimeUrl = kStructure + QStringLiteral("recording-time");
const QString kLevelSystem = QStringLiteral("https://vigil.example.nhs.uk/fhir/CodeSystem/escalation-level");
const QString kActionSystem = QStringLiteral("https://vigil.example.nhs.uk/fhir/CodeSystem/case-action");
const QString kStatusSystem = QStringLiteral("https://vigil.example.nhs.uk/fhir/CodeSystem/case-business-status");
const QString kUserSystem = QStringLiteral("https://vigil.example.nhs.uk/fhir/Id/user");
const QString kUriSystem = QStringLiteral("urn:ietf:rfc:3986");
const QString kFlagCategorySystem = QStringLiteral("http://terminology.hl7.org/CodeSystem/flag-category");
const QString kUuidPrefix = QStringLiteral("urn:uuid:");
const QString kPatientPrefix = QStringLiteral("Patient/");

// Task.status and businessStatus for each kind (Note is a Communication).
struct TaskStatus
{
    const char* status;
    const char* business;
};

TaskStatus taskStatus(Kind kind)
{
    switch (kind) {
    case Kind::Acknowledge:
        return {"completed", "acknowledged"};
    case Kind::RequestReview:
        return {"requested", "review-requested"};
    case Kind::ReviewNeeded:
        return {"requested", "review-needed"};
    case Kind::Escalate:
        return {"requested", "escalated"};
    case Kind::HandOver:
        return {"completed", "handed-over"};
    case Kind::Resolve:
        return {"completed", "resolved"};
    case Kind::DeEscalate:
        return {"completed", "de-escalated"};
    case Kind::Note:
        break;
    }
    return {"completed", "noted"};
}

// Task.priority for an escalation (FHIR request-priority).
QString priority(EscalationLevel level)
{
    switch (level) {
    case EscalationLevel::None:
    case EscalationLevel::RoutineReview:
        return QStringLiteral("routine");
    case EscalationLevel::UrgentClinicalReview:
        return QStringLiteral("urgent");
    case EscalationLevel::UrgentCommunityResponse:
    case EscalationLevel::OutOfHours111:
        return QStringLiteral("asap");
    case EscalationLevel::Emergency999:
        return QStringLiteral("stat");
    }
    return QStringLiteral("routine");
}

bool hasFlag(Kind kind)
{
    return kind == Kind::Escalate || kind == Kind::ReviewNeeded;
}

bool hasLevel(Kind kind)
{
    return kind == Kind::Escalate || kind == Kind::DeEscalate;
}

QJsonObject user(const QString& name)
{
    return QJsonObject{{QStringLiteral("identifier"),
                           QJsonObject{{QStringLiteral("system"), kUserSystem}, {QStringLiteral("value"), name}}},
        {QStringLiteral("display"), name}};
}

QJsonObject extension(const QString& url, const QString& valueKey, const QJsonValue& value)
{
    return QJsonObject{{QStringLiteral("url"), url}, {valueKey, value}};
}

QJsonObject levelExtension(EscalationLevel level)
{
    return extension(kLevelUrl, QStringLiteral("valueCoding"),
        FhirJson::coding(kLevelSystem, clinical::escalationLevelKey(level), clinical::escalationLevelName(level)));
}

// The extensions every primary resource (Task, Communication) carries.
QJsonArray eventExtensions(const CaseEvent& e)
{
    QJsonArray ext;
    ext.append(extension(kKindUrl, QStringLiteral("valueCode"), CaseEvent::kindKey(e.kind)));
    if (!e.workstation.isEmpty())
        ext.append(extension(kWorkstationUrl, QStringLiteral("valueString"), e.workstation));
    if (!e.role.isEmpty())
        ext.append(extension(kRoleUrl, QStringLiteral("valueString"), e.role));
    for (const QString& parent : e.parents)
        ext.append(extension(kParentUrl, QStringLiteral("valueUri"), QString(kUuidPrefix + parent)));
    if (hasLevel(e.kind))
        ext.append(levelExtension(e.level));
    if (e.recordingTime != 0)
        ext.append(
            extension(kRecordingTimeUrl, QStringLiteral("valueDateTime"), CaseEventFhir::dateTime(e.recordingTime)));
    if (e.kind == Kind::Escalate) {
        QJsonArray parts;
        const auto part = [&](const char* name, const QString& text) {
            if (!text.isEmpty())
                parts.append(extension(QString::fromLatin1(name), QStringLiteral("valueString"), text));
        };
        part("situation", e.sbar.situation);
        part("background", e.sbar.background);
        part("assessment", e.sbar.assessment);
        part("recommendation", e.sbar.recommendation);
        ext.append(QJsonObject{{QStringLiteral("url"), kSbarUrl}, {QStringLiteral("extension"), parts}});
    }
    return ext;
}

QJsonArray identifier(const QString& id)
{
    return QJsonArray{
        QJsonObject{{QStringLiteral("system"), kUriSystem}, {QStringLiteral("value"), QString(kUuidPrefix + id)}}};
}

QJsonObject patientReference(const QString& key)
{
    return QJsonObject{{QStringLiteral("reference"), QString(kPatientPrefix + key)}};
}

QJsonObject task(const CaseEvent& e)
{
    const TaskStatus s = taskStatus(e.kind);
    QJsonObject t{
        {QStringLiteral("resourceType"), QStringLiteral("Task")},
        {QStringLiteral("id"), e.id},
        {QStringLiteral("extension"), eventExtensions(e)},
        {QStringLiteral("identifier"), identifier(e.id)},
        {QStringLiteral("status"), QString::fromLatin1(s.status)},
        {QStringLiteral("businessStatus"),
            FhirJson::codeable(FhirJson::coding(kStatusSystem, QString::fromLatin1(s.business)))},
        {QStringLiteral("intent"), QStringLiteral("order")},
        {QStringLiteral("code"), FhirJson::codeable(FhirJson::coding(kActionSystem, CaseEvent::kindKey(e.kind)))},
        {QStringLiteral("for"), patientReference(e.patientKey)},
        {QStringLiteral("authoredOn"), CaseEventFhir::dateTime(e.time)},
        {QStringLiteral("requester"), user(e.actor)},
    };
    if (e.kind == Kind::Escalate)
        t.insert(QStringLiteral("priority"), priority(e.level));
    if (!e.handOverTo.isEmpty())
        t.insert(QStringLiteral("owner"), user(e.handOverTo));
    if (!e.text.isEmpty())
        t.insert(QStringLiteral("note"), QJsonArray{QJsonObject{{QStringLiteral("text"), e.text}}});
    return t;
}

QJsonObject flag(const CaseEvent& e)
{
    const QJsonObject code = e.kind == Kind::Escalate
        ? FhirJson::coding(kLevelSystem, clinical::escalationLevelKey(e.level), clinical::escalationLevelName(e.level))
        : FhirJson::coding(kActionSystem, CaseEvent::kindKey(e.kind));
    QJsonArray ext{extension(kKindUrl, QStringLiteral("valueCode"), CaseEvent::kindKey(e.kind))};
    if (e.kind == Kind::Escalate)
        ext.append(levelExtension(e.level));
    return QJsonObject{
        {QStringLiteral("resourceType"), QStringLiteral("Flag")},
        {QStringLiteral("id"), e.id},
        {QStringLiteral("extension"), ext},
        {QStringLiteral("identifier"), identifier(e.id)},
        {QStringLiteral("status"), QStringLiteral("active")},
        {QStringLiteral("category"),
            QJsonArray{FhirJson::codeable(FhirJson::coding(kFlagCategorySystem, QStringLiteral("clinical")))}},
        {QStringLiteral("code"), FhirJson::codeable(code)},
        {QStringLiteral("subject"), patientReference(e.patientKey)},
        {QStringLiteral("period"), QJsonObject{{QStringLiteral("start"), CaseEventFhir::dateTime(e.time)}}},
        {QStringLiteral("author"), user(e.actor)},
    };
}

QJsonObject communication(const CaseEvent& e)
{
    QJsonObject c{
        {QStringLiteral("resourceType"), QStringLiteral("Communication")},
        {QStringLiteral("id"), e.id},
        {QStringLiteral("extension"), eventExtensions(e)},
        {QStringLiteral("identifier"), identifier(e.id)},
        {QStringLiteral("status"), QStringLiteral("completed")},
        {QStringLiteral("category"),
            QJsonArray{FhirJson::codeable(FhirJson::coding(kActionSystem, CaseEvent::kindKey(e.kind)))}},
        {QStringLiteral("subject"), patientReference(e.patientKey)},
        {QStringLiteral("sent"), CaseEventFhir::dateTime(e.time)},
        {QStringLiteral("sender"), user(e.actor)},
    };
    if (!e.text.isEmpty())
        c.insert(QStringLiteral("payload"), QJsonArray{QJsonObject{{QStringLiteral("contentString"), e.text}}});
    return c;
}

// Decoding: each reader returns false with the reason in `error`.
class Reader
{
public:
    explicit Reader(QString& error)
        : m_error(error)
    { }

    bool fail(const QString& reason)
    {
        if (m_error.isEmpty())
            m_error = reason;
        return false;
    }

    // Members: each must be present (or, when `optional`, may be absent: then `out` is left as it is)
    // and of its type; `what` names it in the reason.
    bool string(const QJsonObject& o, const QString& key, QString& out, bool optional, const QString& what)
    {
        return member(o, key, optional, what, [&](const QJsonValue& v) {
            out = v.toString();
            return v.isString() && !out.isEmpty() ? QString() : CaseEventFhir::tr("The %1 is not a non-empty string.");
        });
    }

    bool object(const QJsonObject& o, const QString& key, QJsonObject& out, bool optional, const QString& what)
    {
        return member(o, key, optional, what, [&](const QJsonValue& v) {
            out = v.toObject();
            return v.isObject() ? QString() : CaseEventFhir::tr("The %1 is not a JSON object.");
        });
    }

    bool array(const QJsonObject& o, const QString& key, QJsonArray& out, bool optional, const QString& what)
    {
        return member(o, key, optional, what, [&](const QJsonValue& v) {
            out = v.toArray();
            return v.isArray() && !out.isEmpty() ? QString() : CaseEventFhir::tr("The %1 is not a non-empty array.");
        });
    }

    // The event id from identifier[] (system urn:ietf:rfc:3986, "urn:uuid:<id>"); the resource id,
    // when present, must be the same.
    bool eventId(const QJsonObject& resource, QString& id)
    {
        QJsonArray identifiers;
        if (!array(resource, QStringLiteral("identifier"), identifiers, false, CaseEventFhir::tr("event identifier")))
            return false;
        for (const auto& v : identifiers) {
            const QJsonObject i = v.toObject();
            if (i.value(u"system").toString() != kUriSystem)
                continue;
            const QString value = i.value(u"value").toString();
            if (!value.startsWith(kUuidPrefix))
                return fail(CaseEventFhir::tr("The event identifier is not a urn:uuid."));
            if (!id.isEmpty())
                return fail(CaseEventFhir::tr("The resource has more than one event identifier."));
            id = value.mid(kUuidPrefix.size());
        }
        if (id.isEmpty())
            return fail(CaseEventFhir::tr("The resource has no event identifier (system urn:ietf:rfc:3986)."));
        QString resourceId;
        if (!string(resource, QStringLiteral("id"), resourceId, true, CaseEventFhir::tr("resource id")))
            return false;
        if (!resourceId.isEmpty() && resourceId != id)
            return fail(CaseEventFhir::tr("The resource id is not the event identifier."));
        return true;
    }

    bool patient(const QJsonObject& resource, const QString& key, QString& patientKey)
    {
        QJsonObject reference;
        if (!object(resource, key, reference, false, CaseEventFhir::tr("patient reference")))
            return false;
        QString text;
        if (!string(reference, QStringLiteral("reference"), text, false, CaseEventFhir::tr("patient reference")))
            return false;
        if (!text.startsWith(kPatientPrefix) || text.size() == kPatientPrefix.size())
            return fail(CaseEventFhir::tr("The subject is not a reference to a Patient (\"Patient/<id>\")."));
        patientKey = text.mid(kPatientPrefix.size());
        return true;
    }

    bool time(const QJsonValue& value, core::Timestamp& out)
    {
        if (!value.isString())
            return fail(CaseEventFhir::tr("The event's time is missing or not a string."));
        const FhirDateTime::Result t = FhirDateTime::parse(value.toString());
        if (t.precision != FhirDateTime::Precision::Time || !t.hasZone)
            return fail(CaseEventFhir::tr("The event's time is not a date and time with a time zone."));
        out = t.utc;
        return true;
    }

    bool user(const QJsonObject& resource, const QString& key, QString& name, bool optional, const QString& what)
    {
        QJsonObject reference;
        if (!object(resource, key, reference, optional, what))
            return false;
        if (reference.isEmpty())
            return true;
        QJsonObject id;
        if (!object(reference, QStringLiteral("identifier"), id, false, what))
            return false;
        if (id.value(u"system").toString() != kUserSystem)
            return fail(CaseEventFhir::tr("The %1 is not a Vigil user identifier.").arg(what));
        return string(id, QStringLiteral("value"), name, false, what);
    }

    // A codeable concept with exactly one coding of `system`; its code.
    bool code(const QJsonObject& concept_, const QString& system, QString& out, const QString& what)
    {
        QJsonArray codings;
        if (!array(concept_, QStringLiteral("coding"), codings, false, what))
            return false;
        for (const auto& v : codings) {
            const QJsonObject c = v.toObject();
            if (c.value(u"system").toString() != system)
                continue;
            if (!out.isEmpty())
                return fail(CaseEventFhir::tr("The %1 has more than one Vigil coding.").arg(what));
            if (!string(c, QStringLiteral("code"), out, false, what))
                return false;
        }
        if (out.isEmpty())
            return fail(CaseEventFhir::tr("The %1 has no Vigil coding.").arg(what));
        return true;
    }

    struct Extensions
    {
        std::optional<Kind> kind;
        QString workstation;
        QString role;
        QStringList parents;
        std::optional<EscalationLevel> level;
        std::optional<clinical::Sbar> sbar;
        std::optional<core::Timestamp> recordingTime;
    };

    bool extensions(const QJsonObject& resource, Extensions& out)
    {
        QJsonArray list;
        if (!array(resource, QStringLiteral("extension"), list, false, CaseEventFhir::tr("extension list")))
            return false;
        bool seenWorkstation = false;
        bool seenRole = false;
        for (const auto& v : list) {
            if (!v.isObject())
                return fail(CaseEventFhir::tr("An extension is not a JSON object."));
            const QJsonObject ext = v.toObject();
            const QString url = ext.value(u"url").toString();
            if (url == kKindUrl) {
                QString key;
                if (out.kind || !string(ext, QStringLiteral("valueCode"), key, false, CaseEventFhir::tr("event kind")))
                    return fail(CaseEventFhir::tr("The event kind is given more than once."));
                out.kind = CaseEvent::kindFromKey(key);
                if (!out.kind)
                    return fail(CaseEventFhir::tr("The event kind \"%1\" is not one Vigil knows.").arg(key.left(40)));
            } else if (url == kWorkstationUrl) {
                if (seenWorkstation)
                    return fail(CaseEventFhir::tr("The workstation is given more than once."));
                seenWorkstation = true;
                if (!string(
                        ext, QStringLiteral("valueString"), out.workstation, false, CaseEventFhir::tr("workstation")))
                    return false;
            } else if (url == kRoleUrl) {
                if (seenRole)
                    return fail(CaseEventFhir::tr("The role is given more than once."));
                seenRole = true;
                if (!string(ext, QStringLiteral("valueString"), out.role, false, CaseEventFhir::tr("role")))
                    return false;
            } else if (url == kParentUrl) {
                QString uri;
                if (!string(ext, QStringLiteral("valueUri"), uri, false, CaseEventFhir::tr("earlier event")))
                    return false;
                if (!uri.startsWith(kUuidPrefix))
                    return fail(CaseEventFhir::tr("An earlier event is not named by a urn:uuid."));
                if (out.parents.size() >= CaseEvent::kMaxParents)
                    return fail(
                        CaseEventFhir::tr("The event lists more than %1 earlier events.").arg(CaseEvent::kMaxParents));
                out.parents << uri.mid(kUuidPrefix.size());
            } else if (url == kLevelUrl) {
                if (out.level)
                    return fail(CaseEventFhir::tr("The escalation level is given more than once."));
                QJsonObject c;
                if (!object(ext, QStringLiteral("valueCoding"), c, false, CaseEventFhir::tr("escalation level")))
                    return false;
                QString key;
                if (c.value(u"system").toString() != kLevelSystem
                    || !string(c, QStringLiteral("code"), key, false, CaseEventFhir::tr("escalation level")))
                    return fail(CaseEventFhir::tr("The escalation level is not coded in Vigil's escalation levels."));
                out.level = clinical::escalationLevelFromKey(key);
                if (!out.level)
                    return fail(
                        CaseEventFhir::tr("The escalation level \"%1\" is not one Vigil knows.").arg(key.left(40)));
            } else if (url == kRecordingTimeUrl) {
                if (out.recordingTime)
                    return fail(CaseEventFhir::tr("The recording time is given more than once."));
                if (!time(ext.value(u"valueDateTime"), out.recordingTime.emplace()))
                    return false;
            } else if (url == kSbarUrl) {
                if (out.sbar)
                    return fail(CaseEventFhir::tr("The SBAR is given more than once."));
                if (!sbar(ext, out.sbar.emplace()))
                    return false;
            }
            // Other extensions: not Vigil's, ignored.
        }
        if (!out.kind)
            return fail(CaseEventFhir::tr("The resource has no Vigil event kind; it is not a Vigil case event."));
        return true;
    }

    bool sbar(const QJsonObject& ext, clinical::Sbar& out)
    {
        QJsonArray parts;
        if (!array(ext, QStringLiteral("extension"), parts, true, CaseEventFhir::tr("SBAR")))
            return false;
        for (const auto& v : parts) {
            const QJsonObject part = v.toObject();
            const QString name = part.value(u"url").toString();
            QString* target = name == u"situation" ? &out.situation
                : name == u"background"            ? &out.background
                : name == u"assessment"            ? &out.assessment
                : name == u"recommendation"        ? &out.recommendation
                                                   : nullptr;
            if (!target)
                return fail(CaseEventFhir::tr("The SBAR has a part Vigil does not know."));
            if (!target->isEmpty())
                return fail(CaseEventFhir::tr("The SBAR gives a part more than once."));
            if (!string(part, QStringLiteral("valueString"), *target, false, CaseEventFhir::tr("SBAR part")))
                return false;
        }
        return true;
    }

private:
    // `take` reads the value and returns "" or the reason it is unfit (with %1 for `what`).
    bool member(const QJsonObject& o, const QString& key, bool optional, const QString& what,
        const std::function<QString(const QJsonValue&)>& take)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            return optional || fail(CaseEventFhir::tr("The %1 is missing.").arg(what));
        const QString problem = take(v);
        return problem.isEmpty() || fail(problem.arg(what));
    }

    QString& m_error;
};

bool readTask(Reader& r, const QJsonObject& task, CaseEvent& e, Reader::Extensions& ext)
{
    if (!r.eventId(task, e.id) || !r.extensions(task, ext))
        return false;
    if (*ext.kind == Kind::Note)
        return r.fail(CaseEventFhir::tr("A note must be a Communication, not a Task."));
    e.kind = *ext.kind;
    const TaskStatus expected = taskStatus(e.kind);
    QString status;
    if (!r.string(task, QStringLiteral("status"), status, false, CaseEventFhir::tr("task status")))
        return false;
    QJsonObject business;
    QString businessCode;
    if (!r.object(task, QStringLiteral("businessStatus"), business, false, CaseEventFhir::tr("task business status"))
        || !r.code(business, kStatusSystem, businessCode, CaseEventFhir::tr("task business status")))
        return false;
    if (status != QLatin1String(expected.status) || businessCode != QLatin1String(expected.business))
        return r.fail(CaseEventFhir::tr("The task's status does not match the event kind."));
    if (!r.patient(task, QStringLiteral("for"), e.patientKey) || !r.time(task.value(u"authoredOn"), e.time)
        || !r.user(task, QStringLiteral("requester"), e.actor, false, CaseEventFhir::tr("requester"))
        || !r.user(task, QStringLiteral("owner"), e.handOverTo, true, CaseEventFhir::tr("owner")))
        return false;
    QJsonArray notes;
    if (!r.array(task, QStringLiteral("note"), notes, true, CaseEventFhir::tr("note")))
        return false;
    if (notes.size() > 1)
        return r.fail(CaseEventFhir::tr("The task has more than one note."));
    return notes.isEmpty()
        || r.string(notes.first().toObject(), QStringLiteral("text"), e.text, false, CaseEventFhir::tr("note"));
}

bool readCommunication(Reader& r, const QJsonObject& c, CaseEvent& e, Reader::Extensions& ext)
{
    if (!r.eventId(c, e.id) || !r.extensions(c, ext))
        return false;
    if (*ext.kind != Kind::Note)
        return r.fail(CaseEventFhir::tr("A Communication carries only notes."));
    e.kind = Kind::Note;
    QString status;
    if (!r.string(c, QStringLiteral("status"), status, false, CaseEventFhir::tr("communication status")))
        return false;
    if (status != u"completed")
        return r.fail(CaseEventFhir::tr("The communication's status is not \"completed\"."));
    if (!r.patient(c, QStringLiteral("subject"), e.patientKey) || !r.time(c.value(u"sent"), e.time)
        || !r.user(c, QStringLiteral("sender"), e.actor, false, CaseEventFhir::tr("sender")))
        return false;
    QJsonArray payload;
    if (!r.array(c, QStringLiteral("payload"), payload, true, CaseEventFhir::tr("payload")))
        return false;
    if (payload.size() > 1)
        return r.fail(CaseEventFhir::tr("The communication has more than one payload."));
    return payload.isEmpty()
        || r.string(
            payload.first().toObject(), QStringLiteral("contentString"), e.text, false, CaseEventFhir::tr("note"));
}

} // namespace

QString CaseEventFhir::dateTime(core::Timestamp t)
{
    const qint64 seconds =
        t >= 0 ? t / core::kMicrosPerSecond : -((-t + core::kMicrosPerSecond - 1) / core::kMicrosPerSecond);
    const qint64 micros = t - seconds * core::kMicrosPerSecond;
    const QString text =
        QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss"));
    return text + QLatin1Char('.') + QStringLiteral("%1").arg(micros, 6, 10, QLatin1Char('0')) + QLatin1Char('Z');
}

QByteArray CaseEventFhir::encode(const CaseEvent& event)
{
    QJsonObject root;
    if (event.kind == Kind::Note) {
        root = communication(event);
    } else if (hasFlag(event.kind)) {
        root = QJsonObject{
            {QStringLiteral("resourceType"), QStringLiteral("Bundle")},
            {QStringLiteral("id"), event.id},
            {QStringLiteral("type"), QStringLiteral("collection")},
            {QStringLiteral("timestamp"), dateTime(event.time)},
            {QStringLiteral("entry"),
                QJsonArray{QJsonObject{{QStringLiteral("resource"), flag(event)}},
                    QJsonObject{{QStringLiteral("resource"), task(event)}}}},
        };
    } else {
        root = task(event);
    }
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

std::optional<CaseEvent> CaseEventFhir::decode(QByteArrayView json, QString* error)
{
    QString reason;
    Reader r(reason);
    const auto failed = [&]() -> std::optional<CaseEvent> {
        if (error)
            *error = reason;
        return std::nullopt;
    };
    if (json.size() > kMaxPayloadBytes) {
        r.fail(tr("The message is larger than %1 bytes.").arg(kMaxPayloadBytes));
        return failed();
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        r.fail(tr("The message is not JSON: %1 at byte %2.").arg(parseError.errorString()).arg(parseError.offset));
        return failed();
    }
    if (!document.isObject()) {
        r.fail(tr("The message is not a FHIR resource (a JSON object)."));
        return failed();
    }
    const QJsonObject root = document.object();
    const QString type = root.value(u"resourceType").toString();

    CaseEvent e;
    Reader::Extensions ext;
    QJsonObject flagResource;
    bool ok = false;
    if (type == u"Task") {
        ok = readTask(r, root, e, ext);
    } else if (type == u"Communication") {
        ok = readCommunication(r, root, e, ext);
    } else if (type == u"Bundle") {
        QJsonArray entries;
        if (!r.array(root, QStringLiteral("entry"), entries, false, tr("bundle entry list")))
            return failed();
        QJsonObject taskResource;
        for (const auto& v : entries) {
            const QJsonObject resource = v.toObject().value(u"resource").toObject();
            const QString entryType = resource.value(u"resourceType").toString();
            QJsonObject& slot = entryType == u"Task" ? taskResource : flagResource;
            if (entryType != u"Task" && entryType != u"Flag") {
                r.fail(tr("A case event bundle holds only a Flag and a Task."));
                return failed();
            }
            if (!slot.isEmpty()) {
                r.fail(tr("A case event bundle holds more than one %1.").arg(entryType));
                return failed();
            }
            slot = resource;
        }
        if (taskResource.isEmpty()) {
            r.fail(tr("The case event bundle has no Task."));
            return failed();
        }
        ok = readTask(r, taskResource, e, ext);
        if (ok && !flagResource.isEmpty()) {
            QString flagId;
            if (!r.eventId(flagResource, flagId))
                return failed();
            if (flagId != e.id) {
                r.fail(tr("The Flag and the Task of a case event bundle are for different events."));
                return failed();
            }
            if (!hasFlag(e.kind)) {
                r.fail(tr("Only an escalation or a review-needed event has a Flag."));
                return failed();
            }
        }
    } else {
        r.fail(tr("A case event is a Task, a Communication or a Bundle, not \"%1\".").arg(type.left(40)));
        return failed();
    }
    if (!ok)
        return failed();

    e.workstation = ext.workstation;
    e.role = ext.role;
    e.parents = ext.parents;
    if (ext.recordingTime) {
        if (e.kind != Kind::Note) {
            r.fail(tr("Only a note refers to a time in the recording."));
            return failed();
        }
        e.recordingTime = *ext.recordingTime;
    }
    if (ext.level) {
        if (!hasLevel(e.kind)) {
            r.fail(tr("Only an escalation or a de-escalation has a level."));
            return failed();
        }
        e.level = *ext.level;
    } else if (hasLevel(e.kind)) {
        r.fail(tr("The escalation level is missing."));
        return failed();
    }
    if (ext.sbar) {
        if (e.kind != Kind::Escalate) {
            r.fail(tr("Only an escalation has an SBAR."));
            return failed();
        }
        e.sbar = *ext.sbar;
    }
    const QStringList problems = e.problems();
    if (!problems.isEmpty()) {
        r.fail(tr("The case event is not valid: %1").arg(problems.join(QLatin1Char(' '))));
        return failed();
    }
    return e;
}

} // namespace vigil::codec
