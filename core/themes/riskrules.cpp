// SPDX-License-Identifier: GPL-3.0-or-later
// The risk rules that read more than a phrase: an act of violence and who does it to whom (abuse
// or harm to others), substances that are a risk taken together (mixing), use after a break from
// it (lost tolerance), and a bare risk field ("Risk: high").
#include "themes/pipeline.h"

#include <cctype>

#include <algorithm>
#include <array>
#include <string>

namespace uc::themes {

namespace {

bool isPersonWord(const Token &t)
{
    return t.role >= 0 || (t.flags & (FirstPerson | ThirdPerson | We | They | Client | ObjectPronoun | Female | Male)) != 0;
}

bool reflexive(std::string_view word)
{
    return word.size() > 4 && (word.ends_with("self") || word.ends_with("selves"));
}

} // namespace

int Tagger::Impl::personBefore(const Text &text, std::uint32_t first) const
{
    const std::vector<Token> &tokens = text.tokens;
    const std::uint32_t s = tokens[first].sentence;
    for (std::size_t k = first, n = 0; k-- > 0 && n < 8 && tokens[k].sentence == s; ++n) {
        if (tokens[k].flags & Term)
            return -1;
        if (isPersonWord(tokens[k]) && !((tokens[k].flags & Possessive) && tokens[k].role < 0))
            return static_cast<int>(k);
    }
    return -1;
}

RiskFinding::Status Tagger::Impl::statusByWhoseBefore(const Text &text, const Mention &m) const
{
    if (riskNegated(text, m.first, m.last))
        return RiskFinding::Denied;
    const int before = personBefore(text, m.first);
    if (before >= 0 && text.tokens[static_cast<std::size_t>(before)].role >= 0
        && personAt(text, static_cast<std::size_t>(before)).who == Person::Other)
        return RiskFinding::OtherPerson;
    return RiskFinding::Present; // a pronoun or no one is the client (when in doubt, flag)
}

void Tagger::Impl::readActs(const Text &text, const std::vector<Mention> &acts, std::vector<RiskFinding> &out) const
{
    if (acts.empty() || actAgainstClient < 0 || actByClient < 0)
        return;
    const std::vector<Token> &tokens = text.tokens;
    const auto personOf = [&](int k) { return k >= 0 ? personAt(text, static_cast<std::size_t>(k)) : Person{}; };
    for (const Mention &a : acts) {
        // A passive: a form of be or get just before ("was hit", "got beaten up by her ex").
        bool passive = false;
        for (std::size_t j = a.first, n = 0; j-- > 0 && n < 3 && tokens[j].sentence == tokens[a.first].sentence; ++n) {
            if (tokens[j].flags & Copula) {
                passive = true;
                break;
            }
            if (!(tokens[j].flags & (Adverbial | Intensifier | Neg | Aux)))
                break;
        }
        int victim = -1;
        int agent = -1;
        if (passive) {
            victim = subjectOf(text, a.first);
            for (std::size_t j = a.last + 1, n = 0; j < tokens.size() && n < 4 && tokens[j].clause == tokens[a.last].clause; ++j, ++n)
                if ((tokens[j].flags & By) && j + 1 < tokens.size()) {
                    for (std::size_t k = j + 1; k < tokens.size() && k <= j + 3; ++k)
                        if (isPersonWord(tokens[k]) && !((tokens[k].flags & Possessive) && tokens[k].role < 0)) {
                            agent = static_cast<int>(k);
                            break;
                        }
                    break;
                }
        } else {
            victim = victimOf(text, a.first, a.last);
            agent = personBefore(text, a.first);
            if (agent < 0)
                agent = subjectOf(text, a.first);
        }
        if (victim < 0)
            continue;
        const Token &vt = tokens[static_cast<std::size_t>(victim)];
        if (reflexive(text.bytes.substr(vt.start, vt.end - vt.start)))
            continue; // "hurt herself": the self phrases' own
        Person v = personOf(victim);
        const Person by = personOf(agent);
        // "her husband hit her": a pronoun no one named before the act points to is the one the
        // note is about (when in doubt, flag).
        // (A pronoun does not point back to the subject of its own clause: "he hit her" is two people.)
        const bool named = v.token >= 0 && v.token != victim && v.token != agent
                           && tokens[static_cast<std::size_t>(v.token)].role >= 0;
        // Not when the doer is someone else's ("her best friend's partner beats her", "my sister's ex used to
        // hurt her"): the pronoun is the owner's, someone the client tells of.
        // ("Her dad's wife whipped her" is the client's: the owner is named by the victim's own pronoun.)
        const auto wordAtIndex = [&](std::size_t k) { return text.bytes.substr(tokens[k].start, tokens[k].end - tokens[k].start); };
        const bool someoneElses = agent >= 1 && (tokens[static_cast<std::size_t>(agent) - 1].flags & Possessive)
                                  && tokens[static_cast<std::size_t>(agent) - 1].role >= 0
                                  && tokens[static_cast<std::size_t>(agent) - 1].sentence == tokens[static_cast<std::size_t>(agent)].sentence
                                  && !(agent >= 2 && (wordAtIndex(static_cast<std::size_t>(agent) - 2) == wordAtIndex(static_cast<std::size_t>(victim))
                                                      || (wordAtIndex(static_cast<std::size_t>(agent) - 2) == "Her" && wordAtIndex(static_cast<std::size_t>(victim)) == "her")
                                                      || (wordAtIndex(static_cast<std::size_t>(agent) - 2) == "His" && wordAtIndex(static_cast<std::size_t>(victim)) == "him")
                                                      || (wordAtIndex(static_cast<std::size_t>(agent) - 2) == "his" && wordAtIndex(static_cast<std::size_t>(victim)) == "him")));
        if (v.who == Person::Other && vt.role < 0 && !named && !someoneElses && agent >= 0
            && tokens[static_cast<std::size_t>(agent)].role >= 0)
            v.who = Person::Client;
        // "He shoved me": in the client's own words, "he" or "she" who does it to "me" is someone
        // else, whoever "he" is in the note.
        const bool heToMe = !passive && agent >= 0 && (vt.flags & FirstPerson) && !(vt.flags & Possessive)
                            && (tokens[static_cast<std::size_t>(agent)].flags & ThirdPerson)
                            && !(tokens[static_cast<std::size_t>(agent)].flags & Possessive)
                            && tokens[static_cast<std::size_t>(agent)].role < 0;
        int risk = -1;
        RiskFinding::Status status = RiskFinding::Present;
        if (isChild(v)) {
            risk = actAgainstClient;
        } else if (v.who == Person::Client || heToMe) {
            if (by.who != Person::Other && !passive && !heToMe)
                continue; // "it hit me": no one did it
            risk = actAgainstClient;
        } else if (v.who == Person::Other) {
            // No one named doing it ("admits hitting his partner"): the client, in the client's note.
            if (by.who == Person::Client || (by.who == Person::None && !passive))
                risk = actByClient;
            else if (by.who == Person::Other)
                risk = actByClient, status = RiskFinding::OtherPerson;
        }
        if (risk < 0)
            continue;
        const std::uint32_t first = std::min(a.first, static_cast<std::uint32_t>(victim));
        const std::uint32_t last = std::max(a.last, static_cast<std::uint32_t>(victim));
        RiskFinding f{risk, first, last, status, RiskFinding::Act, a.phrase, 1001};
        const CompiledRisk &compiled = risks[static_cast<std::size_t>(risk)];
        // A joke cue anywhere in the act's sentence ("joked he could kill him"); the cues of harm
        // to others serve an act against the client too ("mum would kill me haha").
        const std::vector<std::int32_t> &cues
            = compiled.figurativeCues.empty() ? risks[static_cast<std::size_t>(actByClient)].figurativeCues : compiled.figurativeCues;
        bool joke = false;
        if (!cues.empty()) {
            const std::uint32_t s = tokens[a.first].sentence;
            std::size_t k = a.first;
            while (k > 0 && tokens[k - 1].sentence == s)
                --k;
            // A laugh with an act against the client is cruelty, not a joke: "he shoved me against
            // the door and laughed" (a joke word still is one: "mum would kill me haha").
            for (; k < tokens.size() && tokens[k].sentence == s && !joke; ++k)
                joke = hasForm(cues, tokens[k])
                       && !(risk == actAgainstClient && status == RiskFinding::Present
                            && text.bytes.substr(tokens[k].start, std::min<std::size_t>(5, tokens[k].end - tokens[k].start)) == "laugh");
        }
        if (inFiction(text, a.first, a.last))
            continue;
        if (joke)
            f.status = RiskFinding::Figurative;
        else if (riskNegated(text, a.first, a.last))
            f.status = RiskFinding::Denied;
        out.push_back(f);
    }
}

bool Tagger::Impl::inFiction(const Text &text, std::uint32_t first, std::uint32_t last) const
{
    // "a film where the main character jumps off a bridge", "warning signs of suicide, for a school
    // project": a story or a lesson in the sentence, and no one between it and the mention who
    // could be the client.
    const std::vector<Token> &tokens = text.tokens;
    const std::uint32_t s = tokens[first].sentence;
    // Events counted as attended, at work: "attended three overdoses", "responded to two hangings"
    // — a plural after the verb, past a count.
    const auto word = [&](std::size_t k) { return std::string_view(text.bytes).substr(tokens[k].start, tokens[k].end - tokens[k].start); };
    if (word(first).size() > 2 && (word(first).back() == 's' || word(first).back() == 'S')) { // "ODs" too
        for (std::size_t k = first, n = 0; k-- > 0 && n < 3 && tokens[k].sentence == s; ++n) {
            const std::string_view w = word(k);
            if (w == "attended" || w == "attends" || w == "attending" || w == "responded" || w == "to")
                return w != "to" || (k > 0 && word(k - 1) == "responded");
            if (!std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })
                && w != "two" && w != "three" && w != "four" && w != "five" && w != "six" && w != "several" && w != "multiple"
                && w != "many" && w != "some")
                break;
        }
    }
    if (riskFiction.empty())
        return false;
    std::size_t begin = first;
    while (begin > 0 && tokens[begin - 1].sentence == s)
        --begin;
    for (std::size_t k = begin; k < tokens.size() && tokens[k].sentence == s; ++k) {
        if (!hasForm(riskFiction, tokens[k]))
            continue;
        const std::size_t lo = std::min<std::size_t>(k, first);
        const std::size_t hi = std::max<std::size_t>(k, last);
        bool someone = false;
        for (std::size_t j = lo; j <= hi && !someone; ++j)
            someone = (tokens[j].flags & (FirstPerson | ThirdPerson | Client | ObjectPronoun)) != 0;
        if (!someone)
            return true;
    }
    return false;
}

