// SPDX-License-Identifier: GPL-3.0-or-later
// Reading a client's record and checking it before anything is written: every field's type and
// range, and every signed note's and plan version's hash.
#include "vault/clientrecord.h"

#include "model/json.h"
#include "model/treatmenteventjson.h"
#include "model/usedayjson.h"
#include "model/measures.h"
#include "vault/signing.h"
#include "vault/state.h"
#include "vault/uuids.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <map>

namespace uc::vault {

using model::Id;

namespace {

// Reading the record: every problem names where it is ("notes[2].status") and why, never a value.
[[noreturn]] void malformed(const QString &where, const QString &why)
{
    throw Error(ErrorKind::Io, QStringLiteral("import"), where + QStringLiteral(": ") + why);
}

QString at(const QString &where, QLatin1String key)
{
    return where.isEmpty() ? QString(key) : where + u'.' + QString(key);
}

QString text(const QJsonObject &o, QLatin1String key, const QString &where)
{
    const QJsonValue v = o.value(key);
    if (!v.isString())
        malformed(at(where, key), v.isUndefined() ? QStringLiteral("missing") : QStringLiteral("not a string"));
    return v.toString();
}

// A string that may be empty, null or absent (all read as empty).
QString optText(const QJsonObject &o, QLatin1String key, const QString &where)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isString())
        malformed(at(where, key), QStringLiteral("not a string"));
    return v.toString();
}

// An addendum is held to the note size limit, checked before any signature is worked out.
void refuseOverlongAddenda(const QJsonObject &note, const QString &where)
{
    const QJsonArray addenda = note.value(QLatin1String("addenda")).toArray();
    for (qsizetype k = 0; k < addenda.size(); ++k) {
        if (!model::fitsNoteLimit(addenda.at(k).toObject().value(QLatin1String("text")).toString()))
            malformed(at(where, QLatin1String("addenda")) + QStringLiteral("[%1].text").arg(k), model::noteTooLongReason());
    }
}

std::optional<model::Date> optDate(const QJsonObject &o, QLatin1String key, const QString &where)
{
    const QString v = optText(o, key, where);
    if (v.isEmpty())
        return std::nullopt;
    const auto d = model::parseDate(v);
    if (!d)
        malformed(at(where, key), QStringLiteral("not a date (YYYY-MM-DD)"));
    return d;
}

model::Date date(const QJsonObject &o, QLatin1String key, const QString &where)
{
    const auto d = optDate(o, key, where);
    if (!d)
        malformed(at(where, key), QStringLiteral("missing"));
    return *d;
}

qint64 integer(const QJsonObject &o, QLatin1String key, const QString &where, qint64 min, qint64 max)
{
    const QJsonValue v = o.value(key);
    const double d = v.toDouble(-1e300);
    if (!v.isDouble() || d != static_cast<double>(static_cast<qint64>(d)) || d < static_cast<double>(min)
        || d > static_cast<double>(max))
        malformed(at(where, key), QStringLiteral("not a whole number from %1 to %2").arg(min).arg(max));
    return static_cast<qint64>(d);
}

// A practice-wide id (schema v23), absent in a record from before: empty then.
QString optUuid(const QJsonObject &o, QLatin1String key, const QString &where)
{
    const QString v = optText(o, key, where);
    if (!v.isEmpty() && !isUuid(v))
        malformed(at(where, key), QStringLiteral("not a uuid (lowercase, with hyphens)"));
    return v;
}

// The canonical form a signature was made in (signing.h): 1 when absent, as in a record from before v23.
int formOf(const QJsonObject &o, QLatin1String key, const QString &where)
{
    return o.contains(key) ? static_cast<int>(integer(o, key, where, 1, currentCanonicalForm)) : 1;
}

bool boolean(const QJsonObject &o, QLatin1String key, const QString &where)
{
    const QJsonValue v = o.value(key);
    if (!v.isBool())
        malformed(at(where, key), QStringLiteral("not true or false"));
    return v.toBool();
}

QJsonArray array(const QJsonObject &o, QLatin1String key, const QString &where)
{
    const QJsonValue v = o.value(key);
    if (!v.isArray())
        malformed(at(where, key), QStringLiteral("not a list"));
    return v.toArray();
}

