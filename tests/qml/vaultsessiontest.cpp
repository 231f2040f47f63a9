// SPDX-License-Identifier: GPL-3.0-or-later
// VaultSession as the screens rely on it: every vault call answers later through a signal (the GUI
// thread never waits), a new vault shows its recovery key once, a wrong passphrase says so and
// slows down after five, the right one loads the clients, a lock empties every model and drops
// answers still on their way, idle time locks, and the recovery key opens a forgotten vault.
#include "sessiontestutil.h"
#include "clientlistmodel.h"
#include "clientoverview.h"
#include "noteeditor.h"
#include "retrydelay.h"
#include "themetagmodel.h"
#include "vaultsession.h"
#include "autolock.h"
#include "demomode.h"
#include "bannerstate.h"
#include "workspace.h"

#include "demo/practice.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRegularExpression>
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

class VaultSessionTest : public guitest::SessionTest
{
    Q_OBJECT

private:
    // A session with a new vault of one client, locked again: the state the unlock screen sees.
    void makeLockedVault(VaultSession &session, QString *recoveryKey = nullptr)
    {
        session.vaultThread()->setKdfCost(uc::vault::KdfCost::testOnly());
        QSignalSpy created(&session, &VaultSession::created);
        session.createVault(freshDir(), u"alice"_s, pass, pass);
        QVERIFY(created.wait(10000));
        if (recoveryKey)
            *recoveryKey = session.recoveryKey();
        QSignalSpy saved(session.workspace()->clients(), &ClientListModel::saved);
        session.workspace()->clients()->add(u"C-0001"_s, u"Ann Example"_s, u"outpatient"_s, u"2025-01-06"_s);
        QVERIFY(saved.wait(10000));
        session.lock();
        QTRY_VERIFY(!session.vaultThread()->busy());
    }
    // The same vault, unlocked again: the state the clients screen sees.
    void unlockNewVault(VaultSession &session)
    {
        makeLockedVault(session);
        QVERIFY(guitest::unlockAs(session, u"alice"_s));
    }

private Q_SLOTS:
    void initTestCase()
    {
        startTestCase();
    }

    void createAnswersLaterWithTheRecoveryKey()
    {
        VaultSession session(nullptr);
        session.vaultThread()->setKdfCost(uc::vault::KdfCost::testOnly());
        QSignalSpy created(&session, &VaultSession::created);
        QSignalSpy busy(session.vaultThread(), &VaultThread::busyChanged);
        const QString dir = freshDir();
        session.createVault(dir, u"alice"_s, pass, pass);
        // Nothing has happened on this thread yet: the vault is made on the worker.
        QVERIFY(session.vaultThread()->busy());
        QCOMPARE(created.count(), 0);
        QVERIFY(!session.isUnlocked());
        QVERIFY(created.wait(10000));
        QVERIFY(!session.vaultThread()->busy());
        QVERIFY(busy.count() >= 2);
        QVERIFY(session.isUnlocked());
        QVERIFY(session.vaultExists());
        QCOMPARE(session.vaultDir(), dir);
        QCOMPARE(session.userName(), u"alice"_s);
        static const QRegularExpression keyShape(u"^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$"_s);
        QVERIFY2(keyShape.match(session.recoveryKey()).hasMatch(), "eight groups of four");
        QVERIFY(session.recoveryGroup() >= 1 && session.recoveryGroup() <= 8);
        QCOMPARE(session.workspace()->clients()->rowCount(), 0);
        session.forgetRecoveryKey();
        QCOMPARE(session.recoveryKey(), QString());
        QCOMPARE(session.recoveryGroup(), 0);
    }

    void createRefusesMismatchAndWeakPassphrasesAtOnce()
    {
        VaultSession session(nullptr);
        QSignalSpy failed(&session, &VaultSession::failed);
        session.createVault(freshDir(), u"alice"_s, pass, pass + u"x"_s);
        QCOMPARE(failed.count(), 1);
        QVERIFY(guitest::messageOf(failed).contains(u"not the same"_s));
        session.createVault(freshDir(), u"alice"_s, u"short"_s, u"short"_s);
        QCOMPARE(failed.count(), 2);
        QVERIFY(!session.vaultThread()->busy());
    }

    void createIntoAVaultFolderFailsInline()
    {
        VaultSession session(nullptr);
        makeLockedVault(session);
        const QString existing = session.vaultDir();
        QSignalSpy failed(&session, &VaultSession::failed);
        QSignalSpy banner(session.banner(), &BannerState::changed);
        session.createVault(existing, u"bob"_s, pass, pass);
        QVERIFY(failed.wait(10000));
        QVERIFY(!guitest::messageOf(failed).isEmpty());
        QCOMPARE(banner.count(), 0);
        QVERIFY(!session.isUnlocked());
    }

