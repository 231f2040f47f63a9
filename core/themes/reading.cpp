// SPDX-License-Identifier: GPL-3.0-or-later
// The learned readings' shared part (reading.h): a note's sentences as rows of the weight table,
// made once a call for both readings, and the best window per label for either side.
#include "themes/pipeline.h"
#include "themes/reading.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <string>
#include <unordered_map>

namespace uc::themes {

namespace detail {

int readingRow(std::string_view feature)
{
    static const std::unordered_map<std::string_view, int> rows = [] {
        std::unordered_map<std::string_view, int> map;
        map.reserve(readingWeightCount);
        for (std::size_t k = 0; k < readingWeightCount; ++k)
            map.emplace(readingWeights[k].feature, static_cast<int>(k));
        return map;
    }();
    const auto it = rows.find(feature);
    return it == rows.end() ? -1 : it->second;
}

void bestReadings(const std::vector<ReadSentence> &sentences, std::size_t count, ReadingSide side,
                  const std::vector<std::uint32_t> &skip, float threshold, std::vector<ReadingBest> &best)
{
    const std::size_t labels = side == ReadingSide::Risks ? readingRiskCount : readingThemeCount;
    const float *bias = side == ReadingSide::Risks ? readingBias : readingThemeBias;
    const auto weightsOf = [side](int row) {
        const ReadingWeight &w = readingWeights[static_cast<std::size_t>(row)];
        return side == ReadingSide::Risks ? w.weights : w.themes;
    };
    const auto probability = [](double z) { return 1.0 / (1.0 + std::exp(-std::clamp(z, -30.0, 30.0))); };
    best.assign(labels, ReadingBest{});
    // Only the labels some sentence is read for are scored: in a long note the rules have found most
    // themes, and a feature's weights are added for those left.
    std::uint32_t everywhere = ~0u;
    for (std::size_t s = 0; s < count; ++s)
        everywhere &= skip[s];
    thread_local std::vector<std::size_t> active;
    active.clear();
    for (std::size_t k = 0; k < labels; ++k)
        if (!(everywhere & (1u << k)))
            active.push_back(k);
    if (active.empty())
        return;
    // Each feature counts once in a window: a row is stamped with the window it was last added in.
    thread_local std::vector<std::uint32_t> stamps;
    thread_local std::uint32_t window = 0;
    if (stamps.size() != readingWeightCount || window == UINT32_MAX) {
        stamps.assign(readingWeightCount, 0);
        window = 0;
    }
    thread_local std::vector<double> z, strongest, alone;
    z.resize(labels);
    strongest.resize(labels);
    alone.resize(labels);
    for (std::size_t s = 0; s < count; ++s) {
        const ReadSentence &here = sentences[s];
        const ReadSentence *before = s > 0 ? &sentences[s - 1] : nullptr;
        const std::uint32_t skipped = skip[s] | (before ? skip[s - 1] : 0);
        if (std::all_of(active.begin(), active.end(), [&](std::size_t k) { return (skipped & (1u << k)) != 0; }))
            continue;
        ++window;
        for (const std::size_t k : active) {
            z[k] = bias[k];
            strongest[k] = 0.0;
        }
        const auto add = [&](int row) {
            if (stamps[static_cast<std::size_t>(row)] == window)
                return;
            stamps[static_cast<std::size_t>(row)] = window;
            const float *w = weightsOf(row);
            for (const std::size_t k : active) {
                z[k] += w[k];
                strongest[k] = std::max(strongest[k], static_cast<double>(w[k]));
            }
        };
        for (const int row : here.rows)
            add(row);
        // The sentence alone, before the one before is added: the evidence is the sentence when it
        // says enough by itself, so the evidence does not quote an unrelated sentence beside it.
        for (const std::size_t k : active)
            alone[k] = probability(z[k] - strongest[k]);
        if (before) {
            for (const int row : before->rows)
                add(row);
            if (here.boundaryRow >= 0)
                add(here.boundaryRow);
        }
        for (const std::size_t k : active) {
            if (skipped & (1u << k))
                continue;
            // Scored without its strongest feature: no single word decides.
            const double p = probability(z[k] - strongest[k]);
            if (p > best[k].p)
                best[k] = {p, before && alone[k] <= threshold ? before->first : here.first, here.last};
        }
    }
}

} // namespace detail

namespace {

// What this thread has learnt of words so far: each word's stem (as an id) and its row, and each
// pair of stems' row. A note's words repeat from sentence to sentence and note to note, so most
// words cost one lookup, and Snowball (most of the reading's cost before) runs once per word.
// Cleared between calls when it grows past any notes' vocabulary (its words, or the pairs it has
// looked up, misses included).
struct Vocabulary
{
    struct Word
    {
        int stem = -1;
        int row = -1;
    };
    // Looked up by the word's bytes as they stand in the note: no string is made for a known word.
    struct Hash
    {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, Word, Hash, std::equal_to<>> words;
    std::unordered_map<std::string, int> stemIds;
    std::vector<std::string> stems;
    std::unordered_map<std::uint64_t, int> pairRows;