QJsonObject object(const QJsonValue &v, const QString &where)
{
    if (!v.isObject())
        malformed(where, QStringLiteral("not an object"));
    return v.toObject();
}

template<typename T>
T word(std::optional<T> parsed, const QString &where)
{
    if (!parsed)
        malformed(where, QStringLiteral("not a known word"));
    return *parsed;
}

bool isHash(const QString &h)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    return hex.match(h).hasMatch();
}

QString itemAt(QLatin1String list, qsizetype i)
{
    return QStringLiteral("%1[%2]").arg(QString(list)).arg(i);
}

// A note's risk flags: only a signed note has them (they are stored at signing).
std::optional<QList<RecordedRiskFlag>> readRiskFlags(const QJsonObject &nj, const QString &w, bool isSigned,
                                                     qsizetype codePoints)
{
    if (!nj.contains(QLatin1String("risk_flags")))
        return std::nullopt;
    static const QRegularExpression riskId(QStringLiteral("^[a-z][a-z-]{0,39}$"));
    const QJsonArray flagsJson = array(nj, QLatin1String("risk_flags"), w);
    if (!isSigned && !flagsJson.isEmpty())
        malformed(at(w, QLatin1String("risk_flags")), QStringLiteral("a draft carries no risk flags (they are stored at signing)"));
    QList<RecordedRiskFlag> flags;
    for (qsizetype k = 0; k < flagsJson.size(); ++k) {
        const QString fw = at(w, QLatin1String("risk_flags")) + QStringLiteral("[%1]").arg(k);
        const QJsonObject fj = object(flagsJson.at(k), fw);
        RecordedRiskFlag f;
        f.risk = text(fj, QLatin1String("risk"), fw);
        if (!riskId.match(f.risk).hasMatch())
            malformed(at(fw, QLatin1String("risk")), QStringLiteral("not a risk id"));
        const QString status = text(fj, QLatin1String("status"), fw);
        if (status != QLatin1String("present") && status != QLatin1String("denied"))
            malformed(at(fw, QLatin1String("status")), QStringLiteral("not present or denied"));
        f.present = status == QLatin1String("present");
        f.evidence = text(fj, QLatin1String("evidence"), fw);
        f.start = static_cast<int>(integer(fj, QLatin1String("start"), fw, 0, codePoints));
        f.end = static_cast<int>(integer(fj, QLatin1String("end"), fw, f.start, codePoints));
        f.rule = text(fj, QLatin1String("rule"), fw);
        f.dismissedBy = optText(fj, QLatin1String("dismissed_by"), fw).trimmed();
        f.dismissedAt = optText(fj, QLatin1String("dismissed_at"), fw);
        f.dismissReason = optText(fj, QLatin1String("dismiss_reason"), fw);
        const bool dismissed = !f.dismissedBy.isEmpty();
        if (dismissed != !f.dismissedAt.isEmpty() || dismissed != !f.dismissReason.trimmed().isEmpty())
            malformed(fw, QStringLiteral("a dismissed flag names who dismissed it, when and why; another names none"));
        if (f.dismissedBy.size() > 64)
            malformed(at(fw, QLatin1String("dismissed_by")), QStringLiteral("a name of 1 to 64 characters is needed"));
        flags.append(f);
    }
    return flags;
}

QList<RecordedAssessment> readRiskAssessments(const QJsonObject &json, const QSet<Id> &noteIds)
{
    QList<RecordedAssessment> out;
    if (!json.contains(QLatin1String("risk_assessments")))
        return out;
    const QJsonArray list = array(json, QLatin1String("risk_assessments"), {});
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString w = itemAt(QLatin1String("risk_assessments"), i);
        const QJsonObject aj = object(list.at(i), w);
        RecordedAssessment a;
        if (!aj.value(QLatin1String("note")).isNull()) {
            a.noteId = integer(aj, QLatin1String("note"), w, 1, Id(1) << 53);
            if (!noteIds.contains(a.noteId))
                malformed(at(w, QLatin1String("note")), QStringLiteral("no note with that number in the record"));
        }
        a.date = date(aj, QLatin1String("date"), w);
        a.level = text(aj, QLatin1String("level"), w);
        static const QStringList levels{QStringLiteral("low"), QStringLiteral("moderate"), QStringLiteral("high"),
                                        QStringLiteral("to-follow")};
        if (!levels.contains(a.level))
            malformed(at(w, QLatin1String("level")), QStringLiteral("not low, moderate, high or to-follow"));
        a.action = text(aj, QLatin1String("action"), w).trimmed();
        if (a.action.isEmpty() && a.level != QLatin1String("to-follow"))
            malformed(at(w, QLatin1String("action")), QStringLiteral("an assessment of a level needs the action taken"));
        a.assessedBy = text(aj, QLatin1String("assessed_by"), w).trimmed();
        if (a.assessedBy.isEmpty() || a.assessedBy.size() > 64)
            malformed(at(w, QLatin1String("assessed_by")), QStringLiteral("a name of 1 to 64 characters is needed"));
        a.assessedAt = text(aj, QLatin1String("assessed_at"), w);
        if (a.assessedAt.isEmpty())
            malformed(at(w, QLatin1String("assessed_at")), QStringLiteral("missing"));
        out.append(a);
    }
    return out;
}

