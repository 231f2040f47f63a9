// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "vault/service.h"

#include <QString>

namespace uc::vault {

// The vault as one file, and the checks that it is whole (vault.backup()). The way back from a
// backup file is Vault::restore, which makes a new vault.
class Backup : public Service
{
public:
    using Service::Service;

    // One encrypted file with the key slots and the database (keyed by the same slots); recorded.
    void write(const QString &file);
    // PRAGMA integrity_check and cipher_integrity_check over every page.
    [[nodiscard]] bool verifyIntegrity();
};

} // namespace uc::vault
