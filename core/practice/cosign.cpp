// SPDX-License-Identifier: GPL-3.0-or-later
#include "practice/cosign.h"

#include "common/error.h"
#include "practice/answers.h"
#include "practice/clientcipher.h"
#include "practice/connection.h"
#include "practice/content.h"
#include "practice/events.h"
#include "practice/invitation.h"
#include "practice/keptevents.h"
#include "practice/membership.h"
#include "practice/practice.h"
#include "practice/revocation.h"
#include "practice/roster.h"
#include "practice/sealedfile.h"
#include "practice/sync.h"
#include "vault/notes.h"
#include "vault/practicecosigns.h"
#include "vault/vault.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

#include <sodium.h>

#include <limits>
#include <memory>

using namespace Qt::StringLiterals;

namespace uc::practice {

namespace {

constexpr auto eventsFileName = "events.sealed";
// On the supervisor's machine: the events they wrote, as the server took them.
constexpr auto sentFileName = "sent.sealed";
constexpr auto cosignKind = "cosign";

QList<PracticeEvent> readKept(const vault::Vault &vault, const char *fileName = eventsFileName)
{
    return readKeptEvents(vault, QString::fromLatin1(fileName));
}

// The content key of a note's client and version, from the wrap its author made for this member,
// checked like sync checks it (made and signed by the note's author, with their certified key).
SecretBuffer noteKey(const vault::Vault &vault, Connection &connection, const Membership &m, const Certified &certified,
                     const ItemRow &item)
{
    for (const WrapRow &w : wraps(connection)) {
        if (w.member != m.memberId || w.madeBy != item.author || w.client != item.client || w.version != item.version)
            continue;
        const QByteArray maker = certified.keys.value(w.madeBy);
        if (maker.isEmpty() || !verifyPracticeSignature(maker, wrapMessage(m.practiceId, w), w.signature))
            serverDamaged(u"a content key's wrap for you is not signed by a certified member (it was replaced or altered)"_s);
        SecretBuffer key = vault.practiceIdentity().openSealed(w.sealed);
        if (key.size() != crypto_aead_xchacha20poly1305_ietf_KEYBYTES)
            serverDamaged(u"a content key's wrap for you does not open with your key"_s);
        return key;
    }
    serverDamaged(u"it holds no key for you of this note's client"_s);
}

// What co-signing, commenting and returning share on the supervisor's machine: the note received,
// the membership, the connection and the checks of who may.
struct Prepared
{
    Membership membership;
    ReceivedNote note;
    std::unique_ptr<Connection> connection;
    Certified certified;
};

Prepared prepare(vault::Vault &vault, const QString &item, const QString &what)
{
    const std::optional<Membership> loaded = loadMembership(vault);
    if (!loaded)
        throw Error(ErrorKind::Conflict, what,
                    u"you are not a member of a practice (practice init or practice join)"_s);
    Prepared p { *loaded, {}, {}, {} };
    const Membership &m = p.membership;
    if (m.role != model::Role::Supervisor)
        throw Error(ErrorKind::NotAllowed, what, u"only a supervisor of the practice co-signs, comments or returns"_s);
    bool found = false;
    for (const ReceivedNote &n : received(vault))
        if (n.item == item) {
            p.note = n;
            found = true;
        }
    if (!found)
        throw Error(ErrorKind::Io, what, u"no note received here has this item id (practice received lists them)"_s);
    const QJsonObject canonical = QJsonDocument::fromJson(p.note.canonical.toUtf8()).object();
    if (canonical.value(u"signed_by"_s).toString().isEmpty() || p.note.contentHash.size() != 64)
        throw Error(ErrorKind::Conflict, what, u"the note is not signed"_s);

    p.connection = connectMember(vault, m);
    if (const int version = schemaVersionOf(*p.connection); version < 5)
        throw Error(ErrorKind::Conflict, what,
                    u"the practice server was set up before co-signatures and comments could be synced (schema "_s
                        + QString::number(version) + u"): start the practice again"_s);
    p.certified = certifiedMembers(*p.connection, m);
    if (p.certified.keys.value(m.memberId) != vault.practiceIdentity().signingPublicKey())
        throw Error(
            ErrorKind::Conflict, what,
            u"your key is not certified by the practice administrator yet (their next practice status does it)"_s);
    const Revoked revoked = verifiedRevocations(*p.connection, m);
    if (revoked.members.contains(m.memberId))
        throw Error(ErrorKind::Conflict, what, u"the practice administrator removed you from the practice"_s);
    const QHash<QString, qint64> cosigners = cosignersOf(*p.connection, m, p.certified, revoked, p.note.author);
    if (cosigners.value(m.memberId) != std::numeric_limits<qint64>::max())
        throw Error(ErrorKind::NotAllowed, what,
                    u"the practice administrator has not assigned you to supervise this note's author"_s);
    return p;
}

PracticeEvent store(vault::Vault &vault, Prepared &p, EventRow &event, const QString &text = {})
{
    event.signature = vault.practiceIdentity().sign(eventMessage(p.membership.practiceId, event));
    Transaction tx(*p.connection);
    event.seq = addEvent(*p.connection, event);
    appendAudit(*p.connection, event.kind, event.itemId);
    tx.commit();
    const PracticeEvent stored { event.seq,         event.itemId, 0,
                                 event.author,      event.kind,   event.at,
                                 event.contentHash, text,         QString::fromLatin1(event.signature.toHex()) };
    // Kept on this machine too, so the review queue knows what the server took (sentEvents).
    appendKeptEvents(vault, QString::fromLatin1(sentFileName), { stored });
    return stored;
}

EventRow eventOn(const Prepared &p, const QString &kind)
{
    EventRow event;
    event.itemId = p.note.item;
    event.author = p.membership.memberId;
    event.kind = kind;
    event.contentHash = p.note.contentHash;
    event.at = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    return event;
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
            serverDamaged(u"an assignment on it is not signed by the pinned administrator"_s);
        if (a.therapist == therapist && supervisor(a.supervisor)
            && !revoked.assignments.contains(assignmentSubject(a.supervisor, a.therapist)))
            out.insert(a.supervisor, std::numeric_limits<qint64>::max());
    }
    // A revoked assignment (its row deleted) still covers what was signed before it.
    for (const RevocationRow &r : revocations(connection))
        if (r.kind == RevocationKind::Assignment && r.subject.section(u':', 1, 1) == therapist
            && supervisor(r.subject.section(u':', 0, 0)) && revoked.assignments.contains(r.subject))
            out.insert(r.subject.section(u':', 0, 0), r.itemsBefore);
    for (auto it = out.begin(); it != out.end(); ++it)
        if (const auto removed = revoked.members.constFind(it.key()); removed != revoked.members.cend())
            it.value() = std::min(it.value(), removed.value());
    return out;
}

PracticeEvent cosign(vault::Vault &vault, const QString &item)
{
    const QString what = u"practice cosign"_s;
    Prepared p = prepare(vault, item, what);
    for (const EventRow &e : eventsOnNote(*p.connection, item))
        if (e.kind == QLatin1String(cosignKind))
            throw Error(ErrorKind::Conflict, what, u"this note is co-signed already"_s);
    EventRow event = eventOn(p, QString::fromLatin1(cosignKind));
    return store(vault, p, event);
}

PracticeEvent comment(vault::Vault &vault, const QString &item, const QString &text, bool returned)
{
    const QString what = returned ? u"practice return"_s : u"practice comment"_s;
    if (text.trimmed().isEmpty())
        throw Error(ErrorKind::Io, what, u"the comment is empty"_s);
    if (!model::fitsNoteLimit(text))
        throw Error(ErrorKind::Io, what, model::noteTooLongReason());
    Prepared p = prepare(vault, item, what);
    const std::optional<ItemRow> row = itemById(*p.connection, item);
    if (!row || row->author != p.note.author)
        serverDamaged(u"the note received here is not on it as it was (its item is missing or names another author)"_s);
    const SecretBuffer key = noteKey(vault, *p.connection, p.membership, p.certified, *row);
    EventRow event = eventOn(p, returned ? u"return"_s : u"comment"_s);
    // The words under the client's key, bound to the event; the signature covers the ciphertext.
    QByteArray plain = text.toUtf8();
    event.body = encryptUnderClientKey(key, plain, eventBodyAssociatedData(p.membership.practiceId, event));
    return store(vault, p, event, text);
}

QList<PracticeEvent> newEvents(vault::Vault &vault, Connection &connection, const Membership &m,
                               const Certified &certified, const Revoked &revoked, const SecretBuffer &pseudonymKey)
{
    QList<PracticeEvent> out;
    if (schemaVersionOf(connection) < 5)
        return out;
    const QList<EventRow> events = eventsOnNotesOf(connection, m.memberId);
    if (events.isEmpty())
        return out;
    QSet<QString> cosignedItems, seen; // seen: the signatures of the events kept (a replay has the same)
    for (const PracticeEvent &e : readKept(vault)) {
        seen.insert(e.signature);
        if (e.kind == QLatin1String(cosignKind))
            cosignedItems.insert(e.item);
    }
    // This member's signed progress notes, by item id (the ones sync pushes).
    QHash<QString, model::Id> local;
    for (const auto &[item, note] : ownNoteItems(vault, pseudonymKey, m.memberId))
        local.insert(item, note);
    const QHash<QString, qint64> cosigners = cosignersOf(connection, m, certified, revoked, m.memberId);
    for (const EventRow &e : events) {
        if (e.kind == QLatin1String(addendumKind)) {
            if (e.author == m.memberId)
                continue; // her own answer (answers.h)
            serverDamaged(u"an addendum on one of your notes is not yours (only a note's author writes one)"_s);
        }
        const bool isCosign = e.kind == QLatin1String(cosignKind);
        if (!isCosign && e.kind != u"comment"_s && e.kind != u"return"_s)
            serverDamaged(u"an event on it is of a kind this version does not know"_s);
        const QByteArray signer = certified.keys.value(e.author);
        if (signer.isEmpty() || !verifyPracticeSignature(signer, eventMessage(m.practiceId, e), e.signature))
            serverDamaged(u"a co-signature or comment on it does not verify with its author's certified key (changed or "
                    "forged)"_s);
        const auto right = cosigners.constFind(e.author);
        if (right == cosigners.cend())
            serverDamaged(u"a co-signature or comment on it is by a member the administrator did not assign to supervise "
                    "you"_s);
        if (e.seq > right.value())
            serverDamaged(u"a co-signature or comment on it was made after the administrator ended its author's "
                    "assignment"_s);
        const auto note = local.constFind(e.itemId);
        if (note == local.cend())
            serverDamaged(u"a co-signature or comment on it names a note that is not one of your signed notes here"_s);
        const QString signature = QString::fromLatin1(e.signature.toHex());
        if (seen.contains(signature) || (isCosign && cosignedItems.contains(e.itemId)))
            continue; // applied already (a replayed event)
        if (vault.notes().read(note.value()).contentHash != e.contentHash)
            serverDamaged(u"a co-signature or comment on it covers other content than your signed note"_s);
        PracticeEvent kept { e.seq, e.itemId, note.value(), e.author, e.kind, e.at, e.contentHash, {}, signature };
        if (!isCosign) {
            const std::optional<ItemRow> item = itemById(connection, e.itemId);
            if (!item || item->author != m.memberId)
                serverDamaged(u"a comment on it names a note of yours it does not show"_s);
            const SecretBuffer key = noteKey(vault, connection, m, certified, *item);
            std::optional<QByteArray> plain = decryptUnderClientKey(key, e.body, eventBodyAssociatedData(m.practiceId, e));
            if (!plain)
                serverDamaged(u"a comment on it is truncated or does not decrypt with its client's key"_s);
            kept.text = QString::fromUtf8(*plain);
            sodium_memzero(plain->data(), static_cast<std::size_t>(plain->size()));
        }
        out.append(kept);
        seen.insert(signature);
        if (isCosign)
            cosignedItems.insert(e.itemId);
    }
    return out;
}

int recordCosigns(vault::Vault &vault, const Membership &m, const Certified &certified,
                  const QList<PracticeEvent> &events)
{
    QList<PracticeEvent> cosigns;
    for (const QList<PracticeEvent> &list : { readKept(vault), events })
        for (const PracticeEvent &e : list)
            if (e.kind == QLatin1String(cosignKind) && e.note != 0)
                cosigns.append(e);
    QList<vault::PracticeCosign> out;
    QSet<model::Id> notes;
    for (const PracticeEvent &e : std::as_const(cosigns)) {
        if (notes.contains(e.note) || !certified.certificates.contains(e.by))
            continue;
        if (const auto kept = vault.practiceCosigns().of(e.note); kept)
            continue; // recorded by an earlier sync
        notes.insert(e.note);
        EventRow row;
        row.itemId = e.item;
        row.author = e.by;
        row.kind = e.kind;
        row.contentHash = e.contentHash;
        row.at = e.at;
        vault::PracticeCosign c;
        c.note = e.note;
        c.practiceId = m.practiceId;
        c.item = e.item;
        c.member = e.by;
        c.seq = e.seq;
        c.at = e.at;
        c.contentHash = e.contentHash;
        c.event = eventMessage(m.practiceId, row);
        c.signature = QByteArray::fromHex(e.signature.toLatin1());
        c.signPublic = certified.keys.value(e.by);
        c.certificate = certified.certificates.value(e.by);
        c.certificateSignature = certified.certificateSignatures.value(e.by);
        c.adminKey = m.adminKey;
        // A kept one that no longer verifies with the key certified now (the supervisor's key was
        // certified anew since) stays in the member folder only, rather than stop every sync.
        if (!verifyPracticeSignature(c.signPublic, c.event, c.signature))
            continue;
        out.append(c);
    }
    return out.isEmpty() ? 0 : vault.practiceCosigns().record(out);
}

void keepEvents(const vault::Vault &vault, const QList<PracticeEvent> &events)
{
    appendKeptEvents(vault, QString::fromLatin1(eventsFileName), events);
}

QList<PracticeEvent> sentEvents(const vault::Vault &vault)
{
    if (!loadMembership(vault))
        return {};
    return readKept(vault, sentFileName);
}

QList<PracticeEvent> practiceEvents(const vault::Vault &vault)
{
    if (!loadMembership(vault))
        return {};
    return readKept(vault);
}

QList<PracticeEvent> practiceEventsOf(const vault::Vault &vault, model::Id note)
{
    QList<PracticeEvent> out;
    for (const PracticeEvent &e : practiceEvents(vault))
        if (e.note == note)
            out.append(e);
    return out;
}

} // namespace uc::practice
