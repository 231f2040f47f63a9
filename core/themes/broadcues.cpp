// SPDX-License-Identifier: GPL-3.0-or-later
// The broad net's exclusion cues (docs/risk.md, "The broad net"): negation triggers before and
// after a head, figures of speech, joke cues, screening and teaching words, whose person, the
// substance classes of a mix, and the negative screens that deny a risk by themselves. Read by
// broadexclusions.cpp and broadnet.cpp; compiled once there.
#include "themes/broadnet.h"

namespace uc::themes::broad {

const Pattern kAbuser = {R"re(\b(?:partner|husband|wife|boyfriend|girlfriend|bf|ex|ex-\w+|dad|father|mum|mother|step-?\s?dad|stepfather|stepmother|carer|mother-in-law|son's\s+father|daughter's\s+father|uncle|he|she)\b)re", "bf\037boyfriend\037carer\037dad\037daughter's\037ex\037ex-\037father\037girlfriend\037he\037husband\037mother\037mother-in-law\037mum\037partner\037she\037son's\037step\037stepfather\037stepmother\037uncle\037wife", true};
const Pattern kKinSubj = {R"re((?:\b(?:my|his|her|their|pt's|pt|client's|the|a|our|whose|mum's)\s+(?:[\w'-]+\s+){0,2})?\b(?:brother|sister|mum|mom|mother|dad|father|son|daughter|friend|mate|partner|husband|wife|boyfriend|girlfriend|bf|uncle|aunt|auntie|cousin|grandmother|grandfather|grandma|grandad|gran|granny|grandpa|nan|member|niece|nephew|colleague|neighbour|flatmate|character|ex-\w+|ex|classmate|peer|step-?\s?dad|stepbrother|stepsister|stepmother|stepfather|mother-in-law|carer|family|student|woman|man|stranger|grandparent|relative|sibling|child|kid|boss|manager|landlord)(?:s|'s)?\b)re", "gran\037member\037aunt\037auntie\037bf\037boss\037boyfriend\037brother\037carer\037character\037child\037classmate\037colleague\037cousin\037dad\037daughter\037ex\037ex-\037family\037father\037flatmate\037friend\037girlfriend\037grandad\037grandfather\037grandma\037grandmother\037grandparent\037husband\037kid\037landlord\037man\037manager\037mate\037mom\037mother\037mother-in-law\037mum\037nan\037neighbour\037nephew\037niece\037partner\037peer\037relative\037sibling\037sister\037son\037step\037stepbrother\037stepfather\037stepmother\037stepsister\037stranger\037student\037uncle\037wife\037woman", true};
const Pattern kFhx = {R"re(\b(?:f\s*hx|family\s+(?:hx|history)|fhx)\b)re", "amily\037hx", true};
const Pattern kReport = {R"re(\b(?:reported|reports|said|says|told|tells|noticed|found|per|worried\s+that|concerned\s+that|informed|states|disclosed)\b)re", "concerned\037disclosed\037found\037informed\037noticed\037per\037reported\037reports\037said\037says\037states\037tells\037told\037worried", true};
const Pattern kVehicle = {R"re(\b(?:bus|car|train|lorry)\s+(?:would|will|to)?\s*hit\s+(?:me|her|him))re", "hit", true};
const Pattern kJoke = {R"re(\b(?:lol|haha\w*|joked|joking|laughed|laughing|jk|lmao)\b)re", "haha\037jk\037joked\037joking\037laughed\037laughing\037lmao\037lol", true};
const Pattern kNojoke = {R"re(\bno\s+joke\b)re", "joke", true};
const Pattern kTherapeutic = {R"re(\bas\s+prescribed\b|\bfor\s+(?:a|her|his|my)\s+(?:headache|back|pain)|\bmg\s+od\b|\bnocte\b|\badherent\b)re", "adherent\037back\037headache\037mg\037nocte\037pain\037prescribed", true};
const Pattern kScreen = {R"re(\b(?:psycho-?education|psychoed|training|prevention|leaflet|warning\s+signs|school\s+project|risk\s+assessment|safety\s+plan\w*|crisis\s+line|asked\s+(?:directly\s+)?(?:about|whether|if)|ask(?:s|ing)?\s+(?:me\s+|her\s+|him\s+)?(?:whether|if)|when\s+(?:i\s+)?asked|screened\s+for|teaching|trainer|cpd|resources|film|movie|character|how\s+to\s+ask|volunteer|awareness|course|seminar|lecture|documentary|book|novel|story|podcast|article|news|scenario|completed\s+risk|group\s+discussed|discussed\s+coping|(?:overdose|od)\s+risk|risk\s+discussed)\b)re", "article\037ask\037asked\037assessment\037awareness\037book\037character\037completed\037course\037cpd\037crisis\037discussed\037documentary\037education\037film\037leaflet\037lecture\037movie\037news\037novel\037podcast\037prevention\037project\037psychoed\037resources\037risk\037safety\037scenario\037screened\037seminar\037signs\037story\037teaching\037trainer\037training\037volunteer", true};
const Pattern kPreNeg = {R"re(\b(?:denie[sd]|deny(?:ing)?|no|not|nil|neg|never|without|none|free\s+of|absence\s+of|no\s+longer|stopped|nobody|no\s+one|nobody's|don'?t|dont|doesn'?t|didn'?t|wouldn'?t|won'?t|isn'?t|havent|haven'?t|hasn'?t|wasn'?t|not\s+having|nor)\b|(?<![\w+])-(?=\s?(?:SI|HI|SH|NSSI|DV)\b))re", nullptr, true};
const Pattern kPostNeg = {R"re(^\s+-\s*(?=[;,.\n]|$)|^[\w/,&() -]{0,30}?\s*(?:[:=]|\s-\s?)\s*(?:screen\s+)?(?:denied|denies|negative|neg|-ve|nil|none|no|x|absent|-)(?![\w+])|^[\w-]*(?:\s*(?:[/,&]|\band\b|\bor\b)\s*[\w-]+){0,5}\s*(?:screen\s+|all\s+)?(?:denied|negative|neg|-ve|nil|none|x(?=\s*(?:[.;,]|$|today)))(?![\w+]))re", nullptr, false};
const Pattern kAskedNo = {R"re(\b(?:said\s+(?:no|(?:she|he)\s+(?:has|had)\s+none)|(?:he|she)\s+denied|denied\s+all|had\s+none)\b|:\s*denied)re", "denied\037none\037said", true};
const Pattern kClauseEnd = {R"re([.;!?\n]|,\s*(?=just\b|heard\b)|\b(?:but|though|although|however|yet|except|whereas)\b|,\s*(?:and\s+)?(?:i|i'm|im|she|he|she's|he's|it's)\b|\b(?:it|this|more|anymore|any\s+more|them|me)\s+(?=(?:i|im|i'm|i've|ive)\s))re", nullptr, false};
const Pattern kViolentAct = {R"re(\b(?:violen\w*|shook|shak\w*|stab\w*|hit|hits|hitting|strangl\w*|chok\w*|pinned|push\w*|slap\w*|punch\w*|kick\w*|beat\w*|threat\w*|hurt|smash\w*|assault\w*|attack\w*|touch\w*|grab\w*|kill)\b)re", "assault\037attack\037beat\037chok\037grab\037hit\037hits\037hitting\037hurt\037kick\037kill\037pinned\037punch\037push\037shak\037shook\037slap\037smash\037stab\037strangl\037threat\037touch\037violen", true};
const Pattern kAdultOther = {R"re(\b(?:her|his|their|my)\s+(?:own\s+)?(?:sister|brother|neighbour|girlfriend|boyfriend|friend|colleague|flatmate|new\s+boyfriend|ex)\b|\banother\s+\w+|\bthe\s+man\b)re", "another\037boyfriend\037brother\037colleague\037ex\037flatmate\037friend\037girlfriend\037man\037neighbour\037sister", true};
const Pattern kSuicidePlanContext = {R"re(\bjust\s+in\s+case\b|\bfor\s+when\b|\bsuicid|\bSI\b)re", "case\037si\037suicid\037when", true};

const Pattern kFigurative[] = {
    {R"re(\bkill(?:ing|s)?\s+time\b)re", "kill", true},
    {R"re(\b(?:is|are|was|'s)\s+killing\s+(?:me|her|him)\b)re", "killing", true},
    {R"re(\bkilling\s+me\b)re", "killing", true},
    {R"re(\bliterally\s+kill\s+me\b)re", "literally", true},
    {R"re(\bkill\s+for\s+a\b)re", "kill", true},
    {R"re(\bdying\s+to\b)re", "dying", true},
    {R"re(\bdead\s+tired\b)re", "dead", true},
    {R"re(\bdied\s+laughing\b)re", "laughing", true},
    {R"re(\bdying\s+laughing\b)re", "laughing", true},
    {R"re(\b(?:nearly|almost)\s+killed\s+(?:him|her|me)\b)re", "killed", true},
    {R"re(\bis\s+dying\b)re", "dying", true},
    {R"re(\bmurder\s+(?:a|the)\b)re", "murder", true},
    {R"re(\b(?:was|been|is)\s+murder\b)re", "murder", true},
    {R"re(\bmurder(?:ed|ing)?\s+me\b)re", "murder", true},
    {R"re(\bcut\s+(?:from|back|down|out)\b)re", "cut", true},
    {R"re(\bcutting\s+(?:down|back|out|it\s+fine|costs)\b)re", "cutting", true},
    {R"re(\bcut\s+up\b)re", "cut", true},
    {R"re(\bcut\s+(?:my|her|his)\s+(?:fringe|hair))re", "fringe\037hair", true},
    {R"re(\bcut\s+(?:my|her|him)self\s+on\b)re", "cut", true},
    {R"re(\bcut\s+(?:my|her|his)\s+finger)re", "finger", true},
    {R"re(\boverdos\w*\s+on\s+(?!(?:pills?|tablets?|tabs|meds|medication|paracetamol|co-?codamol|codeine|sertraline|citalopram|fluoxetine|amitriptyline|propranolol|zopiclone|quetiapine|ibuprofen|aspirin|insulin|lithium|venlafaxine|mirtazapine|diazepam|benzos?|sleeping (?:pills|tablets)|painkillers|opioids?|heroin|methadone|oxy\w*|tramadol|fentanyl|morphine|antidepressants?|[a-z]+(?:pam|lam|pine|tine|line|mine|done))|(?:heroin|methadone|oxy\w*|opioids?|opiates?|fentanyl|morphine|codeine|tramadol|bupe\w*|subutex|h\b|gear|smack|oxys)|(?:benzos?\w*|diazepam|valium|xanax|alprazolam|clonazepam|etizolam|zopiclone|pregabalin|gabapentin|lyrica|sleeping (?:pills|tablets)|street valium|blues|ghb|ketamine)|(?:alcohol|etoh|drink\w*|booze|wine|beer|vodka|spirits|cider))\w+)re", "overdos", true},
    {R"re(\bshoot\s+(?:some\s+)?hoops\b)re", "shoot", true},
    {R"re(\bcutting\s+board\b)re", "board", true},
    {R"re(\bsubstance\s+abuse\b)re", "substance", true},
    {R"re(\b(?:drug|alcohol|etoh|cannabis)\s+abuse\b)re", "abuse", true},
    {R"re(\bscar\s+tissue\b)re", "tissue", true},
    {R"re(\bloaded\s+question)re", "loaded", true},
    {R"re(\bfeels?\s+safe\b)re", "safe", true},
    {R"re(\bbeat\s+(?:her|his|my)\s+(?:personal\s+best|record|time))re", "beat", true},
    {R"re(\bwas\s+suicide\b)re", "suicide", true},
    // Eighth pass: a look shot at someone, dying rather than something trivial, beating oneself up
    // (guilt), disappearing for a while (a break): "shot me a look", "I'd rather die than sing
    // karaoke" (a trivial alternative; "rather die than go back to prison" stays), "beating himself
    // up", "disappear off the face of the earth for a bit".
    {R"re(\b(?:shot|shoots?|shooting)\s+(?:me|her|him|them|us)\s+(?:a|an)\s+(?:\w+\s+)?(?:look|glance|glare|smile|text|message|email|dm)\b)re", "shot\037shoot", true},
    {R"re(\b(?:rather|sooner)\s+die\s+than\s+(?:sing|dance|wear|do\s+karaoke)\b)re", "die than", true},
    {R"re(\bbeat(?:s|ing)?\s+(?:my|him|her|them|your|one)sel(?:f|ves)\s+up\b)re", "self up\037selves up", true},
    {R"re(\bdisappear\w*\s+(?:off\s+(?:the\s+face\s+of\s+the\s+earth|the\s+grid|the\s+radar)\s+)?for\s+a\s+(?:bit|while|few\s+(?:days|weeks)|week|weekend|day|couple\s+of\s+\w+)\b)re", "disappear", true},
};
const std::size_t kFigurativeCount = std::size(kFigurative);

const Cue kSafeDeny[] = {
    {"abuse", {R"re(\bfeel(?:s|ing)?\s+safe\b)re", "safe", true}},
    {"abuse", {R"re(\bno\s+safeguarding\b)re", "safeguarding", true}},
    {"abuse", {R"re(\bno\s+(?:violence|dv)\b)re", "dv\037violence", true}},
    {"abuse", {R"re(\bdenie[sd]\s+(?:any\s+)?(?:violence|abuse|dv|domestic\s+(?:violence|abuse))\s+(?:in\s+(?:the|her|his|their)\s+(?:relationship|marriage|home)|at\s+home)\b)re", "denie", true}},
    {"abuse", {R"re(\b(?:home|house)\s+is\s+safe)re", "safe", true}},
    {"abuse", {R"re(\bnever\s+(?:hurt|laid\s+a\s+finger\s+on)\s+(?:or\s+\w+\s+)?(?:me|her)\b)re", "finger\037hurt", true}},
    {"abuse", {R"re(\bnobody(?:'s|\s+(?:at\s+home\s+)?)\s*hurt)re", "hurt", true}},
    {"abuse", {R"re(\bno\s+concerns\s+(?:re|about|regarding)\s+(?:the\s+)?children)re", "concerns", true}},
    {"abuse", {R"re(\bdenied\s+any\s+concerns\s+about\s+(?:his|her)\s+safety)re", "denied", true}},
    {"overdose", {R"re(\b(?:never|not|doesn'?t|does\s+not|denies)\s+(?:\w+\s+)?us(?:e|es|ing)\s+(?:alone|on\s+(?:her|his|my)\s+own))re", "alone\037own", true}},
    {"overdose", {R"re(carr(?:y|ies)\s+naloxone)re", "naloxone", true}},
    {"overdose", {R"re(always\s+(?:carries|has)\s+naloxone)re", "naloxone", true}},
    {"overdose", {R"re(no\s+od\b)re", "od", true}},
    {"overdose", {R"re(\buses?\s+with\s+(?:someone|my|her|his))re", "with", true}},
    {"overdose", {R"re(naloxone\s+kit)re", "naloxone", true}},
    {"overdose", {R"re(has\s+the\s+naloxone)re", "naloxone", true}},
    {"overdose", {R"re(overdose\s+risk\s*:\s*low)re", "overdose", true}},
    {"suicide", {R"re(\bC-?SSRS\b[^.]*\bneg\w*)re", "ssrs", false, 0, true}},
    {"suicide", {R"re(\bC-?SSRS\s+0\b)re", "ssrs", true}},
    {"suicide", {R"re(\bphq-?9\s+(?:q|item\s*)9\s+(?:scored\s+|=\s*|:\s*)?0\b)re", "phq", true}},
    {"suicide", {R"re(\bi\s+want\s+to\s+live\b)re", "live", true}},
    {"suicide", {R"re(\bno\s+(?:current\s+)?risk\s+to\s+self)re", "risk", true}},
    {"suicide", {R"re(\bdenie[sd]\s+thoughts\s+of\s+harming\s+(?:him|her|my)self)re", "thoughts", true}},
    {"suicide", {R"re(\bdenie[sd]\s+(?:any\s+)?(?:intent(?:ion)?|plans?)\s+(?:of\s+|to\s+)?harm(?:ing)?\s+(?:(?:him|her|my|them)sel(?:f|ves)|self)\b)re", "harm self\037harm him\037harm her\037harm my\037harm them\037harming", true}},
    {"suicide", {R"re(\basked\s+(?:me|her|him)\s+(?:if|whether)\s+(?:i|she|he)\s+(?:was|were|am|is|felt|feel|feels)\s+safe\b[^.!?]{0,25}\byes\b)re", "\\byes\\b", true}},
    {"suicide", {R"re(\bno\s+thoughts\s+of\s+harming\s+self)re", "thoughts", true}},
    {"suicide", {R"re(\b(?:won'?t|wont|will\s+not|would\s+never|will\s+never|'d\s+never|never\s+would)\s+(?:ever\s+)?(?:hurt|harm|kill)\s+myself\b)re", "myself", true}},
    {"harm-to-others", {R"re(\brisk\s+to\s+others\s*:\s*(?:none|nil|no)\b)re", "others", true}},
    {"harm-to-others", {R"re(\bno\s+(?:current\s+)?risk\s+to\s+(?:self\s+or\s+)?others)re", "others", true}},
    {"harm-to-others", {R"re(\bnot\s+at\s+risk\s+of\s+harm\s+to\s+others)re", "others", true}},
    {"harm-to-others", {R"re(\bnever\s+(?:hit|hurt)\s+anyone)re", "anyone", true}},
    {"harm-to-others", {R"re(\bnever\s+lay\s+a\s+hand)re", "lay", true}},
    {"harm-to-others", {R"re(\b(?:denie[sd]|no)\b[^.;]*\b(?:harm(?:ing)?\s+(?:to\s+)?others|anyone\s+else))re", "else\037others", false}},
    {"harm-to-others", {R"re(\bthoughts\s+of\s+harming\s+others\s*:\s*(?:he\s+)?denied)re", "thoughts", true}},
};
const std::size_t kSafeDenyCount = std::size(kSafeDeny);

const Cue kMixClasses[] = {
    {"opioid", {R"re(\b(?:heroin|methadone|oxy\w*|opioids?|opiates?|fentanyl|fent|morphine|codeine|co-?codamol|tramadol|bupe\w*|buprenorphine|subutex|subs|gear|smack|dihydrocodeine)\b)re", "bupe\037buprenorphine\037codamol\037codeine\037dihydrocodeine\037fent\037fentanyl\037gear\037heroin\037methadone\037morphine\037opiate\037opioid\037oxy\037smack\037subutex\037\\bsubs\\b\037tramadol", true}},
    {"sedative", {R"re(\b(?:benzo\w*|diazepam|valium|xanax|alprazolam|clonazepam|etizolam|zopiclone|pregabalin|gabapentin|lyrica|sleeping\s+(?:pills|tablets)|downers|ghb|ketamine|xans|xannies|vallies)\b)re", "xans\037xannies\037vallies\037alprazolam\037benzo\037clonazepam\037diazepam\037downers\037etizolam\037gabapentin\037ghb\037ketamine\037lyrica\037pills\037pregabalin\037tablets\037valium\037xanax\037zopiclone", true}},
    {"alcohol", {R"re(\b(?:alcohol|etoh|drink(?:s|ing)?|drank|booze|wine|beer|vodka|spirits|cider|drunk)\b)re", "alcohol\037beer\037booze\037cider\037drank\037drink\037drunk\037etoh\037spirits\037vodka\037wine", true}},
};
const std::size_t kMixClassCount = std::size(kMixClasses);

} // namespace uc::themes::broad
