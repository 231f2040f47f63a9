// SPDX-License-Identifier: GPL-3.0-or-later
// undercurrent-cli as scripts use it: commands, JSON shapes, one-line errors and exit codes. `init`,
// `passwd` and `recover` at their real key-derivation cost on a vault of their own; every other
// command on a vault made at the cheapest cost (clirun::cheapVault), so that each of its hundreds of
// calls unlocks in milliseconds.
#include "clirun.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class CliTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void createsAVaultAndPrintsTheRecoveryKey();
    void writesSignsAndRefusesToEditASignedNote();
    void exitCodesNameWhatWentWrong();
    void exportLeavesProcessNotesOutUnlessAsked();
    void passphraseChangeAndRecovery();
    void backupRestores();
    void tagPrintsThemesWithEvidence();
    void measuresAreScoredAndRefusedWhole();
    void newInstrumentsAndReliableChange();
    void cssrsIsTriagedAndRaisesRisk();
    void patternsPrintTheContractJson();
    void patternsCarryTheTypedFields();
    void sessionsHoldNotes();
    void groupNotesKeepMembersApart();
    void clientAndThemeVerbs();
    void supervisionCommands();
    void auditVerifyAndList(); // last: it damages the trail's head

private:
    struct Run
    {
        int code;
        QByteArray out;
        QByteArray err;
    };
    Run cli(QStringList args, bool withVault = true);
    QString file(const QString &name, const QByteArray &content);

    QTemporaryDir m_dir;
    QString m_vault; // cheap: every command's test
    QString m_realVault; // at the real cost: init, passwd, recover
    QString m_pass;
    QString m_recovery;
};

CliTest::Run CliTest::cli(QStringList args, bool withVault)
{
    if (withVault)
        args << QStringLiteral("--vault") << m_vault << QStringLiteral("--user") << QStringLiteral("alice")
             << QStringLiteral("--passphrase-file") << m_pass;
    QProcess p;
    p.start(QStringLiteral(CLI_PATH), args);
    if (!p.waitForFinished(120000))
        return {-1, {}, {}};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

QString CliTest::file(const QString &name, const QByteArray &content)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(content);
    return path;
}

void CliTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_vault = m_dir.filePath(QStringLiteral("vault"));
    m_realVault = m_dir.filePath(QStringLiteral("vault-real"));
    m_pass = file(QStringLiteral("pass"), "a long enough passphrase\nignored second line\n");
    m_recovery = m_dir.filePath(QStringLiteral("recovery.txt"));
    QVERIFY(clirun::cheapVault(m_vault, "a long enough passphrase"));
}

void CliTest::createsAVaultAndPrintsTheRecoveryKey()
{
    const QStringList onReal{QStringLiteral("--vault"), m_realVault, QStringLiteral("--user"), QStringLiteral("alice"),
                             QStringLiteral("--passphrase-file"), m_pass};
    const Run r = cli(QStringList{QStringLiteral("init"), QStringLiteral("--recovery-key-file"), m_recovery} + onReal, false);
    QCOMPARE(r.code, 0);
    QFile key(m_recovery);
    QVERIFY(key.open(QIODevice::ReadOnly));
    const QByteArray text = key.readAll().trimmed();
    QCOMPARE(text.size(), 39); // 8 groups of 4 and 7 dashes
    QCOMPARE(text.count('-'), 7);
    QVERIFY(QFile::exists(m_realVault + QStringLiteral("/notes.db")));
    QVERIFY(QFile::exists(m_realVault + QStringLiteral("/keyslots.json")));
    // A second init into the same folder is refused and changes nothing.
    QCOMPARE(cli(QStringList{QStringLiteral("init")} + onReal, false).code, 6);
    QCOMPARE(cli(QStringList{QStringLiteral("init")}).code, 6); // nor into the cheap one
    QCOMPARE(cli(QStringList{QStringLiteral("client"), QStringLiteral("add"), QStringLiteral("--code"),
                             QStringLiteral("C-0001"), QStringLiteral("--name"), QStringLiteral("Jo Real")}
                 + onReal,
                 false)
                 .code,
             0);
}

void CliTest::writesSignsAndRefusesToEditASignedNote()
{
    QCOMPARE(cli({QStringLiteral("client"), QStringLiteral("add"), QStringLiteral("--code"), QStringLiteral("C-0142"),
                  QStringLiteral("--name"), QStringLiteral("Jane Roe"), QStringLiteral("--setting"),
                  QStringLiteral("outpatient")})
                 .code,
             0);
    const QString note = file(QStringLiteral("note.md"), "## Subjective\nPt reports she drinks when she feels abandoned.\n"
                                                         "## Plan\nContinue weekly.\n");
    const Run added = cli({QStringLiteral("session"), QStringLiteral("add"), QStringLiteral("--client"),
                           QStringLiteral("C-0142"), QStringLiteral("--date"), QStringLiteral("2025-03-01"),
                           QStringLiteral("--time"), QStringLiteral("14:00"), QStringLiteral("--template"),
                           QStringLiteral("soap"), QStringLiteral("--note-file"), note, QStringLiteral("--json")});
    QCOMPARE(added.code, 0);
    const QJsonObject ids = QJsonDocument::fromJson(added.out).object();
    QVERIFY(ids.value(QLatin1String("session")).toInt() > 0);
    const QString id = QString::number(ids.value(QLatin1String("note")).toInt());
    QVERIFY(id != QLatin1String("0"));

    const Run shown = cli({QStringLiteral("note"), QStringLiteral("show"), id, QStringLiteral("--json")});
    QCOMPARE(shown.code, 0);
    const QJsonObject n = QJsonDocument::fromJson(shown.out).object();
    QCOMPARE(n.value(QLatin1String("status")).toString(), QStringLiteral("draft"));
    QCOMPARE(n.value(QLatin1String("sections")).toArray().size(), 2);

    QCOMPARE(cli({QStringLiteral("note"), QStringLiteral("sign"), id}).code, 0);
    const Run edit = cli({QStringLiteral("note"), QStringLiteral("edit"), id, QStringLiteral("--note-file"), note});
    QCOMPARE(edit.code, 6);
    QVERIFY(edit.err.startsWith("undercurrent-cli: "));
    QCOMPARE(edit.err.count('\n'), 1);
    QCOMPARE(cli({QStringLiteral("note"), QStringLiteral("verify"), id}).code, 0);

    const QString add = file(QStringLiteral("addendum.txt"), "Correction: session ran 60 minutes.");
    QCOMPARE(cli({QStringLiteral("note"), QStringLiteral("addendum"), id, QStringLiteral("--text-file"), add}).code, 0);
    const Run after = cli({QStringLiteral("note"), QStringLiteral("show"), id, QStringLiteral("--json")});
    QCOMPARE(QJsonDocument::fromJson(after.out).object().value(QLatin1String("addenda")).toArray().size(), 1);

    const Run found = cli({QStringLiteral("search"), QStringLiteral("abandoned"), QStringLiteral("--json")});
    QCOMPARE(found.code, 0);
    const QJsonArray hits = QJsonDocument::fromJson(found.out).array();
    QCOMPARE(hits.size(), 1);
    QVERIFY(hits.first().toObject().value(QLatin1String("snippet")).toString().contains(QLatin1String("[abandoned]")));
}

void CliTest::exitCodesNameWhatWentWrong()
{
    const QString bad = file(QStringLiteral("bad"), "not the passphrase\n");
    Run r = cli({QStringLiteral("client"), QStringLiteral("list"), QStringLiteral("--vault"), m_vault,
                 QStringLiteral("--user"), QStringLiteral("alice"), QStringLiteral("--passphrase-file"), bad},
                false);
    QCOMPARE(r.code, 3);
    QVERIFY(!r.err.contains("not the passphrase"));
    r = cli({QStringLiteral("client"), QStringLiteral("list"), QStringLiteral("--vault"), m_dir.path(),
             QStringLiteral("--user"), QStringLiteral("alice"), QStringLiteral("--passphrase-file"), m_pass},
            false);
    QCOMPARE(r.code, 4); // not a vault
    QCOMPARE(cli({QStringLiteral("frobnicate")}).code, 1);
    // An argument that is present but no id is an invalid value, as for an option: exit 2.
    r = cli({QStringLiteral("note"), QStringLiteral("sign"), QStringLiteral("abc")});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains("ID"));
    QCOMPARE(cli({QStringLiteral("note"), QStringLiteral("sign"), QStringLiteral("0")}).code, 2);
    QCOMPARE(cli({QStringLiteral("note"), QStringLiteral("sign")}).code, 1);
    const QString note = file(QStringLiteral("n2.txt"), "text");
    r = cli({QStringLiteral("session"), QStringLiteral("add"), QStringLiteral("--client"), QStringLiteral("C-0142"),
             QStringLiteral("--date"), QStringLiteral("2025-02-29"), QStringLiteral("--note-file"), note});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains("--date"));
    r = cli({QStringLiteral("session"), QStringLiteral("add"), QStringLiteral("--client"), QStringLiteral("C-0142"),
             QStringLiteral("--date"), QStringLiteral("2025-03-02"), QStringLiteral("--modality"),
             QStringLiteral("hypnosis"), QStringLiteral("--note-file"), note});
    QCOMPARE(r.code, 2);
    const QString invalid = file(QStringLiteral("latin1.txt"), "caf\xe9 \xff");
    r = cli({QStringLiteral("session"), QStringLiteral("add"), QStringLiteral("--client"), QStringLiteral("C-0142"),
             QStringLiteral("--date"), QStringLiteral("2025-03-02"), QStringLiteral("--note-file"), invalid});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains("UTF-8"));
    r = cli({QStringLiteral("client"), QStringLiteral("add"), QStringLiteral("--code"), QStringLiteral("C-0142"),
             QStringLiteral("--name"), QStringLiteral("Someone Else")});
    QCOMPARE(r.code, 6);
    QVERIFY(!r.err.contains("Someone Else"));
}

