// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"

#include <QString>

// What a signature covers. A note's signature is the SHA-256 of its canonical content; a
// co-signature covers the note through that hash; an addendum is signed with the note's hash.
// Signing, verifying and importing a record all hash these forms. Private to core/vault.
namespace uc::vault {

// Compact JSON with sorted keys: note, session, client, date, author, template, kind, sections,
// signed_by, signed_at.
[[nodiscard]] QString canonicalContent(const model::Note &note);
// Compact JSON with sorted keys: note, content_hash, cosigned_by, cosigned_at.
[[nodiscard]] QString cosignContent(const model::Note &note, const QString &by, const QString &at);
// The hash an addendum is signed with: note, note_hash, author, text, signed_at.
[[nodiscard]] QString addendumHash(const model::Note &note, const QString &author, const QString &text,
                                   const QString &signedAt);
// The hash a comment (or a return) is signed with, SHA-256 of compact JSON with sorted keys: comment,
// note, note_hash, author, returned, text, created, where note_hash is the note's content hash when
// the comment was written ("" on a draft, whose words are still to change). Signed as
// signedMessage("comment", hash) (userkeys.h).
[[nodiscard]] QString commentHash(const model::NoteComment &comment, const QString &noteHash);
// The form comments were signed in before they covered their note's hash (schema v20 and v21): the
// same keys without note_hash. Still verified, for those comments.
[[nodiscard]] QString commentHashWithoutNote(const model::NoteComment &comment);

} // namespace uc::vault
