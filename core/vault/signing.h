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
// note, author, returned, text, created. Signed as signedMessage("comment", hash) (userkeys.h).
[[nodiscard]] QString commentHash(const model::NoteComment &comment);

} // namespace uc::vault
