// SPDX-License-Identifier: GPL-3.0-or-later
// undercurrent-cli as scripts use it: commands, JSON shapes, one-line errors and exit codes.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

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
    QString m_vault;
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
    m_pass = file(QStringLiteral("pass"), "a long enough passphrase\nignored second line\n");
    m_recovery = m_dir.filePath(QStringLiteral("recovery.txt"));
}

void CliTest::createsAVaultAndPrintsTheRecoveryKey()
{
    const Run r = cli({QStringLiteral("init"), QStringLiteral("--recovery-key-file"), m_recovery});
    QCOMPARE(r.code, 0);
    QFile key(m_recovery);
    QVERIFY(key.open(QIODevice::ReadOnly));
    const QByteArray text = key.readAll().trimmed();
    QCOMPARE(text.size(), 39); // 8 groups of 4 and 7 dashes
    QCOMPARE(text.count('-'), 7);
    QVERIFY(QFile::exists(m_vault + QStringLiteral("/notes.db")));
    QVERIFY(QFile::exists(m_vault + QStringLiteral("/keyslots.json")));
    // A second init into the same folder is refused and changes nothing.
    QCOMPARE(cli({QStringLiteral("init")}).code, 6);
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
    QCOMPARE(cli({QStringLiteral("note"), QStringLiteral("sign"), QStringLiteral("abc")}).code, 1);
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
    const QString second = file(QStringLiteral("pass2"), "another long passphrase\n");
    QCOMPARE(cli({QStringLiteral("passwd"), QStringLiteral("--new-passphrase-file"), second}).code, 0);
    QCOMPARE(cli({QStringLiteral("client"), QStringLiteral("list")}).code, 3); // the old one no longer opens
    QCOMPARE(cli({QStringLiteral("recover"), QStringLiteral("--recovery-key-file"), m_recovery,
                  QStringLiteral("--new-passphrase-file"), m_pass})
                 .code,
             0);
    const Run list = cli({QStringLiteral("client"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(list.code, 0);
    QCOMPARE(QJsonDocument::fromJson(list.out).array().size(), 1);
    const QString wrongKey = file(QStringLiteral("wrongkey"), "0000-0000-0000-0000-0000-0000-0000-0000\n");
    QCOMPARE(cli({QStringLiteral("recover"), QStringLiteral("--recovery-key-file"), wrongKey,
                  QStringLiteral("--new-passphrase-file"), second})
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

QTEST_GUILESS_MAIN(CliTest)
#include "clitest.moc"
