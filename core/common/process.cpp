// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/process.h"

#include <sys/prctl.h>
#include <sys/resource.h>

namespace uc {

bool disableCoreDumps() noexcept
{
    const rlimit none{0, 0};
    const bool limited = ::setrlimit(RLIMIT_CORE, &none) == 0;
    const bool undumpable = ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0;
    return limited && undumpable;
}

} // namespace uc
