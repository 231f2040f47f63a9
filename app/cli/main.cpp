// SPDX-License-Identifier: GPL-3.0-or-later
// undercurrent-cli: the scriptable face of the core library. Errors are one line on stderr,
// "undercurrent-cli: what: why", with the exit codes of uc::ErrorKind.
#include "common/error.h"
#include "common/secret.h"
#include "common/versions.h"
#include "demo/practice.h"
#include "import/importer.h"
#include "model/measures.h"
#include "patterns/patterns.h"
#include "reports/reports.h"
#include "themes/tagger.h"
#include "vault/vault.h"

#include <boost/date_time/gregorian/gregorian.hpp>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSet>
#include <QStandardPaths>
#include <QStringList>

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <functional>
#include <map>
#include <memory>

using namespace uc;
using vault::Vault;

namespace {

constexpr auto usageText = R"(usage: undercurrent-cli [--vault DIR] [--user NAME] [--passphrase-file FILE] [--json] COMMAND ...

Vault and users:
  init --user NAME --passphrase-file F [--role ROLE] [--recovery-key-file OUT]
  user add --name N --role therapist|supervisor|auditor --new-passphrase-file F
  user list
  passwd --new-passphrase-file F
  recover --recovery-key-file F --new-passphrase-file P
Record:
  client add --code C --name NAME [--setting S] [--intake YYYY-MM-DD] [--part2-consent]
  client list
  client summary --client C [--text-file F]   the shareable summary: set it from F, or print it
  session add --client C [--client C2 ...] --date YYYY-MM-DD [--time HH:MM] [--minutes N]
              [--modality M] [--setting S] [--attendance A] [--template T]
              [--kind progress|process] --note-file F
  note show ID | note edit ID --note-file F | note sign ID | note verify ID
  note addendum ID --text-file F
  search QUERY
  export --client C --out FILE.json [--include-process-notes]
  import --csv FILE [--dry-run] [--create-clients]   notes from CSV (header: client_code, date,
         time, minutes, modality, setting, template, kind, text), as drafts to review and sign
  import --folder DIR [--dry-run] [--create-clients] notes from CLIENTCODE_YYYY-MM-DD*.md/.txt files
  import --json FILE                 a client record written by export (into a new vault)
  backup --out FILE
Patterns and measures:
  measure add --client C --date YYYY-MM-DD --instrument phq9|gad7|audit|auditc --answers 1,2,0,...
  measure list --client C
  patterns --client C --by session|week|month|quarter [--from YYYY-MM-DD] [--to YYYY-MM-DD]
           [--include-process-notes]
  patterns --caseload [--therapist NAME] --by week|month|quarter [--from D] [--to D]
  demo --vault DIR [--passphrase-file F] [--seed N]   a fictional practice to try things on
Supervision:
  supervise assign --therapist T --supervisor S --mode review|must-cosign
  supervise list
  queue                             notes waiting on a supervisor, by therapist, oldest first
  note cosign ID | note return ID --comment-file F | note comment ID --text-file F
  agreement start --therapist T [--sample N]     a blind agreement check on N signed notes (20)
  agreement rate CHECK --note ID --themes a,b    your themes for one note, before seeing its tags
  agreement report CHECK            Cohen's kappa per theme: supervisor, therapist, tagger
Audit trail:
  audit verify                      exit 0 with the entry count when whole, 4 naming the first broken entry
  audit list [--since YYYY-MM-DD] [--user NAME]   (the second --user: whose entries to list)
  audit export --out FILE.csv|FILE.pdf [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--user NAME]
                                    (--since D is --from D)
  restore --from FILE --to DIR      (checked by unlocking with --user and the passphrase)
Reports (PDF, owner-only, with the 42 CFR Part 2 notice; each one is recorded in the audit trail):
  report client --client C --out F.pdf      themes over time, recurrence, measures, shareable summary
  report note ID --out F.pdf                a progress note as signed, with addenda (never a process note)
  report supervision --therapist T --from YYYY-MM-DD --to YYYY-MM-DD --out F.pdf
                                    a therapist's notes, status, comments and agreement figures
Themes:
  tag [--codebook FILE] [--jsonl]   tag UTF-8 text from stdin (--jsonl: one {"id","text"} per line)
Other:
  --version, --help

The passphrase is read from the first line of --passphrase-file, or asked for without echo on a
terminal; never from the command line. The vault folder is --vault, else $UNDERCURRENT_VAULT,
else the per-user data folder.

Exit codes: 0 ok, 1 usage, 2 bad input or I/O, 3 authentication, 4 damaged or not a vault,
5 not allowed for this role, 6 conflict (signed note, locked vault).
)";

[[noreturn]] void usage(const QString &what, const QString &why)
{
    throw Error(ErrorKind::Usage, what, why);
}

// Arguments: global and command options may stand anywhere; "--opt value" or "--opt=value".
class Args
{
public:
    explicit Args(QStringList raw)
    {
        static const QStringList flags = {QStringLiteral("json"), QStringLiteral("jsonl"), QStringLiteral("include-process-notes"),
                                          QStringLiteral("part2-consent"), QStringLiteral("caseload"),
                                          QStringLiteral("dry-run"), QStringLiteral("create-clients")};
        for (qsizetype i = 0; i < raw.size(); ++i) {
            const QString a = raw.at(i);
            if (a.startsWith(QLatin1String("--")) && a.size() > 2) {
                QString name = a.mid(2);
                QString value;
                const qsizetype eq = name.indexOf(QLatin1Char('='));
                if (eq >= 0) {
                    value = name.mid(eq + 1);
                    name.truncate(eq);
                } else if (flags.contains(name)) {
                    value = QStringLiteral("1");
                } else {
                    if (i + 1 >= raw.size())
                        usage(a, QStringLiteral("needs a value"));
                    value = raw.at(++i);
                }
                m_options.insert(name, value);
            } else {
                m_words.append(a);
            }
        }
    }
    [[nodiscard]] QString word(qsizetype i) const { return m_words.value(i); }
    [[nodiscard]] qsizetype wordCount() const { return m_words.size(); }
    [[nodiscard]] bool has(const QString &name) const { return m_options.contains(name); }
    // The first value given (QMultiHash::values lists the newest first).
    [[nodiscard]] QString value(const QString &name, const QString &fallback = {}) const
    {
        return m_options.contains(name) ? m_options.values(name).constLast() : fallback;
    }
    // The second value given, for options a command takes again (`audit list --user U` after the
    // signing-in --user).
    [[nodiscard]] QString secondValue(const QString &name) const
    {
        const QStringList all = m_options.values(name);
        return all.size() > 1 ? all.at(all.size() - 2) : QString();
    }
    [[nodiscard]] QStringList values(const QString &name) const { return m_options.values(name); }
    [[nodiscard]] QString required(const QString &name) const
    {
        if (!m_options.contains(name))
            usage(m_words.value(0), QStringLiteral("--%1 is required").arg(name));
        return value(name);
    }
    [[nodiscard]] bool json() const { return has(QStringLiteral("json")); }

private:
    QStringList m_words;
    QMultiHash<QString, QString> m_options;
};

// Reads the first line of a file straight into guarded memory.
SecretBuffer readSecretLine(const QString &path, const QString &what)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        throw Error(ErrorKind::Io, what, QStringLiteral("the file cannot be read"));
    SecretBuffer buffer(4096);
    std::size_t used = 0;
    while (used < buffer.size()) {
        const ssize_t n = ::read(fd, buffer.data() + used, buffer.size() - used);
        if (n <= 0)
            break;
        used += static_cast<std::size_t>(n);
    }
    ::close(fd);
    std::size_t end = 0;
    while (end < used && buffer.data()[end] != '\n' && buffer.data()[end] != '\r')
        ++end;
    return SecretBuffer::copyOf(std::span<const unsigned char>(buffer.data(), end));
}

