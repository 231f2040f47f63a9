// SPDX-License-Identifier: GPL-3.0-or-later
// The blind agreement check: agreement start|rate|report.
#pragma once

#include "options.h"

namespace uc::cli {

int agreementStart(const Invocation &line);
int agreementRate(const Invocation &line);
int agreementReport(const Invocation &line);

inline constexpr Positional checkId[] = {{.name = "CHECK", .help = "an agreement check id (a positive number)"}};

inline constexpr Option agreementStartOptions[] = {
    {.name = "therapist", .value = "T", .required = true, .help = "whose signed progress notes to sample"},
    {.name = "sample", .value = "N", .help = "how many notes (1 to 200; 20)"},
};
inline constexpr Command agreementStartCommand{
    .words = "agreement start",
    .options = agreementStartOptions,
    .run = agreementStart,
    .help = "Start a blind agreement check on N of a therapist's signed notes, sampled at random.",
    .brief = "a blind agreement check on N signed notes (20)",
};

inline constexpr Option agreementRateOptions[] = {
    {.name = "note", .value = "ID", .required = true, .help = "one of the check's notes"},
    {.name = "themes", .value = "a,b", .required = true, .help = "the theme ids you see in it, comma-separated (empty for none)"},
};
inline constexpr Command agreementRateCommand{
    .words = "agreement rate",
    .positionals = checkId,
    .options = agreementRateOptions,
    .run = agreementRate,
    .help = "Give your themes for one note of the check, before seeing its tags.",
    .brief = "your themes for one note, before seeing its tags",
};

inline constexpr Command agreementReportCommand{
    .words = "agreement report",
    .positionals = checkId,
    .run = agreementReport,
    .help = "Cohen's kappa per theme between supervisor, therapist and tagger, over the rated notes.",
    .brief = "Cohen's kappa per theme: supervisor, therapist, tagger",
};

} // namespace uc::cli
