// SPDX-License-Identifier: GPL-3.0-or-later
// The answer a question about a risk was given (docs/risk.md, "Twelfth pass"): a form's question and
// its yes or no, a checklist's items answered one by one, a question asked in a note and its answer.
// The phrase rules read a mention's status from it, riskNegated() takes a checklist's no as a denial
// (so the wishes, the acts and the intakes read "wish to be dead – no" as a denied screen), and the
// claims read the broad net's heads by it (riskclaims.cpp). When in doubt, no answer: a missed risk
// costs more than a false alarm.
#include "themes/pipeline.h"

#include <cctype>
#include <string>
#include <string_view>
#include <vector>

namespace uc::themes {

namespace {

std::string lower(std::string_view word)
{
    std::string w(word);
    for (char &c : w)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return w;
}

std::string wordOf(const Text &text, std::size_t k)
{
    return lower(text.bytes.substr(text.tokens[k].start, text.tokens[k].end - text.tokens[k].start));
}

bool oneOf(const std::string &word, std::initializer_list<std::string_view> words)
{
    for (const std::string_view w : words)
        if (word == w)
            return true;
    return false;
}

// "Any thoughts of ending your life? No.", "Suicidal thoughts? Denied.": a question put as one on a
// form, its answer the first word after the question mark (after a speaker's label: "Pt: no").
// Only a plain yes or no answers it; anything else leaves the words to the other rules.
int formAnswer(const Text &text, const Mention &m)
{
    const std::vector<Token> &tokens = text.tokens;
    const std::uint32_t s = tokens[m.first].sentence;
    std::size_t last = m.last;
    while (last + 1 < tokens.size() && tokens[last + 1].sentence == s)
        ++last;
    std::size_t k = last + 1;
    if (k >= tokens.size())
        return 0;
    if (text.bytes.substr(tokens[last].end, tokens[k].start - tokens[last].end).find('?') == std::string_view::npos)
        return 0;
    if ((tokens[k].flags & ColonAfter) && k + 1 < tokens.size() && tokens[k + 1].sentence == tokens[k].sentence)
        ++k;
    const std::string word = wordOf(text, k);
    if (oneOf(word, {"no", "nope", "nah", "denied", "denies", "deny", "none", "nil", "never", "negative", "n"}))
        return -1;
    if (oneOf(word, {"yes", "yeah", "yep", "endorsed", "endorses", "positive", "affirmative", "y"}))
        return 1;
    return 0;
}

// The boxes after an item: "[ ] yes [x] no", "☐ yes ☒ no" (the box before its word), "yes [ ] no [x]"
// (after it). The first ticked box answers; the item ends at a comma, ";", ".", "?" or a new line, or at
// a word that is not yes or no once the boxes have begun ("… [x] yes [ ] no Hurting others [ ] yes [x]
// no" answers the first item yes). Up to five of the item's own words may come before the first box
// ("self-harm in last 12 months [ ] yes [x] no").
int boxAnswer(std::string_view s)
{
    enum Kind { Box, Ticked, Yes, No, Other };
    std::vector<Kind> items;
    for (std::size_t i = 0; i < s.size() && items.size() < 16;) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == ',' || c == ';' || c == '.' || c == '?' || c == '\n')
            break;
        if (c == ' ' || c == '\t' || c == ':' || c == '-') {
            ++i;
            continue;
        }
        if (c == 0xE2 && i + 2 < s.size()) {
            const std::string_view three = s.substr(i, 3);
            if (three == "\xe2\x80\x93" || three == "\xe2\x80\x94") { // dashes
                i += 3;
                continue;
            }
            if (three == "\xe2\x98\x90") { // ballot box
                items.push_back(Box);
                i += 3;
                continue;
            }
            if (three == "\xe2\x98\x92" || three == "\xe2\x98\x91") { // with an X, with a check
                items.push_back(Ticked);
                i += 3;
                continue;
            }
        }
        if (c == '[') {
            const std::size_t close = s.find(']', i);
            if (close != std::string_view::npos && close - i <= 5) {
                std::string_view inside = s.substr(i + 1, close - i - 1);
                while (!inside.empty() && inside.front() == ' ')
                    inside.remove_prefix(1);
                while (!inside.empty() && inside.back() == ' ')
                    inside.remove_suffix(1);
                if (inside.empty())
                    items.push_back(Box);
                else if (inside == "x" || inside == "X" || inside == "\xe2\x9c\x93" || inside == "\xe2\x9c\x94")
                    items.push_back(Ticked);
                else
                    items.push_back(Other);
                i = close + 1;
                continue;
            }
        }
        if (std::isalnum(c)) {
            std::size_t e = i;
            while (e < s.size() && std::isalnum(static_cast<unsigned char>(s[e])))
                ++e;
            const std::string w = lower(s.substr(i, e - i));
            items.push_back(w == "yes" ? Yes : w == "no" ? No : Other);
            i = e;
            continue;
        }
        items.push_back(Other);
        ++i;
    }
    std::size_t i = 0;
    while (i < items.size() && items[i] == Other && i < 5)
        ++i;
    const auto isBox = [](Kind k) { return k == Box || k == Ticked; };
    const auto isWord = [](Kind k) { return k == Yes || k == No; };
    if (i + 1 < items.size() && isBox(items[i]) && isWord(items[i + 1])) {
        for (; i + 1 < items.size() && isBox(items[i]) && isWord(items[i + 1]); i += 2)
            if (items[i] == Ticked)
                return items[i + 1] == Yes ? 1 : -1;
    } else if (i + 1 < items.size() && isWord(items[i]) && isBox(items[i + 1])) {
        for (; i + 1 < items.size() && isWord(items[i]) && isBox(items[i + 1]); i += 2)
            if (items[i + 1] == Ticked)
                return items[i] == Yes ? 1 : -1;
    }
    return 0;
}

} // namespace

