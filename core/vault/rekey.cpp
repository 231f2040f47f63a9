// SPDX-License-Identifier: GPL-3.0-or-later
// Re-keying the data key and removing a user (docs/security.md, "Re-keying").
#include "vault/vault.h"

#include "common/logging.h"
#include "vault/audit.h"
#include "vault/state.h"
#include "vault/userkeys.h"

#include <QJsonObject>
#include <QStringList>

namespace uc::vault {

std::function<void(int)> &Vault::rekeyStepObserver()
{
    static std::function<void(int)> observer;
    return observer;
}

SecretBuffer Vault::stageNewKey(KeySlots &updated, const QString &what)
{
    // The rekeying user knows only their own passphrase: the new key reaches everyone else through
    // their certified public key, and the recovery slot through the recovery key's public key.
    VaultState &s = *m_state;
    const QByteArray recoveryPublic = s.keys ? s.keys->recoveryPublic : QByteArray();
    if (recoveryPublic.isEmpty())
        throw Error(ErrorKind::Conflict, what,
                    QStringLiteral("your keys do not know the recovery key yet: recover once with it, then re-key; "
                                   "nothing was changed"));
    const QJsonObject certs = updated.extra().value(QLatin1String("certs")).toObject();
    QStringList waiting;
    QList<std::pair<QString, QByteArray>> boxes;
    for (const QString &name : updated.users()) {
        const auto cert = certifiedKey(certs, s.trustRoot(), name);
        const QByteArray box = cert ? boxPublicOfSigningKey(cert->signPublic) : QByteArray();
        if (box.isEmpty())
            waiting.append(name);
        else
            boxes.append({name, box});
    }
    if (!waiting.isEmpty())
        throw Error(ErrorKind::Conflict, what,
                    QStringLiteral("%1 has no certified key to receive the new key (each must unlock once, and an "
                                   "administrator after them); nothing was changed")
                        .arg(waiting.join(QStringLiteral(", "))));
    SecretBuffer newKey = SecretBuffer::random(32);
    for (const auto &[name, box] : std::as_const(boxes))
        updated.setPendingKey(name, sealDataKey(box, newKey, pendingLabel(name)));
    updated.setPendingKey({}, sealDataKey(recoveryPublic, newKey, recoveryLabel()));
    return newKey;
}

void Vault::applyRekey(KeySlots staged, SecretBuffer newKey)
{
    VaultState &s = *m_state;
    const auto finished = [](int step) {
        if (rekeyStepObserver())
            rekeyStepObserver()(step);
    };
    // 1. keyslots.json with the new key waiting in every slot, still sealed under the old key. From
    //    here a kill leaves slots that give the old key and the new one: unlock opens notes.db with
    //    whichever fits and finishes what is left.
    writeAuditHead(std::move(staged), true);
    finished(1);
    // 2. notes.db re-encrypted, in one transaction, the log emptied before and after.
    s.db.checkpoint();
    s.db.rekey(newKey);
    s.db.checkpoint();
    finished(2);
    // 3. keyslots.json's MAC and the audit head under the new key. The old key now opens nothing.
    s.dataKey = std::move(newKey);
    KeySlots sealed = s.slots;
    QJsonObject extra = sealed.extra();
    extra.insert(QStringLiteral("audit_head"), sealAuditHead(currentAuditHead(s.db), s.dataKey));
    sealed.setExtra(extra);
    saveSlots(std::move(sealed));
    finished(3);
    qCInfo(ucVault) << "re-keyed the vault";
}

void Vault::rekey()
{
    VaultState &s = *m_state;
    const QString what = QStringLiteral("re-key the vault");
    if (!s.user.admin)
        throw Error(ErrorKind::NotAllowed, what, QStringLiteral("only a practice administrator re-keys the vault"));
    KeySlots updated = s.slots;
    SecretBuffer newKey = stageNewKey(updated, what);
    s.recordEvent(QStringLiteral("vault-rekey"), QStringLiteral("vault"),
                  QStringLiteral("%1 user slots and the recovery slot take the new key at their next unlock")
                      .arg(updated.users().size()));
    applyRekey(std::move(updated), std::move(newKey));
}

void Vault::removeUser(const QString &name)
{
    VaultState &s = *m_state;
    const QString what = QStringLiteral("remove user");
    if (!s.user.admin)
        throw Error(ErrorKind::NotAllowed, what, QStringLiteral("only a practice administrator removes users"));
    const QString clean = name.trimmed();
    struct Row
    {
        std::int64_t id = 0;
        QString name;
        bool admin = false;
        bool removed = false;
    };
    std::optional<Row> row;
    for (auto stmt = s.db.prepare("SELECT id, name, admin, removed IS NOT NULL FROM users"); stmt.step();)
        if (certName(stmt.text(1)) == certName(clean))
            row = Row{stmt.int64(0), stmt.text(1), stmt.int64(2) != 0, stmt.int64(3) != 0};
    if (!row || clean.isEmpty())
        throw Error(ErrorKind::Io, what, QStringLiteral("there is no user with that name"));
    if (row->id == s.user.id)
        throw Error(ErrorKind::Conflict, what, QStringLiteral("you cannot remove yourself; another administrator can"));
    auto admins = s.db.prepare("SELECT count(*) FROM users WHERE admin = 1 AND removed IS NULL AND id <> ?");
    admins.bind(1, row->id);
    if (row->admin && (!admins.step() || admins.int64(0) == 0))
        throw Error(ErrorKind::Conflict, what, QStringLiteral("the last administrator cannot be removed"));
    // A removal cut short after its row was marked still has a slot: running it again finishes it.
    if (row->removed && !s.slots.hasUser(row->name))
        throw Error(ErrorKind::Conflict, what, QStringLiteral("%1 was already removed").arg(row->name));

    // Their certificate stays (their signatures were valid when made and still verify), marked
    // revoked; their key sealed to the recovery key goes with their slot.
    KeySlots updated = s.slots;
    updated.removeUser(row->name);
    QJsonObject extra = updated.extra();
    QJsonObject revoked = extra.value(QLatin1String("revoked")).toObject();
    revoked.insert(certName(row->name), QJsonObject{{QStringLiteral("at"), now()}, {QStringLiteral("by"), s.user.name}});
    extra.insert(QStringLiteral("revoked"), revoked);
    QJsonObject recoveryKeys = extra.value(QLatin1String("recovery_keys")).toObject();
    recoveryKeys.remove(certName(row->name));
    extra.insert(QStringLiteral("recovery_keys"), recoveryKeys);
    updated.setExtra(extra);
    SecretBuffer newKey = stageNewKey(updated, what);
    {
        sql::Transaction tx(s.db);
        const QString object = QStringLiteral("user:%1").arg(row->id);
        if (!row->removed) {
            s.db.prepare("UPDATE users SET removed = ? WHERE id = ?").bind(1, now()).bind(2, row->id).run();
            s.audit(QStringLiteral("user-remove"), object, QStringLiteral("slot deleted, certificate revoked"));
        }
        s.audit(QStringLiteral("vault-rekey"), QStringLiteral("vault"),
                QStringLiteral("on removing %1; %2 user slots and the recovery slot take the new key at their next unlock")
                    .arg(object)
                    .arg(updated.users().size()));
        tx.commit();
    }
    applyRekey(std::move(updated), std::move(newKey));
}

} // namespace uc::vault
