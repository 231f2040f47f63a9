// SPDX-License-Identifier: GPL-3.0-or-later
// Other treatment as dated events: event add|list|delete (docs/treatment-events.md).
#pragma once

#include "options.h"

namespace uc::cli {

int eventAdd(const Invocation &line);
int eventList(const Invocation &line);
int eventDelete(const Invocation &line);

inline constexpr Option eventAddOptions[] = {
    {.name = "client", .value = "C", .required = true, .help = "the client's code"},
    {.name = "kind", .value = "mutual-help|group|mat|drug-screen", .required = true, .help = "what happened"},
    {.name = "date", .value = "YYYY-MM-DD", .required = true, .help = "the day"},
    {.name = "program", .value = "12-step|aa|na|smart|other", .help = "mutual-help: the programme"},
    {.name = "group", .value = "NAME", .help = "group: the group attended (\"CBT group\")"},
    {.name = "medication", .value = "M", .help = "mat: buprenorphine, methadone, naltrexone …"},
    {.name = "change", .value = "start|dose-change|stop", .help = "mat: what changed"},
    {.name = "dose", .value = "N", .help = "mat: the dose, for a start or a dose change"},
    {.name = "unit", .value = "mg|mcg|ml", .help = "mat: the dose's unit"},
    {.name = "substance", .value = "alcohol|opioids|stimulants|cannabis|sedatives|nicotine|other",
     .help = "drug-screen: the substance class"},
    {.name = "result", .value = "positive|negative", .help = "drug-screen: the result"},
    {.name = "method", .value = "urine|breath|saliva|blood|hair|other", .help = "drug-screen: how, when known"},
    {.name = "note-file", .value = "F", .help = "a note on the event (UTF-8 text, at most 2000 characters)"},
};
inline constexpr Command eventAddCommand{
    .words = "event add",
    .options = eventAddOptions,
    .run = eventAdd,
    .help = "Record other treatment on the client's course of care: a mutual-help meeting (--program), a group "
            "attended (--group), a medication-assisted treatment start, dose change or stop (--medication, "
            "--change, --dose and --unit; a stop has no dose) or a drug screen (--substance, --result, "
            "optionally --method). A missing value, one of another kind or an invalid one: exit 2, naming it, "
            "nothing stored. Prints the event's id. Recorded in the audit trail by id and kind only.",
    .brief = "a mutual-help meeting, group, MAT change or drug screen",
};

inline constexpr Option eventListOptions[] = {
    {.name = "client", .value = "C", .required = true, .help = "the client's code"},
};
inline constexpr Command eventListCommand{
    .words = "event list",
    .options = eventListOptions,
    .run = eventList,
    .help = "The client's treatment events by date: id, date, kind and what happened. With --json an array of "
            "{\"id\", \"date\", \"kind\", the kind's keys, \"note\"}: mutual-help \"program\"; group \"group\"; "
            "mat \"medication\", \"change\", \"dose\" (null for a stop), \"unit\"; drug-screen \"substance\", "
            "\"result\", \"method\" (docs/treatment-events.md). Deleted events are not listed.",
    .brief = "a client's other treatment",
};

inline constexpr Positional eventId[] = {{.name = "ID", .help = "the event's id"}};
inline constexpr Command eventDeleteCommand{
    .words = "event delete",
    .positionals = eventId,
    .run = eventDelete,
    .help = "Delete an event entered in error (enter the right one with event add). The vault keeps it as it "
            "was, marked deleted; the audit trail records the id and that it was deleted. An unknown or "
            "deleted event: exit 2.",
    .brief = "delete an event entered in error",
};

} // namespace uc::cli
