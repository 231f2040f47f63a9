// SPDX-License-Identifier: GPL-3.0-or-later
// Context: each mention is checked for negation (a trigger before it in its scope, or "denied" just
// after), hypothetical or future framing, and whose experience it is (the nearest subject in its
// clause). Driver-linked themes then look for a counted use and a counted driver tied by a link
// word in one sentence.
#include "themes/pipeline.h"

#include <algorithm>
#include <functional>

namespace uc::themes {

bool Tagger::Impl::negated(const std::vector<Token> &tokens, const Mention &m,
                           const std::vector<std::uint32_t> &mentionEnds) const
{
    const std::uint32_t sentence = tokens[m.first].sentence;
    int seen = 0;
    for (std::int64_t j = static_cast<std::int64_t>(m.first) - 1; j >= 0 && seen < negationWindow; --j, ++seen) {
        const Token &t = tokens[static_cast<std::size_t>(j)];
        if (t.sentence != sentence || (t.flags & Term))
            return false;
        // "doesn't feel guilty ABOUT the drinking": the negation is the nearer mention's.
        if ((t.flags & About) && j > 0
            && std::binary_search(mentionEnds.begin(), mentionEnds.end(), static_cast<std::uint32_t>(j - 1)))
            return false;
        if ((t.flags & Instead) && static_cast<std::uint32_t>(j + 1) < m.first
            && (tokens[static_cast<std::size_t>(j + 1)].flags & FearLink))
            return true; // "instead of drinking"
        const bool nextPseudo = static_cast<std::size_t>(j + 1) < tokens.size()
                                && (tokens[static_cast<std::size_t>(j + 1)].flags & PseudoAfterNeg)
                                && static_cast<std::uint32_t>(j + 1) < m.first;
        if ((t.flags & Neg) && !nextPseudo) {
            // "no longer" negates; "not only", "can't stop", "no doubt" do not.
            return true;
        }
        if ((t.flags & NegMulti) && static_cast<std::uint32_t>(j + 1) < m.first) {
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

bool Tagger::Impl::hypothetical(const std::vector<Token> &tokens, const Mention &m) const
{
    const std::uint32_t sentence = tokens[m.first].sentence;
    for (std::int64_t j = static_cast<std::int64_t>(m.first) - 1; j >= 0; --j) {
        const Token &t = tokens[static_cast<std::size_t>(j)];
        if (t.sentence != sentence || (t.flags & Term) || m.first - static_cast<std::uint32_t>(j) > hypotheticalWindow)
            return false;
        if (t.flags & Hypo) {
            const Token *prev = j > 0 ? &tokens[static_cast<std::size_t>(j - 1)] : nullptr;
            const Token *next = &tokens[static_cast<std::size_t>(j + 1)];
            if (prev && (prev->flags & AskVerb))
                continue; // "asked if she was…": a question, not a condition
            if ((t.flags & MonthWord) && ((prev && (prev->flags & Prep)) || (next->flags & Number)))
                continue; // "in May", "May 3"
            return true;
        }
        // "worried he might relapse", "afraid of relapsing", "scared that she will drink"
        if ((t.flags & Fear) && m.first - static_cast<std::uint32_t>(j) <= 5) {
            const Token &next = tokens[static_cast<std::size_t>(j + 1)];
            if (static_cast<std::uint32_t>(j + 1) <= m.first && ((next.flags & FearLink) || (next.flags & Client)))
                return true;
        }
        // "going to drink", "plans to use"
        if (t.end - t.start == 2 && (t.flags & Prep) && j > 0 && (tokens[static_cast<std::size_t>(j - 1)].flags & Intends))
            return true;
    }
    return false;
}

int Tagger::Impl::otherSubject(const std::vector<Token> &tokens, const Mention &m, bool firstPersonText) const
{
    // The subject of the mention's clause: the noun phrase at the clause's start ("Her father
    // drank", "Pt's mother is anxious"), a relative clause's noun ("her husband, who drinks"), a
    // possessor right before the mention ("her mother's drinking"), or a client word. Reporting
    // verbs ("reports", "states") open a clause too: "Pt reports her partner has been low".
    const std::uint32_t clause = tokens[m.first].clause;
    auto isOther = [](const Token &t) { return (t.flags & (Family | OtherNonFamily)) != 0; };
    if (m.first > 0) {
        const Token &before = tokens[m.first - 1];
        if (isOther(before) && (before.flags & Possessive) && before.clause == clause)
            return static_cast<int>(m.first - 1);
    }
    // A he or she in a first-person text is someone else: the nearest person named before.
    auto resolvePronoun = [&](std::size_t at) {
        for (std::size_t k = at, seen = 0; k-- > 0 && seen < 60; ++seen)
            if (isOther(tokens[k]))
                return static_cast<int>(k);
        return static_cast<int>(at);
    };
    std::int64_t start = m.first; // the first token of the subject scope
    for (std::int64_t j = static_cast<std::int64_t>(m.first) - 1; j >= 0; --j) {
        const Token &t = tokens[static_cast<std::size_t>(j)];
        if (t.clause != clause || (t.flags & Term)) {
            const Token &opener = tokens[static_cast<std::size_t>(j + 1)];
            if ((opener.flags & Relative) && isOther(t))
                return static_cast<int>(j);
            break;
        }
        start = j;
        if ((t.flags & Client) && !(t.flags & Possessive)) { // "Pt's mother": the mother is the subject
            if ((t.flags & ThirdPerson) && firstPersonText)
                return resolvePronoun(static_cast<std::size_t>(j));
            return -1;
        }
    }
    // The noun phrase at the scope's start: possessives or articles, up to three describing words
    // ("her 15-year-old daughter", "Pt's best friend"), then a person.
    bool determined = false;
    int describing = 0;
    for (std::size_t k = static_cast<std::size_t>(start); k < m.first; ++k) {
        const Token &t = tokens[k];
        if (isOther(t))
            return static_cast<int>(k);
        if (t.flags & (Possessive | Det)) {
            determined = true;
            continue;
        }
        if (t.flags & Coord)
            continue;
        if (!determined || t.flags != 0 || ++describing > 3)
            break;
    }
    return -1;
}

void Tagger::Impl::applyContext(const std::vector<Token> &tokens, std::vector<Mention> &mentions) const
{
    // A first-person text (a client's own words), not a clinical note quoting them.
    const bool firstPersonText
        = std::any_of(tokens.begin(), tokens.end(), [](const Token &t) { return (t.flags & FirstPerson) != 0; })
          && std::none_of(tokens.begin(), tokens.end(), [](const Token &t) {
                 return (t.flags & Client) && !(t.flags & (FirstPerson | ThirdPerson));
             });
    thread_local std::vector<std::uint32_t> ends; // last tokens of mentions, for "guilty ABOUT the drinking"
    ends.clear();
    for (const Mention &m : mentions)
        ends.push_back(m.last);
    insertionSort(ends.begin(), ends.end(), std::less<>());
    for (Mention &m : mentions) {
        const Theme &theme = codebook.themes().at(m.theme);
        if (negated(tokens, m, ends)) {
            m.counted = false;
            m.reason = Exclusion::Negated;
            continue;
        }
        if (!theme.futureCounts && hypothetical(tokens, m)) {
            m.counted = false;
            m.reason = Exclusion::Hypothetical;
            continue;
        }
        if (theme.clientSubject) {
            const int other = otherSubject(tokens, m, firstPersonText);
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

void Tagger::Impl::linkDrivers(const std::vector<Token> &tokens, std::vector<Mention> &mentions) const
{
    const auto &themes = codebook.themes();
    thread_local std::vector<Mention> added;
    added.clear();
    for (int ti = 0; ti < themes.size(); ++ti) {
        const Theme &link = themes.at(ti);
        if (!link.enabled || !link.isDriverLink())
            continue;
        const int driver = themeIndex[static_cast<std::size_t>(ti)].driver;
        const int use = themeIndex[static_cast<std::size_t>(ti)].use;
        // Counted driver mentions by sentence, so each use looks only at its own sentence's drivers.
        thread_local std::vector<const Mention *> drivers;
        drivers.clear();
        for (const Mention &d : mentions)
            if (d.theme == driver && d.counted)
                drivers.push_back(&d);
        if (drivers.empty())
            continue;
        insertionSort(drivers.begin(), drivers.end(), [&](const Mention *a, const Mention *b) {
            return tokens[a->first].sentence < tokens[b->first].sentence;
        });
        std::uint32_t lastSentence = UINT32_MAX;
        for (const Mention &u : mentions) {
            if (u.theme != use || !u.counted)
                continue;
            const std::uint32_t sentence = tokens[u.first].sentence;
            if (sentence == lastSentence)
                continue;
            auto from = std::lower_bound(drivers.begin(), drivers.end(), sentence, [&](const Mention *x, std::uint32_t s) {
                return tokens[x->first].sentence < s;
            });
            for (auto it = from; it != drivers.end() && tokens[(*it)->first].sentence == sentence; ++it) {
                const Mention &d = **it;
                // A link word that introduces the driver: "drinks WHEN she feels abandoned",
                // "WHENEVER he feels left out he uses", "drinks TO CALM her nerves".
                const std::uint32_t lo = u.last < d.first ? u.last + 1 : 0;
                std::int64_t linkAt = -1;
                for (std::int64_t j = static_cast<std::int64_t>(d.first) - 1; j >= 0; --j) {
                    const Token &t = tokens[static_cast<std::size_t>(j)];
                    if (t.sentence != sentence || static_cast<std::uint32_t>(j) < lo)
                        break;
                    if (u.last < d.first && static_cast<std::uint32_t>(j) <= u.last)
                        break;
                    const bool purpose = (t.flags & Prep) && t.end - t.start == 2
                                         && static_cast<std::size_t>(j + 1) < tokens.size()
                                         && (tokens[static_cast<std::size_t>(j + 1)].flags & Purpose);
                    const bool multi = t.flags & TimeLink; // "every time", "due to", "in response to"
                    if ((t.flags & Link) || purpose || multi) {
                        linkAt = j;
                        break;
                    }
                }
                if (linkAt < 0 && d.last < u.first) {
                    // "I'm terrified of flying, SO I got hammered": a consequence word after the driver.
                    for (std::uint32_t j = d.last + 1; j < u.first; ++j)
                        if (tokens[j].flags & ConseqLink) {
                            linkAt = j;
                            break;
                        }
                    if (linkAt >= 0) {
                        added.push_back({ti, -1, d.first, u.last, true, Exclusion::Negated, ti});
                        lastSentence = sentence;
                        break;
                    }
                }
                if (linkAt < 0)
                    continue;
                if (d.first < u.first && static_cast<std::uint32_t>(linkAt) > d.first)
                    continue;
                const std::uint32_t first = std::min({u.first, d.first, static_cast<std::uint32_t>(linkAt)});
                const std::uint32_t last = std::max({u.last, d.last});
                added.push_back({ti, -1, first, last, true, Exclusion::Negated, ti});
                lastSentence = sentence;
                break;
            }
        }
    }
    for (Mention &m : added)
        mentions.push_back(std::move(m));
}

} // namespace uc::themes
