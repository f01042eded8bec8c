#include "crypto/digest.h"

#include <QTest>

using vigil::crypto::Digest;

class TestDigest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sha256_data();
    void sha256();
    void sha256DiffersOnOneBit();
};

void TestDigest::sha256_data()
{
    // FIPS 180-2 / NIST CSRC examples.
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expectedHex");
    QTest::newRow("empty") << QByteArray()
                           << QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    QTest::newRow("abc") << QByteArray("abc")
                         << QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    QTest::newRow("two blocks") << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                                << QByteArray("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    QTest::newRow("a million a") << QByteArray(1000000, 'a')
                                 << QByteArray("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

void TestDigest::sha256()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expectedHex);
    const QByteArray digest = Digest::sha256(input);
    QCOMPARE(digest.size(), Digest::kSha256Bytes);
    QCOMPARE(digest.toHex(), expectedHex);
}

void TestDigest::sha256DiffersOnOneBit()
{
    QVERIFY(Digest::sha256("abc") != Digest::sha256("abb"));
    QCOMPARE(Digest::sha256(QByteArrayView("abc")), Digest::sha256(QByteArray("abc")));
}

QTEST_GUILESS_MAIN(TestDigest)
#include "tst_digest.moc"
