// SPDX-License-Identifier: GPL-3.0-or-later
#include "vault/schema.h"

#include "common/logging.h"
#include "model/types.h"
#include "vault/fieldstore.h"

#include <QDateTime>

#include <algorithm>
#include <array>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace uc::vault {

namespace {

constexpr auto schemaV1 = R"sql(
CREATE TABLE vault_info(
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL);

CREATE TABLE users(
  id      INTEGER PRIMARY KEY,
  name    TEXT NOT NULL UNIQUE,
  role    TEXT NOT NULL CHECK (role IN ('therapist', 'supervisor', 'auditor')),
  created TEXT NOT NULL);

CREATE TABLE clients(
  id                  INTEGER PRIMARY KEY,
  code                TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32),
  display_name        TEXT NOT NULL,
  status              TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'discharged')),
  intake_date         TEXT,
  setting             TEXT CHECK (setting IS NULL OR setting IN ('residential', 'outpatient', 'aftercare', 'telehealth')),
  consent_treatment   INTEGER NOT NULL DEFAULT 0,
  consent_part2       INTEGER NOT NULL DEFAULT 0,
  consent_part2_date  TEXT,
  consent_part2_scope TEXT NOT NULL DEFAULT '',
  discharged_on       TEXT,
  created             TEXT NOT NULL);

CREATE TABLE sessions(
  id          INTEGER PRIMARY KEY,
  date        TEXT NOT NULL,
  start_time  TEXT,
  minutes     INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
  modality    TEXT NOT NULL CHECK (modality IN ('individual', 'group', 'couple', 'family')),
  setting     TEXT CHECK (setting IS NULL OR setting IN ('residential', 'outpatient', 'aftercare', 'telehealth')),
  group_topic TEXT NOT NULL DEFAULT '',
  created_by  INTEGER NOT NULL REFERENCES users(id),
  created     TEXT NOT NULL);
CREATE INDEX sessions_date ON sessions(date);

CREATE TABLE session_attendees(
  session_id INTEGER NOT NULL REFERENCES sessions(id),
  client_id  INTEGER NOT NULL REFERENCES clients(id),
  attendance TEXT NOT NULL CHECK (attendance IN ('attended', 'late', 'no-show', 'cancelled')),
  PRIMARY KEY (session_id, client_id)) WITHOUT ROWID;
CREATE INDEX attendees_client ON session_attendees(client_id);

CREATE TABLE notes(
  id           INTEGER PRIMARY KEY,
  session_id   INTEGER NOT NULL REFERENCES sessions(id),
  client_id    INTEGER NOT NULL REFERENCES clients(id),
  author_id    INTEGER NOT NULL REFERENCES users(id),
  template     TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('progress', 'process')),
  status       TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'signed', 'cosigned')),
  sections     TEXT NOT NULL,
  body         TEXT NOT NULL,
  created      TEXT NOT NULL,
  updated      TEXT NOT NULL,
  signed_by    INTEGER REFERENCES users(id),
  signed_at    TEXT,
  content_hash TEXT,
  cosigned_by  INTEGER REFERENCES users(id),
  cosigned_at  TEXT,
  cosign_hash  TEXT,
  CHECK (status = 'draft' OR (signed_by IS NOT NULL AND signed_at IS NOT NULL AND length(content_hash) = 64)),
  CHECK (status <> 'cosigned' OR (cosigned_by IS NOT NULL AND cosigned_at IS NOT NULL AND length(cosign_hash) = 64)));
CREATE INDEX notes_client ON notes(client_id);
CREATE INDEX notes_session ON notes(session_id);

-- A signed note cannot change: only the step signed -> cosigned, touching nothing but the
-- co-signature, is let through. Defence in depth behind the core API's own refusal.
CREATE TRIGGER notes_signed_no_update BEFORE UPDATE ON notes
WHEN OLD.status <> 'draft' AND NOT (
  OLD.status = 'signed' AND NEW.status = 'cosigned'
  AND NEW.session_id IS OLD.session_id AND NEW.client_id IS OLD.client_id AND NEW.author_id IS OLD.author_id
  AND NEW.template IS OLD.template AND NEW.kind IS OLD.kind AND NEW.sections IS OLD.sections
  AND NEW.body IS OLD.body AND NEW.created IS OLD.created AND NEW.updated IS OLD.updated
  AND NEW.signed_by IS OLD.signed_by AND NEW.signed_at IS OLD.signed_at AND NEW.content_hash IS OLD.content_hash)
BEGIN SELECT RAISE(ABORT, 'a signed note cannot change; add an addendum'); END;
CREATE TRIGGER notes_signed_no_delete BEFORE DELETE ON notes WHEN OLD.status <> 'draft'
BEGIN SELECT RAISE(ABORT, 'a signed note cannot be deleted'); END;

CREATE TABLE addenda(
  id           INTEGER PRIMARY KEY,
  note_id      INTEGER NOT NULL REFERENCES notes(id),
  author_id    INTEGER NOT NULL REFERENCES users(id),
  text         TEXT NOT NULL CHECK (length(text) > 0),
  signed_at    TEXT NOT NULL,
  content_hash TEXT NOT NULL CHECK (length(content_hash) = 64));
CREATE INDEX addenda_note ON addenda(note_id);
CREATE TRIGGER addenda_no_update BEFORE UPDATE ON addenda
BEGIN SELECT RAISE(ABORT, 'a signed addendum cannot change'); END;
CREATE TRIGGER addenda_no_delete BEFORE DELETE ON addenda
BEGIN SELECT RAISE(ABORT, 'a signed addendum cannot be deleted'); END;
CREATE TRIGGER addenda_only_on_signed BEFORE INSERT ON addenda
WHEN (SELECT status FROM notes WHERE id = NEW.note_id) = 'draft'
BEGIN SELECT RAISE(ABORT, 'an addendum goes under a signed note; edit the draft instead'); END;

