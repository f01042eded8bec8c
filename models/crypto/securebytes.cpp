#include "securebytes.h"

#include <QByteArray>
#include <QtGlobal>

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <climits>
#include <cstring>
#include <utility>

#if defined(Q_OS_UNIX)
#include <sys/mman.h>
#elif defined(Q_OS_WIN)
#ifndef NOMINMAX
#define NOMINMAX
#endif
#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#include <windows.h>
#endif

namespace vigil::crypto {

namespace {

bool lockMemory(void* address, std::size_t size) noexcept
{
#if defined(Q_OS_UNIX)
    return ::mlock(address, size) == 0;
#elif defined(Q_OS_WIN)
    return ::VirtualLock(address, size) != 0;
#else
    Q_UNUSED(address);
    Q_UNUSED(size);
    return false;
#endif
}

void unlockMemory(void* address, std::size_t size) noexcept
{
#if defined(Q_OS_UNIX)
    ::munlock(address, size);
#elif defined(Q_OS_WIN)
    ::VirtualUnlock(address, size);
#else
    Q_UNUSED(address);
    Q_UNUSED(size);
#endif
}

} // namespace

SecureBytes::SecureBytes(std::size_t n)
{
    if (n == 0)
        return;
    m_data = std::make_unique<unsigned char[]>(n); // value-initialised: zeroed
    m_size = n;
    m_locked = lockMemory(m_data.get(), m_size); // best effort; failure is not an error
}

SecureBytes::~SecureBytes()
{
    clear();
}

SecureBytes::SecureBytes(SecureBytes&& other) noexcept
    : m_data(std::move(other.m_data))
    , m_size(std::exchange(other.m_size, 0))
    , m_locked(std::exchange(other.m_locked, false))
{ }

SecureBytes& SecureBytes::operator=(SecureBytes&& other) noexcept
{
    if (this != &other) {
        clear();
        m_data = std::move(other.m_data);
        m_size = std::exchange(other.m_size, 0);
        m_locked = std::exchange(other.m_locked, false);
    }
    return *this;
}

SecureBytes SecureBytes::random(std::size_t n)
{
    SecureBytes out(n);
    // RAND_bytes takes an int; key material is never anywhere near that large.
    if (n > static_cast<std::size_t>(INT_MAX))
        qFatal("vigil.crypto: refusing to generate %zu random bytes", n);
    if (n > 0 && RAND_bytes(out.data(), static_cast<int>(n)) != 1)
        qFatal("vigil.crypto: the system random number generator failed; refusing to continue with a weak key");
    return out;
}

SecureBytes SecureBytes::fromUtf8(const QString& text)
{
    QByteArray utf8 = text.toUtf8(); // a fresh, unshared array: data() below does not detach
    SecureBytes out(static_cast<std::size_t>(utf8.size()));
    if (!utf8.isEmpty()) {
        std::memcpy(out.data(), utf8.constData(), out.size());
        OPENSSL_cleanse(utf8.data(), static_cast<std::size_t>(utf8.size()));
    }
    return out;
}

bool SecureBytes::equals(const SecureBytes& other) const noexcept
{
    if (m_size != other.m_size)
        return false;
    if (m_size == 0)
        return true;
    return CRYPTO_memcmp(m_data.get(), other.m_data.get(), m_size) == 0;
}

SecureBytes SecureBytes::toHex() const
{
    // Branch- and table-free, so the timing and cache footprint do not depend on the key bytes:
    // for a nibble v, '0' + v, plus 39 more (to reach 'a') when v > 9 ((9 - v) >> 8 is then all ones).
    const auto hexDigit = [](unsigned v) { return static_cast<unsigned char>(0x30U + v + (((9U - v) >> 8) & 0x27U)); };
    SecureBytes out(m_size * 2);
    for (std::size_t i = 0; i < m_size; ++i) {
        const unsigned b = m_data[i];
        out.m_data[2 * i] = hexDigit(b >> 4);
        out.m_data[2 * i + 1] = hexDigit(b & 0x0fU);
    }
    return out;
}

void SecureBytes::clear() noexcept
{
    if (m_data) {
        OPENSSL_cleanse(m_data.get(), m_size);
        if (m_locked)
            unlockMemory(m_data.get(), m_size);
    }
    m_data.reset();
    m_size = 0;
    m_locked = false;
}

} // namespace vigil::crypto
