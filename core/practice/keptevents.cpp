// SPDX-License-Identifier: GPL-3.0-or-later
#include "practice/keptevents.h"

#include "practice/sealedfile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace uc::practice {

QList<PracticeEvent> readKeptEvents(const vault::Vault &vault, const QString &fileName)
{
    QList<PracticeEvent> out;
    const std::optional<QByteArray> plain = readSealedMemberFile(vault, fileName);
    if (!plain)
        return out;
    for (const QJsonValue &v : QJsonDocument::fromJson(*plain).object().value(u"events"_s).toArray()) {
        const QJsonObject o = v.toObject();
        out.append({ static_cast<qint64>(o.value(u"seq"_s).toDouble()), o.value(u"item"_s).toString(),
                     static_cast<model::Id>(o.value(u"note"_s).toDouble()), o.value(u"by"_s).toString(),
                     o.value(u"kind"_s).toString(), o.value(u"at"_s).toString(), o.value(u"content_hash"_s).toString(),
                     o.value(u"text"_s).toString(), o.value(u"signature"_s).toString() });
    }
    return out;
}

void writeKeptEvents(const vault::Vault &vault, const QString &fileName, const QList<PracticeEvent> &all)
{
    QJsonArray list;
    for (const PracticeEvent &e : all)
        list.append(QJsonObject { { u"seq"_s, static_cast<double>(e.seq) },
                                  { u"item"_s, e.item },
                                  { u"note"_s, static_cast<double>(e.note) },
                                  { u"by"_s, e.by },
                                  { u"kind"_s, e.kind },
                                  { u"at"_s, e.at },
                                  { u"content_hash"_s, e.contentHash },
                                  { u"text"_s, e.text },
                                  { u"signature"_s, e.signature } });
    writeSealedMemberFile(vault, fileName, QJsonDocument(QJsonObject { { u"events"_s, list } }).toJson(QJsonDocument::Compact));
}

void appendKeptEvents(const vault::Vault &vault, const QString &fileName, const QList<PracticeEvent> &events)
{
    if (events.isEmpty())
        return;
    QList<PracticeEvent> all = readKeptEvents(vault, fileName);
    all.append(events);
    writeKeptEvents(vault, fileName, all);
}

} // namespace uc::practice
