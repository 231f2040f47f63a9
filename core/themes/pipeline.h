// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the stages of the tagger share: the compiled codebook (Tagger::Impl), tokens and mentions.
// The stages, in the order tag() runs them:
//   tokens.cpp    words, sentences, clauses, quotes and passages; each word looked up once
//   match.cpp     phrases of themes and predicates, exceptions, overlaps
//   senses.cpp    word senses ("high school" is not use) and objects ("craving a drink")
//   persons.cpp   the register of each passage and who each person word is
//   frames.cpp    a role and a predicate in one clause make a theme (kin + conflict)
//   context.cpp   negation, hypothetical and whose experience each mention is
//   links.cpp     substances of use, and use tied to a driver (anxiety-driven use)
//   risks.cpp     the risk flags' own context policy over their mentions (riskrules.cpp: acts of
//                 violence, mixing, lost tolerance, fields; riskreading.cpp: the learned reading)
//   results.cpp   code-point spans, evidence by theme, exclusions, risks
// compile.cpp, compilerules.cpp and compilerisks.cpp build the Impl from a codebook once. The
// risk phrases are matched in the same pass as the themes' and read with their own rules.
#include "themes/lexicon.h"
#include "themes/reading.h"
#include "themes/tagger.h"
#include "themes/wordtable.h"

#include <QString>

#include <array>
#include <cstdint>
#include <functional>
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
    bool negator = false; // or, for "not" in a predicate, any negation ("never", "haven't")
    bool age = false; // or, for "#age", an age under eighteen ("when she was seven")
};

// What a risk phrase is to its risk (codebook "risks").
enum class RiskKind : std::uint8_t {
    None, // a theme's or a predicate's phrase
    Group, // a risk said: counted by the risk rules
    Exception, // another sense, not a risk
    NetException, // another sense that also claims the broad net's head on its words (riskclaims.cpp)
    Figurative, // a figure of speech
    Others, // only ever someone else's
    Screen, // a screen whose result is the status
    Denial, // a negative screen in itself
    Act, // an act of violence: who does it to whom decides
    Abstinence, // a break from use (lost tolerance)
    Control, // an act of control: by a partner or family member over the client, abuse
    Keeping, // putting something by ("saving", "put aside"): with a means after it, preparation
    Dose, // a verb of taking ("took", "swallowed"): with a count no dose is and a medicine, an attempt
    Wish, // a death word ("dead", "die"): after a wish word, the client's, a passive wish
    SelfAct, // an act verb ("cut", "burn"): on one's own body, self-injury
};

struct Phrase
{
    int theme = -1; // the theme's index, or -1 for a predicate's phrase
    int predicate = -1; // the predicate class's index
    QString text;
    QString rule; // "phrase:<text>", made once
    std::vector<PatternWord> words;
    std::size_t anchor = 0; // the word looked up first: the longest, so common words ("her") rarely start a try
    bool exception = false; // cancels the theme's mentions it overlaps ("used to" for substance-use)
    std::vector<int> senses; // sense rules that decide whether a one-word mention counts
    std::vector<std::int32_t> exactForms; // the written form and its plural, for the "exact" rule
    bool namesMe = false; // a word of it is "me": about whoever "me" is ("annoys me")
    int risk = -1; // a risk phrase's risk index (-1 for acts)
    RiskKind riskKind = RiskKind::None;
    std::int16_t group = -1; // for RiskKind::Group: the group's index in its risk
};

// A phrase to try where its anchor word is found, with what the word next to the anchor must
// look like: most tries fail on that neighbour, and this turns them away without touching the
// phrase itself.
struct Start
{
    // What a word near the anchor must be, as one test per phrase: PatternWord::formBits of the
    // neighbour on its side ([0] before, [1] after; zero on the other side and for the kinds in
    // `needs`), or any of the conditions in `needs` (the bits of Start::Need).
    std::array<std::uint64_t, 2> neighbourBits{};
    std::int32_t phrase = 0;
    std::int32_t neighbourPrefix = -1;
    std::int32_t step = 0; // where the neighbour is: -1 before, +1 after, 0 a one-word phrase
    std::uint8_t needs = 0;
    enum Need : std::uint8_t {
        Always = 1, // a one-word phrase: nothing to look for
        NegationBefore = 2, // the neighbour is "not" (any negation), before the anchor
        NegationAfter = 4,
        AgeBefore = 8, // the neighbour is an age under eighteen
        AgeAfter = 16,
        Prefix = 32, // the neighbour is a prefix pattern: looked for word by word
    };
};

