// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"
#include "model/useday.h"

#include <QList>
#include <QString>

#include <optional>

// Use days a signed progress note implies (docs/use-days.md, "From signed notes"): "Days abstinent:
// N" in a note of a session on day D reads as abstinent on D−N+1 … D and a use on D−N, as a count of
// days since the last use counts them (used on Monday, "1 day abstinent" on Tuesday). Derived when
// read, never stored: the days the clinician recorded always win, and a recorded day that a note's
// claim contradicts is marked with that note, never resolved silently.
namespace uc::model {

// "any": the row of days implied by notes that name no substance. Never a substance class, so
// nothing can be recorded under it and no note's claim is attributed to a substance it did not name.
[[nodiscard]] QString anySubstance();
// "note": the source of a day a signed note implies (never one a user may record, useDaySources()).
[[nodiscard]] QString noteSource();
// The substance classes, then anySubstance(): the order use days are listed and counted in.
[[nodiscard]] const QList<QString> &useDayRows();

// The substance a text names on a line "Substance: alcohol" (a class of substanceClasses(), by its
// name in any case, the line holding nothing else but an optional full stop); nothing when no line
// names one, or when lines name different ones. Never a guess from prose.
[[nodiscard]] std::optional<QString> statedSubstance(const QString &text);
// The same over a note's own sections (a group session's shared part is the group's).
[[nodiscard]] std::optional<QString> statedSubstance(const QList<Section> &sections);

// One signed note's claim, as the vault reads it for a reader who may read the note.
struct AbstinenceClaim
{
    Id note = 0;
    Id addendum = 0; // the signed addendum that restates it (a correction), 0: the note itself
    QString author; // who signed what states it
    Date date; // the note's session date
    int days = 0; // days abstinent, 0 … maxDaysAbstinent
    QString substance; // a class, or anySubstance() when the note names none
};

// The longest run a claim implies, back from its date (a leap year, as maxUseDayRange): a claim of
// more implies that many abstinent days and no use day.
inline constexpr int maxImpliedRun = 366;

// The client's days as recorded (`recorded`, the client's current entries) joined with those the
// claims imply, each marked:
//  - an implied day has source noteSource(), its note (and addendum) and the note's date, the
//    note's signer as recordedBy, no id and no amount;
//  - a day recorded stays as recorded, whatever a note says; where a claim says otherwise, the
//    day's `contradicts` names those notes;
//  - where notes disagree on a day, it reads used (never more abstinence than a note allows), from
//    the latest note that says so, and `contradicts` names the notes that claim it abstinent;
//  - a claim naming no substance fills the anySubstance() row; a day recorded used, of any
//    substance, inside its abstinent run is not implied abstinent, and that recorded day names the
//    note in `contradicts`.
// No day after today is implied. In useDayRows() order, then date.
[[nodiscard]] QList<UseDay> withImpliedDays(const QString &clientCode, const QList<UseDay> &recorded,
                                            const QList<AbstinenceClaim> &claims, const Date &today);

} // namespace uc::model
