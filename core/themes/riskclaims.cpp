// SPDX-License-Identifier: GPL-3.0-or-later
// What claims a risk finding after both readings (docs/risk.md, "Session 30"): the codebook's
// other senses of a risk's words claim the broad net's heads as they claim the rules' phrases
// ("dying her hair", "lost his car keys", "think about it over the weekend"); "the point" of a named
// thing is not a point in living ("what's the point of the homework"); a thought about "it" with
// no risk before it to point back to is not one; the client's own threat is not also abuse of the
// client, nor someone else's act against the client also the client's harm to others; being alone
// or a break from using is overdose risk only with some word of use near it.
// Nothing here drops a flag for the absence of a drug's name the tagger may not know ("using on her
// own" keeps it): a missed risk costs more than a false alarm.
#include "themes/broadnet.h"
#include "themes/pipeline.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace uc::themes {

namespace {

bool touches(const RiskFinding &f, const Mention &m)
{
    return f.first <= m.last && m.first <= f.last;
}

std::string_view wordAt(const Text &text, std::size_t k)
{
    return std::string_view(text.bytes).substr(text.tokens[k].start, text.tokens[k].end - text.tokens[k].start);
}

bool sameWord(std::string_view a, std::string_view b)
{
    return a.size() == b.size()
           && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return (x | 0x20) == (y | 0x20); });
}

bool oneOf(std::string_view word, std::initializer_list<std::string_view> words)
{
    return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return sameWord(word, w); });
}

} // namespace

