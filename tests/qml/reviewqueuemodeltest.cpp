// SPDX-License-Identifier: GPL-3.0-or-later
// The review queue as the screen relies on it, on a real vault with the three roles: a supervisor
// sees their therapist's signed notes oldest first with days waiting and the mode, a return shows
// until the author answers with an addendum, a co-signed note leaves the queue, the therapist sees
// the same notes as their own, and the note under review hides its themes while a blind rating of
// it is pending.
#include "supervisiontestutil.h"

#include "notereview.h"
#include "reviewqueuemodel.h"
#include "supervisiondata.h"

#include <boost/date_time/gregorian/gregorian.hpp>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using uc::vault::Vault;

namespace {

const uc::model::Date today(2025, 4, 1);

} // namespace

class ReviewQueueModelTest : public QObject
{
    Q_OBJECT

private:
    guitest::SupervisedFolder m_vault;

    std::unique_ptr<Vault> openAs(const QString &user) { return Vault::open(m_vault.dir, user, guitest::secret()); }

private Q_SLOTS:
    void supervisorSeesSignedNotesOldestFirst()
    {
        auto v = openAs(guitest::supervisor);
        ReviewQueueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy counted(&model, &ReviewQueueModel::countChanged);
        model.setRows(uc::gui::loadQueue(*v, today));
        QCOMPARE(counted.count(), 1);
        QCOMPARE(model.count(), 3); // the draft waits for nobody
        for (int i = 0; i < 3; ++i)
            QCOMPARE(model.data(model.index(i), ReviewQueueModel::NoteIdRole).toLongLong(), m_vault.made.signedNotes.at(i));
        const QModelIndex first = model.index(0);
        QCOMPARE(model.data(first, ReviewQueueModel::ClientCodeRole).toString(), u"C-0001"_s);
        QCOMPARE(model.data(first, ReviewQueueModel::SessionDateRole).toString(), u"2025-03-03"_s);
        QCOMPARE(model.data(first, ReviewQueueModel::TherapistRole).toString(), u"alice"_s);
        QCOMPARE(model.data(first, ReviewQueueModel::SupervisorRole).toString(), guitest::supervisor);
        QCOMPARE(model.data(first, ReviewQueueModel::ModeRole).toString(), u"must-cosign"_s);
        QCOMPARE(model.data(first, ReviewQueueModel::ModeLabelRole).toString(), u"co-signature required"_s);
        QVERIFY(!model.data(first, ReviewQueueModel::ReturnedRole).toBool());
        // Signed today (the real one), so a "today" in the past counts as no wait at all.
        QCOMPARE(model.data(first, ReviewQueueModel::DaysWaitingRole).toInt(), 0);
        const auto later = uc::gui::loadQueue(*v, boost::gregorian::day_clock::universal_day() + boost::gregorian::days(12));
        QCOMPARE(later.first().daysWaiting, 12);
        QCOMPARE(model.indexOf(m_vault.made.signedNotes.at(2)), 2);
        QCOMPARE(model.indexOf(m_vault.made.draft), -1);
        QCOMPARE(model.roleNames().value(ReviewQueueModel::WaitingTextRole), QByteArray("waitingText"));
    }

    void openRiskComesFirstAndIsMarked()
    {
        guitest::SupervisedFolder folder; // a vault of its own: the shared one keeps its queue
        uc::model::Id risky = 0;
        {
            auto alice = Vault::open(folder.dir, u"alice"_s, guitest::secret());
            risky = guitest::addSession(*alice, u"C-0001"_s, u"2025-03-31"_s, u"Reports thoughts of killing herself."_s);
            alice->notes().sign(risky, uc::model::RiskAssessment{}); // assessment to follow: open risk
        }
        auto sam = Vault::open(folder.dir, guitest::supervisor, guitest::secret());
        ReviewQueueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows(uc::gui::loadQueue(*sam, today));
        QCOMPARE(model.count(), 4);
        QCOMPARE(model.roleNames().value(ReviewQueueModel::OpenRiskRole), QByteArray("openRisk"));
        // The newest note, first for its open risk; the others after it, oldest first.
        QCOMPARE(model.data(model.index(0), ReviewQueueModel::NoteIdRole).toLongLong(), risky);
        QVERIFY(model.data(model.index(0), ReviewQueueModel::OpenRiskRole).toBool());
        for (int i = 1; i < 4; ++i) {
            QCOMPARE(model.data(model.index(i), ReviewQueueModel::NoteIdRole).toLongLong(), folder.made.signedNotes.at(i - 1));
            QVERIFY(!model.data(model.index(i), ReviewQueueModel::OpenRiskRole).toBool());
        }
        sam.reset();

        // Closed by an assessment: back in its place by date, unmarked.
        Vault::open(folder.dir, u"alice"_s, guitest::secret())
            ->risk()
            .close(u"C-0001"_s, uc::model::RiskLevel::High, u"Crisis team called; safety plan made."_s);
        sam = Vault::open(folder.dir, guitest::supervisor, guitest::secret());
        model.setRows(uc::gui::loadQueue(*sam, today));
        QCOMPARE(model.data(model.index(3), ReviewQueueModel::NoteIdRole).toLongLong(), risky);
        for (int i = 0; i < 4; ++i)
            QVERIFY(!model.data(model.index(i), ReviewQueueModel::OpenRiskRole).toBool());
    }

