// SPDX-License-Identifier: GPL-3.0-or-later
// The vault as a clinician relies on it: what is written comes back, nothing readable reaches the
// disk, the wrong person or a damaged file is refused, a signed note never changes, keys can be
// changed and recovered, backups restore exactly, and old prototype vaults migrate without loss.
#include "patterns/patterns.h"
#include "vault/schema.h"
#include "vault/testaccess.h"
#include "vault/userkeys.h"
#include "vault/vault.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>

using namespace uc;
using uc::model::Id;
using uc::vault::KdfCost;
using uc::vault::KeySlots;
using uc::vault::RecoveryKey;
using uc::vault::Vault;

namespace uc {
// Readable QCOMPARE output for error kinds (found by argument-dependent lookup).
char *toString(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Usage:
        return qstrdup("Usage(1)");
    case ErrorKind::Io:
        return qstrdup("Io(2)");
    case ErrorKind::Auth:
        return qstrdup("Auth(3)");
    case ErrorKind::Damaged:
        return qstrdup("Damaged(4)");
    case ErrorKind::NotAllowed:
        return qstrdup("NotAllowed(5)");
    case ErrorKind::Conflict:
        return qstrdup("Conflict(6)");
    }
    return qstrdup("unknown ErrorKind");
}
} // namespace uc

namespace {

constexpr std::string_view alicePassphrase = "correct horse battery";

SecretBuffer secret(std::string_view text)
{
    return SecretBuffer::copyOf(text);
}

// The uc::Error f throws, or nullopt when it throws none (any other exception propagates and
// fails the test).
template<typename F>
std::optional<Error> errorOf(F &&f)
{
    try {
        f();
    } catch (const Error &e) {
        return e;
    }
    return std::nullopt;
}

std::unique_ptr<Vault> createVault(const QString &dir, const QString &user = QStringLiteral("alice"),
                                   std::string_view passphrase = alicePassphrase)
{
    return Vault::create(dir, user, secret(passphrase), model::Role::Therapist, KdfCost::testOnly()).vault;
}

std::unique_ptr<Vault> openVault(const QString &dir, const QString &user = QStringLiteral("alice"),
                                 std::string_view passphrase = alicePassphrase)
{
    return Vault::open(dir, user, secret(passphrase));
}

model::Date date(const char *iso)
{
    return model::parseDate(QString::fromLatin1(iso)).value();
}

model::Client makeClient(const QString &code, const QString &name)
{
    model::Client c;
    c.code = code;
    c.displayName = name;
    c.intakeDate = date("2024-10-01");
    c.setting = model::Setting::Outpatient;
    c.consentTreatment = true;
    return c;
}

model::Session makeSession(const char *isoDate, const QStringList &codes,
                           model::Modality modality = model::Modality::Individual)
{
    model::Session s;
    s.date = date(isoDate);
    s.start = model::parseTime(QStringLiteral("14:30"));
    s.minutes = 50;
    s.modality = modality;
    s.setting = model::Setting::Outpatient;
    for (const QString &code : codes)
        s.attendees.append({0, code, model::Attendance::Attended});
    return s;
}

QList<model::Section> soap(const QString &subjective)
{
    return model::sectionsFromText(QStringLiteral("## Subjective\n") + subjective
                                       + QStringLiteral("\n## Objective\nAlert, oriented, tearful at times.\n"
                                                        "## Assessment\nAmbivalent about change; contemplation.\n"
                                                        "## Plan\nCraving log; next session in one week."),
                                   QStringLiteral("soap"));
}

// One individual progress note for client code on isoDate; returns the note's id.
Id addNote(Vault &vault, const char *isoDate, const QString &code, const QString &subjective,
           model::NoteKind kind = model::NoteKind::Progress)
{
    const bool process = kind == model::NoteKind::Process;
    const QList<model::Section> sections =
        process ? model::sectionsFromText(QStringLiteral("## Process\n") + subjective, QStringLiteral("process"))
                : soap(subjective);
    return vault.notes().addSession(makeSession(isoDate, {code}), process ? QStringLiteral("process") : QStringLiteral("soap"),
                            kind, sections)
        .notes.value(0);
}

QStringList flatten(const QList<model::Section> &sections)
{
    QStringList out;
    for (const auto &s : sections)
        out << s.title + QStringLiteral(" | ") + s.text;
    return out;
}

QString vaultFile(const QString &dir, const char *name)
{
    return QDir(dir).filePath(QString::fromLatin1(name));
}

// A vault set back by hand to what an older build wrote looks rolled back to this machine's record
// (docs/security.md); the migration tests forget the record first.
void forgetRollbackRecord(const QString &dir)
{
    QDir records(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
                 + QStringLiteral("/undercurrent/vaults"));
    for (const QString &name : records.entryList({KeySlots::load(dir).vaultId() + QStringLiteral("-*.json")}))
        records.remove(name);
}

// Alice's slot as a build before v19 wrote it: no memory of having signed audit entries, nor a pin of
// how far (a vault whose trail was dropped with the tables would otherwise be refused, rightly, as
// stripped or cut back).
void forgetSignedAuditEntries(const QString &dir)
{
    const SecretBuffer passphrase = SecretBuffer::copyOf(alicePassphrase);
    KeySlots slots = KeySlots::load(dir);
    SecretBuffer payload;
    const SecretBuffer dataKey = slots.unwrapUser(QStringLiteral("alice"), passphrase, &payload);
    vault::UserKeys keys = *vault::UserKeys::fromPayload(payload);
    keys.auditSigned = false;
    keys.auditPinned = false;
    QJsonObject extra = slots.extra();
    extra.remove(QStringLiteral("audit_pins"));
    slots.setExtra(extra);
    const KeySlots::UserSlot slot = *slots.userSlot(QStringLiteral("alice"));
    const SecretBuffer cleared = keys.payload();
    slots.setUser(QStringLiteral("alice"), slot.role, slot.admin, passphrase, dataKey, slot.cost, &cleared);
    slots.save(dir, dataKey);
}

bool copyFolder(const QString &from, const QString &to)
{
    if (!QDir().mkpath(to))
        return false;
    for (const QString &name : QDir(from).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot))
        if (!QFile::copy(QDir(from).filePath(name), QDir(to).filePath(name)))
            return false;
    return true;
}

bool flipByte(const QString &path, qint64 offset)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite) || offset >= f.size() || !f.seek(offset))
        return false;
    char byte = 0;
    if (!f.getChar(&byte) || !f.seek(offset))
        return false;
    return f.putChar(static_cast<char>(byte ^ 0x5a));
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// Every row of a table as "col1 | col2 | …" (NULL marked), ordered by its first two columns.
QStringList dumpTable(sql::Database &db, const QString &table)
{
    QStringList columns;
    auto info = db.prepare("SELECT name FROM pragma_table_info(?) ORDER BY cid");
    info.bind(1, table);
    while (info.step())
        columns << QLatin1Char('"') + info.text(0) + QLatin1Char('"');
    if (columns.isEmpty())
        return {QStringLiteral("<no such table %1>").arg(table)};
    const QString query = QStringLiteral("SELECT %1 FROM \"%2\" ORDER BY 1, 2").arg(columns.join(QLatin1String(", ")), table);
    auto stmt = db.prepare(query.toStdString());
    QStringList rows;
    while (stmt.step()) {
        QStringList row;
        for (int i = 0; i < columns.size(); ++i)
            row << (stmt.isNull(i) ? QStringLiteral("<NULL>") : stmt.text(i));
        rows << row.join(QLatin1String(" | "));
    }
    return rows;
}

int countRows(sql::Database &db, const char *table)
{
    return db.pragmaText(std::string("SELECT count(*) FROM ") + table).toInt();
}

bool tableExists(sql::Database &db, const char *name)
{
    auto stmt = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?");
    stmt.bind(1, name);
    return stmt.step();
}

// A note's counted themes as "abandonment 1,relapse 2" (by theme), from the rows the caseload reads.
QString countedThemes(sql::Database &db, model::Id note)
{
    auto stmt = db.prepare("SELECT t.theme, c.hits FROM note_theme_counts c JOIN theme_names t ON t.id = c.theme_id "
                           "WHERE c.note_id = ? ORDER BY t.theme");
    stmt.bind(1, note);
    QStringList parts;
    while (stmt.step())
        parts << stmt.text(0) + u' ' + QString::number(stmt.int64(1));
    return parts.isEmpty() ? QStringLiteral("<no row>") : parts.join(u',');
}

bool folderIsEmpty(const QString &dir)
{
    return QDir(dir).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
}

} // namespace

// Requires the expression to throw uc::Error of the given kind.
#define UC_VERIFY_ERROR(expectedKind, ...)                                                                  \
    do {                                                                                                   \
        const std::optional<uc::Error> ucError_ = errorOf([&] { (void)(__VA_ARGS__); });                   \
        QVERIFY2(ucError_.has_value(), "no uc::Error from: " #__VA_ARGS__);                                \
        QCOMPARE(ucError_->kind(), expectedKind);                                                          \
    } while (false)

class VaultTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createOpenAndRecord();
    void plaintextScan();
    void wrongPassphraseAndUnknownUser();
    void notAVault();
    void lockedByAnotherProcess();
    void tamperedDatabaseRefused();
    void signedNoteImmutable();
    void passphraseChange();
    void recoveryKey();
    void addUser();
    void shareableSummaryKeepsVersions();
    void backupRestoreRoundTrip();
    void migrationFromV0();
    void migrationToV2CountsEachNotesThemes();
    void migrationToV5KeepsPatterns();
    void migrationToV6KeepsMeasuresAndTakesNewInstruments();
    void processNoteBesideTheProgressNote();
    void newerSchemaRefused();
    void searchFindsAndRanks();
    void groupSession();
    void badInput();
    void sessionDetailsChangeWhileDrafts();
};

