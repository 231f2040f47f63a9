// SPDX-License-Identifier: GPL-3.0-or-later
// The vault's first layout (schema v1) and the step that makes it: a new vault's tables, or a
// prototype's notes carried into them.
#include "vault/migrations.h"

#include "model/types.h"

#include <QDateTime>

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

} // namespace

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

} // namespace uc::vault
