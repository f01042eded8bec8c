// WFDB annotation files (MIT format): the real reference annotations of MIT-BIH record 100 checked
// entry by entry against their independent decoding (derived/100_atr_annotations.csv), and
// synthetic files for every pseudo-code (SKIP, NUM, SUB, CHN, AUX), the end marker and the bounds.

#include "codec/wfdbannotations.h"

#include <QFile>
#include <QTest>
#include <QtEndian>

#include <map>
#include <random>

using vigil::codec::WfdbAnnotation;
using vigil::codec::WfdbAnnotations;

namespace {

QString dataPath(const QString& name)
{
    return QStringLiteral(VIGIL_TEST_DATA_DIR "/") + name;
}

// A little-endian annotation word: code in the top 6 bits, I in the low 10.
QByteArray word(int code, int data)
{
    char le[2];
    qToLittleEndian<quint16>(static_cast<quint16>(code << 10 | (data & 0x3FF)), le);
    return QByteArray(le, 2);
}

QByteArray skip(qint32 interval)
{
    const auto v = static_cast<quint32>(interval);
    char le[4];
    qToLittleEndian<quint16>(static_cast<quint16>(v >> 16), le);
    qToLittleEndian<quint16>(static_cast<quint16>(v & 0xFFFF), le + 2);
    return word(WfdbAnnotations::kSkip, 0) + QByteArray(le, 4);
}

QByteArray aux(const QByteArray& text)
{
    QByteArray bytes = word(WfdbAnnotations::kAux, static_cast<int>(text.size())) + text;
    if (text.size() % 2)
        bytes.append('\0');
    return bytes;
}

const QByteArray kEnd = QByteArray(2, '\0');

struct CsvRow
{
    qint64 sample = 0;
    QString symbol;
    QString aux;
};

std::vector<CsvRow> readCsv(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    std::vector<CsvRow> rows;
    file.readLine(); // sample,time_s,symbol,aux
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty())
            continue;
        const QList<QByteArray> fields = line.split(',');
        if (fields.size() < 3)
            qFatal("bad CSV line");
        rows.push_back({fields[0].toLongLong(), QString::fromLatin1(fields[2]),
            fields.size() > 3 ? QString::fromLatin1(fields[3]) : QString()});
    }
    return rows;
}

} // namespace

class TestWfdbAnnotations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void record100MatchesReference();
    void record100Counts();
    void pseudoCodes();
    void skipsBothWays();
    void timeResolutionNote();
    void missingEndMarker();
    void truncated_data();
    void truncated();
    void symbols();
    void garbageNeverCrashes();
};

void TestWfdbAnnotations::record100MatchesReference()
{
    QString error;
    const auto atr = WfdbAnnotations::open(dataPath(QStringLiteral("100.atr")), &error);
    QVERIFY2(atr, qPrintable(error));
    QVERIFY(atr->warnings().isEmpty());
    QVERIFY(!atr->timeResolution());
    const std::vector<CsvRow> reference = readCsv(dataPath(QStringLiteral("derived/100_atr_annotations.csv")));
    QCOMPARE(reference.size(), std::size_t(2274));
    QCOMPARE(atr->annotations().size(), reference.size());
    for (std::size_t i = 0; i < reference.size(); ++i) {
        const WfdbAnnotation& a = atr->annotations()[i];
        if (a.sample != reference[i].sample || a.symbol() != reference[i].symbol || a.aux != reference[i].aux)
            QFAIL(qPrintable(QStringLiteral("annotation %1 differs from the reference").arg(i)));
    }
    const WfdbAnnotation& first = atr->annotations().front();
    QCOMPARE(first.sample, qint64(18));
    QCOMPARE(first.code, 28); // rhythm change
    QCOMPARE(first.symbol(), QStringLiteral("+"));
    QCOMPARE(first.aux, QStringLiteral("(N"));
    QCOMPARE(atr->annotations()[1].sample, qint64(77));
    QCOMPARE(atr->annotations()[1].symbol(), QStringLiteral("N"));
    QCOMPARE(atr->annotations().back().sample, qint64(649991));
    QCOMPARE(atr->annotations().back().symbol(), QStringLiteral("N"));
}

