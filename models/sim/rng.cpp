#include "rng.h"

#include <cmath>
#include <numbers>

namespace vigil::sim {

namespace {

quint64 splitMix64(quint64& x)
{
    x += 0x9E3779B97F4A7C15ULL;
    quint64 z = x;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

constexpr quint64 rotl(quint64 x, int k)
{
    return (x << k) | (x >> (64 - k));
}

constexpr double kTwoPow53Inverse = 1.0 / 9007199254740992.0;

} // namespace

Rng::Rng(quint64 seed)
{
    quint64 x = seed;
    for (quint64& s : m_state)
        s = splitMix64(x);
}

quint64 Rng::next()
{
    const quint64 result = rotl(m_state[1] * 5, 7) * 9;
    const quint64 t = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = rotl(m_state[3], 45);
    return result;
}

double Rng::uniform()
{
    return static_cast<double>(next() >> 11) * kTwoPow53Inverse;
}

double Rng::uniform(double lo, double hi)
{
    return lo + (hi - lo) * uniform();
}

quint32 Rng::below(quint32 n)
{
    return static_cast<quint32>(((next() >> 32) * static_cast<quint64>(n)) >> 32);
}

double Rng::normal()
{
    if (m_hasSpare) {
        m_hasSpare = false;
        return m_spareNormal;
    }
    // 1 - uniform() is in (0, 1], so the logarithm is finite.
    const double u1 = 1.0 - uniform();
    const double u2 = uniform();
    const double radius = std::sqrt(-2.0 * std::log(u1));
    const double angle = 2.0 * std::numbers::pi * u2;
    m_spareNormal = radius * std::sin(angle);
    m_hasSpare = true;
    return radius * std::cos(angle);
}

quint64 Rng::mix(quint64 a, quint64 b)
{
    quint64 x = a ^ (b * 0xD1B54A32D192ED03ULL);
    const quint64 first = splitMix64(x);
    x ^= first;
    return splitMix64(x);
}

double Rng::hashUniform(quint64 key, quint64 n)
{
    return static_cast<double>(mix(key, n) >> 11) * kTwoPow53Inverse;
}

double Rng::hashNormal(quint64 key, quint64 n)
{
    const quint64 h = mix(key, n);
    // Four 16-bit uniforms; their sum has mean 2 and variance 4/12.
    double sum = 0.0;
    for (int i = 0; i < 4; ++i)
        sum += (static_cast<double>((h >> (16 * i)) & 0xFFFFu) + 0.5) * (1.0 / 65536.0);
    constexpr double kScale = 1.7320508075688772; // sqrt(3) = 1 / sqrt(4/12)
    return (sum - 2.0) * kScale;
}

} // namespace vigil::sim
