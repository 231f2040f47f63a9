// SPDX-License-Identifier: GPL-3.0-or-later
// The vault's users: the list, adding one, and changing one's own passphrase (removing one and
// re-keying are in rekey.cpp).
#include "vault/vault.h"

#include "vault/state.h"
#include "vault/unlock.h"

#include <utility>

namespace uc::vault {

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
    if (!keys.recoveryPublic.isEmpty())
        keepUnderRecoveryKey(extra, certName(clean), keys);
    KeySlots updated = s.slots;
    updated.setExtra(extra);
    updated.setUser(clean, model::toString(role), admin, passphrase, s.dataKey, cost, &payload);
    saveSlots(std::move(updated));
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
