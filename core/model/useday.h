// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/substances.h"
#include "model/types.h"

#include <QList>
#include <QString>

#include <optional>

// Use days in the style of the timeline follow-back (docs/use-days.md): for a client, a substance
// class and a calendar day, whether the client used or not, with an optional amount (standard
// drinks for alcohol, else a number with its unit) and how it is known — the client's recall in
// session, a drug screen, or someone close to the client (collateral). A day with no entry is
// unknown, never abstinent.
namespace uc::model {

struct UseDay
{
    Id id = 0;
    QString clientCode;
    QString substance; // substanceClasses()
    Date date;
    bool used = false;
    // Only on a day used, at least 0 and at most 1000: standard drinks for alcohol (unit
    // "standard-drinks"), else the practice's own unit ("g", "joints", "cigarettes").
    std::optional<double> amount;
    QString unit;
    QString source; // "recall", "screen" or "collateral" (useDaySources())
    QString recordedBy; // the user who recorded it; filled by the vault, never read from input
    // A day a signed note implies (model/usedaynotes.h), never stored: the note, the addendum that
    // restated its claim (0: none) and the note's session date; 0 for a day recorded.
    Id note = 0;
    Id addendum = 0;
    Date noteDate;
    // The signed notes whose claim this day's reading contradicts (shown, never resolved).
    QList<Id> contradicts;

    [[nodiscard]] bool implied() const { return note != 0; }
};

// How a day is known, in this order: the client's recall, a drug screen, collateral.
[[nodiscard]] const QList<QString> &useDaySources();
// Alcohol's one unit.
[[nodiscard]] QString standardDrinks();
// A unit as stored: lower case, words joined by '-', 1 to 20 letters, digits and '-'
// ("Standard drinks" -> "standard-drinks"). Nothing for anything else.
[[nodiscard]] std::optional<QString> parseAmountUnit(const QString &text);

// The unit as stored: alcohol's amount without a unit in standard drinks, another unit through
// parseAmountUnit ("Joints" -> "joints"); a unit that does not read is left for useDayProblem.
void normaliseUnit(UseDay &day);

// The longest range recorded at once, in days (a leap year): the method reviews a period day by
// day, and a longer span is more likely a mistyped year than a review.
inline constexpr int maxUseDayRange = 366;

// What makes the day's entry invalid, in a sentence naming the field; nothing when it is valid.
// A day after today is refused (a day is recorded once it has passed). The client's code is the
// vault's to check.
[[nodiscard]] std::optional<QString> useDayProblem(const UseDay &day, const Date &today);
// What makes the range from..to invalid (end before start, longer than maxUseDayRange, after
// today); nothing when it is valid.
[[nodiscard]] std::optional<QString> useDayRangeProblem(const Date &from, const Date &to, const Date &today);

// "used 4 standard-drinks (recall)", "abstinent (screen)", "abstinent (note 12 of 2025-03-10)",
// "used (recall); contradicts note 12".
[[nodiscard]] QString useDayDetails(const UseDay &day);

} // namespace uc::model
