// SPDX-License-Identifier: GPL-3.0-or-later
// Supervision: supervise assign|list, queue, note cosign|return|comment.
#pragma once

#include "notes.h"

namespace uc::cli {

int superviseAssign(const Invocation &line);
int superviseList(const Invocation &line);
int queue(const Invocation &line);
int noteCosign(const Invocation &line);
int noteReturn(const Invocation &line);
int noteComment(const Invocation &line);

inline constexpr Option superviseAssignOptions[] = {
    {.name = "therapist", .value = "T", .required = true, .help = "the therapist whose notes are supervised"},
    {.name = "supervisor", .value = "S", .required = true, .help = "the supervisor"},
    {.name = "mode",
     .value = "review|must-cosign",
     .required = true,
     .help = "review: co-signing is optional; must-cosign: a note is complete once co-signed"},
};
inline constexpr Command superviseAssignCommand{
    .words = "supervise assign",
    .options = superviseAssignOptions,
    .run = superviseAssign,
    .help = "Put a therapist's notes under a supervisor, or change how an assignment works (a supervisor's "
            "action).",
};

inline constexpr Command superviseListCommand{
    .words = "supervise list",
    .run = superviseList,
    .help = "The supervision assignments.",
};

inline constexpr Command queueCommand{
    .words = "queue",
    .run = queue,
    .help = "Signed notes waiting on a supervisor, by therapist, oldest first; for a therapist, their own.",
    .brief = "notes waiting on a supervisor, by therapist, oldest first",
};

inline constexpr Command noteCosignCommand{
    .words = "note cosign",
    .positionals = noteId,
    .run = noteCosign,
    .help = "Co-sign a supervised therapist's signed note.",
};

inline constexpr Option noteReturnOptions[] = {
    {.name = "comment-file", .value = "F", .required = true, .help = "the comment (UTF-8)"},
};
inline constexpr Command noteReturnCommand{
    .words = "note return",
    .positionals = noteId,
    .options = noteReturnOptions,
    .run = noteReturn,
    .help = "Return a signed note to its author with a comment; it stays returned until the author adds an "
            "addendum.",
};

inline constexpr Command noteCommentCommand{
    .words = "note comment",
    .positionals = noteId,
    .options = textFileOptions,
    .run = noteComment,
    .help = "Comment on a note: its supervisor, or the author in reply.",
};

} // namespace uc::cli
