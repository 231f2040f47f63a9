// SPDX-License-Identifier: GPL-3.0-or-later
// The broad net's reading of a note (docs/risk.md, "The broad net"): every head found, each
// claimed by the first exclusion that holds (a figure of speech, an act by the client, a
// negation, another person, the client as the victim of harm to others, a therapeutic dose, an
// overdose told as a suicide attempt, a method in a list of attempts, a means for another risk, a
// bruise from self-injury, a screening or teaching context) or else present; a negated head and a
// negative screen ("feels safe at home") are denied. Then the hits as risk findings beside the
// rules' (Tagger::Impl::readBroad), so present from either wins.
#include "themes/broadnet.h"
#include "themes/pipeline.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string_view>

using namespace Qt::StringLiterals;

namespace uc::themes {

namespace broad {

namespace {

// The prototype's five ids, for the rules that name a risk.
enum Id : std::uint8_t { Suicide, SelfHarm, HarmToOthers, Overdose, Abuse, Unknown };

Id idOf(std::string_view risk)
{
    if (risk == "suicide")
        return Suicide;
    if (risk == "self-harm")
        return SelfHarm;
    if (risk == "harm-to-others")
        return HarmToOthers;
    if (risk == "overdose")
        return Overdose;
    if (risk == "abuse")
        return Abuse;
    return Unknown;
}

struct Raw
{
    Id id;
    const char *risk;
    const char *kind;
    qsizetype i;
    qsizetype j;
};

struct Span
{
    qsizetype start;
    qsizetype end;
};

// A note with what the prefilter found in it, and where its segments are in UTF-16.
struct Note
{
    const QString &text;
    const Scan &scan;
    std::vector<qsizetype> utf16; // byte -> UTF-16 index (empty: the note is ASCII)

    [[nodiscard]] qsizetype at(std::uint32_t byte) const
    {
        if (utf16.empty())
            return std::min<qsizetype>(byte, text.size());
        return utf16[std::min<std::size_t>(byte, utf16.size() - 1)];
    }

    // Every match of c, in text order: a local pattern only in the segments its strings are in.
    template<typename Each>
    void forEach(const Compiled &c, Each each) const
    {
        if (!Matcher::mayMatch(c, scan))
            return;
        thread_local std::vector<std::uint32_t> segments;
        Matcher::segmentsOf(c, scan, segments);
        if (segments.empty()) {
            // No match starts before the first sentence with one of its strings (Pattern::leads).
            const qsizetype from = c.leads ? at(scan.segmentStarts[Matcher::firstSegment(c, scan)]) : 0;
            auto it = Matcher::ready(c).globalMatch(text, from, QRegularExpression::NormalMatch, noCheck);
            while (it.hasNext()) {
                const QRegularExpressionMatch x = it.next();
                if (!each(x.capturedStart(), x.capturedEnd()))
                    return;
            }
            return;
        }
        const std::vector<std::uint32_t> mine = segments; // each() may try other patterns
        for (std::size_t n = 0; n < mine.size();) {
            // Segments close together are tried in one call: no match crosses a segment's end (or
            // one that may is tried from as many segments before, Pattern::reach), so a range of
            // whole segments holds the same matches as the text does there.
            std::size_t last = n;
            while (last + 1 < mine.size() && scan.segmentStarts[mine[last + 1]] - scan.segmentStarts[mine[last] + 1] < 256)
                ++last;
            const qsizetype from = at(scan.segmentStarts[mine[n]]);
            const qsizetype to = at(scan.segmentStarts[mine[last] + 1] - 1);
            n = last + 1;
            auto it = Matcher::ready(c).globalMatch(QStringView(text).left(to), from, QRegularExpression::NormalMatch,
                                                    noCheck);
            while (it.hasNext()) {
                const QRegularExpressionMatch x = it.next();
                if (!each(x.capturedStart(), x.capturedEnd()))
                    return;
            }
        }
    }

