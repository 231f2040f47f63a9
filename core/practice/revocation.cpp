// SPDX-License-Identifier: GPL-3.0-or-later
#include "practice/revocation.h"

#include "common/error.h"
#include "practice/connection.h"
#include "practice/content.h"
#include "practice/invitation.h"
#include "practice/membership.h"
#include "practice/practice.h"
#include "practice/roster.h"
#include "vault/vault.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace uc::practice {

namespace {

// Every number the server handed out so far to notes and (schema 5) events, which share the sequence:
// row security hides no value of it, and a number taken by a push still running is covered too.
qint64 lastNumber(Connection &c)
{
    return c
        .exec("SELECT coalesce(pg_sequence_last_value(pg_get_serial_sequence('uc.items', 'seq')), 0)", {},
              u"reading the notes' sequence"_s)
        .text(0, 0)
        .toLongLong();
}

QString kindName(RevocationKind kind)
{
    return kind == RevocationKind::Member ? u"member"_s : u"assignment"_s;
}

// The administrator's membership and connection to a server that has revocations (schema 4).
struct AdminSession
{
    Membership membership;
    std::unique_ptr<Connection> connection;
};

AdminSession adminSession(const vault::Vault &vault, const QString &what)
{
    const std::optional<Membership> m = loadMembership(vault);
    if (!m)
        throw Error(ErrorKind::Conflict, what, u"you are not a member of a practice (practice init or practice join)"_s);
    if (!m->admin)
        throw Error(ErrorKind::NotAllowed, what, u"only the practice administrator does this"_s);
    AdminSession s{*m, connectMember(vault, *m)};
    if (schemaVersionOf(*s.connection) < 4)
        throw Error(ErrorKind::Conflict, what,
                    u"the practice server was set up before removal was built (schema "_s
                        + QString::number(schemaVersionOf(*s.connection))
                        + u"): start the practice again on an empty database to remove anyone"_s);
    return s;
}

bool isMemberId(const QString &id)
{
    static const QRegularExpression pattern(u"^[0-9a-f]{32}$"_s);
    return pattern.match(id).hasMatch();
}

} // namespace

QString assignmentSubject(const QString &supervisor, const QString &therapist)
{
    return supervisor + u':' + therapist;
}

QByteArray revocationMessage(const QString &practiceId, const RevocationRow &row)
{
    return "revocation\n" + practiceId.toUtf8() + '\n' + kindName(row.kind).toUtf8() + '\n' + row.subject.toUtf8()
        + '\n' + QByteArray::number(row.itemsBefore) + '\n';
}

void addRevocation(Connection &c, const RevocationRow &row)
{
    c.exec("INSERT INTO uc.revocations (kind, subject, items_before, signature) VALUES ($1, $2, $3::bigint, $4)",
           {Param::text(kindName(row.kind)), Param::text(row.subject), Param::text(QString::number(row.itemsBefore)),
            Param::bytes(row.signature)},
           u"recording the revocation"_s);
}

QList<RevocationRow> revocations(Connection &c)
{
    QList<RevocationRow> out;
    if (schemaVersionOf(c) < 4)
        return out;
    const Rows rows = c.exec("SELECT kind, subject, items_before, signature FROM uc.revocations ORDER BY seq", {},
                             u"reading the revocations"_s);
    for (int i = 0; i < rows.count(); ++i)
        out.append({rows.text(i, 0) == u"member"_s ? RevocationKind::Member : RevocationKind::Assignment,
                    rows.text(i, 1), rows.text(i, 2).toLongLong(), rows.bytes(i, 3)});
    return out;
}

qint64 revocationCount(Connection &c)
{
    if (schemaVersionOf(c) < 4)
        return 0;
    return c.exec("SELECT count(*) FROM uc.revocations", {}, u"reading the revocations"_s).text(0, 0).toLongLong();
}

void deleteAssignment(Connection &c, const QString &supervisor, const QString &therapist)
{
    c.exec("DELETE FROM uc.assignments WHERE supervisor = $1 AND therapist = $2",
           {Param::text(supervisor), Param::text(therapist)}, u"deleting the assignment"_s);
}

Revoked verifiedRevocations(Connection &c, const Membership &m)
{
    Revoked out;
    for (const RevocationRow &row : revocations(c)) {
        if (!verifyPracticeSignature(m.adminKey, revocationMessage(m.practiceId, row), row.signature))
            throw Error(ErrorKind::Damaged, u"practice server"_s,
                        u"a revocation on it is not signed by the pinned administrator"_s);
        if (row.kind == RevocationKind::Member)
            out.members.insert(row.subject, row.itemsBefore);
        else
            out.assignments.insert(row.subject);
    }
    return out;
}

