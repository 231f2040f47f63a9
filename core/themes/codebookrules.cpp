// SPDX-License-Identifier: GPL-3.0-or-later
// The codebook's sections beside "themes": roles, predicates, frames, substances and word senses,
// read with a line and a reason for every refusal.
#include "model/substances.h"
#include "themes/codebookparse.h"

#include <QSet>

#include <algorithm>
#include <array>

namespace uc::themes::parsing {

namespace {

constexpr std::array<const char *, 9> senseKinds = {"predicative", "object", "infinitive", "noun",
                                                    "near", "not-near", "prescribed", "exact", "self"};

template<typename T>
T *findById(QList<T> &list, const QString &id)
{
    auto it = std::find_if(list.begin(), list.end(), [&](const T &x) { return x.id == id; });
    return it == list.end() ? nullptr : &*it;
}

QJsonObject sectionObject(const QJsonObject &root, const char *name, const QByteArray &source)
{
    const QJsonValue v = root.value(QLatin1String(name));
    if (!v.isUndefined() && !v.isObject())
        malformed(lineOf(source, QLatin1String(name)), QStringLiteral("\"%1\" must be an object").arg(QLatin1String(name)));
    return v.toObject();
}

void readRoles(const QJsonObject &root, const QByteArray &source, QList<RoleClass> &roles, bool edit)
{
    const QJsonObject section = sectionObject(root, "roles", source);
    if (!edit && root.contains(QLatin1String("roles")))
        roles.clear();
    for (auto it = section.begin(); it != section.end(); ++it) {
        checkId(it.key(), source, "role");
        const QString owner = QStringLiteral("role '%1'").arg(it.key());
        if (!it.value().isObject())
            malformed(lineOf(source, it.key()), QStringLiteral("%1 must be an object with \"kind\" and \"words\"").arg(owner));
        const QJsonObject o = it.value().toObject();
        RoleClass *role = findById(roles, it.key());
        if (!role) {
            roles.append(RoleClass{it.key(), RoleClass::Kind::Other, {}, {}, {}});
            role = &roles.last();
            if (!o.contains(QLatin1String("kind")))
                malformed(lineOf(source, it.key()), QStringLiteral("%1: a new role names its \"kind\"").arg(owner));
        }
        if (o.contains(QLatin1String("kind"))) {
            const QString kind = o.value(QLatin1String("kind")).toString();
            if (kind == QLatin1String("family"))
                role->kind = RoleClass::Kind::Family;
            else if (kind == QLatin1String("other"))
                role->kind = RoleClass::Kind::Other;
            else if (kind == QLatin1String("clinician"))
                role->kind = RoleClass::Kind::Clinician;
            else
                malformed(lineOf(source, it.key()), QStringLiteral("%1: kind is \"family\", \"other\" or \"clinician\"").arg(owner));
        }
        role->words += phraseList(o.value(QLatin1String("words")), source, owner, "word", true);
        role->female += phraseList(o.value(QLatin1String("female")), source, owner, "word", true);
        role->male += phraseList(o.value(QLatin1String("male")), source, owner, "word", true);
        if (role->words.isEmpty() && role->female.isEmpty() && role->male.isEmpty())
            malformed(lineOf(source, it.key()), QStringLiteral("%1 has no words").arg(owner));
        for (const QList<QString> *list : {&role->words, &role->female, &role->male})
            for (const QString &w : *list)
                if (w.endsWith(QLatin1Char('*')))
                    malformed(lineOf(source, w), QStringLiteral("%1: \"%2\": a role word is a whole word").arg(owner, w));
    }
}

void readPredicates(const QJsonObject &root, const QByteArray &source, QList<PredicateClass> &predicates, bool edit)
{
    const QJsonObject section = sectionObject(root, "predicates", source);
    if (!edit && root.contains(QLatin1String("predicates")))
        predicates.clear();
    for (auto it = section.begin(); it != section.end(); ++it) {
        checkId(it.key(), source, "predicate");
        const QString owner = QStringLiteral("predicate '%1'").arg(it.key());
        PredicateClass *p = findById(predicates, it.key());
        if (!p) {
            predicates.append(PredicateClass{it.key(), {}, false, false, {}});
            p = &predicates.last();
        }
        QJsonValue phrases = it.value();
        if (it.value().isObject()) {
            const QJsonObject o = it.value().toObject();
            phrases = o.value(QLatin1String("phrases"));
            const QString object = o.value(QLatin1String("object")).toString(QStringLiteral("any"));
            if (object != QLatin1String("any") && object != QLatin1String("person") && object != QLatin1String("person-or-time"))
                malformed(lineOf(source, it.key()),
                          QStringLiteral("%1: object is \"any\", \"person\" or \"person-or-time\"").arg(owner));
            p->personObject = object != QLatin1String("any");
            p->timeObject = object == QLatin1String("person-or-time");
            p->role = o.value(QLatin1String("role")).toString(p->role);
        }
        if (!phrases.isArray())
            malformed(lineOf(source, it.key()), QStringLiteral("%1 must be a list of phrases or {\"phrases\": […]}").arg(owner));
        p->phrases += phraseList(phrases, source, owner, "phrase");
        if (p->phrases.isEmpty())
            malformed(lineOf(source, it.key()), QStringLiteral("%1 has no phrases").arg(owner));
    }
}

void readFrames(const QJsonObject &root, const QByteArray &source, QList<Frame> &frames, bool edit)
{
    const QJsonValue v = root.value(QLatin1String("frames"));
    if (v.isUndefined())
        return;
    if (!v.isArray())
        malformed(lineOf(source, QStringLiteral("frames")), QStringLiteral("\"frames\" must be a list"));
    if (!edit)
        frames.clear();
    for (const QJsonValue &f : v.toArray()) {
        if (!f.isObject())
            malformed(lineOf(source, QStringLiteral("frames")), QStringLiteral("every frame is an object"));
        const QJsonObject o = f.toObject();
        Frame frame;
        frame.predicate = o.value(QLatin1String("predicate")).toString();
        const QString owner = QStringLiteral("frame of '%1'").arg(frame.predicate);
        frame.roles = stringList(o.value(QLatin1String("roles")), source, owner, "roles");
        frame.with = stringList(o.value(QLatin1String("with")), source, owner, "with");
        frame.themes = stringList(o.value(QLatin1String("themes")), source, owner, "themes");
        frame.agent = o.value(QLatin1String("agent")).toBool(false);
        const QString scope = o.value(QLatin1String("scope")).toString(QStringLiteral("clause"));
        if (scope != QLatin1String("clause") && scope != QLatin1String("sentence"))
            malformed(lineOf(source, frame.predicate), QStringLiteral("%1: scope is \"clause\" or \"sentence\"").arg(owner));
        frame.sentence = scope == QLatin1String("sentence");
        if (frame.predicate.isEmpty() || frame.roles.isEmpty() || frame.themes.isEmpty())
            malformed(lineOf(source, QStringLiteral("frames")),
                      QStringLiteral("a frame names a \"predicate\", its \"roles\" and its \"themes\""));
        frames.append(frame);
    }
}

void readSubstances(const QJsonObject &root, const QByteArray &source, QList<SubstanceClass> &substances, bool edit)
{
    const QJsonObject section = sectionObject(root, "substances", source);
    if (!edit && root.contains(QLatin1String("substances")))
        substances.clear();
    for (auto it = section.begin(); it != section.end(); ++it) {
        const QString owner = QStringLiteral("substance '%1'").arg(it.key());
        if (!model::substanceClasses().contains(it.key()))
            malformed(lineOf(source, it.key()),
                      QStringLiteral("%1: a substance class is one of alcohol, opioids, stimulants, cannabis, sedatives, "
                                     "nicotine, other").arg(owner));
        if (!it.value().isObject())
            malformed(lineOf(source, it.key()), QStringLiteral("%1 must be an object with \"words\"").arg(owner));
        const QJsonObject o = it.value().toObject();
        SubstanceClass *s = findById(substances, it.key());
        if (!s) {
            substances.append(SubstanceClass{it.key(), {}, {}});
            s = &substances.last();
        }
        s->words += phraseList(o.value(QLatin1String("words")), source, owner, "word", true);
        s->defaults += phraseList(o.value(QLatin1String("defaults")), source, owner, "word", true);
    }
}

void readSenses(const QJsonObject &root, const QByteArray &source, QList<SenseRule> &senses, bool edit)
{
    const QJsonValue v = root.value(QLatin1String("senses"));
    if (v.isUndefined())
        return;
    if (!v.isArray())
        malformed(lineOf(source, QStringLiteral("senses")), QStringLiteral("\"senses\" must be a list"));
    if (!edit)
        senses.clear();
    for (const QJsonValue &x : v.toArray()) {
        const QJsonObject o = x.toObject();
        SenseRule rule;
        rule.rule = o.value(QLatin1String("rule")).toString();
        const QString owner = QStringLiteral("sense rule '%1'").arg(rule.rule);
        if (std::none_of(senseKinds.begin(), senseKinds.end(), [&](const char *k) { return rule.rule == QLatin1String(k); }))
            malformed(lineOf(source, QStringLiteral("senses")),
                      QStringLiteral("a sense rule is one of predicative, object, infinitive, noun, near, not-near, "
                                     "prescribed, exact, self"));
        rule.words = phraseList(o.value(QLatin1String("words")), source, owner, "word");
        rule.cues = phraseList(o.value(QLatin1String("cues")), source, owner, "cue", true);
        rule.misuse = phraseList(o.value(QLatin1String("misuse")), source, owner, "cue", true);
        rule.themes = stringList(o.value(QLatin1String("themes")), source, owner, "themes");
        if (rule.words.isEmpty())
            malformed(lineOf(source, rule.rule), QStringLiteral("%1 has no words").arg(owner));
        if ((rule.rule == QLatin1String("near") || rule.rule == QLatin1String("not-near")
             || rule.rule == QLatin1String("prescribed"))
            && rule.cues.isEmpty())
            malformed(lineOf(source, rule.rule), QStringLiteral("%1 needs \"cues\"").arg(owner));
        senses.append(rule);
    }
}

QJsonArray toArray(const QList<QString> &list)
{
    return QJsonArray::fromStringList(list);
}

} // namespace

QList<QString> stringList(const QJsonValue &v, const QByteArray &source, const QString &owner, const char *what)
{
    QList<QString> out;
    if (v.isUndefined())
        return out;
    if (!v.isArray())
        malformed(lineOf(source, owner), QStringLiteral("%1: \"%2\" must be a list of strings").arg(owner, QLatin1String(what)));
    for (const QJsonValue &x : v.toArray()) {
        if (!x.isString() || x.toString().isEmpty())
            malformed(lineOf(source, owner), QStringLiteral("%1: \"%2\" must be a list of strings").arg(owner, QLatin1String(what)));
        out.append(x.toString());
    }
    return out;
}

void readRules(const QJsonObject &root, const QByteArray &source, Codebook::Rules &into, bool edit)
{
    readRoles(root, source, into.roles, edit);
    readPredicates(root, source, into.predicates, edit);
    readFrames(root, source, into.frames, edit);
    readSubstances(root, source, into.substances, edit);
    readSenses(root, source, into.senses, edit);
    readRisks(root, source, into.risks, edit);
}

void writeRules(const Codebook::Rules &rules, QJsonObject &root)
{
    QJsonObject roles;
    for (const RoleClass &r : rules.roles) {
        QJsonObject o{{QStringLiteral("kind"), r.kind == RoleClass::Kind::Family  ? QStringLiteral("family")
                                               : r.kind == RoleClass::Kind::Other ? QStringLiteral("other")
                                                                                  : QStringLiteral("clinician")}};
        if (!r.words.isEmpty())
            o.insert(QStringLiteral("words"), toArray(r.words));
        if (!r.female.isEmpty())
            o.insert(QStringLiteral("female"), toArray(r.female));
        if (!r.male.isEmpty())
            o.insert(QStringLiteral("male"), toArray(r.male));
        roles.insert(r.id, o);
    }
    QJsonObject predicates;
    for (const PredicateClass &p : rules.predicates) {
        if (p.personObject || !p.role.isEmpty()) {
            QJsonObject o{{QStringLiteral("phrases"), toArray(p.phrases)}};
            if (p.personObject)
                o.insert(QStringLiteral("object"), p.timeObject ? QStringLiteral("person-or-time") : QStringLiteral("person"));
            if (!p.role.isEmpty())
                o.insert(QStringLiteral("role"), p.role);
            predicates.insert(p.id, o);
        } else {
            predicates.insert(p.id, toArray(p.phrases));
        }
    }
    QJsonArray frames;
    for (const Frame &f : rules.frames) {
        QJsonObject o{{QStringLiteral("roles"), toArray(f.roles)},
                      {QStringLiteral("predicate"), f.predicate},
                      {QStringLiteral("themes"), toArray(f.themes)}};
        if (!f.with.isEmpty())
            o.insert(QStringLiteral("with"), toArray(f.with));
        if (f.agent)
            o.insert(QStringLiteral("agent"), true);
        if (f.sentence)
            o.insert(QStringLiteral("scope"), QStringLiteral("sentence"));
        frames.append(o);
    }
    QJsonObject substances;
    for (const SubstanceClass &s : rules.substances) {
        QJsonObject o{{QStringLiteral("words"), toArray(s.words)}};
        if (!s.defaults.isEmpty())
            o.insert(QStringLiteral("defaults"), toArray(s.defaults));
        substances.insert(s.id, o);
    }
    QJsonArray senses;
    for (const SenseRule &r : rules.senses) {
        QJsonObject o{{QStringLiteral("rule"), r.rule}, {QStringLiteral("words"), toArray(r.words)}};
        if (!r.cues.isEmpty())
            o.insert(QStringLiteral("cues"), toArray(r.cues));
        if (!r.misuse.isEmpty())
            o.insert(QStringLiteral("misuse"), toArray(r.misuse));
        if (!r.themes.isEmpty())
            o.insert(QStringLiteral("themes"), toArray(r.themes));
        senses.append(o);
    }
    root.insert(QStringLiteral("roles"), roles);
    root.insert(QStringLiteral("predicates"), predicates);
    root.insert(QStringLiteral("frames"), frames);
    root.insert(QStringLiteral("substances"), substances);
    root.insert(QStringLiteral("senses"), senses);
    writeRisks(rules.risks, root);
}

void validateRules(const Codebook::Rules &rules, const QList<Theme> &themes, const QByteArray &source)
{
    QSet<QString> roleIds;
    for (const RoleClass &r : rules.roles)
        roleIds.insert(r.id);
    if (rules.roles.size() > 32)
        malformed(lineOf(source, QStringLiteral("roles")), QStringLiteral("a codebook has at most 32 role classes"));
    QSet<QString> predicateIds;
    for (const PredicateClass &p : rules.predicates)
        predicateIds.insert(p.id);
    auto phraseTheme = [&](const QString &id) {
        return std::any_of(themes.begin(), themes.end(), [&](const Theme &t) { return t.id == id && !t.isDriverLink(); });
    };
    for (const PredicateClass &p : rules.predicates)
        if (!p.role.isEmpty() && !roleIds.contains(p.role))
            malformed(lineOf(source, p.role), QStringLiteral("predicate '%1': no role class '%2'").arg(p.id, p.role));
    for (const Frame &f : rules.frames) {
        const QString owner = QStringLiteral("frame of '%1'").arg(f.predicate);
        if (!predicateIds.contains(f.predicate))
            malformed(lineOf(source, f.predicate), QStringLiteral("%1: no predicate class '%2'").arg(owner, f.predicate));
        for (const QList<QString> *list : {&f.roles, &f.with})
            for (const QString &r : *list)
                if (!roleIds.contains(r))
                    malformed(lineOf(source, r), QStringLiteral("%1: no role class '%2'").arg(owner, r));
        for (const QString &t : f.themes)
            if (!phraseTheme(t))
                malformed(lineOf(source, t), QStringLiteral("%1: '%2' is not a phrase theme of this codebook").arg(owner, t));
    }
    for (const SenseRule &r : rules.senses)
        for (const QString &t : r.themes)
            if (!phraseTheme(t))
                malformed(lineOf(source, t),
                          QStringLiteral("sense rule '%1': '%2' is not a phrase theme of this codebook").arg(r.rule, t));
    validateRisks(rules.risks, themes, source);
}

void keepRulesFor(Codebook::Rules &rules, const QList<Theme> &themes)
{
    auto has = [&](const QString &id) {
        return std::any_of(themes.begin(), themes.end(), [&](const Theme &t) { return t.id == id && !t.isDriverLink(); });
    };
    for (Frame &f : rules.frames)
        f.themes.removeIf([&](const QString &t) { return !has(t); });
    rules.frames.removeIf([](const Frame &f) { return f.themes.isEmpty(); });
    QList<SenseRule> senses;
    for (SenseRule r : std::as_const(rules.senses)) {
        if (r.themes.isEmpty()) {
            senses.append(r);
            continue;
        }
        r.themes.removeIf([&](const QString &t) { return !has(t); });
        if (!r.themes.isEmpty())
            senses.append(r);
    }
    rules.senses = senses;
    for (RiskDefinition &r : rules.risks.risks)
        r.useThemes.removeIf([&](const QString &t) { return !has(t); });
}

} // namespace uc::themes::parsing
