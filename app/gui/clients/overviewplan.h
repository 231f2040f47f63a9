// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "listmodel.h"
#include "planrows.h"

#include <QObject>
#include <QQmlEngine>

// The treatment plan's objectives, in the plan's order, each with its latest rating.
class PlanObjectiveModel : public ListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by OverviewPlan")

public:
    enum Role {
        ObjectiveIdRole = Qt::UserRole + 1, // "O3"
        TextRole,
        GoalRole, // the goal it serves
        TargetRole, // ISO target date, "" when none
        MeasuredByRole,
        RatingRole, // "worse", "none", "some", "much", "met"; "" when never rated
        RatingLabelRole, // "much progress"
        RatedOnRole, // ISO session date of the latest rating
        MeasureLineRole, // "PHQ-9 now 7: target below 10 reached"; "" without a linked measure
        MeasureReachedRole, // bool
        HistoryRole, // every rating by session date, oldest first: [{date, rating, label}]
    };
    Q_ENUM(Role)
    using ListModel::ListModel;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    void setRows(QList<uc::gui::ObjectiveRow> rows) { replace(m_rows, std::move(rows)); }
    void clear() { replace(m_rows, QList<uc::gui::ObjectiveRow>()); }

private:
    QList<uc::gui::ObjectiveRow> m_rows;
};

// The client's treatment plan as the overview shows it: the newest version (0: none, or a user
// who may not read plans), when it took effect and whether it matches its author's signature; the
// next review (ISO; empty without a plan or for a user who may not read plans) and whether that day
// has passed (this machine's date); the objectives with their progress.
class OverviewPlan : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by ClientOverview")

    Q_PROPERTY(int version READ version NOTIFY changed)
    Q_PROPERTY(QString effective READ effective NOTIFY changed)
    Q_PROPERTY(bool verified READ verified NOTIFY changed)
    Q_PROPERTY(QString reviewDue READ reviewDue NOTIFY changed)
    Q_PROPERTY(bool reviewOverdue READ reviewOverdue NOTIFY changed)
    Q_PROPERTY(PlanObjectiveModel *objectives READ objectives CONSTANT)

public:
    explicit OverviewPlan(QObject *parent);

    [[nodiscard]] int version() const { return m_version; }
    [[nodiscard]] QString effective() const { return m_effective; }
    [[nodiscard]] bool verified() const { return m_verified; }
    [[nodiscard]] QString reviewDue() const { return m_reviewDue; }
    [[nodiscard]] bool reviewOverdue() const;
    [[nodiscard]] PlanObjectiveModel *objectives() const { return m_objectives; }

    void set(uc::gui::PlanSummary plan, const QString &reviewDue);

Q_SIGNALS:
    void changed();

private:
    int m_version = 0;
    QString m_effective;
    bool m_verified = false;
    QString m_reviewDue;
    PlanObjectiveModel *m_objectives;
};
