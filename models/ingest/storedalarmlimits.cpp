#include "storedalarmlimits.h"

#include "logging.h"
#include "store/storereader.h"
#include "store/storewriter.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace vigil::ingest {

quint64 StoredAlarmLimits::save(
    store::StoreWriter& writer, const QString& patientKey, const clinical::AlarmLimits& limits)
{
    return writer.setSetting(QString(kPrefix) + patientKey,
        QString::fromUtf8(QJsonDocument(limits.toJson()).toJson(QJsonDocument::Compact)));
}

std::map<QString, clinical::AlarmLimits> StoredAlarmLimits::load(store::StoreReader& reader, int* unreadable)
{
    std::map<QString, clinical::AlarmLimits> out;
    int bad = 0;
    for (const auto& [key, value] : reader.settings(QString(kPrefix))) {
        QJsonParseError parseError{};
        const QJsonDocument document = QJsonDocument::fromJson(value.toUtf8(), &parseError);
        QString why = parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                   : QStringLiteral("not a JSON object");
        std::optional<clinical::AlarmLimits> limits;
        if (document.isObject())
            limits = clinical::AlarmLimits::fromJson(document.object(), &why);
        if (!limits) {
            ++bad;
            qCWarning(lcIngest).noquote()
                << "stored alarm limits could not be read (" << why << "); the programme's defaults apply";
            continue;
        }
        out.emplace(key.mid(kPrefix.size()), *limits);
    }
    if (unreadable)
        *unreadable = bad;
    return out;
}

} // namespace vigil::ingest
