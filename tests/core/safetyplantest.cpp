// SPDX-License-Identifier: GPL-3.0-or-later
// A client's safety plan (docs/risk.md, "Safety plan"): the text form read strictly and never
// quoted in an error, a plan without a number to call refused, every save a new signed version
// that nothing changes or removes, an edited row caught by its hash, the roles that may write and
// read it, each save audited; and as undercurrent-cli's contract: safety-plan set|show|history|print,
// the take-home PDF read back with pdftotext.
#include "clirun.h"
#include "common/error.h"
#include "model/safetyplan.h"
#include "testvault.h"
#include "vault/keyslots.h"
#include "vault/testaccess.h"
#include "vault/vault.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace uc;
using namespace Qt::StringLiterals;
using uc::testing::errorOf;

namespace {

constexpr std::string_view passphrase = "safety plan test passphrase";

SecretBuffer secret()
{
    return SecretBuffer::copyOf(passphrase);
}

// A plan as a client and clinician would write it, with a private canary word in step 1.
const QString planText = u"## Warning signs\n"
                         "- lying awake going over the argument zephyrine\n"
                         "- skipping meals\n"
                         "\n"
                         "## Internal coping strategies\n"
                         "* walk the dog round the park\n"
                         "## People I can ask for help\n"
                         "1. my sister Jo, 07700 900123\n"
                         "## Professionals and services\n"
                         "- Crisis line: 988\n"
                         "- Dr Lee at the clinic, 555-0100\n"
                         "## Reasons for living\n"
                         "- my son\n"_s;

} // namespace

class SafetyPlanTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void readsTheTextForm();
    void refusesMalformedTextWithoutQuotingIt();
    void refusesAPlanWithNothingToCall();
    void everySaveIsANewSignedVersion();
    void anEditedVersionNoLongerVerifies();
    void aVersionEditedOutOfShapeIsDamageNotABadValue();
    void rolesAndAudit();
    void cliSetShowHistory();
    void cliRefusals();
    void printedPlanReadsBack();

private:
    using Run = clirun::Run;
    Run cli(QStringList args, const QString &user = u"alice"_s);
    QString file(const QString &name, const QByteArray &content);
    std::unique_ptr<vault::Vault> open(const QString &user) { return vault::Vault::open(m_inProcess, user, secret()); }

    QTemporaryDir m_dir;
    QString m_inProcess; // the in-process vault: alice (therapist), sam (supervisor), ann (auditor)
    QString m_vault; // the CLI's vault
    QString m_pass;
};

SafetyPlanTest::Run SafetyPlanTest::cli(QStringList args, const QString &user)
{
    return clirun::cli(std::move(args), m_vault, user, m_pass);
}

QString SafetyPlanTest::file(const QString &name, const QByteArray &content)
{
    return clirun::file(m_dir, name, content);
}

void SafetyPlanTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_inProcess = m_dir.filePath(u"inprocess"_s);
    auto v = vault::Vault::create(m_inProcess, u"alice"_s, secret(), model::Role::Therapist, vault::KdfCost::testOnly()).vault;
    v->addUser(u"sam"_s, model::Role::Supervisor, secret(), vault::KdfCost::testOnly());
    v->addUser(u"ann"_s, model::Role::Auditor, secret(), vault::KdfCost::testOnly());
    model::Client c;
    c.code = u"C-1"_s;
    c.displayName = u"Client One"_s;
    v->clients().add(c);

    m_vault = m_dir.filePath(u"vault"_s);
    m_pass = file(u"pass"_s, "a long enough passphrase\n");
    QVERIFY(clirun::cheapVault(m_vault, "a long enough passphrase", u"alice"_s, {{u"sam"_s, uc::model::Role::Supervisor}}));
    QCOMPARE(cli({u"client"_s, u"add"_s, u"--code"_s, u"C-1"_s, u"--name"_s, u"Client One"_s}).code, 0);
}