// A checklist's item answered right after it: "thoughts of ending his life, no; hurting others, no",
// "1) wish to be dead – no 2) …", "urges to self-harm [ ] yes [x] no" (boxAnswer). A lone answer counts
// only on an item: the words from the start of its line, sentence, ";", ":" or list number to the
// mention (six at most), with no one as their subject ("I want to die, no, really" is no checklist);
// the answer a lone yes or no within three words after a comma, colon or dash, that ends the item (";",
// ".", a bracket, a new line, the next number; a comma too after a colon or dash: "SI - no, HI - no").
// After a comma the note must say it is a list: the item ends at ";", a new line or a number, or a
// screen, form, check-in or question is named before it ("Overdosed on Friday, no." is not one).
int Tagger::Impl::checklistAnswer(const Text &text, std::uint32_t first, std::uint32_t last) const
{
    const std::vector<Token> &tokens = text.tokens;
    const std::string_view bytes = text.bytes;
    // An act's object is the item's too: "anyone hurting | her, no".
    while (last + 1 < tokens.size() && tokens[last + 1].sentence == tokens[last].sentence
           && bytes.substr(tokens[last].end, tokens[last + 1].start - tokens[last].end).find_first_of(",;:-") == std::string_view::npos
           && oneOf(wordOf(text, last + 1), {"her", "him", "them", "me", "you", "anyone", "anybody", "someone", "somebody", "others",
                                             "herself", "himself", "themselves", "myself", "yourself"}))
        ++last;
    // The word after byte c (a comma): another label of a risk list ("SI - no, HI - no") or not.
    const auto next = [&](std::size_t c) {
        std::size_t b = c + 1;
        while (b < bytes.size() && bytes[b] == ' ')
            ++b;
        std::size_t e = b;
        while (e < bytes.size() && std::isalpha(static_cast<unsigned char>(bytes[e])))
            ++e;
        return lower(bytes.substr(b, e - b));
    };
    const std::size_t end = tokens[last].end;
    std::size_t itemEnd = end;
    while (itemEnd < bytes.size() && itemEnd < end + 80 && std::string_view(";\n.!?").find(bytes[itemEnd]) == std::string_view::npos)
        ++itemEnd;
    if (const int ticked = boxAnswer(bytes.substr(end, itemEnd - end)); ticked != 0)
        return ticked;

    // The item's start, and no subject in it.
    std::uint32_t start = first;
    for (int n = 0;; ++n) {
        if (start == 0 || tokens[start - 1].sentence != tokens[first].sentence || (tokens[start].flags & LineStart))
            break;
        const std::string_view gap = bytes.substr(tokens[start - 1].end, tokens[start].start - tokens[start - 1].end);
        if (gap.find_first_of(";:\n)") != std::string_view::npos)
            break;
        if (n >= 6)
            return 0;
        --start;
    }
    for (std::uint32_t k = start; k <= last; ++k)
        if (oneOf(wordOf(text, k), {"i", "im", "i'm", "ive", "i've", "i'll", "he", "she", "they", "we", "he's", "she's", "they're", "we're"}))
            return 0;

    for (std::size_t k = last + 1; k < tokens.size() && k <= last + 4 && tokens[k].start < itemEnd; ++k) {
        const Token &t = tokens[k];
        const std::string word = wordOf(text, k);
        const int value = oneOf(word, {"no", "n", "nil", "none", "denied"}) ? -1 : oneOf(word, {"yes", "y"}) ? 1 : 0;
        const std::string_view gap = bytes.substr(tokens[k - 1].end, t.start - tokens[k - 1].end);
        if (value == 0) {
            // Right after the mention, after "else", "today", "now" ("hurting anyone else, no") or a
            // second risk joined on: any other word is the item's own ("cut forearm Tues medical attention
            // - no" answers the attention, "SI passive intent - no" the intent).
            // A second risk joined on ("cutting or burning, no") is the item's too.
            const bool joined = oneOf(word, {"or", "and"}) || (k > last + 1 && oneOf(wordOf(text, k - 1), {"or", "and"}));
            if (gap.find_first_of(",:-") == std::string_view::npos && (joined || oneOf(word, {"else", "today", "now", "currently"})))
                continue;
            return 0;
        }
        const bool comma = gap.find(',') != std::string_view::npos;
        const bool labelled = gap.find(':') != std::string_view::npos || gap.find(" - ") != std::string_view::npos
                              || gap.find("\xe2\x80\x93") != std::string_view::npos || gap.find("\xe2\x80\x94") != std::string_view::npos;
        if (!comma && !labelled)
            return 0;
        std::size_t c = t.end;
        while (c < bytes.size() && bytes[c] == ' ')
            ++c;
        bool listEnd = c >= bytes.size() || bytes[c] == ';' || bytes[c] == '\n';
        if (!listEnd && std::isdigit(static_cast<unsigned char>(bytes[c]))) {
            std::size_t d = c;
            while (d < bytes.size() && std::isdigit(static_cast<unsigned char>(bytes[d])))
                ++d;
            listEnd = d < bytes.size() && (bytes[d] == ')' || bytes[d] == '.');
        }
        const bool ends = listEnd || (c < bytes.size() && (bytes[c] == '.' || bytes[c] == ')' || (labelled && bytes[c] == ',' && oneOf(next(c), {"si", "hi", "sh", "plan", "intent", "means", "od", "dv", "ipv"}))));
        if (!ends)
            return 0;
        if (labelled || listEnd)
            return value;
        // A comma and a full stop: a list only if the item follows another (";", a new line, a number
        // before it) or the note names one before the item.
        if (start > 0
            && bytes.substr(tokens[start - 1].end, tokens[start].start - tokens[start - 1].end).find_first_of(";\n)") != std::string_view::npos)
            return value;
        for (std::uint32_t k2 = start; k2-- > 0 && tokens[k2].sentence == tokens[first].sentence;)
            if (oneOf(wordOf(text, k2), {"screen", "screening", "check-in", "checkin", "checklist", "form", "questions",
                                         "questionnaire", "asked", "risk", "q"}))
                return value;
        return 0;
    }
    return 0;
}

