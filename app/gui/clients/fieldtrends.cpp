// SPDX-License-Identifier: GPL-3.0-or-later
#include "fieldtrends.h"

#include <QVariantMap>

#include <algorithm>

using namespace Qt::StringLiterals;
using uc::model::Field;

void FieldTrends::set(const QList<uc::model::FieldPoint> &points)
{
    QVariantList cravings;
    QVariantList days;
    QVariantList stages;
    int maxDays = 0;
    QString first;
    QString last;
    const uc::model::FieldPoint *latestCraving = nullptr;
    const uc::model::FieldPoint *latestDays = nullptr;
    const uc::model::FieldPoint *latestStage = nullptr;
    for (const uc::model::FieldPoint &p : points) {
        const QString date = uc::model::toIso(p.date);
        switch (p.field) {
        case Field::Craving:
            cravings.append(QVariantMap{{u"date"_s, date}, {u"value"_s, p.value}});
            latestCraving = &p;
            break;
        case Field::DaysAbstinent:
            days.append(QVariantMap{{u"date"_s, date}, {u"value"_s, p.value}});
            maxDays = std::max(maxDays, p.value);
            latestDays = &p;
            break;
        case Field::Stage:
            // A step where the stage changes: the same stage session after session is one step.
            if (!latestStage || latestStage->value != p.value)
                stages.append(QVariantMap{{u"date"_s, date},
                                          {u"value"_s, p.value},
                                          {u"label"_s, uc::model::stagesOfChange().value(p.value)}});
            latestStage = &p;
            break;
        case Field::RiskLevel:
            continue;
        }
        if (first.isEmpty() || date < first)
            first = date;
        if (date > last)
            last = date;
    }
    // A tidy top for the axis, split into five whole steps: 10, 20, 30, 60, 90, 180, 360, then
    // multiples of 360.
    int scale = 10;
    for (const int step : {10, 20, 30, 60, 90, 180, 360}) {
        scale = step;
        if (maxDays <= step)
            break;
    }
    while (scale < maxDays)
        scale += 360;
    QStringList latest;
    if (latestCraving)
        latest << tr("craving %1/10").arg(latestCraving->value);
    if (latestDays)
        latest << (latestDays->value == 1 ? tr("1 day abstinent") : tr("%1 days abstinent").arg(latestDays->value));
    if (latestStage)
        latest << uc::model::stagesOfChange().value(latestStage->value).toLower();
    const QString latestText = latest.isEmpty() ? QString() : tr("Latest: %1").arg(latest.join(u", "_s));
    if (cravings == m_cravings && days == m_days && stages == m_stages && scale == m_daysScale && first == m_first
        && last == m_last && latestText == m_latest)
        return;
    m_cravings = cravings;
    m_days = days;
    m_stages = stages;
    m_daysScale = scale;
    m_first = first;
    m_last = last;
    m_latest = latestText;
    Q_EMIT changed();
}