void Tagger::Impl::readControl(const Text &text, const std::vector<Mention> &control, std::vector<RiskFinding> &out) const
{
    if (control.empty() || actAgainstClient < 0)
        return;
    const std::vector<Token> &tokens = text.tokens;
    const auto personOf = [&](int k) { return k >= 0 ? personAt(text, static_cast<std::size_t>(k)) : Person{}; };
    for (const Mention &c : control) {
        // Who controls: a partner or family member, named or pointed back to ("he decides", "her
        // partner monitors"); a doctor who monitors her bloods is not control.
        int agent = personBefore(text, c.first);
        if (agent < 0)
            agent = subjectOf(text, c.first);
        if (agent < 0)
            continue;
        const Person by = personOf(agent);
        if (by.who != Person::Other)
            continue;
        const int role = tokens[static_cast<std::size_t>(agent)].role >= 0 ? tokens[static_cast<std::size_t>(agent)].role : by.role;
        if (role >= 0 && roleKinds[static_cast<std::size_t>(role)] != RoleClass::Kind::Family)
            continue;
        // Over whom: the client or a child, first named within the clause after the act ("what she
        // wears", "my wages", "him out of the house").
        int victim = -1;
        for (std::size_t k = c.last + 1, n = 0; k < tokens.size() && n < 6 && tokens[k].sentence == tokens[c.last].sentence;
             ++k, ++n) {
            if (tokens[k].flags & Term)
                break;
            if (!isPersonWord(tokens[k]))
                continue;
            // A pronoun here is not the controller (not the subject of its own clause): the client.
            const Person p = personOf(static_cast<int>(k));
            if (p.who == Person::Client || isChild(p) || tokens[k].role < 0)
                victim = static_cast<int>(k);
            else
                victim = -2; // someone else named: theirs
            break;
        }
        // No one named ("partner withholds money"): the client's (when in doubt, flag).
        if (victim == -1)
            victim = static_cast<int>(c.last);
        if (victim < 0 || riskNegated(text, c.first, c.last))
            continue;
        out.push_back({actAgainstClient, c.first, static_cast<std::uint32_t>(victim), RiskFinding::Present, RiskFinding::Act,
                       c.phrase, 1001});
    }
}