// A note written today is the note read back tomorrow: sections, kind, status, client and date.
void VaultTest::createOpenAndRecord()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString dir = tmp.filePath(QStringLiteral("vault"));
    const QList<model::Section> sections =
        model::sectionsFromText(QStringLiteral("## Subjective\nReports three sober days; cravings 6/10 in the evenings.\n"
                                               "## Objective\nAlert, tearful when discussing her sister.\n"
                                               "## Assessment\nAmbivalent; contemplation stage.\n"
                                               "## Plan\nCraving log; next session in one week."),
                                QStringLiteral("soap"));
    QCOMPARE(sections.size(), 4);
    QCOMPARE(sections.at(0).title, QStringLiteral("Subjective"));

    Id noteId = 0;
    Id sessionId = 0;
    {
        auto created = Vault::create(dir, QStringLiteral("alice"), secret(alicePassphrase), model::Role::Therapist,
                                     KdfCost::testOnly());
        Vault &vault = *created.vault;
        QVERIFY(vault.isOpen());
        QCOMPARE(vault.currentUser().name, QStringLiteral("alice"));
        QVERIFY(vault.currentUser().role == model::Role::Therapist);
        QVERIFY(QFileInfo::exists(vaultFile(dir, KeySlots::fileName)));
        QVERIFY(QFileInfo::exists(vaultFile(dir, Vault::databaseName)));

        const Id clientId = vault.clients().add(makeClient(QStringLiteral("C-0142"), QStringLiteral("Rosa M.")));
        QVERIFY(clientId > 0);
        const auto made = vault.notes().addSession(makeSession("2025-03-01", {QStringLiteral("C-0142")}), QStringLiteral("soap"),
                                           model::NoteKind::Progress, sections);
        QCOMPARE(made.notes.size(), 1);
        noteId = made.notes.first();
        sessionId = made.session;
        vault.lock();
        QVERIFY(!vault.isOpen());
        vault.lock(); // idempotent
        QVERIFY(!vault.isOpen());
    }

    auto vault = openVault(dir);
    QVERIFY(vault->isOpen());
    const model::Note n = vault->notes().read(noteId);
    QCOMPARE(flatten(n.sections), flatten(sections));
    QCOMPARE(model::toString(n.kind), QStringLiteral("progress"));
    QCOMPARE(model::toString(n.status), QStringLiteral("draft"));
    QCOMPARE(n.clientCode, QStringLiteral("C-0142"));
    QCOMPARE(model::toIso(n.sessionDate), QStringLiteral("2025-03-01"));
    QCOMPARE(n.sessionId, sessionId);
    QCOMPARE(n.templateId, QStringLiteral("soap"));
    QCOMPARE(n.author, QStringLiteral("alice"));
    QVERIFY(n.contentHash.isEmpty());

    const auto client = vault->clients().find(QStringLiteral("C-0142"));
    QVERIFY(client.has_value());
    QCOMPARE(client->displayName, QStringLiteral("Rosa M."));
    QCOMPARE(model::toIso(client->intakeDate.value()), QStringLiteral("2024-10-01"));
    const auto notes = vault->notes().forClient(QStringLiteral("C-0142"), false);
    QCOMPARE(notes.size(), 1);
    QCOMPARE(notes.first().id, noteId);
    const model::Session s = vault->notes().session(sessionId);
    QCOMPARE(s.attendees.size(), 1);
    QCOMPARE(s.attendees.first().clientCode, QStringLiteral("C-0142"));
    QCOMPARE(model::toIso(s.start.value()), QStringLiteral("14:30"));
}

// No note text, client name, search query, addendum or process note is ever on the disk in the
// clear: not in the vault folder while it is open or after it is locked, not in the temp folder.
void VaultTest::plaintextScan()
{
    const QDateTime started = QDateTime::currentDateTime().addSecs(-2); // mtime granularity
    // A per-run suffix makes every canary unique to this run, so no other program's files can
    // hold it. Each comes twice: as typed (with dashes) and as one word, which is how the
    // full-text index would keep it.
    const QString run = QString::number(QRandomGenerator::global()->generate64(), 36);
    auto canary = [&](const char *what) -> QString { return QString::fromLatin1(what) + QLatin1Char('-') + run; };
    auto word = [&](const char *what) -> QString { return QString::fromLatin1(what).remove(QLatin1Char('-')).toLower() + run; };
    const QString note = canary("CANARY-NOTE-x91"), noteWord = word("CANARY-NOTE-x91");
    const QString name = canary("CANARY-NAME-q27"), nameWord = word("CANARY-NAME-q27");
    const QString query = canary("CANARY-QUERY-z55"), queryWord = word("CANARY-QUERY-z55");
    const QString addendum = canary("CANARY-ADDENDUM-k40"), addendumWord = word("CANARY-ADDENDUM-k40");
    const QString process = canary("CANARY-PROCESS-m63"), processWord = word("CANARY-PROCESS-m63");
    QList<QByteArray> canaries;
    for (const QString &c : {note, noteWord, name, nameWord, query, queryWord, addendum, addendumWord, process, processWord})
        canaries << c.toUtf8();

    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString dir = tmp.filePath(QStringLiteral("vault"));
    const QString backupFile = tmp.filePath(QStringLiteral("vault.ucbackup"));

    // Everything this test's temp folder holds (the vault folder: notes.db, -wal, -shm,
    // keyslots.json, .bak, .lock; and the backup), and every file directly in QDir::tempPath()
    // that changed while the test ran (where SQLite or Qt would leave temporary files).
    auto scan = [&](const char *when) -> QStringList {
        QStringList files;
        QDirIterator own(tmp.path(), QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (own.hasNext())
            files << own.next();
        const QFileInfoList temp =
            QDir(QDir::tempPath()).entryInfoList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot | QDir::NoSymLinks);
        for (const QFileInfo &fi : temp)
            if (fi.isFile() && fi.lastModified() >= started && fi.size() < 256 * 1024 * 1024)
                files << fi.absoluteFilePath();
        QStringList found;
        int read = 0;
        for (const QString &path : std::as_const(files)) {
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                continue; // another user's file
            const QByteArray bytes = f.readAll();
            ++read;
            for (const QByteArray &c : std::as_const(canaries))
                if (bytes.contains(c))
                    found << QStringLiteral("%1: canary #%2 in %3")
                                 .arg(QString::fromLatin1(when))
                                 .arg(canaries.indexOf(c))
                                 .arg(path);
        }
        if (read == 0)
            found << QStringLiteral("%1: nothing was scanned").arg(QString::fromLatin1(when));
        return found;
    };

    // The scan itself finds a canary that is there.
    {
        const QString planted = tmp.filePath(QStringLiteral("planted.txt"));
        QVERIFY(writeFile(planted, QByteArrayLiteral("header ") + canaries.at(3) + QByteArrayLiteral(" footer")));
        QCOMPARE(scan("self-check").size(), 1);
        QVERIFY(QFile::remove(planted));
    }

    {
        auto vault = createVault(dir);
        vault->clients().add(makeClient(QStringLiteral("C-0201"), name + QLatin1Char(' ') + nameWord));
        const Id progress = addNote(*vault, "2025-03-03", QStringLiteral("C-0201"),
                                    QStringLiteral("Spoke about her father. ") + note + QLatin1Char(' ') + noteWord);
        vault->notes().sign(progress);
        vault->notes().addAddendum(progress, QStringLiteral("Late entry: ") + addendum + QLatin1Char(' ') + addendumWord);
        const Id processNote = addNote(*vault, "2025-03-03", QStringLiteral("C-0201"),
                                       QStringLiteral("My own reaction: ") + process + QLatin1Char(' ') + processWord,
                                       model::NoteKind::Process);
        QVERIFY(processNote > 0);
        QVERIFY(vault->search().notes(query + QLatin1Char(' ') + queryWord).isEmpty());
        QVERIFY(vault->search().notes(queryWord).isEmpty());
        // The words are really in the vault: the index finds them.
        const auto hits = vault->search().notes(noteWord);
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits.first().noteId, progress);
        QCOMPARE(vault->search().notes(processWord).size(), 1);
        QCOMPARE(vault->clients().find(QStringLiteral("C-0201"))->displayName, name + QLatin1Char(' ') + nameWord);
        (void)vault->records().exportClient(QStringLiteral("C-0201"), true); // in memory only
        vault->changePassphrase(secret("another long passphrase"), KdfCost::testOnly()); // writes the .bak
        vault->backup().write(backupFile);

        QVERIFY(QFileInfo::exists(vaultFile(dir, "notes.db-wal")));
        QVERIFY(QFileInfo::exists(vaultFile(dir, "notes.db-shm")));
        QVERIFY(QFileInfo::exists(vaultFile(dir, KeySlots::backupName)));
        QVERIFY(QFileInfo::exists(vaultFile(dir, Vault::lockName)));
        QVERIFY(QFileInfo::exists(backupFile));
        const QStringList whileOpen = scan("while open");
        QVERIFY2(whileOpen.isEmpty(), qPrintable(whileOpen.join(QLatin1Char('\n'))));
        vault->lock();
    }
    const QStringList afterLock = scan("after lock");
    QVERIFY2(afterLock.isEmpty(), qPrintable(afterLock.join(QLatin1Char('\n'))));

    // The data survived the lock (so the scan above looked at a file that holds it).
    auto reopened = openVault(dir, QStringLiteral("alice"), "another long passphrase");
    QCOMPARE(reopened->search().notes(noteWord).size(), 1);
}

// A wrong passphrase and an unknown user get the same answer, so a guesser learns nothing, and
// a failed attempt leaves the vault as it was.
void VaultTest::wrongPassphraseAndUnknownUser()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString dir = tmp.filePath(QStringLiteral("vault"));
    createVault(dir)->lock();

    const auto wrongPass = errorOf([&] { openVault(dir, QStringLiteral("alice"), "correct horse battery!"); });
    QVERIFY(wrongPass.has_value());
    QCOMPARE(wrongPass->kind(), ErrorKind::Auth);
    QCOMPARE(wrongPass->exitCode(), 3);

    const auto unknownUser = errorOf([&] { openVault(dir, QStringLiteral("mallory")); });
    QVERIFY(unknownUser.has_value());
    QCOMPARE(unknownUser->kind(), ErrorKind::Auth);
    QCOMPARE(unknownUser->exitCode(), 3);
    QCOMPARE(unknownUser->message(), wrongPass->message());
    QVERIFY(!wrongPass->message().contains(QLatin1String("alice")));

    auto vault = openVault(dir);
    QVERIFY(vault->isOpen());
    QCOMPARE(vault->currentUser().name, QStringLiteral("alice"));
}

// A folder that is not a vault, or no folder at all, is reported as such, never as a wrong passphrase.
void VaultTest::notAVault()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString plain = tmp.filePath(QStringLiteral("documents"));
    QVERIFY(QDir().mkpath(plain));
    QVERIFY(writeFile(QDir(plain).filePath(QStringLiteral("letter.txt")), "Dear Dr. ..."));
    UC_VERIFY_ERROR(ErrorKind::Damaged, openVault(plain));
    // Nothing was added to the folder.
    QCOMPARE(QDir(plain).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList{QStringLiteral("letter.txt")});

    const QString missing = tmp.filePath(QStringLiteral("no-such-folder"));
    UC_VERIFY_ERROR(ErrorKind::Damaged, openVault(missing));
    QVERIFY(!QFileInfo::exists(missing));
}

// Two programs never write the same vault at once: a second open is refused until the first locks.
void VaultTest::lockedByAnotherProcess()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString dir = tmp.filePath(QStringLiteral("vault"));
    auto first = createVault(dir);
    first->clients().add(makeClient(QStringLiteral("C-0001"), QStringLiteral("A. B.")));

    const auto second = errorOf([&] { openVault(dir); });
    QVERIFY(second.has_value());
    QCOMPARE(second->kind(), ErrorKind::Conflict);
    QCOMPARE(second->exitCode(), 6);

    // The refused attempt did not disturb the open vault.
    QVERIFY(first->isOpen());
    QCOMPARE(first->clients().list().size(), 1);
    first->clients().add(makeClient(QStringLiteral("C-0002"), QStringLiteral("C. D.")));

    first->lock();
    auto again = openVault(dir);
    QVERIFY(again->isOpen());
    QCOMPARE(again->clients().list().size(), 2);
    // And while that one is open, the first cannot come back either.
    UC_VERIFY_ERROR(ErrorKind::Conflict, openVault(dir));
}

