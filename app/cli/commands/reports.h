// SPDX-License-Identifier: GPL-3.0-or-later
// PDF reports: report client|note|supervision.
#pragma once

#include "notes.h"

namespace uc::cli {

int reportClient(const Invocation &line);
int reportNote(const Invocation &line);
int reportSupervision(const Invocation &line);

inline constexpr Option pdfOut = {.name = "out", .value = "F.pdf", .required = true, .help = "the PDF to write (owner-only)"};

inline constexpr Option reportClientOptions[] = {
    {.name = "client", .value = "C", .required = true, .help = "the client's code"},
    pdfOut,
    {.name = "with-risk", .help = "add the risk section: the flags on record, present or denied, and which are open"},
    {.name = "with-plan",
     .help = "add the treatment plan section: problems, goals, objectives with their latest progress rating, "
             "interventions and the next review (not for a user who may not read plans: exit 5)"},
    {.name = "with-events",
     .help = "add the other treatment section: mutual-help meetings, groups, medication-assisted treatment and drug "
             "screens by date (their notes are not printed)"},
    {.name = "with-use-days",
     .help = "add the use days section: per substance, days used, abstinent and unknown, percent days abstinent of "
             "the known days, the longest abstinent run and days since last use, over the report's months and by month"},
};
inline constexpr Command reportClientCommand{
    .words = "report client",
    .options = reportClientOptions,
    .run = reportClient,
    .help = "The client pattern report over the whole record: themes over time, recurrence, measures and the "
            "shareable summary; --with-risk adds a risk section (off by default; the words of abuse and "
            "harm-to-others flags are never printed); --with-plan adds the treatment plan, its newest version (off by default); --with-events "
            "adds other treatment (off by default); --with-use-days adds use days (off by default).",
    .brief = "themes over time, recurrence, measures, shareable summary",
    .fonts = Command::Fonts::Always,
};

inline constexpr Option reportNoteOptions[] = {pdfOut};
inline constexpr Command reportNoteCommand{
    .words = "report note",
    .positionals = noteId,
    .options = reportNoteOptions,
    .run = reportNote,
    .help = "One progress note with its header, sections, signature and co-signature, and addenda; a process "
            "note is never printed (exit 5).",
    .brief = "a progress note as signed, with addenda (never a process note)",
    .fonts = Command::Fonts::Always,
};

inline constexpr Option reportSupervisionOptions[] = {
    {.name = "therapist", .value = "T", .required = true, .help = "whose notes"},
    {.name = "from", .value = "YYYY-MM-DD", .required = true, .help = "the first session date"},
    {.name = "to", .value = "YYYY-MM-DD", .required = true, .help = "the last session date"},
    pdfOut,
};
inline constexpr Command reportSupervisionCommand{
    .words = "report supervision",
    .options = reportSupervisionOptions,
    .run = reportSupervision,
    .help = "A therapist's notes in a period with their status (signed, co-signed, returned), the comments and "
            "the agreement figures.",
    .brief = "a therapist's notes, status, comments and agreement figures",
    .fonts = Command::Fonts::Always,
};

} // namespace uc::cli
