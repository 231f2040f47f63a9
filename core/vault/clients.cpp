// SPDX-License-Identifier: GPL-3.0-or-later
#include "vault/clients.h"

#include "vault/rows.h"
#include "vault/state.h"

#include <QRegularExpression>

namespace uc::vault {

using model::Id;

namespace {

constexpr auto clientColumns = "id, code, display_name, status, intake_date, setting, consent_treatment, consent_part2, "
                               "consent_part2_date, consent_part2_scope";

model::Client readClient(const sql::Statement &s)
{
    model::Client c;
    c.id = s.int64(0);
    c.code = s.text(1);
    c.displayName = s.text(2);
    c.status = model::parseClientStatus(s.text(3)).value_or(model::ClientStatus::Active);
    if (const auto d = s.optionalText(4))
        c.intakeDate = model::parseDate(*d);
    if (const auto st = s.optionalText(5))
        c.setting = model::parseSetting(*st);
    c.consentTreatment = s.int64(6) != 0;
    c.consentPart2 = s.int64(7) != 0;
    if (const auto d = s.optionalText(8))
        c.consentPart2Date = model::parseDate(*d);
    c.consentPart2Scope = s.text(9);
    return c;
}

} // namespace

Id Clients::add(const model::Client &c)
{
    m_state.require(model::Action::CreateClient);
    const QString what = QStringLiteral("add client");
    static const QRegularExpression codeShape(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$"));
    if (!codeShape.match(c.code).hasMatch())
        badInput(what, QStringLiteral("a client code is 1 to 32 letters, digits, '.', '_' or '-'"));
    if (c.displayName.trimmed().isEmpty())
        badInput(what, QStringLiteral("the client needs a display name"));
    if (find(c.code))
        throw Error(ErrorKind::Conflict, what, QStringLiteral("a client with that code exists"));
    sql::Transaction tx(m_state.db);
    auto stmt = m_state.db.prepare("INSERT INTO clients(display_name, status, intake_date, setting, consent_treatment, "
                                   "consent_part2, consent_part2_date, consent_part2_scope, code, created) "
                                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    bindClientFields(stmt, 1, c);
    stmt.bind(9, c.code).bind(10, now()).run();
    const Id id = m_state.db.lastInsertId();
    m_state.audit(QStringLiteral("create-client"), QStringLiteral("client:%1").arg(id));
    tx.commit();
    return id;
}

void Clients::update(const model::Client &c)
{
    m_state.require(model::Action::EditClient);
    if (c.displayName.trimmed().isEmpty())
        badInput(QStringLiteral("edit client"), QStringLiteral("the client needs a display name"));
    sql::Transaction tx(m_state.db);
    auto stmt = m_state.db.prepare("UPDATE clients SET display_name = ?, status = ?, intake_date = ?, setting = ?, "
                                   "consent_treatment = ?, consent_part2 = ?, consent_part2_date = ?, "
                                   "consent_part2_scope = ? WHERE id = ?");
    bindClientFields(stmt, 1, c);
    stmt.bind(9, c.id).run();
    if (m_state.db.changes() != 1)
        badInput(QStringLiteral("edit client"), QStringLiteral("no such client"));
    m_state.audit(QStringLiteral("edit-client"), QStringLiteral("client:%1").arg(c.id));
    tx.commit();
}

void Clients::discharge(const QString &code, const model::Date &on)
{
    m_state.require(model::Action::DischargeClient);
    sql::Transaction tx(m_state.db);
    m_state.db.prepare("UPDATE clients SET status = 'discharged', discharged_on = ? WHERE code = ?")
        .bind(1, model::toIso(on))
        .bind(2, code)
        .run();
    if (m_state.db.changes() != 1)
        badInput(QStringLiteral("discharge client"), QStringLiteral("no client with that code"));
    m_state.audit(QStringLiteral("discharge-client"), QStringLiteral("client:%1").arg(find(code)->id));
    tx.commit();
}

std::optional<model::Client> Clients::find(const QString &code)
{
    auto stmt = m_state.db.prepare(std::string("SELECT ") + clientColumns + " FROM clients WHERE code = ?");
    stmt.bind(1, code);
    if (!stmt.step())
        return std::nullopt;
    return readClient(stmt);
}

QList<model::Client> Clients::list()
{
    QList<model::Client> list;
    auto stmt = m_state.db.prepare(std::string("SELECT ") + clientColumns + " FROM clients ORDER BY code");
    while (stmt.step())
        list.append(readClient(stmt));
    return list;
}

void Clients::setShareableSummary(const QString &clientCode, const QString &text)
{
    m_state.require(model::Action::WriteNote);
    const QString what = QStringLiteral("client summary");
    const auto c = find(clientCode);
    if (!c)
        badInput(what, QStringLiteral("no client with that code"));
    sql::Transaction tx(m_state.db);
    m_state.db.prepare("INSERT INTO client_summaries(client_id, text, author_id, created) VALUES (?, ?, ?, ?)")
        .bind(1, c->id)
        .bind(2, text.trimmed())
        .bind(3, m_state.user.id)
        .bind(4, now())
        .run();
    m_state.audit(QStringLiteral("edit-summary"), QStringLiteral("client:%1").arg(c->id),
                  QStringLiteral("summary:%1").arg(m_state.db.lastInsertId()));
    tx.commit();
}

std::optional<model::ClientSummary> Clients::shareableSummary(const QString &clientCode)
{
    m_state.require(model::Action::ReadRecords);
    auto stmt = m_state.db.prepare("SELECT s.text, u.name, s.created FROM client_summaries s "
                                   "JOIN clients c ON c.id = s.client_id JOIN users u ON u.id = s.author_id "
                                   "WHERE c.code = ? ORDER BY s.id DESC LIMIT 1");
    stmt.bind(1, clientCode);
    if (!stmt.step())
        return std::nullopt;
    return model::ClientSummary{stmt.text(0), stmt.text(1), stmt.text(2)};
}

} // namespace uc::vault
