#include "signal/sweeptrace.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

using vigil::signal::ColumnSpan;
using vigil::signal::SweepTrace;

namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

// A wandering signal in about [-1.5, 1.5] with single-sample spikes of +-(10..20) and, optionally,
// runs of NaN ("no data") including lone valid samples between NaNs.
std::vector<float> makeSignal(std::size_t n, bool nanRuns, quint32 seed)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> noise(-0.5f, 0.5f);
    std::uniform_real_distribution<float> spikeSize(10.f, 20.f);
    std::uniform_int_distribution<int> percent(0, 99);
    std::vector<float> s(n);
    for (std::size_t i = 0; i < n; ++i)
        s[i] = static_cast<float>(std::sin(static_cast<double>(i) * 0.05)) + noise(rng);
    for (std::size_t i = 0; i < n; ++i) {
        if (percent(rng) < 2)
            s[i] = percent(rng) < 50 ? spikeSize(rng) : -spikeSize(rng);
    }
    if (nanRuns && n > 8) {
        std::uniform_int_distribution<std::size_t> pos(0, n - 1);
        std::uniform_int_distribution<std::size_t> len(1, 40);
        for (int r = 0; r < 12; ++r) {
            const std::size_t start = pos(rng);
            const std::size_t end = std::min(n, start + len(rng));
            for (std::size_t i = start; i < end; ++i)
                s[i] = kNaN;
        }
        // Lone valid samples (both neighbours NaN), one of them a spike, and lone NaN samples.
        for (int r = 0; r < 6; ++r) {
            const std::size_t i = 1 + pos(rng) % (n - 2);
            s[i - 1] = kNaN;
            s[i + 1] = kNaN;
            if (r == 0)
                s[i] = 15.f;
            const std::size_t j = 1 + pos(rng) % (n - 2);
            s[j] = kNaN;
        }
    }
    return s;
}

// Brute force from the definition: sample i sits at x_i = i * cps; the signal is the polyline through
// consecutive non-NaN samples; unwrapped column c holds min/max of that polyline over [c, c + 1].
// `shift` moves every sample by a hair (see Reference below).
std::vector<ColumnSpan> reference(const std::vector<float>& s, double cps, std::size_t columns, double shift = 0.0)
{
    const auto position = [&](std::size_t i) { return std::max(0.0, static_cast<double>(i) * cps + shift); };
    std::vector<ColumnSpan> out(columns);
    const auto includeAt = [&](double x0, double x1, float v0, float v1, double x) -> float {
        if (x <= x0)
            return v0;
        if (x >= x1)
            return v1;
        return static_cast<float>(v0 + (static_cast<double>(v1) - v0) * (x - x0) / (x1 - x0));
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (std::isnan(s[i]))
            continue;
        const double x = position(i);
        // Every column whose closed interval [c, c + 1] contains x.
        const auto lo = static_cast<std::int64_t>(std::ceil(x)) - 1;
        const auto hi = static_cast<std::int64_t>(std::floor(x));
        for (std::int64_t c = std::max<std::int64_t>(lo, 0); c <= hi; ++c) {
            if (c < static_cast<std::int64_t>(columns))
                out[static_cast<std::size_t>(c)].include(s[i]);
        }
        if (i + 1 >= s.size() || std::isnan(s[i + 1]))
            continue;
        const double x1 = position(i + 1);
        for (auto c = std::max<std::int64_t>(0, static_cast<std::int64_t>(std::floor(x)));
             c <= static_cast<std::int64_t>(std::floor(x1)); ++c) {
            const double a = std::max(x, static_cast<double>(c));
            const double b = std::min(x1, static_cast<double>(c + 1));
            if (a > b || c >= static_cast<std::int64_t>(columns))
                continue;
            ColumnSpan& col = out[static_cast<std::size_t>(c)];
            col.include(includeAt(x, x1, s[i], s[i + 1], a));
            col.include(includeAt(x, x1, s[i], s[i + 1], b));
        }
    }
    return out;
}

