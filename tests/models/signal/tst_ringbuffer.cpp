#include "signal/ringbuffer.h"

#include <QTest>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <numeric>
#include <random>
#include <thread>
#include <vector>

using vigil::signal::RingBuffer;

namespace {

// Pushes values 0, 1, 2, ... (value == sample index) in batches of `batch`, until `total` were written.
void pushSequence(RingBuffer<std::uint64_t>& ring, std::uint64_t total, std::uint64_t batch)
{
    std::vector<std::uint64_t> values;
    for (std::uint64_t i = ring.written(); i < total;) {
        const std::uint64_t n = std::min(batch, total - i);
        values.resize(n);
        std::iota(values.begin(), values.end(), i);
        ring.push(values);
        i += n;
    }
}

// A sample the concurrent test can tell apart from a torn or overwritten one.
struct Tagged
{
    std::uint64_t index = 0;
    std::uint64_t check = 0; // ~index
};

} // namespace

class TestRingBuffer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void capacityIsRoundedToPowerOfTwo_data();
    void capacityIsRoundedToPowerOfTwo();
    void read_data();
    void read();
    void readAppendsToOutput();
    void writtenCountsEverySample();
    void followingReaderSeesEverySampleOnce();
    void independentReaderCursors();
    void concurrentWriterAndReaders();
};

void TestRingBuffer::capacityIsRoundedToPowerOfTwo_data()
{
    QTest::addColumn<qulonglong>("requested");
    QTest::addColumn<qulonglong>("capacity");
    QTest::newRow("zero") << 0ull << 2ull;
    QTest::newRow("one") << 1ull << 2ull;
    QTest::newRow("two") << 2ull << 2ull;
    QTest::newRow("three") << 3ull << 4ull;
    QTest::newRow("exact power") << 8ull << 8ull;
    QTest::newRow("power plus one") << 9ull << 16ull;
    QTest::newRow("1000") << 1000ull << 1024ull;
    QTest::newRow("ecg 64 s at 500 Hz") << 32000ull << 32768ull;
    QTest::newRow("resp 64 s at 50 Hz") << 3200ull << 4096ull;
}

void TestRingBuffer::capacityIsRoundedToPowerOfTwo()
{
    QFETCH(qulonglong, requested);
    QFETCH(qulonglong, capacity);
    const RingBuffer<float> ring(static_cast<std::size_t>(requested));
    QCOMPARE(static_cast<qulonglong>(ring.capacity()), capacity);
    QCOMPARE(ring.written(), std::uint64_t{0});
}