// One flipped bit anywhere in the database, or a damaged key-slot file, is refused as damage at
// unlock: never opened as if nothing happened, never a crash.
void VaultTest::tamperedDatabaseRefused()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString original = tmp.filePath(QStringLiteral("vault"));
    {
        auto vault = createVault(original);
        vault->clients().add(makeClient(QStringLiteral("C-0301"), QStringLiteral("E. F.")));
        const QString filler = QStringLiteral("Discussed triggers at work, the commute past the bar, and the "
                                              "evenings alone. Practised urge surfing for ten minutes. ")
                                   .repeated(6);
        for (int i = 0; i < 30; ++i) {
            const Id id = addNote(*vault, "2025-01-10", QStringLiteral("C-0301"),
                                  QStringLiteral("Session %1. ").arg(i) + filler);
            if (i % 3 == 0)
                vault->notes().sign(id);
        }
        vault->lock();
    }
    const QString db = vaultFile(original, Vault::databaseName);
    const qint64 size = QFileInfo(db).size();
    // Blocks of 4 KiB: the smallest cipher page, so one byte per block touches every page.
    constexpr qint64 block = 4096;
    QVERIFY2(size >= 8 * block, qPrintable(QStringLiteral("only %1 bytes").arg(size)));
    QVERIFY(!QFileInfo::exists(db + QStringLiteral("-wal")) || QFileInfo(db + QStringLiteral("-wal")).size() == 0);

    // The untampered copy opens, so every refusal below is the flipped byte's doing.
    {
        const QString copy = tmp.filePath(QStringLiteral("copy-clean"));
        QVERIFY(copyFolder(original, copy));
        auto vault = openVault(copy);
        QCOMPARE(vault->notes().forClient(QStringLiteral("C-0301"), false).size(), 30);
    }

    QList<qint64> offsets = {5, 100, block + 100, size / 2, size - block / 2, size - 10};
    for (qint64 b = 2; b < size / block; ++b)
        offsets << b * block + (b * 331) % (block - 1); // one byte in every block, at varying places
    int n = 0;
    for (const qint64 offset : std::as_const(offsets)) {
        const QString copy = tmp.filePath(QStringLiteral("copy-%1").arg(n++));
        QVERIFY(copyFolder(original, copy));
        QVERIFY(flipByte(vaultFile(copy, Vault::databaseName), offset));
        const auto error = errorOf([&] { openVault(copy); });
        QVERIFY2(error.has_value(), qPrintable(QStringLiteral("a flipped byte at offset %1 of %2 was not noticed")
                                                   .arg(offset)
                                                   .arg(size)));
        QVERIFY2(error->kind() == ErrorKind::Damaged,
                 qPrintable(QStringLiteral("offset %1: kind %2, \"%3\"")
                                .arg(offset)
                                .arg(static_cast<int>(error->kind()))
                                .arg(error->message())));
        QVERIFY(QDir(copy).removeRecursively());
    }

    // A damaged keyslots.json without a previous version: damage, not a wrong passphrase.
    {
        const QString copy = tmp.filePath(QStringLiteral("copy-slots"));
        QVERIFY(copyFolder(original, copy));
        // Locking writes the audit trail's head, which leaves a .bak: this case is about having none.
        QFile::remove(vaultFile(copy, KeySlots::backupName));
        QVERIFY(!QFileInfo::exists(vaultFile(copy, KeySlots::backupName)));
        QByteArray slots = readFile(vaultFile(copy, KeySlots::fileName));
        QVERIFY(slots.size() > 100);
        QVERIFY(writeFile(vaultFile(copy, KeySlots::fileName), slots.left(slots.size() / 2)));
        UC_VERIFY_ERROR(ErrorKind::Damaged, openVault(copy));
        QVERIFY(writeFile(vaultFile(copy, KeySlots::fileName), "{\"format\": \"undercurrent-keyslots\", \"slots\": []}"));
        UC_VERIFY_ERROR(ErrorKind::Damaged, openVault(copy));
    }

    // A damaged keyslots.json with a good keyslots.json.bak (the version before its last write:
    // locking writes the audit trail's head, so after a passphrase change and a lock both hold the
    // new passphrase) still opens, with the passphrase the user last set.
    {
        const QString copy = tmp.filePath(QStringLiteral("copy-bak"));
        QVERIFY(copyFolder(original, copy));
        openVault(copy)->changePassphrase(secret("a newer passphrase"), KdfCost::testOnly());
        QVERIFY(QFileInfo::exists(vaultFile(copy, KeySlots::backupName)));
        QVERIFY(writeFile(vaultFile(copy, KeySlots::fileName), "{ this is not json"));
        UC_VERIFY_ERROR(ErrorKind::Auth, openVault(copy));
        auto vault = openVault(copy, QStringLiteral("alice"), "a newer passphrase");
        QVERIFY(vault->isOpen());
        QCOMPARE(vault->notes().forClient(QStringLiteral("C-0301"), false).size(), 30);
    }
}

// A signed note is the legal record: no API call and no raw SQL changes or removes it; only an
// addendum, itself immutable, adds to it.
void VaultTest::signedNoteImmutable()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    auto vault = createVault(tmp.filePath(QStringLiteral("vault")));
    vault->clients().add(makeClient(QStringLiteral("C-0401"), QStringLiteral("G. H.")));
    const Id id = addNote(*vault, "2025-02-14", QStringLiteral("C-0401"),
                          QStringLiteral("Client disclosed relapse on Saturday; no overdose."));
    QVERIFY(!vault->notes().verifySignature(id)); // a draft carries no signature
    vault->notes().sign(id);
    const model::Note before = vault->notes().read(id);
    QCOMPARE(model::toString(before.status), QStringLiteral("signed"));
    QCOMPARE(before.signedBy, QStringLiteral("alice"));
    QVERIFY(!before.signedAt.isEmpty());
    QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{64}$")).match(before.contentHash).hasMatch());
    QVERIFY(vault->notes().verifySignature(id));

    UC_VERIFY_ERROR(ErrorKind::Conflict, vault->notes().saveDraft(id, soap(QStringLiteral("Rewritten."))));
    UC_VERIFY_ERROR(ErrorKind::Conflict, vault->notes().deleteDraft(id));
    UC_VERIFY_ERROR(ErrorKind::Conflict, vault->notes().sign(id));

    auto unchanged = [&] {
        const model::Note now = vault->notes().read(id);
        return flatten(now.sections) == flatten(before.sections) && now.status == before.status
               && now.contentHash == before.contentHash && now.signedAt == before.signedAt
               && now.updated == before.updated && now.signedBy == before.signedBy;
    };
    sql::Database &db = vault::VaultTestAccess::database(*vault);
    for (const char *statement : {"UPDATE notes SET body = 'x' WHERE id = ?",
                                  "UPDATE notes SET sections = '[]' WHERE id = ?",
                                  "UPDATE notes SET status = 'draft' WHERE id = ?",
                                  "UPDATE notes SET status = 'draft', signed_by = NULL, signed_at = NULL, "
                                  "content_hash = NULL WHERE id = ?",
                                  "DELETE FROM notes WHERE id = ?"}) {
        const auto error = errorOf([&] { db.prepare(statement).bind(1, id).run(); });
        QVERIFY2(error.has_value(), statement);
        QCOMPARE(error->kind(), ErrorKind::Conflict);
        QVERIFY2(unchanged(), statement);
    }
    QVERIFY(vault->notes().verifySignature(id));

    // After a refused raw change the vault works on: addenda go under the note, in order.
    const Id first = vault->notes().addAddendum(id, QStringLiteral("Correction: the relapse was on Friday."));
    const Id second = vault->notes().addAddendum(id, QStringLiteral("Client confirmed the date by phone."));
    QVERIFY(first > 0 && second > first);
    const auto addenda = vault->notes().addenda(id);
    QCOMPARE(addenda.size(), 2);
    QCOMPARE(addenda.at(0).id, first);
    QCOMPARE(addenda.at(0).text, QStringLiteral("Correction: the relapse was on Friday."));
    QCOMPARE(addenda.at(1).id, second);
    QCOMPARE(addenda.at(0).author, QStringLiteral("alice"));
    for (const auto &a : addenda) {
        QCOMPARE(a.noteId, id);
        QVERIFY(!a.signedAt.isEmpty());
        QVERIFY2(QRegularExpression(QStringLiteral("^[0-9a-f]{64}$")).match(a.contentHash).hasMatch(),
                 qPrintable(a.contentHash));
    }
    QVERIFY(addenda.at(0).contentHash != addenda.at(1).contentHash);

    for (const char *statement : {"UPDATE addenda SET text = 'x'", "DELETE FROM addenda"}) {
        const auto error = errorOf([&] { db.exec(statement); });
        QVERIFY2(error.has_value(), statement);
        QCOMPARE(error->kind(), ErrorKind::Conflict);
    }
    QCOMPARE(vault->notes().addenda(id).size(), 2);
    QCOMPARE(vault->notes().addenda(id).at(0).text, QStringLiteral("Correction: the relapse was on Friday."));
    QVERIFY(unchanged());
    QVERIFY(vault->notes().verifySignature(id));

    // An addendum never goes under a draft (that is what editing is for).
    const Id draft = addNote(*vault, "2025-02-21", QStringLiteral("C-0401"), QStringLiteral("Draft."));
    UC_VERIFY_ERROR(ErrorKind::Conflict, vault->notes().addAddendum(draft, QStringLiteral("x")));
    const auto error = errorOf([&] {
        db.prepare("INSERT INTO addenda(note_id, author_id, text, signed_at, content_hash) VALUES (?, 1, 'x', 'now', ?)")
            .bind(1, draft)
            .bind(2, QString(64, QLatin1Char('0')))
            .run();
    });
    QVERIFY(error.has_value());
    QCOMPARE(error->kind(), ErrorKind::Conflict);

    // With the guard removed by hand, a changed note no longer verifies.
    db.exec("DROP TRIGGER notes_signed_no_update");
    db.prepare("UPDATE notes SET sections = ? WHERE id = ?")
        .bind(1, model::sectionsToJson(soap(QStringLiteral("Client denied any relapse."))))
        .bind(2, id)
        .run();
    QVERIFY(!vault->notes().verifySignature(id));
}

// After a passphrase change only the new passphrase opens the vault.
void VaultTest::passphraseChange()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString dir = tmp.filePath(QStringLiteral("vault"));
    {
        auto vault = createVault(dir);
        vault->clients().add(makeClient(QStringLiteral("C-0501"), QStringLiteral("I. J.")));
        QVERIFY(!QFileInfo::exists(vaultFile(dir, KeySlots::backupName)));
        UC_VERIFY_ERROR(ErrorKind::Usage, vault->changePassphrase(secret("short"), KdfCost::testOnly()));
        vault->changePassphrase(secret("tide pools at low water"), KdfCost::testOnly());
        QVERIFY(QFileInfo::exists(vaultFile(dir, KeySlots::backupName)));
    }
    const auto old = errorOf([&] { openVault(dir); });
    QVERIFY(old.has_value());
    QCOMPARE(old->kind(), ErrorKind::Auth);
    QCOMPARE(old->exitCode(), 3);

    auto vault = openVault(dir, QStringLiteral("alice"), "tide pools at low water");
    QVERIFY(vault->isOpen());
    QCOMPARE(vault->clients().list().size(), 1);
}

