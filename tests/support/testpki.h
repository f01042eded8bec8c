#pragma once

#include <QString>

namespace vigil::test {

// A throwaway PKI made with the openssl command line for TLS tests: a CA, a server certificate for
// "localhost" only (so ssl://127.0.0.1 fails host-name verification), a client certificate signed by
// the same CA, and an unrelated second CA that trusts nothing here. EC P-256 keys, valid two days.
struct TestPki
{
    QString caFile;
    QString serverCertFile;
    QString serverKeyFile;
    QString clientCertFile;
    QString clientKeyFile;
    QString otherCaFile;

    // Writes everything into `directory`; false (with the openssl output in *error) on failure.
    [[nodiscard]] static bool create(const QString& directory, TestPki& out, QString* error = nullptr);
};

} // namespace vigil::test
