// SPDX-License-Identifier: GPL-3.0-or-later
// Any bytes as a codebook or as a user's edits: a clear refusal or a codebook that tags.
#include "common/error.h"
#include "themes/tagger.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    try {
        const uc::themes::Codebook book = uc::themes::Codebook::parse(bytes);
        const uc::themes::Tagger tagger(book);
        (void)tagger.tag(QStringLiteral("She drinks when she feels abandoned; denies cravings."));
    } catch (const uc::Error &) {
    }
    uc::themes::Codebook edited = uc::themes::Codebook::builtin();
    try {
        edited.applyEdits(bytes);
        const uc::themes::Tagger tagger(edited);
        (void)tagger.tag(QStringLiteral("Her father drank every night."));
    } catch (const uc::Error &) {
    }
    return 0;
}
