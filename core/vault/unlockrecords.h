// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QString>

#include <cstdint>
#include <optional>

// What an unlock reads besides the key slots: the failed-unlock hints left in keyslots.json without
// a key (unauthenticated, so validated and capped before they join the audit trail), and this
// machine's record of the newest state of each vault it has opened (the rollback check).
namespace uc::vault {

// A user name the vault accepts: 1 to 64 characters, no surrounding spaces, no control characters.
[[nodiscard]] bool validUserName(const QString &name);

struct FailedUnlockHint
{
    QString user;
    QString at; // ISO 8601 UTC
};

struct FailedUnlockHints
{
    QList<FailedUnlockHint> valid; // at most maxFailedUnlockHints, oldest first
    int dropped = 0; // malformed, in the future, or over the cap
};

inline constexpr int maxFailedUnlockHints = 100;

// The hints worth reporting: a valid user name and a time that parses and is not after now.
[[nodiscard]] FailedUnlockHints readFailedUnlockHints(const QJsonArray &hints, const QDateTime &now);

// The newest generation of keyslots.json and the longest audit trail seen for a vault on this
// machine, with the hash of that trail's last entry (so a trail cut back and padded to its old length
// shows), kept in the OS user's config folder ($XDG_CONFIG_HOME/undercurrent/vaults/ID-PATH.json,
// PATH a hash of the vault folder's canonical path: a copy opened from another folder is a fork with
// its own record, while old files put back into the same folder are caught).
struct SeenState
{
    std::uint64_t generation = 0;
    std::int64_t auditCount = 0;
    QString auditHash = {}; // the hash of entry auditCount ("" in records written before it was kept)
};

[[nodiscard]] std::optional<SeenState> readSeenState(const QString &vaultId, const QString &dir);
// Keeps the larger of each figure already recorded and seen, or exactly seen when reset (a restore).
// A record that cannot be written is logged, never an error: the vault itself is fine.
void rememberSeenState(const QString &vaultId, const QString &dir, SeenState seen, bool reset = false) noexcept;

} // namespace uc::vault
