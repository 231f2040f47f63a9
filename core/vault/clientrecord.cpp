// SPDX-License-Identifier: GPL-3.0-or-later
// Writing a client's record (the format, both ways, is described in clientrecord.h; reading and
// checking it is in clientrecordread.cpp).
#include "vault/clientrecord.h"

#include "model/disclosure.h"
#include "model/json.h"
#include "model/treatmenteventjson.h"
#include "model/usedayjson.h"

#include <QJsonArray>

namespace uc::vault {

namespace {

QJsonObject riskFlagJson(const RecordedRiskFlag &f)
{
    QJsonObject o{{QStringLiteral("risk"), f.risk},
                  {QStringLiteral("status"), f.present ? QStringLiteral("present") : QStringLiteral("denied")},
                  {QStringLiteral("evidence"), f.evidence},
                  {QStringLiteral("start"), f.start},
                  {QStringLiteral("end"), f.end},
                  {QStringLiteral("rule"), f.rule}};
    if (!f.dismissedBy.isEmpty()) {
        o.insert(QStringLiteral("dismissed_by"), f.dismissedBy);
        o.insert(QStringLiteral("dismissed_at"), f.dismissedAt);
        o.insert(QStringLiteral("dismiss_reason"), f.dismissReason);
    }
    return o;
}

} // namespace

QJsonObject toJson(const ClientRecord &record)
{
    QJsonArray sessions;
    for (const model::Session &s : record.sessions)
        sessions.append(model::sessionJson(s, record.client.code));
    QJsonArray notes;
    for (const RecordedNote &r : record.notes) {
        QJsonArray tags;
        for (const model::ThemeTag &t : r.tags)
            tags.append(model::themeTagJson(t));
        QJsonArray addenda;
        for (qsizetype i = 0; i < r.addenda.size(); ++i) {
            QJsonObject a = model::addendumJson(r.addenda.at(i));
            if (i < r.addendumSignatures.size())
                a.insert(QStringLiteral("signature"), r.addendumSignatures.at(i));
            addenda.append(a);
        }
        QJsonObject note = model::noteJson(r.note);
        if (!r.signature.isEmpty())
            note.insert(QStringLiteral("signature"), r.signature);
        if (!r.signatureMigrated.isEmpty())
            note.insert(QStringLiteral("signature_migrated"), r.signatureMigrated);
        if (!r.cosignSignature.isEmpty())
            note.insert(QStringLiteral("cosign_signature"), r.cosignSignature);
        if (r.practiceCosign) {
            // As stored: signed, the practice co-signature beside it (a reader without it sees a signed note).
            note.insert(QStringLiteral("status"), model::toString(model::NoteStatus::Signed));
            note.insert(QStringLiteral("cosigned_at"), QString());
            note.insert(QStringLiteral("practice_cosign"), practiceCosignJson(*r.practiceCosign));
            note.insert(QStringLiteral("practice_cosign_signature"), r.practiceCosignSignature);
        }
        note.insert(QStringLiteral("themes"), tags);
        note.insert(QStringLiteral("created"), r.note.created);
        note.insert(QStringLiteral("updated"), r.note.updated);
        note.insert(QStringLiteral("addenda"), addenda);
        if (r.riskFlags) {
            QJsonArray flags;
            for (const RecordedRiskFlag &f : *r.riskFlags)
                flags.append(riskFlagJson(f));
            note.insert(QStringLiteral("risk_flags"), flags);
        }
        notes.append(note);
    }
    QJsonArray measures;
    for (const RecordedMeasure &m : record.measures)
        measures.append(QJsonObject{{QStringLiteral("date"), model::toIso(m.date)},
                                    {QStringLiteral("instrument"), m.instrument},
                                    {QStringLiteral("answers"), m.answers},
                                    {QStringLiteral("total"), m.total},
                                    {QStringLiteral("band"), m.band}});
    QJsonObject out{{QStringLiteral("format"), QLatin1String(clientRecordFormat)},
                    {QStringLiteral("version"), 1},
                    {QStringLiteral("exported_at"), record.exportedAt},
                    {QStringLiteral("exported_by"), record.exportedBy},
                    {QStringLiteral("includes_process_notes"), record.includesProcessNotes},
                    {QStringLiteral("client"), model::clientJson(record.client)},
                    {QStringLiteral("sessions"), sessions},
                    {QStringLiteral("notes"), notes},
                    {QStringLiteral("measures"), measures}};
    QJsonArray assessments;
    for (const RecordedAssessment &a : record.riskAssessments)
        assessments.append(QJsonObject{{QStringLiteral("note"), a.noteId ? QJsonValue(qint64(a.noteId)) : QJsonValue()},
                                       {QStringLiteral("date"), model::toIso(a.date)},
                                       {QStringLiteral("level"), a.level},
                                       {QStringLiteral("action"), a.action},
                                       {QStringLiteral("assessed_by"), a.assessedBy},
                                       {QStringLiteral("assessed_at"), a.assessedAt}});
    out.insert(QStringLiteral("risk_assessments"), assessments);
    if (record.ctEntriesWithheld > 0)
        out.insert(QStringLiteral("countertransference_withheld"),
                   QJsonObject{{QStringLiteral("entries"), record.ctEntriesWithheld},
                               {QStringLiteral("signed_notes_left_out"), record.ctNotesLeftOut}});
    QJsonArray episodes;
    for (const model::Episode &e : record.episodes)
        episodes.append(QJsonObject{{QStringLiteral("level"), e.level},
                                    {QStringLiteral("start"), model::toIso(e.start)},
                                    {QStringLiteral("end"), e.end ? QJsonValue(model::toIso(*e.end)) : QJsonValue()},
                                    {QStringLiteral("service"), e.service}});
    out.insert(QStringLiteral("episodes"), episodes);
    QJsonArray events;
    for (const model::TreatmentEvent &e : record.events)
        events.append(model::treatmentEventJson(e, false));
    out.insert(QStringLiteral("treatment_events"), events);
    QJsonArray useDays;
    for (const model::UseDay &d : record.useDays)
        useDays.append(model::useDayJson(d, false));
    out.insert(QStringLiteral("use_days"), useDays);
    QJsonArray safetyPlans;
    for (const model::SafetyPlan &p : record.safetyPlans)
        safetyPlans.append(QJsonObject{{QStringLiteral("version"), p.version},
                                 {QStringLiteral("steps"), p.stepsJson()},
                                 {QStringLiteral("signed_by"), p.author},
                                 {QStringLiteral("signed_at"), p.signedAt},
                                 {QStringLiteral("content_hash"), p.contentHash}});
    out.insert(QStringLiteral("safety_plans"), safetyPlans);
    QJsonArray plans;
    for (const model::TreatmentPlan &p : record.plans)
        plans.append(QJsonObject{{QStringLiteral("version"), p.version},
                                 {QStringLiteral("author"), p.author},
                                 {QStringLiteral("signed_at"), p.signedAt},
                                 {QStringLiteral("content_hash"), p.contentHash},
                                 {QStringLiteral("signature"), p.signature},
                                 {QStringLiteral("plan"), p.toJson()}});
    QJsonArray reviews;
    for (const model::PlanReview &r : record.planReviews)
        reviews.append(QJsonObject{{QStringLiteral("date"), model::toIso(r.date)},
                                   {QStringLiteral("version"), r.version},
                                   {QStringLiteral("by"), r.reviewer},
                                   {QStringLiteral("recorded_at"), r.recordedAt}});
    QJsonArray progress;
    for (const model::ObjectiveProgress &p : record.progress)
        progress.append(QJsonObject{{QStringLiteral("note"), static_cast<double>(p.noteId)},
                                    {QStringLiteral("objective"), p.objective},
                                    {QStringLiteral("rating"), model::toString(p.rating)},
                                    {QStringLiteral("rated_by"), p.ratedBy},
                                    {QStringLiteral("rated_at"), p.ratedAt}});
    if (!record.plans.isEmpty()) {
        out.insert(QStringLiteral("treatment_plans"), plans);
        out.insert(QStringLiteral("plan_reviews"), reviews);
        out.insert(QStringLiteral("objective_progress"), progress);
    }
    if (record.summary)
        out.insert(QStringLiteral("shareable_summary"), QJsonObject{{QStringLiteral("text"), record.summary->text},
                                                                    {QStringLiteral("author"), record.summary->author},
                                                                    {QStringLiteral("updated"), record.summary->updated}});
    // 42 CFR Part 2 §2.32: every record from an addiction practice may hold substance-use
    // information, so every export carries the redisclosure notice.
    out.insert(QStringLiteral("notice"), model::part2Notice());
    return out;
}

} // namespace uc::vault
