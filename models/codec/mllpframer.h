#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <vector>

namespace vigil::codec {

// MLLP (HL7 Minimal Lower Layer Protocol, release 1): every message travels as
// <VT 0x0B> message <FS 0x1C><CR 0x0D>. frame() wraps one message; an MllpFramer object is the
// incremental deframer for one connection: feed() it whatever the socket delivered, in pieces of any
// size, and it returns the messages completed by those bytes.
//
// Robustness (the bytes come from the network):
// - Bytes outside a frame (before a start block) are garbage: skipped and counted (garbageBytes()).
// - A start block inside a frame means the frame was cut short: its bytes are dropped, counted
//   (truncatedFrames()), and the new frame starts.
// - A frame whose content grows past maxFrameSize is dropped (oversizedFrames()) without being
//   buffered further; the deframer is then in the Skipping state (isSkipping()) and ignores
//   everything up to the next start block, where it resynchronises.
// - An end block followed by anything but CR still ends the frame (some senders omit the CR); the
//   byte after it is read as the start of whatever follows.
// Not thread-safe: one object per connection, used from that connection's thread.
class MllpFramer final
{
public:
    static constexpr char kStartBlock = 0x0B;
    static constexpr char kEndBlock = 0x1C;
    static constexpr char kCarriageReturn = 0x0D;
    static constexpr qsizetype kDefaultMaxFrameSize = qsizetype(16) * 1024 * 1024; // 16 MiB

    enum class State : quint8 {
        Idle, // between frames
        InFrame, // inside a frame, reading its content
        EndSeen, // the end block was read; the CR is expected
        Skipping, // a frame was too large: ignoring bytes up to the next start block
    };

    explicit MllpFramer(qsizetype maxFrameSize = kDefaultMaxFrameSize);

    // <VT> message <FS><CR>. The message must not contain VT or FS (HL7 v2 text never does).
    [[nodiscard]] static QByteArray frame(QByteArrayView message);

    // The messages (frame contents, without the framing bytes) completed by `bytes`, in order.
    [[nodiscard]] std::vector<QByteArray> feed(QByteArrayView bytes);
    // Drops a partly received frame (e.g. when the connection closes); the counters stay.
    void reset();

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] bool isSkipping() const { return m_state == State::Skipping; }
    [[nodiscard]] qsizetype maxFrameSize() const { return m_maxFrameSize; }
    // Content bytes of the frame being received.
    [[nodiscard]] qsizetype bufferedBytes() const { return m_buffer.size(); }
    [[nodiscard]] quint64 framesDelivered() const { return m_framesDelivered; }
    [[nodiscard]] quint64 garbageBytes() const { return m_garbageBytes; }
    [[nodiscard]] quint64 truncatedFrames() const { return m_truncatedFrames; }
    [[nodiscard]] quint64 oversizedFrames() const { return m_oversizedFrames; }

private:
    qsizetype m_maxFrameSize;
    State m_state = State::Idle;
    QByteArray m_buffer;
    quint64 m_framesDelivered = 0;
    quint64 m_garbageBytes = 0;
    quint64 m_truncatedFrames = 0;
    quint64 m_oversizedFrames = 0;
};

} // namespace vigil::codec
