#include "codec/mllpframer.h"

#include <QFile>
#include <QTest>

#include <random>
#include <vector>

using vigil::codec::MllpFramer;

using Messages = std::vector<QByteArray>;

namespace {

QByteArray readData(const QString& name)
{
    QFile file(QStringLiteral(VIGIL_TEST_DATA_DIR "/hl7v2/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(name));
    return file.readAll();
}

Messages realMessages()
{
    return {readData(QStringLiteral("pcd01/valid-pcd01-request2.hl7v2")),
        readData(QStringLiteral("continua-wan/valid-oximeter-continua-wan.hl7v2")),
        readData(QStringLiteral("adt/iti8_iti8-a40-iso-8859-1.hl7"))};
}

QByteArray framedStream(const Messages& messages)
{
    QByteArray stream;
    for (const QByteArray& m : messages)
        stream += MllpFramer::frame(m);
    return stream;
}

void append(Messages& to, Messages&& more)
{
    for (QByteArray& m : more)
        to.push_back(std::move(m));
}

} // namespace

class TestMllpFramer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void frame();
    void oneFeed();
    void splitAtEveryByteBoundary();
    void byteByByte();
    void randomPieces();
    void garbageBetweenFramesIsCounted();
    void truncatedFrame();
    void endBlockWithoutCarriageReturn();
    void endBlockAtTheEndOfAFeed();
    void emptyFrame();
    void oversizeFrameRecovers();
    void oversizeAcrossFeeds();
    void frameOfExactlyTheLimit();
    void reset();
};

void TestMllpFramer::frame()
{
    QCOMPARE(MllpFramer::frame("MSH|^~\\&|A\r"), QByteArray("\x0bMSH|^~\\&|A\r\x1c\x0d"));
    QCOMPARE(MllpFramer::frame(QByteArray()), QByteArray("\x0b\x1c\x0d"));
}

void TestMllpFramer::oneFeed()
{
    const Messages messages = realMessages();
    MllpFramer framer;
    QCOMPARE(framer.feed(framedStream(messages)), messages);
    QCOMPARE(framer.framesDelivered(), quint64(3));
    QCOMPARE(framer.garbageBytes(), quint64(0));
    QCOMPARE(framer.state(), MllpFramer::State::Idle);
    QCOMPARE(framer.bufferedBytes(), qsizetype(0));
}

void TestMllpFramer::splitAtEveryByteBoundary()
{
    const Messages messages = realMessages();
    const QByteArray stream = framedStream(messages);
    for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
        MllpFramer framer;
        Messages got = framer.feed(QByteArrayView(stream).first(cut));
        append(got, framer.feed(QByteArrayView(stream).sliced(cut)));
        if (got != messages)
            QFAIL(qPrintable(QStringLiteral("split at byte %1 lost the framing").arg(cut)));
    }
}

void TestMllpFramer::byteByByte()
{
    const Messages messages = realMessages();
    const QByteArray stream = framedStream(messages);
    MllpFramer framer;
    Messages got;
    for (const char c : stream)
        append(got, framer.feed(QByteArrayView(&c, 1)));
    QCOMPARE(got, messages);
    QCOMPARE(framer.garbageBytes(), quint64(0));
}

void TestMllpFramer::randomPieces()
{
    // Many messages with garbage between them, fed in random-sized pieces (fixed seed).
    Messages messages;
    QByteArray stream;
    quint64 garbage = 0;
    std::mt19937 rng(20240301);
    for (int round = 0; round < 20; ++round) {
        for (const QByteArray& m : realMessages()) {
            const QByteArray noise(int(rng() % 5), '\n');
            stream += noise;
            garbage += quint64(noise.size());
            stream += MllpFramer::frame(m);
            messages.push_back(m);
        }
    }
    MllpFramer framer;
    Messages got;
    for (qsizetype at = 0; at < stream.size();) {
        const qsizetype n = std::min<qsizetype>(1 + qsizetype(rng() % 700), stream.size() - at);
        append(got, framer.feed(QByteArrayView(stream).sliced(at, n)));
        at += n;
    }
    QCOMPARE(got, messages);
    QCOMPARE(framer.garbageBytes(), garbage);
    QCOMPARE(framer.framesDelivered(), quint64(messages.size()));
}

void TestMllpFramer::garbageBetweenFramesIsCounted()
{
    MllpFramer framer;
    const QByteArray stream =
        "junk" + MllpFramer::frame("A") + "\r\nnoise" + MllpFramer::frame("B") + QByteArray("\x1c\x0d\x00", 3);
    QCOMPARE(framer.feed(stream), (Messages{"A", "B"}));
    QCOMPARE(framer.garbageBytes(), quint64(4 + 7 + 3));
    QCOMPARE(framer.truncatedFrames(), quint64(0));
    QCOMPARE(framer.state(), MllpFramer::State::Idle);
}

