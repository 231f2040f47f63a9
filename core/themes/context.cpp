// SPDX-License-Identifier: GPL-3.0-or-later
// Context: each mention is checked for negation (a trigger before it in its scope, "denied" just
// after, a rating of 0), hypothetical or future framing (a condition, a fear, a plan line, a topic
// taught), and whose experience it is (persons.cpp).
#include "themes/pipeline.h"

#include <algorithm>
#include <functional>

namespace uc::themes {

namespace {

// Whether the clause of tokens[at] was opened by a subordinator of time, cause or condition
// ("when", "because", "since", "until", "if" …), not by "but", "that", a relative or "so".
bool inSubordinateClause(const std::vector<Token> &tokens, std::size_t at)
{
    std::size_t first = at;
    while (first > 0 && tokens[first - 1].clause == tokens[at].clause && tokens[first - 1].sentence == tokens[at].sentence)
        --first;
    const std::uint64_t f = tokens[first].flags;
    return first != at && (f & Clause) && (f & (Link | Hypo)) && !(f & (Comp | Relative | ConseqLink | Term));
}

constexpr std::size_t frontedWithoutReach = 10; // words from a sentence's first "without" to its main clause's subject

// "without" at `at`, with a negation before it in its clause: "I can't get through the night
// without a drink", "not a day goes by without drinking".
bool withoutUndone(const Text &text, std::size_t at)
{
    const std::vector<Token> &tokens = text.tokens;
    const Token &w = tokens[at];
    const std::string_view word = text.bytes.substr(w.start, w.end - w.start);
    if (word.size() != 7 || !std::equal(word.begin(), word.end(), "without", [](char a, char b) { return (a | 0x20) == b; }))
        return false;
    for (std::size_t k = at, seen = 0; k-- > 0 && seen < 6; ++seen) {
        const Token &t = tokens[k];
        if (t.sentence != w.sentence || t.clause != w.clause || (t.flags & (Term | Coord)))
            break;
        if (t.flags & Neg)
            return true;
    }
    // "Without a drink I can't sleep": "without" opens the sentence and the main clause after it
    // has a subject and a negated verb (not without it is with it, in either order).
    if (at > 0 && tokens[at - 1].sentence == w.sentence && !(tokens[at - 1].flags & Term))
        return false;
    for (std::size_t k = at + 1; k < tokens.size() && k <= at + frontedWithoutReach; ++k) {
        const Token &t = tokens[k];
        if (t.sentence != w.sentence || (t.flags & Term))
            return false;
        const bool subject = (t.flags & (FirstPerson | ThirdPerson | Client | We | They)) && !(t.flags & (Possessive | ObjectPronoun));
        if (!subject)
            continue;
        for (std::size_t n = k + 1; n < tokens.size() && n <= k + 2 && tokens[n].sentence == w.sentence; ++n)
            if (tokens[n].flags & Neg)
                return true;
    }
    return false;
}

// "I've never felt so alone", "never been this low", "never felt more alone": a degree after
// "never" and a verb says how much, not that it is not so.
bool emphaticNever(const Text &text, std::size_t at, std::uint32_t anchor)
{
    const auto is = [&](std::size_t k, std::string_view w) {
        const Token &t = text.tokens[k];
        const std::string_view word = text.bytes.substr(t.start, t.end - t.start);
        return word.size() == w.size()
               && std::equal(word.begin(), word.end(), w.begin(), [](char a, char b) { return (a | 0x20) == b; });
    };
    if (!is(at, "never"))
        return false;
    for (std::size_t k = at + 2; k <= anchor && k <= at + 3; ++k) {
        if (text.tokens[k].sentence != text.tokens[at].sentence)
            return false;
        if (is(k, "so") || is(k, "this") || is(k, "more"))
            return true;
    }
    return false;
}

// "can't sleep from worrying", "couldn't eat for the nerves": what stops sleep or food is the
// mention, and it is so. Only after these verbs ("doesn't suffer from anxiety" stays negated).
bool causeOfNegated(const Text &text, std::size_t prep, std::uint32_t anchor)
{
    static constexpr std::string_view preps[] = {"from", "for", "with"};
    static constexpr std::string_view verbs[] = {"sleep", "slept", "sleeping", "eat", "eating", "ate", "think",
                                                 "thinking", "breathe", "breathing", "concentrate", "focus",
                                                 "relax", "settle", "rest", "function"};
    const auto word = [&](std::size_t k) {
        const Token &t = text.tokens[k];
        return text.bytes.substr(t.start, t.end - t.start);
    };
    const auto among = [](std::string_view w, const auto &list) {
        return std::any_of(std::begin(list), std::end(list), [&](std::string_view x) {
            return w.size() == x.size()
                   && std::equal(w.begin(), w.end(), x.begin(), [](char a, char b) { return (a | 0x20) == b; });
        });
    };
    const bool next = prep + 1 == anchor || (prep + 2 == anchor && (text.tokens[prep + 1].flags & Det));
    return next && prep > 0 && text.tokens[prep - 1].sentence == text.tokens[prep].sentence
           && among(word(prep), preps) && among(word(prep - 1), verbs);
}

} // namespace

bool Tagger::Impl::negated(const Text &text, const Mention &m, const std::vector<std::uint32_t> &mentionEnds) const
{
    const std::vector<Token> &tokens = text.tokens;
    const std::uint32_t sentence = tokens[m.anchor].sentence;
    // A mention that is itself an absence ("no friends", "nobody cares") is not undone by an
    // absence before it: "no job and no friends" is a list, not a double negative. A negated verb
    // still negates it ("I wouldn't say I've got no friends"), and "didn't use" stays negatable.
    const bool ownAbsence = (tokens[m.first].flags & Absence) && m.first == m.anchor;
    int seen = 0;
    bool newSubject = false;
    for (std::int64_t j = static_cast<std::int64_t>(m.anchor) - 1; j >= 0 && seen < negationWindow; --j, ++seen) {
        const Token &t = tokens[static_cast<std::size_t>(j)];
        if (ownAbsence && (t.flags & Absence))
            continue;
        // A negation does not reach into a clause opened by "because", "since", "when" …, nor into
        // one with its own subject ("can't sleep, I'm on edge", "without it and I get anxious").
        if (t.sentence != sentence || (t.flags & Term) || ((t.flags & Clause) && !(t.flags & (Comp | Relative))))
            return false;
        if (static_cast<std::uint32_t>(j + 1) < m.anchor) {
            const Token &after = tokens[static_cast<std::size_t>(j + 1)];
            const bool subject = (after.flags & (FirstPerson | ThirdPerson | Client | We | They))
                                 && !(after.flags & (Possessive | ObjectPronoun));
            if (subject && (t.clause != after.clause || (t.flags & Coord)))
                return false;
            // A subject after a word of content: if the negation turns out to be in a clause
            // opened by a subordinator, this subject starts the main clause (below).
            newSubject = newSubject || (subject && !(t.flags & (Clause | Link)));
            // "didn't drink at all, 6 months sober": a count after a comma starts afresh.
            if (t.clause != after.clause && (after.flags & Number))
                return false;
        }
        // "doesn't feel guilty ABOUT the drinking": the negation is the nearer mention's.
        if ((t.flags & About) && j > 0
            && std::binary_search(mentionEnds.begin(), mentionEnds.end(), static_cast<std::uint32_t>(j - 1)))
            return false;
        if (causeOfNegated(text, static_cast<std::size_t>(j), m.anchor))
            return false;
        if ((t.flags & Instead) && static_cast<std::uint32_t>(j + 1) < m.anchor
            && (tokens[static_cast<std::size_t>(j + 1)].flags & FearLink))
            return true; // "instead of drinking"
        const bool nextPseudo = static_cast<std::size_t>(j + 1) < tokens.size()
                                && (tokens[static_cast<std::size_t>(j + 1)].flags & PseudoAfterNeg)
                                && static_cast<std::uint32_t>(j + 1) < m.anchor;
        // "can't sleep without a drink", "never goes out without drinking": a negated verb before
        // "without" in its clause undoes it (not without it is with it).
        if ((t.flags & Neg) && !nextPseudo
            && (withoutUndone(text, static_cast<std::size_t>(j)) || emphaticNever(text, static_cast<std::size_t>(j), m.anchor)))
            return false;
        if ((t.flags & Neg) && !nextPseudo) {
            // "no longer" negates; "not only", "can't stop", "no doubt" do not. "When I'm not
            // working I feel awful", "because she wasn't drinking that night she was irritable":
            // a negation inside a clause opened by a subordinator stays there. ("I don't think
            // I'm depressed" has none: negated.)
            return !(newSubject && inSubordinateClause(tokens, static_cast<std::size_t>(j)));
        }
        // "stopped drinking", "quit smoking", "gave up the booze": not now. "Trying to stop
        // drinking", "can't stop drinking", "wants to quit smoking": still so.
        if ((t.flags & Cessation) && m.anchor - static_cast<std::uint32_t>(j) <= 3) {
            const Token *before = j > 0 ? &tokens[static_cast<std::size_t>(j - 1)] : nullptr;
            if (!before || before->sentence != sentence || !(before->flags & (Prep | Neg | Intends | Hypo | AskVerb | Purpose)))
                return true;
        }
        if ((t.flags & NegMulti) && static_cast<std::uint32_t>(j + 1) < m.anchor) {
            // free of, negative for, abstinent from, absence of, ruled out
            const Token &next = tokens[static_cast<std::size_t>(j + 1)];
            if (next.flags & (Prep | FearLink | Out))
                return true;
        }
    }
    // "cravings: denied", "urges were absent"
    for (std::size_t j = m.last + 1; j < tokens.size() && j <= m.last + 3; ++j) {
        const Token &t = tokens[j];
        if (t.sentence != sentence || (t.flags & (Term | Clause)))
            break;
        if (t.flags & PostNeg)
            return true;
    }
    return false;
}

bool Tagger::Impl::zeroRating(const Text &text, const Mention &m) const
{
    // A field at a line's start whose value says nothing: "Use since last session: none".
    {
        const std::vector<Token> &tokens = text.tokens;
        std::size_t line = m.first;
        for (std::size_t n = 0; n < 4 && line > 0 && !(tokens[line].flags & LineStart); ++n)
            --line;
        if (tokens[line].flags & LineStart)
            for (std::size_t k = m.last; k < tokens.size() && k <= m.last + 4 && tokens[k].sentence == tokens[m.first].sentence; ++k)
                if (tokens[k].flags & ColonAfter) {
                    const std::size_t v = k + 1;
                    if (v < tokens.size() && (tokens[v].flags & (PostNeg | Neg)))
                        return true;
                    break;
                }
    }
    // "Cravings: 0/10", "urges 0": a rating of nothing is a negated mention.
    const std::vector<Token> &tokens = text.tokens;
    for (std::size_t j = m.last + 1; j < tokens.size() && j <= m.last + 2; ++j) {
        const Token &t = tokens[j];
        if (t.sentence != tokens[m.last].sentence)
            break;
        if (t.flags & Number)
            return t.end - t.start == 1 && text.bytes[t.start] == '0';
        if (!(tokens[j - 1].flags & ColonAfter) && !(t.flags & (Intensifier | Copula)))
            break;
    }
    return false;
}

bool Tagger::Impl::hypothetical(const Text &text, const Mention &m) const
{
    const std::vector<Token> &tokens = text.tokens;
    const std::uint32_t at = m.anchor;
    const std::uint32_t sentence = tokens[at].sentence;
    // "nearly drank", "almost relapsed": it did not happen (but "nearly tempted" was a temptation).
    for (std::int64_t j = static_cast<std::int64_t>(at) - 1; j >= 0 && !objectTheme[static_cast<std::size_t>(m.theme)]; --j) {
        const Token &t = tokens[static_cast<std::size_t>(j)];
        if (t.sentence != sentence || !(t.flags & (Almost | Intensifier)))
            break;
        if (t.flags & Almost)
            return true;
    }
    int boundaries = 0;
    for (std::int64_t j = static_cast<std::int64_t>(at) - 1; j >= 0; --j) {
        const Token &t = tokens[static_cast<std::size_t>(j)];
        if (t.sentence != sentence || (t.flags & Term) || at - static_cast<std::uint32_t>(j) > hypotheticalWindow)
            return false;
        const Token &after = tokens[static_cast<std::size_t>(j + 1)];
        // A condition or a fear reaches its consequence, not a clause joined on after it: "if he
        // calls I panic, and last night I drank" — the drinking happened.
        if (t.clause != after.clause && (after.flags & Coord))
            return false;
        if (t.clause != after.clause && ++boundaries > 1)
            return false;
        if ((t.flags & Coord) && static_cast<std::uint32_t>(j + 1) < at
            && (after.flags & (FirstPerson | ThirdPerson | Client | We | They)) && !(after.flags & (Possessive | ObjectPronoun)))
            return false;
        // "dreamt I was using", "a dream in which he was drinking": what happens in the dream.
        if ((t.flags & Dream) && at - static_cast<std::uint32_t>(j) <= 6) {
            bool joined = false;
            for (std::uint32_t k = static_cast<std::uint32_t>(j) + 1; k < at && !joined; ++k)
                joined = (tokens[k].flags & Coord) != 0; // "a using dream … and woke up anxious"
            if (!joined)
                return true;
        }
        if (t.flags & Hypo) {
            const Token *prev = j > 0 ? &tokens[static_cast<std::size_t>(j - 1)] : nullptr;
            if (prev && (prev->flags & AskVerb))
                continue; // "asked if she was…": a question, not a condition
            if ((t.flags & MonthWord) && ((prev && (prev->flags & Prep)) || (after.flags & Number)))
                continue; // "in May", "May 3"
            return true;
        }
        // "worried he might relapse", "afraid of relapsing", "scared that she will drink" — but
        // "worried about her mother's drinking" is about what is so.
        if ((t.flags & Fear) && at - static_cast<std::uint32_t>(j) <= 5) {
            bool owned = false;
            for (std::uint32_t k = static_cast<std::uint32_t>(j) + 1; k < at && !owned; ++k)
                owned = (tokens[k].flags & Possessive) != 0;
            if (!owned && static_cast<std::uint32_t>(j + 1) <= at
                && ((after.flags & FearLink) || (after.flags & (Client | FirstPerson | ThirdPerson | We | They))))
                return true;
        }
        // "going to drink", "plans to use"
        if (t.end - t.start == 2 && (t.flags & Prep) && j > 0 && (tokens[static_cast<std::size_t>(j - 1)].flags & Intends))
            return true;
    }
    return false;
}

bool Tagger::Impl::planLine(const Text &text, const Mention &m) const
{
    // "Plan: monitor for relapse", "P: explore cravings", "Next session: …": what is to be done
    // (the tokeniser marks the line).
    return (text.tokens[m.first].flags & InPlan) != 0;
}

bool Tagger::Impl::topic(const Text &text, const Mention &m) const
{
    // "group psychoeducation on relapse warning signs", "topic: cravings": a subject taught or
    // discussed, not the client's own.
    const std::vector<Token> &tokens = text.tokens;
    for (std::size_t j = m.anchor, n = 0; j-- > 0 && n < 6; ++n) {
        const Token &t = tokens[j];
        if (t.sentence != tokens[m.anchor].sentence || (t.flags & (Term | FirstPerson | ThirdPerson | Client)))
            return false;
        if (t.flags & Topic)
            return true;
    }
    return false;
}

void Tagger::Impl::applyContext(const Text &text, std::vector<Mention> &mentions) const
{
    const std::vector<Token> &tokens = text.tokens;
    thread_local std::vector<std::uint32_t> ends; // last tokens of mentions, for "guilty ABOUT the drinking"
    ends.clear();
    for (const Mention &m : mentions)
        ends.push_back(m.last);
    insertionSort(ends.begin(), ends.end(), std::less<>());
    for (Mention &m : mentions) {
        if (!m.counted)
            continue; // another mention's object (senses.cpp)
        const Theme &theme = codebook.themes().at(m.theme);
        if (negated(text, m, ends) || zeroRating(text, m)) {
            m.counted = false;
            m.reason = Exclusion::Negated;
            continue;
        }
        if (topic(text, m) || (!theme.futureCounts && (hypothetical(text, m) || planLine(text, m)))) {
            m.counted = false;
            m.reason = Exclusion::Hypothetical;
            continue;
        }
        // A frame has found its parties itself ("her father hit her": the client's trauma).
        if (theme.clientSubject && m.frame < 0) {
            const int other = experiencer(text, m, otherSubject(text, m));
            if (other >= 0) {
                m.counted = false;
                m.reason = Exclusion::OtherPerson;
                const Token &who = tokens[static_cast<std::size_t>(other)];
                if ((who.flags & Family) && !theme.otherPersonTheme.isEmpty()) {
                    // Counted instead for the theme about the family's use.
                    const int instead = themeIndex[static_cast<std::size_t>(m.theme)].otherPerson;
                    if (instead >= 0)
                        m.countedAs = instead;
                } else {
                    m.countedAs = -1;
                }
            }
        }
    }
}

} // namespace uc::themes