void Tagger::Impl::readKeeping(const Text &text, const std::vector<Mention> &keeping, std::vector<RiskFinding> &out) const
{
    const std::vector<Token> &tokens = text.tokens;
    for (const Mention &k : keeping) {
        // A means within eight words after it in the sentence: "putting aside a few of her sleeping
        // tablets", "a stash of insulin"; "saving up for a car" is not one.
        std::size_t means = 0;
        for (std::size_t j = k.last + 1, n = 0; j < tokens.size() && n < 8 && tokens[j].sentence == tokens[k.last].sentence;
             ++j, ++n)
            if (hasForm(keepingMeans, tokens[j])) {
                means = j;
                break;
            }
        if (means == 0)
            continue;
        Mention m = k;
        m.last = static_cast<std::uint32_t>(means);
        if (riskNegated(text, m.first, m.last) || topic(text, m) || inFiction(text, m.first, m.last))
            continue;
        const Phrase &p = phrases[static_cast<std::size_t>(k.phrase)];
        out.push_back({k.theme, m.first, m.last, otherSubject(text, m) >= 0 ? RiskFinding::OtherPerson : RiskFinding::Present,
                       RiskFinding::Keeping, k.phrase, p.group});
    }
}

void Tagger::Impl::readIngestion(const Text &text, const std::vector<Mention> &doses, std::vector<RiskFinding> &out) const
{
    if (ingestionRisk < 0 || doses.empty())
        return;
    const std::vector<Token> &tokens = text.tokens;
    const auto word = [&](std::size_t k) { return text.bytes.substr(tokens[k].start, tokens[k].end - tokens[k].start); };
    // Taken for a high, not to die: "took a handful of pregabalin to get high and passed out" is
    // overdose risk (the net's), not a suicide attempt — "get high", "got wasted", "for a buzz".
    const auto forAHigh = [&](std::uint32_t s) {
        std::size_t k = 0;
        while (k < tokens.size() && tokens[k].sentence < s)
            ++k;
        for (; k + 1 < tokens.size() && tokens[k + 1].sentence == s; ++k) {
            const std::string_view a = word(k);
            const std::string_view b = word(k + 1);
            if ((a == "get" || a == "getting" || a == "got" || a == "gets") && (b == "high" || b == "wasted" || b == "stoned" || b == "mashed"))
                return true;
            if (a == "a" && b == "buzz")
                return true;
        }
        return false;
    };
    // A count: its value, or 0 for a year, an amount in a unit or a span of days ("40", "40x").
    const auto count = [&](std::size_t k) -> long {
        if (!(tokens[k].flags & Number))
            return 0;
        std::string_view digits = word(k);
        if (digits.size() > 1 && (digits.back() == 'x' || digits.back() == 'X'))
            digits.remove_suffix(1);
        long value = 0;
        for (const char c : digits) {
            if (c < '0' || c > '9')
                return 0;
            value = value * 10 + (c - '0');
            if (value > 1000)
                return 0;
        }
        if (k + 1 < tokens.size()) {
            const std::string_view unit = word(k + 1);
            if (unit == "mg" || unit == "mcg" || unit == "ml" || unit == "g" || unit == "grams" || unit == "milligrams"
                || unit == "units" || unit == "minutes" || unit == "hours" || unit == "days" || unit == "weeks"
                || unit == "months" || unit == "years")
                return 0;
        }
        return value;
    };
    // A possessive word: "of her mother's co-codamol", "of my mums tramadol".
    const auto possessive = [&](std::size_t k) {
        const std::string_view w = word(k);
        return (tokens[k].flags & Possessive) || w == "her" || w == "his" || w == "my" || w == "their" || w == "your";
    };
    // A medicine: a means word ("tablets", "paracetamol"), a word the codebook names as a substance
    // ("xanax", "diazepam"; not a drink, a smoke or cannabis, which are counted in other ways), or a
    // generic name by its stem ("lorazepam", "atenolol", "fluoxetine").
    const auto medicine = [&](std::size_t k) {
        if (hasForm(keepingMeans, tokens[k]))
            return true;
        if (tokens[k].substance >= 0) {
            const QString &id = substanceIds[static_cast<std::size_t>(tokens[k].substance)];
            return id == QLatin1String("opioids") || id == QLatin1String("sedatives") || id == QLatin1String("stimulants");
        }
        const std::string_view w = word(k);
        if (w.size() < 7)
            return false;
        std::string lower(w);
        for (char &c : lower)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return std::any_of(ingestionStems.begin(), ingestionStems.end(), [&](const std::string &stem) { return lower.ends_with(stem); });
    };
    // Taken as a regimen, not at once: "takes 8 tablets a day", "10 tablets daily" ("the week
    // before" is when, not how often).
    const auto regimen = [&](std::size_t from, std::uint32_t s) {
        for (std::size_t k = from, n = 0; k < tokens.size() && n < 4 && tokens[k].sentence == s; ++k, ++n) {
            const std::string_view w = word(k);
            if (w == "daily" || w == "nightly" || w == "nocte" || w == "weekly" || w == "prescribed" || w == "bd"
                || w == "tds" || w == "qds")
                return true;
            if ((w == "day" || w == "week" || w == "night") && k > from) {
                const std::string_view a = word(k - 1);
                if (a == "a" || a == "per" || a == "each" || a == "every")
                    return true;
            }
        }
        return false;
    };
    for (const Mention &d : doses) {
        const std::uint32_t s = tokens[d.last].sentence;
        // The quantity within four words after the taking ("took like 15", "swallowed approx 20 x",
        // "downed a full packet", "ingestion of 25"), then the medicine within five words after it
        // ("32 of her mother's co-codamol", "every pill in the cupboard").
        // A count of eight or more is no single dose (four times the usual two, a whole day's most
        // of paracetamol); five or more taken out of someone's supply ("took 6 of her mum's
        // valium") is none either, whatever the medicine is called.
        std::size_t quantity = 0;
        long value = 0;
        for (std::size_t k = d.last + 1, n = 0; k < tokens.size() && n < 4 && tokens[k].sentence == s; ++k, ++n) {
            if (tokens[k].flags & Term)
                break;
            value = count(k);
            if (value >= 5 || hasForm(ingestionQuantities, tokens[k])) {
                quantity = k;
                break;
            }
        }
        if (quantity == 0)
            continue;
        const bool partitive = value >= 5 && quantity + 3 < tokens.size() && word(quantity + 1) == "of" && possessive(quantity + 2)
                               && tokens[quantity + 3].sentence == s;
        std::size_t means = 0;
        for (std::size_t k = quantity + 1, n = 0; k < tokens.size() && n < 5 && tokens[k].sentence == s; ++k, ++n) {
            if (tokens[k].flags & Term)
                break;
            if (medicine(k)) {
                means = k;
                break;
            }
        }
        if (value > 0 && value < 8 && !partitive)
            continue;
        if (means == 0 && partitive) {
            // "took 20 of her Benadryl": a name after the possessor, capitalised as a brand is
            // ("took 10 of her students" is a trip).
            // Within three words, past a possessor ("of her mum's Nurofen").
            for (std::size_t k = quantity + 3, n = 0; k < tokens.size() && n < 3 && tokens[k].sentence == s && means == 0; ++k, ++n) {
                if (tokens[k].flags & Term)
                    break;
                const char initial = text.bytes[tokens[k].start];
                if (tokens[k].role < 0 && !(tokens[k].flags & (Number | FirstPerson | ThirdPerson | ObjectPronoun | We | They))
                    && initial >= 'A' && initial <= 'Z')
                    means = k;
            }
        }
        if (means == 0 || regimen(means + 1, s) || forAHigh(s))
            continue;
        Mention m = d;
        m.last = static_cast<std::uint32_t>(means);
        if (topic(text, m) || inFiction(text, m.first, m.last))
            continue;
        // Whose: a person named before the taking ("her son took 30 of her tablets"); a pronoun or
        // no one is the client's (when in doubt, flag).
        out.push_back({ingestionRisk, m.first, m.last, statusByWhoseBefore(text, m), RiskFinding::Ingestion, d.phrase, ingestionGroup});
    }
}

