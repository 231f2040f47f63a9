// SPDX-License-Identifier: GPL-3.0-or-later
// A session holds notes, and patterns count sessions, never notes: one progress note per author
// and client on a session, any number of process notes; a session without a note (a no-show); a
// discarded draft leaves nothing in the search index; and a vault from before v7, which holds one
// hour as several sessions, is merged so that it counts once while its signed notes still verify.
#include "patterns/patterns.h"
#include "vault/schema.h"
#include "vault/testaccess.h"
#include "vault/vault.h"

#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace uc;
using uc::model::Id;
using uc::vault::Vault;

namespace {

constexpr std::string_view passphrase = "sessions and their notes";

std::unique_ptr<Vault> createVault(const QString &dir)
{
    return Vault::create(dir, u"alice"_s, SecretBuffer::copyOf(passphrase), model::Role::Therapist,
                         vault::KdfCost::testOnly())
        .vault;
}

std::unique_ptr<Vault> openVault(const QString &dir, const QString &user = u"alice"_s)
{
    return Vault::open(dir, user, SecretBuffer::copyOf(passphrase));
}

model::Client client(const QString &code)
{
    model::Client c;
    c.code = code;
    c.displayName = u"Client "_s + code;
    return c;
}

model::Session session(const char *isoDate, const QString &code, const char *start = "14:30",
                       model::Attendance attendance = model::Attendance::Attended)
{
    model::Session s;
    s.date = *model::parseDate(QString::fromLatin1(isoDate));
    s.start = model::parseTime(QString::fromLatin1(start));
    s.attendees.append({0, code, attendance});
    return s;
}

QList<model::Section> text(const QString &words)
{
    return {{u"Note"_s, words}};
}

template<typename F>
std::optional<ErrorKind> errorOf(F &&f)
{
    try {
        f();
    } catch (const Error &e) {
        return e.kind();
    }
    return std::nullopt;
}

int scalar(Vault &v, const char *sql)
{
    return vault::VaultTestAccess::database(v).pragmaText(sql).toInt();
}

patterns::Report patternsOf(Vault &v, const QString &code)
{
    patterns::Query monthly;
    monthly.by = patterns::Bucketing::Month;
    return patterns::analyse(v.histories().client(code, true), monthly);
}

} // namespace

class SessionsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aSessionHoldsOneProgressNotePerAuthor();
    void aSessionWithoutANote();
    void discardLeavesNothingToFind();
    void patternsCountSessionsNotNotes();
    void migrationMergesDuplicateSessions();
};

