// SPDX-License-Identifier: GPL-3.0-or-later
// The unlocking user's signing keys: opened from their slot (or made, in a vault from before
// per-user keys), checked against their certificate and their own latest signed audit entry, an
// administrator's certification of colleagues' requests, and the signatures of hashes stored before
// per-user keys.
#include "vault/unlock.h"

#include "vault/audit.h"
#include "vault/auditpin.h"
#include "vault/processtext.h"
#include "vault/state.h"
#include "vault/vault.h"

#include <utility>

namespace uc::vault {

namespace {

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

} // namespace

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
        // Still waiting for an administrator: keep the request current. Its key is what colleagues check
        // this user's signatures and pin against until then, and what an administrator certifies: one
        // that names another key than the one in the slot was replaced, never by this user (whose key
        // is made once), so the unlock refuses rather than quietly put it back.
        const QJsonObject request = certs.value(me).toObject();
        const QString ownKey = QString::fromLatin1(keys->signPublic.toBase64());
        if (!payload.empty() && !request.isEmpty() && request.value(QLatin1String("sign_pk")).toString() != ownKey)
            damagedAtUnlock(QStringLiteral("your key request in keyslots.json names another signing key than yours (it "
                                           "was replaced, so signatures in your name could be forged)"));
        if (request.value(QLatin1String("sign_pk")).toString() != ownKey
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

} // namespace uc::vault
