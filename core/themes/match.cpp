// SPDX-License-Identifier: GPL-3.0-or-later
// Matching: a word that can start a phrase tries to complete it within the sentence, allowing up
// to two extra words between the phrase's words ("felt so completely alone"), and two more where
// they are a prepositional phrase after an absence word ("nobody from my old team texts me").
// Exceptions cancel what they overlap; overlapping mentions of one theme are one.
#include "themes/pipeline.h"

#include <algorithm>
#include <optional>

namespace uc::themes {

namespace {

bool wordMatches(const PatternWord &w, const Token &t)
{
    if (w.negator)
        return (t.flags & Neg) != 0;
    if (w.age)
        return (t.flags & ChildAge) && !(t.flags & ColonAfter); // "at 14:00" is a time
    if (w.prefix >= 0)
        return t.prefix1 == w.prefix || t.prefix2 == w.prefix;
    return t.form >= 0 && ((w.formBits >> (t.form & 63)) & 1u) != 0
           && std::find(w.forms.begin(), w.forms.end(), t.form) != w.forms.end();
}

} // namespace

template<typename Key>
void Tagger::Impl::keepLongest(std::vector<Mention> &mentions, Key key, qsizetype keys) const
{
    // Within a theme, overlapping mentions are one mention: keep the longest. Mentions go in text
    // order (the longer first where two start together); each theme's last kept one is compared
    // with the next of that theme.
    insertionSort(mentions.begin(), mentions.end(), [](const Mention &a, const Mention &b) {
        return a.first != b.first ? a.first < b.first : a.last > b.last;
    });
    thread_local std::vector<std::int32_t> lastKept;
    lastKept.assign(static_cast<std::size_t>(keys), -1);
    for (std::size_t k = 0; k < mentions.size(); ++k) {
        Mention &m = mentions[k];
        std::int32_t &last = lastKept[static_cast<std::size_t>(key(m))];
        if (last >= 0) {
            Mention &before = mentions[static_cast<std::size_t>(last)];
            if (m.first <= before.last) {
                // The longer mention; on the very same words, the more specific phrase names the
                // rule ("drinking" rather than "drink" for "drinking").
                const bool sameWords = m.first == before.first && m.last == before.last;
                if (m.last - m.first > before.last - before.first
                    || (sameWords && phrases[static_cast<std::size_t>(m.phrase)].text.size()
                                         > phrases[static_cast<std::size_t>(before.phrase)].text.size())) {
                    before.kept = false;
                    last = static_cast<std::int32_t>(k);
                } else {
                    m.kept = false;
                }
                continue;
            }
        }
        last = static_cast<std::int32_t>(k);
    }
    std::erase_if(mentions, [](const Mention &m) { return !m.kept; });
}

void Tagger::Impl::markAbsenceModifiers(std::vector<Token> &tokens, std::string_view bytes)
{
    // "nobody FROM MY OLD TEAM texts me", "no one AT WORK talks to me": the words after an absent
    // subject ("nobody", "noone", "no one") that start with a preposition modify it, and a phrase's
    // gap may run across them. Not after "no" or "nothing" otherwise ("no history of …"). One flag
    // test per word; the few absence words look further.
    const std::size_t n = tokens.size();
    const auto isOne = [&](const Token &t) {
        const std::string_view w = bytes.substr(t.start, t.end - t.start);
        return w == "one" || w == "One" || w == "ONE";
    };
    for (std::size_t i = 0; i + 1 < n; ++i) {
        if (!(tokens[i].flags & Absence))
            continue;
        std::size_t j = i + 1;
        if (tokens[i].flags & Neg) { // "no", "nothing": only "no one"
            if (!isOne(tokens[j]) || j + 1 >= n || tokens[j + 1].sentence != tokens[i].sentence)
                continue;
            ++j;
        }
        if (!(tokens[j].flags & Prep) || (tokens[j].flags & noGap) || tokens[j].sentence != tokens[i].sentence)
            continue;
        std::size_t end = j;
        bool family = false;
        for (; end < n && end < j + modifierLength && tokens[end].sentence == tokens[i].sentence
               && !(tokens[end].flags & noGap);
             ++end)
            family = family || (tokens[end].flags & Family);
        // "Nobody in my family rings": the family's silence (abandonment, family conflict), not
        // the loneliness phrase.
        if (family)
            continue;
        for (std::size_t k = j; k < end; ++k)
            tokens[k].flags |= AbsenceModifier;
    }
}

void Tagger::Impl::match(Text &text, std::vector<Mention> &mentions) const
{
    markAbsenceModifiers(text.tokens, text.bytes);
    const std::vector<Token> &tokens = text.tokens;
    std::vector<Mention> &predicates = text.predicates;
    predicates.clear();
    text.riskMentions.clear();
    const std::size_t n = tokens.size();
    // The nearest token after (step +1) or before (step -1) `from` that matches w, at most maxGap
    // words away, in the same sentence, without crossing into another clause.
    // Each word of an absence word's modifier passed lets the gap run one word further (at most
    // modifierGap further).
    constexpr std::size_t reach = 1 + maxGap;
    const auto widen = [](std::size_t &limit, const Token &t) {
        if ((t.flags & AbsenceModifier) && limit < reach + modifierGap)
            ++limit;
    };
    auto seek = [&](const PatternWord &w, std::size_t from, int step, std::uint32_t sentence) -> std::optional<std::size_t> {
        for (std::size_t k = 1, limit = reach; k <= limit; ++k) {
            if (step < 0 && k > from)
                break;
            const std::size_t j = step > 0 ? from + k : from - k;
            if (j >= n || tokens[j].sentence != sentence)
                break;
            if (wordMatches(w, tokens[j]))
                return j;
            if (tokens[j].flags & noGap)
                break;
            widen(limit, tokens[j]);
        }
        return std::nullopt;
    };
    auto tryPhrase = [&](int pi, std::size_t i) {
        const Phrase &p = phrases[static_cast<std::size_t>(pi)];
        const std::uint32_t sentence = tokens[i].sentence;
        std::size_t begin = i; // words before the anchor, right to left
        for (std::size_t w = p.anchor; w-- > 0;) {
            const auto j = seek(p.words[w], begin, -1, sentence);
            if (!j)
                return;
            begin = *j;
        }
        std::size_t pos = i; // then the words after it
        for (std::size_t w = p.anchor + 1; w < p.words.size(); ++w) {
            const auto j = seek(p.words[w], pos, +1, sentence);
            if (!j)
                return;
            pos = *j;
        }
        Mention m{p.theme, pi, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(pos), true,
                  Exclusion::Negated, p.theme};
        m.anchor = m.first;
        if (p.riskKind != RiskKind::None) {
            m.theme = p.risk;
            m.countedAs = p.risk;
            text.riskMentions.push_back(m);
            return;
        }
        (p.theme >= 0 ? mentions : predicates).push_back(m);
    };
    // What stands within reach on each side of a word, as seek() would look (a filter: the bits
    // may say yes to a form that is not the neighbour; tryPhrase decides). Worked out once per
    // word that can start a phrase, then one test per phrase to try there.
    struct Around
    {
        std::array<std::uint64_t, 2> bits{}; // [0] before, [1] after: bit (form % 64) of each word
        std::uint8_t found = Start::Always | Start::Prefix; // Start::Need: what is there
    };
    auto around = [&](std::size_t i) {
        Around a;
        const std::uint32_t sentence = tokens[i].sentence;
        for (int side = 0; side < 2; ++side) {
            for (std::size_t k = 1, limit = reach; k <= limit; ++k) {
                if (side == 0 && k > i)
                    break;
                const std::size_t j = side == 1 ? i + k : i - k;
                if (j >= n || tokens[j].sentence != sentence)
                    break;
                const Token &t = tokens[j];
                if (t.form >= 0)
                    a.bits[static_cast<std::size_t>(side)] |= 1ull << (t.form & 63);
                if (t.flags & Neg)
                    a.found |= side == 1 ? Start::NegationAfter : Start::NegationBefore;
                if (t.flags & ChildAge)
                    a.found |= side == 1 ? Start::AgeAfter : Start::AgeBefore;
                if (t.flags & noGap)
                    break;
                widen(limit, t);
            }
        }
        return a;
    };
    auto prefixNear = [&](const Start &st, std::size_t i) {
        const std::uint32_t sentence = tokens[i].sentence;
        for (std::size_t k = 1, limit = reach; k <= limit; ++k) {
            if (st.step < 0 && k > i)
                break;
            const std::size_t j = st.step > 0 ? i + k : i - k;
            if (j >= n || tokens[j].sentence != sentence)
                break;
            if (tokens[j].prefix1 == st.neighbourPrefix || tokens[j].prefix2 == st.neighbourPrefix)
                return true;
            if (tokens[j].flags & noGap)
                break;
            widen(limit, tokens[j]);
        }
        return false;
    };
    auto mayHaveNeighbour = [&](const Start &st, std::size_t i, const Around &a) {
        if (((st.neighbourBits[0] & a.bits[0]) | (st.neighbourBits[1] & a.bits[1])) != 0)
            return true;
        const std::uint8_t met = st.needs & a.found;
        return met != 0 && (met != Start::Prefix || prefixNear(st, i));
    };
    auto tryAll = [&](const std::vector<Start> &starts, std::size_t i, const Around &a) {
        for (const Start &st : starts)
            if (mayHaveNeighbour(st, i, a))
                tryPhrase(st.phrase, i);
    };
    for (std::size_t i = 0; i < n; ++i) {
        const Token &t = tokens[i];
        const bool byForm = (t.flags & Anchor) != 0;
        if (!byForm && t.prefix1 < 0)
            continue;
        const Around a = around(i);
        if (byForm)
            tryAll(startsByForm[static_cast<std::size_t>(t.form)], i, a);
        if (t.prefix1 >= 0)
            tryAll(startsByPrefix[static_cast<std::size_t>(t.prefix1)], i, a);
        if (t.prefix2 >= 0)
            tryAll(startsByPrefix[static_cast<std::size_t>(t.prefix2)], i, a);
    }
    // Exception phrases cancel the theme's mentions they overlap ("used to" is not use).
    thread_local std::vector<Mention> exceptions;
    exceptions.clear();
    for (const Mention &m : mentions)
        if (phrases[static_cast<std::size_t>(m.phrase)].exception)
            exceptions.push_back(m);
    if (!exceptions.empty()) {
        // By start, so each mention looks only at the exceptions that can reach it.
        const auto byFirst = [](const Mention &a, const Mention &b) { return a.first < b.first; };
        insertionSort(exceptions.begin(), exceptions.end(), byFirst);
        std::uint32_t longest = 0;
        for (const Mention &x : exceptions)
            longest = std::max(longest, x.last - x.first);
        std::erase_if(mentions, [&](const Mention &m) {
            if (phrases[static_cast<std::size_t>(m.phrase)].exception)
                return true;
            auto it = std::upper_bound(exceptions.begin(), exceptions.end(), m.last,
                                       [](std::uint32_t last, const Mention &x) { return last < x.first; });
            while (it != exceptions.begin()) {
                --it;
                if (it->first + longest < m.first)
                    break;
                if (it->theme == m.theme && m.first <= it->last)
                    return true;
            }
            return false;
        });
    }
    keepLongest(mentions, [](const Mention &m) { return m.theme; }, codebook.themes().size());
    // Acts overlap across classes too: "kicked her out" is expulsion, not the harm of "kicked".
    keepLongest(predicates, [](const Mention &) { return 0; }, 1);
}

} // namespace uc::themes
