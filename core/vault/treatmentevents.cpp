// SPDX-License-Identifier: GPL-3.0-or-later
#include "vault/treatmentevents.h"

#include "vault/state.h"
#include "vault/vault.h"

using namespace Qt::StringLiterals;

namespace uc::vault {

using model::Id;
using model::TreatmentEvent;

namespace {

constexpr auto columns = "SELECT t.id, c.code, t.kind, t.date, t.program, t.group_name, t.medication, t.change, "
                         "t.dose, t.unit, t.substance, t.result, t.method, t.note FROM treatment_events t "
                         "JOIN clients c ON c.id = t.client_id ";

TreatmentEvent readEvent(const sql::Statement &s)
{
    TreatmentEvent e;
    e.id = s.int64(0);
    e.clientCode = s.text(1);
    e.kind = s.text(2);
    e.date = model::parseDate(s.text(3)).value_or(model::Date());
    e.program = s.text(4);
    e.group = s.text(5);
    e.medication = s.text(6);
    e.change = s.text(7);
    if (!s.isNull(8))
        e.dose = s.real(8);
    e.unit = s.text(9);
    e.substance = s.text(10);
    e.result = s.text(11);
    e.method = s.text(12);
    e.note = s.text(13);
    return e;
}

QString objectOf(Id id)
{
    return u"treatment-event:%1"_s.arg(id);
}

} // namespace

Id TreatmentEvents::add(const TreatmentEvent &given)
{
    m_state.require(model::Action::AddMeasure);
    const QString what = u"add treatment event"_s;
    TreatmentEvent e = given;
    if (!e.medication.isEmpty())
        e.medication = model::parseMedication(e.medication).value_or(e.medication);
    e.group = e.group.simplified();
    if (const auto problem = model::treatmentEventProblem(e))
        badInput(what, *problem);
    const auto client = m_vault.clients().find(e.clientCode);
    if (!client)
        badInput(what, u"no client with that code"_s);

    sql::Transaction tx(m_state.db);
    m_state.db
        .prepare("INSERT INTO treatment_events(client_id, kind, date, program, group_name, medication, change, dose, "
                 "unit, substance, result, method, note, created_by, created) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, client->id)
        .bind(2, e.kind)
        .bind(3, model::toIso(e.date))
        .bind(4, e.program)
        .bind(5, e.group)
        .bind(6, e.medication)
        .bind(7, e.change)
        .bind(8, e.dose)
        .bind(9, e.unit)
        .bind(10, e.substance)
        .bind(11, e.result)
        .bind(12, e.method)
        .bind(13, e.note)
        .bind(14, m_state.user.id)
        .bind(15, now())
        .run();
    e.id = m_state.db.lastInsertId();
    m_state.audit(u"add-treatment-event"_s, objectOf(e.id), u"client:%1, %2"_s.arg(client->id).arg(e.kind));
    tx.commit();
    return e.id;
}

void TreatmentEvents::remove(Id id)
{
    m_state.require(model::Action::AddMeasure);
    sql::Transaction tx(m_state.db);
    (void)find(id);
    m_state.db.prepare("UPDATE treatment_events SET deleted_by = ?, deleted_at = ? WHERE id = ?")
        .bind(1, m_state.user.id)
        .bind(2, now())
        .bind(3, id)
        .run();
    m_state.audit(u"delete-treatment-event"_s, objectOf(id));
    tx.commit();
}

QList<TreatmentEvent> TreatmentEvents::list(const QString &clientCode)
{
    m_state.require(model::Action::ReadRecords);
    auto stmt = m_state.db.prepare(std::string(columns) +
                                   "WHERE c.code = ? AND t.deleted_at IS NULL ORDER BY t.date, t.id");
    stmt.bind(1, clientCode);
    QList<TreatmentEvent> events;
    while (stmt.step())
        events.append(readEvent(stmt));
    return events;
}

TreatmentEvent TreatmentEvents::find(Id id)
{
    m_state.require(model::Action::ReadRecords);
    auto stmt = m_state.db.prepare(std::string(columns) + "WHERE t.id = ? AND t.deleted_at IS NULL");
    stmt.bind(1, id);
    if (!stmt.step())
        badInput(u"treatment event"_s, u"no treatment event with that id"_s);
    return readEvent(stmt);
}

int TreatmentEvents::deletedCount(const QString &clientCode)
{
    m_state.require(model::Action::ReadRecords);
    auto stmt = m_state.db.prepare("SELECT count(*) FROM treatment_events t JOIN clients c ON c.id = t.client_id "
                                   "WHERE c.code = ? AND t.deleted_at IS NOT NULL");
    stmt.bind(1, clientCode);
    (void)stmt.step();
    return static_cast<int>(stmt.int64(0));
}

} // namespace uc::vault