bool close(float a, float b)
{
    return std::fabs(a - b) <= 1e-4f * std::max(1.f, std::fabs(b));
}

bool sameSpan(const ColumnSpan& a, const ColumnSpan& e)
{
    if (a.isEmpty() || e.isEmpty())
        return a.isEmpty() == e.isEmpty();
    return close(a.min, e.min) && close(a.max, e.max);
}

// The reference for a signal, with tolerance for where a sample exactly on a column boundary lands.
// SweepTrace accumulates positions in floating point, so a sample at an integer x (every 20th sample
// for cps 0.05, every 10th for 3.3, ...) may sit a rounding error left or right of the boundary; a
// column is accepted if it matches the exact reference or the one with every sample nudged left or
// right by far less than a sample spacing. Where a line reaches the boundary the three agree within
// tolerance; they differ only for a boundary sample next to a NaN (or the newest sample), whose dot
// then shows in one of the two columns it touches instead of both.
struct Reference
{
    std::vector<ColumnSpan> exact;
    std::vector<ColumnSpan> left;
    std::vector<ColumnSpan> right;

    Reference(const std::vector<float>& s, double cps, std::size_t columns)
        : exact(reference(s, cps, columns))
        , left(reference(s, cps, columns, -1e-9))
        , right(reference(s, cps, columns, +1e-9))
    { }
    [[nodiscard]] bool matches(std::size_t c, const ColumnSpan& actual) const
    {
        return sameSpan(actual, exact[c]) || sameSpan(actual, left[c]) || sameSpan(actual, right[c]);
    }
};

// Is `head` (physical) the column of sample `index`? The implementation accumulates positions, so a
// position that is an integer up to rounding may land on either side of it.
bool headMatches(int head, std::size_t index, double cps, int width)
{
    const double x = static_cast<double>(index) * cps;
    const auto f = static_cast<std::int64_t>(std::floor(x));
    if (head == static_cast<int>(f % width))
        return true;
    const auto r = static_cast<std::int64_t>(std::round(x));
    return std::fabs(x - static_cast<double>(r)) < 1e-6 && r > 0 && head == static_cast<int>((r - 1) % width);
}

std::vector<std::size_t> randomChunks(std::size_t n, std::size_t maxChunk, quint32 seed)
{
    std::mt19937 rng(seed);
    std::uniform_int_distribution<std::size_t> size(1, maxChunk);
    std::vector<std::size_t> chunks;
    for (std::size_t done = 0; done < n;) {
        const std::size_t c = std::min(size(rng), n - done);
        chunks.push_back(c);
        done += c;
    }
    return chunks;
}

bool inDirty(const SweepTrace::Dirty& d, int column, int width)
{
    return ((column - d.first) % width + width) % width < d.count;
}

} // namespace

class TestSweepTrace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void configure();
    void singlePassMatchesReference_data();
    void singlePassMatchesReference();
    void smallExamples_data();
    void smallExamples();
    void wrapAroundKeepsNewestPass_data();
    void wrapAroundKeepsNewestPass();
    void dirtyAfterEachAppend_data();
    void dirtyAfterEachAppend();
    void resetClearsEverything();

private:
    static void addCpsRows(bool withNaN);
};

void TestSweepTrace::addCpsRows(bool withNaN)
{
    QTest::addColumn<double>("cps");
    QTest::addColumn<bool>("nanRuns");
    for (const double cps : {0.05, 0.189, 0.5, 1.0, 1.89, 3.3}) {
        QTest::addRow("cps %g", cps) << cps << false;
        if (withNaN)
            QTest::addRow("cps %g, NaN runs", cps) << cps << true;
    }
}

void TestSweepTrace::configure()
{
    SweepTrace t;
    t.configure(640, 0.25);
    QCOMPARE(t.columnCount(), 640);
    QCOMPARE(t.columnsPerSample(), 0.25);
    QCOMPARE(t.head(), 0);
    QVERIFY(!t.written(0));
    for (const ColumnSpan& c : t.columns())
        QVERIFY(c.isEmpty());

    t.configure(0, -1.0); // nonsense is clamped to something drawable
    QCOMPARE(t.columnCount(), 1);
    QCOMPARE(t.columnsPerSample(), 1.0);
}

