// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace uc::vault {
class Vault;
}

// Removal on the practice server (docs/practice.md, "Removing an assignment or a member"): the
// administrator's signed revocations (schema v4), which every client checks like a certificate, and
// the two commands that make them. A revoked assignment is no assignment (its signed row, put back
// by an operator, is ignored); a revoked member gets no wrap and no longer counts as certified, and
// their role can no longer log in. Errors as in practice.h.
namespace uc::practice {

class Connection;
struct Membership;

enum class RevocationKind { Assignment, Member };

struct RevocationRow
{
    RevocationKind kind = RevocationKind::Assignment;
    QString subject; // "supervisor:therapist" for an assignment, a member id for a member
    // The server's note sequence at the revocation: a note by a removed member numbered after it was
    // pushed after their removal (the server refuses that; an operator who slips one in is caught).
    // (An assignment's revocation records it too: the co-signatures numbered up to it were made while it held.)
    qint64 itemsBefore = 0;
    QByteArray signature; // the administrator's, over revocationMessage()
};

// What the administrator signs (under the practice domain).
[[nodiscard]] QByteArray revocationMessage(const QString &practiceId, const RevocationRow &row);
[[nodiscard]] QString assignmentSubject(const QString &supervisor, const QString &therapist);

void addRevocation(Connection &connection, const RevocationRow &row);
// Every revocation on the server (each member reads them all); none on a server older than schema 4.
[[nodiscard]] QList<RevocationRow> revocations(Connection &connection);
// How many revocations the server shows (0 on a server older than schema 4): pinned like the heads.
[[nodiscard]] qint64 revocationCount(Connection &connection);
void deleteAssignment(Connection &connection, const QString &supervisor, const QString &therapist);

// The revocations, each verified with the pinned administrator key (Error(Damaged) for one that does
// not verify: the operator cannot revoke anyone, and a revocation dropped by them is not seen here).
struct Revoked
{
    QSet<QString> assignments; // assignmentSubject()
    QHash<QString, qint64> members; // member id → the revocation's itemsBefore
};
[[nodiscard]] Revoked verifiedRevocations(Connection &connection, const Membership &membership);

// `practice unassign`: the administrator revokes the assignment of a supervisor to a therapist
// (signed) and deletes its row. Conflict (6) when it is not assigned now.
void unassign(vault::Vault &vault, const QString &supervisor, const QString &therapist);
// `practice remove`: the administrator revokes a member (signed), deletes their assignments, and
// takes from their role the right to log in and the membership of uc_member. Io (2) for an id that
// is no member, or the administrator's own; Conflict (6) when removed already.
void removeMember(vault::Vault &vault, const QString &memberId);

} // namespace uc::practice