-- Filled by the tagger: suggestions with their evidence, and the clinician's decisions.
CREATE TABLE theme_hits(
  id         INTEGER PRIMARY KEY,
  note_id    INTEGER NOT NULL REFERENCES notes(id),
  theme      TEXT NOT NULL,
  start      INTEGER NOT NULL CHECK (start >= 0),
  end        INTEGER NOT NULL CHECK (end >= start),
  evidence   TEXT NOT NULL,
  rule       TEXT NOT NULL,
  decision   TEXT NOT NULL CHECK (decision IN ('suggested', 'confirmed', 'rejected', 'manual')),
  decided_by INTEGER REFERENCES users(id),
  decided_at TEXT);
CREATE INDEX theme_hits_note ON theme_hits(note_id);

-- A user's codebook edits (custom themes, extra phrases, disabled themes); the newest row is in force.
CREATE TABLE codebook_edits(
  id         INTEGER PRIMARY KEY,
  edits      TEXT NOT NULL,
  created_by INTEGER NOT NULL REFERENCES users(id),
  created    TEXT NOT NULL);

-- Outcome measures (PHQ-9, GAD-7, AUDIT, AUDIT-C): item answers kept, totals and bands scored.
CREATE TABLE measures(
  id         INTEGER PRIMARY KEY,
  client_id  INTEGER NOT NULL REFERENCES clients(id),
  date       TEXT NOT NULL,
  instrument TEXT NOT NULL CHECK (instrument IN ('phq9', 'gad7', 'audit', 'auditc')),
  answers    TEXT NOT NULL,
  total      INTEGER NOT NULL,
  band       TEXT NOT NULL,
  entered_by INTEGER NOT NULL REFERENCES users(id),
  created    TEXT NOT NULL);
CREATE INDEX measures_client ON measures(client_id, date);

-- Full-text search inside the encrypted file; kept in step with notes.body by triggers.
CREATE VIRTUAL TABLE notes_fts USING fts5(body, content='notes', content_rowid='id',
                                          tokenize='unicode61 remove_diacritics 2');
INSERT INTO notes_fts(notes_fts, rank) VALUES ('secure-delete', 1);
-- Index leaves of 4000 bytes: two fit in an 8 KiB page after SQLCipher's 80 reserved bytes
-- (FTS5's default 4050 does not, which doubled the index's size on disk).
INSERT INTO notes_fts(notes_fts, rank) VALUES ('pgsz', 4000);
CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes
BEGIN INSERT INTO notes_fts(rowid, body) VALUES (NEW.id, NEW.body); END;
CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes
BEGIN INSERT INTO notes_fts(notes_fts, rowid, body) VALUES ('delete', OLD.id, OLD.body); END;
CREATE TRIGGER notes_fts_update AFTER UPDATE OF body ON notes
BEGIN
  INSERT INTO notes_fts(notes_fts, rowid, body) VALUES ('delete', OLD.id, OLD.body);
  INSERT INTO notes_fts(rowid, body) VALUES (NEW.id, NEW.body);
END;
)sql";

bool tableExists(sql::Database &db, std::string_view name)
{
    auto stmt = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?");
    stmt.bind(1, name);
    return stmt.step();
}

QString nowUtc()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

// v0 -> v1. Version 0 is either an empty database (a new vault) or the prototype layout of
// early builds: clients(code, name) and notes(id, client_code, date, body). Prototype notes
// become draft progress notes of an individual session on their date, owned by the
// unlocking user, so nothing a prototype user wrote is lost.
void migrateTo1(sql::Database &db, const QString &userName)
{
    const bool prototype = tableExists(db, "notes") && !tableExists(db, "users");
    if (prototype) {
        db.exec("ALTER TABLE notes RENAME TO v0_notes");
        if (tableExists(db, "clients"))
            db.exec("ALTER TABLE clients RENAME TO v0_clients");
    }
    db.exec(schemaV1);
    if (!prototype)
        return;

    const QString now = nowUtc();
    db.prepare("INSERT INTO users(name, role, created) VALUES (?, 'therapist', ?)").bind(1, userName).bind(2, now).run();
    const auto owner = db.lastInsertId();
    if (tableExists(db, "v0_clients")) {
        db.prepare("INSERT INTO clients(code, display_name, created) SELECT code, coalesce(name, code), ? FROM v0_clients")
            .bind(1, now)
            .run();
    }
    db.prepare("INSERT OR IGNORE INTO clients(code, display_name, created) "
               "SELECT DISTINCT client_code, client_code, ? FROM v0_notes")
        .bind(1, now)
        .run();
    auto notes = db.prepare("SELECT n.id, n.date, n.body, c.id FROM v0_notes n JOIN clients c ON c.code = n.client_code "
                            "ORDER BY n.id");
    auto addSession = db.prepare("INSERT INTO sessions(date, minutes, modality, created_by, created) "
                                 "VALUES (?, 50, 'individual', ?, ?)");
    auto addAttendee = db.prepare("INSERT INTO session_attendees(session_id, client_id, attendance) "
                                  "VALUES (?, ?, 'attended')");
    auto addNote = db.prepare("INSERT INTO notes(session_id, client_id, author_id, template, kind, sections, body, "
                              "created, updated) VALUES (?, ?, ?, 'free', 'progress', ?, ?, ?, ?)");
    while (notes.step()) {
        const QString body = notes.text(2);
        addSession.bind(1, notes.text(1)).bind(2, owner).bind(3, now).run();
        addSession.reset();
        const auto session = db.lastInsertId();
        addAttendee.bind(1, session).bind(2, notes.int64(3)).run();
        addAttendee.reset();
        const QString sections = model::sectionsToJson({model::Section{QStringLiteral("Note"), body}});
        addNote.bind(1, session).bind(2, notes.int64(3)).bind(3, owner).bind(4, sections).bind(5, body).bind(6, now).bind(7, now).run();
        addNote.reset();
    }
    db.exec("DROP TABLE v0_notes");
    if (tableExists(db, "v0_clients"))
        db.exec("DROP TABLE v0_clients");
}

