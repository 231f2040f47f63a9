// SPDX-License-Identifier: GPL-3.0-or-later
// Review with the client: it shows one client (no other client's patterns, no search) and is left
// only with the right passphrase, checked on the vault thread, with the same growing wait after
// wrong ones as at unlock; a lock ends it.
#include "clientreview.h"
#include "patternsmodel.h"
#include "retrydelay.h"
#include "searchmodel.h"
#include "sessiontestutil.h"
#include "workspace.h"

#include <QMetaProperty>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString &pass = guitest::passphraseText;

} // namespace

class ClientReviewTest : public guitest::SessionTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        startTestCase();
    }

    void reviewModeShowsOneClientAndNeedsThePassphraseToLeave()
    {
        VaultSession session(nullptr);
        guitest::unlockWithTwoClients(session, freshDir());
        QSignalSpy saved(session.workspace()->clientReview(), &ClientReview::summarySaved);
        session.workspace()->clientReview()->saveSummary(u"C-0001"_s, u"  Coming every week; noticing what happens before a drink.  "_s);
        QVERIFY(saved.wait(10000));
        QSignalSpy summary(session.workspace()->clientReview(), &ClientReview::summaryLoaded);
        session.workspace()->clientReview()->loadSummary(u"C-0001"_s);
        QVERIFY(summary.wait(10000));
        QCOMPARE(summary.last().at(1).toString(), u"Coming every week; noticing what happens before a drink."_s);

        QSignalSpy mode(session.workspace()->clientReview(), &ClientReview::activeChanged);
        QSignalSpy loaded(session.workspace()->patterns(), &PatternsModel::loaded);
        session.workspace()->clientReview()->start(u"C-0001"_s);
        QVERIFY(session.workspace()->clientReview()->active());
        QVERIFY(loaded.wait(10000));
        QCOMPARE(session.workspace()->patterns()->code(), u"C-0001"_s);
        QCOMPARE(session.workspace()->patterns()->by(), u"month"_s);
        QCOMPARE(session.workspace()->patterns()->summary(), u"Coming every week; noticing what happens before a drink."_s);

        // Nothing about another client, and no search, while the client is looking.
        session.workspace()->patterns()->load(u"C-0002"_s, u"month"_s, QString(), QString());
        session.workspace()->searchResults()->search(u"anxious"_s);
        QVERIFY(!session.vaultThread()->busy());
        QCOMPARE(session.workspace()->patterns()->code(), u"C-0001"_s);

        QSignalSpy refused(session.workspace()->clientReview(), &ClientReview::failed);
        session.workspace()->clientReview()->leave(u"not my passphrase"_s);
        QVERIFY(session.workspace()->clientReview()->active()); // nothing decided on this thread
        QVERIFY(refused.wait(10000));
        QCOMPARE(guitest::messageOf(refused), u"That passphrase is not right."_s);
        QVERIFY(session.workspace()->clientReview()->active());
        session.workspace()->clientReview()->leave(QString());
        QCOMPARE(refused.count(), 2);
        QVERIFY(session.workspace()->clientReview()->active());

        session.workspace()->clientReview()->leave(pass);
        QTRY_VERIFY_WITH_TIMEOUT(!session.workspace()->clientReview()->active(), 10000);
        QCOMPARE(mode.count(), 2);
        QVERIFY(session.isUnlocked());
    }

    void startingAndLeavingAreAuditEventsWithoutNames()
    {
        const QString dir = freshDir();
        {
            VaultSession session(nullptr);
            guitest::unlockWithTwoClients(session, dir);
            QSignalSpy loaded(session.workspace()->patterns(), &PatternsModel::loaded);
            session.workspace()->clientReview()->start(u"C-0001"_s);
            QVERIFY(loaded.wait(10000));
            session.workspace()->clientReview()->leave(pass);
            QTRY_VERIFY_WITH_TIMEOUT(!session.workspace()->clientReview()->active(), 10000);
            session.lock();
        }
        auto vault = uc::vault::Vault::open(dir, u"alice"_s, guitest::secret());
        const uc::model::Id id = vault->clients().find(u"C-0001"_s)->id;
        QStringList actions;
        for (const uc::vault::AuditEntry &e : vault->auditTrail().entries()) {
            if (!e.action.startsWith(u"review-"_s))
                continue;
            actions.append(e.action);
            QCOMPARE(e.object, u"client:%1"_s.arg(id));
            QCOMPARE(e.detail, QString());
            QVERIFY(!e.object.contains(u"Ann"_s));
        }
        QCOMPARE(actions, (QStringList{u"review-start"_s, u"review-end"_s}));
    }

    void aLockEndsReviewOnTheTrail()
    {
        // Review left by a lock (the idle timer, or the lock button) ends on the trail too.
        const QString dir = freshDir();
        {
            VaultSession session(nullptr);
            guitest::unlockWithTwoClients(session, dir);
            QSignalSpy loaded(session.workspace()->patterns(), &PatternsModel::loaded);
            session.workspace()->clientReview()->start(u"C-0001"_s);
            QVERIFY(loaded.wait(10000));
            session.lock();
            QVERIFY(!session.workspace()->clientReview()->active());
            QTRY_VERIFY_WITH_TIMEOUT(!session.vaultThread()->busy(), 10000);
        }
        auto vault = uc::vault::Vault::open(dir, u"alice"_s, guitest::secret());
        QStringList actions;
        for (const uc::vault::AuditEntry &e : vault->auditTrail().entries()) {
            if (e.action.startsWith(u"review-"_s))
                actions.append(e.action + u' ' + e.detail);
        }
        QCOMPARE(actions, (QStringList{u"review-start "_s, u"review-end locked"_s}));
    }

    void openRiskShowsOnlyANeutralIndicator()
    {
        const QString dir = freshDir();
        const QString words = u"Her partner hit her last night and checks her phone."_s;
        {
            auto vault = guitest::createVault(dir);
            guitest::addClient(*vault, u"C-0001"_s, u"Ann Example"_s);
            guitest::addClient(*vault, u"C-0002"_s, u"Bea Example"_s);
            const auto note = guitest::addSession(*vault, u"C-0001"_s, u"2025-01-06"_s, words);
            vault->notes().sign(note, uc::model::RiskAssessment{}); // assessment to follow: open
            QVERIFY(!vault->risk().openFor(u"C-0001"_s).isEmpty());
            QCOMPARE(vault->risk().openFor(u"C-0001"_s).constFirst().risk, u"abuse"_s);
        }
        VaultSession session(nullptr);
        guitest::unlockOn(session, dir);
        ClientReview *review = session.workspace()->clientReview();
        QSignalSpy matter(review, &ClientReview::safetyMatterChanged);
        review->start(u"C-0001"_s);
        QVERIFY(matter.wait(10000));
        QVERIFY(review->safetyMatter());
        // What the screen can read of the review: one bool, never the words or which risk.
        const QMetaObject *meta = review->metaObject();
        for (int i = meta->propertyOffset(); i < meta->propertyCount(); ++i) {
            const QString value = meta->property(i).read(review).toString();
            QVERIFY2(!value.contains(u"hit her"_s) && !value.contains(u"abuse"_s), meta->property(i).name());
        }
        review->leave(pass);
        QTRY_VERIFY_WITH_TIMEOUT(!review->active(), 10000);
        QVERIFY(!review->safetyMatter());

        review->start(u"C-0002"_s); // no risk on record
        QTRY_VERIFY_WITH_TIMEOUT(!session.vaultThread()->busy(), 10000);
        QVERIFY(!review->safetyMatter());
    }

    void wrongPassphrasesInReviewModeMakeEachTryWait()
    {
        VaultSession session(nullptr);
        guitest::unlockWithTwoClients(session, freshDir());
        session.workspace()->clientReview()->start(u"C-0001"_s);
        QSignalSpy refused(session.workspace()->clientReview(), &ClientReview::failed);
        for (int i = 1; i <= 5; ++i) {
            session.workspace()->clientReview()->leave(u"a guess"_s);
            QTRY_COMPARE_WITH_TIMEOUT(refused.count(), i, 10000);
            QCOMPARE(guitest::messageOf(refused), u"That passphrase is not right."_s);
        }
        QCOMPARE(session.retry()->failures(), 5);
        QCOMPARE(session.retry()->seconds(), RetryDelay::secondsAfter(5));
        QVERIFY(session.retry()->seconds() > 0);
        // While the delay runs, even the right passphrase is not tried.
        session.workspace()->clientReview()->leave(pass);
        QCOMPARE(refused.count(), 6);
        QVERIFY(guitest::messageOf(refused).startsWith(u"Too many wrong passphrases"_s));
        QVERIFY(!session.vaultThread()->busy());
        QVERIFY(session.workspace()->clientReview()->active());
        QTRY_COMPARE_WITH_TIMEOUT(session.retry()->seconds(), 0, 15000);
        session.workspace()->clientReview()->leave(pass);
        QTRY_VERIFY_WITH_TIMEOUT(!session.workspace()->clientReview()->active(), 10000);
        QCOMPARE(session.retry()->failures(), 0);
    }

    void aLockEndsReviewMode()
    {
        VaultSession session(nullptr);
        guitest::unlockWithTwoClients(session, freshDir());
        session.workspace()->clientReview()->start(u"C-0001"_s);
        QVERIFY(session.workspace()->clientReview()->active());
        session.lock();
        QVERIFY(!session.workspace()->clientReview()->active());
        QCOMPARE(session.workspace()->patterns()->code(), QString());
    }
};

QTEST_MAIN(ClientReviewTest)
#include "clientreviewtest.moc"
