// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

// The practice server's roster (docs/practice.md): the practice row, the members with their keys
// and the administrator's certificates, invitations, and the audit table's append. Every statement
// of it binds its values.
namespace uc::practice {

class Connection;
struct Membership;

struct MemberRow
{
    QString memberId;
    QString dbRole;
    model::Role role = model::Role::Therapist;
    bool admin = false;
    QByteArray signPublic; // empty until they joined
    QByteArray joinProof;
    QByteArray certificateSignature; // empty until the administrator certified them
};

// What the administrator's certificate of a member covers (signed under the practice domain).
[[nodiscard]] QByteArray memberCertificate(const QString &practiceId, const MemberRow &member);

// The roster's keys that carry a valid administrator certificate, by member id, and their roles.
struct Certified
{
    QHash<QString, QByteArray> keys;
    QHash<QString, model::Role> roles;
    // What the administrator's certificate of each covers (memberCertificate) and its signature: a
    // practice co-signature recorded in the vault carries them (cosign.h, recordCosigns).
    QHash<QString, QByteArray> certificates;
    QHash<QString, QByteArray> certificateSignatures;
};
// Every certificate on the roster checked with the pinned administrator key: Error(Damaged) for one
// that does not verify; members without a key or a certificate are left out.
[[nodiscard]] Certified certifiedMembers(Connection &connection, const Membership &membership);

// The practice's id; empty when the schema holds no practice yet.
[[nodiscard]] QString practiceIdOf(Connection &connection);
// The version of the schema the server's practice was installed with (schema.h).
[[nodiscard]] int schemaVersionOf(Connection &connection);
void createPractice(Connection &connection, const QString &practiceId, int schemaVersion);
// A LOGIN role for a member, in uc_member (authenticated by its certificate only: no password).
void createMemberRole(Connection &connection, const QString &dbRole);
void addMember(Connection &connection, const MemberRow &member);
void addInvitation(Connection &connection, const QString &memberId, int days);
[[nodiscard]] QList<MemberRow> members(Connection &connection);
void storeCertificate(Connection &connection, const QString &memberId, const QByteArray &signature);
// Registers the session's own key (uc.join); returns its member id. Error(NotAllowed) without an
// open invitation for the session's role.
QString registerKey(Connection &connection, const QByteArray &signPublic, const QByteArray &proof);
// The administrator's: every member role whose invitation expired unused loses LOGIN (and an audit
// row, "expire", says so); returns their member ids. Only roles named m_<member id> are touched.
QStringList closeExpiredInvitations(Connection &connection);
// An audit row as the session's member: chained and signed (auditchain.h) on a connection with an
// audit signer (schema 6), a plain insert otherwise (a server of schema 5 or before).
void appendAudit(Connection &connection, const QString &action, const QString &object);
[[nodiscard]] int auditLength(Connection &connection);
// The session's member's own audit entries of these actions, as (action, object), in order.
[[nodiscard]] QList<std::pair<QString, QString>> ownAuditEntries(Connection &connection, const QStringList &actions);
// Whether the session's member has a join entry in the audit.
[[nodiscard]] bool hasJoinEntry(Connection &connection);
// The highest audit sequence number this member can see (0 for none).
[[nodiscard]] qint64 auditHead(Connection &connection);

} // namespace uc::practice
