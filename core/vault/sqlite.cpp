// SPDX-License-Identifier: GPL-3.0-or-later
#include "vault/sqlite.h"

#include "common/logging.h"

#include <sqlite3.h>

#include <unordered_map>

#include <QFile>
#include <QFileInfo>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <array>
#include <vector>
#include <utility>

namespace uc::sql {

namespace {

ErrorKind kindFor(int rc)
{
    switch (rc & 0xff) {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
    case SQLITE_FORMAT:
        return ErrorKind::Damaged;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_CONSTRAINT:
        return ErrorKind::Conflict;
    case SQLITE_MISUSE:
    case SQLITE_RANGE:
        return ErrorKind::Usage;
    default:
        return ErrorKind::Io;
    }
}

QString reasonFor(sqlite3 *db, int rc)
{
    switch (rc & 0xff) {
    case SQLITE_FULL:
        return QStringLiteral("the disk is full; nothing was changed");
    case SQLITE_IOERR:
        return QStringLiteral("the disk reported an I/O error; nothing was changed");
    case SQLITE_NOTADB:
        return QStringLiteral("the file is not a vault database, is damaged, or the key does not fit");
    case SQLITE_CORRUPT:
        return QStringLiteral("the database file is damaged");
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return QStringLiteral("the vault is in use by another process");
    case SQLITE_CANTOPEN:
        return QStringLiteral("the database file cannot be opened");
    case SQLITE_READONLY:
        return QStringLiteral("the database file is read-only");
    case SQLITE_CONSTRAINT:
        // Constraint and trigger messages are ours (names of rules), never row values.
        return db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString::fromUtf8(sqlite3_errstr(rc));
    default:
        return QString::fromUtf8(sqlite3_errstr(rc));
    }
}

} // namespace

// ---- Statement ------------------------------------------------------------------------------

Statement::Statement(Database &db, std::string_view sql)
    : m_db(&db)
    , m_sql(sql)
{
    m_stmt = db.takeCached(m_sql);
    if (m_stmt)
        return;
    const int rc = sqlite3_prepare_v3(db.handle(), sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr);
    if (rc != SQLITE_OK)
        db.fail(rc, QStringLiteral("prepare statement"));
}

Statement::~Statement()
{
    // Back to the cache first: giveBack clears the bindings that point into m_keep.
    if (m_stmt)
        m_db->giveBack(std::move(m_sql), m_stmt);
}

Statement::Statement(Statement &&other) noexcept
    : m_db(other.m_db)
    , m_stmt(std::exchange(other.m_stmt, nullptr))
    , m_sql(std::move(other.m_sql))
    , m_keep(std::move(other.m_keep))
{
}

Statement &Statement::bind(int index, std::int64_t value)
{
    if (const int rc = sqlite3_bind_int64(m_stmt, index, value); rc != SQLITE_OK)
        m_db->fail(rc, QStringLiteral("bind value"));
    return *this;
}

Statement &Statement::bind(int index, double value)
{
    if (const int rc = sqlite3_bind_double(m_stmt, index, value); rc != SQLITE_OK)
        m_db->fail(rc, QStringLiteral("bind value"));
    return *this;
}

Statement &Statement::bind(int index, const QString &value)
{
    // The UTF-8 copy is kept with the statement and bound in place: SQLite's own copy would be one
    // more allocation, and each one costs an mlock/munlock pair under cipher_memory_security.
    m_keep.push_back(value.toUtf8());
    const QByteArray &utf8 = m_keep.back();
    const int rc = sqlite3_bind_text64(m_stmt, index, utf8.constData(), static_cast<sqlite3_uint64>(utf8.size()),
                                       SQLITE_STATIC, SQLITE_UTF8);
    if (rc != SQLITE_OK)
        m_db->fail(rc, QStringLiteral("bind value"));
    return *this;
}

Statement &Statement::bind(int index, std::string_view text)
{
    const int rc = sqlite3_bind_text64(m_stmt, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    if (rc != SQLITE_OK)
        m_db->fail(rc, QStringLiteral("bind value"));
    return *this;
}

Statement &Statement::bind(int index, const QByteArray &blob)
{
    const int rc = sqlite3_bind_blob64(m_stmt, index, blob.constData(), static_cast<sqlite3_uint64>(blob.size()),
                                       SQLITE_TRANSIENT);
    if (rc != SQLITE_OK)
        m_db->fail(rc, QStringLiteral("bind value"));
    return *this;
}

Statement &Statement::bindSecret(int index, const SecretBuffer &secret)
{
    const int rc = sqlite3_bind_text(m_stmt, index, reinterpret_cast<const char *>(secret.data()),
                                     static_cast<int>(secret.size()), SQLITE_STATIC);
    if (rc != SQLITE_OK)
        m_db->fail(rc, QStringLiteral("bind value"));
    return *this;
}

int Statement::parameterIndex(const char *name) const
{
    return sqlite3_bind_parameter_index(m_stmt, name);
}

Statement &Statement::bindNull(int index)
{
    if (const int rc = sqlite3_bind_null(m_stmt, index); rc != SQLITE_OK)
        m_db->fail(rc, QStringLiteral("bind value"));
    return *this;
}

bool Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    sqlite3_reset(m_stmt);
    m_db->fail(rc, QStringLiteral("run statement"));
}

void Statement::run()
{
    while (step()) {
    }
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_keep.clear();
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::int64_t Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

std::string_view Statement::utf8(int column) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return text ? std::string_view(text, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column)))
                : std::string_view();
}

