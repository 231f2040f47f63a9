// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/secret.h"

#include <string_view>

namespace uc::vault {

// The recovery key: 160 random bits shown once as eight groups of four characters
// (Crockford base32: no I, L, O or U, so it copies cleanly from paper).
class RecoveryKey
{
public:
    static RecoveryKey generate();
    // Accepts the printed form with or without dashes, spaces or case; throws Error(Auth) if
    // it is not a well-formed key.
    static RecoveryKey parse(std::string_view text);
    [[nodiscard]] const SecretBuffer &bytes() const { return m_bytes; }
    // "ABCD-EFGH-…" in guarded memory.
    [[nodiscard]] SecretBuffer display() const;

private:
    SecretBuffer m_bytes;
};

} // namespace uc::vault
