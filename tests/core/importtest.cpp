// SPDX-License-Identifier: GPL-3.0-or-later
// Importing notes (CSV and a folder of text files) and moving a client between vaults (export,
// import): every kind of bad row refused with its line and reason and the vault untouched, a good
// file imported whole as tagged drafts, the CLI's contract, and the JSON round trip with
// signatures that still verify.
#include "clirun.h"
#include "import/importer.h"
#include "vault/keyslots.h"
#include "vault/testaccess.h"
#include "vault/vault.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

#include <sys/stat.h>
#include <unistd.h>

using namespace uc;
using namespace uc::vault;
using model::Id;

namespace {

SecretBuffer secret()
{
    return SecretBuffer::copyOf(std::string_view("import test passphrase"));
}

const QByteArray header = "client_code,date,time,minutes,modality,setting,template,kind,text\n";

// How much of the record there is, the audit trail included.
QString footprint(Vault &v)
{
    QStringList parts;
    for (const char *table : {"users", "clients", "sessions", "session_attendees", "notes", "addenda", "theme_hits",
                              "note_themes", "note_theme_counts", "measures", "client_summaries", "audit"})
        parts.append(vault::VaultTestAccess::database(v).pragmaText(std::string("SELECT count(*) FROM ") + table));
    return parts.join(u'|');
}

struct Fixture
{
    QTemporaryDir tmp;
    std::unique_ptr<Vault> vault;

    explicit Fixture(const QString &user = QStringLiteral("alice"))
    {
        vault = Vault::create(tmp.filePath(QStringLiteral("vault")), user, secret(), model::Role::Therapist,
                              KdfCost::testOnly())
                    .vault;
        model::Client c;
        c.code = QStringLiteral("C-1");
        c.displayName = QStringLiteral("Client One");
        vault->clients().add(c);
    }
};

} // namespace

class ImportTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void badRowIsRefusedWithItsLineAndReason_data();
    void badRowIsRefusedWithItsLineAndReason();
    void everyBadRowIsReportedInOneRun();
    void goodFileImportsEveryNoteAsTaggedDrafts();
    void dryRunChangesNothing();
    void unknownClientsAreCreatedOnlyWhenAsked();
    void folderOfTextFiles();
    void folderSkipsLinksAndSpecialFiles();
    void oversizedNoteIsRefused();
    void failureMidImportLeavesNothing();
    void cliContract();
    void clientRecordRoundTrips();
    void clientRecordRefusals();
    void aRecordOrCsvMustBeARegularFileOfBoundedSize();
};

void ImportTest::badRowIsRefusedWithItsLineAndReason_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("reason");

    // Line 2 holds a good record over two physical lines (a quoted line break), so the bad row,
    // when it is the third record, starts on line 4.
    const QByteArray good = "C-1,2025-03-01,14:00,50,individual,outpatient,free,progress,\"First line,\nsecond line\"\n";
    auto row = [&](const QByteArray &bad) -> QByteArray { return header + good + bad + "\n"; };
    QTest::newRow("bad date") << row("C-1,2025/03/08,,,,,,,Text") << 4 << "date" << "not a date in the form YYYY-MM-DD";
    QTest::newRow("impossible date") << row("C-1,2025-02-30,,,,,,,Text") << 4 << "date" << "no such day in the calendar";
    QTest::newRow("missing date") << row("C-1,,,,,,,,Text") << 4 << "date" << "the date is missing";
    QTest::newRow("bad time") << row("C-1,2025-03-08,24:30,,,,,,Text") << 4 << "time" << "not a time of day";
    QTest::newRow("bad minutes") << row("C-1,2025-03-08,,fifty,,,,,Text") << 4 << "minutes" << "from 1 to 1440";
    QTest::newRow("zero minutes") << row("C-1,2025-03-08,,0,,,,,Text") << 4 << "minutes" << "from 1 to 1440";
    QTest::newRow("unknown modality") << row("C-1,2025-03-08,,,solo,,,,Text") << 4 << "modality" << "unknown modality";
    QTest::newRow("unknown setting") << row("C-1,2025-03-08,,,,hospital,,,Text") << 4 << "setting" << "unknown setting";
    QTest::newRow("unknown template") << row("C-1,2025-03-08,,,,,narrative,,Text") << 4 << "template" << "unknown template";
    QTest::newRow("unknown kind") << row("C-1,2025-03-08,,,,,,diary,Text") << 4 << "kind" << "unknown kind";
    QTest::newRow("empty text") << row("C-1,2025-03-08,,,,,,,\"  \n \"") << 4 << "text" << "the text is empty";
    QTest::newRow("bad encoding") << row("C-1,2025-03-08,,,,,,,caf\xe9 au lait") << 4 << "text" << "not valid UTF-8";
    QTest::newRow("unknown client") << row("C-9,2025-03-08,,,,,,,Text") << 4 << "client_code" << "no client with that code";
    QTest::newRow("bad client code") << row("C 1/x,2025-03-08,,,,,,,Text") << 4 << "client_code" << "a client code is";
    QTest::newRow("unclosed quote") << row("C-1,2025-03-08,,,,,,,\"She said") << 4 << "csv" << "never closed";
    QTest::newRow("too few fields") << row("C-1,2025-03-08,Text") << 4 << "csv" << "the row has 3 fields; the header names 9";
    QTest::newRow("too many fields") << row("C-1,2025-03-08,,,,,,,Text,extra") << 4 << "csv" << "the row has 10 fields";
    QTest::newRow("quote in unquoted field") << row("C-1,2025-03-08,,,,,,,She said \"no\"") << 4 << "csv" << "a quote inside an unquoted field";
    QTest::newRow("text after closing quote") << row("C-1,2025-03-08,,,,,,,\"She\" said") << 4 << "csv" << "text follows a closing quote";
    QTest::newRow("unknown column") << QByteArray("client_code,date,mood,text\nC-1,2025-03-08,low,Text\n") << 1 << "header" << "column 3 is not one of";
    QTest::newRow("column twice") << QByteArray("client_code,date,text,date\nC-1,2025-03-08,Text,2025-03-08\n") << 1 << "header" << "a second time";
    QTest::newRow("required column missing") << QByteArray("client_code,text\nC-1,Text\n") << 1 << "header" << "no date column";
    QTest::newRow("empty file") << QByteArray("") << 1 << "header" << "the file is empty";
    QTest::newRow("header only") << QByteArray(header) << 1 << "csv" << "no rows";
}

