// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/measures.h"
#include "model/treatmentevent.h"
#include "model/safetyplan.h"
#include "model/riskrecord.h"
#include "model/treatmentplan.h"
#include "model/usedayfigures.h"
#include "model/types.h"
#include "patterns/patterns.h"
#include "vault/audit.h"
#include "vault/vault.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

// What each report shows, gathered from the vault with its rules into plain values before anything
// is drawn: the data can be checked without a PDF, and the renderer never reaches into the vault.
namespace uc::reports {

// Who made the report and when (UTC, ISO 8601), on every report's header.
struct Prepared
{
    QString by;
    QString role;
    QString at;
};

// ---- client pattern report: progress notes only, never a process note

struct ThemeRow
{
    QString id;
    QString label;
    int sessions = 0; // attended sessions raising the theme
    model::Date firstSeen;
    model::Date lastSeen;
    int recurrenceLast = 0; // the last sessions looked at (6, fewer when there are fewer)
    int recurrenceIn = 0; // how many of them raise the theme: "5 of the last 6 sessions"
    patterns::Trend trend = patterns::Trend::Stable;
    QList<int> perMonth; // sessions raising it, one per month of ClientReport::months
};

struct MeasureSeries
{
    QString instrument; // "phq9"
    QString name; // "PHQ-9"
    int maxScore = 0;
    QList<patterns::MeasurePoint> points; // date order
    std::optional<model::ReliableChange> change; // first to latest, with two or more points
};

// A risk flag in the client report's opt-in risk section (docs/risk.md).
struct RiskEntry
{
    model::RiskFlag flag;
    QString label; // the codebook's label, "Suicide"
    bool open = false; // no assessment has closed it yet
};

// The client report's opt-in treatment plan section (docs/plan.md): the newest version, when the
// next review falls due, and each objective's latest progress rating.
struct PlanSection
{
    std::optional<model::TreatmentPlan> plan; // nothing: no plan on record
    std::optional<model::Date> reviewDue;
    QHash<QString, model::ObjectiveProgress> latest; // objective id → its latest rating, by session date
};

// The client report's opt-in use days section (docs/use-days.md): each substance's figures over the
// report's months, up to today at the latest, and over each month of them.
struct UseDaySection
{
    std::optional<model::Date> from; // nothing: no day recorded
    std::optional<model::Date> to;
    QList<model::UseDayFigures> figures; // a substance each, in substanceClasses() order
    QList<QList<model::UseDayFigures>> perMonth; // per substance: one per ClientReport::months
};

struct ClientReport
{
    Prepared prepared;
    model::Client client;
    std::optional<model::Date> from; // the months covered, from sessions and measures
    std::optional<model::Date> to;
    QList<patterns::Period> months;
    QList<int> sessionsPerMonth; // attended sessions per month
    int attended = 0;
    int missed = 0;
    QList<ThemeRow> themes; // most sessions first, then label
    // The client's colour order (palette.h: clientPalette): each theme's colour, as on screen.
    QStringList palette;
    QList<MeasureSeries> measures; // in the instruments' order
    // The strongest lead–lag findings (patterns/findings.h: shown), at most maxClientFindings, in
    // plain words; tested is the number of pairs they were found among.
    QStringList findings;
    int tested = 0;
    std::optional<model::ClientSummary> summary;
    // The risk section, only when asked for (off by default): the flags of the client's progress
    // notes and measures, present and denied, by date. Never a process note's.
    std::optional<QList<RiskEntry>> risk;
    // The treatment plan section, only when asked for (off by default).
    std::optional<PlanSection> plan;
    // Other treatment (docs/treatment-events.md), only when asked for (off by default): the client's
    // events by date, deleted ones left out.
    std::optional<QList<model::TreatmentEvent>> events;
    // Use days (docs/use-days.md), only when asked for (off by default). The months above then
    // reach the days recorded too, so a baseline before the first session is on the same axis.
    std::optional<UseDaySection> useDays;
};

// The themes in the summary as a referral reads them: "Abandonment — 5 of the last 6 sessions".
[[nodiscard]] QString recurrenceText(const ThemeRow &row);

// ---- note print: a progress note as signed

struct NoteReport
{
    Prepared prepared;
    model::Note note;
    QString clientName;
    QString time; // "14:30" or empty
    int minutes = 0;
    model::Modality modality = model::Modality::Individual;
    std::optional<model::Setting> setting;
    model::Attendance attendance = model::Attendance::Attended; // this client's
    QString templateLabel;
    bool signatureVerified = false; // the stored hashes match the note as printed
    QList<model::Addendum> addenda;
};

// ---- supervision report

struct SupervisedNote
{
    model::Id noteId = 0;
    model::Date date;
    QString clientCode;
    QString status; // "draft", "signed", "co-signed" or "returned"
    QList<model::NoteComment> comments;
};

struct SupervisionReport
{
    Prepared prepared;
    QString therapist;
    QStringList supervisors;
    model::Date from;
    model::Date to;
    QList<SupervisedNote> notes; // date order
    std::optional<vault::AgreementReport> agreement; // the latest check, if any
    QHash<QString, QString> themeLabels; // theme id → the codebook's label
};

// ---- audit trail for a period

struct AuditReport
{
    Prepared prepared;
    QString from; // ISO dates; empty for an open end
    QString to;
    QString user; // whose entries; empty for everyone the reader may see
    QList<vault::AuditEntry> entries;
    bool whole = true; // the chain verified
    QString broken; // why not, when not
};

// ---- a client's safety plan, their take-home copy

struct SafetyPlanReport
{
    QString clientName;
    model::SafetyPlan plan;
};

// Each gathers with the vault's permission rules; Error as the vault raises it. The reads are
// recorded by the vault where it records them; the report itself is recorded by reports.h.
// withRisk adds the risk section; withPlan the treatment plan section, Error(NotAllowed) for a user
// who may not read plans (read-plan: an auditor) before anything is read; withEvents the other
// treatment section; withUseDays the use days section.
[[nodiscard]] ClientReport clientReport(vault::Vault &vault, const QString &clientCode, bool withRisk = false,
                                        bool withPlan = false, bool withEvents = false, bool withUseDays = false);
// The client's safety plan in force, or one version: Error(Io) for an unknown client or a client with
// no such plan. Readable by whoever reads the client's records: it is the client's own document.
[[nodiscard]] SafetyPlanReport safetyPlanReport(vault::Vault &vault, const QString &clientCode,
                                                std::optional<int> version = std::nullopt);
// Error(NotAllowed) for a process note: process notes are never disclosed. Error(Io) for an
// unknown id.
[[nodiscard]] NoteReport noteReport(vault::Vault &vault, model::Id noteId);
[[nodiscard]] SupervisionReport supervisionReport(vault::Vault &vault, const QString &therapist, const model::Date &from,
                                                  const model::Date &to);
[[nodiscard]] AuditReport auditReport(vault::Vault &vault, const vault::AuditFilter &filter);

} // namespace uc::reports