    void lockClearsEveryModel()
    {
        VaultSession session(nullptr);
        session.vaultThread()->setKdfCost(uc::vault::KdfCost::testOnly());
        QSignalSpy created(&session, &VaultSession::created);
        session.createVault(freshDir(), u"alice"_s, pass, pass);
        QVERIFY(created.wait(10000));
        QSignalSpy saved(session.workspace()->clients(), &ClientListModel::saved);
        session.workspace()->clients()->add(u"C-0001"_s, u"Ann Example"_s, u"outpatient"_s, u"2025-01-06"_s);
        QVERIFY(saved.wait(10000));
        QCOMPARE(session.workspace()->clients()->rowCount(), 1);
        QSignalSpy loaded(session.workspace()->overview(), &ClientOverview::opened);
        session.workspace()->overview()->open(u"C-0001"_s);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(session.workspace()->overview()->code(), u"C-0001"_s);
        session.workspace()->clients()->setFilterText(u"Ann"_s);

        QSignalSpy locked(&session, &VaultSession::locked);
        session.lock();
        QCOMPARE(locked.count(), 1); // the screens leave at once; the vault closes on its thread
        QVERIFY(!session.isUnlocked());
        QCOMPARE(session.workspace()->clients()->rowCount(), 0);
        QCOMPARE(session.workspace()->clients()->filterText(), QString());
        QCOMPARE(session.workspace()->overview()->code(), QString());
        QCOMPARE(session.workspace()->overview()->name(), QString());
        QCOMPARE(session.workspace()->overview()->notes()->rowCount(), 0);
        QCOMPARE(session.recoveryKey(), QString());
        QTRY_VERIFY(!session.vaultThread()->busy());
        // The vault is really closed: a call now fails instead of reading.
        QSignalSpy banner(session.banner(), &BannerState::changed);
        session.workspace()->overview()->open(u"C-0001"_s);
        QCOMPARE(banner.count(), 0); // refused without a vault call
        QCOMPARE(session.workspace()->overview()->code(), QString());
    }

    void wrongPassphraseFailsInlineThenRightOneLoadsClients()
    {
        VaultSession session(nullptr);
        makeLockedVault(session);
        QSignalSpy failed(&session, &VaultSession::failed);
        QSignalSpy unlocked(&session, &VaultSession::unlocked);
        QSignalSpy banner(session.banner(), &BannerState::changed);

        QElapsedTimer call;
        call.start();
        session.unlock(u"alice"_s, u"not the passphrase at all"_s);
        QVERIFY(call.elapsed() < 50);
        QCOMPARE(failed.count(), 0); // the answer comes later, through the event loop
        QVERIFY(session.vaultThread()->busy());
        QVERIFY(failed.wait(10000));
        QCOMPARE(guitest::messageOf(failed), u"The user name or passphrase is wrong."_s);
        QCOMPARE(session.retry()->failures(), 1);
        QCOMPARE(banner.count(), 0); // inline, not a banner
        QVERIFY(!session.isUnlocked());
        QCOMPARE(session.workspace()->clients()->rowCount(), 0);

        session.unlock(u"alice"_s, pass);
        QCOMPARE(unlocked.count(), 0);
        QVERIFY(unlocked.wait(10000));
        QVERIFY(session.isUnlocked());
        QCOMPARE(session.retry()->failures(), 0);
        QCOMPARE(session.workspace()->clients()->rowCount(), 1);
        QCOMPARE(session.workspace()->clients()->data(session.workspace()->clients()->index(0), ClientListModel::CodeRole).toString(),
                 u"C-0001"_s);
    }

    void unlockDelayGrowsAfterFiveFailures()
    {
        QCOMPARE(RetryDelay::secondsAfter(0), 0);
        QCOMPARE(RetryDelay::secondsAfter(4), 0);
        QCOMPARE(RetryDelay::secondsAfter(5), 5);
        QCOMPARE(RetryDelay::secondsAfter(6), 10);
        QCOMPARE(RetryDelay::secondsAfter(7), 20);
        QCOMPARE(RetryDelay::secondsAfter(20), 300);

        VaultSession session(nullptr);
        makeLockedVault(session);
        QSignalSpy failed(&session, &VaultSession::failed);
        for (int i = 1; i <= 5; ++i) {
            session.unlock(u"alice"_s, u"wrong passphrase %1"_s.arg(i));
            QTRY_COMPARE_WITH_TIMEOUT(failed.count(), i, 10000);
        }
        QCOMPARE(session.retry()->failures(), 5);
        QVERIFY(session.retry()->seconds() > 0 && session.retry()->seconds() <= 5);
        // Even the right passphrase waits: refused on the spot, without a vault call.
        session.unlock(u"alice"_s, pass);
        QCOMPARE(failed.count(), 6);
        QVERIFY(guitest::messageOf(failed).contains(u"wait"_s));
        QVERIFY(!session.vaultThread()->busy());
        QVERIFY(!session.isUnlocked());
    }

