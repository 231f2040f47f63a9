// SPDX-License-Identifier: GPL-3.0-or-later
// The risk flags' learned reading (reading.h): for each risk the rules left without a status,
// the sentence (read with the one before it) that the regression finds most likely to say it; a
// present flag when that is above the threshold, its evidence the sentence (with the one before
// only when it does not say enough alone) and its rule the probability ("reading:0.83"). Where the
// rules read a mention as another sense, a figure of speech or someone else's, the reading leaves
// those sentences alone.
#include "themes/pipeline.h"
#include "themes/reading.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace uc::themes {

namespace {

constexpr std::size_t riskCount = readingRiskCount;

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

    const std::size_t count = text.readSentenceCount;
    const std::vector<ReadSentence> &sentences = text.readSentences;

    // What the rules read as another sense, a figure of speech or someone else's, the reading does
    // not read again: a sentence holding such a mention of a risk (or of no one risk) is not read
    // for that risk ("alcohol abuse", "be late", "her cousin has been cutting her arms"). A risk not
    // wanted is not read anywhere.
    thread_local std::vector<std::uint32_t> skip;
    std::uint32_t unwanted = 0;
    for (std::size_t k = 0; k < riskCount; ++k)
        if (!wanted[k])
            unwanted |= 1u << k;
    skip.assign(count, unwanted);
    const auto mark = [&](int risk, std::uint32_t first, std::uint32_t last) {
        std::uint32_t labels = 0;
        for (std::size_t k = 0; k < riskCount; ++k)
            if (risk < 0 || readingRisk[k] == risk)
                labels |= 1u << k;
        skipReadSentences(text, first, last, labels, skip);
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

    thread_local std::vector<ReadingBest> best;
    bestReadings(sentences, count, ReadingSide::Risks, skip, readingThreshold, best);
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