QList<model::Episode> readEpisodes(const QJsonObject &json, const QString &clientCode)
{
    QList<model::Episode> out;
    if (!json.contains(QLatin1String("episodes")))
        return out;
    const QJsonArray list = array(json, QLatin1String("episodes"), {});
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString w = itemAt(QLatin1String("episodes"), i);
        const QJsonObject ej = object(list.at(i), w);
        model::Episode e;
        e.clientCode = clientCode;
        e.level = word(model::parseLevel(text(ej, QLatin1String("level"), w)), at(w, QLatin1String("level")));
        e.start = date(ej, QLatin1String("start"), w);
        e.end = optDate(ej, QLatin1String("end"), w);
        if (e.end && *e.end < e.start)
            malformed(at(w, QLatin1String("end")), QStringLiteral("before the start"));
        e.service = optText(ej, QLatin1String("service"), w).trimmed();
        if (e.service.size() > 200)
            malformed(at(w, QLatin1String("service")), QStringLiteral("longer than 200 characters"));
        for (const model::Episode &earlier : std::as_const(out)) {
            if (e.overlaps(earlier))
                malformed(w, QStringLiteral("overlaps another episode of the record"));
        }
        out.append(e);
    }
    return out;
}

// Other treatment (model/treatmenteventjson.h), each event checked as `event add` checks it.
QList<model::TreatmentEvent> readTreatmentEvents(const QJsonObject &json, const QString &clientCode)
{
    QList<model::TreatmentEvent> out;
    if (!json.contains(QLatin1String("treatment_events")))
        return out;
    const QJsonArray list = array(json, QLatin1String("treatment_events"), {});
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString w = itemAt(QLatin1String("treatment_events"), i);
        QString problem;
        auto e = model::treatmentEventFromJson(object(list.at(i), w), &problem);
        if (!e)
            malformed(w, problem);
        e->clientCode = clientCode;
        out.append(*e);
    }
    return out;
}

// Use days (model/usedayjson.h), each checked as `useday record` checks it, at most one per
// substance and day.
QList<model::UseDay> readUseDays(const QJsonObject &json, const QString &clientCode)
{
    QList<model::UseDay> out;
    if (!json.contains(QLatin1String("use_days")))
        return out;
    const QJsonArray list = array(json, QLatin1String("use_days"), {});
    const model::Date today = *model::parseDate(now().left(10));
    QSet<QString> seen;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString w = itemAt(QLatin1String("use_days"), i);
        QString problem;
        auto d = model::useDayFromJson(object(list.at(i), w), today, &problem);
        if (!d)
            malformed(w, problem);
        const QString key = d->substance + u' ' + model::toIso(d->date);
        if (seen.contains(key))
            malformed(w, QStringLiteral("a second entry for the same substance and day"));
        seen.insert(key);
        d->clientCode = clientCode;
        out.append(*d);
    }
    return out;
}

