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

// Form 2 names the note by its uuid and says which form it is; form 1 names the local number.
void nameNote(QJsonObject &content, const model::Note &n, int form)
{
    if (form >= 2) {
        content.insert(QStringLiteral("form"), form);
        content.insert(QStringLiteral("note_uuid"), n.uuid);
    } else {
        content.insert(QStringLiteral("note"), static_cast<double>(n.id));
    }
}

} // namespace

QString canonicalContent(const model::Note &n)
{
    QJsonObject content{{QStringLiteral("client"), n.clientCode},
                        {QStringLiteral("date"), model::toIso(n.sessionDate)},
                        {QStringLiteral("author"), n.author},
                        {QStringLiteral("template"), n.templateId},
                        {QStringLiteral("kind"), model::toString(n.kind)},
                        {QStringLiteral("sections"), model::sectionsJsonArray(n.sections)},
                        {QStringLiteral("signed_by"), n.signedBy},
                        {QStringLiteral("signed_at"), n.signedAt}};
    nameNote(content, n, n.canonicalForm);
    if (n.canonicalForm >= 2)
        content.insert(QStringLiteral("session_uuid"), n.sessionUuid);
    else
        content.insert(QStringLiteral("session"), static_cast<double>(n.sessionId));
    return compact(content);
}

QString cosignContent(const model::Note &n, const QString &by, const QString &at)
{
    QJsonObject content{{QStringLiteral("content_hash"), n.contentHash},
                        {QStringLiteral("cosigned_by"), by},
                        {QStringLiteral("cosigned_at"), at}};
    nameNote(content, n, n.cosignForm);
    return compact(content);
}

QString addendumHash(const model::Note &n, const QString &author, const QString &text, const QString &signedAt,
                     int form)
{
    QJsonObject content{{QStringLiteral("note_hash"), n.contentHash},
                        {QStringLiteral("author"), author},
                        {QStringLiteral("text"), text},
                        {QStringLiteral("signed_at"), signedAt}};
    nameNote(content, n, form);
    return sha256Hex(QJsonDocument(content).toJson(QJsonDocument::Compact));
}

namespace {

QJsonObject commentContent(const model::NoteComment &c)
{
    QJsonObject content{{QStringLiteral("author"), c.author},
                        {QStringLiteral("returned"), c.returned},
                        {QStringLiteral("text"), c.text},
                        {QStringLiteral("created"), c.created}};
    if (c.form >= 2) {
        content.insert(QStringLiteral("form"), c.form);
        content.insert(QStringLiteral("comment_uuid"), c.uuid);
        content.insert(QStringLiteral("note_uuid"), c.noteUuid);
    } else {
        content.insert(QStringLiteral("comment"), static_cast<double>(c.id));
        content.insert(QStringLiteral("note"), static_cast<double>(c.noteId));
    }
    return content;
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

QString ctShareHash(const CtShareForm &f)
{
    const QJsonObject content{{QStringLiteral("form"), 1},
                              {QStringLiteral("share_uuid"), f.shareUuid},
                              {QStringLiteral("note_uuid"), f.noteUuid},
                              {QStringLiteral("entry"), f.entry},
                              {QStringLiteral("author"), f.author},
                              {QStringLiteral("supervisor"), f.supervisor},
                              {QStringLiteral("shared_at"), f.sharedAt},
                              {QStringLiteral("for_supervisor"), sha256Hex(f.forSupervisor)},
                              {QStringLiteral("for_author"), sha256Hex(f.forAuthor)}};
    return sha256Hex(compact(content).toUtf8());
}

QString ctWithdrawHash(const QString &shareHash, const QString &withdrawnAt)
{
    const QJsonObject content{{QStringLiteral("form"), 1},
                              {QStringLiteral("share_hash"), shareHash},
                              {QStringLiteral("withdrawn_at"), withdrawnAt}};
    return sha256Hex(compact(content).toUtf8());
}

} // namespace uc::vault
