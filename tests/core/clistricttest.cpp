// SPDX-License-Identifier: GPL-3.0-or-later
// undercurrent-cli refuses what it does not understand: every command, given an unknown option, an
// option of another command or an extra argument, exits 1 with one line naming it and changes
// nothing in the vault (a hash of every table, and of the key slots, before and after). A value
// that is there but invalid is exit 2, also changing nothing. What scripts rely on still works:
// global options anywhere, `audit list --user`, `import --json FILE`, a multi-word search, `tag`
// on standard input, and --help for every command.
#include "model/types.h"
#include "vault/keyslots.h"
#include "vault/sqlite.h"
#include "vault/vault.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace uc;
using uc::vault::Vault;

namespace {

constexpr std::string_view passphraseText = "strict command line passphrase";

SecretBuffer secret()
{
    return SecretBuffer::copyOf(passphraseText);
}

QList<model::Section> sections(const QString &text)
{
    return {{u"Note"_s, text}};
}

} // namespace

class CliStrictTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyCommandIsCovered();
    void everyCommandRefusesWhatItDoesNotTake();
    void refusalsNameWhatIsWrong();
    void invalidValuesAreExitTwo();
    void malformedLinesAreExitOne();
    void helpForEveryCommand();
    void globalOptionsStandAnywhere();
    void auditListTakesASecondUser();
    void importTakesJsonFile();
    void searchJoinsItsWords();
    void everyCommandLineAboveIsValid(); // last: it runs them, and they change the vault

private:
    struct Run
    {
        int code = -1;
        QByteArray out;
        QByteArray err;
    };
    // One valid line of a command: its words, its arguments, who signs in (empty: nobody, the
    // line names its own vault), the file or folder it would create, and its standard input.
    struct Case
    {
        QString words;
        QStringList args;
        QString user = u"alice"_s;
        QString creates = {};
        QByteArray input = {};
    };
    Run cli(const QStringList &args, const QByteArray &input = {});
    Run run(const Case &c, const QStringList &more);
    QString file(const QString &name, const QByteArray &content);
    // SHA-256 of every table's rows (sorted), and of keyslots.json, read without unlocking
    // through the vault: an unlock is itself an audit entry.
    QMap<QString, QByteArray> snapshot();
    void checkUnchanged(const QString &why);
    // Each line, signed in as alice, exits with code, one line on stderr, nothing changed.
    void expectRefused(const QList<QStringList> &lines, int code);
    [[nodiscard]] QStringList asAlice() const;
    QList<Case> cases();

    QTemporaryDir m_dir;
    QString m_runtime;
    QString m_vault;
    QString m_pass;
    QString m_recovery;
    QString m_text;
    QString m_plan;
    QString m_csv;
    model::Id m_draft = 0;
    model::Id m_draft2 = 0;
    model::Id m_signed = 0;
    model::Id m_signed2 = 0;
    model::Id m_session = 0; // m_signed's
    model::Id m_discardable = 0;
    model::Id m_tag = 0; // m_signed's first theme suggestion
    model::Id m_tag2 = 0; // its second
    model::Id m_risky = 0; // a signed process note with a risk flag, to dismiss
    model::Id m_measure = 0;
    model::Id m_measure2 = 0;
    model::Id m_event = 0;
    model::Id m_check = 0;
    model::Id m_sampled = 0;
    QMap<QString, QByteArray> m_before;
};

CliStrictTest::Run CliStrictTest::cli(const QStringList &args, const QByteArray &input)
{
    QProcess p;
    // The PDF commands run a QGuiApplication, which warns on stderr without a runtime folder.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"XDG_RUNTIME_DIR"_s, m_runtime);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(CLI_PATH), args);
    if (!p.waitForStarted(30000))
        return {};
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(120000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, p.readAllStandardOutput(), p.readAllStandardError()};
}

CliStrictTest::Run CliStrictTest::run(const Case &c, const QStringList &more)
{
    QStringList args = c.words.split(u' ') + c.args + more;
    if (!c.user.isEmpty())
        args << u"--vault"_s << m_vault << u"--user"_s << c.user << u"--passphrase-file"_s << m_pass;
    return cli(args, c.input);
}

QString CliStrictTest::file(const QString &name, const QByteArray &content)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(content);
    return path;
}

QMap<QString, QByteArray> CliStrictTest::snapshot()
{
    QMap<QString, QByteArray> hashes;
    QFile slots(m_vault + u"/"_s + QLatin1StringView(vault::KeySlots::fileName));
    if (slots.open(QIODevice::ReadOnly))
        hashes.insert(u"keyslots.json"_s, QCryptographicHash::hash(slots.readAll(), QCryptographicHash::Sha256));
    const SecretBuffer key = vault::KeySlots::load(m_vault).unwrapUser(u"alice"_s, secret());
    sql::Database db = sql::Database::open(m_vault + u"/"_s + QLatin1StringView(Vault::databaseName), key,
                                           sql::Database::Open::MustExist);
    QStringList tables;
    auto names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    while (names.step())
        tables.append(names.text(0));
    for (const QString &table : std::as_const(tables)) {
        QStringList columns;
        auto info = db.prepare("SELECT name FROM pragma_table_info(?)");
        info.bind(1, table);
        while (info.step())
            columns.append(u"quote(\"%1\")"_s.arg(info.text(0)));
        QStringList rows;
        if (!columns.isEmpty()) {
            // Test-only SQL over names read from sqlite_master itself.
            const QByteArray sql = (u"SELECT "_s + columns.join(u" || ',' || "_s) + u" FROM \"%1\""_s.arg(table)).toUtf8();
            auto select = db.prepare(std::string_view(sql.constData(), static_cast<std::size_t>(sql.size())));
            while (select.step())
                rows.append(select.text(0));
        }
        rows.sort();
        hashes.insert(table, QCryptographicHash::hash(rows.join(u'\n').toUtf8(), QCryptographicHash::Sha256));
    }
    return hashes;
}

