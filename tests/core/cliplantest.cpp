// SPDX-License-Identifier: GPL-3.0-or-later
// undercurrent-cli's treatment plan contract (docs/plan.md): plan add|show|update|review and note
// progress, their exit codes, and the attacks a colleague or an insider might try — an edited plan
// in the database (exit 4), a colleague changing another therapist's plan (exit 5), a rating naming
// another client's objective (exit 2), an unknown option (exit 1), an auditor reading a plan (exit 5).
#include "clirun.h"
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

namespace {

const QByteArray planJson = R"({"effective": "2025-01-01", "next_review": "2025-04-01",
  "agreement": {"date": "2025-01-02", "how": "signed"},
  "problems": [{"text": "Drinks when low", "goals": [{"text": "Mood lifts", "objectives": [
    {"text": "PHQ-9 below 10", "measured_by": "PHQ-9 monthly", "measure": "phq9 < 10", "target_date": "2025-06-01",
     "interventions": ["behavioural activation"]},
    {"text": "Two mutual-help meetings a week", "measured_by": "client report"}]}]}]})";

} // namespace

class CliPlanTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void helpListsThePlanCommands();
    void addRefusesBadFilesAndWritesNothing();
    void addShowUpdate();
    void aColleagueCannotChangeThePlan();
    void progressOnADraftNote();
    void reviewMovesTheDueDate();
    void anEditedPlanInTheDatabaseIsExitFour();

private:
    using Run = clirun::Run;
    Run cli(QStringList args, const QString &user = u"alice"_s) { return clirun::cli(std::move(args), m_vault, user, m_pass); }
    QString file(const QString &name, const QByteArray &content) { return clirun::file(m_dir, name, content); }
    QJsonObject showJson(const QString &client = u"C-1"_s)
    {
        const Run r = cli({u"plan"_s, u"show"_s, u"--client"_s, client, u"--json"_s});
        return r.code == 0 ? QJsonDocument::fromJson(r.out).object() : QJsonObject();
    }

    QTemporaryDir m_dir;
    QString m_vault;
    QString m_pass;
    model::Id m_draft = 0;
    model::Id m_otherDraft = 0;
    model::Id m_process = 0;
};

void CliPlanTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_vault = m_dir.filePath(u"vault"_s);
    m_pass = file(u"pass"_s, "a passphrase of enough length\n");
    auto v = vault::Vault::create(m_vault, u"alice"_s, testing::secret(), model::Role::Therapist, vault::KdfCost::testOnly()).vault;
    v->addUser(u"bob"_s, model::Role::Therapist, testing::secret(), vault::KdfCost::testOnly());
    v->addUser(u"ann"_s, model::Role::Auditor, testing::secret(), vault::KdfCost::testOnly());
    for (const QString &code : {u"C-1"_s, u"C-2"_s}) {
        model::Client c;
        c.code = code;
        c.displayName = u"Client "_s + code;
        v->clients().add(c);
    }
    const auto note = [&](const QString &client, model::NoteKind kind) {
        model::Session s;
        s.date = model::Date(2025, 2, 3);
        s.minutes = 50;
        s.attendees.append({0, client, model::Attendance::Attended});
        return v->notes().addSession(s, u"free"_s, kind, {{u"Note"_s, u"We went over the week."_s}}).notes.first();
    };
    m_draft = note(u"C-1"_s, model::NoteKind::Progress);
    m_process = note(u"C-1"_s, model::NoteKind::Process);
    m_otherDraft = note(u"C-2"_s, model::NoteKind::Progress);
}

void CliPlanTest::helpListsThePlanCommands()
{
    const Run help = cli({u"--help"_s});
    QCOMPARE(help.code, 0);
    for (const char *words : {"plan add", "plan show", "plan update", "plan review", "note progress"})
        QVERIFY2(help.out.contains(QByteArray(QByteArray("  ") + words)), words);
    const Run own = cli({u"plan"_s, u"add"_s, u"--help"_s});
    QCOMPARE(own.code, 0);
    QVERIFY(own.out.contains("docs/plan.md"));
}

