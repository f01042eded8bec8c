#include "wavecodec.h"

#include "logging.h"

#include <QtEndian>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>

namespace vigil::codec {

namespace {

using u32 = std::uint32_t;
using u64 = std::uint64_t;

constexpr int kKBits = 5; // Rice parameter per block: 0..31
constexpr int kEscape = WaveCodec::kEscapeQuotient;
constexpr int kMaxCodeBits = kEscape + 32; // longest code of one residual (the escape): 56 bits
constexpr std::size_t kBlock = WaveCodec::kBlockSize;
// Fast-path input slack: one 8-byte window load beyond the furthest bit a full block can reach.
constexpr std::size_t kBlockMaxBytes = (kKBits + kBlock * kMaxCodeBits + 7) / 8 + 8;

static_assert(kMaxCodeBits <= 57, "a code must fit the 57 bits a window guarantees");
static_assert(WaveCodec::kMaxSamples <= qsizetype(std::numeric_limits<u32>::max()));

inline u32 zigzag(u32 r)
{
    return (r << 1) ^ (0u - (r >> 31));
}

inline u32 unzigzag(u32 z)
{
    return (z >> 1) ^ (0u - (z & 1u));
}

// Prediction residual of sample i (i >= Order) in wrap-around arithmetic.
template<int Order>
inline u32 residual(const qint32* x, std::size_t i)
{
    const u32 v = static_cast<u32>(x[i]);
    if constexpr (Order == 0)
        return v;
    else if constexpr (Order == 1)
        return v - static_cast<u32>(x[i - 1]);
    else
        return v - 2u * static_cast<u32>(x[i - 1]) + static_cast<u32>(x[i - 2]);
}

// ---- Writing ----

inline uchar* putVarint(uchar* p, u32 v)
{
    while (v >= 0x80u) {
        *p++ = static_cast<uchar>(v | 0x80u);
        v >>= 7;
    }
    *p++ = static_cast<uchar>(v);
    return p;
}

// MSB-first bit writer. Needs 4 bytes of slack past the last whole byte it writes.
class BitWriter
{
public:
    explicit BitWriter(uchar* out)
        : m_out(out)
    { }

    // bits <= 32; value < 2^bits.
    void put(u32 value, int bits)
    {
        m_acc = (m_acc << bits) | value;
        m_bits += bits;
        if (m_bits >= 32) {
            m_bits -= 32;
            qToBigEndian<quint32>(static_cast<u32>(m_acc >> m_bits), m_out);
            m_out += 4;
        }
    }