void CliStrictTest::checkUnchanged(const QString &why)
{
    const QMap<QString, QByteArray> now = snapshot();
    QCOMPARE(now.keys(), m_before.keys());
    for (auto it = now.cbegin(); it != now.cend(); ++it)
        QVERIFY2(it.value() == m_before.value(it.key()), qPrintable(why + u": table "_s + it.key() + u" changed"_s));
}

void CliStrictTest::expectRefused(const QList<QStringList> &lines, int code)
{
    for (const QStringList &args : lines) {
        const QString what = args.join(u' ');
        const Run r = cli(args + asAlice());
        QVERIFY2(r.code == code, qPrintable(what + u": exit "_s + QString::number(r.code) + u" "_s + QString::fromUtf8(r.err)));
        QCOMPARE(r.err.count('\n'), 1);
        checkUnchanged(what);
    }
}

QStringList CliStrictTest::asAlice() const
{
    return {u"--vault"_s, m_vault, u"--user"_s, u"alice"_s, u"--passphrase-file"_s, m_pass};
}

void CliStrictTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_runtime = m_dir.filePath(u"runtime"_s);
    QVERIFY(QDir().mkpath(m_runtime));
    QVERIFY(QFile::setPermissions(m_runtime, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
    m_vault = m_dir.filePath(u"vault"_s);
    m_pass = file(u"pass"_s, QByteArray(passphraseText.data(), static_cast<qsizetype>(passphraseText.size())) + '\n');
    m_text = file(u"text.md"_s, "She drinks when she feels abandoned.\n");
    m_plan = file(u"plan.md"_s, "## Warning signs\n- not sleeping\n## Professionals and services\n- crisis line 988\n");
    m_csv = file(u"notes.csv"_s, "client_code,date,text\nC-1,2025-04-01,An imported session.\n");
    {
        auto created = Vault::create(m_vault, u"alice"_s, secret(), model::Role::Therapist, vault::KdfCost::testOnly());
        const SecretBuffer key = created.recoveryKey.display();
        m_recovery = file(u"recovery"_s, QByteArray(reinterpret_cast<const char *>(key.data()), static_cast<qsizetype>(key.size())));
        Vault &v = *created.vault;
        v.addUser(u"sam"_s, model::Role::Supervisor, secret(), vault::KdfCost::testOnly());
        model::Client c;
        c.code = u"C-1"_s;
        c.displayName = u"Client One"_s;
        v.clients().add(c);
        const auto note = [&](const char *date, const QString &text) {
            model::Session s;
            s.date = *model::parseDate(QString::fromLatin1(date));
            s.attendees.append({0, c.code, model::Attendance::Attended});
            return v.notes().addSession(s, u"free"_s, model::NoteKind::Progress, sections(text)).notes.first();
        };
        m_signed = note("2025-01-06", u"She drinks when she feels abandoned."_s);
        m_signed2 = note("2025-01-13", u"Cravings after the argument with her brother."_s);
        m_draft = note("2025-01-20", u"Draft: shame about the weekend."_s);
        m_draft2 = note("2025-01-27", u"Another draft."_s);
        v.notes().sign(m_signed);
        v.notes().sign(m_signed2);
    }
    {
        auto sam = Vault::open(m_vault, u"sam"_s, secret());
        sam->supervision().assign(u"alice"_s, u"sam"_s, model::SupervisionMode::Review);
        const vault::AgreementSample s = sam->agreement().start(u"alice"_s, 1);
        m_check = s.check;
        m_sampled = s.notes.first();
    }
    {
        auto alice = Vault::open(m_vault, u"alice"_s, secret());
        m_session = alice->notes().read(m_signed).sessionId;
        // A process note: export leaves it out, so the record's counts stay what importTakesJsonFile expects.
        m_discardable = alice->notes().add(m_session, u"C-1"_s, u"process"_s, model::NoteKind::Process,
                                           sections(u"A draft to discard."_s));
        m_risky = alice->notes().add(m_session, u"C-1"_s, u"process"_s, model::NoteKind::Process,
                                     sections(u"Has been saving her sleeping tablets."_s));
        alice->notes().sign(m_risky, model::RiskAssessment{model::RiskLevel::ToFollow, {}});
        m_measure = alice->measures().add(u"C-1"_s, model::Date(2025, 1, 6), u"gad7"_s, {1, 1, 1, 1, 1, 1, 1});
        m_measure2 = alice->measures().add(u"C-1"_s, model::Date(2025, 1, 13), u"gad7"_s, {2, 2, 2, 2, 2, 2, 2});
        model::TreatmentEvent meeting;
        meeting.clientCode = u"C-1"_s;
        meeting.kind = u"mutual-help"_s;
        meeting.date = model::Date(2025, 1, 14);
        meeting.program = u"smart"_s;
        m_event = alice->treatmentEvents().add(meeting);
        const auto tags = alice->tagging().tags(m_signed);
        QVERIFY(tags.size() >= 2);
        m_tag = tags.at(0).id;
        m_tag2 = tags.at(1).id;
    }
    m_before = snapshot();
    QVERIFY(m_before.size() > 10);
}

QList<CliStrictTest::Case> CliStrictTest::cases()
{
    const QString id = QString::number(m_signed);
    const QString out = m_dir.filePath(u"out"_s);
    return {
        {u"init"_s, {u"--vault"_s, out + u"-init"_s, u"--user"_s, u"ann"_s, u"--passphrase-file"_s, m_pass}, {}, out + u"-init"_s},
        {u"user add"_s, {u"--name"_s, u"bea"_s, u"--role"_s, u"therapist"_s, u"--new-passphrase-file"_s, m_pass}},
        {u"user list"_s, {}},
        {u"user remove"_s, {u"--name"_s, u"bea"_s}},
        {u"client add"_s, {u"--code"_s, u"C-9"_s, u"--name"_s, u"Nine"_s, u"--setting"_s, u"outpatient"_s}},
        {u"client edit"_s, {u"--client"_s, u"C-9"_s, u"--name"_s, u"Nina"_s, u"--no-part2-consent"_s}},
        {u"client discharge"_s, {u"--client"_s, u"C-9"_s, u"--date"_s, u"2025-04-01"_s}},
        {u"client list"_s, {u"--json"_s}},
        {u"client summary"_s, {u"--client"_s, u"C-1"_s, u"--text-file"_s, m_text}},
        {u"episode add"_s, {u"--client"_s, u"C-1"_s, u"--level"_s, u"outpatient"_s, u"--start"_s, u"2025-01-01"_s}},
        {u"episode list"_s, {u"--client"_s, u"C-1"_s, u"--json"_s}},
        {u"episode end"_s, {u"1"_s, u"--date"_s, u"2025-12-31"_s}},
        {u"event add"_s, {u"--client"_s, u"C-1"_s, u"--kind"_s, u"drug-screen"_s, u"--date"_s, u"2025-01-20"_s,
                          u"--substance"_s, u"opioids"_s, u"--result"_s, u"negative"_s}},
        {u"event list"_s, {u"--client"_s, u"C-1"_s, u"--json"_s}},
        {u"event delete"_s, {QString::number(m_event)}},
        {u"useday record"_s, {u"--client"_s, u"C-1"_s, u"--substance"_s, u"alcohol"_s, u"--from"_s, u"2025-01-01"_s,
                              u"--to"_s, u"2025-01-07"_s, u"--used"_s, u"no"_s}},
        {u"useday correct"_s, {u"--client"_s, u"C-1"_s, u"--substance"_s, u"alcohol"_s, u"--date"_s, u"2025-01-03"_s,
                               u"--used"_s, u"yes"_s, u"--amount"_s, u"4"_s}},
        {u"useday delete"_s, {u"--client"_s, u"C-1"_s, u"--substance"_s, u"alcohol"_s, u"--date"_s, u"2025-01-03"_s}},
        {u"useday list"_s, {u"--client"_s, u"C-1"_s, u"--json"_s}},
        {u"useday show"_s, {u"--client"_s, u"C-1"_s, u"--json"_s}},
        {u"plan add"_s, {u"--client"_s, u"C-1"_s, u"--file"_s, m_text}},
        {u"plan show"_s, {u"--client"_s, u"C-1"_s, u"--json"_s}},
        {u"plan update"_s, {u"--client"_s, u"C-1"_s, u"--file"_s, m_text}},
        {u"plan review"_s, {u"--client"_s, u"C-1"_s, u"--date"_s, u"2025-03-01"_s}},
        {u"note progress"_s, {QString::number(m_draft), u"--objective"_s, u"O1"_s, u"--rating"_s, u"some"_s}},
        {u"countertransference list"_s, {u"--client"_s, u"C-1"_s, u"--json"_s}},
        {u"countertransference share"_s,
         {u"--client"_s, u"C-1"_s, u"--entry"_s, QString::number(m_risky) + u".1"_s, u"--supervisor"_s, u"sam"_s}},
        {u"countertransference shares"_s, {u"--client"_s, u"C-1"_s, u"--json"_s}},
        {u"countertransference withdraw"_s, {u"1"_s}},
        {u"session add"_s, {u"--client"_s, u"C-1"_s, u"--date"_s, u"2025-03-01"_s, u"--minutes"_s, u"45"_s, u"--note-file"_s, m_text}},
        {u"session list"_s, {u"--client"_s, u"C-1"_s, u"--json"_s}},
        {u"note add"_s, {u"--session"_s, QString::number(m_session), u"--kind"_s, u"process"_s, u"--note-file"_s, m_text}},
        {u"note list"_s, {u"--client"_s, u"C-1"_s}},
        {u"note discard"_s, {QString::number(m_discardable)}},
        {u"note show"_s, {id, u"--json"_s}},
        {u"note edit"_s, {QString::number(m_draft), u"--note-file"_s, m_text}},
        {u"note sign"_s, {QString::number(m_draft2)}},
        {u"note verify"_s, {id}},
        {u"note addendum"_s, {id, u"--text-file"_s, m_text}},
        {u"note theme confirm"_s, {QString::number(m_tag)}},
        {u"note theme reject"_s, {QString::number(m_tag2)}},
        {u"note theme add"_s, {id, u"--theme"_s, u"shame-guilt"_s, u"--words"_s, u"drinks"_s}},
        {u"search"_s, {u"abandoned"_s}},
        {u"export"_s, {u"--client"_s, u"C-1"_s, u"--out"_s, out + u"-export.json"_s}, u"alice"_s, out + u"-export.json"_s},
        {u"import"_s, {u"--csv"_s, m_csv, u"--dry-run"_s}},
        {u"backup"_s, {u"--out"_s, out + u"-backup"_s}, u"alice"_s, out + u"-backup"_s},
        {u"measure add"_s,
         {u"--client"_s, u"C-1"_s, u"--date"_s, u"2025-03-01"_s, u"--instrument"_s, u"phq9"_s, u"--answers"_s, u"1,2,1,2,2,2,1,2,1"_s}},
        {u"measure list"_s, {u"--client"_s, u"C-1"_s}},
        {u"measure edit"_s, {QString::number(m_measure), u"--answers"_s, u"0,0,0,0,0,0,0"_s}},
        {u"measure delete"_s, {QString::number(m_measure2)}},
        {u"risk list"_s, {u"--json"_s}},
        {u"risk dismiss"_s, {QString::number(m_risky), u"--reason"_s, u"misread"_s}},
        {u"risk close"_s, {u"C-1"_s, u"--level"_s, u"low"_s, u"--action-file"_s, m_text}},
        {u"safety-plan set"_s, {u"--client"_s, u"C-1"_s, u"--file"_s, m_plan}},
        {u"safety-plan show"_s, {u"--client"_s, u"C-1"_s, u"--json"_s}},
        {u"safety-plan history"_s, {u"--client"_s, u"C-1"_s}},
        {u"safety-plan print"_s, {u"--client"_s, u"C-1"_s, u"--out"_s, out + u"-plan.pdf"_s}, u"alice"_s, out + u"-plan.pdf"_s},
        {u"patterns"_s, {u"--client"_s, u"C-1"_s, u"--by"_s, u"month"_s}},
        {u"demo"_s, {u"--vault"_s, out + u"-demo"_s, u"--seed"_s, u"2"_s, u"--today"_s, u"2030-06-15"_s}, {}, out + u"-demo"_s},
        {u"supervise assign"_s, {u"--therapist"_s, u"alice"_s, u"--supervisor"_s, u"sam"_s, u"--mode"_s, u"must-cosign"_s}, u"sam"_s},
        {u"supervise list"_s, {}},
        {u"queue"_s, {}, u"sam"_s},
        {u"note cosign"_s, {id}, u"sam"_s},
        {u"note return"_s, {QString::number(m_signed2), u"--comment-file"_s, m_text}, u"sam"_s},
        {u"note comment"_s, {id, u"--text-file"_s, m_text}},
        {u"agreement start"_s, {u"--therapist"_s, u"alice"_s, u"--sample"_s, u"1"_s}, u"sam"_s},
        {u"agreement rate"_s, {QString::number(m_check), u"--note"_s, QString::number(m_sampled), u"--themes"_s, u"abandonment"_s}, u"sam"_s},
        {u"agreement report"_s, {QString::number(m_check)}, u"sam"_s},
        {u"audit verify"_s, {}},
        {u"audit list"_s, {u"--since"_s, u"2020-01-01"_s}},
        {u"audit export"_s, {u"--out"_s, out + u"-audit.csv"_s, u"--from"_s, u"2020-01-01"_s}, u"alice"_s, out + u"-audit.csv"_s},
        {u"restore"_s, {u"--from"_s, out + u"-backup"_s, u"--to"_s, out + u"-restored"_s}, u"alice"_s, out + u"-restored"_s},
        {u"report client"_s, {u"--client"_s, u"C-1"_s, u"--out"_s, out + u"-client.pdf"_s, u"--with-risk"_s}, u"alice"_s, out + u"-client.pdf"_s},
        {u"report note"_s, {id, u"--out"_s, out + u"-note.pdf"_s}, u"alice"_s, out + u"-note.pdf"_s},
        {u"report supervision"_s,
         {u"--therapist"_s, u"alice"_s, u"--from"_s, u"2025-01-01"_s, u"--to"_s, u"2025-12-31"_s, u"--out"_s, out + u"-sup.pdf"_s},
         u"sam"_s,
         out + u"-sup.pdf"_s},
        {u"tag"_s, {}, {}, {}, "She drinks when she feels abandoned."},
        {u"vault rekey"_s, {}},
#if defined(UC_PRACTICE)
        // No server answers here: each line is checked, then refused for what it is (no CA file, an
        // unsigned code, no membership), never as a usage error. sync is the practice's too.
        {u"practice init"_s,
         {u"--server"_s, u"postgresql://127.0.0.1:1/practice"_s, u"--ca"_s, out + u"-none.crt"_s, u"--ca-key"_s, out + u"-none.key"_s}},
        {u"practice invite"_s, {u"carol"_s, u"--role"_s, u"therapist"_s}},
        {u"practice join"_s, {u"--server"_s, u"postgresql://127.0.0.1:1/practice"_s, u"--invite"_s, u"uc-invite-1.eyJyb2xlIjoidGhlcmFwaXN0In0"_s}},
        {u"practice status"_s, {}},
        {u"practice assign"_s, {u"--supervisor"_s, u"0123456789abcdef0123456789abcdef"_s, u"--therapist"_s, u"fedcba9876543210fedcba9876543210"_s}},
        {u"practice unassign"_s, {u"--supervisor"_s, u"0123456789abcdef0123456789abcdef"_s, u"--therapist"_s, u"fedcba9876543210fedcba9876543210"_s}},
        {u"practice remove"_s, {u"0123456789abcdef0123456789abcdef"_s}},
        {u"practice received"_s, {}},
        {u"practice cosign"_s, {u"0123456789abcdef0123456789abcdef"_s}},
        {u"practice comment"_s, {u"0123456789abcdef0123456789abcdef"_s, u"--text-file"_s, m_pass}},
        {u"practice return"_s, {u"0123456789abcdef0123456789abcdef"_s, u"--comment-file"_s, m_pass}},
        {u"sync"_s, {}},
#endif
        // Last: they re-wrap alice's key slot.
        {u"passwd"_s, {u"--new-passphrase-file"_s, m_pass}},
        {u"recover"_s, {u"--recovery-key-file"_s, m_recovery, u"--new-passphrase-file"_s, m_pass}},
    };
}

void CliStrictTest::everyCommandIsCovered()
{
    const Run help = cli({u"--help"_s});
    QCOMPARE(help.code, 0);
    // The commands as the global --help lists them: the words at the start of each entry.
    QSet<QString> listed;
    static const QRegularExpression entry(u"^  ([a-z]+(?:-[a-z]+)*(?: [a-z]+(?:-[a-z]+)*)*)(?:  | [^a-z]|$)"_s);
    for (const QByteArray &line : help.out.split('\n')) {
        const QRegularExpressionMatch m = entry.match(QString::fromUtf8(line));
        if (m.hasMatch())
            listed.insert(m.captured(1));
    }
    QSet<QString> covered;
    for (const Case &c : cases())
        covered.insert(c.words);
    QCOMPARE(covered, listed);
}

void CliStrictTest::everyCommandRefusesWhatItDoesNotTake()
{
    for (const Case &c : cases()) {
        QList<QStringList> wrong = {{u"--no-such-option"_s}, {u"--no-such-option=1"_s}};
        // An option another command takes: session add --dry-run must not write a session.
        wrong.append(c.words == u"import" ? QStringList{u"--seed"_s, u"1"_s} : QStringList{u"--dry-run"_s});
        // search takes any number of words: each is part of the query.
        if (c.words != u"search")
            wrong.append({u"extra"_s});
        for (const QStringList &more : std::as_const(wrong)) {
            const QString what = c.words + u" + "_s + more.join(u' ');
            const Run r = run(c, more);
            QVERIFY2(r.code == 1, qPrintable(what + u": exit "_s + QString::number(r.code) + u" "_s + QString::fromUtf8(r.err)));
            QVERIFY2(r.err.startsWith(QByteArray("undercurrent-cli: " + c.words.toUtf8() + ": ")), qPrintable(what + u": "_s + QString::fromUtf8(r.err)));
            QCOMPARE(r.err.count('\n'), 1);
            const QString named = more.first().startsWith(u"--") ? more.first().section(u'=', 0, 0) : u"'extra'"_s;
            QVERIFY2(r.err.contains(named.toUtf8()), qPrintable(what + u": "_s + QString::fromUtf8(r.err)));
            QVERIFY2(r.out.isEmpty(), qPrintable(what));
            if (!c.creates.isEmpty())
                QVERIFY2(!QFileInfo::exists(c.creates), qPrintable(what + u" created "_s + c.creates));
            checkUnchanged(what);
        }
    }
}

void CliStrictTest::refusalsNameWhatIsWrong()
{
    const QString draft = QString::number(m_draft2);
    const auto alice = [&](const QStringList &args) { return cli(args + asAlice()); };
    // Extra ids after a note's: nothing is signed, not even the first.
    Run r = alice({u"note"_s, u"sign"_s, draft, u"2"_s, u"3"_s});
    QCOMPARE(r.code, 1);
    QCOMPARE(r.err, QByteArray("undercurrent-cli: note sign: unexpected arguments '2', '3' (see note sign --help)\n"));
    // report client has no period: --from and --to are refused rather than ignored.
    r = alice({u"report"_s, u"client"_s, u"--client"_s, u"C-1"_s, u"--out"_s, m_dir.filePath(u"r.pdf"_s), u"--from"_s,
               u"2025-01-01"_s, u"--to"_s, u"2025-02-01"_s});
    QCOMPARE(r.code, 1);
    QCOMPARE(r.err, QByteArray("undercurrent-cli: report client: unknown options --from, --to (see report client --help)\n"));
    QVERIFY(!QFileInfo::exists(m_dir.filePath(u"r.pdf"_s)));
    r = alice({u"client"_s, u"list"_s, u"--bogus"_s, u"x"_s});
    QCOMPARE(r.code, 1);
    QCOMPARE(r.err, QByteArray("undercurrent-cli: client list: unknown option --bogus (see client list --help)\n"));
    // A missing command word, and an unknown one.
    r = alice({u"note"_s});
    QCOMPARE(r.code, 1);
    QCOMPARE(r.err, QByteArray("undercurrent-cli: note: expects add, list, show, edit, sign, verify, addendum, discard, theme, progress, cosign, return or "
                               "comment\n"));
    r = alice({u"client"_s, u"remove"_s});
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.startsWith("undercurrent-cli: client: expects "));
    checkUnchanged(u"refusals"_s);
    r = alice({u"note"_s, u"show"_s, draft, u"--json"_s});
    QCOMPARE(r.code, 0);
    QCOMPARE(QJsonDocument::fromJson(r.out).object().value("status"_L1).toString(), u"draft"_s);
    m_before = snapshot(); // note show recorded a view
}

