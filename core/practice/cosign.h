// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/secret.h"
#include "model/types.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace uc::vault {
class Vault;
}

// Co-signing through the practice server (docs/practice.md, "Co-signing through the server"): the
// assigned supervisor co-signs a note they received (`practice cosign ITEM`), an append-only event
// signed by them; the author's `sync` pulls it, verifies it and keeps it sealed in the member folder,
// where `note show` finds it. Errors as in practice.h; Damaged (4) for an event that does not verify,
// with nothing written locally.
namespace uc::practice {

class Connection;
struct Certified;
struct Membership;
struct Revoked;

// A co-signature of one of this member's notes by a practice colleague, verified.
struct PracticeCosign
{
    qint64 seq = 0; // the server's number of the event
    QString item; // the note's practice-wide id
    model::Id note = 0; // the local note (on the author's machine)
    QString by; // the co-signer's member id
    QString at; // when they co-signed, as they signed it
    QString contentHash; // the note's signed content hash, as they co-signed it
};

// `practice cosign ITEM`, on the supervisor's machine: co-signs a note received from a therapist the
// administrator assigned them to (the assignment signed and not revoked). NotAllowed (5) for anyone
// else, Io (2) for an item not received here, Conflict (6) for a note that is not signed or is
// co-signed already. Returns the event as stored (note 0: the note is not in this vault).
PracticeCosign cosign(vault::Vault &vault, const QString &item);

// The supervisors who may co-sign therapist's notes, each with the last sequence number their right
// covers (the newest possible for a live assignment; the revocation's items_before for a revoked
// one or a removed supervisor). revoked must be the verified revocations (verifiedRevocations).
[[nodiscard]] QHash<QString, qint64> cosignersOf(Connection &connection, const Membership &membership,
                                                 const Certified &certified, const Revoked &revoked,
                                                 const QString &therapist);

// For sync, on the author's machine: the co-signatures of this member's notes not kept here yet,
// each verified (signed by a certified supervisor, within their assignment, over the local signed
// note's content hash). Error(Damaged) for any that does not hold; nothing is written.
[[nodiscard]] QList<PracticeCosign> newCosigns(vault::Vault &vault, Connection &connection,
                                               const Membership &membership, const Certified &certified,
                                               const Revoked &revoked, const SecretBuffer &pseudonymKey);
// Adds them to the kept co-signatures (sealed, cosigns.sealed).
void keepCosigns(const vault::Vault &vault, const QList<PracticeCosign> &cosigns);
// The practice co-signature kept for a local note; nothing when there is none or this vault is not a
// practice member.
[[nodiscard]] std::optional<PracticeCosign> practiceCosignOf(const vault::Vault &vault, model::Id note);

} // namespace uc::practice
