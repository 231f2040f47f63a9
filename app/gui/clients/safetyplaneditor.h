// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "failure.h"

#include "model/safetyplan.h"

#include <QObject>
#include <QQmlEngine>
#include <QStringList>

class VaultThread;

// A client's safety plan as the client overview and review with the client show it, and the form
// that writes its next version (docs/risk.md, "Safety plan"). Each step is one text, an item a
// line, in the seven steps' order (titles, prompts). Reads and saves run on the vault thread;
// saving signs a new version (earlier ones stay) and answers saved(version) or failed(failure),
// action "safety-plan". Printing is ReportWriter's.
class SafetyPlanEditor : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by Workspace")

    Q_PROPERTY(QString code READ code NOTIFY changed)
    Q_PROPERTY(int version READ version NOTIFY changed) // 0: no plan yet
    Q_PROPERTY(QString author READ author NOTIFY changed)
    Q_PROPERTY(QString signedAt READ signedAt NOTIFY changed) // UTC ISO 8601
    Q_PROPERTY(bool verified READ verified NOTIFY changed) // the version matches its signature
    Q_PROPERTY(QStringList steps READ steps NOTIFY changed)
    Q_PROPERTY(QStringList titles READ titles CONSTANT)
    Q_PROPERTY(QStringList prompts READ prompts CONSTANT)

public:
    explicit SafetyPlanEditor(VaultThread *vault, QObject *parent = nullptr);

    [[nodiscard]] QString code() const { return m_code; }
    [[nodiscard]] int version() const { return m_plan.version; }
    [[nodiscard]] QString author() const { return m_plan.author; }
    [[nodiscard]] QString signedAt() const { return m_plan.signedAt; }
    [[nodiscard]] bool verified() const { return m_verified; }
    [[nodiscard]] QStringList steps() const;
    [[nodiscard]] static QStringList titles();
    [[nodiscard]] static QStringList prompts();

    // The client's plan in force (none: version 0 and empty steps).
    Q_INVOKABLE void load(const QString &code);
    // Signs steps (seven texts, an item a line) as the loaded client's next version.
    Q_INVOKABLE void save(const QStringList &steps);
    // Why these steps cannot be saved ("" when they can): checked before anything is sent.
    [[nodiscard]] Q_INVOKABLE static QString problem(const QStringList &steps);
    void clear();

    // The plan the texts make: lines trimmed, empty ones dropped, list markers kept as written.
    [[nodiscard]] static uc::model::SafetyPlan planOf(const QStringList &steps);

Q_SIGNALS:
    void changed();
    void saved(int version);
    void failed(const Failure &failure);

private:
    void show(const QString &code, const uc::model::SafetyPlan &plan, bool verified);

    VaultThread *m_vault;
    QString m_code;
    uc::model::SafetyPlan m_plan;
    bool m_verified = false;
};
