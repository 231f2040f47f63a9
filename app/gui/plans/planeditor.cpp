// SPDX-License-Identifier: GPL-3.0-or-later
#include "planeditor.h"

#include "vaultthread.h"

#include "model/permissions.h"
#include "vault/vault.h"

#include <QDate>

using namespace Qt::StringLiterals;
using Worker = VaultThread::Worker;
using uc::model::TreatmentPlan;

namespace {

struct Loaded
{
    TreatmentPlan plan; // version 0: none
    bool mayChange = false;
    QString damaged; // why the newest version fails its signature
};

uc::model::Date today()
{
    return *uc::model::parseDate(QDate::currentDate().toString(Qt::ISODate));
}

Loaded loadPlan(uc::vault::Vault &v, const QString &code)
{
    const uc::model::User &user = v.currentUser();
    Loaded loaded;
    if (!uc::model::allowed(user.role, uc::model::Action::ReadPlan))
        return loaded;
    if (const auto plan = v.plans().current(code)) {
        loaded.plan = *plan;
        loaded.damaged = v.plans().check(*plan);
    }
    // Plans::add and update's rules: a therapist, and the plan's own.
    loaded.mayChange = uc::model::allowed(user.role, uc::model::Action::WriteNote)
        && (loaded.plan.version == 0 || loaded.plan.author == user.name);
    return loaded;
}

} // namespace

PlanEditor::PlanEditor(VaultThread *vault, QObject *parent)
    : QObject(parent)
    , m_vault(vault)
    , m_draft(new PlanDraft(this))
{ }

void PlanEditor::show(const QString &code, const TreatmentPlan &plan, bool mayChange, const QString &damaged)
{
    m_code = code;
    m_plan = plan;
    m_mayChange = mayChange;
    m_damaged = damaged;
    Q_EMIT changed();
}

void PlanEditor::setError(const QString &error)
{
    if (m_error == error)
        return;
    m_error = error;
    Q_EMIT errorChanged();
}

void PlanEditor::fail(const Failure &failure)
{
    setError(failure.message());
    Q_EMIT failed(failure);
}

void PlanEditor::clear()
{
    show({}, {}, false, {});
    m_draft->clear();
    setError({});
}

void PlanEditor::load(const QString &code)
{
    if (!m_vault->isOpen() || code.isEmpty())
        return;
    if (code != m_code) {
        show(code, {}, false, {}); // never a moment showing another client's plan
        m_draft->clear();
        setError({});
    }
    m_vault->post(
        this, tr("Opening the treatment plan…"), [code](Worker &w) { return loadPlan(w.open(), code); },
        [this, code](const Loaded &loaded) {
            if (code == m_code)
                show(code, loaded.plan, loaded.mayChange, loaded.damaged);
        },
        [this](const uc::Error &e) { fail(Failure(u"plan"_s, e)); });
}

void PlanEditor::begin()
{
    setError({});
    // A version that fails its signature is not carried into a new signed one.
    if (m_plan.version > 0 && m_damaged.isEmpty())
        m_draft->startFrom(m_plan, today());
    else
        m_draft->startEmpty(today());
}

void PlanEditor::save()
{
    if (!m_vault->isOpen() || m_code.isEmpty())
        return;
    TreatmentPlan plan;
    try {
        plan = m_draft->plan(today());
    } catch (const uc::Error &e) {
        return fail(Failure(Failure::BadInput, u"plan"_s, Failure::sentenceOf(e))); // what was typed
    }
    setError({});
    const QString code = m_code;
    const bool adding = m_plan.version == 0;
    m_vault->post(
        this, tr("Signing the treatment plan…"),
        [code, plan, adding](Worker &w) {
            uc::vault::Vault &v = w.open();
            if (adding)
                (void)v.plans().add(code, plan);
            else
                (void)v.plans().update(code, plan);
            return loadPlan(v, code);
        },
        [this, code](const Loaded &loaded) {
            if (code == m_code) {
                show(code, loaded.plan, loaded.mayChange, loaded.damaged);
                m_draft->startFrom(loaded.plan, today());
            }
            Q_EMIT saved(code, loaded.plan.version);
        },
        [this](const uc::Error &e) { fail(Failure(u"plan"_s, e)); });
}

void PlanEditor::review(const QString &isoDate)
{
    if (!m_vault->isOpen() || m_code.isEmpty())
        return;
    const auto day = uc::model::parseDate(isoDate.trimmed());
    if (!day)
        return fail(Failure(Failure::BadInput, u"plan-review"_s, tr("Date: must be a date as YYYY-MM-DD.")));
    setError({});
    const QString code = m_code;
    m_vault->post(
        this, tr("Recording the review…"),
        [code, day = *day](Worker &w) {
            uc::vault::Vault &v = w.open();
            v.plans().review(code, day);
            return uc::model::toIso(*v.plans().reviewDue(code));
        },
        [this, code](const QString &due) { Q_EMIT reviewed(code, due); },
        [this](const uc::Error &e) { fail(Failure(u"plan-review"_s, e)); });
}
