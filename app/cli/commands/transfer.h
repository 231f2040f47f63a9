// SPDX-License-Identifier: GPL-3.0-or-later
// Records in and out of the vault: export, import, backup, restore.
#pragma once

#include "options.h"

namespace uc::cli {

int exportClient(const Invocation &line);
int importRecords(const Invocation &line);
int backup(const Invocation &line);
int restore(const Invocation &line);

inline constexpr Option exportOptions[] = {
    {.name = "client", .value = "C", .required = true, .help = "the client's code"},
    {.name = "out", .value = "FILE.json", .required = true, .help = "where to write the record"},
    {.name = "include-process-notes", .help = "the private process notes too"},
};
inline constexpr Command exportCommand{
    .words = "export",
    .options = exportOptions,
    .run = exportClient,
    .help = "The client's whole record as JSON (notes, sessions, measures, tags and decisions, signatures, "
            "addenda); process notes only when asked for.",
};

inline constexpr Positional importFile[] = {
    {.name = "FILE", .help = "the record file, with --json", .count = Positional::Count::Optional},
};
// --json is the global flag; here "--json FILE" (or --json=FILE) names a record to import.
inline constexpr Option importOptions[] = {
    {.name = "csv",
     .value = "FILE",
     .help = "notes from a CSV file whose header row names its columns: client_code, date, text, and any of "
             "time, minutes, modality, setting, template, kind"},
    {.name = "folder", .value = "DIR", .help = "notes from CLIENTCODE_YYYY-MM-DD*.md or .txt files"},
    {.name = "json", .value = "FILE", .valueAfterEquals = true, .help = "a client record written by export"},
    {.name = "dry-run", .help = "with --csv or --folder: check every row, change nothing"},
    {.name = "create-clients", .help = "with --csv or --folder: create the clients the vault does not know"},
};
inline constexpr Form importForms[] = {
    {.synopsis = "--csv FILE [--dry-run] [--create-clients]",
     .brief = "notes from CSV (header: client_code, date, time, minutes, modality, setting, template, kind, "
              "text), as drafts to review and sign"},
    {.synopsis = "--folder DIR [--dry-run] [--create-clients]", .brief = "notes from CLIENTCODE_YYYY-MM-DD*.md/.txt files"},
    {.synopsis = "--json FILE", .brief = "a client record written by export (into a new vault)"},
};
inline constexpr Command importCommand{
    .words = "import",
    .positionals = importFile,
    .options = importOptions,
    .run = importRecords,
    .help = "Every row or file is checked first; nothing is imported unless all are good, in one transaction. "
            "With --csv or --folder, --json prints the outcome as JSON. Formats: docs/import.md.",
    .forms = importForms,
};

inline constexpr Option backupOptions[] = {
    {.name = "out", .value = "FILE", .required = true, .help = "where to write the backup"},
};
inline constexpr Command backupCommand{
    .words = "backup",
    .options = backupOptions,
    .run = backup,
    .help = "One encrypted file holding the key slots and the database.",
};

inline constexpr Option restoreOptions[] = {
    {.name = "from", .value = "FILE", .required = true, .help = "the backup"},
    {.name = "to", .value = "DIR", .required = true, .help = "an empty or missing folder"},
};
inline constexpr Command restoreCommand{
    .words = "restore",
    .options = restoreOptions,
    .run = restore,
    .help = "Unpack a backup into an empty or missing folder, checked by unlocking it with --user and the "
            "passphrase; on any failure nothing is left in DIR.",
    .brief = "(checked by unlocking with --user and the passphrase)",
};

} // namespace uc::cli
