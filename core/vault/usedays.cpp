// SPDX-License-Identifier: GPL-3.0-or-later
#include "vault/usedays.h"

#include "model/notefields.h"

#include "vault/access.h"
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
    // Every claim against every recorded day first: a contradiction is one whatever the period.
    const QList<UseDay> all = model::withImpliedDays(clientCode, recorded(clientCode), claims(clientCode), today());
    QList<UseDay> days;
    for (const UseDay &d : all) {
        if ((substance.isEmpty() || d.substance == substance) && (!from || *from <= d.date) && (!to || d.date <= *to))
            days.append(d);
    }
    return days;
}

QList<model::AbstinenceClaim> UseDays::claims(const QString &clientCode)
{
    // Signed progress notes only (a draft never feeds), the member's own part of a group session,
    // as the reader reaches notes: a supervisor their therapists' only, none awaiting their blind
    // rating.
    auto stmt = m_state.db.prepare(
        std::string("SELECT n.id, s.date, n.sections, sb.name, "
                    "(SELECT f.value FROM note_fields f WHERE f.note_id = n.id AND f.field = 'days_abstinent') "
                    "FROM notes n JOIN clients c ON c.id = n.client_id "
                    "LEFT JOIN session_aliases al ON al.session_id = n.session_id "
                    "JOIN sessions s ON s.id = coalesce(al.session_of, n.session_id) "
                    "LEFT JOIN users sb ON sb.id = n.signed_by "
                    "WHERE c.code = :code AND n.kind = 'progress' AND n.status IN ('signed', 'cosigned') "
                    "AND n.id NOT IN (SELECT note_id FROM shared_notes) AND ")
        + readableNotes + " AND " + notAwaitingBlindRating("n.id") + " ORDER BY s.date, n.id");
    stmt.bind(stmt.parameterIndex(":code"), clientCode);
    bindReadable(stmt, m_state.user.id, readerScope(m_state, false));
    QList<model::AbstinenceClaim> out;
    while (stmt.step()) {
        const auto date = model::parseDate(stmt.text(1));
        if (!date)
            continue;
        const QList<model::Section> sections = model::sectionsFromJson(stmt.text(2));
        model::AbstinenceClaim claim;
        claim.note = stmt.int64(0);
        claim.date = *date;
        claim.author = stmt.text(3);
        claim.substance = model::statedSubstance(sections).value_or(model::anySubstance());
        std::optional<int> days;
        if (!stmt.isNull(4) && model::validValue(model::Field::DaysAbstinent, static_cast<int>(stmt.int64(4))))
            days = static_cast<int>(stmt.int64(4));
        // A signed addendum is the record's correction: the latest that states days abstinent (and
        // perhaps the substance) is what the note now says.
        for (const model::Addendum &a : m_vault.notes().addenda(claim.note)) {
            std::optional<int> stated;
            bool conflict = false;
            for (const model::FieldLine &l : model::fieldLinesOf(a.text)) {
                if (l.field != model::Field::DaysAbstinent)
                    continue;
                conflict = conflict || (stated && *stated != l.value);
                stated = l.value;
            }
            if (!stated || conflict)
                continue;
            days = stated;
            claim.addendum = a.id;
            claim.author = a.author;
            if (const auto substance = model::statedSubstance(a.text))
                claim.substance = *substance;
        }
        if (!days)
            continue;
        claim.days = *days;
        out.append(claim);
    }
    return out;
}

QList<UseDay> UseDays::recorded(const QString &clientCode, const QString &substance, std::optional<Date> from,
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
