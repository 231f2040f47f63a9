// SPDX-License-Identifier: GPL-3.0-or-later
#include "practice.h"

#include "io.h"
#include "signin.h"
#include "values.h"

#include "practice/answers.h"
#include "practice/cosign.h"
#include "practice/practice.h"
#include "practice/revocation.h"
#include "practice/sync.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace uc::cli {

namespace {

QJsonObject membershipJson(const practice::Membership &m)
{
    return {{u"server"_s, m.server},
            {u"practice"_s, m.practiceId},
            {u"member"_s, m.memberId},
            {u"role"_s, model::toString(m.role)},
            {u"admin"_s, m.admin},
            {u"ca_sha256"_s, QString::fromLatin1(m.caFingerprint.toHex())}};
}

void printMembership(const Invocation &line, const practice::Membership &m, const QString &done)
{
    if (line.json()) {
        printJson(membershipJson(m));
        return;
    }
    print(done);
    print(u"member "_s + m.memberId + u" ("_s + model::toString(m.role) + (m.admin ? u", administrator)"_s : u")"_s));
    print(u"CA pinned: sha256 "_s + QString::fromLatin1(m.caFingerprint.toHex()));
}

} // namespace

int practiceInit(const Invocation &line)
{
    auto vault = openVault(line);
    const practice::Membership m =
        practice::initPractice(*vault, line.value("server"), line.value("ca"), line.value("ca-key"));
    printMembership(line, m, u"practice started on "_s + m.server);
    return 0;
}

int practiceInvite(const Invocation &line)
{
    const model::Role role =
        valid(model::parseRole(line.value("role")), "role", u"therapist, supervisor or auditor"_s);
    auto vault = openVault(line);
    const QString code = practice::invite(*vault, line.arguments().value(0), role);
    if (line.json())
        printJson(QJsonObject{{u"code"_s, code}});
    else
        print(code);
    return 0;
}

int practiceJoin(const Invocation &line)
{
    if (line.has("invite") == line.has("invite-file"))
        throw Error(ErrorKind::Usage, u"practice join"_s, u"give --invite CODE or --invite-file F"_s);
    QString code = line.value("invite");
    if (line.has("invite-file")) {
        const SecretBuffer text = readSecretLine(line.value("invite-file"), u"invitation file"_s);
        code = QString::fromLatin1(reinterpret_cast<const char *>(text.data()), static_cast<qsizetype>(text.size()));
    }
    auto vault = openVault(line);
    const practice::Membership m = practice::join(*vault, line.value("server"), code);
    printMembership(line, m, u"joined the practice on "_s + m.server);
    return 0;
}

int practiceStatus(const Invocation &line)
{
    auto vault = openVault(line);
    const practice::Status s = practice::status(*vault);
    if (line.json()) {
        QJsonObject o = membershipJson(s.membership);
        o.insert(u"members"_s, s.members);
        o.insert(u"joined"_s, s.joined);
        o.insert(u"certified"_s, s.certified);
        o.insert(u"certified_now"_s, s.certifiedNow);
        o.insert(u"expired_now"_s, s.expiredNow);
        o.insert(u"removed"_s, s.removed);
        o.insert(u"self_certified"_s, s.selfCertified);
        o.insert(u"audit_entries"_s, s.auditEntries);
        printJson(o);
        return 0;
    }
    print(u"practice "_s + s.membership.practiceId + u" on "_s + s.membership.server);
    print(u"you: member "_s + s.membership.memberId + u" ("_s + model::toString(s.membership.role)
          + (s.membership.admin ? u", administrator"_s : QString()) + u"), "_s
          + (s.selfCertified ? u"certified"_s : u"waiting for the administrator's certificate"_s));
    print(QString::number(s.members) + u" members, "_s + QString::number(s.joined) + u" joined, "_s
          + QString::number(s.certified) + u" certified"_s
          + (s.certifiedNow ? u" ("_s + QString::number(s.certifiedNow) + u" just now)"_s : QString()));
    if (s.expiredNow)
        print(QString::number(s.expiredNow) + u" invitation(s) expired unused: their roles can no longer log in"_s);
    if (s.removed)
        print(QString::number(s.removed) + u" removed by the administrator"_s);
    print(u"audit entries you may read: "_s + QString::number(s.auditEntries));
    return 0;
}

int practiceAssign(const Invocation &line)
{
    auto vault = openVault(line);
    practice::assign(*vault, line.value("supervisor"), line.value("therapist"));
    if (line.json())
        printJson(QJsonObject{{u"supervisor"_s, line.value("supervisor")}, {u"therapist"_s, line.value("therapist")}});
    else
        print(u"supervisor "_s + line.value("supervisor") + u" assigned to therapist "_s + line.value("therapist"));
    return 0;
}

int practiceUnassign(const Invocation &line)
{
    auto vault = openVault(line);
    practice::unassign(*vault, line.value("supervisor"), line.value("therapist"));
    if (line.json())
        printJson(QJsonObject{{u"supervisor"_s, line.value("supervisor")}, {u"therapist"_s, line.value("therapist")}});
    else
        print(u"supervisor "_s + line.value("supervisor") + u" no longer assigned to therapist "_s
              + line.value("therapist") + u": their next sync rotates the keys"_s);
    return 0;
}

