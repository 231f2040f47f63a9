// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

// The practice server's content tables (docs/practice.md, "Content and sync"): the administrator's
// signed assignments, the wraps of clients' content keys, and the signed notes' ciphertexts. Every
// statement binds its values; what a member sees of each table is what row security leaves them.
namespace uc::practice {

class Connection;

struct AssignmentRow
{
    QString supervisor; // member ids
    QString therapist;
    QByteArray signature; // the administrator's, over assignmentMessage()
};

struct WrapRow
{
    QString member; // the reader
    QString client; // the client's pseudonym
    int version = 1;
    QByteArray sealed; // crypto_box_seal of the 32-byte key to the reader's X25519 key
    QString madeBy;
    QByteArray signature; // madeBy's, over wrapMessage()
};

struct ItemRow
{
    qint64 seq = 0;
    QString itemId;
    QString author;
    QString client;
    int version = 1;
    QByteArray body; // nonce (24 bytes) and XChaCha20-Poly1305 ciphertext
    QByteArray signature; // the author's, over itemMessage()
};

// What each signature covers (signed under the practice domain).
[[nodiscard]] QByteArray assignmentMessage(const QString &practiceId, const QString &supervisor,
                                           const QString &therapist);
[[nodiscard]] QByteArray wrapMessage(const QString &practiceId, const WrapRow &wrap);
[[nodiscard]] QByteArray itemMessage(const QString &practiceId, const ItemRow &item);
// The associated data of an item's ciphertext: it cannot be moved to another id, author or client.
[[nodiscard]] QByteArray itemAssociatedData(const QString &practiceId, const ItemRow &item);

void addAssignment(Connection &connection, const AssignmentRow &row);
[[nodiscard]] QList<AssignmentRow> assignments(Connection &connection);
void addWrap(Connection &connection, const WrapRow &row);
// The wraps this member may read: their own and those they made.
[[nodiscard]] QList<WrapRow> wraps(Connection &connection);
void addItem(Connection &connection, const ItemRow &row);
// The ids of the items this member wrote.
[[nodiscard]] QSet<QString> ownItemIds(Connection &connection, const QString &memberId);
// Items after seq by others, in the server's order.
[[nodiscard]] QList<ItemRow> itemsAfter(Connection &connection, qint64 seq, const QString &memberId);
// One item by its practice-wide id, as row security shows it; nothing when it does not.
[[nodiscard]] std::optional<ItemRow> itemById(Connection &connection, const QString &itemId);
// The highest sequence number this member can see (0 for none).
[[nodiscard]] qint64 headSeq(Connection &connection);

} // namespace uc::practice