// The recovery key on paper gets a locked-out clinician back in, and nothing else does.
void VaultTest::recoveryKey()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString dir = tmp.filePath(QStringLiteral("vault"));
    auto created = Vault::create(dir, QStringLiteral("alice"), secret(alicePassphrase), model::Role::Therapist,
                                 KdfCost::testOnly());
    QVERIFY(created.vault);
    created.vault->clients().add(makeClient(QStringLiteral("C-0601"), QStringLiteral("K. L.")));
    created.vault->lock();
    const RecoveryKey &key = created.recoveryKey;
    QCOMPARE(key.bytes().size(), 20u);

    const SecretBuffer shown = key.display();
    const std::string printed(reinterpret_cast<const char *>(shown.data()), shown.size());
    QVERIFY2(QRegularExpression(QStringLiteral("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){7}$"))
                 .match(QString::fromStdString(printed))
                 .hasMatch(),
             "the printed key is not eight groups of four Crockford characters");
    std::string lower = printed;
    for (char &c : lower)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string bare = printed;
    std::erase(bare, '-');
    // (built with append: GCC 12's -Wrestrict misfires on chained std::string operator+ at -O3)
    std::string spaced(" ");
    spaced.append(bare, 0, 16).append("  ").append(bare, 16).append("\n");
    for (const std::string &text : {printed, lower, bare, spaced})
        QVERIFY2(RecoveryKey::parse(text).bytes().equals(key.bytes()), text.c_str());

    // Malformed keys are an authentication failure, never a crash.
    for (const char *bad : {"", "not a recovery key", "ABCD-EFGH", "UUUU-UUUU-UUUU-UUUU-UUUU-UUUU-UUUU-UUUU"})
        UC_VERIFY_ERROR(ErrorKind::Auth, RecoveryKey::parse(bad));
    UC_VERIFY_ERROR(ErrorKind::Auth, RecoveryKey::parse(printed + "-ABCD"));

    // A key that is not this vault's, or a user the vault does not have.
    UC_VERIFY_ERROR(ErrorKind::Auth, Vault::recover(dir, QStringLiteral("alice"), RecoveryKey::generate(),
                                                    secret("a brand new passphrase"), KdfCost::testOnly()));
    UC_VERIFY_ERROR(ErrorKind::Auth, Vault::recover(dir, QStringLiteral("mallory"), key,
                                                    secret("a brand new passphrase"), KdfCost::testOnly()));
    // The failures changed nothing.
    openVault(dir)->lock();

    {
        auto recovered = Vault::recover(dir, QStringLiteral("alice"), RecoveryKey::parse(lower),
                                        secret("a brand new passphrase"), KdfCost::testOnly());
        QVERIFY(recovered->isOpen());
        QCOMPARE(recovered->currentUser().name, QStringLiteral("alice"));
        QCOMPARE(recovered->clients().list().size(), 1);
    }
    UC_VERIFY_ERROR(ErrorKind::Auth, openVault(dir));
    auto vault = openVault(dir, QStringLiteral("alice"), "a brand new passphrase");
    QCOMPARE(vault->clients().find(QStringLiteral("C-0601"))->displayName, QStringLiteral("K. L."));
}

// A supervisor gets their own passphrase and may read, but not write, the clinical record.
void VaultTest::addUser()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString dir = tmp.filePath(QStringLiteral("vault"));
    Id noteId = 0;
    {
        auto vault = createVault(dir);
        vault->clients().add(makeClient(QStringLiteral("C-0701"), QStringLiteral("M. N.")));
        noteId = addNote(*vault, "2025-04-01", QStringLiteral("C-0701"), QStringLiteral("Reviewed relapse plan."));
        vault->addUser(QStringLiteral("bob"), model::Role::Supervisor, secret("bob's own passphrase"),
                       KdfCost::testOnly());
        UC_VERIFY_ERROR(ErrorKind::Conflict, vault->addUser(QStringLiteral("bob"), model::Role::Therapist,
                                                            secret("another passphrase"), KdfCost::testOnly()));
        QCOMPARE(vault->users().size(), 2);
    }
    {
        auto bob = openVault(dir, QStringLiteral("bob"), "bob's own passphrase");
        QCOMPARE(bob->currentUser().name, QStringLiteral("bob"));
        QVERIFY(bob->currentUser().role == model::Role::Supervisor);
        // A supervisor reads the notes of the therapists assigned to them, once assigned.
        UC_VERIFY_ERROR(ErrorKind::NotAllowed, bob->notes().read(noteId));
        bob->supervision().assign(QStringLiteral("alice"), QStringLiteral("bob"), model::SupervisionMode::Review);
        QCOMPARE(bob->notes().read(noteId).clientCode, QStringLiteral("C-0701"));
        const auto error = errorOf([&] { bob->clients().add(makeClient(QStringLiteral("C-0702"), QStringLiteral("O. P."))); });
        QVERIFY(error.has_value());
        QCOMPARE(error->kind(), ErrorKind::NotAllowed);
        QCOMPARE(error->exitCode(), 5);
        UC_VERIFY_ERROR(ErrorKind::NotAllowed, bob->notes().addSession(makeSession("2025-04-02", {QStringLiteral("C-0701")}),
                                                               QStringLiteral("soap"), model::NoteKind::Progress,
                                                               soap(QStringLiteral("x"))));
        UC_VERIFY_ERROR(ErrorKind::NotAllowed, bob->notes().saveDraft(noteId, soap(QStringLiteral("x"))));
        QVERIFY(!bob->clients().find(QStringLiteral("C-0702")).has_value());
    }
    // Each passphrase opens only its own user.
    UC_VERIFY_ERROR(ErrorKind::Auth, openVault(dir, QStringLiteral("bob")));
    UC_VERIFY_ERROR(ErrorKind::Auth, openVault(dir, QStringLiteral("alice"), "bob's own passphrase"));
    auto alice = openVault(dir);
    QVERIFY(alice->currentUser().role == model::Role::Therapist);
}

// The therapist's shareable summary: each save a new version, the newest in force, in the export,
// on the audit trail; a supervisor reads it and cannot write it.
void VaultTest::shareableSummaryKeepsVersions()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString dir = tmp.filePath(QStringLiteral("vault"));
    {
        auto vault = createVault(dir);
        vault->clients().add(makeClient(QStringLiteral("C-0801"), QStringLiteral("Q. R.")));
        QVERIFY(!vault->clients().shareableSummary(QStringLiteral("C-0801")).has_value());
        vault->clients().setShareableSummary(QStringLiteral("C-0801"), QStringLiteral("We have noticed that drinking follows feeling left out."));
        vault->clients().setShareableSummary(QStringLiteral("C-0801"), QStringLiteral("  Feeling left out often comes before drinking.  "));
        const auto summary = vault->clients().shareableSummary(QStringLiteral("C-0801"));
        QVERIFY(summary.has_value());
        QCOMPARE(summary->text, QStringLiteral("Feeling left out often comes before drinking."));
        QCOMPARE(summary->author, QStringLiteral("alice"));
        QCOMPARE(vault::VaultTestAccess::database(*vault).pragmaText("SELECT count(*) FROM client_summaries"), QStringLiteral("2"));
        UC_VERIFY_ERROR(ErrorKind::Io, vault->clients().setShareableSummary(QStringLiteral("C-9999"), QStringLiteral("x")));
        UC_VERIFY_ERROR(ErrorKind::Conflict, vault::VaultTestAccess::database(*vault).exec("UPDATE client_summaries SET text = 'changed'"));
        const QJsonObject exported = vault->records().exportClient(QStringLiteral("C-0801"), false);
        QCOMPARE(exported.value(QLatin1String("shareable_summary")).toObject().value(QLatin1String("text")).toString(),
                 summary->text);
        QCOMPARE(vault::auditEntries(vault::VaultTestAccess::database(*vault)).last().action, QStringLiteral("export"));
        int edits = 0;
        for (const auto &e : vault::auditEntries(vault::VaultTestAccess::database(*vault)))
            edits += e.action == u"edit-summary" ? 1 : 0;
        QCOMPARE(edits, 2);
        vault->addUser(QStringLiteral("sam"), model::Role::Supervisor, secret("sam's own passphrase"), KdfCost::testOnly());
    }
    auto sam = openVault(dir, QStringLiteral("sam"), "sam's own passphrase");
    QVERIFY(sam->clients().shareableSummary(QStringLiteral("C-0801")).has_value());
    UC_VERIFY_ERROR(ErrorKind::NotAllowed, sam->clients().setShareableSummary(QStringLiteral("C-0801"), QStringLiteral("x")));
}

