#include "sha256.h"

#include "digest.h"
#include "logging.h"

#include <openssl/evp.h>

#include <utility>

namespace vigil::crypto {

void Sha256::ContextDeleter::operator()(evp_md_ctx_st* context) const noexcept
{
    EVP_MD_CTX_free(context);
}

Sha256::Sha256()
{
    reset();
}

Sha256::~Sha256() = default;

Sha256::Sha256(Sha256&& other) noexcept
    : m_context(std::move(other.m_context))
    , m_valid(std::exchange(other.m_valid, false))
{ }

Sha256& Sha256::operator=(Sha256&& other) noexcept
{
    m_context = std::move(other.m_context);
    m_valid = std::exchange(other.m_valid, false);
    return *this;
}

void Sha256::reset()
{
    if (!m_context)
        m_context.reset(EVP_MD_CTX_new());
    m_valid = m_context && EVP_DigestInit_ex(m_context.get(), EVP_sha256(), nullptr) == 1;
    if (!m_valid)
        qCCritical(lcCrypto, "SHA-256 could not start: %s", qUtf8Printable(takeOpenSslErrors()));
}

void Sha256::addData(QByteArrayView data)
{
    if (!m_valid || data.isEmpty())
        return;
    if (EVP_DigestUpdate(m_context.get(), data.data(), static_cast<std::size_t>(data.size())) != 1) {
        m_valid = false;
        qCCritical(lcCrypto, "SHA-256 update failed: %s", qUtf8Printable(takeOpenSslErrors()));
    }
}

QByteArray Sha256::result() const
{
    if (!m_valid)
        return {};
    // Finalise a copy, so this object can go on accumulating.
    std::unique_ptr<evp_md_ctx_st, ContextDeleter> copy(EVP_MD_CTX_new());
    QByteArray out(Digest::kSha256Bytes, Qt::Uninitialized);
    unsigned int length = 0;
    if (!copy || EVP_MD_CTX_copy_ex(copy.get(), m_context.get()) != 1
        || EVP_DigestFinal_ex(copy.get(), reinterpret_cast<unsigned char*>(out.data()), &length) != 1
        || length != static_cast<unsigned int>(Digest::kSha256Bytes)) {
        qCCritical(lcCrypto, "SHA-256 could not finish: %s", qUtf8Printable(takeOpenSslErrors()));
        return {};
    }
    return out;
}

} // namespace vigil::crypto
