// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/secret.h"
#include "model/types.h"

#include <QHash>
#include <QList>
#include <QString>

namespace uc::vault {
class Vault;
}

// A supervisor's events through the practice server (docs/practice.md, "Co-signing, comments and
// returns through the server"): the assigned supervisor co-signs, comments on or returns a note they
// received (`practice cosign|comment|return ITEM`), an append-only event signed by them, a comment's
// or return's words encrypted under the client's content key; the author's `sync` pulls them,
// verifies them and keeps them sealed in the member folder, where `note show` finds them. Errors as
// in practice.h; Damaged (4) for an event that does not verify, with nothing written locally.
namespace uc::practice {

class Connection;
struct Certified;
struct Membership;
struct Revoked;

// An event on one of this member's notes by a practice colleague, verified (or, returned by the
// commands, as stored: note 0, the note is not in this vault).
struct PracticeEvent
{
    qint64 seq = 0; // the server's number of the event
    QString item; // the note's practice-wide id
    model::Id note = 0; // the local note (on the author's machine)
    QString by; // the supervisor's member id
    QString kind; // "cosign", "comment" or "return"
    QString at; // when, as they signed it
    QString contentHash; // the note's signed content hash, as they signed it
    QString text; // a comment's or return's words (empty for a co-signature)
    QString signature; // hex: what tells a replayed copy apart from another event
};

// On the supervisor's machine, for a note received from a therapist the administrator assigned them
// to (the assignment signed and not revoked): NotAllowed (5) for anyone else, Io (2) for an item not
// received here (and for empty or too long words), Conflict (6) for a note that is not signed, and
// for a co-signature, one co-signed already.
PracticeEvent cosign(vault::Vault &vault, const QString &item);
PracticeEvent comment(vault::Vault &vault, const QString &item, const QString &text, bool returned);

// The supervisors whose events on therapist's notes count, each with the last sequence number their
// right covers (the newest possible for a live assignment; the revocation's items_before for a
// revoked one or a removed supervisor). revoked must be the verified revocations.
[[nodiscard]] QHash<QString, qint64> cosignersOf(Connection &connection, const Membership &membership,
                                                 const Certified &certified, const Revoked &revoked,
                                                 const QString &therapist);

// For sync, on the author's machine: the events on this member's notes not kept here yet, each
// verified (signed by a certified supervisor, within their assignment, over the local signed note's
// content hash; words that decrypt with the client's key). Error(Damaged) for any that does not
// hold; nothing is written. A replayed copy of one kept already is not applied again.
[[nodiscard]] QList<PracticeEvent> newEvents(vault::Vault &vault, Connection &connection, const Membership &membership,
                                             const Certified &certified, const Revoked &revoked,
                                             const SecretBuffer &pseudonymKey);
// Adds them to the kept events (sealed, events.sealed).
void keepEvents(const vault::Vault &vault, const QList<PracticeEvent> &events);
// For sync, before keepEvents: the co-signatures among events, and those kept by a sync before the
// vault recorded them (schema v26), recorded in the vault in one transaction (vault/practicecosigns.h)
// with the supervisor's certificate and the pinned administrator key, so `note verify` checks them
// offline. A kept one whose supervisor's certificate is no longer on the roster, or whose signature
// their key certified now does not verify, stays in the member folder only. Returns how many the
// vault recorded.
int recordCosigns(vault::Vault &vault, const Membership &membership, const Certified &certified,
                  const QList<PracticeEvent> &events);
// On the supervisor's machine: the co-signatures, comments and returns they wrote here and the
// server took (kept sealed, sent.sealed, by cosign and comment), in the order written; none when
// this vault is not a member. Error(Damaged) when the file was edited. What they wrote before this
// was kept, or on another machine, is not in it (the server's refusal of a second co-signature is).
[[nodiscard]] QList<PracticeEvent> sentEvents(const vault::Vault &vault);
// The events kept on this member's notes, in the server's order; none when this vault is not a
// member. Error(Damaged) when the kept file was edited or swapped.
[[nodiscard]] QList<PracticeEvent> practiceEvents(const vault::Vault &vault);
// The events kept for a local note, in the server's order; none when this vault is not a member.
[[nodiscard]] QList<PracticeEvent> practiceEventsOf(const vault::Vault &vault, model::Id note);

} // namespace uc::practice
