// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <optional>

// The risk an outcome measure raises on its date (docs/risk.md): PHQ-9 item 9 above 0, any yes on
// the C-SSRS screener. The other instruments raise none.
namespace uc::model {

struct MeasureRisk
{
    QString id; // "suicide", a risk id of the tagger's
    QString evidence; // "PHQ-9 item 9 answered 3 (nearly every day)"
    QString level; // the C-SSRS triage "low", "moderate", "high"; empty for PHQ-9
};

// The risk scored answers raise, or nothing. Expects answers that model::score() accepts.
[[nodiscard]] std::optional<MeasureRisk> riskOf(const QString &instrument, const QList<int> &answers);
// "risk: suicide — PHQ-9 item 9 answered 3 (nearly every day); assess and document"
[[nodiscard]] QString riskLine(const MeasureRisk &risk);

} // namespace uc::model
