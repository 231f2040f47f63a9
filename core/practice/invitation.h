// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/secret.h"
#include "model/types.h"
#include "vault/practiceidentity.h"

#include <QByteArray>
#include <QString>

// An invitation code (docs/practice.md, "Joining"): what a new member needs to join, signed by the
// practice administrator. It pins the administrator's Ed25519 key and the practice CA's fingerprint
// and carries the CA, the member's pseudonymous id and role, their client certificate and key, and
// a one-time token (the member proves with it that the key they register is theirs). It is a
// secret: it is handed over in person or on a channel the two trust, never by the server.
namespace uc::practice {

struct Invitation
{
    QString practiceId;
    QString memberId;
    QString dbRole;
    QString name; // the invitee's name, for the administrator's own records; never sent to the server
    model::Role role = model::Role::Therapist;
    QByteArray adminKey; // Ed25519 public key
    QByteArray caFingerprint; // SHA-256 of the CA's DER form
    QByteArray caPem;
    QByteArray certificatePem;
    QByteArray keyPem; // the client key, unencrypted PEM
    QByteArray token; // 32 random bytes
    QByteArray pseudonymKey; // the practice's client-pseudonym key (32 bytes), never sent to the server
    QByteArray signature; // the administrator's, under the practice domain, over signedPart()

    // What the administrator signs: every field above but the signature, in a fixed order.
    [[nodiscard]] QByteArray signedPart() const;
    [[nodiscard]] QString encode() const;
    // Error(Usage) for text that is not an invitation code; Error(Damaged) when it is one whose
    // signature does not verify with the key it pins, or whose CA does not have the pinned
    // fingerprint (an edited code).
    [[nodiscard]] static Invitation decode(const QString &code);
};

// What proves, to the administrator, that the key a member registered is the one the invitee
// holds: a keyed BLAKE2b MAC (crypto_auth) of the member id and key under the one-time token,
// which the server never sees.
[[nodiscard]] QByteArray joinProof(const QByteArray &token, const QString &memberId, const QByteArray &signPublic);

// Whether signature is key's, under the practice domain, over message (one check, in core/vault,
// which also verifies practice co-signatures kept in the vault).
using vault::verifyPracticeSignature;

} // namespace uc::practice
