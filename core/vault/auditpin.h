// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "vault/sqlite.h"
#include "vault/userkeys.h"

#include <QJsonObject>
#include <QString>

#include <optional>

// How far each user has signed the audit trail (docs/audit.md, "How far each user signed"): the
// seq and chained hash of their latest signed entry, signed with their own Ed25519 key and kept in
// keyslots.json (extra.audit_pins, by case-folded name). The slot's sealed payload remembers that a
// pin exists (UserKeys::auditPinned), so deleting one is seen; the signature means only the user
// can move it. At their unlock the entry it names must still be in the trail with that hash, so
// nobody can cut the trail back behind it or rewrite it under it. Private to core/vault.
namespace uc::vault {

struct AuditPin
{
    qint64 seq = 0;
    QString hash;
};

// "undercurrent-audit-pin-v1\n" + the case-folded name + "\n" + seq + "\n" + hash.
[[nodiscard]] QByteArray auditPinMessage(const QString &user, const AuditPin &pin);
// {"user","seq","hash","signature"}, signed by keys.
[[nodiscard]] QJsonObject signAuditPin(const UserKeys &keys, const QString &user, const AuditPin &pin);
// The pin if it names user and its signature holds under publicKey; nothing otherwise.
[[nodiscard]] std::optional<AuditPin> openAuditPin(const QJsonObject &sealed, const QByteArray &publicKey,
                                                   const QString &user);
// The user's latest signed entry in the trail, if any.
[[nodiscard]] std::optional<AuditPin> latestSignedEntry(sql::Database &db, const QString &user);
// Whether the trail holds an entry at pin.seq with pin.hash.
[[nodiscard]] bool trailHolds(sql::Database &db, const AuditPin &pin);

// The pins in keyslots.json's extra, and writing one into it.
[[nodiscard]] QJsonObject auditPins(const QJsonObject &extra);
void setAuditPin(QJsonObject &extra, const QString &user, const QJsonObject &sealed);

} // namespace uc::vault
