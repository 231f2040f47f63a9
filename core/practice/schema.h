// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace uc::practice {

class Connection;

// The practice server's schema (docs/practice.md, "What the server stores"), installed by
// `practice init` as the administrator's role, which owns the database: the practice, its members,
// the invitations, and the insert-only audit table; the group role uc_member every member's role
// belongs to; row-level security on all of it (version 3: only certified members write content;
// version 4: the administrator's signed revocations of assignments and members; version 5: signed
// co-signatures, returns and comments on pushed notes; version 6: the audit hash-chained and signed
// per entry, its chain readable by every member; version 7: the note's author's addenda as events).
// One transaction: all of it or none.
inline constexpr int serverSchemaVersion = 7;
void installSchema(Connection &connection);
// Whether the schema is there (the practice table exists).
[[nodiscard]] bool schemaInstalled(Connection &connection);

} // namespace uc::practice
