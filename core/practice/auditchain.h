// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// The practice server's audit, hash-chained and signed per entry (schema 6; docs/practice.md, "The
// audit's hash chain"). Each entry's hash covers its number, the previous entry's hash, its time,
// actor, action and object; the acting member signs that hash on their machine; the server's insert
// trigger keeps the chain linear under a lock. Every member reads the chain (numbers, links, hashes,
// actors, signatures) and verifies it from the head they pinned; the full rows each reads (their own;
// the administrator's and auditors' all) are checked against it too.
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

// An entry's hash, as the server's uc.audit_hash makes it: SHA-256 of "uc-audit-1", the number, the
// previous hash in hex, the time (UTC, to the microsecond), the actor, the action and the object,
// one a line.
[[nodiscard]] QByteArray auditEntryHash(qint64 seq, const QByteArray &prev, const QString &at, const QString &actor,
                                        const QString &action, const QString &object);
// What the acting member signs (under the practice domain): the practice and the entry's hash.
[[nodiscard]] QByteArray auditSignedPart(const QString &practiceId, const QByteArray &hash);

// Appends an entry at the head, signed with the connection's audit signer, in the caller's
// transaction (or one of its own): the head's lock is held until it ends. Error(Conflict) when the
// server refuses it as not extending the head.
void appendChainedAudit(Connection &connection, const QString &action, const QString &object);

// Verifies the chain from the member's pinned entry (membership.auditHead and auditHash) to the
// server's head and returns the head. Error(Damaged), before anything is read or written, when the
// pinned entry is gone or has another hash (an earlier copy restored, the history rewritten), when a
// link is missing, out of order or not signed by the member it names, or when a full row this
// member reads does not hash to its link or is gone. roster gives the members' keys by role.
[[nodiscard]] AuditPin verifiedAuditChain(Connection &connection, const Membership &membership,
                                          const QList<MemberRow> &roster);

} // namespace uc::practice
