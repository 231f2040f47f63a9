// SPDX-License-Identifier: GPL-3.0-or-later
#include "practice/connection.h"

#include "common/error.h"

#include <QUrl>

#include <libpq-fe.h>

#include <cstring>
#include <utility>
#include <vector>

using namespace Qt::StringLiterals;

namespace uc::practice {

void serverDamaged(const QString &why)
{
    throw Error(ErrorKind::Damaged, u"practice server"_s, why);
}

namespace {

const QString server = u"practice server"_s;

// What a failed connection was, from libpq's message: which of the house's errors it is. The
// message itself is never shown (it names hosts and roles, and may one day carry more).
[[noreturn]] void connectionFailed(const char *message)
{
    const QByteArray m = message ? QByteArray(message) : QByteArray();
    if (m.contains("certificate verify failed") || m.contains("does not match host name")
        || m.contains("server certificate"))
        throw Error(ErrorKind::Damaged, server,
                    u"its certificate does not verify against the practice CA pinned here (another server, or an "
                    "attacker in between)"_s);
    if (m.contains("not permitted to log in"))
        throw Error(ErrorKind::Auth, server,
                    u"it does not let this member's role log in (an invitation that expired unused, or a member "
                    "removed)"_s);
    if (m.contains("authentication failed") || m.contains("no pg_hba.conf entry") || m.contains("certificate")
        || m.contains("does not exist") || m.contains("permission denied"))
        throw Error(ErrorKind::Auth, server, u"it refused this member's client certificate"_s);
    if (m.contains("private key") || m.contains("sslpassword") || m.contains("bad decrypt"))
        throw Error(ErrorKind::Damaged, server, u"this member's client key does not open (altered or moved)"_s);
    throw Error(ErrorKind::Io, server, u"cannot be reached"_s);
}

} // namespace

Endpoint parseServerUrl(const QString &url)
{
    const QUrl u(url, QUrl::StrictMode);
    const QString path = u.path();
    if (!u.isValid() || (u.scheme() != "postgresql"_L1 && u.scheme() != "postgres"_L1) || u.host().isEmpty()
        || !u.userName().isEmpty() || !u.password().isEmpty() || u.hasQuery() || u.hasFragment() || path.size() < 2
        || path.indexOf(u'/', 1) >= 0)
        throw Error(ErrorKind::Usage, u"--server"_s,
                    u"expected postgresql://HOST:PORT/DATABASE (no user, password or options: the certificate "
                    "says who connects)"_s);
    Endpoint e;
    e.host = u.host();
    e.port = u.port(5432);
    e.database = path.mid(1);
    return e;
}

Rows::Rows(pg_result *result)
    : m_result(result)
{
}

Rows::~Rows()
{
    if (m_result)
        PQclear(m_result);
}

Rows::Rows(Rows &&other) noexcept
    : m_result(std::exchange(other.m_result, nullptr))
{
}

int Rows::count() const
{
    return PQntuples(m_result);
}

bool Rows::isNull(int row, int column) const
{
    return PQgetisnull(m_result, row, column) != 0;
}

QString Rows::text(int row, int column) const
{
    return QString::fromUtf8(PQgetvalue(m_result, row, column), PQgetlength(m_result, row, column));
}

QByteArray Rows::bytes(int row, int column) const
{
    if (isNull(row, column))
        return {};
    const QByteArray hex(PQgetvalue(m_result, row, column), PQgetlength(m_result, row, column));
    if (!hex.startsWith("\\x"))
        throw Error(ErrorKind::Damaged, server, u"it sent bytes in an unexpected form"_s);
    return QByteArray::fromHex(hex.mid(2));
}

std::unique_ptr<Connection> Connection::open(const Endpoint &e, const SecretBuffer &keyPassword)
{
    const QByteArray host = e.host.toUtf8(), port = QByteArray::number(e.port), db = e.database.toUtf8(),
                     user = e.role.toUtf8(), ca = e.caFile.toUtf8(), cert = e.certFile.toUtf8(),
                     key = e.keyFile.toUtf8();
    // The password as a C string in guarded memory.
    SecretBuffer password(keyPassword.size() + 1);
    if (!keyPassword.empty())
        std::memcpy(password.data(), keyPassword.data(), keyPassword.size());
    password.data()[keyPassword.size()] = 0;
    const char *keywords[] = {"host",        "port",    "dbname",  "user",     "sslmode",         "sslrootcert",
                              "sslcert",     "sslkey",  "sslpassword", "connect_timeout", "application_name",
                              "gssencmode",  "ssl_min_protocol_version", nullptr};
    const char *values[] = {host.constData(), port.constData(), db.constData(),  user.constData(),
                            "verify-full",    ca.constData(),   cert.constData(), key.constData(),
                            reinterpret_cast<const char *>(password.data()), "10", "undercurrent", "disable", "TLSv1.3", nullptr};
    pg_conn *c = PQconnectdbParams(keywords, values, 0);
    password.wipe();
    if (!c)
        throw Error(ErrorKind::Io, server, u"out of memory"_s);
    if (PQstatus(c) != CONNECTION_OK) {
        const QByteArray message(PQerrorMessage(c));
        PQfinish(c);
        connectionFailed(message.constData());
    }
    return std::unique_ptr<Connection>(new Connection(c));
}

Connection::Connection(pg_conn *connection)
    : m_connection(connection)
{
}

Connection::~Connection()
{
    PQfinish(m_connection);
}

Rows Connection::exec(const char *statement, const QList<Param> &params, const QString &what)
{
    std::vector<const char *> values;
    std::vector<int> lengths, formats;
    values.reserve(params.size());
    for (const Param &p : params) {
        values.push_back(p.kind == Param::Kind::Null ? nullptr : p.data.constData());
        lengths.push_back(static_cast<int>(p.data.size()));
        formats.push_back(p.kind == Param::Kind::Bytes ? 1 : 0);
    }
    pg_result *r = PQexecParams(m_connection, statement, static_cast<int>(params.size()), nullptr, values.data(),
                                lengths.data(), formats.data(), 0);
    Rows rows(r);
    const ExecStatusType status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
        return rows;
    if (PQstatus(m_connection) != CONNECTION_OK)
        throw Error(ErrorKind::Io, what, u"the connection to the practice server was lost"_s);
    const QByteArray state = r ? QByteArray(PQresultErrorField(r, PG_DIAG_SQLSTATE)) : QByteArray();
    if (state == "42501")
        throw Error(ErrorKind::NotAllowed, what, u"the practice server does not allow it for this member"_s);
    if (state.startsWith("23"))
        throw Error(ErrorKind::Conflict, what, u"the practice server already holds it or refuses it as inconsistent"_s);
    if (state == "42P01" || state == "3F000")
        throw Error(ErrorKind::Damaged, what, u"the practice server has no practice schema (run practice init)"_s);
    throw Error(ErrorKind::Io, what, u"the practice server refused it (SQLSTATE "_s + QString::fromLatin1(state) + u')');
}

QString Connection::role()
{
    return exec("SELECT current_user", {}, u"asking the practice server who this is"_s).text(0, 0);
}

QString Connection::quoteIdentifier(const QString &name) const
{
    const QByteArray raw = name.toUtf8();
    char *quoted = PQescapeIdentifier(m_connection, raw.constData(), static_cast<size_t>(raw.size()));
    if (!quoted)
        throw Error(ErrorKind::Io, server, u"a role name could not be quoted"_s);
    const QString out = QString::fromUtf8(quoted);
    PQfreemem(quoted);
    return out;
}

bool Connection::inTransaction() const
{
    return PQtransactionStatus(m_connection) != PQTRANS_IDLE;
}

Transaction::Transaction(Connection &connection)
    : m_connection(connection)
{
    m_connection.exec("BEGIN", {}, u"starting a transaction on the practice server"_s);
}

Transaction::~Transaction()
{
    if (!m_done) {
        try {
            m_connection.exec("ROLLBACK", {}, u"rolling back"_s);
        } catch (const Error &) {
            // The connection is gone; the server rolls the transaction back itself.
        }
    }
}

void Transaction::commit()
{
    m_connection.exec("COMMIT", {}, u"committing on the practice server"_s);
    m_done = true;
}

} // namespace uc::practice
