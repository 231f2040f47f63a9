// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/json.h"

#include <QJsonArray>

namespace uc::model {

namespace {

QJsonValue isoOrNull(const std::optional<Date> &date)
{
    return date ? QJsonValue(toIso(*date)) : QJsonValue();
}

QJsonValue settingOrNull(const std::optional<Setting> &setting)
{
    return setting ? QJsonValue(toString(*setting)) : QJsonValue();
}

} // namespace

QJsonObject noteJson(const Note &n)
{
    return {{QStringLiteral("id"), static_cast<double>(n.id)},
            {QStringLiteral("session"), static_cast<double>(n.sessionId)},
            {QStringLiteral("author"), n.author},
            {QStringLiteral("template"), n.templateId},
            {QStringLiteral("kind"), toString(n.kind)},
            {QStringLiteral("status"), toString(n.status)},
            {QStringLiteral("sections"), sectionsJsonArray(n.sections)},
            {QStringLiteral("signed_by"), n.signedBy},
            {QStringLiteral("signed_at"), n.signedAt},
            {QStringLiteral("content_hash"), n.contentHash},
            {QStringLiteral("cosigned_by"), n.cosignedBy},
            {QStringLiteral("cosigned_at"), n.cosignedAt},
            {QStringLiteral("cosign_hash"), n.cosignHash},
            {QStringLiteral("uuid"), n.uuid},
            {QStringLiteral("canonical_form"), n.canonicalForm},
            {QStringLiteral("cosign_form"), n.cosignForm}};
}

QJsonObject noteDetailJson(const Note &n, const QList<Addendum> &addenda, const QList<NoteComment> &comments)
{
    QJsonArray addendaJson;
    for (const Addendum &a : addenda) {
        QJsonObject o = addendumJson(a);
        o.insert(QStringLiteral("id"), static_cast<double>(a.id));
        addendaJson.append(o);
    }
    QJsonArray commentsJson;
    for (const NoteComment &c : comments)
        commentsJson.append(commentJson(c));
    QJsonObject o = noteJson(n);
    o.insert(QStringLiteral("client"), n.clientCode);
    o.insert(QStringLiteral("date"), toIso(n.sessionDate));
    o.insert(QStringLiteral("text"), n.text());
    o.insert(QStringLiteral("complete"), n.complete());
    o.insert(QStringLiteral("addenda"), addendaJson);
    o.insert(QStringLiteral("comments"), commentsJson);
    return o;
}

QJsonObject addendumJson(const Addendum &a)
{
    return {{QStringLiteral("author"), a.author},
            {QStringLiteral("text"), a.text},
            {QStringLiteral("signed_at"), a.signedAt},
            {QStringLiteral("content_hash"), a.contentHash},
            {QStringLiteral("form"), a.form}};
}

QJsonObject commentJson(const NoteComment &c)
{
    return {{QStringLiteral("id"), static_cast<double>(c.id)},
            {QStringLiteral("author"), c.author},
            {QStringLiteral("returned"), c.returned},
            {QStringLiteral("text"), c.text},
            {QStringLiteral("created"), c.created},
            {QStringLiteral("signature"), c.signature == CommentSignature::Verified ? QStringLiteral("verified")
                                          : c.signature == CommentSignature::Unsigned ? QStringLiteral("unsigned")
                                                                                      : QStringLiteral("broken")}};
}

QJsonObject themeTagJson(const ThemeTag &t)
{
    return {{QStringLiteral("theme"), t.theme},
            {QStringLiteral("start"), t.start},
            {QStringLiteral("end"), t.end},
            {QStringLiteral("evidence"), t.evidence},
            {QStringLiteral("rule"), t.rule},
            {QStringLiteral("decision"), toString(t.decision)},
            {QStringLiteral("decided_by"), t.decidedBy},
            {QStringLiteral("decided_at"), t.decidedAt}};
}

QJsonObject sessionJson(const Session &s, const QString &clientCode)
{
    QJsonArray attendees;
    for (const auto &a : s.attendees)
        if (a.clientCode == clientCode)
            attendees.append(QJsonObject{{QStringLiteral("client"), a.clientCode},
                                         {QStringLiteral("attendance"), toString(a.attendance)}});
    return {{QStringLiteral("id"), static_cast<double>(s.id)},
            {QStringLiteral("date"), toIso(s.date)},
            {QStringLiteral("time"), s.start ? QJsonValue(toIso(*s.start)) : QJsonValue()},
            {QStringLiteral("minutes"), s.minutes},
            {QStringLiteral("modality"), toString(s.modality)},
            {QStringLiteral("setting"), settingOrNull(s.setting)},
            {QStringLiteral("group_topic"), s.groupTopic},
            {QStringLiteral("uuid"), s.uuid},
            {QStringLiteral("attendees"), attendees}};
}

QJsonObject clientJson(const Client &c)
{
    return {{QStringLiteral("code"), c.code},
            {QStringLiteral("display_name"), c.displayName},
            {QStringLiteral("status"), toString(c.status)},
            {QStringLiteral("intake_date"), isoOrNull(c.intakeDate)},
            {QStringLiteral("setting"), settingOrNull(c.setting)},
            {QStringLiteral("consent_treatment"), c.consentTreatment},
            {QStringLiteral("consent_part2"), c.consentPart2},
            {QStringLiteral("consent_part2_date"), isoOrNull(c.consentPart2Date)},
            {QStringLiteral("consent_part2_scope"), c.consentPart2Scope}};
}

} // namespace uc::model