void TestMllpFramer::truncatedFrame()
{
    // A sender that dropped its connection mid-frame and started again: the partial frame is dropped.
    MllpFramer framer;
    QCOMPARE(framer.feed("\x0bMSH|partial"), Messages());
    QCOMPARE(framer.bufferedBytes(), qsizetype(11));
    QCOMPARE(framer.feed(MllpFramer::frame("MSH|whole")), Messages{"MSH|whole"});
    QCOMPARE(framer.truncatedFrames(), quint64(1));
    QCOMPARE(framer.garbageBytes(), quint64(0));
}

void TestMllpFramer::endBlockWithoutCarriageReturn()
{
    const QByteArray vt(1, MllpFramer::kStartBlock);
    const QByteArray fs(1, MllpFramer::kEndBlock);
    const QByteArray cr(1, MllpFramer::kCarriageReturn);
    MllpFramer framer;
    const QByteArray stream = vt + "A" + fs + vt + "B" + fs + cr + vt + "C" + fs + "x" + vt + "D" + fs + cr;
    QCOMPARE(framer.feed(stream), (Messages{"A", "B", "C", "D"}));
    QCOMPARE(framer.garbageBytes(), quint64(1)); // the 'x' after C's end block
}

void TestMllpFramer::endBlockAtTheEndOfAFeed()
{
    const QByteArray vt(1, MllpFramer::kStartBlock);
    const QByteArray fs(1, MllpFramer::kEndBlock);
    MllpFramer framer;
    QCOMPARE(framer.feed(QByteArray(vt + "A" + fs)), Messages());
    QCOMPARE(framer.state(), MllpFramer::State::EndSeen);
    QCOMPARE(framer.feed("\x0d"), Messages{"A"});
    QCOMPARE(framer.state(), MllpFramer::State::Idle);
    QCOMPARE(framer.garbageBytes(), quint64(0));
}

void TestMllpFramer::emptyFrame()
{
    MllpFramer framer;
    QCOMPARE(framer.feed(MllpFramer::frame(QByteArray())), Messages{QByteArray()});
}

void TestMllpFramer::oversizeFrameRecovers()
{
    MllpFramer framer(100);
    const QByteArray big(101, 'x');
    const Messages got = framer.feed(QByteArray(MllpFramer::frame(big) + "between" + MllpFramer::frame("small")));
    QCOMPARE(got, Messages{"small"});
    QCOMPARE(framer.oversizedFrames(), quint64(1));
    QCOMPARE(framer.garbageBytes(), quint64(0)); // the rest of the big frame is not garbage between frames
    QCOMPARE(framer.state(), MllpFramer::State::Idle);
}

void TestMllpFramer::oversizeAcrossFeeds()
{
    MllpFramer framer(1000);
    QCOMPARE(framer.feed(QByteArray("\x0b" + QByteArray(600, 'a'))), Messages());
    QVERIFY(!framer.isSkipping());
    QCOMPARE(framer.feed(QByteArray(600, 'a')), Messages());
    QVERIFY(framer.isSkipping()); // the error state: nothing is buffered any more
    QCOMPARE(framer.bufferedBytes(), qsizetype(0));
    QCOMPARE(framer.feed(QByteArray(QByteArray(5000, 'a') + "\x1c\x0d")), Messages());
    QVERIFY(framer.isSkipping());
    QCOMPARE(framer.feed(MllpFramer::frame("next")), Messages{"next"}); // resynchronised at the start block
    QVERIFY(!framer.isSkipping());
    QCOMPARE(framer.oversizedFrames(), quint64(1));
    QCOMPARE(framer.framesDelivered(), quint64(1));
}

void TestMllpFramer::frameOfExactlyTheLimit()
{
    MllpFramer framer(64);
    const QByteArray exact(64, 'e');
    QCOMPARE(framer.feed(MllpFramer::frame(exact)), Messages{exact});
    QCOMPARE(framer.oversizedFrames(), quint64(0));
    QCOMPARE(framer.maxFrameSize(), qsizetype(64));
}

void TestMllpFramer::reset()
{
    MllpFramer framer;
    QCOMPARE(framer.feed("\x0bhalf a mess"), Messages());
    framer.reset();
    QCOMPARE(framer.state(), MllpFramer::State::Idle);
    QCOMPARE(framer.bufferedBytes(), qsizetype(0));
    QCOMPARE(framer.feed(QByteArray("age\x1c\x0d" + MllpFramer::frame("ok"))), Messages{"ok"});
    QCOMPARE(framer.garbageBytes(), quint64(5)); // "age", FS, CR: outside any frame after the reset
}

QTEST_GUILESS_MAIN(TestMllpFramer)
#include "tst_mllpframer.moc"