// 32 bytes: a note of 2,000 words is 64 KiB of tokens, written once and read by every stage.
struct Token
{
    std::uint32_t start = 0; // byte offsets
    std::uint32_t end = 0;
    std::int32_t form = -1;
    std::uint32_t sentence = 0;
    std::uint64_t flags = 0;
    std::int16_t prefix1 = -1; // prefix ids ("abandon*"); at most maxPrefixes
    std::int16_t prefix2 = -1;
    // Compared only between nearby words, so it may wrap: a clause is never 65,536 clauses long.
    std::uint16_t clause = 0;
    std::int8_t role = -1; // role class of a person word
    std::int8_t substance = -1; // substance class a word names
};
static_assert(sizeof(Token) == 32);

constexpr std::int32_t maxPrefixes = 32767;

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
    std::uint32_t anchor = 0; // where context is read from: the predicate of a frame, else `first`
    std::int16_t frame = -1; // the frame that made it ("frame:<role>+<predicate>")
    std::int8_t role = -1; // and the role class that filled it
    std::int8_t substance = -1; // the substance class of a use, craving or relapse
    std::int8_t reading = -1; // the learned reading's (themereading.cpp): its percent, "reading:0.62"
    // The rule is the phrase's ("phrase:…"), the frame's, or for a driver link (phrase -1) the
    // theme's "link:…": looked up when the result is built, so a mention is plain data.
};

// Who a person word is, in its passage's register.
struct Person
{
    enum Who : std::uint8_t { None, Client, Clinician, Other };
    Who who = None;
    std::int8_t role = -1; // the role class (of the word, or of the person a pronoun points back to)
    std::int32_t token = -1; // the word that names them (a pronoun's antecedent)
};

enum class Voice : std::uint8_t { Client, Clinical };

// A run of text between blank lines, with what its register is decided on.
struct Passage
{
    std::uint32_t firstToken = 0;
    std::uint32_t firstPerson = 0; // I, me, my … outside quotes
    std::uint32_t thirdPerson = 0; // she, he as subjects
    std::uint32_t clientWords = 0; // pt, client, writer, clinician; section headers
    std::uint32_t myRole = 0; // "my mum", "my boyfriend"
    std::uint32_t firstStarts = 0; // sentences that start with I or my
    std::uint32_t thirdStarts = 0; // sentences that start with she or he
    std::uint32_t informal = 0; // im, dont, lol, a lower-case "i": the writer's own words
    std::uint32_t female = 0; // she, her … (for whom "she" is in a note)
    std::uint32_t male = 0;
    Voice voice = Voice::Client;
};

// One call's working state; kept per thread and reused (a note is tagged on every pause).
struct Text
{
    std::string_view bytes;
    std::vector<Token> tokens;
    std::vector<Passage> passages;
    std::vector<Mention> predicates; // mentions of predicate classes, for the frames
    std::uint64_t clientGender = 0; // Female or Male in a clinical note whose client is clear
    std::vector<std::uint32_t> roleTokens; // the words that name a person (role words), in order
    std::vector<std::uint32_t> lineStarts; // the words that start a line, in order
    std::vector<std::uint32_t> substanceTokens; // the words that name a substance class, in order
    std::vector<Mention> riskMentions; // mentions of risk phrases (theme = the risk index)
    // The sentences as the learned readings see them (reading.cpp); the first readSentenceCount
    // are this call's.
    std::vector<ReadSentence> readSentences;
    std::size_t readSentenceCount = 0;
};

