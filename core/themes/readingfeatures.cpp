// SPDX-License-Identifier: GPL-3.0-or-later
// The learned readings: what a passage's features are, for the trainer and the tagger.
#include "themes/reading.h"
#include "themes/stemmer.h"

#include <algorithm>

namespace uc::themes::detail {

const char *const readingRiskIds[readingRiskCount] = {"suicide", "self-harm", "harm-to-others", "overdose", "abuse"};

const char *const readingThemeIds[readingThemeCount] = {
    "abandonment", "anxiety", "depression", "shame-guilt", "low-self-worth", "loneliness",
    "anger", "grief-loss", "trauma", "childhood", "family-conflict", "relationship-conflict",
    "behavioural-addiction", "denial-minimization", "transference", "recovery-support", "coping"};

std::string readingStem(std::string_view word)
{
    thread_local Stemmer stemmer; // a stemmer keeps state between calls
    return stemmer(word);
}

std::vector<std::string> readingWords(std::string_view text)
{
    std::vector<std::string> words;
    forEachReadingWord(text, [&](std::string_view word) { words.push_back(readingStem(word)); });
    return words;
}

std::vector<std::string> readingFeatures(std::string_view text)
{
    const std::vector<std::string> words = readingWords(text);
    std::vector<std::string> out;
    out.reserve(words.size() * 2);
    for (std::size_t k = 0; k < words.size(); ++k) {
        out.push_back(words[k]);
        if (k + 1 < words.size())
            out.push_back(words[k] + '_' + words[k + 1]);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

} // namespace uc::themes::detail
