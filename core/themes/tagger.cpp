// SPDX-License-Identifier: GPL-3.0-or-later
// How the tagger works, in one pass over the UTF-8 bytes:
//  1. Tokenise: words are runs of letters, digits and inner apostrophes, case-folded (Unicode
//     aware, ASCII fast path); sentence and clause boundaries are recorded as they pass. Each word
//     is looked up once in an open-addressing table that knows every phrase word form (with
//     inflections) and every context word (negation triggers, subjects, links …).
//  2. Match: a word that can start a phrase tries to complete it within the sentence, allowing
//     up to two extra words between the phrase's words ("felt so completely alone").
//  3. Context: each mention is checked for negation (trigger before it in its scope, or "denied"
//     just after), hypothetical or future framing, and whose experience it is (the nearest subject
//     in its clause). Driver-linked themes then look for a counted use and a counted driver tied
//     by a link word in one sentence.
#include "themes/tagger.h"

#include "common/error.h"

#include <QJsonArray>

#include <algorithm>
#include <array>
#include <cstring>
#include <functional>
#include <iterator>
#include <string>
#include <limits>
#include <vector>

namespace uc::themes {

QString toString(Exclusion reason)
{
    switch (reason) {
    case Exclusion::Negated:
        return QStringLiteral("negated");
    case Exclusion::OtherPerson:
        return QStringLiteral("other-person");
    case Exclusion::Hypothetical:
        return QStringLiteral("hypothetical");
    }
    return {};
}

const ThemeResult *TagResult::find(const QString &id) const
{
    for (const ThemeResult &t : themes)
        if (t.id == id)
            return &t;
    return nullptr;
}

QJsonObject TagResult::toJson() const
{
    QJsonArray themeArray;
    for (const ThemeResult &t : themes) {
        QJsonArray ev;
        for (const Evidence &e : t.evidence)
            ev.append(QJsonObject{{QStringLiteral("start"), e.start},
                                  {QStringLiteral("end"), e.end},
                                  {QStringLiteral("text"), e.text},
                                  {QStringLiteral("rule"), e.rule}});
        themeArray.append(QJsonObject{{QStringLiteral("id"), t.id},
                                      {QStringLiteral("label"), t.label},
                                      {QStringLiteral("count"), static_cast<int>(t.evidence.size())},
                                      {QStringLiteral("evidence"), ev}});
    }
    QJsonArray excludedArray;
    for (const ExcludedMention &x : excluded)
        excludedArray.append(QJsonObject{{QStringLiteral("id"), x.id},
                                         {QStringLiteral("reason"), toString(x.reason)},
                                         {QStringLiteral("start"), x.start},
                                         {QStringLiteral("end"), x.end},
                                         {QStringLiteral("text"), x.text}});
    return {{QStringLiteral("themes"), themeArray}, {QStringLiteral("excluded"), excludedArray}};
}

namespace {

// ---- context vocabulary -------------------------------------------------------------------------

enum Flag : std::uint32_t {
    Neg = 1u << 0, // no, not, never, denies, without, n't …
    PseudoAfterNeg = 1u << 1, // "not ONLY", "can't STOP": the negation does not negate
    Term = 1u << 2, // ends a negation or hypothetical scope: but, however, although …
    Hypo = 1u << 3, // if, would, might, may, will, unless …
    Fear = 1u << 4, // afraid, worried … (+ of/about/that: what follows is feared, not happening)
    Client = 1u << 5, // pt, client, she, he, i …
    Family = 1u << 6, // mother, father, partner … (the client's family)
    OtherNonFamily = 1u << 7, // friend, boss, peers …
    Prep = 1u << 8, // with, to, from, about …
    Possessive = 1u << 9, // her, his, my, their
    Clause = 1u << 10, // and, because, when, that … start a new clause
    Link = 1u << 11, // because, when, whenever, after, since … tie use to a driver
    Purpose = 1u << 12, // calm, numb, cope, escape … after "to"
    PostNeg = 1u << 13, // denied, none, absent: negates what came just before
    Relative = 1u << 14, // who, which: the subject is the noun before
    FearLink = 1u << 15, // of, about, that (after a Fear word)
    NegMulti = 1u << 16, // free, negative, absence, ruled, abstinent (+ of/for/out/from)
    Out = 1u << 17, // "ruled out"
    Intends = 1u << 18, // going, plans, planning, intends (+ to)
    TimeLink = 1u << 19, // "every time", "due to", "in response to"
    Coord = 1u << 20, // and, or, then: a phrase's gap may not run across them
    ConseqLink = 1u << 21, // so, therefore: the driver comes first ("terrified, so I got hammered")
    AskVerb = 1u << 22, // asked, wondered: "asked if" is a question, not a condition
    MonthWord = 1u << 23, // may: the month after "in", "since", "last" or before a number
    Instead = 1u << 24, // "instead of"
    Number = 1u << 25, // the word starts with a digit
    About = 1u << 26, // "not worried ABOUT the drinking": a negation stops at its object
    FirstPerson = 1u << 27, // i, me, my: a first-person text, where "he" and "she" are other people
    ThirdPerson = 1u << 28, // he, she, he'd …
    Det = 1u << 29, // a, an, the, this: may stand before a subject at a clause's start
};

struct ContextWord
{
    const char *word;
    std::uint32_t flags;
};

constexpr ContextWord contextWords[] = {
    ContextWord{"no", Neg},         ContextWord{"not", Neg},          ContextWord{"never", Neg},
    ContextWord{"denies", Neg},     ContextWord{"denied", Neg | PostNeg}, ContextWord{"deny", Neg},
    ContextWord{"denying", Neg},    ContextWord{"without", Neg},      ContextWord{"none", Neg | PostNeg},
    ContextWord{"nor", Neg},        ContextWord{"neither", Neg},      ContextWord{"don't", Neg},
    ContextWord{"doesn't", Neg},    ContextWord{"didn't", Neg},       ContextWord{"isn't", Neg},
    ContextWord{"wasn't", Neg},     ContextWord{"aren't", Neg},       ContextWord{"weren't", Neg},
    ContextWord{"hasn't", Neg},     ContextWord{"haven't", Neg},      ContextWord{"hadn't", Neg},
    ContextWord{"won't", Neg}, ContextWord{"can't", Neg},      ContextWord{"cannot", Neg},
    ContextWord{"couldn't", Neg},   ContextWord{"wouldn't", Neg}, ContextWord{"dont", Neg},
    ContextWord{"doesnt", Neg},     ContextWord{"didnt", Neg},        ContextWord{"nothing", Neg},
    ContextWord{"free", NegMulti},  ContextWord{"negative", NegMulti | PostNeg}, ContextWord{"absence", NegMulti},
    ContextWord{"ruled", NegMulti}, ContextWord{"abstinent", NegMulti}, ContextWord{"abstained", NegMulti},
    ContextWord{"refrained", NegMulti}, ContextWord{"absent", PostNeg}, ContextWord{"resolved", PostNeg},
    ContextWord{"only", PseudoAfterNeg}, ContextWord{"just", PseudoAfterNeg}, ContextWord{"sure", PseudoAfterNeg},
    ContextWord{"doubt", PseudoAfterNeg}, ContextWord{"necessarily", PseudoAfterNeg},
    ContextWord{"stopped", PseudoAfterNeg}, ContextWord{"quit", PseudoAfterNeg},
    ContextWord{"help", PseudoAfterNeg}, ContextWord{"know", PseudoAfterNeg}, ContextWord{"remember", PseudoAfterNeg},
    ContextWord{"understand", PseudoAfterNeg}, ContextWord{"able", PseudoAfterNeg}, ContextWord{"seem", PseudoAfterNeg},
    ContextWord{"longer", 0}, ContextWord{"out", Out}, ContextWord{"going", Intends}, ContextWord{"plans", Intends},
    ContextWord{"planning", Intends}, ContextWord{"intends", Intends}, ContextWord{"intending", Intends},
    ContextWord{"but", Term | Clause}, ContextWord{"however", Term | Clause}, ContextWord{"although", Term | Clause},
    ContextWord{"though", Term | Clause}, ContextWord{"yet", Term}, ContextWord{"except", Term},
    ContextWord{"apart", Term}, ContextWord{"aside", Term}, ContextWord{"reports", Term},
    ContextWord{"reported", Term}, ContextWord{"states", Term}, ContextWord{"stated", Term},
    ContextWord{"endorses", Term}, ContextWord{"endorsed", Term}, ContextWord{"admits", Term},
    ContextWord{"admitted", Term}, ContextWord{"acknowledges", Term}, ContextWord{"acknowledged", Term},
    ContextWord{"describes", Term}, ContextWord{"described", Term}, ContextWord{"notes", Term},
    ContextWord{"says", Term}, ContextWord{"said", Term}, ContextWord{"shared", Term}, ContextWord{"disclosed", Term},
    ContextWord{"if", Hypo | Clause}, ContextWord{"would", Hypo}, ContextWord{"might", Hypo},
    ContextWord{"may", Hypo | MonthWord}, ContextWord{"will", Hypo}, ContextWord{"unless", Clause},
    ContextWord{"whether", Hypo}, ContextWord{"she'll", Hypo | Client | ThirdPerson}, ContextWord{"he'll", Hypo | Client | ThirdPerson},
    ContextWord{"i'll", Hypo | Client | FirstPerson}, ContextWord{"they'll", Hypo}, ContextWord{"gonna", Hypo},
    ContextWord{"afraid", Fear}, ContextWord{"worried", Fear}, ContextWord{"worries", Fear},
    ContextWord{"scared", Fear}, ContextWord{"fear", Fear}, ContextWord{"fears", Fear}, ContextWord{"feared", Fear},
    ContextWord{"fearful", Fear}, ContextWord{"terrified", Fear}, ContextWord{"concerned", Fear},
    ContextWord{"anxious", Fear}, ContextWord{"frightened", Fear}, ContextWord{"worry", Fear},
    ContextWord{"of", FearLink | Prep}, ContextWord{"about", FearLink | Prep | About}, ContextWord{"that", FearLink | Clause},
    ContextWord{"pt", Client}, ContextWord{"pt's", Client | Possessive}, ContextWord{"patient", Client},
    ContextWord{"client", Client}, ContextWord{"client's", Client | Possessive}, ContextWord{"she", Client | ThirdPerson},
    ContextWord{"he", Client | ThirdPerson}, ContextWord{"i", Client | FirstPerson},
    ContextWord{"i'm", Client | FirstPerson}, ContextWord{"i've", Client | FirstPerson},
    ContextWord{"i'd", Client | FirstPerson}, ContextWord{"she's", Client | ThirdPerson},
    ContextWord{"he's", Client | ThirdPerson}, ContextWord{"she'd", Client | ThirdPerson},
    ContextWord{"he'd", Client | ThirdPerson}, ContextWord{"im", Client | FirstPerson},
    ContextWord{"ive", Client | FirstPerson}, ContextWord{"me", FirstPerson}, ContextWord{"myself", FirstPerson},
    ContextWord{"a", Det}, ContextWord{"an", Det}, ContextWord{"the", Det}, ContextWord{"this", Det},
    ContextWord{"in", Prep}, ContextWord{"last", Prep}, ContextWord{"next", Prep}, ContextWord{"early", Prep},
    ContextWord{"late", Prep}, ContextWord{"mid", Prep}, ContextWord{"hesitate", PseudoAfterNeg},
    ContextWord{"shake", PseudoAfterNeg}, ContextWord{"unaware", PseudoAfterNeg},
    ContextWord{"mother", Family}, ContextWord{"mum", Family}, ContextWord{"mom", Family}, ContextWord{"mam", Family},
    ContextWord{"mommy", Family}, ContextWord{"mummy", Family}, ContextWord{"father", Family},
    ContextWord{"dad", Family}, ContextWord{"daddy", Family}, ContextWord{"parent", Family},
    ContextWord{"parents", Family}, ContextWord{"brother", Family}, ContextWord{"sister", Family},
    ContextWord{"siblings", Family}, ContextWord{"sibling", Family}, ContextWord{"son", Family},
    ContextWord{"daughter", Family}, ContextWord{"husband", Family}, ContextWord{"wife", Family},
    ContextWord{"partner", Family}, ContextWord{"boyfriend", Family}, ContextWord{"girlfriend", Family},
    ContextWord{"fiance", Family}, ContextWord{"fiancee", Family}, ContextWord{"spouse", Family},
    ContextWord{"uncle", Family}, ContextWord{"aunt", Family}, ContextWord{"auntie", Family},
    ContextWord{"grandmother", Family}, ContextWord{"grandfather", Family}, ContextWord{"grandma", Family},
    ContextWord{"grandpa", Family}, ContextWord{"gran", Family}, ContextWord{"nan", Family},
    ContextWord{"stepfather", Family}, ContextWord{"stepmother", Family}, ContextWord{"stepdad", Family},
    ContextWord{"stepmum", Family}, ContextWord{"stepmom", Family}, ContextWord{"cousin", Family},
    ContextWord{"family", Family}, ContextWord{"ex", Family}, ContextWord{"children", Family},
    ContextWord{"kids", Family},
    ContextWord{"friend", OtherNonFamily}, ContextWord{"friends", OtherNonFamily},
    ContextWord{"roommate", OtherNonFamily}, ContextWord{"flatmate", OtherNonFamily},
    ContextWord{"housemate", OtherNonFamily}, ContextWord{"coworker", OtherNonFamily},
    ContextWord{"coworkers", OtherNonFamily}, ContextWord{"colleague", OtherNonFamily},
    ContextWord{"colleagues", OtherNonFamily}, ContextWord{"boss", OtherNonFamily},
    ContextWord{"peer", OtherNonFamily}, ContextWord{"peers", OtherNonFamily},
    ContextWord{"neighbour", OtherNonFamily}, ContextWord{"neighbor", OtherNonFamily},
    ContextWord{"someone", OtherNonFamily}, ContextWord{"everyone", OtherNonFamily},
    ContextWord{"people", OtherNonFamily}, ContextWord{"others", OtherNonFamily},
    ContextWord{"member", OtherNonFamily}, ContextWord{"members", OtherNonFamily},
    ContextWord{"with", Prep}, ContextWord{"to", Prep}, ContextWord{"from", Prep}, ContextWord{"around", Prep},
    ContextWord{"at", Prep}, ContextWord{"by", Prep}, ContextWord{"for", Prep}, ContextWord{"toward", Prep},
    ContextWord{"towards", Prep}, ContextWord{"against", Prep}, ContextWord{"near", Prep}, ContextWord{"than", Prep},
    ContextWord{"like", Prep}, ContextWord{"on", Prep}, ContextWord{"over", Prep}, ContextWord{"after", Prep | Link | Clause},
    ContextWord{"her", Possessive}, ContextWord{"his", Possessive}, ContextWord{"my", Possessive | FirstPerson},
    ContextWord{"their", Possessive}, ContextWord{"our", Possessive}, ContextWord{"your", Possessive},
    ContextWord{"and", Coord}, ContextWord{"or", Coord}, ContextWord{"then", Coord},
    ContextWord{"so", Clause | ConseqLink}, ContextWord{"therefore", ConseqLink},
    ContextWord{"asked", AskVerb}, ContextWord{"asks", AskVerb}, ContextWord{"asking", AskVerb},
    ContextWord{"wondered", AskVerb}, ContextWord{"wonders", AskVerb}, ContextWord{"wondering", AskVerb},
    ContextWord{"instead", Instead}, ContextWord{"simply", PseudoAfterNeg}, ContextWord{"question", PseudoAfterNeg},
    ContextWord{"mate", OtherNonFamily}, ContextWord{"mates", OtherNonFamily}, ContextWord{"pal", OtherNonFamily},
    ContextWord{"buddy", OtherNonFamily}, ContextWord{"acquaintance", OtherNonFamily},
    ContextWord{"sponsee", OtherNonFamily}, ContextWord{"stepdad's", Family}, ContextWord{"while", Clause}, ContextWord{"before", Clause},
    ContextWord{"until", Clause}, ContextWord{"whereas", Clause}, ContextWord{"where", Clause},
    ContextWord{"which", Clause | Relative}, ContextWord{"who", Clause | Relative},
    ContextWord{"because", Clause | Link}, ContextWord{"cause", Link}, ContextWord{"'cause", Link},
    ContextWord{"cos", Link}, ContextWord{"since", Clause | Link}, ContextWord{"when", Clause | Link},
    ContextWord{"whenever", Clause | Link}, ContextWord{"following", Link}, ContextWord{"triggered", Link},
    ContextWord{"time", TimeLink}, ContextWord{"due", TimeLink}, ContextWord{"response", TimeLink},
    ContextWord{"calm", Purpose}, ContextWord{"numb", Purpose}, ContextWord{"ease", Purpose},
    ContextWord{"quiet", Purpose}, ContextWord{"quieten", Purpose}, ContextWord{"settle", Purpose},
    ContextWord{"cope", Purpose}, ContextWord{"manage", Purpose}, ContextWord{"escape", Purpose},
    ContextWord{"forget", Purpose}, ContextWord{"deal", Purpose}, ContextWord{"feel", Purpose},
    ContextWord{"relax", Purpose}, ContextWord{"soothe", Purpose}, ContextWord{"handle", Purpose},
    ContextWord{"blot", Purpose}, ContextWord{"drown", Purpose}, ContextWord{"block", Purpose},
    ContextWord{"avoid", Purpose}, ContextWord{"dull", Purpose}, ContextWord{"relieve", Purpose},
    ContextWord{"mask", Purpose}, ContextWord{"take", Purpose}, ContextWord{"kill", Purpose},
    ContextWord{"silence", Purpose}, ContextWord{"face", Purpose}, ContextWord{"steady", Purpose},
    ContextWord{"get", Purpose}, ContextWord{"fill", Purpose}, ContextWord{"stop", Purpose | PseudoAfterNeg},
};

// Words never inflected when expanding phrases (function words, abbreviations).
bool inflectable(const std::string &w)
{
    if (w.size() < 3)
        return false;
    for (char c : w)
        if (!(c >= 'a' && c <= 'z'))
            return false;
    static const std::array<const char *, 16> stop = {"the", "and", "her", "his", "him", "she", "you", "was",
                                                      "not", "for", "with", "any", "out", "off", "too", "who"};
    return std::none_of(stop.begin(), stop.end(), [&](const char *s) { return w == s; });
}

bool isVowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

// The regular English inflections of a word: -s, -es, -ed, -ing, -ies/-ied, doubled consonants.
std::vector<std::string> inflections(const std::string &w)
{
    std::vector<std::string> out{w};
    if (!inflectable(w))
        return out;
    const char last = w.back();
    const std::string stem = w.substr(0, w.size() - 1);
    out.push_back(w + "s");
    out.push_back(w + "es");
    if (last == 'e') {
        out.push_back(w + "d");
        out.push_back(stem + "ing");
    } else if (last == 'y' && !isVowel(w[w.size() - 2])) {
        out.push_back(stem + "ies");
        out.push_back(stem + "ied");
        out.push_back(w + "ing");
    } else {
        out.push_back(w + "ed");
        out.push_back(w + "ing");
        // stop -> stopped, stopping (short consonant-vowel-consonant words)
        if (w.size() <= 4 && !isVowel(last) && last != 'w' && last != 'x' && last != 'y' && isVowel(w[w.size() - 2])
            && !isVowel(w[w.size() - 3])) {
            out.push_back(w + last + "ed");
            out.push_back(w + last + "ing");
        }
    }
    return out;
}

// ---- the word table: one lookup per token ------------------------------------------------------

// A word's hash: eight bytes at a time (a byte-at-a-time hash is one multiply per byte, in a
// chain), then a final mix so the low bits (the slot) and the high bits (the fingerprint) both
// depend on every byte.
// padded: at least 8 readable bytes follow the end (the tokeniser's buffer), so the last partial
// word is one load, masked; otherwise it is read byte by byte. Both give the same hash.
template<bool padded = false>
inline std::uint64_t wordHash(std::string_view s)
{
    const char *p = s.data();
    std::size_t n = s.size();
    std::uint64_t h = 0x9e3779b97f4a7c15ull ^ n;
    while (n >= 8) {
        std::uint64_t w = 0;
        std::memcpy(&w, p, 8);
        h = (h ^ w) * 0xbf58476d1ce4e5b9ull;
        h ^= h >> 31;
        p += 8;
        n -= 8;
    }
    std::uint64_t w = 0;
    if constexpr (padded) {
        std::memcpy(&w, p, 8);
        w = n == 0 ? 0 : w & (~0ull >> (64 - 8 * n));
    } else {
        for (std::size_t k = 0; k < n; ++k)
            w |= static_cast<std::uint64_t>(static_cast<unsigned char>(p[k])) << (8 * k);
    }
    h = (h ^ w) * 0x94d049bb133111ebull;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h;
}

// A 16-bit fingerprint of a word's first len bytes, for the prefix filters (h = h * 31 + byte,
// so a longer prefix's fingerprint continues a shorter one's).
inline std::uint32_t filterHashRaw(std::string_view s, std::size_t len)
{
    std::uint32_t h = 0;
    for (std::size_t i = 0; i < len && i < s.size(); ++i)
        h = h * 31u + static_cast<unsigned char>(s[i]);
    return h;
}

inline std::uint32_t filterHash(std::string_view s, std::size_t len)
{
    return filterHashRaw(s, len) & 0xffffu;
}

struct WordInfo
{
    std::int32_t form = -1; // index of this form among phrase words, or -1
    std::uint32_t flags = 0;
};

// Open addressing with a 16-bit fingerprint per slot in its own small array: most words of a note
// are not in the table, and a miss is settled there without touching the slots (which, with the
// key inline for words up to 16 bytes, answer a hit in one cache line).
class WordTable
{
public:
    WordInfo &insert(std::string_view key)
    {
        if ((m_count + 1) * 2 > m_slots.size())
            grow();
        const std::uint64_t h = wordHash(key);
        std::size_t i = h & (m_slots.size() - 1);
        while (m_tags[i] != 0) {
            if (m_slots[i].hash == h && keyOf(m_slots[i]) == key)
                return m_slots[i].info;
            i = (i + 1) & (m_slots.size() - 1);
        }
        Slot &s = m_slots[i];
        m_tags[i] = tagOf(h);
        s.hash = h;
        s.offset = static_cast<std::uint32_t>(m_keys.size());
        s.length = static_cast<std::uint32_t>(key.size());
        std::memcpy(s.inlineKey.data(), key.data(), std::min(key.size(), s.inlineKey.size()));
        m_keys.append(key);
        ++m_count;
        return s.info;
    }

