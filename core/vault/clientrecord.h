// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/episode.h"
#include "model/treatmentevent.h"
#include "model/useday.h"
#include "model/safetyplan.h"
#include "model/treatmentplan.h"
#include "model/types.h"
#include "vault/practicecosigns.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// A client's whole record as it travels between vaults: the JSON format
// "undercurrent-client-export", version 1 (docs/import.md). This header holds the format both ways
// (written by clientrecord.cpp, read and checked by clientrecordread.cpp); ClientRecords (records.h)
// gathers a record from the vault and writes one into it. Private to core/vault.
namespace uc::vault {

// The record's "format" field.
inline constexpr char clientRecordFormat[] = "undercurrent-client-export";

// A risk flag as its note carried it when signed (docs/risk.md), with its dismissal if any.
struct RecordedRiskFlag
{
    QString risk; // a risk id of the tagger's ("suicide")
    bool present = true; // false: a documented negative screen
    QString evidence;
    int start = 0; // code-point span in the note's text
    int end = 0;
    QString rule;
    QString dismissedBy; // all three empty unless the flag was dismissed as false
    QString dismissedAt;
    QString dismissReason;
};

// An assessment that closes open risk: made at signing a note, or on its own (risk close).
struct RecordedAssessment
{
    model::Id noteId = 0; // 0: on its own, or in a note the record leaves out (a process note)
    model::Date date;
    QString level; // low, moderate, high, to-follow
    QString action;
    QString assessedBy;
    QString assessedAt;
};

struct RecordedNote
{
    model::Note note; // clientCode and sessionDate filled in from the record
    QList<model::ThemeTag> tags;
    QList<model::Addendum> addenda;
    // The Ed25519 signatures (base64) and when one was added on migration; empty for a draft.
    // An import counts them only against keys the importing vault already trusts.
    QString signature;
    QString signatureMigrated;
    QString cosignSignature;
    QStringList addendumSignatures; // one per addendum
    // The flags stored when it was signed; nothing in a record written before risk travelled with
    // it (the import then reads the signed note for them, as signing would).
    std::optional<QList<RecordedRiskFlag>> riskFlags;
    // A co-signature made on the practice server (practicecosigns.h) and the author's signature
    // (base64) of its row: the note travels as signed, the row beside it, verified again at import.
    std::optional<PracticeCosign> practiceCosign;
    QString practiceCosignSignature;
};

struct RecordedMeasure
{
    model::Date date;
    QString instrument;
    QString answers; // "1,2,0,3", as entered
    int total = 0;
    QString band;
};

struct ClientRecord
{
    QString exportedAt;
    QString exportedBy;
    bool includesProcessNotes = false;
    // Countertransference entries kept back from the process notes, and the signed process notes
    // left out whole for holding some (docs/countertransference.md); written, never read back.
    int ctEntriesWithheld = 0;
    int ctNotesLeftOut = 0;
    model::Client client;
    QList<model::Session> sessions; // each with the client as its one attendee
    QList<RecordedNote> notes;
    QList<RecordedMeasure> measures;
    std::optional<model::ClientSummary> summary;
    QList<RecordedAssessment> riskAssessments;
    QList<model::Episode> episodes; // the course of care, by start date
    QList<model::TreatmentEvent> events; // other treatment, by date (deleted ones left out)
    QList<model::UseDay> useDays; // the timeline follow-back, current entries only
    QList<model::SafetyPlan> safetyPlans; // every version, oldest first, each with its hash
    // Treatment plan versions, each with its author's signature; reviews; progress ratings.
    QList<model::TreatmentPlan> plans;
    QList<model::PlanReview> planReviews;
    QList<model::ObjectiveProgress> progress;
};

// The record as JSON, with the 42 CFR Part 2 redisclosure notice.
[[nodiscard]] QJsonObject toJson(const ClientRecord &record);

// Reads and checks a record before anything is written: Error(Io) naming the field for a wrong
// format or version or a malformed field (never its text); Error(Damaged) for a signed note whose
// content (or a treatment plan version) no longer matches its hash.
[[nodiscard]] ClientRecord readClientRecord(const QJsonObject &json);

} // namespace uc::vault
