// SPDX-License-Identifier: GPL-3.0-or-later
// The therapist's own countertransference log: countertransference list, and entries of it shared
// with their supervisor: countertransference share, shares, withdraw (docs/countertransference.md).
#pragma once

#include "options.h"

namespace uc::cli {

int countertransferenceList(const Invocation &line);
int countertransferenceShare(const Invocation &line);
int countertransferenceShares(const Invocation &line);
int countertransferenceWithdraw(const Invocation &line);

inline constexpr Option countertransferenceListOptions[] = {
    {.name = "client", .value = "C", .required = true, .help = "the client's code"},
};
inline constexpr Command countertransferenceListCommand{
    .words = "countertransference list",
    .options = countertransferenceListOptions,
    .run = countertransferenceList,
    .help = "Your own reactions to the client, read from the \"Transference and countertransference\" section of "
            "your own process notes: each entry's session date, its id (NOTE.N: the note's Nth entry), status, codes (rescue, protectiveness, "
            "boredom, irritation, hopelessness, overwhelm, sadness) and words, then how many entries carry each code. Only "
            "ever your own: there is no option to name another author, and a supervisor or auditor is refused "
            "(exit 5). The entries are never counted as the client's themes and never exported. With --json an "
            "object {\"client\", \"entries\": [{\"entry\", \"note\", \"session\", \"date\", \"status\", \"text\", \"codes\", "
            "\"cues\": [{\"code\", \"words\", \"negated\"}]}], \"counts\": {code: entries}}. Recorded in the audit "
            "trail (the client and how many entries).",
    .brief = "your own countertransference about a client (private)",
};

inline constexpr Option countertransferenceShareOptions[] = {
    {.name = "client", .value = "C", .required = true, .help = "the client's code"},
    {.name = "entry", .value = "E", .required = true, .repeatable = true,
     .help = "an entry of your log as countertransference list names it (NOTE.N); repeat for more"},
    {.name = "supervisor", .value = "USER", .required = true, .help = "a supervisor assigned to you"},
};
inline constexpr Command countertransferenceShareCommand{
    .words = "countertransference share",
    .options = countertransferenceShareOptions,
    .run = countertransferenceShare,
    .help = "Share chosen entries of your countertransference log with your own supervisor: each entry's words "
            "and codes, as they are now, sealed to that supervisor's key and signed by you. Only entries of your "
            "signed process notes (a draft's words are still to change: exit 6), only a supervisor assigned to "
            "you (another: exit 5), each entry once while shared (exit 6). Nobody else can read them: not "
            "another therapist, another supervisor or an auditor; they are never exported and never counted as "
            "themes. Prints each share's id (--json: {\"client\", \"supervisor\", \"shares\": [ids]}). "
            "Recorded in the audit trail by id, note and entry number, never the words.",
    .brief = "share your own entries with your supervisor",
};

inline constexpr Option countertransferenceSharesOptions[] = {
    {.name = "client", .value = "C", .required = true, .help = "the client's code"},
};
inline constexpr Command countertransferenceSharesCommand{
    .words = "countertransference shares",
    .options = countertransferenceSharesOptions,
    .run = countertransferenceShares,
    .help = "A therapist: the entries you shared about the client, withdrawn ones too. A supervisor: what "
            "your therapists shared with you about the client and did not withdraw (while they are assigned "
            "to you). Each with its id, session date, note and entry, author, supervisor, when shared "
            "(and withdrawn), codes and words. Every row's signature is checked: one that does not verify "
            "(altered, or not written by its author) is refused, exit 4. An auditor: exit 5. With --json an "
            "object {\"client\", \"shares\": [{\"id\", \"note\", \"entry\", \"date\", \"author\", "
            "\"supervisor\", \"shared_at\", \"withdrawn_at\" (null while shared), \"codes\", \"text\"}]}. "
            "Recorded in the audit trail (the client and how many).",
    .brief = "entries shared with a supervisor",
};

inline constexpr Positional shareId[] = {{.name = "SHARE", .help = "the share's id"}};
inline constexpr Command countertransferenceWithdrawCommand{
    .words = "countertransference withdraw",
    .positionals = shareId,
    .run = countertransferenceWithdraw,
    .help = "Withdraw an entry you shared: your supervisor no longer sees it. What they read before, they "
            "read. The share is kept, marked withdrawn and signed by you, and the audit trail records it. "
            "Another's or an unknown share: exit 2; already withdrawn: exit 6.",
    .brief = "withdraw a shared entry",
};

} // namespace uc::cli
