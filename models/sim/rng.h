#pragma once

#include <QtGlobal>

#include <array>

namespace vigil::sim {

// Deterministic pseudo-random numbers that are identical with every compiler and standard library:
// xoshiro256** seeded through splitmix64, with our own uniform and normal transforms (the
// std:: distributions are implementation-defined). Not thread-safe.
class Rng final
{
public:
    explicit Rng(quint64 seed);

    [[nodiscard]] quint64 next();
    // Uniform in [0, 1) with 53 random bits.
    [[nodiscard]] double uniform();
    // Uniform in [lo, hi).
    [[nodiscard]] double uniform(double lo, double hi);
    // Integer uniform in [0, n) (n > 0); Lemire's multiply-shift, bias below 2^-32 for small n.
    [[nodiscard]] quint32 below(quint32 n);
    // Standard normal by Box-Muller (both outputs are used).
    [[nodiscard]] double normal();

    // Stateless helpers for values that must not depend on the order of generation
    // (per-sample noise, per-reading noise): a pure function of (key, n).
    [[nodiscard]] static quint64 mix(quint64 a, quint64 b);
    [[nodiscard]] static double hashUniform(quint64 key, quint64 n);
    // Approximately standard normal (Irwin-Hall sum of four uniforms, scaled to unit variance,
    // bounded to +-3.46): additions only, so bit-identical everywhere.
    [[nodiscard]] static double hashNormal(quint64 key, quint64 n);

private:
    std::array<quint64, 4> m_state{};
    double m_spareNormal = 0.0;
    bool m_hasSpare = false;
};

} // namespace vigil::sim