    [[nodiscard]] const WordInfo *find(std::string_view key, std::uint64_t h) const
    {
        if (m_slots.empty())
            return nullptr;
        const std::uint16_t tag = tagOf(h);
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = h & mask;; i = (i + 1) & mask) {
            const std::uint16_t t = m_tags[i];
            if (t == 0)
                return nullptr;
            if (t != tag)
                continue;
            const Slot &slot = m_slots[i];
            if (slot.hash != h || slot.length != key.size())
                continue;
            // Keys are short words: an inline loop beats a call to memcmp.
            const char *a = key.size() <= slot.inlineKey.size() ? slot.inlineKey.data() : m_keys.data() + slot.offset;
            std::size_t k = 0;
            while (k < key.size() && a[k] == key[k])
                ++k;
            if (k == key.size())
                return &slot.info;
        }
    }

private:
    struct Slot
    {
        std::uint64_t hash = 0;
        std::array<char, 16> inlineKey{};
        std::uint32_t offset = 0;
        std::uint32_t length = 0;
        WordInfo info;
    };
    static std::uint16_t tagOf(std::uint64_t h) { return static_cast<std::uint16_t>((h >> 48) | 1u); }
    [[nodiscard]] std::string_view keyOf(const Slot &s) const { return std::string_view(m_keys).substr(s.offset, s.length); }
    void grow()
    {
        std::vector<Slot> old = std::move(m_slots);
        const std::vector<std::uint16_t> oldTags = std::move(m_tags);
        const std::size_t size = old.empty() ? 1024 : old.size() * 2;
        m_slots.assign(size, Slot{});
        m_tags.assign(size, 0);
        for (std::size_t k = 0; k < old.size(); ++k) {
            if (oldTags[k] == 0)
                continue;
            std::size_t i = old[k].hash & (size - 1);
            while (m_tags[i] != 0)
                i = (i + 1) & (size - 1);
            m_slots[i] = old[k];
            m_tags[i] = oldTags[k];
        }
    }