QString Statement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
}

int Statement::columnCount() const
{
    return sqlite3_column_count(m_stmt);
}

QByteArray Statement::blob(int column) const
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    return QByteArray(data, sqlite3_column_bytes(m_stmt, column));
}

std::optional<QString> Statement::optionalText(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return text(column);
}

namespace {

// The raw-key form x'<64 hex digits>' skips SQLCipher's own KDF; built in guarded memory.
SecretBuffer rawKeySpec(const SecretBuffer &key)
{
    static constexpr std::array<char, 16> hex = {'0', '1', '2', '3', '4', '5', '6', '7',
                                                 '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
    SecretBuffer spec(3 + 2 * key.size());
    auto *out = reinterpret_cast<char *>(spec.data());
    out[0] = 'x';
    out[1] = '\'';
    for (std::size_t i = 0; i < key.size(); ++i) {
        out[2 + 2 * i] = hex[key.data()[i] >> 4];
        out[3 + 2 * i] = hex[key.data()[i] & 0x0f];
    }
    out[spec.size() - 1] = '\'';
    return spec;
}

} // namespace

// ---- Database -------------------------------------------------------------------------------

Database Database::open(const QString &path, const SecretBuffer &key, Open mode)
{
    if (key.size() != 32)
        throw Error(ErrorKind::Usage, QStringLiteral("open database"), QStringLiteral("the key must be 32 bytes"));
    return openImpl(path, &key, mode);
}

Database Database::openUnencrypted(const QString &path, Open mode)
{
    return openImpl(path, nullptr, mode);
}

Database Database::openImpl(const QString &path, const SecretBuffer *key, Open mode)
{
    const QString what = QStringLiteral("open database");
    if (mode == Open::MustExist && !QFileInfo::exists(path))
        throw Error(ErrorKind::Damaged, what, QStringLiteral("the database file is missing"));

    if (mode == Open::CreateIfMissing && !QFileInfo::exists(path)) {
        // Created owner-only before SQLite opens it; the -wal and -shm files inherit the mode.
        const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd >= 0)
            ::close(fd);
    }
    // SQLCipher's own log would print decryption failures to stderr; our errors say what happened.
    static const bool quiet = [] {
        sqlite3 *probe = nullptr;
        if (sqlite3_open(":memory:", &probe) == SQLITE_OK)
            sqlite3_exec(probe, "PRAGMA cipher_log_level = NONE", nullptr, nullptr, nullptr);
        sqlite3_close(probe);
        return true;
    }();
    Q_UNUSED(quiet)
    sqlite3 *raw = nullptr;
    // A connection is used by one thread at a time (each thread opens its own, or one owner
    // thread answers requests), so SQLite's per-call locking of the connection is left out: it
    // cost a mutex round trip on every step and every column read of a scan.
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX
                      | (mode == Open::CreateIfMissing ? SQLITE_OPEN_CREATE : 0);
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &raw, flags, nullptr);
    Database db(raw); // owns raw even on failure, so it is closed
    if (rc != SQLITE_OK)
        db.fail(rc, what);

    if (key) {
        const SecretBuffer spec = rawKeySpec(*key);
        if (const int krc = sqlite3_key(db.m_db, spec.data(), static_cast<int>(spec.size())); krc != SQLITE_OK)
            db.fail(krc, what);
    }
    // The page layout is part of the vault format and must be the same at every open. 8 KiB pages
    // leave room for three ~2 KB notes after SQLCipher's 80 reserved bytes per page, where 4 KiB
    // pages fit only one (file size 1.34x unkeyed in the untuned measurement).
    db.exec((key ? QStringLiteral("PRAGMA cipher_page_size = %1") : QStringLiteral("PRAGMA page_size = %1"))
                .arg(pageSize)
                .toStdString());
    db.configure();
    return db;
}

