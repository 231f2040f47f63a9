// SPDX-License-Identifier: GPL-3.0-or-later
// Patterns over time: patterns --client C | --caseload.
#pragma once

#include "options.h"

namespace uc::cli {

int showPatterns(const Invocation &line);

inline constexpr Option patternsOptions[] = {
    {.name = "client", .value = "C", .help = "one client's patterns"},
    {.name = "caseload", .help = "the whole caseload's"},
    {.name = "therapist", .value = "NAME", .help = "with --caseload: one therapist's caseload"},
    {.name = "by", .value = "session|week|month|quarter", .required = true, .help = "the buckets (a caseload: not session)"},
    {.name = "from", .value = "YYYY-MM-DD", .help = "the first day (else the first session's bucket)"},
    {.name = "to", .value = "YYYY-MM-DD", .help = "the last day (else the last session's bucket)"},
    {.name = "include-process-notes", .help = "with --client: count the private process notes too"},
    {.name = "episode", .value = "ID", .help = "with --client: only that episode of care's dates (episode list)"},
};
inline constexpr Form patternsForms[] = {
    {.synopsis = "--client C --by session|week|month|quarter [--from YYYY-MM-DD] [--to YYYY-MM-DD] "
                 "[--include-process-notes]"},
    {.synopsis = "--client C --by session|week|month|quarter --episode ID [--include-process-notes]"},
    {.synopsis = "--caseload [--therapist NAME] --by week|month|quarter [--from D] [--to D]"},
};
inline constexpr Command patternsCommand{
    .words = "patterns",
    .options = patternsOptions,
    .run = showPatterns,
    .help = "Themes over time: counts per bucket, recurrence and trend, co-occurrence, what comes before "
            "use, and measures; in plain words, or all of it with --json (with the client's episodes of care under "
            "\"episodes\"). --episode ID limits the range to that episode's dates. Rules: docs/patterns.md.",
    .forms = patternsForms,
};

} // namespace uc::cli
