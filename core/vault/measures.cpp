// SPDX-License-Identifier: GPL-3.0-or-later
#include "vault/measures.h"

#include "vault/state.h"
#include "vault/vault.h"

#include <QStringList>

namespace uc::vault {

namespace {

QString joined(const QList<int> &answers)
{
    QStringList items;
    for (int a : answers)
        items.append(QString::number(a));
    return items.join(u',');
}

QList<int> split(const QString &text)
{
    QList<int> answers;
    for (const QString &item : text.split(u',', Qt::SkipEmptyParts))
        answers.append(item.toInt());
    return answers;
}

// A measure from columns id, client_id, date, instrument, answers, total, band.
model::Measure measureFrom(const sql::Statement &stmt)
{
    model::Measure m;
    m.id = stmt.int64(0);
    m.clientId = stmt.int64(1);
    m.date = model::parseDate(stmt.text(2)).value_or(model::Date());
    m.instrument = stmt.text(3);
    m.answers = split(stmt.text(4));
    m.total = static_cast<int>(stmt.int64(5));
    m.band = stmt.text(6);
    return m;
}

} // namespace

model::Id Measures::add(const QString &clientCode, const model::Date &date, const QString &instrument,
                        const QList<int> &answers, SameDay sameDay)
{
    m_state.require(model::Action::AddMeasure);
    const QString what = QStringLiteral("add measure");
    if (date.is_special())
        badInput(what, QStringLiteral("the measure needs a valid date"));
    const model::Score scored = model::score(instrument, answers);
    const auto c = m_vault.clients().find(clientCode);
    if (!c)
        throw Error(ErrorKind::Usage, what, QStringLiteral("no client with that code"));
    sql::Transaction tx(m_state.db);
    if (sameDay == SameDay::Refuse) {
        auto first = m_state.db.prepare("SELECT id FROM measures WHERE client_id = ? AND date = ? AND instrument = ? "
                                        "ORDER BY id LIMIT 1");
        first.bind(1, c->id).bind(2, model::toIso(date)).bind(3, instrument);
        if (first.step())
            throw Error(ErrorKind::Conflict, what,
                        QStringLiteral("the client has this measure on that date already (measure %1): correct "
                                       "it, or confirm a second one")
                            .arg(first.int64(0)));
    }
    m_state.db.prepare("INSERT INTO measures(client_id, date, instrument, answers, total, band, entered_by, created) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, c->id)
        .bind(2, model::toIso(date))
        .bind(3, instrument)
        .bind(4, joined(answers))
        .bind(5, scored.total)
        .bind(6, scored.band)
        .bind(7, m_state.user.id)
        .bind(8, now())
        .run();
    const model::Id id = m_state.db.lastInsertId();
    m_state.audit(QStringLiteral("add-measure"), QStringLiteral("client:%1").arg(c->id), instrument);
    tx.commit();
    return id;
}

model::Measure Measures::load(model::Id id, const QString &what)
{
    auto stmt = m_state.db.prepare("SELECT id, client_id, date, instrument, answers, total, band FROM measures WHERE id = ?");
    stmt.bind(1, id);
    if (!stmt.step())
        badInput(what, QStringLiteral("no measure with that id"));
    return measureFrom(stmt);
}

model::Measure Measures::find(model::Id id)
{
    m_state.require(model::Action::ReadRecords);
    return load(id, QStringLiteral("measure"));
}

void Measures::keep(const model::Measure &was, const QString &change)
{
    m_state.db.prepare("INSERT INTO measure_history(measure_id, client_id, date, instrument, answers, total, band, "
                       "change, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, was.id)
        .bind(2, was.clientId)
        .bind(3, model::toIso(was.date))
        .bind(4, was.instrument)
        .bind(5, joined(was.answers))
        .bind(6, was.total)
        .bind(7, was.band)
        .bind(8, change)
        .bind(9, m_state.user.id)
        .bind(10, now())
        .run();
}

void Measures::edit(model::Id id, const QList<int> &answers, std::optional<model::Date> date)
{
    m_state.require(model::Action::AddMeasure);
    const QString what = QStringLiteral("edit measure");
    if (date && date->is_special())
        badInput(what, QStringLiteral("the measure needs a valid date"));
    const model::Measure was = load(id, what);
    const model::Score scored = model::score(was.instrument, answers);
    sql::Transaction tx(m_state.db);
    keep(was, QStringLiteral("edit"));
    m_state.db.prepare("UPDATE measures SET date = ?, answers = ?, total = ?, band = ? WHERE id = ?")
        .bind(1, model::toIso(date.value_or(was.date)))
        .bind(2, joined(answers))
        .bind(3, scored.total)
        .bind(4, scored.band)
        .bind(5, id)
        .run();
    m_state.audit(QStringLiteral("edit-measure"), QStringLiteral("measure:%1").arg(id));
    tx.commit();
}

void Measures::remove(model::Id id)
{
    m_state.require(model::Action::AddMeasure);
    const model::Measure was = load(id, QStringLiteral("delete measure"));
    sql::Transaction tx(m_state.db);
    keep(was, QStringLiteral("delete"));
    m_state.db.prepare("DELETE FROM measures WHERE id = ?").bind(1, id).run();
    m_state.audit(QStringLiteral("delete-measure"), QStringLiteral("measure:%1").arg(id));
    tx.commit();
}

QList<MeasureChange> Measures::history(model::Id id)
{
    m_state.require(model::Action::ReadRecords);
    QList<MeasureChange> list;
    auto stmt = m_state.db.prepare("SELECT h.measure_id, h.client_id, h.date, h.instrument, h.answers, h.total, h.band, "
                                   "h.change, u.name, h.changed_at FROM measure_history h "
                                   "JOIN users u ON u.id = h.changed_by WHERE h.measure_id = ? ORDER BY h.id");
    stmt.bind(1, id);
    while (stmt.step()) {
        MeasureChange c;
        c.was = measureFrom(stmt);
        c.change = stmt.text(7);
        c.changedBy = stmt.text(8);
        c.changedAt = stmt.text(9);
        list.append(c);
    }
    return list;
}

QList<model::Measure> Measures::forClient(const QString &clientCode)
{
    QList<model::Measure> list;
    auto stmt = m_state.db.prepare("SELECT m.id, m.client_id, m.date, m.instrument, m.answers, m.total, m.band "
                                   "FROM measures m JOIN clients c ON c.id = m.client_id WHERE c.code = ? "
                                   "ORDER BY m.date, m.id");
    stmt.bind(1, clientCode);
    while (stmt.step())
        list.append(measureFrom(stmt));
    return list;
}

QList<std::pair<model::Measure, QString>> Measures::screens(const std::optional<QString> &clientCode)
{
    QList<std::pair<model::Measure, QString>> list;
    auto stmt = m_state.db.prepare("SELECT m.id, m.client_id, m.date, m.instrument, m.answers, m.total, m.band, m.created "
                                   "FROM measures m JOIN clients c ON c.id = m.client_id "
                                   "WHERE m.instrument IN ('phq9', 'cssrs') AND (?1 IS NULL OR c.code = ?1) "
                                   "ORDER BY m.date, m.created, m.id");
    stmt.bind(1, clientCode);
    while (stmt.step())
        list.append({measureFrom(stmt), stmt.text(7)});
    return list;
}

} // namespace uc::vault
