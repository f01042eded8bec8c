// Per-patient alarm limits survive a restart: saved into a real encrypted cache's settings, read
// back equal; a damaged stored set is counted and left out (that patient gets the defaults).
#include "clinical/alarmlimits.h"
#include "ingest/storedalarmlimits.h"
#include "store/cache.h"
#include "store/storeerror.h"
#include "store/storereader.h"
#include "store/storewriter.h"

#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using clinical::AlarmLimits;

class TestStoredAlarmLimits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void limitsSurviveARestart()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        store::StoreError error;
        auto cache = store::Cache::createEphemeral(dir.filePath(QStringLiteral("limits.vigil")), &error);
        QVERIFY2(cache, qPrintable(error.message));

        AlarmLimits copd = AlarmLimits::defaults(AlarmLimits::Programme::Copd);
        // A clinician's own SpO2 limits for this patient: HIGH below 82, MEDIUM below 85 after 60 s.
        copd.setRules(core::VitalKind::SpO2, AlarmLimits::Direction::Below,
            {{core::VitalKind::SpO2, AlarmLimits::Direction::Below, 82, clinical::AlarmPriority::Level::High, 0},
                {core::VitalKind::SpO2, AlarmLimits::Direction::Below, 85, clinical::AlarmPriority::Level::Medium,
                    60}});
        QVERIFY2(copd.problems().isEmpty(), qPrintable(copd.problems().join(u';')));
        const AlarmLimits heart = AlarmLimits::defaults(AlarmLimits::Programme::HeartFailure);
        {
            store::StoreWriter writer(*cache);
            QVERIFY(writer.start(&error));
            ingest::StoredAlarmLimits::save(
                writer, QStringLiteral("p-copd"), AlarmLimits::defaults(AlarmLimits::Programme::General));
            ingest::StoredAlarmLimits::save(writer, QStringLiteral("p-copd"), copd); // replaces
            ingest::StoredAlarmLimits::save(writer, QStringLiteral("p-hf"), heart);
            writer.setSetting(
                QStringLiteral("alarm-limits/p-damaged"), QStringLiteral("{\"format\":\"vigil-alarm-limits\""));
            writer.setSetting(
                QStringLiteral("alarm-limits/p-wrong"), QStringLiteral("{\"format\":\"something else\"}"));
            QVERIFY(writer.stop());
        }
        auto reader = store::StoreReader::open(*cache, &error);
        QVERIFY2(reader, qPrintable(error.message));
        int unreadable = -1;
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("stored alarm limits could not be read")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("stored alarm limits could not be read")));
        const auto limits = ingest::StoredAlarmLimits::load(*reader, &unreadable);
        QCOMPARE(unreadable, 2);
        QCOMPARE(limits.size(), std::size_t{2});
        QVERIFY(limits.at(QStringLiteral("p-copd")) == copd);
        QCOMPARE(limits.at(QStringLiteral("p-copd")).programme(), AlarmLimits::Programme::Copd);
        QVERIFY(limits.at(QStringLiteral("p-hf")) == heart);
        QVERIFY(!(limits.at(QStringLiteral("p-copd")) == AlarmLimits::defaults(AlarmLimits::Programme::Copd)));
    }
};

QTEST_GUILESS_MAIN(TestStoredAlarmLimits)
#include "tst_storedalarmlimits.moc"
