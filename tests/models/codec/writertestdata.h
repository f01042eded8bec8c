#pragma once

// Test data shared by the writer tests (tst_edfwriter, tst_wfdbwriter): files under the test data
// directory, reproducible random samples and signals for EdfWriter and WfdbWriter.

#include <QString>
#include <QtGlobal>

#include <random>
#include <utility>
#include <vector>

namespace vigil::test {

using Samples = std::vector<qint32>;

inline QString dataPath(const QString& name)
{
    return QStringLiteral(VIGIL_TEST_DATA_DIR "/") + name;
}

// `n` samples uniformly in [lo, hi], the same for the same seed.
inline Samples randomSamples(std::size_t n, qint32 lo, qint32 hi, unsigned seed)
{
    std::mt19937 rng(seed);
    std::uniform_int_distribution<qint32> dist(lo, hi);
    Samples s(n);
    for (qint32& v : s)
        v = dist(rng);
    return s;
}

// An EdfWriter::Signal or WfdbWriter::Signal (the same fields).
template<typename Signal>
Signal makeSignal(const QString& label, const QString& unit, double rate, double gain, double baseline, Samples samples)
{
    Signal s;
    s.label = label;
    s.unit = unit;
    s.rateHz = rate;
    s.gain = gain;
    s.baseline = baseline;
    s.samples = std::move(samples);
    return s;
}

} // namespace vigil::test
