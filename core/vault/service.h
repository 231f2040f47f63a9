// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace uc::vault {

class Vault;
struct VaultState;

// The base of each domain service of the vault (clients, notes, supervision …): a service lives
// inside its Vault, works on that vault's connection and user, and is reached as vault.notes(),
// never copied or made on its own.
class Service
{
public:
    // Made by the Vault only: no one outside core/vault can name a VaultState.
    Service(Vault &vault, VaultState &state)
        : m_vault(vault)
        , m_state(state)
    {
    }
    Service(const Service &) = delete;
    Service &operator=(const Service &) = delete;

protected:
    ~Service() = default;

    Vault &m_vault; // the other services, for a service that needs one (notes tag through tagging())
    VaultState &m_state;
};

} // namespace uc::vault
