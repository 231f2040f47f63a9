// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "vault/sqlite.h"

namespace uc::vault {

// The schema version this build writes. A vault at a higher version is refused.
constexpr int schemaVersion = 27;

// Brings db up to schemaVersion, one transaction per step (PRAGMA user_version records the step).
// userName is the unlocking user, who owns anything a migration has to attribute.
// Throws Error(Damaged) for a schema newer than the app.
void migrate(sql::Database &db, const QString &userName);

[[nodiscard]] int userVersion(sql::Database &db);

} // namespace uc::vault
