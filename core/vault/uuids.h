// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace uc::sql {
class Database;
}

// Practice-wide ids (schema v23): notes, sessions and comments carry a random version-4 UUID from
// their insert on, so that notes written offline on two machines never share an id and the practice
// server can carry them without renumbering (docs/practice.md). Private to core/vault.
namespace uc::vault {

// A random version-4 UUID, lowercase, with hyphens (RFC 9562): 122 bits from libsodium's
// randombytes_buf, the generator the vault's keys come from.
[[nodiscard]] QString newUuid();
// Whether text is a UUID as newUuid() writes it (any version, lowercase, with hyphens).
[[nodiscard]] bool isUuid(const QString &text);
// Gives every row of table (notes, sessions, note_comments) whose uuid is NULL a new one: the v23
// migration's step, inside its transaction.
void fillUuids(sql::Database &db, const char *table);

} // namespace uc::vault
