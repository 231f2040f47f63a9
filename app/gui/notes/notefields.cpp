// SPDX-License-Identifier: GPL-3.0-or-later
#include "notefields.h"

#include "model/notefields.h"

#include <array>

using namespace Qt::StringLiterals;

namespace uc::gui {

namespace {

const QString *textOfSection(const QList<model::Section> &sections, QStringView title)
{
    for (const model::Section &s : sections)
        if (s.title == title)
            return &s.text;
    return nullptr;
}

// The labelled lines of the use section, in the order they are written.
constexpr std::array<QStringView, 3> useLabels = {u"Substance", u"Amount", u"Last use"};
// The use section's line the core reads days abstinent from (model/notefields.h).
constexpr QStringView daysLabel = u"Days abstinent";

// The value after "label:" on line, or nullopt when the line is not label's.
std::optional<QString> labelledValue(QStringView line, QStringView label)
{
    const QStringView l = line.trimmed();
    if (!l.startsWith(label, Qt::CaseInsensitive) || !l.mid(label.size()).trimmed().startsWith(u':'))
        return std::nullopt;
    return l.mid(label.size()).trimmed().mid(1).trimmed().toString();
}

} // namespace

const QStringList &stagesOfChange()
{
    return model::stagesOfChange();
}

AddictionFields addictionFieldsOf(const QList<model::Section> &sections)
{
    // The card shows a number or a stage only when it is the section's whole text: it writes the
    // section back whole, and must not drop words written beside the value.
    AddictionFields f;
    if (const QString *text = textOfSection(sections, cravingsSection)) {
        const QString t = text->trimmed();
        if (const auto value = model::parseCraving(t))
            f.cravings = *value;
        else
            f.cravingsText = t;
    }
    if (const QString *text = textOfSection(sections, stageSection)) {
        const QString t = text->trimmed();
        if (const auto stage = model::parseStage(t))
            f.stage = *stage;
        else
            f.stageText = t;
    }
    if (const QString *text = textOfSection(sections, useSection)) {
        QStringList other;
        QString *values[] = {&f.substance, &f.amount, &f.lastUse};
        for (const QString &line : text->split(u'\n')) {
            bool taken = false;
            for (std::size_t i = 0; i < useLabels.size() && !taken; ++i) {
                const QStringView label = useLabels.at(i);
                const QStringView l = QStringView(line).trimmed();
                if (l.startsWith(label, Qt::CaseInsensitive) && l.mid(label.size()).startsWith(u':')
                    && values[i]->isEmpty()) {
                    *values[i] = l.mid(label.size() + 1).trimmed().toString();
                    taken = true;
                }
            }
            // The first "Days abstinent:" line: a number of days ("12", "12 days", a full stop
            // after it as the core allows), else its words as written.
            if (const auto days = taken ? std::nullopt : labelledValue(line, daysLabel);
                days && f.daysAbstinent < 0 && f.daysAbstinentText.isEmpty()) {
                QStringView value(*days);
                if (value.endsWith(u'.'))
                    value.chop(1);
                if (const auto n = model::parseDaysAbstinent(value.trimmed()))
                    f.daysAbstinent = *n;
                else
                    f.daysAbstinentText = *days;
                taken = true;
            }
            if (!taken)
                other << line;
        }
        f.useText = other.join(u'\n').trimmed();
    }
    if (const QString *text = textOfSection(sections, triggersSection))
        f.triggers = text->trimmed();
    return f;
}

QString cravingsText(int cravings)
{
    return cravings >= 0 && cravings <= 10 ? QString::number(cravings) : QString();
}

QString stageText(int stage)
{
    return stage >= 0 && stage < stagesOfChange().size() ? stagesOfChange().at(stage) : QString();
}

QString useText(const AddictionFields &fields)
{
    QStringList lines;
    const QString values[] = {fields.substance, fields.amount, fields.lastUse};
    for (std::size_t i = 0; i < useLabels.size(); ++i) {
        // A value is one line: a line break typed into it would read back as another line.
        const QString value = values[i].simplified();
        if (!value.isEmpty())
            lines << useLabels.at(i).toString() + u": "_s + value;
    }
    const QString days = model::validValue(model::Field::DaysAbstinent, fields.daysAbstinent)
                             ? QString::number(fields.daysAbstinent)
                             : fields.daysAbstinentText.simplified();
    if (!days.isEmpty())
        lines << daysLabel.toString() + u": "_s + days;
    if (!fields.useText.trimmed().isEmpty())
        lines << fields.useText.trimmed();
    return lines.join(u'\n');
}

TextEdit sectionEdit(const QString &text, QStringView title, const QString &body)
{
    qsizetype lineStart = 0;
    while (lineStart <= text.size()) {
        qsizetype lineEnd = text.indexOf(u'\n', lineStart);
        if (lineEnd < 0)
            lineEnd = text.size();
        const QStringView line = QStringView(text).mid(lineStart, lineEnd - lineStart);
        if (line.startsWith(u"## ") && line.mid(3).trimmed() == title) {
            if (lineEnd == text.size()) // the heading is the last line
                return {lineEnd, 0, u"\n"_s + body};
            const qsizetype bodyStart = lineEnd + 1;
            if (QStringView(text).mid(bodyStart).startsWith(u"## ")) // empty, the next heading follows
                return {bodyStart, 0, body + u"\n"_s};
            qsizetype next = text.indexOf(u"\n## "_s, bodyStart);
            if (next < 0)
                next = text.size();
            return {bodyStart, next - bodyStart, body};
        }
        lineStart = lineEnd + 1;
    }
    const QString separator = text.isEmpty() || text.endsWith(u'\n') ? QString() : u"\n"_s;
    return {text.size(), 0, separator + u"## "_s + title.toString() + u"\n"_s + body};
}

} // namespace uc::gui
