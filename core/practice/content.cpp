// SPDX-License-Identifier: GPL-3.0-or-later
#include "practice/content.h"

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

QByteArray lines(std::initializer_list<QByteArray> parts)
{
    QByteArray out;
    for (const QByteArray &part : parts)
        out += part + '\n';
    return out;
}

} // namespace

QByteArray assignmentMessage(const QString &practiceId, const QString &supervisor, const QString &therapist)
{
    return lines({ "assignment", practiceId.toUtf8(), supervisor.toUtf8(), therapist.toUtf8() });
}

QByteArray wrapMessage(const QString &practiceId, const WrapRow &w)
{
    return lines({ "wrap", practiceId.toUtf8(), w.member.toUtf8(), w.client.toUtf8(), QByteArray::number(w.version),
                   w.madeBy.toUtf8(), sha256Hex(w.sealed) });
}

QByteArray itemAssociatedData(const QString &practiceId, const ItemRow &i)
{
    return lines({ "item", practiceId.toUtf8(), i.itemId.toUtf8(), i.author.toUtf8(), i.client.toUtf8(),
                   QByteArray::number(i.version) });
}

QByteArray itemMessage(const QString &practiceId, const ItemRow &i)
{
    return itemAssociatedData(practiceId, i) + sha256Hex(i.body);
}

void addAssignment(Connection &c, const AssignmentRow &a)
{
    c.exec("INSERT INTO uc.assignments (supervisor, therapist, signature) VALUES ($1, $2, $3)",
           { Param::text(a.supervisor), Param::text(a.therapist), Param::bytes(a.signature) },
           u"recording the assignment"_s);
}

QList<AssignmentRow> assignments(Connection &c)
{
    const Rows rows = c.exec("SELECT supervisor, therapist, signature FROM uc.assignments ORDER BY made, supervisor",
                             {}, u"reading the assignments"_s);
    QList<AssignmentRow> out;
    for (int i = 0; i < rows.count(); ++i)
        out.append({ rows.text(i, 0), rows.text(i, 1), rows.bytes(i, 2) });
    return out;
}

void addWrap(Connection &c, const WrapRow &w)
{
    c.exec("INSERT INTO uc.content_keys (member_id, client, key_version, sealed, made_by, signature) "
           "VALUES ($1, $2, $3::int, $4, $5, $6)",
           { Param::text(w.member), Param::text(w.client), Param::text(QString::number(w.version)),
             Param::bytes(w.sealed), Param::text(w.madeBy), Param::bytes(w.signature) },
           u"storing a content key's wrap"_s);
}

QList<WrapRow> wraps(Connection &c)
{
    const Rows rows = c.exec("SELECT member_id, client, key_version, sealed, made_by, signature FROM uc.content_keys "
                             "ORDER BY client, key_version, member_id",
                             {}, u"reading the content keys' wraps"_s);
    QList<WrapRow> out;
    for (int i = 0; i < rows.count(); ++i)
        out.append({ rows.text(i, 0), rows.text(i, 1), rows.text(i, 2).toInt(), rows.bytes(i, 3), rows.text(i, 4),
                     rows.bytes(i, 5) });
    return out;
}

void addItem(Connection &c, const ItemRow &i)
{
    c.exec("INSERT INTO uc.items (item_id, author, client, key_version, body, signature) "
           "VALUES ($1, $2, $3, $4::int, $5, $6)",
           { Param::text(i.itemId), Param::text(i.author), Param::text(i.client),
             Param::text(QString::number(i.version)), Param::bytes(i.body), Param::bytes(i.signature) },
           u"pushing a note"_s);
}

QSet<QString> ownItemIds(Connection &c, const QString &memberId)
{
    const Rows rows = c.exec("SELECT item_id FROM uc.items WHERE author = $1", { Param::text(memberId) },
                             u"reading the notes pushed"_s);
    QSet<QString> out;
    for (int i = 0; i < rows.count(); ++i)
        out.insert(rows.text(i, 0));
    return out;
}

QList<ItemRow> itemsAfter(Connection &c, qint64 seq, const QString &memberId)
{
    const Rows rows = c.exec("SELECT seq, item_id, author, client, key_version, body, signature FROM uc.items "
                             "WHERE seq > $1::bigint AND author <> $2 ORDER BY seq",
                             { Param::text(QString::number(seq)), Param::text(memberId) }, u"pulling notes"_s);
    QList<ItemRow> out;
    for (int i = 0; i < rows.count(); ++i)
        out.append({ rows.text(i, 0).toLongLong(), rows.text(i, 1), rows.text(i, 2), rows.text(i, 3),
                     rows.text(i, 4).toInt(), rows.bytes(i, 5), rows.bytes(i, 6) });
    return out;
}

std::optional<ItemRow> itemById(Connection &c, const QString &itemId)
{
    const Rows rows = c.exec("SELECT seq, item_id, author, client, key_version, body, signature FROM uc.items "
                             "WHERE item_id = $1",
                             { Param::text(itemId) }, u"reading a note"_s);
    if (rows.count() != 1)
        return std::nullopt;
    return ItemRow { rows.text(0, 0).toLongLong(), rows.text(0, 1),  rows.text(0, 2), rows.text(0, 3),
                     rows.text(0, 4).toInt(),      rows.bytes(0, 5), rows.bytes(0, 6) };
}

qint64 headSeq(Connection &c)
{
    return c.exec("SELECT coalesce(max(seq), 0) FROM uc.items", {}, u"reading the head"_s).text(0, 0).toLongLong();
}

} // namespace uc::practice
