// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The words the context rules read (negation triggers, subjects, links …) as bit flags.
#include <cstdint>

namespace uc::themes::detail {

enum Flag : std::uint64_t {
    Neg = 1ull << 0, // no, not, never, denies, without, n't …
    PseudoAfterNeg = 1ull << 1, // "not ONLY", "can't STOP": the negation does not negate
    Term = 1ull << 2, // ends a negation or hypothetical scope: but, however, although …
    Hypo = 1ull << 3, // if, would, might, may, will, unless …
    Fear = 1ull << 4, // afraid, worried … (+ of/about/that: what follows is feared, not happening)
    Client = 1ull << 5, // pt, client, patient: the client by name of role
    Family = 1ull << 6, // mother, father, partner … (the codebook's roles of kind "family")
    OtherNonFamily = 1ull << 7, // friend, boss, peers … (roles of kind "other")
    Prep = 1ull << 8, // with, to, from, about …
    Possessive = 1ull << 9, // her, his, my, their
    Clause = 1ull << 10, // and, because, when, that … start a new clause
    Link = 1ull << 11, // because, when, whenever, after, since … tie use to a driver
    Purpose = 1ull << 12, // calm, numb, cope, escape … after "to"
    PostNeg = 1ull << 13, // denied, none, absent: negates what came just before
    Relative = 1ull << 14, // who, which: the subject is the noun before
    FearLink = 1ull << 15, // of, about, that (after a Fear word)
    NegMulti = 1ull << 16, // free, negative, absence, ruled, abstinent (+ of/for/out/from)
    Out = 1ull << 17, // "ruled out"
    Intends = 1ull << 18, // going, plans, planning, intends (+ to)
    TimeLink = 1ull << 19, // "every time", "due to", "in response to"
    Coord = 1ull << 20, // and, or, then: a phrase's gap may not run across them
    ConseqLink = 1ull << 21, // so, therefore: the driver comes first ("terrified, so I got hammered")
    AskVerb = 1ull << 22, // asked, wondered: "asked if" is a question, not a condition
    MonthWord = 1ull << 23, // may: the month after "in", "since", "last" or before a number
    Instead = 1ull << 24, // "instead of"
    Number = 1ull << 25, // the word starts with a digit
    About = 1ull << 26, // "not worried ABOUT the drinking": a negation stops at its object
    FirstPerson = 1ull << 27, // i, me, my: the client in their own words, the clinician in a note
    ThirdPerson = 1ull << 28, // he, she, he'd …: a subject pronoun
    Det = 1ull << 29, // a, an, the, this: may stand before a subject at a clause's start
    // Set by the tokeniser, not the table:
    Quoted = 1ull << 30, // inside quotation marks: the client's own voice in a note
    ColonAfter = 1ull << 31, // a colon follows ("Risk: low", "Plan: …")
    LineStart = 1ull << 32, // the first word of a line
    // From the table again:
    Copula = 1ull << 33, // is, was, been, got, feel, seemed, stayed …: "was high", "felt low"
    Adverbial = 1ull << 34, // again, daily, today, alone …: may follow a verb with no object
    Intensifier = 1ull << 35, // so, very, really, pretty …
    Female = 1ull << 36, // she, her, herself (and female role words)
    Male = 1ull << 37, // he, him, his, himself (and male role words)
    Comp = 1ull << 38, // that: "reports that her uncle drinks" opens the uncle's clause
    PlanHeader = 1ull << 39, // plan, goals, homework … before a colon at a line's start
    Topic = 1ull << 40, // psychoeducation, topic, handout …: what follows is a subject, not an event
    We = 1ull << 41, // we, us, our
    They = 1ull << 42, // they, them, their
    ObjectPronoun = 1ull << 43, // me, her, him, us, them …
    SubstanceDefault = 1ull << 44, // smoking, using …: a substance unless a more specific one is named
    Almost = 1ull << 45, // almost, nearly: "nearly drank" did not happen
    By = 1ull << 46, // by: the doer of a passive ("was hit by her father")
    Particle = 1ull << 47, // as, than: may follow a predicate ("high as a kite")
    Role = 1ull << 48, // any role word of the codebook
    Clinician = 1ull << 49, // writer, therapist … (roles of kind "clinician")
    Header = 1ull << 50, // s, o, a, p, data, assessment … before a colon: a clinical note's section
    Informal = 1ull << 51, // im, dont, lol, idk …: someone writing in their own words, not a note
    Cessation = 1ull << 52, // stopped, quit, gave: "stopped drinking" is not drinking now
    Dream = 1ull << 53, // dream, dreamt …: what happens in a dream did not happen
    ChildAge = 1ull << 54, // seven, 12 …: an age under eighteen ("when she was seven")
    ToFor = 1ull << 55, // to, for: "urge to rescue her", "craving for attention"
    ClinicianVerb = 1ull << 56, // noticed, wondered, suggested …: "I wondered aloud" is a clinician
    Anchor = 1ull << 57, // set when compiling: some phrase is tried where this form is found
    InPlan = 1ull << 58, // set by the tokeniser: in a line headed "Plan:", "P:", "Goals:" …
    SessionWord = 1ull << 59, // session: "the session" is a note's word for the hour
    Aux = 1ull << 60, // has, have, had: "she has now been sober"
    Absence = 1ull << 61, // no, nobody, noone, nothing: a phrase starting so is itself an absence
    // Set by the matcher:
    AbsenceModifier = 1ull << 62, // "nobody FROM MY OLD TEAM texts me": a phrase's gap may run across it
};

struct ContextWord
{
    const char *word;
    std::uint64_t flags;
};

// Every context word with its flags.
const ContextWord *contextWordsBegin();
const ContextWord *contextWordsEnd();

} // namespace uc::themes::detail
