// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// The practice server's audit, hash-chained and signed per entry (schema 6; docs/practice.md, "The
// audit's hash chain"). An entry's body hash covers a random nonce, its time, action and object; its
// link hash covers its number, the previous entry's hash, its actor and its body hash; the acting
// member signs the number, the previous hash and the link hash on their machine; the server's insert
// trigger keeps the chain linear under a lock. Every member reads the whole chain (numbers, links,
// actors, body hashes, signatures), recomputes every link from the first, checks the entry they
// pinned, and verifies the signatures after it; the full rows each reads (their own; the
// administrator's and auditors' all) must hash to their body hashes.
namespace uc::practice {

class Connection;
struct MemberRow;
struct Membership;

// A verified place in the chain: its number and its hash (0 and empty before the first entry).
struct AuditPin
{
    qint64 seq = 0;
    QByteArray hash;
};

// An entry's body hash, as the server's uc.audit_body_hash makes it: SHA-256 of "uc-audit-body-1", the
// nonce in hex, the time (UTC, to the microsecond), the action and the object, one a line.
[[nodiscard]] QByteArray auditBodyHash(const QByteArray &nonce, const QString &at, const QString &action,
                                       const QString &object);
// An entry's link hash, as uc.audit_link makes it: SHA-256 of "uc-audit-1", the number, the previous
// hash in hex, the actor and the body hash in hex, one a line. Every member can recompute it.
[[nodiscard]] QByteArray auditLinkHash(qint64 seq, const QByteArray &prev, const QString &actor,
                                       const QByteArray &bodyHash);
// What the acting member signs (under the practice domain): the practice, the entry's number, the
// previous hash and its own hash.
[[nodiscard]] QByteArray auditSignedPart(const QString &practiceId, qint64 seq, const QByteArray &prev,
                                         const QByteArray &hash);

// Appends an entry at the head, signed with the connection's audit signer (over auditSignedPart), in the caller's
// transaction (or one of its own): the head's lock is held until it ends. Error(Conflict) when the
// server refuses it as not extending the head.
void appendChainedAudit(Connection &connection, const QString &action, const QString &object);

// Verifies the whole chain and returns its head: every link recomputed from the first (dense
// numbers, each previous hash the one before's, each hash its fields'), the member's pinned entry
// (membership.auditHead and auditHash) still there with its hash, every entry after it signed by the
// member it names, and every full row this member reads hashing to its body hash. Error(Damaged),
// before anything is read or written, for the first that fails: an earlier copy restored (and
// perhaps written on), an entry deleted, changed, moved or slipped in. roster gives the members' keys
// by database role.
[[nodiscard]] AuditPin verifiedAuditChain(Connection &connection, const Membership &membership,
                                          const QList<MemberRow> &roster);
// The same for the entries after from, a head verifiedAuditChain returned over this connection:
// what the caller and its colleagues appended since (pinning after a sync or status).
[[nodiscard]] AuditPin extendedAuditChain(Connection &connection, const Membership &membership,
                                          const QList<MemberRow> &roster, const AuditPin &from);

} // namespace uc::practice
