#pragma once

#include "clinical/alarmpriority.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <memory>
#include <vector>

class QAudioSink;
class QIODevice;
class QMediaDevices;
class QTimer;

namespace vigil::ui {

// The workstation's audible alarm signal, generated (no sound files) to IEC 60601-1-8 conventions
// (CLINICAL.md): HIGH = a burst of 10 pulses (3 + 2, pause, 3 + 2), MEDIUM = 3 pulses, LOW = 2
// pulses, each burst followed by a silence, repeating while the level is set. Every pulse is a
// 520 Hz fundamental with its 2nd to 5th harmonics (all within 300-4000 Hz and within 15 dB of the
// fundamental), shaped by raised-cosine attack and decay ramps so that it never clicks.
//
// render() is the pure, testable core; AlarmTone plays its result in a loop through the default
// audio output (QAudioSink, push mode, fed by a timer on the owner's thread). Without an audio
// output (no sound card, no sound server, a device error) it never crashes or blocks: it reports
// the problem (hasAudioOutput(), audioOutputProblem(), audioOutputUnavailable()) so that the window
// can raise a technical alarm saying that alarms are visual only. GUI thread only.
class AlarmTone final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlarmTone)
public:
    static constexpr int kSampleRate = 22050; // Hz, 16-bit signed mono, native byte order
    static constexpr double kFundamentalHz = 520.0;
    static constexpr int kHarmonics = 5; // the fundamental and harmonics 2..5
    // Peak amplitude of the rendered PCM as a fraction of full scale: headroom, never clipping.
    static constexpr double kPeak = 0.7;

    // One pulse of a pattern, in ms from the start of the cycle.
    struct Pulse
    {
        int startMs = 0;
        int durationMs = 0;
    };

    // One cycle of a level's pattern (None: empty): its pulses, and the cycle's whole length (the
    // burst and the silence after it), in ms.
    [[nodiscard]] static std::vector<Pulse> pulses(clinical::AlarmPriority::Level level);
    [[nodiscard]] static int cycleMs(clinical::AlarmPriority::Level level);
    // Attack and decay ramp of each pulse, in ms (IEC 60601-1-8: 10-20 % of the pulse duration).
    [[nodiscard]] static int rampMs(clinical::AlarmPriority::Level level);
    // One cycle of the level's pattern as PCM: 16-bit signed, mono, native byte order, at
    // `sampleRate` Hz; empty for None.
    [[nodiscard]] static QByteArray render(clinical::AlarmPriority::Level level, int sampleRate = kSampleRate);

    explicit AlarmTone(QObject* parent = nullptr);
    ~AlarmTone() override;

    // Sounds `level`'s pattern in a loop from its start; None stops. Setting the level that is
    // already set changes nothing (the pattern is not restarted). A level that cannot sound (no
    // audio output) emits audioOutputUnavailable() and leaves isPlaying() false.
    void setLevel(clinical::AlarmPriority::Level level);
    [[nodiscard]] clinical::AlarmPriority::Level level() const { return m_level; }
    // True while a pattern is being sent to the audio output.
    [[nodiscard]] bool isPlaying() const;

    // False when there is no audio output device or it failed: alarms are then visual only.
    [[nodiscard]] bool hasAudioOutput() const { return m_problem.isEmpty(); }
    // Why alarms cannot sound, in words for a technical alarm; empty when they can.
    [[nodiscard]] QString audioOutputProblem() const { return m_problem; }

Q_SIGNALS:
    // Alarms cannot sound (`reason`, as audioOutputProblem()): emitted when the output is found
    // missing or fails, and again each time setLevel() asks for a sound that cannot be made.
    void audioOutputUnavailable(const QString& reason);
    // An audio output is available again (a device appeared); a set level resumes sounding.
    void audioOutputRestored();

private:
    void onAudioOutputsChanged();
    void start();
    void stop();
    void feed();
    void setProblem(const QString& problem);

    clinical::AlarmPriority::Level m_level = clinical::AlarmPriority::None;
    QString m_problem;
    QByteArray m_pcm; // one cycle of the current level's pattern
    qsizetype m_position = 0; // next byte of m_pcm to send
    QMediaDevices* m_devices = nullptr;
    std::unique_ptr<QAudioSink> m_sink;
    QIODevice* m_output = nullptr; // owned by m_sink
    QTimer* m_feedTimer = nullptr;
};

} // namespace vigil::ui
