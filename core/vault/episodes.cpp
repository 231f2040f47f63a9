// SPDX-License-Identifier: GPL-3.0-or-later
#include "vault/episodes.h"

#include "vault/state.h"
#include "vault/vault.h"

using namespace Qt::StringLiterals;

namespace uc::vault {

using model::Episode;
using model::Id;

namespace {

constexpr auto columns = "SELECT e.id, c.code, e.level, e.start_date, e.end_date, e.service FROM episodes e "
                         "JOIN clients c ON c.id = e.client_id ";

Episode readEpisode(const sql::Statement &s)
{
    Episode e;
    e.id = s.int64(0);
    e.clientCode = s.text(1);
    e.level = s.text(2);
    e.start = *model::parseDate(s.text(3));
    if (!s.text(4).isEmpty())
        e.end = model::parseDate(s.text(4));
    e.service = s.text(5);
    return e;
}

QString objectOf(const Episode &e)
{
    return u"episode:%1"_s.arg(e.id);
}

} // namespace

Id Episodes::add(const Episode &given)
{
    m_state.require(model::Action::EditClient);
    const QString what = u"add episode"_s;
    const auto client = m_vault.clients().find(given.clientCode);
    if (!client)
        badInput(what, u"no client with that code"_s);
    const auto level = model::parseLevel(given.level);
    if (!level)
        badInput(what, u"a level of care is residential, intensive-outpatient, outpatient, aftercare or the practice's "
                       "own (3 to 40 letters, digits and '-')"_s);
    if (given.end && *given.end < given.start)
        badInput(what, u"the episode ends before it starts"_s);
    if (given.service.size() > 200)
        badInput(what, u"the service's name is longer than 200 characters"_s);
    Episode e = given;
    e.level = *level;
    e.service = given.service.simplified();

    sql::Transaction tx(m_state.db);
    for (const Episode &other : list(client->code)) {
        if (e.overlaps(other))
            throw Error(ErrorKind::Conflict, what,
                        u"it overlaps episode %1 (%2 from %3%4): a client's episodes cannot overlap%5"_s.arg(other.id)
                            .arg(other.level, model::toIso(other.start),
                                 other.end ? u" to "_s + model::toIso(*other.end) : u", still open"_s,
                                 other.end ? QString() : u"; end it first"_s));
    }
    m_state.db
        .prepare("INSERT INTO episodes(client_id, level, start_date, end_date, service, created_by, created) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bind(1, client->id)
        .bind(2, e.level)
        .bind(3, model::toIso(e.start))
        .bind(4, e.end ? std::optional(model::toIso(*e.end)) : std::nullopt)
        .bind(5, e.service)
        .bind(6, m_state.user.id)
        .bind(7, now())
        .run();
    e.id = m_state.db.lastInsertId();
    m_state.audit(u"add-episode"_s, objectOf(e), u"client:%1, %2"_s.arg(client->id).arg(e.level));
    tx.commit();
    return e.id;
}

void Episodes::end(Id id, const model::Date &day)
{
    m_state.require(model::Action::EditClient);
    const QString what = u"end episode"_s;
    sql::Transaction tx(m_state.db);
    const Episode e = find(id);
    if (e.end)
        throw Error(ErrorKind::Conflict, what, u"the episode has ended already"_s);
    if (day < e.start)
        badInput(what, u"the episode would end before it starts"_s);
    for (const Episode &other : list(e.clientCode)) {
        if (other.id != id && other.start > e.start && other.start <= day)
            throw Error(ErrorKind::Conflict, what, u"episode %1 starts on or before that day"_s.arg(other.id));
    }
    m_state.db.prepare("UPDATE episodes SET end_date = ? WHERE id = ?").bind(1, model::toIso(day)).bind(2, id).run();
    m_state.audit(u"end-episode"_s, objectOf(e), model::toIso(day));
    tx.commit();
}

QList<Episode> Episodes::list(const QString &clientCode)
{
    m_state.require(model::Action::ReadRecords);
    auto stmt = m_state.db.prepare(std::string(columns) + "WHERE c.code = ? ORDER BY e.start_date, e.id");
    stmt.bind(1, clientCode);
    QList<Episode> episodes;
    while (stmt.step())
        episodes.append(readEpisode(stmt));
    return episodes;
}

Episode Episodes::find(Id id)
{
    m_state.require(model::Action::ReadRecords);
    auto stmt = m_state.db.prepare(std::string(columns) + "WHERE e.id = ?");
    stmt.bind(1, id);
    if (!stmt.step())
        badInput(u"episode"_s, u"no episode with that id"_s);
    return readEpisode(stmt);
}

} // namespace uc::vault
