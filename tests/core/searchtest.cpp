// SPDX-License-Identifier: GPL-3.0-or-later
// Search's rank window: the newest rankWindow matches are ranked, counting only the notes the
// reader may read. A supervisor whose newest matches are all another therapist's (notes they may
// not read) still finds their own therapist's older note.
#include "vault/schema.h"
#include "vault/search.h"
#include "vault/testaccess.h"
#include "vault/vault.h"

#include <QTemporaryDir>
#include <QTest>

#include <boost/date_time/gregorian/gregorian.hpp>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace uc;
using uc::vault::Vault;

namespace {

SecretBuffer secret()
{
    return SecretBuffer::copyOf(std::string_view("search test passphrase"));
}

model::Id addNote(Vault &v, const QString &client, const model::Date &date, const QString &text)
{
    model::Session s;
    s.date = date;
    s.attendees.append({0, client, model::Attendance::Attended});
    return v.notes()
        .addSession(s, u"free"_s, model::NoteKind::Progress, {{u"Note"_s, text}})
        .notes.first();
}

} // namespace

class SearchTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rankWindowCountsReadableNotesOnly();
    void aWordFindsItsOtherForms();
    void snippetsKeepPunctuation();
    void migrationRebuildsTheIndexWithTheStemmer();
};

void SearchTest::rankWindowCountsReadableNotesOnly()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(u"vault"_s);
    model::Id aliceNote = 0;
    {
        auto v = Vault::create(dir, u"alice"_s, secret(), model::Role::Therapist, vault::KdfCost::testOnly()).vault;
        v->addUser(u"bob"_s, model::Role::Therapist, secret(), vault::KdfCost::testOnly());
        v->addUser(u"sam"_s, model::Role::Supervisor, secret(), vault::KdfCost::testOnly());
        for (const QString &code : {u"C-1"_s, u"C-2"_s}) {
            model::Client c;
            c.code = code;
            c.displayName = u"Client "_s + code;
            v->clients().add(c);
        }
        aliceNote = addNote(*v, u"C-1"_s, model::Date(2024, 1, 2), u"Talked about the zanzibar trip and cravings."_s);
    }
    {
        // Newer matches than alice's, more than the window holds, all bob's (sam does not supervise
        // bob), after enough other notes that the window's first id range (4 × rankWindow ids
        // from the newest) no longer reaches back to alice's note.
        auto b = Vault::open(dir, u"bob"_s, secret());
        const int others = 3 * vault::rankWindow;
        const int matches = vault::rankWindow + 50;
        for (int i = 0; i < others + matches; ++i)
            (void)addNote(*b, u"C-2"_s, model::Date(2024, 2, 1) + boost::gregorian::days(i),
                          i < others ? u"An ordinary session, number %1."_s.arg(i)
                                     : u"The zanzibar plan again, session %1."_s.arg(i));
    }
    auto s = Vault::open(dir, u"sam"_s, secret());
    s->supervision().assign(u"alice"_s, u"sam"_s, model::SupervisionMode::Review);
    const QList<model::SearchHit> hits = s->search().notes(u"zanzibar"_s);
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits.first().noteId, aliceNote);
    s->lock();
    // Bob's own search still ranks at least his newest rankWindow matches, and not alice's note.
    auto b = Vault::open(dir, u"bob"_s, secret());
    const QList<model::SearchHit> own = b->search().notes(u"zanzibar"_s, 1000);
    QVERIFY(own.size() >= vault::rankWindow);
    QVERIFY(std::none_of(own.begin(), own.end(), [&](const model::SearchHit &h) { return h.noteId == aliceNote; }));
}

namespace {

std::unique_ptr<Vault> vaultWithNotes(const QString &dir, const QStringList &texts)
{
    auto v = Vault::create(dir, u"alice"_s, secret(), model::Role::Therapist, vault::KdfCost::testOnly()).vault;
    model::Client c;
    c.code = u"C-1"_s;
    c.displayName = u"Client one"_s;
    v->clients().add(c);
    int day = 1;
    for (const QString &text : texts)
        (void)addNote(*v, u"C-1"_s, model::Date(2024, 3, day++), text);
    return v;
}

} // namespace

// "abandon" finds "abandoned" and "abandonment", "relapsing" finds "relapse" (FTS5's Porter
// stemmer), and the snippet marks the form the note has.
void SearchTest::aWordFindsItsOtherForms()
{
    QTemporaryDir tmp;
    auto v = vaultWithNotes(tmp.filePath(u"vault"_s), {u"She felt abandoned after the call."_s,
                                                       u"Fear of abandonment came up again."_s,
                                                       u"A relapse on Friday."_s, u"Nothing about that."_s});
    const QList<model::SearchHit> abandon = v->search().notes(u"abandon"_s);
    QCOMPARE(abandon.size(), 2);
    for (const model::SearchHit &hit : abandon)
        QVERIFY2(hit.snippet.contains(u"[abandoned]"_s) || hit.snippet.contains(u"[abandonment]"_s), qPrintable(hit.snippet));
    QCOMPARE(v->search().notes(u"relapsing"_s).size(), 1);
    QCOMPARE(v->search().notes(u"abandoned"_s).size(), 2);
    QCOMPARE(v->search().notes(u"abandon*"_s).size(), 2); // prefix queries still work
    QCOMPARE(v->search().notes(u"zanzibar"_s).size(), 0);
}

void SearchTest::snippetsKeepPunctuation()
{
    QTemporaryDir tmp;
    auto v = vaultWithNotes(tmp.filePath(u"vault"_s), {u"She said \"I'm fine\", then cried; craving (7/10). Later: more talk of work, of home, of the weekend, and sleep."_s});
    const QList<model::SearchHit> hits = v->search().notes(u"craving"_s);
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits.first().snippet, u"…\"I'm fine\", then cried; [craving] (7/10). Later: more talk of work,…"_s);
}

// A vault whose index was built without the stemmer (schema 14) is searched with it after the
// upgrade: the migration makes the index again from the notes.
void SearchTest::migrationRebuildsTheIndexWithTheStemmer()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(u"vault"_s);
    {
        auto v = vaultWithNotes(dir, {u"She felt abandoned after the call."_s});
        auto &db = vault::VaultTestAccess::database(*v);
        db.exec("DROP TABLE notes_fts; "
                "CREATE VIRTUAL TABLE notes_fts USING fts5(body, content='notes', content_rowid='id', "
                "tokenize='unicode61 remove_diacritics 2'); "
                "INSERT INTO notes_fts(notes_fts) VALUES ('rebuild'); ALTER TABLE users DROP COLUMN removed; PRAGMA user_version = 14");
        QCOMPARE(v->search().notes(u"abandon"_s).size(), 0); // the old index: whole words only
        v->lock();
    }
    auto v = Vault::open(dir, u"alice"_s, secret());
    QCOMPARE(vault::userVersion(vault::VaultTestAccess::database(*v)), vault::schemaVersion);
    QCOMPARE(v->search().notes(u"abandon"_s).size(), 1);
    (void)addNote(*v, u"C-1"_s, model::Date(2024, 4, 1), u"Abandoning the plan."_s);
    QCOMPARE(v->search().notes(u"abandon"_s).size(), 2); // the triggers fill the new index
}

QTEST_GUILESS_MAIN(SearchTest)
#include "searchtest.moc"
