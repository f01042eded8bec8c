// `vigilctl analyze ecg` end to end on MIT-BIH record 100 (issue 5's detector target through the real
// binary: sensitivity and positive predictivity >= 99.5 % against 100.atr, heart rate per minute
// within 2 bpm of the reference), and its refusals. Data: tests/models/codec/data.
#include "ctlrunner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using vigil::integration::CtlResult;
using vigil::integration::CtlRunner;

namespace {

QString dataPath(const QString& name)
{
    return QStringLiteral(VIGIL_SOURCE_DIR "/tests/models/codec/data/") + name;
}

} // namespace

class TestAnalyzeCtl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void record100()
    {
        const CtlResult r = CtlRunner::run({QStringLiteral("analyze"), QStringLiteral("ecg"),
            dataPath(QStringLiteral("100.hea")), QStringLiteral("--json")});
        QVERIFY2(r.exitedWith(0), r.describe().constData());
        const QJsonObject o = r.json();
        QCOMPARE(o.value(QStringLiteral("record")).toString(), QStringLiteral("100"));
        QCOMPARE(o.value(QStringLiteral("sample_rate_hz")).toDouble(), 360.0);
        const QJsonArray beats = o.value(QStringLiteral("beats")).toArray();
        QCOMPARE(beats.size(), o.value(QStringLiteral("beat_count")).toInt());
        for (qsizetype i = 1; i < beats.size(); ++i)
            QVERIFY(beats[i].toDouble() > beats[i - 1].toDouble());
        const QJsonObject reference = o.value(QStringLiteral("reference")).toObject();
        QCOMPARE(reference.value(QStringLiteral("file")).toString(), QStringLiteral("100.atr"));
        QCOMPARE(reference.value(QStringLiteral("beats")).toInt(), 2273);
        QVERIFY(reference.value(QStringLiteral("sensitivity")).toDouble() >= 0.995);
        QVERIFY(reference.value(QStringLiteral("positive_predictivity")).toDouble() >= 0.995);

        QFile csv(dataPath(QStringLiteral("derived/100_hr_reference_per_minute.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly | QIODevice::Text));
        csv.readLine();
        const QJsonArray minutes = o.value(QStringLiteral("hr_per_minute")).toArray();
        qsizetype row = 0;
        while (!csv.atEnd()) {
            const QList<QByteArray> cells = csv.readLine().trimmed().split(',');
            QVERIFY(row < minutes.size());
            const QJsonObject m = minutes[row].toObject();
            QCOMPARE(m.value(QStringLiteral("start_s")).toDouble(), cells[0].toDouble());
            QVERIFY(std::fabs(m.value(QStringLiteral("bpm")).toDouble() - cells[4].toDouble()) <= 2.0);
            ++row;
        }
        QCOMPARE(row, minutes.size());

        // Without the reference: no comparison, same beats.
        const CtlResult plain =
            CtlRunner::run({QStringLiteral("analyze"), QStringLiteral("ecg"), dataPath(QStringLiteral("100.hea")),
                QStringLiteral("--reference"), QStringLiteral("none"), QStringLiteral("--json")});
        QVERIFY(plain.exitedWith(0));
        QVERIFY(plain.json().value(QStringLiteral("reference")).isNull());
        QCOMPARE(plain.json().value(QStringLiteral("beat_count")), o.value(QStringLiteral("beat_count")));
        // The text form names the figures.
        const CtlResult text =
            CtlRunner::run({QStringLiteral("analyze"), QStringLiteral("ecg"), dataPath(QStringLiteral("100.hea"))});
        QVERIFY(text.exitedWith(0));
        QVERIFY(text.out.contains("sensitivity"));
        QVERIFY(text.out.contains("Heart rate per minute"));
    }

    void refusals()
    {
        QTemporaryDir dir;
        const CtlResult missing = CtlRunner::run(
            {QStringLiteral("analyze"), QStringLiteral("ecg"), dir.filePath(QStringLiteral("nothing.hea"))});
        QVERIFY2(missing.exitedWith(1), missing.describe().constData());
        QVERIFY(missing.err.contains("cannot read the record"));
        const CtlResult badSignal = CtlRunner::run({QStringLiteral("analyze"), QStringLiteral("ecg"),
            dataPath(QStringLiteral("100.hea")), QStringLiteral("--signal"), QStringLiteral("7")});
        QVERIFY2(badSignal.exitedWith(2), badSignal.describe().constData());
        const CtlResult none = CtlRunner::run({QStringLiteral("analyze"), QStringLiteral("ecg")});
        QVERIFY(none.exitedWith(2));
    }
};

QTEST_GUILESS_MAIN(TestAnalyzeCtl)
#include "tst_analyzectl.moc"
