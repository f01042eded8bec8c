#include "signal/minmaxdecimator.h"

#include <QTest>

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

using vigil::signal::ColumnSpan;
using vigil::signal::MinMaxDecimator;

namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

struct Spike
{
    std::size_t index;
    float value;
};

struct Signal
{
    std::vector<float> samples;
    std::vector<Spike> spikes;
};

// Noise in [-1, 1], optional NaN runs, then single-sample spikes of +-(10..20), spaced so that no two
// spikes share a column (spacing > 2 samples per column).
Signal makeSignal(std::size_t n, std::size_t columns, bool nanRuns, quint32 seed)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> noise(-1.f, 1.f);
    std::uniform_real_distribution<float> spikeSize(10.f, 20.f);
    Signal s;
    s.samples.resize(n);
    for (float& v : s.samples)
        v = noise(rng);
    if (nanRuns && n > 0) {
        std::uniform_int_distribution<std::size_t> pos(0, n - 1);
        std::uniform_int_distribution<std::size_t> len(1, std::max<std::size_t>(1, n / 8));
        for (int r = 0; r < 4; ++r) {
            const std::size_t start = pos(rng);
            const std::size_t end = std::min(n, start + len(rng));
            for (std::size_t i = start; i < end; ++i)
                s.samples[i] = kNaN;
        }
    }
    const std::size_t perColumn = columns == 0 ? n : (n + columns - 1) / columns;
    const std::size_t spacing = 2 * std::max<std::size_t>(perColumn, 1) + 1;
    std::uniform_int_distribution<std::size_t> jitter(0, spacing);
    bool positive = true;
    for (std::size_t i = jitter(rng); i < n; i += spacing + jitter(rng)) {
        const float v = positive ? spikeSize(rng) : -spikeSize(rng);
        s.samples[i] = v;
        s.spikes.push_back({i, v});
        positive = !positive;
    }
    return s;
}

// The samples column c covers, straight from the documented definition.
std::pair<std::uint64_t, std::uint64_t> documentedRange(std::uint64_t c, std::uint64_t n, std::uint64_t cols)
{
    const auto begin = static_cast<std::uint64_t>(std::floor(static_cast<long double>(c) * n / cols));
    auto end = static_cast<std::uint64_t>(std::floor(static_cast<long double>(c + 1) * n / cols));
    if (end <= begin)
        end = begin + 1; // fewer samples than columns: at least the sample at floor(c*n/cols)
    return {begin, end};
}

// Brute force: every column scans its samples, skipping NaN.
std::vector<ColumnSpan> reference(const std::vector<float>& samples, std::size_t cols)
{
    std::vector<ColumnSpan> out(cols);
    if (samples.empty())
        return out;
    for (std::size_t c = 0; c < cols; ++c) {
        const auto [begin, end] = documentedRange(c, samples.size(), cols);
        float lo = std::numeric_limits<float>::infinity();
        float hi = -std::numeric_limits<float>::infinity();
        bool any = false;
        for (std::uint64_t i = begin; i < end; ++i) {
            if (std::isnan(samples[i]))
                continue;
            lo = std::min(lo, samples[i]);
            hi = std::max(hi, samples[i]);
            any = true;
        }
        if (any)
            out[c] = ColumnSpan{lo, hi};
    }
    return out;
}

} // namespace

class TestMinMaxDecimator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decimationFidelity_data();
    void decimationFidelity();
    void smallExamples_data();
    void smallExamples();
    void noColumnsIsHarmless();
};

void TestMinMaxDecimator::decimationFidelity_data()
{
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("columns");
    QTest::addColumn<bool>("nanRuns");

    struct Case
    {
        const char* name;
        int n;
        int columns;
    };
    const Case cases[] = {
        {"one sample, one column", 1, 1},
        {"one sample, many columns", 1, 50},
        {"n < columns (7 into 100)", 7, 100},
        {"n < columns (99 into 100)", 99, 100},
        {"n < columns (500 into 1920)", 500, 1920},
        {"n == columns (100)", 100, 100},
        {"n == columns (1920)", 1920, 1920},
        {"n just over columns", 101, 100},
        {"n = 2 x columns - 1", 199, 100},
        {"n >> columns, uneven", 3001, 1024},
        {"n >> columns, one column", 5000, 1},
        {"8 s ECG into 800 px", 4000, 800},
        {"64 s ECG into 1920 px", 32000, 1920},
        {"n >> columns, prime sizes", 99991, 997},
    };
    for (const Case& c : cases) {
        QTest::newRow(c.name) << c.n << c.columns << false;
        QTest::newRow(qPrintable(QStringLiteral("%1, NaN runs").arg(QLatin1StringView(c.name))))
            << c.n << c.columns << true;
    }
}

