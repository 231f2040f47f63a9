// SPDX-License-Identifier: GPL-3.0-or-later
#include "practice/auditchain.h"

#include "common/error.h"
#include "practice/connection.h"
#include "practice/invitation.h"
#include "practice/membership.h"
#include "practice/roster.h"

#include <QHash>

#include <sodium.h>

#include <optional>

using namespace Qt::StringLiterals;

namespace uc::practice {

namespace {

constexpr int hashBytes = crypto_hash_sha256_BYTES;

[[noreturn]] void damaged(const QString &why)
{
    throw Error(ErrorKind::Damaged, u"practice server"_s, why);
}

// One link as every member reads it.
struct Link
{
    qint64 seq = 0;
    QByteArray prev;
    QByteArray hash;
    QString actor;
    QByteArray signature;
};

} // namespace

QByteArray auditEntryHash(qint64 seq, const QByteArray &prev, const QString &at, const QString &actor,
                          const QString &action, const QString &object)
{
    const QByteArray text = "uc-audit-1\n" + QByteArray::number(seq) + '\n' + prev.toHex() + '\n' + at.toUtf8() + '\n'
        + actor.toUtf8() + '\n' + action.toUtf8() + '\n' + object.toUtf8();
    QByteArray digest(hashBytes, Qt::Uninitialized);
    crypto_hash_sha256(reinterpret_cast<unsigned char *>(digest.data()),
                       reinterpret_cast<const unsigned char *>(text.constData()),
                       static_cast<unsigned long long>(text.size()));
    return digest;
}

QByteArray auditSignedPart(const QString &practiceId, const QByteArray &hash)
{
    return "audit\n" + practiceId.toUtf8() + '\n' + hash.toHex();
}

void appendChainedAudit(Connection &c, const QString &action, const QString &object)
{
    if (!c.auditSigner())
        throw Error(ErrorKind::Conflict, u"practice audit"_s, u"no member signs the audit over this connection"_s);
    std::optional<Transaction> own;
    if (!c.inTransaction())
        own.emplace(c); // the head's lock and the time must be the insert's
    const Rows head = c.exec("SELECT head_seq, head_hash, stamp, actor FROM uc.audit_head()", {},
                             u"reading the head of the practice's audit"_s);
    const qint64 seq = head.text(0, 0).toLongLong() + 1;
    const QByteArray prev = head.bytes(0, 1);
    const QByteArray hash = auditEntryHash(seq, prev, head.text(0, 2), head.text(0, 3), action, object);
    const QByteArray signature = c.auditSigner()(hash);
    c.exec("INSERT INTO uc.audit (seq, action, object, prev, hash, signature) VALUES ($1, $2, $3, $4, $5, $6)",
           {Param::text(QString::number(seq)), Param::text(action), Param::text(object), Param::bytes(prev),
            Param::bytes(hash), Param::bytes(signature)},
           u"appending to the practice's audit"_s);
    if (own)
        own->commit();
}

AuditPin verifiedAuditChain(Connection &c, const Membership &m, const QList<MemberRow> &roster)
{
    const Rows rows = c.exec("SELECT seq, prev, hash, actor, signature FROM uc.audit_chain WHERE seq >= $1 ORDER BY seq",
                             {Param::text(QString::number(m.auditHead))}, u"reading the practice's audit chain"_s);
    QHash<QString, QByteArray> keyOf; // a member's registered key, by their database role
    for (const MemberRow &member : roster)
        if (!member.signPublic.isEmpty())
            keyOf.insert(member.dbRole, member.signPublic);

    QList<Link> links;
    links.reserve(rows.count());
    for (int i = 0; i < rows.count(); ++i)
        links.append({rows.text(i, 0).toLongLong(), rows.bytes(i, 1), rows.bytes(i, 2), rows.text(i, 3), rows.bytes(i, 4)});

    AuditPin head{0, QByteArray(hashBytes, '\0')};
    qsizetype from = 0;
    if (m.auditHead > 0) {
        if (links.isEmpty() || links.first().seq != m.auditHead)
            damaged(u"it shows less than this machine has already seen (an earlier copy of it was restored, or audit "
                    "rows were deleted); nothing was written here"_s);
        if (!m.auditHash.isEmpty() && links.first().hash != m.auditHash)
            damaged(u"its audit trail is not the one this machine has already seen (an earlier copy of it was restored "
                    "and written on, or its history was rewritten); nothing was written here"_s);
        head = {links.first().seq, links.first().hash};
        from = 1;
    }
    for (qsizetype i = from; i < links.size(); ++i) {
        const Link &link = links.at(i);
        if (link.seq != head.seq + 1 || link.prev != head.hash)
            damaged(u"its audit trail has a gap or an entry out of order (one was deleted, moved or slipped in); "
                    "nothing was written here"_s);
        const QByteArray key = keyOf.value(link.actor);
        if (key.isEmpty() || !verifyPracticeSignature(key, auditSignedPart(m.practiceId, link.hash), link.signature))
            damaged(u"an entry of its audit trail is not signed by the member it names (it was changed or forged); "
                    "nothing was written here"_s);
        head = {link.seq, link.hash};
    }
    if (links.isEmpty())
        return {m.auditHead, m.auditHash};

    // The full rows this member reads, each the entry its link hashes; and none of them gone.
    const bool readsAll = m.admin || m.role == model::Role::Auditor;
    const Rows full = c.exec("SELECT seq, prev, hash, signature, uc.audit_time(at), actor, action, object FROM uc.audit "
                             "WHERE seq >= $1 AND seq <= $2 ORDER BY seq",
                             {Param::text(QString::number(links.first().seq)), Param::text(QString::number(head.seq))},
                             u"reading the practice's audit"_s);
    QHash<qint64, int> seen;
    for (int i = 0; i < full.count(); ++i) {
        const qint64 seq = full.text(i, 0).toLongLong();
        const Link &link = links.at(static_cast<qsizetype>(seq - links.first().seq));
        const QByteArray hash = full.bytes(i, 2);
        if (full.bytes(i, 1) != link.prev || hash != link.hash || full.bytes(i, 3) != link.signature
            || full.text(i, 5) != link.actor
            || auditEntryHash(seq, link.prev, full.text(i, 4), link.actor, full.text(i, 6), full.text(i, 7)) != hash)
            damaged(u"an entry of its audit trail was changed (it no longer matches its hash in the chain); nothing "
                    "was written here"_s);
        seen.insert(seq, i);
    }
    for (const Link &link : std::as_const(links))
        if ((readsAll || link.actor == m.dbRole) && !seen.contains(link.seq))
            damaged(u"an entry of its audit trail was deleted (its hash is still in the chain); nothing was written "
                    "here"_s);
    return head;
}

} // namespace uc::practice
