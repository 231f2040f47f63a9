// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "demo/script.h"

namespace uc::vault {
class Vault;
}

// The demo practice's treatment plans (docs/plan.md), stored around its notes: each client's plan
// agreed at intake, objectives rated on progress notes while they are drafts, and reviews held when
// they fall due. Private to core/demo.
namespace uc::demo {

// Each client's plan from practice.json, effective on the intake day and agreed in writing then,
// objectives due six months on, first review after 90 days. The abandonment story's plan gains an
// objective in a second version from the first session after her relapse, every target moved on.
void addPlans(vault::Vault &vault, const script::Practice &p);
// Rates every objective of the plan in force on the client's individual progress notes (drafts
// still): at each turn of the story and every third routine session, from the session's beat.
void rateProgress(vault::Vault &vault, const script::Practice &p);
// Holds each version's reviews at the client's first attended session on or after the day they fall
// due, while that version is in force, up to this machine's date.
void holdReviews(vault::Vault &vault, const script::Practice &p);

} // namespace uc::demo
