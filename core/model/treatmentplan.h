// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// A client's treatment plan (docs/plan.md): problems, each with goals, each with measurable
// objectives, each with the interventions that serve it. Versioned: every add or update is a new
// version signed by its author; the version in force on a day is the newest one effective by then.
// Objectives carry ids the vault gives once ("O12") and that stay the same across versions, so a
// progress note's rating and a script name the same objective for the life of the plan.
namespace uc::model {

// How the client took the plan.
enum class PlanAgreement { Verbal, Signed, Declined };
[[nodiscard]] QString toString(PlanAgreement value);
[[nodiscard]] std::optional<PlanAgreement> parsePlanAgreement(const QString &text);

// A progress note's rating of an objective: worse, no change, some, much, met.
enum class ProgressRating { Worse, None, Some, Much, Met };
[[nodiscard]] QString toString(ProgressRating value);
[[nodiscard]] std::optional<ProgressRating> parseProgressRating(const QString &text);
// As people say it: "worse", "no change", "some progress", "much progress", "met".
[[nodiscard]] QString label(ProgressRating value);

// An objective's target on an instrument: "phq9 < 10".
struct LinkedMeasure
{
    QString instrument; // an id of model::instruments()
    QString comparison; // "<", "<=", ">", ">="
    int value = 0;

    [[nodiscard]] bool reachedBy(int total) const;
    [[nodiscard]] QString toText() const;
};
// Nothing for a text that is not "<instrument> <comparison> <whole number>" with a known instrument
// and a value within its range.
[[nodiscard]] std::optional<LinkedMeasure> parseLinkedMeasure(const QString &text);

struct PlanObjective
{
    QString id; // "O12"; empty for a new objective until the vault gives it one
    QString text;
    std::optional<Date> targetDate;
    QString measuredBy; // how progress is judged: "PHQ-9 below 10", "two meetings a week, by report"
    std::optional<LinkedMeasure> measure;
    QStringList interventions;
};

struct PlanGoal
{
    QString text;
    QList<PlanObjective> objectives;
};

struct PlanProblem
{
    QString text;
    QList<PlanGoal> goals;
};

struct TreatmentPlan
{
    QList<PlanProblem> problems;
    Date effective; // the day this version takes effect
    Date nextReview;
    int reviewEveryDays = 90; // after a review, the next one falls due this many days later
    std::optional<Date> agreedOn; // with agreedHow: both or neither
    std::optional<PlanAgreement> agreedHow;

    // Filled in by the vault for a saved version.
    int version = 0;
    QString clientCode;
    QString author;
    QString signedAt; // UTC ISO 8601
    QString contentHash; // SHA-256 of canonicalTreatmentPlan
    QString signature; // the author's Ed25519 signature over the hash, base64

    // The PLAN.json form (docs/plan.md), objective ids included.
    [[nodiscard]] QJsonObject toJson() const;
    // Every objective, in the plan's order.
    [[nodiscard]] QList<PlanObjective> objectives() const;
    [[nodiscard]] std::optional<PlanObjective> objective(const QString &id) const;
};

// Reads PLAN.json strictly. Error(Io) with a specific reason naming where ("problems[0].goals[1]:
// unknown key \"txt\""): not JSON, an unknown key, a missing or empty text, a bad date, a bad
// agreement, a linked measure that does not read, an objective id that is malformed or given twice.
// Never quotes the clinical text. effective defaults to today when absent.
[[nodiscard]] TreatmentPlan parseTreatmentPlan(const QByteArray &json, const Date &today);
[[nodiscard]] TreatmentPlan treatmentPlanFromJson(const QJsonObject &plan, const Date &today);

// What a version's signature covers: compact JSON with sorted keys — client, version, plan
// (toJson()), signed_by, signed_at.
[[nodiscard]] QByteArray canonicalTreatmentPlan(const TreatmentPlan &plan);

// "O12" ↔ 12; nothing for anything else ("o12" reads too).
[[nodiscard]] QString objectiveId(Id number);
[[nodiscard]] std::optional<Id> objectiveNumber(const QString &id);

// A review held on a day, of the version then in force.
struct PlanReview
{
    Date date;
    int version = 0;
    QString reviewer;
    QString recordedAt;
};

// When the next review is due: the version's own next_review, or, after a review held on or after
// the version took effect, that review's day plus reviewEveryDays.
[[nodiscard]] Date nextReviewDue(const TreatmentPlan &plan, const QList<PlanReview> &reviews);

// A progress note's rating of one objective.
struct ObjectiveProgress
{
    Id noteId = 0;
    Date sessionDate;
    QString objective;
    ProgressRating rating = ProgressRating::None;
    QString ratedBy;
    QString ratedAt;
};

} // namespace uc::model
