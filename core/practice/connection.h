// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/secret.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

struct pg_conn;
struct pg_result;

// The practice server's connection (docs/practice.md): libpq over TLS with sslmode=verify-full
// against the practice CA, authenticated by the member's client certificate. Only core/practice
// speaks PostgreSQL's SQL, and only through exec() with its values bound as parameters
// (PQexecParams): no value is ever part of a statement's text. Errors name what failed and why,
// never a value, a statement or a secret.
namespace uc::practice {

// Error(Damaged) naming the practice server: something on it does not verify (why says what, never a
// value).
[[noreturn]] void serverDamaged(const QString &why);

// Where and as whom to connect; the files are the member's, in their practice folder.
struct Endpoint
{
    QString host;
    int port = 5432;
    QString database;
    QString role; // the PostgreSQL role, the client certificate's CN
    QString caFile;
    QString certFile;
    QString keyFile;
};

// "postgresql://HOST:PORT/DB" into host, port and database; Error(Usage) for anything else (a user,
// a password or options in the URL are refused: the certificate says who connects).
[[nodiscard]] Endpoint parseServerUrl(const QString &url);

// One query's rows, as text (bytea comes back as "\x…" hex: use bytes()).
class Rows
{
public:
    explicit Rows(pg_result *result);
    ~Rows();
    Rows(Rows &&other) noexcept;
    Rows &operator=(Rows &&) = delete;
    Rows(const Rows &) = delete;
    Rows &operator=(const Rows &) = delete;

    [[nodiscard]] int count() const;
    [[nodiscard]] bool isNull(int row, int column) const;
    [[nodiscard]] QString text(int row, int column) const;
    [[nodiscard]] QByteArray bytes(int row, int column) const;

private:
    pg_result *m_result = nullptr;
};

// A value for a parameter: text, or bytes sent as bytea (binary), or SQL NULL.
struct Param
{
    enum class Kind : unsigned char { Text, Bytes, Null };
    Kind kind = Kind::Null;
    QByteArray data;
    static Param text(const QString &value) { return {Kind::Text, value.toUtf8()}; }
    static Param bytes(const QByteArray &value) { return {Kind::Bytes, value}; }
    static Param null() { return {Kind::Null, {}}; }
};

class Connection
{
public:
    // Connects and checks the server's certificate against the CA (verify-full: the chain and the
    // host name). Error(Damaged) when the server's certificate does not verify against the practice
    // CA, Error(Auth) when the server refuses the client certificate, Error(Io) when it cannot be
    // reached. keyPassword opens the client key file (an encrypted PEM).
    [[nodiscard]] static std::unique_ptr<Connection> open(const Endpoint &endpoint, const SecretBuffer &keyPassword);
    ~Connection();
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    // One statement, its values bound; what names the step for an error ("reading the members").
    // Error(NotAllowed) when the server's privileges or row security refuse it, Error(Conflict) for
    // a unique or check violation, Error(Io) otherwise; never the server's message (it may quote
    // values).
    Rows exec(const char *statement, const QList<Param> &params, const QString &what);
    // The role the server authenticated (current_user).
    [[nodiscard]] QString role();
    // A quoted identifier (a role's name in CREATE ROLE, which takes no parameters).
    [[nodiscard]] QString quoteIdentifier(const QString &name) const;
    // Whether a transaction is open (BEGIN without its COMMIT or ROLLBACK yet).
    [[nodiscard]] bool inTransaction() const;

    // Who signs the audit rows appended over this connection (schema 6: auditchain.h): the member it
    // acts as, set once the server is checked (connectMember, init). Given an entry's number, the
    // previous hash and its hash, it returns the member's signature over them for the pinned practice
    // (auditchain.h, auditSignedPart); empty when none was set.
    using AuditSigner = std::function<QByteArray(qint64 seq, const QByteArray &prev, const QByteArray &hash)>;
    void setAuditSigner(AuditSigner signer) { m_auditSigner = std::move(signer); }
    [[nodiscard]] const AuditSigner &auditSigner() const { return m_auditSigner; }
    // The audit chain's head as verified over this connection (connectMember): pinning it later
    // verifies only what came after. Number 0 until then.
    void setVerifiedAuditHead(qint64 seq, const QByteArray &hash)
    {
        m_verifiedAuditSeq = seq;
        m_verifiedAuditHash = hash;
    }
    [[nodiscard]] qint64 verifiedAuditSeq() const { return m_verifiedAuditSeq; }
    [[nodiscard]] QByteArray verifiedAuditHash() const { return m_verifiedAuditHash; }

private:
    explicit Connection(pg_conn *connection);
    pg_conn *m_connection = nullptr;
    AuditSigner m_auditSigner;
    qint64 m_verifiedAuditSeq = 0;
    QByteArray m_verifiedAuditHash;
    friend class Transaction;
};

// BEGIN now; ROLLBACK when destroyed uncommitted.
class Transaction
{
public:
    explicit Transaction(Connection &connection);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    void commit();

private:
    Connection &m_connection;
    bool m_done = false;
};

} // namespace uc::practice