void TestSweepTrace::singlePassMatchesReference_data()
{
    addCpsRows(true);
}

void TestSweepTrace::singlePassMatchesReference()
{
    QFETCH(double, cps);
    QFETCH(bool, nanRuns);

    for (quint32 seed = 1; seed <= 4; ++seed) {
        const auto n = static_cast<std::size_t>(1500.0 / cps) + seed * 37;
        const std::vector<float> samples = makeSignal(n, nanRuns, seed * 101 + static_cast<quint32>(cps * 1000));
        const int width = static_cast<int>(std::ceil(static_cast<double>(n) * cps)) + 3; // no wrap

        SweepTrace whole;
        whole.configure(width, cps);
        whole.append(samples);

        SweepTrace chunked;
        chunked.configure(width, cps);
        std::size_t at = 0;
        for (const std::size_t c : randomChunks(n, 97, seed)) {
            chunked.append(std::span<const float>(samples).subspan(at, c));
            at += c;
        }

        // Chunking does not change anything.
        QCOMPARE(chunked.head(), whole.head());
        for (int c = 0; c < width; ++c) {
            const ColumnSpan& a = whole.column(c);
            const ColumnSpan& b = chunked.column(c);
            QVERIFY2(a == b, qPrintable(QStringLiteral("chunking changed column %1").arg(c)));
        }

        QVERIFY(headMatches(whole.head(), n - 1, cps, width));

        const Reference expected(samples, cps, static_cast<std::size_t>(width));
        int mismatches = 0;
        for (int c = 0; c < width; ++c) {
            const ColumnSpan& a = whole.column(c);
            const ColumnSpan& e = expected.exact[static_cast<std::size_t>(c)];
            if (!expected.matches(static_cast<std::size_t>(c), a)) {
                if (++mismatches <= 5) {
                    const int i0 = std::max(0, static_cast<int>(std::floor(c / cps)) - 1);
                    qWarning("seed %u column %d: expected [%g, %g], got [%g, %g]; samples from %d: %g %g %g %g", seed,
                        c, double(e.min), double(e.max), double(a.min), double(a.max), i0,
                        double(samples[std::size_t(i0)]), double(samples[std::min(n - 1, std::size_t(i0) + 1)]),
                        double(samples[std::min(n - 1, std::size_t(i0) + 2)]),
                        double(samples[std::min(n - 1, std::size_t(i0) + 3)]));
                }
            }
        }
        QCOMPARE(mismatches, 0);

        // Spikes are never lost: the extremes over the columns are the extremes over the samples.
        float sampleMax = -std::numeric_limits<float>::infinity();
        float sampleMin = std::numeric_limits<float>::infinity();
        for (const float v : samples) {
            if (!std::isnan(v)) {
                sampleMax = std::max(sampleMax, v);
                sampleMin = std::min(sampleMin, v);
            }
        }
        float columnMax = -std::numeric_limits<float>::infinity();
        float columnMin = std::numeric_limits<float>::infinity();
        for (const ColumnSpan& c : whole.columns()) {
            if (!c.isEmpty()) {
                columnMax = std::max(columnMax, c.max);
                columnMin = std::min(columnMin, c.min);
            }
        }
        QCOMPARE(columnMax, sampleMax);
        QCOMPARE(columnMin, sampleMin);
        // And each sample lies within the column its position falls in (either, for one on a boundary).
        for (std::size_t i = 0; i < n; ++i) {
            if (std::isnan(samples[i]))
                continue;
            const double x = static_cast<double>(i) * cps;
            bool shown = false;
            for (const double probe : {x - 1e-6, x + 1e-6}) {
                const int c = std::clamp(static_cast<int>(std::floor(probe)), 0, width - 1);
                const ColumnSpan& col = whole.column(c);
                shown = shown || (!col.isEmpty() && col.min <= samples[i] + 1e-4f && col.max >= samples[i] - 1e-4f);
            }
            QVERIFY2(shown, qPrintable(QStringLiteral("sample %1 (%2) not shown").arg(i).arg(double(samples[i]))));
        }
    }
}