    void lockDropsAnUnlockStillOnItsWay()
    {
        VaultSession session(nullptr);
        makeLockedVault(session);
        QSignalSpy unlocked(&session, &VaultSession::unlocked);
        session.unlock(u"alice"_s, pass);
        session.lock();
        QTRY_VERIFY(!session.vaultThread()->busy());
        QTest::qWait(50);
        QCOMPARE(unlocked.count(), 0);
        QVERIFY(!session.isUnlocked());
        QCOMPARE(session.workspace()->clients()->rowCount(), 0);
        // And the vault that unlock opened was closed again: a fresh unlock works (no "open elsewhere").
        session.unlock(u"alice"_s, pass);
        QVERIFY(unlocked.wait(10000));
    }

    void idleTimeLocks()
    {
        VaultSession session(nullptr);
        unlockNewVault(session);
        QCOMPARE(session.autoLock()->minutes(), 10);
        session.autoLock()->setInterval(200);
        session.autoLock()->noteActivity();
        QSignalSpy locked(&session, &VaultSession::locked);
        QVERIFY(locked.wait(5000));
        QVERIFY(!session.isUnlocked());
        QCOMPARE(session.workspace()->clients()->rowCount(), 0);
        QCOMPARE(session.autoLock()->reason(), u"Locked after 10 minutes without use"_s); // the unlock screen says why
        session.autoLock()->setMinutes(99);
        QCOMPARE(session.autoLock()->minutes(), 30); // at most 30
    }

    void recoveryKeySetsANewPassphrase()
    {
        VaultSession session(nullptr);
        QString key;
        makeLockedVault(session, &key);
        QVERIFY(!key.isEmpty());
        QSignalSpy failed(&session, &VaultSession::failed);
        session.recover(u"alice"_s, u"AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH"_s, newPass, newPass);
        QVERIFY(failed.wait(10000));
        QCOMPARE(guitest::messageOf(failed), u"The user name or recovery key is wrong."_s);

        QSignalSpy unlocked(&session, &VaultSession::unlocked);
        session.recover(u"alice"_s, key.toLower(), newPass, newPass);
        QVERIFY(unlocked.wait(10000));
        QCOMPARE(session.workspace()->clients()->rowCount(), 1);
        session.lock();
        QSignalSpy wrong(&session, &VaultSession::failed);
        session.unlock(u"alice"_s, pass);
        QVERIFY(wrong.wait(10000)); // the old passphrase no longer opens it
        session.unlock(u"alice"_s, newPass);
        QVERIFY(unlocked.wait(10000));
    }

    void clientsAreAddedEditedAndDischarged()
    {
        VaultSession session(nullptr);
        unlockNewVault(session);
        QSignalSpy saved(session.workspace()->clients(), &ClientListModel::saved);
        QSignalSpy refused(session.workspace()->clients(), &ClientListModel::failed);

        session.workspace()->clients()->add(u"C-0001"_s, u"Someone Else"_s, QString(), QString());
        QVERIFY(refused.wait(10000)); // the code is taken
        session.workspace()->clients()->add(u"C-0002"_s, u"Bea Example"_s, u"bogus"_s, QString());
        QCOMPARE(refused.count(), 2); // refused before any vault call

        session.workspace()->clients()->add(u"C-0002"_s, u"Bea Example"_s, u"aftercare"_s, QString());
        QVERIFY(saved.wait(10000));
        ClientListModel *clients = session.workspace()->clients();
        QCOMPARE(clients->rowCount(), 2);
        session.workspace()->clients()->update(u"C-0002"_s, u"Bea Renamed"_s, u"telehealth"_s);
        QVERIFY(saved.wait(10000));
        const int row = clients->indexOf(u"C-0002"_s);
        QCOMPARE(clients->data(clients->index(row), ClientListModel::NameRole).toString(), u"Bea Renamed"_s);
        QCOMPARE(clients->data(clients->index(row), ClientListModel::SettingRole).toString(), u"telehealth"_s);
        session.workspace()->clients()->discharge(u"C-0002"_s, u"2025-06-30"_s);
        QVERIFY(saved.wait(10000));
        QCOMPARE(clients->data(clients->index(row), ClientListModel::StatusRole).toString(), u"discharged"_s);
    }

    void unknownClientShowsABannerWithoutPrivateData()
    {
        VaultSession session(nullptr);
        unlockNewVault(session);
        QSignalSpy banner(session.banner(), &BannerState::changed);
        session.workspace()->overview()->open(u"C-9999"_s);
        QVERIFY(banner.wait(10000));
        QCOMPARE(session.banner()->failure().message(), u"Client: no client with that code."_s);
        // The banner says what the kind means: a code that names no one is bad input.
        QCOMPARE(session.banner()->failure().kind(), Failure::BadInput);
        QCOMPARE(session.banner()->failure().title(), Failure::titleOf(Failure::BadInput));
        session.banner()->dismiss();
        QCOMPARE(session.banner()->failure().message(), QString());
        QCOMPARE(session.banner()->failure().title(), QString());
    }

