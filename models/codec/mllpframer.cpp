#include "mllpframer.h"

#include <algorithm>

namespace vigil::codec {

MllpFramer::MllpFramer(qsizetype maxFrameSize)
    : m_maxFrameSize(std::max<qsizetype>(maxFrameSize, 0))
{ }

QByteArray MllpFramer::frame(QByteArrayView message)
{
    QByteArray framed;
    framed.reserve(message.size() + 3);
    framed.append(kStartBlock);
    framed.append(message);
    framed.append(kEndBlock);
    framed.append(kCarriageReturn);
    return framed;
}

void MllpFramer::reset()
{
    m_buffer = QByteArray();
    m_state = State::Idle;
}

std::vector<QByteArray> MllpFramer::feed(QByteArrayView bytes)
{
    std::vector<QByteArray> messages;
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        switch (m_state) {
        case State::Idle:
        case State::Skipping: {
            const qsizetype start = bytes.indexOf(kStartBlock, i);
            const qsizetype skipped = (start < 0 ? n : start) - i;
            if (m_state == State::Idle)
                m_garbageBytes += quint64(skipped);
            if (start < 0) {
                i = n;
            } else {
                i = start + 1;
                m_buffer.clear();
                m_state = State::InFrame;
            }
            break;
        }
        case State::InFrame: {
            qsizetype j = i;
            while (j < n && bytes[j] != kEndBlock && bytes[j] != kStartBlock)
                ++j;
            const qsizetype take = j - i;
            if (m_buffer.size() + take > m_maxFrameSize) {
                ++m_oversizedFrames;
                m_buffer = QByteArray(); // give the memory back
                m_state = State::Skipping;
                i = j;
                break;
            }
            m_buffer.append(bytes.sliced(i, take));
            i = j;
            if (j == n)
                break;
            if (bytes[j] == kStartBlock) { // the frame was cut short: start again
                ++m_truncatedFrames;
                m_buffer.clear();
            } else {
                m_state = State::EndSeen;
            }
            i = j + 1;
            break;
        }
        case State::EndSeen:
            messages.push_back(std::move(m_buffer));
            m_buffer = QByteArray();
            ++m_framesDelivered;
            m_state = State::Idle;
            if (bytes[i] == kCarriageReturn)
                ++i; // else: read the byte again as the start of what follows
            break;
        }
    }
    return messages;
}

} // namespace vigil::codec
