// SPDX-License-Identifier: GPL-3.0-or-later
#include "vault/vault.h"

#include "common/logging.h"
#include "vault/audit.h"
#include "vault/auditpin.h"
#include "vault/processtext.h"
#include "vault/schema.h"
#include "vault/state.h"
#include "vault/unlockrecords.h"
#include "vault/userkeys.h"

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

[[noreturn]] void damagedAtUnlock(const QString &why)
{
    throw Error(ErrorKind::Damaged, QStringLiteral("open vault"), why);
}

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

// The unlocking user's latest signed audit entry must verify with their own key, and the entry their
// pin names must still be in the trail (docs/audit.md, "Signed entries" and "How far each user
// signed": a user never signs on top of a trail rewritten under their last signature, or cut back
// behind the last entry they signed when they last locked or unlocked).
void checkOwnLatestAuditEntry(VaultState &s, const UserKeys &keys)
{
    const QJsonObject sealedPin = auditPins(s.slots.extra()).value(certName(s.user.name)).toObject();
    if (keys.auditPinned || !sealedPin.isEmpty()) {
        const auto pin = openAuditPin(sealedPin, keys.signPublic, s.user.name);
        if (!pin)
            damagedAtUnlock(QStringLiteral("the record of how far you signed the audit trail is missing from "
                                           "keyslots.json or was altered"));
        if (!trailHolds(s.db, *pin))
            damagedAtUnlock(QStringLiteral("the audit trail was cut back or rewritten: entry %1, the latest you had "
                                           "signed when you last unlocked or locked, is gone or changed")
                                .arg(pin->seq));
    }
    auto stmt = s.db.prepare("SELECT seq, hash, signature FROM audit WHERE signer = ? ORDER BY seq DESC LIMIT 1");
    stmt.bind(1, s.user.name);
    if (!stmt.step()) {
        // Their slot remembers they signed: entries stripped of signatures (to pass them off as older
        // than signing) or removed.
        if (keys.auditSigned)
            damagedAtUnlock(QStringLiteral("the audit trail was rewritten: the entries you signed are gone from it or "
                                           "lost their signatures"));
        return;
    }
    const QByteArray signature = stmt.blob(2);
    if (!verifyDetached(keys.signPublic, auditSignedMessage(stmt.text(1)), QString::fromLatin1(signature.toBase64())))
        damagedAtUnlock(QStringLiteral("the audit trail was rewritten: your own signature on entry %1, your latest, no "
                                       "longer verifies")
                            .arg(stmt.int64(0)));
}

// Moves the acting user's pin to their latest signed entry (already committed, so a kill after this
// never leaves a pin ahead of the trail).
void pinOwnAuditEntry(VaultState &s, QJsonObject &extra)
{
    if (!s.keys || s.user.name.isEmpty())
        return;
    if (const auto latest = latestSignedEntry(s.db, s.user.name))
        setAuditPin(extra, s.user.name, signAuditPin(*s.keys, s.user.name, *latest));
}

SeenState seenStateOf(const KeySlots &slots, sql::Database &db)
{
    const AuditHead head = currentAuditHead(db);
    return {slots.generation(), head.count, head.count > 0 ? head.hash : QString()};
}

std::unique_ptr<VaultState> stateOf(QString dir, int lockFd, sql::Database db, SecretBuffer dataKey, KeySlots slots)
{
    return std::make_unique<VaultState>(std::move(dir), lockFd, std::move(db), std::move(dataKey), std::move(slots));
}

