// SPDX-License-Identifier: GPL-3.0-or-later
#include "overviewplan.h"

#include <QDate>
#include <QVariantMap>

#include <utility>

using namespace Qt::StringLiterals;
using uc::gui::ObjectiveRow;

// ---- PlanObjectiveModel

int PlanObjectiveModel::rowCount(const QModelIndex &parent) const
{
    return rowsIn(parent, m_rows.size());
}

QVariant PlanObjectiveModel::data(const QModelIndex &index, int role) const
{
    const ObjectiveRow &row = rowAt(m_rows, index);
    switch (role) {
    case ObjectiveIdRole:
        return row.id;
    case Qt::DisplayRole:
    case TextRole:
        return row.text;
    case GoalRole:
        return row.goal;
    case TargetRole:
        return row.target;
    case MeasuredByRole:
        return row.measuredBy;
    case RatingRole:
        return row.rating;
    case RatingLabelRole:
        return row.ratingLabel;
    case RatedOnRole:
        return row.ratedOn;
    case MeasureLineRole:
        return row.measureLine;
    case MeasureReachedRole:
        return row.measureReached;
    case HistoryRole: {
        QVariantList points;
        for (const uc::gui::RatingPoint &p : row.history)
            points.append(QVariantMap{{u"date"_s, p.date}, {u"rating"_s, p.rating}, {u"label"_s, p.label}});
        return points;
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> PlanObjectiveModel::roleNames() const
{
    return {{ObjectiveIdRole, "objectiveId"}, {TextRole, "text"},           {GoalRole, "goal"},
            {TargetRole, "target"},           {MeasuredByRole, "measuredBy"}, {RatingRole, "rating"},
            {RatingLabelRole, "ratingLabel"}, {RatedOnRole, "ratedOn"},     {MeasureLineRole, "measureLine"},
            {MeasureReachedRole, "measureReached"}, {HistoryRole, "history"}};
}

// ---- OverviewPlan

OverviewPlan::OverviewPlan(QObject *parent)
    : QObject(parent)
    , m_objectives(new PlanObjectiveModel(this))
{
}

bool OverviewPlan::reviewOverdue() const
{
    return !m_reviewDue.isEmpty() && QDate::fromString(m_reviewDue, Qt::ISODate) < QDate::currentDate();
}

void OverviewPlan::set(uc::gui::PlanSummary plan, const QString &reviewDue)
{
    m_objectives->setRows(std::exchange(plan.objectives, {}));
    m_version = plan.version;
    m_effective = plan.effective;
    m_verified = plan.verified;
    m_reviewDue = reviewDue;
    Q_EMIT changed();
}