    void demoPracticeIsMadeOnTheWorkerAndOpens()
    {
        VaultSession session(nullptr);
        QSignalSpy ready(session.demo(), &DemoMode::ready);
        const QString dir = freshDir();
        session.demo()->open(dir, uc::vault::KdfCost::testOnly());
        QVERIFY(session.demo()->active());
        QVERIFY(session.vaultThread()->busy());
        QCOMPARE(session.userName(), u"demo"_s);
        QCOMPARE(session.demo()->passphrase(), QString::fromLatin1(uc::demo::defaultPassphrase));
        QVERIFY(ready.wait(60000));
        QVERIFY(session.vaultExists());
        QVERIFY(guitest::unlockAs(session, session.userName(), session.demo()->passphrase(), 20000));
        QCOMPARE(session.workspace()->clients()->rowCount(), 8); // the demo's eight clients (Jonah Merrick, C-0108, since session 33)
        QSignalSpy loaded(session.workspace()->overview(), &ClientOverview::opened);
        session.workspace()->overview()->open(u"C-0101"_s);
        QVERIFY(loaded.wait(20000));
        QVERIFY(session.workspace()->overview()->themes()->count() > 0);
        QVERIFY(session.workspace()->overview()->sessions()->count() > 10);
        QVERIFY(session.workspace()->overview()->measures()->count() > 0);
        // The demo never becomes the remembered vault.
        QVERIFY(QSettings().value(u"vault/dir"_s).toString() != dir);
    }

    void aNoteIsWrittenTaggedDecidedSignedAndAmended()
    {
        VaultSession session(nullptr);
        unlockNewVault(session);

        QSignalSpy opened(session.workspace()->note(), &NoteEditor::noteOpened);
        session.workspace()->note()->session()->create(u"C-0001"_s, u"2025-03-10"_s, u"14:00"_s, 50, u"outpatient"_s, u"attended"_s, u"free"_s);
        QVERIFY(opened.wait(10000));
        NoteEditor *note = session.workspace()->note();
        QVERIFY(note->noteId() > 0);
        QVERIFY(!note->readOnly());
        QCOMPARE(note->clientCode(), u"C-0001"_s);
        QCOMPARE(note->date(), u"2025-03-10"_s);

        QSignalSpy saved(session.workspace()->note()->draft(), &NoteDraft::noteSaved);
        QElapsedTimer clock;
        clock.start();
        note->draft()->edit(u"She drinks when she feels abandoned by her partner."_s);
        QCOMPARE(saved.count(), 0);
        QVERIFY(saved.wait(5000));
        QVERIFY2(clock.elapsed() < 2500, "saved within about two seconds of the last keystroke");
        QCOMPARE(note->draft()->saveState(), u"saved"_s);
        ThemeTagModel *tags = note->tagging()->tags();
        int linked = -1;
        for (int i = 0; i < tags->rowCount(); ++i) {
            if (tags->data(tags->index(i), ThemeTagModel::ThemeRole).toString() == u"abandonment-driven-use")
                linked = i;
        }
        QVERIFY2(linked >= 0, "the abandonment-driven-use chip is there");
        QVERIFY(tags->data(tags->index(linked), ThemeTagModel::StartRole).toInt() >= 0);

        const qint64 tagId = tags->data(tags->index(linked), ThemeTagModel::TagIdRole).toLongLong();
        session.workspace()->note()->tagging()->decide(tagId, u"confirmed"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!session.vaultThread()->busy(), 10000);
        bool confirmed = false;
        for (int i = 0; i < tags->rowCount(); ++i) {
            if (tags->data(tags->index(i), ThemeTagModel::TagIdRole).toLongLong() == tagId)
                confirmed = tags->data(tags->index(i), ThemeTagModel::DecisionRole).toString() == u"confirmed";
        }
        QVERIFY(confirmed);

        QSignalSpy signedSpy(session.workspace()->note(), &NoteEditor::noteSigned);
        note->draft()->edit(u"She drinks when she feels abandoned by her partner. Plan: weekly."_s);
        session.workspace()->note()->sign(); // the unsaved words are saved first, then signed
        QVERIFY(signedSpy.wait(10000));
        QVERIFY(note->readOnly());
        QCOMPARE(note->status(), u"signed"_s);
        QVERIFY(note->draft()->text().contains(u"Plan: weekly."_s));
        QCOMPARE(note->signedBy(), u"alice"_s);

        QSignalSpy amended(session.workspace()->note(), &NoteEditor::addendumAdded);
        session.workspace()->note()->addAddendum(u"Late entry: she phoned the next day."_s);
        QVERIFY(amended.wait(10000));
        QCOMPARE(note->addenda().size(), 1);
        QCOMPARE(note->addenda().first().toMap().value(u"text"_s).toString(), u"Late entry: she phoned the next day."_s);
    }

