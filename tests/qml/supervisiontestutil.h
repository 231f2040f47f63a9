// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A real vault with the three roles for the supervision and audit tests: therapist "alice" (who
// made it), supervisor "sam" (assigned to alice, co-signature required), auditor "aud", and three
// signed progress notes of alice's and one draft.
#include "sessiontestutil.h"

#include <QList>
#include <QSignalSpy>
#include <QString>

namespace guitest {

inline const QString supervisor = QStringLiteral("sam");
inline const QString auditor = QStringLiteral("aud");

struct SupervisedVault
{
    QList<uc::model::Id> signedNotes; // in the order written (and signed)
    uc::model::Id draft = 0;
};

// Creates the vault in dir and leaves it locked.
inline SupervisedVault createSupervisedVault(const QString &dir)
{
    using uc::model::Role;
    SupervisedVault made;
    {
        auto v = createVault(dir);
        v->addUser(supervisor, Role::Supervisor, secret(), uc::vault::KdfCost::testOnly());
        v->addUser(auditor, Role::Auditor, secret(), uc::vault::KdfCost::testOnly());
        addClient(*v, QStringLiteral("C-0001"), QStringLiteral("Ann Example"));
        made.signedNotes.append(addSession(*v, QStringLiteral("C-0001"), QStringLiteral("2025-03-03"), abandonedText));
        made.signedNotes.append(addSession(*v, QStringLiteral("C-0001"), QStringLiteral("2025-03-10"), anxiousText));
        made.signedNotes.append(addSession(*v, QStringLiteral("C-0001"), QStringLiteral("2025-03-17"), abandonedText));
        for (uc::model::Id id : std::as_const(made.signedNotes))
            v->notes().sign(id);
        made.draft = addSession(*v, QStringLiteral("C-0001"), QStringLiteral("2025-03-24"), anxiousText);
    }
    auto v = uc::vault::Vault::open(dir, supervisor, secret());
    v->supervision().assign(QStringLiteral("alice"), supervisor, uc::model::SupervisionMode::MustCosign);
    return made;
}

// A fresh supervised vault in dir, and session unlocked on it as user (fatal when it does not
// unlock: every test after it would fail for that reason alone).
inline SupervisedVault unlockSupervised(VaultSession &session, const QString &dir, const QString &user)
{
    const SupervisedVault made = createSupervisedVault(dir);
    session.setVaultDir(dir);
    if (!unlockAs(session, user))
        qFatal("the session did not unlock");
    return made;
}

// One supervised vault for a whole test case, in a folder of its own.
struct SupervisedFolder
{
    QTemporaryDir tmp;
    QString dir = tmp.filePath(QStringLiteral("vault"));
    SupervisedVault made = createSupervisedVault(dir);
};

// Base of a test class whose tests each unlock a session on a fresh supervised vault.
class SupervisedSessionTest : public SessionTest
{
protected:
    SupervisedVault unlockAs(VaultSession &session, const QString &user)
    {
        return unlockSupervised(session, freshDir(), user);
    }
};

} // namespace guitest