void unassign(vault::Vault &vault, const QString &supervisor, const QString &therapist)
{
    const QString what = u"practice unassign"_s;
    AdminSession s = adminSession(vault, what);
    const QString subject = assignmentSubject(supervisor, therapist);
    const Revoked revoked = verifiedRevocations(*s.connection, s.membership);
    bool assigned = false;
    for (const AssignmentRow &a : assignments(*s.connection))
        assigned = assigned
            || (a.supervisor == supervisor && a.therapist == therapist
                && verifyPracticeSignature(s.membership.adminKey,
                                           assignmentMessage(s.membership.practiceId, supervisor, therapist),
                                           a.signature));
    if (!assigned || revoked.assignments.contains(subject))
        throw Error(ErrorKind::Conflict, what, u"this supervisor is not assigned to this therapist"_s);
    Transaction tx(*s.connection);
    // The assignment's co-signatures numbered up to here were made while it held (cosign.h).
    RevocationRow row{RevocationKind::Assignment, subject, lastNumber(*s.connection), {}};
    row.signature = vault.practiceIdentity().sign(revocationMessage(s.membership.practiceId, row));
    addRevocation(*s.connection, row);
    deleteAssignment(*s.connection, supervisor, therapist);
    appendAudit(*s.connection, u"unassign"_s, subject);
    tx.commit();
}

void removeMember(vault::Vault &vault, const QString &memberId)
{
    const QString what = u"practice remove"_s;
    if (!isMemberId(memberId))
        throw Error(ErrorKind::Io, what, u"a member id is 32 lowercase hexadecimal digits (practice status --json)"_s);
    AdminSession s = adminSession(vault, what);
    std::optional<MemberRow> member;
    for (const MemberRow &row : members(*s.connection))
        if (row.memberId == memberId)
            member = row;
    if (!member)
        throw Error(ErrorKind::Io, what, u"no member of the practice has this member id"_s);
    if (member->admin || memberId == s.membership.memberId)
        throw Error(ErrorKind::Io, what, u"the practice administrator cannot be removed"_s);
    if (member->dbRole != u"m_"_s + memberId)
        throw Error(ErrorKind::Damaged, u"practice server"_s, u"a member's role on it is not the one its id names"_s);
    const Revoked revoked = verifiedRevocations(*s.connection, s.membership);
    if (revoked.members.contains(memberId))
        throw Error(ErrorKind::Conflict, what, u"this member was removed already"_s);
    Transaction tx(*s.connection);
    const qint64 itemsBefore = lastNumber(*s.connection);
    RevocationRow row{RevocationKind::Member, memberId, itemsBefore, {}};
    row.signature = vault.practiceIdentity().sign(revocationMessage(s.membership.practiceId, row));
    addRevocation(*s.connection, row);
    // Their assignments are revoked too, each signed: the supervisor's client then still accepts the
    // wraps the therapist gave before (they open only what was given then).
    for (const AssignmentRow &a : assignments(*s.connection)) {
        if (a.supervisor != memberId && a.therapist != memberId)
            continue;
        const QString subject = assignmentSubject(a.supervisor, a.therapist);
        if (!revoked.assignments.contains(subject)
            && verifyPracticeSignature(s.membership.adminKey,
                                       assignmentMessage(s.membership.practiceId, a.supervisor, a.therapist),
                                       a.signature)) {
            RevocationRow ended{RevocationKind::Assignment, subject, itemsBefore, {}};
            ended.signature = vault.practiceIdentity().sign(revocationMessage(s.membership.practiceId, ended));
            addRevocation(*s.connection, ended);
        }
        deleteAssignment(*s.connection, a.supervisor, a.therapist);
    }
    // ALTER ROLE and REVOKE take no parameters: the name is quoted as an identifier (and is m_ + hex).
    const QByteArray role = s.connection->quoteIdentifier(member->dbRole).toUtf8();
    const QByteArray noLogin = "ALTER ROLE " + role + " NOLOGIN";
    const QByteArray leave = "REVOKE uc_member FROM " + role;
    s.connection->exec(noLogin.constData(), {}, u"closing the member's role"_s);
    s.connection->exec(leave.constData(), {}, u"closing the member's role"_s);
    appendAudit(*s.connection, u"remove"_s, memberId);
    tx.commit();
}

} // namespace uc::practice