void CliTest::exportLeavesProcessNotesOutUnlessAsked()
{
    const QString note = file(QStringLiteral("process.txt"), "CANARY-PROCESS countertransference: I felt protective.");
    QCOMPARE(cli({QStringLiteral("session"), QStringLiteral("add"), QStringLiteral("--client"), QStringLiteral("C-0142"),
                  QStringLiteral("--date"), QStringLiteral("2025-03-08"), QStringLiteral("--kind"),
                  QStringLiteral("process"), QStringLiteral("--note-file"), note})
                 .code,
             0);
    const QString out = m_dir.filePath(QStringLiteral("export.json"));
    QCOMPARE(cli({QStringLiteral("export"), QStringLiteral("--client"), QStringLiteral("C-0142"), QStringLiteral("--out"),
                  out})
                 .code,
             0);
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray plain = f.readAll();
    QVERIFY(plain.contains("abandoned"));
    QVERIFY(!plain.contains("CANARY-PROCESS"));
    QVERIFY(plain.contains("42 CFR part 2"));
    f.close();
    QCOMPARE(cli({QStringLiteral("export"), QStringLiteral("--client"), QStringLiteral("C-0142"), QStringLiteral("--out"),
                  out, QStringLiteral("--include-process-notes")})
                 .code,
             0);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll().contains("CANARY-PROCESS"));
}

void CliTest::passphraseChangeAndRecovery()
{
    // On the vault init made, at the real cost, with its recovery key.
    const auto onReal = [this](QStringList args, const QString &pass) {
        return cli(args << QStringLiteral("--vault") << m_realVault << QStringLiteral("--user") << QStringLiteral("alice")
                        << QStringLiteral("--passphrase-file") << pass,
                   false);
    };
    const QString second = file(QStringLiteral("pass2"), "another long passphrase\n");
    QCOMPARE(onReal({QStringLiteral("passwd"), QStringLiteral("--new-passphrase-file"), second}, m_pass).code, 0);
    QCOMPARE(onReal({QStringLiteral("client"), QStringLiteral("list")}, m_pass).code, 3); // the old one no longer opens
    QCOMPARE(onReal({QStringLiteral("client"), QStringLiteral("list")}, second).code, 0);
    QCOMPARE(onReal({QStringLiteral("recover"), QStringLiteral("--recovery-key-file"), m_recovery,
                     QStringLiteral("--new-passphrase-file"), m_pass},
                    m_pass)
                 .code,
             0);
    const Run list = onReal({QStringLiteral("client"), QStringLiteral("list"), QStringLiteral("--json")}, m_pass);
    QCOMPARE(list.code, 0);
    QCOMPARE(QJsonDocument::fromJson(list.out).array().size(), 1);
    const QString wrongKey = file(QStringLiteral("wrongkey"), "0000-0000-0000-0000-0000-0000-0000-0000\n");
    QCOMPARE(onReal({QStringLiteral("recover"), QStringLiteral("--recovery-key-file"), wrongKey,
                     QStringLiteral("--new-passphrase-file"), second},
                    m_pass)
                 .code,
             3);
}

void CliTest::backupRestores()
{
    const QString backup = m_dir.filePath(QStringLiteral("vault.ucbackup"));
    QCOMPARE(cli({QStringLiteral("backup"), QStringLiteral("--out"), backup}).code, 0);
    QFile f(backup);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(!f.readAll().contains("abandoned"));
    const QString restored = m_dir.filePath(QStringLiteral("restored"));
    QCOMPARE(cli({QStringLiteral("restore"), QStringLiteral("--from"), backup, QStringLiteral("--to"), restored}).code, 0);
    const Run found = cli({QStringLiteral("search"), QStringLiteral("abandoned"), QStringLiteral("--json"),
                           QStringLiteral("--vault"), restored, QStringLiteral("--user"), QStringLiteral("alice"),
                           QStringLiteral("--passphrase-file"), m_pass},
                          false);
    QCOMPARE(found.code, 0);
    QCOMPARE(QJsonDocument::fromJson(found.out).array().size(), 1);
}

void CliTest::tagPrintsThemesWithEvidence()
{
    QProcess p;
    p.start(QStringLiteral(CLI_PATH), {QStringLiteral("tag")});
    p.write("Pt denies cravings but says she drinks when she feels abandoned.");
    p.closeWriteChannel();
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 0);
    const QJsonObject out = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    QStringList ids;
    for (const QJsonValue &t : out.value(QLatin1String("themes")).toArray()) {
        const QJsonObject o = t.toObject();
        ids << o.value(QLatin1String("id")).toString();
        const QJsonObject e = o.value(QLatin1String("evidence")).toArray().first().toObject();
        QVERIFY(e.value(QLatin1String("end")).toInt() > e.value(QLatin1String("start")).toInt());
        QVERIFY(!e.value(QLatin1String("rule")).toString().isEmpty());
        QCOMPARE(o.value(QLatin1String("count")).toInt(), o.value(QLatin1String("evidence")).toArray().size());
    }
    QVERIFY(ids.contains(QLatin1String("abandonment-driven-use")));
    const QJsonObject excluded = out.value(QLatin1String("excluded")).toArray().first().toObject();
    QCOMPARE(excluded.value(QLatin1String("id")).toString(), QStringLiteral("craving"));
    QCOMPARE(excluded.value(QLatin1String("reason")).toString(), QStringLiteral("negated"));

    // --jsonl: one object per line in, one per line out, ids carried through.
    QProcess batch;
    batch.start(QStringLiteral(CLI_PATH), {QStringLiteral("tag"), QStringLiteral("--jsonl")});
    batch.write("{\"id\":\"a\",\"text\":\"Her father drank every night.\"}\n{\"id\":7,\"text\":\"No themes here.\"}\n");
    batch.closeWriteChannel();
    QVERIFY(batch.waitForFinished(30000));
    QCOMPARE(batch.exitCode(), 0);
    const QList<QByteArray> lines = batch.readAllStandardOutput().trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    const QJsonObject first = QJsonDocument::fromJson(lines[0]).object();
    QCOMPARE(first.value(QLatin1String("id")).toString(), QStringLiteral("a"));
    QCOMPARE(first.value(QLatin1String("themes")).toArray().first().toObject().value(QLatin1String("id")).toString(),
             QStringLiteral("family-substance-use"));
    QCOMPARE(QJsonDocument::fromJson(lines[1]).object().value(QLatin1String("id")).toInt(), 7);

    // A malformed line is refused with its number.
    QProcess bad;
    bad.start(QStringLiteral(CLI_PATH), {QStringLiteral("tag"), QStringLiteral("--jsonl")});
    bad.write("{\"id\":1,\"text\":\"fine\"}\nnot json\n");
    bad.closeWriteChannel();
    QVERIFY(bad.waitForFinished(30000));
    QCOMPARE(bad.exitCode(), 2);
    QVERIFY(bad.readAllStandardError().contains("line 2"));
}

