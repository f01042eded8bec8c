// Replays a fuzz target's seed corpus without libFuzzer, so every build (any compiler) runs the
// targets as a CTest test: each file of the corpus directory, then deterministic random mutations
// of them (fixed seed: the same inputs on every run), bounded by a count and a time budget.
//
//   fuzz_replay_<name> <corpus dir> [mutations (default 5000)] [seconds (default 10)]
//
// A target reports a failure by aborting (or, in sanitizer builds, by the sanitizer's report); if
// this program returns 0 every input passed.
#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

using Bytes = std::vector<std::uint8_t>;

void run(const Bytes& input)
{
    // Copy into an exactly sized buffer so ASan catches any read past the end.
    const std::unique_ptr<std::uint8_t[]> exact(new std::uint8_t[std::max<std::size_t>(input.size(), 1)]);
    std::copy(input.begin(), input.end(), exact.get());
    LLVMFuzzerTestOneInput(exact.get(), input.size());
}

// One of a few libFuzzer-like mutations.
Bytes mutate(const std::vector<Bytes>& seeds, std::mt19937_64& rng)
{
    const auto below = [&](std::size_t n) { return n == 0 ? 0 : std::size_t(rng() % n); };
    Bytes b = seeds[below(seeds.size())];
    const int rounds = 1 + int(below(4));
    for (int r = 0; r < rounds; ++r) {
        switch (below(8)) {
        case 0: // flip a bit
            if (!b.empty())
                b[below(b.size())] ^= std::uint8_t(1u << below(8));
            break;
        case 1: // set a byte to an interesting value
            if (!b.empty()) {
                static const std::uint8_t interesting[] = {0x00, 0x01, 0x7f, 0x80, 0xff, '\n', ' ', '#', '/', '+'};
                b[below(b.size())] = interesting[below(sizeof(interesting))];
            }
            break;
        case 2: // random byte
            if (!b.empty())
                b[below(b.size())] = std::uint8_t(rng());
            break;
        case 3: // truncate
            b.resize(below(b.size() + 1));
            break;
        case 4: { // erase a range
            if (b.empty())
                break;
            const std::size_t at = below(b.size());
            const std::size_t n = 1 + below(std::min<std::size_t>(16, b.size() - at));
            b.erase(b.begin() + std::ptrdiff_t(at), b.begin() + std::ptrdiff_t(at + n));
            break;
        }
        case 5: { // insert random bytes
            const std::size_t at = below(b.size() + 1);
            const std::size_t n = 1 + below(8);
            Bytes extra(n);
            for (auto& x : extra)
                x = std::uint8_t(rng());
            b.insert(b.begin() + std::ptrdiff_t(at), extra.begin(), extra.end());
            break;
        }
        case 6: { // duplicate a range
            if (b.empty())
                break;
            const std::size_t at = below(b.size());
            const std::size_t n = 1 + below(std::min<std::size_t>(64, b.size() - at));
            const Bytes copy(b.begin() + std::ptrdiff_t(at), b.begin() + std::ptrdiff_t(at + n));
            b.insert(b.begin() + std::ptrdiff_t(below(b.size() + 1)), copy.begin(), copy.end());
            break;
        }
        default: { // splice: the head of this input, the tail of another
            const Bytes& other = seeds[below(seeds.size())];
            const std::size_t keep = below(b.size() + 1);
            const std::size_t from = below(other.size() + 1);
            b.resize(keep);
            b.insert(b.end(), other.begin() + std::ptrdiff_t(from), other.end());
            break;
        }
        }
    }
    return b;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s <corpus dir> [mutations] [seconds]\n", argv[0]);
        return 2;
    }
    const std::filesystem::path dir = argv[1];
    const long mutations = argc > 2 ? std::strtol(argv[2], nullptr, 10) : 5000;
    const double seconds = argc > 3 ? std::strtod(argv[3], nullptr) : 10.0;

    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        if (entry.is_regular_file())
            files.push_back(entry.path());
    }
    if (ec || files.empty()) {
        std::fprintf(stderr, "no corpus files in %s\n", dir.string().c_str());
        return 2;
    }
    std::sort(files.begin(), files.end());
    std::vector<Bytes> seeds;
    for (const auto& path : files) {
        std::ifstream in(path, std::ios::binary);
        seeds.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }

    const auto start = std::chrono::steady_clock::now();
    for (const Bytes& seed : seeds)
        run(seed);
    run({}); // the empty input

    std::mt19937_64 rng(0x5649474cu); // "VIGL": fixed, so every run replays the same inputs
    long done = 0;
    for (; done < mutations; ++done) {
        if (done % 64 == 0 && std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() > seconds)
            break;
        run(mutate(seeds, rng));
    }
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("%zu corpus files and %ld mutations passed in %.2f s\n", seeds.size(), done, elapsed);
    return 0;
}