// v1 -> v2. One row per note with its client, session, kind and author (copied from the note,
// where they never change after it is written), for the caseload chart: it reads this small table
// instead of joining every theme hit to every note, which decrypted most of the file (1.1 s for
// 150,000 notes, against a 200 ms target). The counted themes this step packed into a text column
// became rows at v5.
void migrateTo2(sql::Database &db, const QString &)
{
    db.exec(R"sql(
CREATE TABLE note_themes(
  note_id    INTEGER PRIMARY KEY REFERENCES notes(id),
  client_id  INTEGER NOT NULL,
  session_id INTEGER NOT NULL,
  kind       TEXT NOT NULL,
  author_id  INTEGER NOT NULL,
  themes     TEXT NOT NULL);
INSERT INTO note_themes(note_id, client_id, session_id, kind, author_id, themes)
  SELECT n.id, n.client_id, n.session_id, n.kind, n.author_id,
         coalesce((SELECT group_concat(theme || ' ' || hits, ',')
                   FROM (SELECT theme, count(*) AS hits FROM theme_hits
                         WHERE note_id = n.id AND decision <> 'rejected' GROUP BY theme ORDER BY theme)), '')
  FROM notes n;
)sql");
}

// v2 -> v3. The audit trail: append-only by trigger, each entry chained to the one before by
// SHA-256 (vault/audit.h); who, when, what and which object — never note text.
void migrateTo3(sql::Database &db, const QString &)
{
    db.exec(R"sql(
CREATE TABLE audit(
  seq    INTEGER PRIMARY KEY,
  at     TEXT NOT NULL,
  user   TEXT NOT NULL,
  action TEXT NOT NULL,
  object TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '',
  prev   TEXT NOT NULL CHECK (length(prev) = 64),
  hash   TEXT NOT NULL CHECK (length(hash) = 64));
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
)sql");
}

// v3 -> v4. Supervision: who supervises whom and how, supervisors' comments and returns
// (append-only, like the notes they are about), the blind agreement checks; and the therapist's
// shareable summary per client.
void migrateTo4(sql::Database &db, const QString &)
{
    db.exec(R"sql(
CREATE TABLE supervision(
  therapist_id  INTEGER NOT NULL REFERENCES users(id),
  supervisor_id INTEGER NOT NULL REFERENCES users(id),
  mode          TEXT NOT NULL CHECK (mode IN ('review', 'must-cosign')),
  assigned_by   INTEGER NOT NULL REFERENCES users(id),
  assigned_at   TEXT NOT NULL,
  PRIMARY KEY (therapist_id, supervisor_id)) WITHOUT ROWID;
CREATE INDEX supervision_supervisor ON supervision(supervisor_id);

CREATE TABLE note_comments(
  id        INTEGER PRIMARY KEY,
  note_id   INTEGER NOT NULL REFERENCES notes(id),
  author_id INTEGER NOT NULL REFERENCES users(id),
  returned  INTEGER NOT NULL DEFAULT 0 CHECK (returned IN (0, 1)),
  text      TEXT NOT NULL CHECK (length(text) > 0),
  created   TEXT NOT NULL);
CREATE INDEX note_comments_note ON note_comments(note_id);
CREATE TRIGGER note_comments_no_update BEFORE UPDATE ON note_comments
BEGIN SELECT RAISE(ABORT, 'a comment cannot change; add another'); END;
CREATE TRIGGER note_comments_no_delete BEFORE DELETE ON note_comments
BEGIN SELECT RAISE(ABORT, 'a comment cannot be deleted'); END;

CREATE TABLE agreement_checks(
  id            INTEGER PRIMARY KEY,
  supervisor_id INTEGER NOT NULL REFERENCES users(id),
  therapist_id  INTEGER NOT NULL REFERENCES users(id),
  created       TEXT NOT NULL);
-- One row per sampled note; themes stays NULL until the supervisor has rated the note blind.
CREATE TABLE agreement_ratings(
  check_id INTEGER NOT NULL REFERENCES agreement_checks(id),
  note_id  INTEGER NOT NULL REFERENCES notes(id),
  position INTEGER NOT NULL,
  themes   TEXT,
  rated_at TEXT,
  PRIMARY KEY (check_id, note_id)) WITHOUT ROWID;

-- The therapist's summary to share with the client (review mode, the client pattern report):
-- every version kept, the newest in force.
CREATE TABLE client_summaries(
  id        INTEGER PRIMARY KEY,
  client_id INTEGER NOT NULL REFERENCES clients(id),
  text      TEXT NOT NULL,
  author_id INTEGER NOT NULL REFERENCES users(id),
  created   TEXT NOT NULL);
CREATE INDEX client_summaries_client ON client_summaries(client_id);
CREATE TRIGGER client_summaries_no_update BEFORE UPDATE ON client_summaries
BEGIN SELECT RAISE(ABORT, 'a summary version cannot change; write a new one'); END;
CREATE TRIGGER client_summaries_no_delete BEFORE DELETE ON client_summaries
BEGIN SELECT RAISE(ABORT, 'a summary version cannot be deleted'); END;
)sql");
}

