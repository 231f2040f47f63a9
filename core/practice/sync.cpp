// SPDX-License-Identifier: GPL-3.0-or-later
#include "practice/sync.h"

#include "common/error.h"
#include "practice/connection.h"
#include "practice/answers.h"
#include "practice/clientcipher.h"
#include "practice/content.h"
#include "practice/cosign.h"
#include "practice/events.h"
#include "practice/invitation.h"
#include "practice/membership.h"
#include "practice/practice.h"
#include "practice/revocation.h"
#include "practice/roster.h"
#include "practice/schema.h"
#include "practice/sealedfile.h"
#include "practice/seen.h"
#include "practice/syncrecord.h"
#include "vault/clients.h"
#include "vault/notes.h"
#include "vault/vault.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <sodium.h>

#include <algorithm>
#include <map>

using namespace Qt::StringLiterals;

namespace uc::practice {

namespace {

constexpr int keyBytes = crypto_aead_xchacha20poly1305_ietf_KEYBYTES;
// The supervisors assigned to this member, as the last sync verified them (assignedSupervisors).
constexpr auto supervisorsFileName = "supervisors.sealed";

Membership membershipOf(const vault::Vault &vault, const QString &what)
{
    const std::optional<Membership> m = loadMembership(vault);
    if (!m)
        throw Error(ErrorKind::Conflict, what,
                    u"you are not a member of a practice (practice init or practice join)"_s);
    return *m;
}

// A keyed BLAKE2b-128 under the practice's pseudonym key, as hex: client pseudonyms and notes'
// practice-wide ids. The server never holds the key, so it cannot test a guess.
QString keyedId(const SecretBuffer &key, const QByteArray &message)
{
    unsigned char out[16];
    crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char *>(message.constData()),
                       static_cast<unsigned long long>(message.size()), key.data(), key.size());
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(out), sizeof out).toHex());
}

QByteArray sha256(const QByteArray &bytes)
{
    QByteArray digest(crypto_hash_sha256_BYTES, Qt::Uninitialized);
    crypto_hash_sha256(reinterpret_cast<unsigned char *>(digest.data()),
                       reinterpret_cast<const unsigned char *>(bytes.constData()),
                       static_cast<unsigned long long>(bytes.size()));
    return digest;
}

QByteArray sealTo(const QByteArray &signPublic, const SecretBuffer &key)
{
    unsigned char boxPublic[crypto_box_PUBLICKEYBYTES];
    if (signPublic.size() != crypto_sign_PUBLICKEYBYTES
        || crypto_sign_ed25519_pk_to_curve25519(boxPublic,
                                                reinterpret_cast<const unsigned char *>(signPublic.constData()))
            != 0)
        serverDamaged(u"a member's key on it is not a valid Ed25519 key"_s);
    QByteArray sealed(static_cast<qsizetype>(crypto_box_SEALBYTES + key.size()), Qt::Uninitialized);
    crypto_box_seal(reinterpret_cast<unsigned char *>(sealed.data()), key.data(),
                    static_cast<unsigned long long>(key.size()), boxPublic);
    return sealed;
}

QString keyName(const QString &client, int version)
{
    return client + u'/' + QString::number(version);
}

// A content key as this member holds it: who made it, for which client and version. Two members'
// keys under one pseudonym (a colleague who guessed it) stay apart.
QString heldKeyName(const QString &maker, const QString &client, int version)
{
    return maker + u'/' + keyName(client, version);
}

// The state kept in the member folder: the head and the received notes.
struct Kept
{
    qint64 head = 0;
    QList<ReceivedNote> notes;
};

Kept readKept(const vault::Vault &vault)
{
    Kept kept;
    const std::optional<QByteArray> plain = readSealedMemberFile(vault, QString::fromLatin1(receivedFileName));
    if (!plain)
        return kept;
    const QJsonObject o = QJsonDocument::fromJson(*plain).object();
    kept.head = static_cast<qint64>(o.value(u"head"_s).toDouble());
    for (const QJsonValue &v : o.value(u"notes"_s).toArray()) {
        const QJsonObject n = v.toObject();
        kept.notes.append({ static_cast<qint64>(n.value(u"seq"_s).toDouble()), n.value(u"item"_s).toString(),
                            n.value(u"author"_s).toString(), n.value(u"client"_s).toString(),
                            n.value(u"content_hash"_s).toString(), n.value(u"canonical"_s).toString() });
    }
    return kept;
}

