// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"
#include "vault/keyslots.h"

#include <QObject>
#include <QQmlEngine>

#include <optional>

class VaultSession;
class VaultThread;

// The demo practice (tools/run --demo): its folder is made on the vault thread when it does not
// exist yet, the unlock screen is filled in with the demo user and shows the passphrase, and the
// window says the clients are invented. A demo never replaces the real vault's remembered folder.
class DemoMode : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by VaultSession")

    Q_PROPERTY(bool active READ active NOTIFY changed)
    // The demo user's passphrase while in demo mode, else empty.
    Q_PROPERTY(QString passphrase READ passphrase NOTIFY changed)

public:
    DemoMode(VaultSession *session, VaultThread *vault);

    [[nodiscard]] bool active() const { return m_active; }
    [[nodiscard]] QString passphrase() const;
    [[nodiscard]] static QString user();

    // Demo mode on the practice in dir (ready once it exists). With today, a practice made now
    // ends in the week before it (uc::demo::createDemoPractice).
    void open(const QString &dir, uc::vault::KdfCost cost, std::optional<uc::model::Date> today = std::nullopt);

Q_SIGNALS:
    void changed();
    void ready();

private:
    VaultSession *m_session;
    VaultThread *m_vault;
    bool m_active = false;
};
