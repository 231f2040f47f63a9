// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/secret.h"
#include "vault/sqlite.h"
#include "vault/userkeys.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

// The tamper-evident audit trail: who did what and when, never note text. Each entry carries
// hash = SHA-256(previous hash ‖ canonical entry); the table refuses UPDATE and DELETE by trigger;
// the chain's head (count and hash) is also kept in keyslots.json, authenticated with a key derived
// from the data key, so truncating the trail or rolling the file back to an older copy shows too.
// From schema v19 on, every entry also carries the Ed25519 signature of the user who appended it
// over its chained hash, so whoever holds only the shared data key cannot rewrite the trail
// (docs/audit.md, "Signed entries").
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
    QString signer = {}; // whose key signed it: the acting user, or the unlocking one for reports ("" before v19)
    QByteArray signature = {}; // Ed25519 over auditSignedMessage(hash), 64 bytes (empty before v19)
};

// {"action":…,"at":…,"detail":…,"object":…,"seq":…,"user":…}: keys sorted, no spaces.
[[nodiscard]] QByteArray canonicalAuditEntry(const AuditEntry &entry);
// SHA-256(previous hash as 32 bytes ‖ canonical entry), lowercase hex.
[[nodiscard]] QString auditHash(const QString &prevHex, const AuditEntry &entry);
[[nodiscard]] QString auditGenesis(); // 64 zeros
// What an entry's signature covers: "undercurrent-audit-v1\n" followed by its hash as 32 bytes. The
// hash chains every entry before it, so one signature vouches for the whole trail up to it.
[[nodiscard]] QByteArray auditSignedMessage(const QString &hashHex);
// The first seq that must be signed (vault_info "audit_signed_from", set by migration v19);
// nothing in a vault older than v19.
[[nodiscard]] std::optional<qint64> auditSignedFrom(sql::Database &db);

struct AuditHead
{
    qint64 count = 0;
    QString hash;
};
// The head as stored in keyslots.json: {"count","hash","mac"} with an HMAC keyed from the data key.
[[nodiscard]] QJsonObject sealAuditHead(const AuditHead &head, const SecretBuffer &dataKey);
// The head if its MAC is right; nullopt when it was altered.
[[nodiscard]] std::optional<AuditHead> openAuditHead(const QJsonObject &sealed, const SecretBuffer &dataKey);

// Who signs an appended entry: the acting user, or the unlocking one for what has no acting user
// with a key (failed-unlock reports). keys null: unsigned, which only entries before
// auditSignedFrom may be.
struct AuditSigner
{
    QString name;
    const UserKeys *keys = nullptr;
};

// Appends one entry inside the caller's transaction and returns the new head. Error(Damaged) when
// the entry must be signed and signer has no key: never an unsigned entry after audit_signed_from.
AuditHead appendAudit(sql::Database &db, const QString &user, const QString &action, const QString &object,
                      const QString &detail, const QString &at, const AuditSigner &signer);
// The chain's last entry as a head (count 0 and the genesis hash when empty).
[[nodiscard]] AuditHead currentAuditHead(sql::Database &db);

struct AuditCheck
{
    bool whole = true;
    qint64 count = 0; // entries in the trail
    qint64 broken = 0; // the first entry that does not hold (or the first missing one)
    QString reason; // "its content was changed", "entries 98 to 100 are missing" …
    QString signer = {}; // whose signature fails, when that is what broke
    qint64 signedFrom = 0; // the first entry that must be signed (0: none must)
    qint64 signaturesChecked = 0; // Ed25519 verifications done
    QStringList uncertified = {}; // signers checked against a key no administrator has certified yet
};

// The keys signatures are checked against: the certificates in keyslots.json and the root pinned in
// the verifying user's slot (userkeys.h).
struct AuditKeys
{
    QJsonObject certs;
    QByteArray root;
    QJsonObject pins = {}; // each user's pin (auditpin.h): how far they signed, by case-folded name
};

// Walks the whole chain, then compares it with the head (when there is one). sealedHead is the
// keyslots.json object; an empty one means no head was ever written. Signatures: every entry from
// audit_signed_from must carry one of the right size by a user with a key, and none before; then
// each signer's latest signed entry is verified (enough, docs/audit.md), or every one when full.
// Last, every user's pin must be signed by them and name an entry still in the trail with its hash.
[[nodiscard]] AuditCheck verifyAuditTrail(sql::Database &db, const QJsonObject &sealedHead, const SecretBuffer &dataKey,
                                          const AuditKeys &keys, bool full = false);

// The first entry (lowest seq) that states (a predicate on its action and detail), and whether it holds on its own: its hash
// is its content chained on its prev, the next entry (if any) chains on it, and it is signed by its
// own user with their key (certified, or their request's). nullopt when there is none; the entry
// with holds false when it does not (audit verify then names it). For records the trail itself
// must state once, such as where comment signing began (commentsig.h).
struct StatedEntry
{
    AuditEntry entry;
    bool holds = false;
};
[[nodiscard]] std::optional<StatedEntry> firstStatedEntry(
    sql::Database &db, const std::function<bool(const QString &action, const QString &detail)> &states,
    const AuditKeys &keys);

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
