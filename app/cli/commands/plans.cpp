// SPDX-License-Identifier: GPL-3.0-or-later
#include "plans.h"

#include "io.h"
#include "signin.h"
#include "values.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace uc::cli {

namespace {

model::TreatmentPlan planFile(const Invocation &line)
{
    const QString text = readTextFile(line.value("file"), u"plan file"_s);
    return model::parseTreatmentPlan(text.toUtf8(), *model::parseDate(QDate::currentDate().toString(Qt::ISODate)));
}

void printSaved(const Invocation &line, const model::TreatmentPlan &plan)
{
    QStringList ids;
    for (const model::PlanObjective &o : plan.objectives())
        ids.append(o.id);
    if (line.json())
        printJson(QJsonObject{{u"version"_s, plan.version}, {u"objectives"_s, QJsonArray::fromStringList(ids)}});
    else
        print(u"plan version %1 signed; objectives %2"_s.arg(plan.version).arg(ids.join(u", "_s)));
}

int save(const Invocation &line, bool adding)
{
    const model::TreatmentPlan given = planFile(line);
    auto v = openVault(line);
    const QString client = line.value("client");
    if (adding)
        (void)v->plans().add(client, given);
    else
        (void)v->plans().update(client, given);
    printSaved(line, *v->plans().current(client));
    return 0;
}

// The newest rating of each objective.
QHash<QString, model::ObjectiveProgress> latestRatings(const QList<model::ObjectiveProgress> &progress)
{
    QHash<QString, model::ObjectiveProgress> latest;
    for (const model::ObjectiveProgress &p : progress)
        latest.insert(p.objective, p); // by session date, so the last one stays
    return latest;
}

} // namespace

int planAdd(const Invocation &line)
{
    return save(line, true);
}

int planUpdate(const Invocation &line)
{
    return save(line, false);
}

int planShow(const Invocation &line)
{
    auto v = openVault(line);
    const QString client = line.value("client");
    const auto plan = v->plans().current(client);
    if (!plan)
        throw Error(ErrorKind::Io, u"plan show"_s, u"the client has no treatment plan yet"_s);
    if (const QString problem = v->plans().check(*plan); !problem.isEmpty())
        throw Error(ErrorKind::Damaged, u"plan show"_s, problem);
    const auto progress = v->plans().progress(client);
    const auto reviews = v->plans().reviews(client);
    const model::Date due = model::nextReviewDue(*plan, reviews);
    if (line.json()) {
        QJsonArray reviewList;
        for (const model::PlanReview &r : reviews)
            reviewList.append(QJsonObject{{u"date"_s, model::toIso(r.date)}, {u"version"_s, r.version}, {u"by"_s, r.reviewer}});
        QJsonArray progressList;
        for (const model::ObjectiveProgress &p : progress)
            progressList.append(QJsonObject{{u"note"_s, static_cast<double>(p.noteId)},
                                            {u"date"_s, model::toIso(p.sessionDate)},
                                            {u"objective"_s, p.objective},
                                            {u"rating"_s, model::toString(p.rating)}});
        printJson(QJsonObject{{u"client"_s, plan->clientCode},
                              {u"version"_s, plan->version},
                              {u"author"_s, plan->author},
                              {u"signed_at"_s, plan->signedAt},
                              {u"content_hash"_s, plan->contentHash},
                              {u"verified"_s, true},
                              {u"review_due"_s, model::toIso(due)},
                              {u"plan"_s, plan->toJson()},
                              {u"reviews"_s, reviewList},
                              {u"progress"_s, progressList}});
        return 0;
    }
    print(u"# Treatment plan %1, version %2, signed by %3 at %4 (signature verified)"_s.arg(plan->clientCode)
              .arg(plan->version)
              .arg(plan->author, plan->signedAt));
    const QString agreement = plan->agreedHow
                                  ? u"client's agreement: %1 on %2"_s.arg(model::toString(*plan->agreedHow), model::toIso(*plan->agreedOn))
                                  : u"client's agreement: not recorded"_s;
    print(u"effective %1; next review due %2; %3"_s.arg(model::toIso(plan->effective), model::toIso(due), agreement));
    const auto latest = latestRatings(progress);
    for (qsizetype i = 0; i < plan->problems.size(); ++i) {
        const model::PlanProblem &problem = plan->problems.at(i);
        print(u"Problem %1: %2"_s.arg(i + 1).arg(problem.text));
        for (qsizetype j = 0; j < problem.goals.size(); ++j) {
            print(u"  Goal %1.%2: %3"_s.arg(i + 1).arg(j + 1).arg(problem.goals.at(j).text));
            for (const model::PlanObjective &o : problem.goals.at(j).objectives) {
                QStringList about{u"measured by: "_s + o.measuredBy};
                if (o.targetDate)
                    about.prepend(u"target "_s + model::toIso(*o.targetDate));
                if (o.measure)
                    about.append(o.measure->toText());
                const auto rated = latest.constFind(o.id);
                about.append(rated == latest.constEnd() ? u"not rated yet"_s
                                                        : u"latest: %1 (%2)"_s.arg(model::label(rated->rating), model::toIso(rated->sessionDate)));
                print(u"    %1 %2 [%3]"_s.arg(o.id, o.text, about.join(u"; "_s)));
                for (const QString &intervention : o.interventions)
                    print(u"      - "_s + intervention);
            }
        }
    }
    return 0;
}

int planReview(const Invocation &line)
{
    const model::Date day = valid(dateOption(line, "date"), "date", u"a date as YYYY-MM-DD"_s);
    auto v = openVault(line);
    const QString client = line.value("client");
    v->plans().review(client, day);
    const QString due = model::toIso(*v->plans().reviewDue(client));
    if (line.json())
        printJson(QJsonObject{{u"review_due"_s, due}});
    else
        print(u"review recorded; next review due %1"_s.arg(due));
    return 0;
}

int noteProgress(const Invocation &line)
{
    const model::Id note = idArgument(line, 0);
    const auto rating = model::parseProgressRating(line.value("rating"));
    if (!rating)
        throw Error(ErrorKind::Io, u"--rating"_s, u"must be worse, none, some, much or met"_s);
    if (!model::objectiveNumber(line.value("objective")))
        throw Error(ErrorKind::Io, u"--objective"_s, u"must be an objective id, O and a number (O12)"_s);
    auto v = openVault(line);
    v->plans().rate(note, line.value("objective"), *rating);
    if (line.json())
        printJson(QJsonObject{{u"note"_s, static_cast<double>(note)}, {u"objective"_s, model::objectiveId(*model::objectiveNumber(line.value("objective")))}, {u"rating"_s, model::toString(*rating)}});
    else
        print(u"rated"_s);
    return 0;
}

} // namespace uc::cli
