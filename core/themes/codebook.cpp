// SPDX-License-Identifier: GPL-3.0-or-later
#include "themes/codebook.h"

#include "common/error.h"
#include "themes/codebookparse.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

extern const char *const ucBuiltinCodebook; // generated from codebook.json

namespace uc::themes {

namespace parsing {

int lineAt(const QByteArray &source, qsizetype offset)
{
    return static_cast<int>(source.left(offset).count('\n')) + 1;
}

int lineOf(const QByteArray &source, const QString &needle)
{
    const qsizetype at = source.indexOf(QByteArray('"' + needle.toUtf8() + '"'));
    return at < 0 ? 0 : lineAt(source, at);
}

void malformed(int line, const QString &why)
{
    throw Error(ErrorKind::Io, QStringLiteral("codebook"),
                line > 0 ? QStringLiteral("line %1: %2").arg(line).arg(why) : why);
}

QString phraseFrom(const QJsonValue &v, const QByteArray &source, const QString &owner, const char *what)
{
    static const QRegularExpression phraseShape(QStringLiteral("^[^*\\s]+\\*?( [^*\\s]+\\*?)*$"));
    const QString phrase = v.toString().simplified().toLower();
    if (!v.isString() || phrase.isEmpty())
        malformed(lineOf(source, owner), QStringLiteral("%1: every %2 is a non-empty string").arg(owner, QLatin1String(what)));
    if (!phraseShape.match(phrase).hasMatch() || phrase.contains(QLatin1String("**")))
        malformed(lineOf(source, v.toString()),
                  QStringLiteral("%1: %2 \"%3\": '*' may only end a word").arg(owner, QLatin1String(what), v.toString()));
    if (phrase.split(QLatin1Char(' ')).size() > 8)
        malformed(lineOf(source, v.toString()), QStringLiteral("%1: a %2 has at most 8 words").arg(owner, QLatin1String(what)));
    return phrase;
}

QList<QString> phraseList(const QJsonValue &v, const QByteArray &source, const QString &owner, const char *what,
                          bool singleWord)
{
    QList<QString> out;
    if (v.isUndefined())
        return out;
    if (!v.isArray())
        malformed(lineOf(source, owner), QStringLiteral("%1: %2s must be a list of strings").arg(owner, QLatin1String(what)));
    for (const QJsonValue &p : v.toArray()) {
        const QString phrase = phraseFrom(p, source, owner, what);
        if (singleWord && (phrase.contains(QLatin1Char(' ')) || phrase.contains(QLatin1Char('-'))))
            malformed(lineOf(source, p.toString()),
                      QStringLiteral("%1: %2 \"%3\" must be one word").arg(owner, QLatin1String(what), phrase));
        out.append(phrase);
    }
    return out;
}

void checkId(const QString &id, const QByteArray &source, const char *what)
{
    static const QRegularExpression idShape(QStringLiteral("^[a-z][a-z0-9-]{1,47}$"));
    if (!idShape.match(id).hasMatch())
        malformed(lineOf(source, id), QStringLiteral("a %1 id is 2 to 48 lowercase letters, digits or '-'").arg(QLatin1String(what)));
}

} // namespace parsing

using namespace parsing;

namespace {

QJsonObject parseObject(const QByteArray &json)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        malformed(lineAt(json, error.offset), error.errorString());
    if (!doc.isObject())
        malformed(1, QStringLiteral("the codebook must be a JSON object"));
    return doc.object();
}

QList<QString> idList(const QJsonValue &v, const QByteArray &source, const QString &owner, const char *what)
{
    QList<QString> out;
    if (v.isUndefined())
        return out;
    if (!v.isArray())
        malformed(lineOf(source, owner), QStringLiteral("theme '%1': %2 must be a list of theme ids").arg(owner, QLatin1String(what)));
    for (const QJsonValue &x : v.toArray())
        out.append(x.toString());
    return out;
}

Theme themeFrom(const QJsonObject &o, const QByteArray &source)
{
    Theme t;
    t.id = o.value(QLatin1String("id")).toString();
    const int line = lineOf(source, t.id);
    checkId(t.id, source, "theme");
    t.label = o.value(QLatin1String("label")).toString(t.id);
    t.group = o.value(QLatin1String("group")).toString();
    t.description = o.value(QLatin1String("description")).toString();
    const QString subject = o.value(QLatin1String("subject")).toString(QStringLiteral("client"));
    if (subject != QLatin1String("client") && subject != QLatin1String("any"))
        malformed(line, QStringLiteral("theme '%1': subject is \"client\" or \"any\"").arg(t.id));
    t.clientSubject = subject == QLatin1String("client");
    t.futureCounts = o.value(QLatin1String("future_counts")).toBool(false);
    t.otherPersonTheme = o.value(QLatin1String("other_person_theme")).toString();
    t.objectOf = idList(o.value(QLatin1String("object_of")), source, t.id, "object_of");
    t.namesSubstance = o.value(QLatin1String("substance")).toBool(false);
    t.driver = o.value(QLatin1String("driver")).toString();
    t.use = o.value(QLatin1String("use")).toString();
    const QString owner = QStringLiteral("theme '%1'").arg(t.id);
    const QJsonValue phrases = o.value(QLatin1String("phrases"));
    if (!phrases.isUndefined() && !phrases.isArray())
        malformed(line, QStringLiteral("theme '%1': phrases must be a list of strings").arg(t.id));
    t.phrases = phraseList(phrases, source, owner, "phrase");
    const QJsonValue exceptions = o.value(QLatin1String("exceptions"));
    if (!exceptions.isUndefined() && !exceptions.isArray())
        malformed(line, QStringLiteral("theme '%1': exceptions must be a list of strings").arg(t.id));
    t.exceptions = phraseList(exceptions, source, owner, "exception");
    if (t.isDriverLink() != !t.use.isEmpty())
        malformed(line, QStringLiteral("theme '%1': a driver-linked theme names both \"driver\" and \"use\"").arg(t.id));
    if (!t.isDriverLink() && t.phrases.isEmpty())
        malformed(line, QStringLiteral("theme '%1' has no phrases").arg(t.id));
    return t;
}

QJsonObject themeToJson(const Theme &t)
{
    QJsonObject o{{QStringLiteral("id"), t.id},
                  {QStringLiteral("label"), t.label},
                  {QStringLiteral("group"), t.group},
                  {QStringLiteral("description"), t.description}};
    if (!t.clientSubject)
        o.insert(QStringLiteral("subject"), QStringLiteral("any"));
    if (t.futureCounts)
        o.insert(QStringLiteral("future_counts"), true);
    if (!t.otherPersonTheme.isEmpty())
        o.insert(QStringLiteral("other_person_theme"), t.otherPersonTheme);
    if (!t.objectOf.isEmpty())
        o.insert(QStringLiteral("object_of"), QJsonArray::fromStringList(t.objectOf));
    if (t.namesSubstance)
        o.insert(QStringLiteral("substance"), true);
    if (t.isDriverLink()) {
        o.insert(QStringLiteral("driver"), t.driver);
        o.insert(QStringLiteral("use"), t.use);
    }
    if (!t.phrases.isEmpty())
        o.insert(QStringLiteral("phrases"), QJsonArray::fromStringList(t.phrases));
    if (!t.exceptions.isEmpty())
        o.insert(QStringLiteral("exceptions"), QJsonArray::fromStringList(t.exceptions));
    return o;
}

} // namespace