void CliPlanTest::addRefusesBadFilesAndWritesNothing()
{
    struct Bad
    {
        QByteArray json;
        QByteArray says;
    };
    QByteArray unknownKey = planJson;
    unknownKey.replace("\"measured_by\": \"client report\"", "\"measured_by\": \"client report\", \"weight\": 3");
    QByteArray badDate = planJson;
    badDate.replace("2025-06-01", "2025-13-01");
    QByteArray withId = planJson;
    withId.replace("{\"text\": \"Two", "{\"id\": \"O4\", \"text\": \"Two");
    const QList<Bad> bad{
        {"{\"problems\": [", "not valid JSON"},
        {unknownKey, "objectives[1]: unknown key \"weight\""},
        {badDate, "target_date: must be a date"},
        {withId, "objective O4 does not exist"},
    };
    for (const Bad &b : bad) {
        const Run r = cli({u"plan"_s, u"add"_s, u"--client"_s, u"C-1"_s, u"--file"_s, file(u"bad.json"_s, b.json)});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(b.says), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }
    const Run none = cli({u"plan"_s, u"show"_s, u"--client"_s, u"C-1"_s});
    QCOMPARE(none.code, 2);
    QVERIFY(none.err.contains("no treatment plan yet"));
    // Unknown options are usage errors, before anything runs.
    const Run unknown = cli({u"plan"_s, u"add"_s, u"--client"_s, u"C-1"_s, u"--file"_s, file(u"plan.json"_s, planJson), u"--force"_s});
    QCOMPARE(unknown.code, 1);
    QVERIFY(unknown.err.contains("--force"));
    QCOMPARE(cli({u"plan"_s, u"show"_s, u"--client"_s, u"C-1"_s}).code, 2);
}

void CliPlanTest::addShowUpdate()
{
    const QString path = file(u"plan.json"_s, planJson);
    Run r = cli({u"plan"_s, u"add"_s, u"--client"_s, u"C-1"_s, u"--file"_s, path});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, QByteArray("plan version 1 signed; objectives O1, O2\n"));
    QCOMPARE(cli({u"plan"_s, u"add"_s, u"--client"_s, u"C-2"_s, u"--file"_s, path, u"--json"_s}).out,
             QByteArray("{\"objectives\":[\"O3\",\"O4\"],\"version\":1}\n"));
    r = cli({u"plan"_s, u"add"_s, u"--client"_s, u"C-1"_s, u"--file"_s, path});
    QCOMPARE(r.code, 6);
    QVERIFY(r.err.contains("plan update"));

    QJsonObject shown = showJson();
    QCOMPARE(shown.value("version"_L1).toInt(), 1);
    QCOMPARE(shown.value("author"_L1).toString(), u"alice"_s);
    QVERIFY(shown.value("verified"_L1).toBool());
    QCOMPARE(shown.value("review_due"_L1).toString(), u"2025-04-01"_s);
    const QJsonObject plan = shown.value("plan"_L1).toObject();
    QCOMPARE(plan.value("agreement"_L1).toObject().value("how"_L1).toString(), u"signed"_s);

    // show --json's plan is a PLAN.json: edited and given back, O1 stays O1.
    QJsonObject next = plan;
    next.insert(u"effective"_s, u"2025-02-01"_s);
    QJsonArray problems = next.value("problems"_L1).toArray();
    QJsonObject problem = problems.at(0).toObject();
    QJsonArray goals = problem.value("goals"_L1).toArray();
    QJsonObject goal = goals.at(0).toObject();
    QJsonArray objectives = goal.value("objectives"_L1).toArray();
    objectives.removeAt(1);
    objectives.append(QJsonObject{{u"text"_s, u"Names the feeling before drinking"_s}, {u"measured_by"_s, u"session report"_s}});
    goal.insert(u"objectives"_s, objectives);
    goals.replace(0, goal);
    problem.insert(u"goals"_s, goals);
    problems.replace(0, problem);
    next.insert(u"problems"_s, problems);
    r = cli({u"plan"_s, u"update"_s, u"--client"_s, u"C-1"_s, u"--file"_s, file(u"next.json"_s, QJsonDocument(next).toJson())});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, QByteArray("plan version 2 signed; objectives O1, O5\n"));

    // An objective of another client's plan is refused: nothing is written.
    objectives.append(QJsonObject{{u"id"_s, u"O3"_s}, {u"text"_s, u"x"_s}, {u"measured_by"_s, u"y"_s}});
    goal.insert(u"objectives"_s, objectives);
    goals.replace(0, goal);
    problem.insert(u"goals"_s, goals);
    problems.replace(0, problem);
    next.insert(u"problems"_s, problems);
    r = cli({u"plan"_s, u"update"_s, u"--client"_s, u"C-1"_s, u"--file"_s, file(u"foreign.json"_s, QJsonDocument(next).toJson())});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("objective O3 does not exist in this client's plan"), r.err.constData());
    QCOMPARE(showJson().value("version"_L1).toInt(), 2);

    r = cli({u"plan"_s, u"show"_s, u"--client"_s, u"C-1"_s});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.startsWith("# Treatment plan C-1, version 2, signed by alice"));
    QVERIFY(r.out.contains("O1 PHQ-9 below 10 [target 2025-06-01; measured by: PHQ-9 monthly; phq9 < 10; not rated yet]"));
    QVERIFY(r.out.contains("      - behavioural activation"));
    QVERIFY(r.out.contains("client's agreement: signed on 2025-01-02"));
}

