// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/treatmentplan.h"
#include "vault/service.h"

#include <QList>
#include <QString>

#include <optional>

// Clients' treatment plans (vault.plans(); docs/plan.md). A plan belongs to the therapist who adds
// it: only they update it and record its reviews. Every add and update is a new version, signed by
// its author with their Ed25519 key over the SHA-256 of its canonical form; no version changes or
// goes away. Objective ids are given by the vault once and kept across versions. A progress note
// rates objectives of the plan in force on its session's date, while it is a draft (a signed note
// is fixed, its ratings too). Read by the therapists and by a supervisor of the plan's therapist;
// never by an auditor (read-plan). Each change is an audit event (client, version, objective ids;
// never the text).
namespace uc::vault {

class Plans : public Service
{
public:
    using Service::Service;

    // Adds the client's first version; returns 1. Error(Io) for an unknown client or an objective
    // that names an id (no plan has any yet); Error(Conflict) when the client has a plan.
    int add(const QString &clientCode, const model::TreatmentPlan &plan);
    // Saves the next version; returns it. Objectives with an id keep it (Error(Io) when it is not
    // one of this client's), new ones get the next. Error(Io) when the client has no plan or the new
    // version takes effect before the one in force; Error(NotAllowed) for anyone but the plan's
    // therapist.
    int update(const QString &clientCode, const model::TreatmentPlan &plan);
    // Records a review held on day of the version in force then. Error(Io) for a day in the future
    // or before any version took effect; Error(NotAllowed) for anyone but the plan's therapist.
    void review(const QString &clientCode, const model::Date &day);
    // The newest version, if the client has a plan.
    [[nodiscard]] std::optional<model::TreatmentPlan> current(const QString &clientCode);
    // The version in force on a day: the newest one effective by then.
    [[nodiscard]] std::optional<model::TreatmentPlan> inForce(const QString &clientCode, const model::Date &day);
    // Every version, oldest first.
    [[nodiscard]] QList<model::TreatmentPlan> history(const QString &clientCode);
    [[nodiscard]] QList<model::PlanReview> reviews(const QString &clientCode);
    // When the plan in force's next review is due; nothing without a plan.
    [[nodiscard]] std::optional<model::Date> reviewDue(const QString &clientCode);
    // Rates an objective on a progress note, replacing the note's earlier rating of it. Error(Io)
    // for a process note, or an objective not in the plan in force on the session's date;
    // Error(Conflict) for a signed note; Error(NotAllowed) for anyone but the note's author.
    void rate(model::Id noteId, const QString &objective, model::ProgressRating rating);
    // Takes back the note's rating of an objective (the session did not address it after all), on
    // the same terms as rate(); nothing happens, and nothing is audited, when it was not rated.
    void unrate(model::Id noteId, const QString &objective);
    // Every rating of the client's objectives, by session date.
    [[nodiscard]] QList<model::ObjectiveProgress> progress(const QString &clientCode);
    // Empty when the version matches its hash and its author's certified key signed that hash;
    // otherwise what is wrong, naming the author.
    [[nodiscard]] QString check(const model::TreatmentPlan &plan);

private:
    // The client a plan is written for, the user's role allowing it; Error(Io) for an unknown code.
    [[nodiscard]] model::Client writableClient(const QString &clientCode, const QString &what);
    // Error(Io) when the client has no plan, Error(NotAllowed) when it is not the user's.
    void requireOwner(model::Id clientId, const QString &what, const QString &doing);
    [[nodiscard]] QList<model::TreatmentPlan> read(const QString &clientCode);
    // The objective a note may rate (rate() and unrate()'s rules), or the error why not.
    [[nodiscard]] model::PlanObjective ratableObjective(model::Id noteId, const QString &objective, const QString &what);
    // Gives new objectives their ids and checks the given ones belong to the client.
    void assignObjectiveIds(model::Id clientId, model::TreatmentPlan &plan, const QString &what);
    int store(model::Id clientId, const QString &clientCode, model::TreatmentPlan plan, int version);
};

} // namespace uc::vault
