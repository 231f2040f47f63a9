// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/measures.h"
#include "model/treatmentplan.h"

#include <QList>
#include <QString>

namespace uc::vault {
class Vault;
}

// The treatment plan on the client overview: each objective of the newest version with its target
// date, its latest rating on a progress note and, for an objective tied to a measure, whether the
// latest score reaches it. Computed on the vault thread; the wording lives here, tested.
namespace uc::gui {

// One rating of an objective, on a progress note's session.
struct RatingPoint
{
    QString date; // ISO session date
    QString rating; // "worse", "none", "some", "much", "met"
    QString label; // "much progress"
};

struct ObjectiveRow
{
    QString id; // "O3"
    QString text;
    QString goal; // the goal it serves
    QString target; // ISO target date, empty when none
    QString measuredBy;
    QString rating; // the latest rating's machine word ("much"), empty when never rated
    QString ratingLabel; // "much progress"
    QString ratedOn; // ISO session date of that rating
    QString measureLine; // "PHQ-9 now 7: target below 10 reached"; empty without a linked measure
    bool measureReached = false;
    QList<RatingPoint> history; // every rating, by session date, oldest first
};

struct PlanSummary
{
    int version = 0; // 0: no plan (or a user who may not read plans)
    QString effective; // ISO
    bool verified = false; // the version matches its author's signature
    QList<ObjectiveRow> objectives; // the plan's order
};

// "PHQ-9 now 7: target below 10 reached", "AUDIT-C now 5: target below 4 not reached yet",
// "no GAD-7 score yet (target below 10)". latest is the newest total, if any.
[[nodiscard]] QString measureLine(const model::LinkedMeasure &measure, std::optional<int> latest);

// The client's plan as the overview shows it; an empty summary without a plan or for a user who may
// not read plans. measures: the client's scores in date order.
[[nodiscard]] PlanSummary loadPlanSummary(vault::Vault &vault, const QString &code,
                                          const QList<model::Measure> &measures);

} // namespace uc::gui
