// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"

#include <QJsonObject>
#include <QList>
#include <QString>

// The clinical record as JSON: one writer for each value, shared by the client record (export,
// vault/clientrecord.cpp) and the CLI's --json output, so a field is spelt the same everywhere.
namespace uc::model {

// The fields every JSON form of a note shares: id, session, author, template, kind, status,
// sections, signed_by, signed_at, content_hash, cosigned_by, cosigned_at, cosign_hash.
[[nodiscard]] QJsonObject noteJson(const Note &note);
// A note with what surrounds it, as `note show --json` prints it: noteJson plus client, date,
// text, complete, addenda (each with its id) and comments.
[[nodiscard]] QJsonObject noteDetailJson(const Note &note, const QList<Addendum> &addenda,
                                         const QList<NoteComment> &comments);
// author, text, signed_at, content_hash.
[[nodiscard]] QJsonObject addendumJson(const Addendum &addendum);
// id, author, returned, text, created, signature ("verified", "unsigned" or "broken").
[[nodiscard]] QJsonObject commentJson(const NoteComment &comment);
// theme, start, end, evidence, rule, decision, decided_by, decided_at.
[[nodiscard]] QJsonObject themeTagJson(const ThemeTag &tag);
// id, date, time, minutes, modality, setting, group_topic and attendees, of whom only the client
// with clientCode is named (never another group member).
[[nodiscard]] QJsonObject sessionJson(const Session &session, const QString &clientCode);
// code, display_name, status, intake_date, setting and the consents.
[[nodiscard]] QJsonObject clientJson(const Client &client);

} // namespace uc::model
