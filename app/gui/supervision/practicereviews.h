// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "supervisiondata.h"

#include "model/types.h"

#include <QList>
#include <QString>

namespace uc::vault {
class Vault;
}

// A practice supervisor's comments and returns on the author's own notes, in the author's "My notes
// in review" (docs/practice.md, "In the GUI"): what the author's sync verified and kept sealed in the
// member folder (practice/cosign.h, practiceEventsOf), beside the comments their own vault holds.
// Computed on the vault thread; nothing when the vault is not a therapist's of a practice, or the
// practice client is not built.
namespace uc::gui {

struct PracticeReviews
{
    QList<QueueRow> rows; // the author's notes a practice supervisor commented on or returned
    QString problem; // why none could be shown (the kept file does not open), in a sentence; or ""
};

// The author's notes with a practice comment or return and no co-signature yet, as queue rows
// ("through the practice", the supervisor as "practice member 1a2b3c4d"), each returned while the
// newest return is later than the author's newest addendum. rows are the local queue's: a note
// in both gains the practice's comments and return there instead of a second row.
[[nodiscard]] PracticeReviews loadPracticeReviews(vault::Vault &vault, const model::Date &today, QList<QueueRow> &rows);
// A practice supervisor's comments and returns on one of the author's notes, in the server's order,
// verified at sync; none when there are none or the vault is not a practice member's.
[[nodiscard]] QList<CommentRow> practiceCommentsOn(const vault::Vault &vault, model::Id noteId);
// "practice member 1a2b3c4d": a practice supervisor as the author's machine knows them.
[[nodiscard]] QString practiceMemberLabel(const QString &memberId);

} // namespace uc::gui