void Tagger::Impl::readWishes(const Text &text, const std::vector<Mention> &wishes, std::vector<RiskFinding> &out) const
{
    if (wishRisk < 0 || wishes.empty() || wishWords.empty())
        return;
    const std::vector<Token> &tokens = text.tokens;
    const CompiledRisk &risk = risks[static_cast<std::size_t>(wishRisk)];
    const auto personOf = [&](int k) { return k >= 0 ? personAt(text, static_cast<std::size_t>(k)) : Person{}; };
    for (const Mention &h : wishes) {
        const std::uint32_t s = tokens[h.first].sentence;
        // The wish word within six words before the death word, in its clause: "wish i could be
        // dead", "wants to not exist", "would rather die". Someone named between is the one whose
        // death is wished ("wishes her ex were dead"): not the client's risk.
        std::size_t wish = tokens.size();
        bool someoneElse = false;
        for (std::size_t k = h.first, n = 0; k-- > 0 && n < 6 && tokens[k].sentence == s; ++n) {
            if (tokens[k].flags & Term)
                break;
            if (hasForm(wishWords, tokens[k])) {
                wish = k;
                break;
            }
            if (tokens[k].role >= 0 && personOf(static_cast<int>(k)).who == Person::Other)
                someoneElse = true;
        }
        if (wish == tokens.size() || someoneElse)
            continue;
        Mention m = h;
        m.first = static_cast<std::uint32_t>(wish);
        m.anchor = m.first;
        if (topic(text, m) || inFiction(text, m.first, m.last))
            continue;
        // Who wishes: a person named before the wish word ("her grandmother wanted to die at
        // home") is someone else; a pronoun or no one is the client.
        const int before = personBefore(text, m.first);
        const bool other = before >= 0 && tokens[static_cast<std::size_t>(before)].role >= 0 && personOf(before).who == Person::Other;
        bool joke = false;
        for (std::size_t k = m.first; k-- > 0 && tokens[k].sentence == s && !joke;)
            joke = hasForm(risk.figurativeCues, tokens[k]);
        for (std::size_t k = m.first; k < tokens.size() && tokens[k].sentence == s && !joke; ++k)
            joke = hasForm(risk.figurativeCues, tokens[k]);
        RiskFinding::Status status = RiskFinding::Present;
        if (joke)
            status = RiskFinding::Figurative;
        else if (riskNegated(text, m.first, m.last) || answerTo(text, m, true) < 0)
            status = RiskFinding::Denied; // "does not want to die", "asked about wanting to die: said no"
        else if (other)
            status = RiskFinding::OtherPerson;
        out.push_back({wishRisk, m.first, m.last, status, RiskFinding::Wish, h.phrase, wishGroup});
    }
}

