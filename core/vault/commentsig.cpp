// SPDX-License-Identifier: GPL-3.0-or-later
#include "vault/commentsig.h"

#include "vault/signing.h"
#include "vault/state.h"
#include "vault/userkeys.h"

namespace uc::vault {

namespace {

QString objectOf(const model::NoteComment &c)
{
    return QStringLiteral("comment:%1").arg(c.id);
}

// The first comment id that must be signed; 1 (every comment) when the record is missing, so that
// deleting it does not pass signed comments off as old ones.
qint64 commentsSignedFrom(sql::Database &db)
{
    auto stmt = db.prepare("SELECT value FROM vault_info WHERE key = 'comments_signed_from'");
    if (!stmt.step())
        return 1;
    bool ok = false;
    const qint64 from = stmt.text(0).toLongLong(&ok);
    return ok && from >= 1 ? from : 1;
}

} // namespace

void signComment(VaultState &s, const model::NoteComment &comment)
{
    s.storeSignature(objectOf(comment), QStringLiteral("comment"), commentHash(comment));
}

void checkCommentSignature(VaultState &s, model::NoteComment &c)
{
    const auto broken = [&](const QString &why) {
        c.signature = model::CommentSignature::Broken;
        c.signatureProblem = why;
    };
    auto stmt = s.db.prepare("SELECT signer, signature FROM signatures WHERE object = ?");
    stmt.bind(1, objectOf(c));
    if (!stmt.step()) {
        if (c.id < commentsSignedFrom(s.db))
            c.signature = model::CommentSignature::Unsigned;
        else
            broken(QStringLiteral("%1's comment %2 has no signature (it was removed)").arg(c.author).arg(c.id));
        return;
    }
    if (stmt.text(0) != c.author)
        return broken(QStringLiteral("comment %1 names %2 as its author but is signed by %3")
                          .arg(c.id)
                          .arg(c.author, stmt.text(0)));
    const auto key = certifiedKey(s.certificates(), s.trustRoot(), c.author);
    if (!key)
        return broken(QStringLiteral("%1's key is not certified in this vault, so their comment %2 cannot be checked")
                          .arg(c.author)
                          .arg(c.id));
    if (!verifyDetached(key->signPublic, signedMessage(QStringLiteral("comment"), commentHash(c)), stmt.text(1)))
        return broken(QStringLiteral("%1's signature on comment %2 does not verify (changed since it was written)")
                          .arg(c.author)
                          .arg(c.id));
    c.signature = model::CommentSignature::Verified;
}

} // namespace uc::vault
