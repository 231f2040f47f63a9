// SPDX-License-Identifier: GPL-3.0-or-later
#include "practice/roster.h"

#include "common/error.h"
#include "practice/auditchain.h"
#include "practice/connection.h"
#include "practice/invitation.h"
#include "practice/membership.h"

using namespace Qt::StringLiterals;

namespace uc::practice {

QByteArray memberCertificate(const QString &practiceId, const MemberRow &m)
{
    return "member\n" + practiceId.toUtf8() + '\n' + m.memberId.toUtf8() + '\n' + m.dbRole.toUtf8() + '\n'
        + model::toString(m.role).toUtf8() + '\n' + (m.admin ? "admin" : "member") + '\n' + m.signPublic.toHex();
}

Certified certifiedMembers(Connection &connection, const Membership &m)
{
    Certified out;
    for (const MemberRow &row : members(connection)) {
        if (row.signPublic.isEmpty() || row.certificateSignature.isEmpty())
            continue;
        if (!verifyPracticeSignature(m.adminKey, memberCertificate(m.practiceId, row), row.certificateSignature))
            throw Error(ErrorKind::Damaged, u"practice server"_s,
                        u"a member's certificate on it does not verify with the pinned administrator key"_s);
        out.keys.insert(row.memberId, row.signPublic);
        out.roles.insert(row.memberId, row.role);
        out.certificates.insert(row.memberId, memberCertificate(m.practiceId, row));
        out.certificateSignatures.insert(row.memberId, row.certificateSignature);
    }
    return out;
}

QString practiceIdOf(Connection &c)
{
    const Rows rows = c.exec("SELECT practice_id FROM uc.practice WHERE id = 1", {}, u"reading the practice"_s);
    return rows.count() == 1 ? rows.text(0, 0) : QString();
}

int schemaVersionOf(Connection &c)
{
    const Rows rows = c.exec("SELECT schema_version FROM uc.practice WHERE id = 1", {}, u"reading the practice"_s);
    return rows.count() == 1 ? rows.text(0, 0).toInt() : 0;
}

void createPractice(Connection &c, const QString &practiceId, int schemaVersion)
{
    c.exec("INSERT INTO uc.practice (id, practice_id, schema_version) VALUES (1, $1, $2::int)",
           {Param::text(practiceId), Param::text(QString::number(schemaVersion))}, u"recording the practice"_s);
}

void createMemberRole(Connection &c, const QString &dbRole)
{
    // CREATE ROLE takes no parameters: the name is quoted as an identifier (and is ours: m_ + hex).
    const QByteArray statement = "CREATE ROLE " + c.quoteIdentifier(dbRole).toUtf8() + " LOGIN IN ROLE uc_member";
    c.exec(statement.constData(), {}, u"making the member's role"_s);
}

void addMember(Connection &c, const MemberRow &m)
{
    c.exec("INSERT INTO uc.members (member_id, db_role, role, admin, sign_pk, cert_signature, joined) "
           "VALUES ($1, $2, $3, $4::boolean, $5::bytea, $6::bytea, CASE WHEN $5::bytea IS NULL THEN NULL ELSE now() END)",
           {Param::text(m.memberId), Param::text(m.dbRole), Param::text(model::toString(m.role)),
            Param::text(m.admin ? u"true"_s : u"false"_s),
            m.signPublic.isEmpty() ? Param::null() : Param::bytes(m.signPublic),
            m.certificateSignature.isEmpty() ? Param::null() : Param::bytes(m.certificateSignature)},
           u"adding the member"_s);
}

void addInvitation(Connection &c, const QString &memberId, int days)
{
    c.exec("INSERT INTO uc.invitations (member_id, expires) VALUES ($1, now() + make_interval(days => $2::int))",
           {Param::text(memberId), Param::text(QString::number(days))}, u"recording the invitation"_s);
}

QList<MemberRow> members(Connection &c)
{
    const Rows rows = c.exec("SELECT member_id, db_role, role, admin, sign_pk, join_proof, cert_signature "
                             "FROM uc.members ORDER BY invited, member_id",
                             {}, u"reading the members"_s);
    QList<MemberRow> out;
    for (int i = 0; i < rows.count(); ++i) {
        MemberRow m;
        m.memberId = rows.text(i, 0);
        m.dbRole = rows.text(i, 1);
        const auto role = model::parseRole(rows.text(i, 2));
        if (!role)
            throw Error(ErrorKind::Damaged, u"practice server"_s, u"a member has a role this version does not know"_s);
        m.role = *role;
        m.admin = rows.text(i, 3) == u"t";
        m.signPublic = rows.bytes(i, 4);
        m.joinProof = rows.bytes(i, 5);
        m.certificateSignature = rows.bytes(i, 6);
        out.append(m);
    }
    return out;
}

void storeCertificate(Connection &c, const QString &memberId, const QByteArray &signature)
{
    c.exec("UPDATE uc.members SET cert_signature = $2 WHERE member_id = $1",
           {Param::text(memberId), Param::bytes(signature)}, u"storing a member's certificate"_s);
}

QString registerKey(Connection &c, const QByteArray &signPublic, const QByteArray &proof)
{
    return c.exec("SELECT uc.join($1, $2)", {Param::bytes(signPublic), Param::bytes(proof)}, u"joining the practice"_s)
        .text(0, 0);
}

QStringList closeExpiredInvitations(Connection &c)
{
    const Rows rows = c.exec("SELECT m.member_id, m.db_role FROM uc.invitations i JOIN uc.members m USING (member_id) "
                             "JOIN pg_catalog.pg_roles r ON r.rolname = m.db_role "
                             "WHERE i.used IS NULL AND i.expires <= now() AND r.rolcanlogin AND NOT m.admin "
                             "AND m.db_role = 'm_' || m.member_id ORDER BY m.member_id",
                             {}, u"reading the expired invitations"_s);
    QStringList closed;
    for (int i = 0; i < rows.count(); ++i) {
        const QByteArray statement = "ALTER ROLE " + c.quoteIdentifier(rows.text(i, 1)).toUtf8() + " NOLOGIN";
        c.exec(statement.constData(), {}, u"closing an expired invitation's role"_s);
        appendAudit(c, u"expire"_s, rows.text(i, 0));
        closed.append(rows.text(i, 0));
    }
    return closed;
}

void appendAudit(Connection &c, const QString &action, const QString &object)
{
    if (c.auditSigner()) { // schema 6: chained and signed
        appendChainedAudit(c, action, object);
        return;
    }
    c.exec("INSERT INTO uc.audit (action, object) VALUES ($1, $2)", {Param::text(action), Param::text(object)},
           u"appending to the practice's audit"_s);
}

int auditLength(Connection &c)
{
    return c.exec("SELECT count(*) FROM uc.audit", {}, u"reading the practice's audit"_s).text(0, 0).toInt();
}

QList<std::pair<QString, QString>> ownAuditEntries(Connection &c, const QStringList &actions)
{
    const Rows rows = c.exec("SELECT action, object FROM uc.audit WHERE actor = session_user "
                             "AND action = ANY (string_to_array($1, ',')) ORDER BY seq",
                             { Param::text(actions.join(u',')) }, u"reading the practice's audit"_s);
    QList<std::pair<QString, QString>> out;
    for (int i = 0; i < rows.count(); ++i)
        out.append({ rows.text(i, 0), rows.text(i, 1) });
    return out;
}

bool hasJoinEntry(Connection &c)
{
    return c.exec("SELECT count(*) FROM uc.audit WHERE action = 'join' AND actor = session_user", {},
                  u"reading the practice's audit"_s)
               .text(0, 0)
        != u"0"_s;
}

qint64 auditHead(Connection &c)
{
    return c.exec("SELECT coalesce(max(seq), 0) FROM uc.audit", {}, u"reading the practice's audit"_s).text(0, 0).toLongLong();
}

} // namespace uc::practice