void Tagger::Impl::readSelfActs(const Text &text, const std::vector<Mention> &selfActs, std::vector<RiskFinding> &out) const
{
    if (selfActRisk < 0 || selfActs.empty())
        return;
    const std::vector<Token> &tokens = text.tokens;
    const auto word = [&](std::size_t k) { return text.bytes.substr(tokens[k].start, tokens[k].end - tokens[k].start); };
    for (const Mention &a : selfActs) {
        const std::uint32_t s = tokens[a.last].sentence;
        // The object within three words after the act, in its clause: a reflexive ("starving
        // himself"; not "cut myself some slack", "hurt myself laughing") or a body word after a
        // possessive or none ("cut her thighs", "burns on his forearms").
        std::size_t object = 0;
        for (std::size_t k = a.last + 1, n = 0; k < tokens.size() && n < 3 && tokens[k].sentence == s; ++k, ++n) {
            if (tokens[k].flags & Term)
                break;
            const std::string_view w = word(k);
            if (reflexive(w) && w != "itself") {
                const std::string_view next = k + 1 < tokens.size() && tokens[k + 1].sentence == s ? word(k + 1) : std::string_view{};
                if (next != "some" && next != "slack" && next != "off" && next != "laughing" && next != "out" && next != "up")
                    object = k;
                break;
            }
            if (hasForm(selfActBody, tokens[k])) {
                object = k;
                break;
            }
            if (tokens[k].role >= 0 || (isPersonWord(tokens[k]) && w != "her" && w != "his" && w != "my" && w != "their"))
                break; // "cut him", "cut his brother's arm": someone else's body
        }
        if (object == 0)
            continue;
        // An accident is not self-injury: "burnt her arm on the oven", "cut his hand accidentally".
        bool accident = false;
        if (!selfActAccidents.empty()) {
            std::size_t k = a.first;
            while (k > 0 && tokens[k - 1].sentence == s)
                --k;
            for (; k < tokens.size() && tokens[k].sentence == s && !accident; ++k)
                accident = hasForm(selfActAccidents, tokens[k]);
        }
        Mention m = a;
        m.last = static_cast<std::uint32_t>(object);
        if (accident || topic(text, m) || inFiction(text, m.first, m.last))
            continue;
        // Whose: a person named before the act ("her daughter cuts her arms") is someone else.
        out.push_back({selfActRisk, m.first, m.last, statusByWhoseBefore(text, m), RiskFinding::SelfAct, a.phrase, selfActGroup});
    }
}