void CliStrictTest::invalidValuesAreExitTwo()
{
    const QString note = m_text;
    const QList<QStringList> invalid = {
        {u"session"_s, u"add"_s, u"--client"_s, u"C-1"_s, u"--date"_s, u"2025-02-30"_s, u"--note-file"_s, note},
        {u"session"_s, u"add"_s, u"--client"_s, u"C-1"_s, u"--date"_s, u"2025-03-02"_s, u"--minutes"_s, u"x"_s, u"--note-file"_s, note},
        {u"session"_s, u"add"_s, u"--client"_s, u"C-1"_s, u"--date"_s, u"2025-03-02"_s, u"--minutes"_s, u"-5"_s, u"--note-file"_s, note},
        {u"session"_s, u"add"_s, u"--client"_s, u"C-1"_s, u"--date"_s, u"2025-03-02"_s, u"--time"_s, u"25:00"_s, u"--note-file"_s, note},
        {u"client"_s, u"add"_s, u"--code"_s, u"C-10"_s, u"--name"_s, u"Ten"_s, u"--intake"_s, u"2025-13-01"_s},
        {u"measure"_s, u"add"_s, u"--client"_s, u"C-1"_s, u"--date"_s, u"yesterday"_s, u"--instrument"_s, u"gad7"_s,
         u"--answers"_s, u"1,1,1,1,1,1,1"_s},
        {u"patterns"_s, u"--client"_s, u"C-1"_s, u"--by"_s, u"month"_s, u"--from"_s, u"2025-04-31"_s},
        {u"useday"_s, u"record"_s, u"--client"_s, u"C-1"_s, u"--substance"_s, u"heroin"_s, u"--date"_s, u"2025-01-02"_s,
         u"--used"_s, u"no"_s},
        {u"useday"_s, u"record"_s, u"--client"_s, u"C-1"_s, u"--substance"_s, u"alcohol"_s, u"--date"_s, u"2999-01-02"_s,
         u"--used"_s, u"no"_s},
        {u"useday"_s, u"record"_s, u"--client"_s, u"C-1"_s, u"--substance"_s, u"alcohol"_s, u"--from"_s, u"2025-01-09"_s,
         u"--to"_s, u"2025-01-02"_s, u"--used"_s, u"no"_s},
        {u"useday"_s, u"record"_s, u"--client"_s, u"C-1"_s, u"--substance"_s, u"alcohol"_s, u"--from"_s, u"2023-01-01"_s,
         u"--to"_s, u"2025-01-02"_s, u"--used"_s, u"no"_s},
        {u"useday"_s, u"correct"_s, u"--client"_s, u"C-1"_s, u"--substance"_s, u"cannabis"_s, u"--date"_s, u"2025-01-02"_s,
         u"--used"_s, u"yes"_s, u"--amount"_s, u"-1"_s, u"--unit"_s, u"g"_s},
        {u"useday"_s, u"list"_s, u"--client"_s, u"C-1"_s, u"--substance"_s, u"tea"_s},
        {u"audit"_s, u"list"_s, u"--since"_s, u"soon"_s},
        {u"audit"_s, u"export"_s, u"--out"_s, m_dir.filePath(u"a.csv"_s), u"--to"_s, u"2025-00-10"_s},
        {u"agreement"_s, u"start"_s, u"--therapist"_s, u"alice"_s, u"--sample"_s, u"x"_s},
        {u"agreement"_s, u"rate"_s, QString::number(m_check), u"--note"_s, u"abc"_s, u"--themes"_s, u"abandonment"_s},
        {u"supervise"_s, u"assign"_s, u"--therapist"_s, u"alice"_s, u"--supervisor"_s, u"sam"_s, u"--mode"_s, u"sometimes"_s},
        {u"report"_s, u"supervision"_s, u"--therapist"_s, u"alice"_s, u"--from"_s, u"2025-02-30"_s, u"--to"_s, u"2025-03-01"_s,
         u"--out"_s, m_dir.filePath(u"s.pdf"_s)},
        // An id standing as an argument is a value too: there, but no id.
        {u"note"_s, u"sign"_s, u"abc"_s},
        {u"note"_s, u"discard"_s, u"0"_s},
        {u"report"_s, u"note"_s, u"0"_s, u"--out"_s, m_dir.filePath(u"n.pdf"_s)},
        {u"agreement"_s, u"report"_s, u"x"_s},
        {u"measure"_s, u"delete"_s, u"x"_s},
        {u"measure"_s, u"edit"_s, QString::number(m_measure), u"--answers"_s, u"1,1,1,1,1,1,1"_s, u"--date"_s, u"2025-02-30"_s},
        {u"note"_s, u"add"_s, u"--session"_s, u"x"_s, u"--kind"_s, u"progress"_s, u"--note-file"_s, note},
        {u"note"_s, u"add"_s, u"--session"_s, u"1"_s, u"--kind"_s, u"addendum"_s, u"--note-file"_s, note},
    };
    expectRefused(invalid, 2);
    // No vault involved: the seed of a demo practice and the role of a new vault.
    const QString demo = m_dir.filePath(u"demo-x"_s);
    QCOMPARE(cli({u"demo"_s, u"--vault"_s, demo, u"--seed"_s, u"x"_s}).code, 2);
    QVERIFY(!QFileInfo::exists(demo));
    QCOMPARE(cli({u"demo"_s, u"--vault"_s, demo, u"--today"_s, u"2030-02-30"_s}).code, 2);
    QVERIFY(!QFileInfo::exists(demo));
    const QString fresh = m_dir.filePath(u"init-x"_s);
    QCOMPARE(cli({u"init"_s, u"--vault"_s, fresh, u"--user"_s, u"ann"_s, u"--passphrase-file"_s, m_pass, u"--role"_s, u"boss"_s}).code, 2);
    QVERIFY(!QFileInfo::exists(fresh + u"/notes.db"_s));
}

