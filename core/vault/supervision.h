// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"
#include "vault/service.h"

#include <QList>
#include <QString>

namespace uc::vault {

// Supervision (vault.supervision()): who supervises whom and how, co-signing, returning a note
// with a comment, comments and the review queue. The rules: docs/supervision.md.
class Supervision : public Service
{
public:
    using Service::Service;

    // Assigns a supervisor to a therapist, or changes how an existing assignment works. Done by
    // a supervisor; both users must hold those roles.
    void assign(const QString &therapist, const QString &supervisor, model::SupervisionMode mode);
    [[nodiscard]] QList<model::Supervision> assignments();
    // Co-signs a signed note of a supervised therapist: records the supervisor, the time and the
    // SHA-256 of the note's own hash with the co-signature. The note's text is untouched.
    void cosign(model::Id noteId);
    // Sends a signed note back to its author with a comment; it is returned until the author
    // answers with an addendum.
    model::Id returnNote(model::Id noteId, const QString &comment);
    // A comment by the note's supervisor, or the author's reply.
    model::Id comment(model::Id noteId, const QString &text);
    // Each with its signature checked (model::CommentSignature): unsigned only if written before v20.
    [[nodiscard]] QList<model::NoteComment> comments(model::Id noteId);
    // A supervisor's queue: the signed notes of their therapists not yet co-signed, by therapist,
    // oldest first. A therapist's: their own notes waiting on a supervisor. Recorded.
    [[nodiscard]] QList<model::QueueItem> queue();
    // The current user's own signed progress notes reviewed somewhere the vault does not hold the
    // review (a supervisor on the practice server, docs/practice.md): for each given note, one queue
    // item with that reviewer, its comments and its returned state, returned while its newest
    // return is later than its author's newest addendum. A note not theirs, not signed (a draft, or
    // co-signed) or co-signed through the practice is left out. Read with the queue, not recorded
    // again.
    [[nodiscard]] QList<model::QueueItem> reviewedElsewhere(const QList<model::OutsideReview> &reviews);
    // A therapist's progress notes with their session date in [from, to], for the supervision
    // report: made by a supervisor assigned to them or by the therapist themselves. Recorded.
    [[nodiscard]] QList<model::Note> therapistNotes(const QString &therapist, const model::Date &from,
                                                    const model::Date &to);

private:
    // A signed progress note of a therapist this supervisor is assigned to.
    [[nodiscard]] model::Note supervisedNote(model::Id noteId, const QString &what);
    // Stores a comment (one that returns the note, or not) and records it.
    model::Id addComment(const model::Note &note, const QString &text, bool returned);
};

} // namespace uc::vault
