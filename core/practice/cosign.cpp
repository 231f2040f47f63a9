// SPDX-License-Identifier: GPL-3.0-or-later
#include "practice/cosign.h"

#include "common/error.h"
#include "practice/connection.h"
#include "practice/content.h"
#include "practice/events.h"
#include "practice/invitation.h"
#include "practice/membership.h"
#include "practice/practice.h"
#include "practice/revocation.h"
#include "practice/roster.h"
#include "practice/sealedfile.h"
#include "practice/sync.h"
#include "vault/clients.h"
#include "vault/notes.h"
#include "vault/vault.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <limits>

using namespace Qt::StringLiterals;

namespace uc::practice {

namespace {

constexpr auto cosignsFileName = "cosigns.sealed";
constexpr auto cosignKind = "cosign";

[[noreturn]] void damaged(const QString &why)
{
    throw Error(ErrorKind::Damaged, u"practice server"_s, why);
}

QList<PracticeCosign> readKept(const vault::Vault &vault)
{
    QList<PracticeCosign> out;
    const std::optional<QByteArray> plain = readSealedMemberFile(vault, QString::fromLatin1(cosignsFileName));
    if (!plain)
        return out;
    for (const QJsonValue &v : QJsonDocument::fromJson(*plain).object().value(u"cosigns"_s).toArray()) {
        const QJsonObject o = v.toObject();
        out.append({ static_cast<qint64>(o.value(u"seq"_s).toDouble()), o.value(u"item"_s).toString(),
                     static_cast<model::Id>(o.value(u"note"_s).toDouble()), o.value(u"by"_s).toString(),
                     o.value(u"at"_s).toString(), o.value(u"content_hash"_s).toString() });
    }
    return out;
}

} // namespace

QHash<QString, qint64> cosignersOf(Connection &connection, const Membership &m, const Certified &certified,
                                   const Revoked &revoked, const QString &therapist)
{
    QHash<QString, qint64> out;
    const auto supervisor = [&](const QString &member) {
        return certified.roles.value(member, model::Role::Therapist) == model::Role::Supervisor;
    };
    for (const AssignmentRow &a : assignments(connection)) {
        if (!verifyPracticeSignature(m.adminKey, assignmentMessage(m.practiceId, a.supervisor, a.therapist),
                                     a.signature))
            damaged(u"an assignment on it is not signed by the pinned administrator"_s);
        if (a.therapist == therapist && supervisor(a.supervisor)
            && !revoked.assignments.contains(assignmentSubject(a.supervisor, a.therapist)))
            out.insert(a.supervisor, std::numeric_limits<qint64>::max());
    }
    // A revoked assignment (its row deleted) still covers what was co-signed before it.
    for (const RevocationRow &r : revocations(connection))
        if (r.kind == RevocationKind::Assignment && r.subject.section(u':', 1, 1) == therapist
            && supervisor(r.subject.section(u':', 0, 0)) && revoked.assignments.contains(r.subject))
            out.insert(r.subject.section(u':', 0, 0), r.itemsBefore);
    for (auto it = out.begin(); it != out.end(); ++it)
        if (const auto removed = revoked.members.constFind(it.key()); removed != revoked.members.cend())
            it.value() = std::min(it.value(), removed.value());
    return out;
}

PracticeCosign cosign(vault::Vault &vault, const QString &item)
{
    const QString what = u"practice cosign"_s;
    const std::optional<Membership> loaded = loadMembership(vault);
    if (!loaded)
        throw Error(ErrorKind::Conflict, what,
                    u"you are not a member of a practice (practice init or practice join)"_s);
    const Membership &m = *loaded;
    if (m.role != model::Role::Supervisor)
        throw Error(ErrorKind::NotAllowed, what, u"only a supervisor of the practice co-signs"_s);
    std::optional<ReceivedNote> note;
    for (const ReceivedNote &n : received(vault))
        if (n.item == item)
            note = n;
    if (!note)
        throw Error(ErrorKind::Io, what, u"no note received here has this item id (practice received lists them)"_s);
    const QJsonObject canonical = QJsonDocument::fromJson(note->canonical.toUtf8()).object();
    if (canonical.value(u"signed_by"_s).toString().isEmpty() || note->contentHash.size() != 64)
        throw Error(ErrorKind::Conflict, what, u"the note is not signed"_s);

    const auto connection = connectMember(vault, m);
    if (schemaVersionOf(*connection) < 5)
        throw Error(ErrorKind::Conflict, what,
                    u"the practice server was set up before co-signatures could be synced (schema "_s
                        + QString::number(schemaVersionOf(*connection)) + u"): start the practice again"_s);
    const Certified certified = certifiedMembers(*connection, m);
    if (certified.keys.value(m.memberId) != vault.practiceIdentity().signingPublicKey())
        throw Error(
            ErrorKind::Conflict, what,
            u"your key is not certified by the practice administrator yet (their next practice status does it)"_s);
    const Revoked revoked = verifiedRevocations(*connection, m);
    if (revoked.members.contains(m.memberId))
        throw Error(ErrorKind::Conflict, what, u"the practice administrator removed you from the practice"_s);
    const QHash<QString, qint64> cosigners = cosignersOf(*connection, m, certified, revoked, note->author);
    if (cosigners.value(m.memberId) != std::numeric_limits<qint64>::max())
        throw Error(ErrorKind::NotAllowed, what,
                    u"the practice administrator has not assigned you to supervise this note's author"_s);
    for (const EventRow &e : eventsOnNote(*connection, item))
        if (e.kind == QLatin1String(cosignKind))
            throw Error(ErrorKind::Conflict, what, u"this note is co-signed already"_s);

    EventRow event;
    event.itemId = item;
    event.author = m.memberId;
    event.kind = QString::fromLatin1(cosignKind);
    event.contentHash = note->contentHash;
    event.at = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    event.signature = vault.practiceIdentity().sign(eventMessage(m.practiceId, event));
    Transaction tx(*connection);
    event.seq = addEvent(*connection, event);
    appendAudit(*connection, u"cosign"_s, item);
    tx.commit();
    return { event.seq, item, 0, m.memberId, event.at, event.contentHash };
}

QList<PracticeCosign> newCosigns(vault::Vault &vault, Connection &connection, const Membership &m,
                                 const Certified &certified, const Revoked &revoked, const SecretBuffer &pseudonymKey)
{
    QList<PracticeCosign> out;
    if (schemaVersionOf(connection) < 5)
        return out;
    const QList<EventRow> events = eventsOnNotesOf(connection, m.memberId);
    if (events.isEmpty())
        return out;
    QSet<QString> done;
    for (const PracticeCosign &c : readKept(vault))
        done.insert(c.item);
    // This member's signed progress notes, by item id (the ones sync pushes).
    QHash<QString, model::Id> local;
    const QString me = vault.currentUser().name;
    for (const model::Client &client : vault.clients().list())
        for (const vault::NoteEntry &entry : vault.notes().listForClient(client.code))
            if (entry.status != model::NoteStatus::Draft && entry.kind == model::NoteKind::Progress
                && entry.author == me)
                local.insert(noteItemId(pseudonymKey, m.memberId, entry.note), entry.note);
    const QHash<QString, qint64> cosigners = cosignersOf(connection, m, certified, revoked, m.memberId);
    for (const EventRow &e : events) {
        if (e.kind != QLatin1String(cosignKind))
            continue; // returns and comments: not applied by this client yet
        const QByteArray key = certified.keys.value(e.author);
        if (key.isEmpty() || !verifyPracticeSignature(key, eventMessage(m.practiceId, e), e.signature))
            damaged(u"a co-signature on it does not verify with its author's certified key (changed or forged)"_s);
        const auto right = cosigners.constFind(e.author);
        if (right == cosigners.cend())
            damaged(u"a co-signature on it is by a member the administrator did not assign to supervise you"_s);
        if (e.seq > right.value())
            damaged(u"a co-signature on it was made after the administrator ended its author's assignment"_s);
        const auto note = local.constFind(e.itemId);
        if (note == local.cend())
            damaged(u"a co-signature on it names a note that is not one of your signed notes here"_s);
        if (done.contains(e.itemId))
            continue; // applied already (a replayed event)
        if (vault.notes().read(note.value()).contentHash != e.contentHash)
            damaged(u"a co-signature on it covers other content than your signed note"_s);
        out.append({ e.seq, e.itemId, note.value(), e.author, e.at, e.contentHash });
        done.insert(e.itemId);
    }
    return out;
}

void keepCosigns(const vault::Vault &vault, const QList<PracticeCosign> &cosigns)
{
    if (cosigns.isEmpty())
        return;
    QList<PracticeCosign> all = readKept(vault);
    all.append(cosigns);
    QJsonArray list;
    for (const PracticeCosign &c : std::as_const(all))
        list.append(QJsonObject { { u"seq"_s, static_cast<double>(c.seq) },
                                  { u"item"_s, c.item },
                                  { u"note"_s, static_cast<double>(c.note) },
                                  { u"by"_s, c.by },
                                  { u"at"_s, c.at },
                                  { u"content_hash"_s, c.contentHash } });
    writeSealedMemberFile(vault, QString::fromLatin1(cosignsFileName),
                          QJsonDocument(QJsonObject { { u"cosigns"_s, list } }).toJson(QJsonDocument::Compact));
}

std::optional<PracticeCosign> practiceCosignOf(const vault::Vault &vault, model::Id note)
{
    if (!loadMembership(vault))
        return std::nullopt;
    for (const PracticeCosign &c : readKept(vault))
        if (c.note == note)
            return c;
    return std::nullopt;
}

} // namespace uc::practice
