// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"
#include "vault/sqlite.h"

#include <QList>

// How a note's typed fields are stored (model/notefields.h): one row per field with a value in
// note_fields, written with every save of a draft inside the caller's transaction, as the theme
// counts are (tagstore.h). Only progress notes have values: a process note's words are sealed to
// its author, and a value read from them would be kept in the open beside them. A signed note's
// values never change (the schema refuses it). Private to core/vault.
namespace uc::vault {

// Replaces the note's values with those its sections state.
void storeFields(sql::Database &db, model::Id noteId, const QList<model::Section> &sections);
// Removes the note's values (a deleted draft).
void forgetFields(sql::Database &db, model::Id noteId);

} // namespace uc::vault
