// SPDX-License-Identifier: GPL-3.0-or-later
#include "vault/measures.h"

#include "vault/state.h"
#include "vault/vault.h"

#include <QStringList>

namespace uc::vault {

model::Id Measures::add(const QString &clientCode, const model::Date &date, const QString &instrument,
                        const QList<int> &answers)
{
    m_state.require(model::Action::AddMeasure);
    const QString what = QStringLiteral("add measure");
    if (date.is_special())
        badInput(what, QStringLiteral("the measure needs a valid date"));
    const model::Score scored = model::score(instrument, answers);
    const auto c = m_vault.clients().find(clientCode);
    if (!c)
        throw Error(ErrorKind::Usage, what, QStringLiteral("no client with that code"));
    QStringList items;
    for (int a : answers)
        items.append(QString::number(a));
    sql::Transaction tx(m_state.db);
    m_state.db.prepare("INSERT INTO measures(client_id, date, instrument, answers, total, band, entered_by, created) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, c->id)
        .bind(2, model::toIso(date))
        .bind(3, instrument)
        .bind(4, items.join(u','))
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

QList<model::Measure> Measures::forClient(const QString &clientCode)
{
    QList<model::Measure> list;
    auto stmt = m_state.db.prepare("SELECT m.id, m.client_id, m.date, m.instrument, m.answers, m.total, m.band "
                                   "FROM measures m JOIN clients c ON c.id = m.client_id WHERE c.code = ? "
                                   "ORDER BY m.date, m.id");
    stmt.bind(1, clientCode);
    while (stmt.step()) {
        model::Measure m;
        m.id = stmt.int64(0);
        m.clientId = stmt.int64(1);
        m.date = model::parseDate(stmt.text(2)).value_or(model::Date());
        m.instrument = stmt.text(3);
        for (const QString &item : stmt.text(4).split(u',', Qt::SkipEmptyParts))
            m.answers.append(item.toInt());
        m.total = static_cast<int>(stmt.int64(5));
        m.band = stmt.text(6);
        list.append(m);
    }
    return list;
}

} // namespace uc::vault
