// SPDX-License-Identifier: GPL-3.0-or-later
#include "vault/signing.h"

#include "vault/state.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace uc::vault {

namespace {

// QJsonObject keeps its keys sorted, so the compact form is canonical.
QString compact(const QJsonObject &content)
{
    return QString::fromUtf8(QJsonDocument(content).toJson(QJsonDocument::Compact));
}

} // namespace

QString canonicalContent(const model::Note &n)
{
    return compact({{QStringLiteral("note"), static_cast<double>(n.id)},
                    {QStringLiteral("session"), static_cast<double>(n.sessionId)},
                    {QStringLiteral("client"), n.clientCode},
                    {QStringLiteral("date"), model::toIso(n.sessionDate)},
                    {QStringLiteral("author"), n.author},
                    {QStringLiteral("template"), n.templateId},
                    {QStringLiteral("kind"), model::toString(n.kind)},
                    {QStringLiteral("sections"), model::sectionsJsonArray(n.sections)},
                    {QStringLiteral("signed_by"), n.signedBy},
                    {QStringLiteral("signed_at"), n.signedAt}});
}

QString cosignContent(const model::Note &n, const QString &by, const QString &at)
{
    return compact({{QStringLiteral("note"), static_cast<double>(n.id)},
                    {QStringLiteral("content_hash"), n.contentHash},
                    {QStringLiteral("cosigned_by"), by},
                    {QStringLiteral("cosigned_at"), at}});
}

QString addendumHash(const model::Note &n, const QString &author, const QString &text, const QString &signedAt)
{
    const QJsonObject content{{QStringLiteral("note"), static_cast<double>(n.id)},
                              {QStringLiteral("note_hash"), n.contentHash},
                              {QStringLiteral("author"), author},
                              {QStringLiteral("text"), text},
                              {QStringLiteral("signed_at"), signedAt}};
    return sha256Hex(QJsonDocument(content).toJson(QJsonDocument::Compact));
}

namespace {

QJsonObject commentContent(const model::NoteComment &c)
{
    return {{QStringLiteral("comment"), static_cast<double>(c.id)},
            {QStringLiteral("note"), static_cast<double>(c.noteId)},
            {QStringLiteral("author"), c.author},
            {QStringLiteral("returned"), c.returned},
            {QStringLiteral("text"), c.text},
            {QStringLiteral("created"), c.created}};
}

} // namespace

QString commentHash(const model::NoteComment &c, const QString &noteHash)
{
    QJsonObject content = commentContent(c);
    content.insert(QStringLiteral("note_hash"), noteHash);
    return sha256Hex(QJsonDocument(content).toJson(QJsonDocument::Compact));
}

QString commentHashWithoutNote(const model::NoteComment &c)
{
    return sha256Hex(QJsonDocument(commentContent(c)).toJson(QJsonDocument::Compact));
}

} // namespace uc::vault