void CliStrictTest::malformedLinesAreExitOne()
{
    const QString note = m_text;
    const QList<QStringList> malformed = {
        // An unknown option wins over an invalid value: the line is refused before its values are read.
        {u"session"_s, u"add"_s, u"--client"_s, u"C-1"_s, u"--date"_s, u"2025-02-30"_s, u"--note-file"_s, note, u"--nope"_s},
        // A value that is missing: at the end, or followed by another option.
        {u"client"_s, u"add"_s, u"--code"_s, u"C-11"_s, u"--name"_s},
        {u"session"_s, u"add"_s, u"--client"_s, u"C-1"_s, u"--date"_s, u"2025-03-03"_s, u"--note-file"_s, u"--json"_s},
        // A flag given a value, an option given twice, a required one left out.
        {u"import"_s, u"--csv"_s, m_csv, u"--dry-run=yes"_s},
        {u"client"_s, u"add"_s, u"--code"_s, u"C-12"_s, u"--code"_s, u"C-13"_s, u"--name"_s, u"Twelve"_s},
        {u"client"_s, u"add"_s, u"--name"_s, u"No Code"_s},
        // A note's id left out.
        {u"note"_s, u"sign"_s},
        // Options that belong to the other form of the command.
        {u"patterns"_s, u"--client"_s, u"C-1"_s, u"--by"_s, u"month"_s, u"--therapist"_s, u"alice"_s},
        {u"patterns"_s, u"--caseload"_s, u"--by"_s, u"month"_s, u"--include-process-notes"_s},
        {u"import"_s, u"--csv"_s, m_csv, u"--json"_s, u"extra.json"_s},
    };
    expectRefused(malformed, 1);
    // A line that does not say who signs in.
    const Run anonymous = cli({u"client"_s, u"list"_s, u"--vault"_s, m_vault, u"--passphrase-file"_s, m_pass});
    QCOMPARE(anonymous.code, 1);
    QCOMPARE(anonymous.err, QByteArray("undercurrent-cli: client list: --user is required\n"));
}

