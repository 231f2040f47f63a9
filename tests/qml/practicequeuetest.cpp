// SPDX-License-Identifier: GPL-3.0-or-later
// The review queue filled from other machines (docs/practice.md, "In the GUI"), against a real
// practice server (tests/practice/practicecluster.h): ada administers the practice and writes two
// notes on her own machine, one with open risk; bea, a therapist no supervisor is assigned to, writes
// one on hers; sam, the supervisor the administrator assigned to ada, syncs from the GUI, sees ada's
// notes in his queue (the risky one first, marked as from the practice) and never bea's, opens one
// read-only and co-signs it from the GUI in the background; ada's next sync shows it co-signed. A
// comment while the server is stopped is "not sent"; his return reaches ada's "My notes in review"
// after her sync, until her addendum answers it; a kept file edited on disk shows nothing as
// verified.
#include "notereview.h"
#include "practicecluster.h"
#include "practicesync.h"
#include "reviewqueuemodel.h"
#include "sessiontestutil.h"
#include "workspace.h"

#include "practice/answers.h"
#include "practice/membership.h"
#include "practice/practice.h"
#include "practice/sealedfile.h"
#include "practice/sync.h"
#include "vault/notes.h"
#include "vault/vault.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using uc::vault::Vault;

// One bit of a kept file flipped, as someone with the disk would; the file put back when it goes.
class FlippedFile
{
public:
    FlippedFile(const QString &path, qsizetype at)
        : m_path(path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return;
        m_original = file.readAll();
        file.close();
        QByteArray edited = m_original;
        at = at < 0 ? edited.size() + at : at;
        edited[at] = static_cast<char>(edited.at(at) ^ 0x01);
        m_flipped = file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(edited) == edited.size();
    }
    ~FlippedFile() { putBack(); }
    FlippedFile(const FlippedFile &) = delete;
    FlippedFile &operator=(const FlippedFile &) = delete;

    [[nodiscard]] bool flipped() const { return m_flipped; }
    void putBack()
    {
        if (!m_flipped)
            return;
        QFile file(m_path);
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            file.write(m_original);
        m_flipped = false;
    }

private:
    QString m_path;
    QByteArray m_original;
    bool m_flipped = false;
};

class PracticeQueueTest : public guitest::SessionTest
{
    Q_OBJECT

    practicetest::Cluster m_server;
    QString m_ada, m_bea, m_sam;
    QString m_adaId, m_beaId, m_samId;
    uc::model::Id m_risky = 0, m_plain = 0;

    std::unique_ptr<Vault> open(const QString &dir, const QString &user) { return Vault::open(dir, user, guitest::secret()); }
    QString memberOf(const QString &dir, const QString &user) { return uc::practice::loadMembership(*open(dir, user))->memberId; }
    static bool reloaded(ReviewQueueModel *queue)
    {
        QSignalSpy loaded(queue, &ReviewQueueModel::loaded);
        queue->reload();
        return loaded.wait(20000);
    }
    // sam's session, unlocked, synced from the GUI.
    static bool unlockAndSync(VaultSession &session, const QString &dir)
    {
        guitest::useVault(session, dir);
        if (!guitest::unlockAs(session, u"sam"_s))
            return false;
        PracticeSync *sync = session.workspace()->sync();
        if (!QTest::qWaitFor([&] { return sync->state() == PracticeSync::Idle; }, 10000))
            return false;
        QSignalSpy finished(sync, &PracticeSync::finished);
        return sync->syncNow() && finished.wait(60000) && sync->state() == PracticeSync::Idle;
    }