void writeKept(const vault::Vault &vault, const Kept &kept)
{
    QJsonArray notes;
    for (const ReceivedNote &n : kept.notes)
        notes.append(QJsonObject { { u"seq"_s, static_cast<double>(n.seq) },
                                   { u"item"_s, n.item },
                                   { u"author"_s, n.author },
                                   { u"client"_s, n.client },
                                   { u"content_hash"_s, n.contentHash },
                                   { u"canonical"_s, n.canonical } });
    const QJsonObject o { { u"head"_s, static_cast<double>(kept.head) }, { u"notes"_s, notes } };
    writeSealedMemberFile(vault, QString::fromLatin1(receivedFileName),
                          QJsonDocument(o).toJson(QJsonDocument::Compact));
}

// The clients' content keys this member holds, by maker/client/version, in guarded memory: wiped
// when the map goes, however sync ends.
using ContentKeys = std::map<QString, SecretBuffer>;

// The wraps made for this member, each checked (made by this member or a therapist the administrator
// assigned them to, and signed by its maker) and opened; by maker/client/version. madeBy collects, by
// client/version, every maker of a wrap this member holds.
ContentKeys openWraps(const vault::Vault &vault, const QList<WrapRow> &all, const Membership &m,
                      const Certified &certified, const QSet<QString> &makers, QMultiHash<QString, QString> &madeBy)
{
    ContentKeys keys;
    for (const WrapRow &w : all) {
        if (w.member != m.memberId)
            continue;
        if (!makers.contains(w.madeBy))
            serverDamaged(u"a content key's wrap for you was made by a member you are not assigned to"_s);
        madeBy.insert(keyName(w.client, w.version), w.madeBy);
        const QByteArray maker = certified.keys.value(w.madeBy);
        if (maker.isEmpty() || !verifyPracticeSignature(maker, wrapMessage(m.practiceId, w), w.signature))
            serverDamaged(u"a content key's wrap for you is not signed by a certified member (it was replaced or altered)"_s);
        SecretBuffer key = vault.practiceIdentity().openSealed(w.sealed);
        if (key.size() != keyBytes)
            serverDamaged(u"a content key's wrap for you does not open with your key"_s);
        keys.insert_or_assign(heldKeyName(w.madeBy, w.client, w.version), std::move(key));
    }
    return keys;
}

