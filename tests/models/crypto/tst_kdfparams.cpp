#include "crypto/kdfparams.h"
#include "crypto/securebytes.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTest>

using vigil::crypto::KdfParams;
using vigil::crypto::SecureBytes;

namespace {

QByteArray toByteArray(const SecureBytes& b)
{
    return {reinterpret_cast<const char*>(b.data()), static_cast<qsizetype>(b.size())};
}

KdfParams params(quint64 n, quint32 r, quint32 p, const QByteArray& salt)
{
    KdfParams out;
    out.n = n;
    out.r = r;
    out.p = p;
    out.salt = salt;
    return out;
}

} // namespace

class TestKdfParams : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rfc7914Vectors_data();
    void rfc7914Vectors();
    void defaultLengthIs32();
    void derivationDependsOnEveryInput();
    void interactiveValues();
    void interactiveRunsWithinTheMemoryLimit();
    void fastValues();
    void isAcceptable_data();
    void isAcceptable();
    void memoryLimitIsEnforcedByDerivation();
};

void TestKdfParams::rfc7914Vectors_data()
{
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<QByteArray>("salt");
    QTest::addColumn<quint64>("n");
    QTest::addColumn<quint32>("r");
    QTest::addColumn<quint32>("p");
    QTest::addColumn<QByteArray>("expected");
    // RFC 7914 section 12. (The fourth vector, N = 2^20, needs 1 GiB and is left out.)
    QTest::newRow("empty") << QByteArray() << QByteArray() << quint64(16) << quint32(1) << quint32(1)
                           << QByteArray::fromHex("77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"
                                                  "fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906");
    QTest::newRow("password/NaCl") << QByteArray("password") << QByteArray("NaCl") << quint64(1024) << quint32(8)
                                   << quint32(16)
                                   << QByteArray::fromHex(
                                          "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
                                          "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640");
    QTest::newRow("pleaseletmein/SodiumChloride")
        << QByteArray("pleaseletmein") << QByteArray("SodiumChloride") << quint64(16384) << quint32(8) << quint32(1)
        << QByteArray::fromHex("7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2"
                               "d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887");
}

void TestKdfParams::rfc7914Vectors()
{
    QFETCH(QByteArray, password);
    QFETCH(QByteArray, salt);
    QFETCH(quint64, n);
    QFETCH(quint32, r);
    QFETCH(quint32, p);
    QFETCH(QByteArray, expected);
    QCOMPARE(expected.size(), 64);
    const SecureBytes key =
        KdfParams::deriveKey(SecureBytes::fromUtf8(QString::fromLatin1(password)), params(n, r, p, salt), 64);
    QCOMPARE(key.size(), std::size_t(64));
    QCOMPARE(toByteArray(key).toHex(), expected.toHex());
}

void TestKdfParams::defaultLengthIs32()
{
    const KdfParams p = params(1024, 8, 16, QByteArray("NaCl"));
    const SecureBytes key = KdfParams::deriveKey(SecureBytes::fromUtf8(QStringLiteral("password")), p);
    QCOMPARE(key.size(), std::size_t(32));
    // scrypt output is a PBKDF2 stream: the 32-byte key is the prefix of the 64-byte one.
    QCOMPARE(toByteArray(key).toHex(), QByteArray("fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"));
}

void TestKdfParams::derivationDependsOnEveryInput()
{
    const SecureBytes pass = SecureBytes::fromUtf8(QStringLiteral("lamp river biscuit"));
    const KdfParams base = params(1024, 8, 1, QByteArray(16, 'S'));
    const SecureBytes reference = KdfParams::deriveKey(pass, base);
    QCOMPARE(reference.size(), std::size_t(32));
    QVERIFY(reference.equals(KdfParams::deriveKey(pass, base))); // deterministic

    KdfParams other = base;
    other.salt[0] = 'T';
    QVERIFY(!reference.equals(KdfParams::deriveKey(pass, other)));
    other = base;
    other.n = 2048;
    QVERIFY(!reference.equals(KdfParams::deriveKey(pass, other)));
    other = base;
    other.r = 4;
    QVERIFY(!reference.equals(KdfParams::deriveKey(pass, other)));
    other = base;
    other.p = 2;
    QVERIFY(!reference.equals(KdfParams::deriveKey(pass, other)));
    QVERIFY(!reference.equals(KdfParams::deriveKey(SecureBytes::fromUtf8(QStringLiteral("lamp river biscuiT")), base)));
}

void TestKdfParams::interactiveValues()
{
    const KdfParams a = KdfParams::interactive();
    const KdfParams b = KdfParams::interactive();
    QCOMPARE(a.n, quint64(131072)); // 2^17
    QCOMPARE(a.r, quint32(8));
    QCOMPARE(a.p, quint32(1));
    QCOMPARE(a.salt.size(), 16);
    QVERIFY(a.salt != b.salt); // fresh random salt each time
    QString why;
    QVERIFY2(a.isAcceptable(&why), qPrintable(why));
    QVERIFY(why.isEmpty());
}

