// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "common/secret.h"
#include "common/versions.h"
#include "model/permissions.h"
#include "model/types.h"
#include "vault/agreement.h"
#include "vault/audit.h"
#include "vault/audittrail.h"
#include "vault/backup.h"
#include "vault/clients.h"
#include "vault/histories.h"
#include "vault/keyslots.h"
#include "vault/measures.h"
#include "vault/notes.h"
#include "vault/plans.h"
#include "vault/practicecosigns.h"
#include "vault/practiceidentity.h"
#include "vault/records.h"
#include "vault/risk.h"
#include "vault/safetyplans.h"
#include "vault/countertransference.h"
#include "vault/ctshares.h"
#include "vault/episodes.h"
#include "vault/treatmentevents.h"
#include "vault/usedays.h"
#include "vault/search.h"
#include "vault/supervision.h"
#include "vault/tagging.h"

#include <QList>
#include <QString>

#include <functional>
#include <memory>

// The vault: one folder holding notes.db (SQLCipher, keyed with a random 256-bit data key) and
// keyslots.json (the data key wrapped per user and by the recovery key). This header is the door
// every caller (CLI, GUI, tests) uses for the clinical record: the Vault is the unlocked session
// (who is working, what their role allows, transactions, the audit trail's append), and each
// domain is a service reached through it, as in vault.notes().sign(id). Only core/vault speaks
// SQL; the rest of the program gets values.
namespace uc::vault {

class Vault
{
public:
    static constexpr auto databaseName = "notes.db";
    static constexpr auto lockName = ".lock";

    struct Created;

    // A new vault in dir (created if missing; must be empty). The first user is a therapist
    // unless role says otherwise. The recovery key is returned once and stored nowhere.
    static Created create(const QString &dir, const QString &user, const SecretBuffer &passphrase,
                          model::Role role = model::Role::Therapist, KdfCost cost = KdfCost::moderate());
    // Unlocks with a user's passphrase. Error(Auth) for a wrong passphrase or unknown user,
    // Error(Damaged) for a folder that is not a vault or a damaged file, Error(Conflict) when
    // another process has the vault open.
    static std::unique_ptr<Vault> open(const QString &dir, const QString &user, const SecretBuffer &passphrase);
    // Unlocks with the recovery key and sets a new passphrase for an existing user.
    static std::unique_ptr<Vault> recover(const QString &dir, const QString &user, const RecoveryKey &key,
                                          const SecretBuffer &newPassphrase, KdfCost cost = KdfCost::moderate());
    // Unpacks a backup file (Backup::write) into dir (which must be empty or missing), then proves
    // it opens with the given credentials and passes an integrity check; on any failure nothing is
    // left in dir.
    static void restore(const QString &backupFile, const QString &dir, const QString &user,
                        const SecretBuffer &passphrase);

    ~Vault();
    Vault(const Vault &) = delete;
    Vault &operator=(const Vault &) = delete;

    // Closes the database, wipes the data key and releases the folder. Idempotent.
    void lock() noexcept;
    [[nodiscard]] bool isOpen() const noexcept;
    [[nodiscard]] QString dir() const;
    [[nodiscard]] const model::User &currentUser() const;
    // Error(NotAllowed) with a plain sentence ("a supervisor cannot sign notes") when the current
    // user's role may not do this (model/permissions.h). Every service asks before it acts.
    void require(model::Action action) const;

    // ---- users and keys
    void changePassphrase(const SecretBuffer &newPassphrase, KdfCost cost = KdfCost::moderate());
    // Only the administrator adds supervisors, auditors and administrators (Error(NotAllowed));
    // names are unique case-insensitively and an existing user is never changed (Error(Conflict)).
    void addUser(const QString &name, model::Role role, const SecretBuffer &passphrase,
                 KdfCost cost = KdfCost::moderate(), bool admin = false);
    // Every user row, removed users too (their names stay on what they wrote).
    [[nodiscard]] QList<model::User> users();
    // The names of removed users (removeUser).
    [[nodiscard]] QList<QString> removedUsers();
    // A new data key (docs/security.md, "Re-keying"): notes.db is re-encrypted, the new key waits in
    // every colleague's slot sealed to their certified key (and to the recovery key) until their next
    // unlock, so a copy of a slot from before stops opening the vault. Administrators only
    // (Error(NotAllowed)); Error(Conflict) while a user has no certified key to seal it to.
    void rekey();
    // Deletes the user's slot, marks their row removed (their name stays on their notes, signatures
    // and audit entries), revokes their certificate and re-keys. Administrators only; never yourself
    // or the last administrator (Error(Conflict)); an unknown name is Error(Io).
    void removeUser(const QString &name);

    // Runs work as one transaction: every write inside lands together or none does (an import,
    // a generated practice). Writes inside are savepoints of it.
    void inOneTransaction(const std::function<void()> &work);
    // Appends an event the vault cannot see itself (a print, a report) to the audit trail for the
    // current user: who, when, what and which object, never note text.
    void recordEvent(const QString &action, const QString &object, const QString &detail = {});