// "Asked about SI; pt denied", "asked, as she does each visit, about thoughts of death or of hurting
// herself: she said no": the answer after a question is the status (0: no answer). The question is
// asked within six words before the mention, or within twelve with "about", "re", "regarding" or
// "whether" between and no new clause after it, a subject after a comma or a reporting verb ("asked
// about her week, she said she took an overdose" asks nothing about the overdose). Within six words the first negation after the
// mention answers (as since the first pass), save NegEx's pseudo-negations ("thought of nothing else"
// answers yes; "no one knows", "no longer" answer nothing). Further, or when `strict` (the net's heads
// and the wishes), only a reply answers: "denied", "said no to each", or a lone negation its clause ends
// on ("'no, honestly'", "I don't.", "he has not.") — not "she said she isn't sleeping", "nothing has
// changed", "didn't answer", "not a plan, just done".
int Tagger::Impl::answerTo(const Text &text, const Mention &m, bool strict) const
{
    if (const int replied = formAnswer(text, m); replied != 0)
        return replied;
    if (const int replied = checklistAnswer(text, m.first, m.last); replied != 0)
        return replied;
    const std::vector<Token> &tokens = text.tokens;
    const std::uint32_t s = tokens[m.first].sentence;
    const auto subject = [&](std::size_t k) {
        return oneOf(wordOf(text, k), {"i", "im", "i'm", "ive", "i've", "he", "she", "they", "we", "he's", "she's", "they're", "we're"});
    };
    bool asked = false;
    bool narrow = false;
    bool about = false;
    bool newClause = false;
    for (std::size_t k = m.first, n = 0; k-- > 0 && n < 12 && tokens[k].sentence == s && !asked; ++n) {
        const bool question = hasForm(riskQuestions, tokens[k]) || (tokens[k].flags & AskVerb);
        if (question && n < 6) {
            asked = narrow = true;
            break;
        }
        if (question && about && !newClause)
            asked = true;
        if (!question && !about) {
            newClause = newClause || oneOf(wordOf(text, k), {"said", "says", "told", "tells", "reported", "reports", "explained", "mentioned"})
                        || (subject(k) && k > 0
                            && text.bytes.substr(tokens[k - 1].end, tokens[k].start - tokens[k - 1].end).find_first_of(",;") != std::string_view::npos);
            about = oneOf(wordOf(text, k), {"about", "re", "regarding", "whether"});
        }
    }
    if (!asked)
        return 0;
    const bool replyOnly = strict || !narrow;
    for (std::size_t k = m.last + 1, n = 0; k < tokens.size() && n < 14 && tokens[k].sentence <= s + 1; ++k, ++n) {
        if (hasForm(riskAffirmations, tokens[k]))
            return 1;
        if (!(tokens[k].flags & (Neg | PostNeg)))
            continue;
        const std::string word = wordOf(text, k);
        const std::string next = k + 1 < tokens.size() && tokens[k + 1].sentence == tokens[k].sentence ? wordOf(text, k + 1) : std::string();
        if (oneOf(next, {"else", "but", "doubt", "question", "only", "wonder"}))
            return 1;
        // "no one knows", "no longer", "not this week", "not a plan, just done": no plain answer.
        if (oneOf(next, {"one", "body", "longer", "matter", "this", "today", "lately", "recently", "currently", "really", "exactly",
                         "sure", "a", "an", "the", "much"}))
            continue;
        if (!replyOnly)
            return -1;
        // A reply: a denial's own word after its subject or a colon ("she denied", "SI: denied"), "said no
        // to each", or a lone negation the clause ends on ("'no, honestly'", "I don't.", "he has not.").
        const std::string before = k > 0 && tokens[k - 1].sentence == tokens[k].sentence ? wordOf(text, k - 1) : std::string();
        if (oneOf(word, {"denied", "denies", "deny", "denying"}) && !oneOf(next, {"that", "it", "this", "being", "having"}))
            return -1;
        // "said no to each", "she said no and described her partner as …"
        if (word == "no" && oneOf(before, {"said", "says", "answered", "replied"})
            && (oneOf(next, {"to", "and", "but"}) || text.bytes.substr(tokens[k].end, 1).find_first_of(",.;!'\"") == 0))
            return -1;
        // "none at all", "not at all"
        if (oneOf(word, {"none", "not", "no", "never"}) && next == "at" && k + 2 < tokens.size() && wordOf(text, k + 2) == "all")
            return -1;
        const std::string_view after = k + 1 < tokens.size() ? text.bytes.substr(tokens[k].end, tokens[k + 1].start - tokens[k].end)
                                                             : std::string_view(".");
        if (oneOf(word, {"no", "nope", "nah", "never", "not", "none", "nil", "don't", "dont", "doesn't", "doesnt", "haven't", "havent",
                         "hasn't", "hasnt", "didn't", "didnt", "wasn't", "isn't", "won't"})
            && (after.find_first_of(",.;!'\"") != std::string_view::npos || k + 1 >= tokens.size()))
            return -1;
    }
    return 0;
}

} // namespace uc::themes
