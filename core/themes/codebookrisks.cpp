// SPDX-License-Identifier: GPL-3.0-or-later
// The codebook's "risks" section: the risk flags' phrases by kind, their other senses, figures of
// speech, other people's acts and screens, and the word lists their rules read. Read with a line
// and a reason for every refusal, like the rest of the codebook.
#include "model/substances.h"
#include "themes/codebookparse.h"

#include <QSet>

#include <algorithm>

namespace uc::themes::parsing {

namespace {

const char *whoseName(RiskDefinition::Whose w)
{
    switch (w) {
    case RiskDefinition::Whose::Self:
        return "self";
    case RiskDefinition::Whose::Agent:
        return "agent";
    case RiskDefinition::Whose::Victim:
        return "victim";
    }
    return "self";
}

RiskDefinition *findRisk(QList<RiskDefinition> &risks, const QString &id)
{
    auto it = std::find_if(risks.begin(), risks.end(), [&](const RiskDefinition &r) { return r.id == id; });
    return it == risks.end() ? nullptr : &*it;
}

QJsonArray toArray(const QList<QString> &list)
{
    return QJsonArray::fromStringList(list);
}

void readGroups(const QJsonValue &v, const QByteArray &source, const QString &owner, QList<RiskGroup> &groups)
{
    if (v.isUndefined())
        return;
    if (!v.isArray())
        malformed(lineOf(source, owner), QStringLiteral("%1: \"groups\" must be a list of {\"name\", \"phrases\"}").arg(owner));
    for (const QJsonValue &g : v.toArray()) {
        if (!g.isObject())
            malformed(lineOf(source, owner), QStringLiteral("%1: every group is an object").arg(owner));
        const QJsonObject o = g.toObject();
        const QString name = o.value(QLatin1String("name")).toString();
        checkId(name, source, "risk group");
        const QList<QString> phrases = phraseList(o.value(QLatin1String("phrases")), source, owner, "phrase");
        auto it = std::find_if(groups.begin(), groups.end(), [&](const RiskGroup &x) { return x.name == name; });
        if (it != groups.end())
            it->phrases += phrases;
        else
            groups.append(RiskGroup{name, phrases});
    }
}

void readRisk(const QJsonObject &o, const QByteArray &source, QList<RiskDefinition> &risks)
{
    const QString id = o.value(QLatin1String("id")).toString();
    checkId(id, source, "risk");
    const QString owner = QStringLiteral("risk '%1'").arg(id);
    RiskDefinition *risk = findRisk(risks, id);
    if (!risk) {
        risks.append(RiskDefinition{});
        risk = &risks.last();
        risk->id = id;
        risk->label = id;
        if (!o.contains(QLatin1String("whose")))
            malformed(lineOf(source, id), QStringLiteral("%1: a new risk says \"whose\" act it is (self, agent or victim)").arg(owner));
    }
    risk->label = o.value(QLatin1String("label")).toString(risk->label);
    risk->description = o.value(QLatin1String("description")).toString(risk->description);
    if (o.contains(QLatin1String("whose"))) {
        const QString whose = o.value(QLatin1String("whose")).toString();
        if (whose == QLatin1String("self"))
            risk->whose = RiskDefinition::Whose::Self;
        else if (whose == QLatin1String("agent"))
            risk->whose = RiskDefinition::Whose::Agent;
        else if (whose == QLatin1String("victim"))
            risk->whose = RiskDefinition::Whose::Victim;
        else
            malformed(lineOf(source, id), QStringLiteral("%1: whose is \"self\", \"agent\" or \"victim\"").arg(owner));
    }
    risk->againstClient = o.value(QLatin1String("against_client")).toString(risk->againstClient);
    readGroups(o.value(QLatin1String("groups")), source, owner, risk->groups);
    risk->exceptions += phraseList(o.value(QLatin1String("exceptions")), source, owner, "exception");
    risk->netExceptions += phraseList(o.value(QLatin1String("net_exceptions")), source, owner, "exception");
    risk->figurative += phraseList(o.value(QLatin1String("figurative")), source, owner, "figure of speech");
    risk->others += phraseList(o.value(QLatin1String("others")), source, owner, "phrase of others");
    risk->screens += phraseList(o.value(QLatin1String("screens")), source, owner, "screen");
    risk->denials += phraseList(o.value(QLatin1String("denials")), source, owner, "denial");
    risk->figurativeCues += phraseList(o.value(QLatin1String("figurative_cues")), source, owner, "cue", true);
    risk->abstinence += phraseList(o.value(QLatin1String("abstinence")), source, owner, "phrase of abstinence");
    risk->useThemes += stringList(o.value(QLatin1String("use_themes")), source, owner, "use_themes");
    risk->useClasses += stringList(o.value(QLatin1String("use_classes")), source, owner, "use_classes");
    risk->needsSubstance += phraseList(o.value(QLatin1String("needs_substance")), source, owner, "phrase that needs a substance");
    for (const QString &pair : stringList(o.value(QLatin1String("mixing")), source, owner, "mixing")) {
        if (pair.count(QLatin1Char('+')) != 1)
            malformed(lineOf(source, pair), QStringLiteral("%1: mixing \"%2\" is two substance classes joined by '+'").arg(owner, pair));
        risk->mixing.append(pair);
    }
    const bool any = std::any_of(risk->groups.begin(), risk->groups.end(), [](const RiskGroup &g) { return !g.phrases.isEmpty(); });
    if (!any)
        malformed(lineOf(source, id), QStringLiteral("%1 has no phrases").arg(owner));
}

} // namespace

void readRisks(const QJsonObject &root, const QByteArray &source, RiskRules &into, bool edit)
{
    const QJsonValue v = root.value(QLatin1String("risks"));
    if (v.isUndefined())
        return;
    if (!v.isObject())
        malformed(lineOf(source, QStringLiteral("risks")), QStringLiteral("\"risks\" must be an object"));
    const QJsonObject section = v.toObject();
    if (!edit)
        into = RiskRules{};
    const QString owner = QStringLiteral("risks");
    const QJsonValue ids = section.value(QLatin1String("ids"));
    if (!ids.isUndefined() && !ids.isArray())
        malformed(lineOf(source, QStringLiteral("ids")), QStringLiteral("\"risks\": \"ids\" must be a list of risks"));
    for (const QJsonValue &r : ids.toArray()) {
        if (!r.isObject())
            malformed(lineOf(source, QStringLiteral("ids")), QStringLiteral("\"risks\": every risk is an object"));
        readRisk(r.toObject(), source, into.risks);
    }
    const QJsonValue acts = section.value(QLatin1String("acts"));
    if (!acts.isUndefined()) {
        if (!acts.isObject())
            malformed(lineOf(source, QStringLiteral("acts")),
                      QStringLiteral("\"risks\": \"acts\" is {\"phrases\", \"against_client\", \"by_client\"}"));
        const QJsonObject a = acts.toObject();
        into.acts += phraseList(a.value(QLatin1String("phrases")), source, owner, "act");
        into.actAgainstClient = a.value(QLatin1String("against_client")).toString(into.actAgainstClient);
        into.actByClient = a.value(QLatin1String("by_client")).toString(into.actByClient);
        into.childRoles += stringList(a.value(QLatin1String("child_roles")), source, owner, "child_roles");
    }
    into.control += phraseList(section.value(QLatin1String("control")), source, owner, "act of control");
    const QJsonValue keeping = section.value(QLatin1String("keeping"));
    if (!keeping.isUndefined()) {
        if (!keeping.isObject())
            malformed(lineOf(source, QStringLiteral("keeping")),
                      QStringLiteral("\"risks\": \"keeping\" is {\"phrases\", \"means\", \"risk\", \"group\"}"));
        const QJsonObject k = keeping.toObject();
        into.keeping += phraseList(k.value(QLatin1String("phrases")), source, owner, "keeping phrase");
        into.keepingMeans += phraseList(k.value(QLatin1String("means")), source, owner, "means word", true);
        into.keepingRisk = k.value(QLatin1String("risk")).toString(into.keepingRisk);
        into.keepingGroup = k.value(QLatin1String("group")).toString(into.keepingGroup);
    }
    const QJsonValue ingestion = section.value(QLatin1String("ingestion"));
    if (!ingestion.isUndefined()) {
        if (!ingestion.isObject())
            malformed(lineOf(source, QStringLiteral("ingestion")),
                      QStringLiteral("\"risks\": \"ingestion\" is {\"verbs\", \"quantities\", \"risk\", \"group\"}"));
        const QJsonObject i = ingestion.toObject();
        into.ingestionVerbs += phraseList(i.value(QLatin1String("verbs")), source, owner, "ingestion verb", true);
        into.ingestionQuantities += phraseList(i.value(QLatin1String("quantities")), source, owner, "quantity word", true);
        into.ingestionStems += phraseList(i.value(QLatin1String("stems")), source, owner, "medicine stem", true);
        into.ingestionRisk = i.value(QLatin1String("risk")).toString(into.ingestionRisk);
        into.ingestionGroup = i.value(QLatin1String("group")).toString(into.ingestionGroup);
    }
    const QJsonValue wish = section.value(QLatin1String("wish"));
    if (!wish.isUndefined()) {
        if (!wish.isObject())
            malformed(lineOf(source, QStringLiteral("wish")),
                      QStringLiteral("\"risks\": \"wish\" is {\"words\", \"heads\", \"risk\", \"group\"}"));
        const QJsonObject w = wish.toObject();
        into.wishWords += phraseList(w.value(QLatin1String("words")), source, owner, "wish word", true);
        into.wishHeads += phraseList(w.value(QLatin1String("heads")), source, owner, "death word");
        into.wishRisk = w.value(QLatin1String("risk")).toString(into.wishRisk);
        into.wishGroup = w.value(QLatin1String("group")).toString(into.wishGroup);
    }
    const QJsonValue selfActs = section.value(QLatin1String("self_acts"));
    if (!selfActs.isUndefined()) {
        if (!selfActs.isObject())
            malformed(lineOf(source, QStringLiteral("self_acts")),
                      QStringLiteral("\"risks\": \"self_acts\" is {\"verbs\", \"body\", \"accidents\", \"risk\", \"group\"}"));
        const QJsonObject a = selfActs.toObject();
        into.selfActs += phraseList(a.value(QLatin1String("verbs")), source, owner, "self act");
        into.selfActBody += phraseList(a.value(QLatin1String("body")), source, owner, "body word", true);
        into.selfActAccidents += phraseList(a.value(QLatin1String("accidents")), source, owner, "accident word", true);
        into.selfActRisk = a.value(QLatin1String("risk")).toString(into.selfActRisk);
        into.selfActGroup = a.value(QLatin1String("group")).toString(into.selfActGroup);
    }
    into.fiction += phraseList(section.value(QLatin1String("fiction")), source, owner, "fiction word", true);
    into.intentCues += phraseList(section.value(QLatin1String("intent_cues")), source, owner, "intent cue", true);
    into.acronyms += phraseList(section.value(QLatin1String("acronyms")), source, owner, "acronym", true);
    into.questions += phraseList(section.value(QLatin1String("questions")), source, owner, "question word", true);
    into.affirmations += phraseList(section.value(QLatin1String("affirmations")), source, owner, "affirmation", true);
    into.levels += phraseList(section.value(QLatin1String("levels")), source, owner, "level", true);
    into.lowLevels += phraseList(section.value(QLatin1String("low_levels")), source, owner, "level", true);
    into.fieldRisk = section.value(QLatin1String("field_risk")).toString(into.fieldRisk);
    into.intentFrom = section.value(QLatin1String("intent_from")).toString(into.intentFrom);
}

void writeRisks(const RiskRules &rules, QJsonObject &root)
{
    QJsonArray ids;
    for (const RiskDefinition &r : rules.risks) {
        QJsonArray groups;
        for (const RiskGroup &g : r.groups)
            groups.append(QJsonObject{{QStringLiteral("name"), g.name}, {QStringLiteral("phrases"), toArray(g.phrases)}});
        QJsonObject o{{QStringLiteral("id"), r.id},
                      {QStringLiteral("label"), r.label},
                      {QStringLiteral("description"), r.description},
                      {QStringLiteral("whose"), QLatin1String(whoseName(r.whose))},
                      {QStringLiteral("groups"), groups}};
        if (!r.againstClient.isEmpty())
            o.insert(QStringLiteral("against_client"), r.againstClient);
        for (const auto &[key, list] : {std::pair{"exceptions", &r.exceptions}, std::pair{"net_exceptions", &r.netExceptions},
                                        std::pair{"figurative", &r.figurative},
                                        std::pair{"others", &r.others}, std::pair{"screens", &r.screens},
                                        std::pair{"denials", &r.denials}, std::pair{"figurative_cues", &r.figurativeCues},
                                        std::pair{"mixing", &r.mixing}, std::pair{"abstinence", &r.abstinence},
                                        std::pair{"use_themes", &r.useThemes}, std::pair{"use_classes", &r.useClasses},
                                        std::pair{"needs_substance", &r.needsSubstance}})
            if (!list->isEmpty())
                o.insert(QLatin1String(key), toArray(*list));
        ids.append(o);
    }
    QJsonObject section{{QStringLiteral("ids"), ids}};
    section.insert(QStringLiteral("acts"), QJsonObject{{QStringLiteral("phrases"), toArray(rules.acts)},
                                                       {QStringLiteral("against_client"), rules.actAgainstClient},
                                                       {QStringLiteral("by_client"), rules.actByClient},
                                                       {QStringLiteral("child_roles"), toArray(rules.childRoles)}});
    if (!rules.keepingRisk.isEmpty())
        section.insert(QStringLiteral("keeping"), QJsonObject{{QStringLiteral("phrases"), toArray(rules.keeping)},
                                                             {QStringLiteral("means"), toArray(rules.keepingMeans)},
                                                             {QStringLiteral("risk"), rules.keepingRisk},
                                                             {QStringLiteral("group"), rules.keepingGroup}});
    if (!rules.ingestionRisk.isEmpty())
        section.insert(QStringLiteral("ingestion"), QJsonObject{{QStringLiteral("verbs"), toArray(rules.ingestionVerbs)},
                                                               {QStringLiteral("quantities"), toArray(rules.ingestionQuantities)},
                                                               {QStringLiteral("stems"), toArray(rules.ingestionStems)},
                                                               {QStringLiteral("risk"), rules.ingestionRisk},
                                                               {QStringLiteral("group"), rules.ingestionGroup}});
    if (!rules.wishRisk.isEmpty())
        section.insert(QStringLiteral("wish"), QJsonObject{{QStringLiteral("words"), toArray(rules.wishWords)},
                                                          {QStringLiteral("heads"), toArray(rules.wishHeads)},
                                                          {QStringLiteral("risk"), rules.wishRisk},
                                                          {QStringLiteral("group"), rules.wishGroup}});
    if (!rules.selfActRisk.isEmpty())
        section.insert(QStringLiteral("self_acts"), QJsonObject{{QStringLiteral("verbs"), toArray(rules.selfActs)},
                                                               {QStringLiteral("body"), toArray(rules.selfActBody)},
                                                               {QStringLiteral("accidents"), toArray(rules.selfActAccidents)},
                                                               {QStringLiteral("risk"), rules.selfActRisk},
                                                               {QStringLiteral("group"), rules.selfActGroup}});
    for (const auto &[key, list] : {std::pair{"control", &rules.control}, std::pair{"fiction", &rules.fiction},
                                    std::pair{"intent_cues", &rules.intentCues}, std::pair{"acronyms", &rules.acronyms},
                                    std::pair{"questions", &rules.questions}, std::pair{"affirmations", &rules.affirmations},
                                    std::pair{"levels", &rules.levels}, std::pair{"low_levels", &rules.lowLevels}})
        section.insert(QLatin1String(key), toArray(*list));
    section.insert(QStringLiteral("field_risk"), rules.fieldRisk);
    if (!rules.intentFrom.isEmpty())
        section.insert(QStringLiteral("intent_from"), rules.intentFrom);
    root.insert(QStringLiteral("risks"), section);
}

void validateRisks(const RiskRules &rules, const QList<Theme> &themes, const QByteArray &source)
{
    QSet<QString> ids;
    for (const RiskDefinition &r : rules.risks) {
        if (ids.contains(r.id))
            malformed(lineOf(source, r.id), QStringLiteral("risk '%1' appears twice").arg(r.id));
        ids.insert(r.id);
        // A consumer tells a risk from a theme by its id, too.
        if (std::any_of(themes.begin(), themes.end(), [&](const Theme &t) { return t.id == r.id; }))
            malformed(lineOf(source, r.id), QStringLiteral("'%1' is both a theme and a risk").arg(r.id));
    }
    if (rules.risks.size() > 32)
        malformed(lineOf(source, QStringLiteral("risks")), QStringLiteral("a codebook has at most 32 risks"));
    const auto known = [&](const QString &id, const QString &what) {
        if (!id.isEmpty() && !ids.contains(id))
            malformed(lineOf(source, id), QStringLiteral("%1: no risk '%2'").arg(what, id));
    };
    const QList<QString> &classes = model::substanceClasses();
    for (const RiskDefinition &r : rules.risks) {
        const QString owner = QStringLiteral("risk '%1'").arg(r.id);
        known(r.againstClient, owner);
        for (const QString &t : r.useThemes)
            if (std::none_of(themes.begin(), themes.end(), [&](const Theme &x) { return x.id == t; }))
                malformed(lineOf(source, t), QStringLiteral("%1: no theme '%2'").arg(owner, t));
        QStringList named = r.useClasses;
        for (const QString &pair : r.mixing)
            named += pair.split(QLatin1Char('+'));
        for (const QString &c : named)
            if (!classes.contains(c))
                malformed(lineOf(source, c), QStringLiteral("%1: '%2' is not a substance class").arg(owner, c));
        for (const QString &p : r.needsSubstance)
            if (std::none_of(r.groups.begin(), r.groups.end(), [&](const RiskGroup &g) { return g.phrases.contains(p); }))
                malformed(lineOf(source, p), QStringLiteral("%1: needs_substance \"%2\" is not a phrase of its groups").arg(owner, p));
    }
    known(rules.actAgainstClient, QStringLiteral("risks: acts"));
    known(rules.actByClient, QStringLiteral("risks: acts"));
    known(rules.intentFrom, QStringLiteral("risks: intent_from"));
    known(rules.fieldRisk, QStringLiteral("risks: field_risk"));
    known(rules.keepingRisk, QStringLiteral("risks: keeping"));
    for (const RiskDefinition &r : rules.risks)
        if (r.id == rules.keepingRisk
            && std::none_of(r.groups.begin(), r.groups.end(), [&](const RiskGroup &g) { return g.name == rules.keepingGroup; }))
            malformed(lineOf(source, rules.keepingGroup),
                      QStringLiteral("risks: keeping: risk '%1' has no group '%2'").arg(rules.keepingRisk, rules.keepingGroup));
    known(rules.ingestionRisk, QStringLiteral("risks: ingestion"));
    for (const RiskDefinition &r : rules.risks)
        if (r.id == rules.ingestionRisk
            && std::none_of(r.groups.begin(), r.groups.end(), [&](const RiskGroup &g) { return g.name == rules.ingestionGroup; }))
            malformed(lineOf(source, rules.ingestionGroup),
                      QStringLiteral("risks: ingestion: risk '%1' has no group '%2'").arg(rules.ingestionRisk, rules.ingestionGroup));
    known(rules.wishRisk, QStringLiteral("risks: wish"));
    for (const RiskDefinition &r : rules.risks)
        if (r.id == rules.wishRisk
            && std::none_of(r.groups.begin(), r.groups.end(), [&](const RiskGroup &g) { return g.name == rules.wishGroup; }))
            malformed(lineOf(source, rules.wishGroup),
                      QStringLiteral("risks: wish: risk '%1' has no group '%2'").arg(rules.wishRisk, rules.wishGroup));
    known(rules.selfActRisk, QStringLiteral("risks: self_acts"));
    for (const RiskDefinition &r : rules.risks)
        if (r.id == rules.selfActRisk
            && std::none_of(r.groups.begin(), r.groups.end(), [&](const RiskGroup &g) { return g.name == rules.selfActGroup; }))
            malformed(lineOf(source, rules.selfActGroup),
                      QStringLiteral("risks: self_acts: risk '%1' has no group '%2'").arg(rules.selfActRisk, rules.selfActGroup));
    if (!rules.acts.isEmpty() && (rules.actAgainstClient.isEmpty() || rules.actByClient.isEmpty()))
        malformed(lineOf(source, QStringLiteral("acts")), QStringLiteral("risks: acts name \"against_client\" and \"by_client\""));
}

} // namespace uc::themes::parsing
