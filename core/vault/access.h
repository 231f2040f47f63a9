// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"
#include "vault/sqlite.h"

#include <QString>

#include <string>
#include <string_view>

// Which notes a reader reaches: the rules every read of notes applies, kept here once, for one
// note (loadNote) and for lists (readableNotes as an SQL condition). Private to core/vault.
//  - A process note is its author's alone, whatever the role.
//  - A supervisor reads the notes of the therapists assigned to them only. Patterns are the
//    documented exception: counted themes, never text, over everyone's progress notes.
//  - A supervisor does not see the themes of a note waiting for their blind rating.
namespace uc::vault {

struct VaultState;

// The columns readNote() reads: notes n joined to clients c, sessions s, the users who wrote,
// signed and co-signed, and a co-signature made on the practice server pc (schema v26). A query
// appends "WHERE …".
constexpr auto noteSelect =
    "SELECT n.id, n.session_id, n.client_id, c.code, s.date, n.author_id, a.name, n.template, n.kind, n.status, "
    "n.sections, n.created, n.updated, sb.name, n.signed_at, n.content_hash, cb.name, n.cosigned_at, n.cosign_hash, "
    "EXISTS (SELECT 1 FROM supervision WHERE therapist_id = n.author_id AND mode = 'must-cosign'), "
    "n.uuid, s.uuid, n.canonical_form, n.cosign_form, pc.member_id, pc.cosigned_at "
    "FROM notes n JOIN clients c ON c.id = n.client_id JOIN sessions s ON s.id = n.session_id "
    "JOIN users a ON a.id = n.author_id LEFT JOIN users sb ON sb.id = n.signed_by "
    "LEFT JOIN users cb ON cb.id = n.cosigned_by LEFT JOIN practice_cosigns pc ON pc.note_id = n.id ";

// A process note's sections are opened for its author only (processtext.h); anyone else gets none.
[[nodiscard]] model::Note readNote(const VaultState &state, const sql::Statement &stmt);

// The note with the reader's permission checked, without recording a view (internal reads).
// Error(Io) for an unknown id, Error(NotAllowed) for a note this user may not read.
[[nodiscard]] model::Note loadNote(VaultState &state, model::Id id);

// The same rule for a list, as a condition over a table n with the columns kind and author_id,
// with the named parameters :reader, :process and :supervised that bindReadable() binds.
constexpr auto readableNotes =
    "(n.kind = 'progress' OR (:process AND n.author_id = :reader)) "
    "AND (NOT :supervised OR n.author_id IN (SELECT therapist_id FROM supervision WHERE supervisor_id = :reader))";

struct NoteScope
{
    bool ownProcessNotes = false; // the reader's own process notes too
    bool supervisedOnly = false; // a supervisor's reads: their therapists' notes only
};
// The scope of a reader's note lists: their process notes when asked for, and a supervisor's
// therapists only.
[[nodiscard]] NoteScope readerScope(const VaultState &state, bool ownProcessNotes);
void bindReadable(sql::Statement &stmt, model::Id reader, NoteScope scope);

// The therapist's id when this user may make their supervision report: a supervisor assigned to
// them, or the therapist themselves. Error(Usage) for an unknown name or one who is no therapist,
// Error(NotAllowed) otherwise.
[[nodiscard]] model::Id requireSupervisionReport(VaultState &state, const QString &therapist);

// Error(NotAllowed) while the note waits for this supervisor's blind rating (an agreement check).
void requireNotBlind(VaultState &state, model::Id noteId);
// The same rule for counted themes (patterns): an SQL condition that leaves out the notes waiting
// for the blind rating of :reader (bound by bindReadable), the note's id in noteIdColumn.
[[nodiscard]] std::string notAwaitingBlindRating(std::string_view noteIdColumn);

} // namespace uc::vault
