// SPDX-License-Identifier: GPL-3.0-or-later
// Risk in the record: risk list|close|dismiss (docs/risk.md). Signing with an assessment is
// note sign's (notes.h).
#pragma once

#include "options.h"

namespace uc::cli {

int riskList(const Invocation &line);
int riskClose(const Invocation &line);
int riskDismiss(const Invocation &line);

inline constexpr Command riskListCommand{
    .words = "risk list",
    .run = riskList,
    .help = "The caseload's open risk, newest first: each present flag (from a signed note or a measure) not "
            "yet closed by a later assessment, among what you may read: client, date, risk, note (or "
            "measure) and evidence. With --json an array of {\"client\", \"date\", \"id\", \"evidence\", "
            "\"rule\", \"note\", \"measure\"} (note or measure null). Recorded in the audit trail.",
};

inline constexpr Positional riskClient[] = {{.name = "CLIENT", .help = "the client's code"}};
inline constexpr Option riskCloseOptions[] = {
    {.name = "level", .value = "low|moderate|high", .required = true, .help = "the assessed level of risk"},
    {.name = "action-file", .value = "F", .required = true, .help = "the action taken (UTF-8 text)"},
};
inline constexpr Command riskCloseCommand{
    .words = "risk close",
    .positionals = riskClient,
    .options = riskCloseOptions,
    .run = riskClose,
    .help = "Close a client's open risk with an assessment dated today: the level and the action taken. A "
            "client with no open risk that you may see: exit 6. Recorded in the audit trail.",
};

inline constexpr Positional riskNote[] = {{.name = "NOTE", .help = "a signed note's id"}};
inline constexpr Option riskDismissOptions[] = {
    {.name = "reason", .value = "TEXT", .required = true, .help = "why the flag is false"},
};
inline constexpr Command riskDismissCommand{
    .words = "risk dismiss",
    .positionals = riskNote,
    .options = riskDismissOptions,
    .run = riskDismiss,
    .help = "Dismiss a signed note's present risk flags as false, with the reason (kept in the vault; the "
            "audit trail records the note and the risks). A note with none left: exit 6.",
};

} // namespace uc::cli
