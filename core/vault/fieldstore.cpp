// SPDX-License-Identifier: GPL-3.0-or-later
#include "vault/fieldstore.h"

#include "model/notefields.h"

namespace uc::vault {

void storeFields(sql::Database &db, model::Id noteId, const QList<model::Section> &sections)
{
    forgetFields(db, noteId);
    auto kind = db.prepare("SELECT kind FROM notes WHERE id = ?");
    kind.bind(1, noteId);
    if (!kind.step() || kind.text(0) != QLatin1String("progress"))
        return;
    auto insert = db.prepare("INSERT INTO note_fields(note_id, field, value) VALUES (?, ?, ?)");
    for (const model::FieldValue &v : model::fieldValuesOf(sections)) {
        insert.bind(1, noteId).bind(2, model::toString(v.field)).bind(3, v.value).run();
        insert.reset();
    }
}

void forgetFields(sql::Database &db, model::Id noteId)
{
    db.prepare("DELETE FROM note_fields WHERE note_id = ?").bind(1, noteId).run();
}

} // namespace uc::vault