// A process note and another process note beside the progress note; a second progress note by the
// same author is refused; a co-therapist writes their own.
void SessionsTest::aSessionHoldsOneProgressNotePerAuthor()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString dir = tmp.filePath(u"vault"_s);
    auto v = createVault(dir);
    v->addUser(u"bob"_s, model::Role::Therapist, SecretBuffer::copyOf(passphrase), vault::KdfCost::testOnly());
    v->clients().add(client(u"C-1"_s));
    const auto made = v->notes().addSession(session("2025-03-03", u"C-1"_s), u"free"_s, model::NoteKind::Progress,
                                            text(u"Talked about the weekend."_s));
    const Id process = v->notes().add(made.session, u"C-1"_s, u"process"_s, model::NoteKind::Process,
                                      text(u"I felt tired."_s));
    const Id process2 = v->notes().add(made.session, u"C-1"_s, u"process"_s, model::NoteKind::Process,
                                       text(u"Later: a second thought."_s));
    QCOMPARE(errorOf([&] {
                 v->notes().add(made.session, u"C-1"_s, u"free"_s, model::NoteKind::Progress, text(u"Again."_s));
             }),
             std::optional(ErrorKind::Conflict));
    // The schema refuses it too, whatever the code above it does.
    QCOMPARE(errorOf([&] {
                 vault::VaultTestAccess::database(*v)
                     .prepare("INSERT INTO notes(session_id, client_id, author_id, template, kind, sections, body, "
                              "created, updated, uuid) SELECT session_id, client_id, author_id, template, kind, sections, "
                              "body, created, updated, lower(hex(randomblob(16))) FROM notes WHERE id = ?")
                     .bind(1, made.notes.first())
                     .run();
             })
                 .has_value(),
             true);
    const auto sessions = v->notes().sessionsOf(u"C-1"_s);
    QCOMPARE(sessions.size(), 1);
    QCOMPARE(sessions.first().notes, (QList<Id>{made.notes.first(), process, process2}));
    v->lock();

    auto bob = openVault(dir, u"bob"_s);
    const Id bobs = bob->notes().add(made.session, u"C-1"_s, u"free"_s, model::NoteKind::Progress,
                                     text(u"Co-therapist's view."_s));
    // Bob reads the progress notes, not alice's process notes.
    QCOMPARE(bob->notes().sessionsOf(u"C-1"_s).first().notes, (QList<Id>{made.notes.first(), bobs}));
    const auto listed = bob->notes().listForClient(u"C-1"_s);
    QCOMPARE(listed.size(), 2);
    QCOMPARE(listed.at(1).author, u"bob"_s);
    QCOMPARE(listed.at(1).session, made.session);
    QVERIFY(listed.at(1).status == model::NoteStatus::Draft);
    // One session in the patterns, however many notes.
    QCOMPARE(patternsOf(*bob, u"C-1"_s).attendance.attended, 1);
}

// A no-show is recorded without a note: a session, missed.
void SessionsTest::aSessionWithoutANote()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    auto v = createVault(tmp.filePath(u"vault"_s));
    v->clients().add(client(u"C-2"_s));
    v->notes().addSession(session("2025-03-03", u"C-2"_s), u"free"_s, model::NoteKind::Progress, text(u"Came."_s));
    const Id missed = v->notes().addSession(session("2025-03-10", u"C-2"_s, "14:30", model::Attendance::NoShow));
    const auto sessions = v->notes().sessionsOf(u"C-2"_s);
    QCOMPARE(sessions.size(), 2);
    QCOMPARE(sessions.at(1).session.id, missed);
    QVERIFY(sessions.at(1).notes.isEmpty());
    QVERIFY(sessions.at(1).session.attendees.first().attendance == model::Attendance::NoShow);
    const auto report = patternsOf(*v, u"C-2"_s);
    QCOMPARE(report.attendance.attended, 1);
    QCOMPARE(report.attendance.missed, 1);
}

// A discarded draft is gone: its row, its themes, its words in the full-text index; the audit
// trail has its id and nothing of its text. A signed note cannot be discarded.
void SessionsTest::discardLeavesNothingToFind()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    auto v = createVault(tmp.filePath(u"vault"_s));
    v->clients().add(client(u"C-3"_s));
    const Id draft = v->notes().addSession(session("2025-03-03", u"C-3"_s), u"free"_s, model::NoteKind::Progress,
                                           text(u"Zanzibarish relapse after the quarrel."_s))
                         .notes.first();
    QCOMPARE(v->search().notes(u"zanzibarish"_s).size(), 1);
    QCOMPARE(scalar(*v, "SELECT count(*) FROM notes_fts WHERE notes_fts MATCH 'zanzibarish'"), 1);
    v->notes().deleteDraft(draft);
    QVERIFY(v->search().notes(u"zanzibarish"_s).isEmpty());
    QCOMPARE(scalar(*v, "SELECT count(*) FROM notes_fts WHERE notes_fts MATCH 'zanzibarish'"), 0);
    QCOMPARE(scalar(*v, "SELECT count(*) FROM notes_fts_idx WHERE term LIKE 'zanzib%'"), 0);
    QCOMPARE(scalar(*v, "SELECT count(*) FROM theme_hits"), 0);
    QCOMPARE(scalar(*v, "SELECT count(*) FROM note_themes"), 0);
    bool recorded = false;
    for (const auto &e : v->auditTrail().entries()) {
        QVERIFY(!e.detail.contains(u"anzibar"_s, Qt::CaseInsensitive));
        if (e.action == u"delete-draft") {
            QCOMPARE(e.object, u"note:%1"_s.arg(draft));
            recorded = true;
        }
    }
    QVERIFY(recorded);

    const Id kept = v->notes().addSession(session("2025-03-10", u"C-3"_s), u"free"_s, model::NoteKind::Progress,
                                          text(u"Signed and kept."_s))
                        .notes.first();
    v->notes().sign(kept);
    QCOMPARE(errorOf([&] { v->notes().deleteDraft(kept); }), std::optional(ErrorKind::Conflict));
    QVERIFY(v->notes().verifySignature(kept));
}

