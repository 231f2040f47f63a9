// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "vault/keyslots.h"
#include "vault/sqlite.h"
#include "vault/unlockrecords.h"
#include "vault/userkeys.h"

#include <QJsonObject>
#include <QString>

// What creating and unlocking a vault (unlock.cpp, unlockkeys.cpp) share with the session's other
// files (vault.cpp, users.cpp). Private to core/vault.
namespace uc::vault {

// An exclusive advisory lock on dir/.lock, held while the vault is open in this process: the file
// descriptor, released by unlockFolder. Error(Conflict) when another process holds it.
[[nodiscard]] int lockFolder(const QString &dir);
void unlockFolder(int fd);

// Error(Damaged) for the unlock: the folder is not the vault it was, for the reason given.
[[noreturn]] void damagedAtUnlock(const QString &why);

// The state this machine remembers of the vault (unlockrecords.h): the slots' generation and the
// trail's head.
[[nodiscard]] SeenState seenStateOf(const KeySlots &slots, sql::Database &db);

// A copy of the user's keys sealed to the recovery key (extra.recovery_keys), so a recovery gives the
// user back the same keys, and with them their process notes.
void keepUnderRecoveryKey(QJsonObject &extra, const QString &name, const UserKeys &keys);

} // namespace uc::vault
