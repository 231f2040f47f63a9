// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"
#include "noteplan.h"
#include "riskview.h"

#include <QList>
#include <QString>
#include <QVariantList>

#include <optional>
#include <utility>

namespace uc::vault {
class Vault;
}

// A note as the editor and the review pane show it, read on the vault thread and handed to the
// GUI thread as plain values (no vault, no pointers).
namespace uc::gui {

struct TagRow
{
    model::Id id = 0;
    QString theme;
    QString label;
    QString evidence;
    QString decision; // "suggested", "confirmed", "rejected", "manual"
    int start = 0; // UTF-16 offsets into the note's stored text (the core counts code points)
    int end = 0;
    bool reading = false; // suggested by the learned reading (rule "reading:…"): the wording as a whole
};

struct AddendumRow
{
    QString author;
    QString text;
    QString signedAt;
};

struct NoteData
{
    model::Id id = 0;
    model::Id sessionId = 0;
    QString clientCode;
    QString date; // ISO session date
    QString templateId;
    QString templateLabel;
    QString kind; // "progress" | "process"
    QString status; // "draft" | "signed" | "cosigned"
    QString text; // the sections joined under "## " headings, as stored and tagged
    QString signedBy;
    QString signedAt;
    QList<TagRow> tags;
    QList<AddendumRow> addenda;
    // What the reader may do (set by loadNote; the vault refuses the rest anyway): edit a draft
    // (its author, in a role that writes notes), add an addendum (its author, once signed).
    bool editable = true;
    bool mayAddAddendum = true;
    // Tag words by hand: the note's author, in a role that decides on themes, on a draft or a
    // signed note alike (Vault::tagSpan allows both).
    bool mayTag = false;
    // The codebook's enabled themes to tag words with: (id, label), in codebook order.
    QList<std::pair<QString, QString>> themes;
    // The session's details (editable while its notes are drafts): start "HH:MM" or "", length,
    // modality, setting ("" when not set), group topic and this note's client's attendance.
    QString start;
    int minutes = 0;
    QString modality;
    QString setting;
    QString groupTopic;
    QString attendance;
    // On a group (couple, family) session: the reader's notes of the same kind on it, one per
    // member, by client code; the note open is one of them. Empty for one-to-one work.
    QList<std::pair<model::Id, QString>> members;
    // The banner's risk flags: a draft's present flags in its text now (and whether it documents
    // its own assessment); a signed note's flags still open (docs/risk.md).
    QList<RiskRow> risks;
    bool riskAssessed = false;
    // A progress note's plan objectives with its ratings (noteplan.h).
    NotePlan plan;
};

// Code-point offsets (the tagger's) to UTF-16 offsets (QString's) in text.
[[nodiscard]] int utf16Offset(const QString &text, int codePoints);
// The note's tags with offsets into text (the note's stored text), in text order.
[[nodiscard]] QList<TagRow> loadTags(vault::Vault &vault, model::Id noteId, const QString &text);
// A note for the editor, with its tags and addenda. Opening it is recorded in the audit trail.
[[nodiscard]] NoteData loadNote(vault::Vault &vault, model::Id noteId);
// The note's addenda, oldest first.
[[nodiscard]] QList<AddendumRow> loadAddenda(vault::Vault &vault, model::Id noteId);
// Where a tag's evidence stands in edited text: at its stored offset when the words are still
// there, else the nearest occurrence of its words; nullopt when they are gone.
[[nodiscard]] std::optional<std::pair<int, int>> locate(const QString &edited, const TagRow &tag);
// Addenda as QML lists them: [{author, text, signedAt}].
[[nodiscard]] QVariantList addendaList(const QList<AddendumRow> &addenda);

} // namespace uc::gui
