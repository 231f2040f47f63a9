// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/notefields.h"

#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace uc::model {

namespace {

// The word at a stage's or a level's place, compared without case ("Contemplation").
std::optional<int> placeOf(const QStringList &words, QStringView text)
{
    for (qsizetype i = 0; i < words.size(); ++i)
        if (text.compare(words.at(i), Qt::CaseInsensitive) == 0)
            return static_cast<int>(i);
    return std::nullopt;
}

// The field a section's title names: the addiction template's sections and their plain forms.
std::optional<Field> fieldOfSection(QStringView title)
{
    static const QRegularExpression craving(u"^cravings?(?:\\s*\\(\\s*0\\s*[-–]\\s*10\\s*\\))?$"_s,
                                            QRegularExpression::CaseInsensitiveOption);
    if (craving.match(title).hasMatch())
        return Field::Craving;
    if (title.compare(u"Stage of change", Qt::CaseInsensitive) == 0)
        return Field::Stage;
    if (title.compare(u"Days abstinent", Qt::CaseInsensitive) == 0)
        return Field::DaysAbstinent;
    if (title.compare(u"Risk", Qt::CaseInsensitive) == 0 || title.compare(u"Risk level", Qt::CaseInsensitive) == 0)
        return Field::RiskLevel;
    return std::nullopt;
}

std::optional<int> parseValue(Field field, QStringView text)
{
    switch (field) {
    case Field::Craving:
        return parseCraving(text);
    case Field::Stage:
        return parseStage(text);
    case Field::DaysAbstinent:
        return parseDaysAbstinent(text);
    case Field::RiskLevel:
        break;
    }
    return parseStatedRisk(text);
}

// The value at the start of rest, up to the end of the line or a sentence's end ("." or ";"
// followed by a space): its value and where its words end in rest (the full stop included).
std::optional<std::pair<int, qsizetype>> valueAt(Field field, QStringView rest)
{
    qsizetype end = rest.size();
    qsizetype stop = rest.size();
    for (qsizetype i = 0; i < rest.size(); ++i) {
        const QChar c = rest.at(i);
        if (c == u';' || (c == u'.' && (i + 1 == rest.size() || rest.at(i + 1).isSpace()))) {
            end = i;
            stop = i + 1;
            break;
        }
    }
    const auto value = parseValue(field, rest.left(end).trimmed());
    if (!value)
        return std::nullopt;
    return std::pair{*value, stop};
}

} // namespace

QString toString(Field field)
{
    switch (field) {
    case Field::Craving:
        return u"craving"_s;
    case Field::Stage:
        return u"stage"_s;
    case Field::DaysAbstinent:
        return u"days_abstinent"_s;
    case Field::RiskLevel:
        break;
    }
    return u"risk_level"_s;
}

std::optional<Field> parseField(QStringView text)
{
    for (Field f : allFields)
        if (text == toString(f))
            return f;
    return std::nullopt;
}

const QStringList &stagesOfChange()
{
    static const QStringList stages = {u"Precontemplation"_s, u"Contemplation"_s, u"Preparation"_s, u"Action"_s,
                                       u"Maintenance"_s};
    return stages;
}

const QStringList &riskLevels()
{
    static const QStringList levels = {u"none"_s, u"low"_s, u"moderate"_s, u"high"_s};
    return levels;
}

bool validValue(Field field, int value)
{
    switch (field) {
    case Field::Craving:
        return value >= 0 && value <= 10;
    case Field::Stage:
        return value >= 0 && value < stagesOfChange().size();
    case Field::DaysAbstinent:
        return value >= 0 && value <= maxDaysAbstinent;
    case Field::RiskLevel:
        break;
    }
    return value >= 0 && value < riskLevels().size();
}

QString valueWord(Field field, int value)
{
    if (!validValue(field, value))
        return {};
    if (field == Field::Stage)
        return stagesOfChange().at(value).toLower();
    if (field == Field::RiskLevel)
        return riskLevels().at(value);
    return QString::number(value);
}

std::optional<int> parseCraving(QStringView text)
{
    static const QRegularExpression number(u"^(\\d{1,2})(?:\\s*/\\s*10)?$"_s);
    const auto match = number.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const int value = match.capturedView(1).toInt();
    return validValue(Field::Craving, value) ? std::optional(value) : std::nullopt;
}

