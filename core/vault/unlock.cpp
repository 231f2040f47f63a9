// SPDX-License-Identifier: GPL-3.0-or-later
// Creating a vault and unlocking one (with a passphrase, with the recovery key, or a restored copy):
// the folder's lock, the key slots' seal, the database, the rollback check, and the unlock's entries
// in the audit trail. The unlocking user's own keys are in unlockkeys.cpp.
#include "vault/unlock.h"

#include "common/logging.h"
#include "vault/audit.h"
#include "vault/auditpin.h"
#include "vault/commentsig.h"
#include "vault/processtext.h"
#include "vault/schema.h"
#include "vault/state.h"
#include "vault/vault.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QDateTime>
#include <QJsonArray>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <utility>

namespace uc::vault {

namespace {

constexpr qint64 fullCheckLimit = 32 * 1024 * 1024; // integrity-check every page at unlock up to this size

QString databasePath(const QString &dir)
{
    return QDir(dir).filePath(QLatin1String(Vault::databaseName));
}

// Keeps a lock file descriptor until released into a Vault.
struct FolderLock
{
    int fd;
    ~FolderLock() { unlockFolder(fd); }
    int release() { return std::exchange(fd, -1); }
};

// Set once keyslots.json carries a MAC: from then on a file without one was stripped.
constexpr auto sealedMarker = "keyslots_sealed";

bool slotsWereSealed(sql::Database &db)
{
    auto stmt = db.prepare("SELECT 1 FROM vault_info WHERE key = ?");
    stmt.bind(1, sealedMarker);
    return stmt.step();
}

std::int64_t auditLength(sql::Database &db)
{
    return currentAuditHead(db).count;
}

std::unique_ptr<VaultState> stateOf(QString dir, int lockFd, sql::Database db, SecretBuffer dataKey, KeySlots slots)
{
    return std::make_unique<VaultState>(std::move(dir), lockFd, std::move(db), std::move(dataKey), std::move(slots));
}

} // namespace

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

[[noreturn]] void damagedAtUnlock(const QString &why)
{
    throw Error(ErrorKind::Damaged, QStringLiteral("open vault"), why);
}

SeenState seenStateOf(const KeySlots &slots, sql::Database &db)
{
    const AuditHead head = currentAuditHead(db);
    return {slots.generation(), head.count, head.count > 0 ? head.hash : QString()};
}

void keepUnderRecoveryKey(QJsonObject &extra, const QString &name, const UserKeys &keys)
{
    QJsonObject sealed = extra.value(QLatin1String("recovery_keys")).toObject();
    sealed.insert(name, sealToRecovery(keys.recoveryPublic, keys.payload()));
    extra.insert(QStringLiteral("recovery_keys"), sealed);
}

// ---- the unlock's entries in the audit trail ---------------------------------------------------

void Vault::noteFailedUnlock(const QString &dir, const QString &user) noexcept
{
    // The database cannot be opened without the key, so a failed attempt waits in keyslots.json
    // (user name and time only, outside its MAC) and joins the audit trail, marked as reported, at
    // the next unlock.
    try {
        if (!validUserName(user))
            return;
        KeySlots slots = KeySlots::load(dir);
        // A damaged main file is left for the next good unlock to rewrite from the .bak.
        if (slots.fromBackup())
            return;
        QJsonArray failed = slots.failedUnlocks();
        if (failed.size() >= maxFailedUnlockHints)
            return;
        failed.append(QJsonObject{{QStringLiteral("user"), user}, {QStringLiteral("at"), now()}});
        slots.setFailedUnlocks(failed);
        slots.saveHints(dir);
    } catch (const std::exception &) {
        qCWarning(ucVault) << "a failed unlock could not be recorded";
    }
}

void Vault::recordUnlock(const QString &action, KeySlots updated)
{
    VaultState &s = *m_state;
    const FailedUnlockHints hints = readFailedUnlockHints(updated.failedUnlocks(), QDateTime::currentDateTimeUtc());
    {
        sql::Transaction tx(s.db);
        for (const FailedUnlockHint &hint : hints.valid)
            appendAudit(s.db, hint.user, QStringLiteral("unlock-failed-reported"), QStringLiteral("vault"),
                        QStringLiteral("reported in keyslots.json without a key; a hint, not proof"), hint.at,
                        s.auditSigner()); // signed by the unlocking user, who reports it
        if (hints.dropped > 0)
            s.audit(QStringLiteral("unlock-failed-reports-dropped"), QStringLiteral("vault"),
                    QStringLiteral("%1 malformed or excess failed-unlock reports dropped").arg(hints.dropped));
        s.audit(action, QStringLiteral("vault"));
        tx.commit();
    }
    updated.setFailedUnlocks({});
    writeAuditHead(std::move(updated), true);
    s.db.prepare("INSERT OR IGNORE INTO vault_info(key, value) VALUES (?, ?)")
        .bind(1, sealedMarker)
        .bind(2, now())
        .run();
}

// ---- creating and unlocking --------------------------------------------------------------------

Vault::Created Vault::create(const QString &dir, const QString &user, const SecretBuffer &passphrase, model::Role role,
                             KdfCost cost)
{
    const QString what = QStringLiteral("create vault");
    if (!validUserName(user.trimmed()))
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
        // The creator's signing key is the vault's root of trust: pinned in every slot made from now
        // on, its certificate signed by itself. Made first: the trail's first entry is signed with it.
        const QByteArray recoveryPublic = recoveryPublicKey(recovery);
        UserKeys keys = UserKeys::generate({}, recoveryPublic);
        keys.rootPublic = keys.signPublic;
        keys.certified = true;
        keys.signaturesMigrated = true;
        keys.auditSigned = true; // the trail's first entry, below
        keys.auditPinned = true; // and pinned with the head
        const QString name = user.trimmed();
        sql::Database db = sql::Database::open(databasePath(dir), dataKey);
        migrate(db, user);
        {
            sql::Transaction tx(db);
            // The user who creates the vault is its administrator.
            db.prepare("INSERT INTO users(name, role, created, admin) VALUES (?, ?, ?, 1)")
                .bind(1, user.trimmed())
                .bind(2, model::toString(role))
                .bind(3, now())
                .run();
            db.prepare("INSERT INTO vault_info(key, value) VALUES ('created', ?)").bind(1, now()).run();
            db.prepare("INSERT INTO vault_info(key, value) VALUES (?, ?)")
                .bind(1, sealedMarker)
                .bind(2, now())
                .run();
            // The trail's first entry states where comment signing begins: with the first comment.
            appendAudit(db, name, QStringLiteral("create-vault"), QStringLiteral("vault"),
                        writesCommentSigningStatement() ? commentSigningStatement(1) : QString(), now(),
                        {name, &keys});
            tx.commit();
        }
        const SecretBuffer payload = keys.payload();
        const QJsonObject certs{{certName(name), certificate(name, model::toString(role), true, keys.signPublic, now(), name, &keys)}};
        // The key slots are written last: until they exist the folder is not a vault.
        KeySlots slots;
        slots.setUser(name, model::toString(role), true, passphrase, dataKey, cost, &payload);
        slots.setRecovery(recovery, dataKey);
        QJsonObject extra{{QStringLiteral("audit_head"), sealAuditHead(currentAuditHead(db), dataKey)},
                          {QStringLiteral("certs"), certs},
                          {QStringLiteral("recovery_keys"),
                           QJsonObject{{certName(name), sealToRecovery(recoveryPublic, payload)}}}};
        if (const auto latest = latestSignedEntry(db, name))
            setAuditPin(extra, name, signAuditPin(keys, name, *latest));
        slots.setExtra(extra);
        slots.save(dir, dataKey);
        rememberSeenState(slots.vaultId(), dir, seenStateOf(slots, db));
        auto vault = std::unique_ptr<Vault>(
            new Vault(stateOf(dir, guard.release(), std::move(db), std::move(dataKey), std::move(slots))));
        vault->loadUser(user.trimmed());
        vault->m_state->keys = std::move(keys);
        vault->m_state->processKey = processKeyOf(*vault->m_state->keys);
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
                                     const std::function<UnwrappedKeys(const KeySlots &)> &unwrap, bool restoring)
{
    if (!QFileInfo(dir).isDir())
        throw Error(ErrorKind::Damaged, QStringLiteral("open vault"), QStringLiteral("the vault folder does not exist"));
    KeySlots slots = KeySlots::load(dir);
    UnwrappedKeys keys = unwrap(slots);
    // A re-key (rekey.cpp) writes keyslots.json with the new key waiting, re-keys notes.db, then seals
    // keyslots.json under the new key; a kill between leaves the file sealed under the old key.
    const bool pendingSeals = !keys.pending.empty() && slots.checkSeal(keys.pending) == KeySlots::Seal::Valid;
    const KeySlots::Seal seal = pendingSeals ? KeySlots::Seal::Valid : slots.checkSeal(keys.current);
    if (seal == KeySlots::Seal::Invalid)
        damagedAtUnlock(QStringLiteral("keyslots.json was altered (its MAC does not match)"));
    FolderLock guard{lockFolder(dir)};
    const QString path = databasePath(dir);
    SecretBuffer dataKey = std::move(keys.current);
    std::optional<sql::Database> opened;
    if (!keys.pending.empty()) {
        try {
            opened = sql::Database::open(path, keys.pending, sql::Database::Open::MustExist);
        } catch (const Error &error) {
            // Only a file still sealed under the old key may meet a database under the old key: one
            // sealed under the new key met with an older notes.db is never re-keyed into place.
            if (error.kind() != ErrorKind::Damaged || pendingSeals)
                throw;
        }
        if (!opened) {
            // Killed before notes.db was re-keyed: finish the re-key the slots announce.
            opened = sql::Database::open(path, dataKey, sql::Database::Open::MustExist);
            opened->checkpoint();
            opened->rekey(keys.pending);
            opened->checkpoint();
        }
        if (!pendingSeals) {
            // The audit head was sealed under the old key; it moves to the new one with the file.
            QJsonObject extra = slots.extra();
            if (const auto head = openAuditHead(extra.value(QLatin1String("audit_head")).toObject(), dataKey)) {
                extra.insert(QStringLiteral("audit_head"), sealAuditHead(*head, keys.pending));
                slots.setExtra(extra);
            }
        }
        dataKey = std::move(keys.pending);
    } else {
        opened = sql::Database::open(path, dataKey, sql::Database::Open::MustExist);
    }
    sql::Database db = std::move(*opened);
    migrate(db, user);
    if (seal == KeySlots::Seal::Missing && slotsWereSealed(db))
        damagedAtUnlock(QStringLiteral("keyslots.json lost its MAC"));
    const std::int64_t auditCount = auditLength(db);
    // Never a reason to write a new head: a missing one is how a cut trail would hide.
    if (auditCount > 0 && !slots.extra().contains(QLatin1String("audit_head")))
        damagedAtUnlock(QStringLiteral("the audit trail's head is missing from keyslots.json"));
    // The .bak, read when the main file is unreadable, is one write behind by design.
    if (!restoring) {
        if (const auto seen = readSeenState(slots.vaultId(), dir)) {
            if (slots.generation() + (slots.fromBackup() ? 1 : 0) < seen->generation || auditCount < seen->auditCount)
                damagedAtUnlock(QStringLiteral("this vault is older than the one you last opened on this machine"));
            // The trail's head as last seen here must still be in it: a trail cut back and padded to
            // its old length with new entries (and a head resealed with the data key) is not older.
            if (seen->auditCount > 0 && !seen->auditHash.isEmpty()
                && !trailHolds(db, {seen->auditCount, seen->auditHash}))
                damagedAtUnlock(QStringLiteral("the audit trail was rewritten since you last opened this vault on this "
                                               "machine (entry %1 is not the one seen then)")
                                    .arg(seen->auditCount));
        }
    }
    auto vault = std::unique_ptr<Vault>(
        new Vault(stateOf(dir, guard.release(), std::move(db), std::move(dataKey), std::move(slots))));
    // A damaged or tampered page is refused at unlock for vaults of ordinary size; in larger ones
    // every page's HMAC is still checked whenever it is read.
    if (QFileInfo(path).size() <= fullCheckLimit && !vault->backup().verifyIntegrity())
        throw Error(ErrorKind::Damaged, QStringLiteral("open vault"), QStringLiteral("the database file is damaged"));
    vault->loadUser(user);
    const model::User &who = vault->currentUser();
    if (const auto slot = vault->m_state->slots.userSlot(who.name);
        slot && slot->version >= 2 && (slot->role != model::toString(who.role) || slot->admin != who.admin))
        damagedAtUnlock(QStringLiteral("the key slot and the user list disagree"));
    return vault;
}

std::unique_ptr<Vault> Vault::open(const QString &dir, const QString &user, const SecretBuffer &passphrase)
{
    return openAs(dir, user, passphrase, false);
}

std::unique_ptr<Vault> Vault::openAs(const QString &dir, const QString &user, const SecretBuffer &passphrase,
                                     bool restoring)
{
    SecretBuffer keysPayload;
    auto vault = unlock(
        dir, user,
        [&](const KeySlots &slots) {
            UnwrappedKeys keys;
            try {
                keys.current = slots.unwrapUser(user, passphrase, &keysPayload);
            } catch (const Error &error) {
                if (error.kind() == ErrorKind::Auth)
                    noteFailedUnlock(dir, user);
                throw;
            }
            // A pending key that does not open is left unused: the file's MAC or notes.db then refuses.
            if (const QByteArray sealed = slots.pendingKey(user); !sealed.isEmpty())
                if (const auto mine = UserKeys::fromPayload(keysPayload))
                    keys.pending = openDataKey(*mine, sealed, pendingLabel(user));
            return keys;
        },
        restoring);
    VaultState &s = *vault->m_state;
    KeySlots updated = s.slots;
    // A re-key's new key waited in the slot: it is wrapped under the passphrase in its place.
    bool rewrite = !updated.pendingKey(s.user.name).isEmpty();
    rewrite = vault->establishKeys(updated, std::move(keysPayload), false) || rewrite;
    rewrite = vault->migrateSignatures() || rewrite;
    stateWhereCommentSigningBegins(s);
    // From this unlock's entry on the slot remembers this user signs audit entries (written once).
    rewrite = !std::exchange(s.keys->auditSigned, true) || rewrite;
    // Likewise that their pin is kept (written with the head by recordUnlock, in the same file write).
    rewrite = !std::exchange(s.keys->auditPinned, true) || rewrite;
    // A slot from before the binding is rewritten bound, at the cost it had; one whose keys were
    // just made or changed, with them.
    if (const auto slot = updated.userSlot(s.user.name); slot && (slot->version < 2 || rewrite)) {
        const SecretBuffer payload = s.keys->payload();
        updated.setUser(s.user.name, model::toString(s.user.role), s.user.admin, passphrase, s.dataKey, slot->cost,
                        &payload);
    }
    vault->recordUnlock(QStringLiteral("unlock"), std::move(updated));
    // After the slot that keeps the key is written: nothing is sealed under a key not yet kept.
    (void)sealOwnProcessNotes(s);
    if (restoring) {
        vault->recordEvent(QStringLiteral("rollback-record-reset"), QStringLiteral("vault"),
                           QStringLiteral("a restore starts this machine's record of the vault afresh"));
        vault->writeAuditHead(s.slots, true);
        rememberSeenState(s.slots.vaultId(), s.dir, seenStateOf(s.slots, s.db), true);
    }
    qCInfo(ucVault) << "unlocked";
    return vault;
}

std::unique_ptr<Vault> Vault::recover(const QString &dir, const QString &user, const RecoveryKey &key,
                                      const SecretBuffer &newPassphrase, KdfCost cost)
{
    if (newPassphrase.size() < 8)
        throw Error(ErrorKind::Usage, QStringLiteral("recover"),
                    QStringLiteral("the new passphrase must have at least 8 characters"));
    auto vault = unlock(
        dir, user,
        [&](const KeySlots &slots) {
            if (!slots.hasUser(user))
                throw Error(ErrorKind::Auth, QStringLiteral("recover"), QStringLiteral("the vault has no such user"));
            UnwrappedKeys keys;
            keys.current = slots.unwrapRecovery(key);
            if (const QByteArray sealed = slots.pendingKey({}); !sealed.isEmpty())
                keys.pending = openDataKeyWithRecovery(key, sealed);
            return keys;
        },
        false);
    VaultState &s = *vault->m_state;
    KeySlots updated = s.slots;
    // A re-key's new key waited for the recovery key: the recovery slot wraps it from now on.
    if (!updated.pendingKey({}).isEmpty())
        updated.setRecovery(key, s.dataKey);
    const QString sealed = updated.extra()
                               .value(QLatin1String("recovery_keys"))
                               .toObject()
                               .value(certName(s.user.name))
                               .toString();
    (void)vault->establishKeys(updated, sealed.isEmpty() ? SecretBuffer() : openWithRecovery(key, sealed), true);
    stateWhereCommentSigningBegins(s);
    // Keys made in a vault from before per-user keys were not sealed to the recovery key (it was not
    // at hand); now it is, and from here on they are (and the user's process notes are sealed).
    if (s.keys->recoveryPublic.isEmpty()) {
        s.keys->recoveryPublic = recoveryPublicKey(key);
        QJsonObject extra = updated.extra();
        keepUnderRecoveryKey(extra, certName(s.user.name), *s.keys);
        updated.setExtra(extra);
        s.processKey = processKeyOf(*s.keys);
    }
    vault->recordUnlock(QStringLiteral("recover"), std::move(updated));
    s.keys->auditSigned = true; // kept in the slot the new passphrase writes
    s.keys->auditPinned = true; // recordUnlock wrote the pin
    vault->changePassphrase(newPassphrase, cost);
    (void)sealOwnProcessNotes(s);
    return vault;
}

void Vault::loadUser(const QString &name)
{
    auto stmt = m_state->db.prepare("SELECT id, name, role, created, admin FROM users WHERE name = ? AND removed IS NULL");
    stmt.bind(1, name);
    if (!stmt.step())
        throw Error(ErrorKind::Auth, QStringLiteral("unlock"), QStringLiteral("the user name or passphrase is wrong"));
    m_state->user = {stmt.int64(0), stmt.text(1), model::parseRole(stmt.text(2)).value_or(model::Role::Auditor),
                     stmt.text(3), stmt.int64(4) != 0};
}

} // namespace uc::vault
