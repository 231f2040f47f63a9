// SPDX-License-Identifier: GPL-3.0-or-later
// The treatment plan in the vault (docs/plan.md): PLAN.json read strictly and never quoted, every
// add and update a new version signed with its author's Ed25519 key, objective ids kept across
// versions, an edited version caught by its signature, who may write and read a plan, reviews and
// when the next is due, progress notes' ratings of the plan in force, and each change audited.
#include "common/error.h"
#include "model/treatmentplan.h"
#include "testvault.h"
#include "vault/testaccess.h"
#include "vault/vault.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace uc;
using namespace Qt::StringLiterals;
using uc::testing::errorOf;
using uc::testing::secret;

namespace {

const model::Date today(2026, 1, 10);

// A plan as a clinician writes it, with a private canary word in a problem.
QByteArray planJson(const QString &extraObjective = {})
{
    QString objectives = uR"([{"text": "PHQ-9 below 10", "measured_by": "PHQ-9 every four weeks", "measure": "phq9 < 10",
                              "target_date": "2026-04-01", "interventions": ["behavioural activation"]},
                             {"text": "Attends two mutual-help meetings a week", "measured_by": "client report"}%1])"_s
                             .arg(extraObjective);
    return uR"({"effective": "2026-01-05", "next_review": "2026-04-05",
               "agreement": {"date": "2026-01-05", "how": "verbal"},
               "problems": [{"text": "Drinks when low, quillfeather", "goals": [{"text": "Mood lifts", "objectives": %1}]}]})"_s
        .arg(objectives)
        .toUtf8();
}

model::TreatmentPlan plan(const QString &extraObjective = {})
{
    return model::parseTreatmentPlan(planJson(extraObjective), today);
}

model::Id addNote(vault::Vault &v, const QString &client, model::NoteKind kind, const model::Date &day)
{
    model::Session s;
    s.date = day;
    s.minutes = 50;
    s.attendees.append({0, client, model::Attendance::Attended});
    return v.notes().addSession(s, u"free"_s, kind, {{u"Note"_s, u"We went over the week."_s}}).notes.first();
}

// The exit code the error would give; 0 for none.
int kindOf(const std::optional<Error> &e)
{
    return e ? e->exitCode() : 0;
}

constexpr int exitOf(ErrorKind kind)
{
    return static_cast<int>(kind);
}

} // namespace

class PlanTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void readsPlanJsonStrictly();
    void linkedMeasures();
    void everyChangeIsANewSignedVersionWithStableIds();
    void anEditedVersionFailsItsSignature();
    void whoWritesAndReadsAPlan();
    void progressRatesThePlanInForceOnADraft();
    void reviewsMoveTheNextDueDate();
    void everyChangeIsAudited();
    void planTravelsWithTheRecordAndAnEditedOneIsRefused();
    void aRatingIsTakenBackOnADraftOnly();

private:
    std::unique_ptr<vault::Vault> open(const QString &user) { return vault::Vault::open(m_dir.path(), user, secret()); }
    QTemporaryDir m_dir;
};

void PlanTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    auto v = vault::Vault::create(m_dir.path(), u"alice"_s, secret(), model::Role::Therapist, vault::KdfCost::testOnly()).vault;
    v->addUser(u"bob"_s, model::Role::Therapist, secret(), vault::KdfCost::testOnly());
    v->addUser(u"sam"_s, model::Role::Supervisor, secret(), vault::KdfCost::testOnly());
    v->addUser(u"sue"_s, model::Role::Supervisor, secret(), vault::KdfCost::testOnly());
    v->addUser(u"ann"_s, model::Role::Auditor, secret(), vault::KdfCost::testOnly());
    for (const QString &code : {u"C-1"_s, u"C-2"_s}) {
        model::Client c;
        c.code = code;
        c.displayName = u"Client "_s + code;
        v->clients().add(c);
    }
    v->lock();
    open(u"sam"_s)->supervision().assign(u"alice"_s, u"sam"_s, model::SupervisionMode::Review);
}