    std::vector<Slot> m_slots;
    std::vector<std::uint16_t> m_tags; // 0: empty
    std::string m_keys;
    std::size_t m_count = 0;
};

// ---- compiled codebook --------------------------------------------------------------------------

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

} // namespace

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

Tagger::Impl::Impl(const Codebook &book)
    : codebook(book)
{
    compile();
}

std::int32_t Tagger::Impl::formId(const std::string &form)
{
    WordInfo &info = words.insert(form);
    if (info.form < 0) {
        info.form = formCount++;
        startsByForm.emplace_back();
    }
    return info.form;
}

std::int32_t Tagger::Impl::prefixId(const std::string &prefix)
{
    WordInfo &info = prefixes.insert(prefix);
    if (info.form < 0) {
        info.form = prefixCount++;
        startsByPrefix.emplace_back();
        if (std::find(prefixLengths.begin(), prefixLengths.end(), prefix.size()) == prefixLengths.end())
            prefixLengths.push_back(static_cast<std::uint8_t>(prefix.size()));
        minPrefix = std::min(minPrefix, prefix.size());
        prefixTexts.push_back(prefix);
    }
    return info.form;
}

void Tagger::Impl::compile()
{
    for (const ContextWord &c : contextWords)
        words.insert(c.word).flags |= c.flags;
    for (int ti = 0; ti < codebook.themes().size(); ++ti) {
        const Theme &theme = codebook.themes().at(ti);
        if (!theme.enabled)
            continue;
        QList<QPair<QString, bool>> all;
        for (const QString &text : theme.phrases)
            all.append({text, false});
        for (const QString &text : theme.exceptions)
            all.append({text, true});
        for (const auto &[text, exception] : all) {
            Phrase phrase{ti, text, QStringLiteral("phrase:") + text, {}};
            phrase.exception = exception;
            for (const QString &w : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
                // Folded the same way as the text (hyphens inside a phrase word split like text).
                const QString folded = w.toCaseFolded().replace(QChar(0x2019), QLatin1Char('\''));
                for (QString part : folded.split(QLatin1Char('-'), Qt::SkipEmptyParts)) {
                    PatternWord pw;
                    if (part.endsWith(QLatin1Char('*'))) {
                        part.chop(1);
                        pw.prefix = prefixId(part.toStdString());
                    } else {
                        for (const std::string &form : inflections(part.toStdString())) {
                            pw.forms.push_back(formId(form));
                            pw.formBits |= 1ull << (pw.forms.back() & 63);
                        }
                    }
                    phrase.words.push_back(std::move(pw));
                }
            }
            if (phrase.words.empty())
                continue;
            const int index = static_cast<int>(phrases.size());
            const QStringList parts = QString(text).replace(QLatin1Char('-'), QLatin1Char(' ')).split(QLatin1Char(' '), Qt::SkipEmptyParts);
            for (qsizetype k = 1; k < parts.size() && static_cast<std::size_t>(k) < phrase.words.size(); ++k)
                if (parts.at(k).size() > parts.at(static_cast<qsizetype>(phrase.anchor)).size())
                    phrase.anchor = static_cast<std::size_t>(k);
            const PatternWord &first = phrase.words[phrase.anchor];
            Start start;
            start.phrase = index;
            if (phrase.words.size() > 1) {
                start.step = phrase.anchor > 0 ? -1 : +1;
                const PatternWord &next = phrase.words[phrase.anchor > 0 ? phrase.anchor - 1 : phrase.anchor + 1];
                start.neighbourBits = next.formBits;
                start.neighbourPrefix = next.prefix;
            }
            if (first.prefix >= 0)
                startsByPrefix[static_cast<std::size_t>(first.prefix)].push_back(start);
            for (std::int32_t f : first.forms)
                startsByForm[static_cast<std::size_t>(f)].push_back(start);
            phrases.push_back(std::move(phrase));
        }
    }
    const auto indexOf = [&](const QString &id, bool mustBeEnabled) {
        for (int k = 0; k < codebook.themes().size(); ++k)
            if (codebook.themes().at(k).id == id && (!mustBeEnabled || codebook.themes().at(k).enabled))
                return k;
        return -1;
    };
    for (const Theme &theme : codebook.themes()) {
        Related r;
        if (theme.isDriverLink()) {
            r.driver = indexOf(theme.driver, false);
            r.use = indexOf(theme.use, false);
        }
        if (!theme.otherPersonTheme.isEmpty())
            r.otherPerson = indexOf(theme.otherPersonTheme, true);
        themeIndex.push_back(r);
    }
    for (const Theme &theme : codebook.themes())
        linkRules.push_back(theme.isDriverLink() ? QStringLiteral("link:%1+%2").arg(theme.use, theme.driver) : QString());
    std::sort(prefixLengths.begin(), prefixLengths.end());
    filterLength = std::min<std::size_t>(3, minPrefix);
    lengthFilters.assign(prefixLengths.size(), {});
    for (const std::string &p : prefixTexts) {
        const std::uint32_t h = filterHash(p, filterLength);
        prefixFilter[h >> 6] |= 1ull << (h & 63);
        const auto li = static_cast<std::size_t>(
            std::find(prefixLengths.begin(), prefixLengths.end(), p.size()) - prefixLengths.begin());
        const std::uint32_t full = filterHash(p, p.size()) & (lengthFilterBits - 1);
        lengthFilters[li][full >> 6] |= 1ull << (full & 63);
    }
}