void TestRingBuffer::read_data()
{
    QTest::addColumn<qulonglong>("capacity");
    QTest::addColumn<qulonglong>("written");
    QTest::addColumn<qulonglong>("batch"); // samples per push()
    QTest::addColumn<qulonglong>("cursor");
    QTest::addColumn<qulonglong>("maxCount");
    QTest::addColumn<qulonglong>("first");
    QTest::addColumn<qulonglong>("next");
    QTest::addColumn<qulonglong>("lost");

    const qulonglong all = SIZE_MAX;
    // clang-format off
    //                                              cap  written batch cursor max   first next lost
    QTest::newRow("empty ring")                  << 8ull << 0ull << 1ull << 0ull << all << 0ull << 0ull << 0ull;
    QTest::newRow("everything unread")           << 8ull << 5ull << 5ull << 0ull << all << 0ull << 5ull << 0ull;
    QTest::newRow("partly read")                 << 8ull << 5ull << 2ull << 3ull << all << 3ull << 5ull << 0ull;
    QTest::newRow("up to date")                  << 8ull << 5ull << 1ull << 5ull << all << 5ull << 5ull << 0ull;
    QTest::newRow("exactly full")                << 8ull << 8ull << 3ull << 0ull << all << 0ull << 8ull << 0ull;
    QTest::newRow("wrapped, reader in range")    << 8ull << 13ull << 3ull << 6ull << all << 6ull << 13ull << 0ull;
    QTest::newRow("wrapped, reader at oldest")   << 8ull << 13ull << 4ull << 5ull << all << 5ull << 13ull << 0ull;
    QTest::newRow("behind by one too many")      << 8ull << 17ull << 1ull << 8ull << all << 9ull << 17ull << 1ull;
    QTest::newRow("far behind")                  << 8ull << 100ull << 7ull << 0ull << all << 92ull << 100ull << 92ull;
    QTest::newRow("far behind, wide ring")       << 1000ull << 5000ull << 333ull << 10ull << all << 3976ull << 5000ull << 3966ull;
    QTest::newRow("one batch over capacity")     << 8ull << 20ull << 20ull << 0ull << all << 12ull << 20ull << 12ull;
    QTest::newRow("maxCount limits")             << 8ull << 5ull << 5ull << 0ull << 3ull << 0ull << 3ull << 0ull;
    QTest::newRow("maxCount equals available")   << 8ull << 5ull << 5ull << 1ull << 4ull << 1ull << 5ull << 0ull;
    QTest::newRow("maxCount above available")    << 8ull << 5ull << 5ull << 1ull << 9ull << 1ull << 5ull << 0ull;
    QTest::newRow("maxCount while behind")       << 8ull << 100ull << 10ull << 0ull << 3ull << 92ull << 95ull << 92ull;
    QTest::newRow("maxCount zero")               << 8ull << 5ull << 5ull << 1ull << 0ull << 1ull << 1ull << 0ull;
    QTest::newRow("maxCount zero while behind")  << 8ull << 100ull << 10ull << 0ull << 0ull << 92ull << 92ull << 92ull;
    QTest::newRow("reader ahead of writer")      << 8ull << 5ull << 5ull << 10ull << all << 10ull << 10ull << 0ull;
    QTest::newRow("reader ahead, wrapped ring")  << 8ull << 30ull << 4ull << 31ull << all << 31ull << 31ull << 0ull;
    // clang-format on
}

void TestRingBuffer::read()
{
    QFETCH(qulonglong, capacity);
    QFETCH(qulonglong, written);
    QFETCH(qulonglong, batch);
    QFETCH(qulonglong, cursor);
    QFETCH(qulonglong, maxCount);
    QFETCH(qulonglong, first);
    QFETCH(qulonglong, next);
    QFETCH(qulonglong, lost);

    RingBuffer<std::uint64_t> ring(static_cast<std::size_t>(capacity));
    pushSequence(ring, written, batch);
    QCOMPARE(ring.written(), std::uint64_t{written});

    std::vector<std::uint64_t> out;
    const auto r = ring.read(cursor, out, static_cast<std::size_t>(maxCount));
    QCOMPARE(r.first, std::uint64_t{first});
    QCOMPARE(r.next, std::uint64_t{next});
    QCOMPARE(r.lost, std::uint64_t{lost});
    QCOMPARE(static_cast<qulonglong>(out.size()), next - first);
    for (std::size_t i = 0; i < out.size(); ++i)
        QCOMPARE(out[i], first + i);
}

void TestRingBuffer::readAppendsToOutput()
{
    RingBuffer<std::uint64_t> ring(8);
    pushSequence(ring, 11, 4);
    std::vector<std::uint64_t> out{777, 778};
    const auto r = ring.read(9, out);
    QCOMPARE(r.first, std::uint64_t{9});
    QCOMPARE(r.next, std::uint64_t{11});
    QCOMPARE(out, (std::vector<std::uint64_t>{777, 778, 9, 10}));
}

void TestRingBuffer::writtenCountsEverySample()
{
    RingBuffer<float> ring(4);
    const std::vector<float> three{1.f, 2.f, 3.f};
    const std::vector<float> ten(10, 5.f);
    ring.push(three);
    QCOMPARE(ring.written(), std::uint64_t{3});
    ring.push(std::span<const float>{});
    QCOMPARE(ring.written(), std::uint64_t{3});
    ring.push(ten); // larger than the capacity: only the newest 4 survive, but all count
    QCOMPARE(ring.written(), std::uint64_t{13});
    std::vector<float> out;
    const auto r = ring.read(0, out);
    QCOMPARE(r.lost, std::uint64_t{9});
    QCOMPARE(out, (std::vector<float>{5.f, 5.f, 5.f, 5.f}));
}

