// SPDX-License-Identifier: GPL-3.0-or-later
// The risk flags' learned reading (riskreading.h): for each risk the rules left without a status,
// the sentence (read with the one before it) that the regression finds most likely to say it; a
// present flag when that is above the threshold, its evidence the sentence (with the one before
// only when it does not say enough alone) and its rule the probability ("reading:0.83"). Where the
// rules read a mention as another sense, a figure of speech or someone else's, the reading leaves
// those sentences alone.
#include "themes/pipeline.h"
#include "themes/riskreading.h"

#include <algorithm>
#include <cmath>
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

} // namespace detail

namespace {

constexpr std::size_t riskCount = readingRiskCount;

// What this thread has learnt of words so far: each word's stem (as an id) and its row, and each
// pair of stems' row. A note's words repeat from sentence to sentence and note to note, so most
// words cost one lookup, and Snowball (most of the reading's cost before) runs once per word. Cleared between calls when it grows past any notes' vocabulary.
struct Vocabulary
{
    struct Word
    {
        int stem = -1;
        int row = -1;
    };
    std::unordered_map<std::string, Word> words;
    std::unordered_map<std::string, int> stemIds;
    std::vector<std::string> stems;
    std::unordered_map<std::uint64_t, int> pairRows;

    Word word(std::string_view text)
    {
        std::string key(text);
        if (const auto it = words.find(key); it != words.end())
            return it->second;
        std::string stem = readingStem(text);
        auto [id, added] = stemIds.try_emplace(stem, static_cast<int>(stems.size()));
        if (added)
            stems.push_back(stem);
        const Word w{id->second, readingRow(stem)};
        words.emplace(std::move(key), w);
        return w;
    }

    int pairRow(int a, int b)
    {
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
        if (words.size() < 200000)
            return;
        words.clear();
        stemIds.clear();
        stems.clear();
        pairRows.clear();
    }
};

// A sentence as the reading sees it: the rows of its features (duplicates allowed), and its first
// and last stems for the pair across the boundary with the sentence before.
struct ReadSentence
{
    std::uint32_t first = 0; // token indexes, inclusive
    std::uint32_t last = 0;
    std::vector<int> rows;
    int firstStem = -1;
    int lastStem = -1;
    std::array<bool, riskCount> otherwiseRead{}; // the rules read a mention here another way
};

void readSentence(std::string_view bytes, Vocabulary &vocabulary, ReadSentence &s)
{
    s.rows.clear();
    s.firstStem = s.lastStem = -1;
    s.otherwiseRead.fill(false);
    forEachReadingWord(bytes, [&](std::string_view text) {
        const Vocabulary::Word w = vocabulary.word(text);
        if (w.row >= 0)
            s.rows.push_back(w.row);
        if (s.lastStem >= 0)
            if (const int row = vocabulary.pairRow(s.lastStem, w.stem); row >= 0)
                s.rows.push_back(row);
        if (s.firstStem < 0)
            s.firstStem = w.stem;
        s.lastStem = w.stem;
    });
}

} // namespace

