// SPDX-License-Identifier: GPL-3.0-or-later
// The course of care: episode add|list|end (docs/patterns.md, "Episodes").
#pragma once

#include "options.h"

namespace uc::cli {

int episodeAdd(const Invocation &line);
int episodeList(const Invocation &line);
int episodeEnd(const Invocation &line);

inline constexpr Option episodeAddOptions[] = {
    {.name = "client", .value = "C", .required = true, .help = "the client's code"},
    {.name = "level", .value = "L", .required = true,
     .help = "residential, intensive-outpatient (or iop), outpatient, aftercare, or the practice's own"},
    {.name = "start", .value = "YYYY-MM-DD", .required = true, .help = "the first day"},
    {.name = "end", .value = "YYYY-MM-DD", .help = "the last day; else the episode is open"},
    {.name = "service", .value = "S", .help = "the service or programme"},
};
inline constexpr Command episodeAddCommand{
    .words = "episode add",
    .options = episodeAddOptions,
    .run = episodeAdd,
    .help = "Add an episode of care for the client: a level of care from a start date, to an end date or open. "
            "A session falls in the episode that holds its date; a client's episodes cannot overlap (exit 6, "
            "naming the one in the way: end an open one first). Prints the episode's id. Recorded in the audit "
            "trail.",
    .brief = "an episode at a level of care (residential, IOP, outpatient, aftercare)",
};

inline constexpr Option episodeListOptions[] = {
    {.name = "client", .value = "C", .required = true, .help = "the client's code"},
};
inline constexpr Command episodeListCommand{
    .words = "episode list",
    .options = episodeListOptions,
    .run = episodeList,
    .help = "The client's episodes by start date: id, level, start, end (or open) and service. With --json an "
            "array of {\"id\", \"level\", \"start\", \"end\", \"service\"} (end null while open).",
    .brief = "a client's course of care",
};

inline constexpr Positional episodeId[] = {{.name = "ID", .help = "the episode's id"}};
inline constexpr Option episodeEndOptions[] = {
    {.name = "date", .value = "YYYY-MM-DD", .required = true, .help = "the episode's last day"},
};
inline constexpr Command episodeEndCommand{
    .words = "episode end",
    .positionals = episodeId,
    .options = episodeEndOptions,
    .run = episodeEnd,
    .help = "End an open episode on its last day (at step-down or discharge). An episode already ended: exit 6. "
            "Recorded in the audit trail.",
    .brief = "end an open episode",
};

} // namespace uc::cli
