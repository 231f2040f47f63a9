// SPDX-License-Identifier: GPL-3.0-or-later
// A process note is its author's alone, also against a colleague with an account who unwraps the
// shared data key with their own passphrase and reads notes.db directly. Each
// test is what that colleague, or someone editing the file, would try: read every table for a word
// only the process note holds, ask the search index for it, move sealed text from one note to
// another, edit it. The author still reads, searches, tags and verifies the note, a recovery keeps
// it, and a process note written before sealing is sealed at its author's next unlock.
#include "model/types.h"
#include "testvault.h"
#include "vault/audit.h"
#include "vault/keyslots.h"
#include "vault/notes.h"
#include "vault/testaccess.h"
#include "vault/vault.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace uc;
using uc::model::Id;
using uc::testing::errorOf;
using uc::testing::secret;
using uc::vault::KdfCost;
using uc::vault::Vault;

namespace {

// Words that appear nowhere but in the process note, its addendum and what is found in them.
constexpr auto noteWord = "zanzibarquill";
constexpr auto addendumWord = "quixotelantern";

QString processText()
{
    return u"She spoke of the zanzibarquill dream again. She drank when she felt abandoned by her father. "
           u"Denies SI. I noticed a strong pull to rescue her."_s;
}

Id addNote(Vault &v, model::NoteKind kind, const QString &text, int day = 3)
{
    model::Session s;
    s.date = model::Date(2025, 3, day);
    s.minutes = 50;
    s.attendees.append({0, u"C-1"_s, model::Attendance::Attended});
    return v.notes().addSession(s, u"free"_s, kind, {{u"Note"_s, text}}).notes.first();
}

// Every value of every table, as the colleague with the data key reads them.
QStringList tablesHolding(sql::Database &db, const QString &word)
{
    QStringList tables;
    {
        auto names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'");
        while (names.step())
            tables << names.text(0);
    }
    QStringList holding;
    for (const QString &table : std::as_const(tables)) {
        auto stmt = db.prepare("SELECT * FROM \"" + table.toStdString() + '"');
        bool found = false;
        while (!found && stmt.step()) {
            for (int c = 0; c < stmt.columnCount() && !found; ++c)
                found = stmt.blob(c).toLower().contains(word.toUtf8());
        }
        if (found)
            holding << table;
    }
    return holding;
}

int indexMatches(sql::Database &db, const char *word)
{
    auto stmt = db.prepare("SELECT count(*) FROM notes_fts WHERE notes_fts MATCH ?");
    stmt.bind(1, QString::fromLatin1(word));
    stmt.step();
    return static_cast<int>(stmt.int64(0));
}

} // namespace

class SealedProcessTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_config;
    QTemporaryDir m_tmp;
    QString m_dir;
    vault::RecoveryKey m_recovery;
    Id m_process = 0;
    Id m_progress = 0;

    [[nodiscard]] std::unique_ptr<Vault> open(const QString &user) const { return Vault::open(m_dir, user, secret()); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_config.isValid());
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
    }

    // alice writes, signs and adds to a process note; bob is a therapist of the same practice.
    void init()
    {
        m_dir = m_tmp.filePath(u"vault-%1"_s.arg(QLatin1StringView(QTest::currentTestFunction())));
        auto created = Vault::create(m_dir, u"alice"_s, secret(), model::Role::Therapist, KdfCost::testOnly());
        m_recovery = std::move(created.recoveryKey);
        Vault &v = *created.vault;
        v.addUser(u"bob"_s, model::Role::Therapist, secret(), KdfCost::testOnly());
        model::Client c;
        c.code = u"C-1"_s;
        c.displayName = u"Client One"_s;
        v.clients().add(c);
        m_progress = addNote(v, model::NoteKind::Progress, u"Reviewed her week; cravings lower."_s, 2);
        m_process = addNote(v, model::NoteKind::Process, processText());
        v.notes().sign(m_process);
        v.notes().addAddendum(m_process, u"Later: the quixotelantern image came back."_s);
    }

    void aColleagueWithTheDataKeyFindsNoWordOfIt()
    {
        auto bob = open(u"bob"_s);
        auto &db = vault::VaultTestAccess::database(*bob);
        for (const char *word : {noteWord, addendumWord, "abandoned", "rescue"})
            QVERIFY2(tablesHolding(db, QString::fromLatin1(word)).isEmpty(),
                     qPrintable(tablesHolding(db, QString::fromLatin1(word)).join(u", "_s)));
        QCOMPARE(indexMatches(db, noteWord), 0);
        QCOMPARE(indexMatches(db, "abandoned"), 0);
        // What it raised is still counted for the charts, and its risk screen still recorded.
        auto hits = db.prepare("SELECT count(*) FROM theme_hits WHERE note_id = ? AND evidence LIKE 'ucp1:%'");
        hits.bind(1, m_process);
        QVERIFY(hits.step() && hits.int64(0) > 0);
        auto flags = db.prepare("SELECT count(*) FROM risk_flags WHERE note_id = ? AND evidence LIKE 'ucp1:%'");
        flags.bind(1, m_process);
        QVERIFY(flags.step() && flags.int64(0) > 0);
        // The progress note is searchable as before.
        QCOMPARE(indexMatches(db, "cravings"), 1);
        // And through the vault, bob is refused as before.
        const auto refused = errorOf([&] { (void)bob->notes().read(m_process); });
        QVERIFY(refused && refused->kind() == ErrorKind::NotAllowed);
        const auto addenda = errorOf([&] { (void)bob->notes().addenda(m_process); });
        QVERIFY(addenda && addenda->kind() == ErrorKind::NotAllowed);
        QVERIFY(bob->search().notes(QString::fromLatin1(noteWord)).isEmpty());
    }

    void theAuthorReadsSearchesTagsAndVerifiesIt()
    {
        auto alice = open(u"alice"_s);
        QCOMPARE(alice->notes().read(m_process).text().trimmed(), processText());
        const auto addenda = alice->notes().addenda(m_process);
        QCOMPARE(addenda.size(), 1);
        QVERIFY(addenda.first().text.contains(QLatin1String(addendumWord)));
        const auto check = alice->notes().checkSignatures(m_process);
        QVERIFY2(check.ok, qPrintable(check.problem));
        const auto tags = alice->tagging().tags(m_process);
        QVERIFY(std::any_of(tags.begin(), tags.end(), [](const model::ThemeTag &t) {
            return t.theme == u"abandonment-driven-use" || t.evidence.contains(u"abandoned");
        }));
        // As the index reads a search: the word, or a word's beginning with a star.
        QCOMPARE(alice->search().notes(u"zanzibarquill"_s).size(), 1);
        QVERIFY(alice->search().notes(u"zanzibar"_s).isEmpty());
        const auto found = alice->search().notes(u"zanzibar*"_s);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().noteId, m_process);
        QVERIFY(found.first().kind == model::NoteKind::Process);
        QVERIFY(found.first().snippet.contains(u"[zanzibarquill]"_s));
        QCOMPARE(alice->search().notes(u"cravings"_s).size(), 1);
        // The risk screen in it is the author's to see, with its words.
        const auto flags = alice->risk().forClient(u"C-1"_s);
        QVERIFY(std::any_of(flags.begin(), flags.end(), [&](const model::RiskFlag &f) {
            return f.noteId == m_process && !f.evidence.isEmpty() && !f.evidence.startsWith(u"ucp1:");
        }));
    }

    void aDraftKeepsBeingSealedAsItIsEdited()
    {
        auto alice = open(u"alice"_s);
        const Id draft = addNote(*alice, model::NoteKind::Process, u"First thoughts."_s, 5);
        alice->notes().saveDraft(draft, {{u"Note"_s, u"Second thoughts: zanzibarquill again, and anger at me."_s}});
        QCOMPARE(alice->notes().read(draft).text().trimmed(), u"Second thoughts: zanzibarquill again, and anger at me."_s);
        alice->lock();
        auto bob = open(u"bob"_s);
        QVERIFY(tablesHolding(vault::VaultTestAccess::database(*bob), QString::fromLatin1(noteWord)).isEmpty());
    }

    void sealedTextMovedOrEditedIsDamage()
    {
        Id other = 0;
        {
            auto alice = open(u"alice"_s);
            other = addNote(*alice, model::NoteKind::Process, u"Another hour, another note."_s, 6);
        }
        {
            // bob, with the data key, copies the sealed words of alice's signed note onto her draft.
            auto bob = open(u"bob"_s);
            auto &db = vault::VaultTestAccess::database(*bob);
            db.exec("UPDATE notes SET sections = (SELECT sections FROM notes WHERE id = " + std::to_string(m_process)
                    + ") WHERE id = " + std::to_string(other));
        }
        {
            auto alice = open(u"alice"_s);
            const auto moved = errorOf([&] { (void)alice->notes().read(other); });
            QVERIFY(moved && moved->kind() == ErrorKind::Damaged);
            QVERIFY(!moved->message().contains(QLatin1String(noteWord)));
        }
        {
            // One character of the sealed text changed.
            auto bob = open(u"bob"_s);
            auto &db = vault::VaultTestAccess::database(*bob);
            db.exec("DROP TRIGGER notes_signed_no_update");
            db.exec("UPDATE notes SET sections = substr(sections, 1, 20) || "
                    "CASE substr(sections, 21, 1) WHEN 'A' THEN 'B' ELSE 'A' END || substr(sections, 22) WHERE id = "
                    + std::to_string(m_process));
        }
        auto alice = open(u"alice"_s);
        const auto edited = errorOf([&] { (void)alice->notes().read(m_process); });
        QVERIFY(edited && edited->kind() == ErrorKind::Damaged);
    }

    void aProcessNoteFromBeforeSealingIsSealedAtTheNextUnlock()
    {
        // As a vault from before sealing held it: the words in the clear and in the search index.
        const QString sections = model::sectionsToJson({{u"Note"_s, processText()}});
        {
            auto bob = open(u"bob"_s);
            auto &db = vault::VaultTestAccess::database(*bob);
            db.exec("DROP TRIGGER notes_signed_no_update");
            db.prepare("UPDATE notes SET sections = ?, body = ? WHERE id = ?")
                .bind(1, sections)
                .bind(2, processText())
                .bind(3, m_process)
                .run();
            db.prepare("UPDATE theme_hits SET evidence = 'abandoned' WHERE note_id = ?").bind(1, m_process).run();
            db.prepare("INSERT INTO notes_fts(rowid, body) VALUES (?, ?)").bind(1, m_process).bind(2, processText()).run();
            QCOMPARE(indexMatches(db, noteWord), 1);
        }
        {
            // bob's unlock seals nothing of alice's: only her key can.
            auto bob = open(u"bob"_s);
            QVERIFY(!tablesHolding(vault::VaultTestAccess::database(*bob), QString::fromLatin1(noteWord)).isEmpty());
        }
        {
            auto alice = open(u"alice"_s);
            QCOMPARE(alice->notes().read(m_process).text().trimmed(), processText());
            const auto check = alice->notes().checkSignatures(m_process);
            QVERIFY2(check.ok, qPrintable(check.problem));
            const auto trail = alice->auditTrail().entries({});
            QVERIFY(std::any_of(trail.begin(), trail.end(),
                                [](const vault::AuditEntry &e) { return e.action == u"process-notes-sealed"; }));
        }
        auto bob = open(u"bob"_s);
        auto &db = vault::VaultTestAccess::database(*bob);
        // The words left the note's row; the index entry planted above is the only trace left, and
        // sealing does not add one (a real pre-sealing vault's entries go in the v16 migration).
        auto row = db.prepare("SELECT sections LIKE 'ucp1:%' AND body = '' FROM notes WHERE id = ?");
        row.bind(1, m_process);
        QVERIFY(row.step() && row.int64(0) == 1);
        auto hits = db.prepare("SELECT count(*) FROM theme_hits WHERE note_id = ? AND evidence NOT LIKE 'ucp1:%'");
        hits.bind(1, m_process);
        QVERIFY(hits.step() && hits.int64(0) == 0);
    }

    void anOldVaultsProcessNotesAreSealedOnceTheKeysAreUnderTheRecoveryKey()
    {
        Id draft = 0;
        {
            auto alice = open(u"alice"_s);
            draft = addNote(*alice, model::NoteKind::Process, u"Placeholder."_s, 7);
        }
        // As a build before per-user keys left it: the words in the clear and in the index, no
        // signatures table, no keys in the slots, no certificates or recovery copies.
        {
            auto bob = open(u"bob"_s);
            auto &db = vault::VaultTestAccess::database(*bob);
            db.prepare("UPDATE notes SET sections = ?, body = ? WHERE id = ?")
                .bind(1, model::sectionsToJson({{u"Note"_s, processText()}}))
                .bind(2, processText())
                .bind(3, draft)
                .run();
            db.prepare("INSERT INTO notes_fts(rowid, body) VALUES (?, ?)").bind(1, draft).bind(2, processText()).run();
            db.exec("DROP TABLE signatures; ALTER TABLE users DROP COLUMN removed; PRAGMA user_version = 11");
        }
        const SecretBuffer dataKey = vault::KeySlots::load(m_dir).unwrapUser(u"alice"_s, secret());
        testing::resealSlotsAsInsider(m_dir, dataKey, testing::stripPerUserKeys);
        auto sealedInRaw = [&](Vault &v) {
            auto row = vault::VaultTestAccess::database(v).prepare("SELECT sections LIKE 'ucp1:%' FROM notes WHERE id = ?");
            row.bind(1, draft);
            return row.step() && row.int64(0) == 1;
        };
        {
            // The migration took the words out of the index. Keys made now cannot be kept under the
            // recovery key: the words stay under the data key, never under a key a recovery would lose.
            auto alice = open(u"alice"_s);
            QCOMPARE(indexMatches(vault::VaultTestAccess::database(*alice), noteWord), 0);
            QVERIFY(!sealedInRaw(*alice));
            QCOMPARE(alice->notes().read(draft).text().trimmed(), processText());
        }
        // A recovery has the recovery key at hand: the keys go under it, and the note is sealed.
        auto alice = Vault::recover(m_dir, u"alice"_s, m_recovery, secret("alice's new passphrase"), KdfCost::testOnly());
        QVERIFY(sealedInRaw(*alice));
        QCOMPARE(alice->notes().read(draft).text().trimmed(), processText());
        alice->lock();
        auto again = Vault::open(m_dir, u"alice"_s, secret("alice's new passphrase"));
        QCOMPARE(again->notes().read(draft).text().trimmed(), processText());
    }

    void recoveryKeepsTheAuthorsProcessNotes()
    {
        auto alice = Vault::recover(m_dir, u"alice"_s, m_recovery, secret("alice's new passphrase"), KdfCost::testOnly());
        QCOMPARE(alice->notes().read(m_process).text().trimmed(), processText());
        QVERIFY(alice->notes().checkSignatures(m_process).ok);
    }
};

QTEST_GUILESS_MAIN(SealedProcessTest)
#include "sealedprocesstest.moc"
