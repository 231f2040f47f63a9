// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// The codebook: the themes the tagger looks for, each with its phrases, and the data its rules
// read — classes of people (roles), classes of acts (predicates), the frames that combine them
// into themes, substance classes and word senses. The default ships inside the library
// (codebook.json, versioned); a vault keeps a user's edits on top of it.
namespace uc::themes {

struct Theme
{
    QString id; // "abandonment"
    QString label;
    QString group;
    QString description;
    QList<QString> phrases; // "felt alone", "abandon*" (prefix), plain words also match inflections
    // Phrases that cancel a mention they overlap: "used to" is not use, "urge to use" is a craving.
    QList<QString> exceptions;
    // "client": a mention counts only when the client is the one feeling or doing it;
    // "any": the theme is about what others do to the client (abandonment, trauma, childhood).
    bool clientSubject = true;
    // Hypothetical or future mentions count too (plans: "will attend AA").
    bool futureCounts = false;
    // When someone in the client's family is the subject, the mention counts for this theme
    // instead ("her father drank" -> family-substance-use).
    QString otherPersonTheme;
    // A mention inside or just after a mention of one of these themes is that mention's object,
    // not one of its own ("craving a drink" is a craving, not a drink).
    QList<QString> objectOf;
    // Evidence names its substance class ("substance": "alcohol").
    bool namesSubstance = false;
    // Driver-linked use: counts when a counted `use` mention and a counted `driver` mention stand in
    // one sentence, tied by purpose, cause or time ("drinks when she feels abandoned").
    QString driver;
    QString use;
    bool enabled = true;

