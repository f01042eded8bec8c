// Re-authentication before AUDIO OFF: with a real key file (crypto::KeyFile, fast scrypt parameters)
// a wrong passphrase keeps the dialog open with a message and the right one accepts it; a key file
// that cannot be read is reported, not accepted; with no key file (the demo) the words "AUDIO OFF"
// must be typed; nothing accepts the dialog without one of these.

#include "crypto/kdfparams.h"
#include "crypto/keyfile.h"
#include "crypto/securebytes.h"
#include "reauthdialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;

namespace {

const QString kPassphrase = QStringLiteral("harbour violet kettle");

} // namespace

class TestReauthDialog : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_keyPath;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_keyPath = crypto::KeyFile::pathFor(m_dir.filePath(QStringLiteral("cache.db")));
        crypto::SecureBytes dataKey;
        QString error;
        const std::optional<crypto::KeyFile> keyFile = crypto::KeyFile::create(
            crypto::SecureBytes::fromUtf8(kPassphrase), crypto::KdfParams::fast(), dataKey, &error);
        QVERIFY2(keyFile, qPrintable(error));
        QCOMPARE(dataKey.size(), crypto::KeyFile::kDataKeyBytes);
        QVERIFY2(keyFile->save(m_keyPath, &error), qPrintable(error));
    }

    void wrongThenRightPassphrase()
    {
        ui::ReauthDialog dialog(m_keyPath);
        dialog.open();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.needsPassphrase());
        QCOMPARE(dialog.inputField()->echoMode(), QLineEdit::Password);
        QVERIFY(dialog.promptLabel()->text().contains(QStringLiteral("passphrase")));
        QVERIFY(!dialog.confirmButton()->isEnabled()); // nothing typed yet
        QSignalSpy finished(&dialog, &ui::ReauthDialog::attemptFinished);
        QSignalSpy refused(&dialog, &ui::ReauthDialog::refused);

        QTest::keyClicks(dialog.inputField(), QStringLiteral("harbour violet kettel"));
        QVERIFY(dialog.confirmButton()->isEnabled());
        QTest::keyClick(dialog.inputField(), Qt::Key_Return);
        QVERIFY(dialog.isBusy());
        QVERIFY(dialog.inputField()->text().isEmpty()); // the passphrase left the field at once
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QCOMPARE(refused.count(), 1);
        QVERIFY(!dialog.isBusy());
        QVERIFY(dialog.isVisible());
        QVERIFY(!dialog.isVerified());
        QVERIFY(dialog.errorLabel()->isVisible());
        QCOMPARE(dialog.errorLabel()->text(),
            QStringLiteral("The passphrase is not correct. Check it (and Caps Lock) and try again. Audio stays on."));

        // A stray accept() (e.g. from the caller or a default button) does not skip the check.
        dialog.accept();
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));

        QTest::keyClicks(dialog.inputField(), kPassphrase);
        QVERIFY(dialog.errorLabel()->isHidden()); // typing again clears the message
        QTest::mouseClick(dialog.confirmButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
        QCOMPARE(refused.count(), 1);
        QVERIFY(dialog.isVerified());
        QVERIFY(dialog.verifiedByPassphrase());
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(!dialog.isVisible());
    }

    void keyFileThatCannotBeRead()
    {
        ui::ReauthDialog dialog(m_dir.filePath(QStringLiteral("missing.db.key")));
        dialog.open();
        QSignalSpy finished(&dialog, &ui::ReauthDialog::attemptFinished);
        QSignalSpy refused(&dialog, &ui::ReauthDialog::refused);
        QTest::keyClicks(dialog.inputField(), kPassphrase);
        QTest::keyClick(dialog.inputField(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QCOMPARE(refused.count(), 1);
        QVERIFY(dialog.isVisible());
        QVERIFY(!dialog.isVerified());
        QVERIFY(dialog.errorLabel()->text().startsWith(QStringLiteral("The passphrase could not be checked: ")));
        QVERIFY(dialog.errorLabel()->text().endsWith(QStringLiteral("Audio stays on.")));
    }

    void cancelWhileChecking()
    {
        ui::ReauthDialog dialog(m_keyPath);
        dialog.open();
        QSignalSpy finished(&dialog, &ui::ReauthDialog::attemptFinished);
        QTest::keyClicks(dialog.inputField(), kPassphrase);
        QTest::keyClick(dialog.inputField(), Qt::Key_Return);
        QVERIFY(dialog.isBusy());
        dialog.reject();
        QVERIFY(!dialog.isVisible());
        // The check finishes in the background and is ignored: the dialog stays rejected.
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), 30000);
        QCOMPARE(finished.count(), 0);
        QVERIFY(!dialog.isVerified());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
    }

    void demoAsksForTheWords()
    {
        ui::ReauthDialog dialog{QString()};
        dialog.open();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(!dialog.needsPassphrase());
        QCOMPARE(dialog.inputField()->echoMode(), QLineEdit::Normal);
        // It says why: there is no passphrase to check.
        QVERIFY(dialog.promptLabel()->text().contains(QStringLiteral("no passphrase")));
        QVERIFY(dialog.promptLabel()->text().contains(QStringLiteral("AUDIO OFF")));
        QCOMPARE(ui::ReauthDialog::confirmationWords(), QStringLiteral("AUDIO OFF"));
        QVERIFY(!dialog.confirmButton()->isEnabled());

        QTest::keyClicks(dialog.inputField(), QStringLiteral("AUDIO"));
        QVERIFY(!dialog.confirmButton()->isEnabled());
        QTest::keyClick(dialog.inputField(), Qt::Key_Return); // Enter does not confirm half the words
        QVERIFY(dialog.isVisible());
        QTest::keyClicks(dialog.inputField(), QStringLiteral(" OF"));
        QVERIFY(!dialog.confirmButton()->isEnabled());
        dialog.inputField()->setText(QStringLiteral("audio off"));
        QVERIFY(dialog.confirmButton()->isEnabled()); // letter case is forgiven
        dialog.inputField()->setText(QStringLiteral("AUDIO OFF NOW"));
        QVERIFY(!dialog.confirmButton()->isEnabled());
        dialog.inputField()->setText(QStringLiteral(" AUDIO  OFF "));
        QVERIFY(dialog.confirmButton()->isEnabled());

        QSignalSpy finished(&dialog, &ui::ReauthDialog::attemptFinished);
        QTest::keyClick(dialog.inputField(), Qt::Key_Return);
        QCOMPARE(finished.count(), 1);
        QVERIFY(dialog.isVerified());
        QVERIFY(!dialog.verifiedByPassphrase());
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void cancelIsNotAcceptance()
    {
        ui::ReauthDialog dialog{QString()};
        dialog.open();
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(!dialog.isVerified());
    }
};

QTEST_MAIN(TestReauthDialog)
#include "tst_reauthdialog.moc"
