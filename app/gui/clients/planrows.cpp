// SPDX-License-Identifier: GPL-3.0-or-later
#include "planrows.h"

#include "model/permissions.h"
#include "vault/vault.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace uc::gui {

namespace {

QString comparisonWords(const QString &comparison)
{
    if (comparison == u"<")
        return u"below"_s;
    if (comparison == u"<=")
        return u"at or below"_s;
    if (comparison == u">")
        return u"above"_s;
    return u"at or above"_s;
}

} // namespace

QString measureLine(const model::LinkedMeasure &measure, std::optional<int> latest)
{
    const model::Instrument *instrument = model::findInstrument(measure.instrument);
    const QString name = instrument ? instrument->name : measure.instrument;
    const QString target = u"target %1 %2"_s.arg(comparisonWords(measure.comparison)).arg(measure.value);
    if (!latest)
        return u"no %1 score yet (%2)"_s.arg(name, target);
    return u"%1 now %2: %3 %4"_s.arg(name)
        .arg(*latest)
        .arg(target, measure.reachedBy(*latest) ? u"reached"_s : u"not reached yet"_s);
}

PlanSummary loadPlanSummary(vault::Vault &vault, const QString &code, const QList<model::Measure> &measures)
{
    PlanSummary out;
    if (!model::allowed(vault.currentUser().role, model::Action::ReadPlan))
        return out;
    const auto plan = vault.plans().current(code);
    if (!plan)
        return out;
    out.version = plan->version;
    out.effective = model::toIso(plan->effective);
    out.verified = vault.plans().check(*plan).isEmpty();

    // The latest rating of each objective: progress comes by session date, so the last one wins.
    QHash<QString, model::ObjectiveProgress> latest;
    QHash<QString, QList<RatingPoint>> history;
    for (const model::ObjectiveProgress &p : vault.plans().progress(code)) {
        latest.insert(p.objective, p);
        history[p.objective].append({model::toIso(p.sessionDate), model::toString(p.rating), model::label(p.rating)});
    }
    QHash<QString, int> newestTotal;
    for (const model::Measure &m : measures)
        newestTotal.insert(m.instrument, m.total);

    for (const model::PlanProblem &problem : plan->problems) {
        for (const model::PlanGoal &goal : problem.goals) {
            for (const model::PlanObjective &o : goal.objectives) {
                ObjectiveRow row;
                row.id = o.id;
                row.text = o.text;
                row.goal = goal.text;
                row.target = o.targetDate ? model::toIso(*o.targetDate) : QString();
                row.measuredBy = o.measuredBy;
                row.history = history.value(o.id);
                if (const auto it = latest.constFind(o.id); it != latest.cend()) {
                    row.rating = model::toString(it->rating);
                    row.ratingLabel = model::label(it->rating);
                    row.ratedOn = model::toIso(it->sessionDate);
                }
                if (o.measure) {
                    const auto total = newestTotal.constFind(o.measure->instrument);
                    const std::optional<int> score = total != newestTotal.cend() ? std::optional(*total) : std::nullopt;
                    row.measureLine = measureLine(*o.measure, score);
                    row.measureReached = score && o.measure->reachedBy(*score);
                }
                out.objectives.append(row);
            }
        }
    }
    return out;
}

} // namespace uc::gui
