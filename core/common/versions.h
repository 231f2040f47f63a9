// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace uc {

// "undercurrent 0.1.0" followed by the linked libraries' versions, read at run time where the
// library can tell (SQLCipher, SQLite, Qt, libsodium) and at build time for header-only Boost.
[[nodiscard]] QString versionReport(const QString &program);

} // namespace uc