    // Pads with zero bits to a whole byte; returns the end of the output.
    uchar* finish()
    {
        while (m_bits >= 8) {
            m_bits -= 8;
            *m_out++ = static_cast<uchar>(m_acc >> m_bits);
        }
        if (m_bits > 0) {
            *m_out++ = static_cast<uchar>(m_acc << (8 - m_bits));
            m_bits = 0;
        }
        return m_out;
    }

private:
    uchar* m_out;
    u64 m_acc = 0;
    int m_bits = 0; // pending bits in the low end of m_acc, < 32 between calls
};

// The Rice parameter that makes the block smallest, ignoring escapes (rare; they only cost size).
// Size with parameter k: count * (k + 1) + sum(zz >> k). floor(log2(mean)) is within one of the
// optimum for geometric-like residuals, so only it and its neighbours are measured. Count is a
// compile-time constant for whole blocks (0: use `count`), which lets the compiler vectorise the sums.
template<std::size_t Count>
int chooseK(const u32* zz, std::size_t count, u64 sum)
{
    if constexpr (Count != 0)
        count = Count;
    const u64 mean = sum / count;
    const int k0 = std::clamp(mean == 0 ? 0 : static_cast<int>(std::bit_width(mean)) - 1, 1, 30);
    u64 below = 0;
    u64 at = 0;
    u64 above = 0;
    for (std::size_t j = 0; j < count; ++j) {
        below += zz[j] >> (k0 - 1);
        at += zz[j] >> k0;
        above += zz[j] >> (k0 + 1);
    }
    const u64 costBelow = below + count * u64(k0);
    const u64 costAt = at + count * u64(k0 + 1);
    const u64 costAbove = above + count * u64(k0 + 2);
    if (costBelow <= costAt && costBelow <= costAbove)
        return k0 - 1;
    return costAt <= costAbove ? k0 : k0 + 1;
}

// Zig-zag residuals of x[i, i + count) into zz; returns their sum.
template<int Order, std::size_t Count>
inline u64 residuals(const qint32* x, std::size_t i, std::size_t count, u32* zz)
{
    if constexpr (Count != 0)
        count = Count;
    u64 sum = 0;
    for (std::size_t j = 0; j < count; ++j) {
        zz[j] = zigzag(residual<Order>(x, i + j));
        sum += zz[j];
    }
    return sum;
}

template<int Order>
uchar* encodeResiduals(const qint32* x, std::size_t m, uchar* out)
{
    BitWriter bits(out);
    u32 zz[kBlock];
    for (std::size_t i = Order; i < m; i += kBlock) {
        const std::size_t count = std::min(kBlock, m - i);
        int k;
        if (count == kBlock) {
            k = chooseK<kBlock>(zz, count, residuals<Order, kBlock>(x, i, count, zz));
        } else {
            k = chooseK<0>(zz, count, residuals<Order, 0>(x, i, count, zz));
        }
        bits.put(static_cast<u32>(k), kKBits);
        const u32 lowMask = (u32(1) << k) - 1u;
        for (std::size_t j = 0; j < count; ++j) {
            const u32 q = zz[j] >> k;
            if (q < u32(kEscape)) [[likely]] {
                if (q + 1u + u32(k) <= 32u) {
                    // q zeros, the stop bit and the low bits in one go.
                    bits.put((u32(1) << k) | (zz[j] & lowMask), static_cast<int>(q) + 1 + k);
                } else {
                    bits.put(1u, static_cast<int>(q) + 1);
                    bits.put(zz[j] & lowMask, k);
                }
            } else {
                bits.put(0u, kEscape);
                bits.put(zz[j], 32);
            }
        }
    }
    return bits.finish();
}

// Order 0/1/2 with the smallest sum of zig-zag residuals over the samples all three can predict.
int chooseOrder(const qint32* x, std::size_t m)
{
    if (m < 3)
        return 1;
    u64 sum0 = 0;
    u64 sum1 = 0;
    u64 sum2 = 0;
    for (std::size_t i = 2; i < m; ++i) {
        sum0 += zigzag(residual<0>(x, i));
        sum1 += zigzag(residual<1>(x, i));
        sum2 += zigzag(residual<2>(x, i));
    }
    if (sum1 <= sum0 && sum1 <= sum2)
        return 1;
    return sum2 < sum0 ? 2 : 0;
}

// ---- Reading ----

struct ByteReader
{
    const uchar* data;
    std::size_t size;
    std::size_t pos = 0;

