// SPDX-License-Identifier: GPL-3.0-or-later
#include "vault/plans.h"

#include "vault/access.h"
#include "vault/state.h"
#include "vault/vault.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace uc::vault {

using model::Id;
using model::TreatmentPlan;

namespace {

constexpr auto planKind = "plan";

// The therapist a client's plan belongs to (the author of its first version), if it has one.
std::optional<Id> ownerOf(sql::Database &db, Id clientId)
{
    auto stmt = db.prepare("SELECT author_id FROM treatment_plans WHERE client_id = ? ORDER BY version LIMIT 1");
    stmt.bind(1, clientId);
    if (!stmt.step())
        return std::nullopt;
    return stmt.int64(0);
}

} // namespace

void Plans::assignObjectiveIds(Id clientId, TreatmentPlan &plan, const QString &what)
{
    for (model::PlanProblem &p : plan.problems) {
        for (model::PlanGoal &g : p.goals) {
            for (model::PlanObjective &o : g.objectives) {
                if (o.id.isEmpty()) {
                    m_state.db.prepare("INSERT INTO plan_objectives(client_id) VALUES (?)").bind(1, clientId).run();
                    o.id = model::objectiveId(m_state.db.lastInsertId());
                    continue;
                }
                auto known = m_state.db.prepare("SELECT 1 FROM plan_objectives WHERE id = ? AND client_id = ?");
                known.bind(1, *model::objectiveNumber(o.id)).bind(2, clientId);
                if (!known.step())
                    badInput(what, u"objective %1 does not exist in this client's plan (leave out \"id\" for a new "
                                   "objective)"_s.arg(o.id));
            }
        }
    }
}

