// SPDX-License-Identifier: GPL-3.0-or-later
// The risk flags' learned reading (riskreading.h): for each risk the rules left without a status,
// the sentence (read with the one before it) that the regression finds most likely to say it; a
// present flag when that is above the threshold, its evidence the sentences and its rule the
// probability ("reading:0.83"). Where the rules read a mention as another sense, a figure of speech
// or someone else's, the reading leaves those sentences alone.
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

// A sentence as the reading sees it: the rows of its features, and its first and last stems for
// the pair across the boundary with the sentence before.
struct ReadSentence
{
    std::uint32_t first = 0; // token indexes, inclusive
    std::uint32_t last = 0;
    std::vector<int> rows; // sorted, distinct
    std::string firstWord;
    std::string lastWord;
};

void readSentence(std::string_view bytes, ReadSentence &s)
{
    const std::vector<std::string> words = readingWords(bytes);
    s.rows.clear();
    std::string pair;
    for (std::size_t k = 0; k < words.size(); ++k) {
        if (const int row = readingRow(words[k]); row >= 0)
            s.rows.push_back(row);
        if (k + 1 < words.size()) {
            pair.assign(words[k]).append(1, '_').append(words[k + 1]);
            if (const int row = readingRow(pair); row >= 0)
                s.rows.push_back(row);
        }
    }
    std::sort(s.rows.begin(), s.rows.end());
    s.rows.erase(std::unique(s.rows.begin(), s.rows.end()), s.rows.end());
    s.firstWord = words.empty() ? std::string() : words.front();
    s.lastWord = words.empty() ? std::string() : words.back();
}

} // namespace

void Tagger::Impl::readReading(const Text &text, std::vector<RiskFinding> &out) const
{
    const std::vector<Token> &tokens = text.tokens;
    if (tokens.empty())
        return;
    std::array<bool, 5> wanted{};
    bool any = false;
    for (std::size_t k = 0; k < wanted.size(); ++k) {
        wanted[k] = readingRisk[k] >= 0 && std::none_of(out.begin(), out.end(), [&](const RiskFinding &f) {
                        return f.risk == readingRisk[k] && (f.status == RiskFinding::Present || f.status == RiskFinding::Denied);
                    });
        any = any || wanted[k];
    }
    if (!any)
        return;

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
        readSentence(text.bytes.substr(tokens[i].start, tokens[j].end - tokens[i].start), s);
        i = j + 1;
    }

    struct Best
    {
        double p = 0.0;
        std::uint32_t first = 0;
        std::uint32_t last = 0;
    };
    std::array<Best, 5> best{};
    // What the rules read as another sense, a figure of speech or someone else's, the reading does
    // not read again: a window holding such a mention of a risk (or of no one risk) is not scored
    // for that risk ("alcohol abuse", "be late", "her cousin has been cutting her arms").
    const auto otherwiseRead = [&](std::size_t k, std::uint32_t first, std::uint32_t last) {
        const int risk = readingRisk[k];
        for (const Mention &m : text.riskMentions) {
            if (m.last < first || m.first > last)
                continue;
            const Phrase &p = phrases[static_cast<std::size_t>(m.phrase)];
            const bool other = p.riskKind == RiskKind::Exception || p.riskKind == RiskKind::NetException
                               || p.riskKind == RiskKind::Figurative || p.riskKind == RiskKind::Others;
            if (other && (p.risk == risk || p.risk < 0))
                return true;
        }
        for (const RiskFinding &f : out)
            if (f.risk == risk && (f.status == RiskFinding::Figurative || f.status == RiskFinding::OtherPerson)
                && f.last >= first && f.first <= last)
                return true;
        return false;
    };
    thread_local std::vector<int> window;
    std::string pair;
    for (std::size_t s = 0; s < count; ++s) {
        const ReadSentence &here = sentences[s];
        window.assign(here.rows.begin(), here.rows.end());
        std::uint32_t first = here.first;
        if (s > 0) {
            const ReadSentence &before = sentences[s - 1];
            first = before.first;
            window.insert(window.end(), before.rows.begin(), before.rows.end());
            if (!before.lastWord.empty() && !here.firstWord.empty()) {
                pair.assign(before.lastWord).append(1, '_').append(here.firstWord);
                if (const int row = readingRow(pair); row >= 0)
                    window.push_back(row);
            }
            std::sort(window.begin(), window.end());
            window.erase(std::unique(window.begin(), window.end()), window.end());
        }
        for (std::size_t k = 0; k < wanted.size(); ++k) {
            if (!wanted[k] || otherwiseRead(k, first, here.last))
                continue;
            double z = readingBias[k];
            double strongest = 0.0;
            for (const int row : window) {
                z += readingWeights[row].weights[k];
                strongest = std::max(strongest, static_cast<double>(readingWeights[row].weights[k]));
            }
            // Scored without its strongest feature: no single word decides.
            const double p = 1.0 / (1.0 + std::exp(-std::clamp(z - strongest, -30.0, 30.0)));
            if (p > best[k].p)
                best[k] = {p, first, here.last};
        }
    }
    for (std::size_t k = 0; k < wanted.size(); ++k) {
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