void TestWfdbAnnotations::record100Counts()
{
    const auto atr = WfdbAnnotations::open(dataPath(QStringLiteral("100.atr")));
    QVERIFY(atr);
    std::map<QString, int> bySymbol;
    int beats = 0;
    int withSubtype = 0;
    for (const WfdbAnnotation& a : atr->annotations()) {
        ++bySymbol[a.symbol()];
        beats += WfdbAnnotations::isBeat(a.code) ? 1 : 0;
        withSubtype += a.subtype != 0 ? 1 : 0;
        QCOMPARE(a.channel, 0);
        QCOMPARE(a.number, 0);
    }
    QCOMPARE(withSubtype, 1); // the file holds one SUB word (subtype 1)
    QCOMPARE(beats, 2273);
    QCOMPARE(bySymbol[QStringLiteral("N")], 2239);
    QCOMPARE(bySymbol[QStringLiteral("A")], 33);
    QCOMPARE(bySymbol[QStringLiteral("V")], 1);
    QCOMPARE(bySymbol[QStringLiteral("+")], 1);
    QCOMPARE(bySymbol.size(), std::size_t(4));
}

void TestWfdbAnnotations::pseudoCodes()
{
    const QByteArray bytes = word(1, 10) + word(WfdbAnnotations::kChn, 2) + word(WfdbAnnotations::kNum, 5) + word(5, 3)
        + word(WfdbAnnotations::kSub, 1023) + aux("PVC") + word(8, 7) + aux("ab")
        + word(0, 1) // a null annotation (code 0), one sample later
        + word(WfdbAnnotations::kNum, 0) + word(1, 1) + kEnd + word(1, 1); // after the end marker: ignored
    QString error;
    const auto parsed = WfdbAnnotations::parse(bytes, &error);
    QVERIFY2(parsed, qPrintable(error));
    const auto& a = parsed->annotations();
    QCOMPARE(a.size(), std::size_t(5));
    QCOMPARE(a[0].sample, qint64(10));
    QCOMPARE(a[0].channel, 2); // CHN and NUM after an annotation belong to it
    QCOMPARE(a[0].number, 5);
    QCOMPARE(a[1].sample, qint64(13));
    QCOMPARE(a[1].code, 5);
    QCOMPARE(a[1].channel, 2); // kept for the annotations that follow
    QCOMPARE(a[1].number, 5);
    QCOMPARE(a[1].subtype, -1); // 10-bit two's complement, as WFDB writes -1
    QCOMPARE(a[1].aux, QStringLiteral("PVC")); // odd length, padded
    QCOMPARE(a[2].sample, qint64(20));
    QCOMPARE(a[2].subtype, 0); // SUB does not carry over
    QCOMPARE(a[2].aux, QStringLiteral("ab"));
    QCOMPARE(a[3].code, 0);
    QCOMPARE(a[3].sample, qint64(21));
    QVERIFY(a[3].aux.isEmpty());
    QCOMPARE(a[4].number, 0);
    QCOMPARE(a[4].sample, qint64(22));
    QVERIFY(parsed->warnings().isEmpty());
}

void TestWfdbAnnotations::skipsBothWays()
{
    // A SKIP moves the time of the next annotation (which adds its own I); intervals are signed.
    const QByteArray bytes =
        skip(100000) + word(1, 5) + skip(-50000) + word(5, 0) + skip(1 << 20) + word(8, 1023) + kEnd;
    const auto parsed = WfdbAnnotations::parse(bytes);
    QVERIFY(parsed);
    const auto& a = parsed->annotations();
    QCOMPARE(a.size(), std::size_t(3));
    QCOMPARE(a[0].sample, qint64(100005));
    QCOMPARE(a[1].sample, qint64(50005));
    QCOMPARE(a[2].sample, qint64(50005 + (1 << 20) + 1023));
}