    // A theme the learned reading suggests (docs/tagger.md, "Session 39") reaches the chip
    // saying so: its evidence is the sentence, and the card says the wording as a whole suggests it.
    void aThemeTheWordingSuggestsSaysSo()
    {
        VaultSession session(nullptr);
        unlockNewVault(session);
        QSignalSpy opened(session.workspace()->note(), &NoteEditor::noteOpened);
        session.workspace()->note()->session()->create(u"C-0001"_s, u"2025-03-11"_s, u"14:00"_s, 50, u"outpatient"_s, u"attended"_s, u"free"_s);
        QVERIFY(opened.wait(10000));
        NoteEditor *note = session.workspace()->note();
        QSignalSpy saved(note->draft(), &NoteDraft::noteSaved);
        const QString sentence = u"Pt reports she and her mum haven't been in the same room since Christmas; mum told the whole family she was a liar"_s;
        note->draft()->edit(sentence + u". She drinks when she feels abandoned by her partner."_s);
        QVERIFY(saved.wait(5000));
        ThemeTagModel *tags = note->tagging()->tags();
        int family = -1;
        int driven = -1;
        for (int i = 0; i < tags->rowCount(); ++i) {
            const QString theme = tags->data(tags->index(i), ThemeTagModel::ThemeRole).toString();
            if (theme == u"family-conflict")
                family = i;
            if (theme == u"abandonment-driven-use")
                driven = i;
        }
        QVERIFY2(family >= 0 && driven >= 0, "both chips are there");
        QVERIFY(tags->data(tags->index(family), ThemeTagModel::ReadingRole).toBool());
        QCOMPARE(tags->data(tags->index(family), ThemeTagModel::EvidenceRole).toString(), sentence);
        QCOMPARE(tags->data(tags->index(family), ThemeTagModel::DecisionRole).toString(), u"suggested"_s);
        QVERIFY(!tags->data(tags->index(driven), ThemeTagModel::ReadingRole).toBool()); // the rules' own
        bool cardSays = false;
        for (const QVariant &theme : tags->themes())
            if (theme.toMap().value(u"theme"_s) == u"family-conflict"_s)
                cardSays = theme.toMap().value(u"evidence"_s).toList().value(0).toMap().value(u"reading"_s).toBool();
        QVERIFY(cardSays);
    }

    // A note that records risk asks for the assessment at signing (docs/risk.md): plain signing
    // is refused on the banner, a level without the action taken is refused, and the assessed
    // level with its action signs. Nothing blocks an emergency: "to follow" signs too.
    void aRiskyNoteAsksForTheAssessmentAtSigning()
    {
        VaultSession session(nullptr);
        unlockNewVault(session);
        QSignalSpy opened(session.workspace()->note(), &NoteEditor::noteOpened);
        session.workspace()->note()->session()->create(u"C-0001"_s, u"2025-03-11"_s, u"14:00"_s, 50, u"outpatient"_s, u"attended"_s, u"free"_s);
        QVERIFY(opened.wait(10000));
        NoteEditor *note = session.workspace()->note();
        note->draft()->edit(u"She has thoughts of killing herself and has a plan."_s);

        QSignalSpy banner(session.banner(), &BannerState::changed);
        note->sign();
        QVERIFY(banner.wait(10000));
        QTRY_VERIFY_WITH_TIMEOUT(!session.vaultThread()->busy(), 10000);
        QVERIFY(!session.banner()->failure().message().isEmpty());
        QCOMPARE(note->status(), u"draft"_s);

        banner.clear();
        note->signWithAssessment(u"high"_s, u"  "_s);
        QVERIFY(banner.count() > 0 || banner.wait(2000));
        QCOMPARE(note->status(), u"draft"_s);

        QSignalSpy signedSpy(note, &NoteEditor::noteSigned);
        note->signWithAssessment(u"high"_s, u"Safety plan reviewed; crisis line given; GP informed."_s);
        QVERIFY(signedSpy.wait(10000));
        QCOMPARE(note->status(), u"signed"_s);
    }