    Word word(std::string_view text)
    {
        if (const auto it = words.find(text); it != words.end())
            return it->second;
        std::string stem = readingStem(text);
        auto [id, added] = stemIds.try_emplace(stem, static_cast<int>(stems.size()));
        if (added)
            stems.push_back(stem);
        const Word w{id->second, readingRow(stem)};
        words.emplace(std::string(text), w);
        return w;
    }

    int pairRow(int a, int b)
    {
        if (a < 0 || b < 0)
            return -1;
        const std::uint64_t key = (static_cast<std::uint64_t>(static_cast<std::uint32_t>(a)) << 32)
                                  | static_cast<std::uint32_t>(b);
        if (const auto it = pairRows.find(key); it != pairRows.end())
            return it->second;
        std::string pair = stems[static_cast<std::size_t>(a)];
        pair.append(1, '_').append(stems[static_cast<std::size_t>(b)]);
        const int row = readingRow(pair);
        pairRows.emplace(key, row);
        return row;
    }

    void bound()
    {
        if (words.size() < 200000 && pairRows.size() < 1000000)
            return;
        words.clear();
        stemIds.clear();
        stems.clear();
        pairRows.clear();
    }
};

} // namespace

void Tagger::Impl::readSentences(Text &text) const
{
    text.readSentenceCount = 0;
    const std::vector<Token> &tokens = text.tokens;
    thread_local Vocabulary vocabulary;
    vocabulary.bound();
    int lastStemBefore = -1;
    for (std::uint32_t i = 0; i < tokens.size();) {
        std::uint32_t j = i;
        while (j + 1 < tokens.size() && tokens[j + 1].sentence == tokens[i].sentence)
            ++j;
        if (text.readSentences.size() <= text.readSentenceCount)
            text.readSentences.emplace_back();
        ReadSentence &s = text.readSentences[text.readSentenceCount++];
        s.first = i;
        s.last = j;
        s.rows.clear();
        s.boundaryRow = -1;
        int firstStem = -1;
        int lastStem = -1;
        forEachReadingWord(text.bytes.substr(tokens[i].start, tokens[j].end - tokens[i].start), [&](std::string_view word) {
            const Vocabulary::Word w = vocabulary.word(word);
            if (w.row >= 0)
                s.rows.push_back(w.row);
            if (lastStem >= 0)
                if (const int row = vocabulary.pairRow(lastStem, w.stem); row >= 0)
                    s.rows.push_back(row);
            if (firstStem < 0)
                firstStem = w.stem;
            lastStem = w.stem;
        });
        s.boundaryRow = vocabulary.pairRow(lastStemBefore, firstStem);
        lastStemBefore = lastStem;
        i = j + 1;
    }
}

void Tagger::Impl::skipReadSentences(const Text &text, std::uint32_t first, std::uint32_t last, std::uint32_t labels,
                                     std::vector<std::uint32_t> &skip) const
{
    const auto begin = text.readSentences.begin();
    const auto sentenceOf = [&](std::uint32_t token) {
        const auto it = std::upper_bound(begin, begin + static_cast<std::ptrdiff_t>(text.readSentenceCount), token,
                                         [](std::uint32_t t, const ReadSentence &s) { return t < s.first; });
        return static_cast<std::size_t>(it - begin) - 1;
    };
    for (std::size_t s = sentenceOf(first), end = sentenceOf(last); s <= end; ++s)
        skip[s] |= labels;
}

} // namespace uc::themes
