#include "qrsdetector.h"

#include "biquad.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace vigil::signal {

namespace {

struct Peak
{
    long long index; // in the integrated signal
    double height;
};

} // namespace

QrsDetector::QrsDetector(Config config)
    : m_config(config)
{ }

std::vector<long long> QrsDetector::detect(std::span<const double> millivolts) const
{
    const double fs = m_config.sampleRateHz;
    const auto n = static_cast<long long>(millivolts.size());
    std::vector<long long> beats;
    if (n < static_cast<long long>(fs) || !(fs > 0))
        return beats;
    const auto samples = [&](double seconds) { return std::max<long long>(1, std::llround(seconds * fs)); };

    // 1. Band-pass, derivative, square, integrate.
    std::vector<double> bp(millivolts.begin(), millivolts.end());
    Biquad::bandPass(bp, 5.0, 15.0, fs);

    std::vector<double> slope(static_cast<std::size_t>(n), 0.0);
    const double scale = fs / 8.0;
    for (long long i = 2; i + 2 < n; ++i)
        slope[i] = (2 * bp[i + 1] + bp[i + 2] - bp[i - 2] - 2 * bp[i - 1]) * scale;
    std::vector<double> energy(slope.size());
    std::transform(slope.begin(), slope.end(), energy.begin(), [](double d) { return d * d; });

    const long long window = samples(m_config.integrationWindowS);
    std::vector<double> mwi(static_cast<std::size_t>(n), 0.0);
    {
        double sum = 0;
        const long long half = window / 2;
        // mwi[i] = mean of energy[i - half .. i - half + window - 1]
        for (long long j = 0; j < window && j < n; ++j)
            sum += energy[j];
        for (long long i = 0; i < n; ++i) {
            const long long start = i - half;
            if (start > 0 && start + window - 1 < n)
                sum += energy[start + window - 1] - energy[start - 1];
            mwi[i] = sum / static_cast<double>(window);
        }
    }

    // 2. Candidate peaks: local maxima, the largest within each refractory period.
    const long long refractory = samples(m_config.refractoryS);
    std::vector<Peak> peaks;
    for (long long i = 1; i + 1 < n; ++i) {
        if (mwi[i] > mwi[i - 1] && mwi[i] >= mwi[i + 1]) {
            if (!peaks.empty() && i - peaks.back().index < refractory) {
                if (mwi[i] > peaks.back().height)
                    peaks.back() = {i, mwi[i]};
            } else {
                peaks.push_back({i, mwi[i]});
            }
        }
    }
    if (peaks.empty())
        return beats;

    // The steepest slope around a peak (for the T-wave test).
    const auto maxSlope = [&](long long centre) {
        double m = 0;
        for (long long i = std::max<long long>(0, centre - window); i <= std::min(n - 1, centre + window / 2); ++i)
            m = std::max(m, std::fabs(slope[i]));
        return m;
    };

    // Thresholds primed from the learning period.
    const long long learning = std::min(n, samples(m_config.learningS));
    double spki = 0.25 * *std::max_element(mwi.begin(), mwi.begin() + learning);
    double npki = 0.5 * std::accumulate(mwi.begin(), mwi.begin() + learning, 0.0) / static_cast<double>(learning);
    const auto threshold1 = [&] { return npki + 0.25 * (spki - npki); };

    std::vector<long long> qrs; // indices into the integrated signal
    std::vector<double> qrsSlopes;
    std::vector<long long> rr; // the last eight RR intervals
    const auto rrAverage = [&]() -> double {
        if (rr.empty())
            return 0;
        return static_cast<double>(std::accumulate(rr.begin(), rr.end(), 0LL)) / static_cast<double>(rr.size());
    };
    const auto accept = [&](const Peak& p, double weight) {
        if (!qrs.empty()) {
            rr.push_back(p.index - qrs.back());
            if (rr.size() > 8)
                rr.erase(rr.begin());
        }
        qrs.push_back(p.index);
        qrsSlopes.push_back(maxSlope(p.index));
        spki = weight * p.height + (1 - weight) * spki;
    };

    std::size_t lastQrsPeak = 0; // index into peaks of the last QRS (search back starts after it)
    bool anyQrs = false;
    for (std::size_t k = 0; k < peaks.size(); ++k) {
        const Peak& p = peaks[k];
        // Search back: a beat seems missed.
        const double average = rrAverage();
        if (anyQrs && average > 0 && static_cast<double>(p.index - qrs.back()) > m_config.searchBackFactor * average) {
            const double threshold2 = 0.5 * threshold1();
            std::size_t best = peaks.size();
            for (std::size_t j = lastQrsPeak + 1; j < k; ++j) {
                if (peaks[j].index - qrs.back() >= refractory && peaks[j].height > threshold2
                    && (best == peaks.size() || peaks[j].height > peaks[best].height))
                    best = j;
            }
            if (best != peaks.size()) {
                accept(peaks[best], 0.25);
                lastQrsPeak = best;
            }
        }
        if (p.height > threshold1()) {
            bool tWave = false;
            if (anyQrs && p.index - qrs.back() < samples(m_config.tWaveWindowS))
                tWave = maxSlope(p.index) < 0.5 * qrsSlopes.back();
            if (!tWave && (!anyQrs || p.index - qrs.back() >= refractory)) {
                accept(p, 0.125);
                lastQrsPeak = k;
                anyQrs = true;
                continue;
            }
        }
        npki = 0.125 * p.height + 0.875 * npki;
    }

    // 3. Place each beat on the largest deflection of the band-passed ECG near its integrated peak.
    const long long reach = samples(0.100);
    beats.reserve(qrs.size());
    for (const long long q : qrs) {
        const long long from = std::max<long long>(0, q - reach);
        const long long to = std::min(n - 1, q + reach);
        long long at = from;
        for (long long i = from; i <= to; ++i) {
            if (std::fabs(bp[i]) > std::fabs(bp[at]))
                at = i;
        }
        if (beats.empty() || at - beats.back() >= refractory / 2)
            beats.push_back(at);
    }
    return beats;
}

} // namespace vigil::signal
