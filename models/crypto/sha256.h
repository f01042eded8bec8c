#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <memory>

struct evp_md_ctx_st;

namespace vigil::crypto {

// Incremental SHA-256 through OpenSSL's EVP interface: addData() any number of times, then result().
// result() does not end the computation: more data can be added afterwards and result() gives the
// digest of everything added so far (like QCryptographicHash). Move-only; reentrant, not thread-safe.
//
// If OpenSSL fails (only on memory exhaustion or a broken installation) the object becomes invalid:
// the failure is logged, further addData() calls are ignored and result() returns an empty array.
class Sha256 final
{
public:
    Sha256();
    ~Sha256();
    Sha256(Sha256&&) noexcept;
    Sha256& operator=(Sha256&&) noexcept;
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    void addData(QByteArrayView data);

    // The 32-byte digest of all data added since construction or the last reset(); empty if invalid.
    [[nodiscard]] QByteArray result() const;

    // Starts over, as if newly constructed (also recovers an invalid object if OpenSSL now succeeds).
    void reset();

    [[nodiscard]] bool isValid() const { return m_valid; }

private:
    struct ContextDeleter
    {
        void operator()(evp_md_ctx_st* context) const noexcept;
    };
    std::unique_ptr<evp_md_ctx_st, ContextDeleter> m_context;
    bool m_valid = false;
};

} // namespace vigil::crypto
