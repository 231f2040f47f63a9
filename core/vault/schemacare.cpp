// SPDX-License-Identifier: GPL-3.0-or-later
// The steps that add the course of care's records and the practice's co-signatures: other treatment
// as events (v24), use days (v25), co-signatures made on the practice server (v26), countertransference
// entries shared with a supervisor (v27). Listed in order with every other step in schema.cpp.
#include "vault/migrations.h"

namespace uc::vault {

// v23 -> v24. Other treatment as dated events (model/treatmentevent.h): mutual-help meetings,
// groups, medication-assisted treatment and drug screens, one row each with the columns its kind
// uses (the others empty). A deleted event is kept as it was, marked with who deleted it and when; it
// can be deleted once and never changed, and no row is ever removed.
void migrateTo24(sql::Database &db, const QString &)
{
    db.exec(R"sql(
CREATE TABLE IF NOT EXISTS treatment_events(
  id         INTEGER PRIMARY KEY,
  client_id  INTEGER NOT NULL REFERENCES clients(id),
  kind       TEXT NOT NULL CHECK (kind IN ('mutual-help', 'group', 'mat', 'drug-screen')),
  date       TEXT NOT NULL,
  program    TEXT NOT NULL DEFAULT '',
  group_name TEXT NOT NULL DEFAULT '',
  medication TEXT NOT NULL DEFAULT '',
  change     TEXT NOT NULL DEFAULT '' CHECK (change IN ('', 'start', 'dose-change', 'stop')),
  dose       REAL CHECK (dose IS NULL OR dose > 0),
  unit       TEXT NOT NULL DEFAULT '',
  substance  TEXT NOT NULL DEFAULT '',
  result     TEXT NOT NULL DEFAULT '' CHECK (result IN ('', 'positive', 'negative')),
  method     TEXT NOT NULL DEFAULT '',
  note       TEXT NOT NULL DEFAULT '',
  created_by INTEGER NOT NULL REFERENCES users(id),
  created    TEXT NOT NULL,
  deleted_by INTEGER REFERENCES users(id),
  deleted_at TEXT,
  CHECK ((deleted_by IS NULL) = (deleted_at IS NULL)));
CREATE INDEX IF NOT EXISTS treatment_events_client ON treatment_events(client_id, date);
CREATE TRIGGER IF NOT EXISTS treatment_events_kept BEFORE UPDATE ON treatment_events
WHEN OLD.deleted_at IS NOT NULL OR NEW.deleted_at IS NULL
  OR NEW.id IS NOT OLD.id OR NEW.client_id IS NOT OLD.client_id OR NEW.kind IS NOT OLD.kind
  OR NEW.date IS NOT OLD.date OR NEW.program IS NOT OLD.program OR NEW.group_name IS NOT OLD.group_name
  OR NEW.medication IS NOT OLD.medication OR NEW.change IS NOT OLD.change OR NEW.dose IS NOT OLD.dose
  OR NEW.unit IS NOT OLD.unit OR NEW.substance IS NOT OLD.substance OR NEW.result IS NOT OLD.result
  OR NEW.method IS NOT OLD.method OR NEW.note IS NOT OLD.note
  OR NEW.created_by IS NOT OLD.created_by OR NEW.created IS NOT OLD.created
BEGIN SELECT RAISE(ABORT, 'a treatment event never changes; it is deleted once and kept'); END;
CREATE TRIGGER IF NOT EXISTS treatment_events_no_delete BEFORE DELETE ON treatment_events
BEGIN SELECT RAISE(ABORT, 'a treatment event is kept when deleted, never removed'); END;
)sql");
}

// v24 -> v25. Use days in the style of the timeline follow-back (model/useday.h): per client,
// substance class and day, used or not, an optional amount and how it is known. At most one
// current entry per client, substance and day; a correction or a deletion marks the entry it
// replaces with who did it and when (and a correction adds the new entry), so nothing recorded is
// ever changed or removed.
void migrateTo25(sql::Database &db, const QString &)
{
    db.exec(R"sql(
CREATE TABLE IF NOT EXISTS use_days(
  id          INTEGER PRIMARY KEY,
  client_id   INTEGER NOT NULL REFERENCES clients(id),
  substance   TEXT NOT NULL,
  date        TEXT NOT NULL,
  used        INTEGER NOT NULL CHECK (used IN (0, 1)),
  amount      REAL CHECK (amount IS NULL OR (amount >= 0 AND used = 1)),
  unit        TEXT NOT NULL DEFAULT '',
  source      TEXT NOT NULL CHECK (source IN ('recall', 'screen', 'collateral')),
  recorded_by INTEGER NOT NULL REFERENCES users(id),
  recorded    TEXT NOT NULL,
  replaced_by INTEGER REFERENCES users(id),
  replaced_at TEXT,
  CHECK ((replaced_by IS NULL) = (replaced_at IS NULL)));
CREATE UNIQUE INDEX IF NOT EXISTS use_days_current ON use_days(client_id, substance, date) WHERE replaced_at IS NULL;
CREATE TRIGGER IF NOT EXISTS use_days_kept BEFORE UPDATE ON use_days
WHEN OLD.replaced_at IS NOT NULL OR NEW.replaced_at IS NULL
  OR NEW.id IS NOT OLD.id OR NEW.client_id IS NOT OLD.client_id OR NEW.substance IS NOT OLD.substance
  OR NEW.date IS NOT OLD.date OR NEW.used IS NOT OLD.used OR NEW.amount IS NOT OLD.amount
  OR NEW.unit IS NOT OLD.unit OR NEW.source IS NOT OLD.source
  OR NEW.recorded_by IS NOT OLD.recorded_by OR NEW.recorded IS NOT OLD.recorded
BEGIN SELECT RAISE(ABORT, 'a use day never changes; it is replaced once and kept'); END;
CREATE TRIGGER IF NOT EXISTS use_days_no_delete BEFORE DELETE ON use_days
BEGIN SELECT RAISE(ABORT, 'a use day is kept when replaced, never removed'); END;
)sql");
}

// v25 -> v26. Co-signatures made on the practice server (vault/practicecosigns.h, docs/practice.md):
// one per note at most, with the bytes the supervisor signed, their certified key, the administrator's
// certificate of it and the pinned administrator key, so `note verify` checks it offline. Kept as
// recorded: never changed, never removed.
void migrateTo26(sql::Database &db, const QString &)
{
    db.exec(R"sql(
CREATE TABLE IF NOT EXISTS practice_cosigns(
  note_id               INTEGER PRIMARY KEY REFERENCES notes(id),
  practice_id           TEXT NOT NULL,
  item_id               TEXT NOT NULL,
  member_id             TEXT NOT NULL,
  seq                   INTEGER NOT NULL,
  cosigned_at           TEXT NOT NULL,
  content_hash          TEXT NOT NULL CHECK (length(content_hash) = 64),
  event                 TEXT NOT NULL,
  signature             TEXT NOT NULL,
  sign_public           TEXT NOT NULL,
  certificate           TEXT NOT NULL,
  certificate_signature TEXT NOT NULL,
  admin_key             TEXT NOT NULL,
  recorded_by           INTEGER NOT NULL REFERENCES users(id),
  recorded_at           TEXT NOT NULL);
CREATE TRIGGER IF NOT EXISTS practice_cosigns_no_update BEFORE UPDATE ON practice_cosigns
BEGIN SELECT RAISE(ABORT, 'a practice co-signature is kept as recorded'); END;
CREATE TRIGGER IF NOT EXISTS practice_cosigns_no_delete BEFORE DELETE ON practice_cosigns
BEGIN SELECT RAISE(ABORT, 'a practice co-signature is kept as recorded'); END;
)sql");
}

// v26 -> v27. Countertransference entries an author shared with their own supervisor
// (vault/ctshares.h, docs/countertransference.md): one row per entry shared, its words and codes
// sealed to the supervisor's key (for_supervisor) and to the author's (for_author), signed by the
// author over its canonical form, which names the note's uuid, the entry, both users and both sealed
// values' hashes. The client is the note's. A withdrawn share is kept, marked with when and the
// author's signature of the withdrawal; nothing else of a row ever changes, and no row is removed.
void migrateTo27(sql::Database &db, const QString &)
{
    db.exec(R"sql(
CREATE TABLE IF NOT EXISTS ct_shares(
  id                 INTEGER PRIMARY KEY,
  uuid               TEXT NOT NULL UNIQUE,
  note_id            INTEGER NOT NULL REFERENCES notes(id),
  entry              INTEGER NOT NULL CHECK (entry >= 1),
  author_id          INTEGER NOT NULL REFERENCES users(id),
  supervisor_id      INTEGER NOT NULL REFERENCES users(id),
  shared_at          TEXT NOT NULL,
  for_supervisor     TEXT NOT NULL,
  for_author         TEXT NOT NULL,
  signature          TEXT NOT NULL,
  withdrawn_at       TEXT,
  withdraw_signature TEXT,
  CHECK ((withdrawn_at IS NULL) = (withdraw_signature IS NULL)));
CREATE INDEX IF NOT EXISTS ct_shares_note ON ct_shares(note_id);
CREATE INDEX IF NOT EXISTS ct_shares_supervisor ON ct_shares(supervisor_id);
CREATE TRIGGER IF NOT EXISTS ct_shares_kept BEFORE UPDATE ON ct_shares
WHEN OLD.withdrawn_at IS NOT NULL OR NEW.withdrawn_at IS NULL
  OR NEW.id IS NOT OLD.id OR NEW.uuid IS NOT OLD.uuid OR NEW.note_id IS NOT OLD.note_id
  OR NEW.entry IS NOT OLD.entry OR NEW.author_id IS NOT OLD.author_id OR NEW.supervisor_id IS NOT OLD.supervisor_id
  OR NEW.shared_at IS NOT OLD.shared_at OR NEW.for_supervisor IS NOT OLD.for_supervisor
  OR NEW.for_author IS NOT OLD.for_author OR NEW.signature IS NOT OLD.signature
BEGIN SELECT RAISE(ABORT, 'a shared entry never changes; it is withdrawn once and kept'); END;
CREATE TRIGGER IF NOT EXISTS ct_shares_no_delete BEFORE DELETE ON ct_shares
BEGIN SELECT RAISE(ABORT, 'a shared entry is kept when withdrawn, never removed'); END;
)sql");
}

} // namespace uc::vault
