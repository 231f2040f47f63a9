// SPDX-License-Identifier: GPL-3.0-or-later
// A note's themes: note theme confirm|reject|add. A decision on a suggestion is about the tag, not
// an edit of the note, so a signed note's suggestions stay decidable; each one is recorded in the
// audit trail. The tags themselves, with their ids, are in `note show ID --json` ("themes").
#pragma once

#include "options.h"

namespace uc::cli {

int noteThemeConfirm(const Invocation &line);
int noteThemeReject(const Invocation &line);
int noteThemeAdd(const Invocation &line);

inline constexpr Positional tagId[] = {{.name = "TAG", .help = "a theme suggestion's id (note show ID --json: themes[].id)"}};

inline constexpr Command noteThemeConfirmCommand{
    .words = "note theme confirm",
    .positionals = tagId,
    .run = noteThemeConfirm,
    .help = "Confirm a theme the tagger suggested on one of your notes (signed or not). Recorded in the audit trail.",
};

inline constexpr Command noteThemeRejectCommand{
    .words = "note theme reject",
    .positionals = tagId,
    .run = noteThemeReject,
    .help = "Reject a theme the tagger suggested on one of your notes: it stays visible as rejected and never "
            "counts in patterns. Recorded in the audit trail.",
};

inline constexpr Positional themedNote[] = {{.name = "ID", .help = "a note id (a positive number)"}};
inline constexpr Option noteThemeAddOptions[] = {
    {.name = "theme", .value = "T", .required = true, .help = "a theme id of the codebook (tag --help, docs/tagger.md)"},
    {.name = "words", .value = "TEXT", .required = true, .help = "the note's words that show it (their first occurrence)"},
};
inline constexpr Command noteThemeAddCommand{
    .words = "note theme add",
    .positionals = themedNote,
    .options = noteThemeAddOptions,
    .run = noteThemeAdd,
    .help = "Tag words of one of your notes with a theme the tagger missed (a manual tag, which counts in "
            "patterns). Words not in the note, or an unknown theme: exit 2. Prints the new tag's id; with "
            "--json {\"tag\":N}. Recorded in the audit trail.",
};

} // namespace uc::cli
