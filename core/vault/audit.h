// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/secret.h"
#include "vault/sqlite.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// The tamper-evident audit trail: who did what and when, never note text. Each entry carries
// hash = SHA-256(previous hash ‖ canonical entry); the table refuses UPDATE and DELETE by trigger;
// the chain's head (count and hash) is also kept in keyslots.json, authenticated with a key derived
// from the data key, so truncating the trail or rolling the file back to an older copy shows too.
namespace uc::vault {

struct AuditEntry
{
    qint64 seq = 0; // 1, 2, 3 … without gaps
    QString at; // UTC, ISO 8601 with milliseconds
    QString user; // who acted ("" when the user is not known, e.g. an unknown name at unlock)
    QString action; // "unlock", "unlock-failed-reported", "lock", "view-note", "sign", "export" …
    QString object; // "note:12", "client:3", "vault" — ids, never names or text
    QString detail; // a count or a setting ("3 results"), never what was searched for
    QString prev; // the previous entry's hash (64 zeros for the first)
    QString hash;
};

// {"action":…,"at":…,"detail":…,"object":…,"seq":…,"user":…}: keys sorted, no spaces.
[[nodiscard]] QByteArray canonicalAuditEntry(const AuditEntry &entry);
// SHA-256(previous hash as 32 bytes ‖ canonical entry), lowercase hex.
[[nodiscard]] QString auditHash(const QString &prevHex, const AuditEntry &entry);
[[nodiscard]] QString auditGenesis(); // 64 zeros

struct AuditHead
{
    qint64 count = 0;
    QString hash;
};
// The head as stored in keyslots.json: {"count","hash","mac"} with an HMAC keyed from the data key.
[[nodiscard]] QJsonObject sealAuditHead(const AuditHead &head, const SecretBuffer &dataKey);
// The head if its MAC is right; nullopt when it was altered.
[[nodiscard]] std::optional<AuditHead> openAuditHead(const QJsonObject &sealed, const SecretBuffer &dataKey);

// Appends one entry inside the caller's transaction and returns the new head.
AuditHead appendAudit(sql::Database &db, const QString &user, const QString &action, const QString &object,
                      const QString &detail, const QString &at);
// The chain's last entry as a head (count 0 and the genesis hash when empty).
[[nodiscard]] AuditHead currentAuditHead(sql::Database &db);

struct AuditCheck
{
    bool whole = true;
    qint64 count = 0; // entries in the trail
    qint64 broken = 0; // the first entry that does not hold (or the first missing one)
    QString reason; // "its content was changed", "entries 98 to 100 are missing" …
};
// Walks the whole chain, then compares it with the head (when there is one). sealedHead is the
// keyslots.json object; an empty one means no head was ever written.
[[nodiscard]] AuditCheck verifyAuditTrail(sql::Database &db, const QJsonObject &sealedHead, const SecretBuffer &dataKey);

struct AuditFilter
{
    QString since; // ISO date or date-time, inclusive; empty for all
    QString user; // empty for everyone
    QString until = {}; // ISO date, inclusive (the whole day); empty for no end (initialised: older {since, user} aggregates stay warning-free)
};
[[nodiscard]] QList<AuditEntry> auditEntries(sql::Database &db, const AuditFilter &filter = {});

// The entries as CSV (RFC 4180, UTF-8, CRLF): a header "seq,at,user,action,object,detail,hash",
// then one row per entry. A cell that a spreadsheet would read as a formula (=, +, -, @, tab, CR
// at its start) is prefixed with an apostrophe.
[[nodiscard]] QByteArray auditCsv(const QList<AuditEntry> &entries);

} // namespace uc::vault