void CliPlanTest::aColleagueCannotChangeThePlan()
{
    const QString path = file(u"plan.json"_s, planJson);
    Run r = cli({u"plan"_s, u"update"_s, u"--client"_s, u"C-1"_s, u"--file"_s, path}, u"bob"_s);
    QCOMPARE(r.code, 5);
    QVERIFY(r.err.contains("only the therapist who wrote the client's plan"));
    QCOMPARE(cli({u"plan"_s, u"review"_s, u"--client"_s, u"C-1"_s, u"--date"_s, u"2025-03-01"_s}, u"bob"_s).code, 5);
    QCOMPARE(cli({u"plan"_s, u"show"_s, u"--client"_s, u"C-1"_s}, u"bob"_s).code, 0);
    r = cli({u"plan"_s, u"show"_s, u"--client"_s, u"C-1"_s}, u"ann"_s);
    QCOMPARE(r.code, 5);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(showJson().value("version"_L1).toInt(), 2);
}

void CliPlanTest::progressOnADraftNote()
{
    const QString draft = QString::number(m_draft);
    const auto rate = [&](const QString &note, const QString &objective, const QString &rating, const QString &user = u"alice"_s) {
        return cli({u"note"_s, u"progress"_s, note, u"--objective"_s, objective, u"--rating"_s, rating}, user);
    };
    QCOMPARE(rate(draft, u"O1"_s, u"some"_s).code, 0);
    QCOMPARE(rate(draft, u"O5"_s, u"much"_s).code, 0);
    Run r = rate(draft, u"O3"_s, u"met"_s); // C-2's objective
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains("not in the client's plan in force"));
    QCOMPARE(rate(draft, u"O2"_s, u"met"_s).code, 2); // dropped in version 2, in force on the session's date
    QCOMPARE(rate(QString::number(m_process), u"O1"_s, u"met"_s).code, 2);
    QCOMPARE(rate(QString::number(m_otherDraft), u"O1"_s, u"met"_s).code, 2);
    QCOMPARE(rate(draft, u"O1"_s, u"great"_s).code, 2);
    QCOMPARE(rate(draft, u"first"_s, u"met"_s).code, 2);
    QCOMPARE(rate(draft, u"O1"_s, u"met"_s, u"bob"_s).code, 5);
    QCOMPARE(cli({u"note"_s, u"progress"_s, draft, u"--objective"_s, u"O1"_s}).code, 1);
    QCOMPARE(cli({u"note"_s, u"progress"_s, draft, u"--objective"_s, u"O1"_s, u"--rating"_s, u"met"_s, u"--note"_s, u"1"_s}).code, 1);

    const QJsonArray progress = showJson().value("progress"_L1).toArray();
    QCOMPARE(progress.size(), 2);
    QCOMPARE(progress.at(0).toObject().value("objective"_L1).toString(), u"O1"_s);
    QCOMPARE(progress.at(0).toObject().value("rating"_L1).toString(), u"some"_s);
    QCOMPARE(progress.at(0).toObject().value("date"_L1).toString(), u"2025-02-03"_s);
    r = cli({u"plan"_s, u"show"_s, u"--client"_s, u"C-1"_s});
    QVERIFY(r.out.contains("latest: some progress (2025-02-03)"));

    QCOMPARE(cli({u"note"_s, u"sign"_s, draft}).code, 0);
    r = rate(draft, u"O1"_s, u"met"_s);
    QCOMPARE(r.code, 6);
    QVERIFY(r.err.contains("fixed at signing"));
}

