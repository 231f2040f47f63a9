// SPDX-License-Identifier: GPL-3.0-or-later
#include "vault/userkeys.h"

#include "common/error.h"

#include <sodium.h>

#include <QJsonDocument>

#include <cstring>

namespace uc::vault {

namespace {

constexpr std::size_t pkBytes = crypto_sign_PUBLICKEYBYTES;
constexpr std::size_t skBytes = crypto_sign_SECRETKEYBYTES;
constexpr std::size_t boxBytes = crypto_box_PUBLICKEYBYTES;
// secret key | root public key | recovery public key (zeros when unknown) | flags
constexpr std::size_t payloadBytes = skBytes + pkBytes + boxBytes + 1;
constexpr unsigned char flagCertified = 1;
constexpr unsigned char flagMigrated = 2;
constexpr unsigned char flagAuditSigned = 4;
constexpr unsigned char flagAuditPinned = 8;
constexpr int maxChain = 8;

const unsigned char *bytes(const QByteArray &b)
{
    return reinterpret_cast<const unsigned char *>(b.constData());
}

// The recovery key's box key pair, from its bits (already 160 random bits: no stretching needed).
void recoveryKeyPair(const RecoveryKey &key, QByteArray &publicKey, SecretBuffer &secretKey)
{
    static constexpr char label[] = "undercurrent recovery box key";
    SecretBuffer seed(crypto_box_SEEDBYTES);
    crypto_generichash(seed.data(), seed.size(), reinterpret_cast<const unsigned char *>(label), sizeof label - 1,
                       key.bytes().data(), key.bytes().size());
    publicKey.resize(boxBytes);
    secretKey = SecretBuffer(crypto_box_SECRETKEYBYTES);
    crypto_box_seed_keypair(reinterpret_cast<unsigned char *>(publicKey.data()), secretKey.data(), seed.data());
}

QByteArray certMessage(QJsonObject cert)
{
    cert.remove(QStringLiteral("signature"));
    return QByteArray("undercurrent-certificate-v1\n") + QJsonDocument(cert).toJson(QJsonDocument::Compact);
}

std::optional<Certified> chain(const QJsonObject &certs, const QByteArray &root, const QString &user, int depth)
{
    if (depth > maxChain || root.size() != static_cast<qsizetype>(pkBytes))
        return std::nullopt;
    const QJsonObject cert = certs.value(certName(user)).toObject();
    const QString issuer = cert.value(QLatin1String("issuer")).toString();
    const QString signature = cert.value(QLatin1String("signature")).toString();
    const QByteArray pk = QByteArray::fromBase64(cert.value(QLatin1String("sign_pk")).toString().toLatin1());
    if (cert.value(QLatin1String("user")).toString() != certName(user) || issuer.isEmpty() || signature.isEmpty()
        || pk.size() != static_cast<qsizetype>(pkBytes))
        return std::nullopt;
    // Signed by the pinned root itself (every certificate the first administrator issued, and the
    // root's own), or by an administrator whose certificate chains: a colleague's broken certificate
    // breaks only the certificates it issued.
    const QByteArray message = certMessage(cert);
    if (!verifyDetached(root, message, signature)) {
        if (issuer == certName(user))
            return std::nullopt;
        const auto up = chain(certs, root, issuer, depth + 1);
        if (!up || !up->admin || !verifyDetached(up->signPublic, message, signature))
            return std::nullopt;
    }
    return Certified{pk, cert.value(QLatin1String("role")).toString(), cert.value(QLatin1String("admin")).toBool()};
}

} // namespace

UserKeys UserKeys::generate(const QByteArray &rootPublic, const QByteArray &recoveryPublic)
{
    ensureSodium();
    UserKeys keys;
    keys.signSecret = SecretBuffer(skBytes);
    keys.signPublic.resize(pkBytes);
    crypto_sign_keypair(reinterpret_cast<unsigned char *>(keys.signPublic.data()), keys.signSecret.data());
    keys.rootPublic = rootPublic;
    keys.recoveryPublic = recoveryPublic;
    return keys;
}

SecretBuffer UserKeys::payload() const
{
    SecretBuffer out(payloadBytes);
    std::memset(out.data(), 0, out.size());
    std::memcpy(out.data(), signSecret.data(), skBytes);
    if (rootPublic.size() == static_cast<qsizetype>(pkBytes))
        std::memcpy(out.data() + skBytes, rootPublic.constData(), pkBytes);
    if (recoveryPublic.size() == static_cast<qsizetype>(boxBytes))
        std::memcpy(out.data() + skBytes + pkBytes, recoveryPublic.constData(), boxBytes);
    out.data()[payloadBytes - 1] = static_cast<unsigned char>((certified ? flagCertified : 0)
                                                              | (signaturesMigrated ? flagMigrated : 0)
                                                              | (auditSigned ? flagAuditSigned : 0)
                                                              | (auditPinned ? flagAuditPinned : 0));
    return out;
}

std::optional<UserKeys> UserKeys::fromPayload(const SecretBuffer &payload)
{
    if (payload.size() != payloadBytes)
        return std::nullopt;
    static const QByteArray zeros(static_cast<qsizetype>(pkBytes), '\0');
    UserKeys keys;
    keys.signSecret = SecretBuffer::copyOf(std::span<const unsigned char>(payload.data(), skBytes));
    keys.signPublic = QByteArray(reinterpret_cast<const char *>(payload.data() + skBytes - pkBytes), pkBytes);
    keys.rootPublic = QByteArray(reinterpret_cast<const char *>(payload.data() + skBytes), pkBytes);
    keys.recoveryPublic = QByteArray(reinterpret_cast<const char *>(payload.data() + skBytes + pkBytes), boxBytes);
    if (keys.rootPublic == zeros)
        keys.rootPublic.clear();
    if (keys.recoveryPublic == zeros)
        keys.recoveryPublic.clear();
    const unsigned char flags = payload.data()[payloadBytes - 1];
    keys.certified = (flags & flagCertified) != 0;
    keys.signaturesMigrated = (flags & flagMigrated) != 0;
    keys.auditSigned = (flags & flagAuditSigned) != 0;
    keys.auditPinned = (flags & flagAuditPinned) != 0;
    return keys;
}

QString UserKeys::sign(const QByteArray &message) const
{
    QByteArray sig(crypto_sign_BYTES, '\0');
    crypto_sign_detached(reinterpret_cast<unsigned char *>(sig.data()), nullptr, bytes(message),
                         static_cast<unsigned long long>(message.size()), signSecret.data());
    return QString::fromLatin1(sig.toBase64());
}

bool verifyDetached(const QByteArray &publicKey, const QByteArray &message, const QString &signature)
{
    ensureSodium();
    const QByteArray sig = QByteArray::fromBase64(signature.toLatin1());
    if (publicKey.size() != static_cast<qsizetype>(pkBytes) || sig.size() != crypto_sign_BYTES)
        return false;
    return crypto_sign_verify_detached(bytes(sig), bytes(message), static_cast<unsigned long long>(message.size()),
                                       bytes(publicKey))
           == 0;
}

QByteArray recoveryPublicKey(const RecoveryKey &key)
{
    ensureSodium();
    QByteArray pk;
    SecretBuffer sk;
    recoveryKeyPair(key, pk, sk);
    return pk;
}

QString sealToRecovery(const QByteArray &recoveryPublic, const SecretBuffer &payload)
{
    ensureSodium();
    QByteArray sealed(static_cast<qsizetype>(payload.size() + crypto_box_SEALBYTES), '\0');
    crypto_box_seal(reinterpret_cast<unsigned char *>(sealed.data()), payload.data(), payload.size(), bytes(recoveryPublic));
    return QString::fromLatin1(sealed.toBase64());
}

SecretBuffer openWithRecovery(const RecoveryKey &key, const QString &sealed)
{
    ensureSodium();
    const QByteArray blob = QByteArray::fromBase64(sealed.toLatin1());
    if (blob.size() <= static_cast<qsizetype>(crypto_box_SEALBYTES))
        return {};
    QByteArray pk;
    SecretBuffer sk;
    recoveryKeyPair(key, pk, sk);
    SecretBuffer out(static_cast<std::size_t>(blob.size()) - crypto_box_SEALBYTES);
    if (crypto_box_seal_open(out.data(), bytes(blob), static_cast<unsigned long long>(blob.size()), bytes(pk), sk.data()) != 0)
        return {};
    return out;
}

namespace {

constexpr std::size_t dataKeyBytes = 32;

SecretBuffer openSealed(const QByteArray &sealed, const QByteArray &boxPublic, const SecretBuffer &boxSecret,
                        const QString &label)
{
    const QByteArray expected = label.toUtf8();
    if (sealed.size() != static_cast<qsizetype>(crypto_box_SEALBYTES + dataKeyBytes) + expected.size()
        || boxPublic.size() != static_cast<qsizetype>(boxBytes))
        return {};
    SecretBuffer opened(static_cast<std::size_t>(sealed.size()) - crypto_box_SEALBYTES);
    if (crypto_box_seal_open(opened.data(), bytes(sealed), static_cast<unsigned long long>(sealed.size()),
                             bytes(boxPublic), boxSecret.data())
            != 0
        || std::memcmp(opened.data() + dataKeyBytes, expected.constData(), static_cast<std::size_t>(expected.size())) != 0)
        return {};
    return SecretBuffer::copyOf(std::span<const unsigned char>(opened.data(), dataKeyBytes));
}

} // namespace

QByteArray boxPublicOfSigningKey(const QByteArray &signPublic)
{
    ensureSodium();
    QByteArray out(static_cast<qsizetype>(boxBytes), '\0');
    if (signPublic.size() != static_cast<qsizetype>(pkBytes)
        || crypto_sign_ed25519_pk_to_curve25519(reinterpret_cast<unsigned char *>(out.data()), bytes(signPublic)) != 0)
        return {};
    return out;
}

QByteArray sealDataKey(const QByteArray &boxPublic, const SecretBuffer &dataKey, const QString &label)
{
    ensureSodium();
    const QByteArray tag = label.toUtf8();
    SecretBuffer plain(dataKey.size() + static_cast<std::size_t>(tag.size()));
    std::memcpy(plain.data(), dataKey.data(), dataKey.size());
    std::memcpy(plain.data() + dataKey.size(), tag.constData(), static_cast<std::size_t>(tag.size()));
    QByteArray sealed(static_cast<qsizetype>(plain.size() + crypto_box_SEALBYTES), '\0');
    if (boxPublic.size() != static_cast<qsizetype>(boxBytes)
        || crypto_box_seal(reinterpret_cast<unsigned char *>(sealed.data()), plain.data(), plain.size(), bytes(boxPublic)) != 0)
        return {};
    return sealed;
}

SecretBuffer openDataKey(const UserKeys &keys, const QByteArray &sealed, const QString &label)
{
    ensureSodium();
    SecretBuffer boxSecret(crypto_box_SECRETKEYBYTES);
    if (keys.signSecret.size() != skBytes || crypto_sign_ed25519_sk_to_curve25519(boxSecret.data(), keys.signSecret.data()) != 0)
        return {};
    return openSealed(sealed, boxPublicOfSigningKey(keys.signPublic), boxSecret, label);
}

QByteArray sealToUser(const QByteArray &boxPublic, const QByteArray &plain)
{
    ensureSodium();
    QByteArray sealed(static_cast<qsizetype>(static_cast<std::size_t>(plain.size()) + crypto_box_SEALBYTES), '\0');
    if (boxPublic.size() != static_cast<qsizetype>(boxBytes)
        || crypto_box_seal(reinterpret_cast<unsigned char *>(sealed.data()), bytes(plain),
                           static_cast<unsigned long long>(plain.size()), bytes(boxPublic))
               != 0)
        return {};
    return sealed;
}

SecretBuffer openSealedToMe(const UserKeys &keys, const QByteArray &sealed)
{
    ensureSodium();
    SecretBuffer boxSecret(crypto_box_SECRETKEYBYTES);
    const QByteArray boxPublic = boxPublicOfSigningKey(keys.signPublic);
    if (keys.signSecret.size() != skBytes || boxPublic.isEmpty()
        || sealed.size() <= static_cast<qsizetype>(crypto_box_SEALBYTES)
        || crypto_sign_ed25519_sk_to_curve25519(boxSecret.data(), keys.signSecret.data()) != 0)
        return {};
    SecretBuffer opened(static_cast<std::size_t>(sealed.size()) - crypto_box_SEALBYTES);
    if (crypto_box_seal_open(opened.data(), bytes(sealed), static_cast<unsigned long long>(sealed.size()),
                             bytes(boxPublic), boxSecret.data())
        != 0)
        return {};
    return opened;
}

SecretBuffer openDataKeyWithRecovery(const RecoveryKey &key, const QByteArray &sealed)
{
    ensureSodium();
    QByteArray pk;
    SecretBuffer sk;
    recoveryKeyPair(key, pk, sk);
    return openSealed(sealed, pk, sk, recoveryLabel());
}

QString pendingLabel(const QString &user)
{
    return QStringLiteral("undercurrent-rekey-v1 user ") + certName(user);
}

QString recoveryLabel()
{
    return QStringLiteral("undercurrent-rekey-v1 recovery");
}

QByteArray signedMessage(const QString &kind, const QString &hash)
{
    return QByteArray("undercurrent-") + kind.toUtf8() + QByteArray("-v1\n") + hash.toUtf8();
}

QString certName(const QString &user)
{
    return user.trimmed().toCaseFolded();
}

QJsonObject certificate(const QString &user, const QString &role, bool admin, const QByteArray &signPublic,
                        const QString &created, const QString &issuer, const UserKeys *issuerKeys)
{
    QJsonObject cert{{QStringLiteral("user"), certName(user)},
                     {QStringLiteral("role"), role},
                     {QStringLiteral("admin"), admin},
                     {QStringLiteral("sign_pk"), QString::fromLatin1(signPublic.toBase64())},
                     {QStringLiteral("created"), created},
                     {QStringLiteral("issuer"), issuerKeys ? certName(issuer) : QString()}};
    cert.insert(QStringLiteral("signature"), issuerKeys ? issuerKeys->sign(certMessage(cert)) : QString());
    return cert;
}

std::optional<Certified> certifiedKey(const QJsonObject &certs, const QByteArray &root, const QString &user)
{
    return chain(certs, root, user, 0);
}

QByteArray selfSignedRoot(const QJsonObject &certs)
{
    for (auto it = certs.begin(); it != certs.end(); ++it) {
        const QJsonObject cert = it.value().toObject();
        if (cert.value(QLatin1String("issuer")).toString() != it.key())
            continue;
        const QByteArray pk = QByteArray::fromBase64(cert.value(QLatin1String("sign_pk")).toString().toLatin1());
        if (chain(certs, pk, it.key(), 0))
            return pk;
    }
    return {};
}

} // namespace uc::vault