SecretBuffer promptSecret(const char *prompt)
{
    if (!::isatty(STDIN_FILENO))
        usage(QStringLiteral("passphrase"), QStringLiteral("give --passphrase-file (no terminal to ask on)"));
    std::fputs(prompt, stderr);
    termios old{};
    ::tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    SecretBuffer buffer(1024);
    std::size_t used = 0;
    unsigned char c = 0;
    while (used < buffer.size() && ::read(STDIN_FILENO, &c, 1) == 1 && c != '\n')
        buffer.data()[used++] = c;
    c = 0;
    ::tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::fputs("\n", stderr);
    return SecretBuffer::copyOf(std::span<const unsigned char>(buffer.data(), used));
}

SecretBuffer passphrase(const Args &args)
{
    if (args.has(QStringLiteral("passphrase-file")))
        return readSecretLine(args.value(QStringLiteral("passphrase-file")), QStringLiteral("passphrase file"));
    return promptSecret("Passphrase: ");
}

QString vaultDir(const Args &args)
{
    if (args.has(QStringLiteral("vault")))
        return args.value(QStringLiteral("vault"));
    const QString env = qEnvironmentVariable("UNDERCURRENT_VAULT");
    if (!env.isEmpty())
        return env;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/vault");
}

QString user(const Args &args)
{
    return args.required(QStringLiteral("user"));
}

std::unique_ptr<Vault> openVault(const Args &args)
{
    const QString name = user(args);
    return Vault::open(vaultDir(args), name, passphrase(args));
}

QString readTextFile(const QString &path, const QString &what)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw Error(ErrorKind::Io, what, QStringLiteral("the file cannot be read"));
    const QByteArray bytes = f.readAll();
    QString text = QString::fromUtf8(bytes);
    if (text.toUtf8() != bytes)
        throw Error(ErrorKind::Io, what, QStringLiteral("the file is not valid UTF-8"));
    if (text.contains(QChar(0)))
        throw Error(ErrorKind::Io, what, QStringLiteral("the file contains NUL bytes"));
    return text;
}

void print(const QString &text)
{
    std::fputs(text.toUtf8().constData(), stdout);
    std::fputs("\n", stdout);
}

void printJson(const QJsonValue &value)
{
    const QByteArray out = value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                                           : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    std::fwrite(out.constData(), 1, static_cast<std::size_t>(out.size()), stdout);
    std::fputs("\n", stdout);
}

model::Id parseId(const QString &text, const QString &what)
{
    bool ok = false;
    const qlonglong id = text.toLongLong(&ok);
    if (!ok || id <= 0)
        usage(what, QStringLiteral("needs a note id (a positive number)"));
    return id;
}

template<typename T>
T parsed(std::optional<T> value, const QString &option, const QString &expected)
{
    if (!value)
        throw Error(ErrorKind::Io, QStringLiteral("--") + option, QStringLiteral("must be %1").arg(expected));
    return *value;
}

QJsonObject noteJson(Vault &v, const model::Note &n)
{
    const QJsonArray sections = model::sectionsJsonArray(n.sections);
    QJsonArray addenda;
    for (const auto &a : v.notes().addenda(n.id))
        addenda.append(QJsonObject{{QStringLiteral("id"), static_cast<double>(a.id)},
                                   {QStringLiteral("author"), a.author},
                                   {QStringLiteral("text"), a.text},
                                   {QStringLiteral("signed_at"), a.signedAt},
                                   {QStringLiteral("content_hash"), a.contentHash}});
    QJsonArray comments;
    for (const auto &c : v.supervision().comments(n.id))
        comments.append(QJsonObject{{QStringLiteral("id"), static_cast<double>(c.id)},
                                    {QStringLiteral("author"), c.author},
                                    {QStringLiteral("returned"), c.returned},
                                    {QStringLiteral("text"), c.text},
                                    {QStringLiteral("created"), c.created}});
    return {{QStringLiteral("id"), static_cast<double>(n.id)},
            {QStringLiteral("session"), static_cast<double>(n.sessionId)},
            {QStringLiteral("client"), n.clientCode},
            {QStringLiteral("date"), model::toIso(n.sessionDate)},
            {QStringLiteral("author"), n.author},
            {QStringLiteral("template"), n.templateId},
            {QStringLiteral("kind"), model::toString(n.kind)},
            {QStringLiteral("status"), model::toString(n.status)},
            {QStringLiteral("sections"), sections},
            {QStringLiteral("text"), n.text()},
            {QStringLiteral("signed_by"), n.signedBy},
            {QStringLiteral("signed_at"), n.signedAt},
            {QStringLiteral("content_hash"), n.contentHash},
            {QStringLiteral("cosigned_by"), n.cosignedBy},
            {QStringLiteral("cosigned_at"), n.cosignedAt},
            {QStringLiteral("cosign_hash"), n.cosignHash},
            {QStringLiteral("complete"), n.complete()},
            {QStringLiteral("addenda"), addenda},
            {QStringLiteral("comments"), comments}};
}

// ---- commands --------------------------------------------------------------------------------

int cmdInit(const Args &args)
{
    const QString name = user(args);
    const auto role = parsed(model::parseRole(args.value(QStringLiteral("role"), QStringLiteral("therapist"))),
                             QStringLiteral("role"), QStringLiteral("therapist, supervisor or auditor"));
    auto created = Vault::create(vaultDir(args), name, passphrase(args), role);
    const SecretBuffer key = created.recoveryKey.display();
    const std::string_view keyText(reinterpret_cast<const char *>(key.data()), key.size());
    if (args.has(QStringLiteral("recovery-key-file"))) {
        const QByteArray path = QFile::encodeName(args.value(QStringLiteral("recovery-key-file")));
        const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        if (fd < 0 || ::write(fd, keyText.data(), keyText.size()) != static_cast<ssize_t>(keyText.size())
            || ::write(fd, "\n", 1) != 1 || ::fsync(fd) != 0) {
            if (fd >= 0)
                ::close(fd);
            throw Error(ErrorKind::Io, QStringLiteral("recovery key file"), QStringLiteral("cannot be written"));
        }
        ::close(fd);
        std::fprintf(stderr, "Vault created. The recovery key was written to the file you named: keep it offline.\n");
    } else {
        std::fprintf(stderr, "Vault created. Write down this recovery key and keep it somewhere safe; it is shown "
                             "once and opens the vault if a passphrase is forgotten:\n");
        std::fwrite(keyText.data(), 1, keyText.size(), stdout);
        std::fputs("\n", stdout);
    }
    return 0;
}

int cmdUser(const Args &args)
{
    const QString sub = args.word(1);
    auto v = openVault(args);
    if (sub == QLatin1String("add")) {
        const auto role = parsed(model::parseRole(args.required(QStringLiteral("role"))), QStringLiteral("role"),
                                 QStringLiteral("therapist, supervisor or auditor"));
        const SecretBuffer newPass = readSecretLine(args.required(QStringLiteral("new-passphrase-file")),
                                                    QStringLiteral("new passphrase file"));
        v->addUser(args.required(QStringLiteral("name")), role, newPass);
        return 0;
    }
    if (sub == QLatin1String("list")) {
        QJsonArray list;
        for (const auto &u : v->users()) {
            list.append(QJsonObject{{QStringLiteral("name"), u.name}, {QStringLiteral("role"), model::toString(u.role)},
                                    {QStringLiteral("created"), u.created}});
            if (!args.json())
                print(u.name + QLatin1Char('\t') + model::toString(u.role));
        }
        if (args.json())
            printJson(list);
        return 0;
    }
    usage(QStringLiteral("user"), QStringLiteral("expects 'add' or 'list'"));
}