void ImportTest::badRowIsRefusedWithItsLineAndReason()
{
    QFETCH(QByteArray, csv);
    QFETCH(int, line);
    QFETCH(QString, field);
    QFETCH(QString, reason);
    Fixture f;
    const QString before = footprint(*f.vault);
    const import::ImportResult r = import::importRows(*f.vault, import::parseCsv(csv), false, false);
    QVERIFY(!r.ok);
    QCOMPARE(r.notes, 0);
    QCOMPARE(r.errors.size(), 1);
    QCOMPARE(r.errors.first().line, line);
    QCOMPARE(r.errors.first().field, field);
    QVERIFY2(r.errors.first().reason.contains(reason), qPrintable(r.errors.first().reason));
    // The reason never quotes what the row held.
    QVERIFY(!r.errors.first().reason.contains(QLatin1String("She")));
    QVERIFY(!r.errors.first().reason.contains(QLatin1String("Text")));
    QCOMPARE(footprint(*f.vault), before);
}

void ImportTest::everyBadRowIsReportedInOneRun()
{
    Fixture f;
    const QString before = footprint(*f.vault);
    const QByteArray csv = header
        + "C-1,2025-03-01,,,,,,,Good\n"
          "C-1,2025-02-30,,,,,,,Bad date\n"
          "C-1,2025-03-02,,,,,,,Good\n"
          "C-1,2025-03-03,99:00,,solo,,,,Bad time and modality\n"
          "C-9,2025-03-04,,,,,,,Unknown client\n"
          "C-1,2025-03-05,,,,,,,\n";
    const import::ImportResult r = import::importRows(*f.vault, import::parseCsv(csv), false, false);
    QVERIFY(!r.ok);
    QCOMPARE(r.rows, 6);
    QStringList found;
    for (const auto &e : r.errors)
        found.append(QStringLiteral("%1 %2").arg(e.line).arg(e.field));
    QCOMPARE(found, (QStringList{QStringLiteral("3 date"), QStringLiteral("5 time"), QStringLiteral("5 modality"),
                                 QStringLiteral("6 client_code"), QStringLiteral("7 text")}));
    QCOMPARE(footprint(*f.vault), before);
}

void ImportTest::goodFileImportsEveryNoteAsTaggedDrafts()
{
    Fixture f;
    // A byte order mark, CRLF line ends, columns in another order, a quoted field with commas,
    // doubled quotes and a line break, a template's headings, a process note.
    const QByteArray csv = "\xEF\xBB\xBFtext,date,client_code,template,kind,time,minutes,setting,modality\r\n"
                           "\"She drinks when she feels abandoned, she says; \"\"every time\"\".\r\nPlan: weekly.\","
                           "2025-03-01,C-1,,,14:00,50,outpatient,individual\r\n"
                           "\"## Subjective\nCravings at night.\n## Plan\nContinue.\",2025-03-08,C-1,soap,,,,,\r\n"
                           "My own reaction: protective.,2025-03-08,C-1,,process,,,,\r\n";
    const import::ImportParse parse = import::parseCsv(csv);
    QVERIFY(parse.errors.isEmpty());
    const QString before = vault::VaultTestAccess::database(*f.vault).pragmaText("SELECT count(*) FROM notes");
    const import::ImportResult r = import::importRows(*f.vault, parse, false, false);
    QVERIFY(r.ok);
    QCOMPARE(r.notes, 3);
    QCOMPARE(r.clients, 1);
    QCOMPARE(before, QStringLiteral("0"));

    const QList<model::Note> notes = f.vault->notes().forClient(QStringLiteral("C-1"), true);
    QCOMPARE(notes.size(), 3);
    for (const model::Note &n : notes) {
        QCOMPARE(model::toString(n.status), QStringLiteral("draft"));
        QCOMPARE(n.author, QStringLiteral("alice"));
    }
    const model::Note &first = notes.at(0);
    QCOMPARE(first.sections.size(), 1);
    QCOMPARE(first.sections.first().text,
             QStringLiteral("She drinks when she feels abandoned, she says; \"every time\".\nPlan: weekly."));
    QCOMPARE(first.templateId, QStringLiteral("free"));
    const model::Session s = f.vault->notes().session(first.sessionId);
    QCOMPARE(model::toIso(*s.start), QStringLiteral("14:00"));
    QCOMPARE(model::toString(*s.setting), QStringLiteral("outpatient"));
    bool driven = false;
    for (const auto &t : f.vault->tagging().tags(first.id))
        driven = driven || t.theme == QLatin1String("abandonment-driven-use");
    QVERIFY(driven);
    // Every imported note went through the tagger (its row of counted themes exists).
    QCOMPARE(vault::VaultTestAccess::database(*f.vault).pragmaText("SELECT count(*) FROM note_themes"), QStringLiteral("3"));
    QVERIFY(vault::VaultTestAccess::database(*f.vault)
                .pragmaText("SELECT group_concat(t.theme) FROM note_theme_counts c JOIN theme_names t ON t.id = c.theme_id "
                            "WHERE c.note_id = "
                            + std::to_string(notes.at(1).id))
                .contains(QLatin1String("craving")));

    const model::Note &soap = notes.at(1);
    QCOMPARE(soap.templateId, QStringLiteral("soap"));
    QCOMPARE(soap.sections.size(), 2);
    QCOMPARE(soap.sections.at(1).title, QStringLiteral("Plan"));
    const model::Note &process = notes.at(2);
    QCOMPARE(model::toString(process.kind), QStringLiteral("process"));
    QCOMPARE(process.templateId, QStringLiteral("process"));

    // The audit trail has the import by count, never its text.
    const QList<AuditEntry> trail = f.vault->auditTrail().entries();
    const auto imported = std::find_if(trail.begin(), trail.end(), [](const AuditEntry &e) {
        return e.action == QLatin1String("import");
    });
    QVERIFY(imported != trail.end());
    QCOMPARE(imported->detail, QStringLiteral("3 draft notes for 1 clients, 0 clients created"));
    for (const AuditEntry &e : trail)
        QVERIFY(!e.detail.contains(QLatin1String("abandoned")));
}

