// SPDX-License-Identifier: GPL-3.0-or-later
// The risk flags' learned reading: what a passage's features are, for the trainer and the tagger.
#include "themes/riskreading.h"
#include "themes/stemmer.h"

#include <algorithm>
#include <unordered_map>

namespace uc::themes::detail {

const char *const readingRiskIds[5] = {"suicide", "self-harm", "harm-to-others", "overdose", "abuse"};

std::string readingStem(std::string_view word)
{
    // One stemmer per thread (a stemmer keeps state between calls), and the stems it has worked
    // out: a note's words repeat, and stemming was most of the reading's cost. Bounded: cleared
    // when it grows past what any vocabulary of notes needs.
    thread_local Stemmer stemmer;
    thread_local std::unordered_map<std::string, std::string> stems;
    const std::string key(word);
    if (const auto it = stems.find(key); it != stems.end())
        return it->second;
    if (stems.size() > 200000)
        stems.clear();
    return stems.emplace(key, stemmer(word)).first->second;
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
