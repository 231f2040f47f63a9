// SPDX-License-Identifier: GPL-3.0-or-later
// The tagger on its own: tag, text from standard input, no vault.
#pragma once

#include "options.h"

namespace uc::cli {

int tag(const Invocation &line);

inline constexpr Option tagOptions[] = {
    {.name = "codebook", .value = "FILE", .help = "a codebook of your own instead of the built-in one"},
    {.name = "jsonl", .help = "one {\"id\",\"text\"[,\"register\"]} object per input line, one result per output line"},
    {.name = "register", .value = "clinical|client|auto",
     .help = "whose words: a clinical note (I is the clinician, quotes the client), the client's own, or auto "
             "(decided per passage; the default)"},
};
inline constexpr Command tagCommand{
    .words = "tag",
    .options = tagOptions,
    .run = tag,
    .help = "Tag UTF-8 text from standard input and print the themes found, with their evidence, as JSON. "
            "Needs no vault.",
    .brief = "tag UTF-8 text from stdin (--jsonl: one {\"id\",\"text\"} per line; --register clinical|client|auto)",
    .needs = Command::Needs::Nothing,
};

} // namespace uc::cli