void ImportTest::dryRunChangesNothing()
{
    Fixture f;
    const QString before = footprint(*f.vault);
    const QByteArray csv = header + "C-1,2025-03-01,,,,,,,One\nC-2,2025-03-02,,,,,,,Two\nC-3,2025-03-03,,,,,,,Three\n";
    const import::ImportResult r = import::importRows(*f.vault, import::parseCsv(csv), true, true);
    QVERIFY(r.ok);
    QVERIFY(r.dryRun);
    QCOMPARE(r.notes, 3);
    QCOMPARE(r.clients, 3);
    QCOMPARE(r.clientsCreated, (QStringList{QStringLiteral("C-2"), QStringLiteral("C-3")}));
    QCOMPARE(footprint(*f.vault), before);
}

void ImportTest::unknownClientsAreCreatedOnlyWhenAsked()
{
    Fixture f;
    const QByteArray csv = header + "C-2,2025-03-01,,,,,,,One\nC-2,2025-03-02,,,,,,,Two\nC-1,2025-03-03,,,,,,,Three\n";
    const QString before = footprint(*f.vault);
    uc::import::ImportResult r = import::importRows(*f.vault, import::parseCsv(csv), false, false);
    QVERIFY(!r.ok);
    QCOMPARE(r.errors.size(), 2); // both rows of the unknown client
    QCOMPARE(r.errors.at(0).line, 2);
    QCOMPARE(r.errors.at(1).line, 3);
    QCOMPARE(footprint(*f.vault), before);

    r = import::importRows(*f.vault, import::parseCsv(csv), true, false);
    QVERIFY(r.ok);
    QCOMPARE(r.clientsCreated, QStringList{QStringLiteral("C-2")});
    const auto created = f.vault->clients().find(QStringLiteral("C-2"));
    QVERIFY(created);
    QCOMPARE(created->displayName, QStringLiteral("C-2"));
    QCOMPARE(f.vault->notes().forClient(QStringLiteral("C-2"), false).size(), 2);
    QCOMPARE(f.vault->notes().forClient(QStringLiteral("C-1"), false).size(), 1);
}

