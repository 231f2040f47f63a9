// SPDX-License-Identifier: GPL-3.0-or-later
// The vault and its users: init, user add|list, passwd, recover.
#pragma once

#include "options.h"

namespace uc::cli {

int init(const Invocation &line);
int userAdd(const Invocation &line);
int userList(const Invocation &line);
int passwd(const Invocation &line);
int recover(const Invocation &line);
int userRemove(const Invocation &line);
int vaultRekey(const Invocation &line);

inline constexpr Option initOptions[] = {
    {.name = "user", .value = "NAME", .required = true, .scope = Option::Scope::Global, .help = "the vault's first user"},
    {.name = "passphrase-file",
     .value = "F",
     .scope = Option::Scope::Global,
     .help = "their passphrase, the first line of F (else asked for without echo)"},
    {.name = "role", .value = "ROLE", .help = "therapist (the default), supervisor or auditor"},
    {.name = "recovery-key-file",
     .value = "OUT",
     .help = "write the recovery key to OUT (mode 0600) instead of printing it"},
};
inline constexpr Command initCommand{
    .words = "init",
    .options = initOptions,
    .run = init,
    .help = "Create a vault in --vault with its first user. The recovery key is shown once (or written "
            "to OUT); it opens the vault if a passphrase is forgotten.",
    .needs = Command::Needs::Nothing,
};

inline constexpr Option userAddOptions[] = {
    {.name = "name", .value = "N", .required = true, .help = "the new user's name"},
    {.name = "role", .value = "therapist|supervisor|auditor", .required = true, .help = "what they may do"},
    {.name = "new-passphrase-file", .value = "F", .required = true, .help = "their passphrase, the first line of F"},
    {.name = "admin", .help = "make them a practice administrator too (administrators only)"},
};
inline constexpr Command userAddCommand{
    .words = "user add",
    .options = userAddOptions,
    .run = userAdd,
    .help = "Add a user with their own passphrase. Only the practice administrator (the user who ran init) "
            "adds supervisors, auditors and administrators; names are unique ignoring case, and an existing "
            "user is never changed (exit 6).",
};

inline constexpr Command userListCommand{
    .words = "user list",
    .run = userList,
    .help = "The users, their roles and who is an administrator.",
};

inline constexpr Option userRemoveOptions[] = {
    {.name = "name", .value = "N", .required = true, .help = "the user to remove"},
};
inline constexpr Command userRemoveCommand{
    .words = "user remove",
    .options = userRemoveOptions,
    .run = userRemove,
    .help = "Remove a user (administrators only; never yourself or the last administrator, exit 6): their key "
            "slot is deleted, their certificate revoked, and the vault re-keyed so a copy of their slot no "
            "longer opens it. Their name stays on what they wrote; their signatures still verify.",
};

inline constexpr Command vaultRekeyCommand{
    .words = "vault rekey",
    .run = vaultRekey,
    .help = "Give the vault a new data key (administrators only), so an old copy of a key slot (with an old "
            "passphrase) no longer opens it. Colleagues and the recovery key take the new key at their next "
            "unlock. Refused (exit 6) while a user has no certified key.",
};

inline constexpr Option passwdOptions[] = {
    {.name = "new-passphrase-file", .value = "F", .required = true, .help = "the new passphrase, the first line of F"},
};
inline constexpr Command passwdCommand{
    .words = "passwd",
    .options = passwdOptions,
    .run = passwd,
    .help = "Change the signed-in user's passphrase.",
};

inline constexpr Option recoverOptions[] = {
    {.name = "recovery-key-file", .value = "F", .required = true, .help = "the recovery key, the first line of F"},
    {.name = "new-passphrase-file", .value = "P", .required = true, .help = "the new passphrase, the first line of P"},
};
inline constexpr Command recoverCommand{
    .words = "recover",
    .options = recoverOptions,
    .run = recover,
    .help = "Set a new passphrase for --user with the recovery key.",
    .needs = Command::Needs::User,
};

} // namespace uc::cli
