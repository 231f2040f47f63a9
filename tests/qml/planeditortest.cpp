// SPDX-License-Identifier: GPL-3.0-or-later
// The treatment plan written from the client overview (PlanEditor over PlanDraft): a plan typed row
// by row is signed through the same core path as `plan add|update` and reads back, as `plan show
// --json` prints it, equal to what was typed; the next version keeps the objectives' ids and gives
// new ones the next; a refusal of the PLAN.json reader is shown in its words at once and nothing is
// written; only the plan's own therapist may write its next version or record its reviews.
#include "planeditor.h"
#include "supervisiontestutil.h"
#include "vaultthread.h"
#include "workspace.h"

#include "vault/vault.h"

#include <QAbstractItemModelTester>
#include <QDate>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString today = QDate::currentDate().toString(Qt::ISODate);
const QString inNinetyDays = QDate::currentDate().addDays(90).toString(Qt::ISODate);

struct Stored
{
    QJsonObject plan; // empty: none
    QString problem; // Plans::check's answer
    qsizetype reviews = 0;
};

// The newest version as `plan show --json` prints it ("plan": Plans::current, checked by
// Plans::check), read on the session's vault thread as its user.
Stored stored(VaultSession &session, const QString &code)
{
    std::optional<Stored> answer;
    session.vaultThread()->post(
        session.workspace(), u"reading back"_s,
        [code](VaultThread::Worker &w) {
            uc::vault::Vault &v = w.open();
            Stored s;
            if (const auto plan = v.plans().current(code)) {
                s.plan = plan->toJson();
                s.problem = v.plans().check(*plan);
            }
            s.reviews = v.plans().reviews(code).size();
            return s;
        },
        [&answer](const Stored &s) { answer = s; });
    if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 10000))
        qFatal("the plan was not read back");
    return *answer;
}

void waitIdle(VaultSession &session)
{
    QTRY_VERIFY_WITH_TIMEOUT(!session.vaultThread()->busy(), 10000);
}

// The first version, typed into a fresh draft: one problem, one goal, two objectives.
void typeFirstPlan(PlanDraft *draft)
{
    QCOMPARE(draft->rowCount(), 3); // a problem needs a goal, a goal an objective
    QVERIFY(draft->setField(0, u"text"_s, u"Drinks when low or lonely"_s));
    QVERIFY(draft->setField(1, u"text"_s, u"Mood lifts without alcohol"_s));
    QVERIFY(draft->setField(2, u"text"_s, u"PHQ-9 below 10"_s));
    QVERIFY(draft->setField(2, u"measuredBy"_s, u"PHQ-9 every four weeks"_s));
    QVERIFY(draft->setField(2, u"targetDate"_s, u"2027-04-01"_s));
    QVERIFY(draft->setField(2, u"instrument"_s, u"phq9"_s));
    QVERIFY(draft->setField(2, u"comparison"_s, u"<"_s));
    QVERIFY(draft->setField(2, u"score"_s, u"10"_s));
    QVERIFY(draft->setField(2, u"interventions"_s, u"behavioural activation\n\n  relapse-prevention plan \n"_s));
    QCOMPARE(draft->addObjective(2), 3);
    QVERIFY(draft->setField(3, u"text"_s, u"Attends two meetings a week"_s));
    QVERIFY(draft->setField(3, u"measuredBy"_s, u"client report, weekly"_s));
    QVERIFY(!draft->setField(0, u"targetDate"_s, u"2027-04-01"_s)); // a problem has no target date
    QVERIFY(!draft->setField(9, u"text"_s, u"no such row"_s));
    draft->setAgreedHow(u"signed"_s);
    draft->setAgreedOn(today);
}

} // namespace

