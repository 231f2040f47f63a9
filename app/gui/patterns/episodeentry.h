// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "failure.h"

#include <QObject>
#include <QQmlEngine>
#include <QVariantList>

class VaultThread;

// Adding an episode of care from the Patterns screen (docs/patterns.md, "Episodes of care"), with
// the checks of `episode add`: a level (residential, intensive outpatient — "iop" —, outpatient,
// aftercare or the practice's own), a real start date, an end date or none; the vault refuses an
// end before the start and an episode overlapping another of the client's (naming it). Stored on
// the vault thread: saved(clientCode), or failed(failure) with action "add-episode". Ending an open
// episode has the checks of `episode end`: a real date, not before its start (the vault's), and an
// episode not ended already (the vault's): ended(clientCode), or failed with action "end-episode".
class EpisodeEntry : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by Workspace")
    // The known levels in step-down order, as the level field offers them: ["Residential", …].
    Q_PROPERTY(QStringList levels READ levels CONSTANT)

public:
    explicit EpisodeEntry(VaultThread *vault, QObject *parent = nullptr);

    [[nodiscard]] static QStringList levels();
    // Why the fields cannot be an episode ("" when they can), as `episode add` says it: the level,
    // the start or the end (empty: none) that does not read. The vault checks the rest.
    [[nodiscard]] Q_INVOKABLE static QString problem(const QString &level, const QString &start, const QString &end);
    Q_INVOKABLE void add(const QString &clientCode, const QString &level, const QString &start, const QString &end,
                         const QString &service);
    // Why day cannot end an episode ("" when it can read): it must be a real date.
    [[nodiscard]] Q_INVOKABLE static QString endProblem(const QString &day);
    Q_INVOKABLE void end(const QString &clientCode, qint64 id, const QString &day);

Q_SIGNALS:
    void saved(const QString &clientCode);
    void ended(const QString &clientCode);
    void failed(const Failure &failure);

private:
    VaultThread *m_vault;
};
