// SPDX-License-Identifier: GPL-3.0-or-later
// The fictional demo practice: demo.
#pragma once

#include "options.h"

namespace uc::cli {

int createDemo(const Invocation &line);

inline constexpr Option demoOptions[] = {
    {.name = "vault", .value = "DIR", .required = true, .scope = Option::Scope::Global, .help = "where to create it (a new folder)"},
    {.name = "passphrase-file",
     .value = "F",
     .scope = Option::Scope::Global,
     .help = "its passphrase, the first line of F (else a fixed demo passphrase, printed)"},
    {.name = "seed", .value = "N", .help = "another practice for another number (1)"},
    {.name = "today",
     .value = "YYYY-MM-DD",
     .help = "the day its calendar is dated up to: it moves by whole weeks so its last session falls in the "
             "week before (today when not given; a date gives the same practice on every run)"},
};
inline constexpr Command demoCommand{
    .words = "demo",
    .options = demoOptions,
    .run = createDemo,
    .help = "Create a fictional practice to try things on; prints its user and, unless one is given, its "
            "passphrase.",
    .brief = "a fictional practice to try things on",
    .needs = Command::Needs::Nothing,
};

} // namespace uc::cli