int cmdPasswd(const Args &args)
{
    auto v = openVault(args);
    v->changePassphrase(readSecretLine(args.required(QStringLiteral("new-passphrase-file")),
                                       QStringLiteral("new passphrase file")));
    return 0;
}

int cmdRecover(const Args &args)
{
    const SecretBuffer keyText = readSecretLine(args.required(QStringLiteral("recovery-key-file")),
                                                QStringLiteral("recovery key file"));
    const auto key = vault::RecoveryKey::parse(
        std::string_view(reinterpret_cast<const char *>(keyText.data()), keyText.size()));
    Vault::recover(vaultDir(args), user(args), key,
                   readSecretLine(args.required(QStringLiteral("new-passphrase-file")),
                                  QStringLiteral("new passphrase file")));
    std::fprintf(stderr, "The passphrase was reset.\n");
    return 0;
}

int cmdClient(const Args &args)
{
    const QString sub = args.word(1);
    if (sub != QLatin1String("add") && sub != QLatin1String("list") && sub != QLatin1String("summary"))
        usage(QStringLiteral("client"), QStringLiteral("expects 'add', 'list' or 'summary'"));
    if (sub == QLatin1String("summary")) {
        const QString code = args.required(QStringLiteral("client"));
        QString text;
        if (args.has(QStringLiteral("text-file")))
            text = readTextFile(args.value(QStringLiteral("text-file")), QStringLiteral("text file"));
        auto v = openVault(args);
        if (args.has(QStringLiteral("text-file"))) {
            v->clients().setShareableSummary(code, text);
            return 0;
        }
        const auto summary = v->clients().shareableSummary(code);
        if (args.json())
            printJson(summary ? QJsonObject{{QStringLiteral("text"), summary->text},
                                            {QStringLiteral("author"), summary->author},
                                            {QStringLiteral("updated"), summary->updated}}
                              : QJsonObject{});
        else if (summary)
            print(summary->text);
        return 0;
    }
    auto v = openVault(args);
    if (sub == QLatin1String("add")) {
        model::Client c;
        c.code = args.required(QStringLiteral("code"));
        c.displayName = args.required(QStringLiteral("name"));
        if (args.has(QStringLiteral("setting")))
            c.setting = parsed(model::parseSetting(args.value(QStringLiteral("setting"))), QStringLiteral("setting"),
                               QStringLiteral("residential, outpatient, aftercare or telehealth"));
        if (args.has(QStringLiteral("intake")))
            c.intakeDate = parsed(model::parseDate(args.value(QStringLiteral("intake"))), QStringLiteral("intake"),
                                  QStringLiteral("a real date as YYYY-MM-DD"));
        c.consentPart2 = args.has(QStringLiteral("part2-consent"));
        v->clients().add(c);
        return 0;
    }
    QJsonArray list;
    for (const auto &c : v->clients().list()) {
        list.append(QJsonObject{{QStringLiteral("code"), c.code},
                                {QStringLiteral("name"), c.displayName},
                                {QStringLiteral("status"), model::toString(c.status)},
                                {QStringLiteral("setting"), c.setting ? model::toString(*c.setting) : QString()}});
        if (!args.json())
            print(c.code + QLatin1Char('\t') + c.displayName + QLatin1Char('\t') + model::toString(c.status));
    }
    if (args.json())
        printJson(list);
    return 0;
}

int cmdSession(const Args &args)
{
    if (args.word(1) != QLatin1String("add"))
        usage(QStringLiteral("session"), QStringLiteral("expects 'add'"));
    model::Session s;
    s.date = parsed(model::parseDate(args.required(QStringLiteral("date"))), QStringLiteral("date"),
                    QStringLiteral("a real date as YYYY-MM-DD"));
    if (args.has(QStringLiteral("time")))
        s.start = parsed(model::parseTime(args.value(QStringLiteral("time"))), QStringLiteral("time"),
                         QStringLiteral("a time as HH:MM"));
    if (args.has(QStringLiteral("minutes"))) {
        bool ok = false;
        s.minutes = args.value(QStringLiteral("minutes")).toInt(&ok);
        if (!ok)
            throw Error(ErrorKind::Io, QStringLiteral("--minutes"), QStringLiteral("must be a whole number"));
    }
    const QStringList codes = args.values(QStringLiteral("client"));
    if (codes.isEmpty())
        usage(QStringLiteral("session add"), QStringLiteral("--client is required"));
    s.modality = parsed(model::parseModality(args.value(QStringLiteral("modality"),
                                                        codes.size() > 1 ? QStringLiteral("group")
                                                                         : QStringLiteral("individual"))),
                        QStringLiteral("modality"), QStringLiteral("individual, group, couple or family"));
    if (args.has(QStringLiteral("setting")))
        s.setting = parsed(model::parseSetting(args.value(QStringLiteral("setting"))), QStringLiteral("setting"),
                           QStringLiteral("residential, outpatient, aftercare or telehealth"));
    const auto attendance = parsed(model::parseAttendance(args.value(QStringLiteral("attendance"),
                                                                     QStringLiteral("attended"))),
                                   QStringLiteral("attendance"), QStringLiteral("attended, late, no-show or cancelled"));
    // QMultiHash returns the most recent value first; keep the order the user typed.
    for (auto it = codes.crbegin(); it != codes.crend(); ++it)
        s.attendees.append({0, *it, attendance});
    const auto kind = parsed(model::parseNoteKind(args.value(QStringLiteral("kind"), QStringLiteral("progress"))),
                             QStringLiteral("kind"), QStringLiteral("progress or process"));
    const QString templateId = args.value(QStringLiteral("template"),
                                          kind == model::NoteKind::Process ? QStringLiteral("process")
                                                                           : QStringLiteral("free"));
    const QString text = readTextFile(args.required(QStringLiteral("note-file")), QStringLiteral("note file"));
    auto v = openVault(args);
    const auto created = v->notes().addSession(s, templateId, kind, model::sectionsFromText(text, templateId));
    if (args.json()) {
        if (created.notes.size() == 1) {
            printJson(QJsonObject{{QStringLiteral("session"), static_cast<double>(created.session)},
                                  {QStringLiteral("note"), static_cast<double>(created.notes.first())}});
        } else {
            QJsonArray notes;
            for (auto id : created.notes)
                notes.append(static_cast<double>(id));
            printJson(QJsonObject{{QStringLiteral("session"), static_cast<double>(created.session)},
                                  {QStringLiteral("notes"), notes}});
        }
    } else {
        QStringList ids;
        for (auto id : created.notes)
            ids << QString::number(id);
        print(QStringLiteral("session %1 note %2").arg(created.session).arg(ids.join(QLatin1Char(','))));
    }
    return 0;
}