void Tagger::Impl::readAttempts(const Text &text, std::vector<RiskFinding> &out) const
{
    if (fieldRisk < 0)
        return;
    const std::vector<Token> &tokens = text.tokens;
    const RiskRules &rules = codebook.risks();
    const auto groupName = [&](const RiskFinding &f) {
        const int g = f.phrase >= 0 ? phrases[static_cast<std::size_t>(f.phrase)].group : -1;
        return f.rule == RiskFinding::Phrase && g >= 0 && f.risk >= 0 ? rules.risks.at(f.risk).groups.at(g).name : QString();
    };
    const auto sameSentence = [&](const RiskFinding &a, const RiskFinding &b) {
        return tokens[a.first].sentence == tokens[b.first].sentence;
    };
    const auto inSentence = [&](const RiskFinding &f, const std::vector<std::int32_t> &forms) {
        const std::uint32_t s = tokens[f.first].sentence;
        std::size_t k = f.first;
        while (k > 0 && tokens[k - 1].sentence == s)
            --k;
        for (; k < tokens.size() && tokens[k].sentence == s; ++k)
            if (hasForm(forms, tokens[k]))
                return true;
        return false;
    };
    // The word of an attempt itself, not only a phrase the rules read as one, before the method in
    // its sentence: "Hx SA x1 (cutting wrists)", "recent attempt 3 wks ago by OD on sertraline" —
    // in an open bracket after it, or right after "by", "via" or "through".
    const auto attemptWordBefore = [&](const RiskFinding &f) {
        const std::uint32_t s = tokens[f.first].sentence;
        std::size_t k = f.first;
        std::size_t attempt = tokens.size();
        while (k > 0 && tokens[k - 1].sentence == s) {
            --k;
            const std::string_view w = text.bytes.substr(tokens[k].start, tokens[k].end - tokens[k].start);
            if (w == "SA" || w == "SAs") {
                attempt = k;
                break;
            }
            std::string lower(w);
            for (char &c : lower)
                c = static_cast<char>(c | 0x20);
            if (lower.starts_with("attempt")) {
                attempt = k;
                break;
            }
        }
        if (attempt == tokens.size())
            return false;
        const std::string_view before = text.bytes.substr(tokens[f.first - 1].start, tokens[f.first - 1].end - tokens[f.first - 1].start);
        if (f.first > attempt + 1 && (before == "by" || before == "via" || before == "through"))
            return true;
        const std::string_view between = text.bytes.substr(tokens[attempt].end, tokens[f.first].start - tokens[attempt].end);
        return between.find('(') != std::string_view::npos && between.find(')') == std::string_view::npos;
    };
    for (RiskFinding &f : out) {
        if (f.status != RiskFinding::Present || f.risk < 0 || f.risk == fieldRisk
            || risks[static_cast<std::size_t>(f.risk)].whose != RiskDefinition::Whose::Self)
            continue;
        // The method of an attempt, in brackets after it: "previous attempts x3 (cutting wrists,
        // OD 2017)" is the attempt's, not self-harm or an overdose of its own.
        const bool method = std::any_of(out.begin(), out.end(), [&](const RiskFinding &a) {
            if (a.risk != fieldRisk || a.status != RiskFinding::Present || !sameSentence(a, f) || a.last >= f.first
                || groupName(a) != QLatin1String("attempt"))
                return false;
            const std::string_view between = text.bytes.substr(tokens[a.last].end, tokens[f.first].start - tokens[a.last].end);
            // "previous attempt by ligature", "attempted suicide via cutting"
            if (f.first == a.last + 2) {
                const std::string_view w = text.bytes.substr(tokens[a.last + 1].start, tokens[a.last + 1].end - tokens[a.last + 1].start);
                if (w == "by" || w == "via" || w == "with")
                    return true;
            }
            return between.find('(') != std::string_view::npos && between.find(')') == std::string_view::npos;
        }) || attemptWordBefore(f);
        // An overdose said to be intentional is a suicide attempt: by a cue ("deliberate") or by
        // the rules' own reading of suicidal intent in its sentence ("OD x2, both w/ intent to die").
        const bool withIntent = f.risk == intentFrom && std::any_of(out.begin(), out.end(), [&](const RiskFinding &a) {
            return a.risk == fieldRisk && a.status == RiskFinding::Present && sameSentence(a, f)
                   && groupName(a) == QLatin1String("intent");
        });
        if (!method && f.risk == intentFrom && (withIntent || inSentence(f, riskIntentCues))) {
            f.risk = fieldRisk;
            f.rule = RiskFinding::Attempt;
            f.rank = 0;
        }
        if (method)
            f.risk = -1;
    }
    // Plan, intent or means in a sentence about harm to others, with no other word of suicide in
    // it, are that harm's ("HI towards abuser, no plan or intent"; "HI: yes; owns a shotgun").
    for (RiskFinding &f : out) {
        if (f.risk != fieldRisk || f.rule != RiskFinding::Phrase)
            continue;
        const QString group = groupName(f);
        if (group != QLatin1String("plan") && group != QLatin1String("intent") && group != QLatin1String("means"))
            continue;
        const QString &words = phrases[static_cast<std::size_t>(f.phrase)].text;
        if (words.contains(QLatin1String("self")) || words.contains(QLatin1String("suicid")) || words.contains(QLatin1String("die"))
            || words.contains(QLatin1String("life")))
            continue;
        const bool harm = std::any_of(out.begin(), out.end(), [&](const RiskFinding &h) {
            return actByClient >= 0 && h.risk == actByClient && sameSentence(h, f);
        });
        const bool suicide = std::any_of(out.begin(), out.end(), [&](const RiskFinding &o) {
            return &o != &f && o.risk == fieldRisk && sameSentence(o, f);
        });
        if (harm && !suicide)
            f.risk = -1;
    }
    std::erase_if(out, [](const RiskFinding &f) { return f.risk < 0; });
}

