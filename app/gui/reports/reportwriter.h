// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "failure.h"

#include <QObject>
#include <QQmlEngine>
#include <QUrl>

class VaultThread;

// The PDF reports the screens' buttons write: the client report, a note's print and the
// supervision report, and the recovery key's sheet (the audit trail's PDF is the audit screen's export). Each is drawn and
// written on the vault thread (core/reports), so the window never waits on the layout or the
// disk, and answers written(file) or failed(failure) (action "client-report", "note-print",
// "supervision-report" …). file: a path or a file: URL, ".pdf" added when missing.
class ReportWriter : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by Workspace")

public:
    explicit ReportWriter(VaultThread *vault, QObject *parent = nullptr);

    // withRisk adds the opt-in risk section (docs/risk.md), withPlan the treatment plan section
    // (docs/plan.md; refused to a user who may not read plans), withEvents the other treatment
    // section (docs/treatment-events.md), withUseDays the use days section (docs/use-days.md), as the
    // CLI's --with-risk, --with-plan, --with-events and --with-use-days.
    Q_INVOKABLE void writeClientReport(const QString &clientCode, const QString &file, bool withRisk = false,
                                       bool withPlan = false, bool withEvents = false,
                                       bool withUseDays = false);
    Q_INVOKABLE void printNote(qint64 noteId, const QString &file);
    // The client's take-home copy of their safety plan in force (action "safety-plan-print").
    Q_INVOKABLE void printSafetyPlan(const QString &clientCode, const QString &file);
    // from, to: "YYYY-MM-DD"; empty for the last three months up to today.
    Q_INVOKABLE void writeSupervisionReport(const QString &therapist, const QString &from, const QString &to,
                                            const QString &file);
    // The recovery key just shown (VaultSession.recoveryKey) as a one-page PDF to print and then delete
    // (action "recovery-key-sheet"; refused inside the vault's folder: core/reports/recoverysheet.h).
    Q_INVOKABLE void printRecoveryKey(const QString &key, const QString &file);
    // A file URL in the user's Documents folder for "<name>.pdf", for a FileDialog to start from.
    [[nodiscard]] Q_INVOKABLE static QUrl reportFile(const QString &name);

Q_SIGNALS:
    void written(const QString &file);
    void failed(const Failure &failure);

private:
    // Posts write(vault, path) for the report named action, unless path is empty.
    template<typename Write>
    void write(const QString &action, const QString &label, const QString &file, const QString &noFile, Write work);

    VaultThread *m_vault;
};