// ---- tokenising ---------------------------------------------------------------------------------

namespace {

// Decodes one UTF-8 sequence at s[i]; returns its length, or 0 for an invalid one.
int decodeUtf8(std::string_view s, std::size_t i, char32_t &cp)
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

void Tagger::Impl::classify(Token &t, std::string_view folded, std::uint64_t hash) const
{
    std::string_view key(folded);
    const WordInfo *info = words.find(key, hash);
    if (!info && key.size() > 2 && key.substr(key.size() - 2) == "'s") {
        // "mother's": the possessor, read as the word itself.
        key.remove_suffix(2);
        info = words.find(key, wordHash(key));
        t.flags |= Possessive;
    }
    if (info) {
        t.form = info->form;
        t.flags |= info->flags;
    }
    if (prefixCount > 0 && key.size() >= minPrefix) {
        const std::uint32_t f = filterHash(key, filterLength);
        if (prefixFilter[f >> 6] & (1ull << (f & 63))) {
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
                        t.prefix1 = pi->form;
                    else if (t.prefix2 < 0)
                        t.prefix2 = pi->form;
                }
            }
        }
    }
}

void Tagger::Impl::tokenize(std::string_view s, std::vector<Token> &tokens) const
{
    tokens.clear();
    FoldBuffer folded;
    std::uint32_t sentence = 0;
    std::uint32_t clause = 0;
    bool inWord = false;
    // The word being read is built in place at the vector's end (a token assembled on the stack
    // and copied costs a store-forwarding stall per word).
    auto finish = [&](std::size_t end) {
        if (!inWord)
            return;
        // Apostrophes at a word's end are quotes, not part of it.
        while (!folded.empty() && folded.back() == '\'') {
            folded.pop_back();
            --end;
        }
        inWord = false;
        if (folded.empty()) {
            tokens.pop_back();
            return;
        }
        Token &cur = tokens.back();
        cur.end = static_cast<std::uint32_t>(end);
        if (!folded.tooLong)
            classify(cur, folded.view(), wordHash<true>(folded.view()));
        if (folded.data[0] >= '0' && folded.data[0] <= '9')
            cur.flags |= Number;
        if (cur.flags & Clause)
            ++clause;
        cur.sentence = sentence;
        cur.clause = clause;
    };
    auto startWord = [&](std::size_t at) {
        inWord = true;
        folded.clear();
        tokens.emplace_back().start = static_cast<std::uint32_t>(at);
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
                // The rest of an ASCII run: find its end, then copy it lower-cased.
                std::size_t j = i + 1;
                while (j < n && asciiWordByte[static_cast<unsigned char>(s[j])])
                    ++j;
                folded.appendAsciiLower(s.data() + i, j - i);
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
                        boundary = !nextLower && !shortWord;
                    }
                    if (boundary && (tokens.empty() || tokens.back().sentence == sentence)) {
                        ++sentence;
                        ++clause;
                    }
                } else if (cls == 3) {
                    ++clause;
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
        if (cp == 0x2019 || cp == 0x02bc) { // typographic apostrophes
            if (inWord)
                folded.push_back('\'');
        } else if (QChar::isLetterOrNumber(cp) || QChar::isMark(cp)) {
            if (!inWord)
                startWord(i);
            const char32_t fold = QChar::toCaseFolded(cp);
            appendUtf8(folded, fold);
        } else {
            finish(i);
            if (cp == 0x2014 || cp == 0x2013 || cp == 0x2026) // dashes and ellipsis split clauses
                ++clause;
            else if (cp == 0x2029 || cp == 0x2028 || cp == 0x3002)
                ++sentence, ++clause;
        }
        i += static_cast<std::size_t>(len);
    }
    finish(n);
}

