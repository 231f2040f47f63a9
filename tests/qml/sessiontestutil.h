// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A session unlocked on a small vault of two clients, for the tests of the objects the screens
// call through it (patterns, search, codebook, review with the client, settings).
#include "sessionfixture.h"

#include <QObject>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QString>
#include <QTemporaryDir>
#include <QTest>

namespace guitest {

// Base of a test class (which adds Q_OBJECT and its slots) whose tests each open a session on a
// fresh vault folder, with settings of the test's own (a session remembers its vault there).
class SessionTest : public QObject
{
protected:
    // From initTestCase.
    void startTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QVERIFY(m_dir.isValid());
    }
    // A vault folder no test has used yet.
    [[nodiscard]] QString freshDir() { return m_dir.filePath(QStringLiteral("vault%1").arg(++m_folders)); }

    QTemporaryDir m_dir;

private:
    int m_folders = 0;
};

// session unlocked as alice on the vault in dir (fatal when it does not unlock: every test after it
// would fail for that reason alone).
inline void unlockOn(VaultSession &session, const QString &dir)
{
    useVault(session, dir);
    if (!unlockAs(session, QStringLiteral("alice")))
        qFatal("the session did not unlock");
}

// A vault in dir with two clients and a few notes, made through the core, then session unlocked on it.
inline void unlockWithTwoClients(VaultSession &session, const QString &dir)
{
    {
        auto vault = createVault(dir);
        addClient(*vault, QStringLiteral("C-0001"), QStringLiteral("Ann Example"));
        addClient(*vault, QStringLiteral("C-0002"), QStringLiteral("Bea Example"));
        addSession(*vault, QStringLiteral("C-0001"), QStringLiteral("2025-01-06"), abandonedText);
        addSession(*vault, QStringLiteral("C-0001"), QStringLiteral("2025-01-13"), abandonedText);
        addSession(*vault, QStringLiteral("C-0002"), QStringLiteral("2025-01-07"), anxiousText);
    }
    unlockOn(session, dir);
}

} // namespace guitest
