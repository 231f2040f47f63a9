// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "vault/sqlite.h"
#include "vault/state.h"
#include "vault/vault.h"

// For tests only: the open vault's connection, to read or tamper with tables directly (a trigger
// that must refuse, a schema as an older build wrote it). Nothing in core/ or app/ includes this.
namespace uc::vault {

struct VaultTestAccess
{
    [[nodiscard]] static sql::Database &database(Vault &vault) { return vault.m_state->db; }
};

} // namespace uc::vault
