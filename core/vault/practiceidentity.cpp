// SPDX-License-Identifier: GPL-3.0-or-later
// The current user's identity on the practice server (docs/practice.md): their certified public
// key, signatures under the practice's own domain, and the secret their practice files are kept
// under. The secret key never leaves core/vault.
#include "vault/practiceidentity.h"

#include "common/error.h"
#include "vault/state.h"
#include "vault/userkeys.h"

#include <sodium.h>

using namespace Qt::StringLiterals;

namespace uc::vault {

bool verifyPracticeSignature(const QByteArray &key, const QByteArray &message, const QByteArray &signature)
{
    if (key.size() != crypto_sign_PUBLICKEYBYTES || signature.size() != crypto_sign_BYTES)
        return false;
    const QByteArray full = QByteArray(practiceSignatureDomain) + message;
    return crypto_sign_verify_detached(reinterpret_cast<const unsigned char *>(signature.constData()),
                                       reinterpret_cast<const unsigned char *>(full.constData()),
                                       static_cast<unsigned long long>(full.size()),
                                       reinterpret_cast<const unsigned char *>(key.constData()))
        == 0;
}

namespace {

const UserKeys &certifiedKeys(const VaultState &s)
{
    if (!s.keys || !s.keys->certified || s.keys->signSecret.size() < crypto_sign_SECRETKEYBYTES)
        throw Error(ErrorKind::Conflict, u"practice"_s,
                    u"your signing key is not certified in this vault yet (the administrator's next unlock "
                    "certifies it)"_s);
    return *s.keys;
}

} // namespace

QByteArray PracticeIdentity::signingPublicKey() const
{
    if (!m_state.keys || !m_state.keys->certified)
        return {};
    return m_state.keys->signPublic;
}

QByteArray PracticeIdentity::sign(const QByteArray &message) const
{
    const UserKeys &keys = certifiedKeys(m_state);
    const QByteArray signedBytes = QByteArray(practiceSignatureDomain) + message;
    QByteArray signature(crypto_sign_BYTES, Qt::Uninitialized);
    crypto_sign_detached(reinterpret_cast<unsigned char *>(signature.data()), nullptr,
                         reinterpret_cast<const unsigned char *>(signedBytes.constData()),
                         static_cast<unsigned long long>(signedBytes.size()), keys.signSecret.data());
    return signature;
}

SecretBuffer PracticeIdentity::fileSecret() const
{
    const UserKeys &keys = certifiedKeys(m_state);
    static_assert(crypto_kdf_KEYBYTES == crypto_sign_SEEDBYTES);
    SecretBuffer key(32);
    crypto_kdf_derive_from_key(key.data(), key.size(), 1, "ucprac01", keys.signSecret.data());
    return key;
}

SecretBuffer PracticeIdentity::openSealed(const QByteArray &sealed) const
{
    const UserKeys &keys = certifiedKeys(m_state);
    if (sealed.size() < static_cast<qsizetype>(crypto_box_SEALBYTES))
        return {};
    unsigned char boxPublic[crypto_box_PUBLICKEYBYTES];
    SecretBuffer boxSecret(crypto_box_SECRETKEYBYTES);
    if (crypto_sign_ed25519_pk_to_curve25519(boxPublic, reinterpret_cast<const unsigned char *>(keys.signPublic.constData())) != 0
        || crypto_sign_ed25519_sk_to_curve25519(boxSecret.data(), keys.signSecret.data()) != 0)
        return {};
    SecretBuffer plain(static_cast<std::size_t>(sealed.size()) - crypto_box_SEALBYTES);
    if (crypto_box_seal_open(plain.data(), reinterpret_cast<const unsigned char *>(sealed.constData()),
                             static_cast<unsigned long long>(sealed.size()), boxPublic, boxSecret.data())
        != 0)
        return {};
    return plain;
}

} // namespace uc::vault
