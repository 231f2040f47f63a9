// SPDX-License-Identifier: GPL-3.0-or-later
// People: whose words each passage is (a clinical note, where "I" is the clinician and quotes are
// the client's voice, or the client's own words, where "she" and "he" are other people), who each
// person word is, and whose experience a mention is (the subject of its clause).
#include "themes/pipeline.h"

#include <algorithm>

namespace uc::themes {

namespace {

enum class Leaning { Clinical, Client, Unknown };

// Clinical words (pt, client, writer, a section header) make a note; "my mum" or more "I" than
// "she" make a person's own words.
Leaning lean(const Passage &p)
{
    if (p.clientWords > 0 && p.firstPerson < 4 * p.clientWords + 4)
        return Leaning::Clinical;
    if (p.myRole > 0 || p.informal > 0)
        return Leaning::Client;
    // A note's sentences start with "She" or "He"; a person's own with "I" or "My".
    if (p.thirdStarts != p.firstStarts)
        return p.thirdStarts > p.firstStarts ? Leaning::Clinical : Leaning::Client;
    if (p.firstPerson == 0 && p.thirdPerson == 0)
        return Leaning::Unknown;
    return p.firstPerson >= p.thirdPerson ? Leaning::Client : Leaning::Clinical;
}

bool contentWord(const Token &t)
{
    return !(t.flags & functionFlags) && t.role < 0;
}

// How far back a pronoun looks for the person it means: in long first-person writing "he" can
// mean the boyfriend named a paragraph ago.
constexpr std::size_t antecedentWindow = 150;

} // namespace

void Tagger::Impl::decideRegister(Text &text, Register requested) const
{
    Passage whole;
    for (const Passage &p : text.passages) {
        whole.firstPerson += p.firstPerson;
        whole.thirdPerson += p.thirdPerson;
        whole.clientWords += p.clientWords;
        whole.myRole += p.myRole;
        whole.firstStarts += p.firstStarts;
        whole.thirdStarts += p.thirdStarts;
        whole.informal += p.informal;
        whole.female += p.female;
        whole.male += p.male;
    }
    const Leaning document = lean(whole);
    for (Passage &p : text.passages) {
        if (requested != Register::Auto) {
            p.voice = requested == Register::Clinical ? Voice::Clinical : Voice::Client;
            continue;
        }
        // A passage with clear marks of its own (a quoted letter in a note) decides for itself.
        Leaning own = p.clientWords > 0 || p.myRole > 0 || p.informal > 0 ? lean(p) : Leaning::Unknown;
        if (own == Leaning::Unknown)
            own = document;
        p.voice = own == Leaning::Clinical ? Voice::Clinical : Voice::Client;
    }
    // In a note, "she" is the client when the note is about a woman ("her father … he drank").
    std::uint32_t female = 0;
    std::uint32_t male = 0;
    for (const Passage &p : text.passages)
        if (p.voice == Voice::Clinical)
            female += p.female, male += p.male;
    text.clientGender = 0;
    if (female > 0 && female >= 2 * male)
        text.clientGender = Female;
    else if (male > 0 && male >= 2 * female)
        text.clientGender = Male;
    else if (female > 0 && male > 0) {
        // No clear majority: the note's first sentence about "she" or "he" is about the client.
        const std::vector<Token> &tokens = text.tokens;
        for (std::size_t k = 0; k < tokens.size(); ++k)
            if ((tokens[k].flags & ThirdPerson) && !(tokens[k].flags & Quoted) && (k == 0 || tokens[k - 1].sentence != tokens[k].sentence)
                && voiceAt(text, k) == Voice::Clinical) {
                text.clientGender = tokens[k].flags & (Female | Male);
                break;
            }
    }
}

Voice Tagger::Impl::voiceAt(const Text &text, std::size_t i) const
{
    if (text.tokens[i].flags & Quoted)
        return Voice::Client;
    const auto it = std::upper_bound(text.passages.begin(), text.passages.end(), static_cast<std::uint32_t>(i),
                                     [](std::uint32_t k, const Passage &p) { return k < p.firstToken; });
    return it == text.passages.begin() ? text.passages.front().voice : std::prev(it)->voice;
}

Person Tagger::Impl::personAt(const Text &text, std::size_t i) const
{
    const std::vector<Token> &tokens = text.tokens;
    const Token &t = tokens[i];
    // The nearest person named before a pronoun, of its gender when it has one.
    const auto antecedent = [&](std::uint64_t gender) {
        // The person words of the text are listed in order: walk back from this one.
        const auto &roles = text.roleTokens;
        auto it = std::lower_bound(roles.begin(), roles.end(), static_cast<std::uint32_t>(i));
        while (it != roles.begin()) {
            const std::size_t k = *--it;
            if (i - k > antecedentWindow)
                break;
            const Token &a = tokens[k];
            if (gender && (a.flags & (Female | Male)) && !(a.flags & gender))
                continue;
            const RoleClass::Kind kind = roleKinds[static_cast<std::size_t>(a.role)];
            return Person{kind == RoleClass::Kind::Clinician ? Person::Clinician : Person::Other, a.role,
                          static_cast<std::int32_t>(k)};
        }
        return Person{Person::Other, -1, static_cast<std::int32_t>(i)};
    };
    if (t.role >= 0) {
        // Someone's someone belongs to their world: "her daughter's boyfriend" is of the child's.
        std::int8_t role = t.role;
        for (std::size_t k = i, n = 0; k-- > 0 && n < 2 && tokens[k].sentence == t.sentence; ++n) {
            const Token &p = tokens[k];
            if (p.role >= 0 && (p.flags & Possessive)) {
                role = p.role;
                break;
            }
            if (!contentWord(p))
                break;
        }
        const RoleClass::Kind kind = roleKinds[static_cast<std::size_t>(role)];
        return {kind == RoleClass::Kind::Clinician ? Person::Clinician : Person::Other, role, static_cast<std::int32_t>(i)};
    }
    if (t.flags & Client)
        return {Person::Client, -1, static_cast<std::int32_t>(i)};
    const Voice voice = voiceAt(text, i);
    if (t.flags & FirstPerson) {
        if (voice == Voice::Client)
            return {Person::Client, -1, static_cast<std::int32_t>(i)};
        return {Person::Clinician, clinicianRole, static_cast<std::int32_t>(i)};
    }
    if (t.flags & We) {
        // The client and the person last named ("me and my mum … we argue"); in a note, the session.
        if (voice == Voice::Clinical)
            return {};
        Person p = antecedent(0);
        return {Person::Client, p.role, p.token};
    }
    if (t.flags & They)
        return antecedent(0);
    if (t.flags & (Female | Male)) {
        const std::uint64_t gender = t.flags & (Female | Male);
        if (voice == Voice::Clinical && (text.clientGender == 0 || (gender & text.clientGender)))
            return {Person::Client, -1, static_cast<std::int32_t>(i)};
        return antecedent(gender);
    }
    return {};
}

int Tagger::Impl::otherSubject(const Text &text, const Mention &m) const
{
    const int j = subjectOf(text, m.anchor);
    if (j < 0)
        return -1;
    const Person p = personAt(text, static_cast<std::size_t>(j));
    if (p.who == Person::Other || p.who == Person::Clinician)
        return p.token >= 0 ? p.token : j;
    return -1;
}

int Tagger::Impl::experiencer(const Text &text, const Mention &m, int subject) const
{
    // A phrase that names its person as object is about that person, whoever the clause's
    // subject is: "my son drives me up the wall", "her tone annoys me", "she deserves better than
    // me" are the writer's, as "me" is (the clinician in a note, so "he drives me mad" there is
    // the clinician's). Only a phrase that writes the word: a gap word is not the phrase's
    // ("my friends let me down" is not "let-down").
    if (m.phrase < 0 || !phrases[static_cast<std::size_t>(m.phrase)].namesMe)
        return subject;
    for (std::uint32_t k = m.first + 1; k <= m.last; ++k) {
        if ((text.tokens[k].flags & (FirstPerson | ObjectPronoun)) != (FirstPerson | ObjectPronoun))
            continue;
        const Person p = personAt(text, k);
        if (p.who == Person::Client)
            return -1;
        if (p.who != Person::None)
            return p.token >= 0 ? p.token : static_cast<int>(k);
    }
    return subject;
}

int Tagger::Impl::subjectOf(const Text &text, std::size_t at) const
{
    const std::vector<Token> &tokens = text.tokens;
    // The word that decides: a person word whose person is known (the client, the clinician,
    // someone else).
    const auto decide = [&](std::size_t j, int &answer) {
        const Person p = personAt(text, j);
        if (p.who == Person::None)
            return false;
        answer = static_cast<int>(j);
        return true;
    };
    int answer = -1;
    // A possessor just before, with at most two describing words between ("her mother's
    // drinking", "his constant drinking", "my drinking"), or of the noun it hangs from ("her
    // brother's death from an overdose"). Owning a substance is not using it: "her friend's
    // Xanax" is whoever took it.
    const std::string_view word = text.bytes.substr(tokens[at].start, tokens[at].end - tokens[at].start);
    const bool ownable = tokens[at].substance >= 0 && !(word.size() > 3 && word.ends_with("ing"));
    for (std::size_t j = at, k = 0; j-- > 0 && k < 5 && !ownable; ++k) {
        const Token &t = tokens[j];
        if (t.clause != tokens[at].clause)
            break;
        if (t.flags & Possessive) {
            if (decide(j, answer))
                return answer;
            break;
        }
        if (!contentWord(t) && !(t.flags & (Det | Prep)))
            break;
        if ((t.flags & Prep) && !(j > 0 && (contentWord(tokens[j - 1]) || (tokens[j - 1].flags & Det))))
            break;
    }
    // A person named right before the act is its subject: "his mother overdosed".
    if (at > 0 && tokens[at - 1].role >= 0 && !(tokens[at - 1].flags & Possessive) && tokens[at - 1].clause == tokens[at].clause
        && !(at > 1 && (tokens[at - 2].flags & Prep)) && decide(at - 1, answer))
        return answer;
    // The subject of the clause; a clause with no subject of its own ("when drunk", "while out
    // drinking with his brother") takes the one before it in the sentence.
    std::size_t end = at;
    std::uint32_t clause = tokens[at].clause;
    for (int depth = 0; depth < 3; ++depth) {
        std::size_t start = end;
        // The act right after "and", "or", "then" ("and then"): a verb that shares the subject
        // before it.
        const bool coordinated = depth == 0 && at > 0 && (tokens[at - 1].flags & Coord);
        for (std::size_t j = end; j-- > 0;) {
            const Token &t = tokens[j];
            if (t.clause != clause || (t.flags & Term))
                break;
            start = j;
            // The nearest pronoun or client word decides, as subject or object ("he makes me
            // anxious"); a possessor belongs to the noun after it ("her partner").
            if ((t.flags & Possessive) || t.role >= 0)
                continue;
            // A preposition's object is not the subject of a verb coordinated after it with no
            // subject of its own ("… and drank", "… and then smoked"): "she was angry with me and
            // drank", "fell out with them at the hostel and smoked" are the client's use.
            if ((t.flags & ObjectPronoun) && coordinated && j > 0 && (tokens[j - 1].flags & Prep)
                && tokens[j - 1].clause == clause)
                continue;
            if ((t.flags & (FirstPerson | ThirdPerson | We | They | Client | ObjectPronoun | Female | Male)) && decide(j, answer))
                return answer;
        }
        // A relative clause's noun: "her husband, who drinks".
        if (start > 0 && (tokens[start].flags & Relative) && tokens[start - 1].role >= 0 && decide(start - 1, answer))
            return answer;
        // The noun phrase at the clause's start: possessives or articles, up to three describing
        // words, then a person ("her 15-year-old daughter", "Pt's best friend"); "that" after a
        // reporting verb opens it ("reports that her uncle drinks").
        bool determined = false;
        int describing = 0;
        std::size_t k = start;
        while (k < end && (tokens[k].flags & (Comp | Clause | Link)) && !(tokens[k].flags & Relative))
            ++k;
        for (; k < end; ++k) {
            const Token &t = tokens[k];
            if (t.role >= 0)
                return decide(k, answer) ? answer : -1;
            if (t.flags & (Possessive | Det)) {
                determined = true;
                continue;
            }
            if (t.flags & Coord)
                continue;
            if (!determined || !contentWord(t) || ++describing > 3)
                break;
        }
        // No subject here: a reduced clause inside a sentence (opened by "when", "while", "after" …
        // or by a comma) has the subject of the clause before it.
        if (start == 0 || tokens[start - 1].sentence != tokens[start].sentence || (tokens[start - 1].flags & Term))
            return -1;
        const Token &opener = tokens[start];
        const bool subordinate = (opener.flags & (Clause | Link)) && !(opener.flags & (Comp | Relative | Term));
        const bool afterComma = !(opener.flags & (Clause | Coord));
        bool hasPerson = false;
        for (std::size_t j = start; j < end && !hasPerson; ++j)
            hasPerson = (tokens[j].flags & personFlags) != 0;
        if (hasPerson || !(subordinate || afterComma))
            return -1;
        end = start;
        clause = tokens[start - 1].clause;
    }
    return -1;
}

} // namespace uc::themes
