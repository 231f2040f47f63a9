// SPDX-License-Identifier: GPL-3.0-or-later
// Frames: a person of a role class and an act of a predicate class in one clause make a theme,
// with no phrase listing them together: "she and her mum haven't spoken since the row" (kin +
// conflict: family conflict), "her dad kicked her out" (kin + expulsion), "my husband screams at
// me" (partner + conflict). Who does it matters for some: "her father hit her" is trauma, "she hit
// her father" is not (the frame's role must be the agent).
#include "themes/pipeline.h"

#include <algorithm>

namespace uc::themes {

namespace {

constexpr std::size_t sideWindow = 8; // words looked at before the predicate (its subject)
constexpr std::size_t objectWindow = 5; // and after it (its object)

struct Party
{
    std::size_t token; // the word in this clause
    Person person;
    bool agent; // the doer: subject of an active verb, or "by …" of a passive one
    int between; // words of content between it and the act ("my girlfriend gets panic attacks": 2)
};

bool isPersonWord(const Token &t)
{
    return t.role >= 0 || (t.flags & (FirstPerson | ThirdPerson | We | They | Client | ObjectPronoun)) != 0;
}

bool contentWord(const Token &t)
{
    return !(t.flags & functionFlags) && t.role < 0;
}

// A doer stands next to its act, with at most this many content words between ("used to hit").
constexpr int agentReach = 1;
constexpr int partyReach = 2;

} // namespace

void Tagger::Impl::applyFrames(Text &text, std::vector<Mention> &mentions) const
{
    if (frames.empty() || text.predicates.empty())
        return;
    const std::vector<Token> &tokens = text.tokens;
    thread_local std::vector<Mention> made;
    thread_local std::vector<Party> parties;
    made.clear();
    for (const Mention &pred : text.predicates) {
        const int pc = phrases[static_cast<std::size_t>(pred.phrase)].predicate;
        const std::vector<int> &candidates = framesByPredicate[static_cast<std::size_t>(pc)];
        if (candidates.empty())
            continue;
        const Token &head = tokens[pred.first];
        // An act on oneself is not one between people: "blames herself for her son's arrest".
        if (pred.last + 1 < tokens.size() && (tokens[pred.last + 1].flags & ObjectPronoun)
            && text.bytes.substr(tokens[pred.last + 1].start, tokens[pred.last + 1].end - tokens[pred.last + 1].start).ends_with("self"))
            continue;
        // "left the room" is not leaving someone: the act wants a person, or nothing, after it.
        if (predicatePersonObject[static_cast<std::size_t>(pc)] && pred.last + 1 < tokens.size()) {
            const Token &t = tokens[pred.last + 1];
            const bool possessive = (t.flags & Possessive) && pred.last + 2 < tokens.size();
            const bool objectIsPerson = possessive ? tokens[pred.last + 2].role >= 0
                                                      || !contentWord(tokens[pred.last + 2]) // "left her."
                                                   : isPersonWord(t);
            // A time or a companion may follow ("left in May", "left with the kids"); a place or a
            // purpose may not ("left for work", "moved out of the flat").
            const std::string_view word = text.bytes.substr(t.start, t.end - t.start);
            const bool towards = (t.flags & (ToFor | FearLink)) || word == "from" || word == "into" || word == "From";
            const bool allowed = (t.flags & (Adverbial | Link | Clause | Coord | Number | Intensifier | Term | By | Neg))
                                 || ((t.flags & Prep) && !towards && predicateTimeObject[static_cast<std::size_t>(pc)]);
            if (t.sentence == head.sentence && t.clause == tokens[pred.last].clause && !objectIsPerson && !allowed)
                continue;
        }
        // A passive ("was kicked out by her father", "was ignored"): a form of be or get just
        // before a participle, or a doer after "by". "Is not answering" is not one.
        bool passive = false;
        for (std::size_t j = pred.first, k = 0; j-- > 0 && k < 3 && tokens[j].sentence == head.sentence; ++k) {
            if (tokens[j].flags & Copula) {
                passive = true;
                break;
            }
            if (!(tokens[j].flags & (Intensifier | Adverbial)))
                break;
        }
        if (passive) {
            std::size_t verb = pred.first;
            for (std::size_t j = pred.first; j <= pred.last; ++j)
                if (!(tokens[j].flags & Neg)) {
                    verb = j;
                    break;
                }
            const std::string_view word = text.bytes.substr(tokens[verb].start, tokens[verb].end - tokens[verb].start);
            const auto endsWith = [&](std::string_view suffix) {
                return word.size() > suffix.size()
                       && std::equal(suffix.rbegin(), suffix.rend(), word.rbegin(),
                                     [](char a, char b) { return a == (b >= 'A' && b <= 'Z' ? b + 32 : b); });
            };
            bool by = false;
            for (std::size_t j = pred.last + 1; j < tokens.size() && j <= pred.last + objectWindow && !by; ++j)
                by = tokens[j].clause == tokens[pred.last].clause && (tokens[j].flags & By);
            passive = by || endsWith("ed") || endsWith("en") || endsWith("wn") || word == "left";
        }
        parties.clear();
        // Before it: the subject, within the clause, or the clause before when this one has none.
        {
            std::uint32_t clause = head.clause;
            bool crossed = false;
            int between = 0;
            for (std::size_t j = pred.first, k = 0; j-- > 0 && k < sideWindow; ++k) {
                const Token &t = tokens[j];
                if (t.sentence != head.sentence || (t.flags & Term))
                    break;
                if (t.clause != clause) {
                    if (crossed || !parties.empty())
                        break;
                    crossed = true;
                    clause = t.clause;
                }
                between += contentWord(t);
                if (!isPersonWord(t) || ((t.flags & Possessive) && t.role < 0 && j + 1 != pred.first))
                    continue;
                // "her mother's house": a possessor is a party only of the act it owns ("her
                // mother's death", "her criticising him").
                if ((t.flags & Possessive) && j + 1 != pred.first)
                    continue;
                parties.push_back({j, personAt(text, j), !passive, between});
            }
        }
        // The subject of the clause, or of the clause this one is reduced from, when no doer
        // stands next to the act ("my mom found my vape and completely lost it, screamed at me").
        int subject = -2;
        const auto subjectParty = [&]() {
            if (subject == -2)
                subject = passive ? -1 : subjectOf(text, pred.first);
            return subject;
        };
        // After it: the object, or the doer after "by".
        {
            bool afterBy = false;
            int between = 0;
            for (std::size_t j = pred.last + 1, k = 0; j < tokens.size() && k < objectWindow; ++j, ++k) {
                const Token &t = tokens[j];
                if (t.sentence != head.sentence || t.clause != tokens[pred.last].clause || (t.flags & Term))
                    break;
                afterBy = afterBy || (t.flags & By);
                between += contentWord(t);
                if (!isPersonWord(t))
                    continue;
                // "her mother": the possessive belongs to the person after it.
                if ((t.flags & Possessive) && t.role < 0 && j + 1 < tokens.size() && tokens[j + 1].role >= 0)
                    continue;
                parties.push_back({j, personAt(text, j), passive && afterBy, between});
            }
        }
        for (int fi : candidates) {
            const CompiledFrame &f = frames[static_cast<std::size_t>(fi)];
            std::int64_t filled = -1;
            std::int8_t role = -1;
            bool clientDoes = false;
            const std::int8_t unnamed = predicateRole[static_cast<std::size_t>(pc)];
            // Two people joined by "and" ("she and her husband", "Pt and partner").
            const auto joined = [&](std::size_t a, std::size_t b) {
                bool coord = false;
                for (std::size_t k = std::min(a, b) + 1; k < std::max(a, b); ++k) {
                    if (!(tokens[k].flags & (Coord | Possessive | Det)))
                        return false;
                    coord = coord || (tokens[k].flags & Coord);
                }
                return coord;
            };
            const auto consider = [&](std::size_t token, const Person &p, bool agent, int between) {
                if (f.agent && !agent)
                    return;
                if (between > (f.agent ? agentReach : partyReach))
                    return;
                // The client is the doer only when nearer the act than the role ("he felt his
                // father never wanted him" is the father's act), or joined to it ("Pt and her
                // partner separated").
                if (p.who == Person::Client && (filled < 0 || joined(token, static_cast<std::size_t>(filled))))
                    clientDoes = true;
                // A person no word names ("he dumped her"): who the act implies; not a plural
                // ("they split up" is two people, not a partner leaving).
                const std::int8_t r = p.who == Person::Other && p.role < 0 ? ((tokens[token].flags & They) ? std::int8_t(-1) : unnamed)
                                                                           : p.role;
                if (filled < 0 && r >= 0 && ((f.roles >> r) & 1u)) {
                    filled = static_cast<std::int64_t>(token);
                    role = r;
                }
            };
            if (f.sentence) {
                for (std::size_t j = pred.first; j-- > 0 && tokens[j].sentence == head.sentence;)
                    if (isPersonWord(tokens[j]) && !((tokens[j].flags & Possessive) && tokens[j].role < 0))
                        consider(j, personAt(text, j), true, 0);
                for (std::size_t j = pred.last + 1; j < tokens.size() && tokens[j].sentence == head.sentence; ++j)
                    if (isPersonWord(tokens[j]) && !((tokens[j].flags & Possessive) && tokens[j].role < 0))
                        consider(j, personAt(text, j), true, 0);
            } else {
                for (const Party &party : parties)
                    consider(party.token, party.person, party.agent, party.between);
                if (filled < 0 && !clientDoes && subjectParty() >= 0)
                    consider(static_cast<std::size_t>(subject), personAt(text, static_cast<std::size_t>(subject)), true, 0);
            }
            // The client doing it to the role is not the role doing it: "she hit her father".
            if (filled < 0 || (f.agent && clientDoes))
                continue;
            if (f.with) {
                bool with = false;
                for (std::size_t j = pred.first; j-- > 0 && tokens[j].sentence == head.sentence && !with;)
                    with = tokens[j].role >= 0 && ((f.with >> tokens[j].role) & 1u);
                for (std::size_t j = pred.last + 1; j < tokens.size() && tokens[j].sentence == head.sentence && !with; ++j)
                    with = tokens[j].role >= 0 && ((f.with >> tokens[j].role) & 1u);
                if (!with)
                    continue;
            }
            for (int theme : f.themes) {
                Mention m{theme, pred.phrase, std::min(static_cast<std::uint32_t>(filled), pred.first),
                          std::max(static_cast<std::uint32_t>(filled), pred.last), true, Exclusion::Negated, theme};
                m.anchor = pred.first;
                m.frame = static_cast<std::int16_t>(fi);
                m.role = role;
                made.push_back(m);
            }
        }
    }
    if (made.empty())
        return;
    // A phrase of the theme on the same words says it already; one frame mention per theme there.
    // The phrase mentions are in text order: each frame mention looks only at those that can reach it.
    std::uint32_t longest = 0;
    for (const Mention &m : mentions)
        longest = std::max(longest, m.last - m.first);
    std::erase_if(made, [&](const Mention &x) {
        auto it = std::upper_bound(mentions.begin(), mentions.end(), x.last,
                                   [](std::uint32_t last, const Mention &m) { return last < m.first; });
        while (it != mentions.begin()) {
            --it;
            if (it->first + longest < x.first)
                break;
            if (it->theme == x.theme && x.first <= it->last)
                return true;
        }
        return false;
    });
    insertionSort(made.begin(), made.end(), [](const Mention &a, const Mention &b) {
        return a.first != b.first ? a.first < b.first : a.last > b.last;
    });
    for (std::size_t k = 0; k < made.size(); ++k) {
        const bool repeated = std::any_of(made.begin(), made.begin() + static_cast<std::ptrdiff_t>(k), [&](const Mention &m) {
            return m.kept && m.theme == made[k].theme && m.first <= made[k].last && made[k].first <= m.last;
        });
        made[k].kept = !repeated;
    }
    const auto found = static_cast<std::ptrdiff_t>(mentions.size());
    for (const Mention &m : made)
        if (m.kept)
            mentions.push_back(m);
    const auto byStart = [](const Mention &a, const Mention &b) {
        return a.first != b.first ? a.first < b.first : a.last > b.last;
    };
    std::inplace_merge(mentions.begin(), mentions.begin() + found, mentions.end(), byStart);
}

} // namespace uc::themes