void TestSweepTrace::smallExamples_data()
{
    QTest::addColumn<double>("cps");
    QTest::addColumn<std::vector<float>>("samples");
    QTest::addColumn<std::vector<float>>("expected"); // min0, max0, min1, max1, ...; NaN pair: empty

    // Two samples per column: 0 at x=0, 2 at 0.5, 4 at 1.0, 6 at 1.5; column 0 = [0, 4], column 1 = [4, 6].
    QTest::newRow("two samples per column")
        << 0.5 << std::vector<float>{0, 2, 4, 6} << std::vector<float>{0, 4, 4, 6, kNaN, kNaN};
    // One sample every 4 columns: a straight line from 0 (x=0) to 8 (x=4).
    QTest::newRow("line across four columns")
        << 4.0 << std::vector<float>{0, 8} << std::vector<float>{0, 2, 2, 4, 4, 6, 6, 8, 8, 8, kNaN, kNaN};
    // A spike between two flat samples, 2.5 columns apart: it reaches column 2 (x=2.5) and the
    // lines either side cross columns 0..4.
    QTest::newRow("spike between samples")
        << 2.5 << std::vector<float>{0, 10, 0} << std::vector<float>{0, 4, 4, 8, 8, 10, 4, 8, 0, 4, 0, 0};
    // A lone valid sample between NaNs is a point; the NaN samples draw nothing.
    QTest::newRow("lone sample between NaN") << 0.4 << std::vector<float>{kNaN, kNaN, kNaN, 5, kNaN, kNaN}
                                             << std::vector<float>{kNaN, kNaN, 5, 5, kNaN, kNaN};
    // No line to or from a NaN: column 1 holds only the 3 after the gap (x=1.5); column 0 only the 1.
    // A sample exactly on a column boundary belongs to both columns' closed intervals, with or
    // without a line into it.
    QTest::newRow("boundary sample after NaN")
        << 1.0 << std::vector<float>{kNaN, 5, 7} << std::vector<float>{5, 5, 5, 7, 7, 7};
    QTest::newRow("no line across NaN") << 0.5 << std::vector<float>{1, kNaN, kNaN, 3}
                                        << std::vector<float>{1, 1, 3, 3};
}

void TestSweepTrace::smallExamples()
{
    QFETCH(double, cps);
    QFETCH(std::vector<float>, samples);
    QFETCH(std::vector<float>, expected);
    const int width = static_cast<int>(expected.size() / 2);
    SweepTrace t;
    t.configure(width + 5, cps);
    t.append(samples);
    for (int c = 0; c < width; ++c) {
        const float lo = expected[static_cast<std::size_t>(2 * c)];
        const float hi = expected[static_cast<std::size_t>(2 * c + 1)];
        const ColumnSpan& a = t.column(c);
        if (std::isnan(lo)) {
            QVERIFY2(a.isEmpty(), qPrintable(QStringLiteral("column %1 should be empty").arg(c)));
        } else {
            QVERIFY2(!a.isEmpty(), qPrintable(QStringLiteral("column %1 should not be empty").arg(c)));
            QCOMPARE(a.min, lo);
            QCOMPARE(a.max, hi);
        }
    }
}

void TestSweepTrace::wrapAroundKeepsNewestPass_data()
{
    addCpsRows(true);
}

