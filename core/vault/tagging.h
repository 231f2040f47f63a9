// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"
#include "themes/codebook.h"
#include "themes/tagger.h"
#include "vault/service.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace uc::vault {

// The themes of notes (vault.tagging()): the codebook in force with this vault's edits, the
// tagger's suggestions with their evidence, the clinician's decisions and manual tags. Notes are
// tagged on every save; decisions are the author's.
class Tagging : public Service
{
public:
    using Service::Service;

    // The codebook in force: the built-in one with this vault's edits applied.
    [[nodiscard]] const themes::Codebook &codebook();
    [[nodiscard]] const themes::Tagger &tagger();
    // Replaces the vault's codebook edits; Error(Io) with the line and reason when malformed,
    // and the previous edits stay in force.
    void setCodebookEdits(const QByteArray &json);
    [[nodiscard]] QByteArray codebookEdits();

    // Re-tags a note (also done on every save): suggestions are replaced; a clinician's decisions
    // stay with the words they were made on, and manual tags follow their words.
    void retag(model::Id noteId);
    // The note's tags by position. Error(NotAllowed) for a note this user may not read, and for
    // a supervisor while the note waits for their blind rating.
    [[nodiscard]] QList<model::ThemeTag> tags(model::Id noteId);
    void decide(model::Id tagId, model::TagDecision decision); // Confirmed or Rejected
    // Tags the words [start, end) (code points) with a theme by hand.
    model::Id tagSpan(model::Id noteId, const QString &theme, int start, int end);
};

} // namespace uc::vault
