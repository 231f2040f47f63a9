// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/useday.h"
#include "model/usedaynotes.h"
#include "vault/service.h"

#include <QList>
#include <QString>

#include <optional>

// Clients' use days, the timeline follow-back (vault.useDays(); model/useday.h, docs/use-days.md).
// Recorded, corrected and deleted as measures are (add-measure: a therapist), read by whoever
// reads the client's records. A range is recorded day by day in one transaction. A correction
// replaces a day's entry and a deletion makes the day unknown again: the entry replaced stays in
// the vault as it was, with who replaced it and when, and is never listed again. The audit trail
// records the client and how many days, never a substance, an amount or whether a day was used.
namespace uc::vault {

class UseDays : public Service
{
public:
    using Service::Service;

    enum class Recorded { Refuse, Replace };

    // Records day (its client, substance, used, amount, unit and source) on every date from..to;
    // day.date is ignored. Alcohol's unit may be left empty (standard drinks). How many days were
    // recorded. Error(Io) naming what is wrong (model::useDayProblem, useDayRangeProblem, an
    // unknown client); with Refuse, Error(Conflict) when a day of the range is recorded already
    // (naming the first); nothing is stored on any error. With Replace, a day recorded already
    // is corrected.
    int record(const model::UseDay &day, const model::Date &from, const model::Date &to, Recorded recorded);
    // Makes the substance's days from..to unknown again (entries kept as replaced); how many.
    // Error(Io) for an invalid range or when none of them is recorded.
    int remove(const QString &clientCode, const QString &substance, const model::Date &from, const model::Date &to);
    // The client's use days: the current entries, and the days the signed progress notes this user
    // reads imply (model/usedaynotes.h: marked with their note, a recorded day always winning, a
    // contradiction named on the day), by row (model::useDayRows() order) then date, from..to when
    // given; substance: one row only when not empty.
    [[nodiscard]] QList<model::UseDay> list(const QString &clientCode, const QString &substance = {},
                                            std::optional<model::Date> from = {}, std::optional<model::Date> to = {});
    // The current entries only, as list() orders them: what a client record carries.
    [[nodiscard]] QList<model::UseDay> recorded(const QString &clientCode, const QString &substance = {},
                                                std::optional<model::Date> from = {},
                                                std::optional<model::Date> to = {});
    // How many of the client's entries were replaced (by a correction or a deletion).
    [[nodiscard]] int replacedCount(const QString &clientCode);

private:
    [[nodiscard]] model::Id clientId(const QString &clientCode, const QString &what);
    // "Days abstinent" in the client's signed progress notes this user reads (access.h), each
    // read as the note's latest signed addendum restates it, if one does.
    [[nodiscard]] QList<model::AbstinenceClaim> claims(const QString &clientCode);
};

} // namespace uc::vault
