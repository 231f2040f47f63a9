// SPDX-License-Identifier: GPL-3.0-or-later
// A client's safety plan: safety-plan set|show|history|print (docs/risk.md, "Safety plan").
#pragma once

#include "options.h"

namespace uc::cli {

int safetyPlanSet(const Invocation &line);
int safetyPlanShow(const Invocation &line);
int safetyPlanHistory(const Invocation &line);
int safetyPlanPrint(const Invocation &line);

inline constexpr Option safetyPlanClient = {.name = "client", .value = "C", .required = true, .help = "the client's code"};
inline constexpr Option safetyPlanVersion = {.name = "plan-version", .value = "N", .help = "that version; else the one in force"};

inline constexpr Option safetyPlanSetOptions[] = {
    safetyPlanClient,
    {.name = "file", .value = "F", .required = true, .help = "the plan: the seven steps as \"## Heading\" lines with an item per line (UTF-8)"},
};
inline constexpr Command safetyPlanSetCommand{
    .words = "safety-plan set",
    .options = safetyPlanSetOptions,
    .run = safetyPlanSet,
    .help = "Save the client's safety plan (Stanley-Brown) from F as its next version, signed by you. F has seven "
            "headings, in any order, each optional but the plan as a whole not empty: \"## Warning signs\", \"## "
            "Internal coping strategies\", \"## People and places for distraction\", \"## People I can ask for "
            "help\", \"## Professionals and services\", \"## Making the environment safe\", \"## Reasons for "
            "living\"; under each, one item a line. \"Professionals and services\" must give at least one phone "
            "number. Prints the version. Earlier versions are kept. Recorded in the audit trail.",
    .brief = "save a client's safety plan as a new signed version",
};

inline constexpr Option safetyPlanShowOptions[] = {safetyPlanClient, safetyPlanVersion};
inline constexpr Command safetyPlanShowCommand{
    .words = "safety-plan show",
    .options = safetyPlanShowOptions,
    .run = safetyPlanShow,
    .help = "Print the client's safety plan in force (or --plan-version N) in the form `safety-plan set` reads, after a "
            "line naming its version, author and signature time. With --json {\"client\", \"version\", "
            "\"author\", \"signed_at\", \"content_hash\", \"verified\", \"steps\": {\"warning-signs\": [..], "
            "\"coping\", \"distraction\", \"help\", \"professionals\", \"environment\", \"reasons\"}}. A client "
            "with no plan, or no such version: exit 2.",
    .brief = "print a client's safety plan",
};

inline constexpr Option safetyPlanHistoryOptions[] = {safetyPlanClient};
inline constexpr Command safetyPlanHistoryCommand{
    .words = "safety-plan history",
    .options = safetyPlanHistoryOptions,
    .run = safetyPlanHistory,
    .help = "Every version of the client's safety plan, oldest first: version, signed at, author and whether it "
            "still matches its signature. With --json an array of {\"version\", \"signed_at\", \"author\", "
            "\"verified\"}.",
    .brief = "the versions of a client's safety plan",
};

inline constexpr Option safetyPlanPrintOptions[] = {
    safetyPlanClient,
    safetyPlanVersion,
    {.name = "out", .value = "F.pdf", .required = true, .help = "the PDF to write (owner-only)"},
};
inline constexpr Command safetyPlanPrintCommand{
    .words = "safety-plan print",
    .options = safetyPlanPrintOptions,
    .run = safetyPlanPrint,
    .help = "The client's take-home copy of their safety plan as PDF: the seven steps in order with their "
            "prompts, the clinician's signature and a line for the client's. Recorded in the audit trail.",
    .brief = "the client's take-home safety plan as PDF",
    .fonts = Command::Fonts::Always,
};

} // namespace uc::cli
