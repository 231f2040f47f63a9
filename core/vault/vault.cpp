// SPDX-License-Identifier: GPL-3.0-or-later
#include "vault/vault.h"

#include "common/logging.h"
#include "vault/audit.h"
#include "vault/schema.h"
#include "vault/state.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace uc::vault {

namespace {

constexpr qint64 fullCheckLimit = 32 * 1024 * 1024; // integrity-check every page at unlock up to this size

QString databasePath(const QString &dir)
{
    return QDir(dir).filePath(QLatin1String(Vault::databaseName));
}

// An exclusive advisory lock on dir/.lock, held while the vault is open in this process.
int lockFolder(const QString &dir)
{
    const QByteArray path = QFile::encodeName(QDir(dir).filePath(QLatin1String(Vault::lockName)));
    const int fd = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        throw Error(ErrorKind::Io, QStringLiteral("open vault"), QStringLiteral("the vault folder is not writable"));
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd);
        throw Error(ErrorKind::Conflict, QStringLiteral("open vault"),
                    QStringLiteral("the vault is open in another Undercurrent process"));
    }
    return fd;
}

void unlockFolder(int fd)
{
    if (fd >= 0) {
        ::flock(fd, LOCK_UN);
        ::close(fd);
    }
}

// Keeps a lock file descriptor until released into a Vault.
struct FolderLock
{
    int fd;
    ~FolderLock() { unlockFolder(fd); }
    int release() { return std::exchange(fd, -1); }
};

std::unique_ptr<VaultState> stateOf(QString dir, int lockFd, sql::Database db, SecretBuffer dataKey, KeySlots slots)
{
    return std::make_unique<VaultState>(std::move(dir), lockFd, std::move(db), std::move(dataKey), std::move(slots));
}

} // namespace

LibraryVersion storageLibrary()
{
    return {QStringLiteral("SQLCipher"), QStringLiteral("%1 (SQLite %2)").arg(sql::cipherVersion(), sql::sqliteVersion())};
}

// ---- lifetime ----------------------------------------------------------------------------------

Vault::Vault(std::unique_ptr<VaultState> state)
    : m_state(std::move(state))
    , m_clients(*this, *m_state)
    , m_notes(*this, *m_state)
    , m_tagging(*this, *m_state)
    , m_measures(*this, *m_state)
    , m_supervision(*this, *m_state)
    , m_agreement(*this, *m_state)
    , m_search(*this, *m_state)
    , m_histories(*this, *m_state)
    , m_records(*this, *m_state)
    , m_auditTrail(*this, *m_state)
    , m_backup(*this, *m_state)
    , m_risk(*this, *m_state)
{
}

Vault::~Vault()
{
    lock();
}

void Vault::lock() noexcept
{
    if (m_state->db.handle() && m_state->user.id != 0) { // an unlock that failed has no user to record
        try {
            recordEvent(QStringLiteral("lock"), QStringLiteral("vault"));
            writeAuditHead();
        } catch (const std::exception &) {
            qCWarning(ucVault) << "the audit trail's head could not be written at lock";
        }
    }
    m_state->db.close();
    m_state->dataKey.wipe();
    unlockFolder(m_state->lockFd);
    m_state->lockFd = -1;
}

bool Vault::isOpen() const noexcept
{
    return m_state->db.handle() != nullptr;
}

QString Vault::dir() const
{
    return m_state->dir;
}

const model::User &Vault::currentUser() const
{
    return m_state->user;
}

void Vault::require(model::Action action) const
{
    m_state->require(action);
}

void Vault::inOneTransaction(const std::function<void()> &work)
{
    sql::Transaction tx(m_state->db);
    work();
    tx.commit();
}

// ---- the audit trail's append and its head -----------------------------------------------------

void Vault::recordEvent(const QString &action, const QString &object, const QString &detail)
{
    m_state->recordEvent(action, object, detail);
}

void Vault::writeAuditHead()
{
    // The head only moves forward from a trail that still holds at the old head: a trail found cut
    // short or replaced keeps the head that shows it, for `audit verify` to report.
    VaultState &s = *m_state;
    const QJsonObject extra = s.slots.extra();
    const QJsonObject sealed = extra.value(QLatin1String("audit_head")).toObject();
    if (!sealed.isEmpty()) {
        const auto old = openAuditHead(sealed, s.dataKey);
        if (!old)
            return;
        if (old->count > 0) {
            auto at = s.db.prepare("SELECT hash FROM audit WHERE seq = ?");
            at.bind(1, static_cast<std::int64_t>(old->count));
            if (!at.step() || at.text(0) != old->hash)
                return;
        }
    }
    KeySlots updated = s.slots;
    QJsonObject next = extra;
    next.insert(QStringLiteral("audit_head"), sealAuditHead(currentAuditHead(s.db), s.dataKey));
    updated.setExtra(next);
    updated.save(s.dir);
    s.slots = updated;
}

