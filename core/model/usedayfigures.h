// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/useday.h"
#include "model/usedaynotes.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// The timeline follow-back's figures for one substance over a period (docs/use-days.md,
// "Figures"). Every figure counts calendar days from..to, both included; a day with no entry is
// unknown and counts neither as used nor as abstinent.
namespace uc::model {

struct UseDayFigures
{
    QString substance;
    Date from;
    Date to;
    int days = 0; // in the period
    int used = 0;
    int abstinent = 0;
    int unknown = 0; // days - used - abstinent
    // abstinent / (used + abstinent) * 100: of the known days, not of the period; nothing when no
    // day of the period is known.
    std::optional<double> percentAbstinent;
    // The most days in a row recorded abstinent within the period; an unknown or used day ends a run.
    int longestAbstinentRun = 0;
    // Days from the last day recorded used (on or before `to`, inside the period or before it) to
    // `to`: 0 when `to` itself was a day used; nothing when no use is recorded by then.
    std::optional<int> daysSinceLastUse;
    // One letter per day of the period, in order: 'U' used, 'A' abstinent, '?' unknown.
    QString strip;
    // Of `used` and `abstinent`, the days a signed note implies (model/usedaynotes.h).
    int usedFromNotes = 0;
    int abstinentFromNotes = 0;
    // One letter per day of the period, as `strip`: 'r' recorded, 'n' implied by a note, '-' unknown.
    QString sources;
    // The days of the period whose reading a note's claim contradicts, in date order.
    QList<UseDay> contradictions;
};

// The figures of each row (a substance, or the notes that name none) with at least one entry in
// `days` (any date), in the order of useDayRows(); days implied by notes count as the days recorded
// do, and are counted apart too. `days` holds one client's entries, at most one per substance and date.
[[nodiscard]] QList<UseDayFigures> useDayFigures(const QList<UseDay> &days, const Date &from, const Date &to);

// The same over --from/--to as the CLI and patterns take them: from the earliest entry in `days`
// when from is not given, to today when to is not given. Nothing when `days` is empty.
[[nodiscard]] QList<UseDayFigures> useDayFigures(const QList<UseDay> &days, std::optional<Date> from,
                                                 std::optional<Date> to, const Date &today);

// {"substance", "from", "to", "days", "used", "abstinent", "unknown", "percent_abstinent" (of the
// known days; null when none is known), "percent_of": "known days", "longest_abstinent_run",
// "days_since_last_use" (null when no use is recorded), "strip", "from_notes": {"used",
// "abstinent"}, "sources" (a letter a day: "r" recorded, "n" from a note, "-" unknown),
// "contradictions": [{"date", "reads" ("used"/"abstinent"), "implied", "note" (null on a day
// recorded), "contradicts": [note ids]}]}.
[[nodiscard]] QJsonObject useDayFiguresJson(const UseDayFigures &figures);

} // namespace uc::model
