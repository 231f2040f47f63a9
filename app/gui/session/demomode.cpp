// SPDX-License-Identifier: GPL-3.0-or-later
#include "demomode.h"

#include "vaultsession.h"
#include "vaultthread.h"

#include "common/secret.h"
#include "demo/practice.h"

#include <QDir>

#include <string_view>

DemoMode::DemoMode(VaultSession *session, VaultThread *vault)
    : QObject(session)
    , m_session(session)
    , m_vault(vault)
{
}

QString DemoMode::passphrase() const
{
    return m_active ? QString::fromLatin1(uc::demo::defaultPassphrase) : QString();
}

QString DemoMode::user()
{
    return QString::fromLatin1(uc::demo::defaultUser);
}

void DemoMode::open(const QString &dir, uc::vault::KdfCost cost, std::optional<uc::model::Date> today)
{
    m_active = true;
    m_session->setVaultDir(dir);
    Q_EMIT changed();
    if (m_session->vaultExists()) {
        Q_EMIT ready();
        return;
    }
    m_vault->post(
        this, tr("Creating the demo practice…"),
        [dir, cost, today](VaultThread::Worker &) {
            const auto secret = uc::SecretBuffer::copyOf(std::string_view(uc::demo::defaultPassphrase));
            QDir().mkpath(dir);
            const uc::demo::DemoPractice made = uc::demo::createDemoPractice(dir, secret, 1, cost, today);
            return static_cast<int>(made.clients.size());
        },
        [this, dir](int) {
            m_session->setVaultDir(dir); // it exists now
            Q_EMIT ready();
        });
}
