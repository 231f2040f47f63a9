// SPDX-License-Identifier: GPL-3.0-or-later
// The vault a line names (--vault, $UNDERCURRENT_VAULT, the per-user data folder) and signing in
// to it as --user with the passphrase.
#pragma once

#include "common/secret.h"
#include "vault/vault.h"

#include <memory>

namespace uc::cli {

class Invocation;

[[nodiscard]] QString vaultDir(const Invocation &line);
// From the first line of --passphrase-file, else asked for without echo.
[[nodiscard]] SecretBuffer passphrase(const Invocation &line);
[[nodiscard]] std::unique_ptr<vault::Vault> openVault(const Invocation &line);

} // namespace uc::cli