void Tagger::Impl::readMixing(const Text &text, std::vector<RiskFinding> &out) const
{
    const std::vector<Token> &tokens = text.tokens;
    const std::size_t n = tokens.size();
    for (std::size_t r = 0; r < risks.size(); ++r) {
        const CompiledRisk &risk = risks[r];
        if (risk.mixing.empty())
            continue;
        std::uint32_t classes = 0;
        for (const auto &[a, b] : risk.mixing)
            classes |= (1u << a) | (1u << b);
        const auto pairs = [&](std::int8_t a, std::int8_t b) {
            return a != b && std::any_of(risk.mixing.begin(), risk.mixing.end(), [&](const auto &p) {
                       return (p.first == a && p.second == b) || (p.first == b && p.second == a);
                   });
        };
        // The words that name a substance, in order; after a pair is found, the next starts
        // past it.
        std::size_t from = 0;
        for (const std::uint32_t named : text.substanceTokens) {
            const std::size_t i = named;
            if (i < from)
                continue;
            const Token &t = tokens[i];
            if (!((classes >> t.substance) & 1u))
                continue;
            // The other within eight words of the sentence, tied to it by "and", "with", "on top
            // of", "mixed" … or by nothing at all ("heroin/xanax").
            for (std::size_t j = i + 1; j < n && j <= i + 8 && tokens[j].sentence == t.sentence; ++j) {
                if (tokens[j].flags & Term)
                    break;
                if (tokens[j].substance < 0 || !pairs(t.substance, tokens[j].substance))
                    continue;
                bool tied = j == i + 1;
                for (std::size_t k = i + 1; k < j && !tied; ++k) {
                    const std::string_view w = text.bytes.substr(tokens[k].start, tokens[k].end - tokens[k].start);
                    tied = w == "and" || w == "with" || w == "plus" || w == "top" || w == "mixed" || w == "mixing"
                           || w == "mixes" || w == "combined" || w == "combining" || w == "alongside" || w == "while"
                           || w == "on";
                }
                if (!tied)
                    continue;
                Mention m{static_cast<int>(r), -1, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j)};
                m.anchor = m.first;
                const int other = otherSubject(text, m);
                if (!riskNegated(text, m.first, m.last) && !topic(text, m))
                    out.push_back({static_cast<int>(r), m.first, m.last,
                                   other >= 0 ? RiskFinding::OtherPerson : RiskFinding::Present, RiskFinding::Mixing, -1,
                                   1003, t.substance, tokens[j].substance});
                from = j + 1;
                break;
            }
        }
    }
}

