// SPDX-License-Identifier: GPL-3.0-or-later
// VaultSession's supervision and audit calls as the screens rely on them, on a real vault with the
// three roles: each answers later through a signal; the role and its permissions arrive with the
// unlock and go with the lock; a refused action comes back as a plain message, never a crash; the
// queue refreshes after an action; the audit viewer lists, verifies and exports; the blind
// agreement check runs from sample to report.
#include "supervisiontestutil.h"

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
        QTRY_VERIFY(!session.busy());

        unlockAs(session, guitest::auditor);
        QCOMPARE(session.homeArea(), u"audit"_s);
        QVERIFY(session.can(u"read-audit"_s));
        QVERIFY(!session.can(u"comment"_s));
        session.lock();
        QTRY_VERIFY(!session.busy());
        unlockAs(session, u"alice"_s);
        QCOMPARE(session.homeArea(), u"clients"_s);
        QVERIFY(session.can(u"review-queue"_s));
        QVERIFY(!session.can(u"cosign"_s));
        session.lock();
        QTRY_VERIFY(!session.busy());
    }

    void cosignAnswersLaterAndRefreshesTheQueue()
    {
        VaultSession session(nullptr);
        const auto made = unlockAs(session, guitest::supervisor);
        QSignalSpy loaded(session.queue(), &ReviewQueueModel::loaded);
        session.queue()->reload();
        QVERIFY(session.queue()->loading());
        QCOMPARE(loaded.count(), 0); // on the worker
        QVERIFY(loaded.wait(10000));
        QCOMPARE(session.queue()->count(), 3);
        QVERIFY(!session.queue()->loading());

        const qint64 first = made.signedNotes.first();
        QSignalSpy opened(session.review(), &NoteReview::opened);
        session.review()->open(first);
        QVERIFY(opened.wait(10000));
        QCOMPARE(session.review()->noteId(), first);
        QCOMPARE(session.review()->status(), u"signed"_s);

        QSignalSpy acted(session.review(), &NoteReview::acted);
        session.review()->cosign();
        QVERIFY(acted.wait(10000));
        QCOMPARE(acted.last().at(1).toString(), u"cosign"_s);
        QCOMPARE(session.review()->status(), u"cosigned"_s);
        QCOMPARE(session.review()->cosignedBy(), guitest::supervisor);
        QVERIFY(loaded.wait(10000)); // the queue is read again
        QCOMPARE(session.queue()->count(), 2);
        QCOMPARE(session.queue()->indexOf(first), -1);
        session.lock();
        QTRY_VERIFY(!session.busy());
        QCOMPARE(session.queue()->count(), 0);
        QCOMPARE(session.review()->noteId(), 0);
    }

    void returnNeedsACommentAndCommentsShow()
    {
        VaultSession session(nullptr);
        const auto made = unlockAs(session, guitest::supervisor);
        QSignalSpy opened(session.review(), &NoteReview::opened);
        session.review()->open(made.signedNotes.at(1));
        QVERIFY(opened.wait(10000));
        QSignalSpy failed(session.review(), &NoteReview::failed);
        QSignalSpy acted(session.review(), &NoteReview::acted);
        session.review()->returnToAuthor(u"   "_s);
        QCOMPARE(failed.count(), 1); // refused at once, nothing posted
        QVERIFY(guitest::messageOf(failed).contains(u"needs a comment"_s));
        QVERIFY(!session.busy());

        session.review()->comment(u"Nice link to the earlier session."_s);
        QVERIFY(acted.wait(10000));
        session.review()->returnToAuthor(u"Add the safety plan in an addendum."_s);
        QVERIFY(acted.wait(10000));
        QCOMPARE(acted.last().at(1).toString(), u"return"_s);
        const QVariantList comments = session.review()->comments();
        QCOMPARE(comments.size(), 2);
        QVERIFY(!comments.at(0).toMap().value(u"returned"_s).toBool());
        QVERIFY(comments.at(1).toMap().value(u"returned"_s).toBool());
        QTRY_COMPARE(session.queue()->returnedCount(), 1);
        session.lock();
        QTRY_VERIFY(!session.busy());
    }

    void aRefusedActionArrivesAsAMessage()
    {
        VaultSession session(nullptr);
        const auto made = unlockAs(session, guitest::auditor);
        QSignalSpy opened(session.review(), &NoteReview::opened);
        session.review()->open(made.signedNotes.first()); // an auditor reads the records
        QVERIFY(opened.wait(10000));
        QSignalSpy failed(session.review(), &NoteReview::failed);
        session.review()->cosign();
        QVERIFY(failed.wait(10000));
        QVERIFY2(guitest::messageOf(failed).contains(u"an auditor cannot co-sign notes"_s),
                 qPrintable(guitest::messageOf(failed)));
        // The screen can tell a refusal for the role from a damaged vault or a bad field.
        QCOMPARE(guitest::lastFailure(failed).kind(), Failure::NotAllowed);
        QCOMPARE(guitest::lastFailure(failed).action(), u"cosign"_s);
        QCOMPARE(session.review()->status(), u"signed"_s); // nothing changed
        QVERIFY(session.isUnlocked());

        // The queue is refused to an auditor too: on the banner, and the model stops loading.
        QSignalSpy banner(&session, &VaultSession::errorChanged);
        session.queue()->reload();
        QVERIFY(banner.wait(10000));
        QVERIFY(session.errorMessage().contains(u"cannot see a review queue"_s));
        QCOMPARE(session.error().title(), Failure::titleOf(Failure::NotAllowed));
        QVERIFY(!session.queue()->loading());
        session.lock();
        QTRY_VERIFY(!session.busy());
    }

    void supervisorSeesADraftReadOnly()
    {
        VaultSession session(nullptr);
        const auto made = unlockAs(session, guitest::supervisor);
        QSignalSpy opened(session.note(), &NoteEditor::noteOpened);
        session.note()->open(made.signedNotes.first());
        QVERIFY(opened.wait(10000));
        QVERIFY(session.note()->readOnly());
        QVERIFY(!session.note()->mayAddAddendum()); // only the author adds addenda
        session.lock();
        QTRY_VERIFY(!session.busy());

        unlockAs(session, u"alice"_s);
        QSignalSpy openedAgain(session.note(), &NoteEditor::noteOpened);
        session.note()->open(made.signedNotes.first());
        QVERIFY(openedAgain.wait(10000));
        QVERIFY(session.note()->readOnly());
        QVERIFY(session.note()->mayAddAddendum());
        session.note()->open(made.draft);
        QVERIFY(openedAgain.wait(10000));
        QVERIFY(!session.note()->readOnly());
        session.lock();
        QTRY_VERIFY(!session.busy());
    }

    // Objects read as a clinician knows them (client codes, note titles), resolved for display
    // while the entries keep their ids.
    void auditShowsClientCodesAndNoteTitles()
    {
        VaultSession session(nullptr);
        unlockAs(session, u"alice"_s);
        QSignalSpy loaded(session.audit(), &AuditModel::loaded);
        session.audit()->load(QString(), QString());
        QVERIFY(loaded.wait(10000));
        AuditModel *audit = session.audit();
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
        QTRY_VERIFY(!session.busy());
    }

    void auditListsVerifiesAndExports()
    {
        VaultSession session(nullptr);
        unlockAs(session, guitest::auditor);
        QSignalSpy loaded(session.audit(), &AuditModel::loaded);
        QSignalSpy verified(session.audit(), &AuditModel::verificationChanged);
        QSignalSpy failed(session.audit(), &AuditModel::failed);
        session.audit()->load(QString(), QString());
        QVERIFY(loaded.wait(10000));
        QCOMPARE(verified.count(), 1); // listing verifies too
        const int all = session.audit()->count();
        QVERIFY(all > 10);
        QVERIFY(session.audit()->whole());
        // The listed and the verified count are of the same trail.
        QCOMPARE(session.audit()->verificationText(), u"Audit trail whole: %1 entries"_s.arg(all));
        session.audit()->verify(); // listing was recorded: verifying again lists again
        QVERIFY(loaded.wait(10000));
        QCOMPARE(session.audit()->count(), all + 1);
        QCOMPARE(session.audit()->verificationText(), u"Audit trail whole: %1 entries"_s.arg(all + 1));

        session.audit()->load(QString(), guitest::supervisor);
        QVERIFY(loaded.wait(10000));
        QVERIFY(session.audit()->count() > 0);
        QVERIFY(session.audit()->count() < all);
        for (int i = 0; i < session.audit()->count(); ++i)
            QCOMPARE(session.audit()->data(session.audit()->index(i), AuditModel::UserRole).toString(), guitest::supervisor);

        session.audit()->load(u"2999-01-01"_s, QString());
        QVERIFY(loaded.wait(10000));
        QCOMPARE(session.audit()->count(), 0);

        session.audit()->load(u"last tuesday"_s, QString());
        QCOMPARE(failed.count(), 1); // at once
        QVERIFY(guitest::messageOf(failed).contains(u"YYYY-MM-DD"_s));

        // A period: both ends inclusive; an end before the start is refused at once.
        session.audit()->load(u"2000-01-01"_s, QString(), u"2000-12-31"_s);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(session.audit()->count(), 0);
        const QString today = QDate::currentDate().toString(Qt::ISODate);
        session.audit()->load(u"2000-01-01"_s, QString(), today);
        QVERIFY(loaded.wait(10000));
        QVERIFY(session.audit()->count() >= all);
        session.audit()->load(today, QString(), u"2000-01-01"_s);
        QCOMPARE(failed.count(), 2);
        QCOMPARE(guitest::messageOf(failed), u"The period ends before it starts."_s);
        session.audit()->load(QString(), QString(), u"2025-02-30"_s);
        QCOMPARE(failed.count(), 3);

        QSignalSpy exported(session.audit(), &AuditModel::exported);
        const QString file = m_dir.filePath(u"trail"_s);
        session.audit()->exportCsv(QString(), QString(), QUrl::fromLocalFile(file).toString());
        QVERIFY(exported.wait(10000));
        QCOMPARE(exported.last().at(1).toString(), file + u".csv"_s);
        QVERIFY(exported.last().at(0).toInt() > 10);
        QFile csv(file + u".csv"_s);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QVERIFY(csv.readLine().startsWith("seq,at,user,action,object,detail,hash"));
        session.lock();
        QTRY_VERIFY(!session.busy());
        QCOMPARE(session.audit()->count(), 0);
        QVERIFY(!session.audit()->verified());
    }

    void aTherapistReadsOnlyTheirOwnTrail()
    {
        VaultSession session(nullptr);
        unlockAs(session, u"alice"_s);
        QSignalSpy failed(session.audit(), &AuditModel::failed);
        session.audit()->load(QString(), guitest::supervisor);
        QVERIFY(failed.wait(10000));
        QVERIFY2(guitest::messageOf(failed).contains(u"own"_s), qPrintable(guitest::messageOf(failed)));
        session.lock();
        QTRY_VERIFY(!session.busy());
    }

    void agreementCheckFromSampleToReport()
    {
        VaultSession session(nullptr);
        unlockAs(session, guitest::supervisor);
        AgreementCheck *check = session.agreement();
        QSignalSpy setup(check, &AgreementCheck::setupChanged);
        session.agreement()->loadSetup();
        QVERIFY(setup.wait(10000));
        QCOMPARE(check->therapists(), QStringList{u"alice"_s});
        QVERIFY(!check->themes().isEmpty());

        QSignalSpy failed(session.agreement(), &AgreementCheck::failed);
        session.agreement()->start(guitest::auditor, 2); // not a therapist of sam's
        QVERIFY(failed.wait(10000));
        QCOMPARE(check->checkId(), 0);

        QSignalSpy started(session.agreement(), &AgreementCheck::started);
        session.agreement()->start(u"alice"_s, 2);
        QVERIFY(started.wait(10000));
        QCOMPARE(check->sampled(), 2);
        QVERIFY(check->noteId() != 0);
        QSignalSpy rated(session.agreement(), &AgreementCheck::noteRated);
        QSignalSpy report(session.agreement(), &AgreementCheck::reportLoaded);
        session.agreement()->rate({u"abandonment"_s});
        QVERIFY(rated.wait(10000));
        QCOMPARE(check->rated(), 1);
        QCOMPARE(report.count(), 0);
        session.agreement()->rate({});
        QVERIFY(rated.wait(10000));
        QVERIFY(check->finished());
        QCOMPARE(report.count(), 1); // the last rating brings the report
        QVERIFY(check->hasReport());
        QCOMPARE(check->reportRated(), 2);
        session.lock();
        QTRY_VERIFY(!session.busy());
        QCOMPARE(check->checkId(), 0);
        QVERIFY(!check->hasReport());
    }
};

QTEST_MAIN(SupervisionSessionTest)
#include "supervisionsessiontest.moc"