// A backup restores to exactly the record it was taken from; a restore never overwrites a
// folder in use and never leaves a half-restored vault behind.
void VaultTest::backupRestoreRoundTrip()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString dir = tmp.filePath(QStringLiteral("vault"));
    const QString backupFile = tmp.filePath(QStringLiteral("backups/vault.ucbackup"));
    QVERIFY(QDir().mkpath(tmp.filePath(QStringLiteral("backups"))));

    auto vault = createVault(dir);
    for (const auto &[code, name] : {std::pair{"C-0801", "Q. R."}, std::pair{"C-0802", "S. T."}, std::pair{"C-0803", "U. V."}})
        vault->clients().add(makeClient(QString::fromLatin1(code), QString::fromLatin1(name)));
    const Id a = addNote(*vault, "2025-05-01", QStringLiteral("C-0801"), QStringLiteral("Feels abandoned by her sponsor."));
    const Id b = addNote(*vault, "2025-05-02", QStringLiteral("C-0802"), QStringLiteral("Ninety days sober today."));
    addNote(*vault, "2025-05-02", QStringLiteral("C-0803"), QStringLiteral("Draft: intake still open."));
    addNote(*vault, "2025-05-03", QStringLiteral("C-0801"), QStringLiteral("My frustration at the missed session."),
            model::NoteKind::Process);
    model::Session group = makeSession("2025-05-05", {QStringLiteral("C-0801"), QStringLiteral("C-0802")},
                                       model::Modality::Group);
    group.groupTopic = QStringLiteral("Relapse prevention");
    group.attendees[1].attendance = model::Attendance::Late;
    const auto groupMade = vault->notes().addSession(group, QStringLiteral("group"), model::NoteKind::Progress,
                                             model::sectionsFromText(QStringLiteral("## Group topic\nHigh-risk weekends"),
                                                                     QStringLiteral("group")));
    QCOMPARE(groupMade.notes.size(), 2);
    vault->notes().sign(a);
    vault->notes().sign(b);
    vault->notes().sign(groupMade.notes.at(0));
    vault->notes().addAddendum(a, QStringLiteral("Sponsor called back on Monday."));
    vault->notes().addAddendum(b, QStringLiteral("Chip ceremony attended."));

    vault->backup().write(backupFile);
    QVERIFY(QFileInfo(backupFile).size() > 4096);
    QVERIFY(!QFileInfo::exists(backupFile + QStringLiteral(".db.tmp")));

    // Not into a folder that holds anything: neither a vault nor someone's other files.
    UC_VERIFY_ERROR(ErrorKind::Conflict, Vault::restore(backupFile, dir, QStringLiteral("alice"), secret(alicePassphrase)));
    const QString busy = tmp.filePath(QStringLiteral("busy"));
    QVERIFY(QDir().mkpath(busy));
    QVERIFY(writeFile(QDir(busy).filePath(QStringLiteral("taxes-2024.pdf")), "%PDF-1.7"));
    UC_VERIFY_ERROR(ErrorKind::Conflict, Vault::restore(backupFile, busy, QStringLiteral("alice"), secret(alicePassphrase)));
    QCOMPARE(readFile(QDir(busy).filePath(QStringLiteral("taxes-2024.pdf"))), QByteArray("%PDF-1.7"));
    QCOMPARE(QDir(busy).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).size(), 1);

    // A garbage file, a damaged or cut-off backup, or the wrong passphrase leave the target empty.
    const QString target = tmp.filePath(QStringLiteral("target"));
    QVERIFY(QDir().mkpath(target));
    auto targetListing = [&] {
        return QDir(target).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).join(QLatin1Char(' '));
    };
    const QString garbage = tmp.filePath(QStringLiteral("garbage.ucbackup"));
    QVERIFY(writeFile(garbage, QByteArray(20000, '\x42')));
    UC_VERIFY_ERROR(ErrorKind::Damaged, Vault::restore(garbage, target, QStringLiteral("alice"), secret(alicePassphrase)));
    QVERIFY2(folderIsEmpty(target), qPrintable(targetListing()));

    const QByteArray good = readFile(backupFile);
    for (const qint64 fromEnd : {qint64(100), qint64(good.size() / 4)}) { // inside the database part
        const QString damaged = tmp.filePath(QStringLiteral("damaged-%1.ucbackup").arg(fromEnd));
        QByteArray bytes = good;
        bytes[bytes.size() - fromEnd] = static_cast<char>(bytes.at(bytes.size() - fromEnd) ^ 0x20);
        QVERIFY(writeFile(damaged, bytes));
        UC_VERIFY_ERROR(ErrorKind::Damaged,
                        Vault::restore(damaged, target, QStringLiteral("alice"), secret(alicePassphrase)));
        QVERIFY2(folderIsEmpty(target), qPrintable(targetListing()));
    }
    const QString truncated = tmp.filePath(QStringLiteral("truncated.ucbackup"));
    QVERIFY(writeFile(truncated, good.left(good.size() / 2)));
    UC_VERIFY_ERROR(ErrorKind::Damaged, Vault::restore(truncated, target, QStringLiteral("alice"), secret(alicePassphrase)));
    QVERIFY2(folderIsEmpty(target), qPrintable(targetListing()));

    UC_VERIFY_ERROR(ErrorKind::Auth, Vault::restore(backupFile, target, QStringLiteral("alice"), secret("wrong passphrase")));
    QVERIFY2(folderIsEmpty(target), qPrintable(targetListing()));

    // The original is untouched by all of this.
    QVERIFY(vault->backup().verifyIntegrity());
    QCOMPARE(vault->clients().list().size(), 3);

    // The good backup restores to exactly the same rows.
    const QString restored = tmp.filePath(QStringLiteral("restored"));
    const auto failure = errorOf([&] { Vault::restore(backupFile, restored, QStringLiteral("alice"), secret(alicePassphrase)); });
    QVERIFY2(!failure.has_value(),
             qPrintable(QStringLiteral("a fresh backup does not restore: ") + (failure ? failure->message() : QString())));
    QVERIFY(!folderIsEmpty(restored));
    auto copy = openVault(restored);
    const QStringList tables = {QStringLiteral("users"), QStringLiteral("clients"), QStringLiteral("sessions"),
                                QStringLiteral("session_attendees"), QStringLiteral("notes"),
                                QStringLiteral("addenda"), QStringLiteral("vault_info")};
    for (const QString &table : tables) {
        const QStringList want = dumpTable(vault::VaultTestAccess::database(*vault), table);
        QVERIFY2(!want.isEmpty(), qPrintable(table));
        QCOMPARE(dumpTable(vault::VaultTestAccess::database(*copy), table), want);
    }
    QCOMPARE(dumpTable(vault::VaultTestAccess::database(*copy), QStringLiteral("session_attendees")).size(), 6);
    QCOMPARE(vault::userVersion(vault::VaultTestAccess::database(*copy)), vault::schemaVersion);
    QVERIFY(copy->notes().verifySignature(a));
    QVERIFY(copy->notes().verifySignature(groupMade.notes.at(0)));
    QVERIFY(copy->backup().verifyIntegrity());
    // The search index came along, and the triggers still guard the signed notes.
    const auto hits = copy->search().notes(QStringLiteral("abandon*"));
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits.first().noteId, a);
    UC_VERIFY_ERROR(ErrorKind::Conflict, vault::VaultTestAccess::database(*copy).prepare("DELETE FROM notes WHERE id = ?").bind(1, a).run());
    // A restored vault is a vault like any other: it can be backed up and restored again.
    copy->backup().write(tmp.filePath(QStringLiteral("backups/second.ucbackup")));
    copy->lock();
    Vault::restore(tmp.filePath(QStringLiteral("backups/second.ucbackup")), tmp.filePath(QStringLiteral("restored-2")),
                   QStringLiteral("alice"), secret(alicePassphrase));
    QCOMPARE(dumpTable(vault::VaultTestAccess::database(*openVault(tmp.filePath(QStringLiteral("restored-2")))), QStringLiteral("notes")),
             dumpTable(vault::VaultTestAccess::database(*vault), QStringLiteral("notes")));
    UC_VERIFY_ERROR(ErrorKind::Conflict,
                    Vault::restore(backupFile, restored, QStringLiteral("alice"), secret(alicePassphrase)));
}

// Notes written with the prototype ("v0") build are carried into the current schema, each as a
// draft progress note of the right client on the right date.
void VaultTest::migrationFromV0()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString dir = tmp.filePath(QStringLiteral("prototype"));
    QVERIFY(QDir().mkpath(dir));
    QFile schemaFile(QStringLiteral(DATA_DIR "/schema-v0.sql"));
    QVERIFY2(schemaFile.open(QIODevice::ReadOnly), qPrintable(schemaFile.fileName()));
    const QByteArray v0Sql = schemaFile.readAll();

    struct Expected
    {
        QString code;
        QString date;
        QString body;
    };
    QList<Expected> expected; // in (date, id) order, as notesForClient lists them
    QList<QPair<QString, QString>> v0Clients;
    {
        const SecretBuffer key = SecretBuffer::random(32);
        auto db = sql::Database::open(vaultFile(dir, Vault::databaseName), key);
        db.exec(v0Sql.toStdString());
        QCOMPARE(vault::userVersion(db), 0);
        auto notes = db.prepare("SELECT client_code, date, body FROM notes ORDER BY date, id");
        while (notes.step())
            expected.append({notes.text(0), notes.text(1), notes.text(2)});
        auto clients = db.prepare("SELECT code, coalesce(name, code) FROM clients ORDER BY code");
        while (clients.step())
            v0Clients.append({clients.text(0), clients.text(1)});
        KeySlots slots;
        // Migrations make the prototype's only user a therapist and, as the earliest, the administrator.
        slots.setUser(QStringLiteral("alice"), QStringLiteral("therapist"), true, secret(alicePassphrase), key,
                      KdfCost::testOnly());
        slots.save(dir, key);
        db.close();
    }
    QVERIFY(expected.size() >= 3);
    QVERIFY(v0Clients.size() >= 2);

    auto vault = openVault(dir);
    QCOMPARE(vault->currentUser().name, QStringLiteral("alice"));
    QVERIFY(vault->currentUser().role == model::Role::Therapist);
    sql::Database &db = vault::VaultTestAccess::database(*vault);
    QCOMPARE(vault::userVersion(db), vault::schemaVersion);
    QVERIFY(!tableExists(db, "v0_notes"));
    QVERIFY(!tableExists(db, "v0_clients"));
    QCOMPARE(db.pragmaText("SELECT count(*) FROM pragma_table_info('notes') WHERE name = 'client_code'"),
             QStringLiteral("0"));
    QCOMPARE(db.pragmaText("SELECT count(*) FROM pragma_table_info('clients') WHERE name = 'display_name'"),
             QStringLiteral("1"));

    for (const auto &[code, name] : std::as_const(v0Clients)) {
        const auto client = vault->clients().find(code);
        QVERIFY2(client.has_value(), qPrintable(code));
        QCOMPARE(client->displayName, name);
    }

    QCOMPARE(countRows(db, "notes"), expected.size());
    QStringList codes;
    for (const Expected &e : std::as_const(expected))
        if (!codes.contains(e.code))
            codes << e.code;
    for (const QString &code : std::as_const(codes)) {
        QList<Expected> want;
        for (const Expected &e : std::as_const(expected))
            if (e.code == code)
                want << e;
        const QList<model::Note> got = vault->notes().forClient(code, true);
        QCOMPARE(got.size(), want.size());
        for (int i = 0; i < got.size(); ++i) {
            const model::Note &n = got.at(i);
            QCOMPARE(n.clientCode, code);
            QCOMPARE(model::toIso(n.sessionDate), want.at(i).date);
            QCOMPARE(n.text(), want.at(i).body);
            QCOMPARE(model::toString(n.kind), QStringLiteral("progress"));
            QCOMPARE(model::toString(n.status), QStringLiteral("draft"));
            QCOMPARE(n.author, QStringLiteral("alice"));
            QCOMPARE(vault->notes().session(n.sessionId).attendees.size(), 1);
        }
    }
    // The migrated notes are indexed and can be worked on like any other draft.
    QVERIFY(!vault->search().notes(QStringLiteral("abstinent")).isEmpty());
    const Id first = vault->notes().forClient(expected.first().code, false).first().id;
    vault->notes().sign(first);
    QVERIFY(vault->notes().verifySignature(first));

    // Opening again does not migrate twice.
    vault->lock();
    vault = openVault(dir);
    QCOMPARE(countRows(vault::VaultTestAccess::database(*vault), "notes"), expected.size());
    QCOMPARE(countRows(vault::VaultTestAccess::database(*vault), "users"), 1);
}