void SafetyPlanTest::readsTheTextForm()
{
    const model::SafetyPlan plan = model::parseSafetyPlan(planText);
    QCOMPARE(plan.items(model::SafetyStep::WarningSigns),
             QStringList({u"lying awake going over the argument zephyrine"_s, u"skipping meals"_s}));
    QCOMPARE(plan.items(model::SafetyStep::Coping), QStringList{u"walk the dog round the park"_s});
    QCOMPARE(plan.items(model::SafetyStep::Help), QStringList{u"my sister Jo, 07700 900123"_s});
    QCOMPARE(plan.items(model::SafetyStep::Professionals).size(), 2);
    QVERIFY(plan.items(model::SafetyStep::Distraction).isEmpty());
    QVERIFY(plan.items(model::SafetyStep::Environment).isEmpty());
    QVERIFY(!model::safetyPlanProblem(plan));

    // Headings by key, with "Step N:", in another case, and the written form reads back the same.
    const model::SafetyPlan keyed = model::parseSafetyPlan(u"# Step 6: ENVIRONMENT\nlock the pills away\n## reasons:\nmy son\n"_s);
    QCOMPARE(keyed.items(model::SafetyStep::Environment), QStringList{u"lock the pills away"_s});
    QCOMPARE(keyed.items(model::SafetyStep::Reasons), QStringList{u"my son"_s});
    QCOMPARE(model::parseSafetyPlan(plan.toText()).stepsJson(), plan.stepsJson());
    QCOMPARE(model::safetyPlanFromJson(plan.stepsJson()).stepsJson(), plan.stepsJson());

    QVERIFY(model::hasPhoneNumber(u"call 988"_s));
    QVERIFY(model::hasPhoneNumber(u"(555) 010-0100"_s));
    QVERIFY(!model::hasPhoneNumber(u"Dr Lee at the clinic"_s));
    QVERIFY(!model::hasPhoneNumber(u"room 12"_s));
}

void SafetyPlanTest::refusesMalformedTextWithoutQuotingIt()
{
    const auto before = errorOf([] { (void)model::parseSafetyPlan(u"zephyrine before any heading\n## Reasons for living\nx\n"_s); });
    QVERIFY(before);
    QCOMPARE(before->kind(), ErrorKind::Io);
    QVERIFY(before->message().contains(u"line 1"_s));
    QVERIFY(!before->message().contains(u"zephyrine"_s));

    const auto unknown = errorOf([] { (void)model::parseSafetyPlan(u"## Warning signs\nx\n## zephyrine\ny\n"_s); });
    QVERIFY(unknown);
    QVERIFY(unknown->message().contains(u"line 3"_s));
    QVERIFY(!unknown->message().contains(u"zephyrine"_s));

    const auto twice = errorOf([] { (void)model::parseSafetyPlan(u"## Coping\nx\n## Internal coping strategies\ny\n"_s); });
    QVERIFY(twice);
    QVERIFY(twice->message().contains(u"given twice"_s));

    const auto badJson = errorOf([] { (void)model::safetyPlanFromJson(QJsonObject{{u"zephyrine"_s, QJsonArray{}}}); });
    QVERIFY(badJson);
    QVERIFY(!badJson->message().contains(u"zephyrine"_s));
    QVERIFY(errorOf([] { (void)model::safetyPlanFromJson(QJsonObject{{u"coping"_s, u"not a list"_s}}); }));
    QVERIFY(errorOf([] { (void)model::safetyPlanFromJson(QJsonObject{{u"coping"_s, QJsonArray{1}}}); }));
}

void SafetyPlanTest::refusesAPlanWithNothingToCall()
{
    QVERIFY(model::safetyPlanProblem(model::SafetyPlan{})->contains(u"empty"_s));
    model::SafetyPlan noNumber = model::parseSafetyPlan(u"## Professionals and services\nDr Lee at the clinic\n"_s);
    QVERIFY(model::safetyPlanProblem(noNumber)->contains(u"phone number"_s));
    model::SafetyPlan tooLong = model::parseSafetyPlan(planText);
    tooLong.items(model::SafetyStep::Coping).append(QString(501, u'a'));
    QVERIFY(model::safetyPlanProblem(tooLong)->contains(u"longer than"_s));

    auto v = open(u"alice"_s);
    const auto refused = errorOf([&] { (void)v->safetyPlans().save(u"C-1"_s, noNumber); });
    QVERIFY(refused);
    QCOMPARE(refused->kind(), ErrorKind::Io);
    QVERIFY(!v->safetyPlans().current(u"C-1"_s));
    const auto unknownClient = errorOf([&] { (void)v->safetyPlans().save(u"C-404"_s, model::parseSafetyPlan(planText)); });
    QVERIFY(unknownClient);
    QCOMPARE(unknownClient->kind(), ErrorKind::Io);
}