int cmdNote(const Args &args)
{
    const QString sub = args.word(1);
    const model::Id id = parseId(args.word(2), QStringLiteral("note ") + sub);
    static const QStringList known = {QStringLiteral("show"),   QStringLiteral("edit"),   QStringLiteral("sign"),
                                      QStringLiteral("verify"), QStringLiteral("addendum"), QStringLiteral("cosign"),
                                      QStringLiteral("return"), QStringLiteral("comment")};
    if (!known.contains(sub))
        usage(QStringLiteral("note"), QStringLiteral("expects show, edit, sign, verify, addendum, cosign, return or comment"));
    QString text;
    if (sub == QLatin1String("edit"))
        text = readTextFile(args.required(QStringLiteral("note-file")), QStringLiteral("note file"));
    if (sub == QLatin1String("addendum") || sub == QLatin1String("comment"))
        text = readTextFile(args.required(QStringLiteral("text-file")), QStringLiteral("text file"));
    if (sub == QLatin1String("return"))
        text = readTextFile(args.required(QStringLiteral("comment-file")), QStringLiteral("comment file"));
    auto v = openVault(args);
    if (sub == QLatin1String("show")) {
        const model::Note n = v->notes().read(id);
        if (args.json()) {
            printJson(noteJson(*v, n));
        } else {
            print(QStringLiteral("Note %1 · %2 · %3 · %4 note (%5) · %6")
                      .arg(n.id)
                      .arg(n.clientCode, model::toIso(n.sessionDate), model::toString(n.kind), n.templateId,
                           model::toString(n.status)));
            print(n.text());
            if (n.status != model::NoteStatus::Draft)
                print(QStringLiteral("Signed by %1 at %2 (SHA-256 %3)").arg(n.signedBy, n.signedAt, n.contentHash));
            if (n.status == model::NoteStatus::Cosigned)
                print(QStringLiteral("Co-signed by %1 at %2 (SHA-256 %3)").arg(n.cosignedBy, n.cosignedAt, n.cosignHash));
            else if (n.status == model::NoteStatus::Signed && n.cosignRequired)
                print(QStringLiteral("Not complete: the author's supervision requires a co-signature"));
            for (const auto &a : v->notes().addenda(n.id))
                print(QStringLiteral("Addendum by %1 at %2:\n%3").arg(a.author, a.signedAt, a.text));
            for (const auto &c : v->supervision().comments(n.id))
                print(QStringLiteral("%1 by %2 at %3:\n%4")
                          .arg(c.returned ? QStringLiteral("Returned") : QStringLiteral("Comment"), c.author, c.created, c.text));
        }
    } else if (sub == QLatin1String("edit")) {
        const model::Note n = v->notes().read(id);
        v->notes().saveDraft(id, model::sectionsFromText(text, n.templateId));
    } else if (sub == QLatin1String("sign")) {
        v->notes().sign(id);
    } else if (sub == QLatin1String("cosign")) {
        v->supervision().cosign(id);
    } else if (sub == QLatin1String("return")) {
        const auto comment = v->supervision().returnNote(id, text);
        if (args.json())
            printJson(QJsonObject{{QStringLiteral("comment"), static_cast<double>(comment)}});
    } else if (sub == QLatin1String("comment")) {
        const auto comment = v->supervision().comment(id, text);
        if (args.json())
            printJson(QJsonObject{{QStringLiteral("comment"), static_cast<double>(comment)}});
    } else if (sub == QLatin1String("verify")) {
        if (!v->notes().verifySignature(id))
            throw Error(ErrorKind::Damaged, QStringLiteral("note verify"),
                        QStringLiteral("the note is unsigned or its content does not match its signature"));
        print(QStringLiteral("ok"));
    } else {
        const auto addendum = v->notes().addAddendum(id, text);
        if (args.json())
            printJson(QJsonObject{{QStringLiteral("addendum"), static_cast<double>(addendum)}});
    }
    return 0;
}

int cmdSearch(const Args &args)
{
    QStringList words;
    for (qsizetype i = 1; i < args.wordCount(); ++i)
        words << args.word(i);
    if (words.isEmpty())
        usage(QStringLiteral("search"), QStringLiteral("needs words to search for"));
    auto v = openVault(args);
    QJsonArray list;
    for (const auto &h : v->search().notes(words.join(QLatin1Char(' ')))) {
        list.append(QJsonObject{{QStringLiteral("note"), static_cast<double>(h.noteId)},
                                {QStringLiteral("client"), h.clientCode},
                                {QStringLiteral("date"), model::toIso(h.sessionDate)},
                                {QStringLiteral("kind"), model::toString(h.kind)},
                                {QStringLiteral("snippet"), h.snippet}});
        if (!args.json())
            print(QStringLiteral("%1\t%2\t%3\t%4").arg(h.noteId).arg(h.clientCode, model::toIso(h.sessionDate), h.snippet));
    }
    if (args.json())
        printJson(list);
    return 0;
}

int cmdExport(const Args &args)
{
    const QString code = args.required(QStringLiteral("client"));
    const QString out = args.required(QStringLiteral("out"));
    auto v = openVault(args);
    const QJsonObject record = v->records().exportClient(code, args.has(QStringLiteral("include-process-notes")));
    vault::writeFileAtomically(out, QJsonDocument(record).toJson(QJsonDocument::Indented));
    return 0;
}

int cmdImport(const Args &args)
{
    const QString what = QStringLiteral("import");
    // "import --json FILE": --json is also the global flag, so the file arrives as a word.
    const QString jsonValue = args.value(QStringLiteral("json"));
    const QString recordFile = jsonValue != QLatin1String("1") ? jsonValue : args.word(1);
    const bool csv = args.has(QStringLiteral("csv"));
    const bool folder = args.has(QStringLiteral("folder"));
    const bool record = !csv && !folder && args.json() && !recordFile.isEmpty();
    if (int(csv) + int(folder) + int(record) != 1 || (!record && args.wordCount() > 1))
        usage(what, QStringLiteral("give one of --csv FILE, --folder DIR or --json FILE"));

    if (record) {
        if (args.has(QStringLiteral("dry-run")) || args.has(QStringLiteral("create-clients")))
            usage(what, QStringLiteral("--dry-run and --create-clients are for --csv and --folder"));
        QFile in(recordFile);
        if (!in.open(QIODevice::ReadOnly))
            throw Error(ErrorKind::Io, what, QStringLiteral("the file cannot be read"));
        QJsonParseError parseError{};
        const QJsonDocument doc = QJsonDocument::fromJson(in.readAll(), &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject())
            throw Error(ErrorKind::Io, what, QStringLiteral("the file is not a JSON object (at byte %1)").arg(parseError.offset));
        auto v = openVault(args);
        const vault::ClientImported done = v->records().importClient(doc.object());
        QString line = QStringLiteral("imported the client record: %1 sessions, %2 notes, %3 measures")
                           .arg(done.sessions)
                           .arg(done.notes)
                           .arg(done.measures);
        if (!done.recordedNames.isEmpty())
            line += QStringLiteral("; kept as recorded names (not users of this vault): %1")
                        .arg(done.recordedNames.join(QStringLiteral(", ")));
        print(line);
        return 0;
    }

    uc::import::ImportParse parse;
    if (csv) {
        QFile in(args.value(QStringLiteral("csv")));
        if (!in.open(QIODevice::ReadOnly))
            throw Error(ErrorKind::Io, what, QStringLiteral("the file cannot be read"));
        parse = import::parseCsv(in.readAll());
    } else {
        parse = import::parseFolder(args.value(QStringLiteral("folder")));
    }
    const bool dryRun = args.has(QStringLiteral("dry-run"));
    auto v = openVault(args);
    const import::ImportResult r =
        uc::import::importRows(*v, parse, args.has(QStringLiteral("create-clients")), dryRun);
    if (args.json()) {
        QJsonArray errors;
        for (const import::ImportError &e : r.errors) {
            QJsonObject o{{QStringLiteral("field"), e.field}, {QStringLiteral("reason"), e.reason}};
            if (e.file.isEmpty())
                o.insert(QStringLiteral("line"), e.line);
            else
                o.insert(QStringLiteral("file"), e.file);
            errors.append(o);
        }
        printJson(QJsonObject{{QStringLiteral("ok"), r.ok},
                              {QStringLiteral("dry_run"), r.dryRun},
                              {QStringLiteral("rows"), r.rows},
                              {QStringLiteral("notes"), r.notes},
                              {QStringLiteral("clients_created"), QJsonArray::fromStringList(r.clientsCreated)},
                              {QStringLiteral("errors"), errors}});
    } else if (!r.ok) {
        for (const import::ImportError &e : r.errors)
            std::fprintf(stderr, "undercurrent-cli: import: %s\n", import::describe(e).toUtf8().constData());
    } else {
        const QString created = r.clientsCreated.isEmpty()
            ? QString()
            : QStringLiteral(" (%1 new clients: %2)").arg(r.clientsCreated.size()).arg(r.clientsCreated.join(QStringLiteral(", ")));
        if (dryRun)
            print(QStringLiteral("%1 notes for %2 clients would be imported%3; nothing was changed (dry run)")
                      .arg(r.notes)
                      .arg(r.clients)
                      .arg(created));
        else
            print(QStringLiteral("imported %1 notes for %2 clients%3, as drafts of %4: review and sign them")
                      .arg(r.notes)
                      .arg(r.clients)
                      .arg(created, v->currentUser().name));
    }
    if (!r.ok) {
        QSet<QString> bad;
        for (const import::ImportError &e : r.errors)
            bad.insert(e.file.isEmpty() ? QString::number(e.line) : e.file);
        throw Error(ErrorKind::Io, what,
                    r.rows > 0 ? QStringLiteral("%1 bad rows of %2; nothing was imported").arg(bad.size()).arg(r.rows)
                               : QStringLiteral("nothing was imported"));
    }
    return 0;
}