    [[nodiscard]] std::vector<Span> all(const Compiled &c) const
    {
        std::vector<Span> spans;
        forEach(c, [&](qsizetype a, qsizetype b) {
            spans.push_back({a, b});
            return true;
        });
        return spans;
    }
};

bool overlapsAny(const std::vector<Span> &spans, qsizetype i, qsizetype j)
{
    return std::any_of(spans.begin(), spans.end(), [&](const Span &s) { return s.start < j && s.end > i; });
}

constexpr std::array<const char *, 12> kinds{"ideation", "attempt", "plan",   "self-injury", "threat", "act",
                                             "overdose", "violence", "mixing", "screen",      "topic",  "history"};

} // namespace

int kindIndex(std::string_view kind)
{
    for (std::size_t k = 0; k < kinds.size(); ++k)
        if (kind == kinds[k])
            return static_cast<int>(k);
    return -1;
}

const char *kindName(int index)
{
    return index >= 0 && static_cast<std::size_t>(index) < kinds.size() ? kinds[static_cast<std::size_t>(index)] : "head";
}

void read(std::string_view utf8, const std::vector<QString> &riskIds, std::vector<Hit> &out)
{
    out.clear();
    const Matcher &mt = Matcher::instance();
    const std::span<const Head> table = heads();
    const auto indexOf = [&](const char *risk) {
        const QLatin1StringView id(risk);
        for (std::size_t k = 0; k < riskIds.size(); ++k)
            if (riskIds[k] == id)
                return static_cast<int>(k);
        return -1;
    };
    // Each head's risk index, worked out again only when the ids change (they are the codebook's).
    thread_local std::vector<QString> idsBefore;
    thread_local std::vector<int> headRisk;
    if (headRisk.size() != table.size() || idsBefore != riskIds) {
        idsBefore = riskIds;
        headRisk.resize(table.size());
        for (std::size_t k = 0; k < table.size(); ++k)
            headRisk[k] = indexOf(table[k].risk);
    }
    thread_local Scan seen;
    mt.scan(utf8, seen);
    bool maybe = false;
    for (const Compiled &c : mt.heads)
        maybe = maybe || Matcher::mayMatch(c, seen);
    for (const Compiled &c : mt.safeDeny)
        maybe = maybe || Matcher::mayMatch(c, seen);
    if (!maybe)
        return;
    const Reading r(QString::fromUtf8(utf8.data(), static_cast<qsizetype>(utf8.size())));
    const QString &text = r.text;
    Note note{text, seen, {}};
    if (static_cast<std::size_t>(text.size()) != utf8.size()) {
        // Each byte's UTF-16 index (a continuation byte shares its sequence's).
        note.utf16.resize(utf8.size() + 1);
        qsizetype u = 0;
        for (std::size_t b = 0; b < utf8.size(); ++b) {
            const auto ch = static_cast<unsigned char>(utf8[b]);
            note.utf16[b] = u;
            if ((ch & 0xC0) != 0x80)
                u += ch >= 0xF0 ? 2 : 1;
        }
        note.utf16[utf8.size()] = text.size();
    }

    std::vector<Raw> hits;
    const std::size_t firstTopic = table.size() - topicCount();
    for (std::size_t k = 0; k < table.size(); ++k) {
        const Compiled &c = mt.heads[k];
        if (headRisk[k] < 0)
            continue;
        // A topic word counts where its sentence also holds a word of its context ("cut" and an arm).
        const QRegularExpression *context = k >= firstTopic ? &topicContext(k - firstTopic) : nullptr;
        if (context && context->pattern().isEmpty())
            context = nullptr;
        note.forEach(c, [&](qsizetype a, qsizetype b) {
            if (context) {
                const auto sb = r.sentenceBounds(a, b);
                if (!found(*context, r.slice(sb.first, sb.second)))
                    return true;
            }
            hits.push_back({idOf(table[k].risk), table[k].risk, table[k].kind, a, b});
            return true;
        });
    }
    // The risks named in each sentence (before mixing is added).
    std::map<std::pair<qsizetype, qsizetype>, unsigned> sentenceIds;
    for (const Raw &h : hits)
        sentenceIds[r.sentenceBounds(h.i, h.j)] |= 1u << h.id;
    // A mix: two substance classes (opioid, sedative, alcohol; not alcohol alone) in one sentence.
    // (Only when an opioid or a sedative and another class may be there: else no mix is.)
    const auto mayMix = [&] {
        int may = 0;
        for (std::size_t c = 0; c < mt.mixClasses.size() && c < 3; ++c)
            may += Matcher::mayMatch(mt.mixClasses[c], seen) ? 1 : 0;
        return may >= 2 && (Matcher::mayMatch(mt.mixClasses[0], seen) || Matcher::mayMatch(mt.mixClasses[1], seen));
    };
    if (indexOf("overdose") >= 0 && mayMix()) {
        std::array<std::vector<Span>, 3> classes;
        int present = 0;
        for (std::size_t c = 0; c < mt.mixClasses.size() && c < classes.size(); ++c) {
            classes[c] = note.all(mt.mixClasses[c]);
            present += classes[c].empty() ? 0 : 1;
        }
        if (present >= 2) {
            std::set<std::pair<qsizetype, qsizetype>> sentences;
            for (qsizetype a = 0; a < text.size();) {
                if (text[a].isSpace()) {
                    ++a;
                    continue;
                }
                qsizetype b = a;
                while (b < text.size() && !text[b].isSpace())
                    ++b;
                sentences.insert(r.sentenceBounds(a, b));
                a = b;
            }
            // A class said not taken is no part of a mix: "No on-top use, no benzos".
            static const QRegularExpression notTaken = rx(R"(\b(?:no|not|nil|without|never|denies|denied|zero)\s+(?:[\w-]+\s+)?$)");
            for (const auto &[ss, se] : sentences) {
                std::array<const Span *, 3> first{};
                for (std::size_t c = 0; c < classes.size(); ++c)
                    for (const Span &s : classes[c])
                        if (s.start >= ss && s.end <= se && !found(notTaken, r.slice(std::max(ss, s.start - 24), s.start))) {
                            first[c] = &s;
                            break;
                        }
                const int count = (first[0] ? 1 : 0) + (first[1] ? 1 : 0) + (first[2] ? 1 : 0);
                if (count < 2 || (!first[0] && !first[1]))
                    continue;
                const Span *last = nullptr;
                for (const Span *s : first)
                    if (s && (!last || s->start > last->start))
                        last = s;
                hits.push_back({Overdose, "overdose", "mixing", last->start, last->end});
            }
        }
    }

    static const QRegularExpression headStart = rx(R"(^(?:i|she|he|i've|ive|pt)\s+(?:\w+\s+){0,2})");
    static const QRegularExpression suicidalWords = rx(R"(\b(?:od|overdos|intent|attempt))");
    static const QRegularExpression overdoseIntent = rx(R"(\b(?:plan|intent\w*|attempts?|SA|suicid\w*|not\s+intending)\b)");
    static const QRegularExpression attemptList = rx(R"(\b(?:attempts?|SA)\b[^()]*\([^)]*$)");
    static const QRegularExpression bladeWords = rx(R"(blade|razor)");
    static const QRegularExpression weaponWords = rx(R"(gun|firearm|rifle|knife|pistol|revolver)");
    static const QRegularExpression bruise = rx(R"(bruis)");
    static const QRegularExpression scarWord = rx(R"(^scars?$)");
    static const QRegularExpression illicit = rx(
        R"(\b(?:heroin|gear|smack|fent\w*|street|alcohol|etoh|drink\w*|drank|booze|wine|beer|vodka|spirits|cider|cans|pints?|more\s+than|extra|double|on\s+top)\b)");
    // An answer that endorses the question: "paused and said, 'Not this week.'", "said yes".
    static const QRegularExpression endorse = rx(
        R"(\bendorse|\b(?:said|says|replied|answered|admitted)\s*,?\s*['‘’"]?(?:yes|yeah|sometimes|not\s+(?:this\s+week|today|tonight|right\s+now|at\s+the\s+moment|yet)|maybe|occasionally)\b)");
    static const QRegularExpression meAfter = rx(R"(^\s*me\b)", false);
    static const QRegularExpression meLast = rx(R"(\bme$)", false);
    static const QRegularExpression being = rx(R"(\bbeing\s+$)");
    static const QRegularExpression byPartner = rx(R"(^\s*(?:\w+\s+){0,3}by\s+(?:her\s+|my\s+|his\s+)?(?:partner|husband|wife|boyfriend|ex))");
    // Kinds of exclusion added to the prototype's (docs/risk.md, "The broad net").
    // Another sense of the head's word: "mood stable", "kicked her out", "pushes him away", the
    // clinician as "Writer", "distress tolerance", "went over the week" (reviewed, not overdosed).
    static const QRegularExpression otherSense = rx(
        R"(\bstab(?:le|ly|ility|ili[sz]\w*)\b|\bunstable\b|\bkick(?:s|ed|ing)?\s+(?:\w+\s+){0,2}out\b|\bpush(?:es|ed|ing)?\s+(?:\w+\s+){0,2}away\b)"
        R"(|\bwriter\s+will\b|\bdistress\s+tolerance\b|\bwindow\s+of\s+tolerance\b)"
        R"(|\bwent\s+over\s+(?:the|a|an|this|that|these|those|it|them|my|his|her|their|our|your|what|how|some|everything|to|there)\b)"
        // Events counted as attended, at work: "attended three overdoses and a hanging".
        R"(|\b(?:attended|attends|attending|responded\s+to)\s+(?:(?:\d+|two|three|four|five|six|several|multiple|many|some)\s+)?(?:overdoses|hangings|suicides|stabbings|ods)\b(?:,?\s+(?:and\s+)?(?:an?|one|two|three|\d+)\s+\w+)*)");
    // Collecting a prescription is routine: "collects his tablets from the pharmacy".
    static const QRegularExpression collecting = rx(R"(\bcollect|\bpick(?:s|ed|ing)?\s+up\b)");
    static const QRegularExpression pharmacy = rx(R"(\b(?:pharmacy|pharmacist|chemist|prescriptions?|dispens\w*|blister|dosette|repeat)\b)");
    // An attempt's method: "prior attempt by cutting" is the attempt, not self-injury.
    static const QRegularExpression attemptBy = rx(R"(\b(?:attempts?|SA|tried)\b[^.;]{0,40}\b(?:by|via|through)\s+$)");
    // A usual dose: a count of one to four of a medicine ("took 2 ibuprofen"), not packets or boxes.
    static const QRegularExpression usualDose = rx(
        R"(^(?:took|taken|take|swallow\w*|ingest\w*|down(?:ed)?|necked)\s+(?:like\s+|about\s+|around\s+)?(?:[1-4]|one|two|three|four|a\s+couple\s+of)\s+(?!x\s|packets|boxes|bottles|packs|strips))");
    static const QRegularExpression suicidal = rx(R"(\b(?:od|overdos\w*|intent\w*|attempt\w*|suicid\w*|kill|die|dead|end\s+it)\b)");
    // The topic reading's own other senses: "substance abuse", "alcohol abuse" (a use, not abuse of the
    // client); a death word whose clause names another person ("since the death of her father"); an
    // act on oneself read as harm to others or abuse ("wants to harm himself").
    static const QRegularExpression reflexive = rx(R"(\b(?:my|her|him|them|your|one)sel(?:f|ves)\b)");
    static const QRegularExpression selfBefore = rx(R"(\bself[-\s]?$)");
    static const QRegularExpression itAfter = rx(R"(^\s+it\b)");
    static const QRegularExpression ownedBefore = rx(R"(\b(?:his|her|their|its)\s+$)");
    static const QRegularExpression topicSense = rx(
        R"(\bhit\s+(?:the\s+)?(?:roof|ceiling|gym|road|hay|bottle|jackpot|shops|wall|target|ground|books)\b|\b(?:hair|fringe|nails|panic)\b)");
    static const QRegularExpression reflexiveAfter = rx(R"(^\s+(?:\w+\s+){0,2}?(?:my|her|him|them|your|one)sel(?:f|ves)\b|^\s+self\b)");
    static const QRegularExpression useAbuse = rx(R"(\b(?:substance|drugs?|alcohol|solvent|opioid|cannabis|prescription|drink|etoh|polysubstance)\s+$)");
    std::vector<Span> figures;
    for (const Compiled &c : hits.empty() ? std::span<const Compiled>{} : std::span<const Compiled>(mt.figurative)) {
        const std::vector<Span> spans = note.all(c);
        figures.insert(figures.end(), spans.begin(), spans.end());
    }
    const std::vector<Span> vehicles = hits.empty() ? std::vector<Span>{} : note.all(mt.vehicle);