// Verifies and decrypts one item; Damaged for anything that does not hold.
ReceivedNote openItem(const ItemRow &item, const SecretBuffer &key, const Membership &m, const Certified &certified,
                      const SecretBuffer &pseudonymKey)
{
    const QByteArray author = certified.keys.value(item.author);
    if (author.isEmpty())
        serverDamaged(u"a note on it names an author without a certified key"_s);
    if (!verifyPracticeSignature(author, itemMessage(m.practiceId, item), item.signature))
        serverDamaged(u"a note's ciphertext or its details on it were changed (its author's signature does not verify)"_s);
    std::optional<QByteArray> opened = decryptUnderClientKey(key, item.body, itemAssociatedData(m.practiceId, item));
    if (!opened)
        serverDamaged(u"a note on it is truncated or does not decrypt with its client's key"_s);
    QByteArray &plain = *opened;
    const QJsonObject payload = QJsonDocument::fromJson(plain).object();
    sodium_memzero(plain.data(), static_cast<std::size_t>(plain.size()));
    ReceivedNote note { item.seq,
                        item.itemId,
                        item.author,
                        item.client,
                        payload.value(u"content_hash"_s).toString(),
                        payload.value(u"canonical"_s).toString() };
    if (QString::fromLatin1(sha256(note.canonical.toUtf8()).toHex()) != note.contentHash)
        serverDamaged(u"a note on it does not match its signed content hash"_s);
    const QJsonObject canonical = QJsonDocument::fromJson(note.canonical.toUtf8()).object();
    if (canonical.value(u"kind"_s).toString() != u"progress"_s || canonical.value(u"signed_by"_s).toString().isEmpty())
        serverDamaged(u"a note on it is not a signed progress note"_s);
    // The note inside is the one its item names: its client's pseudonym and its id, as its author's
    // machine made them, so a member cannot push a note of another client or another id under them.
    const QByteArray authorId = item.author.toUtf8();
    const int form = canonical.contains(u"form"_s) ? canonical.value(u"form"_s).toInt() : 1;
    const QString uuid = canonical.value(u"note_uuid"_s).toString();
    if ((form != 1 && form != 2) || (form == 2 && uuid.isEmpty()))
        serverDamaged(u"a note on it is in no canonical form this version knows"_s);
    if (keyedId(pseudonymKey, "client\n" + authorId + '\n' + canonical.value(u"client"_s).toString().toUtf8()) != item.client
        || noteItemId(pseudonymKey, item.author, form, uuid,
                      static_cast<qint64>(canonical.value(u"note"_s).toDouble()))
               != item.itemId)
        serverDamaged(u"a note on it is not the note its details name (another client or another note inside)"_s);
    return note;
}

} // namespace

// A note's item id on the server, the one derivation of it: push names an item with it, pull checks
// the note inside against it. Keyed by its author's member id and the note's practice-wide id, its
// uuid (a note signed in canonical form 2, schema v23: vault/signing.h), or for a note signed before,
// its number in its author's vault, as it was pushed then (no item is renamed).
QString noteItemId(const SecretBuffer &pseudonymKey, const QString &memberId, int form, const QString &uuid,
                   qint64 number)
{
    const QByteArray ref = form >= 2 ? uuid.toUtf8() : QByteArray::number(number);
    return keyedId(pseudonymKey, "note\n" + memberId.toUtf8() + '\n' + ref);
}

QList<std::pair<QString, model::Id>> ownNoteItems(vault::Vault &vault, const SecretBuffer &pseudonymKey,
                                                  const QString &memberId)
{
    QList<std::pair<QString, model::Id>> out;
    const QString me = vault.currentUser().name;
    for (const model::Client &client : vault.clients().list())
        for (const vault::NoteEntry &entry : vault.notes().listForClient(client.code))
            if (entry.status != model::NoteStatus::Draft && entry.kind == model::NoteKind::Progress
                && entry.author == me)
                out.append({ noteItemId(pseudonymKey, memberId, entry.canonicalForm, entry.uuid, entry.note), entry.note });
    return out;
}

void assign(vault::Vault &vault, const QString &supervisor, const QString &therapist)
{
    const Membership m = membershipOf(vault, u"practice assign"_s);
    if (!m.admin)
        throw Error(ErrorKind::NotAllowed, u"practice assign"_s,
                    u"only the practice administrator assigns supervisors"_s);
    const auto connection = connectMember(vault, m);
    const Certified certified = certifiedMembers(*connection, m);
    if (certified.roles.value(supervisor, model::Role::Therapist) != model::Role::Supervisor)
        throw Error(ErrorKind::Io, u"--supervisor"_s, u"no certified supervisor of the practice has this member id"_s);
    if (!certified.roles.contains(therapist) || certified.roles.value(therapist) != model::Role::Therapist)
        throw Error(ErrorKind::Io, u"--therapist"_s, u"no certified therapist of the practice has this member id"_s);
    const Revoked revoked = verifiedRevocations(*connection, m);
    for (const QString &member : {supervisor, therapist})
        if (revoked.members.contains(member))
            throw Error(ErrorKind::Io, member == supervisor ? u"--supervisor"_s : u"--therapist"_s,
                        u"this member was removed from the practice"_s);
    for (const AssignmentRow &a : assignments(*connection))
        if (a.supervisor == supervisor && a.therapist == therapist)
            throw Error(ErrorKind::Conflict, u"practice assign"_s,
                        u"this supervisor is already assigned to this therapist"_s);
    // The signature of the same pair would be the same bytes as the revoked one (Ed25519 is
    // deterministic): assigning a revoked pair again needs an assignment that names its time (not yet).
    if (revoked.assignments.contains(assignmentSubject(supervisor, therapist)))
        throw Error(ErrorKind::Conflict, u"practice assign"_s,
                    u"this assignment was revoked; assigning the same pair again is not supported yet"_s);
    Transaction tx(*connection);
    addAssignment(
        *connection,
        { supervisor, therapist, vault.practiceIdentity().sign(assignmentMessage(m.practiceId, supervisor, therapist)) });
    appendAudit(*connection, u"assign"_s, supervisor + u':' + therapist);
    tx.commit();
}