void Vault::noteFailedUnlock(const QString &dir, const QString &user) noexcept
{
    // The database cannot be opened without the key, so a failed attempt waits in keyslots.json
    // (user name and time only) and joins the audit trail at the next unlock.
    try {
        KeySlots slots = KeySlots::load(dir);
        QJsonObject extra = slots.extra();
        QJsonArray failed = extra.value(QLatin1String("failed_unlocks")).toArray();
        if (failed.size() < 1000)
            failed.append(QJsonObject{{QStringLiteral("user"), user.left(64)}, {QStringLiteral("at"), now()}});
        extra.insert(QStringLiteral("failed_unlocks"), failed);
        slots.setExtra(extra);
        slots.save(dir);
    } catch (const std::exception &) {
        qCWarning(ucVault) << "a failed unlock could not be recorded";
    }
}

void Vault::recordUnlock(const QString &action)
{
    VaultState &s = *m_state;
    QJsonObject extra = s.slots.extra();
    const QJsonArray failed = extra.value(QLatin1String("failed_unlocks")).toArray();
    {
        sql::Transaction tx(s.db);
        for (const QJsonValue &f : failed) {
            const QJsonObject o = f.toObject();
            appendAudit(s.db, o.value(QLatin1String("user")).toString(), QStringLiteral("unlock-failed"),
                        QStringLiteral("vault"), QStringLiteral("recorded at the next unlock"),
                        o.value(QLatin1String("at")).toString());
        }
        s.audit(action, QStringLiteral("vault"));
        tx.commit();
    }
    if (!failed.isEmpty()) {
        extra.remove(QStringLiteral("failed_unlocks"));
        s.slots.setExtra(extra);
    }
    writeAuditHead();
}

// ---- creating and unlocking --------------------------------------------------------------------

Vault::Created Vault::create(const QString &dir, const QString &user, const SecretBuffer &passphrase, model::Role role,
                             KdfCost cost)
{
    const QString what = QStringLiteral("create vault");
    if (user.trimmed().isEmpty() || user.size() > 64)
        throw Error(ErrorKind::Usage, what, QStringLiteral("a user name of 1 to 64 characters is needed"));
    if (passphrase.size() < 8)
        throw Error(ErrorKind::Usage, what, QStringLiteral("the passphrase must have at least 8 characters"));
    QDir folder(dir);
    if (folder.exists() && !folder.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden))
        throw Error(ErrorKind::Conflict, what, QStringLiteral("the folder is not empty"));
    if (!QDir().mkpath(dir))
        throw Error(ErrorKind::Io, what, QStringLiteral("the folder cannot be created"));
    QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    FolderLock guard{lockFolder(dir)};
    SecretBuffer dataKey = SecretBuffer::random(32);
    RecoveryKey recovery = RecoveryKey::generate();
    try {
        sql::Database db = sql::Database::open(databasePath(dir), dataKey);
        migrate(db, user);
        {
            sql::Transaction tx(db);
            db.prepare("INSERT INTO users(name, role, created) VALUES (?, ?, ?)")
                .bind(1, user.trimmed())
                .bind(2, model::toString(role))
                .bind(3, now())
                .run();
            db.prepare("INSERT INTO vault_info(key, value) VALUES ('created', ?)").bind(1, now()).run();
            appendAudit(db, user.trimmed(), QStringLiteral("create-vault"), QStringLiteral("vault"), {}, now());
            tx.commit();
        }
        // The key slots are written last: until they exist the folder is not a vault.
        KeySlots slots;
        slots.setUser(user.trimmed(), passphrase, dataKey, cost);
        slots.setRecovery(recovery, dataKey);
        slots.setExtra(QJsonObject{{QStringLiteral("audit_head"), sealAuditHead(currentAuditHead(db), dataKey)}});
        slots.save(dir);
        auto vault = std::unique_ptr<Vault>(
            new Vault(stateOf(dir, guard.release(), std::move(db), std::move(dataKey), std::move(slots))));
        vault->loadUser(user.trimmed());
        qCInfo(ucVault) << "created a vault";
        return Created{std::move(vault), std::move(recovery)};
    } catch (...) {
        // Leave no half-made vault behind.
        for (const QString &name : QDir(dir).entryList(QDir::Files | QDir::Hidden))
            QFile::remove(QDir(dir).filePath(name));
        throw;
    }
}

std::unique_ptr<Vault> Vault::unlock(const QString &dir, const QString &user,
                                     const std::function<SecretBuffer(const KeySlots &)> &unwrap)
{
    if (!QFileInfo(dir).isDir())
        throw Error(ErrorKind::Damaged, QStringLiteral("open vault"), QStringLiteral("the vault folder does not exist"));
    KeySlots slots = KeySlots::load(dir);
    SecretBuffer dataKey = unwrap(slots);
    FolderLock guard{lockFolder(dir)};
    const QString path = databasePath(dir);
    sql::Database db = sql::Database::open(path, dataKey, sql::Database::Open::MustExist);
    migrate(db, user);
    auto vault = std::unique_ptr<Vault>(
        new Vault(stateOf(dir, guard.release(), std::move(db), std::move(dataKey), std::move(slots))));
    // A damaged or tampered page is refused at unlock for vaults of ordinary size; in larger ones
    // every page's HMAC is still checked whenever it is read.
    if (QFileInfo(path).size() <= fullCheckLimit && !vault->backup().verifyIntegrity())
        throw Error(ErrorKind::Damaged, QStringLiteral("open vault"), QStringLiteral("the database file is damaged"));
    vault->loadUser(user);
    return vault;
}