void PlanTest::readsPlanJsonStrictly()
{
    const model::TreatmentPlan p = plan();
    QCOMPARE(p.effective, model::Date(2026, 1, 5));
    QCOMPARE(p.nextReview, model::Date(2026, 4, 5));
    QCOMPARE(p.reviewEveryDays, 90);
    QCOMPARE(model::toString(*p.agreedHow), u"verbal"_s);
    QCOMPARE(p.objectives().size(), 2);
    QCOMPARE(p.objectives().first().measure->toText(), u"phq9 < 10"_s);
    QCOMPARE(p.objectives().first().interventions, QStringList{u"behavioural activation"_s});
    // The written form reads back the same.
    QCOMPARE(model::treatmentPlanFromJson(p.toJson(), today).toJson(), p.toJson());
    // effective is today when the file leaves it out.
    QCOMPARE(model::parseTreatmentPlan(R"({"next_review": "2026-02-01", "problems": [{"text": "p", "goals": [{"text": "g",
             "objectives": [{"text": "o", "measured_by": "m"}]}]}]})", today).effective, today);

    struct Bad
    {
        QByteArray json;
        QString says;
    };
    QByteArray unknownKey = planJson();
    unknownKey.replace("\"measured_by\": \"client report\"", "\"measured_by\": \"client report\", \"txt\": \"quillfeather\"");
    QByteArray badDate = planJson();
    badDate.replace("2026-04-01", "2026-02-30");
    QByteArray badHow = planJson();
    badHow.replace("\"verbal\"", "\"nodded\"");
    QByteArray noText = planJson();
    noText.replace("\"text\": \"Mood lifts\"", "\"text\": \"  \"");
    QByteArray badMeasure = planJson();
    badMeasure.replace("phq9 < 10", "phq9 < 99");
    const QList<Bad> bad{
        {"{\"problems\": [", u"not valid JSON"_s},
        {"[]", u"must be a JSON object"_s},
        {unknownKey, u"problems[0].goals[0].objectives[1]: unknown key \"txt\""_s},
        {badDate, u"problems[0].goals[0].objectives[0].target_date: must be a date"_s},
        {badHow, u"agreement.how: must be verbal, signed or declined"_s},
        {noText, u"problems[0].goals[0].text: is empty"_s},
        {badMeasure, u"objectives[0].measure: must read as an instrument"_s},
        {planJson(uR"(, {"id": "O1", "text": "a", "measured_by": "b"}, {"id": "o1", "text": "c", "measured_by": "d"})"_s),
         u"objective O1 is given twice"_s},
        {planJson(uR"(, {"id": "X1", "text": "a", "measured_by": "b"})"_s), u"an objective id is O and a number"_s},
        {R"({"next_review": "2026-01-01", "effective": "2026-02-01", "problems": []})", u"next_review: falls before"_s},
        {R"({"next_review": "2026-03-01", "problems": []})", u"problems: must hold at least one entry"_s},
    };
    for (const Bad &b : bad) {
        const auto e = errorOf([&] { (void)model::parseTreatmentPlan(b.json, today); });
        QVERIFY2(e, b.json.constData());
        QCOMPARE(e->kind(), ErrorKind::Io);
        QVERIFY2(e->message().contains(b.says), qPrintable(e->message()));
        QVERIFY(!e->message().contains(u"quillfeather"_s));
    }
}

void PlanTest::linkedMeasures()
{
    const auto m = model::parseLinkedMeasure(u"PHQ9 <= 9"_s);
    QVERIFY(m);
    QCOMPARE(m->instrument, u"phq9"_s);
    QVERIFY(m->reachedBy(9));
    QVERIFY(!m->reachedBy(10));
    QVERIFY(model::parseLinkedMeasure(u"audit >= 8"_s)->reachedBy(8));
    QVERIFY(!model::parseLinkedMeasure(u"nosuch < 3"_s));
    QVERIFY(!model::parseLinkedMeasure(u"gad7 < 22"_s)); // beyond its total of 21
    QVERIFY(!model::parseLinkedMeasure(u"gad7 = 5"_s));
    QCOMPARE(model::objectiveNumber(u"o12"_s), model::Id(12));
    QVERIFY(!model::objectiveNumber(u"O0"_s));
    QVERIFY(!model::objectiveNumber(u"O-1"_s));
}

