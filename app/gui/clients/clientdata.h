// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/history.h"
#include "model/treatmentevent.h"
#include "model/useday.h"
#include "model/types.h"
#include "planrows.h"
#include "riskview.h"

#include <QList>
#include <QString>
#include <QStringList>


namespace uc::vault {
class Vault;
}

// What the clients screen and a client's overview show, computed once on the vault thread from the
// core's answers and handed to the GUI thread as plain values (no vault, no pointers). The wording
// rules live here, in C++, so they are tested; QML only lays them out.
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
    QString start; // "HH:MM", or "" when not recorded
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
    QString reliableChange; // "reliable-improvement" … "not-computed"; "" for a first score
    QString reliableChangeText; // "16 → 8: reliable change not computed …"; "" for a first score
    model::Id latestId = 0; // the latest measure, which the card corrects or deletes
    QList<int> latestAnswers; // its answers as stored (-1 a C-SSRS question skipped)
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

struct Overview
{
    ClientRow client;
    QString intake; // ISO or empty
    QString firstSession; // ISO date of the first session, empty when none
    int attended = 0;
    int missed = 0;
    QList<SessionRow> sessions; // date order
    QList<ThemeCardRow> themes; // most recurrent first
    QStringList palette; // the client's colour order over the whole record (reports/palette.h)
    QList<MeasureRow> measures; // instrument order
    QList<NoteRow> notes; // newest first
    QList<RiskRow> openRisk; // the client's open risk flags, newest first (the banner)
    // When the treatment plan's next review is due (ISO); empty without a plan, or for a user who
    // may not read plans (an auditor).
    QString planReviewDue;
    PlanSummary plan; // the newest version's objectives and their progress
    QList<model::FieldPoint> fields; // the typed fields of the client's progress notes, session order
    QList<model::TreatmentEvent> events; // other treatment (docs/treatment-events.md), by date
    QList<model::UseDay> useDays; // the timeline follow-back (docs/use-days.md), by substance then date
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

} // namespace uc::gui
