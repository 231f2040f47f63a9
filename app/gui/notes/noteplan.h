// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"

#include <QList>
#include <QString>

namespace uc::vault {
class Vault;
}

// The plan objectives a progress note may rate (docs/plan.md "Progress in notes"): the open
// objectives of the client's plan in force on the session's date, each with this note's rating.
// Read on the vault thread, handed to the GUI as plain values.
namespace uc::gui {

struct NoteObjectiveRow
{
    QString id; // "O3"
    QString text;
    QString targetDate; // ISO, empty when none
    QString measuredBy;
    QString rating; // this note's rating's machine word ("much"), empty when not addressed
};

struct NotePlan
{
    int version = 0; // the plan in force on the session's date; 0: none (or a process note, or a reader who may not read plans)
    // The plan's objectives in its order, but for one met on an earlier session and not rated on
    // this note: it is closed.
    QList<NoteObjectiveRow> objectives;
    // A plan version that does not read (changed outside the app): why, for the card; the note
    // still opens.
    QString problem;
};

// For the progress note noteId of the client on the session's date; an empty plan for a process
// note or a reader who may not read plans.
[[nodiscard]] NotePlan loadNotePlan(vault::Vault &vault, model::Id noteId, const QString &clientCode,
                                    const model::Date &sessionDate, model::NoteKind kind);

} // namespace uc::gui