std::unique_ptr<Vault> Vault::open(const QString &dir, const QString &user, const SecretBuffer &passphrase)
{
    auto vault = unlock(dir, user, [&](const KeySlots &slots) {
        try {
            return slots.unwrapUser(user, passphrase);
        } catch (const Error &error) {
            if (error.kind() == ErrorKind::Auth)
                noteFailedUnlock(dir, user);
            throw;
        }
    });
    vault->recordUnlock(QStringLiteral("unlock"));
    qCInfo(ucVault) << "unlocked";
    return vault;
}

std::unique_ptr<Vault> Vault::recover(const QString &dir, const QString &user, const RecoveryKey &key,
                                      const SecretBuffer &newPassphrase, KdfCost cost)
{
    if (newPassphrase.size() < 8)
        throw Error(ErrorKind::Usage, QStringLiteral("recover"),
                    QStringLiteral("the new passphrase must have at least 8 characters"));
    auto vault = unlock(dir, user, [&](const KeySlots &slots) {
        if (!slots.hasUser(user))
            throw Error(ErrorKind::Auth, QStringLiteral("recover"), QStringLiteral("the vault has no such user"));
        return slots.unwrapRecovery(key);
    });
    vault->recordUnlock(QStringLiteral("recover"));
    vault->changePassphrase(newPassphrase, cost);
    return vault;
}

void Vault::loadUser(const QString &name)
{
    auto stmt = m_state->db.prepare("SELECT id, name, role, created FROM users WHERE name = ?");
    stmt.bind(1, name);
    if (!stmt.step())
        throw Error(ErrorKind::Auth, QStringLiteral("unlock"), QStringLiteral("the user name or passphrase is wrong"));
    m_state->user = {stmt.int64(0), stmt.text(1), model::parseRole(stmt.text(2)).value_or(model::Role::Auditor),
                     stmt.text(3)};
}

// ---- users and keys ----------------------------------------------------------------------------

void Vault::changePassphrase(const SecretBuffer &newPassphrase, KdfCost cost)
{
    VaultState &s = *m_state;
    s.require(model::Action::ChangeOwnPassphrase);
    if (newPassphrase.size() < 8)
        throw Error(ErrorKind::Usage, QStringLiteral("change passphrase"),
                    QStringLiteral("the passphrase must have at least 8 characters"));
    KeySlots updated = s.slots;
    updated.setUser(s.user.name, newPassphrase, s.dataKey, cost);
    s.recordEvent(QStringLiteral("change-passphrase"), QStringLiteral("user:%1").arg(s.user.id));
    updated.setExtra(s.slots.extra());
    updated.save(s.dir);
    s.slots = updated;
}

void Vault::addUser(const QString &name, model::Role role, const SecretBuffer &passphrase, KdfCost cost)
{
    VaultState &s = *m_state;
    const QString what = QStringLiteral("add user");
    s.require(model::Action::ManageUsers);
    const QString clean = name.trimmed();
    if (clean.isEmpty() || clean.size() > 64)
        throw Error(ErrorKind::Usage, what, QStringLiteral("a user name of 1 to 64 characters is needed"));
    if (passphrase.size() < 8)
        throw Error(ErrorKind::Usage, what, QStringLiteral("the passphrase must have at least 8 characters"));
    if (s.slots.hasUser(clean))
        throw Error(ErrorKind::Conflict, what, QStringLiteral("a user with that name exists"));
    {
        // A row left by an earlier attempt whose slot was never written is reused.
        sql::Transaction tx(s.db);
        s.db.prepare("INSERT INTO users(name, role, created) VALUES (?, ?, ?) "
                     "ON CONFLICT(name) DO UPDATE SET role = excluded.role")
            .bind(1, clean)
            .bind(2, model::toString(role))
            .bind(3, now())
            .run();
        s.audit(QStringLiteral("add-user"), QStringLiteral("user:%1").arg(s.db.lastInsertId()), model::toString(role));
        tx.commit();
    }
    KeySlots updated = s.slots;
    updated.setUser(clean, passphrase, s.dataKey, cost);
    updated.save(s.dir);
    s.slots = updated;
}

QList<model::User> Vault::users()
{
    QList<model::User> list;
    auto stmt = m_state->db.prepare("SELECT id, name, role, created FROM users ORDER BY name");
    while (stmt.step())
        list.append({stmt.int64(0), stmt.text(1), model::parseRole(stmt.text(2)).value_or(model::Role::Auditor),
                     stmt.text(3)});
    return list;
}

} // namespace uc::vault
