// SPDX-License-Identifier: GPL-3.0-or-later
// Every command, grouped and ordered as the global --help lists them.
#pragma once

#include "options.h"

namespace uc::cli {

struct Section
{
    std::string_view title;
    std::span<const Command *const> commands;
};

[[nodiscard]] std::span<const Section> sections();
[[nodiscard]] std::span<const Command *const> commands();

} // namespace uc::cli
