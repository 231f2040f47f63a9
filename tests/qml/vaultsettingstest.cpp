// SPDX-License-Identifier: GPL-3.0-or-later
// The settings kept in the vault and its keys: the passphrase changes only with the current one
// (checked on the vault thread), and a backup restores into an empty folder only, proved to open,
// while the vault in use stays open.
#include "sessiontestutil.h"
#include "vaultsettings.h"
#include "workspace.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString &pass = guitest::passphraseText;
const QString newPass = u"a different long passphrase"_s;

} // namespace

class VaultSettingsTest : public guitest::SessionTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        startTestCase();
    }

    void thePassphraseChangesOnlyWithTheCurrentOne()
    {
        VaultSession session(nullptr);
        guitest::unlockWithTwoClients(session, freshDir());
        QSignalSpy changed(session.workspace()->settings(), &VaultSettings::passphraseChanged);
        QSignalSpy failed(session.workspace()->settings(), &VaultSettings::failed);
        session.workspace()->settings()->changePassphrase(pass, newPass, newPass + u"x"_s);
        QCOMPARE(failed.count(), 1); // refused at once
        session.workspace()->settings()->changePassphrase(u"wrong current passphrase"_s, newPass, newPass);
        QVERIFY(failed.wait(10000));
        QCOMPARE(guitest::messageOf(failed), u"The current passphrase is not right."_s);
        session.workspace()->settings()->changePassphrase(pass, newPass, newPass);
        QVERIFY(changed.wait(10000));

        session.lock();
        QSignalSpy wrong(&session, &VaultSession::failed);
        QSignalSpy unlocked(&session, &VaultSession::unlocked);
        session.unlock(u"alice"_s, pass);
        QVERIFY(wrong.wait(10000));
        session.unlock(u"alice"_s, newPass);
        QVERIFY(unlocked.wait(10000));
    }

    void aBackupRestoresIntoAnEmptyFolderOnly()
    {
        VaultSession session(nullptr);
        guitest::unlockWithTwoClients(session, freshDir());
        const QString file = m_dir.filePath(u"backup.ucbackup"_s);
        QSignalSpy written(session.workspace()->settings(), &VaultSettings::backupWritten);
        session.workspace()->settings()->backupTo(file);
        QVERIFY(written.wait(20000));
        QVERIFY(QFile::exists(file));
        QSignalSpy backupFailed(session.workspace()->settings(), &VaultSettings::failed);
        session.workspace()->settings()->backupTo(file);
        QCOMPARE(backupFailed.count(), 1); // never over an existing file

        QSignalSpy restored(session.workspace()->settings(), &VaultSettings::restored);
        QSignalSpy restoreFailed(session.workspace()->settings(), &VaultSettings::failed);
        const QString full = freshDir();
        QDir().mkpath(full);
        QFile stray(full + u"/stray.txt"_s);
        QVERIFY(stray.open(QIODevice::WriteOnly));
        stray.close();
        session.workspace()->settings()->restoreBackup(file, full, u"alice"_s, pass);
        QCOMPARE(restoreFailed.count(), 1);
        QVERIFY(guitest::messageOf(restoreFailed).contains(u"empty"_s));

        const QString into = freshDir();
        session.workspace()->settings()->restoreBackup(file, into, u"alice"_s, u"wrong passphrase here"_s);
        QVERIFY(restoreFailed.wait(20000));
        QVERIFY(!QFileInfo::exists(into + u"/keyslots.json"_s));
        session.workspace()->settings()->restoreBackup(file, into, u"alice"_s, pass);
        QVERIFY(restored.wait(20000));
        QCOMPARE(restored.last().first().toString(), into);
        QVERIFY(QFileInfo::exists(into + u"/keyslots.json"_s));
        QVERIFY(session.isUnlocked()); // the open vault is still the one in use
    }
};

QTEST_MAIN(VaultSettingsTest)
#include "vaultsettingstest.moc"
