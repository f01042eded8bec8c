#pragma once

#include <QString>
#include <QStringList>

#include <functional>
#include <string>

namespace mqtt {
class connect_options;
}

namespace vigil::ingest {

// How to reach the site's MQTT brokers; shared by the subscriber (MqttSource) and the publishers
// (MqttPublisher: vigil-sim, the outbox). URIs: tcp:// or mqtt:// (plain), ssl:// or mqtts:// (TLS).
struct MqttSettings
{
    QStringList brokers; // in order of preference: the first is the primary
    QString clientId;
    QString username;
    QString password;
    QString caFile; // TLS: the CA that signed the brokers' certificates
    QString certFile; // TLS: optional client certificate (PEM) …
    QString keyFile; // … and its private key (PEM)
    bool verifyHostname = true; // TLS: the certificate must name the host in the URI
    int keepAliveS = 5;
    int connectTimeoutS = 5;

    // Paho's spelling of a URI (mqtt:// → tcp://, mqtts:// → ssl://).
    [[nodiscard]] static std::string pahoUri(const QString& uri);
    [[nodiscard]] static bool isTls(const std::string& pahoUri);
    // Connect options for `pahoUri`: MQTT 3.1.1, the session as asked, credentials, TLS with
    // server-certificate and host-name verification. TLS errors are passed to onTlsError.
    [[nodiscard]] mqtt::connect_options connectOptions(
        const std::string& pahoUri, bool cleanSession, std::function<void(const std::string&)> onTlsError) const;
};

} // namespace vigil::ingest