// Every version of the safety plan, numbered 1, 2, 3 … in order, each matching its hash.
QList<model::SafetyPlan> readSafetyPlans(const QJsonObject &json, const QString &clientCode)
{
    QList<model::SafetyPlan> out;
    if (!json.contains(QLatin1String("safety_plans")))
        return out;
    const QJsonArray list = array(json, QLatin1String("safety_plans"), {});
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString w = itemAt(QLatin1String("safety_plans"), i);
        const QJsonObject pj = object(list.at(i), w);
        model::SafetyPlan p;
        const QJsonValue steps = pj.value(QLatin1String("steps"));
        if (!steps.isObject())
            malformed(at(w, QLatin1String("steps")), QStringLiteral("not an object"));
        try {
            p = model::safetyPlanFromJson(steps.toObject());
        } catch (const Error &e) {
            malformed(at(w, QLatin1String("steps")), e.why());
        }
        p.clientCode = clientCode;
        p.version = static_cast<int>(integer(pj, QLatin1String("version"), w, i + 1, i + 1));
        p.author = text(pj, QLatin1String("signed_by"), w).trimmed();
        if (p.author.isEmpty() || p.author.size() > 64)
            malformed(at(w, QLatin1String("signed_by")), QStringLiteral("a name of 1 to 64 characters is needed"));
        p.signedAt = text(pj, QLatin1String("signed_at"), w);
        p.contentHash = text(pj, QLatin1String("content_hash"), w);
        if (p.signedAt.isEmpty() || !isHash(p.contentHash))
            malformed(w, QStringLiteral("a safety plan version needs signed_at and a content_hash"));
        if (sha256Hex(model::canonicalSafetyPlan(p)) != p.contentHash)
            throw Error(ErrorKind::Damaged, QStringLiteral("import"),
                        w + QStringLiteral(": the safety plan does not match its hash (changed since it was signed)"));
        out.append(p);
    }
    return out;
}

namespace {

// The treatment plan's versions, reviews and ratings; a version whose plan no longer gives its
// hash is damage. Signatures are checked by the importing vault, against keys it trusts.
void readPlans(const QJsonObject &json, ClientRecord &out)
{
    const QJsonArray plansJson = json.contains(QLatin1String("treatment_plans")) ? array(json, QLatin1String("treatment_plans"), {}) : QJsonArray();
    QSet<QString> objectives;
    for (qsizetype i = 0; i < plansJson.size(); ++i) {
        const QString w = itemAt(QLatin1String("treatment_plans"), i);
        const QJsonObject pj = object(plansJson.at(i), w);
        model::TreatmentPlan plan;
        try {
            plan = model::treatmentPlanFromJson(object(pj.value(QLatin1String("plan")), at(w, QLatin1String("plan"))),
                                                model::Date(1970, 1, 1));
        } catch (const Error &e) {
            malformed(at(w, QLatin1String("plan")), e.why());
        }
        plan.clientCode = out.client.code;
        plan.version = static_cast<int>(integer(pj, QLatin1String("version"), w, 1, 100000));
        if (plan.version != i + 1)
            malformed(at(w, QLatin1String("version")), QStringLiteral("versions run 1, 2, 3 … in order"));
        plan.author = text(pj, QLatin1String("author"), w).trimmed();
        plan.signedAt = text(pj, QLatin1String("signed_at"), w);
        plan.contentHash = text(pj, QLatin1String("content_hash"), w);
        plan.signature = text(pj, QLatin1String("signature"), w);
        for (const model::PlanObjective &o : plan.objectives()) {
            if (o.id.isEmpty())
                malformed(at(w, QLatin1String("plan")), QStringLiteral("an objective without its id"));
            objectives.insert(o.id);
        }
        if (sha256Hex(model::canonicalTreatmentPlan(plan)) != plan.contentHash)
            throw Error(ErrorKind::Damaged, QStringLiteral("import"),
                        QStringLiteral("treatment plan version %1 does not match %2's signature (changed since signing); "
                                       "nothing was imported").arg(plan.version).arg(plan.author));
        out.plans.append(plan);
    }
    const QJsonArray reviewsJson = json.contains(QLatin1String("plan_reviews")) ? array(json, QLatin1String("plan_reviews"), {}) : QJsonArray();
    for (qsizetype i = 0; i < reviewsJson.size(); ++i) {
        const QString w = itemAt(QLatin1String("plan_reviews"), i);
        const QJsonObject rj = object(reviewsJson.at(i), w);
        model::PlanReview r{date(rj, QLatin1String("date"), w),
                            static_cast<int>(integer(rj, QLatin1String("version"), w, 1, out.plans.size())),
                            text(rj, QLatin1String("by"), w).trimmed(), text(rj, QLatin1String("recorded_at"), w)};
        out.planReviews.append(r);
    }
    QSet<Id> notes;
    for (const RecordedNote &n : std::as_const(out.notes))
        notes.insert(n.note.id);
    const QJsonArray progressJson = json.contains(QLatin1String("objective_progress")) ? array(json, QLatin1String("objective_progress"), {}) : QJsonArray();
    for (qsizetype i = 0; i < progressJson.size(); ++i) {
        const QString w = itemAt(QLatin1String("objective_progress"), i);
        const QJsonObject pj = object(progressJson.at(i), w);
        model::ObjectiveProgress p;
        p.noteId = integer(pj, QLatin1String("note"), w, 1, Id(1) << 53);
        if (!notes.contains(p.noteId))
            malformed(at(w, QLatin1String("note")), QStringLiteral("not a note of the record"));
        p.objective = text(pj, QLatin1String("objective"), w);
        if (!objectives.contains(p.objective))
            malformed(at(w, QLatin1String("objective")), QStringLiteral("not an objective of the record's plan"));
        p.rating = word(model::parseProgressRating(text(pj, QLatin1String("rating"), w)), at(w, QLatin1String("rating")));
        p.ratedBy = text(pj, QLatin1String("rated_by"), w).trimmed();
        p.ratedAt = text(pj, QLatin1String("rated_at"), w);
        out.progress.append(p);
    }
}

} // namespace

} // namespace