int cmdBackup(const Args &args)
{
    const QString out = args.required(QStringLiteral("out"));
    auto v = openVault(args);
    v->backup().write(out);
    return 0;
}

int cmdRestore(const Args &args)
{
    const QString from = args.required(QStringLiteral("from"));
    const QString to = args.required(QStringLiteral("to"));
    const QString name = user(args);
    Vault::restore(from, to, name, passphrase(args));
    return 0;
}

QByteArray readStdin()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        throw Error(ErrorKind::Io, QStringLiteral("tag"), QStringLiteral("standard input cannot be read"));
    return in.readAll();
}

int cmdTag(const Args &args)
{
    themes::Codebook book = themes::Codebook::builtin();
    if (args.has(QStringLiteral("codebook"))) {
        QFile f(args.value(QStringLiteral("codebook")));
        if (!f.open(QIODevice::ReadOnly))
            throw Error(ErrorKind::Io, QStringLiteral("--codebook"), QStringLiteral("the file cannot be read"));
        book = themes::Codebook::parse(f.readAll());
    }
    const themes::Tagger tagger(book);
    const QByteArray input = readStdin();
    if (!args.has(QStringLiteral("jsonl"))) {
        printJson(tagger.tag(std::string_view(input.constData(), static_cast<std::size_t>(input.size()))).toJson());
        return 0;
    }
    // Every line is checked before anything is printed: a bad line changes nothing downstream.
    QList<QJsonObject> requests;
    int lineNo = 0;
    for (const QByteArray &line : input.split('\n')) {
        ++lineNo;
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError error{};
        const QJsonObject o = QJsonDocument::fromJson(line, &error).object();
        if (error.error != QJsonParseError::NoError || !o.value(QLatin1String("text")).isString())
            throw Error(ErrorKind::Io, QStringLiteral("tag"),
                        QStringLiteral("line %1: expected {\"id\":…,\"text\":\"…\"}").arg(lineNo));
        requests.append(o);
    }
    for (const QJsonObject &o : std::as_const(requests)) {
        const QJsonObject result = tagger.tag(o.value(QLatin1String("text")).toString()).toJson();
        const QByteArray bytes = QJsonDocument(QJsonObject{{QStringLiteral("id"), o.value(QLatin1String("id"))},
                                                          {QStringLiteral("themes"), result.value(QLatin1String("themes"))},
                                                          {QStringLiteral("excluded"), result.value(QLatin1String("excluded"))}})
                                     .toJson(QJsonDocument::Compact);
        std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stdout);
        std::fputs("\n", stdout);
    }
    return 0;
}

int cmdMeasure(const Args &args)
{
    const QString sub = args.word(1);
    if (sub == u"add") {
        const QString code = args.required(QStringLiteral("client"));
        const auto date = parsed(model::parseDate(args.required(QStringLiteral("date"))), QStringLiteral("date"),
                                 QStringLiteral("a date as YYYY-MM-DD"));
        const QString instrument = args.required(QStringLiteral("instrument"));
        const QList<int> answers = model::parseAnswers(instrument, args.required(QStringLiteral("answers")));
        const model::Score scored = model::score(instrument, answers); // refused before unlocking
        auto v = openVault(args);
        const model::Id id = v->measures().add(code, date, instrument, answers);
        const model::Instrument *info = model::findInstrument(instrument);
        if (args.json()) {
            printJson(QJsonObject{{QStringLiteral("id"), static_cast<double>(id)},
                                  {QStringLiteral("instrument"), instrument},
                                  {QStringLiteral("date"), model::toIso(date)},
                                  {QStringLiteral("total"), scored.total},
                                  {QStringLiteral("band"), scored.band}});
        } else {
            print(QStringLiteral("%1 on %2: total %3, %4").arg(info->name, model::toIso(date)).arg(scored.total)
                      .arg(model::bandLabel(scored.band)));
        }
        return 0;
    }
    if (sub == u"list") {
        const QString code = args.required(QStringLiteral("client"));
        auto v = openVault(args);
        if (!v->clients().find(code))
            usage(QStringLiteral("measure list"), QStringLiteral("no client with that code"));
        QJsonArray list;
        for (const model::Measure &m : v->measures().forClient(code)) {
            if (args.json()) {
                QJsonArray answers;
                for (int a : m.answers)
                    answers.append(a);
                list.append(QJsonObject{{QStringLiteral("id"), static_cast<double>(m.id)},
                                        {QStringLiteral("date"), model::toIso(m.date)},
                                        {QStringLiteral("instrument"), m.instrument},
                                        {QStringLiteral("answers"), answers},
                                        {QStringLiteral("total"), m.total},
                                        {QStringLiteral("band"), m.band}});
            } else {
                const model::Instrument *info = model::findInstrument(m.instrument);
                print(QStringLiteral("%1  %2  %3  %4")
                          .arg(model::toIso(m.date), (info ? info->name : m.instrument).leftJustified(7))
                          .arg(m.total, 2)
                          .arg(model::bandLabel(m.band)));
            }
        }
        if (args.json())
            printJson(list);
        return 0;
    }
    usage(QStringLiteral("measure"), QStringLiteral("expects 'add' or 'list'"));
}