    void waitingWords()
    {
        QCOMPARE(ReviewQueueModel::waitingText(0), u"signed today"_s);
        QCOMPARE(ReviewQueueModel::waitingText(1), u"waiting 1 day"_s);
        QCOMPARE(ReviewQueueModel::waitingText(12), u"waiting 12 days"_s);
        QCOMPARE(uc::gui::daysWaiting(u"2025-03-20T10:00:00.000Z"_s, today), 12);
        QCOMPARE(uc::gui::daysWaiting(u"garbage"_s, today), 0);
        QCOMPARE(uc::gui::daysWaiting(u"2025-05-01T10:00:00.000Z"_s, today), 0);
    }

    void returnedUntilAnAddendumThenCosignedLeaves()
    {
        const uc::model::Id returned = m_vault.made.signedNotes.at(1);
        {
            auto sam = openAs(guitest::supervisor);
            sam->supervision().returnNote(returned, u"Add the safety plan."_s);
        }
        ReviewQueueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        {
            // The therapist sees the same note as their own, returned, with the comment counted.
            auto alice = openAs(u"alice"_s);
            model.setRows(uc::gui::loadQueue(*alice, today));
            QCOMPARE(model.count(), 3);
            const int row = model.indexOf(returned);
            QVERIFY(model.data(model.index(row), ReviewQueueModel::ReturnedRole).toBool());
            QCOMPARE(model.data(model.index(row), ReviewQueueModel::CommentsRole).toInt(), 1);
            QCOMPARE(model.returnedCount(), 1);
            alice->notes().addAddendum(returned, u"Safety plan: call the sponsor, no evenings alone this week."_s);
            model.setRows(uc::gui::loadQueue(*alice, today));
            QCOMPARE(model.returnedCount(), 0);
        }
        auto sam = openAs(guitest::supervisor);
        sam->supervision().cosign(returned);
        model.setRows(uc::gui::loadQueue(*sam, today));
        QCOMPARE(model.count(), 2);
        QCOMPARE(model.indexOf(returned), -1);
        model.clear();
        QCOMPARE(model.count(), 0);
    }

    void auditorHasNoQueue()
    {
        auto v = openAs(guitest::auditor);
        try {
            (void)uc::gui::loadQueue(*v, today);
            QFAIL("an auditor's queue was loaded");
        } catch (const uc::Error &e) {
            QCOMPARE(e.kind(), uc::ErrorKind::NotAllowed);
        }
    }

    void reviewNoteCarriesThemesAddendaAndComments()
    {
        const uc::model::Id id = m_vault.made.signedNotes.at(1); // returned and answered above
        auto sam = openAs(guitest::supervisor);
        NoteReview review;
        QSignalSpy loaded(&review, &NoteReview::loaded);
        review.set(uc::gui::loadReviewNote(*sam, id));
        QCOMPARE(loaded.count(), 1);
        QCOMPARE(review.noteId(), id);
        QCOMPARE(review.author(), u"alice"_s);
        QCOMPARE(review.status(), u"cosigned"_s);
        QCOMPARE(review.cosignedBy(), guitest::supervisor);
        QVERIFY(review.text().contains(u"anxious"_s));
        QVERIFY(!review.themesHidden());
        QVERIFY(review.tags()->count() > 0);
        QCOMPARE(review.addenda().size(), 1);
        const QVariantList comments = review.comments();
        QCOMPARE(comments.size(), 1);
        QVERIFY(comments.first().toMap().value(u"returned"_s).toBool());
        QCOMPARE(comments.first().toMap().value(u"text"_s).toString(), u"Add the safety plan."_s);
        review.clear();
        QCOMPARE(review.noteId(), 0);
        QCOMPARE(review.tags()->count(), 0);
    }

    void themesHiddenWhileABlindRatingIsPending()
    {
        auto sam = openAs(guitest::supervisor);
        const auto sample = sam->agreement().start(u"alice"_s, 1);
        const uc::model::Id id = sample.notes.first();
        const uc::gui::ReviewNoteData blind = uc::gui::loadReviewNote(*sam, id);
        QVERIFY(blind.themesHidden);
        QVERIFY(blind.tags.isEmpty());
        QVERIFY(!blind.text.isEmpty()); // the words are there to rate
        sam->agreement().rate(sample.check, id, {u"anxiety"_s});
        const uc::gui::ReviewNoteData rated = uc::gui::loadReviewNote(*sam, id);
        QVERIFY(!rated.themesHidden);
        QVERIFY(!rated.tags.isEmpty());
    }
};

QTEST_GUILESS_MAIN(ReviewQueueModelTest)
#include "reviewqueuemodeltest.moc"
