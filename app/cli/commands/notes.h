// SPDX-License-Identifier: GPL-3.0-or-later
// Sessions and notes: session add|list, note add|list|show|edit|sign|verify|addendum|discard, search.
#pragma once

#include "options.h"

namespace uc::cli {

int sessionAdd(const Invocation &line);
int sessionList(const Invocation &line);
int noteAdd(const Invocation &line);
int noteList(const Invocation &line);
int noteDiscard(const Invocation &line);
int noteShow(const Invocation &line);
int noteEdit(const Invocation &line);
int noteSign(const Invocation &line);
int noteVerify(const Invocation &line);
int noteAddendum(const Invocation &line);
int search(const Invocation &line);

// The note a note command acts on.
inline constexpr Positional noteId[] = {{.name = "ID", .help = "a note id (a positive number)"}};

inline constexpr Option sessionAddOptions[] = {
    {.name = "client", .value = "C", .required = true, .repeatable = true, .help = "the client; once per member of a group"},
    {.name = "date", .value = "YYYY-MM-DD", .required = true, .help = "the session's date"},
    {.name = "time", .value = "HH:MM", .help = "when it began"},
    {.name = "minutes", .value = "N", .help = "how long it lasted (50)"},
    {.name = "modality", .value = "M", .help = "individual (one client), group (several), couple or family"},
    {.name = "setting", .value = "S", .help = "residential, outpatient, aftercare or telehealth"},
    {.name = "attendance", .value = "A", .help = "attended (the default), late, no-show or cancelled"},
    {.name = "template",
     .value = "T",
     .help = "free (the default for a progress note), soap, dap, birp, girp, psychodynamic, addiction, group, "
             "or process (the default for a process note)"},
    {.name = "kind", .value = "progress|process", .help = "a progress note (the default) or a private process note"},
    {.name = "note-file",
     .value = "F",
     .help = "the first note's text (UTF-8; \"## Heading\" lines start sections); without it, the session alone. "
             "For a group: the group's part, then each member's own under \"## Member CODE\""},
};
inline constexpr Command sessionAddCommand{
    .words = "session add",
    .options = sessionAddOptions,
    .run = sessionAdd,
    .help = "Add a session and, with --note-file, its draft note (a group gives each member their own note). "
            "Prints the session and note ids; with --json {\"session\":S,\"note\":N}, or \"notes\" for a "
            "group. Without --note-file (a no-show, a cancelled session, or notes to follow with `note add "
            "--session`) it prints the session id; with --json {\"session\":S}.",
};

inline constexpr Option clientOnlyOptions[] = {
    {.name = "client", .value = "C", .required = true, .help = "the client's code"},
};
inline constexpr Command sessionListCommand{
    .words = "session list",
    .options = clientOnlyOptions,
    .run = sessionList,
    .help = "List a client's sessions by date: id, date, start, minutes, modality, the client's attendance and "
            "the ids of the notes on it that you may read. With --json an array of {\"session\", \"date\", "
            "\"start\", \"minutes\", \"modality\", \"setting\", \"attendance\", \"notes\"}.",
};

inline constexpr Option noteAddOptions[] = {
    {.name = "session", .value = "ID", .required = true, .help = "the session the note belongs to"},
    {.name = "kind", .value = "progress|process", .required = true, .help = "a progress note or a private process note"},
    {.name = "note-file", .value = "F", .required = true, .help = "the note's text (UTF-8; \"## Heading\" lines start sections)"},
    {.name = "template",
     .value = "T",
     .help = "as for session add: free (the default for a progress note) … or process (the default for a process note)"},
    {.name = "member", .value = "C", .help = "in a group session (required there): the member whose note this is"},
};
inline constexpr Command noteAddCommand{
    .words = "note add",
    .options = noteAddOptions,
    .run = noteAdd,
    .help = "Add a draft note to an existing session; the client is the session's, or in a group session the "
            "member named by --member (the note is that member's own). A session holds one progress note per "
            "author and client (a second: exit 6) and any number of process notes. Prints "
            "the note and session ids; with --json {\"note\":N,\"session\":S}.",
};

inline constexpr Command noteListCommand{
    .words = "note list",
    .options = clientOnlyOptions,
    .run = noteList,
    .help = "List a client's notes that you may read, without their text: id, session, date, kind, status, "
            "author and template. With --json an array of {\"note\", \"session\", \"date\", \"kind\", "
            "\"status\", \"author\", \"template\"}.",
};

inline constexpr Command noteDiscardCommand{
    .words = "note discard",
    .positionals = noteId,
    .run = noteDiscard,
    .help = "Discard one of your drafts: the note, its themes and its words in the search index go, and the "
            "audit trail records the id (a signed note stays: exit 6).",
};

inline constexpr Command noteShowCommand{
    .words = "note show",
    .positionals = noteId,
    .run = noteShow,
    .help = "Print a note with its signatures, addenda and comments.",
};

inline constexpr Option noteEditOptions[] = {
    {.name = "note-file", .value = "F", .required = true, .help = "the new text (UTF-8)"},
};
inline constexpr Command noteEditCommand{
    .words = "note edit",
    .positionals = noteId,
    .options = noteEditOptions,
    .run = noteEdit,
    .help = "Replace the text of a draft note (a signed note is locked: exit 6).",
};

inline constexpr Option noteSignOptions[] = {
    {.name = "risk-assessment", .value = "low|moderate|high", .help = "the assessed level of the risk the note shows"},
    {.name = "risk-action-file", .value = "F", .help = "the action taken (UTF-8 text); with --risk-assessment"},
    {.name = "assessment-to-follow", .help = "sign now and assess later: the client's risk stays open"},
};
inline constexpr Command noteSignCommand{
    .words = "note sign",
    .positionals = noteId,
    .options = noteSignOptions,
    .run = noteSign,
    .help = "Sign a note; a signed note is locked. Its risk flags are stored (docs/risk.md). A note showing a "
            "risk as present needs an assessment: --risk-assessment with --risk-action-file, a \"Risk "
            "assessment: <level> <action>\" line in the note, or --assessment-to-follow (the risk stays open); "
            "without one it is refused (exit 6) and each flag's evidence is printed on stderr.",
};

inline constexpr Command noteVerifyCommand{
    .words = "note verify",
    .positionals = noteId,
    .run = noteVerify,
    .help = "Check that a signed note's content still matches the SHA-256 recorded when it was signed "
            "(exit 4 when it does not).",
};

inline constexpr Option textFileOptions[] = {
    {.name = "text-file", .value = "F", .required = true, .help = "the text (UTF-8)"},
};
inline constexpr Command noteAddendumCommand{
    .words = "note addendum",
    .positionals = noteId,
    .options = textFileOptions,
    .run = noteAddendum,
    .help = "Add a dated addendum to a signed note (the note itself stays locked).",
};

inline constexpr Positional searchQuery[] = {
    {.name = "QUERY", .help = "words to search for", .count = Positional::Count::OneOrMore},
};
inline constexpr Command searchCommand{
    .words = "search",
    .positionals = searchQuery,
    .run = search,
    .help = "Full-text search over the notes the user may read, best first; the words of the query are "
            "joined by spaces.",
};

} // namespace uc::cli