    // Unlocked as user with a kept file edited on disk: the queue lists nothing and says why.
    void unlockToAnEmptyQueue(VaultSession &session, const QString &vault, const QString &user)
    {
        guitest::useVault(session, vault);
        QVERIFY(guitest::unlockAs(session, user));
        ReviewQueueModel *queue = session.workspace()->queue();
        QVERIFY(reloaded(queue));
        QCOMPARE(queue->count(), 0);
        QVERIFY2(queue->practiceProblem().contains(u"changed or replaced"_s), qPrintable(queue->practiceProblem()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (const QString why = practicetest::whyNoPostgres(); !why.isEmpty())
            QSKIP(qPrintable(why));
        startTestCase();
        QVERIFY2(m_server.start(), m_server.output().constData());
        m_ada = freshDir();
        m_bea = freshDir();
        m_sam = freshDir();
        QString samCode, beaCode;
        {
            auto ada = guitest::createVault(m_ada, u"ada"_s);
            m_adaId = uc::practice::initPractice(*ada, m_server.url(), m_server.caFile(), m_server.caKeyFile()).memberId;
            samCode = uc::practice::invite(*ada, u"sam"_s, uc::model::Role::Supervisor);
            beaCode = uc::practice::invite(*ada, u"bea"_s, uc::model::Role::Therapist);
        }
        {
            auto sam = Vault::create(m_sam, u"sam"_s, guitest::secret(), uc::model::Role::Supervisor,
                                     uc::vault::KdfCost::testOnly())
                           .vault;
            m_samId = uc::practice::join(*sam, m_server.url(), samCode).memberId;
            auto bea = guitest::createVault(m_bea, u"bea"_s);
            m_beaId = uc::practice::join(*bea, m_server.url(), beaCode).memberId;
            guitest::addClient(*bea, u"C-0009"_s, u"Bo Nobody"_s);
            bea->notes().sign(guitest::addSession(*bea, u"C-0009"_s, u"2025-02-03"_s, guitest::anxiousText));
        }
        auto ada = open(m_ada, u"ada"_s);
        QCOMPARE(uc::practice::status(*ada).certifiedNow, 2);
        QCOMPARE(uc::practice::sync(*open(m_bea, u"bea"_s)).pushed, 1); // bea's note, for nobody sam supervises
        uc::practice::assign(*ada, m_samId, m_adaId);
        guitest::addClient(*ada, u"C-0001"_s, u"Ann Example"_s);
        m_plain = guitest::addSession(*ada, u"C-0001"_s, u"2025-01-06"_s, guitest::abandonedText);
        ada->notes().sign(m_plain);
        m_risky = guitest::addSession(*ada, u"C-0001"_s, u"2025-01-13"_s, u"Reports thoughts of killing herself."_s);
        ada->notes().sign(m_risky, uc::model::RiskAssessment {}); // assessment to follow: open risk
        QCOMPARE(uc::practice::sync(*ada).pushed, 2);
    }

    void theSupervisorsQueueShowsTheReceivedNotesAndCoSignsOne()
    {
        VaultSession session(nullptr);
        QVERIFY(unlockAndSync(session, m_sam));
        QCOMPARE(session.workspace()->sync()->lastResult(), u"Pushed 0, pulled 2."_s); // not bea's
        ReviewQueueModel *queue = session.workspace()->queue();
        QAbstractItemModelTester tester(queue, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(reloaded(queue));
        QCOMPARE(queue->count(), 2);
        QCOMPARE(queue->waitingCount(), 2);
        QVERIFY(queue->practiceProblem().isEmpty());
        const auto at = [&](int row, ReviewQueueModel::Role role) { return queue->data(queue->index(row), role); };
        // Open risk first, then by author, oldest first; both ada's, marked as from the practice.
        QVERIFY(at(0, ReviewQueueModel::OpenRiskRole).toBool());
        QCOMPARE(at(0, ReviewQueueModel::SessionDateRole).toString(), u"2025-01-13"_s);
        QVERIFY(!at(1, ReviewQueueModel::OpenRiskRole).toBool());
        QCOMPARE(at(1, ReviewQueueModel::SessionDateRole).toString(), u"2025-01-06"_s);
        for (int row = 0; row < 2; ++row) {
            QVERIFY(at(row, ReviewQueueModel::FromPracticeRole).toBool());
            QCOMPARE(at(row, ReviewQueueModel::NoteIdRole).toLongLong(), 0);
            QCOMPARE(at(row, ReviewQueueModel::AuthorMemberRole).toString(), m_adaId);
            QVERIFY(at(row, ReviewQueueModel::AuthorMemberRole).toString() != m_beaId);
            QCOMPARE(at(row, ReviewQueueModel::TherapistRole).toString(),
                     u"ada (practice member %1)"_s.arg(m_adaId.left(8)));
            QCOMPARE(at(row, ReviewQueueModel::ClientCodeRole).toString(), u"C-0001"_s);
            QCOMPARE(at(row, ReviewQueueModel::ModeLabelRole).toString(), u"from the practice"_s);
            QVERIFY(!at(row, ReviewQueueModel::CosignedRole).toBool());
            QCOMPARE(at(row, ReviewQueueModel::ItemRole).toString().size(), 32);
        }
        const QString item = at(1, ReviewQueueModel::ItemRole).toString();
        QCOMPARE(queue->indexOfItem(item), 1);
        QCOMPARE(queue->indexOf(0), -1); // a received note has no note id here

        NoteReview *review = session.workspace()->review();
        QSignalSpy opened(review, &NoteReview::openedItem);
        review->openReceived(item);
        QVERIFY(opened.wait(10000));
        QVERIFY(review->fromPractice());
        QCOMPARE(review->item(), item);
        QCOMPARE(review->text(), guitest::abandonedText);
        QCOMPARE(review->status(), u"signed"_s);
        QCOMPARE(review->signatureState(), u"verified at sync"_s);
        QCOMPARE(review->authorMember(), m_adaId);

        // Co-signed in the background: the call returns before the server is asked, no overlay, and a
        // second action meanwhile is refused.
        QSignalSpy acted(review, &NoteReview::practiceActed);
        QVERIFY(review->practiceCosign());
        QVERIFY(review->sending());
        QCOMPARE(review->practiceOutcome(), u"sending"_s);
        QVERIFY(!session.vaultThread()->busy());
        QVERIFY(!review->practiceComment(u"And another thing."_s));
        QVERIFY(acted.wait(60000));
        QCOMPARE(acted.count(), 1);
        QCOMPARE(acted.first().at(2).toString(), u"sent"_s);
        QVERIFY2(review->practiceOutcome() == u"sent"_s, qPrintable(review->practiceMessage()));
        QCOMPARE(review->status(), u"cosigned"_s);
        QCOMPARE(review->cosignedBy(), u"you (practice)"_s);
        // Co-signed twice: the server says no, and nothing is sent.
        QVERIFY(review->practiceCosign());
        QVERIFY(acted.wait(60000));
        QCOMPARE(review->practiceOutcome(), u"failed"_s);
        QVERIFY2(review->practiceMessage().contains(u"co-signed already"_s), qPrintable(review->practiceMessage()));

        // Known here after a reload too (kept as the server took it).
        QVERIFY(reloaded(queue));
        QCOMPARE(queue->count(), 2);
        QCOMPARE(queue->waitingCount(), 1);
        QVERIFY(at(queue->indexOfItem(item), ReviewQueueModel::CosignedRole).toBool());
        QCOMPARE(at(queue->indexOfItem(item), ReviewQueueModel::WaitingTextRole).toString(), u"co-signed"_s);

        // A comment with the words, sent; an empty one refused at once.
        QSignalSpy failed(review, &NoteReview::failed);
        QVERIFY(!review->practiceReturn(u"  "_s));
        QCOMPARE(failed.count(), 1);
        QVERIFY(review->practiceComment(u"Say what the plan was."_s));
        QVERIFY(acted.wait(60000));
        QCOMPARE(review->practiceOutcome(), u"sent"_s);
        QCOMPARE(review->comments().size(), 1);
        session.lock();

        // The therapist's next sync: co-signed, and the comment with it.
        auto ada = open(m_ada, u"ada"_s);
        const uc::practice::SyncResult r = uc::practice::sync(*ada);
        QCOMPARE(r.cosigned, 1);
        QCOMPARE(r.comments, 1);
        QCOMPARE(uc::model::toString(ada->notes().read(m_plain).status), u"cosigned"_s);
        QCOMPARE(uc::model::toString(ada->notes().read(m_risky).status), u"signed"_s);
    }

    void aCommentWhileTheServerIsDownIsNotSent()
    {
        VaultSession session(nullptr);
        guitest::useVault(session, m_sam);
        QVERIFY(guitest::unlockAs(session, u"sam"_s));
        ReviewQueueModel *queue = session.workspace()->queue();
        QVERIFY(reloaded(queue));
        const QString item = queue->data(queue->index(0), ReviewQueueModel::ItemRole).toString();
        NoteReview *review = session.workspace()->review();
        QSignalSpy opened(review, &NoteReview::openedItem);
        review->openReceived(item);
        QVERIFY(opened.wait(10000));
        QCOMPARE(practicetest::practiceServer({ u"stop"_s, m_server.dir() }).code, 0);
        QSignalSpy acted(review, &NoteReview::practiceActed);
        QVERIFY(review->practiceReturn(u"Please add the safety plan."_s));
        QVERIFY(acted.wait(60000));
        const bool restarted = m_server.restart();
        QCOMPARE(review->practiceOutcome(), u"offline"_s);
        QVERIFY2(review->practiceMessage().startsWith(u"Not sent, try again"_s), qPrintable(review->practiceMessage()));
        QVERIFY(!review->sending());
        QCOMPARE(review->status(), u"signed"_s);
        QVERIFY(restarted);
        // Back up: the same return goes.
        QVERIFY(review->practiceReturn(u"Please add the safety plan."_s));
        QVERIFY(acted.wait(60000));
        QVERIFY2(review->practiceOutcome() == u"sent"_s, qPrintable(review->practiceMessage()));
    }

    // sam's return of the risky note (the test above) reaches ada: her sync verifies it, and her "My
    // notes in review" lists the note as returned, through the practice, with his words in the review
    // pane; her addendum answers it. The note sam co-signed has left review.
    void theAuthorSeesAPracticeReturnInHerNotesInReview()
    {
        QCOMPARE(uc::practice::sync(*open(m_ada, u"ada"_s)).comments, 1);
        VaultSession session(nullptr);
        guitest::useVault(session, m_ada);
        QVERIFY(guitest::unlockAs(session, u"ada"_s));
        ReviewQueueModel *queue = session.workspace()->queue();
        QAbstractItemModelTester tester(queue, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(reloaded(queue));
        const auto at = [&](int row, ReviewQueueModel::Role role) { return queue->data(queue->index(row), role); };
        QCOMPARE(queue->count(), 1);
        QCOMPARE(at(0, ReviewQueueModel::NoteIdRole).toLongLong(), m_risky);
        QVERIFY(at(0, ReviewQueueModel::ReturnedRole).toBool());
        QCOMPARE(queue->returnedCount(), 1);
        QCOMPARE(at(0, ReviewQueueModel::CommentsRole).toInt(), 1);
        QVERIFY(at(0, ReviewQueueModel::OpenRiskRole).toBool());
        QVERIFY(!at(0, ReviewQueueModel::FromPracticeRole).toBool()); // hers, in her vault
        QCOMPARE(at(0, ReviewQueueModel::TherapistRole).toString(), u"ada"_s);
        QCOMPARE(at(0, ReviewQueueModel::SupervisorRole).toString(), u"practice member %1"_s.arg(m_samId.left(8)));
        QCOMPARE(at(0, ReviewQueueModel::ModeLabelRole).toString(), u"through the practice"_s);
        QCOMPARE(at(0, ReviewQueueModel::ClientCodeRole).toString(), u"C-0001"_s);
        QCOMPARE(at(0, ReviewQueueModel::SessionDateRole).toString(), u"2025-01-13"_s);
        QVERIFY(queue->practiceProblem().isEmpty());

        NoteReview *review = session.workspace()->review();
        QSignalSpy opened(review, &NoteReview::opened);
        review->open(m_risky);
        QVERIFY(opened.wait(10000));
        QCOMPARE(review->comments().size(), 1);
        const QVariantMap words = review->comments().first().toMap();
        QCOMPARE(words.value(u"text"_s).toString(), u"Please add the safety plan."_s);
        QVERIFY(words.value(u"returned"_s).toBool());
        QCOMPARE(words.value(u"author"_s).toString(), u"practice member %1"_s.arg(m_samId.left(8)));
        QCOMPARE(words.value(u"signature"_s).toString(), u"verified"_s);
        QVERIFY(review->practiceReviewed()); // her answer is an addendum: the pane offers no comment box
        // The co-signed note shows his comment too, though it is no longer in review.
        review->open(m_plain);
        QVERIFY(opened.wait(10000));
        QCOMPARE(review->comments().size(), 1);
        QCOMPARE(review->comments().first().toMap().value(u"text"_s).toString(), u"Say what the plan was."_s);
        QVERIFY(!review->comments().first().toMap().value(u"returned"_s).toBool());
        session.lock();

        // Her addendum answers the return: still in review (not co-signed), no longer returned.
        QTest::qWait(1100); // the addendum's time is to the second: after the return's
        open(m_ada, u"ada"_s)->notes().addAddendum(m_risky, u"Safety plan made with her on 14 January."_s);
        VaultSession again(nullptr);
        guitest::useVault(again, m_ada);
        QVERIFY(guitest::unlockAs(again, u"ada"_s));
        ReviewQueueModel *answered = again.workspace()->queue();
        QVERIFY(reloaded(answered));
        QCOMPARE(answered->count(), 1);
        QCOMPARE(answered->data(answered->index(0), ReviewQueueModel::NoteIdRole).toLongLong(), m_risky);
        QVERIFY(!answered->data(answered->index(0), ReviewQueueModel::ReturnedRole).toBool());
        QCOMPARE(answered->returnedCount(), 0);
        QCOMPARE(answered->data(answered->index(0), ReviewQueueModel::CommentsRole).toInt(), 1);
        again.lock();
    }

    // Her addendum (the test above) goes to sam with her next sync (schema v7): his queue showed the
    // note returned by him; after his sync it is answered, and the review pane shows her words.
    void herAddendumReachesTheSupervisorAndAnswersTheReturn()
    {
        const auto riskyRow = [](ReviewQueueModel *queue) {
            for (int row = 0; row < queue->count(); ++row)
                if (queue->data(queue->index(row), ReviewQueueModel::SessionDateRole).toString() == u"2025-01-13"_s)
                    return row;
            return -1;
        };
        {
            VaultSession session(nullptr);
            QVERIFY(unlockAndSync(session, m_sam));
            ReviewQueueModel *queue = session.workspace()->queue();
            QVERIFY(reloaded(queue));
            const int row = riskyRow(queue);
            QVERIFY(row >= 0);
            QVERIFY(queue->data(queue->index(row), ReviewQueueModel::ReturnedRole).toBool()); // his return, unanswered
            QCOMPARE(queue->data(queue->index(row), ReviewQueueModel::CommentsRole).toInt(), 1);
            QCOMPARE(queue->returnedCount(), 1);
            session.lock();
        }
        const uc::practice::SyncResult sent = uc::practice::sync(*open(m_ada, u"ada"_s));
        QCOMPARE(sent.answered, 1);
        QCOMPARE(sent.pushed, 0);
        QCOMPARE(uc::practice::sync(*open(m_ada, u"ada"_s)).answered, 0); // once
        {
            VaultSession session(nullptr);
            QVERIFY(unlockAndSync(session, m_sam));
            ReviewQueueModel *queue = session.workspace()->queue();
            QVERIFY(reloaded(queue));
            const int row = riskyRow(queue);
            QVERIFY(row >= 0);
            QVERIFY(!queue->data(queue->index(row), ReviewQueueModel::ReturnedRole).toBool());
            QCOMPARE(queue->returnedCount(), 0);
            QVERIFY(!queue->data(queue->index(row), ReviewQueueModel::CosignedRole).toBool()); // still his to co-sign
            NoteReview *review = session.workspace()->review();
            QSignalSpy opened(review, &NoteReview::openedItem);
            review->openReceived(queue->data(queue->index(row), ReviewQueueModel::ItemRole).toString());
            QVERIFY(opened.wait(10000));
            QCOMPARE(review->addenda().size(), 1);
            const QVariantMap addendum = review->addenda().first().toMap();
            QCOMPARE(addendum.value(u"text"_s).toString(), u"Safety plan made with her on 14 January."_s);
            QCOMPARE(addendum.value(u"author"_s).toString(), u"ada (practice member %1)"_s.arg(m_adaId.left(8)));
            session.lock();
        }
        QCOMPARE(uc::practice::receivedAddenda(*open(m_sam, u"sam"_s)).size(), 1); // kept once
    }

    void aKeptFileEditedOnDiskShowsNothingAsVerified()
    {
        const QString path = m_sam + u"/practice/user-1/"_s + QString::fromLatin1(uc::practice::receivedFileName);
        FlippedFile edited(path, QFileInfo(path).size() / 2);
        QVERIFY2(edited.flipped(), qPrintable(path));

        VaultSession session(nullptr);
        unlockToAnEmptyQueue(session, m_sam, u"sam"_s);
        if (QTest::currentTestFailed())
            return;
        NoteReview *review = session.workspace()->review();
        QSignalSpy failed(review, &NoteReview::failed);
        review->openReceived(QString(32, u'a'));
        QVERIFY(failed.wait(10000));
        QCOMPARE(guitest::lastFailure(failed).kind(), Failure::Damaged);
        QVERIFY(!review->fromPractice());
        session.lock();
    }

    // Someone with the disk flips one bit of the author's kept practice events: her queue shows no
    // practice review and says why, the note opens without the supervisor's words, nothing throws.
    void anEditedEventsFileShowsTheAuthorNoPracticeReview()
    {
        const QString path = m_ada + u"/practice/user-1/events.sealed"_s;
        FlippedFile edited(path, QFileInfo(path).size() / 2);
        QVERIFY2(edited.flipped(), qPrintable(path));

        {
            VaultSession session(nullptr);
            unlockToAnEmptyQueue(session, m_ada, u"ada"_s);
            if (QTest::currentTestFailed())
                return;
            NoteReview *review = session.workspace()->review();
            QSignalSpy opened(review, &NoteReview::opened);
            review->open(m_risky);
            QVERIFY(opened.wait(10000));
            QCOMPARE(review->comments().size(), 0);
            QVERIFY(!review->practiceReviewed());
            session.lock();
        } // the session's thread lets go of the vault

        edited.putBack();
        // Put back, the file reads again: the return is shown as before.
        VaultSession again(nullptr);
        guitest::useVault(again, m_ada);
        QVERIFY(guitest::unlockAs(again, u"ada"_s));
        QVERIFY(reloaded(again.workspace()->queue()));
        QCOMPARE(again.workspace()->queue()->count(), 1);
        QVERIFY(again.workspace()->queue()->practiceProblem().isEmpty());
        again.lock();
    }

    // A note she signs is waiting for her practice supervisor (the one the last sync verified), like
    // a note in the vault's own supervision, before he has said anything; a kept list of supervisors
    // edited on disk shows no practice row and says why.
    void aSignedNoteWaitsForHerPracticeSupervisor()
    {
        uc::model::Id third = 0;
        {
            auto ada = open(m_ada, u"ada"_s);
            third = guitest::addSession(*ada, u"C-0001"_s, u"2025-01-20"_s, guitest::anxiousText);
            ada->notes().sign(third);
            (void)guitest::addSession(*ada, u"C-0001"_s, u"2025-01-27"_s, guitest::anxiousText); // a draft: not listed
        }
        {
            VaultSession session(nullptr);
            guitest::useVault(session, m_ada);
            QVERIFY(guitest::unlockAs(session, u"ada"_s));
            ReviewQueueModel *queue = session.workspace()->queue();
            QVERIFY(reloaded(queue));
            QCOMPARE(queue->count(), 2); // the returned one (open risk, first; answered) and the new one
            const auto at = [&](int row, ReviewQueueModel::Role role) { return queue->data(queue->index(row), role); };
            QCOMPARE(at(0, ReviewQueueModel::NoteIdRole).toLongLong(), m_risky);
            QCOMPARE(at(1, ReviewQueueModel::NoteIdRole).toLongLong(), third);
            QVERIFY(!at(1, ReviewQueueModel::ReturnedRole).toBool());
            QCOMPARE(at(1, ReviewQueueModel::CommentsRole).toInt(), 0);
            QCOMPARE(at(1, ReviewQueueModel::SupervisorRole).toString(), u"practice member %1"_s.arg(m_samId.left(8)));
            QCOMPARE(at(1, ReviewQueueModel::ModeLabelRole).toString(), u"through the practice"_s);
            QCOMPARE(queue->returnedCount(), 0); // her addendum answered the first one's return
            QCOMPARE(queue->waitingCount(), 2);
            NoteReview *review = session.workspace()->review();
            QSignalSpy opened(review, &NoteReview::opened);
            review->open(third);
            QVERIFY(opened.wait(10000));
            QCOMPARE(review->comments().size(), 0);
            session.lock();
        }

        const QString path = m_ada + u"/practice/user-1/supervisors.sealed"_s;
        FlippedFile edited(path, -1);
        QVERIFY2(edited.flipped(), qPrintable(path));
        {
            VaultSession session(nullptr);
            unlockToAnEmptyQueue(session, m_ada, u"ada"_s);
            if (QTest::currentTestFailed())
                return;
            session.lock();
        }
    }
};

QTEST_MAIN(PracticeQueueTest)
#include "practicequeuetest.moc"
