#include "alarmtone.h"

#include "logging.h"

#include <QAudioDevice>
#include <QAudioFormat>
#include <QAudioSink>
#include <QMediaDevices>
#include <QTimer>

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

namespace vigil::ui {

using clinical::AlarmPriority;

namespace {

// Relative amplitudes of the fundamental and harmonics 2..5: the weakest is -8 dB, well within the
// ±15 dB of the fundamental that IEC 60601-1-8 allows, so the tone stays easy to localise.
constexpr std::array<double, AlarmTone::kHarmonics> kHarmonicAmplitude = {1.0, 0.8, 0.6, 0.5, 0.4};

// IEC 60601-1-8 table 4, chosen within its ranges:
// HIGH: pulses of 150 ms (75-200), 100 ms apart (50-125); 3 + 2 with 2x + td = 350 ms between the
// groups, 1 s (0.35-1.3 s) between the two halves, 3 s (2.5-15 s) after the burst.
constexpr int kHighPulseMs = 150;
constexpr int kHighGapMs = 100;
constexpr int kHighGroupGapMs = 2 * kHighGapMs + kHighPulseMs;
constexpr int kHighHalfGapMs = 1000;
constexpr int kHighInterburstMs = 3000;
// MEDIUM and LOW: pulses of 200 ms (125-250), 200 ms apart (125-250). MEDIUM repeats after 5 s
// (2.5-30 s); LOW after 16 s (IEC: more than 15 s, or not at all).
constexpr int kPulseMs = 200;
constexpr int kGapMs = 200;
constexpr int kMediumInterburstMs = 5000;
constexpr int kLowInterburstMs = 16000;

// How far ahead of the sound card the timer keeps the sink fed, and how often it tops it up.
constexpr int kBufferMs = 300;
constexpr int kFeedIntervalMs = 50;

std::vector<AlarmTone::Pulse> evenPulses(int count, int durationMs, int gapMs)
{
    std::vector<AlarmTone::Pulse> pulses;
    pulses.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i)
        pulses.push_back({i * (durationMs + gapMs), durationMs});
    return pulses;
}

int burstEndMs(const std::vector<AlarmTone::Pulse>& pulses)
{
    return pulses.empty() ? 0 : pulses.back().startMs + pulses.back().durationMs;
}

QAudioFormat pcmFormat(int sampleRate)
{
    QAudioFormat format;
    format.setSampleRate(sampleRate);
    format.setChannelCount(1);
    format.setSampleFormat(QAudioFormat::Int16);
    return format;
}

} // namespace

std::vector<AlarmTone::Pulse> AlarmTone::pulses(AlarmPriority::Level level)
{
    switch (level) {
    case AlarmPriority::High: {
        // Gaps after pulses 1..9: 3 + 2, pause, 3 + 2.
        constexpr std::array<int, 9> gaps = {kHighGapMs, kHighGapMs, kHighGroupGapMs, kHighGapMs, kHighHalfGapMs,
            kHighGapMs, kHighGapMs, kHighGroupGapMs, kHighGapMs};
        std::vector<Pulse> pulses;
        pulses.reserve(gaps.size() + 1);
        int at = 0;
        for (std::size_t i = 0; i < 10; ++i) {
            pulses.push_back({at, kHighPulseMs});
            if (i < gaps.size())
                at += kHighPulseMs + gaps[i];
        }
        return pulses;
    }
    case AlarmPriority::Medium:
        return evenPulses(3, kPulseMs, kGapMs);
    case AlarmPriority::Low:
        return evenPulses(2, kPulseMs, kGapMs);
    case AlarmPriority::None:
        break;
    }
    return {};
}

int AlarmTone::cycleMs(AlarmPriority::Level level)
{
    switch (level) {
    case AlarmPriority::High:
        return burstEndMs(pulses(level)) + kHighInterburstMs;
    case AlarmPriority::Medium:
        return burstEndMs(pulses(level)) + kMediumInterburstMs;
    case AlarmPriority::Low:
        return burstEndMs(pulses(level)) + kLowInterburstMs;
    case AlarmPriority::None:
        break;
    }
    return 0;
}

int AlarmTone::rampMs(AlarmPriority::Level level)
{
    // 13 % of a 150 ms HIGH pulse, 15 % of a 200 ms MEDIUM or LOW pulse.
    return level == AlarmPriority::High ? 20 : 30;
}

QByteArray AlarmTone::render(AlarmPriority::Level level, int sampleRate)
{
    const int cycle = cycleMs(level);
    if (cycle <= 0 || sampleRate <= 0)
        return {};
    const auto samplesFor = [sampleRate](int ms) { return static_cast<qsizetype>(qint64(ms) * sampleRate / 1000); };
    QByteArray pcm(samplesFor(cycle) * qsizetype(sizeof(qint16)), '\0');
    auto* out = reinterpret_cast<qint16*>(pcm.data());
    const qsizetype total = pcm.size() / qsizetype(sizeof(qint16));

    double amplitudeSum = 0;
    for (double a : kHarmonicAmplitude)
        amplitudeSum += a;
    // The harmonics' sum never exceeds amplitudeSum, so the peak never exceeds kPeak of full scale.
    const double scale = kPeak * 32767.0 / amplitudeSum;
    const double omega = 2.0 * std::numbers::pi * kFundamentalHz / sampleRate;
    const qsizetype ramp = std::max<qsizetype>(1, samplesFor(rampMs(level)));

    for (const Pulse& pulse : pulses(level)) {
        const qsizetype first = samplesFor(pulse.startMs);
        const qsizetype length = std::min(samplesFor(pulse.durationMs), total - first);
        for (qsizetype n = 0; n < length; ++n) {
            // Raised-cosine attack and decay: zero at both ends, smooth in between (no clicks).
            double envelope = 1.0;
            const qsizetype fromEnd = length - 1 - n;
            if (n < ramp)
                envelope = 0.5 - 0.5 * std::cos(std::numbers::pi * double(n) / double(ramp));
            else if (fromEnd < ramp)
                envelope = 0.5 - 0.5 * std::cos(std::numbers::pi * double(fromEnd) / double(ramp));
            double value = 0;
            for (std::size_t k = 0; k < kHarmonicAmplitude.size(); ++k)
                value += kHarmonicAmplitude[k] * std::sin(omega * double(k + 1) * double(n));
            out[first + n] = static_cast<qint16>(std::lround(scale * envelope * value));
        }
    }
    return pcm;
}

