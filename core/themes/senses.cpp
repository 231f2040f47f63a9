// SPDX-License-Identifier: GPL-3.0-or-later
// Word senses: a one-word mention the codebook's sense rules judge is kept only in the sense the
// theme means ("got high", not "high school"; "used again", not "uses humour"; "did shots", not
// "took some shots of the sunset"). Then objects: a mention inside or just after a mention of a
// theme it can be the object of is that mention's object ("craving a drink" is not a drink).
#include "themes/pipeline.h"

#include <algorithm>

namespace uc::themes {

namespace {

// A word of the text's content (a noun, verb or adjective), not a function word or a person.
bool contentWord(const Token &t)
{
    return !(t.flags & functionFlags) && t.role < 0;
}

} // namespace

bool Tagger::Impl::senseHolds(const Text &text, const Mention &m, const CompiledSense &sense) const
{
    const std::vector<Token> &tokens = text.tokens;
    const std::size_t w = m.first;
    const Token &word = tokens[w];
    const auto inSentence = [&](std::int64_t k) {
        return k >= 0 && static_cast<std::size_t>(k) < tokens.size() && tokens[static_cast<std::size_t>(k)].sentence == word.sentence;
    };
    const auto inClause = [&](std::int64_t k) {
        return inSentence(k) && tokens[static_cast<std::size_t>(k)].clause == word.clause;
    };
    const auto cue = [&](std::int64_t k) { return inSentence(k) && hasForm(sense.cues, tokens[static_cast<std::size_t>(k)]); };
    const auto next = static_cast<std::int64_t>(m.last) + 1;
    const auto prev = static_cast<std::int64_t>(w) - 1;
    switch (sense.kind) {
    case SenseKind::Predicative: {
        std::int64_t j = prev;
        while (inSentence(j) && (tokens[static_cast<std::size_t>(j)].flags & Intensifier))
            --j;
        const bool afterCue = inSentence(j) && cue(j);
        const bool afterVerb = inSentence(j) && (tokens[static_cast<std::size_t>(j)].flags & Copula);
        // Part of a compound: "high-functioning", "low-key".
        if (word.end < text.bytes.size() && text.bytes[word.end] == '-')
            return false;
        // Not before a noun or an object unless a verb makes it a state: "high school", "wasted
        // my time", "smashed a plate" — but "got wasted the night he left".
        if (!afterCue && !afterVerb && inClause(next)) {
            const Token &t = tokens[static_cast<std::size_t>(next)];
            if ((t.flags & (Det | Possessive)) || (contentWord(t) && !cue(next)))
                return false;
        }
        if (!inSentence(j))
            return true;
        if (afterCue) {
            // A cue makes it a state, but whose: "the rents have gotten very high" is a thing's
            // (a word of content before the auxiliary); "I just get high" is not.
            std::int64_t k = j - 1;
            bool auxiliary = false;
            while (inClause(k) && (tokens[static_cast<std::size_t>(k)].flags & (Copula | Aux | Intensifier | Adverbial | Neg))) {
                auxiliary = auxiliary || (tokens[static_cast<std::size_t>(k)].flags & (Copula | Aux));
                --k;
            }
            return !auxiliary || !inClause(k) || !contentWord(tokens[static_cast<std::size_t>(k)]);
        }
        const Token &p = tokens[static_cast<std::size_t>(j)];
        if (p.flags & (Det | Possessive))
            return false; // a noun: "a runner's high"
        if (afterVerb) {
            // Whose state: a thing is not high ("her blood pressure was high").
            std::int64_t k = j - 1;
            while (inSentence(k) && (tokens[static_cast<std::size_t>(k)].flags & (Copula | Aux | Intensifier | Adverbial | Neg)))
                --k;
            return !inSentence(k) || !contentWord(tokens[static_cast<std::size_t>(k)]);
        }
        return !contentWord(p); // "exercise high", "Risk: low"
    }
    case SenseKind::Infinitive:
    case SenseKind::Object: {
        // A substance as its object or right before it: "used heroin", "cocaine use", "last use".
        if (inClause(prev) && (tokens[static_cast<std::size_t>(prev)].substance >= 0 || cue(prev)))
            return true;
        for (std::int64_t k = next; k <= next + 3 && inClause(k); ++k) {
            const Token &t = tokens[static_cast<std::size_t>(k)];
            if (t.substance >= 0)
                return true;
            if (t.flags & (Coord | Clause | Term))
                break;
        }
        // Or no object at all: "used again", "using daily", "used on Friday".
        if (!inClause(next))
            return true;
        const Token &t = tokens[static_cast<std::size_t>(next)];
        // "urge to rescue her", "craving for attention": an infinitive or an object that is
        // neither a use nor a substance.
        if ((t.flags & ToFor) && inClause(next + 1)) {
            std::int64_t k = next + 1;
            while (inClause(k) && (tokens[static_cast<std::size_t>(k)].flags & (Det | Possessive | Intensifier)))
                ++k;
            return !inClause(k) || cue(k) || tokens[static_cast<std::size_t>(k)].substance >= 0
                   || !contentWord(tokens[static_cast<std::size_t>(k)]);
        }
        // "cravings this week", "used last night": a time, not an object.
        if ((t.flags & (Det | Adverbial)) && inClause(next + 1) && (tokens[static_cast<std::size_t>(next + 1)].flags & Adverbial))
            return true;
        // A noun that names the urge ("the cravings eased") may have any verb after it.
        if (sense.kind == SenseKind::Infinitive)
            return !(t.flags & (Det | Possessive));
        return !(t.flags & (Det | Possessive | ObjectPronoun)) && !contentWord(t);
    }
    case SenseKind::Noun:
        if (inClause(next) && contentWord(tokens[static_cast<std::size_t>(next)]))
            return false; // "joint account", "drug screen"
        return !cue(prev); // "knee joint"
    case SenseKind::Near:
    case SenseKind::NotNear: {
        bool found = false;
        for (std::int64_t k = prev - 2; k <= next + 2 && !found; ++k) {
            if (k >= prev + 1 && k < next)
                continue;
            found = cue(k)
                    || (sense.kind == SenseKind::Near && inSentence(k)
                        && tokens[static_cast<std::size_t>(k)].substance >= 0
                        && !(tokens[static_cast<std::size_t>(k)].flags & SubstanceDefault));
        }
        return sense.kind == SenseKind::Near ? found : !found;
    }
    case SenseKind::Prescribed: {
        bool prescribed = false;
        // Someone else's prescription is misuse: "her mother's tramadol".
        bool misuse = false;
        for (std::int64_t k = prev; k >= prev - 2 && inClause(k) && !misuse; --k)
            misuse = tokens[static_cast<std::size_t>(k)].role >= 0 && (tokens[static_cast<std::size_t>(k)].flags & Possessive);
        for (std::size_t k = w; k-- > 0 && tokens[k].sentence == word.sentence;) {
            prescribed = prescribed || hasForm(sense.cues, tokens[k]);
            misuse = misuse || hasForm(sense.misuse, tokens[k]);
        }
        for (std::size_t k = w; k < tokens.size() && tokens[k].sentence == word.sentence; ++k) {
            prescribed = prescribed || hasForm(sense.cues, tokens[k]);
            misuse = misuse || hasForm(sense.misuse, tokens[k]);
        }
        return !prescribed || misuse;
    }
    case SenseKind::Exact:
        return hasForm(phrases[static_cast<std::size_t>(m.phrase)].exactForms, word);
    case SenseKind::Self: {
        // The feeling ("disgusted", "disgust"), not the quality ("something disgusting I did"):
        // "disgusted with myself", "disgusted that I lied to her" are about oneself; "disgusted
        // with him", "disgusted that the landlord kept it" about someone else, not shame.
        const std::string_view written = text.bytes.substr(word.start, word.end - word.start);
        if (written.ends_with("ing"))
            return true;
        // "it disgusts me", "people like that disgust me": what disgusts is the subject, oneself
        // only when it is one's own ("my drinking disgusts me", "it disgusts me that I lied").
        if (inSentence(next) && (tokens[static_cast<std::size_t>(next)].flags & ObjectPronoun)) {
            for (std::int64_t k = next + 1; k <= next + 3 && inSentence(k); ++k)
                if (cue(k))
                    return true;
            for (std::int64_t k = prev; inClause(k); --k)
                if (tokens[static_cast<std::size_t>(k)].flags & FirstPerson)
                    return true;
            return false;
        }
        if (!inSentence(next) || !(tokens[static_cast<std::size_t>(next)].flags & (Prep | Comp | FearLink)))
            return true;
        for (std::int64_t k = next + 1; k <= next + 3 && inSentence(k); ++k)
            if (cue(k))
                return true;
        return false;
    }
    }
    return true;
}

void Tagger::Impl::applySenses(const Text &text, std::vector<Mention> &mentions) const
{
    if (!senses.empty()) {
        std::erase_if(mentions, [&](const Mention &m) {
            const Phrase &p = phrases[static_cast<std::size_t>(m.phrase)];
            return std::any_of(p.senses.begin(), p.senses.end(),
                               [&](int s) { return !senseHolds(text, m, senses[static_cast<std::size_t>(s)]); });
        });
    }
    // "craving a drink", "urge to use", "wanted to drink": the drink is the craving's object.
    const std::vector<Token> &tokens = text.tokens;
    for (std::size_t k = 0; k < mentions.size(); ++k) {
        Mention &m = mentions[k];
        const std::vector<int> &of = themeIndex[static_cast<std::size_t>(m.theme)].objectOf;
        if (of.empty())
            continue;
        for (std::size_t j = k; j-- > 0;) {
            const Mention &o = mentions[j];
            if (o.last + 6 < m.first)
                break;
            if (std::find(of.begin(), of.end(), o.theme) == of.end())
                continue;
            if (tokens[o.first].sentence != tokens[m.first].sentence)
                continue;
            bool apart = false;
            for (std::uint32_t t = o.last + 1; t < m.first && !apart; ++t)
                apart = (tokens[t].flags & (Coord | Clause | Term)) != 0;
            if (!apart) {
                m.counted = false;
                break;
            }
        }
        // Or stand right before it: "alcohol cravings", "using urges".
        for (std::size_t j = k + 1; j < mentions.size() && mentions[j].first <= m.last + 1 && m.counted; ++j)
            if (std::find(of.begin(), of.end(), mentions[j].theme) != of.end())
                m.counted = false;
        // Kept, not counted: it did not happen ("craving a drink"), and the exclusions say so.
        if (!m.counted)
            m.reason = Exclusion::Hypothetical;
    }
}

} // namespace uc::themes
