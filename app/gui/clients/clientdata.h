// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "common/secret.h"
#include "model/types.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <utility>

namespace uc::vault {
class Vault;
}

// What the screens show, computed once on the vault thread from the core's answers and handed to
// the GUI thread as plain values (no vault, no pointers). The wording rules live here, in C++, so
// they are tested; QML only lays them out.
namespace uc::gui {

struct ClientRow
{
    QString code;
    QString name;
    QString status; // "active" | "discharged"
    QString setting; // "outpatient" … or empty
    QString lastSession; // ISO date of the latest session (any attendance), empty when none
    QStringList themeIds; // top recurring themes, most sessions first (at most three)
    QStringList themeLabels; // their codebook labels, same order
};

struct SessionRow
{
    model::Id sessionId = 0;
    QString date; // ISO
    QString attendance; // "attended", "late", "no-show", "cancelled"
    bool attended = false;
    int themeCount = 0; // counted themes the session's note raises
    model::Id noteId = 0; // the client's progress note on it, 0 when none is readable
};

struct ThemeCardRow
{
    QString theme;
    QString label;
    int recurrenceIn = 0;
    int recurrenceLast = 0;
    QString trend; // "rising" | "falling" | "stable"
    int sessions = 0; // attended sessions raising it over the whole record
    QString firstSeen; // ISO
    QString lastSeen;
    QString sentence; // "5 of the last 6 sessions, rising"
};

struct MeasureRow
{
    QString instrument; // "phq9"
    QString name; // "PHQ-9"
    QString measures; // "depression"
    QString date; // ISO, the latest
    int total = 0;
    QString band; // machine word
    QString bandLabel; // "moderately severe"
    int count = 0; // how many times scored
    QString change; // "down 4", "up 2", "unchanged"; empty for a first score
    QString previousDate; // ISO date of the score before the latest, empty for a first score
    QList<int> totals; // date order, for a sparkline
};

struct NoteRow
{
    model::Id noteId = 0;
    model::Id sessionId = 0;
    QString date; // ISO session date
    QString kind; // "progress" | "process"
    QString status; // "draft" | "signed" | "cosigned"
    QString templateLabel;
    QString preview; // the first words of the note, headings left out
};

struct TagRow
{
    model::Id id = 0;
    QString theme;
    QString label;
    QString evidence;
    QString decision; // "suggested", "confirmed", "rejected", "manual"
    int start = 0; // UTF-16 offsets into the note's stored text (the core counts code points)
    int end = 0;
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
};

struct Overview
{
    ClientRow client;
    QString intake; // ISO or empty
    QString firstSession; // ISO date of the first session, empty when none
    int attended = 0;
    int missed = 0;
    QList<SessionRow> sessions; // date order
    QList<ThemeCardRow> themes; // most recurrent first
    QList<MeasureRow> measures; // instrument order
    QList<NoteRow> notes; // newest first
};

// Themes counted as recurring in a client row: present in at least this many of the last
// patterns::recurrenceWindow attended sessions.
constexpr int recurringAtLeast = 2;
constexpr int chipsPerClient = 3;

// "5 of the last 6 sessions, rising" (singular and plural handled; "steady" for stable).
[[nodiscard]] QString recurrenceSentence(int in, int last, const QString &trend);
// "down 4", "up 2" or "unchanged" from the previous total to the latest.
[[nodiscard]] QString changeWords(int previous, int latest);
// Plain-text preview of a note: headings dropped, whitespace collapsed, cut at a word near max.
[[nodiscard]] QString notePreview(const QString &text, int max = 160);

// Every client with the last session and top recurring themes: one caseload pass, no per-client
// queries (a practice with thousands of clients stays one read).
[[nodiscard]] QList<ClientRow> loadClientRows(vault::Vault &vault);
// One client's row (after an add or an edit).
[[nodiscard]] ClientRow loadClientRow(vault::Vault &vault, const QString &code);
// Everything the client overview shows. Error(Usage) for an unknown code.
[[nodiscard]] Overview loadOverview(vault::Vault &vault, const QString &code);

// Code-point offsets (the tagger's) to UTF-16 offsets (QString's) in text.
[[nodiscard]] int utf16Offset(const QString &text, int codePoints);
// The note's tags with offsets into text (the note's stored text), in text order.
[[nodiscard]] QList<TagRow> loadTags(vault::Vault &vault, model::Id noteId, const QString &text);
// A note for the editor, with its tags and addenda. Opening it is recorded in the audit trail.
[[nodiscard]] NoteData loadNote(vault::Vault &vault, model::Id noteId);
// Where a tag's evidence stands in edited text: at its stored offset when the words are still
// there, else the nearest occurrence of its words; nullopt when they are gone.
[[nodiscard]] std::optional<std::pair<int, int>> locate(const QString &edited, const TagRow &tag);

// The text of a QML field in guarded memory; the UTF-8 copy made on the way is wiped.
[[nodiscard]] std::shared_ptr<SecretBuffer> secretOf(const QString &text);
// uc::Error's "what: why" as a sentence for a banner or a form ("Vault: it is open elsewhere.").
[[nodiscard]] QString sentenceOf(const Error &error);

} // namespace uc::gui