// The case: a session with a progress note, a process note and a discarded draft counts
// once, in the buckets, the recurrence and the attendance.
void SessionsTest::patternsCountSessionsNotNotes()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    auto v = createVault(tmp.filePath(u"vault"_s));
    v->clients().add(client(u"C-4"_s));
    const auto made = v->notes().addSession(session("2025-03-03", u"C-4"_s), u"free"_s, model::NoteKind::Progress,
                                            text(u"She relapsed on Saturday."_s));
    v->notes().add(made.session, u"C-4"_s, u"process"_s, model::NoteKind::Process,
                   text(u"Her relapse frightened me."_s));
    const Id draft = v->notes().add(made.session, u"C-4"_s, u"process"_s, model::NoteKind::Process,
                                    text(u"Opened by mistake: relapse."_s));
    v->notes().deleteDraft(draft);
    const auto report = patternsOf(*v, u"C-4"_s);
    QCOMPARE(report.attendance.attended, 1);
    QCOMPARE(report.buckets.size(), 1);
    QCOMPARE(report.buckets.first().sessions, 1);
    QVERIFY(report.summary.count(u"relapse"_s));
    QCOMPARE(report.summary.at(u"relapse"_s).sessions, 1);
    QCOMPARE(report.attendance.gapsDays, QList<int>{});
}

