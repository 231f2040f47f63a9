// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/secret.h"
#include "vault/service.h"

#include <QByteArray>

namespace uc::vault {

// What a practice signature covers before its message (PracticeIdentity::sign).
inline constexpr char practiceSignatureDomain[] = "undercurrent-practice-v1\n";
// Whether signature is key's Ed25519 signature, under practiceSignatureDomain, over message.
[[nodiscard]] bool verifyPracticeSignature(const QByteArray &key, const QByteArray &message, const QByteArray &signature);

// The signed-in user's identity on the practice server (core/practice, docs/practice.md): their
// certified public key, signatures under the practice's own domain, the secret their practice files
// are kept under, and opening what was sealed to them. The secret key never leaves core/vault.
class PracticeIdentity : public Service
{
public:
    using Service::Service;

    // The current user's certified Ed25519 public key; empty while they have none certified.
    [[nodiscard]] QByteArray signingPublicKey() const;
    // The current user's detached Ed25519 signature (64 bytes) over practiceSignatureDomain followed
    // by message: under that domain it can never stand for a note's or an audit entry's signature.
    // Error(Conflict) while the user has no certified key.
    [[nodiscard]] QByteArray sign(const QByteArray &message) const;
    // A 32-byte secret derived from the user's signing seed (context "ucprac01") for the practice
    // client's files (the passphrase of its TLS keys): only this user's unlock, or the recovery key,
    // gives it. Error(Conflict) while the user has no certified key.
    [[nodiscard]] SecretBuffer fileSecret() const;
    // Opens a sealed box (crypto_box_seal) made to the current user's certified key converted to
    // X25519 (a practice content key's wrap). Empty when it does not open with this user's key;
    // Error(Conflict) while the user has no certified key.
    [[nodiscard]] SecretBuffer openSealed(const QByteArray &sealed) const;
};

} // namespace uc::vault
