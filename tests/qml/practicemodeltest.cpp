// SPDX-License-Identifier: GPL-3.0-or-later
// Settings › Practice and the sync indicator's objects (PracticeMembership, PracticeSync) against a
// real practice server (tests/practice/practicecluster.h): ada administers the practice from her
// own vault through the core; alice joins from the GUI with ada's invitation code. Sync runs in the
// background on the vault thread; a server rolled back to an earlier copy is refused with nothing
// local changed and a banner that stays until acknowledged; an unreachable server is "offline".
#include "practicecluster.h"
#include "practicemembership.h"
#include "practicesync.h"
#include "sessiontestutil.h"
#include "workspace.h"

#include "practice/membership.h"
#include "practice/practice.h"
#include "vault/notes.h"
#include "vault/vault.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class PracticeModelTest : public guitest::SessionTest
{
    Q_OBJECT

    practicetest::Cluster m_server;
    QString m_ada, m_alice;
    QString m_code;
    QByteArray m_caFingerprint;

    // ada's vault, opened by the core (never while a session has it open).
    std::unique_ptr<uc::vault::Vault> openAda() { return uc::vault::Vault::open(m_ada, u"ada"_s, guitest::secret()); }
    QByteArray dump()
    {
        const practicetest::Script d = practicetest::practiceServer({ u"dump"_s, m_server.dir() });
        return d.code == 0 ? d.out : QByteArray();
    }
    bool restore(const QByteArray &text) { return m_server.operatorSql("DROP SCHEMA uc CASCADE;\n" + text).code == 0; }
    static bool waitForState(PracticeSync *sync, PracticeSync::State state)
    {
        return QTest::qWaitFor([&] { return sync->state() == state; }, 60000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (const QString why = practicetest::whyNoPostgres(); !why.isEmpty())
            QSKIP(qPrintable(why));
        startTestCase();
        QVERIFY2(m_server.start(), m_server.output().constData());
        m_ada = freshDir();
        m_alice = freshDir();
        auto ada = guitest::createVault(m_ada, u"ada"_s);
        const uc::practice::Membership admin
            = uc::practice::initPractice(*ada, m_server.url(), m_server.caFile(), m_server.caKeyFile());
        m_caFingerprint = admin.caFingerprint;
        guitest::addClient(*ada, u"C-0001"_s, u"Ann Example"_s);
        ada->notes().sign(guitest::addSession(*ada, u"C-0001"_s, u"2025-01-06"_s, guitest::abandonedText));
        m_code = uc::practice::invite(*ada, u"alice"_s, uc::model::Role::Therapist);
        ada.reset();
        guitest::createVault(m_alice);
    }

    void aNonMemberJoinsWithTheInvitationCode()
    {
        VaultSession session(nullptr);
        guitest::unlockOn(session, m_alice);
        PracticeMembership *practice = session.workspace()->practice();
        PracticeSync *sync = session.workspace()->sync();
        QVERIFY(QTest::qWaitFor([&] { return practice->loaded(); }, 10000));
        QVERIFY(!practice->joined());
        QCOMPARE(sync->state(), PracticeSync::NotMember); // the indicator is hidden
        QVERIFY(!sync->syncNow());

        QSignalSpy failed(practice, &PracticeMembership::failed);
        QSignalSpy joined(practice, &PracticeMembership::joinedPractice);
        practice->join(m_server.url(), u"  "_s);
        QCOMPARE(failed.count(), 1); // refused at once, nothing posted
        QCOMPARE(guitest::lastFailure(failed).kind(), Failure::BadInput);
        practice->join(m_server.url(), u"not an invitation"_s);
        QVERIFY(failed.wait(20000));
        QCOMPARE(guitest::lastFailure(failed).action(), u"practice-join"_s);
        QVERIFY2(guitest::messageOf(failed).startsWith(u"Invitation code: "_s), qPrintable(guitest::messageOf(failed)));
        QVERIFY(!practice->joined());

        practice->join(m_server.url(), m_code);
        QVERIFY(joined.wait(60000));
        QVERIFY(practice->joined());
        QCOMPARE(practice->role(), u"therapist"_s);
        QCOMPARE(practice->server(), m_server.url());
        QVERIFY(!practice->administrator());
        QCOMPARE(practice->memberId().size(), 32);
        QCOMPARE(practice->caFingerprint(), PracticeMembership::groupedHex(m_caFingerprint));
        QCOMPARE(practice->caFingerprint().size(), 64 + 15);
        QCOMPARE(sync->state(), PracticeSync::Idle);
        QCOMPARE(sync->summary(), u"Not synced yet"_s);
        practice->join(m_server.url(), m_code);
        QCOMPARE(guitest::lastFailure(failed).message(), u"You are already a member of a practice."_s);
    }

    void aSyncRunsInTheBackgroundAndOneAtATime()
    {
        VaultSession session(nullptr);
        guitest::unlockOn(session, m_alice);
        PracticeSync *sync = session.workspace()->sync();
        QVERIFY(QTest::qWaitFor([&] { return sync->state() == PracticeSync::Idle; }, 10000));
        QSignalSpy finished(sync, &PracticeSync::finished);
        // Joined, not yet certified by the administrator: the sync fails, nothing changes, no banner.
        QVERIFY(sync->syncNow());
        QVERIFY(finished.wait(60000));
        QCOMPARE(sync->state(), PracticeSync::Failed);
        QCOMPARE(sync->summary(), u"Sync failed"_s); // reached, but not accepted: not "Offline"
        QVERIFY(!sync->refusalShown());
        QVERIFY2(sync->lastResult().contains(u"not certified by the practice administrator"_s),
                 qPrintable(sync->lastResult()));
        session.lock();
        (void)uc::practice::status(*openAda()); // the administrator's status certifies alice's key
        QVERIFY(guitest::unlockAs(session, u"alice"_s));
        QVERIFY(QTest::qWaitFor([&] { return sync->state() == PracticeSync::Failed; }, 10000));
        finished.clear();
        QVERIFY(sync->syncNow());
        // The call returned before the sync ran: the GUI thread did not wait, and no overlay is raised.
        QCOMPARE(sync->state(), PracticeSync::Syncing);
        QCOMPARE(sync->summary(), u"Syncing…"_s);
        QVERIFY(!session.vaultThread()->busy());
        QVERIFY(!sync->syncNow()); // a second while it runs is refused
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.count(), 1);
        QVERIFY2(sync->state() == PracticeSync::Idle, qPrintable(sync->lastResult()));
        QCOMPARE(sync->lastResult(), u"Pushed 0, pulled 0."_s);
        QVERIFY2(sync->summary().startsWith(u"Synced today "_s), qPrintable(sync->summary()));
        QVERIFY(sync->advice().isEmpty());
        QVERIFY(!sync->refusalShown());

        // The last outcome is there after the next unlock.
        session.lock();
        QCOMPARE(sync->state(), PracticeSync::NotMember);
        QVERIFY(sync->lastSynced().isEmpty());
        QVERIFY(guitest::unlockAs(session, u"alice"_s));
        QVERIFY(QTest::qWaitFor([&] { return sync->state() == PracticeSync::Idle && !sync->lastSynced().isEmpty(); },
                                10000));
        QCOMPARE(sync->lastResult(), u"Pushed 0, pulled 0."_s);
    }

    void aRolledBackServerIsRefusedUntilAcknowledged()
    {
        const QByteArray earlier = dump();
        QVERIFY(!earlier.isEmpty());
        QByteArray now;
        {
            VaultSession session(nullptr);
            guitest::useVault(session, m_ada);
            QVERIFY(guitest::unlockAs(session, u"ada"_s));
            PracticeSync *sync = session.workspace()->sync();
            PracticeMembership *practice = session.workspace()->practice();
            QVERIFY(QTest::qWaitFor([&] { return practice->joined(); }, 10000));
            QVERIFY(practice->administrator());
            QCOMPARE(practice->itemsHead(), 0);
            QVERIFY(sync->syncNow());
            QVERIFY(waitForState(sync, PracticeSync::Idle));
            QCOMPARE(sync->lastResult(), u"Pushed 1, pulled 0."_s);
            QVERIFY(QTest::qWaitFor([&] { return practice->itemsHead() == 1; }, 10000)); // the pinned head moved
            now = dump();
            QVERIFY(!now.isEmpty());

            QVERIFY(restore(earlier)); // the operator puts back a copy from before the push
            QSignalSpy finished(sync, &PracticeSync::finished);
            QVERIFY(sync->syncNow());
            QVERIFY(finished.wait(60000));
            QCOMPARE(sync->state(), PracticeSync::Refused);
            QCOMPARE(sync->summary(), u"Sync refused"_s);
            QVERIFY(sync->refusalShown());
            QVERIFY(sync->advice().contains(u"sync --accept-rollback"_s));
            QVERIFY(sync->advice().contains(u"Nothing here was changed"_s));
            QVERIFY2(sync->lastResult().contains(u"less than this machine has already seen"_s),
                     qPrintable(sync->lastResult()));
            QVERIFY(QTest::qWaitFor([&] { return practice->loaded(); }, 10000));
            QCOMPARE(practice->itemsHead(), 1); // nothing local changed: the pin stays

            sync->acknowledgeRefusal();
            QVERIFY(!sync->refusalShown());
            QCOMPARE(sync->state(), PracticeSync::Refused); // until a sync succeeds
            session.lock();
            QVERIFY(guitest::unlockAs(session, u"ada"_s));
            QVERIFY(waitForState(sync, PracticeSync::Refused));
            QVERIFY(!sync->refusalShown()); // acknowledged stays acknowledged

            QVERIFY(restore(now)); // put back: the sync goes on
            QVERIFY(sync->syncNow());
            QVERIFY(waitForState(sync, PracticeSync::Idle));
            QCOMPARE(sync->lastResult(), u"Pushed 0, pulled 0."_s);
        }
        auto ada = openAda();
        QCOMPARE(uc::practice::loadMembership(*ada)->itemsHead, 1);
    }

    void theAutomaticSyncIsOffUnlessChosen()
    {
        {
            VaultSession session(nullptr);
            PracticeSync *sync = session.workspace()->sync();
            QCOMPARE(sync->autoSyncMinutes(), 0);
            sync->setAutoSyncMinutes(1000);
            QCOMPARE(sync->autoSyncMinutes(), 240);
            sync->setAutoSyncMinutes(-3);
            QCOMPARE(sync->autoSyncMinutes(), 0);
            QSignalSpy finished(sync, &PracticeSync::finished);
            guitest::unlockOn(session, m_alice);
            QVERIFY(QTest::qWaitFor([&] { return sync->state() == PracticeSync::Idle; }, 10000));
            QTest::qWait(500);
            QCOMPARE(finished.count(), 0); // off: no sync on unlock
            sync->setAutoSyncMinutes(15);
            QCOMPARE(QSettings().value(u"practice/autoSyncMinutes"_s).toInt(), 15);
        }
        VaultSession next(nullptr);
        PracticeSync *sync = next.workspace()->sync();
        QCOMPARE(sync->autoSyncMinutes(), 15);
        QSignalSpy onUnlock(sync, &PracticeSync::finished);
        guitest::unlockOn(next, m_alice);
        QVERIFY(onUnlock.wait(60000)); // on: a sync on unlock, by itself
        QCOMPARE(sync->state(), PracticeSync::Idle);
        sync->setAutoSyncMinutes(0);
    }

    void theLastSyncSaysTodayYesterdayOrTheDate()
    {
        const QDateTime now(QDate(2026, 12, 6), QTime(15, 0));
        QCOMPARE(PracticeSync::whenText(QDateTime(QDate(2026, 12, 6), QTime(9, 5)), now), u"today 09:05"_s);
        QCOMPARE(PracticeSync::whenText(QDateTime(QDate(2026, 12, 5), QTime(23, 59)), now), u"yesterday 23:59"_s);
        const QString older = PracticeSync::whenText(QDateTime(QDate(2026, 11, 30), QTime(8, 1)), now);
        QVERIFY2(older.endsWith(u" 08:01"_s) && older.contains(u"30"_s), qPrintable(older));
    }

    void anUnreachableServerIsOffline()
    {
        VaultSession session(nullptr);
        guitest::unlockOn(session, m_alice);
        PracticeSync *sync = session.workspace()->sync();
        QVERIFY(waitForState(sync, PracticeSync::Idle));
        QCOMPARE(practicetest::practiceServer({ u"stop"_s, m_server.dir() }).code, 0);
        QVERIFY(sync->syncNow());
        QVERIFY(waitForState(sync, PracticeSync::Failed));
        QCOMPARE(sync->summary(), u"Offline"_s);
        QVERIFY(!sync->refusalShown()); // not a refusal: no banner
        QVERIFY(sync->advice().contains(u"could not be reached"_s));
        QVERIFY(!sync->lastResult().isEmpty());
    }
};

QTEST_MAIN(PracticeModelTest)
#include "practicemodeltest.moc"
