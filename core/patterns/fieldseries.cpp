// SPDX-License-Identifier: GPL-3.0-or-later
#include "patterns/fieldseries.h"

#include <QJsonArray>

#include <algorithm>
#include <tuple>

namespace uc::patterns {

QList<model::FieldPoint> fieldSeries(const QList<model::FieldPoint> &points, model::Field field, const Query &query)
{
    QList<model::FieldPoint> series;
    for (const model::FieldPoint &p : points) {
        if (p.field != field || (query.from && p.date < *query.from) || (query.to && p.date > *query.to))
            continue;
        series.append(p);
    }
    // A session without a start time comes before those with one on the same day.
    std::stable_sort(series.begin(), series.end(), [](const model::FieldPoint &a, const model::FieldPoint &b) {
        return std::tuple(a.date, a.start.has_value(), a.start.value_or(model::TimeOfDay()), a.sessionId)
               < std::tuple(b.date, b.start.has_value(), b.start.value_or(model::TimeOfDay()), b.sessionId);
    });
    return series;
}

QJsonObject fieldsJson(const QList<model::FieldPoint> &points, const Query &query)
{
    QJsonObject out;
    for (const model::Field field : model::allFields) {
        QJsonArray series;
        const bool word = field == model::Field::Stage || field == model::Field::RiskLevel;
        for (const model::FieldPoint &p : fieldSeries(points, field, query))
            series.append(QJsonObject{{QStringLiteral("date"), model::toIso(p.date)},
                                      {QStringLiteral("session"), static_cast<double>(p.sessionId)},
                                      {QStringLiteral("value"), word ? QJsonValue(model::valueWord(field, p.value))
                                                                     : QJsonValue(p.value)}});
        out.insert(model::toString(field), series);
    }
    return out;
}

} // namespace uc::patterns
