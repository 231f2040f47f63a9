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