void SafetyPlanTest::everySaveIsANewSignedVersion()
{
    auto v = open(u"alice"_s);
    const model::SafetyPlan first = model::parseSafetyPlan(planText);
    QCOMPARE(v->safetyPlans().save(u"C-1"_s, first), 1);
    model::SafetyPlan second = first;
    second.items(model::SafetyStep::Environment).append(u"Jo keeps the spare car keys"_s);
    QCOMPARE(v->safetyPlans().save(u"C-1"_s, second), 2);

    const auto current = v->safetyPlans().current(u"C-1"_s);
    QVERIFY(current);
    QCOMPARE(current->version, 2);
    QCOMPARE(current->author, u"alice"_s);
    QCOMPARE(current->clientCode, u"C-1"_s);
    QCOMPARE(current->items(model::SafetyStep::Environment), QStringList{u"Jo keeps the spare car keys"_s});
    QVERIFY(vault::SafetyPlans::verify(*current));
    const auto old = v->safetyPlans().version(u"C-1"_s, 1);
    QVERIFY(old);
    QVERIFY(old->items(model::SafetyStep::Environment).isEmpty());
    QVERIFY(vault::SafetyPlans::verify(*old));
    QVERIFY(!v->safetyPlans().version(u"C-1"_s, 3));
    const auto history = v->safetyPlans().history(u"C-1"_s);
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.first().version, 1);

    // The database itself refuses to change or remove a signed version.
    auto &db = vault::VaultTestAccess::database(*v);
    QVERIFY(errorOf([&] { db.exec("UPDATE safety_plans SET steps = '{}' WHERE version = 1"); }));
    QVERIFY(errorOf([&] { db.exec("DELETE FROM safety_plans"); }));
    QCOMPARE(v->safetyPlans().history(u"C-1"_s).size(), 2);
}

void SafetyPlanTest::anEditedVersionNoLongerVerifies()
{
    // Someone with the data key drops the trigger and edits a step: the hash catches it.
    auto v = open(u"alice"_s);
    auto &db = vault::VaultTestAccess::database(*v);
    db.exec("DROP TRIGGER safety_plans_no_update");
    db.exec("UPDATE safety_plans SET steps = replace(steps, 'my son', 'nothing') WHERE version = 1");
    const auto edited = v->safetyPlans().version(u"C-1"_s, 1);
    QVERIFY(edited);
    QCOMPARE(edited->items(model::SafetyStep::Reasons), QStringList{u"nothing"_s});
    QVERIFY(!vault::SafetyPlans::verify(*edited));
    QVERIFY(vault::SafetyPlans::verify(*v->safetyPlans().version(u"C-1"_s, 2)));
    db.exec("CREATE TRIGGER safety_plans_no_update BEFORE UPDATE ON safety_plans "
            "BEGIN SELECT RAISE(ABORT, 'a signed safety plan cannot change; save a new version'); END");
}

void SafetyPlanTest::aVersionEditedOutOfShapeIsDamageNotABadValue()
{
    // An insider rewrites a stored version as JSON the plan parser refuses (an unknown step):
    // reading it is damage (exit 4), never "invalid value" (exit 2), and says nothing of the text.
    auto v = open(u"alice"_s);
    auto &db = vault::VaultTestAccess::database(*v);
    db.exec("DROP TRIGGER safety_plans_no_update");
    db.exec("CREATE TEMP TABLE kept AS SELECT steps FROM safety_plans WHERE version = 1");
    db.exec("UPDATE safety_plans SET steps = '{\"weapons\": [\"my son\"]}' WHERE version = 1");
    const auto refused = errorOf([&] { (void)v->safetyPlans().history(u"C-1"_s); });
    QVERIFY(refused);
    QCOMPARE(refused->kind(), ErrorKind::Damaged);
    QVERIFY(!refused->message().contains(u"my son"_s));
    QVERIFY(!refused->message().contains(u"weapons"_s));
    db.exec("UPDATE safety_plans SET steps = (SELECT steps FROM kept) WHERE version = 1");
    db.exec("DROP TABLE kept");
    db.exec("CREATE TRIGGER safety_plans_no_update BEFORE UPDATE ON safety_plans "
            "BEGIN SELECT RAISE(ABORT, 'a signed safety plan cannot change; save a new version'); END");
}