const Codebook &Codebook::builtin()
{
    static const Codebook codebook = parseDocument(QByteArray(ucBuiltinCodebook), nullptr);
    return codebook;
}

Codebook Codebook::parse(const QByteArray &json)
{
    return parseDocument(json, &builtin());
}

Codebook Codebook::parseDocument(const QByteArray &json, const Codebook *defaults)
{
    const QJsonObject root = parseObject(json);
    if (root.value(QLatin1String("format")).toString() != QLatin1String("undercurrent-codebook"))
        malformed(1, QStringLiteral("\"format\" must be \"undercurrent-codebook\""));
    Codebook book;
    book.m_version = root.value(QLatin1String("version")).toInt(0);
    if (book.m_version < 1)
        malformed(lineOf(json, QStringLiteral("version")), QStringLiteral("\"version\" must be a positive number"));
    const QJsonValue themes = root.value(QLatin1String("themes"));
    if (!themes.isArray() || themes.toArray().isEmpty())
        malformed(lineOf(json, QStringLiteral("themes")), QStringLiteral("\"themes\" must be a non-empty list"));
    for (const QJsonValue &v : themes.toArray()) {
        if (!v.isObject())
            malformed(lineOf(json, QStringLiteral("themes")), QStringLiteral("every theme is an object"));
        book.m_themes.append(themeFrom(v.toObject(), json));
    }
    if (defaults) {
        book.m_rules = defaults->m_rules;
        // The built-in frames and senses, for the themes this codebook has; its own replace them.
        keepRulesFor(book.m_rules, book.m_themes);
    }
    readRules(root, json, book.m_rules, false);
    book.validate(json);
    return book;
}

