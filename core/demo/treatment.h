// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "demo/script.h"
#include "model/treatmentevent.h"
#include "model/useday.h"

#include <QList>

#include <cstdint>

// The demo practice's other treatment (docs/treatment-events.md), from each client's calendar and
// story: mutual-help meetings through aftercare (AA, NA, SMART, Gamblers Anonymous), a group outside
// the practice's own, medication-assisted treatment where it fits (naltrexone and acamprosate for the
// drinkers, buprenorphine for the opioid client), and drug screens, mostly negative, positive on admission
// and at a relapse or lapse. Every event falls between the client's first and last session, so in
// one of their episodes of care. Private to core/demo.
namespace uc::demo {

// The events by client, then date; the same for a seed. Planned after the calendar is moved to
// today (practice.h), so they move with it.
[[nodiscard]] QList<model::TreatmentEvent> planTreatmentEvents(const script::Practice &p, std::uint32_t seed);
// The use days recorded in the demo (docs/use-days.md): the opioid client's four weeks before his
// lapse session, reviewed day by day; his other days come from his signed notes' days abstinent.
[[nodiscard]] QList<model::UseDay> planUseDays(const script::Practice &p);

} // namespace uc::demo
