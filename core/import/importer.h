// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "import/csvimport.h"

#include <QStringList>

namespace uc::vault {
class Vault;
}

// The write half of an import: checked rows into the vault, all in one transaction.
namespace uc::import {

struct ImportResult
{
    bool ok = false; // no errors: everything was (or, in a dry run, would be) imported
    bool dryRun = false;
    int rows = 0; // rows seen, good and bad
    int notes = 0; // notes imported (or that would be); 0 when not ok
    int clients = 0; // distinct clients the notes are for
    QStringList clientsCreated; // codes created (or that would be)
    QList<ImportError> errors;
};

// Checks parse's rows against the vault's clients, then, when there is no error and this is not
// a dry run, imports them in one transaction: the unknown clients first (createClients; the code
// stands in as the display name until someone edits it), then one individual session per row with
// a draft progress or process note of the importing user, its text split into the template's
// sections and tagged on insert. The import is recorded in the audit trail by count. Nothing
// changes when there is any error or when anything fails on the way (the error propagates).
ImportResult importRows(vault::Vault &vault, ImportParse parse, bool createClients, bool dryRun);

} // namespace uc::import