    for (const Raw &h : hits) {
        const qsizetype i = h.i;
        const qsizetype j = h.j;
        const auto sb = r.sentenceBounds(i, j);
        const QStringView sent = r.slice(sb.first, sb.second);
        const QStringView w = r.slice(i, j);
        const QRegularExpressionMatch lead = headStart.match(w, 0, QRegularExpression::NormalMatch, noCheck);
        const qsizetype hs = i + (lead.hasMatch() ? lead.capturedEnd() : 0);
        const unsigned here = sentenceIds.contains(sb) ? sentenceIds[sb] : 0u;
        bool figurative = overlapsAny(figures, i, j) || (h.id != Suicide && overlapsAny(vehicles, i, j));
        if (!figurative) {
            // Another sense: a match of the list that overlaps the head.
            const auto cb = r.clauseBounds(i, j);
            auto it = otherSense.globalMatch(QStringView(text).left(cb.second), cb.first, QRegularExpression::NormalMatch, noCheck);
            while (it.hasNext() && !figurative) {
                const QRegularExpressionMatch x = it.next();
                figurative = x.capturedStart() < j && x.capturedEnd() > i;
            }
        }
        if ((h.id == HarmToOthers || h.id == Suicide || h.id == Abuse) && Matcher::mayMatch(mt.joke, seen)
            && found(Matcher::ready(mt.joke), sent) && !found(Matcher::ready(mt.nojoke), sent))
            figurative = true;
        const std::string_view kind(h.kind);
        const bool topic = kind == "topic";
        if (topic && !figurative) {
            const auto cb = r.clauseBounds(i, j);
            figurative = (h.id == Abuse && found(useAbuse, r.slice(i - 20, i)))
                         || (h.id == Suicide && r.kinBefore(j, cb.second).hasMatch())
                         // an act on oneself is no harm to others and no abuse: "want to harm myself"
                         || ((h.id == HarmToOthers || h.id == Abuse) && found(reflexiveAfter, r.slice(j, j + 30)))
                         // "self-harm" holds "harm"; "kill it at the interview"; a weapon used on oneself
                         || found(selfBefore, r.slice(i - 6, i))
                         || (h.id == HarmToOthers && (found(itAfter, r.slice(j, j + 5)) || found(reflexive, sent)))
                         // "his death": someone else's; "hit the roof", a fringe cut, a panic attack's "dying"
                         || (h.id == Suicide && found(ownedBefore, r.slice(i - 7, i)))
                         || found(topicSense, sent);
        }
        bool claimed = true;
        bool denied = false;
        if (figurative) {
        } else if (kind == "history") {
            // A stopped habit: the negation is the head's own ("not cut for 40 days"); only another
            // person's or a story's claims it.
            claimed = r.otherPerson(i, j);
        } else if (h.id == Abuse && found(Matcher::ready(mt.violentAct), w) && !r.abuseActOk(i, j)) {
            // an act by the client: harm to others, not abuse
        } else if (h.id == HarmToOthers
                   && (found(meAfter, r.slice(j, j + 4)) || found(meLast, w) || found(being, r.slice(i - 8, i))
                       || found(byPartner, r.slice(j, j + 40)))) {
            // the client is the one harmed — negated too: "he doesnt hit me" is no screen of the
            // client's harm to others
        } else if (r.negated(i, j, hs)) {
            // A topic word negated is dropped, not a denial: a screen is the rules' and the heads'.
            denied = !topic;
        } else if ((h.id == Suicide || h.id == SelfHarm || h.id == Overdose || h.id == HarmToOthers)
                   && r.otherPerson(i, j)) {
        } else if (h.id == Suicide && found(Matcher::ready(mt.therapeutic), sent) && !found(suicidalWords, sent)) {
            // a dose as prescribed
        } else if (h.id == Overdose && found(overdoseIntent, sent)) {
            // an overdose told as a suicide attempt is the attempt's
        } else if (h.id == SelfHarm && found(attemptList, r.slice(sb.first, i))) {
            // a method in brackets after attempts: "attempts x2 (OD, cutting)"
        } else if (h.id == SelfHarm && found(bladeWords, w) && found(Matcher::ready(mt.suicidePlanContext), sent)) {
            // a blade kept for suicide is a means, not self-injury
        } else if (h.id == Suicide && found(weaponWords, w) && (here & (1u << HarmToOthers))) {
            // a weapon in a sentence about harming someone is that harm's
        } else if (h.id == Abuse && found(bruise, w) && (here & (1u << SelfHarm))) {
            // a bruise beside self-injury is self-inflicted
        } else if (h.id == SelfHarm && found(scarWord, w) && (here & (1u << Abuse))) {
            // a scar beside abuse is the abuse's: "throws things at me … I've got a scar"
        } else if (h.id == Overdose && std::string_view(h.kind) == "overdose" && found(Matcher::ready(mt.therapeutic), sent)
                   && !found(illicit, sent)) {
            // a sedative taken as prescribed, with no drug or drink of misuse beside it
        } else if (h.id == Suicide && found(collecting, w) && found(pharmacy, sent) && !found(suicidal, sent)) {
            // a prescription collected
        } else if (h.id == SelfHarm && found(attemptBy, r.slice(sb.first, i))) {
            // an attempt's method
        } else if (h.id == Suicide && found(usualDose, w) && !found(suicidal, sent)) {
            // a usual dose
        } else if (const auto cb = r.clauseBounds(i, j);
                   Matcher::ready(mt.screen)
                       .match(QStringView(text).left(cb.second), cb.first, QRegularExpression::NormalMatch, noCheck)
                       .hasMatch()
                   && !found(endorse, sent)) {
            // a screen asked, a lesson, a story
        } else {
            claimed = false;
        }
        if (claimed && !denied)
            continue;
        out.push_back({indexOf(h.risk), h.kind, i, j, denied});
    }
    // Negative screens that deny a risk by themselves: "feels safe at home", "carries naloxone"
    // (the leftmost of each risk's).
    std::vector<Span> screens(riskIds.size(), Span{-1, -1});
    for (std::size_t k = 0; k < mt.safeDeny.size(); ++k) {
        const int risk = indexOf(kSafeDeny[k].name);
        if (risk < 0)
            continue;
        note.forEach(mt.safeDeny[k], [&](qsizetype a, qsizetype b) {
            Span &s = screens[static_cast<std::size_t>(risk)];
            if (s.start < 0 || a < s.start)
                s = {a, b};
            return false; // the first is enough
        });
    }
    for (std::size_t risk = 0; risk < screens.size(); ++risk)
        if (screens[risk].start >= 0)
            out.push_back({static_cast<int>(risk), "screen", screens[risk].start, screens[risk].end, true});
}

} // namespace broad

