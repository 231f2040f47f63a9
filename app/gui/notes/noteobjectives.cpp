// SPDX-License-Identifier: GPL-3.0-or-later
#include "noteobjectives.h"

#include "noteeditor.h"
#include "vaultthread.h"

#include "vault/vault.h"

#include <QVariantMap>

using namespace Qt::StringLiterals;
using uc::gui::NotePlan;

NoteObjectives::NoteObjectives(NoteEditor *editor, VaultThread *vault)
    : QObject(editor)
    , m_editor(editor)
    , m_vault(vault)
{
}

QVariantList NoteObjectives::objectives() const
{
    QVariantList list;
    for (const uc::gui::NoteObjectiveRow &o : m_plan.objectives)
        list.append(QVariantMap{{u"objectiveId"_s, o.id},
                                {u"text"_s, o.text},
                                {u"targetDate"_s, o.targetDate},
                                {u"measuredBy"_s, o.measuredBy},
                                {u"rating"_s, o.rating}});
    return list;
}

bool NoteObjectives::mayRate() const
{
    return m_plan.version > 0 && !m_plan.objectives.isEmpty() && !m_editor->readOnly();
}

QVariantList NoteObjectives::ratings()
{
    QVariantList list{QVariantMap{{u"value"_s, QString()}, {u"label"_s, tr("not addressed")}}};
    for (const auto r : {uc::model::ProgressRating::Worse, uc::model::ProgressRating::None, uc::model::ProgressRating::Some,
                         uc::model::ProgressRating::Much, uc::model::ProgressRating::Met})
        list.append(QVariantMap{{u"value"_s, uc::model::toString(r)}, {u"label"_s, uc::model::label(r)}});
    return list;
}

QString NoteObjectives::ratingOf(const QString &objective) const
{
    for (const uc::gui::NoteObjectiveRow &o : m_plan.objectives)
        if (o.id == objective)
            return o.rating;
    return {};
}

void NoteObjectives::show(const uc::gui::NoteData &data)
{
    set(data.plan);
}

void NoteObjectives::set(NotePlan plan)
{
    m_plan = std::move(plan);
    Q_EMIT changed();
}

void NoteObjectives::rate(const QString &objective, const QString &rating)
{
    const qint64 noteId = m_editor->noteId();
    const auto date = uc::model::parseDate(m_editor->date());
    if (!m_vault || noteId == 0 || !mayRate() || !date)
        return;
    std::optional<uc::model::ProgressRating> value;
    if (!rating.isEmpty()) {
        value = uc::model::parseProgressRating(rating);
        if (!value)
            return;
    }
    m_vault->post(
        this, tr("Saving the rating…"),
        [noteId, objective, value, client = m_editor->clientCode(), date = *date](
            VaultThread::Worker &w) {
            uc::vault::Vault &v = w.open();
            if (value)
                v.plans().rate(noteId, objective, *value);
            else
                v.plans().unrate(noteId, objective);
            return uc::gui::loadNotePlan(v, noteId, client, date, uc::model::NoteKind::Progress);
        },
        [this, noteId, objective](NotePlan plan) {
            if (m_editor->noteId() == noteId)
                set(std::move(plan));
            Q_EMIT rated(noteId, objective);
        },
        [this](const uc::Error &e) {
            m_vault->report(Failure(u"rate"_s, e));
            Q_EMIT changed(); // the controls go back to what is stored
        });
}