int cmdPatterns(const Args &args)
{
    patterns::Query query;
    query.by = parsed(patterns::parseBucketing(args.required(QStringLiteral("by"))), QStringLiteral("by"),
                      QStringLiteral("session, week, month or quarter"));
    if (args.has(QStringLiteral("from")))
        query.from = parsed(model::parseDate(args.value(QStringLiteral("from"))), QStringLiteral("from"),
                            QStringLiteral("a date as YYYY-MM-DD"));
    if (args.has(QStringLiteral("to")))
        query.to = parsed(model::parseDate(args.value(QStringLiteral("to"))), QStringLiteral("to"),
                          QStringLiteral("a date as YYYY-MM-DD"));
    if (query.from && query.to && *query.to < *query.from)
        usage(QStringLiteral("patterns"), QStringLiteral("--from is later than --to"));
    const bool caseload = args.has(QStringLiteral("caseload"));
    if (caseload == args.has(QStringLiteral("client")))
        usage(QStringLiteral("patterns"), QStringLiteral("give --client C or --caseload"));
    if (caseload && query.by == patterns::Bucketing::Session)
        usage(QStringLiteral("patterns"), QStringLiteral("a caseload is bucketed by week, month or quarter"));
    auto v = openVault(args);
    QJsonObject out;
    if (caseload) {
        std::optional<model::Id> therapist;
        QString subject = QStringLiteral("all");
        if (args.has(QStringLiteral("therapist"))) {
            subject = args.value(QStringLiteral("therapist"));
            for (const model::User &u : v->users()) {
                if (u.name == subject)
                    therapist = u.id;
            }
            if (!therapist)
                usage(QStringLiteral("patterns"), QStringLiteral("no user with that name"));
        }
        out = patterns::toJson(patterns::analyseCaseload(v->histories().caseload(therapist), query), QStringLiteral("caseload"), subject);
    } else {
        const QString code = args.value(QStringLiteral("client"));
        const bool process = args.has(QStringLiteral("include-process-notes"));
        out = patterns::toJson(patterns::analyse(v->histories().client(code, process), query),
                               QStringLiteral("client"), code);
    }
    if (args.json()) {
        printJson(out);
        return 0;
    }
    // Plain words for a terminal: the summary and the findings; --json has every bucket.
    print(QStringLiteral("%1 by %2, %3 to %4: %5 sessions attended, %6 missed")
              .arg(caseload ? QStringLiteral("caseload") : out.value(QLatin1String("client")).toString(),
                   out.value(QLatin1String("by")).toString(), out.value(QLatin1String("from")).toString(),
                   out.value(QLatin1String("to")).toString())
              .arg(out.value(QLatin1String("attendance")).toObject().value(QLatin1String("attended")).toInt())
              .arg(out.value(QLatin1String("attendance")).toObject().value(QLatin1String("missed")).toInt()));
    const QJsonObject summary = out.value(QLatin1String("summary")).toObject();
    for (auto it = summary.begin(); it != summary.end(); ++it) {
        const QJsonObject t = it.value().toObject();
        QString line = QStringLiteral("  %1  %2 sessions, %3 to %4")
                           .arg(it.key().leftJustified(24))
                           .arg(t.value(QLatin1String("sessions")).toInt())
                           .arg(t.value(QLatin1String("first_seen")).toString(), t.value(QLatin1String("last_seen")).toString());
        if (t.contains(QLatin1String("trend"))) {
            const QJsonObject r = t.value(QLatin1String("recurrence")).toObject();
            line += QStringLiteral("; %1 of the last %2; %3")
                        .arg(r.value(QLatin1String("in")).toInt())
                        .arg(r.value(QLatin1String("last")).toInt())
                        .arg(t.value(QLatin1String("trend")).toString());
        }
        print(line);
    }
    // Findings only: a theme followed by use or relapse more often than the base rate (--json has all).
    for (const QJsonValue &value : out.value(QLatin1String("leadlag")).toArray()) {
        const QJsonObject l = value.toObject();
        const double share = double(l.value(QLatin1String("count")).toInt()) / l.value(QLatin1String("of")).toInt(1);
        if (l.value(QLatin1String("of")).toInt() < 2 || share <= l.value(QLatin1String("base_rate")).toDouble())
            continue;
        print(QStringLiteral("  %1 preceded %2 in %3 of %4 sessions (base rate %5%)")
                  .arg(l.value(QLatin1String("theme")).toString(), l.value(QLatin1String("followed_by")).toString())
                  .arg(l.value(QLatin1String("count")).toInt())
                  .arg(l.value(QLatin1String("of")).toInt())
                  .arg(qRound(l.value(QLatin1String("base_rate")).toDouble() * 100)));
    }
    return 0;
}

int cmdDemo(const Args &args)
{
    const QString dir = args.required(QStringLiteral("vault"));
    bool ok = true;
    const uint seed = args.value(QStringLiteral("seed"), QStringLiteral("1")).toUInt(&ok);
    if (!ok)
        usage(QStringLiteral("--seed"), QStringLiteral("must be a whole number"));
    const bool ownPassphrase = args.has(QStringLiteral("passphrase-file"));
    const SecretBuffer secret = ownPassphrase
        ? readSecretLine(args.value(QStringLiteral("passphrase-file")), QStringLiteral("passphrase file"))
        : SecretBuffer::copyOf(std::span<const unsigned char>(
              reinterpret_cast<const unsigned char *>(demo::defaultPassphrase), std::strlen(demo::defaultPassphrase)));
    const demo::DemoPractice made = demo::createDemoPractice(dir, secret, seed);
    print(QStringLiteral("Demo practice created in %1: %2 clients, %3 sessions, %4 notes, %5 measures (fictional).")
              .arg(QDir::toNativeSeparators(dir))
              .arg(made.clients.size())
              .arg(made.sessions)
              .arg(made.notes)
              .arg(made.measures));
    print(QStringLiteral("User: %1").arg(made.user));
    if (!ownPassphrase)
        print(QStringLiteral("Passphrase: %1").arg(QString::fromLatin1(demo::defaultPassphrase)));
    for (const demo::DemoClient &c : made.clients)
        print(QStringLiteral("  %1  %2").arg(c.code, c.story));
    return 0;
}

int cmdAudit(const Args &args)
{
    const QString sub = args.word(1);
    if (sub == u"verify") {
        auto v = openVault(args);
        const vault::AuditCheck check = v->auditTrail().verify();
        if (!check.whole) {
            const QString where = check.broken == 0 ? QStringLiteral("the trail's head")
                                                    : QStringLiteral("entry %1").arg(check.broken);
            throw Error(ErrorKind::Damaged, QStringLiteral("audit verify"),
                        QStringLiteral("broken at %1: %2").arg(where, check.reason));
        }
        if (args.json())
            printJson(QJsonObject{{QStringLiteral("whole"), true}, {QStringLiteral("entries"), static_cast<double>(check.count)}});
        else
            print(QStringLiteral("audit trail whole: %1 entries").arg(check.count));
        return 0;
    }
    if (sub == u"export") {
        const QString out = args.required(QStringLiteral("out"));
        vault::AuditFilter filter;
        if (args.has(QStringLiteral("since")) && args.has(QStringLiteral("from")))
            usage(QStringLiteral("audit export"), QStringLiteral("give --from or --since, not both"));
        const QString fromOption = args.has(QStringLiteral("from")) ? QStringLiteral("from") : QStringLiteral("since");
        if (args.has(fromOption))
            filter.since = model::toIso(parsed(model::parseDate(args.value(fromOption)), fromOption,
                                               QStringLiteral("a date as YYYY-MM-DD")));
        if (args.has(QStringLiteral("to")))
            filter.until = model::toIso(parsed(model::parseDate(args.value(QStringLiteral("to"))), QStringLiteral("to"),
                                               QStringLiteral("a date as YYYY-MM-DD")));
        if (!filter.since.isEmpty() && !filter.until.isEmpty() && filter.until < filter.since)
            usage(QStringLiteral("audit export"), QStringLiteral("--from is after --to"));
        filter.user = args.secondValue(QStringLiteral("user"));
        auto v = openVault(args);
        if (out.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)) {
            const qsizetype n = reports::writeAuditPdf(*v, filter, out);
            print(QStringLiteral("%1 entries written").arg(n));
            return 0;
        }
        const qsizetype n = v->auditTrail().exportCsv(filter, out);
        print(QStringLiteral("%1 entries written").arg(n));
        return 0;
    }
    if (sub == u"list") {
        vault::AuditFilter filter;
        if (args.has(QStringLiteral("since")))
            filter.since = model::toIso(parsed(model::parseDate(args.value(QStringLiteral("since"))), QStringLiteral("since"),
                                               QStringLiteral("a date as YYYY-MM-DD")));
        filter.user = args.secondValue(QStringLiteral("user"));
        auto v = openVault(args);
        const QList<vault::AuditEntry> entries = v->auditTrail().entries(filter);
        QJsonArray list;
        for (const vault::AuditEntry &e : entries) {
            if (args.json()) {
                list.append(QJsonObject{{QStringLiteral("seq"), static_cast<double>(e.seq)},
                                        {QStringLiteral("at"), e.at},
                                        {QStringLiteral("user"), e.user},
                                        {QStringLiteral("action"), e.action},
                                        {QStringLiteral("object"), e.object},
                                        {QStringLiteral("detail"), e.detail},
                                        {QStringLiteral("hash"), e.hash}});
            } else {
                print(QStringLiteral("%1  %2  %3  %4  %5  %6")
                          .arg(e.seq, 6)
                          .arg(e.at, e.user.leftJustified(12), e.action.leftJustified(16), e.object.leftJustified(14), e.detail));
            }
        }
        if (args.json())
            printJson(list);
        return 0;
    }
    usage(QStringLiteral("audit"), QStringLiteral("expects 'verify', 'list' or 'export'"));
}

