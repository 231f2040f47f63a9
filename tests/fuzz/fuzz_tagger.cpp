// SPDX-License-Identifier: GPL-3.0-or-later
// Any bytes in: an answer out, never a crash, and every span inside the input.
#include "themes/tagger.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const uc::themes::Tagger tagger;
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    const uc::themes::TagResult result = tagger.tag(text);
    // Code points never outnumber bytes (an invalid byte counts as one).
    const int limit = static_cast<int>(size);
    for (const auto &theme : result.themes) {
        if (theme.evidence.isEmpty())
            std::abort();
        for (const auto &e : theme.evidence)
            if (e.start < 0 || e.end > limit || e.start >= e.end || e.text.isEmpty())
                std::abort();
    }
    for (const auto &x : result.excluded)
        if (x.start < 0 || x.end > limit || x.start >= x.end)
            std::abort();
    (void)result.toJson();
    return 0;
}
