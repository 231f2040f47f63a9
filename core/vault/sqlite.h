// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "common/secret.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <optional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace uc::sql {

// The page size of every vault database, encrypted or not; part of the file format (SQLCipher does
// not record it in the file), so every connection and every attached copy must use it.
constexpr int pageSize = 8192;

class Database;

// A prepared statement. Every value is bound, never spliced into SQL. When it goes out of scope it
// is reset and kept by its Database for the next prepare of the same SQL: preparing allocates a few
// hundred times, and under SQLCipher's memory security every allocation costs an mlock/munlock pair.
class Statement
{
public:
    Statement(Database &db, std::string_view sql);
    ~Statement();
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&) = delete;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    // Binding is 1-based, as in SQL. Each returns *this so calls chain.
    Statement &bind(int index, std::int64_t value);
    Statement &bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement &bind(int index, double value);
    Statement &bind(int index, const QString &value);
    Statement &bind(int index, const QByteArray &blob);
    Statement &bind(int index, std::string_view text);
    Statement &bind(int index, const char *text) { return bind(index, std::string_view(text)); }
    Statement &bindNull(int index);
    // The index of a named parameter (":reader"), for statements that mix a shared condition with
    // their own parameters; 0 when the statement has no such parameter (binding 0 then fails).
    [[nodiscard]] int parameterIndex(const char *name) const;
    // Binds a secret without copying it: the buffer must outlive the statement's run.
    Statement &bindSecret(int index, const SecretBuffer &secret);
    template<typename T>
    Statement &bind(int index, const std::optional<T> &value)
    {
        return value ? bind(index, *value) : bindNull(index);
    }

    // Runs one step: true when a row is available, false when done.
    bool step();
    // Runs to completion, for statements that return no rows.
    void run();
    void reset();

    [[nodiscard]] int columnCount() const;
    [[nodiscard]] bool isNull(int column) const;
    [[nodiscard]] std::int64_t int64(int column) const;
    [[nodiscard]] double real(int column) const;
    [[nodiscard]] QString text(int column) const;
    // The column's UTF-8 bytes, valid until the next step or reset: for hot loops that need no copy.
    [[nodiscard]] std::string_view utf8(int column) const;
    [[nodiscard]] QByteArray blob(int column) const;
    [[nodiscard]] std::optional<QString> optionalText(int column) const;

private:
    Database *m_db;
    sqlite3_stmt *m_stmt = nullptr;
    std::string m_sql;
    std::vector<QByteArray> m_keep; // text bound in place (SQLITE_STATIC) until reset
};

// One connection to an SQLCipher database. Not shared between threads: each thread opens its own.
class Database
{
public:
    enum class Open { CreateIfMissing, MustExist };

    // Opens (or creates) the database at path, keyed with a raw 32-byte key (no SQLCipher KDF),
    // applies the connection settings, and checks that the key fits. A wrong key or a damaged or
    // foreign file throws Error(Damaged).
    static Database open(const QString &path, const SecretBuffer &key, Open mode = Open::CreateIfMissing);
    // An unkeyed database with the same settings, for benchmarks that compare against plain SQLite.
    static Database openUnencrypted(const QString &path, Open mode = Open::CreateIfMissing);

    ~Database();
    Database(Database &&other) noexcept;
    Database &operator=(Database &&other) noexcept;
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    void exec(std::string_view sql);
    // Copies the write-ahead log into the database file and empties it; Error(Io) when the disk
    // is full or fails (the log is then kept, and nothing is lost).
    void checkpoint();
    // Re-encrypts every page under a new raw 32-byte key in one transaction (SQLCipher's rekey): a
    // kill leaves the file under the old key or the new one, never a mix.
    void rekey(const SecretBuffer &key);
    [[nodiscard]] Statement prepare(std::string_view sql) { return Statement(*this, sql); }
    [[nodiscard]] std::int64_t lastInsertId() const;
    [[nodiscard]] int changes() const;
    [[nodiscard]] QString pragmaText(std::string_view pragma);
    [[nodiscard]] sqlite3 *handle() const noexcept { return m_db; }
    void close() noexcept;

    // Throws an Error describing rc for the operation named by what.
    [[noreturn]] void fail(int rc, const QString &what) const;

private:
    friend class Statement;
    struct StatementCache;
    // An idle prepared statement for sql, or nullptr; and back into the cache after use.
    sqlite3_stmt *takeCached(const std::string &sql);
    void giveBack(std::string &&sql, sqlite3_stmt *stmt) noexcept;

    explicit Database(sqlite3 *db);
    static Database openImpl(const QString &path, const SecretBuffer *key, Open mode);
    void configure();

    sqlite3 *m_db = nullptr;
    std::unique_ptr<StatementCache> m_cache;
};

// BEGIN IMMEDIATE on construction; rolls back on destruction unless commit() ran.
class Transaction
{
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    void commit();

private:
    Database &m_db;
    bool m_nested = false;
    bool m_open = true;
};

// Registers ucrank(notes_fts): a relevance score from the matches in each note and the note's
// length, without the index-wide document frequencies bm25() reads (their cost grows with the
// vault). Used to order a bounded window of matches.
void registerSearchRank(Database &db);

// The SQLCipher and SQLite versions of the linked library, read at run time.
[[nodiscard]] QString cipherVersion();
[[nodiscard]] QString sqliteVersion();

} // namespace uc::sql
