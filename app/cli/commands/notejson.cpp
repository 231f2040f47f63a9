// SPDX-License-Identifier: GPL-3.0-or-later
#include "notejson.h"

#include "vault/vault.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace uc::cli {

QJsonObject noteJson(vault::Vault &v, const model::Note &n)
{
    QJsonArray addenda;
    for (const auto &a : v.addenda(n.id))
        addenda.append(QJsonObject{{u"id"_s, static_cast<double>(a.id)},
                                   {u"author"_s, a.author},
                                   {u"text"_s, a.text},
                                   {u"signed_at"_s, a.signedAt},
                                   {u"content_hash"_s, a.contentHash}});
    QJsonArray comments;
    for (const auto &c : v.comments(n.id))
        comments.append(QJsonObject{{u"id"_s, static_cast<double>(c.id)},
                                    {u"author"_s, c.author},
                                    {u"returned"_s, c.returned},
                                    {u"text"_s, c.text},
                                    {u"created"_s, c.created}});
    return {{u"id"_s, static_cast<double>(n.id)},
            {u"session"_s, static_cast<double>(n.sessionId)},
            {u"client"_s, n.clientCode},
            {u"date"_s, model::toIso(n.sessionDate)},
            {u"author"_s, n.author},
            {u"template"_s, n.templateId},
            {u"kind"_s, model::toString(n.kind)},
            {u"status"_s, model::toString(n.status)},
            {u"sections"_s, model::sectionsJsonArray(n.sections)},
            {u"text"_s, n.text()},
            {u"signed_by"_s, n.signedBy},
            {u"signed_at"_s, n.signedAt},
            {u"content_hash"_s, n.contentHash},
            {u"cosigned_by"_s, n.cosignedBy},
            {u"cosigned_at"_s, n.cosignedAt},
            {u"cosign_hash"_s, n.cosignHash},
            {u"complete"_s, n.complete()},
            {u"addenda"_s, addenda},
            {u"comments"_s, comments}};
}

} // namespace uc::cli
