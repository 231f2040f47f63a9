// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "supervisiondata.h"

#include "model/types.h"

#include <QList>
#include <QString>

namespace uc::vault {
class Vault;
}

// The review queue filled from other machines (docs/practice.md, "In the GUI"): the progress notes a
// supervisor's practice sync received from the therapists the administrator assigned them to,
// verified at that sync and kept sealed in the member folder (practice/sync.h, received()), as queue
// rows and as the note the review pane opens. Computed on the vault thread; empty when the vault is
// not a supervisor's of a practice, or the practice client is not built.
namespace uc::gui {

struct ReceivedQueue
{
    QList<QueueRow> rows; // in the server's order
    // Why none could be shown (the sealed file of received notes does not open: edited or swapped
    // on disk), in a sentence; empty when all is well.
    QString problem;
};

// The received notes as queue rows: the author as the practice knows them (their member id) with
// the name their own vault signed with, the client's code in the author's vault (the sealed note
// carries no name), open risk as far as this machine can tell (the risk flags over the note's text,
// present, and no assessment documented in the note), and whether this supervisor co-signed it here.
[[nodiscard]] ReceivedQueue loadReceivedQueue(vault::Vault &vault, const model::Date &today);
// One received note, read-only, for the review pane; Error(Io) when it is not kept here, Error(Damaged)
// when the kept copy does not match the content hash its author signed. Recorded in the audit trail.
[[nodiscard]] ReviewNoteData loadReceivedNote(vault::Vault &vault, const QString &item);
// "alice (practice member 1a2b3c4d)": the section a received row is grouped under.
[[nodiscard]] QString practiceAuthorLabel(const QString &name, const QString &memberId);

} // namespace uc::gui