void Tagger::Impl::readBroad(const Text &text, std::vector<RiskFinding> &out) const
{
    thread_local std::vector<broad::Hit> hits;
    if (broadIds.empty() || text.tokens.empty())
        return;
    broad::read(text.bytes, broadIds, hits);
    if (hits.empty())
        return;
    // UTF-16 offsets to bytes (the same when the note is ASCII).
    std::vector<std::uint32_t> byteAt;
    const bool ascii = std::all_of(text.bytes.begin(), text.bytes.end(), [](char c) { return (static_cast<unsigned char>(c) & 0x80) == 0; });
    if (!ascii) {
        std::size_t b = 0;
        while (b < text.bytes.size()) {
            char32_t cp = 0;
            const int length = std::max(1, decodeUtf8(text.bytes, b, cp));
            byteAt.push_back(static_cast<std::uint32_t>(b));
            if (cp > 0xFFFF)
                byteAt.push_back(static_cast<std::uint32_t>(b));
            b += static_cast<std::size_t>(length);
        }
        byteAt.push_back(static_cast<std::uint32_t>(text.bytes.size()));
    }
    const auto toByte = [&](qsizetype u) {
        if (ascii)
            return static_cast<std::uint32_t>(u);
        return byteAt[std::min(static_cast<std::size_t>(u), byteAt.size() - 1)];
    };
    const std::vector<Token> &tokens = text.tokens;
    const auto riskIndex = [&](QLatin1StringView id) {
        const auto it = std::find(broadIds.begin(), broadIds.end(), id);
        return it == broadIds.end() ? -1 : static_cast<int>(it - broadIds.begin());
    };
    const int selfHarm = riskIndex("self-harm"_L1);
    const int abuse = riskIndex("abuse"_L1);
    const auto violentAct = [&](const RiskFinding &f) {
        const std::string_view words = std::string_view(text.bytes).substr(tokens[f.first].start, tokens[f.last].end - tokens[f.first].start);
        return broad::found(broad::Matcher::ready(broad::Matcher::instance().violentAct),
                     QString::fromUtf8(words.data(), static_cast<qsizetype>(words.size())));
    };
    // Exclusions read with the rules' person attribution and word lists (docs/risk.md, "The broad net").
    const auto claimed = [&](const RiskFinding &f) {
        // An accident in the sentence (the codebook's self-act accidents): "burnt her arm on the oven".
        if (f.risk == selfHarm && !selfActAccidents.empty()) {
            const std::uint32_t s = tokens[f.first].sentence;
            for (std::size_t k = f.first; k-- > 0 && tokens[k].sentence == s;)
                if (hasForm(selfActAccidents, tokens[k]))
                    return true;
            for (std::size_t k = f.first; k < tokens.size() && tokens[k].sentence == s; ++k)
                if (hasForm(selfActAccidents, tokens[k]))
                    return true;
        }
        if (f.risk == abuse) {
            // A professional does it: "her GP monitors her blood pressure".
            const int before = personBefore(text, f.first);
            const std::int8_t role = before >= 0 ? tokens[static_cast<std::size_t>(before)].role : -1;
            if (role >= 0
                && (roleKinds[static_cast<std::size_t>(role)] == RoleClass::Kind::Clinician
                    || codebook.roles().at(role).id == "authority"_L1))
                return true;
            // Done to another adult named after it: "her uncle hits her aunt" — an act of violence
            // only: a secret imposed or a room entered names no victim ("if i tell anyone").
            const int v = violentAct(f) ? victimOf(text, f.first, f.last) : -1;
            if (v >= 0 && tokens[static_cast<std::size_t>(v)].role >= 0) {
                const Person p = personAt(text, static_cast<std::size_t>(v));
                // Unless the client or a child is named with them: "hits my mum and me".
                bool also = false;
                for (auto k = static_cast<std::size_t>(v) + 1; k < tokens.size() && k <= static_cast<std::size_t>(v) + 3
                                                               && tokens[k].clause == tokens[static_cast<std::size_t>(v)].clause;
                     ++k) {
                    const Person q = personAt(text, k);
                    also = also || q.who == Person::Client || isChild(q);
                }
                if (p.who == Person::Other && !isChild(p) && !also)
                    return true;
            }
        }
        return false;
    };
    const std::size_t rules = out.size(); // the rules' findings come first
    for (const broad::Hit &h : hits) {
        const std::uint32_t b0 = toByte(h.start);
        const std::uint32_t b1 = toByte(h.end);
        // The words the span touches.
        const auto first = std::partition_point(tokens.begin(), tokens.end(), [&](const Token &t) { return t.end <= b0; });
        const auto stop = std::partition_point(first, tokens.end(), [&](const Token &t) { return t.start < b1; });
        if (first == stop)
            continue;
        RiskFinding f;
        f.risk = h.risk;
        f.first = static_cast<std::uint32_t>(first - tokens.begin());
        f.last = static_cast<std::uint32_t>(stop - tokens.begin() - 1);
        f.status = h.denied ? RiskFinding::Denied : RiskFinding::Present;
        f.rule = RiskFinding::Broad;
        f.classA = static_cast<std::int8_t>(broad::kindIndex(h.kind));
        f.rank = 2000; // the rules' kind of evidence names the flag when both found it
        if (f.status == RiskFinding::Present && claimed(f))
            continue;
        out.push_back(f);
    }
    // A head the net reads as negated denies the rules' present finding on the same words
    // ("asked about thoughts of harming others: he denied"); never one elsewhere in the note, and
    // never a passive wish, which is said in negatives ("if i just didnt exist").
    const auto passiveWish = [&](const RiskFinding &f) {
        if (f.rule == RiskFinding::Wish)
            return true;
        const int g = (f.rule == RiskFinding::Phrase || f.rule == RiskFinding::Field) && f.phrase >= 0
                          ? phrases[static_cast<std::size_t>(f.phrase)].group
                          : -1;
        return g >= 0 && codebook.risks().risks.at(f.risk).groups.at(g).name == "passive-wish"_L1;
    };
    // The rules' present findings by where they start, and the longest, so each denial looks only
    // at those that may overlap it (a long note has thousands).
    std::vector<std::pair<std::uint32_t, std::size_t>> present;
    std::uint32_t longest = 0;
    for (std::size_t r = 0; r < rules; ++r)
        if (out[r].status == RiskFinding::Present) {
            present.emplace_back(out[r].first, r);
            longest = std::max(longest, out[r].last - out[r].first);
        }
    std::sort(present.begin(), present.end());
    for (std::size_t k = rules; k < out.size(); ++k) {
        const RiskFinding &d = out[k];
        if (d.status != RiskFinding::Denied || d.classA == broad::kindIndex("screen"))
            continue;
        const std::uint32_t from = d.first > longest ? d.first - longest : 0;
        for (auto it = std::lower_bound(present.begin(), present.end(), std::pair<std::uint32_t, std::size_t>{from, 0});
             it != present.end() && it->first <= d.last; ++it) {
            RiskFinding &p = out[it->second];
            if (p.status == RiskFinding::Present && p.risk == d.risk && d.first <= p.last && !passiveWish(p))
                p.status = RiskFinding::Denied;
        }
    }
}

} // namespace uc::themes
