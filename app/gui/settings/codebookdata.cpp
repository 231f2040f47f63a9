// SPDX-License-Identifier: GPL-3.0-or-later
#include "codebookdata.h"

#include "themes/codebook.h"
#include "vault/vault.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace uc::gui {

namespace {

QJsonObject editsObject(const QByteArray &edits)
{
    const QJsonDocument doc = QJsonDocument::fromJson(edits);
    return doc.isObject() ? doc.object() : QJsonObject();
}

QByteArray toBytes(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

} // namespace

QList<CodebookRow> loadCodebook(vault::Vault &vault)
{
    const themes::Codebook &builtin = themes::Codebook::builtin();
    QList<CodebookRow> rows;
    for (const themes::Theme &t : vault.tagging().codebook().themes()) {
        CodebookRow row;
        row.theme = t.id;
        row.label = t.label;
        row.group = t.group;
        row.description = t.description;
        row.phrases = t.phrases;
        row.enabled = t.enabled;
        row.custom = builtin.find(t.id) == nullptr;
        rows.append(row);
    }
    std::stable_partition(rows.begin(), rows.end(), [](const CodebookRow &r) { return !r.custom; });
    return rows;
}

QByteArray editsWithThemeEnabled(const QByteArray &edits, const QString &theme, bool enabled)
{
    QJsonObject o = editsObject(edits);
    QJsonArray disabled;
    for (const QJsonValue &v : o.value(u"disabled"_s).toArray()) {
        if (v.toString() != theme)
            disabled.append(v);
    }
    if (!enabled)
        disabled.append(theme);
    if (disabled.isEmpty())
        o.remove(u"disabled"_s);
    else
        o.insert(u"disabled"_s, disabled);
    return toBytes(o);
}

QByteArray editsWithNewTheme(const QByteArray &edits, const QString &theme, const QString &label,
                             const QStringList &phrases)
{
    QJsonObject o = editsObject(edits);
    QJsonArray themes = o.value(u"themes"_s).toArray();
    themes.append(QJsonObject{{u"id"_s, theme}, {u"label"_s, label.trimmed().isEmpty() ? theme : label.trimmed()},
                              {u"group"_s, u"Added in this vault"_s}, {u"phrases"_s, QJsonArray::fromStringList(phrases)}});
    o.insert(u"themes"_s, themes);
    return toBytes(o);
}

QByteArray editsWithPhrases(const QByteArray &edits, const QString &theme, const QStringList &phrases)
{
    QJsonObject o = editsObject(edits);
    QJsonArray themes = o.value(u"themes"_s).toArray();
    themes.append(QJsonObject{{u"id"_s, theme}, {u"phrases"_s, QJsonArray::fromStringList(phrases)}});
    o.insert(u"themes"_s, themes);
    return toBytes(o);
}

QStringList phrasesFrom(const QString &text)
{
    static const QRegularExpression separators(u"[,\\n]"_s);
    QStringList phrases;
    for (const QString &part : text.split(separators)) {
        const QString phrase = part.simplified();
        if (!phrase.isEmpty())
            phrases.append(phrase);
    }
    return phrases;
}

QString codebookRefusal(const QString &message)
{
    static const QRegularExpression prefix(u"^(codebook:\\s*)?(line \\d+:\\s*)?"_s);
    QString text = message;
    text.remove(prefix);
    if (text.isEmpty())
        return u"The codebook change was refused."_s;
    text[0] = text[0].toUpper();
    if (!text.endsWith(u'.'))
        text += u'.';
    return text;
}

} // namespace uc::gui