// v4 -> v5. Each note's counted themes (hits not rejected, manual tags in) as rows of numbers:
// one per note and theme, the theme's name once in theme_names. They replace note_themes.themes
// ("abandonment 2,relapse 1"), text that had to be parsed back; rebuilt here from the hits
// themselves, which that text summarised. Kept in step by the vault whenever a note's tags change
// (vault/tagstore.h). And sessions_date also covers the start time, so the caseload's scan of
// session times reads that index rather than every session's row.
void migrateTo5(sql::Database &db, const QString &)
{
    db.exec(R"sql(
-- note_themes without its text column, rebuilt rather than altered: a dropped column leaves its
-- bytes' space in every page, and the caseload scans this table whole.
CREATE TABLE note_themes_v5(
  note_id    INTEGER PRIMARY KEY REFERENCES notes(id),
  client_id  INTEGER NOT NULL,
  session_id INTEGER NOT NULL,
  kind       TEXT NOT NULL,
  author_id  INTEGER NOT NULL);
INSERT INTO note_themes_v5(note_id, client_id, session_id, kind, author_id)
  SELECT note_id, client_id, session_id, kind, author_id FROM note_themes;
DROP TABLE note_themes;
ALTER TABLE note_themes_v5 RENAME TO note_themes;
CREATE TABLE theme_names(
  id    INTEGER PRIMARY KEY,
  theme TEXT NOT NULL UNIQUE);
-- A count belongs to its note's row in note_themes (checking it against notes would seek into the
-- pages that hold note text, for every row).
CREATE TABLE note_theme_counts(
  note_id  INTEGER NOT NULL REFERENCES note_themes(note_id),
  theme_id INTEGER NOT NULL REFERENCES theme_names(id),
  hits     INTEGER NOT NULL CHECK (hits > 0),
  PRIMARY KEY (note_id, theme_id)) WITHOUT ROWID;
-- The sessions' times in their date index: the caseload reads them from it, not from the table.
DROP INDEX sessions_date;
CREATE INDEX sessions_date ON sessions(date, start_time);
)sql");
    // Counted here rather than by DISTINCT and GROUP BY: SQLite's sorter allocates per row, and
    // SQLCipher locks every allocation in memory.
    std::set<std::int64_t> notes;
    {
        auto stmt = db.prepare("SELECT note_id FROM note_themes");
        while (stmt.step())
            notes.insert(stmt.int64(0));
    }
    std::map<std::string, int, std::less<>> numbers; // theme → number
    std::vector<std::pair<std::int64_t, int>> hits; // (note, theme number), one per counted hit
    {
        auto stmt = db.prepare("SELECT note_id, theme FROM theme_hits WHERE decision <> 'rejected'");
        while (stmt.step()) {
            if (!notes.count(stmt.int64(0)))
                continue;
            const std::string_view theme = stmt.utf8(1);
            auto number = numbers.find(theme);
            if (number == numbers.end())
                number = numbers.emplace(std::string(theme), static_cast<int>(numbers.size())).first;
            hits.emplace_back(stmt.int64(0), number->second);
        }
    }
    std::vector<int> themeId(numbers.size());
    {
        auto insert = db.prepare("INSERT INTO theme_names(theme) VALUES (?)");
        for (const auto &[theme, number] : numbers) { // by name
            insert.bind(1, std::string_view(theme)).run();
            insert.reset();
            themeId[static_cast<std::size_t>(number)] = static_cast<int>(db.lastInsertId());
        }
    }
    for (auto &[note, theme] : hits)
        theme = themeId[static_cast<std::size_t>(theme)];
    std::sort(hits.begin(), hits.end());
    struct Count
    {
        std::int64_t note;
        int theme;
        std::int64_t hits;
    };
    std::vector<Count> counts;
    for (std::size_t i = 0; i < hits.size();) {
        std::size_t j = i;
        while (j < hits.size() && hits[j] == hits[i])
            ++j;
        counts.push_back({hits[i].first, hits[i].second, static_cast<std::int64_t>(j - i)});
        i = j;
    }
    // Many rows a statement: each statement that checks foreign keys opens a statement journal,
    // and that allocation per row, locked in memory, was most of the time.
    constexpr std::size_t batch = 256;
    const auto insertOf = [](std::size_t rows) {
        std::string sql = "INSERT INTO note_theme_counts(note_id, theme_id, hits) VALUES ";
        for (std::size_t r = 0; r < rows; ++r)
            sql += r == 0 ? "(?, ?, ?)" : ", (?, ?, ?)";
        return sql;
    };
    for (std::size_t first = 0; first < counts.size(); first += batch) {
        const std::size_t rows = std::min(batch, counts.size() - first);
        auto insert = db.prepare(insertOf(rows));
        for (std::size_t r = 0; r < rows; ++r) {
            const Count &c = counts[first + r];
            const int at = static_cast<int>(3 * r);
            insert.bind(at + 1, c.note).bind(at + 2, c.theme).bind(at + 3, c.hits);
        }
        insert.run();
    }
}

// v5 -> v6. The measures table without its list of instruments: the model's table of instruments
// (model/measures.h) is the one list, and every write scores through it (Measures::add, a record's
// import), so a new instrument needs no migration. Rebuilt, as SQLite cannot drop a CHECK.
void migrateTo6(sql::Database &db, const QString &)
{
    db.exec(R"sql(
CREATE TABLE measures_v6(
  id         INTEGER PRIMARY KEY,
  client_id  INTEGER NOT NULL REFERENCES clients(id),
  date       TEXT NOT NULL,
  instrument TEXT NOT NULL CHECK (length(instrument) > 0),
  answers    TEXT NOT NULL,
  total      INTEGER NOT NULL,
  band       TEXT NOT NULL,
  entered_by INTEGER NOT NULL REFERENCES users(id),
  created    TEXT NOT NULL);
INSERT INTO measures_v6(id, client_id, date, instrument, answers, total, band, entered_by, created)
  SELECT id, client_id, date, instrument, answers, total, band, entered_by, created FROM measures;
DROP TABLE measures;
ALTER TABLE measures_v6 RENAME TO measures;
CREATE INDEX measures_client ON measures(client_id, date);
)sql");
}