class PlanEditorTest : public guitest::SupervisedSessionTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { startTestCase(); }

    void aTypedPlanReadsBackAsPlanShowPrintsIt()
    {
        VaultSession session(nullptr);
        const QString dir = freshDir();
        guitest::unlockWithTwoClients(session, dir);
        PlanEditor *editor = session.workspace()->planEditor();
        QAbstractItemModelTester tester(editor->draft(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        editor->load(u"C-0001"_s);
        waitIdle(session);
        QCOMPARE(editor->version(), 0);
        QVERIFY(editor->mayChange());
        editor->begin();
        QCOMPARE(editor->draft()->effective(), today);
        QCOMPARE(editor->draft()->nextReview(), inNinetyDays);
        QVERIFY(!editor->draft()->edited());
        typeFirstPlan(editor->draft());
        QVERIFY(editor->draft()->edited());

        QSignalSpy saved(editor, &PlanEditor::saved);
        editor->save();
        QVERIFY(saved.wait(10000));
        QCOMPARE(saved.last().at(1).toInt(), 1);
        QCOMPARE(editor->version(), 1);
        QCOMPARE(editor->author(), u"alice"_s);
        QCOMPARE(editor->error(), QString());

        const Stored back = stored(session, u"C-0001"_s);
        QCOMPARE(back.problem, QString()); // signed by alice, as `plan add` signs
        const QJsonObject expected {
            { u"effective"_s, today },
            { u"next_review"_s, inNinetyDays },
            { u"review_every_days"_s, 90 },
            { u"agreement"_s, QJsonObject { { u"date"_s, today }, { u"how"_s, u"signed"_s } } },
            { u"problems"_s,
              QJsonArray { QJsonObject {
                  { u"text"_s, u"Drinks when low or lonely"_s },
                  { u"goals"_s,
                    QJsonArray { QJsonObject {
                        { u"text"_s, u"Mood lifts without alcohol"_s },
                        { u"objectives"_s,
                          QJsonArray { QJsonObject { { u"id"_s, u"O1"_s },
                                                     { u"text"_s, u"PHQ-9 below 10"_s },
                                                     { u"measured_by"_s, u"PHQ-9 every four weeks"_s },
                                                     { u"target_date"_s, u"2027-04-01"_s },
                                                     { u"measure"_s, u"phq9 < 10"_s },
                                                     { u"interventions"_s,
                                                       QJsonArray { u"behavioural activation"_s,
                                                                    u"relapse-prevention plan"_s } } },
                                       QJsonObject { { u"id"_s, u"O2"_s },
                                                     { u"text"_s, u"Attends two meetings a week"_s },
                                                     { u"measured_by"_s, u"client report, weekly"_s },
                                                     { u"interventions"_s, QJsonArray() } } } } } } } } } }
        };
        QCOMPARE(back.plan, expected);
    }

    void theNextVersionKeepsTheObjectivesIds()
    {
        VaultSession session(nullptr);
        const QString dir = freshDir();
        guitest::unlockWithTwoClients(session, dir);
        PlanEditor *editor = session.workspace()->planEditor();
        QAbstractItemModelTester tester(editor->draft(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        editor->load(u"C-0001"_s);
        waitIdle(session);
        editor->begin();
        typeFirstPlan(editor->draft());
        QSignalSpy saved(editor, &PlanEditor::saved);
        editor->save();
        QVERIFY(saved.wait(10000));

        // "New version…": started from version 1, its ids shown on the rows.
        editor->begin();
        PlanDraft *draft = editor->draft();
        QCOMPARE(draft->rowCount(), 4);
        QCOMPARE(draft->data(draft->index(2), PlanDraft::ObjectiveIdRole).toString(), u"O1"_s);
        QCOMPARE(draft->data(draft->index(3), PlanDraft::ObjectiveIdRole).toString(), u"O2"_s);
        QCOMPARE(draft->data(draft->index(2), PlanDraft::ScoreRole).toString(), u"10"_s);
        QCOMPARE(draft->data(draft->index(3), PlanDraft::NumberRole).toString(), u"1.1.2"_s);
        QCOMPARE(draft->agreedHow(), u"signed"_s);
        QVERIFY(!draft->edited());

        // O2 goes, a second problem comes with a new objective, O1's words change.
        QCOMPARE(draft->remove(3), 2);
        QVERIFY(draft->setField(2, u"text"_s, u"PHQ-9 below 8"_s));
        QVERIFY(draft->setField(2, u"score"_s, u"8"_s));
        QCOMPARE(draft->addProblem(), 3);
        QCOMPARE(draft->rowCount(), 6);
        QCOMPARE(draft->data(draft->index(5), PlanDraft::NumberRole).toString(), u"2.1.1"_s);
        QVERIFY(draft->setField(3, u"text"_s, u"Sleeps badly"_s));
        QVERIFY(draft->setField(4, u"text"_s, u"Sleeps through"_s));
        QVERIFY(draft->setField(5, u"text"_s, u"Six hours most nights"_s));
        QVERIFY(draft->setField(5, u"measuredBy"_s, u"sleep diary"_s));
        editor->save();
        QVERIFY(saved.wait(10000));
        QCOMPARE(saved.last().at(1).toInt(), 2);
        // The draft now holds version 2 as stored: the new objective has the next id.
        QCOMPARE(draft->data(draft->index(5), PlanDraft::ObjectiveIdRole).toString(), u"O3"_s);

        const QJsonArray problems = stored(session, u"C-0001"_s).plan.value(u"problems"_s).toArray();
        QCOMPARE(problems.size(), 2);
        const QJsonObject kept = problems.at(0)[u"goals"_s][0][u"objectives"_s][0].toObject();
        QCOMPARE(kept.value(u"id"_s).toString(), u"O1"_s);
        QCOMPARE(kept.value(u"text"_s).toString(), u"PHQ-9 below 8"_s);
        QCOMPARE(kept.value(u"measure"_s).toString(), u"phq9 < 8"_s);
        QCOMPARE(problems.at(0)[u"goals"_s][0][u"objectives"_s].toArray().size(), 1);
        QCOMPARE(problems.at(1)[u"goals"_s][0][u"objectives"_s][0][u"id"_s].toString(), u"O3"_s);
    }

    void aBadTargetDateIsRefusedInTheReadersWordsAndNothingIsWritten()
    {
        VaultSession session(nullptr);
        const QString dir = freshDir();
        guitest::unlockWithTwoClients(session, dir);
        PlanEditor *editor = session.workspace()->planEditor();
        editor->load(u"C-0001"_s);
        waitIdle(session);
        editor->begin();
        typeFirstPlan(editor->draft());
        QVERIFY(editor->draft()->setField(2, u"targetDate"_s, u"2027-02-30"_s));

        QSignalSpy failed(editor, &PlanEditor::failed);
        editor->save();
        QCOMPARE(failed.count(), 1); // at once, on this thread: nothing was sent
        QVERIFY(!session.vaultThread()->busy());
        const QString cliWords = u"problems[0].goals[0].objectives[0].target_date: must be a date as YYYY-MM-DD"_s;
        QVERIFY2(guitest::messageOf(failed).contains(cliWords), qPrintable(guitest::messageOf(failed)));
        QCOMPARE(guitest::lastFailure(failed).kind(), Failure::BadInput);
        QVERIFY(editor->error().contains(cliWords));

        // The same words for a score out of PHQ-9's range, and for an empty goal.
        QVERIFY(editor->draft()->setField(2, u"targetDate"_s, u"2027-03-01"_s));
        QVERIFY(editor->draft()->setField(2, u"score"_s, u"40"_s));
        editor->save();
        QVERIFY(guitest::messageOf(failed).contains(u"problems[0].goals[0].objectives[0].measure: must read as"_s));
        QVERIFY(editor->draft()->setField(2, u"score"_s, u"10"_s));
        QVERIFY(editor->draft()->setField(1, u"text"_s, u"  "_s));
        editor->save();
        QVERIFY(guitest::messageOf(failed).contains(u"problems[0].goals[0].text: is empty"_s));
        QCOMPARE(failed.count(), 3);
        QCOMPARE(editor->version(), 0);
        QCOMPARE(stored(session, u"C-0001"_s).plan, QJsonObject());
    }

    void reviewsAreRecordedAsPlanReviewRecordsThem()
    {
        VaultSession session(nullptr);
        const QString dir = freshDir();
        guitest::unlockWithTwoClients(session, dir);
        PlanEditor *editor = session.workspace()->planEditor();
        editor->load(u"C-0001"_s);
        waitIdle(session);
        editor->begin();
        typeFirstPlan(editor->draft());
        QSignalSpy saved(editor, &PlanEditor::saved);
        editor->save();
        QVERIFY(saved.wait(10000));

        QSignalSpy failed(editor, &PlanEditor::failed);
        QSignalSpy reviewed(editor, &PlanEditor::reviewed);
        editor->review(u"2026-13-01"_s);
        QCOMPARE(failed.count(), 1);
        QVERIFY(guitest::messageOf(failed).contains(u"must be a date as YYYY-MM-DD"_s));
        editor->review(QDate::currentDate().addDays(1).toString(Qt::ISODate));
        QVERIFY(failed.wait(10000));
        QVERIFY(guitest::messageOf(failed).contains(u"in the future"_s));
        QCOMPARE(reviewed.count(), 0);

        editor->review(today);
        QVERIFY(reviewed.wait(10000));
        QCOMPARE(reviewed.last().at(1).toString(), QDate::currentDate().addDays(90).toString(Qt::ISODate));
        QCOMPARE(editor->error(), QString());
        QCOMPARE(stored(session, u"C-0001"_s).reviews, 1);
    }

    void onlyThePlansTherapistMayWriteIt_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<bool>("reads");
        QTest::newRow("supervisor") << guitest::supervisor << true;
        QTest::newRow("auditor") << guitest::auditor << false;
        QTest::newRow("another therapist") << u"bob"_s << true;
    }
    void onlyThePlansTherapistMayWriteIt()
    {
        QFETCH(QString, user);
        QFETCH(bool, reads);
        const QString dir = freshDir();
        (void)guitest::createSupervisedVault(dir);
        {
            auto v = uc::vault::Vault::open(dir, u"alice"_s, guitest::secret());
            v->addUser(u"bob"_s, uc::model::Role::Therapist, guitest::secret(), uc::vault::KdfCost::testOnly());
            const uc::model::TreatmentPlan plan = uc::model::parseTreatmentPlan(
                R"({"next_review": "2099-01-01", "problems": [{"text": "p", "goals": [{"text": "g",
                    "objectives": [{"text": "o", "measured_by": "m"}]}]}]})",
                *uc::model::parseDate(today));
            QCOMPARE(v->plans().add(u"C-0001"_s, plan), 1);
        }
        {
            VaultSession session(nullptr);
            session.setVaultDir(dir);
            QVERIFY(guitest::unlockAs(session, user));
            PlanEditor *editor = session.workspace()->planEditor();
            editor->load(u"C-0001"_s);
            waitIdle(session);
            QCOMPARE(editor->code(), u"C-0001"_s);
            QCOMPARE(editor->version(), reads ? 1 : 0); // an auditor reads no plan
            QVERIFY(!editor->mayChange());

            // Asked anyway (a stale screen), the core refuses and nothing is written.
            QSignalSpy failed(editor, &PlanEditor::failed);
            editor->begin();
            editor->draft()->setField(0, u"text"_s, u"p"_s);
            editor->draft()->setField(1, u"text"_s, u"g"_s);
            editor->draft()->setField(2, u"text"_s, u"o"_s);
            editor->draft()->setField(2, u"measuredBy"_s, u"m"_s);
            editor->save();
            QVERIFY(failed.wait(10000));
            QCOMPARE(guitest::lastFailure(failed).kind(), Failure::NotAllowed);
            editor->review(today);
            QVERIFY(failed.wait(10000));
            QCOMPARE(guitest::lastFailure(failed).kind(), Failure::NotAllowed);
        }
        auto v = uc::vault::Vault::open(dir, u"alice"_s, guitest::secret());
        QCOMPARE(v->plans().history(u"C-0001"_s).size(), 1);
        QVERIFY(v->plans().reviews(u"C-0001"_s).isEmpty());
    }

    void lockingForgetsThePlan()
    {
        VaultSession session(nullptr);
        guitest::unlockWithTwoClients(session, freshDir());
        PlanEditor *editor = session.workspace()->planEditor();
        editor->load(u"C-0001"_s);
        waitIdle(session);
        editor->begin();
        typeFirstPlan(editor->draft());
        session.lock();
        QCOMPARE(editor->code(), QString());
        QCOMPARE(editor->draft()->rowCount(), 0);
        QCOMPARE(editor->draft()->agreedOn(), QString());
        QVERIFY(!editor->mayChange());
    }
};

QTEST_MAIN(PlanEditorTest)
#include "planeditortest.moc"
