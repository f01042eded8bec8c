#pragma once

#include <QString>

#include <cstddef>
#include <memory>
#include <span>

namespace vigil::crypto {

// Owning, move-only byte buffer for key material: data keys, key-encryption keys, passphrases and the
// hex form of a key handed to SQLCipher.
//
// Contract:
// - The bytes are overwritten with OPENSSL_cleanse (which the compiler cannot optimise away) when the
//   buffer is destroyed, cleared or assigned over. A moved-from buffer is empty.
// - There is deliberately no conversion to QByteArray or QString: those are implicitly shared and
//   reallocate freely, so copies of their contents could never be wiped. Hand data()/size() to the C
//   API that needs the bytes instead.
// - The buffer is locked in RAM (mlock/VirtualLock) on a best-effort basis so it is not written to
//   swap. Locking can fail (RLIMIT_MEMLOCK) and is then silently skipped; locks are per page and do
//   not nest, so unlocking one buffer may unlock a page that another small buffer shares. Swap
//   encryption, not this, is the real protection against keys reaching disk through swap.
// - Not thread-safe; reentrant (distinct objects can be used from distinct threads).
class SecureBytes final
{
public:
    SecureBytes() noexcept = default;
    // n zero bytes.
    explicit SecureBytes(std::size_t n);
    ~SecureBytes();

    SecureBytes(SecureBytes&& other) noexcept;
    SecureBytes& operator=(SecureBytes&& other) noexcept;
    SecureBytes(const SecureBytes&) = delete;
    SecureBytes& operator=(const SecureBytes&) = delete;

    // n bytes from OpenSSL's CSPRNG (RAND_bytes). If the generator fails, the process is stopped with
    // qFatal: continuing with a predictable key is never acceptable.
    [[nodiscard]] static SecureBytes random(std::size_t n);

    // The UTF-8 encoding of text, for passphrases. The temporary UTF-8 copy is wiped, but the QString
    // itself (and whatever copies the input widget, the clipboard or the caller made) cannot be wiped
    // by us: keep such QStrings short-lived and clear them as soon as this has been called. No Unicode
    // normalisation is applied: the bytes are exactly the UTF-8 of the code points given.
    [[nodiscard]] static SecureBytes fromUtf8(const QString& text);

    [[nodiscard]] unsigned char* data() noexcept { return m_data.get(); }
    [[nodiscard]] const unsigned char* data() const noexcept { return m_data.get(); }
    [[nodiscard]] std::size_t size() const noexcept { return m_size; }
    [[nodiscard]] bool empty() const noexcept { return m_size == 0; }
    [[nodiscard]] std::span<const unsigned char> bytes() const noexcept { return {m_data.get(), m_size}; }

    // Constant-time comparison (CRYPTO_memcmp): the time taken depends on the sizes only, never on
    // where the contents differ.
    [[nodiscard]] bool equals(const SecureBytes& other) const noexcept;

    // Lowercase hexadecimal, two characters per byte (e.g. for SQLCipher's x'...' raw key syntax).
    [[nodiscard]] SecureBytes toHex() const;

    // Wipes and frees the bytes; the buffer is then empty.
    void clear() noexcept;

private:
    std::unique_ptr<unsigned char[]> m_data;
    std::size_t m_size = 0;
    bool m_locked = false;
};

} // namespace vigil::crypto
