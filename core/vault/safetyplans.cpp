// SPDX-License-Identifier: GPL-3.0-or-later
#include "vault/safetyplans.h"

#include "vault/state.h"
#include "vault/vault.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace uc::vault {

int SafetyPlans::save(const QString &clientCode, const model::SafetyPlan &given)
{
    m_state.require(model::Action::WriteNote);
    const QString what = u"safety plan"_s;
    if (const auto problem = model::safetyPlanProblem(given))
        badInput(what, *problem);
    const auto client = m_vault.clients().find(clientCode);
    if (!client)
        badInput(what, u"no client with that code"_s);

    sql::Transaction tx(m_state.db);
    auto last = m_state.db.prepare("SELECT COALESCE(MAX(version), 0) FROM safety_plans WHERE client_id = ?");
    last.bind(1, client->id);
    last.step();
    model::SafetyPlan plan = given;
    plan.version = static_cast<int>(last.int64(0)) + 1;
    plan.clientCode = client->code;
    plan.author = m_state.user.name;
    plan.signedAt = now();
    plan.contentHash = sha256Hex(model::canonicalSafetyPlan(plan));
    m_state.db
        .prepare("INSERT INTO safety_plans(client_id, version, steps, author_id, signed_at, content_hash) "
                 "VALUES (?, ?, ?, ?, ?, ?)")
        .bind(1, client->id)
        .bind(2, plan.version)
        .bind(3, QString::fromUtf8(QJsonDocument(plan.stepsJson()).toJson(QJsonDocument::Compact)))
        .bind(4, m_state.user.id)
        .bind(5, plan.signedAt)
        .bind(6, plan.contentHash)
        .run();
    m_state.audit(u"sign-safety-plan"_s, u"client:%1"_s.arg(client->id), u"version:%1"_s.arg(plan.version));
    tx.commit();
    return plan.version;
}

QList<model::SafetyPlan> SafetyPlans::read(const QString &clientCode, std::optional<int> version, bool newestOnly)
{
    m_state.require(model::Action::ReadRecords);
    std::string sql = "SELECT c.code, p.version, p.steps, u.name, p.signed_at, p.content_hash FROM safety_plans p "
                      "JOIN clients c ON c.id = p.client_id JOIN users u ON u.id = p.author_id WHERE c.code = ?";
    if (version)
        sql += " AND p.version = ?";
    sql += newestOnly ? " ORDER BY p.version DESC LIMIT 1" : " ORDER BY p.version";
    auto stmt = m_state.db.prepare(sql);
    stmt.bind(1, clientCode);
    if (version)
        stmt.bind(2, *version);
    QList<model::SafetyPlan> plans;
    while (stmt.step()) {
        const QJsonDocument steps = QJsonDocument::fromJson(stmt.text(2).toUtf8());
        if (!steps.isObject())
            throw Error(ErrorKind::Damaged, u"read safety plan"_s, u"a stored version is not readable"_s);
        model::SafetyPlan plan;
        try {
            plan = model::safetyPlanFromJson(steps.object());
        } catch (const Error &) {
            // What the parser calls a bad value was written by nothing this program does: the
            // stored version was edited outside it, which is damage, not a mistake of the user.
            throw Error(ErrorKind::Damaged, u"read safety plan"_s, u"a stored version is not readable"_s);
        }
        plan.clientCode = stmt.text(0);
        plan.version = static_cast<int>(stmt.int64(1));
        plan.author = stmt.text(3);
        plan.signedAt = stmt.text(4);
        plan.contentHash = stmt.text(5);
        plans.append(plan);
    }
    return plans;
}

std::optional<model::SafetyPlan> SafetyPlans::current(const QString &clientCode)
{
    const auto plans = read(clientCode, std::nullopt, true);
    if (plans.isEmpty())
        return std::nullopt;
    return plans.first();
}

std::optional<model::SafetyPlan> SafetyPlans::version(const QString &clientCode, int version)
{
    const auto plans = read(clientCode, version, true);
    if (plans.isEmpty())
        return std::nullopt;
    return plans.first();
}

QList<model::SafetyPlan> SafetyPlans::history(const QString &clientCode)
{
    return read(clientCode, std::nullopt, false);
}

bool SafetyPlans::verify(const model::SafetyPlan &plan)
{
    return !plan.contentHash.isEmpty() && sha256Hex(model::canonicalSafetyPlan(plan)) == plan.contentHash;
}

} // namespace uc::vault