void CliStrictTest::helpForEveryCommand()
{
    for (const Case &c : cases()) {
        const Run r = cli(c.words.split(u' ') + QStringList{u"--help"_s});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.startsWith(QByteArray("usage: undercurrent-cli " + c.words.toUtf8())), r.out.constData());
        QVERIFY(r.err.isEmpty());
        // Every option the usage line shows is described below it.
        const QString text = QString::fromUtf8(r.out);
        const QString usage = text.section(u"\n\n"_s, 0, 0);
        static const QRegularExpression option(u"--[a-z][a-z-]*"_s);
        for (auto it = option.globalMatch(usage); it.hasNext();) {
            const QString name = it.next().captured();
            QVERIFY2(text.contains(u"\n  "_s + name), qPrintable(c.words + u": "_s + name + u" is not described"_s));
        }
    }
    // The options of one command, and -h as another spelling.
    const Run session = cli({u"session"_s, u"add"_s, u"-h"_s});
    QCOMPARE(session.code, 0);
    for (const char *option : {"--client C", "--date YYYY-MM-DD", "--time HH:MM", "--minutes N", "--modality M", "--setting S",
                               "--attendance A", "--template T", "--kind progress|process", "--note-file F"})
        QVERIFY2(session.out.contains(QByteArray(QByteArray("\n  ") + option)), option);
    const Run sign = cli({u"note"_s, u"sign"_s, u"--help"_s});
    QVERIFY(sign.out.startsWith("usage: undercurrent-cli note sign ID [--risk-assessment low|moderate|high]"));
    // A group: every command of it.
    const Run group = cli({u"note"_s, u"--help"_s});
    QCOMPARE(group.code, 0);
    for (const char *line : {"\n  note sign ID", "\n  note cosign ID", "\n  note return ID --comment-file F"})
        QVERIFY2(group.out.contains(line), line);
    // Help changes nothing, even on a line that would otherwise be refused.
    QCOMPARE(cli({u"client"_s, u"add"_s, u"--bogus"_s, u"--help"_s, u"--vault"_s, m_vault}).code, 0);
    checkUnchanged(u"help"_s);
}

