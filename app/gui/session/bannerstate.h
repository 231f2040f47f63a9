// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "failure.h"

#include <QObject>
#include <QQmlEngine>

// What the window's banner (ErrorBanner.qml) shows: a failure no form shows (a save refused, a
// report that could not be written …), with its kind, until dismissed. Failures nobody waits for
// on the vault thread land here (VaultThread::unhandled).
class BannerState : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by VaultSession")

    // An empty message when there is none.
    Q_PROPERTY(Failure failure READ failure NOTIFY changed)

public:
    using QObject::QObject;

    [[nodiscard]] Failure failure() const { return m_failure; }
    Q_INVOKABLE void show(const Failure &failure);
    Q_INVOKABLE void dismiss();

Q_SIGNALS:
    void changed();

private:
    Failure m_failure;
};
