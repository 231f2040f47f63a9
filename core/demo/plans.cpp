// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo/plans.h"

#include "model/treatmentplan.h"
#include "vault/vault.h"

#include <QJsonDocument>

#include <algorithm>

namespace uc::demo {

using namespace script;

namespace {

constexpr int firstReviewDays = 90;
constexpr int objectiveDays = 182;

model::Date intakeOf(const Profile &who)
{
    return who.runs.first().when.from;
}

void dueSixMonthsFrom(const model::Date &from, model::TreatmentPlan &plan)
{
    for (model::PlanProblem &problem : plan.problems) {
        for (model::PlanGoal &goal : problem.goals) {
            for (model::PlanObjective &objective : goal.objectives)
                objective.targetDate = from + boost::gregorian::days(objectiveDays);
        }
    }
}

model::TreatmentPlan planOf(const Profile &who)
{
    const model::Date from = intakeOf(who);
    QJsonObject json = who.plan;
    json.insert(u"effective"_s, model::toIso(from));
    json.insert(u"next_review"_s, model::toIso(from + boost::gregorian::days(firstReviewDays)));
    json.insert(u"agreement"_s, QJsonObject{{u"date"_s, model::toIso(from)}, {u"how"_s, u"signed"_s}});
    // practice.json is read as the CLI reads a PLAN.json file, so a slip in it fails the same way.
    model::TreatmentPlan plan = model::parseTreatmentPlan(QJsonDocument(json).toJson(QJsonDocument::Compact), from);
    dueSixMonthsFrom(from, plan);
    return plan;
}

// The client's attended sessions that are not process notes', in date order.
QList<const Visit *> attendedVisits(const Practice &p, int client)
{
    QList<const Visit *> out;
    for (int v : p.visitsOf(client, true))
        out.append(&p.visits[v]);
    return out;
}

std::optional<model::Date> firstAfterRelapse(const Practice &p, int client)
{
    bool relapsed = false;
    for (const Visit *v : attendedVisits(p, client)) {
        relapsed = relapsed || v->beat == Beat::Relapse;
        if (relapsed && v->beat == Beat::Repair)
            return p.meetingOf(*v).date;
    }
    return std::nullopt;
}

std::optional<model::ProgressRating> ratingOf(const Visit &v, int routineSeen)
{
    using model::ProgressRating;
    switch (v.beat) {
    case Beat::Intake:
        return std::nullopt;
    case Beat::Routine:
        if (routineSeen % 3 != 2)
            return std::nullopt;
        return v.progress < 0.3 ? ProgressRating::None : v.progress < 0.7 ? ProgressRating::Some : ProgressRating::Much;
    case Beat::NearMiss:
    case Beat::Repair:
        return ProgressRating::Some;
    case Beat::Abandonment:
        return ProgressRating::None;
    case Beat::Relapse:
    case Beat::Aftermath:
    case Beat::Anniversary:
    case Beat::Lapse:
        return ProgressRating::Worse;
    case Beat::Milestone:
        return ProgressRating::Much;
    case Beat::Ending:
        return ProgressRating::Met;
    }
    return std::nullopt;
}

} // namespace

void addPlans(vault::Vault &vault, const Practice &p)
{
    for (int c = 0; c < p.clients.size(); ++c) {
        const Profile &who = p.clients[c];
        if (who.plan.isEmpty())
            continue;
        vault.plans().add(who.code, planOf(who));
        if (who.story != Story::AbandonmentRelapse)
            continue;
        const auto from = firstAfterRelapse(p, c);
        auto next = vault.plans().current(who.code);
        if (!from || !next || next->problems.isEmpty() || next->problems.first().goals.isEmpty())
            continue;
        next->effective = *from;
        next->nextReview = *from + boost::gregorian::days(firstReviewDays);
        next->agreedOn = *from;
        next->agreedHow = model::PlanAgreement::Verbal;
        dueSixMonthsFrom(*from, *next);
        model::PlanObjective call;
        call.text = u"Calls her sponsor or a friend from the group when she feels let down, before she drinks"_s;
        call.measuredBy = u"client report, each session"_s;
        call.targetDate = *from + boost::gregorian::days(objectiveDays);
        call.interventions = {u"relapse-prevention plan, revised after the relapse"_s};
        next->problems.first().goals.first().objectives.append(call);
        vault.plans().update(who.code, *next);
    }
}

void rateProgress(vault::Vault &vault, const Practice &p)
{
    for (int c = 0; c < p.clients.size(); ++c) {
        const Profile &who = p.clients[c];
        int routineSeen = 0;
        for (const Visit *v : attendedVisits(p, c)) {
            const Meeting &m = p.meetingOf(*v);
            if (m.modality != Modality::Individual || v->note == 0)
                continue;
            const auto rating = ratingOf(*v, routineSeen);
            if (v->beat == Beat::Routine)
                ++routineSeen;
            const auto plan = rating ? vault.plans().inForce(who.code, m.date) : std::nullopt;
            if (!plan)
                continue;
            for (const model::PlanObjective &objective : plan->objectives())
                vault.plans().rate(v->note, objective.id, *rating);
        }
    }
}

void holdReviews(vault::Vault &vault, const Practice &p)
{
    for (int c = 0; c < p.clients.size(); ++c) {
        const Profile &who = p.clients[c];
        const QList<model::TreatmentPlan> versions = vault.plans().history(who.code);
        const QList<const Visit *> visits = attendedVisits(p, c);
        // A review is recorded once held: a practice moved to a day still to come keeps those unheld.
        const model::Date held = boost::gregorian::day_clock::universal_day();
        for (qsizetype i = 0; i < versions.size(); ++i) {
            const model::TreatmentPlan &version = versions[i];
            const auto ends = i + 1 < versions.size() ? std::optional(versions[i + 1].effective) : std::nullopt;
            model::Date due = version.nextReview;
            for (const Visit *v : visits) {
                const model::Date day = p.meetingOf(*v).date;
                if ((ends && day >= *ends) || day > held)
                    break;
                if (day < due)
                    continue;
                vault.plans().review(who.code, day);
                due = day + boost::gregorian::days(version.reviewEveryDays);
            }
        }
    }
}

} // namespace uc::demo