// ---- matching ----------------------------------------------------------------------------------

namespace {

bool wordMatches(const PatternWord &w, const Token &t)
{
    if (w.prefix >= 0)
        return t.prefix1 == w.prefix || t.prefix2 == w.prefix;
    return t.form >= 0 && ((w.formBits >> (t.form & 63)) & 1u) != 0
           && std::find(w.forms.begin(), w.forms.end(), t.form) != w.forms.end();
}

} // namespace

void Tagger::Impl::match(const std::vector<Token> &tokens, std::vector<Mention> &mentions) const
{
    const std::size_t n = tokens.size();
    // The nearest token after (step +1) or before (step -1) `from` that matches w, at most maxGap
    // words away, in the same sentence, without crossing into another clause.
    auto seek = [&](const PatternWord &w, std::size_t from, int step, std::uint32_t sentence) -> std::optional<std::size_t> {
        for (std::size_t k = 1; k <= 1 + maxGap; ++k) {
            if (step < 0 && k > from)
                break;
            const std::size_t j = step > 0 ? from + k : from - k;
            if (j >= n || tokens[j].sentence != sentence)
                break;
            if (wordMatches(w, tokens[j]))
                return j;
            if (tokens[j].flags & noGap)
                break;
        }
        return std::nullopt;
    };
    auto tryPhrase = [&](int pi, std::size_t i) {
        const Phrase &p = phrases[static_cast<std::size_t>(pi)];
        const std::uint32_t sentence = tokens[i].sentence;
        std::size_t begin = i; // words before the anchor, right to left
        for (std::size_t w = p.anchor; w-- > 0;) {
            const auto j = seek(p.words[w], begin, -1, sentence);
            if (!j)
                return;
            begin = *j;
        }
        std::size_t pos = i; // then the words after it
        for (std::size_t w = p.anchor + 1; w < p.words.size(); ++w) {
            const auto j = seek(p.words[w], pos, +1, sentence);
            if (!j)
                return;
            pos = *j;
        }
        mentions.push_back({p.theme, pi, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(pos), true,
                            Exclusion::Negated, p.theme});
    };
    // A quick look for the anchor's neighbour, as seek() would find it (a filter: the bits may
    // say yes to a form that is not the word; tryPhrase decides).
    auto mayHaveNeighbour = [&](const Start &st, std::size_t i) {
        if (st.step == 0)
            return true;
        const std::uint32_t sentence = tokens[i].sentence;
        for (std::size_t k = 1; k <= 1 + maxGap; ++k) {
            if (st.step < 0 && k > i)
                break;
            const std::size_t j = st.step > 0 ? i + k : i - k;
            if (j >= n || tokens[j].sentence != sentence)
                break;
            const Token &t = tokens[j];
            if (st.neighbourPrefix >= 0) {
                if (t.prefix1 == st.neighbourPrefix || t.prefix2 == st.neighbourPrefix)
                    return true;
            } else if (t.form >= 0 && ((st.neighbourBits >> (t.form & 63)) & 1u) != 0) {
                return true;
            }
            if (t.flags & noGap)
                break;
        }
        return false;
    };
    auto tryAll = [&](const std::vector<Start> &starts, std::size_t i) {
        for (const Start &st : starts)
            if (mayHaveNeighbour(st, i))
                tryPhrase(st.phrase, i);
    };
    for (std::size_t i = 0; i < n; ++i) {
        const Token &t = tokens[i];
        if (t.form >= 0)
            tryAll(startsByForm[static_cast<std::size_t>(t.form)], i);
        if (t.prefix1 >= 0)
            tryAll(startsByPrefix[static_cast<std::size_t>(t.prefix1)], i);
        if (t.prefix2 >= 0)
            tryAll(startsByPrefix[static_cast<std::size_t>(t.prefix2)], i);
    }
    // Exception phrases cancel the theme's mentions they overlap ("used to" is not use).
    thread_local std::vector<Mention> exceptions;
    exceptions.clear();
    for (const Mention &m : mentions)
        if (phrases[static_cast<std::size_t>(m.phrase)].exception)
            exceptions.push_back(m);
    if (!exceptions.empty()) {
        std::erase_if(mentions, [&](const Mention &m) {
            if (phrases[static_cast<std::size_t>(m.phrase)].exception)
                return true;
            return std::any_of(exceptions.begin(), exceptions.end(), [&](const Mention &x) {
                return x.theme == m.theme && x.first <= m.last && m.first <= x.last;
            });
        });
    }
    // Within a theme, overlapping mentions are one mention: keep the longest. Mentions go in text
    // order (the longer first where two start together); each theme's last kept one is compared
    // with the next of that theme.
    insertionSort(mentions.begin(), mentions.end(), [](const Mention &a, const Mention &b) {
        return a.first != b.first ? a.first < b.first : a.last > b.last;
    });
    thread_local std::vector<std::int32_t> lastKept;
    lastKept.assign(static_cast<std::size_t>(codebook.themes().size()), -1);
    for (std::size_t k = 0; k < mentions.size(); ++k) {
        Mention &m = mentions[k];
        std::int32_t &last = lastKept[static_cast<std::size_t>(m.theme)];
        if (last >= 0) {
            Mention &before = mentions[static_cast<std::size_t>(last)];
            if (m.first <= before.last) {
                // The longer mention; on the very same words, the more specific phrase names the
                // rule ("drinking" rather than "drink" for "drinking").
                const bool sameWords = m.first == before.first && m.last == before.last;
                if (m.last - m.first > before.last - before.first
                    || (sameWords && phrases[static_cast<std::size_t>(m.phrase)].text.size()
                                         > phrases[static_cast<std::size_t>(before.phrase)].text.size())) {
                    before.kept = false;
                    last = static_cast<std::int32_t>(k);
                } else {
                    m.kept = false;
                }
                continue;
            }
        }
        last = static_cast<std::int32_t>(k);
    }
    std::erase_if(mentions, [](const Mention &m) { return !m.kept; });
}

