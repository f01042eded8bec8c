// `vigilctl import` end to end: the real binary imports real WFDB, EDF+, FHIR and HL7 v2 files into an
// encrypted cache (--json), the cache is then read in-process; a bad file fails (exit 1) without
// stopping the others; usage errors and a wrong passphrase change nothing.

#include "ctlrunner.h"
#include "store/cache.h"
#include "store/storereader.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using integration::CtlResult;
using integration::CtlRunner;

namespace {

const QByteArray kPassphrase = QByteArrayLiteral("harbour lantern copper 47");
const QByteArray kWrong = QByteArrayLiteral("harbour lantern copper 48");

QString dataPath(const QString& name)
{
    return QStringLiteral(VIGIL_SOURCE_DIR "/tests/models/codec/data/") + name;
}

QJsonObject fileReport(const QJsonObject& result, const QString& name)
{
    for (const QJsonValue& v : result.value(QStringLiteral("files")).toArray()) {
        if (v.toObject().value(QStringLiteral("file")).toString() == name)
            return v.toObject();
    }
    return {};
}

} // namespace

class TestImport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_pass;
    QString m_wrongPass;

    [[nodiscard]] QString path(const QString& name) const { return m_dir.filePath(name); }

    QStringList with(QStringList arguments, const QString& cache, const QString& passFile) const
    {
        arguments << QStringLiteral("--cache") << cache << QStringLiteral("--passphrase-file") << passFile;
        return arguments;
    }

    QString newCache(const QString& name)
    {
        const QString cache = path(name);
        const CtlResult init = CtlRunner::run(
            with({QStringLiteral("cache"), QStringLiteral("init"), QStringLiteral("--kdf"), QStringLiteral("fast")},
                cache, m_pass));
        if (!init.exitedWith(0))
            qWarning("cache init failed: %s", init.describe().constData());
        return cache;
    }

    std::unique_ptr<store::Cache> open(const QString& cache)
    {
        store::StoreError error;
        auto c = store::Cache::open(cache, crypto::SecureBytes::fromUtf8(QString::fromUtf8(kPassphrase)), &error);
        if (!c)
            qWarning("cannot open the cache: %s", qPrintable(error.message));
        return c;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_pass = path(QStringLiteral("pass.txt"));
        m_wrongPass = path(QStringLiteral("wrong.txt"));
        QVERIFY(CtlRunner::writePassphraseFile(m_pass, kPassphrase));
        QVERIFY(CtlRunner::writePassphraseFile(m_wrongPass, kWrong));
    }

    void importsEveryKind()
    {
        const QString cache = newCache(QStringLiteral("kinds.vigil"));
        const CtlResult r = CtlRunner::run(
            with({QStringLiteral("import"), QStringLiteral("--json"), dataPath(QStringLiteral("100.hea")),
                     dataPath(QStringLiteral("multi-segment/041s/041s.hea")),
                     dataPath(QStringLiteral("edf/test_edfann.edf")),
                     dataPath(QStringLiteral("fhir/observation-example-sample-data.json")),
                     dataPath(QStringLiteral("hl7v2/batch/python-hl7-sample_file1.hl7"))},
                cache, m_pass),
            {}, 120000);
        QVERIFY2(r.exitedWith(0), r.describe().constData());
        const QJsonObject json = r.json();
        QCOMPARE(json.value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(json.value(QStringLiteral("files")).toArray().size(), 5);

        const QJsonObject mitbih = fileReport(json, QStringLiteral("100.hea"));
        QCOMPARE(mitbih.value(QStringLiteral("kind")).toString(), QStringLiteral("wfdb"));
        QCOMPARE(mitbih.value(QStringLiteral("status")).toString(), QStringLiteral("imported"));
        QCOMPARE(mitbih.value(QStringLiteral("patients")).toInt(), 1);
        QCOMPARE(mitbih.value(QStringLiteral("samples")).toInteger(), 1'300'000);
        QCOMPARE(mitbih.value(QStringLiteral("annotations")).toInteger(), 2274);
        QCOMPARE(fileReport(json, QStringLiteral("041s.hea")).value(QStringLiteral("samples")).toInteger(), 32000);
        const QJsonObject edf = fileReport(json, QStringLiteral("test_edfann.edf"));
        QCOMPARE(edf.value(QStringLiteral("kind")).toString(), QStringLiteral("edf"));
        QCOMPARE(edf.value(QStringLiteral("annotations")).toInteger(), 856);
        const QJsonObject fhir = fileReport(json, QStringLiteral("observation-example-sample-data.json"));
        QCOMPARE(fhir.value(QStringLiteral("kind")).toString(), QStringLiteral("fhir"));
        QCOMPARE(fhir.value(QStringLiteral("samples")).toInteger(), 348);
        const QJsonObject hl7 = fileReport(json, QStringLiteral("python-hl7-sample_file1.hl7"));
        QCOMPARE(hl7.value(QStringLiteral("kind")).toString(), QStringLiteral("hl7v2"));
        QCOMPARE(hl7.value(QStringLiteral("messages")).toInteger(), 3);
        QCOMPARE(json.value(QStringLiteral("samples_committed")).toInteger(), 1'300'000 + 32'000 + 348);
        // File names only, never the directories they came from.
        QVERIFY(!r.out.contains(QFile::encodeName(QStringLiteral(VIGIL_SOURCE_DIR))));

        auto c = open(cache);
        QVERIFY(c);
        store::StoreError error;
        auto reader = store::StoreReader::open(*c, &error);
        QVERIFY2(reader, qPrintable(error.message));
        const auto patients = reader->patients();
        QCOMPARE(patients.size(), std::size_t(5));
        for (const auto& p : patients) {
            QCOMPARE(p.origin, store::PatientOrigin::Import);
            QVERIFY(p.identity.id.startsWith(QStringLiteral("import:")));
        }
        const auto record = reader->patientBySourceKey(QStringLiteral("import:100"));
        QVERIFY(record);
        QCOMPARE(record->identity.familyName, QStringLiteral("IMPORTED"));
        QCOMPARE(reader->annotations(record->id, 0, std::numeric_limits<qint64>::max()).size(), std::size_t(2274));
        QCOMPARE(reader->counts().annotations, qint64(2274 + 856));
        QCOMPARE(reader->counts().samples, qint64(1'300'000 + 32'000 + 348));
        QCOMPARE(reader->database().queryInt("SELECT count(*) FROM audit_log WHERE action = 'import.file'"), qint64(5));
        reader.reset();
        c.reset();

        // The audit chain is intact, and the text output names every file.
        const CtlResult audit =
            CtlRunner::run(with({QStringLiteral("audit"), QStringLiteral("verify")}, cache, m_pass));
        QVERIFY2(audit.exitedWith(0), audit.describe().constData());
        const CtlResult text = CtlRunner::run(
            with({QStringLiteral("import"), dataPath(QStringLiteral("scipy_ecg_208.hea"))}, cache, m_pass));
        QVERIFY2(text.exitedWith(0), text.describe().constData());
        QVERIFY(text.out.contains("scipy_ecg_208.hea: wfdb, imported; 1 patient(s), 108000 samples"));
    }

    void badFileFailsOthersImported()
    {
        const QString cache = newCache(QStringLiteral("bad.vigil"));
        const QString broken = path(QStringLiteral("broken.json"));
        QFile file(broken);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{ \"resourceType\": ");
        file.close();
        const CtlResult r =
            CtlRunner::run(with({QStringLiteral("import"), QStringLiteral("--json"), broken,
                                    dataPath(QStringLiteral("scipy_ecg_208.hea")), dataPath(QStringLiteral("100.atr"))},
                cache, m_pass));
        QVERIFY2(r.exitedWith(1), r.describe().constData());
        const QJsonObject json = r.json();
        QCOMPARE(json.value(QStringLiteral("ok")).toBool(), false);
        const QJsonObject bad = fileReport(json, QStringLiteral("broken.json"));
        QCOMPARE(bad.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
        QVERIFY(!bad.value(QStringLiteral("problems")).toArray().isEmpty());
        QCOMPARE(fileReport(json, QStringLiteral("scipy_ecg_208.hea")).value(QStringLiteral("status")).toString(),
            QStringLiteral("imported"));
        QCOMPARE(fileReport(json, QStringLiteral("100.atr")).value(QStringLiteral("status")).toString(),
            QStringLiteral("skipped"));
        QVERIFY(!r.out.contains(QFile::encodeName(m_dir.path())));

        auto c = open(cache);
        QVERIFY(c);
        auto reader = store::StoreReader::open(*c, nullptr);
        QVERIFY(reader);
        QCOMPARE(reader->counts().samples, qint64(108000));
        QCOMPARE(reader->counts().quarantine, qint64(1));
        QCOMPARE(reader->database().queryText("SELECT source FROM quarantine"), QStringLiteral("file:broken.json"));
    }

    void usageAndPassphraseErrorsChangeNothing()
    {
        const QString cache = newCache(QStringLiteral("untouched.vigil"));
        const QByteArray hash = CtlRunner::fileHash(cache);
        const CtlResult noFiles = CtlRunner::run(with({QStringLiteral("import")}, cache, m_pass));
        QVERIFY2(noFiles.exitedWith(2), noFiles.describe().constData());
        const CtlResult badOption =
            CtlRunner::run(with({QStringLiteral("import"), QStringLiteral("--no-such-option")}, cache, m_pass));
        QVERIFY2(badOption.exitedWith(2), badOption.describe().constData());
        const CtlResult wrong =
            CtlRunner::run(with({QStringLiteral("import"), dataPath(QStringLiteral("100.hea"))}, cache, m_wrongPass));
        QVERIFY2(wrong.exitedWith(1), wrong.describe().constData());
        QCOMPARE(CtlRunner::fileHash(cache), hash);
        const CtlResult help = CtlRunner::run({QStringLiteral("help")});
        QVERIFY(help.out.contains("import FILE"));
    }
};

QTEST_GUILESS_MAIN(TestImport)
#include "tst_import.moc"
