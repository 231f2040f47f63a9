// SPDX-License-Identifier: GPL-3.0-or-later
// The audit trail: audit verify|list|export.
#pragma once

#include "options.h"

namespace uc::cli {

int auditVerify(const Invocation &line);
int auditList(const Invocation &line);
int auditExport(const Invocation &line);

inline constexpr Option auditVerifyOptions[] = {
    {.name = "full", .help = "check every entry's signature, not only each signer's latest (slower; as strong when the chain holds)"},
};
inline constexpr Command auditVerifyCommand{
    .words = "audit verify",
    .options = auditVerifyOptions,
    .run = auditVerify,
    .help = "Check the hash-chained trail and its signatures: exit 0 with the entry count when it is whole, 4 naming "
            "the first broken entry and whose signature fails.",
    .brief = "exit 0 with the entry count when whole, 4 naming the first broken entry",
};

// The first --user on the line signs in; a second names whose entries.
inline constexpr Option auditUser = {.name = "user",
                                     .value = "NAME",
                                     .scope = Option::Scope::AfterGlobal,
                                     .help = "only this user's entries (the first --user on the line signs in)"};

inline constexpr Option auditListOptions[] = {
    {.name = "since", .value = "YYYY-MM-DD", .help = "entries from this day on"},
    auditUser,
};
inline constexpr Command auditListCommand{
    .words = "audit list",
    .options = auditListOptions,
    .run = auditList,
    .help = "The trail's entries, oldest first.",
    .brief = "(the second --user: whose entries to list)",
};

inline constexpr Option auditExportOptions[] = {
    {.name = "out", .value = "FILE.csv|FILE.pdf", .required = true, .help = "CSV, or a PDF report when FILE ends in .pdf"},
    {.name = "from", .value = "YYYY-MM-DD", .help = "the first day"},
    {.name = "since", .value = "YYYY-MM-DD", .help = "another name for --from"},
    {.name = "to", .value = "YYYY-MM-DD", .help = "the last day"},
    auditUser,
};
inline constexpr Command auditExportCommand{
    .words = "audit export",
    .options = auditExportOptions,
    .run = auditExport,
    .help = "The entries of a period as CSV, or as a PDF report; the file is owner-only and the export is itself "
            "an audit entry.",
    .brief = "(--since D is --from D)",
    .fonts = Command::Fonts::WhenOutIsPdf,
};

} // namespace uc::cli
