// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Snowball's English stemmer (libstemmer), for the codebook's morphology and the risk flags'
// learned reading. Not thread-safe itself: one per thread, or one under a lock.
#include <string>
#include <string_view>

struct sb_stemmer;

namespace uc::themes::detail {

class Stemmer
{
public:
    Stemmer();
    ~Stemmer();
    Stemmer(const Stemmer &) = delete;
    Stemmer &operator=(const Stemmer &) = delete;

    // The stem of a lower-case word; the word itself if the stemmer could not be made.
    [[nodiscard]] std::string operator()(std::string_view word);

private:
    sb_stemmer *m_stemmer;
};

} // namespace uc::themes::detail
