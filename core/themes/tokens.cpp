// SPDX-License-Identifier: GPL-3.0-or-later
// Tokenising: words are runs of letters, digits and inner apostrophes, case-folded (Unicode aware,
// ASCII fast path); sentence and clause boundaries are recorded as they pass. Each word is looked
// up once in the word table.
#include "themes/pipeline.h"

#include <QChar>

#include <bit>
#include <cstring>

namespace uc::themes {

// Decodes one UTF-8 sequence at s[i]; returns its length, or 0 for an invalid one.
int detail::decodeUtf8(std::string_view s, std::size_t i, char32_t &cp)
{
    const auto b0 = static_cast<unsigned char>(s[i]);
    int len = 0;
    if (b0 >= 0xc2 && b0 <= 0xdf) {
        len = 2;
        cp = b0 & 0x1f;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
        len = 3;
        cp = b0 & 0x0f;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
        len = 4;
        cp = b0 & 0x07;
    } else {
        return 0;
    }
    if (i + static_cast<std::size_t>(len) > s.size())
        return 0;
    for (int k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
        if ((b & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (b & 0x3f);
    }
    // Overlong forms, surrogates and values past U+10FFFF are invalid.
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff)) || (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return len;
}

namespace {

// A word's case-folded bytes. Words longer than any phrase word can be are marked, not stored.
struct FoldBuffer
{
    static constexpr std::size_t capacity = 96;
    std::array<char, capacity + 8> data{}; // 8 bytes of slack: the hash reads whole words
    std::size_t size = 0;
    bool tooLong = false;
    void clear() { size = 0, tooLong = false; }
    void push_back(char c)
    {
        if (size < capacity)
            data[size++] = c;
        else
            tooLong = true;
    }
    // Eight bytes of text: the ASCII letters and digits they start with are appended lower-cased,
    // and their number returned (8: the word goes on). Each byte is tested and folded on its own
    // low seven bits, so no sum carries into its neighbour.
    std::size_t appendWordChunk(const char *p)
    {
        constexpr std::uint64_t ones = 0x0101010101010101ull;
        std::uint64_t x = 0;
        std::memcpy(&x, p, 8);
        const std::uint64_t high = x & (0x80 * ones);
        const std::uint64_t m = x & (0x7f * ones);
        const std::uint64_t l = m | (0x20 * ones);
        const std::uint64_t letter = (l + 0x1f * ones) & ~(l + 0x05 * ones); // 'a'..'z' after | 0x20
        const std::uint64_t digit = (m + 0x50 * ones) & ~(m + 0x46 * ones); // '0'..'9'
        const std::uint64_t word = (letter | digit) & ~high & (0x80 * ones);
        const std::uint64_t upper = (m + 0x3f * ones) & ~(m + 0x25 * ones) & ~high & (0x80 * ones); // 'A'..'Z'
        x |= upper >> 2;
        const std::uint64_t other = ~word & (0x80 * ones);
        const std::size_t run = other ? static_cast<std::size_t>(std::countr_zero(other)) / 8 : 8;
        if (size <= capacity) // eight bytes fit in the slack
            std::memcpy(data.data() + size, &x, 8);
        if (size + run > capacity) {
            size = capacity;
            tooLong = true;
        } else {
            size += run;
        }
        return run;
    }
    // A run of ASCII letters and digits, lower-cased.
    void appendAsciiLower(const char *p, std::size_t n)
    {
        if (size + n > capacity) {
            n = capacity - size;
            tooLong = true;
        }
        for (std::size_t k = 0; k < n; ++k) {
            const auto b = static_cast<unsigned char>(p[k]);
            data[size + k] = static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
        }
        size += n;
    }
    void pop_back() { --size; }
    [[nodiscard]] bool empty() const { return size == 0; }
    [[nodiscard]] char back() const { return data[size - 1]; }
    [[nodiscard]] std::string_view view() const { return {data.data(), size}; }
};

template<typename Out>
void appendUtf8(Out &out, char32_t cp)
{
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xc0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xe0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
    } else {
        out.push_back(static_cast<char>(0xf0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3f)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
    }
}

// ASCII classes: 1 letter or digit, 2 sentence end, 3 clause punctuation, 0 other.
constexpr std::array<std::uint8_t, 128> asciiClass = [] {
    std::array<std::uint8_t, 128> t{};
    for (int c = 'a'; c <= 'z'; ++c)
        t[static_cast<std::size_t>(c)] = 1;
    for (int c = 'A'; c <= 'Z'; ++c)
        t[static_cast<std::size_t>(c)] = 1;
    for (int c = '0'; c <= '9'; ++c)
        t[static_cast<std::size_t>(c)] = 1;
    t['.'] = 2;
    t['!'] = 2;
    t['?'] = 2;
    t['\n'] = 2;
    t[';'] = 2;
    t[','] = 3;
    t[':'] = 3;
    t['('] = 3;
    t[')'] = 3;
    t['"'] = 3;
    return t;
}();

// ASCII letters and digits over all 256 byte values (0 for every byte of a multi-byte sequence).
constexpr std::array<bool, 256> asciiWordByte = [] {
    std::array<bool, 256> t{};
    for (std::size_t c = 0; c < 128; ++c)
        t[c] = asciiClass[c] == 1;
    return t;
}();

} // namespace

void Tagger::Impl::matchPrefixes(Token &t, std::string_view key) const
{
    const std::uint32_t f = filterHash(key, filterLength);
    if (!(prefixFilter[f >> 6] & (1ull << (f & 63))))
        return;
    std::uint32_t h = 0;
    std::size_t hashed = 0;
    for (std::size_t li = 0; li < prefixLengths.size(); ++li) {
        const std::size_t len = prefixLengths[li];
        if (len > key.size())
            break;
        while (hashed < len)
            h = h * 31u + static_cast<unsigned char>(key[hashed++]);
        const std::uint32_t bit = (h & 0xffffu) & (lengthFilterBits - 1);
        if (!((lengthFilters[li][bit >> 6] >> (bit & 63)) & 1u))
            continue;
        const std::string_view p = key.substr(0, len);
        if (const WordInfo *pi = prefixes.find(p, wordHash(p))) {
            if (t.prefix1 < 0)
                t.prefix1 = static_cast<std::int16_t>(pi->form);
            else if (t.prefix2 < 0)
                t.prefix2 = static_cast<std::int16_t>(pi->form);
            const std::int8_t substance = prefixSubstance[static_cast<std::size_t>(pi->form)];
            if (substance >= 0 && (t.substance < 0 || (t.flags & SubstanceDefault))) {
                t.substance = substance;
                t.flags &= ~SubstanceDefault;
            }
        }
    }
}

void Tagger::Impl::cachePrefixes()
{
    prefixHits.clear();
    words.forEach([&](std::string_view key, WordInfo &info) {
        info.prefixHit = -1;
        if (prefixCount == 0 || key.size() < minPrefix)
            return;
        Token t;
        t.flags = info.flags;
        t.substance = info.substance;
        matchPrefixes(t, key);
        if (t.prefix1 < 0 && t.substance == info.substance)
            return;
        info.prefixHit = static_cast<std::int16_t>(prefixHits.size());
        prefixHits.push_back(PrefixHit{t.prefix1, t.prefix2, t.substance, t.substance != info.substance});
    });
}

inline void Tagger::Impl::classify(Token &t, std::string_view folded, std::uint64_t hash) const
{
    std::string_view key(folded);
    const WordInfo *info = words.find<true>(key, hash);
    if (!info && key.size() > 2 && key.substr(key.size() - 2) == "'s") {
        // "mother's": the possessor, read as the word itself.
        key.remove_suffix(2);
        info = words.find(key, wordHash(key));
        t.flags |= Possessive;
    }
    if (info) {
        t.form = info->form;
        t.flags |= info->flags;
        t.role = info->role;
        t.substance = info->substance;
        if (t.role < 0 && key.size() > 2 && key.ends_with("'s")) {
            // "dad's" as a word of its own (a phrase writes it: "dad's suicide") is still the
            // possessor: the role comes from "dad".
            const std::string_view owner = key.substr(0, key.size() - 2);
            if (const WordInfo *person = words.find(owner, wordHash(owner)); person && person->role >= 0) {
                t.flags |= person->flags | Possessive;
                t.role = person->role;
            }
        }
        // A word of the table: what the prefix patterns make of it is known.
        if (info->prefixHit >= 0) {
            const PrefixHit &hit = prefixHits[static_cast<std::size_t>(info->prefixHit)];
            t.prefix1 = hit.prefix1;
            t.prefix2 = hit.prefix2;
            if (hit.substanceSet) {
                t.substance = hit.substance;
                t.flags &= ~SubstanceDefault;
            }
        }
        return;
    }
    if (prefixCount > 0 && key.size() >= minPrefix)
        matchPrefixes(t, key);
}

void Tagger::Impl::tokenize(std::string_view s, Text &out) const
{
    std::vector<Token> &tokens = out.tokens;
    tokens.clear();
    out.roleTokens.clear();
    out.lineStarts.clear();
    out.substanceTokens.clear();
    out.passages.assign(1, Passage{});
    FoldBuffer folded;
    std::uint32_t sentence = 0;
    std::uint32_t clause = 0;
    bool inWord = false;
    bool lineStart = true;
    bool plan = false; // in a line headed "Plan:", "P:", "Next session:" …
    std::size_t lineFirst = 0; // the first token of the line
    bool doubleQuote = false; // inside "…" or “…”
    bool singleQuote = false; // inside '…' or ‘…’
    // The word being read is built in place at the vector's end (a token assembled on the stack
    // and copied costs a store-forwarding stall per word).
    auto finish = [&](std::size_t end) __attribute__((always_inline)) {
        if (!inWord)
            return;
        // Apostrophes at a word's end are quotes, not part of it.
        bool closesQuote = false;
        if (folded.back() == '\'') { // a word is never empty here: it starts with a letter or digit
            while (!folded.empty() && folded.back() == '\'') {
                folded.pop_back();
                --end;
                closesQuote = singleQuote;
            }
        }
        inWord = false;
        if (folded.empty()) {
            if (!out.lineStarts.empty() && out.lineStarts.back() == tokens.size() - 1)
                out.lineStarts.pop_back();
            tokens.pop_back();
            return;
        }
        Token &cur = tokens.back();
        cur.end = static_cast<std::uint32_t>(end);
        if (!folded.tooLong)
            classify(cur, folded.view(), wordHash<true>(folded.view()));
        if (folded.data[0] >= '0' && folded.data[0] <= '9') {
            cur.flags |= Number;
            // 1 to 17: an age in childhood ("aged 12", "when I was 7").
            const std::string_view v = folded.view();
            if ((v.size() == 1 && v[0] != '0') || (v.size() == 2 && v[0] == '1' && v[1] <= '7'))
                cur.flags |= ChildAge;
        }
        if (cur.flags & Clause)
            ++clause;
        cur.sentence = sentence;
        cur.clause = static_cast<std::uint16_t>(clause);
        if (closesQuote)
            singleQuote = false;
        if (cur.role >= 0)
            out.roleTokens.push_back(static_cast<std::uint32_t>(tokens.size() - 1));
        if (cur.substance >= 0)
            out.substanceTokens.push_back(static_cast<std::uint32_t>(tokens.size() - 1));
        // The rest is for the few words that mark a register or name a person; one test for all.
        if (!(cur.flags & (SessionWord | ClinicianVerb | personFlags | Informal)) || (cur.flags & Quoted))
            return;
        const std::size_t k = tokens.size() - 1;
        const std::uint64_t before = k >= 1 ? tokens[k - 1].flags : 0;
        Passage &p = out.passages.back();
        // "the session", "this session": the hour seen from the chair, a mark of a note.
        if ((cur.flags & SessionWord) && (before & Det))
            ++p.clientWords;
        // "I wondered aloud", "I noticed": the clinician at work, a mark of a note.
        if ((cur.flags & ClinicianVerb) && (before & (FirstPerson | We)) && !(before & Quoted))
            ++p.clientWords;
        if (!(cur.flags & (personFlags | Informal)))
            return;
        // What the register of the passage is decided on, counted outside quotes.
        const bool sentenceStart = k == 0 || tokens[k - 1].sentence != cur.sentence;
        p.firstPerson += (cur.flags & FirstPerson) != 0;
        p.thirdPerson += (cur.flags & ThirdPerson) != 0;
        p.firstStarts += sentenceStart && (cur.flags & FirstPerson);
        p.thirdStarts += sentenceStart && (cur.flags & ThirdPerson);
        p.female += (cur.flags & Female) && !(cur.flags & Role);
        p.male += (cur.flags & Male) && !(cur.flags & Role);
        // A lower-case "i" is someone typing, not a clinician writing a note.
        p.informal += (cur.flags & Informal) || (cur.end - cur.start == 1 && s[cur.start] == 'i');
        const bool afterMy = (k >= 1 && (before & FirstPerson) && (before & Possessive))
                             || (k >= 2 && (tokens[k - 2].flags & FirstPerson) && (tokens[k - 2].flags & Possessive)
                                 && !(before & personFlags));
        if (cur.flags & Role)
            p.myRole += afterMy && !(cur.flags & Clinician);
        if ((cur.flags & Client) || ((cur.flags & Clinician) && !afterMy))
            ++p.clientWords;
    };
    auto startWord = [&](std::size_t at) {
        inWord = true;
        folded.clear();
        Token &t = tokens.emplace_back();
        t.start = static_cast<std::uint32_t>(at);
        if (doubleQuote || singleQuote)
            t.flags = Quoted;
        if (lineStart) {
            t.flags |= LineStart;
            lineFirst = tokens.size() - 1;
            out.lineStarts.push_back(static_cast<std::uint32_t>(lineFirst));
        }
        if (plan)
            t.flags |= InPlan;
        lineStart = false;
    };
    // A blank line starts a passage; quotes do not run across one.
    auto newLine = [&](std::size_t at) {
        lineStart = true;
        plan = false;
        std::size_t j = at + 1;
        while (j < s.size() && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r'))
            ++j;
        if (j < s.size() && s[j] == '\n' && out.passages.back().firstToken != tokens.size()) {
            out.passages.push_back(Passage{static_cast<std::uint32_t>(tokens.size())});
            doubleQuote = singleQuote = false;
        }
    };
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            const std::uint8_t cls = asciiClass[c];
            if (cls == 1) {
                if (!inWord)
                    startWord(i);
                // The rest of an ASCII run: eight bytes at a time, its end found and its bytes
                // lower-cased together; the last few bytes of the text one at a time.
                std::size_t j = i;
                while (j + 8 <= n) {
                    const std::uint64_t run = folded.appendWordChunk(s.data() + j);
                    j += run;
                    if (run < 8)
                        break;
                }
                if (j + 8 > n) {
                    std::size_t k = j;
                    while (k < n && asciiWordByte[static_cast<unsigned char>(s[k])])
                        ++k;
                    folded.appendAsciiLower(s.data() + j, k - j);
                    j = k;
                }
                i = j;
                continue;
            } else if (c == '\'' && inWord) {
                folded.push_back('\'');
            } else {
                finish(i);
                if (cls == 2) {
                    bool boundary = true;
                    if (c == '.') {
                        // "Pt. reports", "0.5 mg", "e.g.": not the end of a sentence.
                        std::size_t j = i + 1;
                        while (j < n && s[j] == ' ')
                            ++j;
                        const bool nextLower = j < n && ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= '0' && s[j] <= '9'));
                        const bool shortWord = !tokens.empty() && tokens.back().end == i
                                               && tokens.back().end - tokens.back().start == 1;
                        // Lower case after a full stop: an abbreviation ("Pt. reports", "approx. 3")
                        // — unless a person typing without capitals ("went home. i cried").
                        const bool abbreviation = !tokens.empty() && tokens.back().end == i
                                                  && (tokens.back().end - tokens.back().start <= 3
                                                      || (tokens.back().flags & Number));
                        const bool lowerI = j + 1 < n && s[j] == 'i' && (s[j + 1] == ' ' || s[j + 1] == '\'');
                        boundary = !shortWord && (!nextLower || (!abbreviation && j > i + 1) || lowerI);
                    } else if (c == '\n') {
                        newLine(i);
                    }
                    if (boundary && (tokens.empty() || tokens.back().sentence == sentence)) {
                        ++sentence;
                        ++clause;
                    }
                } else if (cls == 3) {
                    ++clause;
                    if (c == '"') {
                        doubleQuote = !doubleQuote;
                    } else if (c == ':' && !tokens.empty() && tokens.back().sentence == sentence) {
                        Token &label = tokens.back();
                        label.flags |= ColonAfter;
                        // "Plan:", "P:", "Next session:" in a line's first three words: what follows
                        // is to be done, not done.
                        if (tokens.size() - lineFirst <= 3 && (tokens[lineFirst].flags & LineStart))
                            for (std::size_t k = lineFirst; k < tokens.size(); ++k)
                                plan = plan || (tokens[k].flags & PlanHeader);
                        // "S:", "Assessment:", "Plan:" at a line's start: a clinical note's section.
                        if ((label.flags & LineStart) && !(label.flags & Quoted)
                            && ((label.flags & (Header | PlanHeader)) || label.end - label.start == 1))
                            ++out.passages.back().clientWords;
                    }
                } else if (c == '\'') {
                    // 'a bag of nerves': opens before a word, closes after one ("nerves.'").
                    const bool opens = i + 1 < n && asciiWordByte[static_cast<unsigned char>(s[i + 1])]
                                       && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\n' || s[i - 1] == '(');
                    singleQuote = opens;
                }
            }
            ++i;
            continue;
        }
        char32_t cp = 0;
        const int len = decodeUtf8(s, i, cp);
        if (len == 0) { // an invalid byte: a separator
            finish(i);
            ++i;
            continue;
        }
        if (cp == 0x2019 || cp == 0x02bc) { // typographic apostrophes (and closing single quotes)
            if (inWord)
                folded.push_back('\'');
            else
                singleQuote = false;
        } else if (QChar::isLetterOrNumber(cp) || QChar::isMark(cp)) {
            if (!inWord)
                startWord(i);
            const char32_t fold = QChar::toCaseFolded(cp);
            appendUtf8(folded, fold);
        } else {
            finish(i);
            if (cp == 0x2014 || cp == 0x2013 || cp == 0x2026) { // dashes and ellipsis split clauses
                ++clause;
            } else if (cp == 0x2029 || cp == 0x2028 || cp == 0x3002) {
                ++sentence, ++clause;
            } else if (cp == 0x201c || cp == 0x201d) { // “ ”
                doubleQuote = cp == 0x201c;
                ++clause;
            } else if (cp == 0x2018) { // ‘
                singleQuote = true;
            }
        }
        i += static_cast<std::size_t>(len);
    }
    finish(n);
}

} // namespace uc::themes