void ImportTest::folderOfTextFiles()
{
    Fixture f;
    QTemporaryDir folder;
    auto write = [&](const QString &name, const QByteArray &content) {
        QFile file(folder.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    };
    write(QStringLiteral("C-1_2025-03-01.md"), "She drinks when she feels abandoned.\n");
    write(QStringLiteral("C-1_2025-03-08_evening.txt"), "## Data\nCravings.\n## Plan\nWeekly.\n");
    write(QStringLiteral("scan.pdf"), "%PDF-1.4 not a note"); // other kinds of file are left alone
    write(QStringLiteral(".C-1_2025-03-09.md.swp"), "editor junk");
    QDir(folder.path()).mkdir(QStringLiteral("C-1_2025-03-10.md")); // a folder, not a file
    write(QStringLiteral("C-1_2025-02-30.md"), "Impossible day.");
    write(QStringLiteral("README.md"), "Notes transcribed from paper.");
    write(QStringLiteral("C-1_2025-03-15.md"), "caf\xe9");
    write(QStringLiteral("C-1_2025-03-16.txt"), " \n ");

    const QString before = footprint(*f.vault);
    uc::import::ImportResult r = import::importRows(*f.vault, import::parseFolder(folder.path()), false, false);
    QVERIFY(!r.ok);
    QCOMPARE(r.rows, 6);
    QStringList found;
    for (const auto &e : r.errors)
        found.append(e.file + u' ' + e.field);
    QCOMPARE(found, (QStringList{QStringLiteral("C-1_2025-02-30.md date"), QStringLiteral("C-1_2025-03-15.md text"),
                                 QStringLiteral("C-1_2025-03-16.txt text"), QStringLiteral("README.md file")}));
    QCOMPARE(import::describe(r.errors.first()), QStringLiteral("C-1_2025-02-30.md: date: no such day in the calendar"));
    QCOMPARE(footprint(*f.vault), before);

    for (const QString &bad : {QStringLiteral("C-1_2025-02-30.md"), QStringLiteral("README.md"),
                               QStringLiteral("C-1_2025-03-15.md"), QStringLiteral("C-1_2025-03-16.txt")})
        QVERIFY(QFile::remove(folder.filePath(bad)));
    r = import::importRows(*f.vault, import::parseFolder(folder.path()), false, false);
    QVERIFY(r.ok);
    QCOMPARE(r.notes, 2);
    const QList<model::Note> notes = f.vault->notes().forClient(QStringLiteral("C-1"), false);
    QCOMPARE(notes.size(), 2);
    QCOMPARE(model::toIso(notes.at(0).sessionDate), QStringLiteral("2025-03-01"));
    QCOMPARE(notes.at(1).sections.size(), 2);
    QCOMPARE(notes.at(1).sections.at(0).title, QStringLiteral("Data"));
}

void ImportTest::folderSkipsLinksAndSpecialFiles()
{
    // A link to /etc/passwd, a dangling link and a FIFO, all under note-file names: only the real
    // note is read (a FIFO would block a plain open, /dev/zero would never end).
    Fixture f;
    QTemporaryDir folder;
    QFile note(folder.filePath(QStringLiteral("C-1_2025-03-01.md")));
    QVERIFY(note.open(QIODevice::WriteOnly));
    note.write("She drinks when she feels abandoned.\n");
    note.close();
    QVERIFY(QFile::link(QStringLiteral("/etc/passwd"), folder.filePath(QStringLiteral("C-1_2025-03-02.md"))));
    QVERIFY(QFile::link(QStringLiteral("/dev/zero"), folder.filePath(QStringLiteral("C-1_2025-03-03.md"))));
    QVERIFY(QFile::link(folder.filePath(QStringLiteral("gone")), folder.filePath(QStringLiteral("C-1_2025-03-04.md"))));
    QCOMPARE(::mkfifo(QFile::encodeName(folder.filePath(QStringLiteral("C-1_2025-03-05.md"))).constData(), 0600), 0);

    const import::ImportParse parse = import::parseFolder(folder.path());
    QVERIFY(parse.errors.isEmpty());
    QCOMPARE(parse.rows.size(), 1);
    QCOMPARE(parse.rows.first().file, QStringLiteral("C-1_2025-03-01.md"));
    const uc::import::ImportResult r = import::importRows(*f.vault, parse, false, false);
    QVERIFY(r.ok);
    QCOMPARE(r.notes, 1);
    const QList<model::Note> notes = f.vault->notes().forClient(QStringLiteral("C-1"), false);
    QCOMPARE(notes.size(), 1);
    QVERIFY(!notes.first().text().contains(QStringLiteral("root:")));
}

void ImportTest::oversizedNoteIsRefused()
{
    Fixture f;
    const QByteArray atLimit(model::maxNoteBytes, 'a');
    const QByteArray overLimit = atLimit + 'a';

    // The folder form: a file past the file cap is not read at all; one past the note limit is
    // read and refused by the text check, both naming the file.
    QTemporaryDir folder;
    auto write = [&](const QString &name, const QByteArray &content) {
        QFile file(folder.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    };
    write(QStringLiteral("C-1_2025-03-01.md"), overLimit);
    write(QStringLiteral("C-1_2025-03-02.md"), QByteArray(import::maxFolderFileBytes + 1, 'b'));
    write(QStringLiteral("C-1_2025-03-03.md"), "A short note.");
    const QString before = footprint(*f.vault);
    const uc::import::ImportResult r = import::importRows(*f.vault, import::parseFolder(folder.path()), false, false);
    QVERIFY(!r.ok);
    QCOMPARE(r.errors.size(), 2);
    QCOMPARE(import::describe(r.errors.at(0)),
             QStringLiteral("C-1_2025-03-01.md: text: ") + model::noteTooLongReason());
    QVERIFY(import::describe(r.errors.at(1)).startsWith(QStringLiteral("C-1_2025-03-02.md: text: the file is larger than")));
    QCOMPARE(footprint(*f.vault), before);

    // The CSV form.
    const import::ImportParse csv = import::parseCsv(header + "C-1,2025-03-01,,,,,,," + overLimit + "\n");
    QCOMPARE(csv.errors.size(), 1);
    QCOMPARE(csv.errors.first().reason, model::noteTooLongReason());

    // The vault itself, whichever way a note comes in (the GUI's save goes through saveDraft).
    model::Session s;
    s.date = *model::parseDate(QStringLiteral("2025-04-01"));
    s.attendees.append({0, QStringLiteral("C-1"), model::Attendance::Attended});
    const QString tooLong = QString::fromLatin1(overLimit);
    try {
        (void)f.vault->notes().addSession(s, QStringLiteral("free"), model::NoteKind::Progress,
                                          model::sectionsFromText(tooLong, QStringLiteral("free")));
        QFAIL("an over-long note was stored");
    } catch (const Error &e) {
        QCOMPARE(e.exitCode(), 2);
        QCOMPARE(e.why(), model::noteTooLongReason());
    }
    const auto created = f.vault->notes().addSession(s, QStringLiteral("free"), model::NoteKind::Progress,
                                                     model::sectionsFromText(QString::fromLatin1(atLimit.left(model::maxNoteBytes - 64)), QStringLiteral("free")));
    const Id id = created.notes.first();
    try {
        f.vault->notes().saveDraft(id, model::sectionsFromText(tooLong, QStringLiteral("free")));
        QFAIL("an over-long draft was saved");
    } catch (const Error &e) {
        QCOMPARE(e.exitCode(), 2);
    }
    // A multi-byte text is measured in UTF-8 bytes, not characters.
    QVERIFY(!model::fitsNoteLimit(QString(model::maxNoteBytes / 2 + 1, QChar(0x00e9))));
    QVERIFY(model::fitsNoteLimit(QString(model::maxNoteBytes / 2, QChar(0x00e9))));
}

void ImportTest::failureMidImportLeavesNothing()
{
    // Rows that passed validation but fail in the vault (here a template removed between the check
    // and the write, made by hand): the second row throws after the first row and the new client
    // were written, and none of it stays.
    Fixture f;
    uc::import::ImportParse parse = import::parseCsv(header + "C-5,2025-03-01,,,,,,,One\nC-5,2025-03-02,,,,,,,Two\n");
    QCOMPARE(parse.rows.size(), 2);
    parse.rows[1].templateId = QStringLiteral("no-such-template");
    const QString before = footprint(*f.vault);
    QVERIFY_THROWS_EXCEPTION(Error, import::importRows(*f.vault, parse, true, false));
    QCOMPARE(footprint(*f.vault), before);
    QVERIFY(!f.vault->clients().find(QStringLiteral("C-5")));
}

void ImportTest::cliContract()
{
    QTemporaryDir tmp;
    const QString vaultDir = tmp.filePath(QStringLiteral("vault"));
    auto file = [&](const QString &name, const QByteArray &content) {
        const QString path = tmp.filePath(name);
        QFile out(path);
        if (out.open(QIODevice::WriteOnly))
            out.write(content);
        return path;
    };
    const QString pass = file(QStringLiteral("pass"), "a long enough passphrase\n");
    struct Run
    {
        int code;
        QByteArray out;
        QByteArray err;
    };
    auto cli = [&](QStringList args) {
        args << QStringLiteral("--vault") << vaultDir << QStringLiteral("--user") << QStringLiteral("alice")
             << QStringLiteral("--passphrase-file") << pass;
        QProcess p;
        p.start(QStringLiteral(CLI_PATH), args);
        if (!p.waitForFinished(120000))
            return Run{-1, {}, {}};
        return Run{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, p.readAllStandardOutput(),
                   p.readAllStandardError()};
    };
    auto count = [&] {
        const Run r = cli({QStringLiteral("search"), QStringLiteral("session*"), QStringLiteral("--json")});
        return QJsonDocument::fromJson(r.out).array().size();
    };
    QCOMPARE(cli({QStringLiteral("init")}).code, 0);
    QCOMPARE(cli({QStringLiteral("client"), QStringLiteral("add"), QStringLiteral("--code"), QStringLiteral("C-1"),
                  QStringLiteral("--name"), QStringLiteral("Jane Roe")})
                 .code,
             0);

    const QString bad = file(QStringLiteral("bad.csv"), header + "C-1,2025-03-01,,,,,,,A session.\n"
                                                                 "C-1,2025-02-30,,,,,,,Another session.\n"
                                                                 "C-7,2025-03-03,,,,,,,A third session.\n");
    Run r = cli({QStringLiteral("import"), QStringLiteral("--csv"), bad, QStringLiteral("--json")});
    QCOMPARE(r.code, 2);
    QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QLatin1String("ok")).toBool(true), false);
    QCOMPARE(o.value(QLatin1String("dry_run")).toBool(true), false);
    QCOMPARE(o.value(QLatin1String("rows")).toInt(), 3);
    QCOMPARE(o.value(QLatin1String("notes")).toInt(-1), 0);
    QCOMPARE(o.value(QLatin1String("clients_created")).toArray().size(), 0);
    const QJsonArray errors = o.value(QLatin1String("errors")).toArray();
    QCOMPARE(errors.size(), 2);
    QCOMPARE(errors.at(0).toObject(), (QJsonObject{{QStringLiteral("line"), 3},
                                                   {QStringLiteral("field"), QStringLiteral("date")},
                                                   {QStringLiteral("reason"), QStringLiteral("no such day in the calendar")}}));
    QCOMPARE(errors.at(1).toObject().value(QLatin1String("line")).toInt(), 4);
    QCOMPARE(errors.at(1).toObject().value(QLatin1String("field")).toString(), QStringLiteral("client_code"));
    QCOMPARE(count(), 0);

    // Without --json: one line per bad row on stderr, then what happened.
    r = cli({QStringLiteral("import"), QStringLiteral("--csv"), bad});
    QCOMPARE(r.code, 2);
    QCOMPARE(r.err, QByteArray("undercurrent-cli: import: line 3: date: no such day in the calendar\n"
                               "undercurrent-cli: import: line 4: client_code: no client with that code (create the "
                               "client first, or let the import create it)\n"
                               "undercurrent-cli: import: 2 bad rows of 3; nothing was imported\n"));
    QVERIFY(!r.err.contains("session."));

    const QString good = file(QStringLiteral("good.csv"), header + "C-1,2025-03-01,,,,,,,A session.\n"
                                                                   "C-7,2025-03-03,,,,,,,A third session.\n");
    r = cli({QStringLiteral("import"), QStringLiteral("--csv"), good, QStringLiteral("--create-clients"),
             QStringLiteral("--dry-run"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o, (QJsonObject{{QStringLiteral("ok"), true},
                             {QStringLiteral("dry_run"), true},
                             {QStringLiteral("rows"), 2},
                             {QStringLiteral("notes"), 2},
                             {QStringLiteral("clients_created"), QJsonArray{QStringLiteral("C-7")}},
                             {QStringLiteral("errors"), QJsonArray()}}));
    QCOMPARE(count(), 0);
    r = cli({QStringLiteral("import"), QStringLiteral("--csv"), good, QStringLiteral("--create-clients"),
             QStringLiteral("--dry-run")});
    QCOMPARE(r.out, QByteArray("2 notes for 2 clients would be imported (1 new clients: C-7); nothing was changed (dry run)\n"));

    r = cli({QStringLiteral("import"), QStringLiteral("--csv"), good, QStringLiteral("--create-clients")});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, QByteArray("imported 2 notes for 2 clients (1 new clients: C-7), as drafts of alice: review and sign them\n"));
    QCOMPARE(count(), 2);

    // Usage: one form at a time.
    QCOMPARE(cli({QStringLiteral("import")}).code, 1);
    QCOMPARE(cli({QStringLiteral("import"), QStringLiteral("--csv"), good, QStringLiteral("--folder"), tmp.path()}).code, 1);
    QCOMPARE(cli({QStringLiteral("import"), QStringLiteral("--csv"), tmp.filePath(QStringLiteral("missing.csv"))}).code, 2);

    // The client record: export, then import into a new vault; again is a conflict.
    const QString record = tmp.filePath(QStringLiteral("c1.json"));
    QCOMPARE(cli({QStringLiteral("export"), QStringLiteral("--client"), QStringLiteral("C-1"), QStringLiteral("--out"), record}).code, 0);
    r = cli({QStringLiteral("import"), QStringLiteral("--json"), record});
    QCOMPARE(r.code, 6);
    QVERIFY(r.err.contains("a client with that code exists"));
    QJsonObject doc = QJsonDocument::fromJson([&] {
                          QFile in(record);
                          return in.open(QIODevice::ReadOnly) ? in.readAll() : QByteArray();
                      }())
                          .object();
    doc.insert(QStringLiteral("version"), 2);
    const QString wrongVersion = file(QStringLiteral("v2.json"), QJsonDocument(doc).toJson());
    r = cli({QStringLiteral("import"), QStringLiteral("--json"), wrongVersion});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains("version"));
    QCOMPARE(cli({QStringLiteral("import"), QStringLiteral("--json"), file(QStringLiteral("junk.json"), "{not json")}).code, 2);

    const QString empty = tmp.filePath(QStringLiteral("vault2"));
    auto cli2 = [&](QStringList args) {
        args << QStringLiteral("--vault") << empty << QStringLiteral("--user") << QStringLiteral("bea")
             << QStringLiteral("--passphrase-file") << pass;
        QProcess p;
        p.start(QStringLiteral(CLI_PATH), args);
        p.waitForFinished(120000);
        return Run{p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
    };
    QCOMPARE(cli2({QStringLiteral("init")}).code, 0);
    r = cli2({QStringLiteral("import"), QStringLiteral("--json"), record});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, QByteArray("imported the client record: 1 sessions, 1 notes, 0 measures; kept as recorded names "
                               "(not users of this vault): alice\n"));
}

