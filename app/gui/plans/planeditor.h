// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "failure.h"
#include "plandraft.h"

#include "model/treatmentplan.h"

#include <QObject>
#include <QQmlEngine>

class VaultThread;

// Writing a client's treatment plan from the client overview (docs/plan.md, "On the client
// overview"): its next version started from the newest one (the first, from nothing), and the
// plan's reviews. Saving reads the draft with the strict PLAN.json reader on this thread — a
// refusal fails at once with the reader's words, nothing sent — then adds or updates the plan on the
// vault thread through uc::vault::Plans, which gives objective ids and signs the version as
// `plan add|update` do. Answers saved(version) or reviewed(due); every refusal is failed(failure)
// and stays in error until the next try. mayChange says whether the user may write this client's
// plan: a therapist, and only the one who wrote it.
class PlanEditor : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by Workspace")

    Q_PROPERTY(QString code READ code NOTIFY changed)
    Q_PROPERTY(int version READ version NOTIFY changed) // the newest version; 0: no plan yet
    Q_PROPERTY(QString author READ author NOTIFY changed)
    Q_PROPERTY(bool mayChange READ mayChange NOTIFY changed)
    // Why the newest version cannot be started from ("" when it can): it fails its signature.
    Q_PROPERTY(QString damaged READ damaged NOTIFY changed)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged) // the last refusal, "" after a success
    Q_PROPERTY(PlanDraft *draft READ draft CONSTANT)

public:
    explicit PlanEditor(VaultThread *vault, QObject *parent = nullptr);

    [[nodiscard]] QString code() const { return m_code; }
    [[nodiscard]] int version() const { return m_plan.version; }
    [[nodiscard]] QString author() const { return m_plan.author; }
    [[nodiscard]] bool mayChange() const { return m_mayChange; }
    [[nodiscard]] QString damaged() const { return m_damaged; }
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] PlanDraft *draft() const { return m_draft; }

    // The client's newest version and whether the user may write the next one.
    Q_INVOKABLE void load(const QString &code);
    // Starts the draft: from the newest version (a verified one), or from nothing.
    Q_INVOKABLE void begin();
    // Signs the draft as the loaded client's next version (its first when it has none).
    Q_INVOKABLE void save();
    // Records a review held on isoDate (YYYY-MM-DD), as `plan review --date`.
    Q_INVOKABLE void review(const QString &isoDate);
    // A form opens afresh: the last refusal is forgotten.
    Q_INVOKABLE void clearError() { setError({}); }
    void clear();

Q_SIGNALS:
    void changed();
    void errorChanged();
    void saved(const QString &code, int version);
    void reviewed(const QString &code, const QString &due);
    void failed(const Failure &failure);

private:
    void show(const QString &code, const uc::model::TreatmentPlan &plan, bool mayChange, const QString &damaged);
    void fail(const Failure &failure);
    void setError(const QString &error);

    VaultThread *m_vault;
    PlanDraft *m_draft;
    QString m_code;
    uc::model::TreatmentPlan m_plan;
    bool m_mayChange = false;
    QString m_damaged;
    QString m_error;
};
