// First-run setup: the passphrase rules are on the screen, "Create cache" stays disabled until the
// passphrase is acceptable and typed twice the same, and accepting creates a real encrypted cache
// that opens with that passphrase (fast key derivation through the test hook).

#include "cachesetupdialog.h"
#include "crypto/kdfparams.h"
#include "crypto/passphrasepolicy.h"
#include "crypto/securebytes.h"
#include "store/cache.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;

namespace {
const QString kGood = QStringLiteral("harbour violet kettle");
}

class TestCacheSetupDialog : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    QString path(const QString& name) const { return m_dir.filePath(name); }

    static void type(QLineEdit* field, const QString& text)
    {
        field->clear();
        QTest::keyClicks(field, text);
    }

private Q_SLOTS:
    void rulesAreShown()
    {
        ui::CacheSetupDialog dialog(path(QStringLiteral("rules.vigil")));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto* rules = dialog.findChild<QLabel*>(QStringLiteral("rules"));
        QVERIFY(rules);
        QVERIFY(rules->isVisible());
        const QStringList expected = crypto::PassphrasePolicy::rules();
        QVERIFY(!expected.isEmpty());
        for (const QString& rule : expected)
            QVERIFY2(rules->text().contains(rule.toHtmlEscaped()), qPrintable(rule));
        QVERIFY(!dialog.createButton()->isEnabled());
        // Keyboard: the passphrase field has the focus when the dialog opens.
        QTRY_COMPARE(QApplication::focusWidget(), dialog.passphraseField());
    }

    void shortPassphraseIsRefused()
    {
        ui::CacheSetupDialog dialog(path(QStringLiteral("short.vigil")));
        dialog.show();
        type(dialog.passphraseField(), QStringLiteral("short"));
        type(dialog.confirmationField(), QStringLiteral("short"));
        QVERIFY(!dialog.createButton()->isEnabled());
        // What is wrong is shown as they type, in the policy's words.
        const QStringList problems = crypto::PassphrasePolicy::problems(QStringLiteral("short"));
        QVERIFY(!problems.isEmpty());
        QVERIFY2(dialog.problemsLabel()->text().contains(problems.first().toHtmlEscaped()),
            qPrintable(dialog.problemsLabel()->text()));
    }

    void mismatchingConfirmationIsRefused()
    {
        ui::CacheSetupDialog dialog(path(QStringLiteral("mismatch.vigil")));
        dialog.show();
        type(dialog.passphraseField(), kGood);
        type(dialog.confirmationField(), kGood + QStringLiteral("s"));
        QVERIFY(!dialog.createButton()->isEnabled());
        QVERIFY(!dialog.canCreate());
        dialog.accept(); // refused while they differ
        QVERIFY(!dialog.isBusy());
        QVERIFY(!QFile::exists(path(QStringLiteral("mismatch.vigil"))));
    }

    void goodPassphraseEnablesCreate()
    {
        ui::CacheSetupDialog dialog(path(QStringLiteral("good.vigil")));
        dialog.show();
        type(dialog.passphraseField(), kGood);
        QVERIFY(!dialog.createButton()->isEnabled()); // not confirmed yet
        type(dialog.confirmationField(), kGood);
        QVERIFY(dialog.createButton()->isEnabled());
    }

    void acceptingCreatesACacheThatOpens()
    {
        const QString cachePath = path(QStringLiteral("created.vigil"));
        ui::CacheSetupDialog dialog(cachePath);
        dialog.setKdfParamsForTesting(crypto::KdfParams::fast());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        dialog.passphraseField()->setFocus();
        QTest::keyClicks(dialog.passphraseField(), kGood);
        QTest::keyClick(dialog.passphraseField(), Qt::Key_Tab);
        QTest::keyClicks(QApplication::focusWidget(), kGood);
        QCOMPARE(QApplication::focusWidget(), dialog.confirmationField());
        QTest::keyClick(dialog.confirmationField(), Qt::Key_Return); // the default button: Create cache
        QTRY_COMPARE(accepted.count(), 1);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(dialog.passphraseField()->text().isEmpty()); // not kept in the widget
        std::unique_ptr<store::Cache> cache = dialog.takeCache();
        QVERIFY(cache);
        QVERIFY(cache->isEncrypted());
        cache.reset();
        QVERIFY(QFile::exists(cachePath));
        QVERIFY(QFile::exists(store::Cache::keyFilePath(cachePath)));

        store::StoreError error;
        QVERIFY(
            !store::Cache::open(cachePath, crypto::SecureBytes::fromUtf8(QStringLiteral("wrong words here")), &error));
        QCOMPARE(error.kind, store::StoreError::Kind::WrongPassphrase);
        std::unique_ptr<store::Cache> reopened =
            store::Cache::open(cachePath, crypto::SecureBytes::fromUtf8(kGood), &error);
        QVERIFY2(reopened, qPrintable(error.message));
    }
};

QTEST_MAIN(TestCacheSetupDialog)
#include "tst_cachesetupdialog.moc"