void ImportTest::clientRecordRoundTrips()
{
    QTemporaryDir tmp;
    const QString source = tmp.filePath(QStringLiteral("source"));
    auto open = [&](const QString &dir, const QString &user) { return Vault::open(dir, user, secret()); };
    {
        auto v = Vault::create(source, QStringLiteral("alice"), secret(), model::Role::Therapist, KdfCost::testOnly()).vault;
        v->addUser(QStringLiteral("sam"), model::Role::Supervisor, secret(), KdfCost::testOnly());
        // Other records first, so the client's numbers are not 1, 2, 3.
        model::Client other;
        other.code = QStringLiteral("C-0");
        other.displayName = QStringLiteral("Someone Else");
        v->clients().add(other);
        model::Session s0;
        s0.date = model::Date(2025, 1, 2);
        s0.attendees.append({0, QStringLiteral("C-0"), model::Attendance::Attended});
        v->notes().addSession(s0, QStringLiteral("free"), model::NoteKind::Progress, {{QStringLiteral("Note"), QStringLiteral("Other.")}});
        // A copy of the practice's vault as it is now: the target below, which trusts the same keys.
        v->backup().write(tmp.filePath(QStringLiteral("copy.ucbackup")));
    }
    {
        auto s = open(source, QStringLiteral("sam"));
        s->supervision().assign(QStringLiteral("alice"), QStringLiteral("sam"), model::SupervisionMode::MustCosign);
    }
    Id cosignedNote = 0;
    {
        auto v = open(source, QStringLiteral("alice"));
        model::Client c;
        c.code = QStringLiteral("C-0142");
        c.displayName = QStringLiteral("Jane Roe");
        c.intakeDate = model::Date(2025, 1, 10);
        c.setting = model::Setting::Outpatient;
        c.consentTreatment = true;
        c.consentPart2 = true;
        c.consentPart2Date = model::Date(2025, 1, 10);
        c.consentPart2Scope = QStringLiteral("Dr. Lee, for referral");
        v->clients().add(c);

        model::Session s;
        s.date = model::Date(2025, 3, 1);
        s.start = model::parseTime(QStringLiteral("14:30"));
        s.minutes = 55;
        s.setting = model::Setting::Outpatient;
        s.attendees.append({0, c.code, model::Attendance::Late});
        const auto first = v->notes().addSession(s, QStringLiteral("soap"), model::NoteKind::Progress,
                                         model::sectionsFromText(QStringLiteral("## Subjective\nShe drinks when she feels "
                                                                                "abandoned.\n## Plan\nWeekly; \"aftercare\" plan."),
                                                                 QStringLiteral("soap")));
        cosignedNote = first.notes.first();
        v->notes().add(first.session, c.code, QStringLiteral("process"), model::NoteKind::Process,
                   {{QStringLiteral("Process"), QStringLiteral("My own reaction: protective.")}});
        // Decisions: one suggestion confirmed, one rejected, and a manual tag.
        const auto tags = v->tagging().tags(cosignedNote);
        QVERIFY(tags.size() >= 2);
        v->tagging().decide(tags.at(0).id, model::TagDecision::Confirmed);
        v->tagging().decide(tags.at(1).id, model::TagDecision::Rejected);
        const int weekly = static_cast<int>(v->notes().read(cosignedNote).text().indexOf(QLatin1String("Weekly")));
        v->tagging().tagSpan(cosignedNote, QStringLiteral("recovery-support"), weekly, weekly + 6);
        v->notes().sign(cosignedNote);

        model::Session group;
        group.date = model::Date(2025, 3, 8);
        group.modality = model::Modality::Group;
        group.groupTopic = QStringLiteral("Relapse prevention");
        group.setting = model::Setting::Aftercare;
        group.attendees.append({0, c.code, model::Attendance::Attended});
        group.attendees.append({0, QStringLiteral("C-0"), model::Attendance::Attended});
        const auto g = v->notes().addSession(group, QStringLiteral("group"), model::NoteKind::Progress,
                                     {{QStringLiteral("Participation"), QStringLiteral("Cravings at night; spoke up.")}});
        v->notes().sign(g.notes.first());
        v->notes().addAddendum(g.notes.first(), QStringLiteral("Correction: the group ran 90 minutes."));

        model::Session draft;
        draft.date = model::Date(2025, 3, 15);
        draft.attendees.append({0, c.code, model::Attendance::NoShow});
        v->notes().addSession(draft, QStringLiteral("free"), model::NoteKind::Progress,
                      {{QStringLiteral("Note"), QStringLiteral("Did not attend; called twice.")}});

        v->measures().add(c.code, model::Date(2025, 3, 1), QStringLiteral("phq9"), {2, 2, 1, 1, 2, 1, 1, 0, 0});
        v->measures().add(c.code, model::Date(2025, 3, 8), QStringLiteral("auditc"), {1, 1, 0});
        v->clients().setShareableSummary(c.code, QStringLiteral("We have worked on what happens after arguments."));
    }
    {
        auto s = open(source, QStringLiteral("sam"));
        s->supervision().cosign(cosignedNote);
    }
    QJsonObject first;
    {
        auto v = open(source, QStringLiteral("alice"));
        QVERIFY(v->notes().verifySignature(cosignedNote));
        first = v->records().exportClient(QStringLiteral("C-0142"), true);
    }
    QCOMPARE(first.value(QLatin1String("notes")).toArray().size(), 4);

    // Into a copy of the source made before the client came: its alice and sam are the same certified
    // keys, so their signatures count (a vault that does not trust them refuses: signaturestest).
    const QString target = tmp.filePath(QStringLiteral("target"));
    Vault::restore(tmp.filePath(QStringLiteral("copy.ucbackup")), target, QStringLiteral("alice"), secret());
    auto t = open(target, QStringLiteral("alice"));
    const vault::ClientImported done = t->records().importClient(first);
    QCOMPARE(done.sessions, 3);
    QCOMPARE(done.notes, 4);
    QCOMPARE(done.measures, 2);
    QVERIFY(done.recordedNames.isEmpty());
    const QJsonObject second = t->records().exportClient(QStringLiteral("C-0142"), true);

    auto comparable = [](QJsonObject o) {
        o.remove(QStringLiteral("exported_at"));
        o.remove(QStringLiteral("exported_by"));
        return o;
    };
    QCOMPARE(comparable(second), comparable(first));
    // What the comparison covers, so it cannot pass on two empty records.
    const QJsonArray notes = second.value(QLatin1String("notes")).toArray();
    QStringList statuses;
    QStringList decisions;
    for (const QJsonValue &n : notes) {
        statuses.append(n.toObject().value(QLatin1String("status")).toString());
        for (const QJsonValue &tag : n.toObject().value(QLatin1String("themes")).toArray())
            decisions.append(tag.toObject().value(QLatin1String("decision")).toString());
    }
    QCOMPARE(statuses, (QStringList{QStringLiteral("cosigned"), QStringLiteral("draft"), QStringLiteral("signed"),
                                    QStringLiteral("draft")}));
    QVERIFY(decisions.contains(QLatin1String("confirmed")));
    QVERIFY(decisions.contains(QLatin1String("rejected")));
    QVERIFY(decisions.contains(QLatin1String("manual")));
    QCOMPARE(notes.at(0).toObject().value(QLatin1String("cosigned_by")).toString(), QStringLiteral("sam"));
    // Each note and session kept the uuid it had (schema v23; no renumbering), signed in form 2.
    QCOMPARE(notes.at(0).toObject().value(QLatin1String("uuid")).toString().size(), 36);
    QCOMPARE(notes.at(0).toObject().value(QLatin1String("canonical_form")).toInt(), 2);
    QCOMPARE(notes.at(0).toObject().value(QLatin1String("cosign_form")).toInt(), 2);
    QCOMPARE(second.value(QLatin1String("sessions")).toArray().at(0).toObject().value(QLatin1String("uuid")).toString().size(), 36);
    QCOMPARE(notes.at(2).toObject().value(QLatin1String("addenda")).toArray().size(), 1);
    QCOMPARE(second.value(QLatin1String("shareable_summary")).toObject().value(QLatin1String("author")).toString(),
             QStringLiteral("alice"));

    // The signatures hold in the new vault.
    for (const QJsonValue &n : notes) {
        const QJsonObject o = n.toObject();
        const Id id = static_cast<Id>(o.value(QLatin1String("id")).toDouble());
        QCOMPARE(t->notes().verifySignature(id), o.value(QLatin1String("status")).toString() != QLatin1String("draft"));
    }
}

