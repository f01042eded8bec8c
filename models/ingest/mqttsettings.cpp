#include "mqttsettings.h"

#include <mqtt/connect_options.h>

namespace vigil::ingest {

std::string MqttSettings::pahoUri(const QString& uri)
{
    QString u = uri.trimmed();
    if (u.startsWith(QLatin1String("mqtt://")))
        u = QStringLiteral("tcp://") + u.mid(7);
    else if (u.startsWith(QLatin1String("mqtts://")))
        u = QStringLiteral("ssl://") + u.mid(8);
    return u.toStdString();
}

bool MqttSettings::isTls(const std::string& pahoUri)
{
    return pahoUri.rfind("ssl://", 0) == 0;
}

mqtt::connect_options MqttSettings::connectOptions(
    const std::string& uri, bool cleanSession, std::function<void(const std::string&)> onTlsError) const
{
    mqtt::connect_options options;
    options.set_clean_session(cleanSession);
    options.set_mqtt_version(MQTTVERSION_3_1_1);
    options.set_keep_alive_interval(keepAliveS);
    options.set_connect_timeout(connectTimeoutS);
    if (!username.isEmpty()) {
        options.set_user_name(username.toStdString());
        options.set_password(password.toStdString());
    }
    if (isTls(uri)) {
        mqtt::ssl_options ssl;
        if (!caFile.isEmpty())
            ssl.set_trust_store(caFile.toStdString());
        if (!certFile.isEmpty())
            ssl.set_key_store(certFile.toStdString());
        if (!keyFile.isEmpty())
            ssl.set_private_key(keyFile.toStdString());
        ssl.set_enable_server_cert_auth(true);
        ssl.set_verify(verifyHostname);
        if (onTlsError)
            ssl.set_error_handler(std::move(onTlsError));
        options.set_ssl(std::move(ssl));
    }
    return options;
}

} // namespace vigil::ingest