// A reader that keeps up (cursor = previous next) sees every sample exactly once, in order, across
// many wrap-arounds and with reads limited by maxCount.
void TestRingBuffer::followingReaderSeesEverySampleOnce()
{
    RingBuffer<std::uint64_t> ring(16);
    std::mt19937_64 rng(42);
    std::uniform_int_distribution<int> pushSize(0, 12);
    std::uniform_int_distribution<int> readLimit(1, 20);
    std::uint64_t cursor = 0;
    std::vector<std::uint64_t> out;
    std::vector<std::uint64_t> values;
    for (int round = 0; round < 2000; ++round) {
        const auto n = static_cast<std::uint64_t>(pushSize(rng));
        values.resize(n);
        std::iota(values.begin(), values.end(), ring.written());
        ring.push(values);
        // At most 12 unread samples at a time: never more than the capacity (16), so nothing is lost.
        while (cursor < ring.written()) {
            out.clear();
            const auto limit = static_cast<std::size_t>(readLimit(rng));
            const auto r = ring.read(cursor, out, limit);
            QCOMPARE(r.lost, std::uint64_t{0});
            QCOMPARE(r.first, cursor);
            QCOMPARE(r.next - r.first, static_cast<std::uint64_t>(out.size()));
            QVERIFY(out.size() <= limit);
            for (std::size_t i = 0; i < out.size(); ++i)
                QCOMPARE(out[i], cursor + i);
            cursor = r.next;
        }
    }
    QCOMPARE(cursor, ring.written());
}

void TestRingBuffer::independentReaderCursors()
{
    RingBuffer<std::uint64_t> ring(8);
    pushSequence(ring, 6, 6);
    std::vector<std::uint64_t> a;
    std::vector<std::uint64_t> b;
    const auto ra = ring.read(0, a);
    const auto rb = ring.read(4, b);
    QCOMPARE(a, (std::vector<std::uint64_t>{0, 1, 2, 3, 4, 5}));
    QCOMPARE(b, (std::vector<std::uint64_t>{4, 5}));
    QCOMPARE(ra.next, std::uint64_t{6});
    QCOMPARE(rb.next, std::uint64_t{6});

    pushSequence(ring, 16, 3); // reader a keeps up from 6; reader b stays at 6 too
    a.clear();
    const auto ra2 = ring.read(ra.next, a);
    QCOMPARE(ra2.lost, std::uint64_t{2});
    QCOMPARE(ra2.first, std::uint64_t{8});
    QCOMPARE(a, (std::vector<std::uint64_t>{8, 9, 10, 11, 12, 13, 14, 15}));
}