namespace {

SyncResult syncOnce(vault::Vault &vault, bool acceptRollback)
{
    const Membership pinned = membershipOf(vault, u"sync"_s);
    // Accepting a rollback: checked against no pin, and the server's heads pinned at the end.
    Membership m = pinned;
    if (acceptRollback) {
        m.itemsHead = m.auditHead = m.revocations = 0;
        m.auditHash.clear();
    }
    const std::optional<SecretBuffer> pseudonymKey
        = readSealedSecret(vault, QString::fromLatin1(pseudonymKeyFileName));
    if (!pseudonymKey || pseudonymKey->size() != 32)
        throw Error(ErrorKind::Conflict, u"sync"_s,
                    u"this membership predates client pseudonyms: join the practice again with a new invitation"_s);
    const auto connection = connectMember(vault, m);
    const bool rolledBack = acceptRollback && !pinsHold(*connection, pinned);
    if (schemaVersionOf(*connection) < 2)
        throw Error(ErrorKind::Conflict, u"sync"_s,
                    u"the practice server was set up before content could be synced (schema 1): start the practice "
                    "again on an empty database"_s);
    const Certified certified = certifiedMembers(*connection, m);
    if (certified.keys.value(m.memberId) != vault.practiceIdentity().signingPublicKey())
        throw Error(
            ErrorKind::Conflict, u"sync"_s,
            u"your key is not certified by the practice administrator yet (their next practice status does it)"_s);

    // The administrator's revocations (schema 4): a revoked assignment is none, a revoked member reads
    // nothing new. A removed member's own client stops here.
    const Revoked revoked = verifiedRevocations(*connection, m);
    if (revoked.members.contains(m.memberId))
        throw Error(ErrorKind::Conflict, u"sync"_s, u"the practice administrator removed you from the practice"_s);

    // The assignments, by the administrator's signature: the supervisors this member wraps keys for,
    // and the therapists whose wraps this member accepts (those of a revoked assignment too: they
    // open only what was given before it).
    QList<QString> readers;
    QSet<QString> makers{m.memberId};
    for (const AssignmentRow &a : assignments(*connection)) {
        if (!verifyPracticeSignature(m.adminKey, assignmentMessage(m.practiceId, a.supervisor, a.therapist),
                                     a.signature))
            serverDamaged(u"an assignment on it is not signed by the pinned administrator"_s);
        if (revoked.assignments.contains(assignmentSubject(a.supervisor, a.therapist)))
            continue; // revoked, and put back by someone who is not the administrator
        if (a.therapist == m.memberId && !revoked.members.contains(a.supervisor)
            && certified.roles.value(a.supervisor, model::Role::Therapist) == model::Role::Supervisor)
            readers.append(a.supervisor);
        if (a.supervisor == m.memberId)
            makers.insert(a.therapist);
    }
    for (const QString &subject : revoked.assignments)
        if (subject.section(u':', 0, 0) == m.memberId)
            makers.insert(subject.section(u':', 1, 1));

    // Pull: every wrap and every new item verified before anything is kept.
    SyncResult result;
    result.rollbackAccepted = rolledBack;
    const QList<WrapRow> allWraps = wraps(*connection);
    QMultiHash<QString, QString> madeBy; // client/version → who made this member's wraps of it
    ContentKeys keys = openWraps(vault, allWraps, m, certified, makers, madeBy);
    Kept kept = readKept(vault);
    QSet<QString> known;
    for (const ReceivedNote &n : std::as_const(kept.notes))
        known.insert(n.item);
    QList<ReceivedNote> pulled;
    // All items by others are read again (not only those after the head): a wrap given later (a new
    // assignment) opens items older than the head.
    const QList<ItemRow> items = itemsAfter(*connection, 0, m.memberId);
    for (const ItemRow &item : items) {
        kept.head = std::max(kept.head, item.seq);
        if (known.contains(item.itemId))
            continue;
        const QString name = keyName(item.client, item.version);
        if (!madeBy.contains(name))
            continue; // not for this member (row security does not show those; the owner's role did)
        if (const auto removed = revoked.members.constFind(item.author);
            removed != revoked.members.cend() && item.seq > removed.value())
            serverDamaged(u"a note on it was pushed by a member after the administrator removed them"_s);
        // Opened only with the key its author made (row security shows no other; an operator who
        // lifts it, or moves a note to another author, is caught here).
        const auto key = keys.find(heldKeyName(item.author, item.client, item.version));
        if (key == keys.end())
            serverDamaged(u"a note on it was pushed under a client key its author did not make"_s);
        pulled.append(openItem(item, key->second, m, certified, *pseudonymKey));
    }
    // The co-signatures, comments and returns on this member's notes (schema 5), verified like the
    // notes before anything is kept.
    const QList<PracticeEvent> events = newEvents(vault, *connection, m, certified, revoked, *pseudonymKey);
    const KeyLookup keyOf = [&keys](const QString &maker, const QString &client, int version) -> const SecretBuffer * {
        const auto k = keys.find(heldKeyName(maker, client, version));
        return k == keys.end() ? nullptr : &k->second;
    };
    // The authors' addenda on the notes received here (schema 7), verified likewise.
    QList<EventRow> addendumRows;
    const QList<PracticeEvent> addenda
        = newAddenda(vault, *connection, m, certified, revoked, kept.notes + pulled, items, keyOf, addendumRows);
    // Below the heads: every note, wrap and event received here before must still be there,
    // unchanged (seen.h). A restore accepted on purpose starts the record afresh.
    Seen shown;
    for (const WrapRow &w : allWraps)
        if (w.member == m.memberId)
            shown.add(w);
    for (const ItemRow &item : items)
        shown.add(item);
    if (schemaVersionOf(*connection) >= 5)
        for (const EventRow &e : eventsOnNotesOf(*connection, m.memberId))
            shown.add(e);
    for (const EventRow &e : std::as_const(addendumRows))
        shown.add(e);
    const Seen before = readSeen(vault);
    if (!acceptRollback) {
        checkStillThere(before, shown);
        if (schemaVersionOf(*connection) >= 6)
            checkOwnWritesStillThere(*connection, m.memberId);
    }
    if (!pulled.isEmpty()) {
        kept.notes.append(pulled);
        // Kept in the server's order: a note pulled now can have a lower number than one pulled
        // before (colleagues' pushes commit in another order than their numbers were drawn).
        std::stable_sort(kept.notes.begin(), kept.notes.end(),
                         [](const ReceivedNote &a, const ReceivedNote &b) { return a.seq < b.seq; });
        writeKept(vault, kept);
    }
    // Co-signatures count in the vault (schema v26): recorded there first, so a failure before the
    // member folder keeps them leaves nothing the next sync does not finish.
    recordCosigns(vault, m, certified, events);
    keepEvents(vault, events);
    keepAddenda(vault, addenda);
    Seen held; // what this machine holds now, as the server shows it
    for (auto it = shown.rows.cbegin(); it != shown.rows.cend(); ++it)
        if (it.key().startsWith(u"wrap:"_s) || (it.key().startsWith(u"event:"_s) && before.rows.contains(it.key())))
            held.rows.insert(it.key(), it.value());
    for (const ReceivedNote &n : std::as_const(kept.notes))
        if (const auto row = shown.rows.constFind(Seen::itemName(n.item)); row != shown.rows.cend())
            held.rows.insert(row.key(), row.value());
    for (const QList<PracticeEvent> &list : { events, addenda })
        for (const PracticeEvent &e : list)
            if (const auto row = shown.rows.constFind(Seen::eventName(e.seq)); row != shown.rows.cend())
                held.rows.insert(row.key(), row.value());
    if (held.rows != before.rows)
        writeSeen(vault, held);
    result.pulled = static_cast<int>(pulled.size());
    result.addenda = static_cast<int>(addenda.size());
    for (const PracticeEvent &e : events)
        ++(e.kind == u"cosign"_s ? result.cosigned : result.comments);

    // Push: the signed progress notes of this user not on the server yet.
    Transaction tx(*connection);
    QSet<QString> wrapped; // client/version/reader this member made a wrap for
    QHash<QString, int> current; // client → the newest version of the key this member made for it
    QMultiHash<QString, QString> holders; // client/version → the readers of this member's wraps of it
    for (const WrapRow &w : allWraps)
        if (w.madeBy == m.memberId) {
            wrapped.insert(keyName(w.client, w.version) + u'/' + w.member);
            holders.insert(keyName(w.client, w.version), w.member);
            if (w.member == m.memberId)
                current[w.client] = std::max(current.value(w.client), w.version);
        }
    const auto wrapFor = [&](const QString &client, int version, const SecretBuffer &key, const QString &reader) {
        const QString name = keyName(client, version) + u'/' + reader;
        if (wrapped.contains(name))
            return;
        WrapRow w { reader, client, version, sealTo(certified.keys.value(reader), key), m.memberId, {} };
        w.signature = vault.practiceIdentity().sign(wrapMessage(m.practiceId, w));
        addWrap(*connection, w);
        wrapped.insert(name);
    };
    // Rotation: a client whose newest key a reader holds who is no longer one (an assignment revoked,
    // a member removed) gets a new version, wrapped below for this member and the readers now; what
    // is pushed from now on is sealed with it. The old versions stay: they open only older notes.
    const QSet<QString> readerSet(readers.cbegin(), readers.cend());
    for (auto it = current.cbegin(); it != current.cend(); ++it) {
        bool stale = false;
        for (const QString &holder : holders.values(keyName(it.key(), it.value())))
            stale = stale || (holder != m.memberId && !readerSet.contains(holder));
        if (!stale || keys.find(heldKeyName(m.memberId, it.key(), it.value())) == keys.end())
            continue;
        SecretBuffer made(keyBytes);
        crypto_aead_xchacha20poly1305_ietf_keygen(made.data());
        const int version = it.value() + 1;
        const auto key = keys.emplace(heldKeyName(m.memberId, it.key(), version), std::move(made)).first;
        wrapFor(it.key(), version, key->second, m.memberId);
        current[it.key()] = version;
        ++result.rotated;
    }
    const QSet<QString> pushed = ownItemIds(*connection, m.memberId);
    const QString me = vault.currentUser().name;
    for (const model::Client &client : vault.clients().list()) {
        const QString pseudonym
            = keyedId(*pseudonymKey, "client\n" + m.memberId.toUtf8() + '\n' + client.code.toUtf8());
        for (const vault::NoteEntry &entry : vault.notes().listForClient(client.code)) {
            if (entry.status == model::NoteStatus::Draft || entry.kind != model::NoteKind::Progress
                || entry.author != me)
                continue;
            ItemRow item;
            item.itemId = noteItemId(*pseudonymKey, m.memberId, entry.canonicalForm, entry.uuid, entry.note);
            if (pushed.contains(item.itemId))
                continue;
            const model::Note note = vault.notes().read(entry.note);
            if (note.status == model::NoteStatus::Draft || note.kind != model::NoteKind::Progress)
                continue;
            const QString canonical = vault::Notes::canonicalForm(note);
            if (QString::fromLatin1(sha256(canonical.toUtf8()).toHex()) != note.contentHash)
                throw Error(ErrorKind::Damaged, u"sync"_s, u"a signed note here no longer matches its signature"_s);
            const int version = current.value(pseudonym, 1);
            const QString name = heldKeyName(m.memberId, pseudonym, version);
            auto key = keys.find(name);
            if (key == keys.end()) {
                if (version != 1)
                    serverDamaged(u"your own newest key of a client on it does not open here"_s);
                SecretBuffer made(keyBytes);
                crypto_aead_xchacha20poly1305_ietf_keygen(made.data());
                key = keys.emplace(name, std::move(made)).first;
                current[pseudonym] = 1;
            }
            wrapFor(pseudonym, version, key->second, m.memberId);
            item.author = m.memberId;
            item.client = pseudonym;
            item.version = version;
            QByteArray plain
                = QJsonDocument(QJsonObject { { u"canonical"_s, canonical }, { u"content_hash"_s, note.contentHash } })
                      .toJson(QJsonDocument::Compact);
            item.body = encryptUnderClientKey(key->second, plain, itemAssociatedData(m.practiceId, item));
            item.signature = vault.practiceIdentity().sign(itemMessage(m.practiceId, item));
            addItem(*connection, item);
            appendAudit(*connection, u"push"_s, item.itemId);
            ++result.pushed;
        }
    }
    // Her addenda to her notes on the server, as her answer to a return (answers.h).
    result.answered = pushAddenda(vault, *connection, m, *pseudonymKey, keyOf,
                                  [&current](const QString &client) { return current.value(client, 1); });
    // Every client key this member made, wrapped for every supervisor assigned to them now.
    for (const auto &[name, key] : keys) {
        if (name.section(u'/', 0, 0) != m.memberId)
            continue; // a colleague's client: theirs to wrap
        const QString client = name.section(u'/', 1, 1);
        const int version = name.section(u'/', 2, 2).toInt();
        for (const QString &reader : std::as_const(readers))
            wrapFor(client, version, key, reader);
    }
    tx.commit();
    result.head = std::max(kept.head, headSeq(*connection));
    pinHeads(vault, m, *connection);
    writeSealedMemberFile(vault, QString::fromLatin1(supervisorsFileName),
                          QJsonDocument(QJsonArray::fromStringList(readers)).toJson(QJsonDocument::Compact));
    return result;
}

} // namespace

