// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The broad net (docs/risk.md, "The broad net"): a second reading of a note for risk, beside the
// risk rules. A broad lexicon of risk heads (broadlexicon.cpp) is flagged present unless an
// exclusion claims the mention (broadexclusions.cpp: a negation in scope makes it denied; a figure
// of speech, another person, a screening or teaching context, and a few kinds of another sense
// drop it). Its findings join the rules' (risks.cpp), so a risk is present when either says so.
//
// The heads and cues are PCRE patterns compiled once per process, the first time each is tried
// (broadmatcher.cpp), each behind a prefilter: the strings one of which every match of the
// pattern holds, found for all patterns in one Aho–Corasick pass over the note, so a pattern runs
// only on a note that may match it.
#include <QRegularExpression>
#include <QString>
#include <QStringView>

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace uc::themes::broad {

// A note is read as a QString made from UTF-8, always valid UTF-16: PCRE2 need not check the
// whole subject again at every call (which made a call on a long note's tail quadratic).
constexpr QRegularExpression::MatchOptions noCheck = QRegularExpression::DontCheckSubjectStringMatchOption;

// A rule's pattern, case-insensitive unless said, compiled (JIT) on its first match; whether it
// occurs in text (broadmatcher.cpp).
[[nodiscard]] QRegularExpression rx(const char *pattern, bool caseInsensitive = true);
[[nodiscard]] bool found(const QRegularExpression &re, QStringView text);

struct Pattern
{
    const char *pattern; // PCRE
    // Strings separated by \037, one of which is in every match (one written "\\bh\\b": as a word,
    // with no letter, digit or _ either side); nullptr: none known.
    const char *factors;
    bool local; // no match holds . ! ? (nor depends on where the text ends): tried only where its strings are
    // A local pattern whose match may hold up to this many . ! ?, all before the last of its
    // strings ("took approx. 30 tablets"): tried from that many segments before its strings too.
    std::uint8_t reach = 0;
    // A pattern not local whose match holds no . ! ? before its strings (they are in the sentence
    // it starts in): tried from the first sentence that holds one, not from the note's start.
    bool leads = false;
};

struct Head
{
    const char *risk; // the codebook's risk id
    const char *kind; // what it says of the risk: "ideation", "attempt", "self-injury" …
    Pattern pattern;
    bool capitals; // an acronym: matched case-sensitively ("SI", not "si")
};

struct Cue
{
    const char *name; // a risk id (negative screens) or a substance class (mixing)
    Pattern pattern;
};

std::span<const Head> heads(); // broadlexicon.cpp: the hand-written heads, then the topic reading's

// The topic reading (broadtopic.cpp): one head of kind "topic" per entry, the last topicCount() of
// heads(); topicContext(k) is the k-th one's context (the words one of which its sentence must hold;
// an empty pattern: none needed).
std::vector<Head> topicHeads();
std::size_t topicCount();
const QRegularExpression &topicContext(std::size_t k);

// broadcues.cpp
extern const Pattern kAbuser, kKinSubj, kFhx, kReport, kVehicle, kJoke, kNojoke, kTherapeutic, kScreen, kPreNeg,
    kPostNeg, kAskedNo, kClauseEnd, kViolentAct, kAdultOther, kSuicidePlanContext;
extern const Pattern kFigurative[];
extern const std::size_t kFigurativeCount;
extern const Cue kSafeDeny[];
extern const std::size_t kSafeDenyCount;
extern const Cue kMixClasses[];
extern const std::size_t kMixClassCount;

// A pattern compiled once, with its prefilter strings' ids (empty: always tried).
struct Compiled
{
    QRegularExpression re;
    std::vector<int> factors;
    bool local = false;
    std::uint8_t reach = 0; // Pattern::reach
    bool leads = false; // Pattern::leads
    // Whether re has been compiled and found valid (Matcher::ready), so later calls skip Qt's lock.
    struct Flag
    {
        mutable std::atomic<bool> value { false };
        Flag() = default;
        Flag(const Flag &other)
            : value(other.value.load())
        { }
        Flag &operator=(const Flag &other)
        {
            value = other.value.load();
            return *this;
        }
    } checked;
};

// What the prefilter found in a note: which strings occur, and in which segments (the runs of
// text between . ! and ?), so a local pattern is tried on those segments only.
struct Scan
{
    std::vector<bool> seen; // by string id
    std::vector<std::pair<int, std::uint32_t>> occurrences; // (string id, segment), sorted, distinct
    std::vector<std::uint32_t> firstOf; // by string id: its occurrences start there (and end at id + 1's)
    std::vector<std::uint32_t> segmentStarts; // bytes; segment k ends at segmentStarts[k + 1] - 1
};

// The patterns of the net, compiled on first use (broadmatcher.cpp).
class Matcher
{
public:
    static const Matcher &instance();
    // Which prefilter strings occur in `text` (ASCII letters folded), and where: one pass.
    void scan(std::string_view text, Scan &out) const;
    [[nodiscard]] static bool mayMatch(const Compiled &c, const Scan &scan);
    // The segments where a local pattern may match, in order (empty for a pattern that is not local).
    static void segmentsOf(const Compiled &c, const Scan &scan, std::vector<std::uint32_t> &out);
    // The first segment that holds one of c's strings (c has some, and mayMatch).
    [[nodiscard]] static std::uint32_t firstSegment(const Compiled &c, const Scan &scan);
    [[nodiscard]] Compiled compile(const Pattern &p, bool caseInsensitive = true);
    // A pattern about to be tried: compiled now if it was not (throws std::logic_error if invalid).
    [[nodiscard]] static const QRegularExpression &ready(const Compiled &c);
    // Whether every pattern compiles (compiling them all: for the tests).
    [[nodiscard]] bool allValid() const;

    std::vector<Compiled> heads; // by heads() order
    std::vector<Compiled> figurative, safeDeny, mixClasses;
    Compiled abuser, kinSubj, fhx, report, vehicle, joke, nojoke, therapeutic, screen, preNeg, postNeg, askedNo, clauseEnd,
        violentAct, adultOther, suicidePlanContext;

private:
    Matcher();
    int factorId(const std::string &s, bool word);
    void build(); // the automaton over every factor
    std::vector<std::string> factorTexts;
    std::vector<bool> wordOnly; // by string id: found only as a word of its own
    std::vector<std::int32_t> next; // state * alphabet -> state
    std::vector<std::uint32_t> table; // the same, as the scan reads it: target row * 2, | 1 when strings end there
    std::vector<std::vector<int>> outputs; // state -> factor ids ending there
    std::array<std::uint8_t, 256> alphabet{};
    int alphabetSize = 1;
};

// One note as the net reads it (the text in UTF-16, as the patterns see it) and the exclusions'
// tests over it (broadexclusions.cpp). Offsets are UTF-16 indexes into `text`.
class Reading
{
public:
    explicit Reading(QString text);
    const QString text;
    [[nodiscard]] std::pair<qsizetype, qsizetype> sentenceBounds(qsizetype i, qsizetype j) const;
    [[nodiscard]] std::pair<qsizetype, qsizetype> clauseBounds(qsizetype i, qsizetype j) const;
    // The last match of the person pattern in [from, to), or an invalid match.
    [[nodiscard]] QRegularExpressionMatch kinBefore(qsizetype from, qsizetype to) const;
    [[nodiscard]] bool negated(qsizetype i, qsizetype j, qsizetype headStart) const;
    [[nodiscard]] bool otherPerson(qsizetype i, qsizetype j) const;
    [[nodiscard]] bool abuseActOk(qsizetype i, qsizetype j) const;
    [[nodiscard]] QStringView slice(qsizetype from, qsizetype to) const;

private:
    [[nodiscard]] qsizetype previousEnd(qsizetype i) const; // the last . ! ? or line end before i, or -1
    [[nodiscard]] std::pair<qsizetype, qsizetype> findClause(qsizetype i, qsizetype j) const;
    // The last clauseBounds asked for: each exclusion asks again for the same head's.
    mutable std::pair<qsizetype, qsizetype> lastHead { -1, -1 };
    mutable std::pair<qsizetype, qsizetype> lastClause { -1, -1 };
    [[nodiscard]] qsizetype nextEnd(qsizetype j) const; // the first at or after j, or the length
};

// What the net found: a head present or denied, or a negative screen ("feels safe at home").
struct Hit
{
    int risk; // index in the ids given to read()
    const char *kind; // the head's kind; "mixing" for a mix of substances, "screen" for a negative screen
    qsizetype start; // UTF-16 span in the note
    qsizetype end;
    bool denied;
};

// The kinds of head, by index (a risk finding keeps the index): ideation, attempt, plan,
// self-injury, threat, act, overdose, violence, mixing, screen, topic (the topic reading's), history
// (a stopped habit of self-harm: "not cut for 40 days").
int kindIndex(std::string_view kind);
const char *kindName(int index);

// Reads a note; riskIds are the codebook's risk ids (a head whose risk is not there is skipped).
void read(std::string_view utf8, const std::vector<QString> &riskIds, std::vector<Hit> &out);

} // namespace uc::themes::broad
