// SPDX-License-Identifier: GPL-3.0-or-later
#include "noteplan.h"

#include "common/error.h"
#include "model/permissions.h"
#include "vault/vault.h"

#include <QHash>
#include <QSet>

namespace uc::gui {

NotePlan loadNotePlan(vault::Vault &vault, model::Id noteId, const QString &clientCode, const model::Date &sessionDate,
                      model::NoteKind kind)
{
    NotePlan out;
    if (kind != model::NoteKind::Progress || !model::allowed(vault.currentUser().role, model::Action::ReadPlan))
        return out;
    std::optional<model::TreatmentPlan> plan;
    try {
        plan = vault.plans().inForce(clientCode, sessionDate);
    } catch (const Error &e) {
        if (e.kind() != ErrorKind::Damaged)
            throw;
        out.problem = e.message();
        return out;
    }
    if (!plan)
        return out;
    out.version = plan->version;

    QHash<QString, model::ProgressRating> own;
    QSet<QString> metBefore;
    for (const model::ObjectiveProgress &p : vault.plans().progress(clientCode)) {
        if (p.noteId == noteId)
            own.insert(p.objective, p.rating);
        else if (p.rating == model::ProgressRating::Met && p.sessionDate < sessionDate)
            metBefore.insert(p.objective);
    }
    for (const model::PlanProblem &problem : plan->problems) {
        for (const model::PlanGoal &goal : problem.goals) {
            for (const model::PlanObjective &o : goal.objectives) {
                const auto rated = own.constFind(o.id);
                if (metBefore.contains(o.id) && rated == own.cend())
                    continue;
                NoteObjectiveRow row;
                row.id = o.id;
                row.text = o.text;
                row.targetDate = o.targetDate ? model::toIso(*o.targetDate) : QString();
                row.measuredBy = o.measuredBy;
                row.rating = rated != own.cend() ? model::toString(*rated) : QString();
                out.objectives.append(row);
            }
        }
    }
    return out;
}

} // namespace uc::gui