void CliStrictTest::globalOptionsStandAnywhere()
{
    const QStringList sign = asAlice();
    const QList<QStringList> lines = {
        sign + QStringList{u"--json"_s, u"client"_s, u"list"_s},
        QStringList{u"client"_s, u"list"_s, u"--json"_s} + sign,
        QStringList{u"client"_s} + sign + QStringList{u"list"_s, u"--json"_s},
        {u"--json"_s, u"client"_s, u"--vault="_s + m_vault, u"list"_s, u"--user=alice"_s, u"--passphrase-file="_s + m_pass},
    };
    QByteArray first;
    for (const QStringList &args : lines) {
        const Run r = cli(args);
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonArray clients = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(clients.size(), 1);
        QCOMPARE(clients.first().toObject().value("code"_L1).toString(), u"C-1"_s);
        if (first.isEmpty())
            first = r.out;
        QCOMPARE(r.out, first);
    }
    // A command's own option before its words.
    const Run measures = cli(QStringList{u"--client"_s, u"C-1"_s, u"measure"_s, u"list"_s, u"--json"_s} + sign);
    QVERIFY2(measures.code == 0, measures.err.constData());
    m_before = snapshot(); // every unlock and read above is recorded
}

void CliStrictTest::auditListTakesASecondUser()
{
    // The first --user signs in; the second names whose entries.
    const Run sams = cli({u"--vault"_s, m_vault, u"--user"_s, u"sam"_s, u"--passphrase-file"_s, m_pass, u"audit"_s, u"list"_s,
                          u"--user"_s, u"alice"_s, u"--json"_s});
    QCOMPARE(sams.code, 0);
    const QJsonArray entries = QJsonDocument::fromJson(sams.out).array();
    QVERIFY(entries.size() > 5);
    for (const QJsonValue &e : entries)
        QCOMPARE(e.toObject().value("user"_L1).toString(), u"alice"_s);
    const Run own = cli({u"audit"_s, u"list"_s, u"--json"_s, u"--vault"_s, m_vault, u"--user"_s, u"sam"_s,
                         u"--passphrase-file"_s, m_pass});
    QCOMPARE(own.code, 0);
    QVERIFY(QJsonDocument::fromJson(own.out).array().size() > entries.size()); // everyone's
    // A third is one too many.
    m_before = snapshot();
    const Run three = cli({u"audit"_s, u"list"_s, u"--user"_s, u"alice"_s, u"--user"_s, u"sam"_s, u"--vault"_s, m_vault,
                           u"--user"_s, u"sam"_s, u"--passphrase-file"_s, m_pass});
    QCOMPARE(three.code, 1);
    QCOMPARE(three.err, QByteArray("undercurrent-cli: audit list: --user is given more than twice\n"));
    checkUnchanged(u"audit list with three --user"_s);
}

