// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/safetyplan.h"

#include "common/error.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace uc::model {

namespace {

constexpr qsizetype maxItemLength = 500;

struct StepText
{
    SafetyStep step;
    QString key;
    QString title;
    QString prompt;
};

const QList<StepText> &stepTexts()
{
    static const QList<StepText> texts{
        {SafetyStep::WarningSigns, u"warning-signs"_s, u"Warning signs"_s,
         u"Thoughts, images, moods, situations or behaviour that tell me a crisis may be starting"_s},
        {SafetyStep::Coping, u"coping"_s, u"Internal coping strategies"_s,
         u"Things I can do on my own to take my mind off my problems, without contacting anyone"_s},
        {SafetyStep::Distraction, u"distraction"_s, u"People and places for distraction"_s,
         u"People and social settings that take my mind off things"_s},
        {SafetyStep::Help, u"help"_s, u"People I can ask for help"_s, u"Who I can call, and their numbers"_s},
        {SafetyStep::Professionals, u"professionals"_s, u"Professionals and services"_s,
         u"Clinicians, crisis lines and emergency services I can contact in a crisis, with their numbers"_s},
        {SafetyStep::Environment, u"environment"_s, u"Making the environment safe"_s,
         u"How I keep away from means: medication, weapons, substances"_s},
        {SafetyStep::Reasons, u"reasons"_s, u"Reasons for living"_s,
         u"The things most important to me and worth living for"_s},
    };
    return texts;
}

const StepText &textOf(SafetyStep step)
{
    return stepTexts().at(static_cast<qsizetype>(step));
}

QString folded(const QString &text)
{
    return text.simplified().toCaseFolded();
}

[[noreturn]] void refuse(const QString &why)
{
    throw Error(ErrorKind::Io, u"safety plan"_s, why);
}

std::optional<SafetyStep> stepFromHeading(QString heading)
{
    static const QRegularExpression stepPrefix(u"^step\\s*\\d+\\s*[:.)-]?\\s*"_s);
    heading = folded(heading).remove(stepPrefix);
    while (heading.endsWith(u':'))
        heading.chop(1);
    for (const StepText &t : stepTexts()) {
        if (heading == folded(t.title) || heading == t.key)
            return t.step;
    }
    return std::nullopt;
}

} // namespace

QString key(SafetyStep step)
{
    return textOf(step).key;
}

QString title(SafetyStep step)
{
    return textOf(step).title;
}

QString prompt(SafetyStep step)
{
    return textOf(step).prompt;
}

std::optional<SafetyStep> safetyStepFromKey(const QString &key)
{
    for (const StepText &t : stepTexts()) {
        if (t.key == key)
            return t.step;
    }
    return std::nullopt;
}

bool hasPhoneNumber(const QString &text)
{
    static const QRegularExpression digits(u"\\d(?:[\\s().-]*\\d){2,}"_s);
    return digits.match(text).hasMatch();
}

bool SafetyPlan::isEmpty() const
{
    return std::all_of(steps.begin(), steps.end(), [](const QStringList &items) { return items.isEmpty(); });
}

QJsonObject SafetyPlan::stepsJson() const
{
    QJsonObject json;
    for (const StepText &t : stepTexts())
        json.insert(t.key, QJsonArray::fromStringList(items(t.step)));
    return json;
}

QString SafetyPlan::toText() const
{
    QStringList lines;
    for (const StepText &t : stepTexts()) {
        if (!lines.isEmpty())
            lines.append(QString());
        lines.append(u"## "_s + t.title);
        for (const QString &item : items(t.step))
            lines.append(u"- "_s + item);
    }
    return lines.join(u'\n') + u'\n';
}

std::optional<QString> safetyPlanProblem(const SafetyPlan &plan)
{
    if (plan.isEmpty())
        return u"the plan is empty: write at least the people and services to contact in a crisis"_s;
    for (const StepText &t : stepTexts()) {
        for (const QString &item : plan.items(t.step)) {
            if (item.size() > maxItemLength)
                return u"an item under \"%1\" is longer than %2 characters: a plan the client reaches for in a "
                       "crisis needs short lines"_s.arg(t.title)
                    .arg(maxItemLength);
        }
    }
    const QStringList &pros = plan.items(SafetyStep::Professionals);
    if (std::none_of(pros.begin(), pros.end(), [](const QString &item) { return hasPhoneNumber(item); }))
        return u"\"Professionals and services\" has no phone number: give at least a crisis line or an emergency "
               "number the client can call"_s;
    return std::nullopt;
}

SafetyPlan parseSafetyPlan(const QString &text)
{
    static const QRegularExpression marker(u"^(?:[-*\u2022]\\s+|\\d{1,2}[.)]\\s+)"_s);
    SafetyPlan plan;
    std::optional<SafetyStep> current;
    std::array<bool, safetyStepCount> seen{};
    const QStringList lines = text.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        const auto lineNo = i + 1;
        if (line.isEmpty())
            continue;
        if (line.startsWith(u'#')) {
            QString heading = line;
            while (heading.startsWith(u'#'))
                heading.remove(0, 1);
            current = stepFromHeading(heading);
            if (!current)
                refuse(u"line %1: a heading that is not one of the seven steps (warning signs, internal coping "
                       "strategies, people and places for distraction, people I can ask for help, professionals and "
                       "services, making the environment safe, reasons for living)"_s.arg(lineNo));
            auto &was = seen.at(static_cast<std::size_t>(*current));
            if (was)
                refuse(u"line %1: \"%2\" is given twice"_s.arg(lineNo).arg(title(*current)));
            was = true;
            continue;
        }
        if (!current)
            refuse(u"line %1: text before the first step's heading (\"## Warning signs\" …)"_s.arg(lineNo));
        QString item = line;
        item.remove(marker);
        item = item.simplified();
        if (!item.isEmpty())
            plan.items(*current).append(item);
    }
    return plan;
}

SafetyPlan safetyPlanFromJson(const QJsonObject &steps)
{
    SafetyPlan plan;
    for (auto it = steps.begin(); it != steps.end(); ++it) {
        const auto step = safetyStepFromKey(it.key());
        if (!step)
            refuse(u"a key that is not one of the seven steps (warning-signs, coping, distraction, help, professionals, "
                   "environment, reasons)"_s);
        if (!it.value().isArray())
            refuse(u"\"%1\" is not a list of items"_s.arg(it.key()));
        for (const QJsonValue &v : it.value().toArray()) {
            if (!v.isString())
                refuse(u"\"%1\" holds something that is not text"_s.arg(it.key()));
            const QString item = v.toString().simplified();
            if (!item.isEmpty())
                plan.items(*step).append(item);
        }
    }
    return plan;
}

QByteArray canonicalSafetyPlan(const SafetyPlan &plan)
{
    // QJsonObject keeps its keys sorted, so the compact form is canonical.
    const QJsonObject content{{u"client"_s, plan.clientCode},
                              {u"version"_s, plan.version},
                              {u"steps"_s, plan.stepsJson()},
                              {u"signed_by"_s, plan.author},
                              {u"signed_at"_s, plan.signedAt}};
    return QJsonDocument(content).toJson(QJsonDocument::Compact);
}

} // namespace uc::model
