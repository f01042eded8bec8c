#include "crypto/securebytes.h"

#include <QTest>

#include <cstring>
#include <string_view>
#include <utility>

using vigil::crypto::SecureBytes;

namespace {

SecureBytes fromAscii(std::string_view text)
{
    SecureBytes out(text.size());
    if (!text.empty())
        std::memcpy(out.data(), text.data(), text.size());
    return out;
}

QByteArray toByteArray(const SecureBytes& b)
{
    return {reinterpret_cast<const char*>(b.data()), static_cast<qsizetype>(b.size())};
}

} // namespace

class TestSecureBytes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultIsEmpty();
    void sizedIsZeroed();
    void randomHasRightSizeAndDiffers();
    void toHex_data();
    void toHex();
    void equals_data();
    void equals();
    void fromUtf8();
    void moveConstructLeavesSourceEmpty();
    void moveAssignTakesOver();
    void clearEmpties();
};

void TestSecureBytes::defaultIsEmpty()
{
    const SecureBytes b;
    QVERIFY(b.empty());
    QCOMPARE(b.size(), std::size_t(0));
    QVERIFY(b.bytes().empty());
}

void TestSecureBytes::sizedIsZeroed()
{
    const SecureBytes b(48);
    QCOMPARE(b.size(), std::size_t(48));
    QVERIFY(!b.empty());
    QCOMPARE(b.bytes().size(), std::size_t(48));
    for (const unsigned char c : b.bytes())
        QCOMPARE(c, static_cast<unsigned char>(0));
}

void TestSecureBytes::randomHasRightSizeAndDiffers()
{
    const SecureBytes a = SecureBytes::random(32);
    const SecureBytes b = SecureBytes::random(32);
    QCOMPARE(a.size(), std::size_t(32));
    QCOMPARE(b.size(), std::size_t(32));
    QVERIFY(!a.equals(b)); // 2^-256 chance of a false failure
    QVERIFY(!a.equals(SecureBytes(32))); // not all zero
    QCOMPARE(SecureBytes::random(0).size(), std::size_t(0));
    QCOMPARE(SecureBytes::random(7).size(), std::size_t(7));
}

void TestSecureBytes::toHex_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("hex");
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("zero") << QByteArray(1, '\0') << QByteArray("00");
    QTest::newRow("all nibbles") << QByteArray::fromHex("0123456789abcdef") << QByteArray("0123456789abcdef");
    QTest::newRow("high bytes are lowercase") << QByteArray::fromHex("fedcba9810ff") << QByteArray("fedcba9810ff");
    QByteArray every;
    for (int i = 0; i < 256; ++i)
        every.append(static_cast<char>(i));
    QTest::newRow("every byte value") << every << every.toHex();
}

void TestSecureBytes::toHex()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, hex);
    const SecureBytes b = fromAscii(std::string_view(input.constData(), static_cast<std::size_t>(input.size())));
    const SecureBytes h = b.toHex();
    QCOMPARE(h.size(), 2 * b.size());
    QCOMPARE(toByteArray(h), hex);
}

void TestSecureBytes::equals_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<bool>("equal");
    QTest::newRow("both empty") << QByteArray() << QByteArray() << true;
    QTest::newRow("same") << QByteArray("key material") << QByteArray("key material") << true;
    QTest::newRow("last byte differs") << QByteArray("key material") << QByteArray("key materiam") << false;
    QTest::newRow("first byte differs") << QByteArray("key material") << QByteArray("Key material") << false;
    QTest::newRow("prefix") << QByteArray("key") << QByteArray("key material") << false;
    QTest::newRow("empty vs not") << QByteArray() << QByteArray("x") << false;
}

void TestSecureBytes::equals()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(bool, equal);
    const SecureBytes sa = fromAscii(std::string_view(a.constData(), static_cast<std::size_t>(a.size())));
    const SecureBytes sb = fromAscii(std::string_view(b.constData(), static_cast<std::size_t>(b.size())));
    QCOMPARE(sa.equals(sb), equal);
    QCOMPARE(sb.equals(sa), equal);
}

void TestSecureBytes::fromUtf8()
{
    const SecureBytes ascii = SecureBytes::fromUtf8(QStringLiteral("correct horse"));
    QCOMPARE(toByteArray(ascii), QByteArray("correct horse"));
    // U+00E9 and U+1F512 (a surrogate pair in UTF-16) -> 2 and 4 UTF-8 bytes.
    const SecureBytes accented = SecureBytes::fromUtf8(QStringLiteral("caf\u00e9 \U0001F512"));
    QCOMPARE(toByteArray(accented), QByteArray("caf\xc3\xa9 \xf0\x9f\x94\x92"));
    QVERIFY(SecureBytes::fromUtf8(QString()).empty());
}

void TestSecureBytes::moveConstructLeavesSourceEmpty()
{
    SecureBytes source = fromAscii("0123456789abcdef");
    const unsigned char* buffer = source.data();
    SecureBytes target(std::move(source));
    // The moved-from state is the contract under test.
    // NOLINTBEGIN(bugprone-use-after-move,clang-analyzer-cplusplus.Move)
    QVERIFY(source.empty());
    QCOMPARE(source.size(), std::size_t(0));
    QVERIFY(source.data() == nullptr);
    // NOLINTEND(bugprone-use-after-move,clang-analyzer-cplusplus.Move)
    QCOMPARE(target.size(), std::size_t(16));
    QVERIFY(target.data() == buffer); // moved, not copied
    QCOMPARE(toByteArray(target), QByteArray("0123456789abcdef"));
}

void TestSecureBytes::moveAssignTakesOver()
{
    SecureBytes source = fromAscii("new key");
    SecureBytes target = fromAscii("old key material");
    target = std::move(source);
    QVERIFY(source.empty()); // NOLINT(bugprone-use-after-move,clang-analyzer-cplusplus.Move)
    QCOMPARE(toByteArray(target), QByteArray("new key"));
    target = SecureBytes();
    QVERIFY(target.empty());
}

void TestSecureBytes::clearEmpties()
{
    SecureBytes b = SecureBytes::random(32);
    b.clear();
    QVERIFY(b.empty());
    QVERIFY(b.data() == nullptr);
    b.clear(); // idempotent
    QVERIFY(b.empty());
}

QTEST_GUILESS_MAIN(TestSecureBytes)
#include "tst_securebytes.moc"