void TestMinMaxDecimator::decimationFidelity()
{
    QFETCH(int, n);
    QFETCH(int, columns);
    QFETCH(bool, nanRuns);

    for (quint32 seed = 1; seed <= 5; ++seed) {
        const Signal signal = makeSignal(static_cast<std::size_t>(n), static_cast<std::size_t>(columns), nanRuns,
            seed * 7919u + static_cast<quint32>(n));
        std::vector<ColumnSpan> actual(static_cast<std::size_t>(columns), ColumnSpan{123.f, 456.f});
        MinMaxDecimator::decimate(signal.samples, actual);
        const std::vector<ColumnSpan> expected = reference(signal.samples, static_cast<std::size_t>(columns));

        for (int c = 0; c < columns; ++c) {
            const ColumnSpan& a = actual[static_cast<std::size_t>(c)];
            const ColumnSpan& e = expected[static_cast<std::size_t>(c)];
            if (!(a == e)) {
                qWarning("seed %u column %d: expected [%g, %g], got [%g, %g]", seed, c, double(e.min), double(e.max),
                    double(a.min), double(a.max));
            }
            QCOMPARE(a.isEmpty(), e.isEmpty());
            if (!e.isEmpty()) {
                QCOMPARE(a.min, e.min);
                QCOMPARE(a.max, e.max);
            }
        }

        // Every spike is the max (positive) or min (negative) of the column holding its sample.
        for (const Spike& spike : signal.spikes) {
            bool held = false;
            for (int c = 0; c < columns; ++c) {
                const auto [begin, end] = documentedRange(
                    static_cast<std::uint64_t>(c), signal.samples.size(), static_cast<std::uint64_t>(columns));
                if (spike.index < begin || spike.index >= end)
                    continue;
                held = true;
                const ColumnSpan& a = actual[static_cast<std::size_t>(c)];
                QVERIFY(!a.isEmpty());
                if (spike.value > 0)
                    QCOMPARE(a.max, spike.value);
                else
                    QCOMPARE(a.min, spike.value);
            }
            QVERIFY2(held, "every sample is covered by some column");
        }
    }
}

void TestMinMaxDecimator::smallExamples_data()
{
    QTest::addColumn<std::vector<float>>("samples");
    QTest::addColumn<int>("columns");
    QTest::addColumn<std::vector<float>>("expected"); // min0, max0, min1, max1, ...; NaN pair: empty

    QTest::newRow("4 into 2") << std::vector<float>{1, 5, -2, 3} << 2 << std::vector<float>{1, 5, -2, 3};
    QTest::newRow("5 into 2 (column 0 gets 2, column 1 gets 3)")
        << std::vector<float>{1, 2, 9, -9, 0} << 2 << std::vector<float>{1, 2, -9, 9};
    QTest::newRow("2 into 4 (columns repeat samples)")
        << std::vector<float>{3, -4} << 4 << std::vector<float>{3, 3, 3, 3, -4, -4, -4, -4};
    QTest::newRow("NaN column is empty") << std::vector<float>{1, 2, kNaN, kNaN, 7, 8} << 3
                                         << std::vector<float>{1, 2, kNaN, kNaN, 7, 8};
    QTest::newRow("NaN skipped inside a column")
        << std::vector<float>{kNaN, 4, kNaN, -1} << 1 << std::vector<float>{-1, 4};
    QTest::newRow("no samples") << std::vector<float>{} << 2 << std::vector<float>{kNaN, kNaN, kNaN, kNaN};
}

void TestMinMaxDecimator::smallExamples()
{
    QFETCH(std::vector<float>, samples);
    QFETCH(int, columns);
    QFETCH(std::vector<float>, expected);
    std::vector<ColumnSpan> actual(static_cast<std::size_t>(columns), ColumnSpan{123.f, 456.f});
    MinMaxDecimator::decimate(samples, actual);
    for (int c = 0; c < columns; ++c) {
        const float lo = expected[static_cast<std::size_t>(2 * c)];
        const float hi = expected[static_cast<std::size_t>(2 * c + 1)];
        const ColumnSpan& a = actual[static_cast<std::size_t>(c)];
        if (std::isnan(lo)) {
            QVERIFY2(a.isEmpty(), qPrintable(QStringLiteral("column %1 should be empty").arg(c)));
        } else {
            QCOMPARE(a.min, lo);
            QCOMPARE(a.max, hi);
        }
    }
}

void TestMinMaxDecimator::noColumnsIsHarmless()
{
    const std::vector<float> samples{1.f, 2.f, 3.f};
    std::vector<ColumnSpan> none;
    MinMaxDecimator::decimate(samples, none);
    QVERIFY(none.empty());
}

QTEST_GUILESS_MAIN(TestMinMaxDecimator)
#include "tst_minmaxdecimator.moc"
