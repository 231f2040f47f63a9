// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/riskrecord.h"
#include "model/types.h"

#include <QList>
#include <QString>
#include <QVariantList>

namespace uc::themes {
class Codebook;
}
namespace uc::vault {
class Vault;
}

// Risk flags as the screens show them (docs/risk.md, "Where it shows"): read on the vault thread,
// handed to the GUI thread as plain values.
namespace uc::gui {

struct RiskRow
{
    QString id; // "suicide"
    QString label; // the codebook's label, "Suicide"
    QString evidence; // the words that say so, or a measure's answer
    QString rule; // "plan", "passive-wish" …
    QString kind; // the rule in words: "a plan", "a passive wish to be dead" (model::riskKindText)
    QString date; // ISO date the flag speaks of
    model::Id noteId = 0; // 0 for a measure's flag
};

// What a draft's text says about risk: its present flags (codebook order) and whether it
// documents its own assessment (model::documentedAssessment), so signing will not ask.
struct DraftRisk
{
    QList<RiskRow> flags;
    bool assessed = false;
};

[[nodiscard]] RiskRow riskRowOf(const model::RiskFlag &flag, const themes::Codebook &book);
// The present flags of a draft as the tagger finds them in its sections now, as signing will
// (vault::Risk reads the note the same way when it signs).
[[nodiscard]] DraftRisk draftRiskOf(vault::Vault &vault, const model::Note &note);
// The client's open flags the reader may see, newest first; only the note's when noteId is not 0.
[[nodiscard]] QList<RiskRow> openRiskOf(vault::Vault &vault, const QString &clientCode, model::Id noteId = 0);
// [{id, label, evidence, rule, date, noteId}] for QML.
[[nodiscard]] QVariantList riskList(const QList<RiskRow> &rows);

} // namespace uc::gui
