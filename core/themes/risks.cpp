// SPDX-License-Identifier: GPL-3.0-or-later
// Risk flags: the risk phrases found in the same pass as the themes', read with their own context
// policy (docs/risk.md). Unlike themes, a conditional counts ("if he leaves she will kill
// herself"), and so do passive wishes, a past attempt, plans, topics aside, plan lines and every
// field of a note. What does not count: a figure of speech ("killing time"), someone else's act
// ("her brother died by suicide"); a negative screen ("denies SI") is a status of its own.
#include "themes/pipeline.h"

#include <cctype>

#include <algorithm>

namespace uc::themes {

namespace {

bool overlaps(const Mention &a, const Mention &b)
{
    return a.first <= b.last && b.first <= a.last;
}

bool isPersonWord(const Token &t)
{
    return t.role >= 0 || (t.flags & (FirstPerson | ThirdPerson | We | They | Client | ObjectPronoun | Female | Male)) != 0;
}

// Of mentions in text order, the longest of each overlapping run (on the same words, the longer
// phrase: "could kill him for" over "could kill for").
template<typename Longer>
void keepLongestRun(std::vector<Mention> &list, Longer longer)
{
    std::size_t kept = 0;
    for (std::size_t k = 0; k < list.size(); ++k) {
        if (kept > 0 && overlaps(list[kept - 1], list[k])) {
            if (longer(list[k], list[kept - 1]))
                list[kept - 1] = list[k];
            continue;
        }
        list[kept++] = list[k];
    }
    list.resize(kept);
}

} // namespace

bool Tagger::Impl::jokeWordIn(const Text &text, std::uint32_t at, const std::vector<std::int32_t> &cues) const
{
    // A joke cue in the sentence, not a laugh (a laugh beside harm done to the client is cruelty).
    const std::vector<Token> &tokens = text.tokens;
    const std::uint32_t s = tokens[at].sentence;
    std::size_t k = at;
    while (k > 0 && tokens[k - 1].sentence == s)
        --k;
    for (; k < tokens.size() && tokens[k].sentence == s; ++k)
        if (hasForm(cues, tokens[k]) && text.bytes.substr(tokens[k].start, std::min<std::size_t>(5, tokens[k].end - tokens[k].start)) != "laugh")
            return true;
    return false;
}

bool Tagger::Impl::riskNegated(const Text &text, std::uint32_t first, std::uint32_t last) const
{
    thread_local const std::vector<std::uint32_t> noEnds;
    Mention m{};
    m.first = first;
    m.last = last;
    m.anchor = first;
    if (zeroRating(text, m) || checklistAnswer(text, first, last) < 0)
        return true;
    if (!negated(text, m, noEnds))
        return false;
    // NegEx's terminators: a negation does not reach past "but", "however", "although", or a
    // conjunction that starts a new verb phrase: "has not been eating and has given away his
    // belongings" gives them away. Only words between the head and the nearest negation count.
    const std::vector<Token> &tokens = text.tokens;
    const auto word = [&](std::size_t k) { return std::string_view(text.bytes).substr(tokens[k].start, tokens[k].end - tokens[k].start); };
    const auto lowerIs = [&](std::size_t k, std::initializer_list<std::string_view> words) {
        const std::string_view w = word(k);
        return std::any_of(words.begin(), words.end(), [&](std::string_view x) {
            return w.size() == x.size() && std::equal(w.begin(), w.end(), x.begin(), [](char a, char b) { return (a | 0x20) == b; });
        });
    };
    // The mention may start with its own subject: "cant do this no more im done".
    if (first > 0 && lowerIs(first, {"i", "im", "ive", "i'm", "i've"}) && lowerIs(first - 1, {"it", "this", "more", "anymore", "them", "me", "and"}))
        return false;
    for (std::size_t k = first; k-- > 0 && tokens[k].sentence == tokens[first].sentence;) {
        if (tokens[k].flags & Neg)
            return true;
        if (lowerIs(k, {"but", "however", "although", "though", "yet", "except", "apart", "besides"}))
            return false;
        // A new first-person subject right after a finished object, in text written without
        // punctuation: "dont get it i want to not be here", "cant do this no more im done".
        if (k > 0 && lowerIs(k, {"i", "im", "ive", "i'm", "i've"}) && lowerIs(k - 1, {"it", "this", "more", "anymore", "them", "me"}))
            return false;
        if (k + 1 < first && lowerIs(k, {"and", "or"})
            && lowerIs(k + 1, {"has", "have", "had", "is", "was", "were", "will", "would", "did", "does", "now", "then", "later",
                               "also", "recently", "since", "keeps", "kept", "says", "said", "tells", "told", "wants",
                               "wanted", "still", "often", "i", "im", "ive", "i'm", "i've"}))
            return false;
    }
    return true;
}

bool Tagger::Impl::isChild(const Person &p) const
{
    return p.role >= 0 && ((childRoles >> p.role) & 1u);
}

int Tagger::Impl::victimOf(const Text &text, std::uint32_t first, std::uint32_t last) const
{
    const std::vector<Token> &tokens = text.tokens;
    // A possessive that ends the mention owns the person after it: "hits her sister".
    if (last > first && last + 1 < tokens.size() && (tokens[last].flags & Possessive) && tokens[last].role < 0
        && tokens[last + 1].role >= 0 && tokens[last + 1].clause == tokens[last].clause)
        return static_cast<int>(last + 1);
    // Inside the mention after its first word: "choked her", "controls her money".
    for (std::uint32_t k = first + 1; k <= last; ++k)
        if (isPersonWord(tokens[k]) && !(tokens[k].flags & (Possessive | FirstPerson | ThirdPerson)))
            return static_cast<int>(k);
    for (std::uint32_t k = first + 1; k <= last; ++k)
        if (isPersonWord(tokens[k]))
            return static_cast<int>(k);
    // "beaten by her husband": the one after "by" did it; the subject suffered it.
    if (tokens[last].flags & By)
        return -1;
    // Right after it, an article or a possessor allowed: "hit her", "beat the kids", "threatened her son".
    std::size_t k = last + 1;
    if (k < tokens.size() && (tokens[k].flags & Det) && !(tokens[k].flags & Possessive))
        ++k;
    if (k >= tokens.size() || tokens[k].sentence != tokens[last].sentence || tokens[k].clause != tokens[last].clause)
        return -1;
    const Token &t = tokens[k];
    if ((t.flags & Possessive) && t.role < 0 && k + 1 < tokens.size() && tokens[k + 1].role >= 0
        && tokens[k + 1].clause == t.clause)
        return static_cast<int>(k + 1);
    return isPersonWord(t) && !(t.flags & Prep) ? static_cast<int>(k) : -1;
}

void Tagger::Impl::readRisks(Text &text, const std::vector<Mention> &themeMentions, std::vector<RiskFinding> &out) const
{
    out.clear();
    if (risks.empty())
        return;
    const std::vector<Token> &tokens = text.tokens;
    std::vector<Mention> &all = text.riskMentions;
    insertionSort(all.begin(), all.end(), [](const Mention &a, const Mention &b) {
        return a.first != b.first ? a.first < b.first : a.last > b.last;
    });
    thread_local std::vector<Mention> said, acts, specials, events, control, keeping, doses, wishes, selfActs, claims;
    said.clear(), acts.clear(), specials.clear(), events.clear(), control.clear(), keeping.clear(), doses.clear(),
        wishes.clear(), selfActs.clear(), claims.clear();
    const auto kindOf = [&](const Mention &m) { return phrases[static_cast<std::size_t>(m.phrase)].riskKind; };
    // An acronym counts only in capitals: "SI", not "si" or "said hi".
    const auto capitals = [&](const Mention &m) {
        for (std::uint32_t k = m.first; k <= m.last; ++k) {
            if (!hasForm(riskAcronyms, tokens[k]))
                continue;
            for (std::uint32_t b = tokens[k].start; b < tokens[k].end; ++b)
                if (text.bytes[b] >= 'a' && text.bytes[b] <= 'z')
                    return false;
        }
        return true;
    };
    for (const Mention &m : all) {
        switch (kindOf(m)) {
        case RiskKind::Group:
        case RiskKind::Screen:
        case RiskKind::Denial:
            if (capitals(m))
                said.push_back(m);
            break;
        case RiskKind::Act:
            acts.push_back(m);
            break;
        case RiskKind::Abstinence:
            events.push_back(m);
            break;
        case RiskKind::Control:
            control.push_back(m);
            break;
        case RiskKind::Keeping:
            keeping.push_back(m);
            break;
        case RiskKind::Dose:
            doses.push_back(m);
            break;
        case RiskKind::Wish:
            wishes.push_back(m);
            break;
        case RiskKind::SelfAct:
            selfActs.push_back(m);
            break;
        case RiskKind::Exception:
        case RiskKind::NetException:
        case RiskKind::Figurative:
        case RiskKind::Others:
            specials.push_back(m);
            break;
        case RiskKind::None:
            break;
        }
    }
    // Another sense cancels what it overlaps of its risk (and any act); a figure of speech cancels
    // every risk it overlaps and is reported; an act only ever someone else's is reported as theirs.
    const auto cancel = [&](const Mention &x, bool anyRisk) {
        std::erase_if(said, [&](const Mention &m) { return overlaps(m, x) && (anyRisk || m.theme == x.theme); });
        std::erase_if(acts, [&](const Mention &m) { return overlaps(m, x); });
        std::erase_if(control, [&](const Mention &m) { return overlaps(m, x); });
        std::erase_if(keeping, [&](const Mention &m) { return overlaps(m, x); });
        std::erase_if(doses, [&](const Mention &m) { return overlaps(m, x); });
        std::erase_if(wishes, [&](const Mention &m) { return overlaps(m, x); });
        std::erase_if(selfActs, [&](const Mention &m) { return overlaps(m, x); });
    };
    const auto exception = [&](const Mention &x) { return kindOf(x) == RiskKind::Exception || kindOf(x) == RiskKind::NetException; };
    for (const Mention &x : specials) {
        if (exception(x))
            cancel(x, false);
        if (kindOf(x) == RiskKind::NetException)
            claims.push_back(x); // it claims the broad net's heads too (riskclaims.cpp)
    }
    std::erase_if(specials, exception);
    const auto longer = [&](const Mention &a, const Mention &b) {
        return std::pair{a.last - a.first, phrases[static_cast<std::size_t>(a.phrase)].text.size()}
               > std::pair{b.last - b.first, phrases[static_cast<std::size_t>(b.phrase)].text.size()};
    };
    keepLongestRun(specials, longer);
    for (const Mention &x : specials) {
        const bool figurative = kindOf(x) == RiskKind::Figurative;
        cancel(x, figurative);
        out.push_back({x.theme, x.first, x.last, figurative ? RiskFinding::Figurative : RiskFinding::OtherPerson,
                       RiskFinding::Phrase, x.phrase, 0});
    }
    // Overlapping mentions of one risk are one: the longest (on the same words, the longer phrase).
    for (std::size_t i = 0; i < said.size(); ++i)
        for (std::size_t j = i + 1; j < said.size() && said[j].first <= said[i].last; ++j) {
            Mention &a = said[i];
            Mention &b = said[j];
            if (a.theme != b.theme || !a.kept || !b.kept)
                continue;
            const auto length = [&](const Mention &m) {
                return std::pair{m.last - m.first, phrases[static_cast<std::size_t>(m.phrase)].text.size()};
            };
            (length(b) > length(a) ? a : b).kept = false;
        }
    // A risk's phrase inside a longer one of another risk is part of it: "HI with plan" is not a
    // suicide plan.
    for (Mention &b : said)
        for (const Mention &a : said)
            if (a.theme != b.theme && a.first <= b.first && b.last <= a.last && a.last - a.first > b.last - b.first)
                b.kept = false;
    std::erase_if(said, [](const Mention &m) { return !m.kept; });
    std::erase_if(acts, [&](const Mention &a) {
        return std::any_of(said.begin(), said.end(), [&](const Mention &m) { return overlaps(m, a); });
    });
    keepLongestRun(acts, longer);
    std::erase_if(control, [&](const Mention &c) {
        return std::any_of(said.begin(), said.end(), [&](const Mention &m) { return overlaps(m, c); });
    });
    keepLongestRun(control, longer);
    std::erase_if(keeping, [&](const Mention &k) {
        return std::any_of(said.begin(), said.end(), [&](const Mention &m) { return overlaps(m, k); });
    });
    keepLongestRun(keeping, longer);

    const auto inSentence = [&](const Mention &m, const std::vector<std::int32_t> &forms) {
        if (forms.empty())
            return false;
        const std::uint32_t s = tokens[m.first].sentence;
        for (std::size_t k = m.first; k-- > 0 && tokens[k].sentence == s;)
            if (hasForm(forms, tokens[k]))
                return true;
        for (std::size_t k = m.first; k < tokens.size() && tokens[k].sentence == s; ++k)
            if (hasForm(forms, tokens[k]))
                return true;
        return false;
    };
    const auto nearestBefore = [&](std::uint32_t first) { return personBefore(text, first); };
    const auto personOf = [&](int k) { return k >= 0 ? personAt(text, static_cast<std::size_t>(k)) : Person{}; };
    // A passive wish's words said of someone named right before them, the words naming no one
    // else: "mum doesn't wake up" is mum's; "everyone would be better off without me" stays the
    // client's.
    const auto wishOfNamedOther = [&](const Mention &m, const Phrase &p) {
        static const QRegularExpression firstPerson(QStringLiteral(R"(\b(?:me|i|my|myself)\b)"));
        if (p.text.contains(firstPerson))
            return false;
        for (std::size_t k = m.first, n = 0; k-- > 0 && n < 2 && tokens[k].sentence == tokens[m.first].sentence; ++n)
            if (isPersonWord(tokens[k]))
                return tokens[k].role >= 0 && personOf(static_cast<int>(k)).who == Person::Other;
        return false;
    };
    // Whose act: the client's, or someone else's (a clinician writing about it is not someone else).
    const auto doneByOther = [&](const Mention &m) {
        // A self-disclosure verb right before it, the one named before the verb its subject:
        // "another member disclosed suicidal thoughts" is the member's own (a report — "mum said",
        // "mum reports" — may be about the client, and stays the client's).
        for (std::size_t k = m.first, n = 0; k-- > 0 && n < 3 && tokens[k].sentence == tokens[m.first].sentence; ++n) {
            const std::string_view w = text.bytes.substr(tokens[k].start, tokens[k].end - tokens[k].start);
            if (isPersonWord(tokens[k]))
                break;
            if (w == "disclosed" || w == "discloses" || w == "admitted" || w == "admits" || w == "confessed" || w == "shared") {
                const int doer = nearestBefore(static_cast<std::uint32_t>(k));
                return doer >= 0 && tokens[static_cast<std::size_t>(doer)].role >= 0 && personOf(doer).who == Person::Other;
            }
        }
        const int before = nearestBefore(m.first);
        if (before >= 0 && tokens[static_cast<std::size_t>(before)].role >= 0)
            return personOf(before).who == Person::Other;
        // The client is the subject ("I keep thinking about hurting my boss"): whoever is named
        // after the act is its object, not its doer.
        if (before >= 0 && personOf(before).who == Person::Client)
            return false;
        for (std::uint32_t k = m.first; k <= m.last; ++k) {
            if (!isPersonWord(tokens[k]))
                continue;
            // "his wife's diazepam": who owns a substance is not who took it.
            if ((tokens[k].flags & Possessive) && k < m.last && tokens[k + 1].substance >= 0)
                continue;
            // "thoughts of killing herself" with no one named before: the client's.
            const Person p = personOf(static_cast<int>(k));
            return p.who == Person::Other && (p.role >= 0 || p.token != static_cast<std::int32_t>(k));
        }
        return personOf(subjectOf(text, m.first)).who == Person::Other;
    };
    // The value of a field whose label holds the mention ("SI: none", "Self-harm: denies").
    enum class Value { None, Negative, Low, Positive };
    const auto fieldValue = [&](const Mention &m) {
        // A label starts a line or a sentence ("SI: yes. HI: no. SH: no.").
        const auto labelStart = [&](std::size_t k) {
            return (tokens[k].flags & LineStart) || k == 0 || tokens[k - 1].sentence != tokens[k].sentence;
        };
        std::size_t line = m.first;
        for (std::size_t n = 0; n < 4 && line > 0 && !labelStart(line); ++n)
            --line;
        if (!labelStart(line))
            return Value::None;
        // "SI: none", "SH - denied", "HI = no".
        const auto separated = [&](std::size_t k) {
            if (tokens[k].flags & ColonAfter)
                return true;
            if (k + 1 >= tokens.size())
                return false;
            const std::string_view gap = text.bytes.substr(tokens[k].end, tokens[k + 1].start - tokens[k].end);
            return gap.find(" - ") != std::string_view::npos || gap.find('=') != std::string_view::npos
                   || gap.find("\xe2\x80\x93") != std::string_view::npos || gap.find("\xe2\x80\x94") != std::string_view::npos;
        };
        // A bare sign at b and nothing after it but punctuation that ends it (a bracket too, where
        // bracketEnds): "-;", "+ ,", "- (fleeting)". Not "SI - endorsed": a dash between label and value.
        const auto loneSign = [&](std::size_t b, bool bracketEnds) {
            const char sign = b < text.bytes.size() ? text.bytes[b] : '\0';
            if (sign != '-' && sign != '+')
                return Value::None;
            std::size_t c = b + 1;
            while (c < text.bytes.size() && text.bytes[c] == ' ')
                ++c;
            const char next = c < text.bytes.size() ? text.bytes[c] : '\0';
            const bool ends = c >= text.bytes.size() || next == '.' || next == ',' || next == ';' || next == '\n'
                              || (bracketEnds && (next == '(' || next == ')'));
            return !ends ? Value::None : sign == '-' ? Value::Negative : Value::Positive;
        };
        // Right after the label, after a space: "SI -; HI -", "SH +, SI -".
        if (std::size_t b = tokens[m.last].end; b < text.bytes.size() && text.bytes[b] == ' ') {
            while (b < text.bytes.size() && text.bytes[b] == ' ')
                ++b;
            if (const Value sign = loneSign(b, false); sign != Value::None)
                return sign;
        }
        // A value of its own, then a comma, ends the label: "Suicidal ideation present, plan: no" is the
        // plan's value, not the ideation's (nor a phrase's that spans the comma, "suicidal … plan"). A list
        // of labels keeps one value: "SI, HI, SH: denied".
        bool ownValue = false;
        const auto valueThenComma = [&](std::size_t k) {
            const std::string_view w = text.bytes.substr(tokens[k].start, tokens[k].end - tokens[k].start);
            std::string lower(w);
            for (char &c : lower)
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            ownValue = ownValue || lower == "present" || lower == "endorsed" || lower == "endorses" || lower == "positive"
                       || lower == "yes" || lower == "active" || lower == "passive";
            return ownValue && k + 1 < tokens.size()
                   && text.bytes.substr(tokens[k].end, tokens[k + 1].start - tokens[k].end).find(',') != std::string_view::npos;
        };
        for (std::size_t k = m.first; k < m.last; ++k)
            if (valueThenComma(k))
                return Value::None;
        for (std::size_t k = m.last; k < tokens.size() && k <= m.last + 3 && tokens[k].sentence == tokens[m.first].sentence; ++k) {
            if (k > m.last && valueThenComma(k - 1))
                return Value::None;
            if (!separated(k))
                continue;
            // As the value: "Self-harm: -", "SI: + (fleeting)".
            std::size_t b = tokens[k].end;
            while (b < text.bytes.size() && (text.bytes[b] == ':' || text.bytes[b] == ' '))
                ++b;
            if (const Value sign = loneSign(b, true); sign != Value::None)
                return sign;
            const std::size_t v = k + 1;
            if (v >= tokens.size() || tokens[v].sentence != tokens[k].sentence)
                return Value::None;
            const Token &t = tokens[v];
            const std::string_view word = text.bytes.substr(t.start, t.end - t.start);
            if ((t.flags & (Neg | PostNeg)) || word == "0" || word == "nil" || word == "Nil" || word == "NIL")
                return Value::Negative;
            // "plan or intent: all denied", not "all denied apart from cutting last night"
            if ((word == "all" || word == "All") && v + 1 < tokens.size() && tokens[v + 1].sentence == t.sentence
                && (tokens[v + 1].flags & (Neg | PostNeg))) {
                for (std::size_t x = v + 2; x < tokens.size() && tokens[x].sentence == t.sentence; ++x) {
                    const std::string_view w = text.bytes.substr(tokens[x].start, tokens[x].end - tokens[x].start);
                    if (w == "apart" || w == "except" || w == "besides" || w == "but" || w == "other")
                        return Value::None; // the exception is read by the other rules
                }
                return Value::Negative;
            }
            if (hasForm(riskLowLevels, t))
                return Value::Low;
            return Value::Positive;
        }
        return Value::None;
    };
    // A drug or its use named near a mention (the codebook's "needs_substance"): a substance word, or a
    // mention of one of the risk's use themes, in its sentence, the two before or the one after.
    const auto useNear = [&](const Mention &m) {
        const std::uint32_t s = tokens[m.first].sentence;
        const auto near = [&](std::uint32_t other) { return other + 2 >= s && other <= s + 1; };
        const CompiledRisk &risk = risks[static_cast<std::size_t>(m.theme)];
        for (const Mention &u : themeMentions)
            if (near(tokens[u.first].sentence)
                && std::find(risk.useThemes.begin(), risk.useThemes.end(), u.theme) != risk.useThemes.end())
                return true;
        return std::any_of(tokens.begin(), tokens.end(), [&](const Token &t) { return t.substance >= 0 && near(t.sentence); });
    };
    // A denial runs on through a list of risks: "denies SI, HI, self-harm and DV", "no thoughts of
    // self-harm or suicide". The last denied mention, and whether a mention follows it in that list.
    std::int64_t deniedEnd = -1;
    const auto listedAfterDenial = [&](const Mention &m) {
        if (deniedEnd < 0 || tokens[static_cast<std::size_t>(deniedEnd)].sentence != tokens[m.first].sentence
            || m.first <= deniedEnd || m.first - deniedEnd > 8)
            return false;
        // Farther than four words, only through a coordinator ("thoughts of ending her life or of
        // hurting herself"): the list goes on; a clause of its own does not.
        bool coordinated = m.first - deniedEnd <= 4;
        for (auto k = static_cast<std::size_t>(deniedEnd) + 1; k < m.first; ++k) {
            const std::string_view word = text.bytes.substr(tokens[k].start, tokens[k].end - tokens[k].start);
            if (hasForm(riskAffirmations, tokens[k]) || word == "but" || word == "But" || word == "however" || word == "apart"
                || word == "except" || word == "besides" || (tokens[k].flags & Term))
                return false;
            coordinated = coordinated || word == "or" || word == "and" || word == "nor"
                          || text.bytes.substr(tokens[k - 1].end, tokens[k].start - tokens[k - 1].end).find(',') != std::string_view::npos;
        }
        return coordinated;
    };
    std::vector<Mention> labelled; // mentions that are a field's label, for the bare "Risk:" fields
    for (const Mention &m : said) {
        if (!out.empty() && out.back().status == RiskFinding::Denied && out.back().rule != RiskFinding::Act)
            deniedEnd = out.back().last;
        const Phrase &p = phrases[static_cast<std::size_t>(m.phrase)];
        const CompiledRisk &risk = risks[static_cast<std::size_t>(m.theme)];
        RiskFinding f{m.theme, m.first, m.last, RiskFinding::Present, RiskFinding::Phrase, m.phrase, p.group};
        const Value value = fieldValue(m);
        if (value != Value::None)
            labelled.push_back(m);
        if (p.riskKind == RiskKind::Denial) {
            // Only a negation right before a denial undoes it ("doesn't feel safe at home"); one
            // further back belongs to another verb ("never uses alone and always has naloxone").
            bool undone = false;
            for (std::uint32_t k = m.first, n = 0; k-- > 0 && n < 2 && tokens[k].sentence == tokens[m.first].sentence; ++n)
                undone = undone || (tokens[k].flags & Neg);
            f.status = undone && riskNegated(text, m.first, m.last) ? RiskFinding::Present : RiskFinding::Denied;
            f.rank = 1000;
            out.push_back(f);
            continue;
        }
        if (p.riskKind == RiskKind::Screen) {
            // "C-SSRS negative", "C-SSRS: positive", "PHQ-9 item 9: 2": the result after the screen.
            f.rule = RiskFinding::Screen;
            f.rank = 1002;
            int result = 0;
            for (std::size_t k = m.last + 1, n = 0; k < tokens.size() && n < 4 && tokens[k].sentence == tokens[m.last].sentence && result == 0;
                 ++k, ++n) {
                const Token &t = tokens[k];
                const std::string_view word = text.bytes.substr(t.start, t.end - t.start);
                if ((t.flags & (Neg | PostNeg)) || word == "0")
                    result = -1;
                else if (hasForm(riskAffirmations, t) || hasForm(riskLevels, t) || hasForm(riskLowLevels, t) || (t.flags & Number))
                    result = 1;
            }
            if (result == 0)
                continue;
            f.status = result < 0 ? RiskFinding::Denied : RiskFinding::Present;
            out.push_back(f);
            continue;
        }
        if (inSentence(m, risk.figurativeCues)) {
            f.status = RiskFinding::Figurative;
            out.push_back(f);
            continue;
        }
        // A threat to kill the client said with a joke word is a joke ("my dad will literally kill me
        // if i fail maths lol"), as an act against the client is; a laugh is not one ("he said he'd
        // kill me and laughed").
        if (risk.whose == RiskDefinition::Whose::Victim && risk.figurativeCues.empty() && actByClient >= 0
            && p.text.contains(QLatin1String("kill")) && jokeWordIn(text, m.first, risks[static_cast<std::size_t>(actByClient)].figurativeCues)) {
            f.status = RiskFinding::Figurative;
            out.push_back(f);
            continue;
        }
        if (topic(text, m) || inFiction(text, m.first, m.last))
            continue; // "psychoeducation on overdose": a subject taught; a film's character
        if (!risk.needsSubstance.empty() && !useNear(m)
            && std::find(risk.needsSubstance.cbegin(), risk.needsSubstance.cend(), p.text) != risk.needsSubstance.cend())
            continue; // "mixing paint", "travelling on her own": no drug, no use named near
        // "abuse" of a substance is its use, not a risk.
        if (risk.whose == RiskDefinition::Whose::Victim && m.first == m.last) {
            bool substance = false;
            for (std::size_t k = m.first > 2 ? m.first - 2 : 0; k <= m.last + 2 && k < tokens.size(); ++k)
                substance = substance || (tokens[k].substance >= 0 && tokens[k].clause == tokens[m.first].clause);
            if (substance)
                continue;
        }
        if (value == Value::Low)
            continue; // "Suicide risk: low" is neither present nor denied
        if (value != Value::None) {
            f.rule = RiskFinding::Field;
            f.status = value == Value::Negative ? RiskFinding::Denied : RiskFinding::Present;
            out.push_back(f);
            continue;
        }
        // "+SI, -HI": a sign written on the acronym; "SI -ve", "SH +ve" after it; "nil SI".
        {
            const std::size_t e = tokens[m.last].end;
            std::size_t b = e;
            while (b < text.bytes.size() && text.bytes[b] == ' ')
                ++b;
            const std::string_view after = text.bytes.substr(b, 3);
            const bool signAfter = (after == "-ve" || after == "+ve")
                                   && (b + 3 == text.bytes.size() || !std::isalnum(static_cast<unsigned char>(text.bytes[b + 3])));
            // "SH x", "SI x today": a cross after it, as a tick box is crossed (not "x3", "x 2/52").
            const auto crossed = [&] {
                if (b == e || b >= text.bytes.size() || (text.bytes[b] != 'x' && text.bytes[b] != 'X'))
                    return false;
                std::size_t c = b + 1;
                if (c < text.bytes.size() && std::isalnum(static_cast<unsigned char>(text.bytes[c])))
                    return false;
                while (c < text.bytes.size() && text.bytes[c] == ' ')
                    ++c;
                return c == text.bytes.size() || !std::isdigit(static_cast<unsigned char>(text.bytes[c]));
            };
            bool nilBefore = false;
            if (m.first > 0 && tokens[m.first - 1].sentence == tokens[m.first].sentence) {
                const Token &t = tokens[m.first - 1];
                const std::string_view w = text.bytes.substr(t.start, t.end - t.start);
                nilBefore = w == "nil" || w == "Nil" || w == "NIL";
            }
            const bool cross = !signAfter && crossed();
            if (signAfter || nilBefore || cross) {
                f.rule = RiskFinding::Field;
                f.status = nilBefore || cross || after.front() == '-' ? RiskFinding::Denied : RiskFinding::Present;
                out.push_back(f);
                continue;
            }
        }
        if (tokens[m.first].start > 0) {
            const std::uint32_t b = tokens[m.first].start;
            const char sign = text.bytes[b - 1];
            const bool alone = b < 2 || text.bytes[b - 2] == ' ' || text.bytes[b - 2] == ',' || text.bytes[b - 2] == '\n'
                               || text.bytes[b - 2] == '(' || text.bytes[b - 2] == ';';
            if ((sign == '-' || sign == '+') && alone) {
                f.rule = RiskFinding::Field;
                f.status = sign == '-' ? RiskFinding::Denied : RiskFinding::Present;
                out.push_back(f);
                continue;
            }
        }
        const int replied = answerTo(text, m);
        if (replied != 0) {
            f.status = replied < 0 ? RiskFinding::Denied : RiskFinding::Present;
            out.push_back(f);
            continue;
        }
        // A passive wish speaks of the client whoever else it names ("everyone would be better off
        // without me").
        const bool wish = p.group >= 0
                          && codebook.risks().risks.at(m.theme).groups.at(p.group).name == QLatin1String("passive-wish");
        // A wish said by denying a point or a reason is the wish, not its denial: "no longer sees any
        // point in carrying on", "does not see any reason to carry on living"; a reason to go on
        // that no one denies is a protective factor, not a wish.
        const bool pointOrReason = wish && (p.text.startsWith(QLatin1String("point ")) || p.text.startsWith(QLatin1String("reason ")));
        const bool negated = riskNegated(text, m.first, m.last);
        if (pointOrReason && !negated && p.text.startsWith(QLatin1String("reason ")))
            continue;
        if ((negated && !pointOrReason) || listedAfterDenial(m)) {
            f.status = RiskFinding::Denied;
            out.push_back(f);
            continue;
        }
        switch (risk.whose) {
        case RiskDefinition::Whose::Self: {
            // Done to the client by someone else is still the client's: "mates had to use the
            // narcan on me", "her flatmate cut her down".
            bool toClient = false;
            for (std::uint32_t k = m.first + 1; k <= m.last + 2 && k < tokens.size() && !toClient; ++k)
                toClient = tokens[k].sentence == tokens[m.first].sentence
                           && text.bytes.substr(tokens[k].start, tokens[k].end - tokens[k].start) == "me"
                           && personOf(static_cast<int>(k)).who == Person::Client;
            if ((!wish || wishOfNamedOther(m, p)) && !toClient && doneByOther(m))
                f.status = RiskFinding::OtherPerson;
            break;
        }
        case RiskDefinition::Whose::Agent:
            if (doneByOther(m)) {
                const int v = victimOf(text, m.first, m.last);
                Person victim = personOf(v);
                int agentDoer = nearestBefore(m.first);
                if (agentDoer < 0)
                    agentDoer = subjectOf(text, m.first);
                // "Partner threatened to kill her": a pronoun that points back to no one named but
                // the doer is the client.
                if (v >= 0 && victim.who == Person::Other && tokens[static_cast<std::size_t>(v)].role < 0
                    && !(victim.token >= 0 && victim.token != v && victim.token != agentDoer
                         && tokens[static_cast<std::size_t>(victim.token)].role >= 0))
                    victim.who = Person::Client;
                if ((victim.who == Person::Client || isChild(victim)) && risk.againstClient >= 0)
                    f.risk = risk.againstClient; // someone else's threat against the client is abuse
                else
                    f.status = RiskFinding::OtherPerson;
            }
            break;
        case RiskDefinition::Whose::Victim: {
            // Fear is felt by the subject: "she is frightened of her partner" is her abuse.
            const bool fear = p.group >= 0
                              && codebook.risks().risks.at(m.theme).groups.at(p.group).name == QLatin1String("fear");
            const int v = fear ? -1 : victimOf(text, m.first, m.last);
            if (v >= 0) {
                const Person victim = personOf(v);
                // A pronoun that points back to no one named ("her husband hit her", "takes her
                // wages") is the one the note is about.
                // (Nor to the subject of its own clause: "her partner takes her wages" is two people.)
                int doer = nearestBefore(m.first);
                if (doer < 0)
                    doer = subjectOf(text, m.first);
                const bool pronoun = tokens[static_cast<std::size_t>(v)].role < 0
                                     && !(victim.token >= 0 && victim.token != v && victim.token != doer
                                          && tokens[static_cast<std::size_t>(victim.token)].role >= 0);
                if (victim.who == Person::Other && !isChild(victim) && !pronoun)
                    f.status = RiskFinding::OtherPerson;
                break;
            }
            // No one it is done to: the subject is the one it happens to, unless it is family
            // doing it ("her husband is controlling") — a friend's or stranger's is theirs.
            int subject = nearestBefore(m.first);
            if (subject < 0)
                subject = subjectOf(text, m.first);
            const Person p = personOf(subject);
            if (p.who == Person::Other && p.role >= 0 && (fear || roleKinds[static_cast<std::size_t>(p.role)] != RoleClass::Kind::Family))
                f.status = RiskFinding::OtherPerson;
            break;
        }
        }
        out.push_back(f);
    }
    readActs(text, acts, out);
    readControl(text, control, out);
    readKeeping(text, keeping, out);
    readIngestion(text, doses, out);
    readWishes(text, wishes, out);
    readSelfActs(text, selfActs, out);
    readMixing(text, out);
    readTolerance(text, events, themeMentions, out);
    readRiskFields(text, labelled, out);
    readAttempts(text, out);
    readBroad(text, out);
    claimRisks(text, themeMentions, claims, events, out);
    // An injury in a sentence with self-injury in it is self-inflicted: "bangs his head against the
    // wall, leaving bruises" is not abuse.
    const auto groupOf = [&](const RiskFinding &f) {
        const int g = f.rule == RiskFinding::Phrase && f.phrase >= 0 && f.risk >= 0 ? phrases[static_cast<std::size_t>(f.phrase)].group : -1;
        return g >= 0 ? codebook.risks().risks.at(f.risk).groups.at(g).name : QString();
    };
    for (RiskFinding &f : out)
        if (f.status == RiskFinding::Present && groupOf(f) == QLatin1String("injury"))
            for (const RiskFinding &s : out)
                if (s.status == RiskFinding::Present && tokens[s.first].sentence == tokens[f.first].sentence
                    && groupOf(s) == QLatin1String("self-injury"))
                    f.risk = -1;
    std::erase_if(out, [](const RiskFinding &f) { return f.risk < 0; });
}

} // namespace uc::themes
