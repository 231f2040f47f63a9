// SPDX-License-Identifier: GPL-3.0-or-later
// The therapist's own countertransference log: countertransference list (docs/countertransference.md).
#pragma once

#include "options.h"

namespace uc::cli {

int countertransferenceList(const Invocation &line);

inline constexpr Option countertransferenceListOptions[] = {
    {.name = "client", .value = "C", .required = true, .help = "the client's code"},
};
inline constexpr Command countertransferenceListCommand{
    .words = "countertransference list",
    .options = countertransferenceListOptions,
    .run = countertransferenceList,
    .help = "Your own reactions to the client, read from the \"Transference and countertransference\" section of "
            "your own process notes: each entry's session date, note, status, codes (rescue, protectiveness, "
            "boredom, irritation, hopelessness, overwhelm, sadness) and words, then how many entries carry each code. Only "
            "ever your own: there is no option to name another author, and a supervisor or auditor is refused "
            "(exit 5). The entries are never counted as the client's themes and never exported. With --json an "
            "object {\"client\", \"entries\": [{\"note\", \"session\", \"date\", \"status\", \"text\", \"codes\", "
            "\"cues\": [{\"code\", \"words\", \"negated\"}]}], \"counts\": {code: entries}}. Recorded in the audit "
            "trail (the client and how many entries).",
    .brief = "your own countertransference about a client (private)",
};

} // namespace uc::cli
