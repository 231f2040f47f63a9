// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"

#include <QString>

namespace uc::themes {
class Tagger;
}

// How a note's themes are stored: the tagger's hits with the clinician's decisions (theme_hits)
// and each note's counted themes (note_themes, theme_names, note_theme_counts), which the caseload
// reads. Every write to a note's tags goes through here, inside the caller's transaction, so the
// counts stay in step with the hits. Private to core/vault.
namespace uc::vault {

struct VaultState;

// Tags the note's text: suggestions are replaced; a clinician's decisions stay with the words they
// were made on, and manual tags follow their words. Then refreshes the counts.
void storeTags(VaultState &state, const themes::Tagger &tagger, model::Id noteId, const QString &text);
// Marks each hit as the client's own or the group's (in a group session's shared part, or in a note
// that was copied to every member), then rewrites the note's counted themes: hits not rejected, in
// the client's own words.
void refreshThemeCounts(VaultState &state, model::Id noteId);
// Removes the note's hits and counts (a deleted draft).
void forgetTags(VaultState &state, model::Id noteId);

} // namespace uc::vault
