// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The set-up every GUI test that drives a VaultSession repeats: the test passphrase as the
// session's calls take it, a session on a vault folder with the cheapest key derivation, and an
// unlock that waits for its answer (the session answers on the vault thread, later).
#include "guitestutil.h"
#include "vaultsession.h"
#include "vaultthread.h"

#include <QSignalSpy>
#include <QString>

namespace guitest {

inline const QString passphraseText = QString::fromLatin1(passphrase.data(), static_cast<qsizetype>(passphrase.size()));

// session on the vault in dir (made or to be made there), with the cheapest key derivation.
inline void useVault(VaultSession &session, const QString &dir)
{
    session.vaultThread()->setKdfCost(uc::vault::KdfCost::testOnly());
    session.setVaultDir(dir);
}

// Unlocks session as user and waits for it; false when it did not unlock in time (QVERIFY it).
[[nodiscard]] inline bool unlockAs(VaultSession &session, const QString &user, const QString &pass = passphraseText,
                                   int timeoutMs = 10000)
{
    QSignalSpy unlocked(&session, &VaultSession::unlocked);
    session.unlock(user, pass);
    return unlocked.wait(timeoutMs);
}

} // namespace guitest