    void theRiskBannerRisesWithTheKeystrokeThatRaisesAFlag()
    {
        VaultSession session(nullptr);
        unlockNewVault(session);
        QSignalSpy opened(session.workspace()->note(), &NoteEditor::noteOpened);
        session.workspace()->note()->session()->create(u"C-0001"_s, u"2025-03-12"_s, u"14:00"_s, 50, u"outpatient"_s, u"attended"_s, u"free"_s);
        QVERIFY(opened.wait(10000));
        NoteEditor *note = session.workspace()->note();
        QVERIFY(note->risk()->flags().isEmpty());
        QVERIFY(!note->risk()->needsAssessment());

        // Typed one key at a time: nothing while nothing says it.
        QString typed;
        for (const QChar c : u"Slept badly."_s) {
            typed += c;
            note->draft()->edit(typed);
        }
        QTRY_VERIFY_WITH_TIMEOUT(!session.vaultThread()->busy(), 10000);
        QVERIFY2(note->risk()->flags().isEmpty(), "no flag while nothing says it");
        // Before the words are complete no rule names them; the learned reading suggests it from the
        // wording (docs/risk.md, "Tenth pass").
        for (const QChar c : u" She said she wants to go to sleep and never wake"_s) {
            typed += c;
            note->draft()->edit(typed);
        }
        QTRY_VERIFY_WITH_TIMEOUT(!note->risk()->flags().isEmpty(), 10000);
        QCOMPARE(note->risk()->flags().constFirst().toMap().value(u"rule"_s).toString(), u"reading"_s);
        // The keystrokes that complete the words raise the rule's flag with its words.
        QSignalSpy changed(note->risk(), &NoteRisk::changed);
        note->draft()->edit(typed + u" u"_s);
        note->draft()->edit(typed + u" up"_s);
        QTRY_VERIFY_WITH_TIMEOUT(note->risk()->flags().constFirst().toMap().value(u"rule"_s).toString() != u"reading"_s, 5000);
        const QVariantMap flag = note->risk()->flags().constFirst().toMap();
        QCOMPARE(flag.value(u"id"_s).toString(), u"suicide"_s);
        QCOMPARE(flag.value(u"label"_s).toString(), u"Suicide"_s);
        QVERIFY2(flag.value(u"evidence"_s).toString().contains(u"never wake up"_s), qPrintable(flag.value(u"evidence"_s).toString()));
        QVERIFY(!flag.value(u"rule"_s).toString().isEmpty());
        QVERIFY(note->risk()->needsAssessment());

        // The note documents its assessment: the flag stays, signing will not ask.
        note->draft()->edit(typed + u" up.\nRisk assessment: moderate; safety plan reviewed, crisis line given."_s);
        QTRY_VERIFY_WITH_TIMEOUT(!note->risk()->needsAssessment(), 5000);
        QVERIFY(!note->risk()->flags().isEmpty());

        // Signed with it, the note's flags are closed: no banner on the signed note.
        QSignalSpy signedSpy(note, &NoteEditor::noteSigned);
        note->sign();
        QVERIFY(signedSpy.wait(10000));
        QCOMPARE(note->status(), u"signed"_s);
        QVERIFY(note->risk()->flags().isEmpty());
    }

    void aSignedNoteShowsItsFlagUntilAnAssessmentClosesIt()
    {
        VaultSession session(nullptr);
        unlockNewVault(session);
        QSignalSpy opened(session.workspace()->note(), &NoteEditor::noteOpened);
        session.workspace()->note()->session()->create(u"C-0001"_s, u"2025-03-13"_s, u"14:00"_s, 50, u"outpatient"_s, u"attended"_s, u"free"_s);
        QVERIFY(opened.wait(10000));
        NoteEditor *note = session.workspace()->note();
        note->draft()->edit(u"She has been cutting her arms again."_s);
        QTRY_VERIFY_WITH_TIMEOUT(note->risk()->needsAssessment(), 5000);
        QSignalSpy signedSpy(note, &NoteEditor::noteSigned);
        note->signWithAssessment(u"to-follow"_s, QString());
        QVERIFY(signedSpy.wait(10000));
        QCOMPARE(note->status(), u"signed"_s);
        QCOMPARE(note->risk()->flags().size(), 1);
        QCOMPARE(note->risk()->flags().constFirst().toMap().value(u"id"_s).toString(), u"self-harm"_s);
        QCOMPARE(note->risk()->flags().constFirst().toMap().value(u"date"_s).toString(), u"2025-03-13"_s);
        QVERIFY(!note->risk()->needsAssessment()); // signed: nothing to ask
    }