    [[nodiscard]] bool isDriverLink() const { return !driver.isEmpty(); }
};

// A class of people: "kin", "partner", "clinician" … Words are single words (they match their
// inflections: mother, mothers, mother's); female and male words also tell whom "she" or "he" can
// point back to.
struct RoleClass
{
    enum class Kind { Family, Other, Clinician };
    QString id;
    Kind kind = Kind::Other;
    QList<QString> words; // neither or both
    QList<QString> female;
    QList<QString> male;
};

// A class of acts: "conflict", "harm", "leaving" … Phrases as in themes; a leading "not" matches
// any negation ("not speak" matches "haven't spoken", "never speaks").
struct PredicateClass
{
    QString id;
    QList<QString> phrases;
    // The act counts only with a person (or nothing) as its object: "left her" and "left when she
    // was five", not "left the room".
    bool personObject = false;
    // With "person-or-time": a time or a companion may follow too ("left in May", "left with the
    // kids"), not a place or a purpose ("left for work").
    bool timeObject = false;
    // Whom a party no word names is taken to be: "he dumped her" is about a partner.
    QString role;
};

// A role and a predicate in one clause, mapping to themes: kin + conflict -> family-conflict.
struct Frame
{
    QList<QString> roles; // any of these role classes
    QList<QString> with; // and, when given, one of these too (clinician + kin + likening)
    QString predicate;
    bool agent = false; // the role must be the one doing it, not the client ("her father hit her")
    bool sentence = false; // role and predicate anywhere in one sentence, not one clause
    QList<QString> themes;
};

// A substance class of the evidence: alcohol, opioids, stimulants, cannabis, sedatives, nicotine,
// other. `words` name it; `defaults` are words that name it unless a more specific substance
// stands next to them ("smoking" is nicotine, "smoking weed" cannabis).
struct SubstanceClass
{
    QString id;
    QList<QString> words;
    QList<QString> defaults;
};

// A word-sense rule over one-word phrases of the listed themes (all themes when empty):
//  predicative  counts only as a predicate ("got high", "was wasted"), not before a noun ("high
//               school"), after a thing ("blood pressure was high") or as a noun ("a runner's high");
//               cues may stand before it instead of a verb ("mood: low")
//  object       counts with no object, or a substance as its object or before it ("used again",
//               "used heroin", "cocaine use"), not "uses humour"
//  infinitive   counts unless it wants something else: "the urge to use", not "an urge to rescue
//               her"; cues name what it may want
//  noun         counts as a noun standing alone, not before another noun ("joint account") or
//               after a cue ("knee joint")
//  near         counts only with a cue within three words ("did shots", not "took some shots")
//  not-near     counts only without a cue within three words ("drinking water")
//  prescribed   does not count when a cue says it was prescribed and no misuse cue stands in the
//               sentence ("takes her pills as prescribed")
//  exact        only the written form and its plural ("crack", not "cracked")
//  self         a feeling about oneself: after a word that points at what it is about (by, with,
//               at, that …) counts only when a cue (myself, I …) follows within three words
//               ("disgusted with myself", not "disgusted with him"); alone, or as a quality
//               ("something disgusting"), it counts
struct SenseRule
{
    QString rule;
    QList<QString> words;
    QList<QString> cues;
    QList<QString> misuse; // "prescribed" only
    QList<QString> themes;
};

// Risk flags: a second rule set over the same tokens (docs/risk.md). Each risk is data — its
// phrases in groups by kind (plan, passive wish, past attempt …), the senses that are not a risk,
// the figures of speech, the phrases that only ever speak of someone else, the screens whose
// result is a status; the kinds of rule (whose act counts, conditionals, denials, fields) are code.
struct RiskGroup
{
    QString name; // "plan", "passive-wish", "past-attempt": the evidence's kind, most severe first
    QList<QString> phrases;
};

struct RiskDefinition
{
    // Whose act makes it the client's risk:
    //  self    the client's own (suicide, self-harm, overdose); someone else's is other-person
    //  agent   the client doing it to someone (harm-to-others); someone else doing it to the client
    //          counts for `againstClient` (abuse), to a third person is other-person
    //  victim  done to the client or a child (abuse); to another adult is other-person
    enum class Whose { Self, Agent, Victim };
    QString id; // "suicide"
    QString label;
    QString description;
    Whose whose = Whose::Self;
    QString againstClient; // for agent risks
    QList<RiskGroup> groups;
    QList<QString> exceptions; // another sense, not a risk at all: "substance abuse", "treatment plan"
    // Another sense that also claims the broad net's head on the same words ("lost her car keys",
    // "die her hair"); a plain exception is written for the rules' phrases and claims only those.
    QList<QString> netExceptions;
    QList<QString> figurative; // figures of speech, excluded as figurative: "killing time", "cut from the team"
    QList<QString> others; // only ever someone else's: "died by suicide", "lost her brother to an overdose"
    QList<QString> screens; // a screen whose result after it is the status: "C-SSRS negative", "C-SSRS: positive"
    QList<QString> denials; // a negative screen in itself: "feels safe at home"
    QList<QString> figurativeCues; // in the sentence, a mention is a figure of speech: "jokingly", "lol"
    // Substance classes that are a risk taken together, "opioids+alcohol": named in one clause,
    // tied by "and", "with", "on top of" … (mixing).
    QList<QString> mixing;
    // A break from use ("detox", "prison", "months clean") beside the client's own use of one of
    // `useClasses` (a counted mention of one of `useThemes`): use after lost tolerance.
    QList<QString> abstinence;
    QList<QString> useThemes;
    QList<QString> useClasses;
    // Phrases of its groups that count only where a drug or its use is named near ("mixing", "on my
    // own"): within the sentence, the two before or the one after. Not mixing paint, not a walk alone.
    QList<QString> needsSubstance;
};

struct RiskRules
{
    QList<RiskDefinition> risks;
    // Acts of violence: with a person after them, who does it to whom makes it abuse (to the client
    // or a child) or harm to others (the client to someone else).
    QList<QString> acts;
    QString actAgainstClient; // "abuse"
    QString actByClient; // "harm-to-others"
    QList<QString> childRoles; // role classes that are a child: any act against them is a risk ("child")
    // Acts of control ("decides what she wears", "monitors his emails"): by a partner or family
    // member, with the client (or what is theirs) after them in the clause, abuse.
    QList<QString> control;
    QList<QString> fiction; // a story, a film, a lesson: "a character who overdoses" is no one's risk
    QList<QString> intentCues; // "intentional", "deliberate": an overdose said so is an attempt
    QString intentFrom; // the risk those cues move to field_risk ("overdose")
    // Putting a means by ("has been saving her sleeping tablets", "a stash of insulin"): a keeping
    // phrase with a means word after it in the sentence is `keepingRisk` present, reported as its
    // group `keepingGroup` (suicide, preparation).
    QList<QString> keeping;
    QList<QString> keepingMeans;
    QString keepingRisk;
    QString keepingGroup;
    // Taking a means in a quantity no dose is ("took 32 of her co-codamol", "swallowed a packet of
    // paracetamol"): a verb of taking, then a count of at least eight or a quantity word, then a
    // means word (`keepingMeans`), in one sentence, is `ingestionRisk` present, reported as its
    // group `ingestionGroup` (suicide, attempt).
    QList<QString> ingestionVerbs;
    QList<QString> ingestionQuantities;
    QList<QString> ingestionStems; // how a medicine's generic name ends ("pam", "olol", "oxetine")
    QString ingestionRisk;
    QString ingestionGroup;
    // A wish for death: a wish word ("wish", "want", "pray", "rather") before a death word ("dead",
    // "die", "not exist") in one clause, with no one else named between, is `wishRisk` present,
    // reported as its group `wishGroup` (suicide, passive-wish).
    QList<QString> wishWords;
    QList<QString> wishHeads;
    QString wishRisk;
    QString wishGroup;
    // An act on one's own body: an act verb ("cut", "burn", "starve") with a reflexive or a body
    // word after it ("starving himself", "cut her thighs") is `selfActRisk` present, reported as
    // its group `selfActGroup` (self-harm, self-injury), unless an accident is in the sentence.
    QList<QString> selfActs;
    QList<QString> selfActBody;
    QList<QString> selfActAccidents;
    QString selfActRisk;
    QString selfActGroup;
    QList<QString> acronyms; // counted only in capitals: SI, HI, DV ("said hi", "si" are not)
    QList<QString> questions; // "asked", "screened": the answer that follows is the status
    QList<QString> affirmations; // answers that say yes: "endorsed", "yes", "positive"
    QList<QString> levels; // a field's value that is a risk: "Risk: high"
    QList<QString> lowLevels; // a field's value that is neither present nor denied: "Risk: low"
    QString fieldRisk; // the risk a bare "Risk:" field speaks of
};

class Codebook
{
public:
    // Everything beside the themes.
    struct Rules
    {
        QList<RoleClass> roles;
        QList<PredicateClass> predicates;
        QList<Frame> frames;
        QList<SubstanceClass> substances;
        QList<SenseRule> senses;
        RiskRules risks;
    };