void ImportTest::clientRecordRefusals()
{
    Fixture f;
    model::Session s;
    s.date = model::Date(2025, 3, 1);
    s.attendees.append({0, QStringLiteral("C-1"), model::Attendance::Attended});
    const auto made = f.vault->notes().addSession(s, QStringLiteral("free"), model::NoteKind::Progress,
                                          {{QStringLiteral("Note"), QStringLiteral("She feels abandoned.")}});
    f.vault->notes().sign(made.notes.first());
    const QJsonObject record = f.vault->records().exportClient(QStringLiteral("C-1"), false);
    const QString before = footprint(*f.vault);

    auto refused = [&](const QJsonObject &r) {
        try {
            f.vault->records().importClient(r);
        } catch (const Error &e) {
            return e;
        }
        return Error(ErrorKind::Usage, QStringLiteral("test"), QStringLiteral("not refused"));
    };
    // The code exists here.
    Error e = refused(record);
    QCOMPARE(e.why(), QStringLiteral("a client with that code exists in this vault"));
    QCOMPARE(int(e.kind()), int(ErrorKind::Conflict));

    QJsonObject renamed = record;
    QJsonObject client = renamed.value(QLatin1String("client")).toObject();
    client.insert(QStringLiteral("code"), QStringLiteral("C-2"));
    renamed.insert(QStringLiteral("client"), client);
    QJsonArray renamedSessions = renamed.value(QLatin1String("sessions")).toArray();
    for (qsizetype i = 0; i < renamedSessions.size(); ++i) {
        QJsonObject one = renamedSessions.at(i).toObject();
        one.insert(QStringLiteral("attendees"), QJsonArray{QJsonObject{{QStringLiteral("client"), QStringLiteral("C-2")},
                                                                       {QStringLiteral("attendance"), QStringLiteral("attended")}}});
        renamedSessions.replace(i, one);
    }
    renamed.insert(QStringLiteral("sessions"), renamedSessions);
    // The client code is part of what was signed: a record renamed by hand no longer verifies.
    e = refused(renamed);
    QCOMPARE(int(e.kind()), int(ErrorKind::Damaged));

    // Another vault's client whose session and note numbers are taken here.
    {
        Fixture other;
        model::Client c2;
        c2.code = QStringLiteral("C-2");
        c2.displayName = QStringLiteral("Client Two");
        other.vault->clients().add(c2);
        model::Session s2;
        s2.date = model::Date(2025, 4, 1);
        s2.attendees.append({0, c2.code, model::Attendance::Attended});
        const auto made2 = other.vault->notes().addSession(s2, QStringLiteral("free"), model::NoteKind::Progress,
                                                   {{QStringLiteral("Note"), QStringLiteral("Elsewhere.")}});
        other.vault->notes().sign(made2.notes.first());
        QCOMPARE(made2.notes.first(), made.notes.first());
        e = refused(other.vault->records().exportClient(c2.code, false));
    }
    QCOMPARE(int(e.kind()), int(ErrorKind::Conflict));
    QVERIFY2(e.why().contains(QLatin1String("new vault")), qPrintable(e.why()));

    QJsonObject wrong = record;
    wrong.insert(QStringLiteral("format"), QStringLiteral("something-else"));
    e = refused(wrong);
    QCOMPARE(int(e.kind()), int(ErrorKind::Io));
    QVERIFY(e.why().startsWith(QLatin1String("format")));
    wrong = record;
    wrong.insert(QStringLiteral("version"), 2);
    e = refused(wrong);
    QCOMPARE(int(e.kind()), int(ErrorKind::Io));
    QVERIFY(e.why().startsWith(QLatin1String("version")));

    // A signed note changed after signing is refused as damaged, and the text is not quoted.
    QJsonObject changed = record;
    QJsonArray notes = changed.value(QLatin1String("notes")).toArray();
    QJsonObject note = notes.at(0).toObject();
    note.insert(QStringLiteral("sections"), QJsonArray{QJsonObject{{QStringLiteral("title"), QStringLiteral("Note")},
                                                                   {QStringLiteral("text"), QStringLiteral("She is fine.")}}});
    notes.replace(0, note);
    changed.insert(QStringLiteral("notes"), notes);
    e = refused(changed);
    QCOMPARE(int(e.kind()), int(ErrorKind::Damaged));
    QVERIFY(e.why().startsWith(QLatin1String("notes[0]")));
    QVERIFY(!e.why().contains(QLatin1String("fine")));

    QJsonObject badField = record;
    QJsonArray sessions = badField.value(QLatin1String("sessions")).toArray();
    QJsonObject session = sessions.at(0).toObject();
    session.insert(QStringLiteral("modality"), QStringLiteral("solo"));
    sessions.replace(0, session);
    badField.insert(QStringLiteral("sessions"), sessions);
    e = refused(badField);
    QCOMPARE(int(e.kind()), int(ErrorKind::Io));
    QCOMPARE(e.why(), QStringLiteral("sessions[0].modality: not a known word"));

    // A note or an addendum over the note size limit is refused before anything else is worked out
    // (the same limit as note add and the CSV import), naming where and never quoting the text.
    QJsonObject huge = renamed;
    QJsonArray hugeNotes = huge.value(QLatin1String("notes")).toArray();
    QJsonObject hugeNote = hugeNotes.at(0).toObject();
    hugeNote.insert(QStringLiteral("sections"),
                    QJsonArray{QJsonObject{{QStringLiteral("title"), QStringLiteral("Note")},
                                           {QStringLiteral("text"), QString(model::maxNoteBytes + 1, u'x')}}});
    hugeNotes.replace(0, hugeNote);
    huge.insert(QStringLiteral("notes"), hugeNotes);
    e = refused(huge);
    QCOMPARE(int(e.kind()), int(ErrorKind::Io));
    QVERIFY2(e.why().startsWith(QLatin1String("notes[0].sections: the note is longer than 1 MiB")), qPrintable(e.why()));
    QVERIFY(e.why().size() < 200);

    hugeNote = notes.at(0).toObject(); // the signed note as exported, with one addendum
    hugeNote.insert(QStringLiteral("sections"), record.value(QLatin1String("notes")).toArray().at(0).toObject().value(QLatin1String("sections")));
    hugeNote.insert(QStringLiteral("addenda"),
                    QJsonArray{QJsonObject{{QStringLiteral("author"), QStringLiteral("alice")},
                                           {QStringLiteral("text"), QString(model::maxNoteBytes / 2 + 1, QChar(0x00e9))},
                                           {QStringLiteral("signed_at"), QStringLiteral("2025-03-02T10:00:00Z")},
                                           {QStringLiteral("content_hash"), QString(64, u'a')}}});
    hugeNotes.replace(0, hugeNote);
    huge.insert(QStringLiteral("notes"), hugeNotes);
    e = refused(huge);
    QCOMPARE(int(e.kind()), int(ErrorKind::Io));
    QVERIFY2(e.why().startsWith(QLatin1String("notes[0].addenda[0].text: the note is longer than 1 MiB")), qPrintable(e.why()));

    QCOMPARE(footprint(*f.vault), before);
}