// v6 -> v7. A session holds notes: at most one progress note per author for each client on it, any
// number of process notes. Builds before v7 made a new session for every note, so a vault can hold
// one hour as two or three sessions (same client, same date and start): they are merged here into
// the first of them. Drafts move to it; a signed note's session is part of its hashed content, so
// the note stays where it was and its session becomes an alias of the one it merged into
// (session_aliases), which every count and list reads through. Emptied sessions stay as aliases too.
void migrateTo7(sql::Database &db, const QString &)
{
    db.exec(R"sql(
CREATE TABLE session_aliases(
  session_id INTEGER PRIMARY KEY REFERENCES sessions(id),
  session_of INTEGER NOT NULL REFERENCES sessions(id) CHECK (session_of <> session_id));
CREATE INDEX session_aliases_of ON session_aliases(session_of);
)sql");
    // Sessions of one client alone, with a start time (without one, two sessions on a day cannot
    // be told to be the same hour), by client, date, start and id.
    struct Row
    {
        std::int64_t session;
        std::int64_t client;
        QString date;
        QString start;
    };
    std::vector<Row> rows;
    {
        auto stmt = db.prepare("SELECT s.id, a.client_id, s.date, s.start_time FROM sessions s "
                               "JOIN session_attendees a ON a.session_id = s.id "
                               "WHERE s.start_time IS NOT NULL "
                               "AND (SELECT count(*) FROM session_attendees o WHERE o.session_id = s.id) = 1 "
                               "ORDER BY a.client_id, s.date, s.start_time, s.id");
        while (stmt.step())
            rows.push_back({stmt.int64(0), stmt.int64(1), stmt.text(2), stmt.text(3)});
    }
    auto alias = db.prepare("INSERT INTO session_aliases(session_id, session_of) VALUES (?, ?)");
    auto drafts = db.prepare("SELECT id, author_id, kind FROM notes WHERE session_id = ? AND status = 'draft' ORDER BY id");
    // A progress note by this author for the client, on the session or on one of its aliases.
    auto hasProgress = db.prepare("SELECT 1 FROM notes WHERE kind = 'progress' AND client_id = ? AND author_id = ? "
                                  "AND (session_id = ?3 OR session_id IN "
                                  "(SELECT session_id FROM session_aliases WHERE session_of = ?3)) LIMIT 1");
    auto move = db.prepare("UPDATE notes SET session_id = ? WHERE id = ? AND status = 'draft'");
    auto moveCounts = db.prepare("UPDATE note_themes SET session_id = ? WHERE note_id = ?");
    for (std::size_t i = 0; i < rows.size();) {
        std::size_t j = i + 1;
        while (j < rows.size() && rows[j].client == rows[i].client && rows[j].date == rows[i].date
               && rows[j].start == rows[i].start)
            ++j;
        const std::int64_t kept = rows[i].session;
        for (std::size_t k = i + 1; k < j; ++k) {
            const std::int64_t merged = rows[k].session;
            struct Draft
            {
                std::int64_t id;
                std::int64_t author;
                bool progress;
            };
            std::vector<Draft> list;
            drafts.bind(1, merged);
            while (drafts.step())
                list.push_back({drafts.int64(0), drafts.int64(1), drafts.text(2) == QLatin1String("progress")});
            drafts.reset();
            for (const Draft &d : list) {
                // A second progress draft by the same author stays on its (aliased) session: it
                // still counts once, and its author keeps or discards it.
                if (d.progress) {
                    hasProgress.bind(1, rows[i].client).bind(2, d.author).bind(3, kept);
                    const bool taken = hasProgress.step();
                    hasProgress.reset();
                    if (taken)
                        continue;
                }
                move.bind(1, kept).bind(2, d.id).run();
                move.reset();
                moveCounts.bind(1, kept).bind(2, d.id).run();
                moveCounts.reset();
            }
            alias.bind(1, merged).bind(2, kept).run();
            alias.reset();
        }
        i = j;
    }
    // A second progress draft by one author for one client on one stored session (the API allowed
    // it) goes to a copy of that session, an alias of it, so the index below can stand.
    std::vector<std::pair<std::int64_t, std::int64_t>> extra; // (note, session)
    {
        auto stmt = db.prepare("SELECT n.id, n.session_id FROM notes n WHERE n.kind = 'progress' AND n.status = 'draft' "
                               "AND EXISTS (SELECT 1 FROM notes m WHERE m.session_id = n.session_id AND m.client_id = "
                               "n.client_id AND m.author_id = n.author_id AND m.kind = 'progress' AND m.id < n.id)");
        while (stmt.step())
            extra.emplace_back(stmt.int64(0), stmt.int64(1));
    }
    for (const auto &[note, session] : extra) {
        db.prepare("INSERT INTO sessions(date, start_time, minutes, modality, setting, group_topic, created_by, created) "
                   "SELECT date, start_time, minutes, modality, setting, group_topic, created_by, created FROM sessions "
                   "WHERE id = ?")
            .bind(1, session)
            .run();
        const auto copy = db.lastInsertId();
        db.prepare("INSERT INTO session_attendees(session_id, client_id, attendance) SELECT ?, client_id, attendance "
                   "FROM session_attendees WHERE session_id = ? AND client_id = (SELECT client_id FROM notes WHERE id = ?)")
            .bind(1, copy)
            .bind(2, session)
            .bind(3, note)
            .run();
        db.prepare("INSERT INTO session_aliases(session_id, session_of) VALUES "
                   "(?1, coalesce((SELECT session_of FROM session_aliases WHERE session_id = ?2), ?2))")
            .bind(1, copy)
            .bind(2, session)
            .run();
        move.bind(1, copy).bind(2, note).run();
        move.reset();
        moveCounts.bind(1, copy).bind(2, note).run();
        moveCounts.reset();
    }
    // A session's progress notes: one per author and client. Over the session a note is stored on
    // (an alias keeps its own); the vault checks the merged session as a whole.
    db.exec("CREATE UNIQUE INDEX notes_one_progress ON notes(session_id, client_id, author_id) WHERE kind = 'progress'");
}

