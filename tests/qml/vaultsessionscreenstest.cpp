// SPDX-License-Identifier: GPL-3.0-or-later
// VaultSession's calls for patterns, review with client, search and settings: each answers later
// through a signal (the GUI thread never waits); review mode shows one client and is left only
// with the right passphrase; search highlights what matched; a malformed codebook edit is refused
// with its reason and changes nothing; the passphrase, backup and restore work end to end.
#include "guitestutil.h"
#include "vaultsession.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString pass = u"correct horse battery staple"_s;
const QString newPass = u"a different long passphrase"_s;

int rowOf(const QAbstractItemModel &model, int role, const QString &value)
{
    for (int i = 0; i < model.rowCount(); ++i) {
        if (model.data(model.index(i, 0), role).toString() == value)
            return i;
    }
    return -1;
}

} // namespace

class VaultSessionScreensTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;

    QString freshDir() { return m_dir.filePath(u"vault%1"_s.arg(++m_n)); }

    // A vault with two clients and a few notes, made through the core, then unlocked by session.
    void openVault(VaultSession &session)
    {
        const QString dir = freshDir();
        {
            auto vault = guitest::createVault(dir);
            guitest::addClient(*vault, u"C-0001"_s, u"Ann Example"_s);
            guitest::addClient(*vault, u"C-0002"_s, u"Bea Example"_s);
            guitest::addSession(*vault, u"C-0001"_s, u"2025-01-06"_s, guitest::abandonedText);
            guitest::addSession(*vault, u"C-0001"_s, u"2025-01-13"_s, guitest::abandonedText);
            guitest::addSession(*vault, u"C-0002"_s, u"2025-01-07"_s, guitest::anxiousText);
        }
        session.setKdfCost(uc::vault::KdfCost::testOnly());
        session.setVaultDir(dir);
        QSignalSpy unlocked(&session, &VaultSession::unlocked);
        session.unlock(u"alice"_s, pass);
        QVERIFY(unlocked.wait(10000));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QVERIFY(m_dir.isValid());
    }

    void patternsArriveLaterOnTheWorker()
    {
        VaultSession session(nullptr);
        openVault(session);
        QSignalSpy loaded(&session, &VaultSession::patternsLoaded);
        session.loadPatterns(u"C-0001"_s, u"week"_s, QString(), QString());
        QCOMPARE(loaded.count(), 0);
        QVERIFY(session.patterns()->loading());
        QVERIFY(loaded.wait(10000));
        QCOMPARE(loaded.last().first().toString(), u"C-0001"_s);
        QVERIFY(!session.patterns()->loading());
        QCOMPARE(session.patterns()->name(), u"Ann Example"_s);
        QCOMPARE(session.patterns()->by(), u"week"_s);
        QVERIFY(rowOf(*session.patterns()->themes(), PatternThemeModel::ThemeRole, u"abandonment-driven-use"_s) >= 0);

        // A malformed date reaches the banner, in words, with nothing private in it.
        QSignalSpy banner(&session, &VaultSession::errorOccurred);
        session.loadPatterns(u"C-0001"_s, u"week"_s, u"2025-13-01"_s, QString());
        QVERIFY(banner.wait(10000));
        QCOMPARE(session.errorMessage(), u"Patterns: the from date must be a real date written as YYYY-MM-DD."_s);
        QCOMPARE(session.patterns()->name(), u"Ann Example"_s); // the last good answer stays

        session.lock();
        QCOMPARE(session.patterns()->code(), QString());
        QCOMPARE(session.patterns()->themes()->rowCount(), 0);
    }

    void reviewModeShowsOneClientAndNeedsThePassphraseToLeave()
    {
        VaultSession session(nullptr);
        openVault(session);
        QSignalSpy saved(&session, &VaultSession::summarySaved);
        session.saveSummary(u"C-0001"_s, u"  Coming every week; noticing what happens before a drink.  "_s);
        QVERIFY(saved.wait(10000));
        QSignalSpy summary(&session, &VaultSession::summaryLoaded);
        session.loadSummary(u"C-0001"_s);
        QVERIFY(summary.wait(10000));
        QCOMPARE(summary.last().at(1).toString(), u"Coming every week; noticing what happens before a drink."_s);

        QSignalSpy mode(&session, &VaultSession::reviewModeChanged);
        QSignalSpy loaded(&session, &VaultSession::patternsLoaded);
        session.startReview(u"C-0001"_s);
        QVERIFY(session.reviewMode());
        QVERIFY(loaded.wait(10000));
        QCOMPARE(session.patterns()->code(), u"C-0001"_s);
        QCOMPARE(session.patterns()->by(), u"month"_s);
        QCOMPARE(session.patterns()->summary(), u"Coming every week; noticing what happens before a drink."_s);

        // Nothing about another client, and no search, while the client is looking.
        session.loadPatterns(u"C-0002"_s, u"month"_s, QString(), QString());
        session.searchNotes(u"anxious"_s);
        QVERIFY(!session.busy());
        QCOMPARE(session.patterns()->code(), u"C-0001"_s);

        QSignalSpy refused(&session, &VaultSession::reviewLeaveFailed);
        session.leaveReview(u"not my passphrase"_s);
        QVERIFY(session.reviewMode()); // nothing decided on this thread
        QVERIFY(refused.wait(10000));
        QCOMPARE(refused.last().first().toString(), u"That passphrase is not right."_s);
        QVERIFY(session.reviewMode());
        session.leaveReview(QString());
        QCOMPARE(refused.count(), 2);
        QVERIFY(session.reviewMode());

        session.leaveReview(pass);
        QTRY_VERIFY_WITH_TIMEOUT(!session.reviewMode(), 10000);
        QCOMPARE(mode.count(), 2);
        QVERIFY(session.isUnlocked()); // the open vault was never touched
    }

    void wrongPassphrasesInReviewModeMakeEachTryWait()
    {
        VaultSession session(nullptr);
        openVault(session);
        session.startReview(u"C-0001"_s);
        QSignalSpy refused(&session, &VaultSession::reviewLeaveFailed);
        for (int i = 1; i <= 5; ++i) {
            session.leaveReview(u"a guess"_s);
            QTRY_COMPARE_WITH_TIMEOUT(refused.count(), i, 10000);
            QCOMPARE(refused.last().first().toString(), u"That passphrase is not right."_s);
        }
        QCOMPARE(session.failedUnlocks(), 5);
        QCOMPARE(session.retryDelay(), VaultSession::unlockDelaySeconds(5));
        QVERIFY(session.retryDelay() > 0);
        // While the delay runs, even the right passphrase is not tried.
        session.leaveReview(pass);
        QCOMPARE(refused.count(), 6);
        QVERIFY(refused.last().first().toString().startsWith(u"Too many wrong passphrases"_s));
        QVERIFY(!session.busy());
        QVERIFY(session.reviewMode());
        QTRY_COMPARE_WITH_TIMEOUT(session.retryDelay(), 0, 15000);
        session.leaveReview(pass);
        QTRY_VERIFY_WITH_TIMEOUT(!session.reviewMode(), 10000);
        QCOMPARE(session.failedUnlocks(), 0);
    }

    void aLockEndsReviewMode()
    {
        VaultSession session(nullptr);
        openVault(session);
        session.startReview(u"C-0001"_s);
        QVERIFY(session.reviewMode());
        session.lock();
        QVERIFY(!session.reviewMode());
        QCOMPARE(session.patterns()->code(), QString());
    }

    void searchHighlightsWhatMatched()
    {
        VaultSession session(nullptr);
        openVault(session);
        QSignalSpy done(&session, &VaultSession::searchFinished);
        session.searchNotes(u"abandoned"_s);
        QCOMPARE(done.count(), 0);
        QVERIFY(done.wait(10000));
        SearchResultModel *results = session.searchResults();
        QCOMPARE(results->count(), 2);
        QCOMPARE(results->query(), u"abandoned"_s);
        const QModelIndex first = results->index(0);
        QCOMPARE(first.data(SearchResultModel::ClientCodeRole).toString(), u"C-0001"_s);
        QCOMPARE(first.data(SearchResultModel::ClientNameRole).toString(), u"Ann Example"_s);
        QVERIFY(first.data(SearchResultModel::NoteIdRole).toLongLong() > 0);
        QVERIFY2(first.data(SearchResultModel::SnippetHtmlRole).toString().contains(u">abandoned</span>"_s),
                 qPrintable(first.data(SearchResultModel::SnippetHtmlRole).toString()));
        QVERIFY(!first.data(SearchResultModel::SnippetRole).toString().contains(u'['));

        session.searchNotes(u"   "_s);
        QCOMPARE(results->count(), 0);
        session.lock();
        QCOMPARE(results->count(), 0);
    }

    void aMalformedCodebookEntryIsRefusedWithItsReason()
    {
        VaultSession session(nullptr);
        openVault(session);
        session.loadCodebook();
        QTRY_VERIFY_WITH_TIMEOUT(session.codebook()->count() > 20, 10000);
        const int themes = session.codebook()->count();
        QSignalSpy saved(&session, &VaultSession::codebookSaved);
        QSignalSpy refused(&session, &VaultSession::codebookRefused);

        session.addTheme(u"gambling-urges"_s, u"Gambling urges"_s, u"urge to bet, scratch card*"_s);
        QVERIFY(saved.wait(10000));
        QCOMPARE(session.codebook()->count(), themes + 1);
        const int added = rowOf(*session.codebook(), CodebookModel::ThemeRole, u"gambling-urges"_s);
        QVERIFY(session.codebook()->index(added).data(CodebookModel::CustomRole).toBool());

        session.addPhrases(u"gambling-urges"_s, u"bet**ing"_s);
        QVERIFY(refused.wait(10000));
        QCOMPARE(refused.last().first().toString(),
                 u"Theme 'gambling-urges': phrase \"bet**ing\": '*' may only end a word."_s);
        session.addTheme(u"Bad Id"_s, u"Bad"_s, u"something"_s);
        QVERIFY(refused.wait(10000));
        QCOMPARE(refused.last().first().toString(), u"A theme id is 2 to 48 lowercase letters, digits or '-'."_s);
        session.addTheme(u"anxiety"_s, u"Mine"_s, u"worry"_s); // would replace the built-in one
        QCOMPARE(refused.count(), 3);
        QCOMPARE(session.codebook()->count(), themes + 1); // the refusals changed nothing

        session.setThemeEnabled(u"anxiety"_s, false);
        QVERIFY(saved.wait(10000));
        const int anxiety = rowOf(*session.codebook(), CodebookModel::ThemeRole, u"anxiety"_s);
        QVERIFY(!session.codebook()->index(anxiety).data(CodebookModel::EnabledRole).toBool());
        QVERIFY(rowOf(*session.codebook(), CodebookModel::ThemeRole, u"gambling-urges"_s) >= 0); // still there
        session.setThemeEnabled(u"anxiety"_s, true);
        QVERIFY(saved.wait(10000));
        QVERIFY(session.codebook()->index(anxiety).data(CodebookModel::EnabledRole).toBool());
    }

    void thePassphraseChangesOnlyWithTheCurrentOne()
    {
        VaultSession session(nullptr);
        openVault(session);
        QSignalSpy changed(&session, &VaultSession::passphraseChanged);
        QSignalSpy failed(&session, &VaultSession::passphraseChangeFailed);
        session.changePassphrase(pass, newPass, newPass + u"x"_s);
        QCOMPARE(failed.count(), 1); // refused at once
        session.changePassphrase(u"wrong current passphrase"_s, newPass, newPass);
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.last().first().toString(), u"The current passphrase is not right."_s);
        session.changePassphrase(pass, newPass, newPass);
        QVERIFY(changed.wait(10000));

        session.lock();
        QSignalSpy wrong(&session, &VaultSession::unlockFailed);
        QSignalSpy unlocked(&session, &VaultSession::unlocked);
        session.unlock(u"alice"_s, pass);
        QVERIFY(wrong.wait(10000));
        session.unlock(u"alice"_s, newPass);
        QVERIFY(unlocked.wait(10000));
    }

    void aBackupRestoresIntoAnEmptyFolderOnly()
    {
        VaultSession session(nullptr);
        openVault(session);
        const QString file = m_dir.filePath(u"backup%1.ucbackup"_s.arg(m_n));
        QSignalSpy written(&session, &VaultSession::backupWritten);
        session.backupTo(file);
        QVERIFY(written.wait(20000));
        QVERIFY(QFile::exists(file));
        QSignalSpy backupFailed(&session, &VaultSession::backupFailed);
        session.backupTo(file);
        QCOMPARE(backupFailed.count(), 1); // never over an existing file

        QSignalSpy restored(&session, &VaultSession::restored);
        QSignalSpy restoreFailed(&session, &VaultSession::restoreFailed);
        const QString full = freshDir();
        QDir().mkpath(full);
        QFile stray(full + u"/stray.txt"_s);
        QVERIFY(stray.open(QIODevice::WriteOnly));
        stray.close();
        session.restoreBackup(file, full, u"alice"_s, pass);
        QCOMPARE(restoreFailed.count(), 1);
        QVERIFY(restoreFailed.last().first().toString().contains(u"empty"_s));

        const QString into = freshDir();
        session.restoreBackup(file, into, u"alice"_s, u"wrong passphrase here"_s);
        QVERIFY(restoreFailed.wait(20000));
        QVERIFY(!QFileInfo::exists(into + u"/keyslots.json"_s));
        session.restoreBackup(file, into, u"alice"_s, pass);
        QVERIFY(restored.wait(20000));
        QCOMPARE(restored.last().first().toString(), into);
        QVERIFY(QFileInfo::exists(into + u"/keyslots.json"_s));
        QVERIFY(session.isUnlocked()); // the open vault is still the one in use
    }
};

QTEST_MAIN(VaultSessionScreensTest)
#include "vaultsessionscreenstest.moc"
