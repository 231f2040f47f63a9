// SPDX-License-Identifier: GPL-3.0-or-later
// Compiling the codebook's rules beside its themes, once: role words and substance words into the
// word table (a person word carries its role class, a substance word its class), predicate
// phrases into the phrase lists, frames by predicate, and sense rules onto the one-word phrases
// they judge.
#include "themes/morphology.h"
#include "themes/pipeline.h"

#include <algorithm>

namespace uc::themes {

namespace {

std::uint64_t kindFlag(RoleClass::Kind kind)
{
    switch (kind) {
    case RoleClass::Kind::Family:
        return Family;
    case RoleClass::Kind::Other:
        return OtherNonFamily;
    case RoleClass::Kind::Clinician:
        return Clinician;
    }
    return 0;
}

} // namespace

bool Tagger::Impl::hasForm(const std::vector<std::int32_t> &sorted, const Token &t) const
{
    return t.form >= 0 && std::binary_search(sorted.begin(), sorted.end(), t.form);
}

void Tagger::Impl::compileRules()
{
    const Codebook::Rules rules{codebook.roles(), codebook.predicates(), codebook.frames(), codebook.substances(),
                                codebook.senses(), codebook.risks()};
    // People: each form of a role word knows its class, kind and gender.
    for (qsizetype r = 0; r < rules.roles.size() && r < 127; ++r) {
        const RoleClass &role = rules.roles.at(r);
        roleKinds.push_back(role.kind);
        if (role.kind == RoleClass::Kind::Clinician && clinicianRole < 0)
            clinicianRole = static_cast<std::int8_t>(r);
        const auto add = [&](const QList<QString> &list, std::uint64_t gender) {
            for (const QString &w : list)
                for (const std::string &form : nounForms(w.toCaseFolded().toStdString())) {
                    WordInfo &info = words.insert(form);
                    info.role = static_cast<std::int8_t>(r);
                    info.flags |= Role | kindFlag(role.kind) | gender;
                }
        };
        add(role.words, 0);
        add(role.female, Female);
        add(role.male, Male);
    }
    // Substances: a word names its class; a default word names it unless a specific one is near.
    for (qsizetype s = 0; s < rules.substances.size() && s < 127; ++s) {
        const SubstanceClass &substance = rules.substances.at(s);
        substanceIds.push_back(substance.id);
        const auto add = [&](const QList<QString> &list, std::uint64_t flags) {
            for (const QString &text : list) {
                std::string w = text.toCaseFolded().toStdString();
                if (!w.empty() && w.back() == '*') {
                    w.pop_back();
                    const std::int32_t p = prefixId(w);
                    if (p < 0)
                        continue;
                    if (prefixSubstance.size() <= static_cast<std::size_t>(p))
                        prefixSubstance.resize(static_cast<std::size_t>(p) + 1, -1);
                    prefixSubstance[static_cast<std::size_t>(p)] = static_cast<std::int8_t>(s);
                    continue;
                }
                for (const std::string &form : wordForms(w)) {
                    WordInfo &info = words.insert(form);
                    if (info.substance < 0 || !(flags & SubstanceDefault)) {
                        info.substance = static_cast<std::int8_t>(s);
                        info.flags = (info.flags & ~SubstanceDefault) | flags;
                    }
                }
            }
        };
        add(substance.defaults, SubstanceDefault);
    }
    for (qsizetype s = 0; s < rules.substances.size() && s < 127; ++s) {
        // Specific words after every class's defaults, so "weed" is cannabis wherever it is listed.
        for (const QString &text : rules.substances.at(s).words) {
            std::string w = text.toCaseFolded().toStdString();
            if (!w.empty() && w.back() == '*') {
                w.pop_back();
                const std::int32_t p = prefixId(w);
                if (p < 0)
                    continue;
                if (prefixSubstance.size() <= static_cast<std::size_t>(p))
                    prefixSubstance.resize(static_cast<std::size_t>(p) + 1, -1);
                prefixSubstance[static_cast<std::size_t>(p)] = static_cast<std::int8_t>(s);
                continue;
            }
            for (const std::string &form : wordForms(w)) {
                WordInfo &info = words.insert(form);
                info.substance = static_cast<std::int8_t>(s);
                info.flags &= ~SubstanceDefault;
            }
        }
    }
    // Predicates: their phrases are matched like a theme's, into mentions the frames read. A class
    // no frame reads still takes its words from the others, as the longer act: "a panic attack" is
    // not the harm of "attack", "hasn't spoken to anyone" not the conflict of "hasn't spoken".
    for (qsizetype p = 0; p < rules.predicates.size(); ++p) {
        predicatePersonObject.push_back(rules.predicates.at(p).personObject);
        predicateTimeObject.push_back(rules.predicates.at(p).timeObject);
        std::int8_t role = -1;
        for (qsizetype r = 0; r < rules.roles.size() && r < 127; ++r)
            if (rules.roles.at(r).id == rules.predicates.at(p).role)
                role = static_cast<std::int8_t>(r);
        predicateRole.push_back(role);
        for (const QString &text : rules.predicates.at(p).phrases)
            (void)compilePhrase(text, -1, static_cast<int>(p), false);
    }
    framesByPredicate.resize(static_cast<std::size_t>(rules.predicates.size()));
    const auto roleBits = [&](const QList<QString> &ids) {
        std::uint32_t bits = 0;
        for (const QString &id : ids)
            for (qsizetype r = 0; r < rules.roles.size() && r < 32; ++r)
                if (rules.roles.at(r).id == id)
                    bits |= 1u << r;
        return bits;
    };
    const auto themeOf = [&](const QString &id) {
        for (int k = 0; k < codebook.themes().size(); ++k)
            if (codebook.themes().at(k).id == id && codebook.themes().at(k).enabled)
                return k;
        return -1;
    };
    for (const Frame &f : rules.frames) {
        CompiledFrame c;
        c.roles = roleBits(f.roles);
        c.with = roleBits(f.with);
        c.agent = f.agent;
        c.sentence = f.sentence;
        for (qsizetype p = 0; p < rules.predicates.size(); ++p)
            if (rules.predicates.at(p).id == f.predicate)
                c.predicate = static_cast<int>(p);
        for (const QString &t : f.themes)
            if (const int k = themeOf(t); k >= 0)
                c.themes.push_back(k);
        if (c.predicate < 0 || c.themes.empty() || c.roles == 0)
            continue;
        QString with;
        for (qsizetype r = 0; r < rules.roles.size() && r < 32 && with.isEmpty(); ++r)
            if ((c.with >> r) & 1u)
                with = QLatin1Char('+') + rules.roles.at(r).id;
        for (qsizetype r = 0; r < rules.roles.size(); ++r)
            c.rules.push_back(QStringLiteral("frame:") + rules.roles.at(r).id + with + QLatin1Char('+') + f.predicate);
        framesByPredicate[static_cast<std::size_t>(c.predicate)].push_back(static_cast<int>(frames.size()));
        frames.push_back(std::move(c));
    }
    // Sense rules: their cue words into the table, the rule onto each one-word phrase it judges.
    static const QList<QPair<QString, SenseKind>> kinds = {
        {QStringLiteral("predicative"), SenseKind::Predicative}, {QStringLiteral("object"), SenseKind::Object},
        {QStringLiteral("infinitive"), SenseKind::Infinitive},
        {QStringLiteral("noun"), SenseKind::Noun},           {QStringLiteral("near"), SenseKind::Near},
        {QStringLiteral("not-near"), SenseKind::NotNear},    {QStringLiteral("prescribed"), SenseKind::Prescribed},
        {QStringLiteral("exact"), SenseKind::Exact},         {QStringLiteral("self"), SenseKind::Self}};
    for (const SenseRule &rule : rules.senses) {
        CompiledSense sense{SenseKind::Exact, formIds(rule.cues), formIds(rule.misuse)};
        for (const auto &[name, kind] : kinds)
            if (rule.rule == name)
                sense.kind = kind;
        const int index = static_cast<int>(senses.size());
        senses.push_back(std::move(sense));
        for (Phrase &p : phrases) {
            if (p.theme < 0 || p.exception || !rule.words.contains(p.text))
                continue;
            const QString &themeId = codebook.themes().at(p.theme).id;
            if (rule.themes.isEmpty() || rule.themes.contains(themeId))
                p.senses.push_back(index);
        }
    }
}

} // namespace uc::themes
