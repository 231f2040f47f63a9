// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/treatmentevent.h"

#include <QRegularExpression>
#include <QStringList>

#include <cmath>

using namespace Qt::StringLiterals;

namespace uc::model {

namespace {

QString oneOf(const QList<QString> &values)
{
    QStringList list(values.begin(), values.end());
    const QString last = list.takeLast();
    return list.join(u", "_s) + u" or "_s + last;
}

// A field the kind does not use, set: its name; else nothing.
std::optional<QString> strayField(const TreatmentEvent &e)
{
    const bool mutualHelp = e.kind == u"mutual-help"_s;
    const bool group = e.kind == u"group"_s;
    const bool mat = e.kind == u"mat"_s;
    const bool screen = e.kind == u"drug-screen"_s;
    const std::pair<bool, const char *> fields[] = {
        {!mutualHelp && !e.program.isEmpty(), "a programme"},
        {!group && !e.group.isEmpty(), "a group"},
        {!mat && !e.medication.isEmpty(), "a medication"},
        {!mat && !e.change.isEmpty(), "a change"},
        {!mat && (e.dose || !e.unit.isEmpty()), "a dose"},
        {!screen && !e.substance.isEmpty(), "a substance"},
        {!screen && !e.result.isEmpty(), "a result"},
        {!screen && !e.method.isEmpty(), "a method"},
    };
    for (const auto &[set, name] : fields) {
        if (set)
            return QString::fromLatin1(name);
    }
    return std::nullopt;
}

std::optional<QString> matProblem(const TreatmentEvent &e)
{
    if (e.medication.isEmpty())
        return u"a medication-assisted treatment event needs its medication (buprenorphine, methadone, naltrexone …)"_s;
    if (parseMedication(e.medication) != e.medication)
        return u"a medication is 3 to 40 lower-case letters, digits and '-'"_s;
    if (!matChanges().contains(e.change))
        return u"a medication-assisted treatment event's change is "_s + oneOf(matChanges());
    if (e.change == u"stop"_s) {
        if (e.dose || !e.unit.isEmpty())
            return u"a stop has no dose"_s;
        return std::nullopt;
    }
    if (!e.dose)
        return e.change == u"start"_s ? u"a start needs a dose"_s : u"a dose change needs a dose"_s;
    if (!std::isfinite(*e.dose) || *e.dose <= 0 || *e.dose > 10000)
        return u"a dose is a number above 0 and at most 10000"_s;
    if (!doseUnits().contains(e.unit))
        return u"a dose needs its unit: "_s + oneOf(doseUnits());
    return std::nullopt;
}

std::optional<QString> screenProblem(const TreatmentEvent &e)
{
    if (!substanceClasses().contains(e.substance))
        return u"a drug screen's substance is "_s + oneOf(substanceClasses());
    if (!screenResults().contains(e.result))
        return u"a drug screen's result is "_s + oneOf(screenResults());
    if (!e.method.isEmpty() && !screenMethods().contains(e.method))
        return u"a drug screen's method is "_s + oneOf(screenMethods());
    return std::nullopt;
}

} // namespace

const QList<QString> &treatmentEventKinds()
{
    static const QList<QString> kinds{u"mutual-help"_s, u"group"_s, u"mat"_s, u"drug-screen"_s};
    return kinds;
}

const QList<QString> &mutualHelpPrograms()
{
    static const QList<QString> programs{u"12-step"_s, u"aa"_s, u"na"_s, u"smart"_s, u"other"_s};
    return programs;
}

const QList<QString> &matChanges()
{
    static const QList<QString> changes{u"start"_s, u"dose-change"_s, u"stop"_s};
    return changes;
}

const QList<QString> &doseUnits()
{
    static const QList<QString> units{u"mg"_s, u"mcg"_s, u"ml"_s};
    return units;
}

const QList<QString> &screenResults()
{
    static const QList<QString> results{u"positive"_s, u"negative"_s};
    return results;
}

const QList<QString> &screenMethods()
{
    static const QList<QString> methods{u"urine"_s, u"breath"_s, u"saliva"_s, u"blood"_s, u"hair"_s, u"other"_s};
    return methods;
}

std::optional<QString> parseMedication(const QString &text)
{
    QString medication = text.simplified().toLower();
    medication.replace(u' ', u'-');
    static const QRegularExpression word(u"^[a-z0-9]+(?:-[a-z0-9]+)*$"_s);
    if (medication.size() < 3 || medication.size() > 40 || !word.match(medication).hasMatch())
        return std::nullopt;
    return medication;
}

std::optional<QString> treatmentEventProblem(const TreatmentEvent &e)
{
    if (!treatmentEventKinds().contains(e.kind))
        return u"an event's kind is "_s + oneOf(treatmentEventKinds());
    if (e.date.is_special())
        return u"an event needs a valid date"_s;
    if (e.note.size() > 2000)
        return u"an event's note is longer than 2000 characters"_s;
    if (const auto stray = strayField(e))
        return u"%1 does not belong to a %2 event"_s.arg(*stray, e.kind);
    if (e.kind == u"mutual-help"_s) {
        if (!mutualHelpPrograms().contains(e.program))
            return u"a mutual-help meeting's programme is "_s + oneOf(mutualHelpPrograms());
        return std::nullopt;
    }
    if (e.kind == u"group"_s) {
        if (e.group.trimmed().isEmpty() || e.group.size() > 100 || e.group != e.group.simplified())
            return u"a group event needs the group's name, 1 to 100 characters on one line"_s;
        return std::nullopt;
    }
    if (e.kind == u"mat"_s)
        return matProblem(e);
    return screenProblem(e);
}

QString TreatmentEvent::summary() const
{
    return toIso(date) + u' ' + kind + u' ' + details();
}

QString TreatmentEvent::details() const
{
    QStringList words;
    if (kind == u"mutual-help"_s)
        words << program;
    else if (kind == u"group"_s)
        words << group;
    else if (kind == u"mat"_s) {
        words << medication << change;
        if (dose)
            words << QString::number(*dose) + u' ' + unit;
    } else {
        words << substance << result;
        if (!method.isEmpty())
            words << u"(%1)"_s.arg(method);
    }
    return words.join(u' ');
}

} // namespace uc::model
