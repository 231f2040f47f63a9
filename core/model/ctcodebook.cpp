// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/ctcodebook.h"

#include "common/error.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

extern const char *const ucBuiltinCtCodebook;

namespace uc::model {

namespace {

constexpr QLatin1StringView format("undercurrent-countertransference-codebook");

[[noreturn]] void malformed(const QString &where, const QString &why)
{
    throw Error(ErrorKind::Io, QStringLiteral("countertransference codebook"),
                (where.isEmpty() ? QString() : where + QStringLiteral(": ")) + why);
}

void onlyKeys(const QJsonObject &o, const QStringList &keys, const QString &where)
{
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!keys.contains(it.key()))
            malformed(where.isEmpty() ? it.key() : where + u'.' + it.key(), QStringLiteral("unknown key"));
}

QString text(const QJsonObject &o, const QString &key, const QString &where)
{
    const QString at = where + u'.' + key;
    if (!o.value(key).isString())
        malformed(at, QStringLiteral("must be a text"));
    const QString value = o.value(key).toString().trimmed();
    if (value.isEmpty())
        malformed(at, QStringLiteral("empty"));
    return value;
}

// A cue is lower-case words separated by single spaces; '*' may only end a word.
bool wellFormedCue(const QString &cue)
{
    static const QRegularExpression word(QStringLiteral(R"(^[a-z'\-]+\*?$)"));
    const QStringList words = cue.split(u' ');
    return std::all_of(words.begin(), words.end(), [](const QString &w) { return word.match(w).hasMatch(); });
}

} // namespace

const CtCode *CtCodebook::find(const QString &id) const
{
    for (const CtCode &c : codes)
        if (c.id == id)
            return &c;
    return nullptr;
}

QString CtCodebook::labelOf(const QString &id) const
{
    const CtCode *c = find(id);
    return c ? c->label : id;
}

CtCodebook CtCodebook::fromJson(const QByteArray &json)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        malformed({}, QStringLiteral("not valid JSON at byte %1").arg(error.offset));
    if (!doc.isObject())
        malformed({}, QStringLiteral("must be a JSON object"));
    const QJsonObject root = doc.object();
    onlyKeys(root, {QStringLiteral("format"), QStringLiteral("version"), QStringLiteral("codes")}, {});
    if (root.value(QLatin1String("format")).toString() != format)
        malformed(QStringLiteral("format"), QStringLiteral("must be \"%1\"").arg(format));
    if (root.value(QLatin1String("version")).toInt(-1) != 1)
        malformed(QStringLiteral("version"), QStringLiteral("must be 1"));
    if (!root.value(QLatin1String("codes")).isArray() || root.value(QLatin1String("codes")).toArray().isEmpty())
        malformed(QStringLiteral("codes"), QStringLiteral("must be a list of at least one code"));
    static const QRegularExpression idForm(QStringLiteral("^[a-z]+(-[a-z]+)*$"));
    CtCodebook book;
    QSet<QString> ids;
    const QJsonArray codes = root.value(QLatin1String("codes")).toArray();
    for (qsizetype i = 0; i < codes.size(); ++i) {
        const QString where = QStringLiteral("codes[%1]").arg(i);
        if (!codes.at(i).isObject())
            malformed(where, QStringLiteral("must be an object"));
        const QJsonObject o = codes.at(i).toObject();
        onlyKeys(o, {QStringLiteral("id"), QStringLiteral("label"), QStringLiteral("description"), QStringLiteral("cues")},
                 where);
        CtCode code{text(o, QStringLiteral("id"), where), text(o, QStringLiteral("label"), where),
                    text(o, QStringLiteral("description"), where), {}};
        if (!idForm.match(code.id).hasMatch())
            malformed(where + QStringLiteral(".id"), QStringLiteral("lower-case letters and hyphens only"));
        if (ids.contains(code.id))
            malformed(where + QStringLiteral(".id"), QStringLiteral("given twice"));
        ids.insert(code.id);
        if (!o.value(QLatin1String("cues")).isArray() || o.value(QLatin1String("cues")).toArray().isEmpty())
            malformed(where + QStringLiteral(".cues"), QStringLiteral("must be a list of at least one cue"));
        const QJsonArray cues = o.value(QLatin1String("cues")).toArray();
        for (qsizetype k = 0; k < cues.size(); ++k) {
            const QString at = where + QStringLiteral(".cues[%1]").arg(k);
            const QString cue = cues.at(k).toString();
            if (cue.trimmed().isEmpty())
                malformed(at, QStringLiteral("empty"));
            if (!wellFormedCue(cue))
                malformed(at, QStringLiteral("lower-case words separated by one space, '*' only at a word's end"));
            code.cues.append(cue);
        }
        book.codes.append(code);
    }
    return book;
}

const CtCodebook &CtCodebook::builtIn()
{
    static const CtCodebook book = fromJson(QByteArray(ucBuiltinCtCodebook));
    return book;
}

} // namespace uc::model
