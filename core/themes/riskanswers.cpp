// SPDX-License-Identifier: GPL-3.0-or-later
// The answer a question about a risk was given (docs/risk.md, "Twelfth pass"): a form's question and
// its yes or no, a checklist's items answered one by one, a question asked in a note and its answer.
// The phrase rules read a mention's status from it, and riskNegated() takes its no as a denial, so
// every reader (the wishes, the acts, the intakes) reads "wish to be dead – no" as a denied screen.
#include "themes/pipeline.h"

#include <cctype>
#include <string>
#include <string_view>

namespace uc::themes {

namespace {

std::string lower(std::string_view word)
{
    std::string w(word);
    for (char &c : w)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return w;
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
    const std::string word = lower(text.bytes.substr(tokens[k].start, tokens[k].end - tokens[k].start));
    for (const char *no : {"no", "nope", "nah", "denied", "denies", "deny", "none", "nil", "never", "negative", "n"})
        if (word == no)
            return -1;
    for (const char *yes : {"yes", "yeah", "yep", "endorsed", "endorses", "positive", "affirmative", "y"})
        if (word == yes)
            return 1;
    return 0;
}

} // namespace

// A checklist's item answered right after it: "thoughts of ending his life, no; hurting others,
// no", "1) wish to be dead – no 2) …", "urges to self-harm [ ] yes [x] no". The answer is the box
// ticked, or a lone yes or no within three words, after a comma, colon or dash and before the item
// ends (";", ",", ".", a bracket, a new line, the next number): not "no plan", "no doubt".
int Tagger::Impl::checklistAnswer(const Text &text, std::uint32_t last) const
{
    const std::vector<Token> &tokens = text.tokens;
    const std::string_view bytes = text.bytes;
    std::size_t end = tokens[last].end;
    std::size_t itemEnd = end;
    while (itemEnd < bytes.size() && itemEnd < end + 60 && std::string_view(";\n.!?").find(bytes[itemEnd]) == std::string_view::npos)
        ++itemEnd;
    const std::string_view item = bytes.substr(end, itemEnd - end);
    // A ticked box: "[x] no", "[X] yes", "☒ no" ("\xe2\x98\x92"), "[✓] no", "[✔] no".
    for (std::size_t at = 0; at < item.size(); ++at) {
        std::size_t c = at;
        if (item[c] == '[') {
            ++c;
            while (c < item.size() && item[c] == ' ')
                ++c;
            if (c < item.size() && (item[c] == 'x' || item[c] == 'X'))
                ++c;
            else if (item.substr(c, 3) == "\xe2\x9c\x93" || item.substr(c, 3) == "\xe2\x9c\x94")
                c += 3;
            else
                continue;
            while (c < item.size() && item[c] == ' ')
                ++c;
            if (c >= item.size() || item[c] != ']')
                continue;
            ++c;
        } else if (item.substr(c, 3) == "\xe2\x98\x92") {
            c += 3;
        } else {
            continue;
        }
        while (c < item.size() && item[c] == ' ')
            ++c;
        std::string word;
        while (c < item.size() && std::isalpha(static_cast<unsigned char>(item[c])))
            word += static_cast<char>(std::tolower(static_cast<unsigned char>(item[c++])));
        if (word == "no")
            return -1;
        if (word == "yes")
            return 1;
    }
    // A lone answer.
    for (std::size_t k = last + 1; k < tokens.size() && k <= last + 4 && tokens[k].start < itemEnd; ++k) {
        const Token &t = tokens[k];
        std::string word(bytes.substr(t.start, t.end - t.start));
        for (char &c : word)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        const int value = word == "no" || word == "n" || word == "nil" || word == "none" || word == "denied" ? -1
                          : word == "yes" || word == "y"                                                        ? 1
                                                                                                                : 0;
        if (value == 0)
            continue;
        const std::string_view gap = bytes.substr(tokens[k - 1].end, t.start - tokens[k - 1].end);
        const bool separated = gap.find(',') != std::string_view::npos || gap.find(':') != std::string_view::npos
                               || gap.find(" - ") != std::string_view::npos || gap.find("\xe2\x80\x93") != std::string_view::npos
                               || gap.find("\xe2\x80\x94") != std::string_view::npos;
        std::size_t c = t.end;
        while (c < bytes.size() && bytes[c] == ' ')
            ++c;
        bool ends = c >= bytes.size() || std::string_view(";,.)\n").find(bytes[c]) != std::string_view::npos;
        if (!ends && std::isdigit(static_cast<unsigned char>(bytes[c]))) {
            while (c < bytes.size() && std::isdigit(static_cast<unsigned char>(bytes[c])))
                ++c;
            ends = c < bytes.size() && (bytes[c] == ')' || bytes[c] == '.');
        }
        return separated && ends ? value : 0;
    }
    return 0;
}


// "Asked about SI; pt denied", "asked, as she does each visit, about thoughts of death or of hurting
// herself: she said no": the answer after a question is the status (0: no answer). The question is
// asked within six words before the mention, or within twelve when "about", "re", "regarding" or
// "whether" comes between (a list of risks asked about, or an aside before them).
int Tagger::Impl::answerTo(const Text &text, const Mention &m) const
{
    if (const int replied = formAnswer(text, m); replied != 0)
        return replied;
    if (const int replied = checklistAnswer(text, m.last); replied != 0)
        return replied;
    const std::vector<Token> &tokens = text.tokens;
    const std::uint32_t s = tokens[m.first].sentence;
    bool asked = false;
    bool about = false;
    for (std::size_t k = m.first, n = 0; k-- > 0 && n < 12 && tokens[k].sentence == s && !asked; ++n) {
        const bool question = hasForm(riskQuestions, tokens[k]) || (tokens[k].flags & AskVerb);
        asked = question && (n < 6 || about);
        if (!question) {
            const std::string word = lower(text.bytes.substr(tokens[k].start, tokens[k].end - tokens[k].start));
            about = about || word == "about" || word == "re" || word == "regarding" || word == "whether";
        }
    }
    if (!asked)
        return 0;
    // NegEx's pseudo-negations answer yes: "thought of nothing else", "no doubt", "not only".
    const auto pseudo = [&](std::size_t k) {
        if (k + 1 >= tokens.size())
            return false;
        const std::string next = lower(text.bytes.substr(tokens[k + 1].start, tokens[k + 1].end - tokens[k + 1].start));
        return next == "else" || next == "but" || next == "doubt" || next == "question" || next == "only" || next == "wonder";
    };
    for (std::size_t k = m.last + 1, n = 0; k < tokens.size() && n < 14 && tokens[k].sentence <= s + 1; ++k, ++n) {
        if (tokens[k].flags & (Neg | PostNeg))
            return pseudo(k) ? 1 : -1;
        if (hasForm(riskAffirmations, tokens[k]))
            return 1;
    }
    return 0;
}

} // namespace uc::themes
