// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The words the context rules read (negation triggers, subjects, links …) as bit flags.
#include <cstdint>

namespace uc::themes::detail {

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

// Every context word with its flags.
const ContextWord *contextWordsBegin();
const ContextWord *contextWordsEnd();

} // namespace uc::themes::detail
