// SPDX-License-Identifier: GPL-3.0-or-later
// Compiling the risk flags' rules once: their phrases of every kind into the same word table and
// phrase lists as the themes' (one matching pass serves both), the word lists their rules read
// into sorted form sets, substance class pairs and theme indexes by name.
#include "themes/morphology.h"
#include "themes/pipeline.h"

#include <algorithm>

namespace uc::themes {

void Tagger::Impl::compileRisks()
{
    const RiskRules &rules = codebook.risks();
    broadIds.clear();
    for (const RiskDefinition &r : rules.risks)
        broadIds.push_back(r.id);
    const auto riskIndex = [&](const QString &id) {
        for (qsizetype k = 0; k < rules.risks.size(); ++k)
            if (rules.risks.at(k).id == id)
                return static_cast<int>(k);
        return -1;
    };
    for (std::size_t k = 0; k < readingRisk.size(); ++k)
        readingRisk[k] = riskIndex(QString::fromLatin1(readingRiskIds[k]));
    const auto substanceIndex = [&](const QString &id) {
        for (std::size_t k = 0; k < substanceIds.size(); ++k)
            if (substanceIds[k] == id)
                return static_cast<std::int8_t>(k);
        return static_cast<std::int8_t>(-1);
    };
    const auto addOne = [&](const QString &text, int risk, RiskKind kind, int group) {
        const int index = compilePhrase(text, -1, -1, false);
        if (index < 0)
            return;
        Phrase &p = phrases[static_cast<std::size_t>(index)];
        p.risk = risk;
        p.riskKind = kind;
        p.group = static_cast<std::int16_t>(group);
    };
    // Written as texting writes it too: "wanna die", "gonna kill myself".
    const auto add = [&](const QString &text, int risk, RiskKind kind, int group) {
        addOne(text, risk, kind, group);
        const QString spaced = QLatin1Char(' ') + text + QLatin1Char(' ');
        for (const auto &[full, informal] : {std::pair{" want to ", " wanna "}, std::pair{" going to ", " gonna "},
                                              std::pair{" got to ", " gotta "}})
            if (spaced.contains(QLatin1String(full)))
                addOne(QString(spaced).replace(QLatin1String(full), QLatin1String(informal)).trimmed(), risk, kind, group);
    };
    riskVariants = true;
    for (qsizetype r = 0; r < rules.risks.size(); ++r) {
        const RiskDefinition &def = rules.risks.at(r);
        const int ri = static_cast<int>(r);
        CompiledRisk c;
        c.whose = def.whose;
        c.againstClient = riskIndex(def.againstClient);
        c.figurativeCues = formIds(def.figurativeCues);
        for (const QString &pair : def.mixing) {
            const QStringList parts = pair.split(QLatin1Char('+'));
            const std::int8_t a = substanceIndex(parts.value(0));
            const std::int8_t b = substanceIndex(parts.value(1));
            if (a >= 0 && b >= 0)
                c.mixing.emplace_back(a, b);
        }
        for (const QString &id : def.useThemes)
            for (int k = 0; k < codebook.themes().size(); ++k)
                if (codebook.themes().at(k).id == id && codebook.themes().at(k).enabled)
                    c.useThemes.push_back(k);
        for (const QString &id : def.useClasses)
            if (const std::int8_t s = substanceIndex(id); s >= 0)
                c.useClasses |= 1u << s;
        c.needsSubstance.assign(def.needsSubstance.cbegin(), def.needsSubstance.cend());
        risks.push_back(std::move(c));
        for (qsizetype g = 0; g < def.groups.size(); ++g)
            for (const QString &text : def.groups.at(g).phrases)
                add(text, ri, RiskKind::Group, static_cast<int>(g));
        for (const QString &text : def.exceptions)
            add(text, ri, RiskKind::Exception, -1);
        for (const QString &text : def.netExceptions)
            add(text, ri, RiskKind::NetException, -1);
        for (const QString &text : def.figurative)
            add(text, ri, RiskKind::Figurative, -1);
        for (const QString &text : def.others)
            add(text, ri, RiskKind::Others, -1);
        for (const QString &text : def.screens)
            add(text, ri, RiskKind::Screen, -1);
        for (const QString &text : def.denials)
            add(text, ri, RiskKind::Denial, -1);
        for (const QString &text : def.abstinence)
            add(text, ri, RiskKind::Abstinence, -1);
    }
    for (const QString &text : rules.acts)
        add(text, -1, RiskKind::Act, -1);
    for (const QString &text : rules.control)
        add(text, -1, RiskKind::Control, -1);
    if (const int keeper = riskIndex(rules.keepingRisk); keeper >= 0) {
        const QList<RiskGroup> &groups = rules.risks.at(keeper).groups;
        int group = -1;
        for (qsizetype g = 0; g < groups.size(); ++g)
            if (groups.at(g).name == rules.keepingGroup)
                group = static_cast<int>(g);
        for (const QString &text : rules.keeping)
            add(text, keeper, RiskKind::Keeping, group);
    }
    if (const int taker = riskIndex(rules.ingestionRisk); taker >= 0) {
        const QList<RiskGroup> &groups = rules.risks.at(taker).groups;
        for (qsizetype g = 0; g < groups.size(); ++g)
            if (groups.at(g).name == rules.ingestionGroup)
                ingestionGroup = static_cast<int>(g);
        ingestionRisk = taker;
        for (const QString &text : rules.ingestionVerbs)
            addOne(text, taker, RiskKind::Dose, ingestionGroup);
    }
    if (const int wisher = riskIndex(rules.wishRisk); wisher >= 0) {
        const QList<RiskGroup> &groups = rules.risks.at(wisher).groups;
        for (qsizetype g = 0; g < groups.size(); ++g)
            if (groups.at(g).name == rules.wishGroup)
                wishGroup = static_cast<int>(g);
        wishRisk = wisher;
        for (const QString &text : rules.wishHeads)
            addOne(text, wisher, RiskKind::Wish, wishGroup);
    }
    if (const int harmer = riskIndex(rules.selfActRisk); harmer >= 0) {
        const QList<RiskGroup> &groups = rules.risks.at(harmer).groups;
        for (qsizetype g = 0; g < groups.size(); ++g)
            if (groups.at(g).name == rules.selfActGroup)
                selfActGroup = static_cast<int>(g);
        selfActRisk = harmer;
        for (const QString &text : rules.selfActs)
            addOne(text, harmer, RiskKind::SelfAct, selfActGroup);
    }
    riskVariants = false;
    actAgainstClient = riskIndex(rules.actAgainstClient);
    actByClient = riskIndex(rules.actByClient);
    fieldRisk = riskIndex(rules.fieldRisk);
    intentFrom = riskIndex(rules.intentFrom);
    for (const QString &id : rules.childRoles)
        for (qsizetype k = 0; k < codebook.roles().size() && k < 32; ++k)
            if (codebook.roles().at(k).id == id)
                childRoles |= 1u << k;
    riskAcronyms = formIds(rules.acronyms);
    riskQuestions = formIds(rules.questions);
    riskAffirmations = formIds(rules.affirmations);
    riskLevels = formIds(rules.levels);
    riskLowLevels = formIds(rules.lowLevels);
    riskWord = formId("risk");
    riskFiction = formIds(rules.fiction);
    riskIntentCues = formIds(rules.intentCues);
    keepingMeans = formIds(rules.keepingMeans);
    ingestionVerbs = formIds(rules.ingestionVerbs);
    ingestionQuantities = formIds(rules.ingestionQuantities);
    for (const QString &stem : rules.ingestionStems)
        ingestionStems.push_back(stem.toCaseFolded().toStdString());
    wishWords = formIds(rules.wishWords);
    selfActBody = formIds(rules.selfActBody);
    selfActAccidents = formIds(rules.selfActAccidents);
}

} // namespace uc::themes