int cmdReport(const Args &args)
{
    const QString sub = args.word(1);
    if (sub == u"client") {
        const QString code = args.required(QStringLiteral("client"));
        const QString out = args.required(QStringLiteral("out"));
        auto v = openVault(args);
        reports::writeClientReport(*v, code, out);
        print(QStringLiteral("client report written to %1").arg(QDir::toNativeSeparators(out)));
        return 0;
    }
    if (sub == u"note") {
        const model::Id id = parseId(args.word(2), QStringLiteral("report note"));
        const QString out = args.required(QStringLiteral("out"));
        auto v = openVault(args);
        reports::writeNoteReport(*v, id, out);
        print(QStringLiteral("note %1 written to %2").arg(id).arg(QDir::toNativeSeparators(out)));
        return 0;
    }
    if (sub == u"supervision") {
        const QString therapist = args.required(QStringLiteral("therapist"));
        const auto from = parsed(model::parseDate(args.required(QStringLiteral("from"))), QStringLiteral("from"),
                                 QStringLiteral("a date as YYYY-MM-DD"));
        const auto to = parsed(model::parseDate(args.required(QStringLiteral("to"))), QStringLiteral("to"),
                               QStringLiteral("a date as YYYY-MM-DD"));
        const QString out = args.required(QStringLiteral("out"));
        auto v = openVault(args);
        reports::writeSupervisionReport(*v, therapist, from, to, out);
        print(QStringLiteral("supervision report written to %1").arg(QDir::toNativeSeparators(out)));
        return 0;
    }
    usage(QStringLiteral("report"), QStringLiteral("expects 'client', 'note' or 'supervision'"));
}

// PDFs need fonts, so `report` and `audit export … .pdf` run on a QGuiApplication (offscreen
// unless a platform is chosen); every other command stays a QCoreApplication.
bool needsGui(int argc, char *argv[])
{
    QStringList raw;
    for (int i = 1; i < argc; ++i)
        raw.append(QString::fromLocal8Bit(argv[i]));
    try {
        const Args args(raw);
        if (args.word(0) == u"report")
            return true;
        return args.word(0) == u"audit" && args.word(1) == u"export"
            && args.value(QStringLiteral("out")).endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive);
    } catch (const Error &) {
        return false; // main reports the malformed arguments
    }
}

int cmdSupervise(const Args &args)
{
    const QString sub = args.word(1);
    if (sub == u"assign") {
        const QString therapist = args.required(QStringLiteral("therapist"));
        const QString supervisor = args.required(QStringLiteral("supervisor"));
        const auto mode = parsed(model::parseSupervisionMode(args.required(QStringLiteral("mode"))), QStringLiteral("mode"),
                                 QStringLiteral("review or must-cosign"));
        auto v = openVault(args);
        v->supervision().assign(therapist, supervisor, mode);
        print(QStringLiteral("%1 supervises %2 (%3)").arg(supervisor, therapist, model::toString(mode)));
        return 0;
    }
    if (sub == u"list") {
        auto v = openVault(args);
        QJsonArray list;
        for (const model::Supervision &s : v->supervision().assignments()) {
            if (args.json())
                list.append(QJsonObject{{QStringLiteral("therapist"), s.therapist},
                                        {QStringLiteral("supervisor"), s.supervisor},
                                        {QStringLiteral("mode"), model::toString(s.mode)},
                                        {QStringLiteral("assigned_by"), s.assignedBy},
                                        {QStringLiteral("assigned_at"), s.assignedAt}});
            else
                print(QStringLiteral("%1  supervised by %2  %3  since %4")
                          .arg(s.therapist.leftJustified(16), s.supervisor.leftJustified(16),
                               model::toString(s.mode).leftJustified(11), s.assignedAt.left(10)));
        }
        if (args.json())
            printJson(list);
        return 0;
    }
    usage(QStringLiteral("supervise"), QStringLiteral("expects 'assign' or 'list'"));
}

int cmdQueue(const Args &args)
{
    auto v = openVault(args);
    const QList<model::QueueItem> queue = v->supervision().queue();
    const model::Date today = boost::gregorian::day_clock::universal_day();
    QJsonArray list;
    for (const model::QueueItem &q : queue) {
        const auto signedOn = model::parseDate(q.signedAt.left(10));
        const int waiting = signedOn ? static_cast<int>((today - *signedOn).days()) : 0;
        const QString status = q.returned ? QStringLiteral("returned") : QStringLiteral("awaiting-cosign");
        if (args.json()) {
            list.append(QJsonObject{{QStringLiteral("note"), static_cast<double>(q.noteId)},
                                    {QStringLiteral("client"), q.clientCode},
                                    {QStringLiteral("date"), model::toIso(q.sessionDate)},
                                    {QStringLiteral("therapist"), q.therapist},
                                    {QStringLiteral("supervisor"), q.supervisor},
                                    {QStringLiteral("mode"), model::toString(q.mode)},
                                    {QStringLiteral("signed_at"), q.signedAt},
                                    {QStringLiteral("waiting_days"), waiting},
                                    {QStringLiteral("status"), status},
                                    {QStringLiteral("comments"), q.comments}});
        } else {
            print(QStringLiteral("note %1  %2  %3  %4  signed %5 (%6 days)  %7%8")
                      .arg(q.noteId, 6)
                      .arg(q.therapist.leftJustified(14), q.clientCode.leftJustified(10), model::toIso(q.sessionDate),
                           q.signedAt.left(10))
                      .arg(waiting)
                      .arg(q.returned ? QStringLiteral("returned, waiting for an addendum")
                                      : (q.mode == model::SupervisionMode::MustCosign ? QStringLiteral("co-signature required")
                                                                                       : QStringLiteral("co-signature optional")),
                           q.comments > 0 ? QStringLiteral(", %1 comments").arg(q.comments) : QString()));
        }
    }
    if (args.json())
        printJson(list);
    else if (queue.isEmpty())
        print(QStringLiteral("nothing waiting"));
    return 0;
}