void CliTest::cssrsIsTriagedAndRaisesRisk()
{
    QCOMPARE(cli({QStringLiteral("client"), QStringLiteral("add"), QStringLiteral("--code"), QStringLiteral("C-SCR"),
                  QStringLiteral("--name"), QStringLiteral("Sam Screen")})
                 .code,
             0);
    const auto add = [&](const char *answers) {
        return cli({QStringLiteral("measure"), QStringLiteral("add"), QStringLiteral("--client"), QStringLiteral("C-SCR"),
                    QStringLiteral("--date"), QStringLiteral("2025-03-03"), QStringLiteral("--instrument"),
                    QStringLiteral("cssrs"), QStringLiteral("--answers"), QString::fromLatin1(answers),
                    QStringLiteral("--force")}); // one screen per case, all on one date
    };
    struct Case
    {
        const char *answers;
        const char *first;
        const char *risk; // empty: no risk line
    };
    const Case cases[] = {
        {"0,0,-,-,-,0", "C-SSRS on 2025-03-03: total 0, negative", ""},
        {"1,0,-,-,-,0", "C-SSRS on 2025-03-03: total 1, low", "risk: suicide \u2014 C-SSRS screen low (yes to 1); assess and document"},
        {"1,1,0,0,0,0", "C-SSRS on 2025-03-03: total 2, low", "risk: suicide \u2014 C-SSRS screen low (yes to 1, 2); assess and document"},
        {"1,1,1,0,0,0", "C-SSRS on 2025-03-03: total 3, moderate", "risk: suicide \u2014 C-SSRS screen moderate (yes to 1, 2, 3); assess and document"},
        {"0,1,0,1,0,0", "C-SSRS on 2025-03-03: total 2, high", "risk: suicide \u2014 C-SSRS screen high (yes to 2, 4); assess and document"},
        {"0,1,1,1,1,0", "C-SSRS on 2025-03-03: total 4, high", "risk: suicide \u2014 C-SSRS screen high (yes to 2, 3, 4, 5); assess and document"},
        // Behaviour (6) with no dates to tell recent from past: read as high.
        {"0,0,-,-,-,1", "C-SSRS on 2025-03-03: total 1, high", "risk: suicide \u2014 C-SSRS screen high (yes to 6); assess and document"},
    };
    for (const Case &c : cases) {
        const Run r = add(c.answers);
        QVERIFY2(r.code == 0, c.answers);
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.at(0), QByteArray(c.first));
        if (*c.risk) {
            QCOMPARE(lines.size(), 2);
            QCOMPARE(lines.at(1), QString::fromUtf8(c.risk).toUtf8());
        } else {
            QCOMPARE(lines.size(), 1);
        }
    }
    // Item 9 answered 0 raises nothing; --json carries "risk" either way.
    const Run quiet = cli({QStringLiteral("measure"), QStringLiteral("add"), QStringLiteral("--client"), QStringLiteral("C-SCR"),
                           QStringLiteral("--date"), QStringLiteral("2025-01-07"), QStringLiteral("--instrument"),
                           QStringLiteral("phq9"), QStringLiteral("--answers"), QStringLiteral("1,2,1,2,2,2,1,2,0")});
    QCOMPARE(quiet.code, 0);
    QCOMPARE(quiet.out.trimmed(), QByteArray("PHQ-9 on 2025-01-07: total 13, moderate"));
    const Run addedJson = cli({QStringLiteral("measure"), QStringLiteral("add"), QStringLiteral("--client"), QStringLiteral("C-SCR"),
                               QStringLiteral("--date"), QStringLiteral("2025-01-08"), QStringLiteral("--instrument"),
                               QStringLiteral("phq9"), QStringLiteral("--answers"), QStringLiteral("0,0,0,0,0,0,0,0,3"),
                               QStringLiteral("--json")});
    QCOMPARE(addedJson.code, 0);
    const QJsonObject risk = QJsonDocument::fromJson(addedJson.out).object().value(QLatin1String("risk")).toObject();
    QCOMPARE(risk.value(QLatin1String("id")).toString(), QStringLiteral("suicide"));
    QCOMPARE(risk.value(QLatin1String("evidence")).toString(), QStringLiteral("PHQ-9 item 9 answered 3 (nearly every day)"));
    const Run gadJson = cli({QStringLiteral("measure"), QStringLiteral("add"), QStringLiteral("--client"), QStringLiteral("C-SCR"),
                             QStringLiteral("--date"), QStringLiteral("2025-01-08"), QStringLiteral("--instrument"),
                             QStringLiteral("gad7"), QStringLiteral("--answers"), QStringLiteral("3,3,3,3,3,3,3"),
                             QStringLiteral("--json")});
    QCOMPARE(gadJson.code, 0);
    QVERIFY(QJsonDocument::fromJson(gadJson.out).object().value(QLatin1String("risk")).isNull());
    // Invalid: a skip where the screener asks, an answer where it skips, a value that is not yes or no.
    for (const char *bad : {"0,0,0,0,0,0", "1,1,-,-,-,0", "-,0,-,-,-,0", "0,0,-,-,-,-", "2,0,-,-,-,0", "1,0,-,-,-", "1,0,x,-,-,0"}) {
        const Run r = add(bad);
        QVERIFY2(r.code == 2, bad);
        QVERIFY2(r.err.contains("C-SSRS"), bad);
    }
}