void Database::configure()
{
    sqlite3_busy_timeout(m_db, 2000);
    sqlite3_extended_result_codes(m_db, 1);
    // Reading the schema is the first access that decrypts a page: a wrong key or a foreign or
    // damaged file fails here, before any setting is written.
    {
        Statement probe(*this, "SELECT count(*) FROM sqlite_schema");
        probe.step();
    }
    exec("PRAGMA cipher_memory_security = ON");
    exec("PRAGMA cache_size = -16384"); // 16 MiB of decrypted pages
    exec("PRAGMA foreign_keys = ON");
    exec("PRAGMA secure_delete = ON");
    exec("PRAGMA temp_store = MEMORY");
    exec("PRAGMA synchronous = FULL");
    registerSearchRank(*this);
    if (pragmaText("PRAGMA journal_mode = WAL").compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        throw Error(ErrorKind::Io, QStringLiteral("open database"), QStringLiteral("write-ahead logging is not available"));
}

Database::~Database()
{
    close();
}

Database::Database(Database &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_cache(std::move(other.m_cache))
{
}

Database &Database::operator=(Database &&other) noexcept
{
    if (this != &other) {
        close();
        m_db = std::exchange(other.m_db, nullptr);
        m_cache = std::move(other.m_cache);
    }
    return *this;
}

// Idle prepared statements by their SQL, bounded so SQL built from varying parts cannot grow it.
struct Database::StatementCache
{
    static constexpr std::size_t limit = 96;
    std::unordered_multimap<std::string, sqlite3_stmt *> idle;
};

Database::Database(sqlite3 *db)
    : m_db(db)
    , m_cache(std::make_unique<StatementCache>())
{
}

sqlite3_stmt *Database::takeCached(const std::string &sql)
{
    if (!m_cache)
        return nullptr;
    const auto it = m_cache->idle.find(sql);
    if (it == m_cache->idle.end())
        return nullptr;
    sqlite3_stmt *stmt = it->second;
    m_cache->idle.erase(it);
    return stmt;
}

void Database::giveBack(std::string &&sql, sqlite3_stmt *stmt) noexcept
{
    // Reset releases the statement's locks and row values; clearing drops every bound value (a
    // secret bound in place must not be referenced after its run).
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    if (!m_db || !m_cache || m_cache->idle.size() >= StatementCache::limit) {
        sqlite3_finalize(stmt);
        return;
    }
    try {
        m_cache->idle.emplace(std::move(sql), stmt);
    } catch (...) {
        sqlite3_finalize(stmt);
    }
}

void Database::close() noexcept
{
    if (m_cache) {
        for (const auto &entry : m_cache->idle)
            sqlite3_finalize(entry.second);
        m_cache->idle.clear();
    }
    if (m_db) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

void Database::exec(std::string_view sql)
{
    // sqlite3_exec runs every statement in the text (schema scripts); it never sees bound values.
    const std::string text(sql);
    if (const int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, nullptr); rc != SQLITE_OK)
        fail(rc, QStringLiteral("run statement"));
}

void Database::rekey(const SecretBuffer &key)
{
    if (key.size() != 32)
        throw Error(ErrorKind::Usage, QStringLiteral("re-key database"), QStringLiteral("the key must be 32 bytes"));
    const SecretBuffer spec = rawKeySpec(key);
    if (const int rc = sqlite3_rekey(m_db, spec.data(), static_cast<int>(spec.size())); rc != SQLITE_OK)
        fail(rc, QStringLiteral("re-key database"));
}

void Database::checkpoint()
{
    if (const int rc = sqlite3_wal_checkpoint_v2(m_db, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
        rc != SQLITE_OK)
        fail(rc, QStringLiteral("checkpoint"));
}

std::int64_t Database::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

QString Database::pragmaText(std::string_view pragma)
{
    Statement stmt(*this, pragma);
    return stmt.step() ? stmt.text(0) : QString();
}

void Database::fail(int rc, const QString &what) const
{
    // An SQL function (sqlcipher_export) reports a full disk as a plain SQLITE_ERROR carrying
    // SQLite's own words for SQLITE_FULL; it is a full disk all the same.
    if (rc == SQLITE_ERROR && m_db && std::strcmp(sqlite3_errmsg(m_db), sqlite3_errstr(SQLITE_FULL)) == 0)
        rc = SQLITE_FULL;
    const ErrorKind kind = kindFor(rc);
    const QString why = reasonFor(m_db, rc);
    qCDebug(ucVault) << "sqlite error" << rc << "in" << what;
    throw Error(kind, what, why);
}

// ---- Transaction ----------------------------------------------------------------------------

Transaction::Transaction(Database &db)
    : m_db(db)
    , m_nested(sqlite3_get_autocommit(db.handle()) == 0)
{
    // Inside a caller's transaction (a batch of saves, an import) this is a savepoint: its work
    // lands with the outer transaction, and a failure rolls back only this part.
    m_db.exec(m_nested ? "SAVEPOINT uc_nested" : "BEGIN IMMEDIATE");
}

Transaction::~Transaction()
{
    if (!m_open)
        return;
    if (m_nested) {
        sqlite3_exec(m_db.handle(), "ROLLBACK TO uc_nested; RELEASE uc_nested", nullptr, nullptr, nullptr);
    } else {
        // A failed COMMIT may already have rolled back; ROLLBACK then reports an error we ignore.
        sqlite3_exec(m_db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    }
}

void Transaction::commit()
{
    m_db.exec(m_nested ? "RELEASE uc_nested" : "COMMIT");
    m_open = false;
}

// ---- search rank ----------------------------------------------------------------------------

namespace {

// Matches per token of the note, with each distinct phrase counted once more so a note matching
// every searched word outranks one repeating a single word.
void ucRank(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int, sqlite3_value **)
{
    int instances = 0;
    if (api->xInstCount(fts, &instances) != SQLITE_OK) {
        sqlite3_result_double(ctx, 0);
        return;
    }
    const int phrases = api->xPhraseCount(fts);
    std::vector<bool> seen(static_cast<std::size_t>(std::max(phrases, 0)), false);
    int distinct = 0;
    for (int i = 0; i < instances; ++i) {
        int phrase = 0, column = 0, offset = 0;
        if (api->xInst(fts, i, &phrase, &column, &offset) == SQLITE_OK && phrase >= 0 && phrase < phrases
            && !seen[static_cast<std::size_t>(phrase)]) {
            seen[static_cast<std::size_t>(phrase)] = true;
            ++distinct;
        }
    }
    int tokens = 0;
    api->xColumnSize(fts, 0, &tokens);
    const double density = static_cast<double>(instances) / (20.0 + tokens);
    // Lower is better, as with bm25(): ORDER BY ucrank(...) puts the best first.
    sqlite3_result_double(ctx, -(distinct * 10.0 + density * 100.0));
}

} // namespace

void registerSearchRank(Database &db)
{
    fts5_api *api = nullptr;
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db.handle(), "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK)
        db.fail(SQLITE_ERROR, QStringLiteral("register search rank"));
    sqlite3_bind_pointer(stmt, 1, static_cast<void *>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    if (!api || api->iVersion < 2)
        throw Error(ErrorKind::Io, QStringLiteral("open database"), QStringLiteral("full-text search is not available"));
    if (const int rc = api->xCreateFunction(api, "ucrank", nullptr, ucRank, nullptr); rc != SQLITE_OK)
        db.fail(rc, QStringLiteral("register search rank"));
}

// ---- versions -------------------------------------------------------------------------------

QString cipherVersion()
{
    sqlite3 *db = nullptr;
    QString version;
    if (sqlite3_open(":memory:", &db) == SQLITE_OK) {
        sqlite3_stmt *stmt = nullptr;
        if (sqlite3_prepare_v2(db, "PRAGMA cipher_version", -1, &stmt, nullptr) == SQLITE_OK
            && sqlite3_step(stmt) == SQLITE_ROW)
            version = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
        sqlite3_finalize(stmt);
    }
    sqlite3_close(db);
    return version;
}

QString sqliteVersion()
{
    return QString::fromUtf8(sqlite3_libversion());
}

} // namespace uc::sql