void CliStrictTest::importTakesJsonFile()
{
    const QString record = m_dir.filePath(u"c1.json"_s);
    const QStringList sign = asAlice();
    QCOMPARE(cli(QStringList{u"export"_s, u"--client"_s, u"C-1"_s, u"--out"_s, record} + sign).code, 0);
    // Into new vaults: "--json FILE", "--json=FILE", and FILE before --json. Each spelling reaches
    // the import, which reads the whole record and refuses it at alice's signatures: a new vault does
    // not trust another vault's keys (signaturestest).
    const QList<QStringList> spellings = {{u"--json"_s, record}, {u"--json="_s + record}, {record, u"--json"_s}};
    int n = 0;
    for (const QStringList &spelling : spellings) {
        const QString dir = m_dir.filePath(u"import-%1"_s.arg(++n));
        Vault::create(dir, u"bea"_s, secret(), model::Role::Therapist, vault::KdfCost::testOnly());
        const Run r = cli(QStringList{u"import"_s} + spelling
                          + QStringList{u"--vault"_s, dir, u"--user"_s, u"bea"_s, u"--passphrase-file"_s, m_pass});
        QVERIFY2(r.code == 4, qPrintable(spelling.join(u' ') + u": "_s + QString::fromUtf8(r.err)));
        QVERIFY2(r.err.contains("alice's signature does not verify against a key this vault trusts; nothing was imported"),
                 r.err.constData());
    }
    // A file without --json is no form of import; --json with --csv prints the CSV import as JSON.
    QCOMPARE(cli(QStringList{u"import"_s, record} + sign).code, 1);
    const Run csv = cli(QStringList{u"import"_s, u"--csv"_s, m_csv, u"--dry-run"_s, u"--json"_s} + sign);
    QCOMPARE(csv.code, 0);
    QCOMPARE(QJsonDocument::fromJson(csv.out).object().value("dry_run"_L1).toBool(), true);
}

