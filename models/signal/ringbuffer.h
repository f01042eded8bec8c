#pragma once

#include <algorithm>
#include <atomic>
#include <bit>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace vigil::signal {

// Fixed-capacity ring of samples for one writer and any number of readers, lock-free.
//
// Samples are numbered from 0 by a 64-bit counter that never wraps in practice. Each reader keeps
// its own cursor (the index of the next sample it wants) and pulls once per frame; the writer never
// waits for readers. A reader that falls more than capacity() behind loses the oldest samples and
// is told how many (ReadResult::lost). The copy is validated after the fact (seqlock style): the
// writer announces how far it is about to write (m_claimed) before it touches any slot, and slots
// the writer may have overwritten during the copy are dropped and counted as lost. Slots are
// relaxed atomics, so a concurrent overwrite is never a data race (and costs nothing on x86/ARM).
template<typename T>
class RingBuffer final
{
public:
    struct ReadResult
    {
        std::uint64_t first = 0; // index of out[0]
        std::uint64_t next = 0; // the reader's cursor after this read
        std::uint64_t lost = 0; // samples between the requested cursor and `first` that were overwritten
    };

    // Capacity is rounded up to a power of two.
    explicit RingBuffer(std::size_t capacity)
        : m_capacity(std::bit_ceil(std::max<std::size_t>(capacity, 2)))
        , m_mask(m_capacity - 1)
        , m_slots(std::make_unique<std::atomic<T>[]>(m_capacity))
    { }

    [[nodiscard]] std::size_t capacity() const { return m_capacity; }

    // Total samples ever written. Safe from any thread.
    [[nodiscard]] std::uint64_t written() const { return m_written.load(std::memory_order_acquire); }

    // Writer thread only.
    void push(std::span<const T> samples)
    {
        std::uint64_t w = m_written.load(std::memory_order_relaxed);
        // Only the last capacity() samples of a huge batch can survive.
        if (samples.size() > capacity()) {
            w += samples.size() - capacity();
            samples = samples.last(capacity());
        }
        // Announce the overwrite before doing it; pairs with the reader's acquire fence.
        m_claimed.store(w + samples.size(), std::memory_order_relaxed);
        std::atomic_thread_fence(std::memory_order_release);
        for (const T& s : samples)
            m_slots[w++ & m_mask].store(s, std::memory_order_relaxed);
        m_written.store(w, std::memory_order_release);
    }

    // Appends to `out` the samples from `cursor` up to the newest, at most maxCount of them
    // (oldest first). Any thread.
    ReadResult read(std::uint64_t cursor, std::vector<T>& out, std::size_t maxCount = SIZE_MAX) const
    {
        const std::uint64_t w = m_written.load(std::memory_order_acquire);
        const std::uint64_t oldest = w > capacity() ? w - capacity() : 0;
        std::uint64_t start = std::max(cursor, oldest);
        if (start >= w || maxCount == 0)
            return {start, start, start - cursor};
        const std::uint64_t end = (w - start > maxCount) ? start + maxCount : w;
        const std::size_t base = out.size();
        for (std::uint64_t i = start; i < end; ++i)
            out.push_back(m_slots[i & m_mask].load(std::memory_order_relaxed));
        std::atomic_thread_fence(std::memory_order_acquire);
        // Anything older than (claimed - capacity) may have been overwritten while we copied.
        const std::uint64_t w2 = m_claimed.load(std::memory_order_relaxed);
        const std::uint64_t safe = w2 > capacity() ? w2 - capacity() : 0;
        if (safe > start) {
            const std::uint64_t drop = std::min(safe, end) - start;
            out.erase(out.begin() + static_cast<std::ptrdiff_t>(base),
                out.begin() + static_cast<std::ptrdiff_t>(base + drop));
            start += drop;
        }
        return {start, end, start - cursor};
    }

private:
    std::size_t m_capacity;
    std::uint64_t m_mask;
    std::unique_ptr<std::atomic<T>[]> m_slots;
    std::atomic<std::uint64_t> m_written{0};
    std::atomic<std::uint64_t> m_claimed{0};
};

} // namespace vigil::signal