void PlanTest::everyChangeIsANewSignedVersionWithStableIds()
{
    auto v = open(u"alice"_s);
    QVERIFY(!v->plans().current(u"C-1"_s));
    QCOMPARE(kindOf(errorOf([&] { (void)v->plans().update(u"C-1"_s, plan()); })), exitOf(ErrorKind::Io));
    // A new plan's objectives have no ids yet.
    QCOMPARE(kindOf(errorOf([&] { (void)v->plans().add(u"C-1"_s, plan(uR"(, {"id": "O7", "text": "a", "measured_by": "b"})"_s)); })),
             exitOf(ErrorKind::Io));
    QCOMPARE(kindOf(errorOf([&] { (void)v->plans().add(u"C-404"_s, plan()); })), exitOf(ErrorKind::Io));
    QVERIFY(!v->plans().current(u"C-1"_s));

    QCOMPARE(v->plans().add(u"C-1"_s, plan()), 1);
    QCOMPARE(kindOf(errorOf([&] { (void)v->plans().add(u"C-1"_s, plan()); })), exitOf(ErrorKind::Conflict));
    const auto first = v->plans().current(u"C-1"_s);
    QVERIFY(first);
    QCOMPARE(first->version, 1);
    QCOMPARE(first->author, u"alice"_s);
    QVERIFY(!first->signature.isEmpty());
    QCOMPARE(v->plans().check(*first), QString());
    const QList<model::PlanObjective> ids = first->objectives();
    QCOMPARE(ids.at(0).id, u"O1"_s);
    QCOMPARE(ids.at(1).id, u"O2"_s);

    // C-2's plan takes the next ids: an id names one objective in the whole vault.
    QCOMPARE(v->plans().add(u"C-2"_s, plan()), 1);
    QCOMPARE(v->plans().current(u"C-2"_s)->objectives().at(0).id, u"O3"_s);

    // An update keeps O1 (given back, moved second), drops O2 and adds one.
    const QByteArray next = uR"({"effective": "2026-02-01", "next_review": "2026-05-01",
        "problems": [{"text": "Drinks when low", "goals": [{"text": "Mood lifts", "objectives": [
          {"text": "Names the feeling before drinking", "measured_by": "session report"},
          {"id": "O1", "text": "PHQ-9 below 10", "measured_by": "PHQ-9", "measure": "phq9 < 10"}]}]}]})"_s.toUtf8();
    QCOMPARE(v->plans().update(u"C-1"_s, model::parseTreatmentPlan(next, today)), 2);
    const auto second = v->plans().current(u"C-1"_s);
    QCOMPARE(second->objectives().at(0).id, u"O5"_s);
    QCOMPARE(second->objectives().at(1).id, u"O1"_s);
    QCOMPARE(v->plans().check(*second), QString());

    // An id of another client's plan, or none at all, is refused and nothing is written.
    for (const QString &id : {u"O3"_s, u"O99"_s}) {
        QByteArray foreign = next;
        foreign.replace(QByteArray("\"id\": \"O1\""), QByteArray(QByteArray("\"id\": \"") + id.toUtf8() + QByteArray("\"")));
        const auto e = errorOf([&] { (void)v->plans().update(u"C-1"_s, model::parseTreatmentPlan(foreign, today)); });
        QCOMPARE(kindOf(e), exitOf(ErrorKind::Io));
        QVERIFY2(e->message().contains(u"objective %1 does not exist"_s.arg(id)), qPrintable(e->message()));
    }
    // A version cannot take effect before the one in force.
    QByteArray earlier = next;
    earlier.replace("2026-02-01", "2026-01-01");
    QCOMPARE(kindOf(errorOf([&] { (void)v->plans().update(u"C-1"_s, model::parseTreatmentPlan(earlier, today)); })), exitOf(ErrorKind::Io));

    const auto history = v->plans().history(u"C-1"_s);
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.first().objectives().size(), 2); // version 1 is as it was
    QCOMPARE(history.first().objectives().at(1).id, u"O2"_s);
    QCOMPARE(v->plans().inForce(u"C-1"_s, model::Date(2026, 1, 20))->version, 1);
    QCOMPARE(v->plans().inForce(u"C-1"_s, model::Date(2026, 2, 1))->version, 2);
    QVERIFY(!v->plans().inForce(u"C-1"_s, model::Date(2026, 1, 4)));
}

