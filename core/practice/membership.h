// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace uc::vault {
class Vault;
}

// A vault user's membership of a practice, kept beside the vault (docs/practice.md, "On the
// clinician's machine"): practice/user-ID/ in the vault folder holds membership.json (the server,
// the pseudonymous member id, the pinned administrator key and CA fingerprint), signed by the user
// so an edit of the folder is found; the pinned CA; the client certificate and its key (an encrypted
// PEM under the user's practice secret, which only their unlock gives); and, for the administrator,
// the CA's key the same way.
namespace uc::practice {

struct Membership
{
    QString server; // postgresql://HOST:PORT/DB
    QString practiceId;
    QString memberId; // pseudonymous: 16 random bytes, hex
    QString dbRole; // the PostgreSQL role, the client certificate's CN
    model::Role role = model::Role::Therapist;
    bool admin = false;
    QByteArray adminKey; // the practice administrator's Ed25519 public key, pinned
    QByteArray caFingerprint; // SHA-256 of the practice CA's DER form, pinned
    // The highest sequence numbers this member has seen on the server (notes, audit rows): a server
    // that shows less was rolled back or had rows deleted (practice.h, connectMember).
    qint64 itemsHead = 0;
    qint64 auditHead = 0;
    // Schema 6: the hash of the audit entry numbered auditHead, as this member verified it
    // (auditchain.h): a server whose entry there has another hash rewrote its history.
    QByteArray auditHash;
    // How many of the administrator's revocations this member has seen: they are append-only, and a
    // new one cannot be forged, so a server that shows fewer had one deleted (revocation.h).
    qint64 revocations = 0;
};

// The folder for the current user (made when missing).
[[nodiscard]] QString memberFolder(const vault::Vault &vault);
// The current user's membership; nothing when they have none. Error(Damaged) when the file was
// edited (its signature by the user fails) or the pinned CA no longer has the pinned fingerprint;
// Error(Conflict), naming the command to run again, while an init or join is unfinished.
[[nodiscard]] std::optional<Membership> loadMembership(const vault::Vault &vault);
void saveMembership(const vault::Vault &vault, const Membership &membership);
// Whether membership.json is there (init and join refuse to make a second one).
[[nodiscard]] bool hasMembership(const vault::Vault &vault);

// An init or join in progress (membership.pending.json, signed by the user under another label than
// membership.json, so one cannot stand for the other): saved before any other file or the server
// changes, so that a failure at any later point leaves a state the same command completes.
[[nodiscard]] std::optional<Membership> loadPendingMembership(const vault::Vault &vault);
void savePendingMembership(const vault::Vault &vault, const Membership &membership);
// The pending membership made whole: membership.json written, then the pending file removed.
void finishMembership(const vault::Vault &vault, const Membership &membership);
// A refused init or join: the pending file and the files it wrote are removed.
void discardPendingMembership(const vault::Vault &vault);
// The files an init or join writes (the administrator's also caKeyFileName).
[[nodiscard]] QStringList membershipFiles(bool admin);

// Files in the member folder: written owner-only, read whole.
void writeMemberFile(const vault::Vault &vault, const QString &name, const QByteArray &bytes);
[[nodiscard]] QByteArray readMemberFile(const vault::Vault &vault, const QString &name);

inline constexpr auto caFileName = "ca.crt";
inline constexpr auto clientCertFileName = "client.crt";
inline constexpr auto clientKeyFileName = "client.key";
inline constexpr auto caKeyFileName = "ca.key";
inline constexpr auto pendingFileName = "membership.pending.json";

} // namespace uc::practice