// v7 -> v8. Measures can be corrected and deleted: the value a measure had before each change is
// kept here, inside the encrypted file (the audit trail records the measure's id and the kind of
// change, never a value). Append-only, like the trail. No reference to measures: a deleted
// measure's last value stays.
void migrateTo8(sql::Database &db, const QString &)
{
    db.exec(R"sql(
CREATE TABLE measure_history(
  id         INTEGER PRIMARY KEY,
  measure_id INTEGER NOT NULL,
  client_id  INTEGER NOT NULL REFERENCES clients(id),
  date       TEXT NOT NULL,
  instrument TEXT NOT NULL,
  answers    TEXT NOT NULL,
  total      INTEGER NOT NULL,
  band       TEXT NOT NULL,
  change     TEXT NOT NULL CHECK (change IN ('edit', 'delete')),
  changed_by INTEGER NOT NULL REFERENCES users(id),
  changed_at TEXT NOT NULL);
CREATE INDEX measure_history_measure ON measure_history(measure_id);
CREATE TRIGGER measure_history_no_update BEFORE UPDATE ON measure_history
BEGIN SELECT RAISE(ABORT, 'a measure''s history cannot change'); END;
CREATE TRIGGER measure_history_no_delete BEFORE DELETE ON measure_history
BEGIN SELECT RAISE(ABORT, 'a measure''s history cannot be deleted'); END;
)sql");
}

// v8 -> v9. Group members apart: each theme hit is the client's own or the group's (found in a
// group session's shared part), and only the client's own count toward their patterns. Group notes
// written before this were one text copied to every member: a note whose text is the same as another
// member's note of the same session is recorded as shared as a whole, so one member's words stop
// counting for the others. Notes written per member (different texts) stay their member's own.
// Signed notes are not touched: the scope lives beside the note, in its hits.
void migrateTo9(sql::Database &db, const QString &)
{
    db.exec(R"sql(
ALTER TABLE theme_hits ADD COLUMN scope TEXT NOT NULL DEFAULT 'own' CHECK (scope IN ('own', 'group'));
CREATE TABLE shared_notes(
  note_id INTEGER PRIMARY KEY REFERENCES notes(id));
INSERT INTO shared_notes(note_id)
  SELECT DISTINCT n.id FROM notes n JOIN notes o
    ON o.session_id = n.session_id AND o.id <> n.id AND o.client_id <> n.client_id AND o.body = n.body
   AND o.kind = n.kind
  WHERE (SELECT count(*) FROM session_attendees a WHERE a.session_id = n.session_id) > 1;
UPDATE theme_hits SET scope = 'group' WHERE note_id IN (SELECT note_id FROM shared_notes);
DELETE FROM note_theme_counts WHERE note_id IN (SELECT note_id FROM shared_notes);
)sql");
}

// v9 -> v10. Risk in the record (docs/risk.md): the flags a note carried when it was signed
// (present or denied, with their words), a flag dismissed as false with its reason, and the
// assessments that close open risk — in a signed note, or on their own (note_id NULL). A measure's
// flag is read from the measure itself, so a corrected measure is never out of step.
void migrateTo10(sql::Database &db, const QString &)
{
    db.exec(R"sql(
CREATE TABLE risk_flags(
  id             INTEGER PRIMARY KEY,
  note_id        INTEGER NOT NULL REFERENCES notes(id),
  risk           TEXT NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('present', 'denied')),
  evidence       TEXT NOT NULL,
  start_pos      INTEGER NOT NULL,
  end_pos        INTEGER NOT NULL,
  rule           TEXT NOT NULL,
  dismissed_by   INTEGER REFERENCES users(id),
  dismissed_at   TEXT,
  dismiss_reason TEXT);
CREATE INDEX risk_flags_note ON risk_flags(note_id);
CREATE TABLE risk_assessments(
  id          INTEGER PRIMARY KEY,
  client_id   INTEGER NOT NULL REFERENCES clients(id),
  note_id     INTEGER REFERENCES notes(id),
  date        TEXT NOT NULL,
  level       TEXT NOT NULL CHECK (level IN ('low', 'moderate', 'high', 'to-follow')),
  action      TEXT NOT NULL,
  assessed_by INTEGER NOT NULL REFERENCES users(id),
  assessed_at TEXT NOT NULL);
CREATE INDEX risk_assessments_client ON risk_assessments(client_id);
CREATE TRIGGER risk_assessments_no_update BEFORE UPDATE ON risk_assessments
BEGIN SELECT RAISE(ABORT, 'a risk assessment cannot change'); END;
CREATE TRIGGER risk_assessments_no_delete BEFORE DELETE ON risk_assessments
BEGIN SELECT RAISE(ABORT, 'a risk assessment cannot be deleted'); END;
)sql");
}

// v10 -> v11. The practice administrator: only they add supervisors, auditors and administrators.
// An existing vault's earliest user becomes it: they ran `init`, which now makes its user the
// administrator, so every vault keeps the same one it would have had.
void migrateTo11(sql::Database &db, const QString &)
{
    // Already there in a vault whose recorded version was set back by hand (the tests' older builds).
    if (db.prepare("SELECT 1 FROM pragma_table_info('users') WHERE name = 'admin'").step())
        return;
    db.exec(R"sql(
ALTER TABLE users ADD COLUMN admin INTEGER NOT NULL DEFAULT 0 CHECK (admin IN (0, 1));
UPDATE users SET admin = 1 WHERE id = (SELECT id FROM users ORDER BY created, id LIMIT 1);
)sql");
}

// v11 -> v12. Clients' safety plans (docs/risk.md, "Safety plan"): every version kept and signed
// (its content hash), the newest in force.
void migrateTo12(sql::Database &db, const QString &)
{
    db.exec(R"sql(
CREATE TABLE IF NOT EXISTS safety_plans(
  id           INTEGER PRIMARY KEY,
  client_id    INTEGER NOT NULL REFERENCES clients(id),
  version      INTEGER NOT NULL CHECK (version >= 1),
  steps        TEXT NOT NULL,
  author_id    INTEGER NOT NULL REFERENCES users(id),
  signed_at    TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  UNIQUE (client_id, version));
CREATE TRIGGER IF NOT EXISTS safety_plans_no_update BEFORE UPDATE ON safety_plans
BEGIN SELECT RAISE(ABORT, 'a signed safety plan cannot change; save a new version'); END;
CREATE TRIGGER IF NOT EXISTS safety_plans_no_delete BEFORE DELETE ON safety_plans
BEGIN SELECT RAISE(ABORT, 'a safety plan version cannot be deleted'); END;
)sql");
}