    void wordsSelectedAreTaggedByHand()
    {
        VaultSession session(nullptr);
        unlockNewVault(session);
        QSignalSpy opened(session.workspace()->note(), &NoteEditor::noteOpened);
        session.workspace()->note()->session()->create(u"C-0001"_s, u"2025-03-24"_s, QString(), 50, QString(), u"attended"_s, u"dap"_s);
        QVERIFY(opened.wait(10000));
        NoteEditor *note = session.workspace()->note();
        QVERIFY(note->tagging()->mayTag());
        bool offered = false;
        for (const QVariant &t : note->tagging()->themes())
            offered = offered || t.toMap().value(u"id"_s) == u"loneliness"_s;
        QVERIFY2(offered, "the codebook's enabled themes are offered");

        // Typed and not yet saved: the words are tagged in the text the save stores. An emoji
        // before them makes UTF-16 and code-point offsets differ.
        const QString text = u"## Data\nShe 😀 sat at home every evening, no one called.\n## Assessment\n\n## Plan\n"_s;
        note->draft()->edit(text);
        const QString words = u"no one called"_s;
        const int start = static_cast<int>(text.indexOf(words));
        QSignalSpy tagged(session.workspace()->note()->tagging(), &NoteTagging::wordsTagged);
        session.workspace()->note()->tagging()->tagSelection(start - 1, start + static_cast<int>(words.size()), u"loneliness"_s); // with the space before
        QVERIFY(tagged.wait(10000));
        const qint64 tagId = tagged.first().at(1).toLongLong();
        ThemeTagModel *tags = note->tagging()->tags();
        int row = -1;
        for (int i = 0; i < tags->rowCount(); ++i)
            if (tags->data(tags->index(i), ThemeTagModel::TagIdRole).toLongLong() == tagId)
                row = i;
        QVERIFY2(row >= 0, "the manual tag is among the chips");
        QCOMPARE(tags->data(tags->index(row), ThemeTagModel::ThemeRole).toString(), u"loneliness"_s);
        QCOMPARE(tags->data(tags->index(row), ThemeTagModel::DecisionRole).toString(), u"manual"_s);
        QCOMPARE(tags->data(tags->index(row), ThemeTagModel::EvidenceRole).toString(), words);
        const int shownAt = tags->data(tags->index(row), ThemeTagModel::StartRole).toInt();
        QCOMPARE(note->draft()->editedText().mid(shownAt, words.size()), words);

        // Only spaces selected: nothing is tagged.
        session.workspace()->note()->tagging()->tagSelection(0, 0, u"loneliness"_s);
        QTRY_VERIFY(!session.vaultThread()->busy());
        QCOMPARE(tagged.count(), 1);

        // A signed note's words can still be tagged by its author (Vault::tagSpan allows it).
        QSignalSpy signedSpy(session.workspace()->note(), &NoteEditor::noteSigned);
        session.workspace()->note()->sign();
        QVERIFY(signedSpy.wait(10000));
        QVERIFY(note->readOnly());
        QVERIFY(note->tagging()->mayTag());
        const QString stored = note->draft()->editedText();
        const int home = static_cast<int>(stored.indexOf(u"at home"_s));
        session.workspace()->note()->tagging()->tagSelection(home, home + 7, u"loneliness"_s);
        QVERIFY(tagged.wait(10000));
        bool found = false;
        for (int i = 0; i < tags->rowCount(); ++i)
            found = found || (tags->data(tags->index(i), ThemeTagModel::EvidenceRole) == u"at home"_s
                              && tags->data(tags->index(i), ThemeTagModel::StartRole).toInt() == home);
        QVERIFY(found);
    }

    void aGroupSessionGivesEachMemberTheirOwnNote()
    {
        VaultSession session(nullptr);
        unlockNewVault(session);
        QSignalSpy saved(session.workspace()->clients(), &ClientListModel::saved);
        session.workspace()->clients()->add(u"C-0002"_s, u"Bea Sample"_s, u"outpatient"_s, u"2025-01-07"_s);
        QVERIFY(saved.wait(10000));
        session.workspace()->clients()->add(u"C-0003"_s, u"Cal Person"_s, u"outpatient"_s, u"2025-01-08"_s);
        QVERIFY(saved.wait(10000));

        QSignalSpy failed(session.workspace()->note()->session(), &NoteSession::failed);
        session.workspace()->note()->session()->createGroup(u"2025-04-01"_s, u"18:00"_s, 90, u"outpatient"_s, u"Weekends"_s, QString(),
                                {QVariantMap{{u"code"_s, u"C-0001"_s}, {u"attendance"_s, u"attended"_s}}});
        QCOMPARE(failed.count(), 1); // one member is not a group

        QSignalSpy opened(session.workspace()->note(), &NoteEditor::noteOpened);
        const QVariantList members = {QVariantMap{{u"code"_s, u"C-0001"_s}, {u"attendance"_s, u"attended"_s}},
                                      QVariantMap{{u"code"_s, u"C-0002"_s}, {u"attendance"_s, u"late"_s}},
                                      QVariantMap{{u"code"_s, u"C-0003"_s}, {u"attendance"_s, u"no-show"_s}}};
        session.workspace()->note()->session()->createGroup(u"2025-04-01"_s, u"18:00"_s, 90, u"outpatient"_s, u"Weekends without drinking"_s,
                                                            u"Planned a sober weekend together."_s, members);
        QVERIFY(opened.wait(10000));
        NoteEditor *note = session.workspace()->note();
        QCOMPARE(note->templateId(), u"group"_s);
        QCOMPARE(note->session()->members().size(), 2); // C-0003 did not come: no empty draft for them
        for (const QVariant &m : note->session()->members())
            QVERIFY(m.toMap().value(u"clientCode"_s).toString() != u"C-0003"_s);
        QCOMPARE(note->session()->memberIndex(), 0);
        QCOMPARE(note->clientCode(), u"C-0001"_s);
        QCOMPARE(note->session()->modality(), u"group"_s);
        QCOMPARE(note->session()->groupTopic(), u"Weekends without drinking"_s);
        QCOMPARE(note->session()->attendance(), u"attended"_s);
        // The note carries the topic, and no other member's name or code.
        QVERIFY(note->draft()->text().contains(u"Weekends without drinking"_s));
        for (const QString &other : {u"C-0002"_s, u"C-0003"_s, u"Bea"_s, u"Cal"_s})
            QVERIFY(!note->draft()->text().contains(other));

        // Moving to the next member's note: their own note, their own attendance.
        note->draft()->edit(note->draft()->editedText() + u"\nShared a plan for Saturday."_s);
        const qint64 second = note->session()->members().at(1).toMap().value(u"noteId"_s).toLongLong();
        session.workspace()->note()->open(second);
        QVERIFY(opened.wait(10000));
        QCOMPARE(note->noteId(), second);
        QCOMPARE(note->clientCode(), u"C-0002"_s);
        QCOMPARE(note->session()->memberIndex(), 1);
        QCOMPARE(note->session()->attendance(), u"late"_s);
        QVERIFY(!note->draft()->text().contains(u"Saturday"_s)); // the first member's words stay in their note
        QVERIFY(note->draft()->text().contains(u"Planned a sober weekend together."_s)); // the group's part is theirs too
        const qint64 first = note->session()->members().at(0).toMap().value(u"noteId"_s).toLongLong();
        session.workspace()->note()->open(first);
        QVERIFY(opened.wait(10000));
        QVERIFY(note->draft()->text().contains(u"Shared a plan for Saturday."_s)); // saved before moving on
    }

