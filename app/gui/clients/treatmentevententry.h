// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "failure.h"

#include <QObject>
#include <QQmlEngine>
#include <QStringList>
#include <QVariantMap>

class VaultThread;

// Adding and deleting other treatment from the client overview (docs/treatment-events.md), with the
// checks of `event add`: the fields are read into a model::TreatmentEvent (the kind's own fields
// only, the dose as a number) and checked by model::treatmentEventProblem, whose words are said
// back; the vault checks the client and the role (add-measure). Stored on the vault thread:
// saved(clientCode) or removed(clientCode), or failed(failure) with action "add-event" or
// "delete-event". Nothing is written on a refusal.
class TreatmentEventEntry : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by Workspace")
    // The values the dialog offers, as stored (model/treatmentevent.h).
    Q_PROPERTY(QStringList kinds READ kinds CONSTANT)
    Q_PROPERTY(QStringList programs READ programs CONSTANT)
    Q_PROPERTY(QStringList changes READ changes CONSTANT)
    Q_PROPERTY(QStringList units READ units CONSTANT)
    Q_PROPERTY(QStringList substances READ substances CONSTANT)
    Q_PROPERTY(QStringList results READ results CONSTANT)
    Q_PROPERTY(QStringList methods READ methods CONSTANT)

public:
    explicit TreatmentEventEntry(VaultThread *vault, QObject *parent = nullptr);

    [[nodiscard]] static QStringList kinds();
    [[nodiscard]] static QStringList programs();
    [[nodiscard]] static QStringList changes();
    [[nodiscard]] static QStringList units();
    [[nodiscard]] static QStringList substances();
    [[nodiscard]] static QStringList results();
    [[nodiscard]] static QStringList methods();

    // Why the fields cannot be an event ("" when they can): fields holds "kind", "date" (ISO) and
    // "note", and the kind's own: "program"; "group"; "medication", "change", "dose" (text), "unit";
    // "substance", "result", "method" ("" when not known). Keys of another kind are left out.
    [[nodiscard]] Q_INVOKABLE static QString problem(const QVariantMap &fields);
    Q_INVOKABLE void add(const QString &clientCode, const QVariantMap &fields);
    // Deletes event id (kept in the vault as deleted, never listed again).
    Q_INVOKABLE void remove(qint64 id, const QString &clientCode);

Q_SIGNALS:
    void saved(const QString &clientCode);
    void removed(const QString &clientCode);
    void failed(const Failure &failure);

private:
    VaultThread *m_vault;
};
