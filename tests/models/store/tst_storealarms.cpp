// Alarm episodes in the encrypted cache: StoreWriter::appendAlarm keeps one row per episode
// (patient, code, raised at), inserted by its first append and updated by later ones;
// StoreReader::alarms returns the episodes overlapping a time range, of a patient or of the
// workstation itself (no patient). The rows survive closing and reopening the cache, and retention
// prunes an episode once it ended before the cutoff (never an imported patient's).
#include "crypto/kdfparams.h"
#include "crypto/securebytes.h"
#include "store/alarmrecord.h"
#include "store/cache.h"
#include "store/storereader.h"
#include "store/storewriter.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using store::AlarmRecord;
using store::StoreReader;
using store::StoreWriter;

namespace {

constexpr core::Timestamp kT0 = 1'760'000'000LL * core::kMicrosPerSecond; // 2025-10-09T08:53:20Z
constexpr core::Timestamp kSecond = core::kMicrosPerSecond;
constexpr core::Timestamp kDay = 86400 * kSecond;

core::PatientIdentity patient(const QString& key)
{
    core::PatientIdentity p;
    p.id = key;
    return p;
}

AlarmRecord alarm(const char* code, core::Timestamp raisedAt, core::Timestamp endedAt, int priority, const char* state,
    const char* text = "SpO₂ low: 86 % (limit 88 %)")
{
    AlarmRecord a;
    a.raisedAt = raisedAt;
    a.endedAt = endedAt;
    a.priority = priority;
    a.code = QString::fromLatin1(code);
    a.text = QString::fromUtf8(text);
    a.state = QString::fromLatin1(state);
    return a;
}

AlarmRecord withPatient(AlarmRecord a, qint64 patientId)
{
    a.patientId = patientId;
    return a;
}

// The fixed times below are older than retention's 30 days by the time the tests run: a writer
// that prunes would delete them between commits. Only the retention test prunes (with its clock).
StoreWriter::Config notPruning()
{
    StoreWriter::Config config;
    config.pruning = false;
    return config;
}

crypto::SecureBytes passphrase()
{
    return crypto::SecureBytes::fromUtf8(QStringLiteral("correct horse battery"));
}

QStringList codes(const char* spaceSeparated)
{
    return QString::fromLatin1(spaceSeparated).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

constexpr core::Timestamp kAll = std::numeric_limits<core::Timestamp>::max();
constexpr core::Timestamp kNone = std::numeric_limits<core::Timestamp>::min();

} // namespace

class TestStoreAlarms : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<store::Cache> m_cache;