void TestKdfParams::interactiveRunsWithinTheMemoryLimit()
{
    // One real derivation: proves OpenSSL's maxmem limit leaves room for the production parameters
    // (128 MiB). Not a timing test; the duration is only reported.
    QElapsedTimer timer;
    timer.start();
    const SecureBytes key =
        KdfParams::deriveKey(SecureBytes::fromUtf8(QStringLiteral("lamp river biscuit")), KdfParams::interactive());
    qInfo("scrypt with interactive() parameters took %lld ms", static_cast<long long>(timer.elapsed()));
    QCOMPARE(key.size(), std::size_t(32));
    QVERIFY(!key.equals(SecureBytes(32)));
}

void TestKdfParams::fastValues()
{
    const KdfParams a = KdfParams::fast();
    QCOMPARE(a.n, quint64(1024));
    QCOMPARE(a.r, quint32(8));
    QCOMPARE(a.p, quint32(1));
    QCOMPARE(a.salt.size(), 16);
    QVERIFY(a.salt != KdfParams::fast().salt);
    QVERIFY(a.isAcceptable());
}

void TestKdfParams::isAcceptable_data()
{
    QTest::addColumn<quint64>("n");
    QTest::addColumn<quint32>("r");
    QTest::addColumn<quint32>("p");
    QTest::addColumn<int>("saltBytes");
    QTest::addColumn<bool>("acceptable");
    QTest::addColumn<QString>("reasonMentions");

    const auto row = [](const char* name, quint64 n, quint32 r, quint32 p, int saltBytes, bool ok, const char* why) {
        QTest::newRow(name) << n << r << p << saltBytes << ok << QString::fromUtf8(why);
    };
    constexpr quint64 k1 = 1;
    row("interactive", k1 << 17, 8, 1, 16, true, "");
    row("fast", k1 << 10, 8, 1, 16, true, "");
    row("largest N at 1 GiB", k1 << 22, 2, 1, 16, true, "");
    row("1 GiB with r 8", k1 << 20, 8, 1, 16, true, "");
    row("r times p at the limit", k1 << 10, 8, 8, 16, true, "");
    row("longest salt", k1 << 17, 8, 1, 64, true, "");
    row("N zero", 0, 8, 1, 16, false, "power of two");
    row("N not a power of two", 100000, 8, 1, 16, false, "power of two");
    row("N one below a power of two", (k1 << 17) - 1, 8, 1, 16, false, "power of two");
    row("N 2^9", k1 << 9, 8, 1, 16, false, "below the minimum");
    row("N 2^23", k1 << 23, 1, 1, 16, false, "above the maximum");
    row("N 2^63", k1 << 63, 1, 1, 16, false, "above the maximum");
    row("4 GiB: N 2^22 with r 8", k1 << 22, 8, 1, 16, false, "memory");
    row("2 GiB: N 2^21 with r 8", k1 << 21, 8, 1, 16, false, "memory");
    row("r zero", k1 << 17, 0, 1, 16, false, "block size");
    row("r 33", k1 << 10, 33, 1, 16, false, "block size");
    row("r huge", k1 << 10, 0xffffffffU, 1, 16, false, "block size");
    row("p zero", k1 << 17, 8, 0, 16, false, "parallelism");
    row("p 17", k1 << 17, 8, 17, 16, false, "parallelism");
    row("p huge", k1 << 17, 8, 0xffffffffU, 16, false, "parallelism");
    row("r times p 128 (RFC vector 2)", k1 << 10, 8, 16, 16, false, "r \u00d7 p");
    row("salt empty", k1 << 17, 8, 1, 0, false, "salt");
    row("salt 4 bytes (RFC vector 2)", k1 << 10, 8, 1, 4, false, "salt");
    row("salt 15 bytes", k1 << 17, 8, 1, 15, false, "salt");
    row("salt 65 bytes", k1 << 17, 8, 1, 65, false, "salt");
}

void TestKdfParams::isAcceptable()
{
    QFETCH(quint64, n);
    QFETCH(quint32, r);
    QFETCH(quint32, p);
    QFETCH(int, saltBytes);
    QFETCH(bool, acceptable);
    QFETCH(QString, reasonMentions);
    const KdfParams candidate = params(n, r, p, QByteArray(saltBytes, 's'));
    QString why = QStringLiteral("stale");
    QCOMPARE(candidate.isAcceptable(&why), acceptable);
    if (acceptable) {
        QVERIFY(why.isEmpty());
    } else {
        QVERIFY2(why.contains(reasonMentions), qPrintable(why));
    }
    QCOMPARE(candidate.isAcceptable(nullptr), acceptable); // why is optional
}

void TestKdfParams::memoryLimitIsEnforcedByDerivation()
{
    // 128 * 8 * 2^21 = 2 GiB: above kMaxMemoryBytes, so OpenSSL must refuse before allocating.
    const KdfParams huge = params(quint64(1) << 21, 8, 1, QByteArray(16, 's'));
    QVERIFY(!huge.isAcceptable());
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("scrypt key derivation failed")));
    const SecureBytes key = KdfParams::deriveKey(SecureBytes::fromUtf8(QStringLiteral("x")), huge);
    QVERIFY(key.empty());
}

QTEST_GUILESS_MAIN(TestKdfParams)
#include "tst_kdfparams.moc"