void CliPlanTest::reviewMovesTheDueDate()
{
    Run r = cli({u"plan"_s, u"review"_s, u"--client"_s, u"C-1"_s, u"--date"_s, u"2025-03-01"_s});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, QByteArray("review recorded; next review due 2025-05-30\n"));
    QCOMPARE(cli({u"plan"_s, u"review"_s, u"--client"_s, u"C-1"_s, u"--date"_s, u"2999-01-01"_s}).code, 2);
    QCOMPARE(cli({u"plan"_s, u"review"_s, u"--client"_s, u"C-1"_s, u"--date"_s, u"2025-02-30"_s}).code, 2);
    QCOMPARE(cli({u"plan"_s, u"review"_s, u"--client"_s, u"C-1"_s}).code, 1);
    const QJsonObject shown = showJson();
    QCOMPARE(shown.value("review_due"_L1).toString(), u"2025-05-30"_s);
    QCOMPARE(shown.value("reviews"_L1).toArray().size(), 1);
}

void CliPlanTest::anEditedPlanInTheDatabaseIsExitFour()
{
    {
        auto v = vault::Vault::open(m_vault, u"alice"_s, testing::secret());
        sql::Database &db = vault::VaultTestAccess::database(*v);
        db.exec("DROP TRIGGER treatment_plans_no_update");
        db.exec("UPDATE treatment_plans SET plan = replace(plan, 'phq9 < 10', 'phq9 < 25') WHERE version = 2");
    }
    const Run r = cli({u"plan"_s, u"show"_s, u"--client"_s, u"C-1"_s, u"--json"_s});
    QCOMPARE(r.code, 4);
    QVERIFY2(r.err.contains("does not match alice's signature"), r.err.constData());
    QVERIFY(r.out.isEmpty());
    // C-2's plan, untouched, still shows.
    QCOMPARE(showJson(u"C-2"_s).value("version"_L1).toInt(), 1);

    // Every action is in the audit trail.
    auto v = vault::Vault::open(m_vault, u"alice"_s, testing::secret());
    QStringList actions;
    for (const auto &e : v->auditTrail().entries())
        actions.append(e.action);
    QCOMPARE(actions.count(u"plan-add"_s), 2);
    QCOMPARE(actions.count(u"plan-update"_s), 1);
    QCOMPARE(actions.count(u"plan-review"_s), 1);
    QCOMPARE(actions.count(u"note-progress"_s), 2);
}

QTEST_GUILESS_MAIN(CliPlanTest)
#include "cliplantest.moc"
