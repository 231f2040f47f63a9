// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the stages of the tagger share: the compiled codebook (Tagger::Impl), tokens and mentions.
// The stages, in the order tag() runs them: tokens.cpp, match.cpp, context.cpp, results.cpp;
// compile.cpp builds the Impl from a codebook once.
#include "themes/lexicon.h"
#include "themes/tagger.h"
#include "themes/wordtable.h"

#include <QString>

#include <array>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace uc::themes {

namespace detail {

struct PatternWord
{
    std::vector<std::int32_t> forms; // any of these exact forms
    std::uint64_t formBits = 0; // bit (form % 64) of each form: most tokens are turned away here
    std::int32_t prefix = -1; // or, for "word*", this prefix id
};

struct Phrase
{
    int theme = 0;
    QString text;
    QString rule; // "phrase:<text>", made once
    std::vector<PatternWord> words;
    std::size_t anchor = 0; // the word looked up first: the longest, so common words ("her") rarely start a try
    bool exception = false; // cancels the theme's mentions it overlaps ("used to" for substance-use)
};

// A phrase to try where its anchor word is found, with what the word next to the anchor must
// look like: most tries fail on that neighbour, and this turns them away without touching the
// phrase itself.
struct Start
{
    std::uint64_t neighbourBits = 0; // PatternWord::formBits of the neighbour
    std::int32_t phrase = 0;
    std::int32_t neighbourPrefix = -1;
    std::int32_t step = 0; // where the neighbour is: -1 before, +1 after, 0 a one-word phrase
};

struct Token
{
    std::uint32_t start = 0; // byte offsets
    std::uint32_t end = 0;
    std::int32_t form = -1;
    std::int32_t prefix1 = -1;
    std::int32_t prefix2 = -1;
    std::uint32_t flags = 0;
    std::uint32_t sentence = 0;
    std::uint32_t clause = 0;
};

struct Mention
{
    int theme;
    int phrase;
    std::uint32_t first; // token indexes, inclusive
    std::uint32_t last;
    bool counted = true;
    Exclusion reason = Exclusion::Negated;
    int countedAs = -1; // the theme it counts for (other_person_theme redirect), default theme
    bool kept = true; // false: overlapped by a longer mention of its theme
    // The rule is the phrase's ("phrase:…"), or for a driver link (phrase -1) the theme's "link:…":
    // looked up when the result is built, so a mention is plain data to sort and copy.
};

// Mentions are found nearly in text order (each within a few words of its anchor), so an
// insertion sort finishes in about one pass where introsort would do n log n.
template<typename It, typename Less>
void insertionSort(It begin, It end, Less less)
{
    if (begin == end)
        return;
    for (It i = std::next(begin); i != end; ++i) {
        if (!less(*i, *std::prev(i)))
            continue;
        auto value = std::move(*i);
        It j = i;
        do {
            *j = std::move(*std::prev(j));
            --j;
        } while (j != begin && less(value, *std::prev(j)));
        *j = std::move(value);
    }
}

constexpr int maxGap = 2; // extra words allowed between a phrase's words
constexpr std::uint32_t noGap = Clause | Coord | Term; // a phrase never spans two clauses
constexpr int negationWindow = 6;
constexpr std::uint32_t hypotheticalWindow = 14;

// Decodes one UTF-8 sequence at s[i]; returns its length, or 0 for an invalid one.
int decodeUtf8(std::string_view s, std::size_t i, char32_t &cp);

} // namespace detail

// The stages' own files read these types unqualified; this header is private to core/themes.
using namespace detail;

struct Tagger::Impl
{
    Codebook codebook;
    WordTable words;
    WordTable prefixes; // prefix text -> id (in WordInfo::form)
    std::vector<std::uint8_t> prefixLengths; // distinct lengths of prefix patterns
    std::vector<Phrase> phrases;
    std::vector<std::vector<Start>> startsByForm; // form id -> phrases whose anchor word has it
    std::vector<std::vector<Start>> startsByPrefix; // prefix id -> phrases
    std::array<std::uint64_t, 1024> prefixFilter{}; // bit set over the first three bytes' hash
    int formCount = 0;
    int prefixCount = 0;
    std::size_t minPrefix = 255;
    std::size_t filterLength = 3; // bytes of a word the prefix filter looks at
    // Past that filter, one bit set per prefix length (the same hash over that many bytes), so a
    // word is looked up only at the lengths where a prefix may fit.
    static constexpr std::uint32_t lengthFilterBits = 16384;
    std::vector<std::array<std::uint64_t, lengthFilterBits / 64>> lengthFilters; // by position in prefixLengths
    std::vector<std::string> prefixTexts;
    std::vector<QString> linkRules; // theme index -> "link:<use>+<driver>" for driver-linked themes
    struct Related
    {
        int driver = -1; // for a driver-linked theme: its driver and use themes
        int use = -1;
        int otherPerson = -1; // the enabled theme a family member's mention counts for
    };
    std::vector<Related> themeIndex; // by theme index

    explicit Impl(const Codebook &book);
    void compile();
    [[nodiscard]] std::int32_t formId(const std::string &form);
    [[nodiscard]] std::int32_t prefixId(const std::string &prefix);
    void tokenize(std::string_view text, std::vector<Token> &tokens) const;
    void classify(Token &t, std::string_view folded, std::uint64_t hash) const;
    void match(const std::vector<Token> &tokens, std::vector<Mention> &mentions) const;
    void applyContext(const std::vector<Token> &tokens, std::vector<Mention> &mentions) const;
    [[nodiscard]] bool negated(const std::vector<Token> &tokens, const Mention &m,
                               const std::vector<std::uint32_t> &mentionEnds) const;
    [[nodiscard]] bool hypothetical(const std::vector<Token> &tokens, const Mention &m) const;
    // -1 the client (or unknown), else the index of the other person's token
    [[nodiscard]] int otherSubject(const std::vector<Token> &tokens, const Mention &m, bool firstPersonText) const;
    void linkDrivers(const std::vector<Token> &tokens, std::vector<Mention> &mentions) const;
};

} // namespace uc::themes
