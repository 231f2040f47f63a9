// SPDX-License-Identifier: GPL-3.0-or-later
// --help, made from the option tables: the whole program's, one command's, or a group's
// (`note --help`).
#pragma once

#include <QString>
#include <QStringList>

namespace uc::cli {

[[nodiscard]] QString globalHelp();
// The help the words before --help ask for: a command's, a group's, else the global one.
[[nodiscard]] QString helpFor(const QStringList &words);

} // namespace uc::cli
