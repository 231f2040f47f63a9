// SPDX-License-Identifier: GPL-3.0-or-later
#include "vault/commentsig.h"

#include "vault/audit.h"
#include "vault/signing.h"
#include "vault/state.h"
#include "vault/userkeys.h"

#include <QSet>

namespace uc::vault {

namespace {

const QString statementAction = QStringLiteral("comments-signed-from");
const QString statementPrefix = QStringLiteral("comments signed from ");

QString objectOf(const model::NoteComment &c)
{
    return QStringLiteral("comment:%1").arg(c.id);
}

// A statement is a comments-signed-from entry (whatever its detail: a malformed one still counts,
// and fails) or a create-vault entry that carries one.
bool states(const QString &action, const QString &detail)
{
    return action == statementAction || (action == QLatin1String("create-vault") && detail.startsWith(statementPrefix));
}

std::optional<qint64> statedValue(const QString &detail)
{
    if (!detail.startsWith(statementPrefix))
        return std::nullopt;
    bool ok = false;
    const qint64 from = detail.mid(statementPrefix.size()).toLongLong(&ok);
    return ok && from >= 1 ? std::optional(from) : std::nullopt;
}

// The first comment id that must be signed, as the statement says. 1 (every comment) when there is
// none or it does not hold: an edited statement never passes a signed comment off as old (and
// `audit verify` names the entry).
qint64 valueOf(const std::optional<StatedEntry> &stated)
{
    const auto value = stated && stated->holds ? statedValue(stated->entry.detail) : std::nullopt;
    return value.value_or(1);
}

// The trail is read up to its first statement once a session (an upgraded vault's lies where the
// trail ended at its upgrade, a new vault's is its first entry): so the cost does not grow with it.
qint64 commentsSignedFrom(VaultState &s)
{
    if (!s.commentsSignedFrom)
        s.commentsSignedFrom = valueOf(firstStatedEntry(s.db, states, {s.certificates(), s.trustRoot()}));
    return *s.commentsSignedFrom;
}

} // namespace

bool &writesCommentSigningStatement()
{
    static bool writes = true;
    return writes;
}

QString commentSigningStatement(qint64 from)
{
    return statementPrefix + QString::number(from);
}

void stateWhereCommentSigningBegins(VaultState &s)
{
    if (!writesCommentSigningStatement())
        return;
    s.commentsSignedFrom.reset();
    if (const auto stated = firstStatedEntry(s.db, states, {s.certificates(), s.trustRoot()})) {
        s.commentsSignedFrom = valueOf(stated);
        return;
    }
    // Set by migration v20 to the first comment id after those it found; missing, every comment.
    qint64 from = 1;
    auto stmt = s.db.prepare("SELECT value FROM vault_info WHERE key = 'comments_signed_from'");
    if (stmt.step()) {
        bool ok = false;
        const qint64 value = stmt.text(0).toLongLong(&ok);
        from = ok && value >= 1 ? value : 1;
    }
    s.recordEvent(statementAction, QStringLiteral("vault"), commentSigningStatement(from));
    s.commentsSignedFrom = from;
}

QString goneComment(VaultState &s, model::Id noteId, const QList<model::NoteComment> &comments)
{
    QSet<model::Id> present;
    for (const model::NoteComment &c : comments)
        present.insert(c.id);
    // audit_by_object (v22): the note's own entries, not the whole trail.
    auto stmt = s.db.prepare("SELECT seq, user, action, detail FROM audit WHERE object = ? "
                             "AND action IN ('comment', 'return') ORDER BY seq");
    stmt.bind(1, QStringLiteral("note:%1").arg(noteId));
    while (stmt.step()) {
        const QString detail = stmt.text(3);
        bool ok = false;
        const model::Id id = detail.startsWith(QLatin1String("comment:")) ? detail.mid(8).toLongLong(&ok) : 0;
        if (ok && !present.contains(id))
            return QStringLiteral("%1's %2 %3, recorded in the audit trail (entry %4), is gone from the note")
                .arg(stmt.text(1), stmt.text(2))
                .arg(id)
                .arg(stmt.int64(0));
    }
    return {};
}

void signComment(VaultState &s, const model::NoteComment &comment, const QString &noteHash)
{
    s.storeSignature(objectOf(comment), QStringLiteral("comment"), commentHash(comment, noteHash));
}

void checkCommentSignature(VaultState &s, model::NoteComment &c, const QString &noteHash)
{
    const auto broken = [&](const QString &why) {
        c.signature = model::CommentSignature::Broken;
        c.signatureProblem = why;
    };
    auto stmt = s.db.prepare("SELECT signer, signature FROM signatures WHERE object = ?");
    stmt.bind(1, objectOf(c));
    if (!stmt.step()) {
        if (c.id < commentsSignedFrom(s))
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
    // Over the note's hash now; over "" when it was written on the note's draft; or, signed before
    // comments covered their note (v20, v21), over the comment alone. Each is a different message,
    // so a signature made over one never passes as another.
    const QString signature = stmt.text(1);
    const auto holds = [&](const QString &hash) {
        return verifyDetached(key->signPublic, signedMessage(QStringLiteral("comment"), hash), signature);
    };
    // The form is the one recorded beside the comment (v23); a form-2 comment was never signed
    // without its note's hash.
    if (!holds(commentHash(c, noteHash)) && !holds(commentHash(c, {}))
        && !(c.form < 2 && holds(commentHashWithoutNote(c))))
        return broken(QStringLiteral("%1's signature on comment %2 does not verify (the comment, or the note it was "
                                     "written on, changed since)")
                          .arg(c.author)
                          .arg(c.id));
    c.signature = model::CommentSignature::Verified;
}

} // namespace uc::vault