void Tagger::Impl::claimRisks(const Text &text, const std::vector<Mention> &themeMentions, const std::vector<Mention> &claims,
                              const std::vector<Mention> &events, std::vector<RiskFinding> &out) const
{
    if (out.empty())
        return;
    const std::vector<Token> &tokens = text.tokens;
    const auto groupOf = [&](const RiskFinding &f) {
        const int g = (f.rule == RiskFinding::Phrase || f.rule == RiskFinding::Field) && f.phrase >= 0 && f.risk >= 0
                          ? phrases[static_cast<std::size_t>(f.phrase)].group
                          : -1;
        return g >= 0 ? codebook.risks().risks.at(f.risk).groups.at(g).name : QString();
    };

    // 1. Another sense of a risk's words written for the net (the codebook's "net_exceptions")
    // claims the net's head of the same risk on the same words, as it claims the rules' phrase.
    // Not a plain exception nor a figure of speech: those are written for the rules' narrow
    // phrases and are wider than the net's own ("hit myself on" the door, not the head; "could
    // murder" a curry, not a landlord), and one risk's figure is not another's ("cut me down" is
    // still a rescue from a suicide attempt).
    const auto claimed = [&](const RiskFinding &f) {
        return std::any_of(claims.begin(), claims.end(), [&](const Mention &c) { return touches(f, c) && c.theme == f.risk; });
    };

    // 2. "What's the point of the homework", "couldn't see the point of the meeting": the point of a
    // thing someone names (an article or a possessive before it) that is not life, living or the
    // world.
    const auto pointOfAThing = [&](const RiskFinding &f) {
        if (!sameWord(wordAt(text, f.last), "point"))
            return false;
        std::size_t k = f.last + 1;
        if (k + 2 >= tokens.size() || tokens[k + 2].sentence != tokens[f.last].sentence || !oneOf(wordAt(text, k), {"of", "in"}))
            return false;
        const std::string_view det = wordAt(text, k + 1);
        if (!oneOf(det, {"the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "our", "your"}))
            return false;
        return !oneOf(wordAt(text, k + 2), {"life", "living", "world", "whole", "future", "rest", "pain", "struggle", "fight"});
    };

    // 3. Overdose risk told only by being alone or by a break from using ("walks the dog on his own",
    // "two detoxes, abstinent since") needs some sign of use in its sentence or the next or last
    // one: a counted use of a drug the risk names, or any word of using at all ("using", "used",
    // "scored", "back on", a street word), so a drug the tagger does not know by name still keeps
    // the flag. Only text with no word of use anywhere near loses it.
    // The sentences with a counted use of such a drug, found once and only when asked (most notes
    // have no finding that needs them).
    thread_local std::vector<std::uint32_t> useSentences;
    bool usesRead = false;
    const auto drugUseNear = [&](const RiskFinding &f) {
        const CompiledRisk &risk = risks[static_cast<std::size_t>(f.risk)];
        if (!usesRead) {
            usesRead = true;
            useSentences.clear();
            for (const Mention &u : themeMentions)
                if (u.counted && u.substance >= 0 && ((risk.useClasses >> u.substance) & 1u)
                    && std::find(risk.useThemes.begin(), risk.useThemes.end(), u.theme) != risk.useThemes.end())
                    useSentences.push_back(tokens[u.first].sentence);
            std::sort(useSentences.begin(), useSentences.end());
        }
        const std::uint32_t s = tokens[f.first].sentence;
        const auto it = std::lower_bound(useSentences.begin(), useSentences.end(), s > 0 ? s - 1 : 0);
        return it != useSentences.end() && *it <= s + 1;
    };
    const auto useWordNear = [&](const RiskFinding &f) {
        const std::uint32_t s = tokens[f.first].sentence;
        for (std::size_t k = 0; k < tokens.size(); ++k) {
            if (tokens[k].sentence + 1 < s || tokens[k].sentence > s + 1)
                continue;
            if (tokens[k].substance >= 0)
                return true;
            std::string lower(wordAt(text, k));
            for (char &c : lower)
                c = static_cast<char>(c | 0x20);
            for (std::string_view stem : {"use", "usin", "relaps", "inject", "shoot", "shot", "score", "dose", "dosin",
                                          "smok", "snort", "sniff", "drink", "drank", "drunk", "pill", "tablet", "gear",
                                          "high", "stoned", "wasted", "fix", "hit", "line", "bag", "deal", "took", "tak",
                                          "pick", "back", "slip", "lapse", "binge", "needle", "works", "spoon"})
                if (lower.starts_with(stem))
                    return true;
        }
        return false;
    };
    // Words that say being alone or a break, and nothing of use: "on her own", "by himself",
    // "detox", "came out of rehab".
    const auto aloneOrBreakOnly = [&](const RiskFinding &f) {
        for (std::uint32_t k = f.first; k <= f.last; ++k) {
            if (tokens[k].substance >= 0)
                return false;
            const bool inBreak = std::any_of(events.begin(), events.end(), [&](const Mention &e) {
                return e.theme == f.risk && e.first <= k && k <= e.last;
            });
            if (inBreak)
                continue;
            const std::string_view w = wordAt(text, k);
            if (oneOf(w, {"on", "own", "by", "alone", "post", "of", "the", "came", "got", "out", "when", "in", "at", "room",
                          "evenings", "without", "anyone", "nobody", "knows", "no", "one", "around", "is", "a", "her",
                          "his", "my", "their", "myself", "himself", "herself", "themselves", "since", "after", "i",
                          "he", "she", "they", "door", "door's", "locked", "car", "tent", "bathroom", "toilet"}))
                continue;
            return false;
        }
        return true;
    };
    const auto aloneOrBreak = [&](const RiskFinding &f) {
        if (f.risk < 0 || risks[static_cast<std::size_t>(f.risk)].useThemes.empty() || f.status != RiskFinding::Present)
            return false;
        if (f.rule == RiskFinding::Broad)
            return aloneOrBreakOnly(f);
        return f.rule == RiskFinding::Phrase && groupOf(f) == QLatin1String("using-alone") && aloneOrBreakOnly(f);
    };

    // 4. "Can't stop thinking about it", "thinks about doing it": a thought about "it" (the net's or
    // a phrase's) is about a risk only when "it" can point back to one — a finding of the same risk
    // (of any status or owner) anywhere before it in the note, or in its own sentence ("She spoke of
    // ending her life last spring. … She thinks about it every night."). Only a note that names the
    // risk nowhere before loses the flag: "I'll think about it" of a job offer.
    const auto thoughtAboutIt = [&](const RiskFinding &f) {
        if (!sameWord(wordAt(text, f.last), "it"))
            return false;
        bool thought = false;
        for (std::uint32_t k = f.first; k <= f.last && !thought; ++k)
            thought = oneOf(wordAt(text, k), {"think", "thinks", "thinking", "thought", "thoughts"});
        return thought;
    };
    const auto antecedent = [&](const RiskFinding &f) {
        const std::uint32_t s = tokens[f.first].sentence;
        return std::any_of(out.begin(), out.end(), [&](const RiskFinding &g) {
            const std::uint32_t gs = tokens[g.first].sentence;
            return &g != &f && g.risk == f.risk && gs <= s
                   && !((g.rule == RiskFinding::Broad || g.rule == RiskFinding::Phrase) && thoughtAboutIt(g));
        });
    };
    // 5. The client's own threat or act against someone (the rules' harm to others, whose doer they
    // have read) is not also abuse of the client on the same words: "I'll stab him if he comes near
    // my kids", "I told her I'd hurt her". A child at risk stays (safeguarding).
    // 5a. An act told in the passive, "by" inside its words ("being hit by his wife", "was pushed by
    // her"), was done to the client, not by the client: the rules' phrase ("hit his wife") read past
    // the "by". It is no threat of the client's, and does not claim the abuse on its words.
    const auto passiveAct = [&](const RiskFinding &f) {
        if (actByClient < 0 || f.risk != actByClient || f.status != RiskFinding::Present || f.rule == RiskFinding::Broad)
            return false;
        bool by = false;
        for (std::uint32_t k = f.first + 1; k <= f.last && !by; ++k)
            by = sameWord(wordAt(text, k), "by");
        if (!by)
            return false;
        // An auxiliary right before it, or before one word more ("was repeatedly hit by").
        for (std::uint32_t k = f.first, n = 0; k > 0 && n < 2 && tokens[k - 1].sentence == tokens[f.first].sentence; --k, ++n)
            if (oneOf(wordAt(text, k - 1), {"being", "was", "were", "been", "got", "is", "are", "get", "gets", "getting"}))
                return true;
        return false;
    };
    thread_local std::vector<std::pair<std::uint32_t, std::uint32_t>> threats;
    threats.clear();
    for (const RiskFinding &g : out)
        if (g.risk == actByClient && actByClient >= 0 && g.status == RiskFinding::Present && g.rule != RiskFinding::Broad
            && !passiveAct(g))
            threats.emplace_back(g.first, g.last);
    const auto partOfClientsThreat = [&](const RiskFinding &f) {
        if (threats.empty() || actAgainstClient < 0 || f.risk != actAgainstClient || f.status != RiskFinding::Present
            || groupOf(f) == QLatin1String("child-at-risk"))
            return false;
        // The same words only. The condition a threat sets ("… if he touches her again") stays
        // flagged: it may tell of abuse already done, and a missed risk costs more than a false alarm.
        return std::any_of(threats.begin(), threats.end(),
                           [&](const auto &g) { return g.first <= f.last && f.first <= g.second; });
    };
    // 6. The mirror of 5: someone else's act against the client or a child, which the rules read as
    // abuse (their doer and object read), is not also the client's harm to others on the same
    // words when only the net says so: "my stepdad … hits him with a belt", "her boyfriend says he
    // will kill her".
    thread_local std::vector<std::pair<std::uint32_t, std::uint32_t>> abuses;
    abuses.clear();
    for (const RiskFinding &g : out)
        if (g.risk == actAgainstClient && actAgainstClient >= 0 && g.status == RiskFinding::Present && g.rule != RiskFinding::Broad)
            abuses.emplace_back(g.first, g.last);
    const auto partOfAbuse = [&](const RiskFinding &f) {
        if (abuses.empty() || actByClient < 0 || f.risk != actByClient || f.status != RiskFinding::Present || f.rule != RiskFinding::Broad)
            return false;
        if (!std::any_of(abuses.begin(), abuses.end(), [&](const auto &g) { return g.first <= f.last && f.first <= g.second; }))
            return false;
        // Only when the act's subject is someone else: "she slapped her son" is the client's act,
        // harm to others and a child at risk both.
        Mention m{f.risk, -1, f.first, f.last};
        m.anchor = m.first;
        return otherSubject(text, m) >= 0;
    };
    // 7. A self-injury phrase read through another person's possessive ("smash my head" matched as
    // "smash his head") is not the client's when the nearest subject before it in its sentence is
    // another person: "she would like to smash his head in", "I'll smash his head". "She smashed
    // her head on the wall" keeps it.
    const auto anotherOwner = [&](const RiskFinding &f) {
        if (selfActRisk < 0 || f.risk != selfActRisk || f.status != RiskFinding::Present || f.rule != RiskFinding::Phrase)
            return false;
        std::string_view owner;
        for (std::uint32_t k = f.first; k <= f.last && owner.empty(); ++k)
            if (oneOf(wordAt(text, k), {"his", "her", "their"}))
                owner = wordAt(text, k);
        if (owner.empty())
            return false;
        for (std::uint32_t k = f.first; k > 0 && tokens[k - 1].sentence == tokens[f.first].sentence; --k) {
            const std::string_view w = wordAt(text, k - 1);
            if (sameWord(w, "she"))
                return !sameWord(owner, "her");
            if (sameWord(w, "he"))
                return !sameWord(owner, "his");
            if (sameWord(w, "they"))
                return !sameWord(owner, "their");
            if (oneOf(w, {"i", "im", "i'm", "i'll", "ill", "i'd", "id", "ive", "i've"}))
                return true;
        }
        return false;
    };
    // A doer named between: a role word ("her ex", "my stepdad") or a name ("Jake").
    const auto someoneNamed = [&](std::uint32_t k) {
        const Token &t = tokens[k];
        const std::string_view w = wordAt(text, k);
        const bool sentenceStart = k == 0 || tokens[k - 1].sentence != t.sentence;
        return t.role >= 0 || (!sentenceStart && !w.empty() && std::isupper(static_cast<unsigned char>(w.front())) && !sameWord(w, "i"));
    };
    // 9. An act on the doer's own body ("hitting her own thighs", "she has been hitting her thighs with a
    // hairbrush", "punched his own head") is self-injury, not harm to others nor abuse: the rules' act
    // read "her" as the one hit. It becomes a self-harm finding on the same words and the body word.
    // Only with "own", or in the client's own words ("I punched my legs") with no one else between ("I
    // remember him punching my stomach"), and a body word of the self-acts (arms, thighs, stomach …; not
    // "head": "hit her head on the cupboard").
    const auto ownBodyEnd = [&](const RiskFinding &f) -> std::int64_t {
        if (selfActRisk < 0 || (f.risk != actByClient && f.risk != actAgainstClient) || f.status != RiskFinding::Present)
            return -1;
        // The owner ends the finding ("hitting her"), or follows it ("I have been hitting | my thighs").
        std::uint32_t at = f.last;
        if (!oneOf(wordAt(text, at), {"her", "his", "their", "my"}) && at + 1 < tokens.size()
            && tokens[at + 1].sentence == tokens[at].sentence && sameWord(wordAt(text, at + 1), "my"))
            ++at;
        const std::string_view owner = wordAt(text, at);
        if (!oneOf(owner, {"her", "his", "their", "my"}))
            return -1;
        std::uint32_t body = at + 1;
        const bool own = body < tokens.size() && tokens[body].sentence == tokens[f.last].sentence && sameWord(wordAt(text, body), "own");
        if (own)
            ++body;
        if (body >= tokens.size() || tokens[body].sentence != tokens[f.last].sentence || !hasForm(selfActBody, tokens[body]))
            return -1;
        if (own)
            return body;
        // Without "own", only the client's own words: "I punched my legs". In a note's third person "she
        // hits her legs" may be another woman's act on the client (when in doubt, flag).
        if (!sameWord(owner, "my"))
            return -1;
        for (std::uint32_t k = at, n = 0; k > 0 && tokens[k - 1].sentence == tokens[at].sentence; --k, ++n) {
            const std::string_view w = wordAt(text, k - 1);
            if (someoneNamed(k - 1) || oneOf(w, {"him", "her", "them", "he", "she", "they", "you"}))
                return -1; // "I remember him punching my stomach", "her mother used to pinch my arm"
            if (oneOf(w, {"i", "im", "i'm", "ive", "i've"}))
                return static_cast<std::int64_t>(body);
        }
        return -1;
    };
    // 8. An intrusive image of harming a child or someone in the client's care, told as the client's own
    // thought ("keeps picturing shaking the baby", "thoughts of hurting the baby when she won't settle"),
    // is the client's harm to others, not abuse: no one has done it (tests/data/README.md, the readings
    // every risk writer chose). Only while harm to others is flagged in its sentence or the one before
    // (and not as an act on the client's own body, 9), so nothing goes unflagged; an act done ("he shook
    // the baby"), one told in the passive, or one with a doer named ("thoughts of her stepfather choking
    // her") keeps its abuse.
    const auto imagined = [&](const RiskFinding &f) {
        if (actByClient < 0 || f.risk != actAgainstClient || f.status != RiskFinding::Present)
            return false;
        const std::uint32_t s = tokens[f.first].sentence;
        if (!std::any_of(out.begin(), out.end(), [&](const RiskFinding &g) {
                const std::uint32_t t = tokens[g.first].sentence;
                return g.risk == actByClient && g.status == RiskFinding::Present && t <= s && t + 1 >= s && ownBodyEnd(g) < 0;
            }))
            return false;
        for (std::uint32_t k = f.first, n = 0; k > 0 && n < 8 && tokens[k - 1].sentence == tokens[f.first].sentence; --k, ++n) {
            const std::string_view w = wordAt(text, k - 1);
            if ((n < 2 && (someoneNamed(k - 1) || oneOf(w, {"him", "her", "them", "his"})))
                || oneOf(w, {"being", "was", "were", "by", "he", "she", "they"}))
                return false; // a doer right before the act: "her ex strangled her", "my stepdad hitting me"
            if (oneOf(w, {"thought", "thoughts", "picture", "pictures", "picturing", "pictured", "image", "images", "imagine",
                          "imagines", "imagining", "imagined", "fantasy", "fantasies", "intrusive", "urge", "urges"}))
                return true;
        }
        return false;
    };
    thread_local std::vector<RiskFinding> selfActs;
    selfActs.clear();
    thread_local std::vector<bool> drop;
    drop.assign(out.size(), false);
    // 0. The net's head answered no on a checklist, a form or to a question asked, as the phrase rules
    // read their mentions (riskanswers.cpp: "hurting others, no;", "[ ] yes [x] no", "asked about
    // wanting to die … said no to each"): a denied screen; a topic word so answered is dropped (a topic
    // word negated is no screen).
    for (std::size_t k = 0; k < out.size(); ++k) {
        RiskFinding &f = out[k];
        if (f.rule != RiskFinding::Broad || f.status != RiskFinding::Present)
            continue;
        Mention m{f.risk, -1, f.first, f.last};
        m.anchor = m.first;
        if (answerTo(text, m, true) >= 0)
            continue;
        if (std::string_view(broad::kindName(f.classA)) == "topic")
            drop[k] = true;
        else
            f.status = RiskFinding::Denied;
    }
    for (std::size_t k = 0; k < out.size(); ++k) {
        const RiskFinding &f = out[k];
        if (drop[k])
            continue;
        if (f.rule == RiskFinding::Broad && f.status == RiskFinding::Present && (claimed(f) || pointOfAThing(f)))
            drop[k] = true;
        else if ((f.rule == RiskFinding::Broad || f.rule == RiskFinding::Phrase) && f.status == RiskFinding::Present
                 && thoughtAboutIt(f) && !antecedent(f))
            drop[k] = true;
        else
            drop[k] = (aloneOrBreak(f) && !drugUseNear(f) && !useWordNear(f)) || partOfClientsThreat(f) || partOfAbuse(f)
                      || passiveAct(f) || anotherOwner(f) || imagined(f);
    }
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (drop[i])
            continue;
        const RiskFinding &f = out[i];
        if (const std::int64_t body = ownBodyEnd(f); body >= 0) {
            drop[i] = true;
            selfActs.push_back({selfActRisk, f.first, static_cast<std::uint32_t>(body), RiskFinding::Present, RiskFinding::SelfAct,
                                f.rule == RiskFinding::Phrase || f.rule == RiskFinding::Act ? f.phrase : -1, selfActGroup});
        }
    }
    std::size_t k = 0;
    std::erase_if(out, [&](const RiskFinding &) { return drop[k++]; });
    out.insert(out.end(), selfActs.begin(), selfActs.end());
}

} // namespace uc::themes
