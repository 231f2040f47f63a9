// SPDX-License-Identifier: GPL-3.0-or-later
#include "practice/answers.h"

#include "common/error.h"
#include "practice/clientcipher.h"
#include "practice/connection.h"
#include "practice/content.h"
#include "practice/events.h"
#include "practice/invitation.h"
#include "practice/keptevents.h"
#include "practice/membership.h"
#include "practice/revocation.h"
#include "practice/roster.h"
#include "practice/sync.h"
#include "vault/notes.h"
#include "vault/vault.h"

#include <QDateTime>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <sodium.h>

using namespace Qt::StringLiterals;

namespace uc::practice {

namespace {

constexpr auto answersFileName = "answers.sealed";
// Addenda on the server from this schema version.
constexpr int addendaSchema = 7;

// What an addendum event's ciphertext holds: the words, and the addendum's own signed time and hash
// in its author's vault (the hash tells her sync which it pushed already).
struct Opened
{
    QString text;
    QString signedAt;
    QString hash;
};

std::optional<Opened> openBody(const SecretBuffer &key, const QString &practiceId, const EventRow &e);

// Opened with whichever version of maker's key of client opens it (versions run from 1, each wrapped
// for every reader of that time, so a reader holds a run of them).
std::optional<Opened> openWithAnyVersion(const KeyLookup &key, const QString &maker, const QString &client,
                                         const QString &practiceId, const EventRow &e)
{
    for (int version = 1;; ++version) {
        const SecretBuffer *k = key(maker, client, version);
        if (!k)
            return std::nullopt;
        if (std::optional<Opened> opened = openBody(*k, practiceId, e))
            return opened;
    }
}

std::optional<Opened> openBody(const SecretBuffer &key, const QString &practiceId, const EventRow &e)
{
    std::optional<QByteArray> plain = decryptUnderClientKey(key, e.body, eventBodyAssociatedData(practiceId, e));
    if (!plain)
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(*plain).object();
    sodium_memzero(plain->data(), static_cast<std::size_t>(plain->size()));
    Opened out { o.value(u"text"_s).toString(), o.value(u"signed_at"_s).toString(), o.value(u"hash"_s).toString() };
    if (out.text.trimmed().isEmpty() || !model::fitsNoteLimit(out.text) || out.hash.size() != 64)
        return std::nullopt;
    return out;
}

// The event's time: the addendum's, to the second (what the server's events accept).
QString eventTime(const QString &signedAt)
{
    return QDateTime::fromString(signedAt, Qt::ISODateWithMs).toUTC().toString(Qt::ISODate);
}

} // namespace

int pushAddenda(vault::Vault &vault, Connection &c, const Membership &m, const SecretBuffer &pseudonymKey,
                const KeyLookup &key, const NewestVersion &newest)
{
    if (schemaVersionOf(c) < addendaSchema)
        return 0;
    const QSet<QString> onServer = ownItemIds(c, m.memberId);
    // What the server holds of hers already: her own addendum events, signed by her (a row put there
    // in her name by someone else would otherwise stand for one of hers, and hers would not be sent
    // again), opened with her keys.
    const QByteArray mine = vault.practiceIdentity().signingPublicKey();
    QSet<QString> sent; // item/addendum hash
    for (const EventRow &e : eventsBy(c, m.memberId)) {
        if (e.kind != QLatin1String(addendumKind))
            continue;
        if (!verifyPracticeSignature(mine, eventMessage(m.practiceId, e), e.signature))
            serverDamaged(u"an addendum on it in your name is not signed by your key (forged or changed)"_s);
        const std::optional<ItemRow> item = itemById(c, e.itemId);
        const std::optional<Opened> opened = item && item->author == m.memberId
            ? openWithAnyVersion(key, m.memberId, item->client, m.practiceId, e)
            : std::nullopt;
        if (!opened)
            serverDamaged(u"an addendum you pushed does not open with your key of its note's client"_s);
        sent.insert(e.itemId + u'/' + opened->hash);
    }
    int pushed = 0;
    const QString me = vault.currentUser().name;
    for (const auto &[id, note] : ownNoteItems(vault, pseudonymKey, m.memberId)) {
        if (!onServer.contains(id))
            continue;
        QList<model::Addendum> todo;
        for (const model::Addendum &a : vault.notes().addenda(note))
            if (a.author == me && !sent.contains(id + u'/' + a.contentHash))
                todo.append(a);
        if (todo.isEmpty())
            continue;
        // Sealed under the client's newest key: a reader unassigned since the note was pushed
        // (the key rotated) cannot open what she adds now.
        const std::optional<ItemRow> item = itemById(c, id);
        const SecretBuffer *k = item ? key(m.memberId, item->client, newest(item->client)) : nullptr;
        if (!k)
            serverDamaged(u"your own newest key of a note's client on it does not open here"_s);
        // Read (and recorded as a view) for the content hash the event binds it to.
        const QString contentHash = vault.notes().read(note).contentHash;
        for (const model::Addendum &a : std::as_const(todo)) {
            EventRow e;
            e.itemId = id;
            e.author = m.memberId;
            e.kind = QString::fromLatin1(addendumKind);
            e.contentHash = contentHash;
            e.at = eventTime(a.signedAt);
            QByteArray plain = QJsonDocument(QJsonObject { { u"text"_s, a.text },
                                                           { u"signed_at"_s, a.signedAt },
                                                           { u"hash"_s, a.contentHash } })
                                   .toJson(QJsonDocument::Compact);
            e.body = encryptUnderClientKey(*k, plain, eventBodyAssociatedData(m.practiceId, e));
            e.signature = vault.practiceIdentity().sign(eventMessage(m.practiceId, e));
            addEvent(c, e);
            appendAudit(c, e.kind, id);
            sent.insert(id + u'/' + a.contentHash);
            ++pushed;
        }
    }
    return pushed;
}

QList<PracticeEvent> newAddenda(const vault::Vault &vault, Connection &c, const Membership &m,
                                const Certified &certified, const Revoked &revoked,
                                const QList<ReceivedNote> &received, const QList<ItemRow> &items, const KeyLookup &key,
                                QList<EventRow> &rows)
{
    QList<PracticeEvent> out;
    rows.clear();
    if (schemaVersionOf(c) < addendaSchema)
        return out;
    rows = addendaOnNotesNotBy(c, m.memberId);
    if (rows.isEmpty())
        return out;
    QHash<QString, const ReceivedNote *> notes;
    for (const ReceivedNote &n : received)
        notes.insert(n.item, &n);
    QHash<QString, const ItemRow *> itemRows;
    for (const ItemRow &i : items)
        itemRows.insert(i.itemId, &i);
    QHash<QString, qint64> right; // author → the last number this reader's assignment to them covers
    const auto rightOver = [&](const QString &author) {
        if (!right.contains(author))
            right.insert(author, cosignersOf(c, m, certified, revoked, author).value(m.memberId, -1));
        return right.value(author);
    };
    QSet<QString> seen; // the kept ones: their signatures, and item/time/words (one pushed again after a restore)
    for (const PracticeEvent &e : receivedAddenda(vault)) {
        seen.insert(e.signature);
        seen.insert(e.item + u'\n' + e.at + u'\n' + e.text);
    }
    for (const EventRow &e : std::as_const(rows)) {
        const ReceivedNote *note = notes.value(e.itemId);
        const ItemRow *item = itemRows.value(e.itemId);
        if (!note || !item)
            continue; // a note not received here (no key of its client for this member): nothing to check it by
        if (e.author != note->author || item->author != note->author)
            serverDamaged(u"an addendum to a note you received is not by the note's author"_s);
        const QByteArray signer = certified.keys.value(e.author);
        if (signer.isEmpty() || !verifyPracticeSignature(signer, eventMessage(m.practiceId, e), e.signature))
            serverDamaged(u"an addendum to a note you received does not verify with its author's certified key (changed or "
                    "forged)"_s);
        if (const auto removed = revoked.members.constFind(e.author);
            removed != revoked.members.cend() && e.seq > removed.value())
            serverDamaged(u"an addendum on it was pushed by a member after the administrator removed them"_s);
        if (e.contentHash != note->contentHash)
            serverDamaged(u"an addendum on it names other content than the note you received"_s);
        const QString signature = QString::fromLatin1(e.signature.toHex());
        if (seen.contains(signature))
            continue;
        if (e.seq > rightOver(item->author))
            continue; // written after his assignment to her ended: sealed under a key he was not given
        const std::optional<Opened> opened = openWithAnyVersion(key, item->author, item->client, m.practiceId, e);
        if (!opened || eventTime(opened->signedAt) != e.at)
            serverDamaged(u"an addendum on it is truncated or does not decrypt with its client's key"_s);
        const QString same = e.itemId + u'\n' + e.at + u'\n' + opened->text;
        if (seen.contains(same))
            continue; // the same addendum pushed again (after a restore of the server)
        out.append({ e.seq, e.itemId, 0, e.author, e.kind, e.at, e.contentHash, opened->text, signature });
        seen.insert(signature);
        seen.insert(same);
    }
    return out;
}

void keepAddenda(const vault::Vault &vault, const QList<PracticeEvent> &addenda)
{
    appendKeptEvents(vault, QString::fromLatin1(answersFileName), addenda);
}

QList<PracticeEvent> receivedAddenda(const vault::Vault &vault, const QString &item)
{
    if (!hasMembership(vault))
        return {};
    QList<PracticeEvent> out;
    for (const PracticeEvent &e : readKeptEvents(vault, QString::fromLatin1(answersFileName)))
        if (item.isEmpty() || e.item == item)
            out.append(e);
    return out;
}

} // namespace uc::practice