// A vault as a v5 build left it: one hour written as three sessions (the progress note, signed; a
// process note; a draft opened by mistake) and another hour as two (a draft progress note, and a
// signed process note). After the migration each hour counts once, drafts sit on the first
// session, signed notes keep their own session through an alias and still verify.
void SessionsTest::migrationMergesDuplicateSessions()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString dir = tmp.filePath(u"vault"_s);
    Id first = 0, processSession = 0, mistakeSession = 0, other = 0, lateSession = 0, lateSigned = 0;
    Id signedNote = 0, processDraft = 0, mistakeDraft = 0, lateDraft = 0, elsewhere = 0;
    {
        auto v = createVault(dir);
        v->clients().add(client(u"C-5"_s));
        v->clients().add(client(u"C-6"_s));
        const auto add = [&](const char *date, const char *start, model::NoteKind kind, const QString &words,
                             const QString &code = u"C-5"_s) {
            return v->notes().addSession(session(date, code, start),
                                         kind == model::NoteKind::Process ? u"process"_s : u"free"_s, kind, text(words));
        };
        auto made = add("2025-04-07", "10:00", model::NoteKind::Progress, u"She relapsed on Saturday."_s);
        first = made.session;
        signedNote = made.notes.first();
        made = add("2025-04-07", "10:00", model::NoteKind::Process, u"Her relapse frightened me."_s);
        processSession = made.session;
        processDraft = made.notes.first();
        made = add("2025-04-07", "10:00", model::NoteKind::Progress, u"Opened by mistake."_s);
        mistakeSession = made.session;
        mistakeDraft = made.notes.first();
        made = add("2025-04-14", "10:00", model::NoteKind::Progress, u"Cravings all week."_s);
        other = made.session;
        lateDraft = made.notes.first();
        made = add("2025-04-14", "10:00", model::NoteKind::Process, u"I noticed my own cravings talk."_s);
        lateSession = made.session;
        lateSigned = made.notes.first();
        // Same date and time, another client: another session.
        elsewhere = add("2025-04-07", "10:00", model::NoteKind::Progress, u"Quiet."_s, u"C-6"_s).session;
        v->notes().sign(signedNote);
        v->notes().sign(lateSigned);
        QCOMPARE(patternsOf(*v, u"C-5"_s).attendance.attended, 5);
        vault::VaultTestAccess::database(*v).exec(
            "DROP INDEX notes_one_progress; DROP TABLE session_aliases; DROP TABLE measure_history; "
            "DROP TABLE shared_notes; ALTER TABLE theme_hits DROP COLUMN scope; DROP TABLE risk_flags; "
            "DROP TABLE risk_assessments; DROP TABLE safety_plans; DROP TABLE episodes; DROP TABLE objective_progress; DROP TABLE plan_reviews; DROP TABLE treatment_plans; DROP TABLE plan_objectives; DROP TABLE note_fields; ALTER TABLE users DROP COLUMN removed; PRAGMA user_version = 5");
        v->lock();
    }
    auto v = openVault(dir);
    QCOMPARE(vault::userVersion(vault::VaultTestAccess::database(*v)), vault::schemaVersion);
    const auto sessions = v->notes().sessionsOf(u"C-5"_s);
    QCOMPARE(sessions.size(), 2);
    QCOMPARE(sessions.at(0).session.id, first);
    QCOMPARE(sessions.at(0).notes, (QList<Id>{signedNote, processDraft, mistakeDraft}));
    QCOMPARE(sessions.at(1).session.id, other);
    QCOMPARE(sessions.at(1).notes, (QList<Id>{lateDraft, lateSigned}));
    QCOMPARE(v->notes().sessionsOf(u"C-6"_s).first().session.id, elsewhere);

    // The process draft moved; the second progress draft of the hour stays on its own (aliased)
    // session, as the signed notes do, whose hashed content names their session.
    QCOMPARE(v->notes().read(processDraft).sessionId, first);
    QCOMPARE(v->notes().read(mistakeDraft).sessionId, mistakeSession);
    QCOMPARE(v->notes().read(signedNote).sessionId, first);
    QCOMPARE(v->notes().read(lateSigned).sessionId, lateSession);
    QVERIFY(v->notes().verifySignature(signedNote));
    QVERIFY(v->notes().verifySignature(lateSigned));
    for (const auto &n : v->notes().listForClient(u"C-5"_s))
        QCOMPARE(n.session, n.date == *model::parseDate(u"2025-04-07"_s) ? first : other);
    QVERIFY(processSession != first);

    // Each hour counts once, its notes' themes with it.
    const auto report = patternsOf(*v, u"C-5"_s);
    QCOMPARE(report.attendance.attended, 2);
    QCOMPARE(report.summary.at(u"relapse"_s).sessions, 1);
    QCOMPARE(report.attendance.gapsDays, QList<int>{7});
    int caseloadSessions = 0;
    for (const auto &c : v->histories().caseload().clients) {
        if (c.code == u"C-5"_s)
            caseloadSessions = static_cast<int>(c.sessions.size());
    }
    QCOMPARE(caseloadSessions, 2);

    // The merged session takes notes as one: no second progress note from alice, through an alias either.
    QCOMPARE(errorOf([&] {
                 v->notes().add(processSession, u"C-5"_s, u"free"_s, model::NoteKind::Progress, text(u"x"_s));
             }),
             std::optional(ErrorKind::Conflict));
    const Id another = v->notes().add(lateSession, u"C-5"_s, u"process"_s, model::NoteKind::Process, text(u"More."_s));
    QCOMPARE(v->notes().read(another).sessionId, other);
}

QTEST_GUILESS_MAIN(SessionsTest)
#include "sessionstest.moc"
