// SPDX-License-Identifier: GPL-3.0-or-later
// Outcome measures: measure add|list|edit|delete.
#pragma once

#include "options.h"

namespace uc::cli {

int measureAdd(const Invocation &line);
int measureList(const Invocation &line);
int measureEdit(const Invocation &line);
int measureDelete(const Invocation &line);

inline constexpr Option measureAddOptions[] = {
    {.name = "client", .value = "C", .required = true, .help = "the client's code"},
    {.name = "date", .value = "YYYY-MM-DD", .required = true, .help = "when it was taken"},
    {.name = "instrument", .value = "phq9|gad7|audit|auditc|dast10|pcl5|cssrs", .required = true,
     .help = "PHQ-9, GAD-7, AUDIT, AUDIT-C, DAST-10, PCL-5 or the C-SSRS screener"},
    {.name = "answers", .value = "1,2,0,...", .required = true,
     .help = "every item's answer, in order (DAST-10 and C-SSRS: 1 yes, 0 no; C-SSRS: - skipped)"},
    {.name = "force", .help = "record a second measure of the instrument on a date that has one (else exit 6)"},
};
inline constexpr Command measureAddCommand{
    .words = "measure add",
    .options = measureAddOptions,
    .run = measureAdd,
    .help = "Score an outcome measure and record it with its band; a risk it raises is a second line. A second "
            "measure of the same instrument for the client on the same date is refused (exit 6, naming the "
            "first) unless --force is given; a wrong one is corrected with `measure edit`.",
};

inline constexpr Option measureListOptions[] = {
    {.name = "client", .value = "C", .required = true, .help = "the client's code"},
};
inline constexpr Command measureListCommand{
    .words = "measure list",
    .options = measureListOptions,
    .run = measureList,
    .help = "The client's measures in date order, each with its id, and each instrument's reliable change since the first.",
};

inline constexpr Positional measureId[] = {{.name = "ID", .help = "a measure id (a positive number; measure list shows them)"}};
inline constexpr Option measureEditOptions[] = {
    {.name = "answers", .value = "1,2,0,...", .required = true, .help = "every item's answer, in order"},
    {.name = "date", .value = "YYYY-MM-DD", .help = "the date it was taken, when that was wrong too"},
};
inline constexpr Command measureEditCommand{
    .words = "measure edit",
    .positionals = measureId,
    .options = measureEditOptions,
    .run = measureEdit,
    .help = "Correct a measure: its answers (scored again) and, with --date, its date. The old value is kept "
            "in the vault's measure history; the audit trail records the id and that it was edited.",
};
inline constexpr Command measureDeleteCommand{
    .words = "measure delete",
    .positionals = measureId,
    .run = measureDelete,
    .help = "Delete a measure entered in error. Its value is kept in the vault's measure history; the audit "
            "trail records the id and that it was deleted.",
};

} // namespace uc::cli
