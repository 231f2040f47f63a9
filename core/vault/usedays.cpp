// SPDX-License-Identifier: GPL-3.0-or-later
#include "vault/usedays.h"

#include "vault/state.h"
#include "vault/vault.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace uc::vault {

using model::Date;
using model::Id;
using model::UseDay;

namespace {

model::Date today()
{
    return *model::parseDate(now().left(10));
}

QString objectOf(Id clientId)
{
    return u"use-days:client:%1"_s.arg(clientId);
}

} // namespace

Id UseDays::clientId(const QString &clientCode, const QString &what)
{
    const auto client = m_vault.clients().find(clientCode);
    if (!client)
        badInput(what, u"no client with that code"_s);
    return client->id;
}

int UseDays::record(const UseDay &given, const Date &from, const Date &to, Recorded recorded)
{
    m_state.require(model::Action::AddMeasure);
    const QString what = recorded == Recorded::Replace ? u"correct use days"_s : u"record use days"_s;
    UseDay d = given;
    d.date = from;
    model::normaliseUnit(d);
    const Date day0 = today();
    if (const auto problem = model::useDayRangeProblem(from, to, day0))
        badInput(what, *problem);
    if (const auto problem = model::useDayProblem(d, day0))
        badInput(what, *problem);
    const Id client = clientId(d.clientCode, what);

    sql::Transaction tx(m_state.db);
    auto current = m_state.db.prepare("SELECT id FROM use_days WHERE client_id = ? AND substance = ? AND date = ? "
                                      "AND replaced_at IS NULL");
    auto replace = m_state.db.prepare("UPDATE use_days SET replaced_by = ?, replaced_at = ? WHERE id = ?");
    auto insert = m_state.db.prepare("INSERT INTO use_days(client_id, substance, date, used, amount, unit, source, "
                                     "recorded_by, recorded) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    const QString stamp = now();
    int days = 0;
    int replaced = 0;
    for (Date day = from; day <= to; day += boost::gregorian::days(1)) {
        const QString iso = model::toIso(day);
        current.bind(1, client).bind(2, d.substance).bind(3, iso);
        if (current.step()) {
            const Id old = current.int64(0);
            if (recorded == Recorded::Refuse)
                throw Error(ErrorKind::Conflict, what, u"%1 is recorded already: correct it instead"_s.arg(iso));
            replace.bind(1, m_state.user.id).bind(2, stamp).bind(3, old).run();
            replace.reset();
            ++replaced;
        }
        current.reset();
        insert.bind(1, client).bind(2, d.substance).bind(3, iso).bind(4, d.used ? 1 : 0).bind(5, d.amount);
        insert.bind(6, d.unit).bind(7, d.source).bind(8, m_state.user.id).bind(9, stamp).run();
        insert.reset();
        ++days;
    }
    m_state.audit(recorded == Recorded::Replace ? u"correct-use-days"_s : u"record-use-days"_s, objectOf(client),
                  u"%1 days, %2 replaced"_s.arg(days).arg(replaced));
    tx.commit();
    return days;
}

int UseDays::remove(const QString &clientCode, const QString &substance, const Date &from, const Date &to)
{
    m_state.require(model::Action::AddMeasure);
    const QString what = u"delete use days"_s;
    if (const auto problem = model::useDayRangeProblem(from, to, today()))
        badInput(what, *problem);
    if (!model::substanceClasses().contains(substance))
        badInput(what, u"no such substance class"_s);
    const Id client = clientId(clientCode, what);
    sql::Transaction tx(m_state.db);
    auto stmt = m_state.db.prepare("UPDATE use_days SET replaced_by = ?, replaced_at = ? WHERE client_id = ? AND "
                                   "substance = ? AND date BETWEEN ? AND ? AND replaced_at IS NULL");
    stmt.bind(1, m_state.user.id).bind(2, now()).bind(3, client).bind(4, substance);
    stmt.bind(5, model::toIso(from)).bind(6, model::toIso(to)).run();
    const int removed = m_state.db.changes();
    if (removed == 0)
        badInput(what, u"no day of that range is recorded"_s);
    m_state.audit(u"delete-use-days"_s, objectOf(client), u"%1 days"_s.arg(removed));
    tx.commit();
    return removed;
}

QList<UseDay> UseDays::list(const QString &clientCode, const QString &substance, std::optional<Date> from,
                            std::optional<Date> to)
{
    m_state.require(model::Action::ReadRecords);
    auto stmt = m_state.db.prepare(
        "SELECT u.id, c.code, u.substance, u.date, u.used, u.amount, u.unit, u.source, r.name FROM use_days u "
        "JOIN clients c ON c.id = u.client_id JOIN users r ON r.id = u.recorded_by "
        "WHERE c.code = ? AND u.replaced_at IS NULL AND (? = '' OR u.substance = ?) AND u.date BETWEEN ? AND ? "
        "ORDER BY u.date, u.id");
    stmt.bind(1, clientCode).bind(2, substance).bind(3, substance);
    stmt.bind(4, from ? model::toIso(*from) : u"0000-00-00"_s).bind(5, to ? model::toIso(*to) : u"9999-99-99"_s);
    QList<UseDay> days;
    while (stmt.step()) {
        UseDay d;
        d.id = stmt.int64(0);
        d.clientCode = stmt.text(1);
        d.substance = stmt.text(2);
        d.date = model::parseDate(stmt.text(3)).value_or(Date());
        d.used = stmt.int64(4) != 0;
        if (!stmt.isNull(5))
            d.amount = stmt.real(5);
        d.unit = stmt.text(6);
        d.source = stmt.text(7);
        d.recordedBy = stmt.text(8);
        days.append(d);
    }
    const QList<QString> &order = model::substanceClasses();
    std::stable_sort(days.begin(), days.end(), [&order](const UseDay &a, const UseDay &b) {
        return order.indexOf(a.substance) < order.indexOf(b.substance);
    });
    return days;
}

int UseDays::replacedCount(const QString &clientCode)
{
    m_state.require(model::Action::ReadRecords);
    auto stmt = m_state.db.prepare("SELECT count(*) FROM use_days u JOIN clients c ON c.id = u.client_id "
                                   "WHERE c.code = ? AND u.replaced_at IS NOT NULL");
    stmt.bind(1, clientCode);
    (void)stmt.step();
    return static_cast<int>(stmt.int64(0));
}

} // namespace uc::vault
