// SPDX-License-Identifier: GPL-3.0-or-later
// Clients: client add|edit|discharge|list|summary.
#pragma once

#include "options.h"

namespace uc::cli {

int clientAdd(const Invocation &line);
int clientEdit(const Invocation &line);
int clientDischarge(const Invocation &line);
int clientList(const Invocation &line);
int clientSummary(const Invocation &line);

inline constexpr Option clientAddOptions[] = {
    {.name = "code", .value = "C", .required = true, .help = "the client's code, unique in the vault"},
    {.name = "name", .value = "NAME", .required = true, .help = "the name shown to the clinician"},
    {.name = "setting", .value = "S", .help = "residential, outpatient, aftercare or telehealth"},
    {.name = "intake", .value = "YYYY-MM-DD", .help = "the intake date"},
    {.name = "part2-consent", .help = "the client consented to disclosure under 42 CFR Part 2"},
};
inline constexpr Command clientAddCommand{
    .words = "client add",
    .options = clientAddOptions,
    .run = clientAdd,
    .help = "Add a client.",
};

inline constexpr Option clientEditOptions[] = {
    {.name = "client", .value = "C", .required = true, .help = "the client's code"},
    {.name = "name", .value = "NAME", .help = "the name shown to the clinician"},
    {.name = "setting", .value = "S", .help = "residential, outpatient, aftercare or telehealth"},
    {.name = "intake", .value = "YYYY-MM-DD", .help = "the intake date"},
    {.name = "part2-consent", .help = "the client consented to disclosure under 42 CFR Part 2"},
    {.name = "no-part2-consent", .help = "the client withdrew that consent"},
};
inline constexpr Command clientEditCommand{
    .words = "client edit",
    .options = clientEditOptions,
    .run = clientEdit,
    .help = "Change a client's name, setting, intake date or Part 2 consent (at least one; both consent "
            "options at once: exit 1). The code stays. Recorded in the audit trail.",
};

inline constexpr Option clientDischargeOptions[] = {
    {.name = "client", .value = "C", .required = true, .help = "the client's code"},
    {.name = "date", .value = "YYYY-MM-DD", .required = true, .help = "the day of discharge"},
};
inline constexpr Command clientDischargeCommand{
    .words = "client discharge",
    .options = clientDischargeOptions,
    .run = clientDischarge,
    .help = "Discharge a client on a date: their record stays, read-only in nothing, and they leave the active "
            "list. Recorded in the audit trail.",
};

inline constexpr Command clientListCommand{
    .words = "client list",
    .run = clientList,
    .help = "The clients, with their status.",
};

inline constexpr Option clientSummaryOptions[] = {
    {.name = "client", .value = "C", .required = true, .help = "the client's code"},
    {.name = "text-file", .value = "F", .help = "set the summary to the text of F (UTF-8)"},
};
inline constexpr Command clientSummaryCommand{
    .words = "client summary",
    .options = clientSummaryOptions,
    .run = clientSummary,
    .help = "The shareable summary, shown in review with the client and printed in the client report: "
            "set it from F, or print it.",
    .brief = "the shareable summary: set it from F, or print it",
};

} // namespace uc::cli