void PlanTest::anEditedVersionFailsItsSignature()
{
    auto v = open(u"alice"_s);
    sql::Database &db = vault::VaultTestAccess::database(*v);
    // A version never changes through the program's own path…
    QVERIFY(errorOf([&] { db.exec("UPDATE treatment_plans SET plan = plan WHERE version = 1"); }));
    QVERIFY(errorOf([&] { db.exec("DELETE FROM treatment_plans WHERE version = 1"); }));
    // …and a colleague with the data key who drops the trigger, edits a target and recomputes the
    // hash still cannot sign as alice.
    db.exec("DROP TRIGGER treatment_plans_no_update");
    auto original = db.prepare("SELECT plan, content_hash FROM treatment_plans WHERE client_id = 2 AND version = 1");
    QVERIFY(original.step());
    const QString keptPlan = original.text(0);
    const QString keptHash = original.text(1);
    db.exec("UPDATE treatment_plans SET plan = replace(plan, 'phq9 < 10', 'phq9 < 20') WHERE client_id = 2 AND version = 1");
    auto edited = *v->plans().current(u"C-2"_s);
    QCOMPARE(edited.objectives().first().measure->value, 20);
    QVERIFY(v->plans().check(edited).contains(u"does not match alice's signature"_s));
    edited.contentHash = vault::sha256Hex(model::canonicalTreatmentPlan(edited));
    db.prepare("UPDATE treatment_plans SET content_hash = ? WHERE client_id = 2 AND version = 1").bind(1, edited.contentHash).run();
    const auto forged = *v->plans().current(u"C-2"_s);
    QCOMPARE(v->plans().check(forged), u"alice's signature of version 1 of the plan does not verify"_s);
    // A version that no longer reads is damage, not a plan.
    db.exec("UPDATE treatment_plans SET plan = '{\"problems\": 3}' WHERE client_id = 2 AND version = 1");
    QCOMPARE(kindOf(errorOf([&] { (void)v->plans().current(u"C-2"_s); })), exitOf(ErrorKind::Damaged));
    db.prepare("UPDATE treatment_plans SET plan = ?, content_hash = ? WHERE client_id = 2 AND version = 1")
        .bind(1, keptPlan)
        .bind(2, keptHash)
        .run();
    QCOMPARE(v->plans().check(*v->plans().current(u"C-2"_s)), QString());
    db.exec("CREATE TRIGGER treatment_plans_no_update BEFORE UPDATE ON treatment_plans "
            "BEGIN SELECT RAISE(ABORT, 'a plan version never changes'); END");
}

void PlanTest::whoWritesAndReadsAPlan()
{
    {
        auto bob = open(u"bob"_s);
        // A colleague reads the practice's plans but changes none of alice's.
        QVERIFY(bob->plans().current(u"C-1"_s));
        QCOMPARE(kindOf(errorOf([&] { (void)bob->plans().update(u"C-1"_s, plan()); })), exitOf(ErrorKind::NotAllowed));
        QCOMPARE(kindOf(errorOf([&] { bob->plans().review(u"C-1"_s, model::Date(2026, 2, 2)); })), exitOf(ErrorKind::NotAllowed));
    }
    {
        auto sam = open(u"sam"_s); // alice's supervisor
        QCOMPARE(sam->plans().current(u"C-1"_s)->version, 2);
        QCOMPARE(kindOf(errorOf([&] { (void)sam->plans().add(u"C-1"_s, plan()); })), exitOf(ErrorKind::NotAllowed));
    }
    {
        auto sue = open(u"sue"_s); // supervises no one
        QCOMPARE(kindOf(errorOf([&] { (void)sue->plans().current(u"C-1"_s); })), exitOf(ErrorKind::NotAllowed));
    }
    auto ann = open(u"ann"_s);
    QCOMPARE(kindOf(errorOf([&] { (void)ann->plans().current(u"C-1"_s); })), exitOf(ErrorKind::NotAllowed));
    QCOMPARE(kindOf(errorOf([&] { (void)ann->plans().progress(u"C-1"_s); })), exitOf(ErrorKind::NotAllowed));
    QCOMPARE(kindOf(errorOf([&] { (void)ann->plans().reviews(u"C-1"_s); })), exitOf(ErrorKind::NotAllowed));
}