void SafetyPlanTest::rolesAndAudit()
{
    {
        auto sam = open(u"sam"_s);
        const auto refused = errorOf([&] { (void)sam->safetyPlans().save(u"C-1"_s, model::parseSafetyPlan(planText)); });
        QVERIFY(refused);
        QCOMPARE(refused->kind(), ErrorKind::NotAllowed);
        QCOMPARE(sam->safetyPlans().current(u"C-1"_s)->version, 2);
    }
    auto ann = open(u"ann"_s);
    QVERIFY(ann->safetyPlans().current(u"C-1"_s));
    int saves = 0;
    for (const auto &e : ann->auditTrail().entries()) {
        if (e.action == u"sign-safety-plan"_s) {
            ++saves;
            QVERIFY(e.detail.startsWith(u"version:"_s));
            QVERIFY(!e.detail.contains(u"zephyrine"_s));
        }
    }
    QCOMPARE(saves, 2);
}

void SafetyPlanTest::cliSetShowHistory()
{
    const QString plan = file(u"plan.md"_s, planText.toUtf8());
    const Run set = cli({u"safety-plan"_s, u"set"_s, u"--client"_s, u"C-1"_s, u"--file"_s, plan});
    QCOMPARE(set.code, 0);
    QCOMPARE(set.out, QByteArray("safety plan version 1 signed\n"));
    const Run again = cli({u"safety-plan"_s, u"set"_s, u"--client"_s, u"C-1"_s, u"--file"_s, plan, u"--json"_s});
    QCOMPARE(again.code, 0);
    QCOMPARE(QJsonDocument::fromJson(again.out).object().value("version"_L1).toInt(), 2);

    const Run show = cli({u"safety-plan"_s, u"show"_s, u"--client"_s, u"C-1"_s, u"--json"_s}, u"sam"_s);
    QCOMPARE(show.code, 0);
    const QJsonObject json = QJsonDocument::fromJson(show.out).object();
    for (const char *key : {"client", "version", "author", "signed_at", "content_hash", "verified", "steps"})
        QVERIFY2(json.contains(QLatin1StringView(key)), key);
    QCOMPARE(json.value("version"_L1).toInt(), 2);
    QCOMPARE(json.value("verified"_L1).toBool(), true);
    QCOMPARE(json.value("steps"_L1).toObject().value("professionals"_L1).toArray().size(), 2);
    QCOMPARE(json.value("steps"_L1).toObject().keys().size(), model::safetyStepCount);

    const Run text = cli({u"safety-plan"_s, u"show"_s, u"--client"_s, u"C-1"_s, u"--plan-version"_s, u"1"_s});
    QCOMPARE(text.code, 0);
    QVERIFY(text.out.startsWith("# Safety plan C-1, version 1, signed by alice at "));
    QVERIFY(text.out.contains("## Warning signs\n- lying awake going over the argument zephyrine\n"));

    const Run history = cli({u"safety-plan"_s, u"history"_s, u"--client"_s, u"C-1"_s, u"--json"_s});
    QCOMPARE(history.code, 0);
    const QJsonArray versions = QJsonDocument::fromJson(history.out).array();
    QCOMPARE(versions.size(), 2);
    QCOMPARE(versions.at(0).toObject().value("version"_L1).toInt(), 1);
    QCOMPARE(versions.at(1).toObject().value("verified"_L1).toBool(), true);
}

