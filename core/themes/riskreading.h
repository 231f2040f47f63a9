// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The risk flags' learned reading (docs/risk.md, "Tenth pass"): one logistic regression per risk
// over the stemmed words and word pairs of a passage, trained at build time on the development
// risk corpora and the tagger's ordinary text (riskreadingtrain.cpp), never on a held-out or check
// file. It reads a sentence with the one before it and raises a present flag only for a risk the
// rules left without any status: what the rules say (present, a documented denial) always stands.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace uc::themes::detail {

// Calls each(word) for every word of a passage as the reading sees it, before stemming: runs of
// ASCII letters, digits and apostrophes (U+2019 counts as one), lower-cased; any other byte
// separates; an apostrophe at either end is a quotation mark and is dropped.
template<typename Each>
void forEachReadingWord(std::string_view text, Each each)
{
    std::string word;
    const auto flush = [&] {
        const auto first = word.find_first_not_of('\'');
        if (first != std::string::npos)
            each(std::string_view(word).substr(first, word.find_last_not_of('\'') - first + 1));
        word.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80
            && static_cast<unsigned char>(text[i + 2]) == 0x99) {
            c = '\'';
            i += 2;
        }
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'') {
            word.push_back(static_cast<char>(c));
            continue;
        }
        if (c >= 'A' && c <= 'Z') {
            word.push_back(static_cast<char>(c - 'A' + 'a'));
            continue;
        }
        if (!word.empty())
            flush();
    }
    if (!word.empty())
        flush();
}

// Snowball's English stem of a word from forEachReadingWord (one stemmer per thread). Thread-safe;
// the tagger remembers the stems it has seen itself (riskreading.cpp).
std::string readingStem(std::string_view word);

// The stems of a passage's words, in order.
std::vector<std::string> readingWords(std::string_view text);

// The features of a passage: its stems (readingWords) and each pair of neighbouring stems
// ("kill_myself"); sorted, distinct. The trainer calls this on a whole excerpt; the tagger builds
// the same features for each window from the same words and stems. Thread-safe.
std::vector<std::string> readingFeatures(std::string_view text);

// The risks the reading knows, in the order of its weights.
constexpr std::size_t readingRiskCount = 5;
extern const char *const readingRiskIds[readingRiskCount];

// Generated at build time by riskreadingtrain.cpp from the development corpora.
struct ReadingWeight
{
    const char *feature;
    float weights[readingRiskCount]; // by readingRiskIds
};
extern const float readingBias[readingRiskCount];
extern const ReadingWeight readingWeights[];
extern const std::size_t readingWeightCount;

// Above this probability the reading flags a risk: the plain decision point, chosen before any
// held-out file was scored (docs/risk.md). It must hold without the window's strongest feature
// too: no single word decides a reading (one word deciding is what the rules do, with their
// senses and exceptions).
constexpr float readingThreshold = 0.5f;

// A feature's row in readingWeights, or -1 when the reading has no weight for it.
int readingRow(std::string_view feature);

} // namespace uc::themes::detail