int practiceRemove(const Invocation &line)
{
    auto vault = openVault(line);
    const QString member = line.arguments().value(0);
    practice::removeMember(*vault, member);
    if (line.json())
        printJson(QJsonObject{{u"removed"_s, member}});
    else
        print(u"member "_s + member + u" removed: their role no longer logs in, and nobody wraps keys for them"_s);
    return 0;
}

int practiceSync(const Invocation &line)
{
    auto vault = openVault(line);
    const practice::SyncResult r = practice::sync(*vault, line.has("accept-rollback"));
    if (line.json()) {
        printJson(QJsonObject{{u"pushed"_s, r.pushed},
                              {u"pulled"_s, r.pulled},
                              {u"head"_s, static_cast<double>(r.head)},
                              {u"rollback_accepted"_s, r.rollbackAccepted},
                              {u"rotated"_s, r.rotated},
                              {u"cosigned"_s, r.cosigned},
                              {u"comments"_s, r.comments},
                              {u"answered"_s, r.answered},
                              {u"addenda"_s, r.addenda}});
        return 0;
    }
    if (r.rollbackAccepted)
        print(u"the server's history was shorter than the one pinned here: accepted and pinned"_s);
    if (r.rotated)
        print(QString::number(r.rotated) + u" client key(s) given a new version: a reader of them was unassigned or removed"_s);
    if (r.cosigned)
        print(QString::number(r.cosigned) + u" of your notes co-signed by a practice supervisor"_s);
    if (r.comments)
        print(QString::number(r.comments) + u" comment(s) or return(s) on your notes from a practice supervisor"_s);
    if (r.answered)
        print(QString::number(r.answered) + u" of your addenda sent to your practice supervisors"_s);
    if (r.addenda)
        print(QString::number(r.addenda) + u" addend(a) received on notes you review"_s);
    print(u"pushed "_s + QString::number(r.pushed) + u", pulled "_s + QString::number(r.pulled) + u", head "_s
          + QString::number(r.head));
    return 0;
}

int practiceReceived(const Invocation &line)
{
    auto vault = openVault(line);
    const QList<practice::ReceivedNote> notes = practice::received(*vault);
    QJsonArray out;
    for (const practice::ReceivedNote &n : notes) {
        const QJsonObject note = QJsonDocument::fromJson(n.canonical.toUtf8()).object();
        QJsonArray addenda;
        for (const practice::PracticeEvent &a : practice::receivedAddenda(*vault, n.item))
            addenda.append(QJsonObject{{u"seq"_s, static_cast<double>(a.seq)}, {u"at"_s, a.at}, {u"text"_s, a.text}});
        if (line.json()) {
            out.append(QJsonObject{{u"seq"_s, static_cast<double>(n.seq)},
                                   {u"item"_s, n.item},
                                   {u"author"_s, n.author},
                                   {u"client"_s, n.client},
                                   {u"content_hash"_s, n.contentHash},
                                   {u"note"_s, note},
                                   {u"addenda"_s, addenda}});
            continue;
        }
        print(u"#"_s + QString::number(n.seq) + u" by member "_s + n.author + u", client "_s + n.client + u", "_s
              + note.value(u"date"_s).toString() + u", signed "_s + note.value(u"signed_at"_s).toString());
        for (const QJsonValue &section : note.value(u"sections"_s).toArray()) {
            const QJsonObject o = section.toObject();
            print(u"  "_s + o.value(u"title"_s).toString() + u": "_s + o.value(u"text"_s).toString());
        }
        for (const QJsonValue &a : std::as_const(addenda))
            print(u"  Addendum at "_s + a.toObject().value(u"at"_s).toString() + u": "_s
                  + a.toObject().value(u"text"_s).toString());
    }
    if (line.json())
        printJson(QJsonObject{{u"received"_s, out}});
    return 0;
}

int practiceCosign(const Invocation &line)
{
    auto vault = openVault(line);
    const practice::PracticeEvent c = practice::cosign(*vault, line.arguments().value(0));
    if (line.json())
        printJson(QJsonObject{{u"item"_s, c.item},
                              {u"seq"_s, static_cast<double>(c.seq)},
                              {u"cosigned_by"_s, c.by},
                              {u"cosigned_at"_s, c.at},
                              {u"content_hash"_s, c.contentHash}});
    else
        print(u"note "_s + c.item + u" co-signed (practice event "_s + QString::number(c.seq)
              + u"): its author sees it after their next sync"_s);
    return 0;
}

namespace {

int practiceCommentOrReturn(const Invocation &line, const char *fileOption, bool returned)
{
    const QString text = readTextFile(line.value(fileOption), u"comment file"_s);
    auto vault = openVault(line);
    const practice::PracticeEvent c = practice::comment(*vault, line.arguments().value(0), text, returned);
    if (line.json())
        printJson(QJsonObject{{u"item"_s, c.item},
                              {u"seq"_s, static_cast<double>(c.seq)},
                              {u"kind"_s, c.kind},
                              {u"by"_s, c.by},
                              {u"at"_s, c.at},
                              {u"content_hash"_s, c.contentHash}});
    else
        print(u"note "_s + c.item + (returned ? u" returned"_s : u" commented on"_s) + u" (practice event "_s
              + QString::number(c.seq) + u", encrypted): its author reads it after their next sync"_s);
    return 0;
}

} // namespace

int practiceComment(const Invocation &line)
{
    return practiceCommentOrReturn(line, "text-file", false);
}

int practiceReturn(const Invocation &line)
{
    return practiceCommentOrReturn(line, "comment-file", true);
}

} // namespace uc::cli