ClientRecord readClientRecord(const QJsonObject &json)
{
    const QString what = QStringLiteral("import");
    if (json.value(QLatin1String("format")).toString() != QLatin1String(clientRecordFormat))
        malformed(QStringLiteral("format"), QStringLiteral("not an Undercurrent client export"));
    if (json.value(QLatin1String("version")).toDouble(-1) != 1.0)
        malformed(QStringLiteral("version"), QStringLiteral("not a version this Undercurrent reads (1)"));

    const QJsonObject cj = object(json.value(QLatin1String("client")), QStringLiteral("client"));
    const QString cw = QStringLiteral("client");
    ClientRecord out;
    model::Client &c = out.client;
    c.code = text(cj, QLatin1String("code"), cw);
    static const QRegularExpression codeShape(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$"));
    if (!codeShape.match(c.code).hasMatch())
        malformed(QStringLiteral("client.code"), QStringLiteral("a client code is 1 to 32 letters, digits, '.', '_' or '-'"));
    c.displayName = text(cj, QLatin1String("display_name"), cw);
    if (c.displayName.trimmed().isEmpty())
        malformed(QStringLiteral("client.display_name"), QStringLiteral("empty"));
    c.status = word(model::parseClientStatus(text(cj, QLatin1String("status"), cw)), QStringLiteral("client.status"));
    c.intakeDate = optDate(cj, QLatin1String("intake_date"), cw);
    if (const QString s = optText(cj, QLatin1String("setting"), cw); !s.isEmpty())
        c.setting = word(model::parseSetting(s), QStringLiteral("client.setting"));
    c.consentTreatment = boolean(cj, QLatin1String("consent_treatment"), cw);
    c.consentPart2 = boolean(cj, QLatin1String("consent_part2"), cw);
    c.consentPart2Date = optDate(cj, QLatin1String("consent_part2_date"), cw);
    c.consentPart2Scope = optText(cj, QLatin1String("consent_part2_scope"), cw);

    // Sessions, by their number in the json.
    std::map<Id, model::Session> sessions;
    const QJsonArray sessionsJson = array(json, QLatin1String("sessions"), {});
    for (qsizetype i = 0; i < sessionsJson.size(); ++i) {
        const QString w = itemAt(QLatin1String("sessions"), i);
        const QJsonObject sj = object(sessionsJson.at(i), w);
        model::Session s;
        s.id = integer(sj, QLatin1String("id"), w, 1, Id(1) << 53);
        if (sessions.count(s.id))
            malformed(at(w, QLatin1String("id")), QStringLiteral("a second session with that number"));
        s.date = date(sj, QLatin1String("date"), w);
        if (const QString t = optText(sj, QLatin1String("time"), w); !t.isEmpty())
            s.start = word(model::parseTime(t), at(w, QLatin1String("time")));
        s.minutes = static_cast<int>(integer(sj, QLatin1String("minutes"), w, 1, 1440));
        s.modality = word(model::parseModality(text(sj, QLatin1String("modality"), w)), at(w, QLatin1String("modality")));
        if (const QString st = optText(sj, QLatin1String("setting"), w); !st.isEmpty())
            s.setting = word(model::parseSetting(st), at(w, QLatin1String("setting")));
        s.groupTopic = optText(sj, QLatin1String("group_topic"), w);
        s.uuid = optUuid(sj, QLatin1String("uuid"), w);
        if (!s.uuid.isEmpty() && std::any_of(sessions.begin(), sessions.end(),
                                             [&s](const auto &other) { return other.second.uuid == s.uuid; }))
            malformed(at(w, QLatin1String("uuid")), QStringLiteral("a second session with that uuid"));
        const QJsonArray attendees = array(sj, QLatin1String("attendees"), w);
        // The export names only this client on a session (never another group member).
        if (attendees.size() != 1)
            malformed(at(w, QLatin1String("attendees")), QStringLiteral("one attendee, the client, is expected"));
        const QJsonObject aj = object(attendees.first(), at(w, QLatin1String("attendees[0]")));
        if (text(aj, QLatin1String("client"), at(w, QLatin1String("attendees[0]"))) != c.code)
            malformed(at(w, QLatin1String("attendees[0].client")), QStringLiteral("not the client of the record"));
        s.attendees.append({0, c.code, word(model::parseAttendance(text(aj, QLatin1String("attendance"), w)),
                                            at(w, QLatin1String("attendees[0].attendance")))});
        sessions.emplace(s.id, s);
    }

    // Notes, with their signatures checked against their content.
    QList<RecordedNote> &notes = out.notes;
    QSet<Id> noteIds;
    QSet<QString> noteUuids;
    const QJsonArray notesJson = array(json, QLatin1String("notes"), {});
    for (qsizetype i = 0; i < notesJson.size(); ++i) {
        const QString w = itemAt(QLatin1String("notes"), i);
        const QJsonObject nj = object(notesJson.at(i), w);
        RecordedNote in;
        model::Note &n = in.note;
        n.id = integer(nj, QLatin1String("id"), w, 1, Id(1) << 53);
        if (noteIds.contains(n.id))
            malformed(at(w, QLatin1String("id")), QStringLiteral("a second note with that number"));
        noteIds.insert(n.id);
        n.sessionId = integer(nj, QLatin1String("session"), w, 1, Id(1) << 53);
        const auto session = sessions.find(n.sessionId);
        if (session == sessions.end())
            malformed(at(w, QLatin1String("session")), QStringLiteral("no session with that number in the record"));
        n.clientCode = c.code;
        n.sessionDate = session->second.date;
        n.sessionUuid = session->second.uuid;
        n.uuid = optUuid(nj, QLatin1String("uuid"), w);
        if (!n.uuid.isEmpty() && noteUuids.contains(n.uuid))
            malformed(at(w, QLatin1String("uuid")), QStringLiteral("a second note with that uuid"));
        noteUuids.insert(n.uuid);
        n.canonicalForm = formOf(nj, QLatin1String("canonical_form"), w);
        n.cosignForm = formOf(nj, QLatin1String("cosign_form"), w);
        if ((n.canonicalForm >= 2 || n.cosignForm >= 2) && (n.uuid.isEmpty() || n.sessionUuid.isEmpty()))
            malformed(w, QStringLiteral("a note signed by its uuid needs its uuid and its session's"));
        n.author = text(nj, QLatin1String("author"), w).trimmed();
        if (n.author.isEmpty() || n.author.size() > 64)
            malformed(at(w, QLatin1String("author")), QStringLiteral("a name of 1 to 64 characters is needed"));
        n.templateId = text(nj, QLatin1String("template"), w);
        if (!model::findTemplate(n.templateId))
            malformed(at(w, QLatin1String("template")), QStringLiteral("unknown note template"));
        n.kind = word(model::parseNoteKind(text(nj, QLatin1String("kind"), w)), at(w, QLatin1String("kind")));
        n.status = word(model::parseNoteStatus(text(nj, QLatin1String("status"), w)), at(w, QLatin1String("status")));
        const QJsonArray sectionsJson = array(nj, QLatin1String("sections"), w);
        for (qsizetype k = 0; k < sectionsJson.size(); ++k) {
            const QString sw = at(w, QLatin1String("sections")) + QStringLiteral("[%1]").arg(k);
            const QJsonObject so = object(sectionsJson.at(k), sw);
            // "group": a group session's shared part (absent when false, as signed).
            const bool shared = so.contains(QLatin1String("group")) && boolean(so, QLatin1String("group"), sw);
            n.sections.append({text(so, QLatin1String("title"), sw), text(so, QLatin1String("text"), sw), shared});
        }
        if (!model::fitsNoteLimit(n.text()))
            malformed(at(w, QLatin1String("sections")), model::noteTooLongReason());
        refuseOverlongAddenda(nj, w);
        n.created = text(nj, QLatin1String("created"), w);
        n.updated = text(nj, QLatin1String("updated"), w);
        n.signedBy = optText(nj, QLatin1String("signed_by"), w);
        n.signedAt = optText(nj, QLatin1String("signed_at"), w);
        n.contentHash = optText(nj, QLatin1String("content_hash"), w);
        n.cosignedBy = optText(nj, QLatin1String("cosigned_by"), w);
        n.cosignedAt = optText(nj, QLatin1String("cosigned_at"), w);
        n.cosignHash = optText(nj, QLatin1String("cosign_hash"), w);
        in.signature = optText(nj, QLatin1String("signature"), w);
        in.signatureMigrated = optText(nj, QLatin1String("signature_migrated"), w);
        in.cosignSignature = optText(nj, QLatin1String("cosign_signature"), w);
        if (nj.contains(QLatin1String("practice_cosign"))) {
            const QString pw = at(w, QLatin1String("practice_cosign"));
            in.practiceCosign = practiceCosignFromJson(object(nj.value(QLatin1String("practice_cosign")), pw), n.id);
            if (!in.practiceCosign || n.status != model::NoteStatus::Signed)
                malformed(pw, QStringLiteral("not a practice co-signature of a signed note"));
            in.practiceCosignSignature = text(nj, QLatin1String("practice_cosign_signature"), w);
        }
        const bool isSigned = n.status != model::NoteStatus::Draft;
        const bool cosigned = n.status == model::NoteStatus::Cosigned;
        if (isSigned != (!n.signedBy.isEmpty() && !n.signedAt.isEmpty() && isHash(n.contentHash)))
            malformed(w, isSigned ? QStringLiteral("a signed note needs signed_by, signed_at and a content_hash")
                                  : QStringLiteral("a draft carries no signature"));
        if (cosigned != (!n.cosignedBy.isEmpty() && !n.cosignedAt.isEmpty() && isHash(n.cosignHash)))
            malformed(w, cosigned ? QStringLiteral("a co-signed note needs cosigned_by, cosigned_at and a cosign_hash")
                                  : QStringLiteral("only a co-signed note carries a co-signature"));
        // The signature still holds over the content as recorded, or the record was changed.
        if (isSigned && sha256Hex(canonicalContent(n).toUtf8()) != n.contentHash)
            throw Error(ErrorKind::Damaged, what,
                        w + QStringLiteral(": the note's content does not match its signature (changed since signing)"));
        if (cosigned && sha256Hex(cosignContent(n, n.cosignedBy, n.cosignedAt).toUtf8()) != n.cosignHash)
            throw Error(ErrorKind::Damaged, what, w + QStringLiteral(": the co-signature does not match the note"));

        const qsizetype codePoints = n.text().toUcs4().size();
        const QJsonArray tagsJson = array(nj, QLatin1String("themes"), w);
        for (qsizetype k = 0; k < tagsJson.size(); ++k) {
            const QString tw = at(w, QLatin1String("themes")) + QStringLiteral("[%1]").arg(k);
            const QJsonObject tj = object(tagsJson.at(k), tw);
            model::ThemeTag t;
            t.theme = text(tj, QLatin1String("theme"), tw);
            if (t.theme.isEmpty())
                malformed(at(tw, QLatin1String("theme")), QStringLiteral("empty"));
            t.start = static_cast<int>(integer(tj, QLatin1String("start"), tw, 0, codePoints));
            t.end = static_cast<int>(integer(tj, QLatin1String("end"), tw, t.start, codePoints));
            t.evidence = text(tj, QLatin1String("evidence"), tw);
            t.rule = text(tj, QLatin1String("rule"), tw);
            t.decision = word(model::parseTagDecision(text(tj, QLatin1String("decision"), tw)), at(tw, QLatin1String("decision")));
            t.decidedBy = optText(tj, QLatin1String("decided_by"), tw).trimmed();
            t.decidedAt = optText(tj, QLatin1String("decided_at"), tw);
            if ((t.decision == model::TagDecision::Suggested) != t.decidedBy.isEmpty())
                malformed(tw, QStringLiteral("a decided tag names who decided, a suggestion no one"));
            in.tags.append(t);
        }
        const QJsonArray addendaJson = array(nj, QLatin1String("addenda"), w);
        if (!isSigned && !addendaJson.isEmpty())
            malformed(at(w, QLatin1String("addenda")), QStringLiteral("an addendum goes under a signed note"));
        for (qsizetype k = 0; k < addendaJson.size(); ++k) {
            const QString aw = at(w, QLatin1String("addenda")) + QStringLiteral("[%1]").arg(k);
            const QJsonObject aj = object(addendaJson.at(k), aw);
            model::Addendum a;
            a.author = text(aj, QLatin1String("author"), aw).trimmed();
            a.text = text(aj, QLatin1String("text"), aw);
            a.signedAt = text(aj, QLatin1String("signed_at"), aw);
            a.contentHash = text(aj, QLatin1String("content_hash"), aw);
            a.form = formOf(aj, QLatin1String("form"), aw);
            if (a.author.isEmpty() || a.text.trimmed().isEmpty() || a.signedAt.isEmpty() || !isHash(a.contentHash))
                malformed(aw, QStringLiteral("an addendum needs an author, text, signed_at and a content_hash"));
            in.addenda.append(a);
            in.addendumSignatures.append(optText(aj, QLatin1String("signature"), aw));
        }
        in.riskFlags = readRiskFlags(nj, w, isSigned, codePoints);
        notes.append(in);
    }

    QList<RecordedMeasure> &measures = out.measures;
    const QJsonArray measuresJson = array(json, QLatin1String("measures"), {});
    for (qsizetype i = 0; i < measuresJson.size(); ++i) {
        const QString w = itemAt(QLatin1String("measures"), i);
        const QJsonObject mj = object(measuresJson.at(i), w);
        RecordedMeasure m;
        m.date = date(mj, QLatin1String("date"), w);
        m.instrument = text(mj, QLatin1String("instrument"), w);
        m.answers = text(mj, QLatin1String("answers"), w);
        QList<int> answers;
        for (const QString &item : m.answers.split(u',')) {
            bool ok = false;
            answers.append(item.toInt(&ok));
            if (!ok)
                malformed(at(w, QLatin1String("answers")), QStringLiteral("not a list of whole numbers"));
        }
        model::Score score;
        try {
            score = model::score(m.instrument, answers);
        } catch (const Error &e) {
            malformed(w, e.why());
        }
        m.total = score.total;
        m.band = score.band;
        if (score.total != integer(mj, QLatin1String("total"), w, 0, 1000)
            || score.band != text(mj, QLatin1String("band"), w))
            malformed(w, QStringLiteral("the answers do not give the recorded total and band"));
        measures.append(m);
    }

    std::optional<model::ClientSummary> &summary = out.summary;
    if (json.contains(QLatin1String("shareable_summary"))) {
        const QString w = QStringLiteral("shareable_summary");
        const QJsonObject sj = object(json.value(QLatin1String("shareable_summary")), w);
        summary = model::ClientSummary{text(sj, QLatin1String("text"), w), text(sj, QLatin1String("author"), w).trimmed(),
                                       text(sj, QLatin1String("updated"), w)};
        if (summary->author.isEmpty() || summary->updated.isEmpty())
            malformed(w, QStringLiteral("a summary needs its author and time"));
    }

    out.riskAssessments = readRiskAssessments(json, noteIds);
    out.episodes = readEpisodes(json, c.code);
    out.events = readTreatmentEvents(json, c.code);
    out.useDays = readUseDays(json, c.code);
    out.safetyPlans = readSafetyPlans(json, c.code);

    readPlans(json, out);
    for (const auto &[id, s] : sessions)
        out.sessions.append(s);
    return out;
}

} // namespace uc::vault