// One writer pushes value == index in random-sized batches while readers pull concurrently: a
// reader that keeps up and one that always reads from the oldest slot, racing the writer. Every
// sample a reader receives must be exactly the sample at its index (nothing torn or overwritten),
// and first/next/lost must account for every index.
void TestRingBuffer::concurrentWriterAndReaders()
{
    constexpr std::size_t kCapacity = 1024;
    constexpr std::uint64_t kTotal = 30'000'000;
    RingBuffer<Tagged> ring(kCapacity);
    QCOMPARE(ring.capacity(), kCapacity);

    std::atomic<bool> writerDone{false};

    struct ReaderStats
    {
        std::uint64_t received = 0;
        std::uint64_t lost = 0;
        std::uint64_t reads = 0;
        std::uint64_t badSamples = 0; // value != index, or torn
        std::uint64_t badBookkeeping = 0;
        std::uint64_t firstBadIndex = UINT64_MAX;
        std::uint64_t cursor = 0;
    };

    const auto checkRead = [](ReaderStats& s, std::uint64_t cursor, const RingBuffer<Tagged>::ReadResult& r,
                               const std::vector<Tagged>& out) {
        ++s.reads;
        if (r.first != cursor + r.lost || r.next < r.first || r.next - r.first != out.size())
            ++s.badBookkeeping;
        for (std::size_t i = 0; i < out.size(); ++i) {
            const std::uint64_t index = r.first + i;
            if (out[i].index != index || out[i].check != ~index) {
                if (s.firstBadIndex == UINT64_MAX)
                    s.firstBadIndex = index;
                ++s.badSamples;
            }
        }
        s.received += out.size();
        s.lost += r.lost;
    };

    ReaderStats follower;
    ReaderStats edge;

    std::thread writer([&] {
        std::mt19937_64 rng(7);
        // Mostly small batches, sometimes up to the whole capacity, rarely more than it.
        std::uniform_int_distribution<std::size_t> small(1, 64);
        std::uniform_int_distribution<std::size_t> large(1, kCapacity + kCapacity / 2);
        std::uniform_int_distribution<int> choice(0, 9);
        std::vector<Tagged> batch;
        std::uint64_t next = 0;
        while (next < kTotal) {
            std::size_t n = choice(rng) < 8 ? small(rng) : large(rng);
            n = static_cast<std::size_t>(std::min<std::uint64_t>(n, kTotal - next));
            batch.resize(n);
            for (std::size_t i = 0; i < n; ++i)
                batch[i] = Tagged{next + i, ~(next + i)};
            ring.push(batch);
            next += n;
        }
        writerDone.store(true, std::memory_order_release);
    });

    std::thread followerThread([&] {
        std::vector<Tagged> out;
        std::uint64_t cursor = 0;
        for (;;) {
            const bool done = writerDone.load(std::memory_order_acquire);
            out.clear();
            const auto r = ring.read(cursor, out);
            checkRead(follower, cursor, r, out);
            cursor = r.next;
            if (done && cursor >= ring.written())
                break;
        }
        follower.cursor = cursor;
    });

    std::thread edgeThread([&] {
        // Always asks for the oldest samples the ring still holds: the writer is busy overwriting
        // exactly those, so this is where a missed overwrite shows up.
        std::vector<Tagged> out;
        while (!writerDone.load(std::memory_order_acquire)) {
            const std::uint64_t w = ring.written();
            const std::uint64_t cursor = w > kCapacity ? w - kCapacity : 0;
            out.clear();
            const auto r = ring.read(cursor, out);
            checkRead(edge, cursor, r, out);
        }
    });

    writer.join();
    followerThread.join();
    edgeThread.join();

    qInfo("follower: %llu reads, %llu received, %llu lost; edge reader: %llu reads, %llu received, %llu dropped",
        static_cast<unsigned long long>(follower.reads), static_cast<unsigned long long>(follower.received),
        static_cast<unsigned long long>(follower.lost), static_cast<unsigned long long>(edge.reads),
        static_cast<unsigned long long>(edge.received), static_cast<unsigned long long>(edge.lost));

    QCOMPARE(follower.badBookkeeping, std::uint64_t{0});
    QCOMPARE(edge.badBookkeeping, std::uint64_t{0});
    if (follower.badSamples != 0 || edge.badSamples != 0) {
        qWarning("corrupt samples: follower %llu (first at index %llu), edge reader %llu (first at index %llu)",
            static_cast<unsigned long long>(follower.badSamples),
            static_cast<unsigned long long>(follower.firstBadIndex), static_cast<unsigned long long>(edge.badSamples),
            static_cast<unsigned long long>(edge.firstBadIndex));
    }
    QCOMPARE(follower.badSamples, std::uint64_t{0});
    QCOMPARE(edge.badSamples, std::uint64_t{0});
    // Every index is either received or reported lost, exactly once.
    QCOMPARE(follower.cursor, kTotal);
    QCOMPARE(follower.received + follower.lost, kTotal);
    QVERIFY(edge.reads > 0);
}

QTEST_GUILESS_MAIN(TestRingBuffer)
#include "tst_ringbuffer.moc"
