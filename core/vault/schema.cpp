// SPDX-License-Identifier: GPL-3.0-or-later
// The schema's migration steps in order, one transaction each: the list below names every step;
// the steps that add tables, columns, indexes and triggers are here, the first layout is in
// schemav1.cpp and the steps that rewrite stored rows in datamigrations.cpp.
#include "vault/schema.h"

#include "common/logging.h"
#include "model/types.h"
#include "vault/fieldstore.h"
#include "vault/migrations.h"
#include "vault/uuids.h"

#include <array>
#include <cstddef>
#include <functional>
#include <string>

namespace uc::vault {

namespace {

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

// v21 -> v22. The audit trail by object, so that `note verify` finds a note's comment and return
// entries without reading the whole trail: each must still have its comment on the note (a comment
// deleted with its signature shows; docs/security.md, "Comments and returns").
void migrateTo22(sql::Database &db, const QString &)
{
    db.exec("CREATE INDEX IF NOT EXISTS audit_by_object ON audit(object, seq)");
}

// v22 -> v23. Practice-wide ids (docs/security.md, "Canonical forms"; docs/practice.md): every
// session, note and comment gets a random version-4 UUID (uuids.h: libsodium's randombytes_buf,
// the generator of the vault's keys), unique, and required of every row inserted from here on; and
// the canonical form each signature was made in is recorded beside it, 1 for every row signed
// before (they keep verifying as they were signed). Signed notes and comments take their uuid here
// only: their triggers are made again so that, from here on, neither their uuid nor their form
// changes (a co-signature records its own form as it is made).
void migrateTo23(sql::Database &db, const QString &)
{
    // Columns already there stay (a vault whose recorded version was set back by hand).
    const auto addColumn = [&db](const char *table, const char *column, const char *definition) {
        auto has = db.prepare("SELECT 1 FROM pragma_table_info(?) WHERE name = ?");
        has.bind(1, table).bind(2, column);
        if (!has.step())
            db.exec(std::string("ALTER TABLE ") + table + " ADD COLUMN " + column + " " + definition);
    };
    const char *form = "INTEGER NOT NULL DEFAULT 1 CHECK (%1 IN (1, 2))";
    const auto formOf = [form](const char *column) {
        return QString::fromLatin1(form).arg(QLatin1String(column)).toStdString();
    };
    addColumn("sessions", "uuid", "TEXT");
    addColumn("notes", "uuid", "TEXT");
    addColumn("notes", "canonical_form", formOf("canonical_form").c_str());
    addColumn("notes", "cosign_form", formOf("cosign_form").c_str());
    addColumn("addenda", "canonical_form", formOf("canonical_form").c_str());
    addColumn("note_comments", "uuid", "TEXT");
    addColumn("note_comments", "canonical_form", formOf("canonical_form").c_str());

    db.exec("DROP TRIGGER IF EXISTS notes_signed_no_update; DROP TRIGGER IF EXISTS note_comments_no_update");
    fillUuids(db, "sessions");
    fillUuids(db, "notes");
    fillUuids(db, "note_comments");
    db.exec(R"sql(
CREATE UNIQUE INDEX IF NOT EXISTS sessions_uuid ON sessions(uuid);
CREATE UNIQUE INDEX IF NOT EXISTS notes_uuid ON notes(uuid);
CREATE UNIQUE INDEX IF NOT EXISTS note_comments_uuid ON note_comments(uuid);
CREATE TRIGGER notes_signed_no_update BEFORE UPDATE ON notes
WHEN OLD.status <> 'draft' AND NOT (
  OLD.status = 'signed' AND NEW.status = 'cosigned'
  AND NEW.session_id IS OLD.session_id AND NEW.client_id IS OLD.client_id AND NEW.author_id IS OLD.author_id
  AND NEW.template IS OLD.template AND NEW.kind IS OLD.kind AND NEW.sections IS OLD.sections
  AND NEW.body IS OLD.body AND NEW.created IS OLD.created AND NEW.updated IS OLD.updated
  AND NEW.signed_by IS OLD.signed_by AND NEW.signed_at IS OLD.signed_at AND NEW.content_hash IS OLD.content_hash
  AND NEW.uuid IS OLD.uuid AND NEW.canonical_form IS OLD.canonical_form)
BEGIN SELECT RAISE(ABORT, 'a signed note cannot change; add an addendum'); END;
CREATE TRIGGER note_comments_no_update BEFORE UPDATE ON note_comments
BEGIN SELECT RAISE(ABORT, 'a comment cannot change; add another'); END;
CREATE TRIGGER IF NOT EXISTS sessions_uuid_given BEFORE INSERT ON sessions WHEN NEW.uuid IS NULL
BEGIN SELECT RAISE(ABORT, 'a session needs its uuid'); END;
CREATE TRIGGER IF NOT EXISTS notes_uuid_given BEFORE INSERT ON notes WHEN NEW.uuid IS NULL
BEGIN SELECT RAISE(ABORT, 'a note needs its uuid'); END;
CREATE TRIGGER IF NOT EXISTS note_comments_uuid_given BEFORE INSERT ON note_comments WHEN NEW.uuid IS NULL
BEGIN SELECT RAISE(ABORT, 'a comment needs its uuid'); END;
CREATE TRIGGER IF NOT EXISTS sessions_uuid_kept BEFORE UPDATE OF uuid ON sessions WHEN NEW.uuid IS NOT OLD.uuid
BEGIN SELECT RAISE(ABORT, 'a session''s uuid never changes'); END;
CREATE TRIGGER IF NOT EXISTS notes_uuid_kept BEFORE UPDATE OF uuid ON notes WHEN NEW.uuid IS NOT OLD.uuid
BEGIN SELECT RAISE(ABORT, 'a note''s uuid never changes'); END;
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
                                                               migrateTo20, migrateTo21, migrateTo22,
                                                               migrateTo23, migrateTo24, migrateTo25, migrateTo26,
                                                               migrateTo27};

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