// Migrating a v1 vault builds each note's counted themes (for caseload charts) from the hits it
// already holds: rejected hits left out, manual tags in.
void VaultTest::migrationToV2CountsEachNotesThemes()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString dir = tmp.filePath(QStringLiteral("vault"));
    model::Id first = 0;
    model::Id second = 0;
    {
        auto vault = createVault(dir);
        vault->clients().add(makeClient(QStringLiteral("C-0950"), QStringLiteral("M. N.")));
        first = vault->notes().addSession(makeSession("2025-06-02", {QStringLiteral("C-0950")}), QStringLiteral("free"),
                                  model::NoteKind::Progress,
                                  {{QStringLiteral("Note"), QStringLiteral("She felt abandoned and drank when he left. "
                                                                           "Pt felt abandoned again on Sunday.")}})
                    .notes.first();
        second = vault->notes().addSession(makeSession("2025-06-09", {QStringLiteral("C-0950")}), QStringLiteral("free"),
                                   model::NoteKind::Progress, {{QStringLiteral("Note"), QStringLiteral("Quiet week.")}})
                     .notes.first();
        const auto tags = vault->tagging().tags(first);
        const auto abandonment = std::find_if(tags.begin(), tags.end(), [](const auto &t) { return t.theme == u"abandonment"; });
        QVERIFY(abandonment != tags.end());
        vault->tagging().decide(abandonment->id, model::TagDecision::Rejected);
        vault->tagging().tagSpan(second, QStringLiteral("coping"), 0, 5);
        // Back to what a v1 build wrote.
        vault::VaultTestAccess::database(*vault).exec(
            "DROP TABLE note_theme_counts; DROP TABLE theme_names; DROP TABLE note_themes; DROP TABLE audit; "
            "DROP TABLE supervision; DROP TABLE note_comments; DROP TABLE agreement_ratings; "
            "DROP TABLE agreement_checks; DROP TABLE client_summaries; DROP TABLE session_aliases; "
            "DROP INDEX notes_one_progress; DROP TABLE measure_history; DROP TABLE shared_notes; ALTER TABLE theme_hits DROP COLUMN scope; "
            "DROP TABLE risk_flags; DROP TABLE risk_assessments; DROP TABLE safety_plans; DROP TABLE episodes; DROP TABLE objective_progress; DROP TABLE plan_reviews; DROP TABLE treatment_plans; DROP TABLE plan_objectives; DROP TABLE note_fields; "
            "ALTER TABLE users DROP COLUMN removed; PRAGMA user_version = 1");
        vault->lock();
    }
    // The trail dropped with the tables is shorter than this machine saw: forget what it saw.
    forgetRollbackRecord(dir);
    forgetSignedAuditEntries(dir);
    auto vault = openVault(dir);
    sql::Database &db = vault::VaultTestAccess::database(*vault);
    QCOMPARE(vault::userVersion(db), vault::schemaVersion);
    const auto themesOf = [&](model::Id note) { return countedThemes(db, note); };
    // Two abandonment hits, one rejected: one left. The driver-linked use counts as it was tagged.
    QVERIFY2(themesOf(first).startsWith(QLatin1String("abandonment 1,")), qPrintable(themesOf(first)));
    QCOMPARE(themesOf(second), QStringLiteral("coping 1"));
    // And the vault keeps it in step afterwards.
    vault->tagging().tagSpan(second, QStringLiteral("coping"), 6, 10);
    QCOMPARE(themesOf(second), QStringLiteral("coping 2"));
}

// v4 -> v5 turns each note's counted themes from text ("abandonment 2,relapse 1") into rows. A
// vault as a v4 build left it opens with every chart as it was: the caseload's fast path, each
// client's own view and the caseload per therapist.
void VaultTest::migrationToV5KeepsPatterns()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString dir = tmp.filePath(QStringLiteral("vault"));
    patterns::Query monthly;
    monthly.by = patterns::Bucketing::Month;
    const auto charts = [&](Vault &v) {
        QJsonObject all{{QStringLiteral("caseload"),
                         patterns::toJson(patterns::analyseCaseload(v.histories().caseload(), monthly),
                                          QStringLiteral("caseload"), QStringLiteral("all"))},
                        {QStringLiteral("alice"),
                         patterns::toJson(patterns::analyseCaseload(v.histories().caseload(v.currentUser().id), monthly),
                                          QStringLiteral("caseload"), QStringLiteral("alice"))}};
        for (const model::Client &c : v.clients().list())
            all.insert(c.code, patterns::toJson(patterns::analyse(v.histories().client(c.code, true), monthly),
                                                QStringLiteral("client"), c.code));
        return all;
    };
    QJsonObject before;
    model::Id deleted = 0;
    {
        auto vault = createVault(dir);
        vault->clients().add(makeClient(QStringLiteral("C-0970"), QStringLiteral("T. U.")));
        vault->clients().add(makeClient(QStringLiteral("C-0971"), QStringLiteral("V. W.")));
        const Id a = addNote(*vault, "2025-05-05", QStringLiteral("C-0970"),
                             QStringLiteral("She felt abandoned and drank when he left. She felt abandoned again."));
        const Id b = addNote(*vault, "2025-05-12", QStringLiteral("C-0970"),
                             QStringLiteral("Cravings at night; she relapsed on Saturday and felt ashamed."));
        addNote(*vault, "2025-06-02", QStringLiteral("C-0971"), QStringLiteral("Anxious before work, used to calm down."));
        deleted = addNote(*vault, "2025-06-09", QStringLiteral("C-0971"), QStringLiteral("Felt abandoned."));
        const auto group = vault->notes().addSession(
            makeSession("2025-06-16", {QStringLiteral("C-0970"), QStringLiteral("C-0971")}, model::Modality::Group),
            QStringLiteral("free"), model::NoteKind::Progress,
            {{QStringLiteral("Note"), QStringLiteral("Shame and cravings came up for everyone.")}});
        vault->notes().add(group.session, QStringLiteral("C-0970"), QStringLiteral("process"), model::NoteKind::Process,
                           {{QStringLiteral("Process"), QStringLiteral("I felt she feared being abandoned by the group.")}});
        const auto tags = vault->tagging().tags(a);
        QVERIFY(!tags.isEmpty());
        vault->tagging().decide(tags.first().id, model::TagDecision::Rejected);
        vault->tagging().tagSpan(b, QStringLiteral("coping"), 0, 8);
        vault->notes().deleteDraft(deleted);
        before = charts(*vault);
        QVERIFY(!before.value(QStringLiteral("caseload")).toObject().value(QStringLiteral("summary")).toObject().isEmpty());
        // Back to what a v4 build wrote: the counts as text in note_themes.
        vault::VaultTestAccess::database(*vault).exec(R"sql(
DROP TABLE note_theme_counts;
DROP TABLE theme_names;
ALTER TABLE note_themes ADD COLUMN themes TEXT NOT NULL DEFAULT '';
UPDATE note_themes SET themes = coalesce(
  (SELECT group_concat(theme || ' ' || hits, ',')
   FROM (SELECT theme, count(*) AS hits FROM theme_hits
         WHERE note_id = note_themes.note_id AND decision <> 'rejected' GROUP BY theme ORDER BY theme)), '');
DROP TABLE session_aliases;
DROP INDEX notes_one_progress;
DROP TABLE measure_history;
DROP TABLE shared_notes;
ALTER TABLE theme_hits DROP COLUMN scope;
DROP TABLE risk_flags;
DROP TABLE risk_assessments; DROP TABLE safety_plans; DROP TABLE episodes; DROP TABLE objective_progress; DROP TABLE plan_reviews; DROP TABLE treatment_plans; DROP TABLE plan_objectives; DROP TABLE note_fields;
ALTER TABLE users DROP COLUMN removed; PRAGMA user_version = 4;
)sql");
        QVERIFY(vault::VaultTestAccess::database(*vault)
                    .pragmaText("SELECT count(*) FROM note_themes WHERE themes LIKE '%abandonment%'")
                    .toInt()
                > 0);
        vault->lock();
    }
    auto vault = openVault(dir);
    sql::Database &db = vault::VaultTestAccess::database(*vault);
    QCOMPARE(vault::userVersion(db), vault::schemaVersion);
    QCOMPARE(db.pragmaText("SELECT count(*) FROM pragma_table_info('note_themes') WHERE name = 'themes'"),
             QStringLiteral("0"));
    QCOMPARE(countedThemes(db, deleted), QStringLiteral("<no row>"));
    QCOMPARE(charts(*vault), before);
    // The migrated rows are kept in step afterwards, as new ones are.
    const Id later = addNote(*vault, "2025-07-07", QStringLiteral("C-0971"), QStringLiteral("She relapsed again."));
    QVERIFY2(countedThemes(db, later).contains(QLatin1String("relapse 1")), qPrintable(countedThemes(db, later)));
}

// The private process note is written on the same session as the progress note: one session in
// the record and in the patterns, the process note's themes only for its author when asked.
void VaultTest::processNoteBesideTheProgressNote()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    auto vault = createVault(tmp.filePath(QStringLiteral("vault")));
    vault->clients().add(makeClient(QStringLiteral("C-0960"), QStringLiteral("P. Q.")));
    vault->clients().add(makeClient(QStringLiteral("C-0961"), QStringLiteral("R. S.")));
    const auto made = vault->notes().addSession(makeSession("2025-07-01", {QStringLiteral("C-0960")}), QStringLiteral("soap"),
                                        model::NoteKind::Progress, soap(QStringLiteral("Pt reports anxiety before work.")));
    const Id process = vault->notes().add(made.session, QStringLiteral("C-0960"), QStringLiteral("process"),
                                      model::NoteKind::Process,
                                      {{QStringLiteral("Process"), QStringLiteral("She relates to me as to her mother; "
                                                                                  "she feels abandoned when I go on leave.")}});
    QVERIFY(process > made.notes.first());
    QCOMPARE(vault->notes().read(process).sessionId, made.session);
    QCOMPARE(vault->notes().forClient(QStringLiteral("C-0960"), false).size(), 1);
    QCOMPARE(vault->notes().forClient(QStringLiteral("C-0960"), true).size(), 2);

    const auto withoutProcess = vault->histories().client(QStringLiteral("C-0960"));
    QCOMPARE(withoutProcess.sessions.size(), 1);
    QCOMPARE(withoutProcess.sessions.first().themes.count(QStringLiteral("abandonment")), std::size_t(0));
    const auto withProcess = vault->histories().client(QStringLiteral("C-0960"), true);
    QCOMPARE(withProcess.sessions.size(), 1);
    QCOMPARE(withProcess.sessions.first().themes.count(QStringLiteral("abandonment")), std::size_t(1));
    QCOMPARE(withProcess.sessions.first().themes.count(QStringLiteral("anxiety")), std::size_t(1));

    // Only a client on the session, a known template.
    UC_VERIFY_ERROR(ErrorKind::Io, vault->notes().add(made.session, QStringLiteral("C-0961"), QStringLiteral("process"),
                                                  model::NoteKind::Process, {{QStringLiteral("Process"), QStringLiteral("x")}}));
    UC_VERIFY_ERROR(ErrorKind::Io, vault->notes().add(made.session, QStringLiteral("C-0960"), QStringLiteral("nonsense"),
                                                  model::NoteKind::Progress, {{QStringLiteral("Note"), QStringLiteral("x")}}));
    UC_VERIFY_ERROR(ErrorKind::Io, vault->notes().add(made.session + 100, QStringLiteral("C-0960"), QStringLiteral("free"),
                                                  model::NoteKind::Progress, {{QStringLiteral("Note"), QStringLiteral("x")}}));
}