AlarmTone::AlarmTone(QObject* parent)
    : QObject(parent)
    , m_devices(new QMediaDevices(this))
    , m_feedTimer(new QTimer(this))
{
    m_feedTimer->setInterval(kFeedIntervalMs);
    m_feedTimer->setTimerType(Qt::PreciseTimer);
    connect(m_feedTimer, &QTimer::timeout, this, &AlarmTone::feed);
    connect(m_devices, &QMediaDevices::audioOutputsChanged, this, &AlarmTone::onAudioOutputsChanged);
    if (QMediaDevices::defaultAudioOutput().isNull())
        setProblem(tr("No audio output: alarms are visual only"));
}

AlarmTone::~AlarmTone()
{
    stop();
}

void AlarmTone::setLevel(AlarmPriority::Level level)
{
    if (level == m_level)
        return;
    m_level = level;
    stop();
    if (level != AlarmPriority::None)
        start();
}

bool AlarmTone::isPlaying() const
{
    return m_output != nullptr && m_sink != nullptr
        && (m_sink->state() == QAudio::ActiveState || m_sink->state() == QAudio::IdleState);
}

void AlarmTone::onAudioOutputsChanged()
{
    const bool available = !QMediaDevices::defaultAudioOutput().isNull();
    stop();
    if (!available) {
        setProblem(tr("No audio output: alarms are visual only"));
        return;
    }
    setProblem(QString());
    // The default output may have changed: sound the level on the new one.
    if (m_level != AlarmPriority::None)
        start();
}

void AlarmTone::start()
{
    const QAudioDevice device = QMediaDevices::defaultAudioOutput();
    if (device.isNull()) {
        setProblem(tr("No audio output: alarms are visual only"));
        return;
    }
    int sampleRate = kSampleRate;
    if (!device.isFormatSupported(pcmFormat(sampleRate))) {
        const int preferred = device.preferredFormat().sampleRate();
        if (preferred > 0 && device.isFormatSupported(pcmFormat(preferred))) {
            sampleRate = preferred;
        } else {
            setProblem(tr("The audio output cannot play the alarm tones: alarms are visual only"));
            return;
        }
    }
    m_pcm = render(m_level, sampleRate);
    m_position = 0;
    m_sink = std::make_unique<QAudioSink>(device, pcmFormat(sampleRate));
    m_sink->setBufferSize(qsizetype(sampleRate) * kBufferMs / 1000 * qsizetype(sizeof(qint16)));
    QAudioSink* sink = m_sink.get();
    connect(sink, &QAudioSink::stateChanged, this, [this, sink](QAudio::State state) {
        if (state != QAudio::StoppedState || sink->error() == QAudio::NoError)
            return;
        // Open, IO or fatal error: the device is gone or refuses us. Stop later, not inside the
        // sink's own signal, and only if this sink is still the one playing.
        QTimer::singleShot(0, this, [this, sink] {
            if (m_sink.get() != sink)
                return;
            stop();
            setProblem(tr("The audio output failed: alarms are visual only"));
        });
    });
    m_output = m_sink->start();
    if (m_output == nullptr || m_sink->error() != QAudio::NoError) {
        stop();
        setProblem(tr("The audio output could not be opened: alarms are visual only"));
        return;
    }
    setProblem(QString());
    feed();
    m_feedTimer->start();
}

void AlarmTone::stop()
{
    m_feedTimer->stop();
    m_output = nullptr;
    if (m_sink != nullptr) {
        m_sink->disconnect(this);
        m_sink->stop();
        m_sink.reset();
    }
    m_pcm.clear();
    m_position = 0;
}

void AlarmTone::feed()
{
    if (m_output == nullptr || m_sink == nullptr || m_pcm.isEmpty())
        return;
    // Whole samples only, so that a partial write never shifts the byte order.
    qsizetype free = m_sink->bytesFree() & ~qsizetype(1);
    while (free > 0) {
        const qsizetype chunk = std::min(free, m_pcm.size() - m_position);
        const qint64 written = m_output->write(m_pcm.constData() + m_position, chunk);
        if (written <= 0)
            break;
        m_position = (m_position + written) % m_pcm.size();
        free -= written;
    }
}

void AlarmTone::setProblem(const QString& problem)
{
    if (problem.isEmpty()) {
        if (m_problem.isEmpty())
            return;
        m_problem.clear();
        qCInfo(lcUi) << "Audio output available: alarm tones can sound";
        Q_EMIT audioOutputRestored();
        return;
    }
    if (problem != m_problem)
        qCWarning(lcUi).noquote() << problem;
    m_problem = problem;
    Q_EMIT audioOutputUnavailable(problem);
}

} // namespace vigil::ui
