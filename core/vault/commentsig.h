// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"

#include <QList>
#include <QString>

// Comments and returns carry their author's Ed25519 signature (schema v20; docs/security.md,
// "Comments and returns"), in `signatures` as comment:ID over signedMessage("comment",
// commentHash(comment, the note's hash)). Which comments may be unsigned (those written before
// comments were signed) is stated once in the signed audit trail, not by a row anyone with the
// data key could move. Private to core/vault.
namespace uc::vault {

struct VaultState;

// Signs a comment just stored (inside the caller's transaction) with the acting user's key, over the
// note's content hash as it is now (noteHash; "" for a draft).
void signComment(VaultState &s, const model::NoteComment &comment, const QString &noteHash);
// Sets comment.signature (and signatureProblem when Broken): Unsigned only for a comment older than
// where comment signing began as the trail states it; a newer one without a signature, signed by
// someone other than its author, or whose signature does not verify against the author's certified
// key over its note's hash (noteHash, the note's content hash now) is Broken.
void checkCommentSignature(VaultState &s, model::NoteComment &comment, const QString &noteHash);

// Empty when every comment and return the audit trail records on the note (its `comment`/`return`
// entries, object note:ID, detail comment:ID) is still among its comments; otherwise which is gone,
// naming whose. The entry is chained and signed, so it cannot go with the comment.
[[nodiscard]] QString goneComment(VaultState &s, model::Id noteId, const QList<model::NoteComment> &comments);

// The audit detail that states where comment signing begins ("comments signed from N"): a new
// vault's create-vault entry carries it for N = 1.
[[nodiscard]] QString commentSigningStatement(qint64 from);
// At unlock, once the user's keys are in the session: a vault whose trail does not yet state where
// comment signing begins (one from before the statement) gets a signed `comments-signed-from` entry
// with the first comment id its v20 migration recorded (vault_info.comments_signed_from). From then
// on only the first statement in the trail counts; the row is never read again.
void stateWhereCommentSigningBegins(VaultState &s);

// For tests only (VaultTestAccess): false makes this build write no statement, as the builds before
// it did, so that a test can make a vault as they left it.
[[nodiscard]] bool &writesCommentSigningStatement();

} // namespace uc::vault
