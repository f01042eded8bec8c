#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace vigil::crypto {

// One-shot message digests through OpenSSL's EVP interface (e.g. for the audit log's hash chain).
// For data that arrives in pieces, use Sha256. Thread-safe.
class Digest final
{
public:
    static constexpr int kSha256Bytes = 32;

    // The 32-byte SHA-256 of data. Empty only if OpenSSL itself fails (logged), which does not happen
    // short of memory exhaustion or a broken installation; callers that chain digests must treat an
    // empty result as an error rather than hashing on.
    [[nodiscard]] static QByteArray sha256(QByteArrayView data);
};

} // namespace vigil::crypto