    [[nodiscard]] QString path() const { return m_dir->filePath(QStringLiteral("alarms.vigil")); }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        store::StoreError error;
        m_cache = store::Cache::create(path(), passphrase(), crypto::KdfParams::fast(), &error);
        QVERIFY2(m_cache, qPrintable(error.message));
        QVERIFY(m_cache->isEncrypted());
    }

    void cleanup() { m_cache.reset(); }

    // Raised, escalated, ended: one row whose end, priority, text and state follow the last append.
    // Another episode of the same condition (raised later), and the same condition and time of
    // another patient, are rows of their own.
    void episodeIsInsertedThenUpdated()
    {
        StoreWriter writer(*m_cache, notPruning());
        QVERIFY(writer.start());
        const int p1 = writer.registerPatient(patient(QStringLiteral("p1")));
        const int p2 = writer.registerPatient(patient(QStringLiteral("p2")));
        const core::Timestamp t = kT0;
        QVERIFY(writer.appendAlarm(p1, alarm("spo2-low", t, 0, 1, "active", "SpO₂ low: 91 % (limit 92 %)")) > 0);
        QVERIFY(writer.waitCommitted(writer.appendAudit({}), 10000));
        auto reader = StoreReader::open(*m_cache, nullptr);
        QVERIFY(reader);
        const qint64 id1 = reader->patientBySourceKey(QStringLiteral("p1"))->id;
        const qint64 id2 = reader->patientBySourceKey(QStringLiteral("p2"))->id;
        QCOMPARE(reader->alarms(id1, kNone, kAll),
            std::vector<AlarmRecord>{
                withPatient(alarm("spo2-low", t, 0, 1, "active", "SpO₂ low: 91 % (limit 92 %)"), id1)});

        writer.appendAlarm(p1, alarm("spo2-low", t, 0, 2, "escalated", "SpO₂ low: 87 % (limit 88 %)"));
        writer.appendAlarm(p1, alarm("spo2-low", t, t + 400 * kSecond, 2, "ended", "SpO₂ low: 87 % (limit 88 %)"));
        writer.appendAlarm(p1, alarm("spo2-low", t + 600 * kSecond, 0, 1, "active"));
        writer.appendAlarm(p2, alarm("spo2-low", t, 0, 0, "acknowledged", "other"));
        QVERIFY(writer.waitCommitted(writer.appendAudit({}), 10000));
        QVERIFY(writer.stop());

        const std::vector<AlarmRecord> expected{
            withPatient(alarm("spo2-low", t, t + 400 * kSecond, 2, "ended", "SpO₂ low: 87 % (limit 88 %)"), id1),
            withPatient(alarm("spo2-low", t + 600 * kSecond, 0, 1, "active"), id1),
        };
        QCOMPARE(reader->alarms(id1, kNone, kAll), expected);
        QCOMPARE(reader->alarms(id2, kNone, kAll),
            std::vector<AlarmRecord>{withPatient(alarm("spo2-low", t, 0, 0, "acknowledged", "other"), id2)});
        QCOMPARE(reader->counts().alarms, qint64{3});
        QVERIFY(reader->alarms(0, kNone, kAll).empty()); // none of the workstation's own
    }

    // A workstation alarm (no patient, handle 0): stored with patient_id NULL, updated by the same
    // key, read with patientId 0 and never among a patient's.
    void workstationAlarmHasNoPatient()
    {
        StoreWriter writer(*m_cache, notPruning());
        QVERIFY(writer.start());
        const int p1 = writer.registerPatient(patient(QStringLiteral("p1")));
        writer.appendAlarm(0, alarm("link-down", kT0, 0, 1, "active", "Broker link down"));
        writer.appendAlarm(p1, alarm("link-down", kT0, 0, 1, "active", "not the workstation's"));
        writer.appendAlarm(0, alarm("link-down", kT0, kT0 + 30 * kSecond, 1, "ended", "Broker link down"));
        // An unregistered patient handle is a programming error: dropped, never a workstation alarm.
        QTest::ignoreMessage(QtCriticalMsg, QRegularExpression(QStringLiteral("unregistered patient handle")));
        writer.appendAlarm(42, alarm("hr-high", kT0, 0, 2, "active"));
        QVERIFY(writer.stop());

        auto reader = StoreReader::open(*m_cache, nullptr);
        const qint64 id1 = reader->patientBySourceKey(QStringLiteral("p1"))->id;
        QCOMPARE(reader->alarms(0, kNone, kAll),
            std::vector<AlarmRecord>{alarm("link-down", kT0, kT0 + 30 * kSecond, 1, "ended", "Broker link down")});
        QCOMPARE(reader->alarms(0, kNone, kAll).front().patientId, qint64{0});
        QCOMPARE(reader->alarms(id1, kNone, kAll),
            std::vector<AlarmRecord>{
                withPatient(alarm("link-down", kT0, 0, 1, "active", "not the workstation's"), id1)});
        QCOMPARE(reader->counts().alarms, qint64{2});
    }

    // alarms(from, to): episodes raised before `to` and ended after `from` or still active.
    void overlapQuery_data()
    {
        QTest::addColumn<core::Timestamp>("from");
        QTest::addColumn<core::Timestamp>("to");
        QTest::addColumn<QStringList>("codes"); // in raisedAt order
        const core::Timestamp s = kSecond;
        // Episodes: a [0, 100), b [50, 150), c [150, ∞), d [200, 260), e [-100, ∞) (times in s from kT0).
        QTest::newRow("everything") << kT0 - 1000 * s << kT0 + 1000 * s << codes("e a b c d");
        QTest::newRow("ended exactly at from is out") << kT0 + 100 * s << kT0 + 120 * s << codes("e b");
        QTest::newRow("ended just after from is in") << kT0 + 100 * s - 1 << kT0 + 120 * s << codes("e a b");
        QTest::newRow("raised exactly at to is out") << kT0 + 160 * s << kT0 + 200 * s << codes("e c");
        QTest::newRow("raised just before to is in") << kT0 + 160 * s << kT0 + 200 * s + 1 << codes("e c d");
        QTest::newRow("active ones long after") << kT0 + 5000 * s << kT0 + 6000 * s << codes("e c");
        QTest::newRow("before any") << kT0 - 1000 * s << kT0 - 100 * s << codes("");
        QTest::newRow("inside one") << kT0 + 10 * s << kT0 + 20 * s << codes("e a");
    }

    void overlapQuery()
    {
        QFETCH(core::Timestamp, from);
        QFETCH(core::Timestamp, to);
        QFETCH(QStringList, codes);
        StoreWriter writer(*m_cache, notPruning());
        QVERIFY(writer.start());
        const int p = writer.registerPatient(patient(QStringLiteral("p1")));
        const core::Timestamp s = kSecond;
        writer.appendAlarm(p, alarm("c", kT0 + 150 * s, 0, 1, "active"));
        writer.appendAlarm(p, alarm("a", kT0, kT0 + 100 * s, 0, "ended"));
        writer.appendAlarm(p, alarm("d", kT0 + 200 * s, kT0 + 260 * s, 2, "ended"));
        writer.appendAlarm(p, alarm("b", kT0 + 50 * s, kT0 + 150 * s, 1, "ended"));
        writer.appendAlarm(p, alarm("e", kT0 - 100 * s, 0, 2, "latched"));
        writer.appendAlarm(0, alarm("store-behind", kT0, 0, 1, "active")); // the workstation's: not the patient's
        QVERIFY(writer.stop());

        auto reader = StoreReader::open(*m_cache, nullptr);
        const qint64 id = reader->patientBySourceKey(QStringLiteral("p1"))->id;
        QStringList got;
        for (const AlarmRecord& a : reader->alarms(id, from, to)) {
            QCOMPARE(a.patientId, id);
            got << a.code;
        }
        QCOMPARE(got, codes);
    }

    // Closed and reopened with the passphrase: the episodes are there, and a new writer (a restart)
    // continues an episode in its row rather than adding one.
    void episodesSurviveReopening()
    {
        {
            StoreWriter writer(*m_cache, notPruning());
            QVERIFY(writer.start());
            const int p = writer.registerPatient(patient(QStringLiteral("p1")));
            writer.appendAlarm(p, alarm("hr-high", kT0, 0, 1, "active", "HR high: 135 /min (limit 130 /min)"));
            writer.appendAlarm(0, alarm("link-down", kT0 + kSecond, 0, 1, "active", "Broker link down"));
            QVERIFY(writer.stop());
        }
        m_cache.reset();
        store::StoreError error;
        m_cache = store::Cache::open(path(), passphrase(), &error);
        QVERIFY2(m_cache, qPrintable(error.message));
        {
            auto reader = StoreReader::open(*m_cache, nullptr);
            const qint64 id = reader->patientBySourceKey(QStringLiteral("p1"))->id;
            QCOMPARE(reader->alarms(id, kNone, kAll),
                std::vector<AlarmRecord>{
                    withPatient(alarm("hr-high", kT0, 0, 1, "active", "HR high: 135 /min (limit 130 /min)"), id)});
            QCOMPARE(reader->alarms(0, kNone, kAll),
                std::vector<AlarmRecord>{alarm("link-down", kT0 + kSecond, 0, 1, "active", "Broker link down")});
        }
        {
            StoreWriter writer(*m_cache, notPruning());
            QVERIFY(writer.start());
            const int p = writer.registerPatient(patient(QStringLiteral("p1")));
            writer.appendAlarm(
                p, alarm("hr-high", kT0, kT0 + 90 * kSecond, 1, "ended", "HR high: 135 /min (limit 130 /min)"));
            QVERIFY(writer.stop());
        }
        auto reader = StoreReader::open(*m_cache, nullptr);
        const qint64 id = reader->patientBySourceKey(QStringLiteral("p1"))->id;
        QCOMPARE(reader->alarms(id, kNone, kAll),
            std::vector<AlarmRecord>{withPatient(
                alarm("hr-high", kT0, kT0 + 90 * kSecond, 1, "ended", "HR high: 135 /min (limit 130 /min)"), id)});
        QCOMPARE(reader->counts().alarms, qint64{2});
    }

    // Retention (30 days of events): an episode goes once it ended before the cutoff, one never
    // ended by its raise time; an imported patient's are kept, the workstation's are pruned too.
    void retentionPrunesEndedEpisodes()
    {
        const core::Timestamp now = kT0 + 40 * kDay;
        StoreWriter::Config config;
        config.clock = [now] { return now; };
        config.retention.stepIntervalUs = 0;
        config.commitIntervalMs = 50;
        StoreWriter writer(*m_cache, config);
        QVERIFY(writer.start());
        const int live = writer.registerPatient(patient(QStringLiteral("live")));
        const int imported = writer.registerPatient(patient(QStringLiteral("imported")), store::PatientOrigin::Import);
        writer.appendAlarm(live, alarm("old-ended", kT0, kT0 + kDay, 1, "ended")); // pruned
        writer.appendAlarm(live, alarm("old-active", kT0, 0, 1, "active")); // pruned (raised 40 days ago)
        writer.appendAlarm(live, alarm("spans-cutoff", kT0 + 9 * kDay, kT0 + 11 * kDay, 1, "ended")); // kept
        writer.appendAlarm(live, alarm("recent", now - kDay, 0, 2, "active")); // kept
        writer.appendAlarm(0, alarm("link-down", kT0, kT0 + kSecond, 1, "ended")); // pruned
        writer.appendAlarm(imported, alarm("imported", kT0, kT0 + kDay, 1, "ended")); // kept

        auto reader = StoreReader::open(*m_cache, nullptr);
        QTRY_VERIFY_WITH_TIMEOUT((writer.appendStatus(live, {}, now), reader->counts().alarms == 3), 10000);
        QVERIFY(writer.stop());
        QStringList kept;
        for (const char* key : {"live", "imported"}) {
            for (const AlarmRecord& a :
                reader->alarms(reader->patientBySourceKey(QString::fromLatin1(key))->id, kNone, kAll))
                kept << a.code;
        }
        QCOMPARE(kept, codes("spans-cutoff recent imported"));
        QVERIFY(reader->alarms(0, kNone, kAll).empty());
    }
};

QTEST_GUILESS_MAIN(TestStoreAlarms)
#include "tst_storealarms.moc"