    bool varint(u32& value)
    {
        u32 v = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (pos >= size)
                return false;
            const u32 byte = data[pos++];
            if (shift == 28 && byte > 0x0Fu)
                return false; // more than 32 bits
            v |= (byte & 0x7Fu) << shift;
            if ((byte & 0x80u) == 0) {
                value = v;
                return true;
            }
        }
        return false;
    }
};

// 64 bits of the stream from bitPos, MSB first, of which at least 57 are usable. The caller guarantees
// 8 readable bytes from bitPos / 8.
inline u64 window(const uchar* bytes, u64 bitPos)
{
    return qFromBigEndian<quint64>(bytes + (bitPos >> 3)) << (bitPos & 7u);
}

// Decodes `count` residuals coded with parameter k and rebuilds the samples x[0..count) from
// the history p1 = x[-1], p2 = x[-2]. Returns the bit position after the block.
template<int Order>
inline u64 decodeBlock(const uchar* bytes, u64 bitPos, int k, u32* x, std::size_t count, u32& p1, u32& p2)
{
    const u32 lowMask = (u32(1) << k) - 1u;
    for (std::size_t j = 0; j < count; ++j) {
        const u64 w = window(bytes, bitPos);
        const int q = std::countl_zero(w);
        u32 zz;
        if (q < kEscape) [[likely]] {
            // The k bits after the stop bit; (>> 1) >> (63 - k) rather than >> (64 - k): k may be 0.
            const u32 low = static_cast<u32>(((w << (q + 1)) >> 1) >> (63 - k)) & lowMask;
            zz = (static_cast<u32>(q) << k) | low;
            bitPos += static_cast<u64>(q + 1 + k);
        } else {
            zz = static_cast<u32>((w << kEscape) >> 32);
            bitPos += kMaxCodeBits;
        }
        const u32 r = unzigzag(zz);
        u32 v;
        if constexpr (Order == 0) {
            v = r;
        } else if constexpr (Order == 1) {
            v = p1 + r;
        } else {
            v = 2u * p1 - p2 + r;
        }
        x[j] = v;
        if constexpr (Order >= 2)
            p2 = p1;
        p1 = v;
    }
    return bitPos;
}

// Decodes the residual blocks of m samples (the first `order` already in x) from bytes[0, size).
// Returns false if the stream is too short; bitPosOut is the bit position after the last code.
//
// Reads straight from the input while a whole worst-case block fits, then from a zero-padded copy of
// the tail, so the hot loop never checks bounds and never reads outside the input. Garbage can only
// make a block overrun the real data into the padding, which the check after each block catches.
template<int Order>
bool decodeResiduals(const uchar* bytes, std::size_t size, u32* x, std::size_t m, u64& bitPosOut)
{
    const u64 totalBits = static_cast<u64>(size) * 8u;
    const uchar* src = bytes;
    u64 srcBase = 0; // stream bit position of src[0]
    alignas(8) uchar tail[2 * kBlockMaxBytes];
    bool inTail = false;
    u64 bitPos = 0; // relative to src
    u32 p1 = 0;
    u32 p2 = 0;
    if (m > Order) {
        if constexpr (Order >= 1)
            p1 = x[Order - 1];
        if constexpr (Order >= 2)
            p2 = x[0];
    }
    for (std::size_t i = Order; i < m; i += kBlock) {
        if (!inTail) {
            const std::size_t at = static_cast<std::size_t>(bitPos >> 3);
            if (size - at < kBlockMaxBytes) {
                // At a block start bitPos <= totalBits, so at <= size and the tail fits half of `tail`.
                const std::size_t rest = size - at;
                std::memcpy(tail, bytes + at, rest);
                std::memset(tail + rest, 0, sizeof(tail) - rest);
                src = tail;
                srcBase = static_cast<u64>(at) * 8u;
                bitPos -= srcBase;
                inTail = true;
            }
        }
        const std::size_t count = std::min(kBlock, m - i);
        const int k = static_cast<int>(window(src, bitPos) >> (64 - kKBits));
        bitPos = decodeBlock<Order>(src, bitPos + kKBits, k, x + i, count, p1, p2);
        if (srcBase + bitPos > totalBits)
            return false;
    }
    bitPosOut = srcBase + bitPos;
    return true;
}

} // namespace

