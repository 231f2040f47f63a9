// SPDX-License-Identifier: GPL-3.0-or-later
// The unlocked session: its lifetime, the role check, transactions, and the audit trail's append
// and head. Creating and unlocking are in unlock.cpp and unlockkeys.cpp, users in users.cpp,
// re-keying in rekey.cpp, the practice identity in practiceidentity.cpp.
#include "vault/vault.h"

#include "common/logging.h"
#include "vault/audit.h"
#include "vault/auditpin.h"
#include "vault/state.h"
#include "vault/unlock.h"

#include <utility>

namespace uc::vault {

namespace {

// Moves the acting user's pin to their latest signed entry (already committed, so a kill after this
// never leaves a pin ahead of the trail).
void pinOwnAuditEntry(VaultState &s, QJsonObject &extra)
{
    if (!s.keys || s.user.name.isEmpty())
        return;
    if (const auto latest = latestSignedEntry(s.db, s.user.name))
        setAuditPin(extra, s.user.name, signAuditPin(*s.keys, s.user.name, *latest));
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
    , m_treatmentEvents(*this, *m_state)
    , m_useDays(*this, *m_state)
    , m_plans(*this, *m_state)
    , m_countertransference(*this, *m_state)
    , m_ctShares(*this, *m_state)
    , m_practiceIdentity(*this, *m_state)
    , m_practiceCosigns(*this, *m_state)
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

} // namespace uc::vault
