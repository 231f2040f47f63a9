// SPDX-License-Identifier: GPL-3.0-or-later
// The topic reading (docs/risk.md, "The topic reading"): a sentence is about a risk when it carries
// that risk's vocabulary in any form. Each entry names the field's words and, for a word with an
// everyday sense besides the risk ("cut", "die", "hang", "control"), the words of the same field one
// of which the sentence must also carry ("cut" with an arm, a blade or blood). Their forms are the
// tagger's own (morphology.h: regular forms kept by Snowball's stemmer, irregular ones from WordNet:
// "die" gives "died" and "dying", "bite" "bit" and "bitten"), so no form is written here by hand.
// Each word becomes a head of the broad net, of kind "topic", flagged present unless one of the net's
// exclusions is established (broadnet.cpp: a figure of speech or another sense, a joke, another
// person, a negation — which drops a topic head rather than making it a denial —, a screen or a
// lesson, an accident, a dose as prescribed, and the topic's own other senses below).
#include "themes/broadnet.h"
#include "themes/morphology.h"

#include <deque>
#include <mutex>
#include <sstream>
#include <string>

namespace uc::themes::broad {

namespace {

struct Topic
{
    const char *risk;
    const char *words; // the field's words, spaces between (each matched in all its forms)
    const char *context; // words one of which the sentence must also hold (nullptr: none needed)
};

// Body, self and means words that make an act on the skin a self-injury.
#define UC_BODY "arm wrist thigh leg skin stomach myself herself himself themselves yourself blade razor blood bleed deep wound scar plaster bandage stitch sharpener compass lighter raw"
// The people a client harms or is harmed by.
#define UC_PEOPLE "him her them partner husband wife boyfriend girlfriend ex dad mum father mother stepdad stepfather stepmum uncle brother sister son daughter baby child kid neighbour boss colleague someone somebody anyone everyone people man woman guy"
#define UC_PARTNER "partner husband wife boyfriend girlfriend ex dad father stepdad stepfather uncle mum mother"

const Topic topics[] = {
    // Suicide: death wished, thought of or planned; the means of it.
    {"suicide", "die dead death", "want wish rather better hope wonder plan pray sleep wake exist alive life live point"},
    {"suicide", "hang", "rope belt ligature noose tie beam loft tree banister myself herself himself"},
    {"suicide", "jump", "bridge cliff roof height edge platform building balcony motorway car-park multistorey"},
    {"suicide", "goodbye farewell", "letter note text message forever"},
    {"suicide", "pill tablet paracetamol painkiller", "stockpile stash hoard save"},
    // Self-harm: an act on the client's own skin.
    {"self-harm", "cut burn scratch bite gouge pinch", UC_BODY},
    {"self-harm", "bleed", "myself herself himself arm wrist thigh leg skin cut scratch pick"},
    {"self-harm", "pick", "skin scab bleed raw"},
    // Harm to others: an act or a wish to harm someone, a weapon carried.
    {"harm-to-others", "stab strangle murder", UC_PEOPLE},
    {"harm-to-others", "harm kill", "want urge thought think plan going gonna image intrusive picture imagine fantasise revenge"},
    {"harm-to-others", "revenge vengeance retaliate", nullptr},
    {"harm-to-others", "knife gun machete weapon", "carry bring keep buy own armed"},
    // Overdose: tolerance lost; found unresponsive after use.
    {"overdose", "tolerance", "lost low prison release detox rehab clean jail hospital"},
    {"overdose", "unconscious unresponsive unrousable collapse", "heroin gear fentanyl opioid methadone inject use using needle drink benzo"},
    // Abuse: violence, sexual abuse and control in the client's own relationships; a child at risk.
    {"abuse", "abuse abusive molest rape grope", UC_PARTNER " relationship domestic sexual physical emotional childhood child me"},
    {"abuse", "hit slap punch kick shove strangle choke throttle", "me " UC_PARTNER},
    {"abuse", "control", "money phone bank card passport friends allowed"},
    {"abuse", "neglect", "child kid baby son daughter toddler"},
};

#undef UC_BODY
#undef UC_PEOPLE
#undef UC_PARTNER

std::vector<std::string> split(const char *words)
{
    std::vector<std::string> out;
    std::istringstream in(words);
    for (std::string w; in >> w;)
        out.push_back(w);
    return out;
}

// A word list's forms as one PCRE alternation, and the same forms as the prefilter's strings
// (each a word of its own).
std::string alternation(const char *words, std::string *factors)
{
    std::string re;
    for (const std::string &w : split(words)) {
        for (const std::string &f : detail::wordForms(w)) {
            std::string escaped;
            for (const char c : f) {
                if (c == '-')
                    escaped.append("[-\\s]?");
                else
                    escaped.push_back(c);
            }
            if (!re.empty())
                re.append("|");
            re.append(escaped);
            if (factors && f.find('-') == std::string::npos) {
                if (!factors->empty())
                    factors->append("\037");
                factors->append("\\b").append(f).append("\\b");
            }
        }
    }
    return re;
}

struct Built
{
    std::deque<std::string> strings; // the patterns' text, alive for the process
    std::vector<Head> heads;
    std::vector<QRegularExpression> contexts; // by heads' order; an empty pattern: none needed
};

const Built &built()
{
    static const Built b = [] {
        Built out;
        for (const Topic &t : topics) {
            std::string factors;
            std::string &pattern = out.strings.emplace_back("\\b(?:");
            pattern.append(alternation(t.words, &factors)).append(")\\b");
            const std::string &f = out.strings.emplace_back(factors);
            out.heads.push_back({t.risk, "topic", {pattern.c_str(), f.c_str(), true}, false});
            if (t.context) {
                std::string context("\\b(?:");
                context.append(alternation(t.context, nullptr)).append(")\\b");
                out.contexts.push_back(rx(context.c_str()));
            } else {
                out.contexts.emplace_back();
            }
        }
        return out;
    }();
    return b;
}

} // namespace

std::vector<Head> topicHeads()
{
    return built().heads;
}

std::size_t topicCount()
{
    return built().heads.size();
}

const QRegularExpression &topicContext(std::size_t k)
{
    return built().contexts.at(k);
}

} // namespace uc::themes::broad