QByteArray WaveCodec::encode(std::span<const qint32> samples)
{
    const std::size_t n = samples.size();
    if (n > static_cast<std::size_t>(kMaxSamples)) {
        qCWarning(lcCodec) << "WaveCodec::encode: chunk of" << n << "samples exceeds" << kMaxSamples;
        return {};
    }

    // Runs of invalid samples as (start, length); the valid samples, compacted, are predicted as one
    // sequence. Without invalid samples (the usual case) the input is used as is.
    std::vector<std::pair<u32, u32>> runs;
    std::vector<qint32> compacted;
    std::span<const qint32> valid = samples;
    auto firstInvalid = std::find(samples.begin(), samples.end(), kInvalid);
    if (firstInvalid != samples.end()) {
        compacted.reserve(n);
        compacted.assign(samples.begin(), firstInvalid);
        std::size_t i = static_cast<std::size_t>(firstInvalid - samples.begin());
        while (i < n) {
            if (samples[i] == kInvalid) {
                const std::size_t start = i;
                while (i < n && samples[i] == kInvalid)
                    ++i;
                runs.emplace_back(static_cast<u32>(start), static_cast<u32>(i - start));
            } else {
                compacted.push_back(samples[i++]);
            }
        }
        valid = compacted;
    }
    const std::size_t m = valid.size();

    const std::size_t blocks = (m + kBlock - 1) / kBlock;
    const std::size_t worst =
        1 + 5 + 5 + runs.size() * 10 + 1 + 10 + (m * kMaxCodeBits + blocks * kKBits + 7) / 8 + 8; // + BitWriter slack
    QByteArray out(static_cast<qsizetype>(worst), Qt::Uninitialized);
    uchar* const begin = reinterpret_cast<uchar*>(out.data());
    uchar* p = begin;
    *p++ = kVersion;
    p = putVarint(p, static_cast<u32>(n));
    if (n > 0) {
        p = putVarint(p, static_cast<u32>(runs.size()));
        u32 end = 0;
        for (const auto& [start, length] : runs) {
            p = putVarint(p, start - end);
            p = putVarint(p, length - 1u);
            end = start + length;
        }
        if (m > 0) {
            const qint32* x = valid.data();
            const int order = chooseOrder(x, m);
            *p++ = static_cast<uchar>(order);
            if (order >= 1)
                p = putVarint(p, zigzag(static_cast<u32>(x[0])));
            if (order == 2 && m >= 2)
                p = putVarint(p, zigzag(residual<1>(x, 1)));
            switch (order) {
            case 0:
                p = encodeResiduals<0>(x, m, p);
                break;
            case 1:
                p = encodeResiduals<1>(x, m, p);
                break;
            default:
                p = encodeResiduals<2>(x, m, p);
                break;
            }
        }
    }
    out.truncate(static_cast<qsizetype>(p - begin));
    return out;
}

