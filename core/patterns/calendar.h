// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"

#include <QList>
#include <QString>

#include <optional>

// Calendar buckets for the pattern views. Session dates are local calendar dates (Boost gregorian
// dates, no time zone), so there is no DST or zone drift to correct for.
namespace uc::patterns {

enum class Bucketing { Session, Week, Month, Quarter };
QString toString(Bucketing by);
std::optional<Bucketing> parseBucketing(const QString &text);

// Both ends inclusive.
struct Period
{
    model::Date start;
    model::Date end;
    friend bool operator==(const Period &, const Period &) = default;
};

// The ISO-8601 week (Monday to Sunday), the month, or the quarter holding date. Not for Session.
[[nodiscard]] Period periodOf(const model::Date &date, Bucketing by);
// Consecutive periods from the one holding from to the one holding to, every one present even
// when nothing happened in it. Empty when to < from. Not for Session.
[[nodiscard]] QList<Period> periods(const model::Date &from, const model::Date &to, Bucketing by);

// ISO-8601 week-numbering year and week (1..53): 2020-12-31 is 2020-W53, 2021-01-03 too.
struct IsoWeek
{
    int year = 0;
    int week = 0;
};
[[nodiscard]] IsoWeek isoWeek(const model::Date &date);

} // namespace uc::patterns
