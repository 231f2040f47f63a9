// SPDX-License-Identifier: GPL-3.0-or-later
// Outcome measures: measure add|list.
#pragma once

#include "options.h"

namespace uc::cli {

int measureAdd(const Invocation &line);
int measureList(const Invocation &line);

inline constexpr Option measureAddOptions[] = {
    {.name = "client", .value = "C", .required = true, .help = "the client's code"},
    {.name = "date", .value = "YYYY-MM-DD", .required = true, .help = "when it was taken"},
    {.name = "instrument", .value = "phq9|gad7|audit|auditc|dast10|pcl5|cssrs", .required = true,
     .help = "PHQ-9, GAD-7, AUDIT, AUDIT-C, DAST-10, PCL-5 or the C-SSRS screener"},
    {.name = "answers", .value = "1,2,0,...", .required = true,
     .help = "every item's answer, in order (DAST-10 and C-SSRS: 1 yes, 0 no; C-SSRS: - skipped)"},
};
inline constexpr Command measureAddCommand{
    .words = "measure add",
    .options = measureAddOptions,
    .run = measureAdd,
    .help = "Score an outcome measure and record it with its band; a risk it raises is a second line.",
};

inline constexpr Option measureListOptions[] = {
    {.name = "client", .value = "C", .required = true, .help = "the client's code"},
};
inline constexpr Command measureListCommand{
    .words = "measure list",
    .options = measureListOptions,
    .run = measureList,
    .help = "The client's measures in date order, and each instrument's reliable change since the first.",
};

} // namespace uc::cli