QJsonArray agreementJson(const QList<themes::ThemeAgreement> &rows)
{
    QJsonArray list;
    for (const themes::ThemeAgreement &a : rows)
        list.append(QJsonObject{{QStringLiteral("theme"), a.theme},
                                {QStringLiteral("notes"), a.notes},
                                {QStringLiteral("both"), a.bothPresent},
                                {QStringLiteral("only_first"), a.onlyFirst},
                                {QStringLiteral("only_second"), a.onlySecond},
                                {QStringLiteral("neither"), a.bothAbsent},
                                {QStringLiteral("observed"), a.observed},
                                {QStringLiteral("kappa"), a.kappa ? QJsonValue(*a.kappa) : QJsonValue()}});
    return list;
}

int cmdAgreement(const Args &args)
{
    const QString sub = args.word(1);
    if (sub == u"start") {
        const QString therapist = args.required(QStringLiteral("therapist"));
        bool ok = true;
        const int sample = args.has(QStringLiteral("sample")) ? args.value(QStringLiteral("sample")).toInt(&ok) : 20;
        if (!ok)
            usage(QStringLiteral("agreement start"), QStringLiteral("--sample needs a number"));
        auto v = openVault(args);
        const vault::AgreementSample s = v->agreement().start(therapist, sample);
        QJsonArray notes;
        QStringList ids;
        for (model::Id id : s.notes) {
            notes.append(static_cast<double>(id));
            ids.append(QString::number(id));
        }
        if (args.json())
            printJson(QJsonObject{{QStringLiteral("check"), static_cast<double>(s.check)},
                                  {QStringLiteral("therapist"), s.therapist},
                                  {QStringLiteral("notes"), notes}});
        else
            print(QStringLiteral("agreement check %1: %2 notes of %3 to rate blind: %4")
                      .arg(s.check)
                      .arg(s.notes.size())
                      .arg(s.therapist, ids.join(QStringLiteral(", "))));
        return 0;
    }
    const model::Id check = parseId(args.word(2), QStringLiteral("agreement ") + sub);
    if (sub == u"rate") {
        const model::Id note = parseId(args.required(QStringLiteral("note")), QStringLiteral("agreement rate --note"));
        if (!args.has(QStringLiteral("themes")))
            usage(QStringLiteral("agreement rate"), QStringLiteral("--themes is required (empty for none)"));
        const QStringList themes = args.value(QStringLiteral("themes")).split(u',', Qt::SkipEmptyParts);
        auto v = openVault(args);
        v->agreement().rate(check, note, themes);
        return 0;
    }
    if (sub == u"report") {
        auto v = openVault(args);
        const vault::AgreementReport r = v->agreement().report(check);
        if (args.json()) {
            printJson(QJsonObject{{QStringLiteral("check"), static_cast<double>(r.check)},
                                  {QStringLiteral("therapist"), r.therapist},
                                  {QStringLiteral("supervisor"), r.supervisor},
                                  {QStringLiteral("sampled"), r.sampled},
                                  {QStringLiteral("rated"), r.rated},
                                  {QStringLiteral("supervisor_therapist"), agreementJson(r.supervisorTherapist)},
                                  {QStringLiteral("supervisor_tagger"), agreementJson(r.supervisorTagger)},
                                  {QStringLiteral("therapist_tagger"), agreementJson(r.therapistTagger)}});
            return 0;
        }
        print(QStringLiteral("Agreement check %1: %2 of %3 notes of %4 rated by %5")
                  .arg(r.check)
                  .arg(r.rated)
                  .arg(r.sampled)
                  .arg(r.therapist, r.supervisor));
        auto kappa = [](const themes::ThemeAgreement &a) {
            return a.kappa ? QString::number(*a.kappa, 'f', 2) : QStringLiteral("n/a");
        };
        print(QStringLiteral("%1  %2  %3  %4").arg(QStringLiteral("theme").leftJustified(28), QStringLiteral("sup-ther"),
                                                   QStringLiteral("sup-tagger"), QStringLiteral("ther-tagger")));
        for (qsizetype i = 0; i < r.supervisorTherapist.size(); ++i)
            print(QStringLiteral("%1  %2  %3  %4")
                      .arg(r.supervisorTherapist.at(i).theme.leftJustified(28), kappa(r.supervisorTherapist.at(i)).leftJustified(8),
                           kappa(r.supervisorTagger.at(i)).leftJustified(10), kappa(r.therapistTagger.at(i))));
        return 0;
    }
    usage(QStringLiteral("agreement"), QStringLiteral("expects 'start', 'rate' or 'report'"));
}

} // namespace

int main(int argc, char *argv[])
{
    const bool gui = needsGui(argc, argv);
    if (gui && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const std::unique_ptr<QCoreApplication> app =
        gui ? std::make_unique<QGuiApplication>(argc, argv) : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Undercurrent"));
    QCoreApplication::setOrganizationName(QStringLiteral("Undercurrent"));
    // Progress chatter stays out of scripts' way; warnings still reach stderr.
    QLoggingCategory::setFilterRules(QStringLiteral("undercurrent.*.info=false"));
    QStringList raw = QCoreApplication::arguments();
    raw.removeFirst();

    if (raw.contains(QLatin1String("--version"))) {
        std::fputs(qPrintable(uc::versionReport(QStringLiteral("undercurrent-cli"), {uc::vault::storageLibrary()})), stdout);
        return 0;
    }
    if (raw.isEmpty() || raw.contains(QLatin1String("--help")) || raw.contains(QLatin1String("-h"))) {
        std::fputs(usageText, raw.isEmpty() ? stderr : stdout);
        return raw.isEmpty() ? 1 : 0;
    }

    static const std::map<QString, std::function<int(const Args &)>> commands = {
        {QStringLiteral("init"), cmdInit},       {QStringLiteral("user"), cmdUser},
        {QStringLiteral("passwd"), cmdPasswd},   {QStringLiteral("recover"), cmdRecover},
        {QStringLiteral("client"), cmdClient},   {QStringLiteral("session"), cmdSession},
        {QStringLiteral("note"), cmdNote},       {QStringLiteral("search"), cmdSearch},
        {QStringLiteral("export"), cmdExport},   {QStringLiteral("backup"), cmdBackup},
        {QStringLiteral("restore"), cmdRestore}, {QStringLiteral("tag"), cmdTag},
        {QStringLiteral("measure"), cmdMeasure}, {QStringLiteral("patterns"), cmdPatterns},
        {QStringLiteral("demo"), cmdDemo},       {QStringLiteral("audit"), cmdAudit},
        {QStringLiteral("supervise"), cmdSupervise}, {QStringLiteral("queue"), cmdQueue},
        {QStringLiteral("agreement"), cmdAgreement},
        {QStringLiteral("import"), cmdImport},
        {QStringLiteral("report"), cmdReport},
    };
    try {
        const Args args(raw);
        const auto it = commands.find(args.word(0));
        if (it == commands.end())
            throw Error(ErrorKind::Usage, args.word(0).isEmpty() ? QStringLiteral("command") : args.word(0),
                        QStringLiteral("unknown command (see --help)"));
        return it->second(args);
    } catch (const Error &error) {
        std::fprintf(stderr, "undercurrent-cli: %s\n", error.message().toUtf8().constData());
        return error.exitCode();
    } catch (const std::bad_alloc &) {
        std::fprintf(stderr, "undercurrent-cli: memory: not enough memory\n");
        return 2;
    }
}
