// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/history.h"
#include "patterns/patterns.h"

#include <QJsonObject>
#include <QList>

// The typed fields over time (docs/patterns.md, "Structured fields"): craving, stage of change,
// days abstinent and risk level as series beside the themes, never counted as themes.
namespace uc::patterns {

// The points of one field within the query's from..to (inclusive), in session order.
[[nodiscard]] QList<model::FieldPoint> fieldSeries(const QList<model::FieldPoint> &points, model::Field field,
                                                   const Query &query);

// {"craving": [{"date","session","value"}…], "stage": […], "days_abstinent": […], "risk_level": […]}:
// every field's key, empty when no note in the range states it; craving and days abstinent as
// numbers, a stage and a risk level as their word ("contemplation", "low").
[[nodiscard]] QJsonObject fieldsJson(const QList<model::FieldPoint> &points, const Query &query);

} // namespace uc::patterns
