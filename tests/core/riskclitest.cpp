// SPDX-License-Identifier: GPL-3.0-or-later
// Risk in the record as undercurrent-cli's contract (docs/risk.md, packaging/undercurrent-cli.1):
// note sign's assessment options and refusal, risk list|close|dismiss, the review queue's order,
// and the "risk" key of patterns --json; exit codes as scripts rely on them.
#include "clirun.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class RiskCliTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void signRefusedWithoutAssessment();
    void signWithAssessmentCloses();
    void toFollowStaysOpenAndLeadsTheQueue();
    void deniedSignsAndIsRecorded();
    void measureRiskIsListedAndClosed();
    void dismissNeedsAReasonAndIsAudited();
    void anotherTherapistCannotSeeOrClose();
    void patternsJsonCarriesRisk();

private:
    using Run = clirun::Run;
    Run cli(QStringList args, const QString &user = u"alice"_s);
    QString file(const QString &name, const QByteArray &content);
    // A draft progress note for C-1 on that date; its id.
    int draft(const QString &date, const QByteArray &text, const QString &user = u"alice"_s,
              const QString &kind = u"progress"_s);
    QJsonArray openRisk(const QString &user = u"alice"_s);

    QTemporaryDir m_dir;
    QString m_vault;
    QString m_pass;
    QString m_action;
};

RiskCliTest::Run RiskCliTest::cli(QStringList args, const QString &user)
{
    return clirun::cli(std::move(args), m_vault, user, m_pass);
}

QString RiskCliTest::file(const QString &name, const QByteArray &content)
{
    return clirun::file(m_dir, name, content);
}

int RiskCliTest::draft(const QString &date, const QByteArray &text, const QString &user, const QString &kind)
{
    const Run r = cli({u"session"_s, u"add"_s, u"--client"_s, u"C-1"_s, u"--date"_s, date, u"--kind"_s, kind,
                       u"--note-file"_s, file(u"note-"_s + date + user, text), u"--json"_s},
                      user);
    if (r.code != 0)
        return 0;
    return QJsonDocument::fromJson(r.out).object().value("note"_L1).toInt();
}

QJsonArray RiskCliTest::openRisk(const QString &user)
{
    return QJsonDocument::fromJson(cli({u"risk"_s, u"list"_s, u"--json"_s}, user).out).array();
}

void RiskCliTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_vault = m_dir.filePath(u"vault"_s);
    m_pass = file(u"pass"_s, "a long enough passphrase\n");
    m_action = file(u"action"_s, "Safety plan reviewed with her; crisis line given; GP informed.\n");
    QVERIFY(clirun::cheapVault(m_vault, "a long enough passphrase", u"alice"_s,
                               {{u"bob"_s, uc::model::Role::Therapist}, {u"sam"_s, uc::model::Role::Supervisor}}));
    QCOMPARE(cli({u"client"_s, u"add"_s, u"--code"_s, u"C-1"_s, u"--name"_s, u"Client One"_s}).code, 0);
    QCOMPARE(cli({u"supervise"_s, u"assign"_s, u"--therapist"_s, u"alice"_s, u"--supervisor"_s, u"sam"_s, u"--mode"_s,
                  u"review"_s},
                 u"sam"_s)
                 .code,
             0);
}

void RiskCliTest::signRefusedWithoutAssessment()
{
    const int id = draft(u"2026-10-01"_s, "Reports thoughts of killing herself; has a plan.\n");
    QVERIFY(id > 0);
    const QString note = QString::number(id);
    const Run refused = cli({u"note"_s, u"sign"_s, note});
    QCOMPARE(refused.code, 6);
    // The flag and its evidence on stderr, then one error line naming both ways to sign.
    QVERIFY(refused.err.contains("risk: suicide present (plan): \"thoughts of killing\"\n"));
    QVERIFY(refused.err.contains("undercurrent-cli: sign note: the note shows suicide risk"));
    QVERIFY(refused.err.contains("--risk-assessment low|moderate|high with --risk-action-file"));
    QVERIFY(refused.err.contains("--assessment-to-follow"));
    // Invalid values and malformed lines, each refused before anything is signed.
    QCOMPARE(cli({u"note"_s, u"sign"_s, note, u"--risk-assessment"_s, u"severe"_s, u"--risk-action-file"_s, m_action}).code, 2);
    QCOMPARE(cli({u"note"_s, u"sign"_s, note, u"--risk-assessment"_s, u"low"_s, u"--risk-action-file"_s,
                  m_dir.filePath(u"missing"_s)})
                 .code,
             2);
    QCOMPARE(cli({u"note"_s, u"sign"_s, note, u"--risk-assessment"_s, u"low"_s}).code, 1);
    QCOMPARE(cli({u"note"_s, u"sign"_s, note, u"--assessment-to-follow"_s, u"--risk-assessment"_s, u"low"_s,
                  u"--risk-action-file"_s, m_action})
                 .code,
             1);
    QCOMPARE(cli({u"note"_s, u"sign"_s, note, u"--risk-assessment"_s, u"low"_s, u"--risk-action-file"_s,
                  file(u"empty"_s, "  \n")})
                 .code,
             2);
    const Run show = cli({u"note"_s, u"show"_s, note, u"--json"_s});
    QCOMPARE(QJsonDocument::fromJson(show.out).object().value("status"_L1).toString(), u"draft"_s);
    QVERIFY(openRisk().isEmpty());
    // Signed with an assessment: the one left open by this test is closed here too.
    QCOMPARE(cli({u"note"_s, u"sign"_s, note, u"--risk-assessment"_s, u"high"_s, u"--risk-action-file"_s, m_action}).code, 0);
    QVERIFY(openRisk().isEmpty());
}