    void sessionDetailsChangeWhileTheNoteIsADraft()
    {
        VaultSession session(nullptr);
        unlockNewVault(session);
        QSignalSpy opened(session.workspace()->note(), &NoteEditor::noteOpened);
        session.workspace()->note()->session()->create(u"C-0001"_s, u"2025-04-07"_s, u"14:00"_s, 50, u"outpatient"_s, u"attended"_s, u"free"_s);
        QVERIFY(opened.wait(10000));
        NoteEditor *note = session.workspace()->note();
        note->draft()->edit(u"Typed before the details changed."_s);

        QSignalSpy updated(session.workspace()->note()->session(), &NoteSession::updated);
        QSignalSpy failed(session.workspace()->note()->session(), &NoteSession::failed);
        session.workspace()->note()->session()->update(u"2025-04-08"_s, u"nine"_s, 50, u"individual"_s, u"outpatient"_s, u"attended"_s);
        QCOMPARE(failed.count(), 1); // a malformed time is refused at once
        session.workspace()->note()->session()->update(u"2025-04-08"_s, u"09:30"_s, 30, u"individual"_s, u"telehealth"_s, u"late"_s);
        QVERIFY(updated.wait(10000));
        QCOMPARE(note->date(), u"2025-04-08"_s);
        QCOMPARE(note->session()->start(), u"09:30"_s);
        QCOMPARE(note->session()->minutes(), 30);
        QCOMPARE(note->session()->setting(), u"telehealth"_s);
        QCOMPARE(note->session()->attendance(), u"late"_s);
        QCOMPARE(note->draft()->text(), u"Typed before the details changed."_s); // saved first, not lost

        // Signed: the details are part of the record.
        QSignalSpy signedSpy(session.workspace()->note(), &NoteEditor::noteSigned);
        session.workspace()->note()->sign();
        QVERIFY(signedSpy.wait(10000));
        session.workspace()->note()->session()->update(u"2025-04-09"_s, u"09:30"_s, 30, u"individual"_s, u"telehealth"_s, u"late"_s);
        QTRY_VERIFY(!session.vaultThread()->busy());
        QCOMPARE(updated.count(), 1);
        QCOMPARE(note->date(), u"2025-04-08"_s);
    }

    void lockSavesTheOpenDraftFirst()
    {
        VaultSession session(nullptr);
        makeLockedVault(session);
        QVERIFY(guitest::unlockAs(session, u"alice"_s));
        QSignalSpy opened(session.workspace()->note(), &NoteEditor::noteOpened);
        session.workspace()->note()->session()->create(u"C-0001"_s, u"2025-03-17"_s, QString(), 50, QString(), u"attended"_s, u"free"_s);
        QVERIFY(opened.wait(10000));
        const qint64 noteId = session.workspace()->note()->noteId();
        session.workspace()->note()->draft()->edit(u"Typed just before the lock."_s);
        session.lock(); // well inside the pause before an autosave
        QCOMPARE(session.workspace()->note()->noteId(), 0);
        QTRY_VERIFY(!session.vaultThread()->busy());
        QVERIFY(guitest::unlockAs(session, u"alice"_s));
        session.workspace()->note()->open(noteId);
        QVERIFY(opened.wait(10000));
        QCOMPARE(session.workspace()->note()->draft()->text(), u"Typed just before the lock."_s);
    }
};

QTEST_GUILESS_MAIN(VaultSessionTest)
#include "vaultsessiontest.moc"
