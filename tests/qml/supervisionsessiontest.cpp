// SPDX-License-Identifier: GPL-3.0-or-later
// VaultSession's supervision and audit calls as the screens rely on them, on a real vault with the
// three roles: each answers later through a signal; the role and its permissions arrive with the
// unlock and go with the lock; a refused action comes back as a plain message, never a crash; the
// queue refreshes after an action; the audit viewer lists, verifies and exports; the blind
// agreement check runs from sample to report.
#include "supervisiontestutil.h"
#include "bannerstate.h"
#include "workspace.h"

#include "agreementcheck.h"
#include "auditmodel.h"
#include "noteeditor.h"
#include "notereview.h"
#include "reviewqueuemodel.h"
#include "vaultsession.h"

#include <QFile>
#include <QSettings>
#include <QDate>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class SupervisionSessionTest : public guitest::SupervisedSessionTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        startTestCase();
    }

    void roleAndPermissionsComeWithTheUnlockAndGoWithTheLock()
    {
        VaultSession session(nullptr);
        QCOMPARE(session.role(), QString());
        QVERIFY(!session.can(u"read-records"_s));
        QSignalSpy roleChanged(&session, &VaultSession::roleChanged);
        unlockAs(session, guitest::supervisor);
        QCOMPARE(session.role(), u"supervisor"_s);
        QCOMPARE(roleChanged.count(), 1);
        QCOMPARE(session.homeArea(), u"queue"_s);
        QVERIFY(session.can(u"cosign"_s));
        QVERIFY(session.can(u"agreement-check"_s));
        QVERIFY(!session.can(u"sign-note"_s));
        QVERIFY(!session.can(u"no-such-action"_s));
        const QVariantMap permissions = session.permissions();
        QCOMPARE(permissions.size(), uc::model::permissions().size());
        QCOMPARE(permissions.value(u"return-note"_s).toBool(), true);
        QCOMPARE(permissions.value(u"write-note"_s).toBool(), false);
        session.lock();
        QCOMPARE(session.role(), QString());
        QCOMPARE(session.homeArea(), u"clients"_s);
        QVERIFY(!session.can(u"cosign"_s));
        QTRY_VERIFY(!session.vaultThread()->busy());

        unlockAs(session, guitest::auditor);
        QCOMPARE(session.homeArea(), u"audit"_s);
        QVERIFY(session.can(u"read-audit"_s));
        QVERIFY(!session.can(u"comment"_s));
        session.lock();
        QTRY_VERIFY(!session.vaultThread()->busy());
        unlockAs(session, u"alice"_s);
        QCOMPARE(session.homeArea(), u"clients"_s);
        QVERIFY(session.can(u"review-queue"_s));
        QVERIFY(!session.can(u"cosign"_s));
        session.lock();
        QTRY_VERIFY(!session.vaultThread()->busy());
    }

    void cosignAnswersLaterAndRefreshesTheQueue()
    {
        VaultSession session(nullptr);
        const auto made = unlockAs(session, guitest::supervisor);
        QSignalSpy loaded(session.workspace()->queue(), &ReviewQueueModel::loaded);
        session.workspace()->queue()->reload();
        QVERIFY(session.workspace()->queue()->loading());
        QCOMPARE(loaded.count(), 0); // on the worker
        QVERIFY(loaded.wait(10000));
        QCOMPARE(session.workspace()->queue()->count(), 3);
        QVERIFY(!session.workspace()->queue()->loading());

        const qint64 first = made.signedNotes.first();
        QSignalSpy opened(session.workspace()->review(), &NoteReview::opened);
        session.workspace()->review()->open(first);
        QVERIFY(opened.wait(10000));
        QCOMPARE(session.workspace()->review()->noteId(), first);
        QCOMPARE(session.workspace()->review()->status(), u"signed"_s);

        QSignalSpy acted(session.workspace()->review(), &NoteReview::acted);
        session.workspace()->review()->cosign();
        QVERIFY(acted.wait(10000));
        QCOMPARE(acted.last().at(1).toString(), u"cosign"_s);
        QCOMPARE(session.workspace()->review()->status(), u"cosigned"_s);
        QCOMPARE(session.workspace()->review()->cosignedBy(), guitest::supervisor);
        QVERIFY(loaded.wait(10000)); // the queue is read again
        QCOMPARE(session.workspace()->queue()->count(), 2);
        QCOMPARE(session.workspace()->queue()->indexOf(first), -1);
        session.lock();
        QTRY_VERIFY(!session.vaultThread()->busy());
        QCOMPARE(session.workspace()->queue()->count(), 0);
        QCOMPARE(session.workspace()->review()->noteId(), 0);
    }

    void returnNeedsACommentAndCommentsShow()
    {
        VaultSession session(nullptr);
        const auto made = unlockAs(session, guitest::supervisor);
        QSignalSpy opened(session.workspace()->review(), &NoteReview::opened);
        session.workspace()->review()->open(made.signedNotes.at(1));
        QVERIFY(opened.wait(10000));
        QSignalSpy failed(session.workspace()->review(), &NoteReview::failed);
        QSignalSpy acted(session.workspace()->review(), &NoteReview::acted);
        session.workspace()->review()->returnToAuthor(u"   "_s);
        QCOMPARE(failed.count(), 1); // refused at once, nothing posted
        QVERIFY(guitest::messageOf(failed).contains(u"needs a comment"_s));
        QVERIFY(!session.vaultThread()->busy());

        session.workspace()->review()->comment(u"Nice link to the earlier session."_s);
        QVERIFY(acted.wait(10000));
        session.workspace()->review()->returnToAuthor(u"Add the safety plan in an addendum."_s);
        QVERIFY(acted.wait(10000));
        QCOMPARE(acted.last().at(1).toString(), u"return"_s);
        const QVariantList comments = session.workspace()->review()->comments();
        QCOMPARE(comments.size(), 2);
        QVERIFY(!comments.at(0).toMap().value(u"returned"_s).toBool());
        QVERIFY(comments.at(1).toMap().value(u"returned"_s).toBool());
        QTRY_COMPARE(session.workspace()->queue()->returnedCount(), 1);
        session.lock();
        QTRY_VERIFY(!session.vaultThread()->busy());
    }

    void aRefusedActionArrivesAsAMessage()
    {
        VaultSession session(nullptr);
        const auto made = unlockAs(session, guitest::auditor);
        QSignalSpy opened(session.workspace()->review(), &NoteReview::opened);
        session.workspace()->review()->open(made.signedNotes.first()); // an auditor reads the records
        QVERIFY(opened.wait(10000));
        QSignalSpy failed(session.workspace()->review(), &NoteReview::failed);
        session.workspace()->review()->cosign();
        QVERIFY(failed.wait(10000));
        QVERIFY2(guitest::messageOf(failed).contains(u"an auditor cannot co-sign notes"_s),
                 qPrintable(guitest::messageOf(failed)));
        // The screen can tell a refusal for the role from a damaged vault or a bad field.
        QCOMPARE(guitest::lastFailure(failed).kind(), Failure::NotAllowed);
        QCOMPARE(guitest::lastFailure(failed).action(), u"cosign"_s);
        QCOMPARE(session.workspace()->review()->status(), u"signed"_s); // nothing changed
        QVERIFY(session.isUnlocked());

        // The queue is refused to an auditor too: on the banner, and the model stops loading.
        QSignalSpy banner(session.banner(), &BannerState::changed);
        session.workspace()->queue()->reload();
        QVERIFY(banner.wait(10000));
        QVERIFY(session.banner()->failure().message().contains(u"cannot see a review queue"_s));
        QCOMPARE(session.banner()->failure().title(), Failure::titleOf(Failure::NotAllowed));
        QVERIFY(!session.workspace()->queue()->loading());
        session.lock();
        QTRY_VERIFY(!session.vaultThread()->busy());
    }

    void supervisorSeesADraftReadOnly()
    {
        VaultSession session(nullptr);
        const auto made = unlockAs(session, guitest::supervisor);
        QSignalSpy opened(session.workspace()->note(), &NoteEditor::noteOpened);
        session.workspace()->note()->open(made.signedNotes.first());
        QVERIFY(opened.wait(10000));
        QVERIFY(session.workspace()->note()->readOnly());
        QVERIFY(!session.workspace()->note()->mayAddAddendum()); // only the author adds addenda
        session.lock();
        QTRY_VERIFY(!session.vaultThread()->busy());

        unlockAs(session, u"alice"_s);
        QSignalSpy openedAgain(session.workspace()->note(), &NoteEditor::noteOpened);
        session.workspace()->note()->open(made.signedNotes.first());
        QVERIFY(openedAgain.wait(10000));
        QVERIFY(session.workspace()->note()->readOnly());
        QVERIFY(session.workspace()->note()->mayAddAddendum());
        session.workspace()->note()->open(made.draft);
        QVERIFY(openedAgain.wait(10000));
        QVERIFY(!session.workspace()->note()->readOnly());
        session.lock();
        QTRY_VERIFY(!session.vaultThread()->busy());
    }

    // Objects read as a clinician knows them (client codes, note titles), resolved for display
    // while the entries keep their ids.
    void auditShowsClientCodesAndNoteTitles()
    {
        VaultSession session(nullptr);
        unlockAs(session, u"alice"_s);
        QSignalSpy loaded(session.workspace()->audit(), &AuditModel::loaded);
        session.workspace()->audit()->load(QString(), QString());
        QVERIFY(loaded.wait(10000));
        AuditModel *audit = session.workspace()->audit();
        bool client = false;
        bool note = false;
        for (int i = 0; i < audit->count(); ++i) {
            const QString object = audit->data(audit->index(i), AuditModel::ObjectRole).toString();
            const QString label = audit->data(audit->index(i), AuditModel::ObjectLabelRole).toString();
            if (object.startsWith(u"client:"_s)) {
                client = true;
                QVERIFY2(label.startsWith(u"C-"_s), qPrintable(label));
            } else if (object.startsWith(u"note:"_s)) {
                note = true;
                QVERIFY2(label.startsWith(u"C-"_s) && label.contains(u" note, 20"_s), qPrintable(label));
            } else {
                QCOMPARE(label, object);
            }
        }
        QVERIFY(client);
        QVERIFY(note);
        session.lock();
        QTRY_VERIFY(!session.vaultThread()->busy());
    }

    void auditListsVerifiesAndExports()
    {
        VaultSession session(nullptr);
        unlockAs(session, guitest::auditor);
        QSignalSpy loaded(session.workspace()->audit(), &AuditModel::loaded);
        QSignalSpy verified(session.workspace()->audit(), &AuditModel::verificationChanged);
        QSignalSpy failed(session.workspace()->audit(), &AuditModel::failed);
        session.workspace()->audit()->load(QString(), QString());
        QVERIFY(loaded.wait(10000));
        QCOMPARE(verified.count(), 1); // listing verifies too
        const int all = session.workspace()->audit()->count();
        QVERIFY(all > 10);
        QVERIFY(session.workspace()->audit()->whole());
        // The listed and the verified count are of the same trail.
        QCOMPARE(session.workspace()->audit()->verificationText(), u"Audit trail whole: %1 entries"_s.arg(all));
        session.workspace()->audit()->verify(); // listing was recorded: verifying again lists again
        QVERIFY(loaded.wait(10000));
        QCOMPARE(session.workspace()->audit()->count(), all + 1);
        QCOMPARE(session.workspace()->audit()->verificationText(), u"Audit trail whole: %1 entries"_s.arg(all + 1));

        session.workspace()->audit()->load(QString(), guitest::supervisor);
        QVERIFY(loaded.wait(10000));
        QVERIFY(session.workspace()->audit()->count() > 0);
        QVERIFY(session.workspace()->audit()->count() < all);
        for (int i = 0; i < session.workspace()->audit()->count(); ++i)
            QCOMPARE(session.workspace()->audit()->data(session.workspace()->audit()->index(i), AuditModel::UserRole).toString(), guitest::supervisor);

        session.workspace()->audit()->load(u"2999-01-01"_s, QString());
        QVERIFY(loaded.wait(10000));
        QCOMPARE(session.workspace()->audit()->count(), 0);

        session.workspace()->audit()->load(u"last tuesday"_s, QString());
        QCOMPARE(failed.count(), 1); // at once
        QVERIFY(guitest::messageOf(failed).contains(u"YYYY-MM-DD"_s));

        // A period: both ends inclusive; an end before the start is refused at once.
        session.workspace()->audit()->load(u"2000-01-01"_s, QString(), u"2000-12-31"_s);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(session.workspace()->audit()->count(), 0);
        const QString today = QDate::currentDate().toString(Qt::ISODate);
        session.workspace()->audit()->load(u"2000-01-01"_s, QString(), today);
        QVERIFY(loaded.wait(10000));
        QVERIFY(session.workspace()->audit()->count() >= all);
        session.workspace()->audit()->load(today, QString(), u"2000-01-01"_s);
        QCOMPARE(failed.count(), 2);
        QCOMPARE(guitest::messageOf(failed), u"The period ends before it starts."_s);
        session.workspace()->audit()->load(QString(), QString(), u"2025-02-30"_s);
        QCOMPARE(failed.count(), 3);

        QSignalSpy exported(session.workspace()->audit(), &AuditModel::exported);
        const QString file = m_dir.filePath(u"trail"_s);
        session.workspace()->audit()->exportCsv(QString(), QString(), QUrl::fromLocalFile(file).toString());
        QVERIFY(exported.wait(10000));
        QCOMPARE(exported.last().at(1).toString(), file + u".csv"_s);
        QVERIFY(exported.last().at(0).toInt() > 10);
        QFile csv(file + u".csv"_s);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QVERIFY(csv.readLine().startsWith("seq,at,user,action,object,detail,hash"));
        session.lock();
        QTRY_VERIFY(!session.vaultThread()->busy());
        QCOMPARE(session.workspace()->audit()->count(), 0);
        QVERIFY(!session.workspace()->audit()->verified());
    }

    void aTherapistReadsOnlyTheirOwnTrail()
    {
        VaultSession session(nullptr);
        unlockAs(session, u"alice"_s);
        QSignalSpy failed(session.workspace()->audit(), &AuditModel::failed);
        session.workspace()->audit()->load(QString(), guitest::supervisor);
        QVERIFY(failed.wait(10000));
        QVERIFY2(guitest::messageOf(failed).contains(u"own"_s), qPrintable(guitest::messageOf(failed)));
        session.lock();
        QTRY_VERIFY(!session.vaultThread()->busy());
    }

    void agreementCheckFromSampleToReport()
    {
        VaultSession session(nullptr);
        unlockAs(session, guitest::supervisor);
        AgreementCheck *check = session.workspace()->agreement();
        QSignalSpy setup(check, &AgreementCheck::setupChanged);
        session.workspace()->agreement()->loadSetup();
        QVERIFY(setup.wait(10000));
        QCOMPARE(check->therapists(), QStringList{u"alice"_s});
        QVERIFY(!check->themes().isEmpty());

        QSignalSpy failed(session.workspace()->agreement(), &AgreementCheck::failed);
        session.workspace()->agreement()->start(guitest::auditor, 2); // not a therapist of sam's
        QVERIFY(failed.wait(10000));
        QCOMPARE(check->checkId(), 0);

        QSignalSpy started(session.workspace()->agreement(), &AgreementCheck::started);
        session.workspace()->agreement()->start(u"alice"_s, 2);
        QVERIFY(started.wait(10000));
        QCOMPARE(check->sampled(), 2);
        QVERIFY(check->noteId() != 0);
        QSignalSpy rated(session.workspace()->agreement(), &AgreementCheck::noteRated);
        QSignalSpy report(session.workspace()->agreement(), &AgreementCheck::reportLoaded);
        session.workspace()->agreement()->rate({u"abandonment"_s});
        QVERIFY(rated.wait(10000));
        QCOMPARE(check->rated(), 1);
        QCOMPARE(report.count(), 0);
        session.workspace()->agreement()->rate({});
        QVERIFY(rated.wait(10000));
        QVERIFY(check->finished());
        QCOMPARE(report.count(), 1); // the last rating brings the report
        QVERIFY(check->hasReport());
        QCOMPARE(check->reportRated(), 2);
        session.lock();
        QTRY_VERIFY(!session.vaultThread()->busy());
        QCOMPARE(check->checkId(), 0);
        QVERIFY(!check->hasReport());
    }
};

QTEST_MAIN(SupervisionSessionTest)
#include "supervisionsessiontest.moc"
