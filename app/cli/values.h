// SPDX-License-Identifier: GPL-3.0-or-later
// Option values with a type. A value that is given but invalid (an impossible date, "--minutes x")
// is Error(Io), exit 2, naming the option; the line's shape was checked before (exit 1).
#pragma once

#include "common/error.h"
#include "model/types.h"
#include "options.h"

#include <optional>

namespace uc::cli {

// The value, or Error(Io) "--option: must be <expected>".
template<typename T>
T valid(std::optional<T> value, std::string_view option, const QString &expected)
{
    if (!value)
        throw Error(ErrorKind::Io, QStringLiteral("--") + toQString(option), QStringLiteral("must be ") + expected);
    return *value;
}

// Each: nothing when the option is absent.
[[nodiscard]] std::optional<model::Date> dateOption(const Invocation &line, std::string_view name);
[[nodiscard]] std::optional<model::TimeOfDay> timeOption(const Invocation &line, std::string_view name);
// 0, 1, 2 … (a negative number is refused).
[[nodiscard]] std::optional<int> countOption(const Invocation &line, std::string_view name);
[[nodiscard]] std::optional<model::Id> idOption(const Invocation &line, std::string_view name);

// The id standing as the command's argument number index. A word there that is no id is an
// invalid value (Error(Io), exit 2), as for an option; a missing one was refused by parse (exit 1).
[[nodiscard]] model::Id idArgument(const Invocation &line, qsizetype index);

} // namespace uc::cli
