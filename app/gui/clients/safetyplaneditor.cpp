// SPDX-License-Identifier: GPL-3.0-or-later
#include "safetyplaneditor.h"

#include "vaultthread.h"

#include "vault/vault.h"

using namespace Qt::StringLiterals;
using Worker = VaultThread::Worker;
using uc::model::SafetyPlan;
using uc::model::SafetyStep;

namespace {

struct Loaded
{
    SafetyPlan plan;
    bool verified = false;
};

Loaded loadPlan(uc::vault::Vault &v, const QString &code)
{
    const auto plan = v.safetyPlans().current(code);
    if (!plan)
        return {};
    return {*plan, uc::vault::SafetyPlans::verify(*plan)};
}

} // namespace

SafetyPlanEditor::SafetyPlanEditor(VaultThread *vault, QObject *parent)
    : QObject(parent)
    , m_vault(vault)
{
}

QStringList SafetyPlanEditor::steps() const
{
    QStringList texts;
    for (const QStringList &items : m_plan.steps)
        texts.append(items.join(u'\n'));
    return texts;
}

QStringList SafetyPlanEditor::titles()
{
    QStringList list;
    for (int i = 0; i < uc::model::safetyStepCount; ++i)
        list.append(uc::model::title(static_cast<SafetyStep>(i)));
    return list;
}

QStringList SafetyPlanEditor::prompts()
{
    QStringList list;
    for (int i = 0; i < uc::model::safetyStepCount; ++i)
        list.append(uc::model::prompt(static_cast<SafetyStep>(i)));
    return list;
}

SafetyPlan SafetyPlanEditor::planOf(const QStringList &steps)
{
    SafetyPlan plan;
    for (int i = 0; i < uc::model::safetyStepCount && i < steps.size(); ++i) {
        for (const QString &line : steps.at(i).split(u'\n')) {
            const QString item = line.simplified();
            if (!item.isEmpty())
                plan.items(static_cast<SafetyStep>(i)).append(item);
        }
    }
    return plan;
}

QString SafetyPlanEditor::problem(const QStringList &steps)
{
    return uc::model::safetyPlanProblem(planOf(steps)).value_or(QString());
}

void SafetyPlanEditor::show(const QString &code, const SafetyPlan &plan, bool verified)
{
    m_code = code;
    m_plan = plan;
    m_verified = verified;
    Q_EMIT changed();
}

void SafetyPlanEditor::clear()
{
    show({}, {}, false);
}

void SafetyPlanEditor::load(const QString &code)
{
    if (!m_vault->isOpen() || code.isEmpty())
        return;
    if (code != m_code)
        show(code, {}, false); // never a moment showing another client's plan
    m_vault->post(
        this, tr("Opening the safety plan…"), [code](Worker &w) { return loadPlan(w.open(), code); },
        [this, code](Loaded loaded) {
            if (code == m_code)
                show(code, loaded.plan, loaded.verified);
        },
        [this](const uc::Error &e) { Q_EMIT failed(Failure(u"safety-plan"_s, e)); });
}

void SafetyPlanEditor::save(const QStringList &steps)
{
    if (!m_vault->isOpen() || m_code.isEmpty())
        return;
    const SafetyPlan plan = planOf(steps);
    if (const auto why = uc::model::safetyPlanProblem(plan))
        return Q_EMIT failed(Failure(Failure::BadInput, u"safety-plan"_s, *why));
    const QString code = m_code;
    m_vault->post(
        this, tr("Signing the safety plan…"),
        [code, plan](Worker &w) {
            uc::vault::Vault &v = w.open();
            v.safetyPlans().save(code, plan);
            return loadPlan(v, code);
        },
        [this, code](Loaded loaded) {
            if (code == m_code)
                show(code, loaded.plan, loaded.verified);
            Q_EMIT saved(loaded.plan.version);
        },
        [this](const uc::Error &e) { Q_EMIT failed(Failure(u"safety-plan"_s, e)); });
}