void CliTest::measuresAreScoredAndRefusedWhole()
{
    QCOMPARE(cli({QStringLiteral("client"), QStringLiteral("add"), QStringLiteral("--code"), QStringLiteral("C-PAT"),
                  QStringLiteral("--name"), QStringLiteral("Pat Example")})
                 .code,
             0);
    // 1+2+1+2+2+2+1+2+1 = 14: PHQ-9 10–14 is moderate.
    const Run added = cli({QStringLiteral("measure"), QStringLiteral("add"), QStringLiteral("--client"), QStringLiteral("C-PAT"),
                           QStringLiteral("--date"), QStringLiteral("2025-01-06"), QStringLiteral("--instrument"),
                           QStringLiteral("phq9"), QStringLiteral("--answers"), QStringLiteral("1,2,1,2,2,2,1,2,1")});
    QCOMPARE(added.code, 0);
    // Item 9 answered 1: the first line stays as it was, and a risk line follows.
    const QList<QByteArray> addedLines = added.out.trimmed().split('\n');
    QCOMPARE(addedLines.size(), 2);
    QCOMPARE(addedLines.at(0), QByteArray("PHQ-9 on 2025-01-06: total 14, moderate"));
    QCOMPARE(addedLines.at(1),
             QStringLiteral("risk: suicide \u2014 PHQ-9 item 9 answered 1 (several days); assess and document").toUtf8());

    const Run missing = cli({QStringLiteral("measure"), QStringLiteral("add"), QStringLiteral("--client"), QStringLiteral("C-PAT"),
                             QStringLiteral("--date"), QStringLiteral("2025-01-13"), QStringLiteral("--instrument"),
                             QStringLiteral("phq9"), QStringLiteral("--answers"), QStringLiteral("1,,1,2,2,2,1,2,1")});
    QCOMPARE(missing.code, 2);
    QCOMPARE(missing.err.trimmed(), QByteArray("undercurrent-cli: measure: PHQ-9 item 2 is missing (every item needs an answer)"));
    const Run shortList = cli({QStringLiteral("measure"), QStringLiteral("add"), QStringLiteral("--client"), QStringLiteral("C-PAT"),
                               QStringLiteral("--date"), QStringLiteral("2025-01-13"), QStringLiteral("--instrument"),
                               QStringLiteral("gad7"), QStringLiteral("--answers"), QStringLiteral("1,1,1")});
    QCOMPARE(shortList.code, 2);
    QVERIFY(shortList.err.contains("GAD-7 has 7 items; 3 answers given"));
    const Run range = cli({QStringLiteral("measure"), QStringLiteral("add"), QStringLiteral("--client"), QStringLiteral("C-PAT"),
                           QStringLiteral("--date"), QStringLiteral("2025-01-13"), QStringLiteral("--instrument"),
                           QStringLiteral("audit"), QStringLiteral("--answers"), QStringLiteral("4,4,4,4,4,4,4,4,3,4")});
    QCOMPARE(range.code, 2);
    QVERIFY(range.err.contains("AUDIT item 9: 3 is out of range (0, 2 or 4)"));
    QCOMPARE(cli({QStringLiteral("measure"), QStringLiteral("add"), QStringLiteral("--client"), QStringLiteral("C-PAT"),
                  QStringLiteral("--date"), QStringLiteral("2025-02-30"), QStringLiteral("--instrument"), QStringLiteral("gad7"),
                  QStringLiteral("--answers"), QStringLiteral("1,1,1,1,1,1,1")})
                 .code,
             2);

    // Only the good one was stored.
    const Run listed = cli({QStringLiteral("measure"), QStringLiteral("list"), QStringLiteral("--client"), QStringLiteral("C-PAT"),
                            QStringLiteral("--json")});
    QCOMPARE(listed.code, 0);
    const QJsonArray list = QJsonDocument::fromJson(listed.out).array();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.at(0).toObject().value(QLatin1String("total")).toInt(), 14);
    QCOMPARE(list.at(0).toObject().value(QLatin1String("band")).toString(), QStringLiteral("moderate"));

    // A second PHQ-9 on that date is a conflict until confirmed; the first is named.
    const QStringList again{QStringLiteral("measure"), QStringLiteral("add"), QStringLiteral("--client"), QStringLiteral("C-PAT"),
                            QStringLiteral("--date"), QStringLiteral("2025-01-06"), QStringLiteral("--instrument"),
                            QStringLiteral("phq9"), QStringLiteral("--answers"), QStringLiteral("3,3,3,3,3,3,3,3,1"),
                            QStringLiteral("--json")};
    const Run duplicate = cli(again);
    QCOMPARE(duplicate.code, 6);
    const QByteArray firstId = QByteArray::number(list.at(0).toObject().value(QLatin1String("id")).toInt());
    QVERIFY(duplicate.err.contains(QByteArray("measure " + firstId)));
    const Run forced = cli(again + QStringList{QStringLiteral("--force")});
    QCOMPARE(forced.code, 0);
    const QString second = QString::number(QJsonDocument::fromJson(forced.out).object().value(QLatin1String("id")).toInt());
    // The second was entered in error: delete it. The first is corrected in place.
    QCOMPARE(cli({QStringLiteral("measure"), QStringLiteral("delete"), second}).code, 0);
    QCOMPARE(cli({QStringLiteral("measure"), QStringLiteral("delete"), second}).code, 2);
    const Run edited = cli({QStringLiteral("measure"), QStringLiteral("edit"), QString::fromLatin1(firstId),
                            QStringLiteral("--answers"), QStringLiteral("2,1,1,2,2,2,1,2,1"), QStringLiteral("--json")});
    QCOMPARE(edited.code, 0);
    QCOMPARE(QJsonDocument::fromJson(edited.out).object().value(QLatin1String("total")).toInt(), 14);
    QCOMPARE(cli({QStringLiteral("measure"), QStringLiteral("edit"), QString::fromLatin1(firstId), QStringLiteral("--answers"),
                  QStringLiteral("1,2")})
                 .code,
             2);
    const Run after = cli({QStringLiteral("measure"), QStringLiteral("list"), QStringLiteral("--client"), QStringLiteral("C-PAT"),
                           QStringLiteral("--json")});
    const QJsonArray now = QJsonDocument::fromJson(after.out).array();
    QCOMPARE(now.size(), 1);
    QCOMPARE(now.at(0).toObject().value(QLatin1String("answers")).toArray().first().toInt(), 2);
    // The audit trail has the ids and kinds of change, never a value.
    const Run audit = cli({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--json")});
    QVERIFY(audit.out.contains("\"edit-measure\""));
    QVERIFY(audit.out.contains("\"delete-measure\""));
    QVERIFY(audit.out.contains(QByteArray("\"measure:" + firstId + "\"")));
    QVERIFY(!audit.out.contains("3,3,3"));
    QVERIFY(!audit.out.contains("1,2,1,2"));
    QVERIFY(!audit.out.contains("2,1,1,2"));
    // Each entry names whose key signed it: the acting user (a failed-unlock report, folded in at the
    // next good unlock, is signed by the user who unlocked).
    const QJsonArray entries = QJsonDocument::fromJson(audit.out).array();
    QVERIFY(!entries.isEmpty());
    for (const QJsonValue &entry : entries) {
        const QJsonObject o = entry.toObject();
        QVERIFY2(o.contains(QLatin1String("signer")), "every entry has a signer key");
        if (o.value(QLatin1String("action")).toString() != QLatin1String("unlock-failed-reported"))
            QCOMPARE(o.value(QLatin1String("signer")).toString(), o.value(QLatin1String("user")).toString());
    }
}

void CliTest::newInstrumentsAndReliableChange()
{
    QCOMPARE(cli({u"client"_s, u"add"_s, u"--code"_s, u"C-RCI"_s, u"--name"_s, u"Robin Example"_s}).code, 0);
    const auto add = [&](const char *date, const char *instrument, const char *answers) {
        return cli({u"measure"_s, u"add"_s, u"--client"_s, u"C-RCI"_s, u"--date"_s, QString::fromLatin1(date), u"--instrument"_s,
                    QString::fromLatin1(instrument), u"--answers"_s, QString::fromLatin1(answers)});
    };
    // The contract: DAST-10 answered as the form asks (1 yes, 0 no); item 3 is reversed by the
    // program, so its "no" scores: 1 + 1 + 1 = 3, moderate.
    const Run dast = add("2025-01-06", "dast10", "1,1,0,0,0,0,0,0,0,0");
    QCOMPARE(dast.code, 0);
    QCOMPARE(dast.out.trimmed(), QByteArray("DAST-10 on 2025-01-06: total 3, moderate"));
    QCOMPARE(add("2025-01-06", "dast10", "1,1,2,0,0,0,0,0,0,0").code, 2); // yes or no only
    // PCL-5: 20 answers 0–4; 13 × 4 = 52, probable PTSD; later 7 × 4 + 2 = 30, below 33.
    const Run pcl = add("2025-01-06", "pcl5", "4,4,4,4,4,4,4,4,4,4,4,4,4,0,0,0,0,0,0,0");
    QCOMPARE(pcl.code, 0);
    QCOMPARE(pcl.out.trimmed(), QByteArray("PCL-5 on 2025-01-06: total 52, probable PTSD"));
    QCOMPARE(add("2025-03-03", "pcl5", "4,4,4,4,4,4,4,2,0,0,0,0,0,0,0,0,0,0,0,0").code, 0);
    QCOMPARE(add("2025-01-06", "phq9", "3,3,2,2,2,2,2,1,1").code, 0); // 18
    QCOMPARE(add("2025-03-03", "phq9", "1,1,2,1,1,1,1,1,0").code, 0); // 9

    const Run listed = cli({u"measure"_s, u"list"_s, u"--client"_s, u"C-RCI"_s, u"--json"_s});
    QCOMPARE(listed.code, 0);
    const QJsonArray list = QJsonDocument::fromJson(listed.out).array();
    QCOMPARE(list.size(), 5);
    QJsonObject latestPcl;
    QJsonObject latestPhq;
    for (const QJsonValue &v : list) {
        const QJsonObject m = v.toObject();
        const bool latest = m.value(u"date"_s).toString() == u"2025-03-03"_s;
        // Only each instrument's latest entry, with a first before it, carries the change.
        QCOMPARE(m.contains(u"reliable_change"_s), latest);
        if (latest && m.value(u"instrument"_s).toString() == u"pcl5"_s)
            latestPcl = m;
        if (latest && m.value(u"instrument"_s).toString() == u"phq9"_s)
            latestPhq = m;
    }
    // PCL-5 52 → 30: −22 / (√2 · 12.40 · √0.09) = −4.18; below 33 now.
    QCOMPARE(latestPcl.value(u"reliable_change"_s).toObject(),
             (QJsonObject{{u"from"_s, 52},
                          {u"to"_s, 30},
                          {u"from_date"_s, u"2025-01-06"_s},
                          {u"to_date"_s, u"2025-03-03"_s},
                          {u"rci"_s, -4.18},
                          {u"verdict"_s, u"reliable-improvement"_s},
                          {u"clinically_significant"_s, true},
                          {u"method"_s, u"jacobson-truax"_s},
                          {u"threshold"_s, QJsonValue()},
                          {u"cut_off"_s, 33}}));
    QVERIFY(!latestPcl.contains(u"items_moved"_s));
    // PHQ-9: 18 → 9 by the published threshold (−9, 6 or more; below 10), no index computed,
    // and the items that moved: 1, 2, 4–7, 9.
    QCOMPARE(latestPhq.value(u"reliable_change"_s).toObject().value(u"verdict"_s).toString(), u"reliable-improvement"_s);
    QCOMPARE(latestPhq.value(u"reliable_change"_s).toObject().value(u"method"_s).toString(), u"published-threshold"_s);
    QVERIFY(latestPhq.value(u"reliable_change"_s).toObject().value(u"rci"_s).isNull());
    QJsonArray moved;
    for (const QJsonValue &v : latestPhq.value(u"items_moved"_s).toArray())
        moved.append(v.toObject().value(u"item"_s));
    QCOMPARE(moved, (QJsonArray{1, 2, 4, 5, 6, 7, 9}));
    QCOMPARE(latestPhq.value(u"items_moved"_s).toArray().at(0).toObject(),
             (QJsonObject{{u"item"_s, 1}, {u"from"_s, 3}, {u"to"_s, 1}}));

    // In words, one line per instrument scored twice, after the scores.
    const Run text = cli({u"measure"_s, u"list"_s, u"--client"_s, u"C-RCI"_s});
    QCOMPARE(text.code, 0);
    QVERIFY2(text.out.contains("PHQ-9 since 2025-01-06: 18 \xe2\x86\x92 9, change -9 (published threshold 6 points): "
                               "reliable improvement; clinically significant (now below the cut-off of 10)"),
             text.out.constData());
    QVERIFY2(text.out.contains("PCL-5 since 2025-01-06: 52 \xe2\x86\x92 30, RCI -4.18: reliable improvement; clinically "
                               "significant (now below the cut-off of 33)"),
             text.out.constData());
    QVERIFY(!text.out.contains("DAST-10 since"));
}

void CliTest::patternsPrintTheContractJson()
{
    const auto session = [&](const char *date, const QByteArray &text, const char *attendance) {
        const QString note = file(QStringLiteral("pattern-note.md"), text);
        return cli({QStringLiteral("session"), QStringLiteral("add"), QStringLiteral("--client"), QStringLiteral("C-PAT"),
                    QStringLiteral("--date"), QString::fromLatin1(date), QStringLiteral("--attendance"),
                    QString::fromLatin1(attendance), QStringLiteral("--note-file"), note})
            .code;
    };
    QCOMPARE(session("2025-01-06", "Pt reports feeling abandoned since her partner left.\n", "attended"), 0);
    QCOMPARE(session("2025-01-13", "Pt relapsed on Saturday and drank a bottle of wine.\n", "late"), 0);
    QCOMPARE(session("2025-01-20", "Client did not attend; voicemail left.\n", "no-show"), 0);
    QCOMPARE(session("2025-02-03", "Pt again describes feeling abandoned and rejected by her partner.\n", "attended"), 0);

    const Run r = cli({QStringLiteral("patterns"), QStringLiteral("--client"), QStringLiteral("C-PAT"), QStringLiteral("--by"),
                       QStringLiteral("month"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QLatin1String("client")).toString(), QStringLiteral("C-PAT"));
    QCOMPARE(o.value(QLatin1String("by")).toString(), QStringLiteral("month"));
    // No range given: from the month of the first session to the month of the last.
    QCOMPARE(o.value(QLatin1String("from")).toString(), QStringLiteral("2025-01-01"));
    QCOMPARE(o.value(QLatin1String("to")).toString(), QStringLiteral("2025-02-28"));
    const QJsonArray buckets = o.value(QLatin1String("buckets")).toArray();
    QCOMPARE(buckets.size(), 2);
    const QJsonObject january = buckets.at(0).toObject();
    QCOMPARE(january.value(QLatin1String("start")).toString(), QStringLiteral("2025-01-01"));
    QCOMPARE(january.value(QLatin1String("end")).toString(), QStringLiteral("2025-01-31"));
    QCOMPARE(january.value(QLatin1String("sessions")).toInt(), 2); // the no-show is not a session attended
    const QJsonObject janThemes = january.value(QLatin1String("themes")).toObject();
    QCOMPARE(janThemes.value(QLatin1String("abandonment")).toObject().value(QLatin1String("sessions")).toInt(), 1);
    QVERIFY(janThemes.value(QLatin1String("abandonment")).toObject().value(QLatin1String("hits")).toInt() >= 1);
    QCOMPARE(janThemes.value(QLatin1String("relapse")).toObject().value(QLatin1String("sessions")).toInt(), 1);

    const QJsonObject abandonment = o.value(QLatin1String("summary")).toObject().value(QLatin1String("abandonment")).toObject();
    QCOMPARE(abandonment.value(QLatin1String("first_seen")).toString(), QStringLiteral("2025-01-06"));
    QCOMPARE(abandonment.value(QLatin1String("last_seen")).toString(), QStringLiteral("2025-02-03"));
    QCOMPARE(abandonment.value(QLatin1String("sessions")).toInt(), 2);
    QCOMPARE(abandonment.value(QLatin1String("recurrence")).toObject(),
             (QJsonObject{{QStringLiteral("last"), 3}, {QStringLiteral("in"), 2}}));
    QCOMPARE(abandonment.value(QLatin1String("trend")).toString(), QStringLiteral("stable")); // 3 sessions: too few

    // Abandonment on 01-06 was followed by relapse on 01-13 (1 of 1; the one on 02-03 has no next
    // session); relapse raised in 1 of the 2 sessions that follow another: base rate 0.5.
    bool found = false;
    for (const QJsonValue &v : o.value(QLatin1String("leadlag")).toArray()) {
        const QJsonObject l = v.toObject();
        if (l.value(QLatin1String("theme")).toString() == u"abandonment" && l.value(QLatin1String("followed_by")).toString() == u"relapse") {
            found = true;
            QCOMPARE(l.value(QLatin1String("count")).toInt(), 1);
            QCOMPARE(l.value(QLatin1String("of")).toInt(), 1);
            QCOMPARE(l.value(QLatin1String("base_rate")).toDouble(), 0.5);
        }
    }
    QVERIFY(found);
    const QJsonArray phq9 = o.value(QLatin1String("measures")).toObject().value(QLatin1String("phq9")).toArray();
    QCOMPARE(phq9.size(), 1);
    QCOMPARE(phq9.at(0).toObject(), (QJsonObject{{QStringLiteral("date"), QStringLiteral("2025-01-06")},
                                                 {QStringLiteral("total"), 14},
                                                 {QStringLiteral("band"), QStringLiteral("moderate")}}));
    const QJsonObject attendance = o.value(QLatin1String("attendance")).toObject();
    QCOMPARE(attendance.value(QLatin1String("attended")).toInt(), 3);
    QCOMPARE(attendance.value(QLatin1String("missed")).toInt(), 1);
    QCOMPARE(attendance.value(QLatin1String("longest_gap_days")).toInt(), 21);

    // A range the wrong way round, and an unknown bucket, are usage errors.
    QCOMPARE(cli({QStringLiteral("patterns"), QStringLiteral("--client"), QStringLiteral("C-PAT"), QStringLiteral("--by"),
                  QStringLiteral("week"), QStringLiteral("--from"), QStringLiteral("2025-03-01"), QStringLiteral("--to"),
                  QStringLiteral("2025-02-01"), QStringLiteral("--json")})
                 .code,
             1);
    QCOMPARE(cli({QStringLiteral("patterns"), QStringLiteral("--client"), QStringLiteral("C-PAT"), QStringLiteral("--by"),
                  QStringLiteral("fortnight"), QStringLiteral("--json")})
                 .code,
             2);
    // The caseload view: both clients' attended sessions by quarter.
    const Run caseload = cli({QStringLiteral("patterns"), QStringLiteral("--caseload"), QStringLiteral("--by"),
                              QStringLiteral("quarter"), QStringLiteral("--json")});
    QCOMPARE(caseload.code, 0);
    const QJsonObject c = QJsonDocument::fromJson(caseload.out).object();
    QCOMPARE(c.value(QLatin1String("caseload")).toString(), QStringLiteral("all"));
    int sessions = 0;
    for (const QJsonValue &b : c.value(QLatin1String("buckets")).toArray())
        sessions += b.toObject().value(QLatin1String("sessions")).toInt();
    QVERIFY(sessions >= 4); // C-PAT's 3 and C-0142's
}

// `patterns --json` "fields" (docs/patterns.md, "Structured fields"): every field's key, its points
// in session order within the range, numbers and words; the lines raise no theme.
void CliTest::patternsCarryTheTypedFields()
{
    QCOMPARE(cli({u"client"_s, u"add"_s, u"--code"_s, u"C-FLD"_s, u"--name"_s, u"Field Client"_s}).code, 0);
    const auto session = [&](const char *date, const QByteArray &text) {
        const QString note = file(u"field-note.md"_s, text);
        return cli({u"session"_s, u"add"_s, u"--client"_s, u"C-FLD"_s, u"--date"_s, QString::fromLatin1(date),
                    u"--template"_s, u"addiction"_s, u"--note-file"_s, note})
            .code;
    };
    QCOMPARE(session("2025-05-12", "## Use since last session\nSubstance: alcohol\nDays abstinent: 0\n"
                                   "## Cravings (0-10)\n8\n## Stage of change\nContemplation\n## Risk\nLow\n"),
             0);
    QCOMPARE(session("2025-05-05", "## Cravings (0-10)\n9/10\n## Risk\nModerate. Passive wish, no plan.\n"), 0);
    QCOMPARE(session("2025-05-19", "## Cravings (0-10)\nabout 5\n## Use since last session\nDays abstinent: 7\n"), 0);

    const Run r = cli({u"patterns"_s, u"--client"_s, u"C-FLD"_s, u"--by"_s, u"session"_s, u"--json"_s});
    QCOMPARE(r.code, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QVERIFY(o.contains(u"attendance"_s) && o.contains(u"summary"_s) && o.contains(u"risk"_s)); // unchanged keys
    const QJsonObject fields = o.value(u"fields"_s).toObject();
    QCOMPARE(fields.keys(), (QStringList{u"craving"_s, u"days_abstinent"_s, u"risk_level"_s, u"stage"_s}));
    const auto values = [&](const QString &field) {
        QStringList out;
        for (const QJsonValue &p : fields.value(field).toArray()) {
            const QJsonObject point = p.toObject();
            if (point.keys() != QStringList{u"date"_s, u"session"_s, u"value"_s} || point.value(u"session"_s).toInt() <= 0)
                out << u"a point not in the contract's shape"_s;
            out << point.value(u"date"_s).toString() + u'='
                       + (point.value(u"value"_s).isString() ? point.value(u"value"_s).toString()
                                                             : QString::number(point.value(u"value"_s).toInt()));
        }
        return out;
    };
    QCOMPARE(values(u"craving"_s), (QStringList{u"2025-05-05=9"_s, u"2025-05-12=8"_s})); // "about 5" is prose
    QCOMPARE(values(u"days_abstinent"_s), (QStringList{u"2025-05-12=0"_s, u"2025-05-19=7"_s}));
    QCOMPARE(values(u"stage"_s), QStringList{u"2025-05-12=contemplation"_s});
    QCOMPARE(values(u"risk_level"_s), (QStringList{u"2025-05-05=moderate"_s, u"2025-05-12=low"_s}));
    QVERIFY(fields.value(u"craving"_s).toArray().first().toObject().value(u"value"_s).isDouble());
    // "Risk: Low" is no low mood.
    QVERIFY(!o.value(u"summary"_s).toObject().contains(u"depression"_s));

    // The range limits the series as it limits the buckets.
    const Run may12 = cli({u"patterns"_s, u"--client"_s, u"C-FLD"_s, u"--by"_s, u"week"_s, u"--from"_s,
                           u"2025-05-12"_s, u"--to"_s, u"2025-05-12"_s, u"--json"_s});
    QCOMPARE(may12.code, 0);
    const QJsonObject narrow = QJsonDocument::fromJson(may12.out).object().value(u"fields"_s).toObject();
    QCOMPARE(narrow.value(u"craving"_s).toArray().size(), 1);
    QCOMPARE(narrow.value(u"days_abstinent"_s).toArray().size(), 1);
    // The caseload has no fields.
    const Run caseload = cli({u"patterns"_s, u"--caseload"_s, u"--by"_s, u"month"_s, u"--json"_s});
    QCOMPARE(caseload.code, 0);
    QVERIFY(!QJsonDocument::fromJson(caseload.out).object().contains(u"fields"_s));
}

// A session is made once and holds notes: `note add --session` attaches to it, a no-show needs no
// note, `session list` and `note list` show them, `note discard` removes a draft only, and the
// patterns count the session once.
void CliTest::sessionsHoldNotes()
{
    const auto q = [](const char *text) { return QString::fromLatin1(text); };
    QCOMPARE(cli({q("client"), q("add"), q("--code"), q("C-SES"), q("--name"), q("Sam Sessions")}).code, 0);
    const QString progress = file(q("ses-progress.md"), "Pt relapsed on Saturday after the quarrel.\n");
    const QString process = file(q("ses-process.md"), "I felt protective of her.\n");
    Run r = cli({q("session"), q("add"), q("--client"), q("C-SES"), q("--date"), q("2025-05-05"), q("--time"), q("10:00"),
                 q("--note-file"), progress, q("--json")});
    QCOMPARE(r.code, 0);
    const QJsonObject made = QJsonDocument::fromJson(r.out).object();
    const int session = made.value(QLatin1String("session")).toInt();
    const int first = made.value(QLatin1String("note")).toInt();
    QVERIFY(session > 0 && first > 0);

    r = cli({q("note"), q("add"), q("--session"), QString::number(session), q("--kind"), q("process"), q("--note-file"),
             process, q("--json")});
    QCOMPARE(r.code, 0);
    const QJsonObject added = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(added.keys(), (QStringList{q("note"), q("session")}));
    QCOMPARE(added.value(QLatin1String("session")).toInt(), session);
    const int processNote = added.value(QLatin1String("note")).toInt();
    QVERIFY(processNote > first);
    // A second progress note of the same author on the session: a conflict, nothing written.
    r = cli({q("note"), q("add"), q("--session"), QString::number(session), q("--kind"), q("progress"), q("--note-file"),
             progress});
    QCOMPARE(r.code, 6);
    QVERIFY(r.err.contains("progress note"));
    QCOMPARE(cli({q("note"), q("add"), q("--session"), q("99999"), q("--kind"), q("process"), q("--note-file"), process}).code, 2);
    // A draft to discard, on the same session.
    r = cli({q("note"), q("add"), q("--session"), QString::number(session), q("--kind"), q("process"), q("--note-file"),
             file(q("ses-mistake.md"), "Quixotical mistake.\n"), q("--json")});
    QCOMPARE(r.code, 0);
    const QString mistake = QString::number(QJsonDocument::fromJson(r.out).object().value(QLatin1String("note")).toInt());

    // A no-show needs no note file.
    r = cli({q("session"), q("add"), q("--client"), q("C-SES"), q("--date"), q("2025-05-12"), q("--time"), q("10:00"),
             q("--attendance"), q("no-show"), q("--json")});
    QCOMPARE(r.code, 0);
    const QJsonObject missed = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(missed.keys(), QStringList{q("session")});
    // --kind without a note is a line that does not hold together.
    QCOMPARE(cli({q("session"), q("add"), q("--client"), q("C-SES"), q("--date"), q("2025-05-19"), q("--kind"), q("process")}).code, 1);

    r = cli({q("session"), q("list"), q("--client"), q("C-SES"), q("--json")});
    QCOMPARE(r.code, 0);
    QJsonArray list = QJsonDocument::fromJson(r.out).array();
    QCOMPARE(list.size(), 2);
    QJsonObject s = list.at(0).toObject();
    QCOMPARE(s.value(QLatin1String("session")).toInt(), session);
    QCOMPARE(s.value(QLatin1String("date")).toString(), q("2025-05-05"));
    QCOMPARE(s.value(QLatin1String("start")).toString(), q("10:00"));
    QCOMPARE(s.value(QLatin1String("attendance")).toString(), q("attended"));
    QCOMPARE(s.value(QLatin1String("notes")).toArray().size(), 3);
    QCOMPARE(list.at(1).toObject().value(QLatin1String("attendance")).toString(), q("no-show"));
    QCOMPARE(list.at(1).toObject().value(QLatin1String("notes")).toArray(), QJsonArray{});
    r = cli({q("session"), q("list"), q("--client"), q("C-SES")});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out.count('\n'), 2);
    QVERIFY(r.out.startsWith(QByteArray(QByteArray::number(session) + "\t2025-05-05\t10:00\t50\tindividual\tattended\t")));

    QCOMPARE(cli({q("note"), q("sign"), QString::number(first)}).code, 0);
    QCOMPARE(cli({q("note"), q("discard"), QString::number(first)}).code, 6);
    QCOMPARE(cli({q("note"), q("discard"), mistake}).code, 0);
    QCOMPARE(cli({q("note"), q("discard"), mistake}).code, 2); // gone
    r = cli({q("search"), q("quixotical"), q("--json")});
    QCOMPARE(r.code, 0);
    QCOMPARE(QJsonDocument::fromJson(r.out).array(), QJsonArray{});

    r = cli({q("note"), q("list"), q("--client"), q("C-SES"), q("--json")});
    QCOMPARE(r.code, 0);
    list = QJsonDocument::fromJson(r.out).array();
    QCOMPARE(list.size(), 2);
    const QJsonObject n = list.at(0).toObject();
    QCOMPARE(n.value(QLatin1String("note")).toInt(), first);
    QCOMPARE(n.value(QLatin1String("session")).toInt(), session);
    QCOMPARE(n.value(QLatin1String("kind")).toString(), q("progress"));
    QCOMPARE(n.value(QLatin1String("status")).toString(), q("signed"));
    QCOMPARE(n.value(QLatin1String("author")).toString(), q("alice"));
    QCOMPARE(list.at(1).toObject().value(QLatin1String("kind")).toString(), q("process"));
    QVERIFY(!r.out.contains("relapsed")); // a list, not the notes' text
    r = cli({q("note"), q("list"), q("--client"), q("C-SES")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.startsWith(
        QByteArray(QByteArray::number(first) + '\t' + QByteArray::number(session) + "\t2025-05-05\tprogress\tsigned\talice\t")));

    // Patterns count the session once, whatever notes it holds, and the no-show as missed.
    r = cli({q("patterns"), q("--client"), q("C-SES"), q("--by"), q("month"), q("--json")});
    QCOMPARE(r.code, 0);
    const QJsonObject attendance = QJsonDocument::fromJson(r.out).object().value(QLatin1String("attendance")).toObject();
    QCOMPARE(attendance.value(QLatin1String("attended")).toInt(), 1);
    QCOMPARE(attendance.value(QLatin1String("missed")).toInt(), 1);
}

// A group note in one sitting: the group's part and one part per member; each member's note and
// export hold their own part only; a later note names its member; a part for a stranger is refused.
void CliTest::groupNotesKeepMembersApart()
{
    const auto q = [](const char *text) { return QString::fromLatin1(text); };
    for (const char *code : {"C-GA", "C-GB"})
        QCOMPARE(cli({q("client"), q("add"), q("--code"), q(code), q("--name"), q("Member ") + q(code)}).code, 0);
    const QString note = file(q("group.md"), "## Group topic\nRelapse warning signs.\n"
                                             "## Member C-GA\nShe gambled at the bookmaker on Friday.\n"
                                             "## Member C-GB\nHe rang his sponsor.\n");
    const QStringList session{q("session"), q("add"), q("--client"), q("C-GA"), q("--client"), q("C-GB"), q("--date"),
                              q("2025-06-02"), q("--time"), q("18:00"), q("--template"), q("group")};
    const QString stranger = file(q("group-stranger.md"), "## Member C-GZ\nWho?\n");
    QCOMPARE(cli(QStringList(session) << q("--note-file") << stranger).code, 2);
    QCOMPARE(cli({q("session"), q("list"), q("--client"), q("C-GA"), q("--json")}).out.trimmed(), QByteArray("[]"));

    Run r = cli(QStringList(session) << q("--note-file") << note << q("--json"));
    QCOMPARE(r.code, 0);
    const QJsonObject made = QJsonDocument::fromJson(r.out).object();
    const QJsonArray notes = made.value(QLatin1String("notes")).toArray();
    QCOMPARE(notes.size(), 2);
    r = cli({q("note"), q("show"), QString::number(notes.at(1).toInt())});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains("sponsor"));
    QVERIFY(r.out.contains("Relapse warning signs"));
    QVERIFY(!r.out.contains("bookmaker"));
    r = cli({q("export"), q("--client"), q("C-GB"), q("--out"), m_dir.filePath(q("gb.json"))});
    QCOMPARE(r.code, 0);
    QFile exported(m_dir.filePath(q("gb.json")));
    QVERIFY(exported.open(QIODevice::ReadOnly));
    QVERIFY(!exported.readAll().contains("bookmaker"));

    const QString sessionId = QString::number(made.value(QLatin1String("session")).toInt());
    const QString process = file(q("group-process.md"), "I felt protective of her.\n");
    QStringList add{q("note"), q("add"), q("--session"), sessionId, q("--kind"), q("process"), q("--note-file"), process};
    QCOMPARE(cli(add).code, 1); // a group session's note is one member's
    QCOMPARE(cli(QStringList(add) << q("--member") << q("C-SES")).code, 2); // not on the session
    r = cli(QStringList(add) << q("--member") << q("C-GA") << q("--json"));
    QCOMPARE(r.code, 0);
    r = cli({q("note"), q("list"), q("--client"), q("C-GA"), q("--json")});
    QCOMPARE(QJsonDocument::fromJson(r.out).array().size(), 2);
    r = cli({q("note"), q("list"), q("--client"), q("C-GB"), q("--json")});
    QCOMPARE(QJsonDocument::fromJson(r.out).array().size(), 1);
}

// The verbs a clinician needs without the GUI: client edit and discharge; a note's themes in
// `note show --json` with the ids that `note theme confirm|reject` take, the session's modality,
// setting and attendance; `note theme add` for words the tagger missed. Decisions stay possible on
// a signed note (they are about the tag, not the text).
void CliTest::clientAndThemeVerbs()
{
    const auto q = [](const char *text) { return QString::fromLatin1(text); };
    QCOMPARE(cli({q("client"), q("add"), q("--code"), q("C-VRB"), q("--name"), q("Vera Verbs")}).code, 0);
    QCOMPARE(cli({q("client"), q("edit"), q("--client"), q("C-VRB")}).code, 1); // nothing to change
    QCOMPARE(cli({q("client"), q("edit"), q("--client"), q("C-VRB"), q("--part2-consent"), q("--no-part2-consent")}).code, 1);
    QCOMPARE(cli({q("client"), q("edit"), q("--client"), q("C-NONE"), q("--name"), q("X")}).code, 2);
    QCOMPARE(cli({q("client"), q("edit"), q("--client"), q("C-VRB"), q("--setting"), q("moon")}).code, 2);
    QCOMPARE(cli({q("client"), q("edit"), q("--client"), q("C-VRB"), q("--name"), q("Vera Verbena"), q("--setting"),
                  q("aftercare")})
                 .code,
             0);
    Run r = cli({q("client"), q("list"), q("--json")});
    QJsonObject vera;
    for (const QJsonValue &c : QJsonDocument::fromJson(r.out).array())
        if (c.toObject().value(QLatin1String("code")).toString() == q("C-VRB"))
            vera = c.toObject();
    QCOMPARE(vera.value(QLatin1String("name")).toString(), q("Vera Verbena"));
    QCOMPARE(vera.value(QLatin1String("setting")).toString(), q("aftercare"));

    const QString note = file(q("verbs.md"), "She relapsed on Saturday. Later she felt calmer.\n");
    r = cli({q("session"), q("add"), q("--client"), q("C-VRB"), q("--date"), q("2025-07-01"), q("--setting"), q("outpatient"),
             q("--note-file"), note, q("--json")});
    QCOMPARE(r.code, 0);
    const QString id = QString::number(QJsonDocument::fromJson(r.out).object().value(QLatin1String("note")).toInt());
    r = cli({q("note"), q("show"), id, q("--json")});
    QCOMPARE(r.code, 0);
    QJsonObject shown = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(shown.value(QLatin1String("modality")).toString(), q("individual"));
    QCOMPARE(shown.value(QLatin1String("setting")).toString(), q("outpatient"));
    QCOMPARE(shown.value(QLatin1String("attendance")).toString(), q("attended"));
    QJsonArray themes = shown.value(QLatin1String("themes")).toArray();
    QJsonObject relapse;
    for (const QJsonValue &t : themes)
        if (t.toObject().value(QLatin1String("theme")).toString() == q("relapse"))
            relapse = t.toObject();
    QVERIFY(relapse.value(QLatin1String("id")).toInt() > 0);
    QCOMPARE(relapse.value(QLatin1String("decision")).toString(), q("suggested"));
    QCOMPARE(relapse.value(QLatin1String("group")).toBool(), false);

    QCOMPARE(cli({q("note"), q("sign"), id}).code, 0);
    const QString tag = QString::number(relapse.value(QLatin1String("id")).toInt());
    QCOMPARE(cli({q("note"), q("theme"), q("reject"), tag}).code, 0);
    QCOMPARE(cli({q("note"), q("theme"), q("confirm"), q("999999")}).code, 2);
    QCOMPARE(cli({q("note"), q("theme"), q("confirm"), q("x")}).code, 2);
    QCOMPARE(cli({q("note"), q("theme"), q("add"), id, q("--theme"), q("anxiety"), q("--words"), q("not in it")}).code, 2);
    QCOMPARE(cli({q("note"), q("theme"), q("add"), id, q("--theme"), q("no-such-theme"), q("--words"), q("calmer")}).code, 2);
    r = cli({q("note"), q("theme"), q("add"), id, q("--theme"), q("coping"), q("--words"), q("felt calmer"), q("--json")});
    QCOMPARE(r.code, 0);
    QVERIFY(QJsonDocument::fromJson(r.out).object().value(QLatin1String("tag")).toInt() > 0);
    shown = QJsonDocument::fromJson(cli({q("note"), q("show"), id, q("--json")}).out).object();
    QStringList decided;
    for (const QJsonValue &t : shown.value(QLatin1String("themes")).toArray())
        decided << t.toObject().value(QLatin1String("theme")).toString() + u':'
                + t.toObject().value(QLatin1String("decision")).toString();
    QVERIFY2(decided.contains(q("relapse:rejected")), qPrintable(decided.join(u',')));
    QVERIFY2(decided.contains(q("coping:manual")), qPrintable(decided.join(u',')));
    QCOMPARE(cli({q("note"), q("verify"), id}).code, 0); // the signed text is untouched

    QCOMPARE(cli({q("client"), q("discharge"), q("--client"), q("C-VRB"), q("--date"), q("2025-07-30")}).code, 0);
    QCOMPARE(cli({q("client"), q("discharge"), q("--client"), q("C-VRB"), q("--date"), q("2025-02-30")}).code, 2);
    r = cli({q("client"), q("list")});
    QVERIFY(r.out.contains("C-VRB\tVera Verbena\tdischarged"));
    r = cli({q("audit"), q("list"), q("--json")});
    QVERIFY(r.out.contains("decide-theme"));
    QVERIFY(r.out.contains("discharge-client"));
    QVERIFY(!r.out.contains("Verbena")); // ids and kinds, never names
}

void CliTest::supervisionCommands()
{
    const QString samPass = file(QStringLiteral("sam-pass"), "sam's supervision passphrase\n");
    QCOMPARE(cli({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("sam"),
                  QStringLiteral("--role"), QStringLiteral("supervisor"), QStringLiteral("--new-passphrase-file"), samPass})
                 .code,
             0);
    const auto asSam = [&](QStringList args) {
        args << QStringLiteral("--vault") << m_vault << QStringLiteral("--user") << QStringLiteral("sam")
             << QStringLiteral("--passphrase-file") << samPass;
        return cli(args, false);
    };
    // A therapist cannot assign supervision or co-sign: exit 5, one plain line.
    const Run refused = cli({QStringLiteral("supervise"), QStringLiteral("assign"), QStringLiteral("--therapist"),
                             QStringLiteral("alice"), QStringLiteral("--supervisor"), QStringLiteral("sam"),
                             QStringLiteral("--mode"), QStringLiteral("must-cosign")});
    QCOMPARE(refused.code, 5);
    QCOMPARE(refused.err, QByteArray("undercurrent-cli: assign-supervision: a therapist cannot assign supervision\n"));
    QCOMPARE(asSam({QStringLiteral("supervise"), QStringLiteral("assign"), QStringLiteral("--therapist"), QStringLiteral("alice"),
                    QStringLiteral("--supervisor"), QStringLiteral("sam"), QStringLiteral("--mode"), QStringLiteral("sometimes")})
                 .code,
             2);
    const Run assigned = asSam({QStringLiteral("supervise"), QStringLiteral("assign"), QStringLiteral("--therapist"),
                                QStringLiteral("alice"), QStringLiteral("--supervisor"), QStringLiteral("sam"),
                                QStringLiteral("--mode"), QStringLiteral("must-cosign")});
    QCOMPARE(assigned.code, 0);

    // Two signed notes of alice's wait in sam's queue, oldest first.
    const QString text = file(QStringLiteral("sup-note.md"), "She felt abandoned when her sponsor moved away.\n");
    QList<int> ids;
    for (const char *date : {"2025-05-01", "2025-05-08"}) {
        const Run added = cli({QStringLiteral("session"), QStringLiteral("add"), QStringLiteral("--client"), QStringLiteral("C-0142"),
                               QStringLiteral("--date"), QString::fromLatin1(date), QStringLiteral("--note-file"), text,
                               QStringLiteral("--json")});
        QCOMPARE(added.code, 0);
        ids.append(QJsonDocument::fromJson(added.out).object().value(QLatin1String("note")).toInt());
        QCOMPARE(cli({QStringLiteral("note"), QStringLiteral("sign"), QString::number(ids.last())}).code, 0);
    }
    const Run queued = asSam({QStringLiteral("queue"), QStringLiteral("--json")});
    QCOMPARE(queued.code, 0);
    QJsonArray queue = QJsonDocument::fromJson(queued.out).array();
    QVERIFY(queue.size() >= 2);
    int first = -1;
    int second = -1;
    for (qsizetype i = 0; i < queue.size(); ++i) {
        const QJsonObject q = queue.at(i).toObject();
        for (const char *key : {"note", "client", "date", "therapist", "supervisor", "mode", "signed_at", "waiting_days", "status", "comments"})
            QVERIFY2(q.contains(QLatin1String(key)), key);
        QCOMPARE(q.value(QLatin1String("therapist")).toString(), QStringLiteral("alice"));
        QCOMPARE(q.value(QLatin1String("mode")).toString(), QStringLiteral("must-cosign"));
        if (q.value(QLatin1String("note")).toInt() == ids.at(0))
            first = static_cast<int>(i);
        if (q.value(QLatin1String("note")).toInt() == ids.at(1))
            second = static_cast<int>(i);
    }
    QVERIFY(first >= 0 && second > first);

    // Return with a comment; comment; co-sign; the note shows it all and verifies.
    const QString comment = file(QStringLiteral("comment.txt"), "Please add the risk assessment.");
    QCOMPARE(asSam({QStringLiteral("note"), QStringLiteral("return"), QString::number(ids.at(0)), QStringLiteral("--comment-file"), comment}).code, 0);
    QCOMPARE(asSam({QStringLiteral("note"), QStringLiteral("return"), QString::number(ids.at(0))}).code, 1);
    queue = QJsonDocument::fromJson(asSam({QStringLiteral("queue"), QStringLiteral("--json")}).out).array();
    QCOMPARE(queue.at(first).toObject().value(QLatin1String("status")).toString(), QStringLiteral("returned"));
    QCOMPARE(queue.at(second).toObject().value(QLatin1String("status")).toString(), QStringLiteral("awaiting-cosign"));
    QCOMPARE(cli({QStringLiteral("note"), QStringLiteral("comment"), QString::number(ids.at(0)), QStringLiteral("--text-file"), comment}).code, 0);
    QCOMPARE(asSam({QStringLiteral("note"), QStringLiteral("cosign"), QString::number(ids.at(1))}).code, 0);
    QCOMPARE(asSam({QStringLiteral("note"), QStringLiteral("cosign"), QString::number(ids.at(1))}).code, 6);
    QCOMPARE(cli({QStringLiteral("note"), QStringLiteral("cosign"), QString::number(ids.at(0))}).code, 5);
    QCOMPARE(cli({QStringLiteral("note"), QStringLiteral("verify"), QString::number(ids.at(1))}).code, 0);
    const QJsonObject cosigned = QJsonDocument::fromJson(cli({QStringLiteral("note"), QStringLiteral("show"),
                                                              QString::number(ids.at(1)), QStringLiteral("--json")}).out).object();
    QCOMPARE(cosigned.value(QLatin1String("status")).toString(), QStringLiteral("cosigned"));
    QCOMPARE(cosigned.value(QLatin1String("cosigned_by")).toString(), QStringLiteral("sam"));
    QCOMPARE(cosigned.value(QLatin1String("cosign_hash")).toString().size(), 64);
    QVERIFY(cosigned.value(QLatin1String("complete")).toBool());
    const QJsonObject returned = QJsonDocument::fromJson(cli({QStringLiteral("note"), QStringLiteral("show"),
                                                              QString::number(ids.at(0)), QStringLiteral("--json")}).out).object();
    QVERIFY(!returned.value(QLatin1String("complete")).toBool());
    const QJsonArray comments = returned.value(QLatin1String("comments")).toArray();
    QCOMPARE(comments.size(), 2);
    QVERIFY(comments.at(0).toObject().value(QLatin1String("returned")).toBool());
    QCOMPARE(comments.at(1).toObject().value(QLatin1String("author")).toString(), QStringLiteral("alice"));
    for (const QJsonValue &c : comments) // signed by their authors since v20 (docs/security.md)
        QCOMPARE(c.toObject().value(QLatin1String("signature")).toString(), QStringLiteral("verified"));
    // A comment is someone else's text on the author's terminal: an escape sequence (clear the screen,
    // move the cursor, retitle the window) or a bidirectional override prints as visible characters.
    const QString hostile = file(QStringLiteral("hostile.txt"),
                                 "Fine.\x1b[2J\x1b]0;owned\x07\rCo-signed \xe2\x80\xae" "elbats\r\nnext line\tend");
    QCOMPARE(asSam({QStringLiteral("note"), QStringLiteral("comment"), QString::number(ids.at(0)), QStringLiteral("--text-file"), hostile}).code, 0);
    const Run shown = cli({QStringLiteral("note"), QStringLiteral("show"), QString::number(ids.at(0))});
    QCOMPARE(shown.code, 0);
    for (const char bad : {'\x1b', '\x07', '\r'})
        QVERIFY2(!shown.out.contains(bad), "a control character reached the terminal");
    QVERIFY(!shown.out.contains("\xe2\x80\xae"));
    QVERIFY(shown.out.contains("Fine.\\x1b[2J\\x1b]0;owned\\x07\\x0dCo-signed \\u202eelbats\nnext line\tend"));
    const QJsonObject shownJson = QJsonDocument::fromJson(cli({QStringLiteral("note"), QStringLiteral("show"),
                                                               QString::number(ids.at(0)), QStringLiteral("--json")}).out).object();
    QVERIFY(shownJson.value(QLatin1String("comments")).toArray().last().toObject().value(QLatin1String("text"))
                .toString().startsWith(QStringLiteral("Fine.\x1b[2J"))); // JSON keeps the text as written, escaped by JSON

    const QJsonArray after = QJsonDocument::fromJson(asSam({QStringLiteral("queue"), QStringLiteral("--json")}).out).array();
    for (const QJsonValue &q : after)
        QVERIFY(q.toObject().value(QLatin1String("note")).toInt() != ids.at(1));

    // The blind agreement check from the command line.
    const Run started = asSam({QStringLiteral("agreement"), QStringLiteral("start"), QStringLiteral("--therapist"),
                               QStringLiteral("alice"), QStringLiteral("--sample"), QStringLiteral("2"), QStringLiteral("--json")});
    QCOMPARE(started.code, 0);
    const QJsonObject check = QJsonDocument::fromJson(started.out).object();
    const QString checkId = QString::number(check.value(QLatin1String("check")).toInt());
    const QJsonArray sampled = check.value(QLatin1String("notes")).toArray();
    QCOMPARE(sampled.size(), 2);
    for (const QJsonValue &n : sampled)
        QCOMPARE(asSam({QStringLiteral("agreement"), QStringLiteral("rate"), checkId, QStringLiteral("--note"),
                        QString::number(n.toInt()), QStringLiteral("--themes"), QStringLiteral("abandonment")})
                     .code,
                 0);
    const Run report = asSam({QStringLiteral("agreement"), QStringLiteral("report"), checkId, QStringLiteral("--json")});
    QCOMPARE(report.code, 0);
    const QJsonObject r = QJsonDocument::fromJson(report.out).object();
    QCOMPARE(r.value(QLatin1String("rated")).toInt(), 2);
    for (const char *key : {"supervisor_therapist", "supervisor_tagger", "therapist_tagger"})
        QVERIFY2(!r.value(QLatin1String(key)).toArray().isEmpty(), key);
}

void CliTest::auditVerifyAndList()
{
    const Run whole = cli({QStringLiteral("audit"), QStringLiteral("verify")});
    QCOMPARE(whole.code, 0);
    QVERIFY2(whole.out.startsWith("audit trail whole: "), whole.out.constData());

    // --user twice: the first signs in, the second names whose entries to list.
    const Run listed = cli({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--since"), QStringLiteral("2020-01-01"),
                            QStringLiteral("--json"), QStringLiteral("--user"), QStringLiteral("alice")});
    QCOMPARE(listed.code, 0);
    const QJsonArray entries = QJsonDocument::fromJson(listed.out).array();
    QVERIFY(entries.size() > 10);
    const QJsonObject first = entries.at(0).toObject();
    QCOMPARE(first.value(QLatin1String("seq")).toInt(), 1);
    QCOMPARE(first.value(QLatin1String("action")).toString(), QStringLiteral("create-vault"));
    for (const char *key : {"seq", "at", "user", "action", "object", "detail", "hash"})
        QVERIFY2(first.contains(QLatin1String(key)), key);
    for (const QJsonValue &e : entries)
        QCOMPARE(e.toObject().value(QLatin1String("user")).toString(), QStringLiteral("alice"));
    const Run nobody = cli({QStringLiteral("--vault"), m_vault, QStringLiteral("--user"), QStringLiteral("alice"),
                            QStringLiteral("--passphrase-file"), m_pass, QStringLiteral("audit"), QStringLiteral("list"),
                            QStringLiteral("--json"), QStringLiteral("--user"), QStringLiteral("nobody-at-all")},
                           false);
    // A therapist lists their own entries only: asking for another user's is refused.
    QCOMPARE(nobody.code, 5);
    QVERIFY2(nobody.err.startsWith("undercurrent-cli: audit list: a therapist reads their own"), nobody.err.constData());

    // The head kept in keyslots.json, altered by hand: exit 4 at unlock (the file's MAC), naming where.
    const QString slotsPath = m_vault + QStringLiteral("/keyslots.json");
    QFile slotsFile(slotsPath);
    QVERIFY(slotsFile.open(QIODevice::ReadOnly));
    QJsonObject root = QJsonDocument::fromJson(slotsFile.readAll()).object();
    slotsFile.close();
    QJsonObject extra = root.value(QLatin1String("extra")).toObject();
    QJsonObject head = extra.value(QLatin1String("audit_head")).toObject();
    head.insert(QStringLiteral("count"), 1);
    extra.insert(QStringLiteral("audit_head"), head);
    root.insert(QStringLiteral("extra"), extra);
    QVERIFY(slotsFile.open(QIODevice::WriteOnly | QIODevice::Truncate));
    slotsFile.write(QJsonDocument(root).toJson());
    slotsFile.close();
    const Run broken = cli({QStringLiteral("audit"), QStringLiteral("verify")});
    QCOMPARE(broken.code, 4);
    QVERIFY2(broken.err.startsWith("undercurrent-cli: open vault: keyslots.json was altered"), broken.err.constData());
}

QTEST_GUILESS_MAIN(CliTest)
#include "clitest.moc"