void CliStrictTest::searchJoinsItsWords()
{
    const QStringList sign = asAlice();
    const Run words = cli(QStringList{u"search"_s, u"feels"_s, u"--json"_s, u"abandoned"_s} + sign);
    QCOMPARE(words.code, 0);
    const Run quoted = cli(QStringList{u"search"_s, u"feels abandoned"_s, u"--json"_s} + sign);
    QCOMPARE(quoted.code, 0);
    const QJsonArray hits = QJsonDocument::fromJson(words.out).array();
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits.first().toObject().value("note"_L1).toInt(), static_cast<int>(m_signed));
    QCOMPARE(QJsonDocument::fromJson(quoted.out).array(), hits);
    QCOMPARE(cli(QStringList{u"search"_s} + sign).code, 1); // no words
}

void CliStrictTest::everyCommandLineAboveIsValid()
{
    // The refusals above came from the one word added: each line as it stands is accepted.
    for (const Case &c : cases()) {
        const Run r = run(c, {});
        QVERIFY2(r.code != 1 && r.code >= 0,
                 qPrintable(c.words + u": exit "_s + QString::number(r.code) + u" "_s + QString::fromUtf8(r.err)));
    }
}

QTEST_GUILESS_MAIN(CliStrictTest)
#include "clistricttest.moc"