// v12 -> v13. The course of care (model/episode.h): a client's episodes at a level of care, from a
// start date to an end date (NULL while open). Overlaps are refused by the vault, not a constraint.
void migrateTo13(sql::Database &db, const QString &)
{
    db.exec(R"sql(
CREATE TABLE IF NOT EXISTS episodes(
  id         INTEGER PRIMARY KEY,
  client_id  INTEGER NOT NULL REFERENCES clients(id),
  level      TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date   TEXT,
  service    TEXT NOT NULL DEFAULT '',
  created_by INTEGER NOT NULL REFERENCES users(id),
  created    TEXT NOT NULL,
  CHECK (end_date IS NULL OR end_date >= start_date));
CREATE INDEX IF NOT EXISTS episodes_client ON episodes(client_id);
)sql");
}

// v13 -> v14. Real signatures: each signature by its signer's Ed25519 key over the stored SHA-256
// hash. object: 'note:ID' (the author's), 'cosign:ID' or 'addendum:ID'; migrated: when a signature
// was added at its signer's first unlock after the upgrade, over a hash stored before it.
void migrateTo14(sql::Database &db, const QString &)
{
    db.exec(R"sql(
CREATE TABLE IF NOT EXISTS signatures(
  object    TEXT PRIMARY KEY,
  signer    TEXT NOT NULL,
  signature TEXT NOT NULL,
  migrated  TEXT);
)sql");
}

// v14 -> v15. Search finds a word's other forms ("abandon" finds "abandoned", "relapsing" finds
// "relapse"): the index is made again with FTS5's Porter stemmer over the same tokenizer, and
// filled from the notes (docs/search.md).
void migrateTo15(sql::Database &db, const QString &)
{
    db.exec(R"sql(
DROP TABLE IF EXISTS notes_fts;
CREATE VIRTUAL TABLE notes_fts USING fts5(body, content='notes', content_rowid='id',
                                          tokenize='porter unicode61 remove_diacritics 2');
INSERT INTO notes_fts(notes_fts, rank) VALUES ('secure-delete', 1);
INSERT INTO notes_fts(notes_fts, rank) VALUES ('pgsz', 4000);
INSERT INTO notes_fts(notes_fts) VALUES ('rebuild');
)sql");
}

// v15 -> v16. Process notes leave the search index (processtext.h): their words are sealed to
// their author, and their author's search reads them in memory. The index is kept in step with
// progress notes only, and what it held of process notes is deleted (secure-delete is on).
void migrateTo16(sql::Database &db, const QString &)
{
    db.exec(R"sql(
INSERT INTO notes_fts(notes_fts, rowid, body) SELECT 'delete', id, body FROM notes WHERE kind = 'process';
DROP TRIGGER IF EXISTS notes_fts_insert;
DROP TRIGGER IF EXISTS notes_fts_delete;
DROP TRIGGER IF EXISTS notes_fts_update;
CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes WHEN NEW.kind = 'progress'
BEGIN INSERT INTO notes_fts(rowid, body) VALUES (NEW.id, NEW.body); END;
CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes WHEN OLD.kind = 'progress'
BEGIN INSERT INTO notes_fts(notes_fts, rowid, body) VALUES ('delete', OLD.id, OLD.body); END;
CREATE TRIGGER notes_fts_update AFTER UPDATE OF body ON notes WHEN NEW.kind = 'progress'
BEGIN
  INSERT INTO notes_fts(notes_fts, rowid, body) VALUES ('delete', OLD.id, OLD.body);
  INSERT INTO notes_fts(rowid, body) VALUES (NEW.id, NEW.body);
END;
UPDATE notes SET body = '' WHERE kind = 'process' AND status = 'draft';
)sql");
}

