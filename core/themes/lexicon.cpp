// SPDX-License-Identifier: GPL-3.0-or-later
#include "themes/lexicon.h"

#include <iterator>

namespace uc::themes::detail {

namespace {

using C = ContextWord;

// Function words and context triggers. People (mother, friend, writer …) are the codebook's
// roles, so a vault's edits can add to them.
constexpr ContextWord contextWords[] = {
    // negation
    C{"no", Neg | Absence}, C{"not", Neg}, C{"never", Neg}, C{"denies", Neg}, C{"denied", Neg | PostNeg}, C{"deny", Neg},
    C{"denying", Neg}, C{"without", Neg}, C{"none", Neg | PostNeg}, C{"nor", Neg}, C{"neither", Neg},
    C{"don't", Neg}, C{"doesn't", Neg}, C{"didn't", Neg}, C{"isn't", Neg}, C{"wasn't", Neg}, C{"aren't", Neg},
    C{"weren't", Neg}, C{"hasn't", Neg}, C{"haven't", Neg}, C{"hadn't", Neg}, C{"won't", Neg}, C{"can't", Neg},
    C{"cannot", Neg}, C{"couldn't", Neg}, C{"wouldn't", Neg}, C{"dont", Neg}, C{"doesnt", Neg}, C{"didnt", Neg},
    C{"cant", Neg | Informal}, C{"wont", Neg | Informal}, C{"havent", Neg | Informal}, C{"hasnt", Neg | Informal},
    C{"wasnt", Neg | Informal}, C{"isnt", Neg | Informal}, C{"dont", Informal}, C{"doesnt", Informal},
    C{"didnt", Informal}, C{"wouldnt", Neg | Informal}, C{"couldnt", Neg | Informal}, C{"arent", Neg | Informal},
    C{"lol", Informal}, C{"idk", Informal}, C{"tbh", Informal}, C{"u", Informal}, C{"ur", Informal},
    C{"wanna", Informal}, C{"ngl", Informal}, C{"omg", Informal}, C{"smh", Informal}, C{"imo", Informal},
    C{"nothing", Neg | Absence}, C{"free", NegMulti}, C{"negative", NegMulti | PostNeg}, C{"absence", NegMulti},
    C{"ruled", NegMulti}, C{"abstinent", NegMulti}, C{"abstained", NegMulti}, C{"refrained", NegMulti}, C{"refused", Neg}, C{"refuses", Neg}, C{"refusing", Neg},
    C{"declined", Neg}, C{"declines", Neg}, C{"turned", NegMulti}, C{"turning", NegMulti}, C{"down", Out},
    C{"nobody", Absence}, C{"noone", Absence}, C{"absent", PostNeg}, C{"resolved", PostNeg}, C{"neg", Neg | PostNeg},
    // after a negation, these keep it from negating: "not only", "can't stop", "no doubt"
    C{"only", PseudoAfterNeg}, C{"just", PseudoAfterNeg}, C{"sure", PseudoAfterNeg}, C{"doubt", PseudoAfterNeg},
    C{"necessarily", PseudoAfterNeg},
    C{"help", PseudoAfterNeg}, C{"know", PseudoAfterNeg}, C{"remember", PseudoAfterNeg},
    C{"understand", PseudoAfterNeg}, C{"believe", PseudoAfterNeg}, C{"able", PseudoAfterNeg}, C{"seem", PseudoAfterNeg | Copula},
    C{"hesitate", PseudoAfterNeg}, C{"shake", PseudoAfterNeg}, C{"unaware", PseudoAfterNeg},
    C{"simply", PseudoAfterNeg}, C{"question", PseudoAfterNeg}, C{"longer", 0}, C{"out", Out},
    // what a clinician does in a session, after "I": a note, not a person's own words
    C{"noticed", ClinicianVerb}, C{"wondered", ClinicianVerb | AskVerb}, C{"suggested", ClinicianVerb},
    C{"reflected", ClinicianVerb}, C{"named", ClinicianVerb}, C{"interpreted", ClinicianVerb},
    C{"raised", ClinicianVerb}, C{"commented", ClinicianVerb}, C{"observed", ClinicianVerb},
    C{"invited", ClinicianVerb}, C{"explored", ClinicianVerb}, C{"encouraged", ClinicianVerb},
    C{"validated", ClinicianVerb}, C{"challenged", ClinicianVerb}, C{"mentioned", Term | ClinicianVerb},
    // ending use: "stopped drinking", "quit smoking", "gave up the booze"
    C{"stopped", PseudoAfterNeg | Cessation}, C{"quit", PseudoAfterNeg | Cessation}, C{"gave", Cessation},
    C{"kicked", Cessation},
    // dreams: "dreamt I was using"
    C{"dream", Dream}, C{"dreams", Dream}, C{"dreamt", Dream}, C{"dreamed", Dream}, C{"dreaming", Dream},
    C{"nightmare", Dream}, C{"nightmares", Dream},
    // ages under eighteen, for "when she was seven", "aged 12"
    C{"one", ChildAge}, C{"two", ChildAge}, C{"three", ChildAge}, C{"four", ChildAge}, C{"five", ChildAge},
    C{"six", ChildAge}, C{"seven", ChildAge}, C{"eight", ChildAge}, C{"nine", ChildAge}, C{"ten", ChildAge},
    C{"eleven", ChildAge}, C{"twelve", ChildAge}, C{"thirteen", ChildAge}, C{"fourteen", ChildAge},
    C{"fifteen", ChildAge}, C{"sixteen", ChildAge}, C{"seventeen", ChildAge},
    // intentions and conditions
    C{"going", Intends}, C{"plans", Intends}, C{"planning", Intends}, C{"intends", Intends},
    C{"intending", Intends}, C{"if", Hypo | Clause}, C{"would", Hypo}, C{"might", Hypo},
    C{"may", Hypo | MonthWord}, C{"will", Hypo}, C{"unless", Clause}, C{"whether", Hypo}, C{"gonna", Hypo | Informal},
    C{"she'll", Hypo | ThirdPerson | Female}, C{"he'll", Hypo | ThirdPerson | Male}, C{"i'll", Hypo | FirstPerson},
    C{"they'll", Hypo | They}, C{"we'll", Hypo | We}, C{"almost", Almost}, C{"nearly", Almost},
    C{"afraid", Fear}, C{"worried", Fear}, C{"worries", Fear}, C{"scared", Fear}, C{"fear", Fear},
    C{"fears", Fear}, C{"feared", Fear}, C{"fearful", Fear}, C{"terrified", Fear}, C{"concerned", Fear},
    C{"anxious", Fear}, C{"frightened", Fear}, C{"worry", Fear},
    C{"asked", AskVerb}, C{"asks", AskVerb}, C{"asking", AskVerb}, C{"wondered", AskVerb},
    C{"wonders", AskVerb}, C{"wondering", AskVerb},
    // scope ends: contrast and reporting verbs
    C{"but", Term | Clause}, C{"however", Term | Clause}, C{"although", Term | Clause},
    C{"though", Term | Clause}, C{"yet", Term}, C{"except", Term}, C{"apart", Term}, C{"aside", Term},
    C{"reports", Term}, C{"reported", Term}, C{"states", Term}, C{"stated", Term}, C{"endorses", Term},
    C{"endorsed", Term}, C{"admits", Term}, C{"admitted", Term}, C{"acknowledges", Term},
    C{"acknowledged", Term}, C{"describes", Term}, C{"described", Term}, C{"notes", Term}, C{"says", Term},
    C{"said", Term}, C{"shared", Term}, C{"disclosed", Term}, C{"explains", Term}, C{"explained", Term},
    C{"mentions", Term}, C{"tells", Term}, C{"told", Term},
    // prepositions and articles
    C{"of", FearLink | Prep}, C{"about", FearLink | Prep | About}, C{"that", FearLink | Clause | Comp},
    C{"a", Det}, C{"an", Det}, C{"the", Det}, C{"this", Det}, C{"these", Det}, C{"those", Det},
    C{"some", Det}, C{"any", Det}, C{"another", Det}, C{"in", Prep}, C{"last", Prep | Adverbial},
    C{"next", Prep | PlanHeader}, C{"early", Prep}, C{"late", Prep}, C{"mid", Prep}, C{"with", Prep}, C{"to", Prep | ToFor},
    C{"from", Prep}, C{"around", Prep}, C{"at", Prep}, C{"by", Prep | By}, C{"for", Prep | ToFor},
    C{"toward", Prep}, C{"towards", Prep}, C{"against", Prep}, C{"near", Prep}, C{"than", Prep | Particle},
    C{"like", Prep}, C{"on", Prep}, C{"over", Prep}, C{"into", Prep}, C{"during", Prep},
    C{"after", Prep | Link | Clause}, C{"as", Particle},
    // people: the client and pronouns
    C{"pt", Client}, C{"pt's", Client | Possessive}, C{"patient", Client}, C{"patient's", Client | Possessive},
    C{"client", Client}, C{"client's", Client | Possessive}, C{"resident", Client},
    C{"she", ThirdPerson | Female}, C{"he", ThirdPerson | Male}, C{"she's", ThirdPerson | Female | Copula},
    C{"he's", ThirdPerson | Male | Copula}, C{"she'd", ThirdPerson | Female}, C{"he'd", ThirdPerson | Male},
    C{"shes", ThirdPerson | Female | Copula | Informal}, C{"hes", ThirdPerson | Male | Copula | Informal},
    C{"her", Possessive | Female | ObjectPronoun}, C{"his", Possessive | Male}, C{"him", Male | ObjectPronoun},
    C{"herself", Female | ObjectPronoun}, C{"himself", Male | ObjectPronoun}, C{"hers", Female},
    C{"i", FirstPerson}, C{"i'm", FirstPerson | Copula}, C{"i've", FirstPerson}, C{"i'd", FirstPerson},
    C{"im", FirstPerson | Copula | Informal}, C{"ive", FirstPerson | Informal}, C{"me", FirstPerson | ObjectPronoun},
    C{"myself", FirstPerson | ObjectPronoun}, C{"my", Possessive | FirstPerson}, C{"mine", FirstPerson},
    C{"we", We}, C{"us", We | ObjectPronoun}, C{"our", We | Possessive}, C{"we're", We | Copula},
    C{"we've", We}, C{"we'd", We}, C{"ourselves", We | ObjectPronoun},
    C{"they", They}, C{"them", They | ObjectPronoun}, C{"their", They | Possessive},
    C{"they're", They | Copula}, C{"theyre", They | Copula | Informal}, C{"they've", They}, C{"they'd", They}, C{"themselves", They | ObjectPronoun},
    C{"your", Possessive}, C{"you", 0},
    // clauses and links
    C{"and", Coord}, C{"or", Coord}, C{"then", Coord}, C{"so", Clause | ConseqLink | Intensifier},
    C{"therefore", ConseqLink}, C{"instead", Instead}, C{"while", Clause}, C{"before", Clause | Adverbial},
    C{"until", Clause | Link}, C{"whereas", Clause}, C{"where", Clause}, C{"once", Clause},
    C{"which", Clause | Relative}, C{"who", Clause | Relative}, C{"because", Clause | Link},
    C{"cause", Link}, C{"'cause", Link}, C{"cos", Link}, C{"coz", Link}, C{"bc", Link},
    C{"since", Clause | Link}, C{"when", Clause | Link}, C{"whenever", Clause | Link},
    C{"following", Link}, C{"triggered", Link}, C{"time", TimeLink}, C{"due", TimeLink},
    C{"response", TimeLink}, C{"helps", Link}, C{"helped", Link},
    // purposes after "to": drinks to calm her nerves
    C{"calm", Purpose}, C{"numb", Purpose}, C{"ease", Purpose}, C{"quiet", Purpose}, C{"quieten", Purpose},
    C{"settle", Purpose}, C{"cope", Purpose}, C{"manage", Purpose}, C{"escape", Purpose}, C{"forget", Purpose},
    C{"deal", Purpose}, C{"feel", Purpose | Copula}, C{"relax", Purpose}, C{"soothe", Purpose},
    C{"handle", Purpose}, C{"blot", Purpose}, C{"drown", Purpose}, C{"block", Purpose}, C{"avoid", Purpose},
    C{"dull", Purpose}, C{"relieve", Purpose}, C{"mask", Purpose}, C{"take", Purpose}, C{"kill", Purpose},
    C{"silence", Purpose}, C{"face", Purpose}, C{"steady", Purpose}, C{"get", Purpose | Copula},
    C{"fill", Purpose}, C{"stop", Purpose | PseudoAfterNeg},
    // verbs a predicate adjective follows: was high, felt low, got wasted, stayed sober
    C{"has", Aux}, C{"have", Aux}, C{"had", Aux}, C{"having", Aux}, C{"hasn't", Neg | Aux}, C{"haven't", Neg | Aux},
    C{"am", Copula}, C{"is", Copula}, C{"are", Copula}, C{"was", Copula}, C{"were", Copula}, C{"be", Copula},
    C{"been", Copula}, C{"being", Copula}, C{"gets", Copula}, C{"got", Copula}, C{"getting", Copula},
    C{"gotten", Copula}, C{"feels", Copula}, C{"felt", Copula}, C{"feeling", Copula}, C{"seems", Copula},
    C{"seemed", Copula}, C{"seeming", Copula}, C{"look", Copula}, C{"looks", Copula}, C{"looked", Copula},
    C{"stay", Copula}, C{"stays", Copula}, C{"stayed", Copula}, C{"staying", Copula}, C{"remain", Copula},
    C{"remains", Copula}, C{"remained", Copula}, C{"become", Copula}, C{"became", Copula},
    C{"becomes", Copula}, C{"appear", Copula}, C{"appears", Copula}, C{"appeared", Copula},
    C{"it's", Copula}, C{"was'nt", Copula}, C{"arrived", Copula}, C{"came", Copula}, C{"presented", Copula},
    C{"presents", Copula}, C{"turned", Copula}, C{"showed", Copula},
    // what may follow a verb that has no object: used again, drinks daily, got high alone
    C{"again", Adverbial}, C{"today", Adverbial}, C{"yesterday", Adverbial}, C{"tonight", Adverbial},
    C{"tomorrow", Adverbial}, C{"night", Adverbial}, C{"nights", Adverbial}, C{"weekend", Adverbial},
    C{"weekends", Adverbial}, C{"daily", Adverbial}, C{"nightly", Adverbial}, C{"weekly", Adverbial},
    C{"every", Adverbial}, C{"ago", Adverbial}, C{"lately", Adverbial}, C{"recently", Adverbial},
    C{"now", Adverbial}, C{"anymore", Adverbial}, C{"often", Adverbial}, C{"always", Adverbial},
    C{"sometimes", Adverbial}, C{"most", Adverbial}, C{"all", Adverbial}, C{"week", Adverbial},
    C{"weeks", Adverbial}, C{"month", Adverbial}, C{"months", Adverbial}, C{"year", Adverbial},
    C{"years", Adverbial}, C{"day", Adverbial}, C{"days", Adverbial}, C{"morning", Adverbial},
    C{"mornings", Adverbial}, C{"evening", Adverbial}, C{"evenings", Adverbial}, C{"afternoon", Adverbial},
    C{"hours", Adverbial}, C{"regularly", Adverbial}, C{"heavily", Adverbial}, C{"alone", Adverbial},
    C{"together", Adverbial}, C{"socially", Adverbial}, C{"excessively", Adverbial}, C{"too", Adverbial | Intensifier},
    C{"either", Adverbial}, C{"also", Adverbial}, C{"still", Adverbial}, C{"twice", Adverbial},
    C{"once", Adverbial}, C{"occasionally", Adverbial}, C{"intermittently", Adverbial}, C{"here", Adverbial},
    C{"there", Adverbial}, C{"home", Adverbial}, C{"lol", Adverbial}, C{"af", Adverbial},
    C{"very", Intensifier}, C{"really", Intensifier}, C{"pretty", Intensifier}, C{"quite", Intensifier},
    C{"completely", Intensifier}, C{"absolutely", Intensifier}, C{"totally", Intensifier},
    C{"extremely", Intensifier}, C{"super", Intensifier}, C{"fairly", Intensifier}, C{"rather", Intensifier},
    C{"bit", Intensifier}, C{"kinda", Intensifier}, C{"sorta", Intensifier}, C{"somewhat", Intensifier},
    C{"mildly", Intensifier}, C{"slightly", Intensifier}, C{"increasingly", Intensifier}, C{"more", Intensifier},
    C{"less", Intensifier}, C{"proper", Intensifier}, C{"visibly", Intensifier}, C{"clearly", Intensifier},
    C{"obviously", Intensifier}, C{"apparently", Intensifier}, C{"noticeably", Intensifier},
    // sections of a note, read before a colon at a line's start
    C{"s", Header}, C{"o", Header}, C{"d", Header}, C{"b", Header}, C{"r", Header},
    C{"g", Header}, C{"subjective", Header}, C{"objective", Header}, C{"assessment", Header},
    C{"data", Header}, C{"behavior", Header}, C{"behaviour", Header}, C{"intervention", Header},
    C{"interventions", Header}, C{"response", Header | TimeLink}, C{"risk", Header}, C{"mood", Header},
    C{"affect", Header}, C{"session", Header | SessionWord}, C{"sessions", SessionWord}, C{"attendance", Header}, C{"participation", Header},
    C{"progress", Header}, C{"summary", Header}, C{"presentation", Header | Topic}, C{"mse", Header},
    C{"plan", PlanHeader}, C{"p", PlanHeader}, C{"goals", PlanHeader}, C{"goal", PlanHeader},
    C{"homework", PlanHeader}, C{"recommendations", PlanHeader}, C{"recommendation", PlanHeader},
    C{"follow", PlanHeader}, C{"up", PlanHeader}, C{"focus", PlanHeader}, C{"agenda", PlanHeader},
    // a subject of teaching, not an event: "psychoeducation on relapse warning signs"
    C{"psychoeducation", Topic}, C{"psychoeducational", Topic}, C{"psychoed", Topic},
    C{"education", Topic}, C{"educational", Topic}, C{"topic", Topic | Header}, C{"topics", Topic},
    C{"handout", Topic}, C{"handouts", Topic}, C{"worksheet", Topic}, C{"worksheets", Topic},
    C{"video", Topic}, C{"lecture", Topic}, C{"curriculum", Topic}, C{"module", Topic}, C{"didactic", Topic},
    C{"theme", Topic}, C{"quiz", Topic},
};

} // namespace

const ContextWord *contextWordsBegin()
{
    return std::begin(contextWords);
}

const ContextWord *contextWordsEnd()
{
    return std::end(contextWords);
}

} // namespace uc::themes::detail