void TestSweepTrace::wrapAroundKeepsNewestPass()
{
    QFETCH(double, cps);
    QFETCH(bool, nanRuns);
    constexpr int kWidth = 97;

    // 2.6 sweeps, ending with the newest sample clear of a column boundary.
    const auto n = static_cast<std::size_t>(2.6 * kWidth / cps);
    const std::vector<float> samples = makeSignal(n, nanRuns, static_cast<quint32>(cps * 977));

    SweepTrace t;
    t.configure(kWidth, cps);
    for (int col = 0; col < kWidth; ++col)
        QVERIFY(!t.written(col));

    // Half a sweep first: exactly the columns up to the head are written.
    std::size_t at = static_cast<std::size_t>(kWidth / 2.0 / cps) + 1;
    t.append(std::span<const float>(samples).first(at));
    QVERIFY(headMatches(t.head(), at - 1, cps, kWidth));
    for (int col = 0; col < kWidth; ++col)
        QCOMPARE(t.written(col), col <= t.head());

    for (const std::size_t c : randomChunks(n - at, 61, 5)) {
        t.append(std::span<const float>(samples).subspan(at, c));
        at += c;
        QVERIFY2(headMatches(t.head(), at - 1, cps, kWidth),
            qPrintable(QStringLiteral("head %1 after %2 samples").arg(t.head()).arg(at)));
    }
    for (int col = 0; col < kWidth; ++col)
        QVERIFY(t.written(col));

    // Unwrapped head: floor(x) of the newest sample, or one less if its accumulated position fell
    // just short of an integer (headMatches() accepted that above).
    const double xLast = static_cast<double>(n - 1) * cps;
    auto headU = static_cast<std::int64_t>(std::floor(xLast));
    if (static_cast<int>(headU % kWidth) != t.head())
        headU = static_cast<std::int64_t>(std::round(xLast)) - 1;
    QCOMPARE(t.head(), static_cast<int>(headU % kWidth));
    QVERIFY(headU >= 2 * kWidth); // more than two full sweeps

    // Physical column p holds unwrapped column u (headU - width < u <= headU, u = p mod width) only.
    const Reference expected(samples, cps, static_cast<std::size_t>(headU + 1));
    for (std::int64_t u = headU - kWidth + 1; u <= headU; ++u) {
        const int p = static_cast<int>(u % kWidth);
        const ColumnSpan& e = expected.exact[static_cast<std::size_t>(u)];
        const ColumnSpan& a = t.column(p);
        QVERIFY2(expected.matches(static_cast<std::size_t>(u), a),
            qPrintable(QStringLiteral("column %1 (unwrapped %2): expected [%3, %4], got [%5, %6]")
                           .arg(p)
                           .arg(u)
                           .arg(double(e.min))
                           .arg(double(e.max))
                           .arg(double(a.min))
                           .arg(double(a.max))));
    }

    // No spike of the newest pass is lost: every sample in it lies within the column it falls in.
    for (std::size_t i = 0; i < n; ++i) {
        const double x = static_cast<double>(i) * cps;
        if (std::isnan(samples[i]) || x < static_cast<double>(headU - kWidth + 1) + 1e-6)
            continue;
        bool shown = false;
        for (const double probe : {x - 1e-6, x + 1e-6}) {
            const auto u = static_cast<std::int64_t>(std::floor(probe));
            if (u > headU)
                continue;
            const ColumnSpan& col = t.column(static_cast<int>(u % kWidth));
            shown = shown || (!col.isEmpty() && col.min <= samples[i] + 1e-4f && col.max >= samples[i] - 1e-4f);
        }
        QVERIFY2(shown, qPrintable(QStringLiteral("sample %1 (%2) not shown").arg(i).arg(double(samples[i]))));
    }
}

void TestSweepTrace::dirtyAfterEachAppend_data()
{
    addCpsRows(true);
}