SyncResult sync(vault::Vault &vault, bool acceptRollback)
{
    SyncResult result;
    try {
        result = syncOnce(vault, acceptRollback);
    } catch (const Error &e) {
        // Kept for the GUI's top bar and banner, however the sync ran (CLI, GUI, a script); a record
        // that cannot be written must not hide why the sync failed.
        if (hasMembership(vault)) {
            try {
                saveSyncRecord(vault, syncRecordOf(e));
            } catch (const Error &) {
            }
        }
        throw;
    }
    saveSyncRecord(vault, syncRecordOf(result));
    return result;
}

QList<ReceivedNote> received(const vault::Vault &vault)
{
    (void)membershipOf(vault, u"practice received"_s);
    return readKept(vault).notes;
}

QStringList assignedSupervisors(const vault::Vault &vault)
{
    const std::optional<QByteArray> plain = readSealedMemberFile(vault, QString::fromLatin1(supervisorsFileName));
    if (!plain)
        return {};
    const QJsonDocument doc = QJsonDocument::fromJson(*plain);
    if (!doc.isArray())
        throw Error(ErrorKind::Damaged, u"practice"_s, u"the kept list of your practice supervisors is not one"_s);
    QStringList out;
    for (const QJsonValue &v : doc.array()) {
        if (!v.isString())
            throw Error(ErrorKind::Damaged, u"practice"_s, u"the kept list of your practice supervisors is not one"_s);
        out.append(v.toString());
    }
    return out;
}

} // namespace uc::practice