bool WaveCodec::decode(QByteArrayView data, std::vector<qint32>& out, QString* error)
{
    out.clear();
    const auto fail = [&](const QString& message) {
        if (error)
            *error = message;
        out.clear();
        return false;
    };

    ByteReader in{reinterpret_cast<const uchar*>(data.data()), static_cast<std::size_t>(data.size())};
    if (in.size == 0)
        return fail(tr("Empty waveform chunk"));
    const int version = in.data[in.pos++];
    if (version != kVersion)
        return fail(tr("Unsupported waveform chunk version %1").arg(version));
    u32 n = 0;
    if (!in.varint(n))
        return fail(tr("Truncated waveform chunk header"));
    if (n > static_cast<u32>(kMaxSamples))
        return fail(tr("Waveform chunk declares %1 samples (at most %2)").arg(n).arg(kMaxSamples));
    if (n == 0) {
        if (in.pos != in.size)
            return fail(tr("%1 unexpected bytes after an empty waveform chunk").arg(in.size - in.pos));
        return true;
    }

    u32 runCount = 0;
    if (!in.varint(runCount))
        return fail(tr("Truncated waveform chunk header"));
    // Each run takes at least two bytes: bounds the allocation by the input size.
    if (runCount > n || runCount > (in.size - in.pos) / 2)
        return fail(tr("Waveform chunk declares %1 invalid runs, more than it can hold").arg(runCount));
    std::vector<std::pair<u32, u32>> runs(runCount);
    u64 end = 0;
    u64 invalid = 0;
    for (u32 r = 0; r < runCount; ++r) {
        u32 gap = 0;
        u32 lengthMinusOne = 0;
        if (!in.varint(gap) || !in.varint(lengthMinusOne))
            return fail(tr("Truncated invalid-run list in waveform chunk"));
        if (r > 0 && gap == 0)
            return fail(tr("Invalid runs %1 and %2 touch in waveform chunk").arg(r - 1).arg(r));
        const u64 start = end + gap;
        const u64 length = u64(lengthMinusOne) + 1u;
        if (start + length > n)
            return fail(tr("Invalid run %1 ends past the chunk's %2 samples").arg(r).arg(n));
        runs[r] = {static_cast<u32>(start), static_cast<u32>(length)};
        end = start + length;
        invalid += length;
    }
    const std::size_t m = static_cast<std::size_t>(n - invalid);

    int order = 0;
    u32 warmup[2] = {0, 0};
    if (m > 0) {
        if (in.pos >= in.size)
            return fail(tr("Truncated waveform chunk: no predictor"));
        order = in.data[in.pos++];
        if (order > 2)
            return fail(tr("Unknown predictor order %1 in waveform chunk").arg(order));
        for (int j = 0; j < order && std::size_t(j) < m; ++j) {
            if (!in.varint(warmup[j]))
                return fail(tr("Truncated waveform chunk: no warm-up sample"));
        }
        // Every residual takes at least one bit, every block five: refuse before allocating.
        const u64 residuals = m > std::size_t(order) ? m - std::size_t(order) : 0;
        const u64 minBits = residuals + (residuals + kBlock - 1) / kBlock * kKBits;
        if (minBits > u64(in.size - in.pos) * 8u)
            return fail(tr("Truncated waveform chunk: sample data ends early"));
    } else if (in.pos != in.size) {
        return fail(tr("%1 unexpected bytes after the waveform chunk's samples").arg(in.size - in.pos));
    }

    out.resize(n);
    u32* x = reinterpret_cast<u32*>(out.data()); // same size and alignment; values are bit patterns
    if (m > 0) {
        if (order >= 1)
            x[0] = unzigzag(warmup[0]);
        if (order == 2 && m >= 2)
            x[1] = x[0] + unzigzag(warmup[1]);
        const uchar* bits = in.data + in.pos;
        const std::size_t bitBytes = in.size - in.pos;
        u64 bitPos = 0;
        bool ok = false;
        switch (order) {
        case 0:
            ok = decodeResiduals<0>(bits, bitBytes, x, m, bitPos);
            break;
        case 1:
            ok = decodeResiduals<1>(bits, bitBytes, x, m, bitPos);
            break;
        default:
            ok = decodeResiduals<2>(bits, bitBytes, x, m, bitPos);
            break;
        }
        if (!ok)
            return fail(tr("Truncated waveform chunk: sample data ends early"));
        const std::size_t usedBytes = static_cast<std::size_t>((bitPos + 7u) / 8u);
        if (usedBytes != bitBytes)
            return fail(tr("%1 unexpected bytes after the waveform chunk's samples").arg(bitBytes - usedBytes));
        if ((bitPos & 7u) != 0 && (bits[usedBytes - 1] & ((1u << (8u - (bitPos & 7u))) - 1u)) != 0)
            return fail(tr("Non-zero padding at the end of the waveform chunk"));
    }

    // Spread the m valid samples (now at the front) around the invalid runs, from the back.
    std::size_t src = m;
    std::size_t dst = n;
    for (auto it = runs.rbegin(); it != runs.rend(); ++it) {
        const std::size_t runEnd = std::size_t(it->first) + it->second;
        const std::size_t tail = dst - runEnd;
        std::memmove(x + runEnd, x + src - tail, tail * sizeof(u32));
        src -= tail;
        std::fill(out.begin() + it->first, out.begin() + static_cast<std::ptrdiff_t>(runEnd), kInvalid);
        dst = it->first;
    }
    Q_ASSERT(src == dst);
    return true;
}

std::optional<qsizetype> WaveCodec::sampleCount(QByteArrayView data)
{
    ByteReader in{reinterpret_cast<const uchar*>(data.data()), static_cast<std::size_t>(data.size())};
    if (in.size == 0 || in.data[in.pos++] != kVersion)
        return std::nullopt;
    u32 n = 0;
    if (!in.varint(n) || n > static_cast<u32>(kMaxSamples))
        return std::nullopt;
    return static_cast<qsizetype>(n);
}

} // namespace vigil::codec