void PlanTest::progressRatesThePlanInForceOnADraft()
{
    auto v = open(u"alice"_s);
    const model::Id january = addNote(*v, u"C-1"_s, model::NoteKind::Progress, model::Date(2026, 1, 20));
    const model::Id february = addNote(*v, u"C-1"_s, model::NoteKind::Progress, model::Date(2026, 2, 3));
    const model::Id process = addNote(*v, u"C-1"_s, model::NoteKind::Process, model::Date(2026, 2, 3));
    const model::Id before = addNote(*v, u"C-1"_s, model::NoteKind::Progress, model::Date(2026, 1, 2));

    v->plans().rate(january, u"O2"_s, model::ProgressRating::Some); // O2 is in version 1, in force then
    v->plans().rate(february, u"o1"_s, model::ProgressRating::Much);
    v->plans().rate(february, u"O1"_s, model::ProgressRating::Met); // replaces the earlier rating

    const auto in = [&](model::Id note, const QString &objective) {
        return kindOf(errorOf([&] { v->plans().rate(note, objective, model::ProgressRating::Some); }));
    };
    QCOMPARE(in(february, u"O2"_s), exitOf(ErrorKind::Io)); // dropped in version 2
    QCOMPARE(in(february, u"O3"_s), exitOf(ErrorKind::Io)); // C-2's objective
    QCOMPARE(in(february, u"O99"_s), exitOf(ErrorKind::Io));
    QCOMPARE(in(process, u"O1"_s), exitOf(ErrorKind::Io));
    QCOMPARE(in(before, u"O1"_s), exitOf(ErrorKind::Io)); // no plan in force yet
    v->notes().sign(january);
    QCOMPARE(in(january, u"O2"_s), exitOf(ErrorKind::Conflict));

    const auto progress = v->plans().progress(u"C-1"_s);
    QCOMPARE(progress.size(), 2);
    QCOMPARE(progress.at(0).noteId, january);
    QCOMPARE(progress.at(0).objective, u"O2"_s);
    QCOMPARE(model::toString(progress.at(0).rating), u"some"_s);
    QCOMPARE(progress.at(1).objective, u"O1"_s);
    QCOMPARE(model::toString(progress.at(1).rating), u"met"_s);
    QCOMPARE(progress.at(1).sessionDate, model::Date(2026, 2, 3));

    // A deleted draft takes its ratings with it.
    v->notes().deleteDraft(february);
    QCOMPARE(v->plans().progress(u"C-1"_s).size(), 1);
    v->lock();

    // Only the note's author rates it.
    auto bob = open(u"bob"_s);
    QCOMPARE(kindOf(errorOf([&] { bob->plans().rate(before, u"O1"_s, model::ProgressRating::Some); })), exitOf(ErrorKind::NotAllowed));
}

void PlanTest::reviewsMoveTheNextDueDate()
{
    auto v = open(u"alice"_s);
    QCOMPARE(*v->plans().reviewDue(u"C-1"_s), model::Date(2026, 5, 1)); // version 2's own
    QVERIFY(!v->plans().reviewDue(u"C-404"_s));
    QCOMPARE(kindOf(errorOf([&] { v->plans().review(u"C-1"_s, model::Date(2099, 1, 1)); })), exitOf(ErrorKind::Io));
    QCOMPARE(kindOf(errorOf([&] { v->plans().review(u"C-1"_s, model::Date(2025, 1, 1)); })), exitOf(ErrorKind::Io));
    v->plans().review(u"C-1"_s, model::Date(2026, 1, 20)); // of version 1: version 2's date stands
    QCOMPARE(*v->plans().reviewDue(u"C-1"_s), model::Date(2026, 5, 1));
    v->plans().review(u"C-1"_s, model::Date(2026, 3, 1));
    QCOMPARE(*v->plans().reviewDue(u"C-1"_s), model::Date(2026, 5, 30)); // 90 days on
    const auto reviews = v->plans().reviews(u"C-1"_s);
    QCOMPARE(reviews.size(), 2);
    QCOMPARE(reviews.at(0).version, 1);
    QCOMPARE(reviews.at(1).version, 2);
    QCOMPARE(reviews.at(1).reviewer, u"alice"_s);
}