// v16 -> v17. Treatment plans (docs/plan.md): each version a row that is never changed, its plan
// as the PLAN.json form, signed by its author (Ed25519 over the SHA-256 of the canonical form);
// objective ids given once per client and kept across versions; reviews; progress notes' ratings
// of objectives (gone with a deleted draft).
void migrateTo17(sql::Database &db, const QString &)
{
    db.exec(R"sql(
CREATE TABLE IF NOT EXISTS treatment_plans(
  id           INTEGER PRIMARY KEY,
  client_id    INTEGER NOT NULL REFERENCES clients(id),
  version      INTEGER NOT NULL,
  plan         TEXT NOT NULL,
  author_id    INTEGER NOT NULL REFERENCES users(id),
  signed_at    TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  signature    TEXT NOT NULL,
  UNIQUE (client_id, version));
CREATE TABLE IF NOT EXISTS plan_objectives(
  id        INTEGER PRIMARY KEY,
  client_id INTEGER NOT NULL REFERENCES clients(id));
CREATE TABLE IF NOT EXISTS plan_reviews(
  id          INTEGER PRIMARY KEY,
  client_id   INTEGER NOT NULL REFERENCES clients(id),
  version     INTEGER NOT NULL,
  review_date TEXT NOT NULL,
  reviewer_id INTEGER NOT NULL REFERENCES users(id),
  recorded_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS objective_progress(
  note_id      INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
  objective_id INTEGER NOT NULL REFERENCES plan_objectives(id),
  rating       TEXT NOT NULL CHECK (rating IN ('worse', 'none', 'some', 'much', 'met')),
  rated_by     INTEGER NOT NULL REFERENCES users(id),
  rated_at     TEXT NOT NULL,
  PRIMARY KEY (note_id, objective_id));
CREATE TRIGGER IF NOT EXISTS treatment_plans_no_update BEFORE UPDATE ON treatment_plans
BEGIN SELECT RAISE(ABORT, 'a plan version never changes'); END;
CREATE TRIGGER IF NOT EXISTS treatment_plans_no_delete BEFORE DELETE ON treatment_plans
BEGIN SELECT RAISE(ABORT, 'a plan version never goes away'); END;
)sql");
}

// v17 -> v18. A removed user keeps their row (their name stays on their notes, signatures and
// audit entries) and is marked with the time of removal; a marked user cannot unlock.
void migrateTo18(sql::Database &db, const QString &)
{
    if (!db.prepare("SELECT 1 FROM pragma_table_info('users') WHERE name = 'removed'").step())
        db.exec("ALTER TABLE users ADD COLUMN removed TEXT");
}

// v18 -> v19. Signed audit entries: each entry from here on carries the Ed25519 signature of the
// user who appended it (signer may differ from user: reports are signed by the unlocking user) over
// its chained hash; older entries keep NULL. audit_signed_from is the first seq that must be signed.
void migrateTo19(sql::Database &db, const QString &)
{
    if (!db.prepare("SELECT 1 FROM pragma_table_info('audit') WHERE name = 'signer'").step())
        db.exec("ALTER TABLE audit ADD COLUMN signer TEXT");
    if (!db.prepare("SELECT 1 FROM pragma_table_info('audit') WHERE name = 'signature'").step())
        db.exec("ALTER TABLE audit ADD COLUMN signature BLOB CHECK (signature IS NULL OR length(signature) = 64)");
    db.exec("CREATE INDEX IF NOT EXISTS audit_by_signer ON audit(signer, seq)");
    db.exec("INSERT OR IGNORE INTO vault_info(key, value) "
            "SELECT 'audit_signed_from', CAST(coalesce(max(seq), 0) + 1 AS TEXT) FROM audit");
}

// v19 -> v20. Signed comments and returns: each comment from here on has its author's Ed25519
// signature in `signatures` (object comment:ID); comments_signed_from is the first id that must have
// one, so an older comment reads as unsigned and a newer one without a signature as broken.
void migrateTo20(sql::Database &db, const QString &)
{
    db.exec("INSERT OR IGNORE INTO vault_info(key, value) "
            "SELECT 'comments_signed_from', CAST(coalesce(max(id), 0) + 1 AS TEXT) FROM note_comments");
}

// v20 -> v21. Typed fields (model/notefields.h): a progress note's craving 0–10, stage of change,
// days abstinent and risk level as values, one row per field a note states, rewritten with every
// save of a draft (fieldstore.h). Existing notes get theirs from their text, signed ones too (their
// text is what was signed); from here on a signed note's values never change.
void migrateTo21(sql::Database &db, const QString &)
{
    db.exec(R"sql(
CREATE TABLE IF NOT EXISTS note_fields(
  note_id INTEGER NOT NULL REFERENCES notes(id),
  field   TEXT NOT NULL CHECK (field IN ('craving', 'stage', 'days_abstinent', 'risk_level')),
  value   INTEGER NOT NULL CHECK (value >= 0 AND (field <> 'craving' OR value <= 10)
                                  AND (field <> 'stage' OR value <= 4) AND (field <> 'risk_level' OR value <= 3)),
  PRIMARY KEY (note_id, field)) WITHOUT ROWID;
)sql");
    // Notes that have values already (a vault whose recorded version was set back) keep them.
    std::vector<std::pair<model::Id, QString>> notes;
    {
        auto stmt = db.prepare("SELECT id, sections FROM notes WHERE kind = 'progress' "
                               "AND id NOT IN (SELECT note_id FROM note_fields) ORDER BY id");
        while (stmt.step())
            notes.emplace_back(stmt.int64(0), stmt.text(1));
    }
    for (const auto &[id, sections] : notes)
        storeFields(db, id, model::sectionsFromJson(sections));
    db.exec(R"sql(
CREATE TRIGGER IF NOT EXISTS note_fields_no_update BEFORE UPDATE ON note_fields
BEGIN SELECT RAISE(ABORT, 'a note''s values are replaced when its draft is saved, never updated'); END;
CREATE TRIGGER IF NOT EXISTS note_fields_signed_kept BEFORE DELETE ON note_fields
WHEN (SELECT status FROM notes WHERE id = OLD.note_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'a signed note''s values never change'); END;
)sql");
}

} // namespace

int userVersion(sql::Database &db)
{
    return db.pragmaText("PRAGMA user_version").toInt();
}

void migrate(sql::Database &db, const QString &userName)
{
    using Step = std::function<void(sql::Database &, const QString &)>;
    static const std::array<Step, schemaVersion> steps = {migrateTo1, migrateTo2, migrateTo3, migrateTo4, migrateTo5,
                                                               migrateTo6, migrateTo7, migrateTo8, migrateTo9, migrateTo10,
                                                               migrateTo11, migrateTo12, migrateTo13, migrateTo14, migrateTo15,
                                                               migrateTo16, migrateTo17, migrateTo18, migrateTo19,
                                                               migrateTo20, migrateTo21};

    const int current = userVersion(db);
    if (current > schemaVersion)
        throw Error(ErrorKind::Damaged, QStringLiteral("open vault"),
                    QStringLiteral("the vault was written by a newer Undercurrent (schema %1; this version knows "
                                   "schema %2): update Undercurrent to open it")
                        .arg(current)
                        .arg(schemaVersion));
    for (int version = current; version < schemaVersion; ++version) {
        sql::Transaction tx(db);
        steps.at(static_cast<std::size_t>(version))(db, userName);
        // PRAGMA takes no bound parameters; the value is our own integer.
        db.exec(QStringLiteral("PRAGMA user_version = %1").arg(version + 1).toStdString());
        tx.commit();
        qCInfo(ucVault) << "migrated vault schema to version" << version + 1;
    }
}

} // namespace uc::vault