    // The codebook shipped with this build.
    static const Codebook &builtin();
    // Parses a codebook document; throws uc::Error(Io) "codebook: line N: reason" when malformed.
    // Sections it leaves out (roles, predicates, frames, substances, senses, risks) are the
    // built-in codebook's; frames naming a theme the document lacks are then left out.
    static Codebook parse(const QByteArray &json);
    // Applies a user's edits (same format: "themes" adds or extends, "disabled" lists ids; "roles",
    // "predicates" and "substances" add classes or extend them with words; "frames" and "senses"
    // add entries; "risks" adds phrases to a risk's groups and lists, or new risks); throws
    // uc::Error(Io) with the line and reason, leaving this codebook unchanged.
    void applyEdits(const QByteArray &json);

    [[nodiscard]] int version() const { return m_version; }
    [[nodiscard]] const QList<Theme> &themes() const { return m_themes; }
    [[nodiscard]] const Theme *find(const QString &id) const;
    [[nodiscard]] const QList<RoleClass> &roles() const { return m_rules.roles; }
    [[nodiscard]] const QList<PredicateClass> &predicates() const { return m_rules.predicates; }
    [[nodiscard]] const QList<Frame> &frames() const { return m_rules.frames; }
    [[nodiscard]] const QList<SubstanceClass> &substances() const { return m_rules.substances; }
    [[nodiscard]] const QList<SenseRule> &senses() const { return m_rules.senses; }
    [[nodiscard]] const RiskRules &risks() const { return m_rules.risks; }
    [[nodiscard]] const RiskDefinition *findRisk(const QString &id) const;
    // A theme's or a risk's label, or the id itself when the codebook has none (a theme a later
    // edit removed still reads as something).
    [[nodiscard]] QString labelOf(const QString &themeId) const;
    [[nodiscard]] QString riskLabelOf(const QString &riskId) const;
    [[nodiscard]] QByteArray toJson() const;

private:
    static Codebook parseDocument(const QByteArray &json, const Codebook *defaults);
    void validate(const QByteArray &source) const;

    int m_version = 0;
    QList<Theme> m_themes;
    Rules m_rules;
};

} // namespace uc::themes
