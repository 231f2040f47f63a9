// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// The practice server's events table (schema v5; docs/practice.md, "Co-signing, comments and
// returns through the server"): co-signatures, returns and comments on pushed notes, append-only,
// each signed by its author. Every statement binds its values; what a member sees is what row
// security leaves them.
namespace uc::practice {

class Connection;

struct EventRow
{
    qint64 seq = 0; // from the notes' sequence (so a revocation's items_before bounds it too)
    QString itemId; // the note's practice-wide id
    QString author; // member id
    QString kind; // "cosign", "return" or "comment" (a supervisor's); "addendum" (the note's author's, schema v7)
    QString contentHash; // SHA-256 (hex) of the note's canonical signed form, as its author signed it
    QString at; // the author's time, UTC, yyyy-MM-ddTHH:mm:ssZ
    // A comment's, return's or addendum's words: nonce (24 bytes) and XChaCha20-Poly1305 ciphertext
    // under the client's content key; empty for a co-signature.
    QByteArray body;
    QByteArray signature; // the author's, over eventMessage()
};

// What an event's author signs (under the practice domain).
[[nodiscard]] QByteArray eventMessage(const QString &practiceId, const EventRow &event);

// What an event's words are bound to (the associated data of their ciphertext): they cannot be moved
// to another event.
[[nodiscard]] QByteArray eventBodyAssociatedData(const QString &practiceId, const EventRow &event);

// Stores an event; returns the sequence number the server gave it.
qint64 addEvent(Connection &connection, const EventRow &event);
// The events on notes written by memberId, in the server's order.
[[nodiscard]] QList<EventRow> eventsOnNotesOf(Connection &connection, const QString &memberId);
// The events written by memberId, in the server's order.
[[nodiscard]] QList<EventRow> eventsBy(Connection &connection, const QString &memberId);
// The addenda (schema v7) on notes by others than memberId that row security shows, in the server's order.
[[nodiscard]] QList<EventRow> addendaOnNotesNotBy(Connection &connection, const QString &memberId);
// The events on one note, in the server's order.
[[nodiscard]] QList<EventRow> eventsOnNote(Connection &connection, const QString &itemId);

} // namespace uc::practice
