// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/usedayfigures.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonValue>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace uc::model {

namespace {

UseDayFigures figuresOf(const QString &substance, const QList<UseDay> &days, const Date &from, const Date &to)
{
    UseDayFigures f;
    f.substance = substance;
    f.from = from;
    f.to = to;
    QHash<QString, const UseDay *> known; // ISO date -> its entry
    std::optional<Date> lastUse;
    for (const UseDay &d : days) {
        if (d.substance != substance)
            continue;
        known.insert(toIso(d.date), &d);
        if (d.used && d.date <= to && (!lastUse || *lastUse < d.date))
            lastUse = d.date;
    }
    int run = 0;
    for (Date day = from; day <= to; day += boost::gregorian::days(1)) {
        ++f.days;
        const auto it = known.constFind(toIso(day));
        if (it == known.constEnd()) {
            f.strip += u'?';
            f.sources += u'-';
            run = 0;
            continue;
        }
        const UseDay &d = **it;
        f.sources += d.implied() ? u'n' : u'r';
        if (!d.contradicts.isEmpty())
            f.contradictions.append(d);
        if (d.used) {
            f.strip += u'U';
            ++f.used;
            f.usedFromNotes += d.implied() ? 1 : 0;
            run = 0;
        } else {
            f.strip += u'A';
            ++f.abstinent;
            f.abstinentFromNotes += d.implied() ? 1 : 0;
            f.longestAbstinentRun = std::max(f.longestAbstinentRun, ++run);
        }
    }
    f.unknown = f.days - f.used - f.abstinent;
    if (f.used + f.abstinent > 0)
        f.percentAbstinent = 100.0 * f.abstinent / (f.used + f.abstinent);
    if (lastUse)
        f.daysSinceLastUse = static_cast<int>((to - *lastUse).days());
    return f;
}

QJsonArray contradictionsJson(const QList<UseDay> &days)
{
    QJsonArray out;
    for (const UseDay &d : days) {
        QJsonArray notes;
        for (Id note : d.contradicts)
            notes.append(static_cast<double>(note));
        out.append(QJsonObject { { u"date"_s, toIso(d.date) },
                                 { u"reads"_s, d.used ? u"used"_s : u"abstinent"_s },
                                 { u"implied"_s, d.implied() },
                                 { u"note"_s, d.implied() ? QJsonValue(static_cast<double>(d.note)) : QJsonValue() },
                                 { u"contradicts"_s, notes } });
    }
    return out;
}

} // namespace

QList<UseDayFigures> useDayFigures(const QList<UseDay> &days, const Date &from, const Date &to)
{
    QList<UseDayFigures> out;
    if (from.is_special() || to.is_special() || to < from)
        return out;
    for (const QString &substance : useDayRows()) {
        if (std::any_of(days.begin(), days.end(), [&](const UseDay &d) { return d.substance == substance; }))
            out.append(figuresOf(substance, days, from, to));
    }
    return out;
}

QList<UseDayFigures> useDayFigures(const QList<UseDay> &days, std::optional<Date> from, std::optional<Date> to,
                                   const Date &today)
{
    if (days.isEmpty())
        return {};
    if (!from) {
        from = days.first().date;
        for (const UseDay &d : days)
            from = std::min(*from, d.date);
    }
    return useDayFigures(days, *from, to.value_or(today));
}

QJsonObject useDayFiguresJson(const UseDayFigures &f)
{
    return QJsonObject {
        { u"substance"_s, f.substance },
        { u"from"_s, toIso(f.from) },
        { u"to"_s, toIso(f.to) },
        { u"days"_s, f.days },
        { u"used"_s, f.used },
        { u"abstinent"_s, f.abstinent },
        { u"unknown"_s, f.unknown },
        { u"percent_abstinent"_s, f.percentAbstinent ? QJsonValue(*f.percentAbstinent) : QJsonValue(QJsonValue::Null) },
        { u"percent_of"_s, u"known days"_s },
        { u"longest_abstinent_run"_s, f.longestAbstinentRun },
        { u"days_since_last_use"_s,
          f.daysSinceLastUse ? QJsonValue(*f.daysSinceLastUse) : QJsonValue(QJsonValue::Null) },
        { u"strip"_s, f.strip },
        { u"from_notes"_s, QJsonObject { { u"used"_s, f.usedFromNotes }, { u"abstinent"_s, f.abstinentFromNotes } } },
        { u"sources"_s, f.sources },
        { u"contradictions"_s, contradictionsJson(f.contradictions) },
    };
}

} // namespace uc::model
