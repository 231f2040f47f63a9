// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"

#include <QString>

// What a signature covers. A note's signature is the SHA-256 of its canonical content; a
// co-signature covers the note through that hash; an addendum is signed with the note's hash.
// Signing, verifying and importing a record all hash these forms. Private to core/vault.
//
// Two canonical forms (docs/security.md, "Canonical forms"). Form 1, for what was signed before
// schema v23, names the vault's local note, session and comment numbers. Form 2, for everything
// signed since, names their practice-wide uuids instead and holds "form": 2 itself, inside what is
// hashed: no form-1 text ever hashes like a form-2 text, so flipping a row's recorded form to the
// other one breaks its signature rather than choosing a weaker check. Which form a row was signed
// in is recorded beside it (notes.canonical_form and cosign_form, addenda and note_comments
// canonical_form) and read into the model (Note::canonicalForm, cosignForm, Addendum::form,
// NoteComment::form).
namespace uc::vault {

// The form everything is signed in from schema v23 on.
constexpr int currentCanonicalForm = 2;

// Compact JSON with sorted keys. Form 1: note, session, client, date, author, template, kind,
// sections, signed_by, signed_at. Form 2: form, note_uuid, session_uuid and the same from client on.
// By note.canonicalForm.
[[nodiscard]] QString canonicalContent(const model::Note &note);
// Compact JSON with sorted keys. Form 1: note, content_hash, cosigned_by, cosigned_at. Form 2:
// form, note_uuid and the same from content_hash on. By note.cosignForm.
[[nodiscard]] QString cosignContent(const model::Note &note, const QString &by, const QString &at);
// The hash an addendum is signed with. Form 1: note, note_hash, author, text, signed_at. Form 2:
// form, note_uuid and the same from note_hash on.
[[nodiscard]] QString addendumHash(const model::Note &note, const QString &author, const QString &text,
                                   const QString &signedAt, int form);
// The hash a comment (or a return) is signed with, SHA-256 of compact JSON with sorted keys. Form 1:
// comment, note, note_hash, author, returned, text, created; form 2: form, comment_uuid, note_uuid
// and the same from note_hash on (by comment.form), where note_hash is the note's content hash when
// the comment was written ("" on a draft, whose words are still to change). Signed as
// signedMessage("comment", hash) (userkeys.h).
[[nodiscard]] QString commentHash(const model::NoteComment &comment, const QString &noteHash);
// The form comments were signed in before they covered their note's hash (schema v20 and v21): the
// form-1 keys without note_hash. Still verified, for those comments.
[[nodiscard]] QString commentHashWithoutNote(const model::NoteComment &comment);

// What the author of a countertransference entry shared with a supervisor signs (ctshares.h): the
// SHA-256 of compact JSON with sorted keys form (1), share_uuid, note_uuid, entry, author,
// supervisor, shared_at, for_supervisor and for_author, those two the SHA-256 (hex) of the sealed
// bytes. Signed as signedMessage("ct-share", hash). The words are not in it in the clear: a hash of
// them beside the row would let anyone with the data key confirm a guess; they are covered through
// the sealed values, which hold them with this share's names (checked by the reader).
struct CtShareForm
{
    QString shareUuid;
    QString noteUuid;
    int entry = 0;
    QString author;
    QString supervisor;
    QString sharedAt;
    QByteArray forSupervisor; // sealed bytes
    QByteArray forAuthor;
};
[[nodiscard]] QString ctShareHash(const CtShareForm &share);
// A withdrawal: form (1), share_hash (ctShareHash of the share), withdrawn_at. Signed as
// signedMessage("ct-withdraw", hash).
[[nodiscard]] QString ctWithdrawHash(const QString &shareHash, const QString &withdrawnAt);

} // namespace uc::vault
