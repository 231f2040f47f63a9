// SPDX-License-Identifier: GPL-3.0-or-later
// After context: the substance each use, craving and relapse is about, and use tied to a driver in
// one sentence by purpose, cause or time ("drinks when she feels abandoned").
#include "themes/pipeline.h"

#include <algorithm>

namespace uc::themes {

void Tagger::Impl::nameSubstances(const Text &text, std::vector<Mention> &mentions) const
{
    if (substanceIds.empty())
        return;
    const std::vector<Token> &tokens = text.tokens;
    const auto specific = [&](std::size_t k) { return tokens[k].substance >= 0 && !(tokens[k].flags & SubstanceDefault); };
    std::int8_t other = -1;
    for (std::size_t s = 0; s < substanceIds.size(); ++s)
        if (substanceIds[s] == QLatin1String("other"))
            other = static_cast<std::int8_t>(s);
    for (Mention &m : mentions) {
        if (!themeIndex[static_cast<std::size_t>(m.theme)].namesSubstance)
            continue;
        const Token &head = tokens[m.first];
        std::int64_t found = -1;
        // Named in the mention ("drank", "relapsed on heroin"), then as its object ("craving
        // cocaine", "smoking weed") or just before it ("alcohol cravings"), then in its clause.
        for (std::size_t k = m.first; k <= m.last && found < 0; ++k)
            if (specific(k))
                found = static_cast<std::int64_t>(k);
        for (std::size_t k = m.last + 1; found < 0 && k < tokens.size() && k <= m.last + 4; ++k) {
            if (tokens[k].clause != tokens[m.last].clause || (tokens[k].flags & Coord))
                break;
            if (specific(k))
                found = static_cast<std::int64_t>(k);
        }
        for (std::size_t k = m.first, n = 0; found < 0 && k-- > 0 && n < 2; ++n) {
            if (tokens[k].clause != head.clause)
                break;
            if (specific(k))
                found = static_cast<std::int64_t>(k);
        }
        for (std::size_t k = m.first, n = 0; found < 0 && k-- > 0 && n < 12 && tokens[k].clause == head.clause; ++n)
            if (specific(k))
                found = static_cast<std::int64_t>(k);
        for (std::size_t k = m.last + 1; found < 0 && k < tokens.size() && tokens[k].clause == head.clause; ++k)
            if (specific(k))
                found = static_cast<std::int64_t>(k);
        // A word that names a substance unless a more specific one is near ("smoking": nicotine).
        for (std::size_t k = m.first; k <= m.last && found < 0; ++k)
            if (tokens[k].substance >= 0)
                found = static_cast<std::int64_t>(k);
        // Else the substance last named before it ("three months sober from alcohol … she relapsed").
        for (std::size_t k = m.first, n = 0; found < 0 && k-- > 0 && n < 60; ++n)
            if (specific(k))
                found = static_cast<std::int64_t>(k);
        m.substance = found >= 0 ? tokens[static_cast<std::size_t>(found)].substance : other;
    }
}

void Tagger::Impl::linkDrivers(const Text &text, std::vector<Mention> &mentions) const
{
    const std::vector<Token> &tokens = text.tokens;
    const auto &themes = codebook.themes();
    thread_local std::vector<Mention> added;
    added.clear();
    for (int ti = 0; ti < themes.size(); ++ti) {
        const Theme &link = themes.at(ti);
        if (!link.enabled || !link.isDriverLink())
            continue;
        const int driver = themeIndex[static_cast<std::size_t>(ti)].driver;
        const int use = themeIndex[static_cast<std::size_t>(ti)].use;
        // Counted driver mentions by sentence, so each use looks only at its own sentence's drivers.
        thread_local std::vector<const Mention *> drivers;
        drivers.clear();
        for (const Mention &d : mentions)
            if (d.theme == driver && d.counted)
                drivers.push_back(&d);
        if (drivers.empty())
            continue;
        insertionSort(drivers.begin(), drivers.end(), [&](const Mention *a, const Mention *b) {
            return tokens[a->first].sentence < tokens[b->first].sentence;
        });
        std::uint32_t lastSentence = UINT32_MAX;
        for (const Mention &u : mentions) {
            if (u.theme != use || !u.counted)
                continue;
            const std::uint32_t sentence = tokens[u.first].sentence;
            if (sentence == lastSentence)
                continue;
            auto from = std::lower_bound(drivers.begin(), drivers.end(), sentence, [&](const Mention *x, std::uint32_t s) {
                return tokens[x->first].sentence < s;
            });
            for (auto it = from; it != drivers.end() && tokens[(*it)->first].sentence == sentence; ++it) {
                const Mention &d = **it;
                // A link word that introduces the driver: "drinks WHEN she feels abandoned",
                // "WHENEVER he feels left out he uses", "drinks TO CALM her nerves".
                const std::uint32_t lo = u.last < d.first ? u.last + 1 : 0;
                std::int64_t linkAt = -1;
                for (std::int64_t j = static_cast<std::int64_t>(d.first) - 1; j >= 0; --j) {
                    const Token &t = tokens[static_cast<std::size_t>(j)];
                    if (t.sentence != sentence || static_cast<std::uint32_t>(j) < lo)
                        break;
                    if (u.last < d.first && static_cast<std::uint32_t>(j) <= u.last)
                        break;
                    const bool purpose = (t.flags & Prep) && t.end - t.start == 2
                                         && static_cast<std::size_t>(j + 1) < tokens.size()
                                         && (tokens[static_cast<std::size_t>(j + 1)].flags & Purpose);
                    const bool multi = t.flags & TimeLink; // "every time", "due to", "in response to"
                    if ((t.flags & Link) || purpose || multi) {
                        linkAt = j;
                        break;
                    }
                }
                if (linkAt < 0 && d.last < u.first) {
                    // "I'm terrified of flying, SO I got hammered": a consequence word after the driver.
                    for (std::uint32_t j = d.last + 1; j < u.first; ++j)
                        if (tokens[j].flags & ConseqLink) {
                            linkAt = j;
                            break;
                        }
                    if (linkAt >= 0) {
                        Mention m{ti, -1, d.first, u.last, true, Exclusion::Negated, ti};
                        m.anchor = m.first;
                        m.substance = u.substance;
                        added.push_back(m);
                        lastSentence = sentence;
                        break;
                    }
                }
                if (linkAt < 0)
                    continue;
                if (d.first < u.first && static_cast<std::uint32_t>(linkAt) > d.first)
                    continue;
                const std::uint32_t first = std::min({u.first, d.first, static_cast<std::uint32_t>(linkAt)});
                const std::uint32_t last = std::max({u.last, d.last});
                Mention m{ti, -1, first, last, true, Exclusion::Negated, ti};
                m.anchor = m.first;
                m.substance = u.substance;
                added.push_back(m);
                lastSentence = sentence;
                break;
            }
        }
    }
    for (Mention &m : added)
        mentions.push_back(std::move(m));
}

} // namespace uc::themes
