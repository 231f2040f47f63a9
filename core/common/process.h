// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace uc {

// Keeps decrypted notes and keys out of core dumps and away from ptrace by other processes of the
// same user: RLIMIT_CORE 0 (soft and hard) and PR_SET_DUMPABLE 0. Called first thing in main() of
// both programs. Returns false if either call failed (the caller carries on; nothing to undo).
bool disableCoreDumps() noexcept;

} // namespace uc