// A risk mention as the risk rules decide it.
struct RiskFinding
{
    enum Status : std::uint8_t { Present, Denied, Figurative, OtherPerson };
    enum Rule : std::uint8_t { Phrase, Field, Screen, Act, Mixing, Tolerance, Attempt, Keeping, Ingestion, Wish, SelfAct, Broad, Reading };
    int risk = -1;
    std::uint32_t first = 0; // token indexes, inclusive
    std::uint32_t last = 0;
    Status status = Present;
    Rule rule = Phrase;
    int phrase = -1; // the phrase (Phrase, Screen, Act; the abstinence phrase for Tolerance)
    int rank = 0; // how severe the kind of evidence is: the group's index, then act, field, screen
    std::int8_t classA = -1; // Mixing: the two substance classes; Broad: the kind (broad::kindName); Reading: the percent
    std::int8_t classB = -1;
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
// and beyond them, words of a prepositional phrase after an absence word ("nobody from my old team
// texts me", "no one at work talks to me").
constexpr int modifierGap = 2;
constexpr std::size_t modifierLength = 4; // the preposition and the words after it
// A phrase never spans two clauses, nor skips a negation ("wants to stop smoking" is not "want
// to smoke").
constexpr std::uint64_t noGap = Clause | Coord | Term | Neg | Cessation;
constexpr int negationWindow = 6;
constexpr std::uint32_t hypotheticalWindow = 14;
constexpr std::uint64_t personFlags = Client | FirstPerson | ThirdPerson | We | They | Role | Female | Male;
// Words that are not nouns, verbs or adjectives of the text's content.
constexpr std::uint64_t functionFlags = Neg | Term | Hypo | Prep | Possessive | Clause | Link | Coord | Det
                                        | Copula | Adverbial | Intensifier | Particle | Comp | FearLink | Almost
                                        | ConseqLink | PostNeg | Number | personFlags;

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
    std::vector<std::string> formTexts; // while compiling: form id -> form
    std::vector<std::int8_t> prefixSubstance; // prefix id -> substance class ("benzo*": sedatives)
    // What the prefix patterns make of a word in the table, found when the codebook is compiled.
    struct PrefixHit
    {
        std::int16_t prefix1 = -1;
        std::int16_t prefix2 = -1;
        std::int8_t substance = -1;
        bool substanceSet = false;
    };
    std::vector<PrefixHit> prefixHits;
    std::vector<QString> linkRules; // theme index -> "link:<use>+<driver>" for driver-linked themes
    struct Related
    {
        int driver = -1; // for a driver-linked theme: its driver and use themes
        int use = -1;
        int otherPerson = -1; // the enabled theme a family member's mention counts for
        std::vector<int> objectOf; // themes whose object a mention of this one can be
        bool namesSubstance = false;
    };
    std::vector<Related> themeIndex; // by theme index
    std::vector<bool> objectTheme; // by theme index: some theme is object_of it (craving): a state, not an event

    struct CompiledFrame
    {
        std::uint32_t roles = 0; // bit per role class
        std::uint32_t with = 0;
        int predicate = -1;
        bool agent = false;
        bool sentence = false;
        std::vector<int> themes;
        // "frame:kin+conflict" by role class; with a second role, "frame:clinician+kin+likening"
        std::vector<QString> rules;
    };
    std::vector<CompiledFrame> frames;
    std::vector<std::vector<int>> framesByPredicate;
    std::vector<RoleClass::Kind> roleKinds; // by role class
    std::int8_t clinicianRole = -1; // the first role class of kind clinician: "I" in a note
    std::vector<bool> predicatePersonObject; // by predicate class
    std::vector<bool> predicateTimeObject; // ... or a time or companion after it ("left in May")
    std::vector<std::int8_t> predicateRole; // by predicate class: whom an unnamed party is taken to be

    enum class SenseKind : std::uint8_t { Predicative, Object, Infinitive, Noun, Near, NotNear, Prescribed, Exact, Self };
    struct CompiledSense
    {
        SenseKind kind;
        std::vector<std::int32_t> cues; // form ids, sorted
        std::vector<std::int32_t> misuse;
    };
    std::vector<CompiledSense> senses;
    std::vector<QString> substanceIds; // the codebook's substance classes, by index

    // Risk flags (compilerisks.cpp).
    struct CompiledRisk
    {
        RiskDefinition::Whose whose = RiskDefinition::Whose::Self;
        int againstClient = -1; // agent risks: the risk another's act against the client counts for
        std::vector<std::int32_t> figurativeCues; // form ids, sorted
        std::vector<std::pair<std::int8_t, std::int8_t>> mixing; // substance class pairs
        std::vector<int> useThemes; // theme indexes
        std::uint32_t useClasses = 0; // bit per substance class
        std::vector<QString> needsSubstance; // phrase texts that count only with a drug or its use near
    };
    std::vector<CompiledRisk> risks; // by the codebook's risk order
    int actAgainstClient = -1;
    int actByClient = -1;
    int fieldRisk = -1;
    int intentFrom = -1;
    std::uint32_t childRoles = 0; // bit per role class
    std::vector<std::int32_t> riskAcronyms; // form ids, sorted
    std::vector<std::int32_t> riskQuestions;
    std::vector<std::int32_t> riskAffirmations;
    std::vector<std::int32_t> riskLevels;
    std::vector<std::int32_t> riskLowLevels;
    std::int32_t riskWord = -1; // "risk", the word of a bare risk field
    std::vector<std::int32_t> riskFiction; // form ids, sorted
    std::vector<std::int32_t> riskIntentCues;
    std::vector<std::int32_t> keepingMeans; // form ids, sorted: what kept by is a means ("tablets", "insulin")
    std::vector<std::int32_t> ingestionVerbs; // form ids, sorted: "took", "swallowed", "ingestion"
    std::vector<std::int32_t> ingestionQuantities; // form ids, sorted: "packet", "handful", "sixteen"
    std::vector<std::string> ingestionStems; // a medicine's generic name ends so: "pam", "olol"
    std::vector<std::int32_t> wishWords; // form ids, sorted: "wish", "want", "pray"
    int wishRisk = -1;
    int wishGroup = -1;
    std::vector<std::int32_t> selfActBody; // form ids, sorted: "arms", "wrists", "thighs"
    std::vector<std::int32_t> selfActAccidents; // form ids, sorted: "accidentally", "oven"
    int selfActRisk = -1;
    int selfActGroup = -1;
    int ingestionRisk = -1;
    int ingestionGroup = -1;
    std::vector<QString> broadIds; // the risks' ids, for the broad net (broadnet.cpp)
    std::array<int, readingRiskCount> readingRisk{}; // by readingRiskIds: the codebook's risk index, or -1
    std::array<int, readingThemeCount> readingTheme{}; // by readingThemeIds: the codebook's theme index, or -1
    // While the risk phrases compile: a person word stands for every person ("takes her wages" is
    // also "takes my wages"), "until" for "till".
    bool riskVariants = false;

