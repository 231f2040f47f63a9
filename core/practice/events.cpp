// SPDX-License-Identifier: GPL-3.0-or-later
#include "practice/events.h"

#include "practice/connection.h"

#include <sodium.h>

using namespace Qt::StringLiterals;

namespace uc::practice {

namespace {

QByteArray sha256Hex(const QByteArray &bytes)
{
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char *>(bytes.constData()),
                       static_cast<unsigned long long>(bytes.size()));
    return QByteArray(reinterpret_cast<const char *>(digest), sizeof digest).toHex();
}

QList<EventRow> rowsOf(const Rows &rows)
{
    QList<EventRow> out;
    for (int i = 0; i < rows.count(); ++i)
        out.append({ rows.text(i, 0).toLongLong(), rows.text(i, 1), rows.text(i, 2), rows.text(i, 3), rows.text(i, 4),
                     rows.text(i, 5), rows.bytes(i, 6), rows.bytes(i, 7) });
    return out;
}

} // namespace

QByteArray eventMessage(const QString &practiceId, const EventRow &e)
{
    QByteArray out;
    for (const QByteArray &part : { QByteArray("event"), practiceId.toUtf8(), e.itemId.toUtf8(), e.author.toUtf8(),
                                    e.kind.toUtf8(), e.contentHash.toUtf8(), e.at.toUtf8(), sha256Hex(e.body) })
        out += part + '\n';
    return out;
}

QByteArray eventBodyAssociatedData(const QString &practiceId, const EventRow &e)
{
    QByteArray out;
    for (const QByteArray &part : { QByteArray("event-body"), practiceId.toUtf8(), e.itemId.toUtf8(), e.author.toUtf8(),
                                    e.kind.toUtf8(), e.contentHash.toUtf8(), e.at.toUtf8() })
        out += part + '\n';
    return out;
}

qint64 addEvent(Connection &c, const EventRow &e)
{
    return c
        .exec("INSERT INTO uc.events (item_id, author, kind, content_hash, at, body, signature) "
              "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING seq",
              { Param::text(e.itemId), Param::text(e.author), Param::text(e.kind), Param::text(e.contentHash),
                Param::text(e.at), e.body.isEmpty() ? Param::null() : Param::bytes(e.body), Param::bytes(e.signature) },
              u"storing the event"_s)
        .text(0, 0)
        .toLongLong();
}

QList<EventRow> eventsOnNotesOf(Connection &c, const QString &memberId)
{
    return rowsOf(c.exec("SELECT e.seq, e.item_id, e.author, e.kind, e.content_hash, e.at, e.body, e.signature "
                         "FROM uc.events e JOIN uc.items i USING (item_id) WHERE i.author = $1 ORDER BY e.seq",
                         { Param::text(memberId) }, u"reading the co-signatures"_s));
}

QList<EventRow> eventsBy(Connection &c, const QString &memberId)
{
    return rowsOf(c.exec("SELECT e.seq, e.item_id, e.author, e.kind, e.content_hash, e.at, e.body, e.signature "
                         "FROM uc.events e WHERE e.author = $1 ORDER BY e.seq",
                         { Param::text(memberId) }, u"reading the co-signatures"_s));
}

QList<EventRow> addendaOnNotesNotBy(Connection &c, const QString &memberId)
{
    return rowsOf(c.exec("SELECT e.seq, e.item_id, e.author, e.kind, e.content_hash, e.at, e.body, e.signature "
                         "FROM uc.events e JOIN uc.items i USING (item_id) "
                         "WHERE e.kind = 'addendum' AND i.author <> $1 ORDER BY e.seq",
                         { Param::text(memberId) }, u"reading the addenda"_s));
}

QList<EventRow> eventsOnNote(Connection &c, const QString &itemId)
{
    return rowsOf(c.exec("SELECT e.seq, e.item_id, e.author, e.kind, e.content_hash, e.at, e.body, e.signature "
                         "FROM uc.events e WHERE e.item_id = $1 ORDER BY e.seq",
                         { Param::text(itemId) }, u"reading the co-signatures"_s));
}

} // namespace uc::practice
