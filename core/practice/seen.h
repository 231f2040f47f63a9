// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

namespace uc::vault {
class Vault;
}

// What this member received from the practice server and verified, below the heads too (docs/
// practice.md, "Below the head"): each colleague's note (item), each key wrap made for them and each
// event on their notes, by a fingerprint of its row (SHA-256 of every column), kept sealed in the
// member folder (seen.sealed). Rows on the server are never removed or changed by any member, so one
// seen here and gone or different there was deleted or rewritten by someone who is not a member.
// What the member wrote (their notes, their co-signatures and comments) is checked against their own
// audit entries.
namespace uc::practice {

class Connection;
struct ItemRow;
struct WrapRow;
struct EventRow;

// Fingerprints by name: "item:ID", "wrap:MAKER/CLIENT/VERSION", "event:SEQ".
struct Seen
{
    QHash<QString, QByteArray> rows;

    void add(const ItemRow &item);
    void add(const WrapRow &wrap);
    void add(const EventRow &event);
    [[nodiscard]] static QString itemName(const QString &itemId);
    [[nodiscard]] static QString eventName(qint64 seq);
};

// What this member saw before (empty when nothing was kept yet).
[[nodiscard]] Seen readSeen(const vault::Vault &vault);
void writeSeen(const vault::Vault &vault, const Seen &seen);
// Error(Damaged) when a row seen before is missing from what the server shows now, or differs.
void checkStillThere(const Seen &before, const Seen &now);

// What this member wrote, as their own audit entries record it (schema 6: entries they verified
// against the chain): each note they pushed and each co-signature, comment or return they made must
// still be on the server. Error(Damaged) for one that is gone.
void checkOwnWritesStillThere(Connection &connection, const QString &memberId);

inline constexpr auto seenFileName = "seen.sealed";

} // namespace uc::practice
