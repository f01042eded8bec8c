#include "fhirdecoder.h"

#include "fhirobservation.h"
#include "fhirpatient.h"
#include "fhirproblems.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>

#include <iterator>
#include <utility>

namespace vigil::codec {

namespace {

// "line 3" + "entry[2]" -> "line 3, entry[2]"
QString joinWhere(const QString& prefix, const QString& where)
{
    if (prefix.isEmpty())
        return where;
    if (where.isEmpty())
        return prefix;
    return prefix + QStringLiteral(", ") + where;
}

bool isBlank(QByteArrayView bytes)
{
    for (const char c : bytes) {
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            return false;
    }
    return true;
}

template<typename T>
void moveAppend(std::vector<T>& to, std::vector<T>& from)
{
    to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

InboundBatch rejected(const QString& where, const QString& reason)
{
    InboundBatch batch;
    batch.rejected = true;
    batch.problems.push_back({where, reason});
    return batch;
}

void decodeBundle(
    const QJsonObject& bundle, const QString& defaultPatientKey, const QString& prefix, InboundBatch& batch)
{
    batch.messageId = bundle.value(u"id").toString().trimmed();
    if (batch.messageId.isEmpty())
        batch.messageId = bundle.value(u"identifier").toObject().value(u"value").toString().trimmed();

    const QJsonValue entryValue = bundle.value(u"entry");
    if (entryValue.isUndefined() || entryValue.isNull())
        return; // an empty Bundle (e.g. a searchset that found nothing)
    if (!entryValue.isArray()) {
        batch = rejected(
            joinWhere(prefix, QStringLiteral("Bundle")), FhirDecoder::tr("The Bundle's entry is not an array."));
        return;
    }
    const QJsonArray entries = entryValue.toArray();
    if (entries.size() > FhirDecoder::kMaxBundleEntries) {
        batch = rejected(joinWhere(prefix, QStringLiteral("Bundle")),
            FhirDecoder::tr("The Bundle has more than %1 entries.").arg(FhirDecoder::kMaxBundleEntries));
        return;
    }

    FhirObservation::Context context;
    context.defaultPatientKey = defaultPatientKey;
    const auto where = [&prefix](qsizetype i) { return joinWhere(prefix, QStringLiteral("entry[%1]").arg(i)); };

    // Pass 1: Patients, so that Observations can refer to them by fullUrl whatever the entry order.
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonValue entry = entries.at(i);
        if (!entry.isObject()) {
            FhirProblems::add(batch, where(i), FhirDecoder::tr("The entry is not an object."));
            continue;
        }
        const QJsonValue resource = entry.toObject().value(u"resource");
        if (resource.isUndefined() || resource.isNull())
            continue; // a response or a delete: nothing to read
        if (!resource.isObject()) {
            FhirProblems::add(batch, where(i), FhirDecoder::tr("The entry's resource is not an object."));
            continue;
        }
        if (resource.toObject().value(u"resourceType").toString() != u"Patient")
            continue;
        std::vector<DecodeProblem> problems;
        std::optional<core::PatientIdentity> identity =
            FhirPatient::decode(resource.toObject(), defaultPatientKey, where(i), problems);
        for (const DecodeProblem& p : problems)
            FhirProblems::add(batch, p.where, p.reason);
        if (!identity)
            continue;
        const QString fullUrl = entry.toObject().value(u"fullUrl").toString().trimmed();
        if (!fullUrl.isEmpty()) {
            const auto known = context.patientByFullUrl.constFind(fullUrl);
            // Two Patients under one fullUrl: references to it name nobody for sure (empty key).
            if (known == context.patientByFullUrl.constEnd())
                context.patientByFullUrl.insert(fullUrl, identity->id);
            else if (known.value() != identity->id)
                context.patientByFullUrl.insert(fullUrl, QString());
        }
        batch.patients.push_back(std::move(*identity));
    }

    // Pass 2: everything else.
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonValue resourceValue = entries.at(i).toObject().value(u"resource");
        if (!resourceValue.isObject())
            continue; // reported in pass 1, or nothing to read
        const QJsonObject resource = resourceValue.toObject();
        const QJsonValue type = resource.value(u"resourceType");
        if (type.toString() == u"Observation") {
            FhirObservation::decode(resource, context, where(i), batch);
        } else if (type.toString() == u"Bundle") {
            FhirProblems::add(
                batch, where(i), FhirDecoder::tr("A Bundle inside a Bundle is not supported; the entry was skipped."));
        } else if (!type.isString() || type.toString().isEmpty()) {
            FhirProblems::add(batch, where(i), FhirDecoder::tr("The entry's resource has no resourceType."));
        }
        // Patients were read in pass 1; other resource types are not for Vigil: ignored.
    }
}

// One JSON document: a resource or a Bundle. `prefix` locates it in an NDJSON text ("line 3").
InboundBatch decodeDocument(const QByteArray& json, const QString& defaultPatientKey, const QString& prefix)
{
    if (json.size() > FhirDecoder::kMaxMessageBytes)
        return rejected(
            prefix, FhirDecoder::tr("The message is larger than %1 MiB.").arg(FhirDecoder::kMaxMessageBytes >> 20));
    if (isBlank(json))
        return rejected(prefix, FhirDecoder::tr("The message is empty."));
    if (FhirDecoder::nestingDepth(json) > FhirDecoder::kMaxDepth)
        return rejected(
            prefix, FhirDecoder::tr("The message nests JSON deeper than %1 levels.").arg(FhirDecoder::kMaxDepth));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        // errorString() names the kind of error only ("unterminated string"), never the content.
        return rejected(prefix,
            FhirDecoder::tr("The message is not valid JSON (%1 at byte %2).")
                .arg(error.errorString())
                .arg(error.offset));
    }
    if (!document.isObject())
        return rejected(prefix, FhirDecoder::tr("The message is not a JSON object."));
    const QJsonObject resource = document.object();
    const QString type = resource.value(u"resourceType").toString();
    if (type.isEmpty())
        return rejected(prefix, FhirDecoder::tr("The message has no resourceType."));