// takeDirty() reports every column an append changed (a contiguous run ending at the head, wrapping
// at the right edge) and nothing the sweep did not pass through.
void TestSweepTrace::dirtyAfterEachAppend()
{
    QFETCH(double, cps);
    QFETCH(bool, nanRuns);
    constexpr int kWidth = 53;

    const auto n = static_cast<std::size_t>(3.3 * kWidth / cps);
    const std::vector<float> samples = makeSignal(n, nanRuns, static_cast<quint32>(cps * 313) + 1);

    SweepTrace t;
    t.configure(kWidth, cps);
    const SweepTrace::Dirty initial = t.takeDirty();
    QCOMPARE(initial.first, 0);
    QCOMPARE(initial.count, kWidth);
    QCOMPARE(t.takeDirty().count, 0);

    std::size_t at = 0;
    std::int64_t headU = -1; // unwrapped head before the append; -1: nothing yet
    int wraps = 0;
    int appends = 0;
    for (const std::size_t chunk : randomChunks(n, 7, 11)) {
        const std::vector<ColumnSpan> before(t.columns().begin(), t.columns().end());
        t.append(std::span<const float>(samples).subspan(at, chunk));
        at += chunk;
        ++appends;
        // Unwrapped head after the append, consistent with the physical head the trace reports.
        std::int64_t newHeadU = static_cast<std::int64_t>(std::floor(static_cast<double>(at - 1) * cps + 1e-9));
        if (newHeadU % kWidth != t.head())
            --newHeadU; // the accumulated position fell just short of an integer
        QCOMPARE(static_cast<int>(newHeadU % kWidth), t.head());

        const SweepTrace::Dirty d = t.takeDirty();
        QVERIFY(d.count >= 1);
        QVERIFY(d.first >= 0 && d.first < kWidth);
        const std::int64_t passed = headU < 0 ? newHeadU + 1 : newHeadU - headU + 1;
        QVERIFY2(d.count <= std::min<std::int64_t>(passed, kWidth),
            qPrintable(QStringLiteral("append %1: dirty count %2 but the sweep passed %3 columns")
                           .arg(appends)
                           .arg(d.count)
                           .arg(passed)));
        QCOMPARE((d.first + d.count - 1) % kWidth, t.head());
        if (d.first + d.count > kWidth)
            ++wraps;
        for (int c = 0; c < kWidth; ++c) {
            if (!(before[static_cast<std::size_t>(c)] == t.column(c))) {
                QVERIFY2(inDirty(d, c, kWidth),
                    qPrintable(QStringLiteral("append %1 (%2 samples, head %3 -> %4): column %5 changed but "
                                              "dirty is first %6 count %7")
                                   .arg(appends)
                                   .arg(chunk)
                                   .arg(headU)
                                   .arg(newHeadU)
                                   .arg(c)
                                   .arg(d.first)
                                   .arg(d.count)));
            }
        }
        QCOMPARE(t.takeDirty().count, 0); // taken: nothing left
        headU = newHeadU;
    }
    QVERIFY(wraps >= 1); // a dirty run crossed the right edge at least once

    // An append longer than the whole width dirties every column once.
    std::vector<float> longRun(static_cast<std::size_t>(2.0 * kWidth / cps) + 2, 0.5f);
    t.append(longRun);
    const SweepTrace::Dirty all = t.takeDirty();
    QCOMPARE(all.count, kWidth);
    QCOMPARE((all.first + all.count - 1) % kWidth, t.head());
}

void TestSweepTrace::resetClearsEverything()
{
    SweepTrace t;
    t.configure(40, 0.3);
    const std::vector<float> samples = makeSignal(500, false, 3);
    t.append(samples);
    (void)t.takeDirty();
    QVERIFY(t.written(5));

    t.reset();
    QCOMPARE(t.head(), 0);
    for (int c = 0; c < t.columnCount(); ++c) {
        QVERIFY(t.column(c).isEmpty());
        QVERIFY(!t.written(c));
    }
    const SweepTrace::Dirty d = t.takeDirty();
    QCOMPARE(d.first, 0);
    QCOMPARE(d.count, 40);
    QCOMPARE(t.takeDirty().count, 0);

    // The sweep restarts at column 0.
    const std::vector<float> two{1.f, 2.f};
    t.append(two);
    QCOMPARE(t.head(), 0);
    QCOMPARE(t.column(0).min, 1.f);
    QCOMPARE(t.column(0).max, 2.f);
    QVERIFY(t.column(1).isEmpty());
    QVERIFY(t.written(0));
    QVERIFY(!t.written(1));
    const SweepTrace::Dirty after = t.takeDirty();
    QCOMPARE(after.first, 0);
    QCOMPARE(after.count, 1);
}

QTEST_GUILESS_MAIN(TestSweepTrace)
#include "tst_sweeptrace.moc"
