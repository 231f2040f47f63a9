// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/useday.h"

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

} // namespace

const QList<QString> &useDaySources()
{
    static const QList<QString> sources { u"recall"_s, u"screen"_s, u"collateral"_s };
    return sources;
}

QString standardDrinks()
{
    return u"standard-drinks"_s;
}

std::optional<QString> parseAmountUnit(const QString &text)
{
    QString unit = text.simplified().toLower();
    unit.replace(u' ', u'-');
    static const QRegularExpression word(u"^[a-z0-9]+(?:-[a-z0-9]+)*$"_s);
    if (unit.isEmpty() || unit.size() > 20 || !word.match(unit).hasMatch())
        return std::nullopt;
    return unit;
}

void normaliseUnit(UseDay &d)
{
    if (d.used && d.amount && d.unit.isEmpty() && d.substance == u"alcohol"_s)
        d.unit = standardDrinks();
    else if (!d.unit.isEmpty())
        d.unit = parseAmountUnit(d.unit).value_or(d.unit);
}

std::optional<QString> useDayProblem(const UseDay &d, const Date &today)
{
    if (!substanceClasses().contains(d.substance))
        return u"a use day's substance is "_s + oneOf(substanceClasses());
    if (d.date.is_special())
        return u"a use day needs a valid date"_s;
    if (d.date > today)
        return u"a use day cannot be after today: record a day once it has passed"_s;
    if (!useDaySources().contains(d.source))
        return u"a use day's source is "_s + oneOf(useDaySources());
    if (!d.used) {
        if (d.amount || !d.unit.isEmpty())
            return u"an abstinent day has no amount"_s;
        return std::nullopt;
    }
    if (!d.amount) {
        if (!d.unit.isEmpty())
            return u"a unit needs an amount"_s;
        return std::nullopt;
    }
    if (!std::isfinite(*d.amount) || *d.amount < 0 || *d.amount > 1000)
        return u"an amount is a number from 0 to 1000"_s;
    if (d.substance == u"alcohol"_s && d.unit != standardDrinks())
        return u"alcohol is counted in standard drinks (unit standard-drinks)"_s;
    if (parseAmountUnit(d.unit) != d.unit)
        return u"an amount needs its unit: 1 to 20 lower-case letters, digits and '-' (g, joints, cigarettes)"_s;
    return std::nullopt;
}

std::optional<QString> useDayRangeProblem(const Date &from, const Date &to, const Date &today)
{
    if (from.is_special() || to.is_special())
        return u"a range needs valid dates"_s;
    if (to < from)
        return u"the range ends before it starts"_s;
    if ((to - from).days() + 1 > maxUseDayRange)
        return u"a range is at most %1 days; record a longer period in parts"_s.arg(maxUseDayRange);
    if (to > today)
        return u"a use day cannot be after today: record a day once it has passed"_s;
    return std::nullopt;
}

QString useDayDetails(const UseDay &d)
{
    QString out = d.used ? u"used"_s : u"abstinent"_s;
    if (d.amount)
        out += u' ' + QString::number(*d.amount) + u' ' + d.unit;
    if (d.implied())
        out += u" (note %1 of %2%3)"_s.arg(d.note).arg(toIso(d.noteDate),
                                                     d.addendum ? u", addendum %1"_s.arg(d.addendum) : QString());
    else
        out += u" ("_s + d.source + u')';
    QStringList against;
    for (Id note : d.contradicts)
        against << QString::number(note);
    if (!against.isEmpty())
        out += u"; contradicts note "_s + against.join(u", "_s);
    return out;
}

} // namespace uc::model
