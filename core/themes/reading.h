// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The learned readings: one logistic regression per risk (docs/risk.md, "Tenth pass") and one per
// theme it covers (docs/tagger.md, "Session 39"), over the stemmed words and word pairs of a passage,
// trained at build time on development corpora (readingtrain.cpp), never on a held-out or check file.
// Each reads a sentence with the one before it and only adds: a present flag for a risk the rules
// left without any status (riskreading.cpp), a theme the rules found no mention of at all
// (themereading.cpp). What the rules say always stands.
#include <cstddef>
#include <cstdint>
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

// The themes the reading knows, in the order of its weights: the feelings, relationships and
// recovery themes. Not use, craving, relapse or a relative's use (their evidence names a substance,
// which a reading of the whole sentence cannot), nor the driven-use links (a driver and a use named
// in one sentence, which only the rules can show).
constexpr std::size_t readingThemeCount = 17;
extern const char *const readingThemeIds[readingThemeCount];

// Generated at build time by readingtrain.cpp from the development corpora.
struct ReadingWeight
{
    const char *feature;
    float weights[readingRiskCount]; // by readingRiskIds
    float themes[readingThemeCount]; // by readingThemeIds
};
extern const float readingBias[readingRiskCount];
extern const float readingThemeBias[readingThemeCount];
extern const ReadingWeight readingWeights[];
extern const std::size_t readingWeightCount;

// Above this probability the reading flags a risk. It must hold without the window's strongest
// feature too: no single word decides a reading (one word deciding is what the rules do, with their
// senses and exceptions). 0.5, the plain decision point, until session 40; 0.3 since, chosen on
// development sets held back from training (risk-dev16 and risk-dev17, then risk-dev14 and
// risk-dev15: recall up 3 to 6 points, precision within 1.6) and checked on risk-dev9 and
// risk-dev11, never on a held-out file (docs/risk.md, "Twelfth pass"). A missed risk costs more
// than a false alarm.
constexpr float readingThreshold = 0.3f;

// Above this probability the theme reading adds a theme (also scored without the window's strongest
// feature). Chosen on the check sets alone (the blind development set's check third and
// tagger-dev-blind2; docs/tagger.md "Session 39"), never on a held-out
// file: 0.3 and 0.4 scored alike there, 0.5 and 0.6 lower; 0.4 for its precision.
constexpr float readingThemeThreshold = 0.4f;

// A feature's row in readingWeights, or -1 when the reading has no weight for it.
int readingRow(std::string_view feature);

// A sentence as the readings see it: the rows of its features (duplicates allowed), and the row of
// the pair across its boundary with the sentence before (-1 when none).
struct ReadSentence
{
    std::uint32_t first = 0; // token indexes, inclusive
    std::uint32_t last = 0;
    std::vector<int> rows;
    int boundaryRow = -1;
};

// What a reading found for one of its labels: the most likely window (a sentence, or with the one
// before when the sentence alone does not say enough) and its probability.
struct ReadingBest
{
    double p = 0.0;
    std::uint32_t first = 0; // token indexes of the evidence, inclusive
    std::uint32_t last = 0;
};

// For each label of one side (the risks, or the themes), the window that says it most likely,
// scored without its strongest feature (no single word decides), over the sentences whose bit for
// that label is clear in skip (bit k of skip[s]: sentence s is not read for label k).
enum class ReadingSide { Risks, Themes };
void bestReadings(const std::vector<ReadSentence> &sentences, std::size_t count, ReadingSide side,
                  const std::vector<std::uint32_t> &skip, float threshold, std::vector<ReadingBest> &best);

} // namespace uc::themes::detail
