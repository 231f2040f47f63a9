// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "vault/commentsig.h"
#include "vault/sqlite.h"
#include "vault/state.h"
#include "vault/vault.h"

// For tests only: the open vault's connection, to read or tamper with tables directly (a trigger
// that must refuse, a schema as an older build wrote it). Nothing in core/ or app/ includes this.
namespace uc::vault {

struct VaultTestAccess
{
    [[nodiscard]] static sql::Database &database(Vault &vault) { return vault.m_state->db; }
    // The open session's user as the signer of audit entries appended through database().
    [[nodiscard]] static AuditSigner auditSigner(Vault &vault) { return vault.m_state->auditSigner(); }
    // Called after each finished step of a re-key (1: key slots staged, 2: notes.db re-keyed, 3: key
    // slots sealed under the new key), to copy the folder as a kill at that instant would leave it.
    // false: the vault writes no statement of where comment signing begins, as builds before it did
    // (a vault as they left it); true again after.
    static void writeCommentSigningStatement(bool writes) { writesCommentSigningStatement() = writes; }
    static void observeRekeySteps(std::function<void(int)> observer) { Vault::rekeyStepObserver() = std::move(observer); }
};

} // namespace uc::vault