void RiskCliTest::signWithAssessmentCloses()
{
    // An assessment written in the note itself signs it without options.
    const int id = draft(u"2026-10-08"_s, "## Subjective\nSays she'd be better off dead.\n"
                                          "## Plan\nRisk assessment: moderate - safety plan written with her.\n");
    QCOMPARE(cli({u"note"_s, u"sign"_s, QString::number(id)}).code, 0);
    QVERIFY(openRisk().isEmpty());
    const Run audit = cli({u"audit"_s, u"list"_s, u"--json"_s});
    QVERIFY(audit.out.contains("\"risk-flag\""));
    QVERIFY(audit.out.contains("\"risk-assessment\""));
}

void RiskCliTest::toFollowStaysOpenAndLeadsTheQueue()
{
    const int calm = draft(u"2026-10-10"_s, "Talked about work; cravings lower.\n");
    QCOMPARE(cli({u"note"_s, u"sign"_s, QString::number(calm)}).code, 0);
    const int risky = draft(u"2026-10-15"_s, "Has been saving her sleeping tablets.\n");
    QCOMPARE(cli({u"note"_s, u"sign"_s, QString::number(risky), u"--assessment-to-follow"_s}).code, 0);
    const QJsonArray open = openRisk();
    QCOMPARE(open.size(), 1);
    const QJsonObject flag = open.first().toObject();
    QCOMPARE(flag.value("client"_L1).toString(), u"C-1"_s);
    QCOMPARE(flag.value("date"_L1).toString(), u"2026-10-15"_s);
    QCOMPARE(flag.value("id"_L1).toString(), u"suicide"_s);
    QCOMPARE(flag.value("note"_L1).toInt(), risky);
    QVERIFY(flag.value("measure"_L1).isNull());
    QVERIFY(!flag.value("evidence"_L1).toString().isEmpty());
    // The supervisor's queue: open risk first, then oldest signed first.
    const QJsonArray queue = QJsonDocument::fromJson(cli({u"queue"_s, u"--json"_s}, u"sam"_s).out).array();
    QVERIFY(queue.size() >= 3);
    QCOMPARE(queue.at(0).toObject().value("note"_L1).toInt(), risky);
    QVERIFY(queue.at(0).toObject().value("open_risk"_L1).toBool());
    QVERIFY(!queue.at(1).toObject().value("open_risk"_L1).toBool());
    QVERIFY(cli({u"queue"_s}, u"sam"_s).out.split('\n').first().endsWith("; open risk"));
    // A later assessment closes it.
    QCOMPARE(cli({u"risk"_s, u"close"_s, u"C-1"_s, u"--level"_s, u"low"_s, u"--action-file"_s, m_action}).code, 0);
    QVERIFY(openRisk().isEmpty());
    QCOMPARE(cli({u"risk"_s, u"close"_s, u"C-1"_s, u"--level"_s, u"low"_s, u"--action-file"_s, m_action}).code, 6);
    QCOMPARE(cli({u"risk"_s, u"close"_s, u"C-1"_s, u"--level"_s, u"urgent"_s, u"--action-file"_s, m_action}).code, 2);
    QCOMPARE(cli({u"risk"_s, u"close"_s, u"C-1"_s, u"--level"_s, u"low"_s}).code, 1);
}

void RiskCliTest::deniedSignsAndIsRecorded()
{
    const int id = draft(u"2026-10-20"_s, "Denies SI/HI. Mood brighter.\n");
    const Run signedNote = cli({u"note"_s, u"sign"_s, QString::number(id)});
    QCOMPARE(signedNote.code, 0);
    QVERIFY(signedNote.err.isEmpty());
    QVERIFY(openRisk().isEmpty());
    const QJsonObject patterns =
        QJsonDocument::fromJson(cli({u"patterns"_s, u"--client"_s, u"C-1"_s, u"--by"_s, u"month"_s, u"--json"_s}).out).object();
    bool denied = false;
    for (const QJsonValue &r : patterns.value("risk"_L1).toArray())
        denied = denied || (r.toObject().value("note"_L1).toInt() == id && r.toObject().value("status"_L1).toString() == u"denied");
    QVERIFY(denied);
}

