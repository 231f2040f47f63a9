// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"

// Comments and returns carry their author's Ed25519 signature (schema v20; docs/security.md,
// "Comments and returns"), in `signatures` as comment:ID over signedMessage("comment",
// commentHash(comment)). Private to core/vault.
namespace uc::vault {

struct VaultState;

// Signs a comment just stored (inside the caller's transaction) with the acting user's key.
void signComment(VaultState &s, const model::NoteComment &comment);
// Sets comment.signature (and signatureProblem when Broken): Unsigned only for a comment older than
// vault_info.comments_signed_from; a newer one without a signature, signed by someone other than its
// author, or whose signature does not verify against the author's certified key is Broken.
void checkCommentSignature(VaultState &s, model::NoteComment &comment);

} // namespace uc::vault