void PlanTest::everyChangeIsAudited()
{
    auto v = open(u"alice"_s);
    QMap<QString, int> seen;
    for (const auto &e : v->auditTrail().entries()) {
        if (!e.action.startsWith(u"plan-"_s) && e.action != u"note-progress"_s)
            continue;
        ++seen[e.action];
        QVERIFY(!e.detail.contains(u"quillfeather"_s));
        QVERIFY(!e.detail.contains(u"PHQ-9"_s));
    }
    QCOMPARE(seen.value(u"plan-add"_s), 2);
    QCOMPARE(seen.value(u"plan-update"_s), 1);
    QCOMPARE(seen.value(u"plan-review"_s), 2);
    QCOMPARE(seen.value(u"note-progress"_s), 3);
}

void PlanTest::planTravelsWithTheRecordAndAnEditedOneIsRefused()
{
    QTemporaryDir tmp;
    const QString source = tmp.filePath(u"source"_s);
    const QString backup = tmp.filePath(u"copy.ucbackup"_s);
    {
        auto v = vault::Vault::create(source, u"alice"_s, secret(), model::Role::Therapist, vault::KdfCost::testOnly()).vault;
        // A copy of the practice's vault before the client: the targets below trust the same keys.
        v->backup().write(backup);
        model::Client c;
        c.code = u"C-7"_s;
        c.displayName = u"Client Seven"_s;
        v->clients().add(c);
        QCOMPARE(v->plans().add(u"C-7"_s, plan()), 1);
        QByteArray next = planJson();
        next.replace("\"effective\": \"2026-01-05\"", "\"effective\": \"2026-01-06\"");
        next.replace("{\"text\": \"Attends", "{\"id\": \"O2\", \"text\": \"Attends");
        QCOMPARE(v->plans().update(u"C-7"_s, model::parseTreatmentPlan(next, today)), 2);
        const model::Id note = addNote(*v, u"C-7"_s, model::NoteKind::Progress, model::Date(2026, 1, 8));
        v->plans().rate(note, u"O2"_s, model::ProgressRating::Much);
        v->notes().sign(note);
        v->plans().review(u"C-7"_s, model::Date(2026, 1, 9));
    }
    QJsonObject exported;
    {
        auto v = vault::Vault::open(source, u"alice"_s, secret());
        exported = v->records().exportClient(u"C-7"_s, false);
    }
    QCOMPARE(exported.value("treatment_plans"_L1).toArray().size(), 2);
    QCOMPARE(exported.value("objective_progress"_L1).toArray().size(), 1);

    // Into a copy of the vault: the same versions, signatures, ids, ratings and reviews.
    const QString target = tmp.filePath(u"target"_s);
    vault::Vault::restore(backup, target, u"alice"_s, secret());
    {
        auto v = vault::Vault::open(target, u"alice"_s, secret());
        (void)v->records().importClient(exported);
        const auto history = v->plans().history(u"C-7"_s);
        QCOMPARE(history.size(), 2);
        for (const model::TreatmentPlan &p : history)
            QCOMPARE(v->plans().check(p), QString());
        QCOMPARE(history.at(1).objectives().at(1).id, u"O2"_s);
        QCOMPARE(history.at(1).toJson(), model::treatmentPlanFromJson(exported.value("treatment_plans"_L1).toArray().at(1)
                                                                          .toObject().value("plan"_L1).toObject(), today).toJson());
        const auto progress = v->plans().progress(u"C-7"_s);
        QCOMPARE(progress.size(), 1);
        QCOMPARE(progress.first().objective, u"O2"_s);
        QCOMPARE(model::toString(progress.first().rating), u"much"_s);
        QCOMPARE(v->plans().reviews(u"C-7"_s).size(), 1);
        QCOMPARE(*v->plans().reviewDue(u"C-7"_s), model::Date(2026, 4, 9));
        // New objectives continue after the imported ids.
        QByteArray more = planJson();
        more.replace("\"effective\": \"2026-01-05\"", "\"effective\": \"2026-01-07\"");
        QCOMPARE(v->plans().update(u"C-7"_s, model::parseTreatmentPlan(more, today)), 3);
        QCOMPARE(v->plans().current(u"C-7"_s)->objectives().first().id, u"O4"_s); // O1 to O3 came with the record
    }

    // An edited plan in the file: its hash no longer holds; with the hash recomputed, alice's
    // signature does not. Either way nothing is written.
    const QString second = tmp.filePath(u"second"_s);
    vault::Vault::restore(backup, second, u"alice"_s, secret());
    auto v = vault::Vault::open(second, u"alice"_s, secret());
    QJsonObject edited = exported;
    QJsonArray plans = edited.value("treatment_plans"_L1).toArray();
    QJsonObject version = plans.at(0).toObject();
    QJsonObject body = version.value("plan"_L1).toObject();
    body.insert(u"next_review"_s, u"2027-01-01"_s);
    version.insert(u"plan"_s, body);
    plans.replace(0, version);
    edited.insert(u"treatment_plans"_s, plans);
    auto e = errorOf([&] { (void)v->records().importClient(edited); });
    QCOMPARE(kindOf(e), exitOf(ErrorKind::Damaged));
    QVERIFY2(e->message().contains(u"does not match alice's signature"_s), qPrintable(e->message()));
    QVERIFY(!v->clients().find(u"C-7"_s));

    model::TreatmentPlan forged = model::treatmentPlanFromJson(body, today);
    forged.clientCode = u"C-7"_s;
    forged.version = 1;
    forged.author = version.value("author"_L1).toString();
    forged.signedAt = version.value("signed_at"_L1).toString();
    version.insert(u"content_hash"_s, vault::sha256Hex(model::canonicalTreatmentPlan(forged)));
    plans.replace(0, version);
    edited.insert(u"treatment_plans"_s, plans);
    e = errorOf([&] { (void)v->records().importClient(edited); });
    QCOMPARE(kindOf(e), exitOf(ErrorKind::Damaged));
    QVERIFY2(e->message().contains(u"alice's signature does not verify"_s), qPrintable(e->message()));
    QVERIFY(!v->clients().find(u"C-7"_s));
}

