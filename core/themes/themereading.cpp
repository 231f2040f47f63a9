// SPDX-License-Identifier: GPL-3.0-or-later
// The themes' learned reading (reading.h; docs/tagger.md, "Session 39"): for each theme it
// covers that the rules found no mention of at all, the sentence (read with the one before it)
// the regression finds most likely to show it; a theme when that is above the threshold, its
// evidence the sentence (with the one before only when it does not say enough alone) and its rule
// the probability ("reading:0.62"). It never reads a sentence again where the rules set a mention
// of that theme aside (denied, someone else's, a condition), nor a sentence in which the clinician
// speaks of themselves (their own feelings are not the client's themes).
#include "themes/pipeline.h"
#include "themes/reading.h"

#include <algorithm>
#include <cmath>

namespace uc::themes {

void Tagger::Impl::readThemes(const Text &text, std::vector<Mention> &mentions) const
{
    const std::size_t count = text.readSentenceCount;
    if (count == 0)
        return;
    const std::vector<Token> &tokens = text.tokens;
    // A theme the rules found anywhere in the note is not read: the rules' evidence names it.
    thread_local std::vector<std::uint32_t> skip;
    std::uint32_t unwanted = 0;
    for (std::size_t k = 0; k < readingThemeCount; ++k) {
        const int theme = readingTheme[k];
        if (theme < 0 || std::any_of(mentions.begin(), mentions.end(), [&](const Mention &m) {
                return m.counted ? m.theme == theme : m.countedAs == theme && m.theme != theme;
            }))
            unwanted |= 1u << k;
    }
    if (unwanted == (1u << readingThemeCount) - 1)
        return;
    skip.assign(count, unwanted);
    // A mention the rules set aside (negated, someone else's, a condition): its sentences are not
    // read for its theme ("denies feeling low" is not read as low mood).
    for (const Mention &m : mentions) {
        if (m.counted)
            continue;
        std::uint32_t labels = 0;
        for (std::size_t k = 0; k < readingThemeCount; ++k)
            if (readingTheme[k] == m.theme)
                labels |= 1u << k;
        if (labels != 0)
            skipReadSentences(text, m.first, m.last, labels, skip);
    }
    // The clinician speaking of themselves ("I noticed I felt bored"): not the client's.
    for (std::size_t s = 0; s < count; ++s) {
        const ReadSentence &sentence = text.readSentences[s];
        for (std::uint32_t t = sentence.first; t <= sentence.last; ++t)
            if ((tokens[t].flags & FirstPerson) && voiceAt(text, t) == Voice::Clinical) {
                skip[s] = ~0u;
                break;
            }
    }
    thread_local std::vector<ReadingBest> best;
    bestReadings(text.readSentences, count, ReadingSide::Themes, skip, readingThemeThreshold, best);
    for (std::size_t k = 0; k < readingThemeCount; ++k) {
        if ((unwanted & (1u << k)) || best[k].p <= readingThemeThreshold)
            continue;
        Mention m{readingTheme[k], -1, best[k].first, best[k].last};
        m.anchor = m.first;
        m.reading = static_cast<std::int8_t>(std::min(99.0, std::floor(best[k].p * 100.0)));
        mentions.push_back(m);
    }
}

} // namespace uc::themes