    // ---- the services, one concern each
    [[nodiscard]] Clients &clients() { return m_clients; }
    [[nodiscard]] Notes &notes() { return m_notes; }
    [[nodiscard]] Tagging &tagging() { return m_tagging; }
    [[nodiscard]] Measures &measures() { return m_measures; }
    [[nodiscard]] Supervision &supervision() { return m_supervision; }
    [[nodiscard]] Agreement &agreement() { return m_agreement; }
    [[nodiscard]] Search &search() { return m_search; }
    [[nodiscard]] Histories &histories() { return m_histories; }
    [[nodiscard]] ClientRecords &records() { return m_records; }
    [[nodiscard]] AuditTrail &auditTrail() { return m_auditTrail; }
    [[nodiscard]] Backup &backup() { return m_backup; }
    [[nodiscard]] Risk &risk() { return m_risk; }
    [[nodiscard]] SafetyPlans &safetyPlans() { return m_safetyPlans; }
    [[nodiscard]] Episodes &episodes() { return m_episodes; }
    [[nodiscard]] TreatmentEvents &treatmentEvents() { return m_treatmentEvents; }
    [[nodiscard]] UseDays &useDays() { return m_useDays; }
    [[nodiscard]] Plans &plans() { return m_plans; }
    [[nodiscard]] Countertransference &countertransference() { return m_countertransference; }
    // Entries of it shared with one's own supervisor, sealed to them and signed (ctshares.h).
    [[nodiscard]] CtShares &ctShares() { return m_ctShares; }
    // The user's identity on the practice server (practiceidentity.h; core/practice).
    [[nodiscard]] const PracticeIdentity &practiceIdentity() const { return m_practiceIdentity; }
    // Co-signatures made on the practice server, kept and verified here (practicecosigns.h).
    [[nodiscard]] PracticeCosigns &practiceCosigns() { return m_practiceCosigns; }

private:
    friend struct VaultTestAccess; // vault/testaccess.h: raw SQL for tests only
    explicit Vault(std::unique_ptr<VaultState> state);
    // What a slot gives at unlock: the data key it wraps, and a re-key's new key waiting beside it.
    struct UnwrappedKeys
    {
        SecretBuffer current;
        SecretBuffer pending;
    };
    // restoring: a restore resets this machine's rollback record instead of checking against it.
    static std::unique_ptr<Vault> unlock(const QString &dir, const QString &user,
                                         const std::function<UnwrappedKeys(const KeySlots &)> &unwrap, bool restoring);
    // Re-keying (rekey.cpp): seals a new key to every slot of updated, or refuses before any write;
    // then the three ordered writes. The observer (tests only) sees each finished step: 1, 2, 3.
    [[nodiscard]] SecretBuffer stageNewKey(KeySlots &updated, const QString &what);
    void applyRekey(KeySlots staged, SecretBuffer newKey);
    static std::function<void(int)> &rekeyStepObserver();
    static std::unique_ptr<Vault> openAs(const QString &dir, const QString &user, const SecretBuffer &passphrase,
                                         bool restoring);
    void loadUser(const QString &name);
    // Opens (or, in a vault from before per-user keys, makes) the user's signing keys, checks their
    // certificate against the root pinned in their slot, and, for an administrator, certifies the
    // keys colleagues made at their first unlock. True when the user's slot must be rewritten.
    bool establishKeys(KeySlots &updated, SecretBuffer payload, bool recovering);
    // Signs, once per user, the hashes they stored before per-user keys. True when it ran.
    bool migrateSignatures();
    // Seals the trail's head into updated and writes it (when mustSave, even if the head cannot move).
    void writeAuditHead(KeySlots updated, bool mustSave);
    void saveSlots(KeySlots updated);
    void recordUnlock(const QString &action, KeySlots updated);
    static void noteFailedUnlock(const QString &dir, const QString &user) noexcept;

    std::unique_ptr<VaultState> m_state;
    Clients m_clients;
    Notes m_notes;
    Tagging m_tagging;
    Measures m_measures;
    Supervision m_supervision;
    Agreement m_agreement;
    Search m_search;
    Histories m_histories;
    ClientRecords m_records;
    AuditTrail m_auditTrail;
    Backup m_backup;
    Risk m_risk;
    SafetyPlans m_safetyPlans;
    Episodes m_episodes;
    TreatmentEvents m_treatmentEvents;
    UseDays m_useDays;
    Plans m_plans;
    Countertransference m_countertransference;
    CtShares m_ctShares;
    PracticeIdentity m_practiceIdentity;
    PracticeCosigns m_practiceCosigns;
};

struct Vault::Created
{
    std::unique_ptr<Vault> vault;
    RecoveryKey recoveryKey;
};

// The storage library actually linked, read at run time: "SQLCipher", "4.6.1 community (SQLite
// 3.46.1)" (for the version report, common/versions.h).
[[nodiscard]] LibraryVersion storageLibrary();

} // namespace uc::vault
