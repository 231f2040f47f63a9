// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/treatmentevent.h"

#include <QJsonObject>
#include <QString>

#include <optional>

// A treatment event as JSON (docs/treatment-events.md), one form for `event list --json`,
// `patterns --json` and the client record: {"id", "date", "kind", the kind's own keys, "note"} —
// mutual-help: "program"; group: "group"; mat: "medication", "change", "dose" (a number, null for a
// stop), "unit"; drug-screen: "substance", "result", "method" ("" when not known).
namespace uc::model {

// withId: false in a client record, whose events get new ids where they are imported.
[[nodiscard]] QJsonObject treatmentEventJson(const TreatmentEvent &event, bool withId = true);
// Reads the form strictly (no "id"): an unknown key, a key of another kind or a value of the wrong
// type is refused with where and why in *problem; the event is then checked with
// treatmentEventProblem. Nothing on any problem.
[[nodiscard]] std::optional<TreatmentEvent> treatmentEventFromJson(const QJsonObject &json, QString *problem);

} // namespace uc::model