int Plans::store(Id clientId, const QString &clientCode, TreatmentPlan plan, int version)
{
    if (!m_state.keys)
        throw Error(ErrorKind::Damaged, u"sign plan"_s, u"your signing key is not available"_s);
    plan.version = version;
    plan.clientCode = clientCode;
    plan.author = m_state.user.name;
    plan.signedAt = now();
    plan.contentHash = sha256Hex(model::canonicalTreatmentPlan(plan));
    plan.signature = m_state.keys->sign(signedMessage(QString::fromLatin1(planKind), plan.contentHash));
    m_state.db
        .prepare("INSERT INTO treatment_plans(client_id, version, plan, author_id, signed_at, content_hash, signature) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bind(1, clientId)
        .bind(2, plan.version)
        .bind(3, QString::fromUtf8(QJsonDocument(plan.toJson()).toJson(QJsonDocument::Compact)))
        .bind(4, m_state.user.id)
        .bind(5, plan.signedAt)
        .bind(6, plan.contentHash)
        .bind(7, plan.signature)
        .run();
    QStringList ids;
    for (const model::PlanObjective &o : plan.objectives())
        ids.append(o.id);
    m_state.audit(version == 1 ? u"plan-add"_s : u"plan-update"_s, u"client:%1"_s.arg(clientId),
                  u"version:%1, objectives:%2"_s.arg(version).arg(ids.join(u' ')));
    return version;
}

model::Client Plans::writableClient(const QString &clientCode, const QString &what)
{
    m_state.require(model::Action::WriteNote);
    const auto client = m_vault.clients().find(clientCode);
    if (!client)
        badInput(what, u"no client with that code"_s);
    return *client;
}

void Plans::requireOwner(Id clientId, const QString &what, const QString &doing)
{
    const auto owner = ownerOf(m_state.db, clientId);
    if (!owner)
        badInput(what, u"the client has no plan yet: write one with plan add"_s);
    if (*owner != m_state.user.id)
        throw Error(ErrorKind::NotAllowed, what, u"only the therapist who wrote the client's plan %1"_s.arg(doing));
}

int Plans::add(const QString &clientCode, const TreatmentPlan &given)
{
    const QString what = u"add plan"_s;
    const auto client = writableClient(clientCode, what);
    sql::Transaction tx(m_state.db);
    if (ownerOf(m_state.db, client.id))
        throw Error(ErrorKind::Conflict, what, u"the client has a plan already: change it with plan update"_s);
    for (const model::PlanObjective &o : given.objectives()) {
        if (!o.id.isEmpty())
            badInput(what, u"objective %1 does not exist in this client's plan (a new plan's objectives have no "
                           "\"id\")"_s.arg(o.id));
    }
    TreatmentPlan plan = given;
    assignObjectiveIds(client.id, plan, what);
    const int version = store(client.id, client.code, plan, 1);
    tx.commit();
    return version;
}

int Plans::update(const QString &clientCode, const TreatmentPlan &given)
{
    const QString what = u"update plan"_s;
    const auto client = writableClient(clientCode, what);
    sql::Transaction tx(m_state.db);
    requireOwner(client.id, what, u"changes it"_s);
    const QList<TreatmentPlan> versions = read(client.code);
    const TreatmentPlan &last = versions.constLast();
    if (given.effective < last.effective)
        badInput(what, u"the new version takes effect before version %1 did (%2)"_s.arg(last.version).arg(model::toIso(last.effective)));
    TreatmentPlan plan = given;
    assignObjectiveIds(client.id, plan, what);
    const int version = store(client.id, client.code, plan, last.version + 1);
    tx.commit();
    return version;
}

void Plans::review(const QString &clientCode, const model::Date &day)
{
    const QString what = u"review plan"_s;
    const auto client = writableClient(clientCode, what);
    sql::Transaction tx(m_state.db);
    requireOwner(client.id, what, u"records its reviews"_s);
    if (day > *model::parseDate(now().left(10)))
        badInput(what, u"the review day is in the future: record a review once it is held"_s);
    const auto plan = inForce(client.code, day);
    if (!plan)
        badInput(what, u"no version of the plan was in force on that day"_s);
    m_state.db
        .prepare("INSERT INTO plan_reviews(client_id, version, review_date, reviewer_id, recorded_at) VALUES (?, ?, ?, ?, ?)")
        .bind(1, client.id)
        .bind(2, plan->version)
        .bind(3, model::toIso(day))
        .bind(4, m_state.user.id)
        .bind(5, now())
        .run();
    m_state.audit(u"plan-review"_s, u"client:%1"_s.arg(client.id), u"version:%1, %2"_s.arg(plan->version).arg(model::toIso(day)));
    tx.commit();
}

QList<TreatmentPlan> Plans::read(const QString &clientCode)
{
    m_state.require(model::Action::ReadPlan);
    auto stmt = m_state.db.prepare(
        "SELECT c.code, p.version, p.plan, u.name, p.signed_at, p.content_hash, p.signature, c.id FROM treatment_plans p "
        "JOIN clients c ON c.id = p.client_id JOIN users u ON u.id = p.author_id WHERE c.code = ? ORDER BY p.version");
    stmt.bind(1, clientCode);
    QList<TreatmentPlan> plans;
    Id clientId = 0;
    while (stmt.step()) {
        const QJsonDocument doc = QJsonDocument::fromJson(stmt.text(2).toUtf8());
        TreatmentPlan plan;
        try {
            if (!doc.isObject())
                throw Error(ErrorKind::Io, {}, {});
            plan = model::treatmentPlanFromJson(doc.object(), model::Date(1970, 1, 1));
        } catch (const Error &) {
            throw Error(ErrorKind::Damaged, u"read plan"_s,
                        u"version %1 of the client's plan is not readable (changed outside Undercurrent)"_s.arg(stmt.int64(1)));
        }
        plan.clientCode = stmt.text(0);
        plan.version = static_cast<int>(stmt.int64(1));
        plan.author = stmt.text(3);
        plan.signedAt = stmt.text(4);
        plan.contentHash = stmt.text(5);
        plan.signature = stmt.text(6);
        clientId = stmt.int64(7);
        plans.append(plan);
    }
    // A supervisor reads the plans of the therapists assigned to them, as their notes.
    if (!plans.isEmpty() && m_state.isSupervisor()) {
        const auto owner = ownerOf(m_state.db, clientId);
        if (owner && !m_state.supervises(*owner))
            throw Error(ErrorKind::NotAllowed, u"read plan"_s, u"you do not supervise the therapist of this plan"_s);
    }
    return plans;
}

std::optional<TreatmentPlan> Plans::current(const QString &clientCode)
{
    const auto plans = read(clientCode);
    if (plans.isEmpty())
        return std::nullopt;
    return plans.constLast();
}

std::optional<TreatmentPlan> Plans::inForce(const QString &clientCode, const model::Date &day)
{
    std::optional<TreatmentPlan> found;
    for (const TreatmentPlan &plan : read(clientCode)) {
        if (plan.effective <= day)
            found = plan;
    }
    return found;
}

QList<TreatmentPlan> Plans::history(const QString &clientCode)
{
    return read(clientCode);
}

QList<model::PlanReview> Plans::reviews(const QString &clientCode)
{
    m_state.require(model::Action::ReadPlan);
    auto stmt = m_state.db.prepare("SELECT r.review_date, r.version, u.name, r.recorded_at FROM plan_reviews r "
                                   "JOIN clients c ON c.id = r.client_id JOIN users u ON u.id = r.reviewer_id "
                                   "WHERE c.code = ? ORDER BY r.review_date, r.id");
    stmt.bind(1, clientCode);
    QList<model::PlanReview> list;
    while (stmt.step())
        list.append({*model::parseDate(stmt.text(0)), static_cast<int>(stmt.int64(1)), stmt.text(2), stmt.text(3)});
    return list;
}

std::optional<model::Date> Plans::reviewDue(const QString &clientCode)
{
    const auto plan = current(clientCode);
    if (!plan)
        return std::nullopt;
    return model::nextReviewDue(*plan, reviews(clientCode));
}

model::PlanObjective Plans::ratableObjective(Id noteId, const QString &objective, const QString &what)
{
    const model::Note note = loadNote(m_state, noteId);
    if (note.authorId != m_state.user.id)
        throw Error(ErrorKind::NotAllowed, what, u"only the note's author rates progress on it"_s);
    if (note.kind != model::NoteKind::Progress)
        badInput(what, u"progress is rated on progress notes only, never on a process note"_s);
    if (note.status != model::NoteStatus::Draft)
        throw Error(ErrorKind::Conflict, what, u"the note is signed: ratings are part of the draft and fixed at signing"_s);
    const auto plan = inForce(note.clientCode, note.sessionDate);
    if (!plan)
        badInput(what, u"the client has no plan in force on the session's date"_s);
    const auto o = plan->objective(objective);
    if (!o)
        badInput(what, u"the objective is not in the client's plan in force on the session's date (version %1)"_s.arg(plan->version));
    return *o;
}

void Plans::rate(Id noteId, const QString &objective, model::ProgressRating rating)
{
    m_state.require(model::Action::WriteNote);
    const QString what = u"rate progress"_s;
    sql::Transaction tx(m_state.db);
    const model::PlanObjective o = ratableObjective(noteId, objective, what);
    m_state.db
        .prepare("INSERT INTO objective_progress(note_id, objective_id, rating, rated_by, rated_at) VALUES (?, ?, ?, ?, ?) "
                 "ON CONFLICT(note_id, objective_id) DO UPDATE SET rating = excluded.rating, rated_by = excluded.rated_by, "
                 "rated_at = excluded.rated_at")
        .bind(1, noteId)
        .bind(2, *model::objectiveNumber(o.id))
        .bind(3, model::toString(rating))
        .bind(4, m_state.user.id)
        .bind(5, now())
        .run();
    m_state.audit(u"note-progress"_s, u"note:%1"_s.arg(noteId), u"objective:%1"_s.arg(o.id));
    tx.commit();
}

void Plans::unrate(Id noteId, const QString &objective)
{
    m_state.require(model::Action::WriteNote);
    const QString what = u"take back a rating"_s;
    sql::Transaction tx(m_state.db);
    const model::PlanObjective o = ratableObjective(noteId, objective, what);
    auto stmt = m_state.db.prepare("DELETE FROM objective_progress WHERE note_id = ? AND objective_id = ?");
    stmt.bind(1, noteId).bind(2, *model::objectiveNumber(o.id)).run();
    if (m_state.db.changes() == 0)
        return; // not rated: nothing to take back, nothing to audit
    m_state.audit(u"note-progress"_s, u"note:%1"_s.arg(noteId), u"objective:%1 not addressed"_s.arg(o.id));
    tx.commit();
}

QList<model::ObjectiveProgress> Plans::progress(const QString &clientCode)
{
    (void)read(clientCode); // the same rule as the plan's
    auto stmt = m_state.db.prepare(
        "SELECT p.note_id, s.date, p.objective_id, p.rating, u.name, p.rated_at FROM objective_progress p "
        "JOIN notes n ON n.id = p.note_id JOIN sessions s ON s.id = n.session_id JOIN clients c ON c.id = n.client_id "
        "JOIN users u ON u.id = p.rated_by WHERE c.code = ? ORDER BY s.date, p.note_id, p.objective_id");
    stmt.bind(1, clientCode);
    QList<model::ObjectiveProgress> list;
    while (stmt.step()) {
        model::ObjectiveProgress p;
        p.noteId = stmt.int64(0);
        p.sessionDate = *model::parseDate(stmt.text(1));
        p.objective = model::objectiveId(stmt.int64(2));
        p.rating = model::parseProgressRating(stmt.text(3)).value_or(model::ProgressRating::None);
        p.ratedBy = stmt.text(4);
        p.ratedAt = stmt.text(5);
        list.append(p);
    }
    return list;
}

QString Plans::check(const TreatmentPlan &plan)
{
    if (sha256Hex(model::canonicalTreatmentPlan(plan)) != plan.contentHash)
        return u"version %1 of the plan does not match %2's signature (changed since signing)"_s.arg(plan.version).arg(plan.author);
    const auto key = certifiedKey(m_state.certificates(), m_state.trustRoot(), plan.author);
    if (!key)
        return u"%1's key is not certified in this vault, so their signature cannot be checked"_s.arg(plan.author);
    if (!verifyDetached(key->signPublic, signedMessage(QString::fromLatin1(planKind), plan.contentHash), plan.signature))
        return u"%1's signature of version %2 of the plan does not verify"_s.arg(plan.author).arg(plan.version);
    return {};
}

} // namespace uc::vault