    explicit Impl(const Codebook &book);
    void compile();
    void compileRules(); // roles, substances, predicates, frames, senses (compilerules.cpp)
    void compileRisks(); // compilerisks.cpp
    [[nodiscard]] int compilePhrase(const QString &text, int theme, int predicate, bool exception);
    [[nodiscard]] std::int32_t formId(const std::string &form);
    // Every form of every word of a list, as sorted, distinct form ids (cue lists of the rules).
    [[nodiscard]] std::vector<std::int32_t> formIds(const QList<QString> &list);
    [[nodiscard]] std::int32_t prefixId(const std::string &prefix);
    [[nodiscard]] bool hasForm(const std::vector<std::int32_t> &sorted, const Token &t) const;

    // tokens.cpp
    void tokenize(std::string_view text, Text &out) const;
    [[gnu::always_inline]] inline void classify(Token &t, std::string_view folded, std::uint64_t hash) const;
    void matchPrefixes(Token &t, std::string_view key) const;
    void cachePrefixes(); // fills prefixHits and each table word's prefixHit
    // match.cpp
    void match(Text &text, std::vector<Mention> &mentions) const;
    static void markAbsenceModifiers(std::vector<Token> &tokens, std::string_view bytes);
    // Overlapping mentions with the same key (theme, predicate class) are one: the longest.
    template<typename Key>
    void keepLongest(std::vector<Mention> &mentions, Key key, qsizetype keys) const;
    // senses.cpp
    void applySenses(const Text &text, std::vector<Mention> &mentions) const;
    [[nodiscard]] bool senseHolds(const Text &text, const Mention &m, const CompiledSense &sense) const;
    // persons.cpp
    void decideRegister(Text &text, Register requested) const;
    [[nodiscard]] Voice voiceAt(const Text &text, std::size_t i) const;
    [[nodiscard]] Person personAt(const Text &text, std::size_t i) const;
    // -1 the client (or unknown), else the index of the other person's token
    [[nodiscard]] int otherSubject(const Text &text, const Mention &m) const;
    // The person a phrase names as its object ("annoys me"), else `subject`.
    [[nodiscard]] int experiencer(const Text &text, const Mention &m, int subject) const;
    // The person word that is the subject of the clause at `at` (or of the clause it is reduced
    // from), or the possessor of the act; -1 when there is none.
    [[nodiscard]] int subjectOf(const Text &text, std::size_t at) const;
    // frames.cpp
    void applyFrames(Text &text, std::vector<Mention> &mentions) const;
    // context.cpp
    void applyContext(const Text &text, std::vector<Mention> &mentions) const;
    [[nodiscard]] bool negated(const Text &text, const Mention &m, const std::vector<std::uint32_t> &mentionEnds) const;
    [[nodiscard]] bool hypothetical(const Text &text, const Mention &m) const;
    [[nodiscard]] bool zeroRating(const Text &text, const Mention &m) const;
    [[nodiscard]] bool planLine(const Text &text, const Mention &m) const;
    [[nodiscard]] bool topic(const Text &text, const Mention &m) const;
    // links.cpp
    void nameSubstances(const Text &text, std::vector<Mention> &mentions) const;
    void linkDrivers(const Text &text, std::vector<Mention> &mentions) const;
    // risks.cpp
    void readRisks(Text &text, const std::vector<Mention> &themeMentions, std::vector<RiskFinding> &out) const;
    [[nodiscard]] bool riskNegated(const Text &text, std::uint32_t first, std::uint32_t last) const;
    // The answer a question about a risk got: -1 no, 1 yes, 0 none (riskanswers.cpp). A checklist's
    // item whose mention spans first..last; any question about the mention (a form's, a checklist's, one asked).
    [[nodiscard]] int checklistAnswer(const Text &text, std::uint32_t first, std::uint32_t last) const;
    [[nodiscard]] int answerTo(const Text &text, const Mention &m, bool strict = false) const;
    // A joke word (not a laugh) in the sentence of the token `at`.
    [[nodiscard]] bool jokeWordIn(const Text &text, std::uint32_t at, const std::vector<std::int32_t> &cues) const;
    // riskrules.cpp
    void readActs(const Text &text, const std::vector<Mention> &acts, std::vector<RiskFinding> &out) const;
    void readControl(const Text &text, const std::vector<Mention> &control, std::vector<RiskFinding> &out) const;
    void readKeeping(const Text &text, const std::vector<Mention> &keeping, std::vector<RiskFinding> &out) const;
    void readIngestion(const Text &text, const std::vector<Mention> &doses, std::vector<RiskFinding> &out) const;
    void readWishes(const Text &text, const std::vector<Mention> &wishes, std::vector<RiskFinding> &out) const;
    void readSelfActs(const Text &text, const std::vector<Mention> &selfActs, std::vector<RiskFinding> &out) const;
    void readAttempts(const Text &text, std::vector<RiskFinding> &out) const;
    // reading.cpp: the note's sentences as the learned readings see them, once a call
    void readSentences(Text &text) const;
    // Sets the bits `labels` in skip[s] for each sentence s the tokens first..last touch: not read for those.
    void skipReadSentences(const Text &text, std::uint32_t first, std::uint32_t last, std::uint32_t labels,
                           std::vector<std::uint32_t> &skip) const;
    // riskreading.cpp: the learned reading, for the risks the rules left without a status
    void readReading(const Text &text, std::vector<RiskFinding> &out) const;
    // themereading.cpp: the learned reading, for the themes the rules found no mention of
    void readThemes(const Text &text, std::vector<Mention> &mentions) const;
    // broadnet.cpp: the broad net's findings, beside the rules'
    void readBroad(const Text &text, std::vector<RiskFinding> &out) const;
    [[nodiscard]] bool inFiction(const Text &text, std::uint32_t first, std::uint32_t last) const;
    void readMixing(const Text &text, std::vector<RiskFinding> &out) const;
    void readTolerance(const Text &text, const std::vector<Mention> &events, const std::vector<Mention> &themeMentions,
                       std::vector<RiskFinding> &out) const;
    void readRiskFields(const Text &text, const std::vector<Mention> &labelled, std::vector<RiskFinding> &out) const;
    // riskclaims.cpp: after both readings, what claims a finding: the codebook's other senses, the
    // point of a named thing, a thought about "it" with nothing before, alone with no word of use
    // near, the client's own threat
    void claimRisks(const Text &text, const std::vector<Mention> &themeMentions, const std::vector<Mention> &claims,
                    const std::vector<Mention> &events, std::vector<RiskFinding> &out) const;
    // The nearest person word before `first` in its sentence (not a possessive pronoun), or -1.
    [[nodiscard]] int personBefore(const Text &text, std::uint32_t first) const;
    // A mention's status: denied when negated, someone else's when the person named before it in its
    // sentence is another person (a role word), the client's otherwise.
    [[nodiscard]] RiskFinding::Status statusByWhoseBefore(const Text &text, const Mention &m) const;
    // The person word an act is done to: inside it ("choked her") or right after it, or -1.
    [[nodiscard]] int victimOf(const Text &text, std::uint32_t first, std::uint32_t last) const;
    [[nodiscard]] bool isChild(const Person &p) const;
    // results.cpp
    [[nodiscard]] const QString &frameRule(const Mention &m) const;
    // One result per risk with a status, present over denied; exclusions merged in text order.
    void riskResults(const std::vector<RiskFinding> &findings, TagResult &result,
                     const std::function<int(std::uint32_t)> &codePoint,
                     const std::function<QString(std::uint32_t, std::uint32_t)> &slice,
                     const std::vector<Token> &tokens) const;
};

} // namespace uc::themes
