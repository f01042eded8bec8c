// The unlock screen at start: a wrong passphrase says so, writes nothing and lets the clinician try
// again; the right one opens the cache; a file that is not a cache (or has lost its key file) gets
// the offer to move it aside, which renames it and keeps its bytes.

#include "crypto/kdfparams.h"
#include "crypto/securebytes.h"
#include "store/cache.h"
#include "unlockdialog.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;

namespace {

const QString kPassphrase = QStringLiteral("harbour violet kettle");

// Every file in `dir` (name → SHA-256 of its bytes).
QMap<QString, QByteArray> hashes(const QString& dir)
{
    QMap<QString, QByteArray> out;
    for (const QFileInfo& info : QDir(dir).entryInfoList(QDir::Files)) {
        QFile file(info.absoluteFilePath());
        if (file.open(QIODevice::ReadOnly))
            out.insert(info.fileName(), QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256));
    }
    return out;
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestUnlockDialog : public QObject
{
    Q_OBJECT
private:
    // A real cache (fast key derivation) in a fresh folder of its own.
    static QString makeCache(const QTemporaryDir& dir)
    {
        const QString path = dir.filePath(QStringLiteral("cache.vigil"));
        store::StoreError error;
        auto cache =
            store::Cache::create(path, crypto::SecureBytes::fromUtf8(kPassphrase), crypto::KdfParams::fast(), &error);
        if (!cache)
            qWarning("cannot create the test cache: %s", qPrintable(error.message));
        return path;
    }

    static void attempt(ui::UnlockDialog& dialog, const QString& passphrase)
    {
        QSignalSpy finished(&dialog, &ui::UnlockDialog::attemptFinished);
        dialog.passphraseField()->setFocus();
        QTest::keyClicks(dialog.passphraseField(), passphrase);
        QTest::keyClick(dialog.passphraseField(), Qt::Key_Return);
        QVERIFY(QTest::qWaitFor([&] { return finished.count() == 1; }, 10000));
    }

private Q_SLOTS:
    void wrongPassphraseWritesNothingAndAllowsRetry()
    {
        QTemporaryDir dir;
        const QString path = makeCache(dir);
        const auto before = hashes(dir.path());
        QVERIFY(before.contains(QStringLiteral("cache.vigil")));
        QVERIFY(before.contains(QStringLiteral("cache.vigil.key")));

        ui::UnlockDialog dialog(path);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        attempt(dialog, QStringLiteral("wrong words entirely"));
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.outcome(), ui::UnlockDialog::Outcome::Pending);
        QVERIFY(dialog.errorLabel()->isVisible());
        QVERIFY2(dialog.errorLabel()->text().startsWith(QStringLiteral("The passphrase is not correct")),
            qPrintable(dialog.errorLabel()->text()));
        QVERIFY(dialog.passphraseField()->text().isEmpty());
        QCOMPARE(hashes(dir.path()), before);

        // And again, with the right one.
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        attempt(dialog, kPassphrase);
        QCOMPARE(accepted.count(), 1);
        QCOMPARE(dialog.outcome(), ui::UnlockDialog::Outcome::Unlocked);
        std::unique_ptr<store::Cache> cache = dialog.takeCache();
        QVERIFY(cache);
        QCOMPARE(cache->path(), path);
    }

    void notACacheIsOfferedToBeMovedAside()
    {
        QTemporaryDir dir;
        const QString path = makeCache(dir);
        // Not a database any more (the key file still unwraps).
        QByteArray junk;
        for (int i = 0; i < 512; ++i)
            junk += "this is not a Vigil cache. ";
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(junk);
        }
        const QByteArray key = readAll(store::Cache::keyFilePath(path));

        ui::UnlockDialog dialog(path);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        attempt(dialog, kPassphrase);
        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.isShowingProblem());
        QVERIFY(dialog.moveAsideButton()->isVisible());
        QVERIFY(dialog.problemLabel()->isVisible());
        QCOMPARE(readAll(path), junk); // untouched until the clinician agrees

        QSignalSpy accepted(&dialog, &QDialog::accepted);
        QTest::mouseClick(dialog.moveAsideButton(), Qt::LeftButton);
        QCOMPARE(accepted.count(), 1);
        QCOMPARE(dialog.outcome(), ui::UnlockDialog::Outcome::StartNewCache);
        QVERIFY(!dialog.takeCache());
        const QString moved = dialog.movedAsidePath();
        QVERIFY(!moved.isEmpty());
        QVERIFY(!QFile::exists(path));
        QVERIFY(!QFile::exists(store::Cache::keyFilePath(path)));
        QCOMPARE(readAll(moved), junk);
        QCOMPARE(readAll(moved + QStringLiteral(".key")), key);
    }

    void missingKeyFileIsOfferedToBeMovedAside()
    {
        QTemporaryDir dir;
        const QString path = makeCache(dir);
        QVERIFY(QFile::remove(store::Cache::keyFilePath(path)));
        const QByteArray bytes = readAll(path);
        ui::UnlockDialog dialog(path);
        dialog.show();
        attempt(dialog, kPassphrase);
        QVERIFY(dialog.isShowingProblem());
        QVERIFY(dialog.moveAsideButton()->isVisible());
        QCOMPARE(readAll(path), bytes);
    }

    void quitting()
    {
        QTemporaryDir dir;
        const QString path = makeCache(dir);
        ui::UnlockDialog dialog(path);
        dialog.show();
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QCOMPARE(dialog.outcome(), ui::UnlockDialog::Outcome::Quit);
    }
};

QTEST_MAIN(TestUnlockDialog)
#include "tst_unlockdialog.moc"
