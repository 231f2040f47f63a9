// SPDX-License-Identifier: GPL-3.0-or-later
// A group practice on a PostgreSQL server (docs/practice.md): practice init|invite|join|status.
// Built only with the practice client (UC_PRACTICE).
#pragma once

#include "options.h"

namespace uc::cli {

int practiceInit(const Invocation &line);
int practiceInvite(const Invocation &line);
int practiceJoin(const Invocation &line);
int practiceStatus(const Invocation &line);
int practiceAssign(const Invocation &line);
int practiceUnassign(const Invocation &line);
int practiceRemove(const Invocation &line);
int practiceReceived(const Invocation &line);
int practiceSync(const Invocation &line);
int practiceCosign(const Invocation &line);
int practiceComment(const Invocation &line);
int practiceReturn(const Invocation &line);

inline constexpr Option practiceInitOptions[] = {
    {.name = "server", .value = "URL", .required = true, .help = "postgresql://HOST:PORT/DATABASE (tools/practice-server prints it)"},
    {.name = "ca", .value = "FILE", .required = true, .help = "the practice CA's certificate (PEM), pinned from now on"},
    {.name = "ca-key", .value = "FILE", .required = true, .help = "the CA's private key (PEM), kept encrypted here to issue members' certificates"},
};
inline constexpr Command practiceInitCommand{
    .words = "practice init",
    .options = practiceInitOptions,
    .run = practiceInit,
    .help = "Start a practice on an empty practice database: installs the schema, makes you (the vault's "
            "administrator) its first administrator with your key self-certified, and pins the CA. Not the "
            "vault's administrator: exit 5; a server that already holds a practice: exit 6; a server whose "
            "certificate does not verify against --ca: exit 4. When the server part is done but this machine "
            "cannot save the membership, the init stays unfinished (other practice commands: exit 6) and "
            "running it again completes it.",
    .brief = "start a practice on a PostgreSQL server",
};

inline constexpr Positional practiceInvitePositionals[] = {{"USER", "the invitee's name (kept in the code, never sent to the server)"}};
inline constexpr Option practiceInviteOptions[] = {
    {.name = "role", .value = "therapist|supervisor|auditor", .required = true, .help = "their role in the practice"},
};
inline constexpr Command practiceInviteCommand{
    .words = "practice invite",
    .positionals = practiceInvitePositionals,
    .options = practiceInviteOptions,
    .run = practiceInvite,
    .help = "Invite a member: their role and client certificate on the server, and an invitation code (printed; "
            "a secret, hand it over in person) that pins your key and the CA's fingerprint. Only the practice "
            "administrator (exit 5).",
};

inline constexpr Option practiceJoinOptions[] = {
    {.name = "server", .value = "URL", .required = true, .help = "postgresql://HOST:PORT/DATABASE"},
    {.name = "invite", .value = "CODE", .help = "the invitation code"},
    {.name = "invite-file", .value = "F", .help = "the invitation code, the first line of F (keeps it out of the process list)"},
};
inline constexpr Form practiceJoinForms[] = {
    {"--server URL --invite CODE"},
    {"--server URL --invite-file F"},
};
inline constexpr Command practiceJoinCommand{
    .words = "practice join",
    .options = practiceJoinOptions,
    .run = practiceJoin,
    .help = "Join a practice with an invitation code: the code's signature and CA are checked, the server "
            "against both (exit 4 when either does not match), and your signing key is registered, for the "
            "administrator to certify. The client key is kept encrypted under your own keys. A join whose local "
            "save failed is completed by running it again with the same code; an invitation that expired "
            "unused: exit 5 (exit 3 once the administrator's status has closed its role).",
    .forms = practiceJoinForms,
};

inline constexpr Command practiceStatusCommand{
    .words = "practice status",
    .run = practiceStatus,
    .help = "Your membership and the practice's roster, checked against the pinned CA and administrator key "
            "(exit 4 when they do not match, or when the server shows fewer notes or audit rows than this "
            "machine has seen). The administrator's status also certifies the keys of members who joined "
            "since, and takes the right to log in from the roles of invitations that expired unused.",
};

inline constexpr Option practiceAssignOptions[] = {
    {.name = "supervisor", .value = "MEMBER", .required = true, .help = "the supervisor's member id (practice status --json on their machine)"},
    {.name = "therapist", .value = "MEMBER", .required = true, .help = "the therapist's member id"},
};
inline constexpr Command practiceAssignCommand{
    .words = "practice assign",
    .options = practiceAssignOptions,
    .run = practiceAssign,
    .help = "Assign a supervisor to a therapist on the practice server, signed by you: the therapist's next sync "
            "wraps their clients' content keys for the supervisor. Only the practice administrator (exit 5); "
            "a member id that is not a certified supervisor or therapist: exit 2; assigned already: exit 6.",
};

inline constexpr Command practiceUnassignCommand{
    .words = "practice unassign",
    .options = practiceAssignOptions,
    .run = practiceUnassign,
    .help = "Revoke the assignment of a supervisor to a therapist, signed by you: the server stops new key wraps "
            "for them, and the therapist's next sync gives each of their clients a new key version for what they "
            "write from then on. What the supervisor received before, they keep. Only the practice administrator "
            "(exit 5); not assigned now: exit 6.",
};

inline constexpr Positional practiceRemovePositionals[] = {{"MEMBER", "the member's id (practice status --json on their machine)"}};
inline constexpr Command practiceRemoveCommand{
    .words = "practice remove",
    .positionals = practiceRemovePositionals,
    .run = practiceRemove,
    .help = "Remove a member, signed by you: their role can no longer log in, their assignments are revoked, every "
            "client holds their key revoked (no new wraps for them), and their therapists' next syncs rotate the "
            "keys they held. What they received before, they keep. Only the practice administrator (exit 5); an "
            "id that is no member, or your own: exit 2; removed already: exit 6.",
};

inline constexpr Option practiceSyncOptions[] = {
    {.name = "accept-rollback", .help = "after a restore the practice made on purpose (the administrator says so): "
                                        "accept the server's history (shorter, or rewritten since), pin it, and "
                                        "push again your notes it lost"},
};
inline constexpr Command practiceSyncCommand{
    .words = "sync",
    .options = practiceSyncOptions,
    .run = practiceSync,
    .help = "Pull, verified, the signed notes colleagues pushed for clients whose key you hold, then push your own "
            "signed progress notes not on the server yet (encrypted, signed; drafts and process notes never "
            "leave) and your signed addenda to them (how you answer a practice supervisor's return). Anything on the server that does not verify (a changed note, a replaced key wrap), a "
            "server that shows fewer notes, audit rows or revocations than this machine has seen (rolled "
            "back, rows deleted), an audit trail that is not the one seen here (its hash chain), or a note, key "
            "wrap or co-signature received here before and since deleted or changed: exit 4, nothing kept. "
            "--json prints {\"pushed\", \"pulled\", \"head\", "
            "\"rollback_accepted\", \"rotated\", \"cosigned\", \"comments\", \"answered\", \"addenda\"} "
            "(rotated: clients whose key got a new version because a reader of it was unassigned or removed; "
            "cosigned: your notes a supervisor co-signed with practice cosign, each verified and kept here, shown "
            "by note show; comments: their comments and returns; answered: your addenda pushed; addenda: the "
            "authors' addenda received on notes received here, shown by practice received).",
    .brief = "exchange signed notes with the practice server",
};

inline constexpr Command practiceReceivedCommand{
    .words = "practice received",
    .run = practiceReceived,
    .help = "The colleagues' signed notes received by sync and kept here (verified, sealed under your keys): "
            "their author's member id, the client's pseudonym, the note and its author's addenda received since "
            "(--json: \"addenda\": [{\"seq\", \"at\", \"text\"}]).",
};

inline constexpr Positional practiceCosignPositionals[] = {{"ITEM", "the note's item id (practice received --json)"}};
inline constexpr Command practiceCosignCommand{
    .words = "practice cosign",
    .positionals = practiceCosignPositionals,
    .run = practiceCosign,
    .help = "Co-sign a note received from a therapist you supervise: a signed event on the practice server "
            "(over the note's item id and content hash, the time and the kind), which the author's next sync "
            "verifies and shows on their note (note show: \"co-signed by member ID (practice)\"). Not a "
            "supervisor of the practice, or not assigned to the note's author (a signed assignment, not "
            "revoked): exit 5; an item not received here: exit 2; a note that is not signed, or is co-signed "
            "already: exit 6.",
    .brief = "co-sign a received note through the practice server",
};

inline constexpr Positional practiceCommentPositionals[] = {{"ITEM", "the note's item id (practice received --json)"}};
inline constexpr Option practiceCommentOptions[] = {
    {.name = "text-file", .value = "F", .required = true, .help = "the comment (UTF-8 text)"},
};
inline constexpr Command practiceCommentCommand{
    .words = "practice comment",
    .positionals = practiceCommentPositionals,
    .options = practiceCommentOptions,
    .run = practiceComment,
    .help = "Comment on a note received from a therapist you supervise: a signed event on the practice server, "
            "its words encrypted under the client's key (the server never reads them), which the author's next "
            "sync verifies, decrypts and shows on their note (note show). Refused as practice cosign is (5, 2); "
            "an empty comment: exit 2.",
    .brief = "comment on a received note through the practice server",
};

inline constexpr Option practiceReturnOptions[] = {
    {.name = "comment-file", .value = "F", .required = true, .help = "why it goes back (UTF-8 text)"},
};
inline constexpr Command practiceReturnCommand{
    .words = "practice return",
    .positionals = practiceCommentPositionals,
    .options = practiceReturnOptions,
    .run = practiceReturn,
    .help = "Return a note received from a therapist you supervise, with a comment saying why: like practice "
            "comment, shown on the author's note as a return (a signed note is not changed: the author answers "
            "with an addendum). Refused as practice comment is.",
    .brief = "return a received note through the practice server",
};

} // namespace uc::cli
