// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "failure.h"

#include <QObject>
#include <QQmlEngine>
#include <QStringList>
#include <QVariantMap>

class VaultThread;

// "Record use days…" on the client overview (docs/use-days.md), with the checks of `useday record`:
// the fields are read into a model::UseDay and a range and checked by model::useDayProblem and
// useDayRangeProblem, whose words are said back; the vault checks the client, the role
// (add-measure) and, unless "replace" is set, that no day of the range is recorded already.
// Stored on the vault thread: saved(clientCode, days), or failed(failure) with action
// "record-use-days". Nothing is written on a refusal.
class UseDayEntry : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by Workspace")
    // The values the dialog offers, as stored (model/useday.h).
    Q_PROPERTY(QStringList substances READ substances CONSTANT)
    Q_PROPERTY(QStringList sources READ sources CONSTANT)

public:
    explicit UseDayEntry(VaultThread *vault, QObject *parent = nullptr);

    [[nodiscard]] static QStringList substances();
    [[nodiscard]] static QStringList sources();

    // Why the fields cannot be recorded ("" when they can): fields holds "substance", "from" and
    // "to" (ISO; "to" empty: the one day "from"), "used" (bool), "amount" (text, "" for none),
    // "unit", "source" and "replace" (bool: correct days recorded already).
    [[nodiscard]] Q_INVOKABLE static QString problem(const QVariantMap &fields);
    Q_INVOKABLE void record(const QString &clientCode, const QVariantMap &fields);

Q_SIGNALS:
    void saved(const QString &clientCode, int days);
    void failed(const Failure &failure);

private:
    VaultThread *m_vault;
};
