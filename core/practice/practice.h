// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"
#include "practice/connection.h"
#include "practice/membership.h"

#include <QString>

#include <memory>

namespace uc::vault {
class Vault;
}

// A group practice on a PostgreSQL server (docs/practice.md): the door the CLI and the tests use.
// Each operation acts as the vault's signed-in user, with their keys; each refuses with the house's
// exit codes: Usage 1, Io 2 (bad input, unreachable server), Auth 3 (the server refused the
// certificate), Damaged 4 (a server or file that does not match what is pinned: another CA, another
// administrator key, an altered invitation or membership), NotAllowed 5, Conflict 6.
namespace uc::practice {

struct Status
{
    Membership membership;
    int members = 0; // on the roster, the administrator included
    int joined = 0; // registered their key
    int certified = 0; // their key carries the administrator's certificate, verified here
    int certifiedNow = 0; // certified by this call (the administrator's)
    int expiredNow = 0; // invitations that expired unused whose roles this call closed (the administrator's)
    int removed = 0; // members the administrator removed (signed revocations, verified here)
    int auditEntries = 0; // the audit rows this member may read
    bool selfCertified = false;
};

// `practice init`: the vault's administrator installs the schema on an empty practice database,
// becomes the practice's first administrator (their key self-certified), and pins the CA. caKeyFile
// is the CA's private key: kept here, encrypted, to issue members' client certificates.
Membership initPractice(vault::Vault &vault, const QString &serverUrl, const QString &caFile, const QString &caKeyFile);
// `practice invite`: a new member's role and client certificate, and the code that carries them.
// Only the practice administrator (NotAllowed otherwise).
[[nodiscard]] QString invite(vault::Vault &vault, const QString &name, model::Role role);
// `practice join`: checks the code's signature and CA, the server against both, registers this user's
// key with the code's proof, and keeps the membership.
Membership join(vault::Vault &vault, const QString &serverUrl, const QString &code);
// `practice status`: the roster checked against the pinned administrator key; the administrator's
// status also certifies the members who joined with a valid proof, and takes LOGIN from the roles
// of invitations that expired unused.
[[nodiscard]] Status status(vault::Vault &vault);
// The member's connection, the server checked against the pinned practice and administrator key,
// and against the heads pinned here: Error(Damaged) when it shows fewer notes or audit rows than
// this member has seen (a rollback to an earlier copy, or rows deleted), or (schema 6) an audit chain
// that does not verify from the pinned entry (auditchain.h), before anything is read. On schema 6 the
// connection signs the audit rows it appends as this member.
[[nodiscard]] std::unique_ptr<Connection> connectMember(const vault::Vault &vault, const Membership &membership);
// Whether the server still holds what membership pinned (connectMember's check, without the throw).
[[nodiscard]] bool pinsHold(Connection &connection, const Membership &membership);
// Pins the heads the member sees now (in membership.json, signed), when they grew; schema 6: the
// audit chain's head, verified from the pinned entry.
void pinHeads(const vault::Vault &vault, const Membership &membership, Connection &connection);

} // namespace uc::practice