void Codebook::applyEdits(const QByteArray &json)
{
    const QJsonObject root = parseObject(json);
    Codebook edited = *this;
    const QJsonValue themes = root.value(QLatin1String("themes"));
    if (!themes.isUndefined() && !themes.isArray())
        malformed(lineOf(json, QStringLiteral("themes")), QStringLiteral("\"themes\" must be a list"));
    for (const QJsonValue &v : themes.toArray()) {
        const QJsonObject o = v.toObject();
        const QString id = o.value(QLatin1String("id")).toString();
        auto existing = std::find_if(edited.m_themes.begin(), edited.m_themes.end(),
                                     [&](const Theme &t) { return t.id == id; });
        if (existing != edited.m_themes.end() && !o.contains(QLatin1String("label"))) {
            // Extra phrases for a theme the codebook has.
            QJsonObject merged = themeToJson(*existing);
            QJsonArray phrases = merged.value(QLatin1String("phrases")).toArray();
            for (const QJsonValue &p : o.value(QLatin1String("phrases")).toArray())
                phrases.append(p);
            merged.insert(QStringLiteral("phrases"), phrases);
            *existing = themeFrom(merged, json);
        } else if (existing != edited.m_themes.end()) {
            *existing = themeFrom(o, json);
        } else {
            edited.m_themes.append(themeFrom(o, json));
        }
    }
    for (const QJsonValue &v : root.value(QLatin1String("disabled")).toArray()) {
        const QString id = v.toString();
        auto it = std::find_if(edited.m_themes.begin(), edited.m_themes.end(), [&](const Theme &t) { return t.id == id; });
        if (it == edited.m_themes.end())
            malformed(lineOf(json, id), QStringLiteral("cannot disable '%1': no such theme").arg(id));
        it->enabled = false;
    }
    readRules(root, json, edited.m_rules, true);
    edited.validate(json);
    *this = edited;
}

void Codebook::validate(const QByteArray &source) const
{
    QSet<QString> ids;
    for (const Theme &t : m_themes) {
        if (ids.contains(t.id))
            malformed(lineOf(source, t.id), QStringLiteral("theme '%1' appears twice").arg(t.id));
        ids.insert(t.id);
    }
    for (const Theme &t : m_themes) {
        auto needPhrased = [&](const QString &id, const char *role) {
            const Theme *other = find(id);
            if (!other || other->isDriverLink())
                malformed(lineOf(source, t.id), QStringLiteral("theme '%1': %2 '%3' is not a phrase theme of this codebook")
                                                    .arg(t.id, QLatin1String(role), id));
        };
        if (t.isDriverLink()) {
            needPhrased(t.driver, "driver");
            needPhrased(t.use, "use");
        }
        if (!t.otherPersonTheme.isEmpty())
            needPhrased(t.otherPersonTheme, "other_person_theme");
        for (const QString &id : t.objectOf)
            needPhrased(id, "object_of");
    }
    validateRules(m_rules, m_themes, source);
}

const Theme *Codebook::find(const QString &id) const
{
    for (const Theme &t : m_themes)
        if (t.id == id)
            return &t;
    return nullptr;
}

const RiskDefinition *Codebook::findRisk(const QString &id) const
{
    for (const RiskDefinition &r : m_rules.risks.risks)
        if (r.id == id)
            return &r;
    return nullptr;
}

QString Codebook::labelOf(const QString &themeId) const
{
    const Theme *theme = find(themeId);
    return theme ? theme->label : themeId;
}

QString Codebook::riskLabelOf(const QString &riskId) const
{
    const RiskDefinition *risk = findRisk(riskId);
    return risk && !risk->label.isEmpty() ? risk->label : riskId;
}

QByteArray Codebook::toJson() const
{
    QJsonArray themes;
    for (const Theme &t : m_themes)
        themes.append(themeToJson(t));
    QJsonObject root{{QStringLiteral("format"), QStringLiteral("undercurrent-codebook")},
                     {QStringLiteral("version"), m_version},
                     {QStringLiteral("themes"), themes}};
    writeRules(m_rules, root);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace uc::themes
