// SPDX-License-Identifier: GPL-3.0-or-later
#include "patterns/calendar.h"

#include <boost/date_time/gregorian/gregorian.hpp>

namespace uc::patterns {

namespace greg = boost::gregorian;

QString toString(Bucketing by)
{
    switch (by) {
    case Bucketing::Session:
        return QStringLiteral("session");
    case Bucketing::Week:
        return QStringLiteral("week");
    case Bucketing::Month:
        return QStringLiteral("month");
    case Bucketing::Quarter:
        return QStringLiteral("quarter");
    }
    return {};
}

std::optional<Bucketing> parseBucketing(const QString &text)
{
    for (Bucketing by : {Bucketing::Session, Bucketing::Week, Bucketing::Month, Bucketing::Quarter}) {
        if (toString(by) == text)
            return by;
    }
    return std::nullopt;
}

Period periodOf(const model::Date &date, Bucketing by)
{
    switch (by) {
    case Bucketing::Week: {
        // day_of_week: Sunday 0 … Saturday 6; ISO weeks start on Monday.
        const int back = (date.day_of_week().as_number() + 6) % 7;
        const model::Date monday = date - greg::days(back);
        return {monday, monday + greg::days(6)};
    }
    case Bucketing::Month: {
        const model::Date first(date.year(), date.month(), 1);
        return {first, date.end_of_month()};
    }
    case Bucketing::Quarter: {
        const int firstMonth = (date.month() - 1) / 3 * 3 + 1;
        const model::Date first(date.year(), static_cast<unsigned short>(firstMonth), 1);
        const model::Date lastMonth(date.year(), static_cast<unsigned short>(firstMonth + 2), 1);
        return {first, lastMonth.end_of_month()};
    }
    case Bucketing::Session:
        break;
    }
    return {date, date};
}

QList<Period> periods(const model::Date &from, const model::Date &to, Bucketing by)
{
    QList<Period> result;
    if (from.is_special() || to.is_special() || to < from || by == Bucketing::Session)
        return result;
    for (Period p = periodOf(from, by); p.start <= to; p = periodOf(p.end + greg::days(1), by))
        result.append(p);
    return result;
}

IsoWeek isoWeek(const model::Date &date)
{
    // The ISO year is the year of the Thursday in the same Monday-to-Sunday week.
    const model::Date thursday = periodOf(date, Bucketing::Week).start + greg::days(3);
    const int year = thursday.year();
    return {year, (thursday.day_of_year() - 1) / 7 + 1};
}

} // namespace uc::patterns