void ImportTest::aRecordOrCsvMustBeARegularFileOfBoundedSize()
{
    // /dev/zero would be read until memory ran out; a folder or a FIFO is no record either. Each is
    // refused before anything is read or any vault is opened (exit 2).
    QTemporaryDir tmp;
    const QString pass = clirun::file(tmp, QStringLiteral("pass"), "a long enough passphrase\n");
    const QString vaultDir = tmp.filePath(QStringLiteral("vault"));
    const QString fifo = tmp.filePath(QStringLiteral("fifo"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    for (const QString &option : {QStringLiteral("--json"), QStringLiteral("--csv")}) {
        for (const QString &path : {QStringLiteral("/dev/zero"), tmp.path(), fifo}) {
            const clirun::Run r = clirun::cli({QStringLiteral("import"), option, path}, vaultDir, QStringLiteral("alice"), pass);
            QVERIFY2(r.code == 2, qPrintable(option + u' ' + path + u' ' + QString::fromUtf8(r.err)));
            QVERIFY2(r.err.contains("not a regular file"), r.err.constData());
        }
        const clirun::Run missing = clirun::cli({QStringLiteral("import"), option, tmp.filePath(QStringLiteral("none.json"))},
                                                vaultDir, QStringLiteral("alice"), pass);
        QCOMPARE(missing.code, 2);
        QVERIFY2(missing.err.contains("does not exist"), missing.err.constData());
    }
}

QTEST_GUILESS_MAIN(ImportTest)
#include "importtest.moc"