void PlanTest::aRatingIsTakenBackOnADraftOnly()
{
    auto v = open(u"alice"_s);
    const auto audited = [&] {
        int n = 0;
        for (const auto &e : v->auditTrail().entries())
            n += e.action == u"note-progress"_s ? 1 : 0;
        return n;
    };
    const auto ratingsOf = [&](model::Id note) {
        QStringList out;
        for (const auto &p : v->plans().progress(u"C-1"_s))
            if (p.noteId == note)
                out.append(p.objective);
        return out;
    };
    const model::Id note = addNote(*v, u"C-1"_s, model::NoteKind::Progress, model::Date(2026, 2, 10));
    const model::Id process = addNote(*v, u"C-1"_s, model::NoteKind::Process, model::Date(2026, 2, 10));
    v->plans().rate(note, u"O1"_s, model::ProgressRating::Some);
    QCOMPARE(ratingsOf(note), QStringList{u"O1"_s});
    const int before = audited();

    v->plans().unrate(note, u"o1"_s);
    QVERIFY(ratingsOf(note).isEmpty());
    QCOMPARE(audited(), before + 1);
    v->plans().unrate(note, u"O1"_s); // not rated: nothing to take back, nothing audited
    QCOMPARE(audited(), before + 1);

    // The same rules as rating: the plan in force, a progress note, a draft, its author.
    QCOMPARE(kindOf(errorOf([&] { v->plans().unrate(note, u"O99"_s); })), exitOf(ErrorKind::Io));
    QCOMPARE(kindOf(errorOf([&] { v->plans().unrate(process, u"O1"_s); })), exitOf(ErrorKind::Io));
    v->plans().rate(note, u"O1"_s, model::ProgressRating::Met);
    v->notes().sign(note);
    QCOMPARE(kindOf(errorOf([&] { v->plans().unrate(note, u"O1"_s); })), exitOf(ErrorKind::Conflict));
    QCOMPARE(ratingsOf(note), QStringList{u"O1"_s});
}

QTEST_GUILESS_MAIN(PlanTest)
#include "plantest.moc"
