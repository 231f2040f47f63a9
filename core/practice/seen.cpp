// SPDX-License-Identifier: GPL-3.0-or-later
#include "practice/seen.h"

#include "common/error.h"
#include "practice/content.h"
#include "practice/events.h"
#include "practice/roster.h"
#include "practice/sealedfile.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <sodium.h>

using namespace Qt::StringLiterals;

namespace uc::practice {

namespace {

// SHA-256 over each field, length-prefixed, so no two rows share a fingerprint by shifting bytes.
class Fingerprint
{
public:
    Fingerprint() { crypto_hash_sha256_init(&m_state); }
    Fingerprint &operator<<(const QByteArray &field)
    {
        const QByteArray length = QByteArray::number(field.size()) + ':';
        update(length);
        update(field);
        return *this;
    }
    Fingerprint &operator<<(const QString &field) { return *this << field.toUtf8(); }
    Fingerprint &operator<<(qint64 number) { return *this << QByteArray::number(number); }
    QByteArray done()
    {
        QByteArray out(crypto_hash_sha256_BYTES, Qt::Uninitialized);
        crypto_hash_sha256_final(&m_state, reinterpret_cast<unsigned char *>(out.data()));
        return out;
    }

private:
    void update(const QByteArray &bytes)
    {
        crypto_hash_sha256_update(&m_state, reinterpret_cast<const unsigned char *>(bytes.constData()),
                                  static_cast<unsigned long long>(bytes.size()));
    }
    crypto_hash_sha256_state m_state {};
};

} // namespace

QString Seen::itemName(const QString &itemId)
{
    return u"item:"_s + itemId;
}

QString Seen::eventName(qint64 seq)
{
    return u"event:"_s + QString::number(seq);
}

void Seen::add(const ItemRow &i)
{
    rows.insert(
        itemName(i.itemId),
        (Fingerprint() << i.seq << i.itemId << i.author << i.client << qint64(i.version) << i.body << i.signature)
            .done());
}

void Seen::add(const WrapRow &w)
{
    rows.insert(
        u"wrap:"_s + w.madeBy + u'/' + w.client + u'/' + QString::number(w.version),
        (Fingerprint() << w.member << w.client << qint64(w.version) << w.sealed << w.madeBy << w.signature).done());
}

void Seen::add(const EventRow &e)
{
    rows.insert(
        eventName(e.seq),
        (Fingerprint() << e.seq << e.itemId << e.author << e.kind << e.contentHash << e.at << e.body << e.signature)
            .done());
}

Seen readSeen(const vault::Vault &vault)
{
    Seen seen;
    const std::optional<QByteArray> plain = readSealedMemberFile(vault, QString::fromLatin1(seenFileName));
    if (!plain)
        return seen;
    const QJsonObject o = QJsonDocument::fromJson(*plain).object();
    for (auto it = o.constBegin(); it != o.constEnd(); ++it)
        seen.rows.insert(it.key(), QByteArray::fromHex(it.value().toString().toLatin1()));
    return seen;
}

void writeSeen(const vault::Vault &vault, const Seen &seen)
{
    QJsonObject o;
    for (auto it = seen.rows.constBegin(); it != seen.rows.constEnd(); ++it)
        o.insert(it.key(), QString::fromLatin1(it.value().toHex()));
    writeSealedMemberFile(vault, QString::fromLatin1(seenFileName), QJsonDocument(o).toJson(QJsonDocument::Compact));
}

void checkOwnWritesStillThere(Connection &c, const QString &memberId)
{
    const QSet<QString> pushed = ownItemIds(c, memberId);
    QHash<QString, int> events; // kind/item → how many this member's events the server holds
    for (const EventRow &e : eventsBy(c, memberId))
        ++events[e.kind + u'/' + e.itemId];
    for (const auto &[action, object] : ownAuditEntries(c, { u"push"_s, u"cosign"_s, u"comment"_s, u"return"_s, u"addendum"_s })) {
        if (action == u"push"_s ? !pushed.contains(object) : --events[action + u'/' + object] < 0)
            throw Error(ErrorKind::Damaged, u"practice server"_s,
                        (action == u"push"_s           ? u"a note you pushed"_s
                             : action == u"addendum"_s ? u"an addendum you pushed"_s
                                                       : u"a co-signature or comment you made"_s)
                            + u" was deleted there (your audit entry of it remains); nothing was written here"_s);
    }
}

void checkStillThere(const Seen &before, const Seen &now)
{
    for (auto it = before.rows.constBegin(); it != before.rows.constEnd(); ++it) {
        const auto there = now.rows.constFind(it.key());
        const QString what = it.key().startsWith(u"item:"_s) ? u"a note"_s
            : it.key().startsWith(u"wrap:"_s)                ? u"a content key's wrap"_s
                                                             : u"a co-signature or comment"_s;
        if (there == now.rows.cend())
            throw Error(ErrorKind::Damaged, u"practice server"_s,
                        what + u" this machine received from it was deleted there; nothing was written here"_s);
        if (there.value() != it.value())
            throw Error(ErrorKind::Damaged, u"practice server"_s,
                        what + u" this machine received from it was changed there; nothing was written here"_s);
    }
}

} // namespace uc::practice
