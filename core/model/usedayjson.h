// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/useday.h"

#include <QJsonObject>
#include <QString>

#include <optional>

// A use day as JSON (docs/use-days.md), one form for `useday list --json`, `patterns --json` and
// the client record: {"date", "substance", "used" (true/false), "amount" (a number, null when not
// given), "unit" ("" without an amount), "source"}; listed, also "id" and "recorded_by", and for a
// day a signed note implies (model/usedaynotes.h) "implied" (true; false on a day recorded), "note"
// and "addendum" (ids, null when none), "note_date" (null on a day recorded), "contradicts" (the
// ids of the notes whose claim the day's reading contradicts; [] when none). An implied day has no
// id (null), its source is "note" and recorded_by is the note's signer.
namespace uc::model {

// listed: false in a client record, whose days get new ids and the importer as their recorder.
[[nodiscard]] QJsonObject useDayJson(const UseDay &day, bool listed = true);
// Reads the record's form strictly: an unknown key or a value of the wrong type is refused with
// where and why in *problem; the day is then checked with useDayProblem against today. Nothing
// on any problem.
[[nodiscard]] std::optional<UseDay> useDayFromJson(const QJsonObject &json, const Date &today, QString *problem);

} // namespace uc::model