    InboundBatch batch;
    if (type == u"Bundle") {
        decodeBundle(resource, defaultPatientKey, prefix, batch);
    } else if (type == u"Observation") {
        FhirObservation::Context context;
        context.defaultPatientKey = defaultPatientKey;
        const QString key = FhirObservation::decode(resource, context, joinWhere(prefix, type), batch);
        batch.messageId = resource.value(u"id").toString().trimmed();
        if (batch.messageId.isEmpty())
            batch.messageId = key;
    } else if (type == u"Patient") {
        std::optional<core::PatientIdentity> identity =
            FhirPatient::decode(resource, defaultPatientKey, joinWhere(prefix, type), batch.problems);
        batch.messageId = resource.value(u"id").toString().trimmed();
        if (identity)
            batch.patients.push_back(std::move(*identity));
    } else {
        return rejected(prefix, FhirDecoder::tr("The resource type is not one Vigil reads."));
    }
    return batch;
}

} // namespace

int FhirDecoder::nestingDepth(QByteArrayView json, int limit)
{
    int depth = 0;
    int deepest = 0;
    bool inString = false;
    bool escaped = false;
    for (const char c : json) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (++depth > deepest) {
                deepest = depth;
                if (deepest > limit)
                    return deepest;
            }
        } else if ((c == '}' || c == ']') && depth > 0) {
            --depth;
        }
    }
    return deepest;
}

InboundBatch FhirDecoder::decode(const QByteArray& json, const QString& defaultPatientKey)
{
    return decodeDocument(json, defaultPatientKey, QString());
}

InboundBatch FhirDecoder::decodeNdjson(const QByteArray& text, const QString& defaultPatientKey)
{
    if (text.size() > kMaxMessageBytes)
        return rejected(QString(), tr("The message is larger than %1 MiB.").arg(kMaxMessageBytes >> 20));
    InboundBatch batch;
    bool anyLine = false;
    bool anyRead = false;
    qsizetype start = 0;
    for (qsizetype lineNumber = 1; start <= text.size(); ++lineNumber) {
        qsizetype end = text.indexOf('\n', start);
        if (end < 0)
            end = text.size();
        const QByteArray line = QByteArray::fromRawData(text.constData() + start, end - start); // valid in this call
        if (!isBlank(line)) {
            anyLine = true;
            InboundBatch one = decodeDocument(line, defaultPatientKey, QStringLiteral("line %1").arg(lineNumber));
            anyRead = anyRead || !one.rejected;
            moveAppend(batch.patients, one.patients);
            moveAppend(batch.waves, one.waves);
            moveAppend(batch.vitals, one.vitals);
            moveAppend(batch.statuses, one.statuses);
            for (const DecodeProblem& p : one.problems)
                FhirProblems::add(batch, p.where, p.reason);
        }
        start = end + 1;
    }
    if (!anyLine)
        return rejected(QString(), tr("The message is empty."));
    batch.rejected = !anyRead;
    return batch;
}

} // namespace vigil::codec