void Tagger::Impl::readTolerance(const Text &text, const std::vector<Mention> &events, const std::vector<Mention> &themeMentions,
                                 std::vector<RiskFinding> &out) const
{
    const std::vector<Token> &tokens = text.tokens;
    // A use whose substance is only its word's default ("use", "using": other) is of the substance
    // last named before it, when one is: "Substance: alcohol / Last use: three weeks ago" is a
    // break from alcohol, whose lost tolerance is not overdose risk; with no substance named, or an
    // opioid, the default stands and so does the flag.
    const auto substanceOf = [&](const Mention &u) -> std::int8_t {
        for (std::uint32_t k = u.first; k <= u.last; ++k)
            if (tokens[k].substance >= 0 && !(tokens[k].flags & SubstanceDefault))
                return u.substance;
        for (std::size_t k = u.first, n = 0; k-- > 0 && n < 60; ++n)
            if (tokens[k].substance >= 0 && !(tokens[k].flags & SubstanceDefault))
                return tokens[k].substance;
        return u.substance;
    };
    // A break from something that is not a drug: "eight months clean from SH", "clean from
    // cutting" — "from" and then no substance.
    const auto breakFromNoDrug = [&](const Mention &e) {
        const std::size_t f = e.last + 1;
        if (f + 1 >= tokens.size() || tokens[f + 1].sentence != tokens[e.last].sentence)
            return false;
        const std::string_view last = text.bytes.substr(tokens[e.last].start, tokens[e.last].end - tokens[e.last].start);
        if (last != "clean" && last != "sober" && last != "abstinent" && last != "abstinence")
            return false; // "released from prison" is a break whatever follows
        const std::string_view w = text.bytes.substr(tokens[f].start, tokens[f].end - tokens[f].start);
        return w == "from" && tokens[f + 1].substance < 0;
    };
    // The break's word as a place of work or a visit, not a stay: "a prison officer", "prison visits".
    const auto workplace = [&](const Mention &e) {
        const std::size_t f = e.last + 1;
        if (f >= tokens.size() || tokens[f].sentence != tokens[e.last].sentence)
            return false;
        static constexpr std::array<std::string_view, 20> jobs{
            "officer", "officers", "guard",   "guards",   "warden",  "nurse",   "chaplain", "worker", "workers", "staff",
            "visit",   "visits",   "visitor", "visiting", "service", "governor", "doctor",  "teacher", "job",    "shift"};
        const std::string_view w = text.bytes.substr(tokens[f].start, tokens[f].end - tokens[f].start);
        return std::find_if(jobs.begin(), jobs.end(), [&](std::string_view j) {
                   return w.size() == j.size() && std::equal(w.begin(), w.end(), j.begin(), [](char a, char b) { return (a | 0x20) == b; });
               }) != jobs.end();
    };
    // A topic taught earlier in the sentence, with no person between: "group psychoeducation on
    // naloxone and the risk of using after prison".
    const auto taught = [&](const Mention &e) {
        for (std::size_t k = e.first; k-- > 0 && tokens[k].sentence == tokens[e.first].sentence;) {
            if (tokens[k].flags & (Term | FirstPerson | ThirdPerson | Client))
                return false;
            if (tokens[k].flags & Topic)
                return true;
        }
        return false;
    };
    for (const Mention &e : events) {
        const CompiledRisk &risk = risks[static_cast<std::size_t>(e.theme)];
        const std::uint32_t s = tokens[e.first].sentence;
        if (breakFromNoDrug(e) || workplace(e) || taught(e))
            continue;
        for (const Mention &u : themeMentions) {
            const std::uint32_t us = tokens[u.first].sentence;
            if (us + 1 < s)
                continue;
            if (us > s + 1)
                break;
            if (!u.counted || u.substance < 0 || !((risk.useClasses >> substanceOf(u)) & 1u)
                || std::find(risk.useThemes.begin(), risk.useThemes.end(), u.theme) == risk.useThemes.end())
                continue;
            out.push_back({e.theme, u.first, u.last, RiskFinding::Present, RiskFinding::Tolerance, e.phrase, 1004});
            break;
        }
    }
}

void Tagger::Impl::readRiskFields(const Text &text, const std::vector<Mention> &labelled, std::vector<RiskFinding> &out) const
{
    if (fieldRisk < 0 || riskWord < 0)
        return;
    const std::vector<Token> &tokens = text.tokens;
    for (const std::uint32_t line : text.lineStarts) {
        const std::size_t i = line;
        // "Risk: high", "Risk level: moderate", "Current risk: none"
        bool risk = false;
        for (std::size_t k = i; k < tokens.size() && k <= i + 3 && tokens[k].sentence == tokens[i].sentence; ++k) {
            risk = risk || tokens[k].form == riskWord;
            if (!(tokens[k].flags & ColonAfter))
                continue;
            const std::size_t v = k + 1;
            if (!risk || v >= tokens.size() || tokens[v].sentence != tokens[k].sentence)
                break;
            const bool said = std::any_of(labelled.begin(), labelled.end(),
                                          [&](const Mention &m) { return m.first >= i && m.last <= k; });
            if (said)
                break;
            const Token &t = tokens[v];
            if (t.flags & (Neg | PostNeg))
                out.push_back({fieldRisk, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(v), RiskFinding::Denied,
                               RiskFinding::Field, -1, 1001});
            else if (hasForm(riskLevels, t))
                out.push_back({fieldRisk, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(v), RiskFinding::Present,
                               RiskFinding::Field, -1, 1001});
            break;
        }
    }
}

} // namespace uc::themes