void SafetyPlanTest::cliRefusals()
{
    const QString plan = file(u"plan2.md"_s, planText.toUtf8());
    // A supervisor does not write a client's plan; nothing is saved.
    QCOMPARE(cli({u"safety-plan"_s, u"set"_s, u"--client"_s, u"C-1"_s, u"--file"_s, plan}, u"sam"_s).code, 5);
    // Missing option: usage. Unknown client, no number to call, bad version, malformed file: invalid value.
    QCOMPARE(cli({u"safety-plan"_s, u"set"_s, u"--client"_s, u"C-1"_s}).code, 1);
    QCOMPARE(cli({u"safety-plan"_s, u"set"_s, u"--client"_s, u"C-404"_s, u"--file"_s, plan}).code, 2);
    const Run noNumber = cli({u"safety-plan"_s, u"set"_s, u"--client"_s, u"C-1"_s, u"--file"_s,
                              file(u"nonumber.md"_s, "## Professionals and services\nDr Lee zephyrine\n")});
    QCOMPARE(noNumber.code, 2);
    QVERIFY(noNumber.err.contains("phone number"));
    QVERIFY(!noNumber.err.contains("zephyrine"));
    const Run malformed = cli({u"safety-plan"_s, u"set"_s, u"--client"_s, u"C-1"_s, u"--file"_s,
                               file(u"malformed.md"_s, "## Warning signs\nx\n## Favourite zephyrine\n")});
    QCOMPARE(malformed.code, 2);
    QVERIFY(malformed.err.contains("line 3"));
    QVERIFY(!malformed.err.contains("zephyrine"));
    QCOMPARE(cli({u"safety-plan"_s, u"show"_s, u"--client"_s, u"C-1"_s, u"--plan-version"_s, u"0"_s}).code, 2);
    QCOMPARE(cli({u"safety-plan"_s, u"show"_s, u"--client"_s, u"C-1"_s, u"--plan-version"_s, u"9"_s}).code, 2);
    QCOMPARE(cli({u"safety-plan"_s, u"show"_s, u"--client"_s, u"C-404"_s}).code, 2);
    QCOMPARE(cli({u"safety-plan"_s, u"show"_s, u"--client"_s, u"C-1"_s, u"--colour"_s}).code, 1);
    // Still the two versions cliSetShowHistory saved.
    QCOMPARE(QJsonDocument::fromJson(cli({u"safety-plan"_s, u"history"_s, u"--client"_s, u"C-1"_s, u"--json"_s}).out).array().size(), 2);
}

void SafetyPlanTest::printedPlanReadsBack()
{
    const QString pdftotext = QStandardPaths::findExecutable(u"pdftotext"_s);
    if (pdftotext.isEmpty())
        QSKIP("pdftotext (poppler-utils) is not installed");
    const QString out = m_dir.filePath(u"plan.pdf"_s);
    const Run print = cli({u"safety-plan"_s, u"print"_s, u"--client"_s, u"C-1"_s, u"--out"_s, out});
    QCOMPARE(print.code, 0);
    QCOMPARE(QFile::permissions(out) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    QProcess p;
    p.start(pdftotext, {u"-layout"_s, out, u"-"_s});
    QVERIFY(p.waitForFinished(60000));
    const QString text = QString::fromUtf8(p.readAllStandardOutput()).simplified();
    for (const QString &want : {u"My safety plan"_s, u"Client One"_s, u"Step 1: Warning signs"_s,
                                u"lying awake going over the argument zephyrine"_s, u"Step 5: Professionals and services"_s,
                                u"Crisis line: 988"_s, u"Dr Lee at the clinic, 555-0100"_s, u"Step 7: Reasons for living"_s,
                                u"my son"_s, u"Signature and date"_s, u"If you are in danger now"_s, u"Plan version 2"_s})
        QVERIFY2(text.contains(want), qPrintable(want));
    QVERIFY(!text.contains(u"42 CFR"_s));
    // An older version prints too; the export is recorded.
    QCOMPARE(cli({u"safety-plan"_s, u"print"_s, u"--client"_s, u"C-1"_s, u"--plan-version"_s, u"1"_s, u"--out"_s,
                  m_dir.filePath(u"plan1.pdf"_s)})
                 .code,
             0);
    const Run audit = cli({u"audit"_s, u"list"_s, u"--json"_s});
    QVERIFY(audit.out.contains("safety plan version 1, pdf"));
    QVERIFY(audit.out.contains("safety plan version 2, pdf"));
    // A planted symlink where the output goes is refused, and its target untouched.
    const QString target = file(u"victim.txt"_s, "untouched");
    const QString link = m_dir.filePath(u"link.pdf"_s);
    QVERIFY(QFile::link(target, link));
    QCOMPARE(cli({u"safety-plan"_s, u"print"_s, u"--client"_s, u"C-1"_s, u"--out"_s, link}).code, 2);
    QFile victim(target);
    QVERIFY(victim.open(QIODevice::ReadOnly));
    QCOMPARE(victim.readAll(), QByteArray("untouched"));
}

QTEST_GUILESS_MAIN(SafetyPlanTest)
#include "safetyplantest.moc"