void TestWfdbAnnotations::timeResolutionNote()
{
    const QByteArray bytes = word(WfdbAnnotations::kNote, 0) + aux("## time resolution: 1000") + word(1, 500) + kEnd;
    const auto parsed = WfdbAnnotations::parse(bytes);
    QVERIFY(parsed);
    QCOMPARE(parsed->timeResolution(), std::optional<double>(1000.0));
    QCOMPARE(parsed->annotations().size(), std::size_t(1));
    QCOMPARE(parsed->annotations()[0].sample, qint64(500));
    // A note later on is an ordinary annotation.
    const auto later =
        WfdbAnnotations::parse(QByteArray(word(1, 3) + word(WfdbAnnotations::kNote, 0) + aux("## time resolution: 5")));
    QVERIFY(later);
    QVERIFY(!later->timeResolution());
    QCOMPARE(later->annotations().size(), std::size_t(2));
}

void TestWfdbAnnotations::missingEndMarker()
{
    const auto parsed = WfdbAnnotations::parse(QByteArray(word(1, 3) + word(1, 4) + QByteArray(1, 'x')));
    QVERIFY(parsed);
    QCOMPARE(parsed->annotations().size(), std::size_t(2));
    QCOMPARE(parsed->warnings().size(), 1);
    const auto empty = WfdbAnnotations::parse(QByteArray());
    QVERIFY(empty);
    QVERIFY(empty->annotations().empty());
}

void TestWfdbAnnotations::truncated_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("skip without its interval")
        << QByteArray(word(1, 3) + word(WfdbAnnotations::kSkip, 0) + QByteArray(2, '\0'));
    QTest::newRow("aux cut short") << QByteArray(word(1, 3) + word(WfdbAnnotations::kAux, 10) + QByteArray("abc"));
    QTest::newRow("aux padding missing") << QByteArray(word(1, 3) + word(WfdbAnnotations::kAux, 3) + QByteArray("abc"));
}

void TestWfdbAnnotations::truncated()
{
    QFETCH(QByteArray, bytes);
    QString error;
    QVERIFY(!WfdbAnnotations::parse(bytes, &error));
    QVERIFY(error.contains(QStringLiteral("byte")));
}

void TestWfdbAnnotations::symbols()
{
    QCOMPARE(WfdbAnnotations::symbol(1), QStringLiteral("N"));
    QCOMPARE(WfdbAnnotations::symbol(5), QStringLiteral("V"));
    QCOMPARE(WfdbAnnotations::symbol(8), QStringLiteral("A"));
    QCOMPARE(WfdbAnnotations::symbol(14), QStringLiteral("~"));
    QCOMPARE(WfdbAnnotations::symbol(22), QStringLiteral("\""));
    QCOMPARE(WfdbAnnotations::symbol(28), QStringLiteral("+"));
    QCOMPARE(WfdbAnnotations::symbol(41), QStringLiteral("r"));
    QCOMPARE(WfdbAnnotations::symbol(15), QStringLiteral("[15]"));
    QCOMPARE(WfdbAnnotations::symbol(42), QStringLiteral("[42]"));
    QCOMPARE(WfdbAnnotations::symbol(58), QStringLiteral("[58]"));
    QVERIFY(WfdbAnnotations::isBeat(1) && WfdbAnnotations::isBeat(12) && WfdbAnnotations::isBeat(41));
    QVERIFY(!WfdbAnnotations::isBeat(0) && !WfdbAnnotations::isBeat(14) && !WfdbAnnotations::isBeat(28));
}

void TestWfdbAnnotations::garbageNeverCrashes()
{
    QFile file(dataPath(QStringLiteral("100.atr")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray original = file.readAll().left(600);
    std::mt19937 rng(100);
    int parsed = 0;
    for (int round = 0; round < 5000; ++round) {
        QByteArray mutated = original;
        for (int e = 0; e < 1 + static_cast<int>(rng() % 8); ++e)
            mutated[static_cast<qsizetype>(rng() % static_cast<unsigned>(mutated.size()))] = static_cast<char>(rng());
        mutated.truncate(static_cast<qsizetype>(rng() % static_cast<unsigned>(mutated.size() + 1)));
        QString error;
        const auto result = WfdbAnnotations::parse(mutated, &error);
        if (result) {
            ++parsed;
            QVERIFY(result->annotations().size() <= static_cast<std::size_t>(mutated.size() / 2));
        } else {
            QVERIFY(!error.isEmpty());
        }
    }
    QVERIFY(parsed > 0);
}

QTEST_GUILESS_MAIN(TestWfdbAnnotations)
#include "tst_wfdbannotations.moc"
