// The parts of the ingest diagnostics that need no broker: the per-source model (counts, clock skew
// wording), the quarantine model and store::QuarantineReader on a real encrypted cache (newest
// first, never the payload), and IngestStatus's link alarm (delay, "since" time, clearing).

#include "ingest/mqttsource.h"
#include "ingestquarantinemodel.h"
#include "ingestsourcemodel.h"
#include "ingeststatus.h"
#include "store/cache.h"
#include "store/quarantinereader.h"
#include "store/storereader.h"
#include "store/storewriter.h"

#include <QAbstractItemModelTester>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using State = ingest::MqttSource::State;

class TestIngestDiagnostics : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); }

    void sourceModelRows()
    {
        ui::IngestSourceModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // Configured sources show before anything arrives.
        model.setStats({}, {QStringLiteral("mqtt"), QStringLiteral("mllp")});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowOf(QStringLiteral("mllp")), 1);
        QCOMPARE(model.index(0, ui::IngestSourceModel::MessagesColumn).data().toString(), QStringLiteral("0"));
        QCOMPARE(model.index(0, ui::IngestSourceModel::ClockSkewColumn).data().toString(), QStringLiteral("\u2014"));

        ingest::IngestRouter::SourceStats mqtt;
        mqtt.messages = 12'345;
        mqtt.samples = 500'000;
        mqtt.vitals = 40;
        mqtt.duplicates = 3;
        mqtt.rejected = 2;
        mqtt.withProblems = 1;
        mqtt.problems = 4;
        mqtt.lastSkewUs = 400'000;
        mqtt.maxAbsSkewUs = 900'000;
        mqtt.lastMessageUs = core::nowUtc();
        mqtt.lastProblem = QStringLiteral("valueSampledData.data: not a number");
        ingest::IngestRouter::SourceStats file;
        file.messages = 1;
        model.setStats({{QStringLiteral("mqtt"), mqtt}, {QStringLiteral("file"), file}},
            {QStringLiteral("mqtt"), QStringLiteral("mllp")});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.rowOf(QStringLiteral("file")), 2);
        const auto cell = [&](int column) { return model.index(0, column); };
        QCOMPARE(cell(ui::IngestSourceModel::MessagesColumn).data().toString(), QStringLiteral("12,345"));
        QCOMPARE(cell(ui::IngestSourceModel::MessagesColumn).data(ui::IngestSourceModel::ValueRole).toULongLong(),
            12'345ULL);
        QCOMPARE(cell(ui::IngestSourceModel::SamplesColumn).data().toString(), QStringLiteral("500,000"));
        QCOMPARE(cell(ui::IngestSourceModel::VitalsColumn).data().toString(), QStringLiteral("40"));
        QCOMPARE(cell(ui::IngestSourceModel::RepeatsColumn).data().toString(), QStringLiteral("3"));
        QCOMPARE(cell(ui::IngestSourceModel::QuarantinedColumn).data().toString(), QStringLiteral("3"));
        QCOMPARE(cell(ui::IngestSourceModel::ClockSkewColumn).data().toString(), QStringLiteral("+0.4 s"));
        QCOMPARE(cell(ui::IngestSourceModel::LastProblemColumn).data().toString(), mqtt.lastProblem);
        QVERIFY(cell(ui::IngestSourceModel::ClockSkewColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("+0.9 s")));
        QCOMPARE(model.headerData(ui::IngestSourceModel::RepeatsColumn, Qt::Horizontal, Qt::DisplayRole).toString(),
            QStringLiteral("Repeats dropped"));
    }

    void skewWording_data()
    {
        QTest::addColumn<qlonglong>("skewUs");
        QTest::addColumn<QString>("expected");
        QTest::newRow("small positive") << 400'000LL << QStringLiteral("+0.4 s");
        QTest::newRow("small negative") << -1'260'000LL << QStringLiteral("\u22121.3 s");
        QTest::newRow("zero") << 0LL << QStringLiteral("+0.0 s");
        QTest::newRow("device behind") << 125'000'000LL << QStringLiteral("device clock 2 min behind");
        QTest::newRow("device ahead") << -180'000'000LL << QStringLiteral("device clock 3 min ahead");
        QTest::newRow("hours") << 3LL * 3600 * 1'000'000 << QStringLiteral("device clock 3 h behind");
        QTest::newRow("days") << -5LL * 86400 * 1'000'000 << QStringLiteral("device clock 5 days ahead");
    }
    void skewWording()
    {
        QFETCH(qlonglong, skewUs);
        QFETCH(QString, expected);
        QCOMPARE(ui::IngestSourceModel::formatSkew(skewUs), expected);
    }

    void quarantineReaderAndModel()
    {
        QTemporaryDir dir;
        store::StoreError error;
        auto cache = store::Cache::createEphemeral(dir.filePath(QStringLiteral("q.vigil")), &error);
        QVERIFY2(cache, qPrintable(error.message));
        store::StoreWriter writer(*cache);
        QVERIFY(writer.start(&error));
        const QByteArray secret = "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Payload\"}]}";
        quint64 seq = 0;
        for (int i = 0; i < 5; ++i) {
            seq = writer.appendQuarantine(
                QStringLiteral("mqtt:vigil/v1/test/key-%1/obs").arg(i), QStringLiteral("reason %1").arg(i), secret);
        }
        QVERIFY(writer.waitCommitted(seq, 10'000));

        auto reader = store::StoreReader::open(*cache, &error);
        QVERIFY2(reader, qPrintable(error.message));
        store::QuarantineReader quarantine(reader->database());
        QCOMPARE(quarantine.count(), 5);
        std::vector<store::QuarantineReader::Row> rows;
        QVERIFY(quarantine.latest(3, rows, &error));
        QCOMPARE(rows.size(), std::size_t{3});
        // Newest first.
        QCOMPARE(rows[0].reason, QStringLiteral("reason 4"));
        QCOMPARE(rows[2].reason, QStringLiteral("reason 2"));
        QCOMPARE(rows[0].source, QStringLiteral("mqtt:vigil/v1/test/key-4/obs"));
        QVERIFY(rows[0].receivedUs > 0 && rows[0].receivedUs >= rows[1].receivedUs);

        ui::IngestQuarantineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows(rows);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), 3);
        QCOMPARE(model.index(0, ui::IngestQuarantineModel::ReasonColumn).data().toString(), QStringLiteral("reason 4"));
        // Nothing of the payload is shown anywhere.
        for (int r = 0; r < model.rowCount(); ++r) {
            for (int c = 0; c < model.columnCount(); ++c) {
                for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole)})
                    QVERIFY(!model.index(r, c).data(role).toString().contains(QStringLiteral("Payload")));
            }
        }
        QVERIFY(quarantine.latest(0, rows));
        QVERIFY(rows.empty());
        reader.reset();
        QVERIFY(writer.stop());
    }

    void linkAlarmAfterDelayAndClearsOnReconnect()
    {
        core::Timestamp now = 1'780'000'000LL * core::kMicrosPerSecond;
        ingest::MqttSource::Config config;
        config.connection.brokers = {QStringLiteral("tcp://127.0.0.1:1")};
        ingest::MqttSource source(config, nullptr); // never started: the test plays its signals
        ui::IngestStatus status;
        status.setClock([&now] { return now; });
        status.setLinks({nullptr, &source, nullptr, nullptr});
        QCOMPARE(status.mqttText(), QStringLiteral("MQTT: stopped"));
        QVERIFY(!status.linkAlarm());

        const QString broker = QStringLiteral("mqtts://hub-a:8883");
        Q_EMIT source.stateChanged(State::Connecting, broker, QString());
        QTRY_COMPARE(status.mqttState(), State::Connecting);
        QCOMPARE(status.mqttText(), QStringLiteral("MQTT: connecting to mqtts://hub-a:8883\u2026"));
        Q_EMIT source.stateChanged(State::Connected, broker, QString());
        QTRY_COMPARE(status.mqttState(), State::Connected);
        QCOMPARE(status.mqttText(), QStringLiteral("MQTT: connected to mqtts://hub-a:8883"));

        // The link drops: retries do not move the start of the outage; the alarm waits for the delay.
        const core::Timestamp lost = now;
        Q_EMIT source.stateChanged(State::Connecting, broker, QString());
        QTRY_COMPARE(status.mqttState(), State::Connecting);
        now += core::kMicrosPerSecond;
        Q_EMIT source.stateChanged(State::Down, QString(), QStringLiteral("connection refused"));
        QTRY_COMPARE(status.mqttState(), State::Down);
        QCOMPARE(status.linkDownSince(), lost);
        QVERIFY(!status.linkAlarm());
        QCOMPARE(status.lastReason(), QStringLiteral("connection refused"));
        const QString since = ui::IngestStatus::clockTime(lost);
        QCOMPARE(status.mqttText(), QStringLiteral("MQTT: link down since %1 \u2014 retrying").arg(since));
        now = lost + ui::IngestStatus::kLinkAlarmDelayMs * core::kMicrosPerMilli;
        QVERIFY(status.linkAlarm());
        QCOMPARE(status.linkAlarmText(),
            QStringLiteral("Technical alarm \u2014 Link down: no live data from the broker since %1").arg(since));
        Q_EMIT source.stateChanged(State::Connecting, broker, QString());
        QTRY_COMPARE(status.mqttState(), State::Connecting);
        QVERIFY(status.linkAlarm()); // still down
        QCOMPARE(status.linkDownSince(), lost);

        Q_EMIT source.stateChanged(State::Connected, broker, QString());
        QTRY_COMPARE(status.mqttState(), State::Connected);
        QVERIFY(!status.linkAlarm());
        QVERIFY(status.linkAlarmText().isEmpty());
        QCOMPARE(status.linkDownSince(), core::Timestamp{0});

        // Taken back: nothing more is shown, late signals are ignored.
        status.setLinks({});
        Q_EMIT source.stateChanged(State::Down, QString(), QString());
        QTest::qWait(20);
        QVERIFY(status.mqttText().isEmpty());
        QVERIFY(!status.linkAlarm());
    }

    void clockTimeIsHoursAndMinutes()
    {
        const QString t = ui::IngestStatus::clockTime(core::nowUtc());
        QVERIFY2(QRegularExpression(QStringLiteral("^\\d\\d:\\d\\d$")).match(t).hasMatch(), qPrintable(t));
    }
};

QTEST_MAIN(TestIngestDiagnostics)
#include "tst_ingestdiagnostics.moc"