// A vault written by a newer build is refused untouched, not half-read or downgraded.
void VaultTest::newerSchemaRefused()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString dir = tmp.filePath(QStringLiteral("vault"));
    {
        auto vault = createVault(dir);
        vault->clients().add(makeClient(QStringLiteral("C-0901"), QStringLiteral("W. X.")));
        vault::VaultTestAccess::database(*vault).exec("PRAGMA user_version = 99");
        vault->lock();
    }
    const auto error = errorOf([&] { openVault(dir); });
    QVERIFY(error.has_value());
    QCOMPARE(error->kind(), ErrorKind::Damaged);
    QCOMPARE(error->exitCode(), 4);
    QVERIFY2(error->message().contains(QLatin1String("newer")), qPrintable(error->message()));
    // The refusal released the folder: a second try is refused the same way, not as "in use".
    UC_VERIFY_ERROR(ErrorKind::Damaged, openVault(dir));

    const SecretBuffer key = KeySlots::load(dir).unwrapUser(QStringLiteral("alice"), secret(alicePassphrase));
    auto db = sql::Database::open(vaultFile(dir, Vault::databaseName), key, sql::Database::Open::MustExist);
    QCOMPARE(vault::userVersion(db), 99);
    QCOMPARE(countRows(db, "clients"), 1);
}

// Search finds what was written, marks the match, puts the best match first, keeps other
// clinicians' process notes private, and takes whatever a user types without breaking.
void VaultTest::searchFindsAndRanks()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString dir = tmp.filePath(QStringLiteral("vault"));
    Id dense = 0, sparse = 0, unrelated = 0, privateNote = 0;
    {
        auto vault = createVault(dir);
        vault->clients().add(makeClient(QStringLiteral("C-1001"), QStringLiteral("Y. Z.")));
        vault->clients().add(makeClient(QStringLiteral("C-1002"), QStringLiteral("A. A.")));
        dense = addNote(*vault, "2025-06-01", QStringLiteral("C-1001"),
                        QStringLiteral("Feels abandoned. Abandoned again by her mother; fear of abandonment."));
        sparse = addNote(*vault, "2025-06-02", QStringLiteral("C-1002"),
                         QStringLiteral("Long discussion of work, sleep, the new job, the commute, money worries, "
                                        "his brother's wedding and whether to tell the family about treatment. "
                                        "Says he will not abandon the program. Reviewed coping cards and the "
                                        "weekend plan in detail; homework: two meetings and one call."));
        unrelated = addNote(*vault, "2025-06-03", QStringLiteral("C-1001"), QStringLiteral("Cravings lower this week."));
        privateNote = addNote(*vault, "2025-06-03", QStringLiteral("C-1001"),
                              QStringLiteral("I noticed my own wish to rescue her; she expects to be abandoned."),
                              model::NoteKind::Process);
        vault->notes().sign(dense);
        vault->addUser(QStringLiteral("bob"), model::Role::Therapist, secret("bob's own passphrase"), KdfCost::testOnly());

        const auto hits = vault->search().notes(QStringLiteral("abandon*"));
        QList<Id> ids;
        for (const auto &h : hits)
            ids << h.noteId;
        QCOMPARE(ids.size(), 3);
        QVERIFY(ids.contains(dense) && ids.contains(sparse) && ids.contains(privateNote));
        QVERIFY(!ids.contains(unrelated));
        QCOMPARE(ids.first(), dense);
        QVERIFY(ids.indexOf(dense) < ids.indexOf(sparse));
        for (const auto &h : hits) {
            QVERIFY2(h.snippet.contains(QLatin1String("[abandon")) || h.snippet.contains(QLatin1String("[Abandon")),
                     qPrintable(h.snippet));
            QVERIFY(h.snippet.contains(QLatin1Char(']')));
            if (h.noteId == dense) {
                QCOMPARE(h.clientCode, QStringLiteral("C-1001"));
                QCOMPARE(model::toIso(h.sessionDate), QStringLiteral("2025-06-01"));
            }
            if (h.noteId == privateNote)
                QCOMPARE(model::toString(h.kind), QStringLiteral("process"));
        }
        // Without the star every form of the word matches as well (the Porter stemmer, docs/search.md).
        const auto stemmed = vault->search().notes(QStringLiteral("abandon"));
        QCOMPARE(stemmed.size(), 3);
        QCOMPARE(stemmed.first().noteId, dense);
        QVERIFY(vault->search().notes(QStringLiteral("relapse")).isEmpty());
        QVERIFY(vault->search().notes(QStringLiteral("   ")).isEmpty());
    }

    auto bob = openVault(dir, QStringLiteral("bob"), "bob's own passphrase");
    const auto hits = bob->search().notes(QStringLiteral("abandon*"));
    QList<Id> ids;
    for (const auto &h : hits)
        ids << h.noteId;
    QCOMPARE(ids.size(), 2);
    QVERIFY(ids.contains(dense) && ids.contains(sparse));
    QVERIFY(!ids.contains(privateNote));
    QVERIFY(bob->search().notes(QStringLiteral("rescue")).isEmpty());
    UC_VERIFY_ERROR(ErrorKind::NotAllowed, bob->notes().read(privateNote));

    // Text that looks like FTS syntax is searched for, never parsed as a query.
    for (const char *typed : {"\"AND OR (", "NEAR(", "*", "\"", "body:abandon", "-abandon", "^abandon", "abandon AND",
                              ")", "'", "\\", "a**", "\"abandon*\" OR 1=1 --", "abandon* NOT mother", "{body}: x",
                              "ab\"and*"}) {
        const auto result = errorOf([&] { (void)bob->search().notes(QString::fromLatin1(typed)); });
        QVERIFY2(!result.has_value(),
                 qPrintable(QStringLiteral("search(%1) threw: %2")
                                    .arg(QString::fromLatin1(typed), result ? result->message() : QString())));
    }
    // Operators are words: "AND" matches the word "and", and NOT excludes nothing (it must be in the note).
    const auto withAnd = bob->search().notes(QStringLiteral("abandon AND"));
    QCOMPARE(withAnd.size(), 1);
    QCOMPARE(withAnd.first().noteId, sparse);
    QVERIFY(bob->search().notes(QStringLiteral("abandon* NOT mother")).isEmpty());
}

// A group note gives every member their own note; an individual session has one client.
void VaultTest::groupSession()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    auto vault = createVault(tmp.filePath(QStringLiteral("vault")));
    vault->clients().add(makeClient(QStringLiteral("C-1101"), QStringLiteral("B. B.")));
    vault->clients().add(makeClient(QStringLiteral("C-1102"), QStringLiteral("C. C.")));

    model::Session group = makeSession("2025-07-01", {QStringLiteral("C-1102"), QStringLiteral("C-1101")},
                                       model::Modality::Group);
    group.groupTopic = QStringLiteral("Coping with cravings");
    group.attendees[0].attendance = model::Attendance::Late;
    const auto sections = model::sectionsFromText(
        QStringLiteral("## Group topic\nCoping with cravings\n## Participation\nActive\n## Response\nEngaged\n## Plan\nContinue"),
        QStringLiteral("group"));
    const auto made = vault->notes().addSession(group, QStringLiteral("group"), model::NoteKind::Progress, sections);
    QCOMPARE(made.notes.size(), 2);
    QVERIFY(made.notes.at(0) != made.notes.at(1));
    // One note per attendee, in attendee order.
    QCOMPARE(vault->notes().read(made.notes.at(0)).clientCode, QStringLiteral("C-1102"));
    QCOMPARE(vault->notes().read(made.notes.at(1)).clientCode, QStringLiteral("C-1101"));
    for (const Id id : made.notes) {
        const model::Note n = vault->notes().read(id);
        QCOMPARE(n.sessionId, made.session);
        QCOMPARE(flatten(n.sections), flatten(sections));
        QCOMPARE(n.templateId, QStringLiteral("group"));
    }
    QCOMPARE(vault->notes().forClient(QStringLiteral("C-1101"), false).size(), 1);
    QCOMPARE(vault->notes().forClient(QStringLiteral("C-1102"), false).size(), 1);

    const model::Session s = vault->notes().session(made.session);
    QCOMPARE(model::toString(s.modality), QStringLiteral("group"));
    QCOMPARE(s.groupTopic, QStringLiteral("Coping with cravings"));
    QCOMPARE(s.attendees.size(), 2);
    QStringList attendees;
    for (const auto &a : s.attendees)
        attendees << a.clientCode + QLatin1Char('/') + model::toString(a.attendance);
    attendees.sort();
    QCOMPARE(attendees, (QStringList{QStringLiteral("C-1101/attended"), QStringLiteral("C-1102/late")}));

    // Signing one member's note leaves the other's a draft.
    vault->notes().sign(made.notes.at(0));
    QCOMPARE(model::toString(vault->notes().read(made.notes.at(1)).status), QStringLiteral("draft"));

    const int sessionsBefore = countRows(vault::VaultTestAccess::database(*vault), "sessions");
    model::Session individual = makeSession("2025-07-02", {QStringLiteral("C-1101"), QStringLiteral("C-1102")});
    const auto error = errorOf(
        [&] { vault->notes().addSession(individual, QStringLiteral("soap"), model::NoteKind::Progress, soap(QStringLiteral("x"))); });
    QVERIFY(error.has_value());
    QCOMPARE(error->kind(), ErrorKind::Io);
    QCOMPARE(error->exitCode(), 2);
    // A process note is one client's: not for a group.
    UC_VERIFY_ERROR(ErrorKind::Io, vault->notes().addSession(group, QStringLiteral("process"), model::NoteKind::Process,
                                                     soap(QStringLiteral("x"))));
    QCOMPARE(countRows(vault::VaultTestAccess::database(*vault), "sessions"), sessionsBefore);
}

// Malformed input is refused with a clear kind, and nothing half-written stays behind.
void VaultTest::badInput()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    auto vault = createVault(tmp.filePath(QStringLiteral("vault")));
    vault->clients().add(makeClient(QStringLiteral("C-1201"), QStringLiteral("D. D.")));
    sql::Database &db = vault::VaultTestAccess::database(*vault);

    UC_VERIFY_ERROR(ErrorKind::Io, vault->notes().addSession(makeSession("2025-08-01", {QStringLiteral("C-1201")}),
                                                     QStringLiteral("nope"), model::NoteKind::Progress,
                                                     soap(QStringLiteral("x"))));
    UC_VERIFY_ERROR(ErrorKind::Io, vault->clients().add(makeClient(QStringLiteral("C-1202"), QString())));
    UC_VERIFY_ERROR(ErrorKind::Io, vault->clients().add(makeClient(QStringLiteral("C-1202"), QStringLiteral("   "))));
    UC_VERIFY_ERROR(ErrorKind::Io, vault->clients().add(makeClient(QString(), QStringLiteral("E. E."))));
    UC_VERIFY_ERROR(ErrorKind::Io, vault->clients().add(makeClient(QStringLiteral("C 1202; DROP"), QStringLiteral("E. E."))));
    UC_VERIFY_ERROR(ErrorKind::Conflict, vault->clients().add(makeClient(QStringLiteral("C-1201"), QStringLiteral("F. F."))));
    QCOMPARE(countRows(db, "clients"), 1);
    QCOMPARE(vault->clients().find(QStringLiteral("C-1201"))->displayName, QStringLiteral("D. D."));

    // A session naming an unknown client leaves no session, attendee or note behind.
    UC_VERIFY_ERROR(ErrorKind::Io, vault->notes().addSession(makeSession("2025-08-01", {QStringLiteral("C-9999")}),
                                                     QStringLiteral("soap"), model::NoteKind::Progress,
                                                     soap(QStringLiteral("x"))));
    model::Session noDate = makeSession("2025-08-01", {QStringLiteral("C-1201")});
    noDate.date = model::Date();
    UC_VERIFY_ERROR(ErrorKind::Io, vault->notes().addSession(noDate, QStringLiteral("soap"), model::NoteKind::Progress,
                                                     soap(QStringLiteral("x"))));
    model::Session tooLong = makeSession("2025-08-01", {QStringLiteral("C-1201")});
    tooLong.minutes = 0;
    UC_VERIFY_ERROR(ErrorKind::Io, vault->notes().addSession(tooLong, QStringLiteral("soap"), model::NoteKind::Progress,
                                                     soap(QStringLiteral("x"))));
    QCOMPARE(countRows(db, "sessions"), 0);
    QCOMPARE(countRows(db, "session_attendees"), 0);
    QCOMPARE(countRows(db, "notes"), 0);

    QVERIFY(!model::parseDate(QStringLiteral("2025-02-29")).has_value());
    QVERIFY(model::parseDate(QStringLiteral("2024-02-29")).has_value());
    QCOMPARE(model::toIso(*model::parseDate(QStringLiteral("2024-02-29"))), QStringLiteral("2024-02-29"));
    QVERIFY(!model::parseDate(QStringLiteral("2025-13-01")).has_value());
    QVERIFY(!model::parseDate(QStringLiteral("01/03/2025")).has_value());
    QVERIFY(!model::parseTime(QStringLiteral("24:00")).has_value());
}