std::optional<int> parseStage(QStringView text)
{
    if (text.compare(u"Pre-contemplation", Qt::CaseInsensitive) == 0)
        return 0;
    return placeOf(stagesOfChange(), text);
}

std::optional<int> parseDaysAbstinent(QStringView text)
{
    static const QRegularExpression days(u"^(\\d{1,6})(?:\\s+days?)?$"_s, QRegularExpression::CaseInsensitiveOption);
    const auto match = days.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const int value = match.capturedView(1).toInt();
    return validValue(Field::DaysAbstinent, value) ? std::optional(value) : std::nullopt;
}

std::optional<int> parseStatedRisk(QStringView text)
{
    return placeOf(riskLevels(), text);
}

QList<FieldLine> fieldLinesOf(const QString &text)
{
    // "Cravings (0-10):", "Craving:", "Stage of change:", "Days abstinent:", "Risk:", "Risk level:"
    static const QRegularExpression label(
        u"^\\s*(?:(cravings?(?:\\s*\\(\\s*0\\s*[-–]\\s*10\\s*\\))?)|(stage of change)|(days abstinent)|(risk(?: level)?))"
        "\\s*:"_s,
        QRegularExpression::CaseInsensitiveOption);
    QList<FieldLine> out;
    std::optional<Field> section; // the field the current section is named after
    bool first = false; // the next line with words is the section's first
    qsizetype lineStart = 0;
    while (lineStart <= text.size()) {
        qsizetype lineEnd = text.indexOf(u'\n', lineStart);
        if (lineEnd < 0)
            lineEnd = text.size();
        const QStringView line = QStringView(text).mid(lineStart, lineEnd - lineStart);
        if (line.startsWith(u"## ")) {
            section = fieldOfSection(line.mid(3).trimmed());
            first = section.has_value();
        } else if (!line.trimmed().isEmpty()) {
            bool taken = false;
            if (first) {
                first = false;
                if (const auto v = valueAt(*section, line)) {
                    qsizetype skip = 0;
                    while (skip < line.size() && line.at(skip).isSpace())
                        ++skip;
                    out.append({*section, v->first, lineStart + skip, lineStart + v->second});
                    taken = true;
                }
            }
            const auto m = taken ? QRegularExpressionMatch() : label.match(line);
            if (m.hasMatch()) {
                const Field field = m.hasCaptured(1)   ? Field::Craving
                                    : m.hasCaptured(2) ? Field::Stage
                                    : m.hasCaptured(3) ? Field::DaysAbstinent
                                                       : Field::RiskLevel;
                const qsizetype after = m.capturedEnd(0);
                if (const auto v = valueAt(field, line.mid(after)))
                    out.append({field, v->first, lineStart + m.capturedStart(1 + static_cast<int>(field)),
                                lineStart + after + v->second});
            }
        }
        lineStart = lineEnd + 1;
    }
    return out;
}

QList<FieldValue> fieldValuesOf(const QList<Section> &sections)
{
    std::array<std::optional<int>, allFields.size()> value;
    std::array<bool, allFields.size()> conflict{};
    for (const Section &s : sections) {
        if (s.shared)
            continue;
        for (const FieldLine &l : fieldLinesOf(u"## "_s + s.title + u'\n' + s.text)) {
            const auto i = static_cast<std::size_t>(l.field);
            if (value[i] && *value[i] != l.value)
                conflict[i] = true;
            value[i] = l.value;
        }
    }
    QList<FieldValue> out;
    for (Field f : allFields) {
        const auto i = static_cast<std::size_t>(f);
        if (value[i] && !conflict[i])
            out.append({f, *value[i]});
    }
    return out;
}

QList<TemplateField> templateFields(const QString &templateId)
{
    if (templateId != u"addiction")
        return {};
    return {{Field::Craving, u"Cravings (0-10)"_s, {}},
            {Field::Stage, u"Stage of change"_s, {}},
            {Field::DaysAbstinent, u"Use since last session"_s, u"Days abstinent"_s},
            {Field::RiskLevel, u"Risk"_s, {}}};
}

} // namespace uc::model
