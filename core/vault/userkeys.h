// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/secret.h"
#include "vault/keyslots.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

// Each user's Ed25519 signing key and the certificates that tie a public key to a name, a role and
// the administrator flag (docs/security.md, "Per-user keys"). The secret key lives only inside its
// user's key slot (under their passphrase) and sealed to the recovery key; the certificates live in
// keyslots.json, where their place proves nothing and their signatures everything. Private to
// core/vault.
namespace uc::vault {

struct UserKeys
{
    SecretBuffer signSecret;   // Ed25519 secret key, 64 bytes
    QByteArray signPublic;     // 32 bytes
    QByteArray rootPublic;     // the first administrator's public key, pinned when the slot was made
    QByteArray recoveryPublic; // X25519 key of the recovery key (empty in vaults older than the keys)
    bool certified = false;    // the user's certificate was seen valid: from now on it must stay so
    bool signaturesMigrated = false; // older SHA-256-only signatures already got this user's signature
    bool auditSigned = false; // this user has signed audit entries: from now on one must stay in the trail
    bool auditPinned = false; // this user's audit pin (auditpin.h) is kept in keyslots.json: from now on it must be

    [[nodiscard]] static UserKeys generate(const QByteArray &rootPublic, const QByteArray &recoveryPublic);
    // The slot's second sealed payload; fromPayload returns nothing for a malformed one.
    [[nodiscard]] SecretBuffer payload() const;
    [[nodiscard]] static std::optional<UserKeys> fromPayload(const SecretBuffer &payload);
    // Detached Ed25519 signature, base64.
    [[nodiscard]] QString sign(const QByteArray &message) const;
};

[[nodiscard]] bool verifyDetached(const QByteArray &publicKey, const QByteArray &message, const QString &signature);

// The recovery key's X25519 public key (derived from its 160 bits), and sealing to it.
[[nodiscard]] QByteArray recoveryPublicKey(const RecoveryKey &key);
[[nodiscard]] QString sealToRecovery(const QByteArray &recoveryPublic, const SecretBuffer &payload);
// Empty when the blob does not open with this key.
[[nodiscard]] SecretBuffer openWithRecovery(const RecoveryKey &key, const QString &sealed);

// A re-key's new data key on its way to one slot (docs/security.md, "Re-keying"): sealed
// (crypto_box_seal) to a user's certified Ed25519 key converted to X25519, or to the recovery key's
// X25519 key, with the slot's label inside so it opens for that slot only. Empty when the public
// key does not convert; the openers return an empty buffer for anything that does not open.
[[nodiscard]] QByteArray boxPublicOfSigningKey(const QByteArray &signPublic);
[[nodiscard]] QByteArray sealDataKey(const QByteArray &boxPublic, const SecretBuffer &dataKey, const QString &label);
[[nodiscard]] SecretBuffer openDataKey(const UserKeys &keys, const QByteArray &sealed, const QString &label);
[[nodiscard]] SecretBuffer openDataKeyWithRecovery(const RecoveryKey &key, const QByteArray &sealed);
// A value sealed (crypto_box_seal) to a user's certified Ed25519 key converted to X25519, and one
// opened with one's own: countertransference entries shared with a supervisor (ctshares.h), whose
// sealed text names its share, so a value moved to another row is refused by its reader. Empty when
// the public key does not convert, or when the value does not open with these keys.
[[nodiscard]] QByteArray sealToUser(const QByteArray &boxPublic, const QByteArray &plain);
[[nodiscard]] SecretBuffer openSealedToMe(const UserKeys &keys, const QByteArray &sealed);
// The label a user's pending key is bound to; the recovery slot's is recoveryLabel().
[[nodiscard]] QString pendingLabel(const QString &user);
[[nodiscard]] QString recoveryLabel();

// What a signature covers: a domain label and the stored SHA-256 hash (which covers the content).
[[nodiscard]] QByteArray signedMessage(const QString &kind, const QString &hash);

// Certificates, keyed by case-folded user name: {user, role, admin, sign_pk, created, issuer,
// signature}. A request (a key made at a user's first unlock after the upgrade) has no issuer and
// no signature until an administrator certifies it.
[[nodiscard]] QString certName(const QString &user);
[[nodiscard]] QJsonObject certificate(const QString &user, const QString &role, bool admin, const QByteArray &signPublic,
                                      const QString &created, const QString &issuer, const UserKeys *issuerKeys);
// The certified public key of user, its chain checked up to root: every issuer is an administrator
// whose own certificate chains, and the root's is self-signed with the pinned key. Nothing for a
// missing, unsigned or broken certificate.
struct Certified
{
    QByteArray signPublic;
    QString role;
    bool admin = false;
};
[[nodiscard]] std::optional<Certified> certifiedKey(const QJsonObject &certs, const QByteArray &root, const QString &user);
// The public key of the self-signed administrator certificate, if one holds (trust on first use).
[[nodiscard]] QByteArray selfSignedRoot(const QJsonObject &certs);

} // namespace uc::vault
