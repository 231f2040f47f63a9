// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "supervisiondata.h"

#include "model/types.h"

#include <QList>
#include <QString>

namespace uc::vault {
class Vault;
}

// The author's own notes in review through the practice, in her "My notes in review" (docs/practice.md,
// "In the GUI"): waiting for the supervisors her last sync verified as assigned (practice/sync.h,
// assignedSupervisors), and their comments and returns as her sync verified and kept them sealed in
// the member folder (practice/cosign.h, practiceEventsOf), beside the comments her own vault holds.
// Computed on the vault thread; nothing when the vault is not a therapist's of a practice, or the
// practice client is not built.
namespace uc::gui {

struct PracticeReviews
{
    QList<QueueRow> rows; // the author's notes waiting for, commented on or returned by a practice supervisor
    QString problem; // why none could be shown (a kept file does not open), in a sentence; or ""
};

// The author's signed progress notes with no co-signature yet, as queue rows ("through the practice",
// the supervisor as "practice member 1a2b3c4d"): once per assigned practice supervisor, and once per
// one who commented, each returned while the newest return is later than the author's newest
// addendum; oldest signature first. rows are the local queue's: a note in both gains the practice's
// comments and return there instead of a second row.
[[nodiscard]] PracticeReviews loadPracticeReviews(vault::Vault &vault, const model::Date &today, QList<QueueRow> &rows);
// A practice supervisor's comments and returns on one of the author's notes, in the server's order,
// verified at sync; none when there are none or the vault is not a practice member's.
[[nodiscard]] QList<CommentRow> practiceCommentsOn(const vault::Vault &vault, model::Id noteId);
// "practice member 1a2b3c4d": a practice supervisor as the author's machine knows them.
[[nodiscard]] QString practiceMemberLabel(const QString &memberId);

} // namespace uc::gui
