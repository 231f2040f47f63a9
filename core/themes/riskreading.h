// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The risk flags' learned reading (docs/risk.md, "Tenth pass"): one logistic regression per risk
// over the stemmed words and word pairs of a passage, trained at build time on the development
// risk corpora (riskreadingtrain.cpp), never on a held-out or check file. It reads a sentence with
// the one before it and raises a present flag only for a risk the rules left without any status:
// what the rules say (present, a documented denial) always stands.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace uc::themes::detail {

// The words of a passage as the reading sees them: ASCII letters, digits and apostrophes,
// lower-cased (any other byte separates; an apostrophe at either end is a quotation mark), each
// reduced by Snowball's English stemmer. Thread-safe.
std::vector<std::string> readingWords(std::string_view text);

// The features of a passage: its words (readingWords) and each pair of neighbouring stems ("kill_myself"); sorted, distinct. The trainer and the tagger both call this, so they
// never read a passage differently. Thread-safe.
std::vector<std::string> readingFeatures(std::string_view text);

// Generated at build time by riskreadingtrain.cpp from the development corpora.
struct ReadingWeight
{
    const char *feature;
    float weights[5]; // by readingRiskIds
};
extern const char *const readingRiskIds[5];
extern const float readingBias[5];
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
