// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/secret.h"
#include "model/types.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace uc::vault {
class Vault;
}

// Content on the practice server (docs/practice.md, "Content and sync"): the administrator's
// signed assignments of supervisors, each client's content key wrapped per reader, and `sync`,
// which pushes the user's signed progress notes (encrypted, signed) and pulls, verified, what
// colleagues pushed for clients whose key it holds. Errors as in practice.h; Damaged (4) for
// anything on the server that does not verify, with nothing written locally.
namespace uc::practice {

struct SyncResult
{
    int pushed = 0;
    int pulled = 0;
    qint64 head = 0; // the highest sequence number this member has seen
    int rotated = 0; // clients whose key got a new version (a reader of it was unassigned or removed)
    int cosigned = 0; // co-signatures of this member's notes received (practice cosign, on the supervisor's machine)
    int comments = 0; // comments and returns of this member's notes received (practice comment|return)
    int answered = 0; // addenda to this member's notes pushed (schema v7; answers.h)
    int addenda = 0; // addenda by their authors received on notes received here (schema v7)
    bool rollbackAccepted = false; // the server showed less than was pinned, and acceptRollback took it
};

// A colleague's signed note, received and verified: kept sealed in the member folder.
struct ReceivedNote
{
    qint64 seq = 0;
    QString item; // practice-wide id
    QString author; // member id
    QString client; // the client's pseudonym
    QString contentHash; // SHA-256 of canonical, as signed
    QString canonical; // the note's canonical signed form (compact JSON)
};

// A note's item id on the server: a keyed BLAKE2b-128 under the pseudonym key of its author's member
// id and the note's practice-wide id — its uuid for a note signed in canonical form 2 (schema v23,
// vault/signing.h), its number in its author's vault for one signed before (no item is renamed). The
// one derivation: push, pull and co-signing call it.
[[nodiscard]] QString noteItemId(const SecretBuffer &pseudonymKey, const QString &memberId, int form, const QString &uuid,
                                 qint64 number);

// This member's signed progress notes in this vault (the ones sync pushes): item id and note, by
// client and in each client's order.
[[nodiscard]] QList<std::pair<QString, model::Id>> ownNoteItems(vault::Vault &vault, const SecretBuffer &pseudonymKey,
                                                                const QString &memberId);

// `practice assign`: the administrator assigns a supervisor to a therapist (member ids), signed.
void assign(vault::Vault &vault, const QString &supervisor, const QString &therapist);
// `sync`: pull (everything verified before anything is kept), then push. A server showing fewer notes
// or audit rows than this member has seen is Damaged (practice.h, connectMember) unless
// acceptRollback: after a restore the practice made on purpose, the server's shorter history is
// verified like any other and pinned, and this member's notes missing from it are pushed again.
// However it ends, the outcome is kept for the GUI (syncrecord.h, lastsync.json).
SyncResult sync(vault::Vault &vault, bool acceptRollback = false);
// `practice received`: the colleagues' notes kept here, in the server's order.
[[nodiscard]] QList<ReceivedNote> received(const vault::Vault &vault);
// The practice supervisors assigned to this member (member ids) as the last sync verified them (the
// administrator's signature, not revoked, certified as supervisors), kept sealed in the member
// folder (supervisors.sealed); empty before the first sync. Damaged when the file does not open.
// Their review of this member's notes is what "My notes in review" waits for.
[[nodiscard]] QStringList assignedSupervisors(const vault::Vault &vault);

} // namespace uc::practice
