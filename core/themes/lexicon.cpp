// SPDX-License-Identifier: GPL-3.0-or-later
#include "themes/lexicon.h"

#include <iterator>

namespace uc::themes::detail {

namespace {

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
