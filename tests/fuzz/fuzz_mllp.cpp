// libFuzzer target: MllpFramer on an arbitrary byte stream. The first four bytes choose the frame
// size limit and seed the piece sizes; the rest is the stream. It is fed once whole and once in
// random-sized pieces: both must give the same messages and the same counters. Every message stays
// within the limit and holds no framing byte, and framing the messages again gives them back.
#include "codec/mllpframer.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <random>
#include <vector>

using vigil::codec::MllpFramer;

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 4)
        return 0;
    const std::uint32_t seed = std::uint32_t(data[0]) | std::uint32_t(data[1]) << 8 | std::uint32_t(data[2]) << 16
        | std::uint32_t(data[3]) << 24;
    const qsizetype limit = 1 + qsizetype(seed % 4096);
    const QByteArrayView stream(reinterpret_cast<const char*>(data + 4), static_cast<qsizetype>(size - 4));

    MllpFramer whole(limit);
    const std::vector<QByteArray> expected = whole.feed(stream);

    MllpFramer pieces(limit);
    std::vector<QByteArray> got;
    std::minstd_rand rng(seed);
    const qsizetype maxPiece = 1 + qsizetype((seed >> 12) % 97);
    for (qsizetype at = 0; at < stream.size();) {
        const qsizetype n = std::min<qsizetype>(1 + qsizetype(rng() % std::uint32_t(maxPiece)), stream.size() - at);
        for (QByteArray& m : pieces.feed(stream.sliced(at, n)))
            got.push_back(std::move(m));
        at += n;
    }
    check(got == expected);
    check(pieces.garbageBytes() == whole.garbageBytes());
    check(pieces.truncatedFrames() == whole.truncatedFrames());
    check(pieces.oversizedFrames() == whole.oversizedFrames());
    check(pieces.framesDelivered() == whole.framesDelivered());
    check(pieces.framesDelivered() == expected.size());
    check(pieces.state() == whole.state());
    check(pieces.bufferedBytes() == whole.bufferedBytes());
    check(whole.bufferedBytes() <= limit);

    QByteArray reframed;
    for (const QByteArray& m : expected) {
        check(m.size() <= limit);
        check(!m.contains(MllpFramer::kStartBlock) && !m.contains(MllpFramer::kEndBlock));
        reframed += MllpFramer::frame(m);
    }
    MllpFramer again(limit);
    check(again.feed(reframed) == expected);
    check(again.garbageBytes() == 0 && again.truncatedFrames() == 0 && again.oversizedFrames() == 0);
    return 0;
}