// A session's details can be corrected while its notes are drafts, by the clinician who made it;
// once a note is signed they are part of the record and stay.
void VaultTest::sessionDetailsChangeWhileDrafts()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString dir = tmp.filePath(QStringLiteral("vault"));
    auto vault = createVault(dir);
    vault->clients().add(makeClient(QStringLiteral("C-0801"), QStringLiteral("G. H.")));
    vault->clients().add(makeClient(QStringLiteral("C-0802"), QStringLiteral("I. J.")));
    vault->clients().add(makeClient(QStringLiteral("C-0803"), QStringLiteral("K. L.")));
    model::Session group = makeSession("2025-05-05", {QStringLiteral("C-0801"), QStringLiteral("C-0802")},
                                       model::Modality::Group);
    group.groupTopic = QStringLiteral("Coping with cravings at weekends");
    const auto made = vault->notes().addSession(group, QStringLiteral("group"), model::NoteKind::Progress,
                                        model::sectionsFromText(QStringLiteral("## Participation\nShared a plan for Saturday evenings."),
                                                                QStringLiteral("group")));
    QCOMPARE(made.notes.size(), 2);

    // Each member's note on the session, for moving between them.
    const auto refs = vault->notes().ownSessionNotes(made.session);
    QCOMPARE(refs.size(), 2);
    QCOMPARE(refs.at(0).clientCode, QStringLiteral("C-0801"));
    QCOMPARE(refs.at(1).note, made.notes.at(1));

    model::Session changed = vault->notes().session(made.session);
    changed.date = date("2025-05-06");
    changed.start = model::parseTime(QStringLiteral("09:15"));
    changed.minutes = 90;
    changed.setting = model::Setting::Telehealth;
    for (auto &a : changed.attendees)
        if (a.clientCode == QStringLiteral("C-0802"))
            a.attendance = model::Attendance::Late;
    vault->notes().updateSession(changed);
    const model::Session now = vault->notes().session(made.session);
    QCOMPARE(model::toIso(now.date), QStringLiteral("2025-05-06"));
    QCOMPARE(model::toIso(*now.start), QStringLiteral("09:15"));
    QCOMPARE(now.minutes, 90);
    QVERIFY(now.modality == model::Modality::Group);
    QVERIFY(now.setting == model::Setting::Telehealth);
    QCOMPARE(now.groupTopic, group.groupTopic);
    QCOMPARE(now.attendees.size(), 2);
    QVERIFY(now.attendees.at(0).attendance == model::Attendance::Attended);
    QVERIFY(now.attendees.at(1).attendance == model::Attendance::Late);
    QCOMPARE(model::toIso(vault->notes().read(made.notes.at(1)).sessionDate), QStringLiteral("2025-05-06"));
    // The trail names the fields that changed, never the topic or a client.
    const auto trail = vault->auditTrail().entries();
    const auto edit = std::find_if(trail.rbegin(), trail.rend(),
                                   [](const auto &e) { return e.action == QStringLiteral("edit-session"); });
    QVERIFY(edit != trail.rend());
    QCOMPARE(edit->object, QStringLiteral("session:%1").arg(made.session));
    QCOMPARE(edit->detail, QStringLiteral("date,start,minutes,setting,attendance"));

    // Refused, and nothing changes: another list of clients, two clients in an individual
    // session, an impossible length, an unknown session.
    const QStringList before = dumpTable(vault::VaultTestAccess::database(*vault), QStringLiteral("sessions"))
                               + dumpTable(vault::VaultTestAccess::database(*vault), QStringLiteral("session_attendees"));
    model::Session other = now;
    other.attendees[1].clientCode = QStringLiteral("C-0803");
    UC_VERIFY_ERROR(ErrorKind::Io, vault->notes().updateSession(other));
    model::Session fewer = now;
    fewer.attendees.removeLast();
    UC_VERIFY_ERROR(ErrorKind::Io, vault->notes().updateSession(fewer));
    model::Session individual = now;
    individual.modality = model::Modality::Individual;
    UC_VERIFY_ERROR(ErrorKind::Io, vault->notes().updateSession(individual));
    model::Session endless = now;
    endless.minutes = 0;
    UC_VERIFY_ERROR(ErrorKind::Io, vault->notes().updateSession(endless));
    model::Session unknown = now;
    unknown.id = made.session + 100;
    UC_VERIFY_ERROR(ErrorKind::Io, vault->notes().updateSession(unknown));
    QCOMPARE(dumpTable(vault::VaultTestAccess::database(*vault), QStringLiteral("sessions"))
                 + dumpTable(vault::VaultTestAccess::database(*vault), QStringLiteral("session_attendees")),
             before);

    // Another clinician may not change it.
    vault->addUser(QStringLiteral("carol"), model::Role::Therapist, secret("carol's own passphrase"), KdfCost::testOnly());
    vault->lock();
    {
        auto carol = openVault(dir, QStringLiteral("carol"), "carol's own passphrase");
        model::Session hers = now;
        hers.minutes = 45;
        UC_VERIFY_ERROR(ErrorKind::NotAllowed, carol->notes().updateSession(hers));
    }
    vault = openVault(dir);

    // Once one member's note is signed, the details are part of the record.
    vault->notes().sign(made.notes.at(0));
    model::Session late = now;
    late.minutes = 60;
    UC_VERIFY_ERROR(ErrorKind::Conflict, vault->notes().updateSession(late));
    QCOMPARE(vault->notes().session(made.session).minutes, 90);
}

// v5 -> v6 drops the measures table's list of instruments. A vault as a v5 build left it keeps
// every measure as it was, and then takes a DAST-10, which the old table refused.
void VaultTest::migrationToV6KeepsMeasuresAndTakesNewInstruments()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString dir = tmp.filePath(QStringLiteral("vault"));
    QList<model::Measure> before;
    {
        auto vault = createVault(dir);
        vault->clients().add(makeClient(QStringLiteral("C-0980"), QStringLiteral("X. Y.")));
        vault->measures().add(QStringLiteral("C-0980"), *model::parseDate(QStringLiteral("2025-03-03")), QStringLiteral("phq9"),
                              {2, 2, 2, 2, 2, 2, 1, 1, 0});
        vault->measures().add(QStringLiteral("C-0980"), *model::parseDate(QStringLiteral("2025-03-10")), QStringLiteral("auditc"),
                              {1, 1, 1});
        before = vault->measures().forClient(QStringLiteral("C-0980"));
        // Back to what a v5 build wrote: the instruments listed in the table's CHECK.
        vault::VaultTestAccess::database(*vault).exec(R"sql(
CREATE TABLE measures_v5(
  id         INTEGER PRIMARY KEY,
  client_id  INTEGER NOT NULL REFERENCES clients(id),
  date       TEXT NOT NULL,
  instrument TEXT NOT NULL CHECK (instrument IN ('phq9', 'gad7', 'audit', 'auditc')),
  answers    TEXT NOT NULL,
  total      INTEGER NOT NULL,
  band       TEXT NOT NULL,
  entered_by INTEGER NOT NULL REFERENCES users(id),
  created    TEXT NOT NULL);
INSERT INTO measures_v5 SELECT * FROM measures;
DROP TABLE measures;
ALTER TABLE measures_v5 RENAME TO measures;
CREATE INDEX measures_client ON measures(client_id, date);
DROP TABLE session_aliases;
DROP INDEX notes_one_progress;
DROP TABLE measure_history;
DROP TABLE shared_notes;
ALTER TABLE theme_hits DROP COLUMN scope;
DROP TABLE risk_flags;
DROP TABLE risk_assessments; DROP TABLE safety_plans; DROP TABLE episodes; DROP TABLE objective_progress; DROP TABLE plan_reviews; DROP TABLE treatment_plans; DROP TABLE plan_objectives; DROP TABLE note_fields;
ALTER TABLE users DROP COLUMN removed; PRAGMA user_version = 5;
)sql");
        QVERIFY_THROWS_EXCEPTION(Error, vault->measures().add(QStringLiteral("C-0980"), *model::parseDate(QStringLiteral("2025-03-17")),
                                                              QStringLiteral("dast10"), {1, 1, 0, 0, 0, 0, 0, 0, 0, 0}));
        vault->lock();
    }
    auto vault = openVault(dir);
    sql::Database &db = vault::VaultTestAccess::database(*vault);
    QCOMPARE(vault::userVersion(db), vault::schemaVersion);
    const QList<model::Measure> after = vault->measures().forClient(QStringLiteral("C-0980"));
    QCOMPARE(after.size(), before.size());
    for (qsizetype i = 0; i < after.size(); ++i) {
        QCOMPARE(after[i].id, before[i].id);
        QCOMPARE(after[i].instrument, before[i].instrument);
        QCOMPARE(after[i].answers, before[i].answers);
        QCOMPARE(after[i].total, before[i].total);
        QCOMPARE(after[i].band, before[i].band);
    }
    QCOMPARE(db.pragmaText("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'measures_client'"),
             QStringLiteral("1"));
    vault->measures().add(QStringLiteral("C-0980"), *model::parseDate(QStringLiteral("2025-03-17")), QStringLiteral("dast10"),
                          {1, 1, 0, 0, 0, 0, 0, 0, 0, 0});
    const QList<model::Measure> now = vault->measures().forClient(QStringLiteral("C-0980"));
    QCOMPARE(now.size(), 3);
    QCOMPARE(now.last().total, 3);
    QCOMPARE(now.last().band, QStringLiteral("moderate"));
}

QTEST_GUILESS_MAIN(VaultTest)
#include "vaulttest.moc"