// A copy of the user's keys sealed to the recovery key (extra.recovery_keys), so a recovery gives the
// user back the same keys, and with them their process notes.
void keepUnderRecoveryKey(QJsonObject &extra, const QString &name, const UserKeys &keys)
{
    QJsonObject sealed = extra.value(QLatin1String("recovery_keys")).toObject();
    sealed.insert(name, sealToRecovery(keys.recoveryPublic, keys.payload()));
    extra.insert(QStringLiteral("recovery_keys"), sealed);
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
    , m_safetyPlans(*this, *m_state)
    , m_episodes(*this, *m_state)
    , m_plans(*this, *m_state)
{
}

Vault::~Vault()
{
    lock();
}

void Vault::lock() noexcept
{
    // An unlock that failed has no user to record, or no keys to sign with.
    if (m_state->db.handle() && m_state->user.id != 0 && m_state->keys) {
        try {
            recordEvent(QStringLiteral("lock"), QStringLiteral("vault"));
            writeAuditHead(m_state->slots, false);
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

void Vault::writeAuditHead(KeySlots updated, bool mustSave)
{
    // The head only moves forward from a trail that still holds at the old head: a trail found cut
    // short or replaced keeps the head that shows it, for `audit verify` to report.
    VaultState &s = *m_state;
    QJsonObject extra = updated.extra();
    const QJsonObject sealed = extra.value(QLatin1String("audit_head")).toObject();
    bool moves = true;
    if (!sealed.isEmpty()) {
        const auto old = openAuditHead(sealed, s.dataKey);
        if (!old) {
            moves = false;
        } else if (old->count > 0) {
            auto at = s.db.prepare("SELECT hash FROM audit WHERE seq = ?");
            at.bind(1, static_cast<std::int64_t>(old->count));
            moves = at.step() && at.text(0) == old->hash;
        }
    }
    if (!moves && !mustSave)
        return;
    if (moves)
        extra.insert(QStringLiteral("audit_head"), sealAuditHead(currentAuditHead(s.db), s.dataKey));
    // Written with the head, in the same atomic write of keyslots.json (docs/audit.md, "How far each
    // user signed"): at unlock, at lock, at a restore and a re-key; no extra write of its own.
    pinOwnAuditEntry(s, extra);
    updated.setExtra(extra);
    saveSlots(std::move(updated));
}

void Vault::saveSlots(KeySlots updated)
{
    VaultState &s = *m_state;
    updated.save(s.dir, s.dataKey);
    s.slots = std::move(updated);
    rememberSeenState(s.slots.vaultId(), s.dir, seenStateOf(s.slots, s.db));
}

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
            appendAudit(db, name, QStringLiteral("create-vault"), QStringLiteral("vault"), {}, now(), {name, &keys});
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

// ---- users and keys ----------------------------------------------------------------------------

void Vault::changePassphrase(const SecretBuffer &newPassphrase, KdfCost cost)
{
    VaultState &s = *m_state;
    s.require(model::Action::ChangeOwnPassphrase);
    if (newPassphrase.size() < 8)
        throw Error(ErrorKind::Usage, QStringLiteral("change passphrase"),
                    QStringLiteral("the passphrase must have at least 8 characters"));
    KeySlots updated = s.slots;
    const SecretBuffer payload = s.keys ? s.keys->payload() : SecretBuffer();
    updated.setUser(s.user.name, model::toString(s.user.role), s.user.admin, newPassphrase, s.dataKey, cost, &payload);
    s.recordEvent(QStringLiteral("change-passphrase"), QStringLiteral("user:%1").arg(s.user.id));
    saveSlots(std::move(updated));
}

void Vault::addUser(const QString &name, model::Role role, const SecretBuffer &passphrase, KdfCost cost, bool admin)
{
    VaultState &s = *m_state;
    const QString what = QStringLiteral("add user");
    s.require(model::Action::ManageUsers);
    if ((role != model::Role::Therapist || admin) && !s.user.admin)
        throw Error(ErrorKind::NotAllowed, what,
                    QStringLiteral("only the practice administrator adds supervisors, auditors and administrators"));
    const QString clean = name.trimmed();
    if (!validUserName(clean))
        throw Error(ErrorKind::Usage, what, QStringLiteral("a user name of 1 to 64 characters is needed"));
    if (passphrase.size() < 8)
        throw Error(ErrorKind::Usage, what, QStringLiteral("the passphrase must have at least 8 characters"));
    // Case-insensitively unique, against the user list and the slots alike: a name whose slot was
    // deleted is still taken by its row (its notes, signatures and audit entries).
    // The one exception: the administrator gives a recorded name (an imported author, a row that
    // never had a slot) its person.
    std::optional<std::int64_t> recorded;
    QList<QString> taken = s.slots.users();
    for (auto stmt = s.db.prepare("SELECT id, name FROM users"); stmt.step();) {
        const QString existing = stmt.text(1);
        const QString object = QStringLiteral("user:%1").arg(stmt.int64(0));
        if (existing == clean && s.user.admin && !s.slots.hasUser(clean)) {
            auto history = s.db.prepare("SELECT sum(action = 'add-recorded-name'), sum(action = 'add-user') "
                                        "FROM audit WHERE object = ?");
            history.bind(1, object);
            if (history.step() && history.int64(0) > 0 && history.int64(1) == 0) {
                recorded = stmt.int64(0);
                continue;
            }
        }
        taken.append(existing);
    }
    for (const QString &existing : std::as_const(taken))
        if (existing.compare(clean, Qt::CaseInsensitive) == 0 || existing.toCaseFolded() == clean.toCaseFolded())
            throw Error(ErrorKind::Conflict, what, QStringLiteral("a user named %1 already exists").arg(existing));
    {
        sql::Transaction tx(s.db);
        if (recorded) {
            s.db.prepare("UPDATE users SET role = ?, admin = ? WHERE id = ?")
                .bind(1, model::toString(role))
                .bind(2, static_cast<std::int64_t>(admin ? 1 : 0))
                .bind(3, *recorded)
                .run();
        } else {
            s.db.prepare("INSERT INTO users(name, role, created, admin) VALUES (?, ?, ?, ?)")
                .bind(1, clean)
                .bind(2, model::toString(role))
                .bind(3, now())
                .bind(4, static_cast<std::int64_t>(admin ? 1 : 0))
                .run();
        }
        s.audit(QStringLiteral("add-user"), QStringLiteral("user:%1").arg(recorded ? *recorded : s.db.lastInsertId()),
                model::toString(role) + (admin ? QStringLiteral(", administrator") : QString()));
        tx.commit();
    }
    // The new user's signing key, pinned to this vault's root. The administrator certifies it now;
    // a key made by a therapist adding a colleague waits, as a request, for the administrator's next
    // unlock.
    UserKeys keys = UserKeys::generate(s.trustRoot(), s.keys ? s.keys->recoveryPublic : QByteArray());
    keys.signaturesMigrated = true;
    QJsonObject extra = s.slots.extra();
    QJsonObject certs = extra.value(QLatin1String("certs")).toObject();
    const bool issuerCertified = s.keys && s.user.admin && certifiedKey(certs, s.trustRoot(), s.user.name);
    keys.certified = issuerCertified;
    certs.insert(certName(clean), certificate(clean, model::toString(role), admin, keys.signPublic, now(), s.user.name,
                                              issuerCertified ? &*s.keys : nullptr));
    extra.insert(QStringLiteral("certs"), certs);
    const SecretBuffer payload = keys.payload();
    if (!keys.recoveryPublic.isEmpty()) {
        QJsonObject sealed = extra.value(QLatin1String("recovery_keys")).toObject();
        sealed.insert(certName(clean), sealToRecovery(keys.recoveryPublic, payload));
        extra.insert(QStringLiteral("recovery_keys"), sealed);
    }
    KeySlots updated = s.slots;
    updated.setExtra(extra);
    updated.setUser(clean, model::toString(role), admin, passphrase, s.dataKey, cost, &payload);
    saveSlots(std::move(updated));
}

bool Vault::establishKeys(KeySlots &updated, SecretBuffer payload, bool recovering)
{
    VaultState &s = *m_state;
    QJsonObject extra = updated.extra();
    QJsonObject certs = extra.value(QLatin1String("certs")).toObject();
    const QString me = certName(s.user.name);
    const QString role = model::toString(s.user.role);
    bool rewrite = false;
    std::optional<UserKeys> keys;
    if (!payload.empty()) {
        keys = UserKeys::fromPayload(payload);
        if (!keys)
            damagedAtUnlock(QStringLiteral("the key slot's signing key is malformed"));
    } else {
        // A slot from before per-user keys (or a recovery without a sealed copy of them): the keys are
        // made now. Trust on first use (docs/security.md): the first administrator to get keys becomes
        // the root; everyone else's key waits as a request for an administrator to certify.
        const QByteArray root = selfSignedRoot(certs);
        if (!recovering && !root.isEmpty() && certifiedKey(certs, root, me))
            damagedAtUnlock(QStringLiteral("the key slot lost its signing key while a certificate for it stands"));
        keys = UserKeys::generate(root, {});
        if (root.isEmpty() && s.user.admin) {
            keys->rootPublic = keys->signPublic;
            certs.insert(me, certificate(s.user.name, role, true, keys->signPublic, now(), s.user.name, &*keys));
        } else {
            certs.insert(me, certificate(s.user.name, role, s.user.admin, keys->signPublic, now(), {}, nullptr));
        }
        rewrite = true;
    }
    if (keys->rootPublic.isEmpty()) {
        if (const QByteArray root = selfSignedRoot(certs); !root.isEmpty()) {
            keys->rootPublic = root;
            rewrite = true;
        }
    }
    const auto mine = certifiedKey(certs, keys->rootPublic, me);
    const bool holds = mine && mine->signPublic == keys->signPublic && mine->role == role && mine->admin == s.user.admin;
    if (holds && !keys->certified) {
        keys->certified = true;
        rewrite = true;
    } else if (!holds && keys->certified) {
        damagedAtUnlock(QStringLiteral("your key certificate is missing or does not verify (a key, role or administrator "
                                       "flag was changed in the vault)"));
    } else if (!holds) {
        // Still waiting for an administrator: keep the request current.
        const QJsonObject request = certs.value(me).toObject();
        if (request.value(QLatin1String("sign_pk")).toString() != QString::fromLatin1(keys->signPublic.toBase64())
            || request.value(QLatin1String("role")).toString() != role
            || request.value(QLatin1String("admin")).toBool() != s.user.admin)
            certs.insert(me, certificate(s.user.name, role, s.user.admin, keys->signPublic, now(), {}, nullptr));
    }
    // An administrator certifies the requests of colleagues whose bound slot and user row agree with
    // them. Administrators are certified only when they are made, never from a request.
    if (holds && s.user.admin) {
        for (const QString &name : updated.users()) {
            const QString folded = certName(name);
            const QJsonObject request = certs.value(folded).toObject();
            const auto slot = updated.userSlot(name);
            if (request.isEmpty() || !request.value(QLatin1String("signature")).toString().isEmpty() || !slot
                || slot->version < 2 || slot->admin || request.value(QLatin1String("admin")).toBool()
                || request.value(QLatin1String("role")).toString() != slot->role)
                continue;
            auto row = s.db.prepare("SELECT role, admin FROM users WHERE name = ?");
            row.bind(1, name);
            if (!row.step() || row.text(0) != slot->role || row.int64(1) != 0)
                continue;
            const QByteArray pk = QByteArray::fromBase64(request.value(QLatin1String("sign_pk")).toString().toLatin1());
            certs.insert(folded, certificate(name, slot->role, false, pk, now(), s.user.name, &*keys));
        }
    }
    if (!keys->recoveryPublic.isEmpty()
        && (rewrite || !extra.value(QLatin1String("recovery_keys")).toObject().contains(me)))
        keepUnderRecoveryKey(extra, me, *keys);
    extra.insert(QStringLiteral("certs"), certs);
    updated.setExtra(extra);
    // Keys kept from before (not just made) signed this user's earlier entries: the latest must still
    // verify, or the trail was rewritten under it and this user's next entry would vouch for that.
    // Checked before the keys join the session, so a refused unlock signs nothing (not even its lock).
    if (!payload.empty())
        checkOwnLatestAuditEntry(s, *keys);
    s.keys = std::move(keys);
    s.processKey = processKeyOf(*s.keys);
    return rewrite;
}

bool Vault::migrateSignatures()
{
    VaultState &s = *m_state;
    if (!s.keys || s.keys->signaturesMigrated)
        return false;
    struct Pending
    {
        QString object;
        QString kind;
        QString hash;
    };
    QList<Pending> pending;
    auto collect = [&](const char *sql, const QString &prefix, const QString &kind) {
        auto stmt = s.db.prepare(sql);
        stmt.bind(1, s.user.id);
        while (stmt.step()) {
            const QString object = prefix + QString::number(stmt.int64(0));
            auto has = s.db.prepare("SELECT 1 FROM signatures WHERE object = ?");
            has.bind(1, object);
            if (!has.step())
                pending.append({object, kind, stmt.text(1)});
        }
    };
    collect("SELECT id, content_hash FROM notes WHERE signed_by = ? AND status <> 'draft' AND content_hash IS NOT NULL",
            QStringLiteral("note:"), QStringLiteral("sign"));
    collect("SELECT id, cosign_hash FROM notes WHERE cosigned_by = ? AND cosign_hash IS NOT NULL",
            QStringLiteral("cosign:"), QStringLiteral("cosign"));
    collect("SELECT id, content_hash FROM addenda WHERE author_id = ?", QStringLiteral("addendum:"),
            QStringLiteral("addendum"));
    const QString at = now();
    sql::Transaction tx(s.db);
    for (const Pending &p : std::as_const(pending))
        s.db.prepare("INSERT INTO signatures(object, signer, signature, migrated) VALUES (?, ?, ?, ?)")
            .bind(1, p.object)
            .bind(2, s.user.name)
            .bind(3, s.keys->sign(signedMessage(p.kind, p.hash)))
            .bind(4, at)
            .run();
    if (!pending.isEmpty())
        s.audit(QStringLiteral("signatures-migrated"), QStringLiteral("user:%1").arg(s.user.id),
                QStringLiteral("%1 signatures added over hashes stored before per-user keys").arg(pending.size()));
    tx.commit();
    s.keys->signaturesMigrated = true;
    return true;
}

QList<QString> Vault::removedUsers()
{
    QList<QString> names;
    for (auto stmt = m_state->db.prepare("SELECT name FROM users WHERE removed IS NOT NULL ORDER BY name"); stmt.step();)
        names.append(stmt.text(0));
    return names;
}

QList<model::User> Vault::users()
{
    QList<model::User> list;
    auto stmt = m_state->db.prepare("SELECT id, name, role, created, admin FROM users ORDER BY name");
    while (stmt.step())
        list.append({stmt.int64(0), stmt.text(1), model::parseRole(stmt.text(2)).value_or(model::Role::Auditor),
                     stmt.text(3), stmt.int64(4) != 0});
    return list;
}

} // namespace uc::vault
