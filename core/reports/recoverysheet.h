// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace uc::vault {
class RecoveryKey;
class Vault;
}

// The recovery key on paper: a one-page PDF to print and then delete. It is a secret in a file, so
// it is written only where the user chose, never inside the vault's folder (a backup or copy of the
// folder would carry the key beside what it opens), owner-only (0600) through a temporary file made
// with O_EXCL|O_NOFOLLOW and renamed over the target (a symbolic link there is refused), and the
// page says to delete the file once printed. The PDF's bytes are wiped from memory once written.
// The audit trail records that a sheet was saved (`recovery-key-sheet`, the user, never the path).
// Needs a QGuiApplication.
namespace uc::reports {

// Error(BadInput) for a file inside the vault's folder; Error(Io) for a target that is not a
// regular file or cannot be written. Nothing is left behind on failure.
void writeRecoveryKeySheet(vault::Vault &vault, const vault::RecoveryKey &key, const QString &file);

} // namespace uc::reports
