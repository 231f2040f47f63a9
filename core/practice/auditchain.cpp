// SPDX-License-Identifier: GPL-3.0-or-later
#include "practice/auditchain.h"

#include "common/error.h"
#include "practice/connection.h"
#include "practice/invitation.h"
#include "practice/membership.h"
#include "practice/roster.h"

#include <QHash>
#include <QSet>

#include <sodium.h>

#include <optional>

using namespace Qt::StringLiterals;

namespace uc::practice {

namespace {

constexpr int hashBytes = crypto_hash_sha256_BYTES;

// One link as every member reads it.
struct Link
{
    qint64 seq = 0;
    QByteArray prev;
    QByteArray hash;
    QString actor;
    QByteArray bodyHash;
    QByteArray signature;
};

QByteArray sha256(const QByteArray &text)
{
    QByteArray digest(hashBytes, Qt::Uninitialized);
    crypto_hash_sha256(reinterpret_cast<unsigned char *>(digest.data()),
                       reinterpret_cast<const unsigned char *>(text.constData()),
                       static_cast<unsigned long long>(text.size()));
    return digest;
}

} // namespace

QByteArray auditBodyHash(const QByteArray &nonce, const QString &at, const QString &action, const QString &object)
{
    return sha256("uc-audit-body-1\n" + nonce.toHex() + '\n' + at.toUtf8() + '\n' + action.toUtf8() + '\n'
                  + object.toUtf8());
}

QByteArray auditLinkHash(qint64 seq, const QByteArray &prev, const QString &actor, const QByteArray &bodyHash)
{
    return sha256("uc-audit-1\n" + QByteArray::number(seq) + '\n' + prev.toHex() + '\n' + actor.toUtf8() + '\n'
                  + bodyHash.toHex());
}

QByteArray auditSignedPart(const QString &practiceId, qint64 seq, const QByteArray &prev, const QByteArray &hash)
{
    return "audit\n" + practiceId.toUtf8() + '\n' + QByteArray::number(seq) + '\n' + prev.toHex() + '\n' + hash.toHex();
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
    QByteArray nonce(16, Qt::Uninitialized);
    randombytes_buf(nonce.data(), static_cast<std::size_t>(nonce.size()));
    const QByteArray body = auditBodyHash(nonce, head.text(0, 2), action, object);
    const QByteArray hash = auditLinkHash(seq, prev, head.text(0, 3), body);
    c.exec("INSERT INTO uc.audit (seq, action, object, nonce, body_hash, prev, hash, signature) "
           "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
           { Param::text(QString::number(seq)), Param::text(action), Param::text(object), Param::bytes(nonce),
             Param::bytes(body), Param::bytes(prev), Param::bytes(hash),
             Param::bytes(c.auditSigner()(seq, prev, hash)) },
           u"appending to the practice's audit"_s);
    if (own)
        own->commit();
}

namespace {

// The chain after start (the first entry when start is empty), linked to it and recomputed; the pin,
// the signatures after it and this member's full rows checked; its head returned.
AuditPin verifyChain(Connection &c, const Membership &m, const QList<MemberRow> &roster, const AuditPin &start)
{
    const Rows rows = c.exec("SELECT seq, prev, hash, actor, body_hash, signature FROM uc.audit_chain WHERE seq > $1 "
                             "ORDER BY seq",
                             { Param::text(QString::number(start.seq)) }, u"reading the practice's audit chain"_s);
    QHash<QString, QByteArray> keyOf; // a member's registered key, by their database role
    for (const MemberRow &member : roster)
        if (!member.signPublic.isEmpty())
            keyOf.insert(member.dbRole, member.signPublic);

    // Every link, recomputed from the first: a deleted, changed, moved or inserted entry breaks one,
    // and an operator who recomputes the links after it changes the hash this member pinned.
    QList<Link> links;
    links.reserve(rows.count());
    AuditPin head = start;
    for (int i = 0; i < rows.count(); ++i) {
        Link link { rows.text(i, 0).toLongLong(),
                    rows.bytes(i, 1),
                    rows.bytes(i, 2),
                    rows.text(i, 3),
                    rows.bytes(i, 4),
                    rows.bytes(i, 5) };
        if (link.seq != head.seq + 1 || link.prev != head.hash
            || auditLinkHash(link.seq, link.prev, link.actor, link.bodyHash) != link.hash)
            serverDamaged(u"its audit trail was altered (an entry deleted, changed, moved or slipped in); nothing was "
                    "written here"_s);
        head = { link.seq, link.hash };
        links.append(std::move(link));
    }
    const auto at = [&](qint64 seq) -> const Link & { return links.at(static_cast<qsizetype>(seq - start.seq - 1)); };
    if (head.seq < m.auditHead)
        serverDamaged(u"it shows less than this machine has already seen (an earlier copy of it was restored, or audit "
                "rows were deleted); nothing was written here"_s);
    if (m.auditHead > start.seq && !m.auditHash.isEmpty() && at(m.auditHead).hash != m.auditHash)
        serverDamaged(u"its audit trail is not the one this machine has already seen (an earlier copy of it was restored "
                "and written on, or its history was rewritten); nothing was written here"_s);
    // The entries after the pin: each signed by the member it names (those before were, when pinned).
    for (qint64 seq = std::max(m.auditHead, start.seq) + 1; seq <= head.seq; ++seq) {
        const Link &link = at(seq);
        const QByteArray key = keyOf.value(link.actor);
        if (key.isEmpty()
            || !verifyPracticeSignature(key, auditSignedPart(m.practiceId, link.seq, link.prev, link.hash),
                                        link.signature))
            serverDamaged(u"an entry of its audit trail is not signed by the member it names (it was changed or forged); "
                    "nothing was written here"_s);
    }

    // The full rows this member reads, each the entry its link names; and none of them gone.
    const bool readsAll = m.admin || m.role == model::Role::Auditor;
    const Rows full = c.exec("SELECT seq, prev, hash, signature, actor, body_hash, nonce, uc.audit_time(at), action, "
                             "object FROM uc.audit WHERE seq > $1 AND seq <= $2 ORDER BY seq",
                             { Param::text(QString::number(start.seq)), Param::text(QString::number(head.seq)) },
                             u"reading the practice's audit"_s);
    QSet<qint64> read;
    for (int i = 0; i < full.count(); ++i) {
        const qint64 seq = full.text(i, 0).toLongLong();
        const Link &link = at(seq);
        if (full.bytes(i, 1) != link.prev || full.bytes(i, 2) != link.hash || full.bytes(i, 3) != link.signature
            || full.text(i, 4) != link.actor || full.bytes(i, 5) != link.bodyHash
            || auditBodyHash(full.bytes(i, 6), full.text(i, 7), full.text(i, 8), full.text(i, 9)) != link.bodyHash)
            serverDamaged(u"an entry of its audit trail was changed (it no longer matches its hash in the chain); nothing "
                    "was written here"_s);
        read.insert(seq);
    }
    for (const Link &link : std::as_const(links))
        if ((readsAll || link.actor == m.dbRole) && !read.contains(link.seq))
            serverDamaged(u"an entry of its audit trail was deleted (its hash is still in the chain); nothing was written "
                    "here"_s);
    return head;
}

} // namespace

AuditPin verifiedAuditChain(Connection &c, const Membership &m, const QList<MemberRow> &roster)
{
    return verifyChain(c, m, roster, { 0, QByteArray(hashBytes, '\0') });
}

AuditPin extendedAuditChain(Connection &c, const Membership &m, const QList<MemberRow> &roster, const AuditPin &from)
{
    return verifyChain(c, m, roster, from);
}

} // namespace uc::practice
