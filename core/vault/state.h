// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "common/secret.h"
#include "model/permissions.h"
#include "model/types.h"
#include "themes/codebook.h"
#include "themes/tagger.h"
#include "vault/audit.h"
#include "vault/keyslots.h"
#include "vault/sqlite.h"
#include "vault/userkeys.h"

#include <QString>

#include <memory>
#include <optional>
#include <utility>

// What an open vault holds, shared by Vault and its services: the connection, the keys, the user
// and the codebook in force. Private to core/vault: no header outside this folder includes it.
namespace uc::vault {

struct VaultState
{
    VaultState(QString dir, int lockFd, sql::Database db, SecretBuffer dataKey, KeySlots slots)
        : dir(std::move(dir))
        , lockFd(lockFd)
        , db(std::move(db))
        , dataKey(std::move(dataKey))
        , slots(std::move(slots))
    {
    }

    QString dir;
    int lockFd = -1;
    sql::Database db;
    SecretBuffer dataKey;
    KeySlots slots;
    model::User user;
    // The user's signing keys, opened from their slot at unlock.
    std::optional<UserKeys> keys;
    // The first comment id that must be signed, as the audit trail states it (commentsig.h); read on
    // first use.
    std::optional<qint64> commentsSignedFrom;
    // The key this user's process notes are sealed with (processtext.h); empty when it cannot seal.
    SecretBuffer processKey;
    // Built on first use from the built-in codebook and the vault's edits (Tagging).
    std::unique_ptr<themes::Codebook> codebook;
    std::unique_ptr<themes::Tagger> tagger;

    // Error(NotAllowed) with a plain sentence when the user's role may not do this.
    void require(model::Action action) const;
    [[nodiscard]] bool isSupervisor() const { return user.role == model::Role::Supervisor; }
    // Whether this user is a supervisor assigned to the therapist.
    [[nodiscard]] bool supervises(model::Id therapistId);
    // The current user as the signer of the entries appended in their session.
    [[nodiscard]] AuditSigner auditSigner() const;
    // Appends to the audit trail inside the caller's transaction, signed by the current user.
    void audit(const QString &action, const QString &object, const QString &detail = {});
    // The certificates in keyslots.json and the root pinned in this user's slot.
    [[nodiscard]] QJsonObject certificates() const;
    [[nodiscard]] QByteArray trustRoot() const;
    // Signs hash (signedMessage(kind, hash)) as the current user and stores it for object, inside the
    // caller's transaction.
    void storeSignature(const QString &object, const QString &kind, const QString &hash);
    // Appends to the audit trail in a transaction of its own.
    void recordEvent(const QString &action, const QString &object, const QString &detail = {});
};

// The time now, UTC, ISO 8601 with milliseconds: every stamp the vault writes.
[[nodiscard]] QString now();

// Error(Io) for input the vault refuses (what: the action, why: the reason, never a value).
[[noreturn]] void badInput(const QString &what, const QString &why);

// The user's id and role by name; Error(Usage) naming which user is missing ("no therapist with
// that name").
[[nodiscard]] std::pair<model::Id, model::Role> userByName(sql::Database &db, const QString &name, const QString &what,
                                                           const QString &which);

// SHA-256 of bytes as lowercase hex.
[[nodiscard]] QString sha256Hex(const QByteArray &bytes);

} // namespace uc::vault