// ---- context ------------------------------------------------------------------------------------

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

namespace {

// True when every byte is below 0x80; eight bytes at a time.
bool isAscii(std::string_view text)
{
    std::size_t i = 0;
    std::uint64_t any = 0;
    for (; i + 8 <= text.size(); i += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, text.data() + i, 8);
        any |= word;
    }
    for (; i < text.size(); ++i)
        any |= static_cast<unsigned char>(text[i]);
    return (any & 0x8080808080808080ull) == 0;
}

} // namespace

// ---- the public face ----------------------------------------------------------------------------

Tagger::Tagger(const Codebook &codebook)
    : d(std::make_unique<Impl>(codebook))
{
}

Tagger::~Tagger() = default;
Tagger::Tagger(Tagger &&) noexcept = default;
Tagger &Tagger::operator=(Tagger &&) noexcept = default;

const Codebook &Tagger::codebook() const
{
    return d->codebook;
}

TagResult Tagger::tag(const QString &text) const
{
    const QByteArray utf8 = text.toUtf8();
    return tag(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())));
}

TagResult Tagger::tag(std::string_view text) const
{
    if (text.size() > std::numeric_limits<std::uint32_t>::max() / 2)
        throw Error(ErrorKind::Io, QStringLiteral("tag"), QStringLiteral("the text is larger than 2 GiB"));
    // Scratch space reused across calls on a thread: a note is tagged on every keystroke pause.
    thread_local std::vector<Token> tokens;
    thread_local std::vector<Mention> mentions;
    tokens.reserve(text.size() / 5 + 8);
    d->tokenize(text, tokens);
    mentions.clear();
    d->match(tokens, mentions);
    d->applyContext(tokens, mentions);
    const auto found = static_cast<std::ptrdiff_t>(mentions.size()); // in text order from here back
    d->linkDrivers(tokens, mentions);

    // Byte offsets to code-point offsets (invalid bytes count one each), in one walk. In ASCII
    // text, most notes, they are the same and the walk is skipped.
    const bool ascii = isAscii(text);
    thread_local std::vector<std::uint32_t> byteOffsets;
    byteOffsets.clear();
    for (const Mention &m : mentions) {
        if (ascii)
            break;
        byteOffsets.push_back(tokens[m.first].start);
        byteOffsets.push_back(tokens[m.last].end);
    }
    std::sort(byteOffsets.begin(), byteOffsets.end());
    byteOffsets.erase(std::unique(byteOffsets.begin(), byteOffsets.end()), byteOffsets.end());
    thread_local std::vector<int> codePoints;
    codePoints.assign(byteOffsets.size(), 0);
    {
        std::size_t i = 0;
        int cp = 0;
        for (std::size_t k = 0; k < byteOffsets.size(); ++k) {
            const std::uint32_t target = byteOffsets[k];
            while (i < target) {
                if (i + 8 <= target) { // eight ASCII bytes at a time: eight code points
                    std::uint64_t word = 0;
                    std::memcpy(&word, text.data() + i, 8);
                    if ((word & 0x8080808080808080ull) == 0) {
                        i += 8;
                        cp += 8;
                        continue;
                    }
                }
                char32_t ignored = 0;
                const auto c = static_cast<unsigned char>(text[i]);
                const int len = c < 0x80 ? 1 : decodeUtf8(text, i, ignored);
                i += static_cast<std::size_t>(len == 0 ? 1 : len);
                ++cp;
            }
            codePoints[k] = cp;
        }
    }
    // Mentions are read in text order: a cursor moves through the offsets for their starts, and
    // an end is found a few places on from its start.
    std::size_t cursor = 0;
    auto codePointAt = [&](std::uint32_t byte, bool isStart) {
        if (ascii)
            return static_cast<int>(byte);
        std::size_t k = cursor;
        while (byteOffsets[k] < byte)
            ++k;
        if (isStart)
            cursor = k;
        return codePoints[k];
    };
    auto slice = [&](std::uint32_t from, std::uint32_t to) {
        return QString::fromUtf8(text.data() + from, static_cast<qsizetype>(to - from));
    };

    // In text order already, but for the driver links added at the end: sort those, then merge.
    const auto byStart = [&](const Mention &a, const Mention &b) { return tokens[a.first].start < tokens[b.first].start; };
    std::sort(mentions.begin() + found, mentions.end(), byStart);
    std::inplace_merge(mentions.begin(), mentions.begin() + found, mentions.end(), byStart);
    TagResult result;
    const auto &themes = d->codebook.themes();
    std::vector<QList<Evidence>> evidence(static_cast<std::size_t>(themes.size()));
    for (const Mention &m : mentions) {
        const std::uint32_t b0 = tokens[m.first].start;
        const std::uint32_t b1 = tokens[m.last].end;
        const int s = codePointAt(b0, true);
        const int e = codePointAt(b1, false);
        if (!m.counted) {
            result.excluded.append({themes.at(m.theme).id, m.reason, s, e, slice(b0, b1)});
            if (m.countedAs >= 0 && m.countedAs != m.theme)
                evidence[static_cast<std::size_t>(m.countedAs)].append(
                    {s, e, slice(b0, b1), QStringLiteral("other-person:") + themes.at(m.theme).id});
            continue;
        }
        evidence[static_cast<std::size_t>(m.theme)].append(
            {s, e, slice(b0, b1), m.phrase >= 0 ? d->phrases[static_cast<std::size_t>(m.phrase)].rule : d->linkRules[static_cast<std::size_t>(m.theme)]});
    }
    for (int ti = 0; ti < themes.size(); ++ti) {
        auto &ev = evidence[static_cast<std::size_t>(ti)];
        if (ev.isEmpty())
            continue;
        std::sort(ev.begin(), ev.end(), [](const Evidence &a, const Evidence &b) { return a.start < b.start; });
        result.themes.append({themes.at(ti).id, themes.at(ti).label, ev});
    }
    return result;
}

} // namespace uc::themes
