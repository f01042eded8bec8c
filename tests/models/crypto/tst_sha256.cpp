#include "crypto/digest.h"
#include "crypto/sha256.h"

#include <QTest>

#include <utility>

using vigil::crypto::Digest;
using vigil::crypto::Sha256;

class TestSha256 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyAndAbc();
    void chunkingDoesNotMatter_data();
    void chunkingDoesNotMatter();
    void resultDoesNotEndTheHash();
    void reset();
    void moveKeepsState();
};

void TestSha256::emptyAndAbc()
{
    Sha256 empty;
    QVERIFY(empty.isValid());
    QCOMPARE(empty.result().toHex(), QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    Sha256 abc;
    abc.addData("abc");
    QCOMPARE(abc.result().toHex(), QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
}

void TestSha256::chunkingDoesNotMatter_data()
{
    QTest::addColumn<int>("chunk");
    QTest::newRow("1 byte") << 1;
    QTest::newRow("7 bytes") << 7;
    QTest::newRow("one block") << 64;
    QTest::newRow("block and a bit") << 65;
    QTest::newRow("everything at once") << 1000000;
}

void TestSha256::chunkingDoesNotMatter()
{
    QFETCH(int, chunk);
    QByteArray data(5000, Qt::Uninitialized);
    for (qsizetype i = 0; i < data.size(); ++i)
        data[i] = static_cast<char>((i * 131 + 7) & 0xff);
    Sha256 hash;
    for (qsizetype at = 0; at < data.size(); at += chunk)
        hash.addData(QByteArrayView(data).sliced(at, qMin<qsizetype>(chunk, data.size() - at)));
    QCOMPARE(hash.result(), Digest::sha256(data));
    QCOMPARE(hash.result().size(), Digest::kSha256Bytes);
}

void TestSha256::resultDoesNotEndTheHash()
{
    Sha256 hash;
    hash.addData("ab");
    const QByteArray first = hash.result();
    QCOMPARE(first, Digest::sha256("ab"));
    QCOMPARE(hash.result(), first); // repeatable
    hash.addData("c");
    QCOMPARE(hash.result(), Digest::sha256("abc"));
}

void TestSha256::reset()
{
    Sha256 hash;
    hash.addData("something else");
    hash.reset();
    hash.addData("abc");
    QCOMPARE(hash.result(), Digest::sha256("abc"));
}

void TestSha256::moveKeepsState()
{
    Sha256 source;
    source.addData("ab");
    Sha256 target(std::move(source));
    target.addData("c");
    QCOMPARE(target.result(), Digest::sha256("abc"));
    // The moved-from state is the contract under test.
    // NOLINTBEGIN(bugprone-use-after-move,clang-analyzer-cplusplus.Move)
    QVERIFY(!source.isValid());
    QVERIFY(source.result().isEmpty());
    source.reset(); // usable again
    // NOLINTEND(bugprone-use-after-move,clang-analyzer-cplusplus.Move)
    source.addData("abc");
    QCOMPARE(source.result(), Digest::sha256("abc"));

    Sha256 assigned;
    assigned = std::move(target);
    QCOMPARE(assigned.result(), Digest::sha256("abc"));
}

QTEST_GUILESS_MAIN(TestSha256)
#include "tst_sha256.moc"