void Tagger::Impl::readReading(const Text &text, std::vector<RiskFinding> &out) const
{
    const std::vector<Token> &tokens = text.tokens;
    if (tokens.empty())
        return;
    std::array<bool, riskCount> wanted{};
    bool any = false;
    for (std::size_t k = 0; k < riskCount; ++k) {
        wanted[k] = readingRisk[k] >= 0 && std::none_of(out.begin(), out.end(), [&](const RiskFinding &f) {
                        return f.risk == readingRisk[k] && (f.status == RiskFinding::Present || f.status == RiskFinding::Denied);
                    });
        any = any || wanted[k];
    }
    if (!any)
        return;

    thread_local Vocabulary vocabulary;
    vocabulary.bound();
    thread_local std::vector<ReadSentence> sentences;
    std::size_t count = 0;
    for (std::uint32_t i = 0; i < tokens.size();) {
        std::uint32_t j = i;
        while (j + 1 < tokens.size() && tokens[j + 1].sentence == tokens[i].sentence)
            ++j;
        if (sentences.size() <= count)
            sentences.emplace_back();
        ReadSentence &s = sentences[count++];
        s.first = i;
        s.last = j;
        readSentence(text.bytes.substr(tokens[i].start, tokens[j].end - tokens[i].start), vocabulary, s);
        i = j + 1;
    }

    // What the rules read as another sense, a figure of speech or someone else's, the reading does
    // not read again: a sentence holding such a mention of a risk (or of no one risk) is not read
    // for that risk ("alcohol abuse", "be late", "her cousin has been cutting her arms").
    const auto sentenceOf = [&](std::uint32_t token) {
        const auto it = std::upper_bound(sentences.begin(), sentences.begin() + static_cast<std::ptrdiff_t>(count), token,
                                         [](std::uint32_t t, const ReadSentence &s) { return t < s.first; });
        return static_cast<std::size_t>(it - sentences.begin()) - 1;
    };
    const auto mark = [&](int risk, std::uint32_t first, std::uint32_t last) {
        for (std::size_t k = 0; k < riskCount; ++k) {
            if (risk >= 0 && readingRisk[k] != risk)
                continue;
            for (std::size_t s = sentenceOf(first), end = sentenceOf(last); s <= end; ++s)
                sentences[s].otherwiseRead[k] = true;
        }
    };
    for (const Mention &m : text.riskMentions) {
        const Phrase &p = phrases[static_cast<std::size_t>(m.phrase)];
        if (p.riskKind == RiskKind::Exception || p.riskKind == RiskKind::NetException
            || p.riskKind == RiskKind::Figurative || p.riskKind == RiskKind::Others)
            mark(p.risk, m.first, m.last);
    }
    for (const RiskFinding &f : out)
        if (f.status == RiskFinding::Figurative || f.status == RiskFinding::OtherPerson)
            mark(f.risk, f.first, f.last);

    struct Best
    {
        double p = 0.0;
        std::uint32_t first = 0; // the evidence: the sentence, or with the one before when it needs it
        std::uint32_t last = 0;
    };
    const auto probability = [](double z) { return 1.0 / (1.0 + std::exp(-std::clamp(z, -30.0, 30.0))); };
    std::array<Best, riskCount> best{};
    // Each feature counts once in a window: a row is stamped with the window it was last added in.
    thread_local std::vector<std::uint32_t> stamps;
    thread_local std::uint32_t window = 0;
    if (stamps.size() != readingWeightCount || window == UINT32_MAX) {
        stamps.assign(readingWeightCount, 0);
        window = 0;
    }
    for (std::size_t s = 0; s < count; ++s) {
        const ReadSentence &here = sentences[s];
        const ReadSentence *before = s > 0 ? &sentences[s - 1] : nullptr;
        ++window;
        std::array<double, riskCount> z{};
        std::array<double, riskCount> strongest{};
        for (std::size_t k = 0; k < riskCount; ++k)
            z[k] = readingBias[k];
        const auto add = [&](int row) {
            if (stamps[static_cast<std::size_t>(row)] == window)
                return;
            stamps[static_cast<std::size_t>(row)] = window;
            const float *w = readingWeights[row].weights;
            for (std::size_t k = 0; k < riskCount; ++k) {
                z[k] += w[k];
                strongest[k] = std::max(strongest[k], static_cast<double>(w[k]));
            }
        };
        for (const int row : here.rows)
            add(row);
        // The sentence alone, before the one before is added: the evidence is the sentence when it
        // says enough by itself, so the banner does not quote an unrelated sentence beside it.
        std::array<double, riskCount> alone{};
        for (std::size_t k = 0; k < riskCount; ++k)
            alone[k] = probability(z[k] - strongest[k]);
        if (before) {
            for (const int row : before->rows)
                add(row);
            if (before->lastStem >= 0 && here.firstStem >= 0)
                if (const int row = vocabulary.pairRow(before->lastStem, here.firstStem); row >= 0)
                    add(row);
        }
        for (std::size_t k = 0; k < riskCount; ++k) {
            if (!wanted[k] || here.otherwiseRead[k] || (before && before->otherwiseRead[k]))
                continue;
            // Scored without its strongest feature: no single word decides.
            const double p = probability(z[k] - strongest[k]);
            if (p > best[k].p)
                best[k] = {p, before && alone[k] <= readingThreshold ? before->first : here.first, here.last};
        }
    }
    for (std::size_t k = 0; k < riskCount; ++k) {
        if (!wanted[k] || best[k].p <= readingThreshold)
            continue;
        RiskFinding f;
        f.risk = readingRisk[k];
        f.first = best[k].first;
        f.last = best[k].last;
        f.status = RiskFinding::Present;
        f.rule = RiskFinding::Reading;
        f.rank = 1000; // the least specific evidence there is: any rule's kind names the flag first
        f.classA = static_cast<std::int8_t>(std::min(99.0, std::floor(best[k].p * 100.0)));
        out.push_back(f);
    }
}

} // namespace uc::themes
