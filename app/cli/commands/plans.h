// SPDX-License-Identifier: GPL-3.0-or-later
// A client's treatment plan: plan add|show|update|review, and note progress (docs/plan.md).
#pragma once

#include "notes.h"
#include "options.h"

namespace uc::cli {

int planAdd(const Invocation &line);
int planShow(const Invocation &line);
int planUpdate(const Invocation &line);
int planReview(const Invocation &line);
int noteProgress(const Invocation &line);

inline constexpr Option planClient = {.name = "client", .value = "C", .required = true, .help = "the client's code"};
inline constexpr Option planFileOptions[] = {
    planClient,
    {.name = "file", .value = "PLAN.json", .required = true, .help = "the plan as JSON (docs/plan.md)"},
};

inline constexpr Command planAddCommand{
    .words = "plan add",
    .options = planFileOptions,
    .run = planAdd,
    .help = "Write the client's treatment plan from PLAN.json (docs/plan.md: problems, goals, objectives with "
            "how each is measured, interventions; effective date, next review, the client's agreement) as "
            "version 1, signed by you. Objectives get ids (O1, O2 …) that later versions keep. Bad JSON, an "
            "unknown key, a bad date or an objective id: exit 2, nothing written. A client who has a plan: "
            "exit 6 (use plan update). Prints the version and the objectives' ids. Recorded in the audit trail.",
    .brief = "write a client's treatment plan (version 1, signed)",
};

inline constexpr Option planShowOptions[] = {planClient};
inline constexpr Command planShowCommand{
    .words = "plan show",
    .options = planShowOptions,
    .run = planShow,
    .help = "Print the client's plan (its newest version) with each objective's latest progress rating, after "
            "a line naming its version, author and signature. With --json {\"client\", \"version\", \"author\", "
            "\"signed_at\", \"content_hash\", \"verified\", \"review_due\", \"plan\": PLAN.json with ids, "
            "\"reviews\": [..], \"progress\": [{\"note\", \"date\", \"objective\", \"rating\"}]}. A version that "
            "does not match its author's signature: exit 4. A client without a plan: exit 2. An auditor may "
            "not read plans (exit 5).",
    .brief = "print a client's treatment plan and progress",
};

inline constexpr Command planUpdateCommand{
    .words = "plan update",
    .options = planFileOptions,
    .run = planUpdate,
    .help = "Save PLAN.json as the client's next plan version, signed by you; earlier versions are kept. An "
            "objective that keeps its \"id\" is the same objective; one without an id is new. An id that is not "
            "one of this client's objectives: exit 2. Only the therapist who wrote the plan updates it (exit 5). "
            "Recorded in the audit trail.",
    .brief = "save a new version of a client's treatment plan",
};

inline constexpr Option planReviewOptions[] = {
    planClient,
    {.name = "date", .value = "D", .required = true, .help = "the day the review was held (YYYY-MM-DD)"},
};
inline constexpr Command planReviewCommand{
    .words = "plan review",
    .options = planReviewOptions,
    .run = planReview,
    .help = "Record that the plan in force on D was reviewed with the client on D; the next review falls due "
            "the plan's review_every_days later. A day in the future, or before the plan took effect: exit 2. "
            "Prints the next review's date. Recorded in the audit trail.",
    .brief = "record a review of a client's treatment plan",
};

inline constexpr Option noteProgressOptions[] = {
    {.name = "objective", .value = "OID", .required = true, .help = "an objective's id (O12) in the plan in force on the session's date"},
    {.name = "rating", .value = "worse|none|some|much|met", .required = true, .help = "the progress on it this session"},
};
inline constexpr Command noteProgressCommand{
    .words = "note progress",
    .positionals = noteId,
    .options = noteProgressOptions,
    .run = noteProgress,
    .help = "Rate progress on a plan objective in your draft progress note (a rating is part of the draft and "
            "fixed when the note is signed: exit 6 after). A process note, or an objective not in the client's "
            "plan in force on the session's date: exit 2. Rating the same objective again replaces the rating. "
            "Recorded in the audit trail.",
    .brief = "rate progress on a plan objective in a draft note",
};

} // namespace uc::cli
