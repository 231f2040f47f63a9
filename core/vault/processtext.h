// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/secret.h"
#include "model/types.h"

#include <QString>

// A process note is its author's alone, also against a colleague who holds the shared data key and
// opens notes.db with sqlcipher (docs/security.md, "Process notes"). Its words — the sections, the
// theme and risk evidence found in them, and its addenda — are stored sealed (XChaCha20-Poly1305)
// under a key derived from the author's signing key, which only the author's slot and the recovery
// key open. Each sealed value is bound to its note and field, so it cannot be moved to another.
// Process notes are kept out of the full-text index; their author's search reads them in memory.
// Private to core/vault.
namespace uc::vault {

struct UserKeys;
struct VaultState;

enum class SealedField : unsigned char { Sections, ThemeEvidence, RiskEvidence, Addendum };

// The user's process-note key; empty when their keys are not kept under the recovery key (a vault
// made before per-user keys), so that a recovery could not bring their process notes back: those
// stay under the data key alone, as before.
[[nodiscard]] SecretBuffer processKeyOf(const UserKeys &keys);

// What to store for text of the current user's note noteId: sealed when it is a process note and
// their key seals; the text itself otherwise.
[[nodiscard]] QString storedForm(const VaultState &s, model::Id noteId, bool processNote, SealedField field,
                                 const QString &text);
// The text back from its stored form. Sealed text that does not open with the reader's key is
// damage (Error Damaged, naming nothing of the text). Text stored in the clear (written before
// sealing, or by a user whose key does not seal) is returned as it is.
[[nodiscard]] QString openedForm(const VaultState &s, model::Id noteId, bool processNote, SealedField field,
                                 const QString &stored);
[[nodiscard]] bool isSealed(const QString &stored);

[[nodiscard]] bool isProcessNote(VaultState &s, model::Id noteId);

// Seals the current user's process notes still stored in the clear, in one transaction, with an
// audit entry; returns how many. Run at every unlock (cheap when there are none).
int sealOwnProcessNotes(VaultState &s);

} // namespace uc::vault