void RiskCliTest::measureRiskIsListedAndClosed()
{
    const Run added = cli({u"measure"_s, u"add"_s, u"--client"_s, u"C-1"_s, u"--date"_s, u"2026-10-25"_s, u"--instrument"_s,
                           u"phq9"_s, u"--answers"_s, u"1,1,1,1,1,1,1,1,2"_s});
    QCOMPARE(added.code, 0);
    const QJsonArray open = openRisk();
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.first().toObject().value("date"_L1).toString(), u"2026-10-25"_s);
    QVERIFY(open.first().toObject().value("note"_L1).isNull());
    QVERIFY(open.first().toObject().value("measure"_L1).toInt() > 0);
    QVERIFY(open.first().toObject().value("evidence"_L1).toString().contains(u"PHQ-9 item 9"_s));
    const Run plain = cli({u"risk"_s, u"list"_s});
    QVERIFY(plain.out.startsWith("C-1\t2026-10-25\tsuicide\tmeasure "));
    QCOMPARE(cli({u"risk"_s, u"close"_s, u"C-1"_s, u"--level"_s, u"moderate"_s, u"--action-file"_s, m_action}).code, 0);
    QVERIFY(openRisk().isEmpty());
}

void RiskCliTest::dismissNeedsAReasonAndIsAudited()
{
    const int id = draft(u"2026-11-01"_s, "She said she was cutting from the team roster, then cut herself last night.\n");
    QCOMPARE(cli({u"note"_s, u"sign"_s, QString::number(id), u"--assessment-to-follow"_s}).code, 0);
    QCOMPARE(openRisk().size(), 1);
    QCOMPARE(cli({u"risk"_s, u"dismiss"_s, QString::number(id)}).code, 1);
    QCOMPARE(cli({u"risk"_s, u"dismiss"_s, QString::number(id), u"--reason"_s, u" "_s}).code, 2);
    QCOMPARE(cli({u"risk"_s, u"dismiss"_s, QString::number(id), u"--reason"_s, u"misread: a cut in a film"_s}).code, 0);
    QVERIFY(openRisk().isEmpty());
    QCOMPARE(cli({u"risk"_s, u"dismiss"_s, QString::number(id), u"--reason"_s, u"again"_s}).code, 6);
    const Run audit = cli({u"audit"_s, u"list"_s, u"--json"_s});
    QVERIFY(audit.out.contains("\"risk-dismiss\""));
    QVERIFY(!audit.out.contains("misread")); // the reason stays in the vault, not the trail
}

void RiskCliTest::anotherTherapistCannotSeeOrClose()
{
    // A process note is its author's alone: its risk is not bob's to see, close or dismiss.
    const int id = draft(u"2026-11-05"_s, "Wishes she could go to sleep and not wake up.\n", u"alice"_s, u"process"_s);
    QVERIFY(id > 0);
    QCOMPARE(cli({u"note"_s, u"sign"_s, QString::number(id), u"--assessment-to-follow"_s}).code, 0);
    QCOMPARE(openRisk().size(), 1);
    QVERIFY(openRisk(u"bob"_s).isEmpty());
    QCOMPARE(cli({u"risk"_s, u"dismiss"_s, QString::number(id), u"--reason"_s, u"not mine"_s}, u"bob"_s).code, 5);
    QCOMPARE(cli({u"risk"_s, u"close"_s, u"C-1"_s, u"--level"_s, u"low"_s, u"--action-file"_s, m_action}, u"bob"_s).code, 6);
    QCOMPARE(openRisk().size(), 1);
    // A supervisor closes nothing.
    QCOMPARE(cli({u"risk"_s, u"close"_s, u"C-1"_s, u"--level"_s, u"low"_s, u"--action-file"_s, m_action}, u"sam"_s).code, 5);
    QCOMPARE(cli({u"risk"_s, u"close"_s, u"C-1"_s, u"--level"_s, u"low"_s, u"--action-file"_s, m_action}).code, 0);
    QVERIFY(openRisk().isEmpty());
}

void RiskCliTest::patternsJsonCarriesRisk()
{
    const Run r = cli({u"patterns"_s, u"--client"_s, u"C-1"_s, u"--by"_s, u"month"_s, u"--json"_s});
    QCOMPARE(r.code, 0);
    const QJsonArray risk = QJsonDocument::fromJson(r.out).object().value("risk"_L1).toArray();
    QVERIFY(risk.size() >= 5);
    bool measure = false;
    for (const QJsonValue &v : risk) {
        const QJsonObject o = v.toObject();
        QCOMPARE(o.keys(), (QStringList{u"date"_s, u"id"_s, u"note"_s, u"status"_s}));
        measure = measure || o.value("note"_L1).isNull();
    }
    QVERIFY(measure);
    // Oldest first, as a history reads.
    QCOMPARE(risk.first().toObject().value("date"_L1).toString(), u"2026-10-01"_s);
    // bob does not see alice's process note's flag.
    const QJsonArray bobs = QJsonDocument::fromJson(cli({u"patterns"_s, u"--client"_s, u"C-1"_s, u"--by"_s, u"month"_s,
                                                         u"--json"_s},
                                                        u"bob"_s)
                                                        .out)
                                .object()
                                .value("risk"_L1)
                                .toArray();
    QCOMPARE(bobs.size(), risk.size() - 1);
}

QTEST_GUILESS_MAIN(RiskCliTest)
#include "riskclitest.moc"
